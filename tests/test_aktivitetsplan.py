"""aktivitetsplan-YYYY.xlsx and .docx: content, live formulas, drop-downs, print settings,
and LibreOffice recalculating the workbook to the model's sums."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import Convert
from docx import Document
from openpyxl import Workbook, load_workbook

from omradedok.build import plan as plan_artifacts
from omradedok.documents.aktivitetsplan import (
    SOURCES,
    activity_plan,
    render_docx_plan,
)
from omradedok.documents.aktivitetsplan_xlsx import render_xlsx
from omradedok.locale import format_money
from omradedok.model import ActivityStatus, Initiative, Language
from omradedok.model.amount import add_up
from omradedok.render.xlsx import MONEY_FORMAT

YEAR = 2026
HEADERS = [
    "Nr", "Delprogram", "Tiltak/aktivitet", "Bidrar til delmål", "Resultatmål / indikator",
    "Ansvarlig", "Samarbeidspartnere", "Start", "Slutt", "Kommunale midler", "Statlige midler",
    "Andre midler", "Overført fra i fjor", "Sum", "Status",
]  # fmt: skip


def _xlsx(model: Initiative, year: int = YEAR, language: Language | None = None) -> bytes:
    return render_xlsx(activity_plan(model, year, language or model.municipality.language))


@pytest.fixture(scope="module")
def workbook(large_model: Initiative) -> Workbook:
    return load_workbook(io.BytesIO(_xlsx(large_model)))


def _sums(model: Initiative, year: int) -> dict[str, int]:
    acts = model.activities_in(year)
    return {s.value: add_up(a.share(year).amount(s) for a in acts).best() for s in SOURCES}


# -- artifacts -------------------------------------------------------------------------------


def test_one_xlsx_and_one_docx_per_activity_year(large_model: Initiative) -> None:
    names = [a.filename for a in plan_artifacts(large_model, only=["aktivitetsplan"])]
    years = large_model.activity_years()
    assert years == [2026, 2027]
    assert sorted(names) == sorted(
        [f"aktivitetsplan-{y}.{ext}" for y in years for ext in ("docx", "xlsx")]
    )


# -- Aktiviteter -----------------------------------------------------------------------------


def test_activity_sheet(workbook: Workbook, large_model: Initiative) -> None:
    ws = workbook["Aktiviteter"]
    assert workbook.sheetnames == ["Aktiviteter", "Budsjett", "Tidsplan", "Lister"]
    assert ws["A1"].value == "Aktivitetsplan 2026 – Områdeløft Nordbyen"
    assert [c.value for c in ws[3]] == HEADERS
    acts = large_model.activities_in(YEAR)
    last = 3 + len(acts)
    assert ws.tables["Aktiviteter2026"].ref == f"A3:O{last}"
    assert ws.freeze_panes == "A4"
    first = acts[0]
    assert ws["A4"].value == first.id
    assert ws["B4"].value == "Oppvekst og utdanning"
    assert ws["C4"].value == first.title
    assert ws["F4"].value.startswith("Delprogramleder")
    assert ws["H4"].value.date() == first.start and ws["H4"].number_format == "dd.mm.yyyy"
    assert ws["J4"].value == first.budget.municipal
    assert ws["N4"].value == "=SUM(J4:M4)"
    assert ws["O4"].value in {"Planlagt", "Pågår", "Fullført", "Utsatt", "Avlyst"}
    for col in "JKLMN":
        assert ws[f"{col}4"].number_format == MONEY_FORMAT
        assert ws[f"{col}{last + 1}"].value == f"=SUBTOTAL(109,{col}4:{col}{last})"
    assert ws[f"A{last + 1}"].value == "Sum"
    assert ws["C4"].alignment.wrap_text
    assert ws.column_dimensions["C"].width >= 30


def test_drop_downs_fed_from_the_lists_sheet(workbook: Workbook, large_model: Initiative) -> None:
    ws = workbook["Aktiviteter"]
    validations = {str(dv.sqref)[0]: dv for dv in ws.data_validations.dataValidation}
    last = 3 + len(large_model.activities_in(YEAR))
    assert str(validations["O"].sqref) == f"O4:O{last}"
    assert validations["O"].formula1 == "'Lister'!$A$4:$A$8"
    assert validations["B"].formula1.startswith("'Lister'!$B$4:$B$")
    assert validations["F"].formula1.startswith("'Lister'!$C$4:$C$")
    assert validations["J"].type == "whole"
    lists = workbook["Lister"]
    assert [lists[f"A{r}"].value for r in range(4, 9)] == [
        "Planlagt", "Pågår", "Fullført", "Utsatt", "Avlyst",
    ]  # fmt: skip
    names = [s.name for s in large_model.programme.sub_programmes]
    assert [lists[f"B{r}"].value for r in range(4, 4 + len(names))] == names


def test_print_settings_on_every_sheet(workbook: Workbook) -> None:
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$3:$3"
        assert ws.oddHeader.left.text == "Fjordvik kommune"
        assert ws.oddHeader.center.text == "Aktivitetsplan 2026 – Områdeløft Nordbyen"
        assert ws.oddHeader.right.text == "Nordbyen"
        assert ws.oddFooter.right.text == "Side &P av &N"


# -- Budsjett and Tidsplan ------------------------------------------------------------------


def test_budget_sheet_has_live_formulas(workbook: Workbook, large_model: Initiative) -> None:
    ws = workbook["Budsjett"]
    last = 3 + len(large_model.activities_in(YEAR))
    assert ws["A4"].value == "Oppvekst og utdanning"
    assert (
        ws["B4"].value == f"=SUMIFS('Aktiviteter'!$J$4:$J${last},'Aktiviteter'!$B$4:$B${last},$A4)"
    )
    assert ws["F4"].value == "=SUM(B4:E4)"
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    source_row = rows["Kommunale midler"]
    assert ws.cell(source_row, 2).value == f"=SUM('Aktiviteter'!$J$4:$J${last})"
    frame = large_model.budget_frame_for(YEAR)
    assert frame is not None and ws.cell(source_row, 3).value == frame.municipal
    assert ws.cell(source_row, 4).value == f"=C{source_row}-B{source_row}"
    check = ws.cell(rows["Kontroll"], 2).value
    assert (
        check.startswith("=IF(B")
        and "Advarsel: aktivitetene koster mer enn budsjettrammen for 2026" in check
    )
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert any("$B$" in f and ">" in f for r in rules for f in r.formula)


def test_schedule_is_a_gantt_by_conditional_formatting(workbook: Workbook) -> None:
    ws = workbook["Tidsplan"]
    assert [ws.cell(3, c).value for c in range(5, 17)] == [
        "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des",
    ]  # fmt: skip
    assert ws["A4"].value == "='Aktiviteter'!A4" and ws["C4"].value == "='Aktiviteter'!H4"
    (ranges,) = [str(cf.sqref) for cf in ws.conditional_formatting]
    assert ranges.startswith("E4:P")
    formula = next(iter(ws.conditional_formatting)).rules[0].formula[0]
    assert "DATE(2026,COLUMN()-3,0)" in formula and "DATE(2026,COLUMN()-4,1)" in formula


def test_nynorsk_labels(nynorsk_model: Initiative) -> None:
    year = nynorsk_model.activity_years()[0]
    wb = load_workbook(io.BytesIO(_xlsx(nynorsk_model, year)))
    assert wb.sheetnames == ["Aktivitetar", "Budsjett", "Tidsplan", "Lister"]
    headers = [c.value for c in wb["Aktivitetar"][3]]
    # Elvebakken has activities serving a hovedmål directly: the column names goals, not delmål
    direct = any(a.goal_ids for a in nynorsk_model.activities_in(year))
    assert headers[3] == ("Bidreg til mål" if direct else "Bidreg til delmål")
    assert headers[10] == "Statlege midlar"
    assert headers[5] == "Ansvarleg"
    assert wb["Aktivitetar"]["O4"].value in {"Planlagd", "Pågår", "Fullført", "Utsett", "Avlyst"}


def test_reproducible_bytes(large_model: Initiative) -> None:
    data = _xlsx(large_model)
    assert data == _xlsx(large_model)
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    assert f"{large_model.document.date.isoformat()}T00:00:00Z</dcterms:created>" in core


# -- LibreOffice recalculates ----------------------------------------------------------------


def _over_budget(model: Initiative) -> Initiative:
    acts = list(model.activities)
    index = next(i for i, a in enumerate(acts) if a.year == YEAR)
    state = add_up([acts[index].budget.state]) + 50_000_000
    budget = acts[index].budget.model_copy(update={"state": state})
    acts[index] = acts[index].model_copy(update={"budget": budget})
    return model.model_copy(update={"activities": acts})


@pytest.mark.soffice
def test_libreoffice_computes_the_model_sums(
    soffice: Convert, large_model: Initiative, tmp_path: Path
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "plan.xlsx").write_bytes(_xlsx(large_model))
    (source / "over.xlsx").write_bytes(_xlsx(_over_budget(large_model)))
    edited = load_workbook(source / "plan.xlsx")  # a clerk changes an amount in Excel
    edited["Aktiviteter"]["K4"] = edited["Aktiviteter"]["K4"].value + 1_000
    edited.save(source / "edited.xlsx")
    files = [source / n for n in ("plan.xlsx", "over.xlsx", "edited.xlsx")]
    plan_out, over_out, edited_out = soffice(files, tmp_path / "out", "xlsx")

    acts = large_model.activities_in(YEAR)
    last = 3 + len(acts)
    sums = _sums(large_model, YEAR)
    computed = load_workbook(plan_out, data_only=True)
    ws = computed["Aktiviteter"]
    totals = [ws[f"{c}{last + 1}"].value for c in "JKLMN"]
    assert totals == [*sums.values(), sum(sums.values())]
    assert ws["N4"].value == acts[0].budget.total

    budget = computed["Budsjett"]
    rows = {budget.cell(r, 1).value: r for r in range(1, budget.max_row + 1)}
    plan = activity_plan(large_model, YEAR, Language.NB)
    for group in plan.groups:
        row = rows[group.name]
        assert [budget.cell(row, c).value for c in range(2, 7)] == [
            *group.funding,
            sum(group.funding),
        ]
    frame = large_model.budget_frame_for(YEAR)
    assert frame is not None
    for source_enum in SOURCES:
        line = rows[
            {
                "municipal": "Kommunale midler",
                "state": "Statlige midler",
                "other": "Andre midler",
                "carried_over": "Overført fra i fjor",
            }[source_enum.value]
        ]
        assert budget.cell(line, 2).value == sums[source_enum.value]
        assert budget.cell(line, 4).value == add_up([frame.amount(source_enum)]).best() - sums[source_enum.value]
    assert budget.cell(rows["Kontroll"], 2).value == (
        "Aktivitetene holder seg innenfor budsjettrammen for 2026"
    )

    over = load_workbook(over_out, data_only=True)["Budsjett"]
    over_rows = {over.cell(r, 1).value: r for r in range(1, over.max_row + 1)}
    assert over.cell(over_rows["Kontroll"], 2).value == (
        "Advarsel: aktivitetene koster mer enn budsjettrammen for 2026"
    )

    changed = load_workbook(edited_out, data_only=True)
    assert changed["Aktiviteter"][f"K{last + 1}"].value == sums["state"] + 1_000
    assert changed["Budsjett"].cell(rows["Statlige midler"], 2).value == sums["state"] + 1_000


@pytest.mark.soffice
def test_libreoffice_prints_the_plan(
    soffice: Convert, large_model: Initiative, tmp_path: Path
) -> None:
    source = tmp_path / "aktivitetsplan-2026.xlsx"
    source.write_bytes(_xlsx(large_model))
    (pdf,) = soffice([source], tmp_path / "pdf", "pdf")
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Side 1 av" in text and "Fjordvik kommune" in text
    assert "12 470 000 kr" in text.replace("\u00a0", " ")
    assert "#####" not in text


# -- DOCX ------------------------------------------------------------------------------------


def test_docx_has_tables_by_delprogram_and_the_budget(large_model: Initiative) -> None:
    # the DOCX is the plan's view (render/docx_body), numbered as its PDF: «2.1 …»
    plan = activity_plan(large_model, YEAR, Language.NB)
    document = Document(io.BytesIO(render_docx_plan(plan)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["1 Innledning", "2 Tiltak per delprogram"]
    assert [f"2.{i} {g.name}" for i, g in enumerate(plan.groups, 1)] == headings[
        2 : 2 + len(plan.groups)
    ]
    assert "3 Budsjett og finansiering" in headings
    tables = document.tables
    first_group = tables[1]  # tables[0] is the cover's facts
    assert [c.text for c in first_group.rows[0].cells][:3] == [
        "Nr",
        "Tiltak/aktivitet",
        "Resultatmål (delmål)",
    ]
    first = plan.groups[0].rows[0].activity
    assert first_group.rows[1].cells[0].text == first.id
    assert first_group.rows[1].cells[1].text.startswith(first.title)
    assert first_group.rows[1].cells[9].text == format_money(first.budget.total)
    body = "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert format_money(plan.planned) in body
    assert "Aktivitetene holder seg innenfor budsjettrammen for 2026" in "\n".join(
        p.text for p in document.paragraphs
    )
    assert document.core_properties.language == "nb-NO"
    assert document.core_properties.title.startswith("Aktivitetsplan 2026")


def test_docx_in_nynorsk(nynorsk_model: Initiative) -> None:
    year = nynorsk_model.activity_years()[0]
    document = Document(
        io.BytesIO(render_docx_plan(activity_plan(nynorsk_model, year, Language.NN)))
    )
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Aktivitetsplanen for" in text and "tiltaka" in text
    assert "Budsjett og finansiering" in text and "1 Innleiing" in text
    headers = [c.text for c in document.tables[1].rows[0].cells]
    direct = any(a.goal_ids for a in nynorsk_model.activities_in(year))  # serves a hovedmål
    assert "Ansvarleg / partnarar" in headers
    assert ("Resultatmål (mål)" if direct else "Resultatmål (delmål)") in headers
    assert document.core_properties.language == "nn-NO"


def test_statuses_are_norwegian_everywhere(large_model: Initiative) -> None:
    plan = activity_plan(large_model, YEAR, Language.NB)
    statuses = {row.status for row in plan.rows}
    assert statuses <= {"Planlagt", "Pågår", "Fullført", "Utsatt", "Avlyst"}
    assert {r.activity.status for r in plan.rows} >= {
        ActivityStatus.ONGOING,
        ActivityStatus.PLANNED,
    }
