"""The Excel input workbook: layout, drop-downs, print settings, round trip, located errors,
safety (formula injection, control characters, long texts) and the CLI commands."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES, LARGE_EXAMPLE
from openpyxl import Workbook, load_workbook

import omradedok
from omradedok.cli import main
from omradedok.errors import InputError, OmradedokError
from omradedok.io import load_with_report
from omradedok.io.workbook import export_bytes, read_workbook, template_bytes
from omradedok.locale import enum_label
from omradedok.model import ActivityStatus, Initiative, Language
from omradedok.render.xlsx import MONEY_FORMAT

SHEETS_NB = [
    "Veiledning", "Satsing", "Versjoner", "Plandokumenter", "Forankring", "Kilder", "Funn",
    "Hovedmål", "Delmål", "Resultatmål", "Indikatorer", "Indikatormålinger", "Strategier",
    "Delprogram", "Prosjekter", "Delprosjekter", "Organisering", "Medlemmer", "Roller",
    "Partnere", "Oppgaver", "Oppgaveroller", "Aktiviteter", "Budsjett per år",
    "Årsrapport per tiltak", "Budsjett", "Milepæler",
    "Målgrupper", "Kanaler", "Kommunikasjon", "Evaluering", "Rapportering", "Avtaler",
    "Avtaleplikter", "Avtalebidrag", "Signaturer", "Saksframlegg", "Saksgang",
    "Høringsinnspill", "Årsrapporter", "Tekstlister", "Lister",
]  # fmt: skip
ACTIVITY_HEADERS = [
    "Nr", "Delprogram", "Tiltak/aktivitet", "Bidrar til delmål", "Resultatmål / indikator",
    "Ansvarlig (rolle-id)", "Samarbeidspartnere (id-er)", "Start", "Slutt", "Kommunale midler",
    "Statlige midler", "Andre midler", "Overført fra i fjor", "Sum", "Status", "År",
    "Prosjekt (id)", "Delprosjekt (id)", "Milepæl", "Beskrivelse", "Bidrar til mål (id-er)",
    "Eiere (id-er)",
]  # fmt: skip


def _open(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def _save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def exported(large_model: Initiative) -> bytes:
    return export_bytes(large_model)


@pytest.fixture
def workbook_file(exported: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "satsing.xlsx"
    path.write_bytes(exported)
    return path


def _edit(path: Path, change: Callable[[Workbook], None]) -> Path:
    wb = load_workbook(path)
    change(wb)
    return _save(wb, path)


def _errors(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_with_report(path)
    assert all(
        p.location.startswith(f"[{path}]") or p.location == str(path) for p in info.value.problems
    )
    return [str(p).replace(f"[{path}]", "") for p in info.value.problems]


# -- layout ----------------------------------------------------------------------------------


def test_template_has_every_sheet_with_norwegian_headers() -> None:
    wb = _open(template_bytes(date=dt.date(2026, 1, 1)))
    assert wb.sheetnames == SHEETS_NB
    activities = wb["Aktiviteter"]
    assert [c.value for c in activities[3]] == ACTIVITY_HEADERS
    assert activities["A1"].value == "Aktiviteter"
    satsing = wb["Satsing"]
    assert [c.value for c in satsing[3]] == ["Felt", "Verdi", "Forklaring"]
    labels = [satsing.cell(r, 1).value for r in range(4, satsing.max_row + 1)]
    for label in ("Tittel", "Kommunen", "Kommunenummer", "Målform", "Startår", "Visjon"):
        assert label in labels
    assert wb["Tekstlister"]["A3"].value == "Liste"


def test_template_in_nynorsk() -> None:
    wb = _open(template_bytes(Language.NN, date=dt.date(2026, 1, 1)))
    assert wb.sheetnames[0] == "Rettleiing"
    assert "Aktivitetar" in wb.sheetnames and "Hovudmål" in wb.sheetnames
    headers = [c.value for c in wb["Aktivitetar"][3]]
    assert headers[3] == "Bidreg til delmål" and headers[10] == "Statlege midlar"


def test_instructions_link_every_sheet_and_the_guide() -> None:
    ws = _open(template_bytes(date=dt.date(2026, 1, 1)))["Veiledning"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert any("docs/brukerveiledning.md" in t for t in texts)
    assert any("omradedok validate" in t for t in texts)
    links = {c.value: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    assert links["Aktiviteter"] == "'Aktiviteter'!A1"
    assert set(SHEETS_NB[1:-1]) <= set(links)


def test_drop_downs_for_vocabularies_and_ids() -> None:
    wb = _open(template_bytes(date=dt.date(2026, 1, 1)))
    ws = wb["Aktiviteter"]
    by_column = {str(dv.sqref).split(":")[0][0]: dv for dv in ws.data_validations.dataValidation}
    status = by_column["O"]
    assert status.type == "list" and status.showErrorMessage
    assert status.formula1.startswith("'Lister'!$")
    lists = wb["Lister"]
    column = status.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    values = [lists[f"{column}{r}"].value for r in range(3, 8)]
    assert values == ["Planlagt", "Pågår", "Fullført", "Utsatt", "Avlyst"]
    assert by_column["B"].formula1.startswith("'Delprogram'!$A$4:$A$")
    assert by_column["F"].formula1.startswith("'Roller'!$A$4:$A$")
    # several ids in one cell are allowed: the list is a suggestion
    assert (
        by_column["D"].formula1.startswith("'Delmål'!$A$4") and not by_column["D"].showErrorMessage
    )
    assert by_column["K"].type == "whole" and by_column["K"].formula1 == "0"
    satsing = wb["Satsing"]
    language_row = next(r for r in range(4, 60) if satsing.cell(r, 1).value == "Målform")
    targets = [
        dv for dv in satsing.data_validations.dataValidation if f"B{language_row}" in str(dv.sqref)
    ]
    assert targets and targets[0].type == "list"


def test_formats_table_freeze_and_print_settings(exported: bytes) -> None:
    wb = _open(exported)
    ws = wb["Aktiviteter"]
    assert ws.freeze_panes == "A4"
    table = ws.tables["tbl_activities"]
    assert table.ref.startswith("A3:V")
    assert ws["J4"].number_format == MONEY_FORMAT == '[$-414]#,##0 "kr"'
    assert ws.column_dimensions["K"].number_format == MONEY_FORMAT  # rows added later too
    assert ws["H4"].number_format == "dd.mm.yyyy" and isinstance(ws["H4"].value, dt.datetime)
    assert ws.column_dimensions["A"].number_format == "@"
    assert ws["N4"].value == '=IF(OR(COUNT(J4:M4)=0,COUNTA(J4:M4)>COUNT(J4:M4)),"",SUM(J4:M4))'
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddHeader.left.text == "Fjordvik kommune"
    assert ws.oddHeader.right.text == "Aktiviteter"
    assert ws.oddFooter.right.text == "Side &P av &N"


# -- export ----------------------------------------------------------------------------------


def test_export_fills_cells_from_the_model(exported: bytes, large_model: Initiative) -> None:
    wb = _open(exported)
    first = large_model.activities[0]
    ws = wb["Aktiviteter"]
    assert ws["A4"].value == first.id
    assert ws["B4"].value == first.sub_programme_id
    assert ws["C4"].value == first.title
    assert ws["D4"].value == ", ".join(first.sub_goal_ids)
    assert ws["H4"].value.date() == first.start
    assert ws["J4"].value == first.budget.municipal
    assert ws["O4"].value == enum_label(first.status)
    assert ws["P4"].value == first.year
    assert ws.max_row == 3 + len(large_model.activities)
    satsing = wb["Satsing"]
    assert satsing["A5"].value == "Tittel" and satsing["B5"].value == large_model.title
    roles = wb["Roller"]
    assert roles["A4"].value == large_model.organisation.roles[0].id
    texts = wb["Tekstlister"]
    first_role = large_model.organisation.roles[0]
    assert [texts["A4"].value, texts["B4"].value, texts["C4"].value] == [
        "Ansvar (rolle)",
        first_role.id,
        first_role.responsibilities[0],
    ]
    sub_goals = wb["Delmål"]
    main = large_model.goals.main_goals[0]
    assert [sub_goals["A4"].value, sub_goals["B4"].value] == [main.sub_goals[0].id, main.id]


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_round_trip(example: Path, tmp_path: Path) -> None:
    model = omradedok.load(example)
    path = tmp_path / f"{example.stem}.xlsx"
    path.write_bytes(export_bytes(model))
    data, _ = read_workbook(path)
    assert Initiative.model_validate(data) == model
    loaded = load_with_report(path)  # the full loader: references and consistency too
    assert loaded.model.title == model.title


def test_output_is_byte_identical_and_dated(large_model: Initiative, exported: bytes) -> None:
    assert export_bytes(large_model) == exported
    core = zipfile.ZipFile(io.BytesIO(exported)).read("docProps/core.xml").decode()
    stamp = large_model.document.date.isoformat()
    assert "<dcterms:created" in core and f"{stamp}T00:00:00Z</dcterms:modified>" in core
    assert "Fjordvik kommune</dc:creator>" in core


# -- locating --------------------------------------------------------------------------------


def test_locate_maps_model_paths_to_cells(workbook_file: Path) -> None:
    _, locate = read_workbook(workbook_file)
    assert locate(("activities", 3, "budget", "state")) == "Aktiviteter!K7"
    assert locate(("activities", 3, "sub_goal_ids", 0)) == "Aktiviteter!D7"
    assert locate(("activities", 3)) == "Aktiviteter!A7"
    assert locate(("title",)) == "Satsing!B5"
    assert locate(("municipality", "mayor", "name")).startswith("Satsing!B")
    assert locate(("goals", "main_goals", 0, "sub_goals", 1, "title")) == "Delmål!C5"
    assert locate(("organisation", "roles", 0, "responsibilities", 1)) == "Tekstlister!C5"


def test_unknown_sub_goal_names_sheet_and_cell(workbook_file: Path) -> None:
    _edit(workbook_file, lambda wb: wb["Aktiviteter"].__setitem__("D7", "M9"))
    errors = _errors(workbook_file)
    assert any(e.startswith("Aktiviteter!D7:") and "ukjent delmål «M9»" in e for e in errors)


def test_text_in_a_money_cell(workbook_file: Path) -> None:
    _edit(workbook_file, lambda wb: wb["Aktiviteter"].__setitem__("K7", "mye penger"))
    errors = _errors(workbook_file)
    assert errors == [
        "Aktiviteter!K7: «mye penger» er ikke et beløp i hele kroner; skriv f.eks. 250000"
    ]


def test_decimal_amount_is_refused(workbook_file: Path) -> None:
    _edit(workbook_file, lambda wb: wb["Aktiviteter"].__setitem__("J5", 1250.5))
    assert any(e.startswith("Aktiviteter!J5:") and "desimaler" in e for e in _errors(workbook_file))


def test_unknown_norwegian_label(workbook_file: Path) -> None:
    _edit(workbook_file, lambda wb: wb["Aktiviteter"].__setitem__("O7", "Kanskje"))
    errors = _errors(workbook_file)
    assert any(
        e.startswith("Aktiviteter!O7: ukjent verdi «Kanskje»; velg en av: Planlagt") for e in errors
    )


def test_every_problem_is_reported_at_once(workbook_file: Path) -> None:
    def change(wb: Workbook) -> None:
        wb["Aktiviteter"]["K7"] = "x"
        wb["Satsing"]["B5"] = None  # the title is required

    _edit(workbook_file, change)
    errors = _errors(workbook_file)
    assert any(e.startswith("Aktiviteter!K7:") for e in errors)
    assert any(e.startswith("Satsing!B5:") and "mangler" in e for e in errors)


def test_unknown_parent_id(workbook_file: Path) -> None:
    _edit(workbook_file, lambda wb: wb["Delmål"].__setitem__("B4", "HM9"))
    errors = _errors(workbook_file)
    assert any(e.startswith("Delmål!B4: ukjent hovedmål «HM9»; kjente id-er: HM1") for e in errors)


def test_missing_sheet_and_renamed_header(workbook_file: Path) -> None:
    def change(wb: Workbook) -> None:
        del wb["Roller"]
        wb["Aktiviteter"]["K3"] = "Penger fra staten"

    _edit(workbook_file, change)
    errors = _errors(workbook_file)
    assert any("arket «Roller» mangler" in e for e in errors)
    assert any(e.startswith("Aktiviteter!K3:") and "«Statlige midler» mangler" in e for e in errors)


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "satsing.xlsx"
    path.write_text("dette er ikke Excel", encoding="utf-8")
    errors = _errors(path)
    assert len(errors) == 1 and "kan ikke leses som en Excel-arbeidsbok" in errors[0]


def test_values_typed_by_a_clerk_are_understood(
    workbook_file: Path, large_model: Initiative
) -> None:
    def change(wb: Workbook) -> None:
        ws = wb["Aktiviteter"]
        ws["K4"] = "1 250 000 kr"
        ws["H4"] = "15.02.2026"
        ws["O4"] = "pågår"
        ws["O5"] = "Utsatt"
        ws["I5"] = "2026-Q4"

    _edit(workbook_file, change)
    model = load_with_report(workbook_file).model
    first, second = model.activities[0], model.activities[1]
    assert first.budget.state == 1_250_000
    assert first.start == dt.date(2026, 2, 15)
    assert first.status is ActivityStatus.ONGOING
    assert second.status is ActivityStatus.POSTPONED
    assert second.span()[1] == dt.date(2026, 12, 31)  # «2026-Q4» stays a quarter
    assert model.activities[2:] == large_model.activities[2:]


def test_ids_typed_as_numbers_stay_ids(workbook_file: Path) -> None:
    _edit(workbook_file, lambda wb: wb["Aktiviteter"].__setitem__("A4", 7.5))
    assert load_with_report(workbook_file).model.activities[0].id == "7.5"


# -- safety ----------------------------------------------------------------------------------


def _with_texts(model: Initiative, **texts: str) -> Initiative:
    return model.model_copy(update=texts)


def test_formula_injection_is_stored_as_text(large_model: Initiative, tmp_path: Path) -> None:
    dangerous = {
        "summary": '=HYPERLINK("http://angriper.example","klikk")',
        "background": "+47 22 00 00 00",
        "purpose": "-1+1",
    }
    model = _with_texts(large_model, **dangerous)
    act = model.activities[0].model_copy(update={"title": "@SUM(1+1)*cmd|' /C calc'!A0"})
    model = model.model_copy(update={"activities": [act, *model.activities[1:]]})
    data = export_bytes(model)
    sheet_xml = "".join(
        zipfile.ZipFile(io.BytesIO(data)).read(n).decode()
        for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
        if n.startswith("xl/worksheets/sheet")
    )
    assert "HYPERLINK" not in "".join(part for part in sheet_xml.split("<f>")[1:]), (
        "user text must never become a formula"
    )
    wb = _open(data)
    ws = wb["Satsing"]
    cells = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(4, 20)}
    for label, key in (
        ("Sammendrag", "summary"),
        ("Bakgrunn", "background"),
        ("Formål", "purpose"),
    ):
        assert cells[label].data_type == "s" and cells[label].value == dangerous[key]
        assert cells[label].quotePrefix
    assert wb["Aktiviteter"]["C4"].data_type == "s" and wb["Aktiviteter"]["C4"].quotePrefix
    path = tmp_path / "farlig.xlsx"
    path.write_bytes(data)
    again, _ = read_workbook(path)
    assert Initiative.model_validate(again) == model


def test_control_characters_give_clear_errors(large_model: Initiative, workbook_file: Path) -> None:
    broken = large_model.model_construct(**{**dict(large_model), "summary": "før\x01etter"})
    with pytest.raises(OmradedokError, match="kontrolltegnet U\\+0001"):
        export_bytes(broken)
    _edit(workbook_file, lambda wb: wb["Satsing"].__setitem__("B7", "ok _x0001_ ikke ok"))
    errors = _errors(workbook_file)
    assert any(e.startswith("Satsing!B7:") and "kontrolltegnet U+0001" in e for e in errors)


def test_excel_escapes_and_line_breaks_round_trip(large_model: Initiative, tmp_path: Path) -> None:
    model = _with_texts(large_model, summary="a\r\nb\rc _x000D_ _x005F_ slutt ", purpose="  ")
    data = export_bytes(model)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet2.xml").decode()
    assert "_x005F_x000D_" in sheet  # a literal _x000D_ is escaped the way Excel expects
    path = tmp_path / "escapes.xlsx"
    path.write_bytes(data)
    again, _ = read_workbook(path)
    assert Initiative.model_validate(again) == model


def test_long_texts(large_model: Initiative, tmp_path: Path) -> None:
    long = ("Nordbyen er et godt sted å bo. " * 1100)[:32_000]
    model = _with_texts(large_model, background=long)
    path = tmp_path / "lang.xlsx"
    path.write_bytes(export_bytes(model))
    again, _ = read_workbook(path)
    assert Initiative.model_validate(again).background == long
    too_long = _with_texts(large_model, background="x" * 40_000)
    with pytest.raises(OmradedokError, match="32767"):
        export_bytes(too_long)


def test_more_than_a_thousand_activities(large_model: Initiative, tmp_path: Path) -> None:
    base = large_model.activities
    activities = [base[i % len(base)].model_copy(update={"id": f"T{i}"}) for i in range(1_200)]
    model = large_model.model_copy(update={"activities": activities})
    path = tmp_path / "stor.xlsx"
    path.write_bytes(export_bytes(model))
    again, locate = read_workbook(path)
    assert Initiative.model_validate(again) == model
    assert locate(("activities", 1_199, "budget", "state")) == "Aktiviteter!K1203"


# -- CLI -------------------------------------------------------------------------------------


def test_cli_template_export_import(tmp_path: Path, large_model: Initiative) -> None:
    template = tmp_path / "tom.xlsx"
    assert main(["excel-template", "-o", str(template)]) == 0
    assert _open(template.read_bytes()).sheetnames == SHEETS_NB
    assert main(["validate", str(template)]) == 1  # blank: title, municipality … missing

    workbook = tmp_path / "satsing.xlsx"
    assert main(["export", str(LARGE_EXAMPLE), "-o", str(workbook)]) == 0
    assert main(["validate", str(workbook)]) == 0
    yaml_file = tmp_path / "satsing.yaml"
    assert main(["import", str(workbook), "-o", str(yaml_file)]) == 0
    assert omradedok.load(yaml_file) == large_model
    assert main(["import", str(workbook), "-o", str(yaml_file)]) == 1  # exists: needs --force


def test_cli_import_writes_nothing_on_error(
    workbook_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(workbook_file, lambda wb: wb["Aktiviteter"].__setitem__("D7", "M9"))
    target = tmp_path / "ut.yaml"
    assert main(["import", str(workbook_file), "-o", str(target)]) == 1
    assert not target.exists()
    assert not list(tmp_path.glob(".ut.yaml.*"))
    err = capsys.readouterr().err
    assert "Aktiviteter!D7" in err and "M9" in err and "Traceback" not in err


def test_cli_build_accepts_the_workbook(workbook_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "dokumenter"
    assert main(["build", str(workbook_file), "-o", str(out), "--only", "aktivitetsplan"]) == 0
    assert (out / "aktivitetsplan-2026.xlsx").is_file()
    assert (out / "aktivitetsplan-2026.docx").is_file()
