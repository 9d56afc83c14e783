"""handlingsplan.docx: structure, the model's figures in the tables, status, languages."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx_support import (
    ELVEBAKKEN,
    NORDBYEN,
    SAMI,
    blocks,
    built,
    headings,
    model,
    open_docx,
    part,
    plain,
    section,
    table_after,
    unnumbered,
)

import omradedok
from omradedok.locale import enum_label, format_money
from omradedok.model import DocumentStatus, FundingSource

PART1_NB = [
    "Sammendrag", "Bakgrunn og formål", "Kunnskapsgrunnlag", "Forankring", "Visjon og mål",
    "Strategier og metoder", "Rammer", "Organisering", "Medvirkning", "Kommunikasjon",
    "Evaluering", "Fremdrift",
]
PART1_NN = [
    "Samandrag", "Bakgrunn og formål", "Kunnskapsgrunnlag", "Forankring", "Visjon og mål",
    "Strategiar og metodar", "Rammer", "Organisering", "Medverknad", "Kommunikasjon",
    "Evaluering", "Framdrift",
]


def _doc(path: Path = NORDBYEN):  # type: ignore[no-untyped-def]
    return open_docx(built(path)["handlingsplan.docx"])


def _indent(document, text: str) -> int:  # type: ignore[no-untyped-def]
    """The left indent (twips) of the first table cell paragraph reading ``text``: a
    delprosjekt is stepped in under its project."""
    for table in document.tables:
        for row in table.rows:
            paragraph = row.cells[0].paragraphs[0]
            if paragraph.text == text:
                ind = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
                return int(ind.get(qn("w:left"), "0")) if ind is not None else 0
    raise AssertionError(f"no table row {text!r}")


def _h2_under(found: list[tuple[int, str]], part_title: str) -> list[str]:
    start = found.index((1, part_title))
    out = []
    for level, text in found[start + 1 :]:
        if level == 1:
            break
        if level == 2:
            out.append(text)
    return out


@pytest.mark.parametrize(("path", "expected", "part1", "part2"), [
    (NORDBYEN, PART1_NB, "Del 1 Programdel", "Del 2 Prosjektoversikt"),
    (ELVEBAKKEN, PART1_NN, "Del 1 Programdel", "Del 2 Prosjektoversikt"),
])
def test_headings_in_order(path: Path, expected: list[str], part1: str, part2: str) -> None:
    found = headings(_doc(path))
    ones = [text for level, text in found if level == 1]
    assert ones == ["Om dokumentet", part1, part2]
    # the chapters are numbered through both parts, as in the PDF («13 DP1 Oppvekst …»)
    assert _h2_under(found, part1) == [f"{n} {title}" for n, title in enumerate(expected, 1)]
    sub_programmes = [f"{sp.id} {sp.name}" for sp in model(path).programme.sub_programmes]
    first = len(expected) + 1
    assert _h2_under(found, part2) == [
        f"{n} {title}" for n, title in enumerate(sub_programmes, first)
    ]
    # a sub-heading carries its chapter's number: «7.3 Økonomisk ramme» under «7 Rammer»
    chapter = ""
    for level, text in found:
        if level == 2:
            chapter = text.split(" ", 1)[0]
        elif level >= 3 and chapter.isdigit():
            assert text.startswith(f"{chapter}."), (chapter, text)
    levels = [level for level, _ in found]
    assert all(b - a <= 1 for a, b in pairwise(levels)), levels


def test_no_empty_headings_or_paragraphs() -> None:
    for path in (NORDBYEN, ELVEBAKKEN, SAMI):
        found = blocks(_doc(path))
        for index, block in enumerate(found):
            if block.kind == "p" and not block.style.startswith("TOC"):
                has_picture = block.element.find(f".//{qn('w:drawing')}") is not None
                # Word needs a paragraph after a table (it also keeps two tables apart), and
                # a page break is a paragraph of its own; any other empty paragraph is a gap
                after_table = index > 0 and found[index - 1].kind == "table"
                page_break = block.element.find(f".//{qn('w:br')}") is not None
                assert block.text.strip() or has_picture or after_table or page_break, (
                    path.name, index, block.style)
            if block.level is None:
                continue
            after = found[index + 1] if index + 1 < len(found) else None
            assert after is not None, f"{block.text} is the last block"
            assert after.level is None or after.level > block.level, (path.name, block.text)


def test_cover_status_and_draft_marking() -> None:
    data = built(NORDBYEN)["handlingsplan.docx"]
    document = open_docx(data)
    texts = [b.text for b in blocks(document)]
    # the cover: municipality, kind, the initiative's name, and its period under it
    assert texts[:4] == ["Fjordvik kommune", "Handlingsplan", "Områdeløft Nordbyen", "2026–2031"]
    cover = next(b for b in blocks(document) if b.kind == "table").rows
    assert ["Status", "Til politisk behandling"] in cover
    assert ["Versjon", "1.0"] in cover
    assert ["Dato", "24. februar 2026"] in cover
    assert ["Periode", "2026–2031"] in cover
    header = re.sub(r"<[^>]+>", "", part(data, "word/header1.xml"))
    assert "TIL POLITISK BEHANDLING – versjon 1.0 – 24. februar 2026" in header
    footer = part(data, "word/footer1.xml")
    assert "PAGE" in footer and "NUMPAGES" in footer and ">Side <" in footer.replace(
        'xml:space="preserve"', "")
    history = table_after(document, "Versjonshistorikk")
    assert history[0] == ["Versjon", "Dato", "Status", "Endringer", "Utarbeidet av"]
    assert [row[0] for row in history[1:]] == ["0.1", "0.5", "0.9", "1.0"]
    assert history[2][1:3] == ["20. november 2025", "Høringsutkast"]


def test_consultation_draft_in_nynorsk() -> None:
    # Elvebakken's handlingsdel is adopted; its consultation draft of spring 2017 was this
    adopted = model(ELVEBAKKEN)
    plans = [
        d.model_copy(update={"status": DocumentStatus.CONSULTATION, "decision": None})
        if d.id == adopted.document.current_document_id
        else d
        for d in adopted.document.plan_documents
    ]
    document = adopted.document.model_copy(
        update={
            "plan_documents": plans,
            "status": DocumentStatus.CONSULTATION,
            "version": "0.5",
            "date": dt.date(2017, 4, 15),
            "consultation_deadline": dt.date(2017, 5, 29),
            "decision": None,
        }
    )
    data = omradedok.render(adopted.model_copy(update={"document": document}), "handlingsplan")
    header = re.sub(r"<[^>]+>", "", part(data, "word/header1.xml"))
    assert "HØYRINGSUTKAST – versjon 0.5 – 15. april 2017 – høyringsfrist 29. mai 2017" in header
    about = [b.text for b in section(open_docx(data), "Om dokumentet") if b.kind == "p"]
    assert about[0] == "Dette dokumentet er Handlingsdel 2017–2020 til Områdeprogram Elvebakken 2013–2020."
    assert any(p.startswith("Dette er eit høyringsutkast (versjon 0.5, 15. april 2017)") for p in about)
    assert not any("vedteken" in p for p in about), about


def test_adopted_older_programme_in_nynorsk() -> None:
    data = built(ELVEBAKKEN)["handlingsplan.docx"]
    header = re.sub(r"<[^>]+>", "", part(data, "word/header1.xml"))
    assert "UTKAST" not in header.upper() and "versjon" not in header
    about = " ".join(b.text for b in section(open_docx(data), "Om dokumentet") if b.kind == "p")
    assert "22. juni 2017" in about and "PS 0123/17" in about


def test_adopted_plan_states_the_decision_and_has_no_banner() -> None:
    data = built(SAMI)["handlingsplan.docx"]
    document = open_docx(data)
    assert model(SAMI).document.status is DocumentStatus.ADOPTED
    header = re.sub(r"<[^>]+>", "", part(data, "word/header1.xml"))
    assert "UTKAST" not in header.upper() and "BEHANDLING" not in header.upper()
    cover = next(b for b in blocks(document) if b.kind == "table").rows
    # the case number is written with its kind («PS 15/26»): printed as written, no «sak»
    assert ["Vedtak", "Vedtatt av Suohkanstivra – Kommunestyret 19. mars 2026, PS 15/26"] \
        in cover
    about = " ".join(b.text for b in section(document, "Om dokumentet"))
    assert "vedtatt av Suohkanstivra – Kommunestyret 19. mars 2026 i PS 15/26" in about


def test_goal_table_carries_indicators() -> None:
    document = _doc()
    rows = table_after(document, "HM1 Barn og unge i Nordbyen har gode oppvekstvilkår og "
                                 "fullfører skolegangen")
    assert rows[0] == ["Mål", "Indikator", "Nullpunkt", "Målverdi", "Datakilde"]
    first = [plain(c) for c in rows[1]]
    assert first == [
        "Delmål DM1.1: Flere barn går i barnehage og har godt norsk ved skolestart",
        "Andel barn 1–5 år som går i barnehage", "78 % (2025)", "90 % (2030)",
        "Barnehageregisteret",
    ]
    assert plain(rows[2][0]) == ""  # second indicator of the same goal
    flat = [plain(c) for row in rows for c in row]
    assert "400 (2027)" in flat and "85 (2025)" in flat
    hm3 = table_after(document, "HM3 Nordbyen har trygge, grønne og attraktive uterom og gode "
                                "boliger")
    assert ["Nei (2025)", "Ja (2027)"] in [[plain(c) for c in row[2:4]] for row in hm3]


def test_economic_frame_per_year_and_source() -> None:
    document = _doc()
    rows = table_after(document, "Økonomisk ramme")
    assert rows[0] == ["År", *(enum_label(s) for s in FundingSource), "Sum"]
    assert rows[0][1:5] == ["Kommunale midler", "Statlige midler", "Andre midler",
                            "Overført fra i fjor"]
    frames = model(NORDBYEN).budget_frame
    assert rows[1] == ["2026", *(format_money(v) for v in (
        frames[0].municipal, frames[0].state, frames[0].other, frames[0].carried_over,
        frames[0].total))]
    assert plain(rows[1][1]) == "6 400 000 kr"
    assert plain(rows[1][5]) == "13 700 000 kr"
    assert plain(rows[2][5]) == "15 900 000 kr"
    # every year of the period has a row; the years the input gives no frame for are
    # «ikke fastsatt», so the period's sum is «minst …», never a total nobody gave
    assert [r[0] for r in rows[3:7]] == ["2028", "2029", "2030", "2031"]
    assert all(plain(c) == "ikke fastsatt" for r in rows[3:7] for c in r[1:])
    assert [plain(c) for c in rows[7]] == ["Sum", "minst 13 700 000 kr", "minst 12 500 000 kr",
                                           "minst 3 000 000 kr", "minst 400 000 kr",
                                           "minst 29 600 000 kr"]
    period = " ".join(b.text for b in section(document, "Periode") if b.kind == "p")
    assert "seks år, fra og med 2026 til og med 2031 (2026–2031)" in period


def test_organisation_bodies_roles_and_matrix() -> None:
    document = _doc()
    found = headings(document)
    bodies = [b.name for b in model(NORDBYEN).organisation.bodies]
    fours = [unnumbered(text) for level, text in found if level == 4]
    assert fours[: len(bodies)] == bodies
    members = table_after(document, "Styringsgruppen for Områdeløft Nordbyen")
    assert members[0] == ["Navn", "Tittel", "Organisasjon", "Rolle"]
    assert members[1] == ["Tor Arne Bakken", "kommunedirektør (leder)", "Fjordvik kommune",
                          "Programeier"]
    roles = table_after(document, "Roller og ansvar")
    assert roles[2][:2] == ["Programleder", "Amina Yusuf Hansen"]
    assert roles[2][2].startswith("• Leder programgruppen og den daglige driften\n• ")
    matrix = table_after(document, "Rolle- og ansvarsmatrise")
    assert matrix[0] == ["Oppgave", "Ansvarlig", "Bidrar", "Rådført", "Informert"]
    # the plan's tasks (projects and delprosjekter), not mandates or role prose; one A each
    projects = [p for sp in model(NORDBYEN).programme.sub_programmes for p in sp.projects]
    count = len(projects) + sum(len(p.sub_projects) for p in projects)
    assert len(matrix) == 1 + count
    row = next(r for r in matrix if r[0] == "P3.2 Borettslagsløftet")
    assert row[1] == "Prosjektleder Borettslagsløftet"
    assert "Husbanken" in row[2].split("\n")
    assert row[4] == "Delprogramleder bo- og nærmiljø"
    assert any(r[0] == "P3.2.1 Tilstandsvurdering og vedlikeholdsplaner" for r in matrix)
    assert _indent(document, "P3.2.1 Tilstandsvurdering og vedlikeholdsplaner") > 0
    assert all(r[1] and "\n" not in r[1] for r in matrix[1:])
    mandates = {b.mandate for b in model(NORDBYEN).organisation.bodies}
    assert not mandates & {r[0] for r in matrix}


def test_part2_projects_with_owner_goals_period_budget() -> None:
    document = _doc()
    rows = table_after(document, "DP1 Oppvekst og utdanning")
    assert rows[0] == ["Prosjekt og delprosjekt", "Ansvarlig", "Mål", "Periode",
                       "Budsjett 2026–2027"]
    acts = [a for a in model(NORDBYEN).activities if a.project_id == "P1.1"]
    p11 = next(r for r in rows if r[0] == "P1.1 Språk og tidlig innsats")
    assert p11[1:4] == ["Delprogramleder oppvekst og utdanning", "DM1.1, DM1.2", "2026–2031"]
    assert p11[4] == format_money(sum(a.budget.total for a in acts))
    assert _indent(document, "P1.1.1 Hjemmebesøk og barnehagerekruttering") > 0
    assert _indent(document, "P1.1 Språk og tidlig innsats") == 0
    total = sum(a.budget.total for a in model(NORDBYEN).activities if a.sub_programme_id == "DP1")
    assert rows[-1] == ["Sum delprogram", "", "", "", format_money(total)]


def test_charts_and_every_picture_has_alt_text() -> None:
    pytest.importorskip("pypdfium2")
    document = _doc()
    pictures = document.inline_shapes
    assert len(pictures) >= 4
    assert all((s._inline.docPr.get("descr") or "").strip() for s in pictures)
    captions = [b.text for b in blocks(document) if b.style == "Figurtekst"]
    assert len(captions) == len(pictures)


def test_toc_lists_the_chapters() -> None:
    document = _doc()
    found = blocks(document)
    toc = [b.text.split("\t")[0] for b in found if b.style in ("TOC1", "TOC2")]
    assert toc == [text for level, text in headings(document) if level <= 2]


def test_language_and_core_properties() -> None:
    nb = built(NORDBYEN)["handlingsplan.docx"]
    nn = built(ELVEBAKKEN)["handlingsplan.docx"]
    assert '<w:lang w:val="nb-NO"' in part(nb, "word/styles.xml")
    assert '<w:lang w:val="nn-NO"' in part(nn, "word/styles.xml")
    props = open_docx(nb).core_properties
    assert props.title == "Handlingsplan for Områdeløft Nordbyen 2026–2031"
    assert props.author == "Fjordvik kommune"
    assert "Områdeløft Nordbyen 2026–2031" in props.subject
    assert "handlingsplan" in props.keywords
    assert props.language == "nb-NO"
    assert props.created.date() == model(NORDBYEN).document.date
    assert open_docx(nn).core_properties.language == "nn-NO"


def test_nynorsk_has_no_bokmal_labels() -> None:
    document = _doc(ELVEBAKKEN)
    text = " ".join(b.text for b in blocks(document)) + " ".join(
        c for b in blocks(document) if b.rows for row in b.rows for c in row)
    for word in ("Sammendrag", "Medvirkning", "Fremdrift", "Ansvarlig", "Innhold",
                 "Utarbeidet", "Kilder"):
        assert not re.search(rf"\b{word}\b", text), word


def test_bokmal_plan_can_be_built_in_nynorsk() -> None:
    document = open_docx(built(NORDBYEN, "nn")["handlingsplan.docx"])
    assert (2, "1 Samandrag") in headings(document)


def test_sami_letters_render() -> None:
    document = _doc(SAMI)
    text = "\n".join(b.text for b in blocks(document))
    assert "Områdeløft Guovdageaidnu – Báikegoddi ovttas" in text
    assert "Mánát ja nuorat galget šaddat dorvvolaččat" in text


def test_sections_without_data_say_so(tmp_path: Path) -> None:
    base = model(NORDBYEN)
    bare = base.model_copy(update={
        "summary": "", "background": "", "purpose": "", "anchoring": [], "strategies": [],
        "goals": base.goals.model_copy(update={"vision": "", "main_goals": []}),
        "knowledge_base": base.knowledge_base.model_copy(update={
            "summary": "", "sources": [], "challenges": [], "resources": []}),
        "communication": None, "evaluation": None, "council_case": None, "milestones": [],
        "activities": [], "budget_frame": [], "agreements": [],
        "programme": base.programme.model_copy(update={"sub_programmes": []}),
        "area": base.area.model_copy(update={"description": "", "population": None}),
    })
    result = omradedok.build(bare, tmp_path, only=["handlingsplan", "kommunikasjonsplan",
                                                   "evalueringsplan", "saksframlegg"])
    assert [p.name for p in result.paths] == ["handlingsplan.docx"]
    document = open_docx(result.paths[0].read_bytes())
    found = headings(document)
    assert (2, "Sammendrag") not in found
    for title, sentence in [
        ("Kommunikasjon", "Ikke fastsatt."),
        ("Evaluering", "Ikke fastsatt."),
        ("Forankring", "Ikke fastsatt."),
        ("Visjon og mål", "Ikke fastsatt."),
        ("Fremdrift", "Ikke fastsatt."),
        ("Del 2 Prosjektoversikt", "Ikke fastsatt."),
    ]:
        assert [b.text for b in section(document, title)] == [sentence], title
    test_blocks = blocks(document)
    assert not any("None" in b.text for b in test_blocks)


def test_user_text_renders_as_written(tmp_path: Path) -> None:
    base = model(NORDBYEN)
    tricky = 'Bakeri & Kafé <Nord> "sitat" \'enkel\' 😀 áčđŋšŧž'
    main = base.goals.main_goals[0]
    goals = base.goals.model_copy(update={"main_goals": [
        main.model_copy(update={"title": tricky,
                                "description": "Første linje\n- punkt med\ttab"}),
        *base.goals.main_goals[1:]]})
    changed = base.model_copy(update={"goals": goals, "summary": "Avsnitt én.\n\nAvsnitt <to>."})
    result = omradedok.build(changed, tmp_path, only=["handlingsplan"])
    document = open_docx(result.paths[0].read_bytes())
    texts = [b.text for b in blocks(document)]
    assert f"5.1 HM1 {tricky}" in texts
    # the words arrive in order and unescaped; the line break the user wrote before a list
    # line stays a line break (DOCX and PDF alike, tests/test_line_breaks.py), the tab is a space
    assert "Første linje\n- punkt med tab" in texts
    assert section(document, "Sammendrag")[0].text == "Avsnitt én."
    assert section(document, "Sammendrag")[1].text == "Avsnitt <to>."


def test_logo_on_the_cover_has_alt_text(tmp_path: Path) -> None:
    import struct
    import zlib

    raw = b"".join(b"\x00" + b"\x10\x50\x90" * 16 for _ in range(16))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    logo = tmp_path / "vapen.png"
    logo.write_bytes(png)
    base = model(NORDBYEN)
    profile = base.municipality.profile.model_copy(update={"logo": logo})
    changed = base.model_copy(update={"municipality": base.municipality.model_copy(
        update={"profile": profile})})
    result = omradedok.build(changed, tmp_path / "ut", only=["handlingsplan", "saksframlegg"])
    for path in result.paths:
        shapes = open_docx(path.read_bytes()).inline_shapes
        assert shapes[0]._inline.docPr.get("descr") == "Kommunevåpen for Fjordvik kommune"


def test_pdf_shows_the_plan_matrix_once(large_model: omradedok.Initiative, tmp_path: Path) -> None:
    from pypdf import PdfReader

    result = omradedok.build(large_model, tmp_path, only=["handlingsplan-pdf"])
    text = "\n".join(p.extract_text() for p in PdfReader(result.paths[0]).pages)
    assert text.count("Rolle- og ansvarsmatrise") == 1
    assert "Oppgave Ansvarlig Bidrar Rådført Informert" in " ".join(text.split())
    assert "P3.2 Borettslagsløftet" in text
