"""saksframlegg.docx: header block, saksgang, the innstilling, inputs and the attachment list."""

from __future__ import annotations

import re

from docx_support import (
    ELVEBAKKEN,
    KINDS,
    NORDBYEN,
    SAMI,
    blocks,
    built,
    headings,
    model,
    open_docx,
    part,
    section,
)

import omradedok
from omradedok.documents.saksframlegg import VIEW_KEYS, attachment_artifacts, saksframlegg_view
from omradedok.locale import format_date
from omradedok.model import Language


def _doc(path=NORDBYEN):  # type: ignore[no-untyped-def]
    return open_docx(built(path)["saksframlegg.docx"])


def test_header_block_and_case_route() -> None:
    document = _doc()
    found = blocks(document)
    assert [b.text for b in found[:3]] == [
        "Fjordvik kommune", "Saksframlegg", "Handlingsplan for Områdeløft Nordbyen 2026–2031",
    ]
    facts = document.tables[0]
    case = model(NORDBYEN).council_case
    # the case's own date, never the plan version's (the examples may or may not give one)
    date = format_date(case.date, Language.NB) if case.date else "Ikke fastsatt"
    assert [[c.text for c in row.cells] for row in facts.rows] == [
        ["Arkivsak", "26/1234"],
        ["Arkivkode", "FE-140"],
        ["Saksbehandler", "Amina Yusuf Hansen, programleder"],
        ["Enhet", "By- og samfunnsutvikling"],
        ["Dato", date],
    ]
    route = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert route[0] == ["Utvalg", "Møtedato", "Saksnr."]
    assert route[1] == ["Eldrerådet", "2. mars 2026", "PS 8/26"]
    assert route[-1] == ["Bystyret", "26. mars 2026", "PS 31/26"]
    assert document.tables[1].rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None


def test_sections_in_order() -> None:
    assert [text for level, text in headings(_doc()) if level == 1] == [
        "Kommunedirektørens innstilling", "Sammendrag", "Saksopplysninger",
        "Medvirkning og høringsinnspill", "Vurdering",
        "Økonomiske og administrative konsekvenser", "Vedlegg",
    ]


def test_innstilling_is_a_numbered_resolution() -> None:
    document = _doc()
    points = section(document, "Kommunedirektørens innstilling")
    assert [b.text for b in points] == model(NORDBYEN).council_case.proposed_resolution
    assert {b.style for b in points} == {"Innstillingspunkt"}
    styles = part(built(NORDBYEN)["saksframlegg.docx"], "word/styles.xml")
    style = re.search(r'w:styleId="Innstillingspunkt".*?</w:style>', styles, re.S)
    assert style and "<w:numId" in style.group(0)


def test_nynorsk_innstilling() -> None:
    ones = [text for level, text in headings(_doc(ELVEBAKKEN)) if level == 1]
    assert ones[0] == "Rådmannen si innstilling"  # Elvebakken's officer is a rådmann
    assert "Medverknad og høyringsinnspel" in ones
    assert "Økonomiske og administrative konsekvensar" in ones


def test_consultation_inputs_table() -> None:
    rows = next(b.rows for b in section(_doc(), "Medvirkning og høringsinnspill") if b.rows)
    inputs = model(NORDBYEN).council_case.consultation_inputs
    assert rows[0] == ["Fra", "Innspill", "Vurdering av innspillet"]
    assert rows[1:] == [[i.from_whom, i.summary, i.assessment] for i in inputs]


def test_attachments_are_the_documents_of_the_run() -> None:
    m = model(NORDBYEN)
    planned = omradedok.plan(m, only=KINDS)  # the same selection `built` renders
    expected = [a.title for a in attachment_artifacts(planned)]
    assert sorted(expected) == sorted(a.title for a in planned if a.attachment)
    expected += m.council_case.extra_attachments
    found = [b.text for b in section(_doc(), "Vedlegg")]
    assert found == expected
    assert found[0] == "Handlingsplan for Områdeløft Nordbyen 2026–2031"
    assert found.index("Kommunikasjonsplan for Områdeløft Nordbyen 2026–2031") < found.index(
        "Evalueringsplan for Områdeløft Nordbyen 2026–2031")
    assert "Kommunikasjonsplan for Områdeløft Nordbyen 2026–2031" in found
    assert found[-2:] == ["Kunnskapsgrunnlag for Nordbyen (2025)", "Høringsinnspill i sin helhet"]
    assert {b.style for b in section(_doc(), "Vedlegg")} == {"Vedleggsliste"}
    saksframlegg = next(a for a in planned if a.kind == "saksframlegg")
    assert saksframlegg.attachment is False and planned[-1] is saksframlegg


def test_kinds_left_out_are_not_attachments() -> None:
    m = model(NORDBYEN)
    (alone,) = omradedok.plan(m, only=["saksframlegg"])
    found = [b.text for b in section(open_docx(alone.render()), "Vedlegg")]
    assert found == m.council_case.extra_attachments
    full = omradedok.plan(m)
    titles = [a.title for a in attachment_artifacts(full)]
    assert "Aktivitetsplan 2026" in titles and "Rolle- og ansvarsmatrise" in titles
    assert any(a.filename.startswith("samarbeidsavtale-") for a in full if a.attachment)


def test_no_council_case_no_saksframlegg() -> None:
    bare = model(NORDBYEN).model_copy(update={"council_case": None})
    assert [a.kind for a in omradedok.plan(bare) if a.kind == "saksframlegg"] == []


def test_sami_and_metadata() -> None:
    data = built(SAMI)["saksframlegg.docx"]
    document = open_docx(data)
    text = "\n".join(b.text for b in blocks(document))
    assert "Ávjovárri kommune – Ávjovári suohkan" in text
    props = document.core_properties
    assert props.author == "Ávjovárri kommune – Ávjovári suohkan"
    assert props.category == "Saksframlegg"
    assert "arkivsak" in props.keywords


def test_view_keys_match_the_declared_template_fields() -> None:
    assert set(saksframlegg_view(model(NORDBYEN), Language.NB, [])) == VIEW_KEYS


def test_cli_build_in_nynorsk(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from omradedok.cli import main

    code = main(["build", str(NORDBYEN), "-o", str(tmp_path), "--language", "nn",
                 "--only", "handlingsplan,saksframlegg"])
    assert code == 0
    documents = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert documents == ["handlingsplan.docx", "saksframlegg.docx"]
    document = open_docx((tmp_path / "saksframlegg.docx").read_bytes())
    assert headings(document)[0] == (1, "Kommunedirektøren si innstilling")
    assert document.core_properties.language == "nn-NO"
