"""kommunikasjonsplan.docx and evalueringsplan.docx: alone, and the same content inside the
handlingsplan (one typed section, two places, one house template)."""

from __future__ import annotations

from dataclasses import replace
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
from omradedok.documents.evalueringsplan import evaluation_section
from omradedok.documents.handlingsplan_doc import plan_document
from omradedok.documents.kommunikasjonsplan import communication_section
from omradedok.model import Language
from omradedok.view.blocks import Section


def _content(found: list[Block], shift: int) -> list[tuple[str, object]]:
    """What a passage says, not how it is laid out: headings (level relative to the chapter,
    without the handlingsplan's chapter numbers), the texts of its paragraphs and its tables'
    cells, in order."""
    out: list[tuple[str, object]] = []
    for block in found:
        if block.kind == "table":
            out.append(("table", block.rows))
        elif block.level is not None:
            out.append((f"h{block.level - shift}", unnumbered(block.text)))
        elif block.text.strip():
            out.append(("p", block.text))
    return out


def _chapter(document: object, title: str) -> tuple[list[tuple[int, str]], list[Block], int]:
    """The chapter ``title``: its heading and those below it (level, text without number),
    and its blocks."""
    found = blocks(document)
    start = next(
        i for i, b in enumerate(found) if b.level is not None and unnumbered(b.text) == title
    )
    level = found[start].level
    assert level is not None
    inside = section(document, found[start].text)
    heads = [(level, unnumbered(found[start].text))] + [
        (b.level, unnumbered(b.text)) for b in inside if b.level is not None
    ]
    return [(lv - level, text) for lv, text in heads], inside, level


def _cells(found: list[Block]) -> set[str]:
    return {c for b in found if b.kind == "table" for row in b.rows or [] for c in row if c}


CASES = [(NORDBYEN, None), (ELVEBAKKEN, None), (SAMI, None), (NORDBYEN, "nn")]
KINDS = [("kommunikasjonsplan.docx", "Kommunikasjon"), ("evalueringsplan.docx", "Evaluering")]


@pytest.mark.parametrize(("path", "language"), CASES)
@pytest.mark.parametrize(("filename", "chapter"), KINDS)
def test_section_in_handlingsplan_equals_standalone(
    path: Path, language: str | None, filename: str, chapter: str
) -> None:
    docs = built(path, language)
    plan_heads, inside, plan_level = _chapter(open_docx(docs["handlingsplan.docx"]), chapter)
    alone_doc = open_docx(docs[filename])
    alone_heads, alone, alone_level = _chapter(alone_doc, chapter)
    assert alone_level == 1
    # the same headings in the same order (the chapter is level 1 alone, one level deeper and
    # numbered in the plan), and nothing else under a heading in the standalone document
    assert plan_heads == alone_heads
    assert len(plan_heads) > 5
    assert [(lv, t) for lv, t in headings(alone_doc)] == [(lv + 1, t) for lv, t in alone_heads]
    # every cell of the chapter's tables in the standalone document and back
    assert _cells(inside) == _cells(alone)
    assert _cells(inside)
    # and the whole text in order
    assert _content(inside, plan_level) == _content(alone, alone_level)


def _no_numbers(block: object) -> object:
    if not isinstance(block, Section):
        return block
    return replace(block, number="", children=tuple(_no_numbers(c) for c in block.children))


@pytest.mark.parametrize(("path", "language"), CASES)
def test_the_plan_view_holds_the_kinds_own_sections(path: Path, language: str | None) -> None:
    m = model(path)
    lang = Language(language) if language else m.municipality.language
    document = plan_document(m, lang)
    chapters = {
        b.key: b
        for part in document.body
        if isinstance(part, Section)
        for b in part.children
        if isinstance(b, Section)
    }
    for key, build in (("communication", communication_section), ("evaluation", evaluation_section)):
        own = build(m, lang, None, level=2)
        assert _no_numbers(chapters[key]) == own


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
        "Kommunikasjon", "Mål for kommunikasjonen", "Målgrupper", "Kjernebudskap", "Kanaler", "Språk", "Tiltak",
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
