"""The input workbook carries format v2: dates at their precision, estimated amounts,
approximate counts, multi-year activities with a yearly budget, goals and owners, indicator
observations, plan documents, tasks, level term and officer title – both ways, with located
Norwegian errors for bad cells."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from omradedok.errors import InputError
from omradedok.io import load_with_report
from omradedok.io.workbook import export_bytes, read_workbook, template_bytes
from omradedok.model import Initiative, Language
from omradedok.model.amount import Amount
from omradedok.model.when import When


def _rich(model: Initiative) -> Initiative:
    """The large example with every v2 field a clerk may fill in."""
    data: dict[str, Any] = model.model_dump()
    data["municipality"]["officer_title"] = "radmann"
    data["area"]["population"] = "opp mot 6000"
    data["programme"]["level_term"] = "satsingsomrade"
    document = data["document"]
    document["plan_documents"] = [
        {
            "id": "PP",
            "kind": "programme_plan",
            "title": "Områdeprogram 2013–2020",
            "start_year": 2013,
            "end_year": 2020,
            "status": "adopted",
            "decision": {"body": "Bystyret", "date": "2013-autumn", "case_number": "sak 178/13"},
        },
        {
            "id": "HD",
            "kind": "action_part",
            "title": "Handlingsdel 2026–2028",
            "start_year": 2026,
            "end_year": 2028,
            "date": "2025-09",
            "replaces_id": "PP",
        },
    ]
    document["current_document_id"] = "HD"
    data["anchoring"][0]["date"] = 2012
    data["anchoring"][0]["case_number"] = "PS 0123/17"
    main = data["goals"]["main_goals"][0]
    indicator = main["sub_goals"][0]["indicators"][0]
    indicator["observations"] = [
        {"value": 27, "year": 2015, "source": "Kommunebarometeret"},
        {"value": 100, "year": 2019, "source": ""},
    ]
    project = data["programme"]["sub_programmes"][0]["projects"][0]
    project["objectives"] = ["Alle barn går i barnehage", "Flere voksne i arbeid"]
    project["owner_ids"] = ["husbanken", "kommunen"]
    data["activities"].append(
        {
            "id": "M1",
            "title": "Nytt bibliotek og kulturhus",
            "goal_ids": [main["id"]],
            "owner_ids": ["kommunen", "husbanken"],
            "partner_ids": ["kommunen"],
            "start": "2026-autumn",
            "end": "2029-06",
            "budget": {"state": "4–5 mill. kr"},
            "budget_by_year": [
                {"year": 2026, "municipal": "anslag 400000"},
                {"year": 2027, "municipal": 1_200_000, "state": "anslag 2000000–2500000"},
            ],
        }
    )
    data["budget_frame"][0]["other"] = "anslag 150000"
    data["milestones"][0]["date"] = "2026-Q3"
    data["tasks"] = [
        {
            "id": "T1",
            "text": "Årsrapport til bystyret",
            "roles": [
                {"party_id": data["organisation"]["roles"][0]["id"], "involvement": "responsible"},
                {"party_id": "husbanken", "involvement": "informed"},
            ],
        }
    ]
    return Initiative.model_validate(data)


@pytest.fixture(scope="module")
def rich(large_model: Initiative) -> Initiative:
    return _rich(large_model)


@pytest.fixture
def rich_file(rich: Initiative, tmp_path: Path) -> Path:
    path = tmp_path / "satsing.xlsx"
    path.write_bytes(export_bytes(rich))
    return path


def _edit(path: Path, change: Callable[[Workbook], None]) -> Path:
    wb = load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_with_report(path)
    return [str(p).replace(f"[{path}]", "") for p in info.value.problems]


def _row(ws: Any, column: int, value: str) -> int:
    return next(r for r in range(4, ws.max_row + 1) if ws.cell(r, column).value == value)


@pytest.mark.parametrize("language", list(Language))
def test_rich_v2_input_round_trips(rich: Initiative, language: Language, tmp_path: Path) -> None:
    path = tmp_path / "satsing.xlsx"
    path.write_bytes(export_bytes(rich, language))
    data, _ = read_workbook(path)
    assert Initiative.model_validate(data) == rich
    assert load_with_report(path).model == rich  # references and consistency too


def test_v2_cells_read_as_a_clerk_wrote_them(rich: Initiative, rich_file: Path) -> None:
    wb = load_workbook(rich_file)
    acts = wb["Aktiviteter"]
    headers = [c.value for c in acts[3]]
    row = _row(acts, 1, "M1")
    start = acts.cell(row, headers.index("Start") + 1)
    assert start.value == "høsten 2026" and start.number_format == "@"
    assert acts.cell(row, headers.index("Slutt") + 1).value == "juni 2029"
    assert acts.cell(row, headers.index("Statlige midler") + 1).value == "4000000–5000000"
    assert acts.cell(row, headers.index("Bidrar til mål (id-er)") + 1).value == "HM1"
    assert acts.cell(row, headers.index("Eiere (id-er)") + 1).value == "kommunen, husbanken"
    assert acts.cell(row, headers.index("År") + 1).value is None
    # a day-precision start stays a real date cell
    assert isinstance(acts["H4"].value, dt.datetime) and acts["H4"].number_format == "dd.mm.yyyy"
    budgets = wb["Budsjett per år"]
    assert [c.value for c in budgets[3]][:3] == ["Aktivitet (nr)", "År", "Kommunale midler"]
    assert [budgets["A4"].value, budgets["B4"].value, budgets["C4"].value] == [
        "M1",
        2026,
        "anslag 400000",
    ]
    # «anslag 400000» is text: the row sum stays empty rather than understate the amount
    assert budgets["G4"].value == (
        '=IF(OR(COUNT(C4:F4)=0,COUNTA(C4:F4)>COUNT(C4:F4)),"",SUM(C4:F4))'
    )
    docs = wb["Plandokumenter"]
    assert [docs["A4"].value, docs["B4"].value, docs["C4"].value] == [
        "PP",
        "Programplan",
        "Områdeprogram 2013–2020",
    ]
    headers = [c.value for c in docs[3]]
    assert docs.cell(4, headers.index("Vedtak – dato") + 1).value == "høsten 2013"
    assert docs.cell(5, headers.index("Erstatter (id)") + 1).value == "PP"
    observations = wb["Indikatormålinger"]
    assert [observations.cell(4, c).value for c in range(1, 5)] == [
        rich.goals.main_goals[0].sub_goals[0].indicators[0].id,
        2015,
        27,
        "Kommunebarometeret",
    ]
    roles = wb["Oppgaveroller"]
    assert [roles["A4"].value, roles["C4"].value, roles["C5"].value] == [
        "T1",
        "Ansvarlig",
        "Informert",
    ]
    texts = [(r[0].value, r[1].value, r[2].value) for r in wb["Tekstlister"].iter_rows(min_row=4)]
    project = rich.programme.sub_programmes[0].projects[0]
    assert ("Prosjektmål (prosjekt)", project.id, "Alle barn går i barnehage") in texts
    satsing = wb["Satsing"]
    values = {satsing.cell(r, 1).value: satsing.cell(r, 2).value for r in range(4, 120)}
    assert values["Innbyggere"] == "opp mot 6000"
    assert values["Navn på nivået under programmet"] == "Satsingsområde"
    assert values["Hvem innstiller i saken"] == "Rådmann"
    assert values["Gjeldende plandokument (id)"] == "HD"
    assert wb["Forankring"]["B4"].value == "2012"


def test_nynorsk_cells_use_nynorsk_words(rich: Initiative) -> None:
    wb = load_workbook(io.BytesIO(export_bytes(rich, Language.NN)))
    acts = wb["Aktivitetar"]
    row = _row(acts, 1, "M1")
    assert acts.cell(row, 8).value == "hausten 2026"
    assert "Budsjett per år" in wb.sheetnames and "Oppgåveroller" in wb.sheetnames
    assert "Plandokument" in wb.sheetnames and "Indikatormålingar" in wb.sheetnames


def test_partial_dates_typed_by_a_clerk(rich_file: Path) -> None:
    def change(wb: Workbook) -> None:
        acts = wb["Aktiviteter"]
        row = _row(acts, 1, "M1")
        acts.cell(row, 8).value = 2013  # a number typed into a general cell
        acts.cell(row, 9).value = "september 2029"
        acts["H4"] = dt.datetime(1905, 7, 5)  # «2013» that Excel turned into a date
        acts["I4"] = "høsten 2026"
        wb["Forankring"]["B4"] = "Våren 2012"
        wb["Satsing"].cell(_row(wb["Satsing"], 1, "Innbyggere"), 2).value = "ca. 6 000"

    _edit(rich_file, change)
    model = load_with_report(rich_file).model
    multi = next(a for a in model.activities if a.id == "M1")
    assert multi.start == When(2013) and multi.end == When(2029, 9)
    assert model.activities[0].start == When(2013)
    assert model.activities[0].end == When(2026, season="autumn")
    assert model.anchoring[0].date == When(2012, season="spring")
    assert model.area.population is not None and model.area.population.key() == "ca. 6000"


def test_estimated_amounts_typed_by_a_clerk(rich_file: Path) -> None:
    def change(wb: Workbook) -> None:
        wb["Aktiviteter"]["J4"] = "anslag 400 000 kr"
        wb["Aktiviteter"]["K4"] = "4–5 mill. kr"
        wb["Budsjett per år"]["C4"] = "ca. 300 000"

    _edit(rich_file, change)
    model = load_with_report(rich_file).model
    assert model.activities[0].budget.municipal == Amount(400_000, 400_000, estimate=True)
    assert model.activities[0].budget.state == Amount(4_000_000, 5_000_000)
    multi = next(a for a in model.activities if a.id == "M1")
    assert multi.budget_by_year[0].municipal == Amount(300_000, 300_000, estimate=True)


def test_money_and_count_cells_warn_instead_of_stopping() -> None:
    wb = load_workbook(io.BytesIO(template_bytes(date=dt.date(2026, 1, 1))))
    money = [
        dv
        for dv in wb["Aktiviteter"].data_validations.dataValidation
        if str(dv.sqref).startswith("J")
    ]
    assert money and money[0].errorStyle == "warning" and "anslag 400000" in money[0].error
    satsing = wb["Satsing"]
    row = _row(satsing, 1, "Innbyggere")
    count = [dv for dv in satsing.data_validations.dataValidation if f"B{row}" in str(dv.sqref)]
    assert count and count[0].errorStyle == "warning" and "opp mot 6000" in count[0].error
    # the Start column is text, so Excel keeps «2013» and «september 2013» as typed
    assert wb["Aktiviteter"].column_dimensions["H"].number_format == "@"


def test_guide_explains_the_v2_columns() -> None:
    for language, words in (
        (Language.NB, ("høsten 2013", "anslag 400000", "Budsjett per år", "Plandokumenter")),
        (Language.NN, ("hausten 2013", "anslag 400000", "Budsjett per år", "Plandokument")),
    ):
        wb = load_workbook(io.BytesIO(template_bytes(language, date=dt.date(2026, 1, 1))))
        text = " ".join(
            str(c.value) for row in wb.worksheets[0].iter_rows() for c in row if c.value
        )
        for word in words:
            assert word in text, (language, word)
        assert ("ikkje fastsett" if language is Language.NN else "ikke fastsatt") in text


# -- located errors for bad v2 cells ---------------------------------------------------------


def test_bad_partial_date_names_the_cell(rich_file: Path) -> None:
    _edit(rich_file, lambda wb: wb["Aktiviteter"].__setitem__("H5", "tidlig i 2013"))
    errors = _errors(rich_file)
    assert any(
        e.startswith("Aktiviteter!H5:")
        and "«tidlig i 2013» kan ikke leses som tidspunkt" in e
        and "«høsten 2013»" in e
        for e in errors
    ), errors


def test_bad_amount_and_count_name_the_cell(rich_file: Path) -> None:
    def change(wb: Workbook) -> None:
        wb["Budsjett per år"]["C4"] = "anslag fire millioner"
        wb["Satsing"].cell(_row(wb["Satsing"], 1, "Innbyggere"), 2).value = "ca. mange"

    _edit(rich_file, change)
    errors = _errors(rich_file)
    assert any(e.startswith("Budsjett per år!C4:") and "anslag" in e for e in errors), errors
    assert any(e.startswith("Satsing!B") and "kan ikke leses som antall" in e for e in errors)


def test_yearly_budget_outside_the_activity_names_the_cell(rich_file: Path) -> None:
    _edit(rich_file, lambda wb: wb["Budsjett per år"].__setitem__("B4", 2035))
    errors = _errors(rich_file)
    assert errors == [
        "Budsjett per år!B4: aktivitet «M1» går i 2026–2029, ikke i 2035; skriv et år "
        "aktiviteten går i, eller rett Start og Slutt på aktiviteten"
    ]


def test_yearly_budget_for_an_unknown_activity(rich_file: Path) -> None:
    _edit(rich_file, lambda wb: wb["Budsjett per år"].__setitem__("A4", "M9"))
    errors = _errors(rich_file)
    assert any(e.startswith("Budsjett per år!A4: ukjent aktiviteter «M9»") for e in errors), errors


def test_yearly_budget_picks_the_activity_of_its_year(
    large_model: Initiative, tmp_path: Path
) -> None:
    data = large_model.model_dump()
    base = {"title": "Sommerjobb", "budget_by_year": []}
    data["activities"] += [
        {**base, "id": "S1", "start": 2026, "end": 2027},
        {**base, "id": "S1", "start": 2028, "end": 2029},
    ]
    data["activities"][-1]["budget_by_year"] = [{"year": 2029, "municipal": 50_000}]
    model = Initiative.model_validate(data)
    path = tmp_path / "satsing.xlsx"
    path.write_bytes(export_bytes(model))
    assert load_with_report(path).model == model

    def change(wb: Workbook) -> None:
        wb["Budsjett per år"]["B4"] = 2031

    _edit(path, change)
    errors = _errors(path)
    assert any(
        e.startswith("Budsjett per år!B4: aktivitet «S1» finnes i flere år") for e in errors
    ), errors


def test_observation_of_an_unknown_indicator(rich_file: Path) -> None:
    _edit(rich_file, lambda wb: wb["Indikatormålinger"].__setitem__("A4", "I9.9"))
    errors = _errors(rich_file)
    assert any(e.startswith("Indikatormålinger!A4: ukjent indikatorer «I9.9»") for e in errors)


def test_unknown_plan_document_kind(rich_file: Path) -> None:
    _edit(rich_file, lambda wb: wb["Plandokumenter"].__setitem__("B4", "Strategiplan"))
    errors = _errors(rich_file)
    assert any(
        e.startswith("Plandokumenter!B4: ukjent verdi «Strategiplan»; velg en av: Programplan")
        for e in errors
    ), errors


def test_unknown_current_plan_document(rich_file: Path) -> None:
    def change(wb: Workbook) -> None:
        satsing = wb["Satsing"]
        satsing.cell(_row(satsing, 1, "Gjeldende plandokument (id)"), 2).value = "XX"

    _edit(rich_file, change)
    errors = _errors(rich_file)
    assert any(e.startswith("Satsing!") and "«XX» finnes ikke" in e for e in errors), errors


def test_task_role_with_unknown_involvement(rich_file: Path) -> None:
    _edit(rich_file, lambda wb: wb["Oppgaveroller"].__setitem__("C4", "Sjef"))
    errors = _errors(rich_file)
    assert any(
        e.startswith("Oppgaveroller!C4: ukjent verdi «Sjef»; velg en av: Ansvarlig") for e in errors
    ), errors


def test_unknown_owner_and_goal_of_an_activity(rich_file: Path) -> None:
    def change(wb: Workbook) -> None:
        acts = wb["Aktiviteter"]
        row = _row(acts, 1, "M1")
        acts.cell(row, 21).value = "HM9"
        acts.cell(row, 22).value = "kommunen, ukjent-eier"

    _edit(rich_file, change)
    errors = _errors(rich_file)
    row = _row(load_workbook(rich_file)["Aktiviteter"], 1, "M1")
    assert any(
        e.startswith(f"Aktiviteter!U{row}:") and "viser til ukjent mål «HM9»" in e for e in errors
    ), errors
    assert any(
        e.startswith(f"Aktiviteter!V{row}:") and "viser til ukjent eier «ukjent-eier»" in e
        for e in errors
    ), errors
    assert not any("«kommunen»" in e for e in errors)
