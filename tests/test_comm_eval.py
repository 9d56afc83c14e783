"""kommunikasjonsplan.docx and evalueringsplan.docx: alone, and the same content inside the
handlingsplan (one sub-template, two places)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_support import (
    ELVEBAKKEN,
    NORDBYEN,
    SAMI,
    Block,
    blocks,
    built,
    headings,
    model,
    open_docx,
    plain,
    section,
    table_after,
    unnumbered,
)

import omradedok
from omradedok.documents.evalueringsplan import PART_KEYS as EVAL_KEYS
from omradedok.documents.evalueringsplan import evaluation_view
from omradedok.documents.kommunikasjonsplan import PART_KEYS as COMM_KEYS
from omradedok.documents.kommunikasjonsplan import communication_view
from omradedok.model import Language


def _content(found: list[Block], shift: int) -> list[tuple[str, object]]:
    """What a passage says, not how it is laid out: headings (level relative to the part,
    without the handlingsplan's chapter numbers), the texts of its paragraphs and its tables'
    cells, in order. Paragraph styles and the empty spacer after a table belong to the
    template (the handlingsplan is the house template, the standalone plans their own)."""
    out: list[tuple[str, object]] = []
    for block in found:
        if block.kind == "table":
            out.append(("table", block.rows))
        elif block.level is not None:
            out.append((f"h{block.level - shift}", unnumbered(block.text)))
        elif block.text.strip():
            out.append(("p", block.text))
    return out


def _standalone_body(data: bytes) -> list[Block]:
    """The standalone document's sections (after the title block and the intro)."""
    found = blocks(open_docx(data))
    start = next(i for i, b in enumerate(found) if b.level is not None)
    return found[start:]


@pytest.mark.parametrize("path", [NORDBYEN, ELVEBAKKEN, SAMI])
@pytest.mark.parametrize(("filename", "chapter", "next_chapter"), [
    ("kommunikasjonsplan.docx", "Kommunikasjon", "Evaluering"),
    ("evalueringsplan.docx", "Evaluering", ("Fremdrift", "Framdrift")),
])
def test_section_in_handlingsplan_equals_standalone(
    path: Path, filename: str, chapter: str, next_chapter: object
) -> None:
    docs = built(path)
    plan = open_docx(docs["handlingsplan.docx"])
    inside = section(plan, chapter)
    alone = _standalone_body(docs[filename])
    assert _content(inside, shift=2) == _content(alone, shift=0)
    assert len(inside) > 5


def test_communication_measures_table() -> None:
    document = open_docx(built(NORDBYEN)["kommunikasjonsplan.docx"])
    rows = table_after(document, "Tiltak")
    assert rows[0] == ["Aktivitet", "Kanal", "Målgruppe", "Tid", "Ansvarlig", "Ressurser"]
    assert rows[1] == [
        "Folkemøte om vedtatt handlingsplan",
        "Folkemøter og åpne beboermøter\nOppslagstavler i oppgangene og på handelssenteret",
        "Beboere\nLag, foreninger og borettslag", "April 2026", "Programleder",
        "Tolker på fem språk, 25 000 kr",
    ]
    assert len(rows) == 1 + len(model(NORDBYEN).communication.measures)
    found = headings(document)
    assert [t for _, t in found] == [
        "Mål for kommunikasjonen", "Målgrupper", "Kjernebudskap", "Kanaler", "Språk", "Tiltak",
        "Kommunens forpliktelse",
    ]
    engagement = [b.text for b in section(document, "Kommunens forpliktelse")]
    assert engagement[0].startswith("Fjordvik kommune forplikter seg til å drive")
    assert "\n" not in engagement[0]  # YAML line wrapping is joined into one paragraph
    languages = [b.text for b in section(document, "Språk")]
    assert languages == ["Informasjon gis på norsk, engelsk, somali, arabisk, polsk og tigrinja."]


def test_evaluation_indicator_matrix_from_goals() -> None:
    document = open_docx(built(NORDBYEN)["evalueringsplan.docx"])
    rows = table_after(document, "Indikatorer")
    assert rows[0] == ["Indikator", "Nullpunkt", "Målverdi", "Datakilde og hyppighet",
                       "Ansvarlig"]
    indicators = list(model(NORDBYEN).indicators())
    assert len(rows) == 1 + len(indicators)
    assert [plain(c) for c in rows[1]] == [
        "Andel barn 1–5 år som går i barnehage\nEnhet: prosent · Mål: DM1.1",
        "78 % (2025)\nKilde: Fjordvik kommune, barnehageregisteret",
        "90 % (2030)", "Barnehageregisteret\nÅrlig", "Delprogramleder oppvekst og utdanning",
    ]
    schedule = table_after(document, "Type og tidspunkt")
    assert [r[:2] for r in schedule[1:]] == [
        ["2026", "Nullpunktsmåling"], ["2027", "Følgeevaluering"],
        ["2028", "Midtveisevaluering"], ["2030", "Følgeevaluering"],
        ["2031", "Sluttevaluering"],
    ]
    chain = table_after(document, "Resultatkjede")
    assert chain[0] == ["Innsatsfaktorer →", "Aktiviteter →", "Resultater →", "Effekter"]
    assert chain[1][1] == "• Tiltakene i de årlige aktivitetsplanene"
    assert [b.text for b in section(document, "Evaluator")] == [
        "Ekstern evaluator: Samfunnsanalyse Sør AS."]


def test_nynorsk_labels() -> None:
    comm = [t for _, t in headings(open_docx(built(ELVEBAKKEN)["kommunikasjonsplan.docx"]))]
    assert "Kjernebodskap" in comm and "Kommunen si forplikting" in comm
    ev = [t for _, t in headings(open_docx(built(ELVEBAKKEN)["evalueringsplan.docx"]))]
    assert "Formål og brukarar" in ev and "Indikatorar" in ev


def test_standalone_metadata_and_status() -> None:
    data = built(ELVEBAKKEN)["kommunikasjonsplan.docx"]
    document = open_docx(data)
    assert document.core_properties.title == "Kommunikasjonsplan for Områdeprogram Elvebakken 2013–2020"
    assert document.core_properties.language == "nn-NO"
    cover = document.tables[0]
    assert ["Status", "Vedteken"] in [[c.text for c in r.cells] for r in cover.rows]


def test_kinds_are_skipped_without_data(tmp_path: Path) -> None:
    bare = model(NORDBYEN).model_copy(update={"communication": None, "evaluation": None})
    kinds = [a.kind for a in omradedok.plan(bare)]
    assert "kommunikasjonsplan" not in kinds and "evalueringsplan" not in kinds
    assert "handlingsplan" in kinds


def test_view_keys_match_the_declared_template_fields() -> None:
    m = model(NORDBYEN)
    assert set(communication_view(m, Language.NB)) == COMM_KEYS
    assert set(evaluation_view(m, Language.NB)) == EVAL_KEYS
