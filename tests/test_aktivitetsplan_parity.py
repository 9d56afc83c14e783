"""One aktivitetsplan, three formats: the DOCX, the PDF and the XLSX of a year's plan are the
same document – the same amounts as often, the same table cells, the same headings, the input
order of the activities, a negative deviation and the warning for a year over its frame – for
every example and for variants (activities reversed, an over-budget year, nynorsk, multi-year
activities). The PDF also never breaks a word without a hyphen."""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
from conftest import EXAMPLE_FILES
from docx import Document as open_docx
from openpyxl import load_workbook
from pypdf import PdfReader
from tagged_support import marked_texts, structure, text_of
from view_support import docx_headings, pdf_outline, pdf_text, squeeze

import omradedok
from omradedok.documents.aktivitetsplan import (
    activity_plan,
    render_docx_plan,
    render_pdf_plan,
)
from omradedok.documents.aktivitetsplan_xlsx import render_xlsx
from omradedok.io.dump import to_data
from omradedok.locale import format_money
from omradedok.model import Initiative, Language

EXAMPLES = {path.stem.split("-")[0]: path for path in EXAMPLE_FILES}

MONEY = re.compile(
    r"[-\u2212]?(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?[ \u00a0](?:mill\.[ \u00a0])?kr"
)
"""An amount as printed («60 000 kr», «−1 610 000 kr»), its sign included."""


def amounts(text: str) -> Counter[str]:
    return Counter(
        re.sub(r"[\u00a0\u202f ]", " ", m).replace("\u2212", "-") for m in MONEY.findall(text)
    )


# -- the cases -----------------------------------------------------------------------------


def _data(path: Any) -> dict[str, Any]:
    return to_data(omradedok.load(path))


def _year(data: dict[str, Any]) -> int:
    return int(Initiative.model_validate(data).activity_years()[0])


def _of_year(data: dict[str, Any], year: int) -> list[dict[str, Any]]:
    model = Initiative.model_validate(data)
    ids = {a.id for a in model.activities_in(year)}
    return [a for a in data["activities"] if a["id"] in ids]


def _reversed(data: dict[str, Any]) -> None:
    data["activities"].reverse()


def _over_budget(data: dict[str, Any]) -> None:
    year = _year(data)
    frame = next(f for f in data["budget_frame"] if f["year"] == year)
    first = _of_year(data, year)[0]
    first["budget"] = {
        "state": 2 * sum(v for k, v in frame.items() if isinstance(v, int) and k != "year")
    }


def _nynorsk(data: dict[str, Any]) -> None:
    data["municipality"]["language"] = "nn"


def _multi_year(data: dict[str, Any]) -> None:
    """The first activity of the year runs into the next with its budget split by year; the
    second runs three years with one budget for all (not split: «flerårig»)."""
    year = _year(data)
    first, second = _of_year(data, year)[:2]
    for act in (first, second):
        act.pop("year", None)
        act.pop("start", None)
        act.pop("end", None)
    first.update(start=f"{year}-03-01", end=f"{year + 1}-06-30")
    first.pop("budget", None)
    first["budget_by_year"] = [
        {"year": year, "municipal": 120_000, "state": 80_000},
        {"year": year + 1, "municipal": 60_000},
    ]
    second.update(start=str(year), end=str(year + 2))


VARIANTS = {
    "as-given": None,
    "reversed": _reversed,
    "over-budget": _over_budget,
    "nynorsk": _nynorsk,
    "multi-year": _multi_year,
}


@dataclass(frozen=True)
class Plan:
    model: Initiative
    year: int
    language: Language
    docx: bytes
    pdf: bytes
    xlsx: bytes


@cache
def _case(example: str, variant: str) -> Plan:
    data = _data(EXAMPLES[example])
    change = VARIANTS[variant]
    if change is not None:
        change(data)
    model = Initiative.model_validate(data)
    year = model.activity_years()[0]
    language = model.municipality.language
    plan = activity_plan(model, year, language)
    return Plan(
        model, year, language, render_docx_plan(plan), render_pdf_plan(plan), render_xlsx(plan)
    )


CASES = [f"{example}/{variant}" for example in sorted(EXAMPLES) for variant in VARIANTS]


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest) -> Plan:
    return _case(*request.param.split("/"))


# -- reading the formats back ------------------------------------------------------------


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    """Every table's rows as cell texts; a merged cell once (python-docx repeats it per
    column it spans)."""
    tables = []
    for table in open_docx(io.BytesIO(data)).tables:
        rows = []
        for row in table.rows:
            seen: set[int] = set()
            cells = []
            for c in row.cells:
                if id(c._tc) not in seen:
                    seen.add(id(c._tc))
                    cells.append(c.text)
            rows.append(cells)
        tables.append(rows)
    return tables


def _docx_table_text(data: bytes) -> str:
    return "\n".join(c for t in _docx_tables(data) for r in t for c in r)


def _docx_text(data: bytes) -> str:
    paragraphs = [p.text for p in open_docx(io.BytesIO(data)).paragraphs]
    return "\n".join([*paragraphs, _docx_table_text(data)])


def _pdf_reading_text(data: bytes) -> str:
    """The text a reader gets: every marked-content sequence outside the figures (a chart
    prints its own rounded labels; its alternative text is the figure's, checked elsewhere)."""
    texts = marked_texts(data)
    drawn = {ref for e in structure(data).walk() if e.role == "Figure" for ref in e.refs()}
    return "\n".join(t for ref, t in sorted(texts.items()) if ref not in drawn)


def _xlsx_amounts(data: bytes, language: Language) -> Counter[str]:
    """The amounts the workbook shows without recalculating: money cells (numbers and the
    cached results of formulas) as printed, and amounts inside text cells («anslag 40 000 kr»)."""
    workbook = load_workbook(io.BytesIO(data), data_only=True)
    out: Counter[str] = Counter()
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, int | float) and "kr" in (c.number_format or ""):
                    out.update(amounts(format_money(int(c.value), language)))
                elif isinstance(c.value, str):
                    out.update(amounts(c.value))
    return out


def _docx_xml_text(data: bytes) -> str:
    """All text of the body, the table of contents (a content control) included."""
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def _squeeze(text: str) -> str:
    return squeeze(text).replace("\u00ad", "")


# -- the same document -----------------------------------------------------------------------


def test_the_same_amounts_in_docx_pdf_and_xlsx(case: Plan) -> None:
    in_docx = amounts(_docx_text(case.docx))
    in_pdf = amounts(_pdf_reading_text(case.pdf))
    in_xlsx = _xlsx_amounts(case.xlsx, case.language)
    assert sum(in_docx.values()) > 20
    assert in_docx == in_pdf, (in_docx - in_pdf, in_pdf - in_docx)
    # the workbook holds the plan's tables (prose the input writes is not in a sheet)
    in_tables = amounts(_docx_table_text(case.docx))
    assert in_tables == in_xlsx, (in_tables - in_xlsx, in_xlsx - in_tables)


def test_every_docx_cell_is_in_the_pdf(case: Plan) -> None:
    page_text = _squeeze(pdf_text(case.pdf))
    checked = 0
    for row in (r for t in _docx_tables(case.docx) for r in t):
        for text in row:
            if text.strip():
                assert _squeeze(text) in page_text, text
                checked += 1
    assert checked > 100


def test_docx_headings_are_the_pdf_outline(case: Plan) -> None:
    headings = docx_headings(case.docx)
    assert headings[0][1].startswith("1 Innle")
    assert pdf_outline(case.pdf) == headings


def test_activities_keep_their_input_order(case: Plan) -> None:
    acts = case.model.activities_in(case.year)
    plan = activity_plan(case.model, case.year, case.language)
    expected = []  # input order inside each delprogram, delprogram in programme order
    for group in plan.groups:
        ids = [r.activity.id for r in group.rows]
        assert ids == [a.id for a in acts if a.id in ids]
        expected += ids
    docx_ids = [row[0] for t in _docx_tables(case.docx)[1:] if t[0][0] == "Nr" for row in t[1:]]
    assert docx_ids == expected
    tree, texts = structure(case.pdf), marked_texts(case.pdf)
    pdf_ids = []
    for table in (e for e in tree.walk() if e.role == "Table"):
        rows = [r for r in table.walk() if r.role == "TR"]
        first = [
            text_of(r.kids[0], texts) for r in rows if r.kids and not isinstance(r.kids[0], tuple)
        ]
        if first and first[0] == "Nr":
            pdf_ids += [f.replace("(forts.)", "").strip() for f in first[1:] if f != "Nr"]
    assert list(dict.fromkeys(pdf_ids)) == expected
    sheet = load_workbook(io.BytesIO(case.xlsx)).worksheets[0]
    assert [sheet.cell(r, 1).value for r in range(4, 4 + len(expected))] == expected


def test_an_over_budget_year_says_so_in_every_format() -> None:
    case = _case("nordbyen", "over-budget")
    plan = activity_plan(case.model, case.year, case.language)
    assert plan.over_frame and plan.frame is not None and plan.frame.low is not None
    assert plan.planned.low is not None
    rest = format_money(plan.frame.low - plan.planned.low, case.language)
    assert rest.startswith(("-", "\u2212"))
    warning = "Advarsel: aktivitetene koster mer enn budsjettrammen"
    docx = _docx_text(case.docx)
    assert rest in docx and warning in docx
    pdf = pdf_text(case.pdf)
    assert _squeeze(rest) in _squeeze(pdf) and _squeeze(warning) in _squeeze(pdf)
    budget = load_workbook(io.BytesIO(case.xlsx), data_only=True)["Budsjett"]
    values = [c.value for row in budget.iter_rows() for c in row]
    assert plan.frame.low - plan.planned.low in values
    assert any(isinstance(v, str) and v.startswith(warning) for v in values)


def test_multi_year_shares_and_unsplit_budgets_in_every_format() -> None:
    case = _case("elvebakken", "multi-year")
    word = "fleirårig"
    share = format_money(200_000, case.language)
    assert word in _docx_text(case.docx).casefold() and share in _docx_text(case.docx)
    assert word in pdf_text(case.pdf).casefold()
    cells = [
        c.value
        for ws in load_workbook(io.BytesIO(case.xlsx), data_only=True).worksheets
        for row in ws.iter_rows()
        for c in row
    ]
    assert any(isinstance(v, str) and word in v.casefold() for v in cells)
    assert 200_000 in cells  # the year's share, summed by the formula and cached


def test_nynorsk_in_every_format() -> None:
    case = _case("nordbyen", "nynorsk")
    docx, pdf = _docx_text(case.docx), pdf_text(case.pdf)
    for text in (
        "Innleiing",
        "Tiltak per delprogram",
        "Ansvarleg / partnarar",
        "Finansieringskjelde",
    ):
        assert text in docx and _squeeze(text) in _squeeze(pdf), text
    assert "Innhald" in pdf and "Innhald" in _docx_xml_text(case.docx)
    assert "Innledning" not in docx and "Innledning" not in pdf
    sheets = load_workbook(io.BytesIO(case.xlsx)).sheetnames
    assert sheets[0] == "Aktivitetar"


# -- no word broken without a hyphen ------------------------------------------------------


def _lines(data: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page: (x, y, text) of every line drawn, as pypdf reports the text objects."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        chunks: list[tuple[float, float, str]] = []

        def visit(
            text: str,
            cm: Any,
            tm: Any,
            font: Any,
            size: Any,
            chunks: list[tuple[float, float, str]] = chunks,
        ) -> None:
            if text.strip():
                x = float(tm[4]) * float(cm[0]) + float(cm[4])
                y = float(tm[5]) * float(cm[3]) + float(cm[5])
                chunks.append((round(x, 1), round(y, 1), text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(chunks)
    return pages


WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def broken_words(data: bytes, words: set[str], phrases: str) -> list[str]:
    """Line pairs (in one column: the same left edge, the next line down) where a line ends
    inside a word of ``words`` without a hyphen: «Spørreunders|økelse». ``phrases`` is the
    source text: two words that stand side by side there are not one word."""
    found = []
    for chunks in _lines(data):
        by_x: dict[float, list[tuple[float, str]]] = {}
        for x, y, text in chunks:
            for line in text.split("\n"):
                by_x.setdefault(x, []).append((y, line))
        for items in by_x.values():
            items.sort(key=lambda item: -item[0])
            for (_, upper), (_, lower) in itertools.pairwise(items):
                if not upper or upper.endswith(("-", "\u00ad")):
                    continue
                tail, head = WORD.findall(upper[-40:]), WORD.findall(lower[:40])
                if not tail or not head or not upper[-1].isalpha() or not lower[0].isalpha():
                    continue
                joined = tail[-1] + head[0]
                if joined.casefold() in words and f"{tail[-1]} {head[0]}" not in phrases:
                    found.append(f"{upper[-25:]}|{lower[:25]}")
    return found


def test_the_checker_finds_a_word_broken_without_a_hyphen() -> None:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "En lang spørreunders")
    canvas.drawString(100, 688, "økelse i bydelen")
    canvas.drawString(300, 700, "En lang spørreunder-")
    canvas.drawString(300, 688, "søkelse i bydelen")
    canvas.save()
    words = {"spørreundersøkelse", "bydelen"}
    assert broken_words(out.getvalue(), words, "En lang spørreundersøkelse i bydelen") == [
        "En lang spørreunders|økelse i bydelen"
    ]


def test_no_word_is_broken_without_a_hyphen(case: Plan) -> None:
    source = _docx_text(case.docx)
    words = {w.casefold() for w in WORD.findall(source) if len(w) >= 4}
    phrases = " ".join(source.split())
    assert broken_words(case.pdf, words, phrases) == []
