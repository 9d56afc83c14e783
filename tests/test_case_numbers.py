"""Case numbers in any common Norwegian form are accepted as typed; an unusual form is a
warning (W-SAK-005) located at its field, never an error – and it is printed as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LARGE_EXAMPLE
from document_text import docx_text

from omradedok import render
from omradedok.checks import validate
from omradedok.checks.case_numbers import COMMON_FORMS, looks_common
from omradedok.cli import main
from omradedok.io import load_with_report
from omradedok.io.workbook import export_bytes
from omradedok.model import Initiative


@pytest.mark.parametrize(
    "number",
    [*COMMON_FORMS, "PS 45/26", "Sak 3/26", "FSK-sak 12/26", "Sak nr. 45/26", "26/1234", ""],
)
def test_common_forms_give_no_warning(number: str) -> None:
    assert looks_common(number)


@pytest.mark.parametrize("number", ["178-13", "sak 178", "2013.178", "PS 45 26", "se vedlegg"])
def test_unusual_forms_are_flagged(number: str) -> None:
    assert not looks_common(number)


def _with_case_numbers(model: Initiative, anchoring: str, route: str) -> Initiative:
    data = model.model_dump()
    data["anchoring"][0]["case_number"] = anchoring
    data["council_case"]["route"][0]["case_number"] = route
    return Initiative.model_validate(data)


def test_unusual_case_number_warns_and_validates(large_model: Initiative) -> None:
    model = _with_case_numbers(large_model, "178-13", "byrådssak 1234/13")
    report = validate(model)
    assert not report.errors
    warnings = [p for p in report.problems if p.code == "W-SAK-005"]
    assert [p.path for p in warnings] == [("anchoring", 0, "case_number")]
    message = warnings[0].message
    assert message.startswith("saksnummeret «178-13» har en uvanlig form")
    for form in COMMON_FORMS:
        assert f"«{form}»" in message
    assert not [p for p in validate(large_model).problems if p.code == "W-SAK-005"]


def test_warning_names_the_yaml_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = LARGE_EXAMPLE.read_text(encoding="utf-8")
    first = text.index("case_number:", text.index("anchoring:"))
    end = text.index("\n", first)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text[:first] + "case_number: sak 178" + text[end:], encoding="utf-8")
    line = text[:first].count("\n") + 1
    assert main(["validate", str(plan)]) == 0  # a warning, not a refusal
    out = capsys.readouterr()
    shown = out.out + out.err
    assert "W-SAK-005" in shown and f"plan.yaml:{line}" in shown, shown
    assert "«sak 178» har en uvanlig form" in shown


def test_warning_names_the_workbook_cell(large_model: Initiative, tmp_path: Path) -> None:
    model = _with_case_numbers(large_model, "PS 0123/17", "sak 178")
    path = tmp_path / "satsing.xlsx"
    path.write_bytes(export_bytes(model))
    warnings = load_with_report(path).warnings
    (warning,) = [p for p in warnings if p.code == "W-SAK-005"]
    assert warning.location == f"[{path}]Saksgang!C4", warning.location


def test_the_case_number_is_printed_as_written(large_model: Initiative) -> None:
    model = _with_case_numbers(large_model, "178-13", "sak 178")
    assert "sak 178" in docx_text(render(model, "saksframlegg"))
    assert "178-13" in docx_text(render(model, "handlingsplan"))
