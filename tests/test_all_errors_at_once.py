"""validate shows field errors and reference errors together (the clerks' guide: «Alle feil
vises samtidig»), on YAML and on the workbook, without reporting references to items whose
own fields are wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

import omradedok
from omradedok.errors import InputError
from omradedok.io.workbook import export_bytes

STARTER = (Path(omradedok.__file__).parent / "starter.yaml").read_text(encoding="utf-8")


def _errors(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        omradedok.load(path)
    return [
        str(p).replace(f"{path}:", "").replace(f"{path}]", f"{path.name}]")
        for p in caught.value.errors
    ]


def test_field_and_reference_errors_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    text = STARTER.replace("sub_goal_ids: [DM1.1]", "sub_goal_ids: [DM9]").replace(
        "population: 4200", "population: mange"
    )
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("sub_goal_ids: [DM9]")].count("\n") + 1
    assert _errors(path) == [
        "26: area.population: «mange» kan ikke leses som antall; skriv et tall («6000»), "
        "eventuelt med «ca.», «opp mot», «over» eller «under» foran",
        f"{line}: activities[0].sub_goal_ids[0]: aktivitet «1.1» (2026) viser til ukjent delmål "
        "«DM9»; kjente id-er: DM1.1",
    ]


def test_references_to_an_item_with_bad_fields_are_not_reported(tmp_path: Path) -> None:
    # the delmål itself has a bad field: the activity's reference to it is not a second error
    path = tmp_path / "plan.yaml"
    text = STARTER.replace("sub_goal_ids: [DM1.1]", "sub_goal_ids: [DM1.1, DM9]")
    text = text.replace("- id: DM1.1\n", "- id: DM1.1\n          bogus: 1\n", 1)
    assert "bogus" in text
    path.write_text(text, encoding="utf-8")
    errors = _errors(path)
    assert any("ukjent felt «bogus»" in e for e in errors), errors
    assert any("ukjent delmål «DM9»" in e for e in errors), errors
    assert not any("«DM1.1»;" in e for e in errors), errors


def test_workbook_field_and_reference_errors_together(tmp_path: Path) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    model = omradedok.load(Path(omradedok.__file__).parent / "starter.yaml")
    wb = load_workbook(BytesIO(export_bytes(model, "nb")))
    ws = wb["Aktiviteter"]
    header = {c.value: c.column_letter for c in ws[3]}
    sub_goal = header["Bidrar til delmål"]
    ws[f"{sub_goal}4"] = "DM9"
    pop_sheet = wb["Satsing"]
    for row in pop_sheet.iter_rows(min_row=1):
        if row[0].value in ("Innbyggere", "Folketal", "Antall innbyggere"):
            row[1].value = -5
            break
    else:
        raise AssertionError("no population row")
    path = tmp_path / "satsing.xlsx"
    wb.save(path)
    errors = _errors(path)
    assert any(
        "ukjent delmål «DM9»" in e and e.startswith(f"[{path.name}]Aktiviteter!{sub_goal}4")
        for e in errors
    ), errors
    assert any("Satsing!B" in e and "kan ikke være negativt" in e for e in errors), errors
