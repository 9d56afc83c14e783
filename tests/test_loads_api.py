"""Input that is not a file: loads() for text/bytes and from_dict() for data built in code give
the same Norwegian, located, coded InputError as load() (issue 11: the API for other tools)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

import omradedok
from omradedok.io import dumps_json, dumps_yaml
from omradedok.io.workbook import export_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ELVEBAKKEN = EXAMPLES / "elvebakken-nynorsk.yaml"


def _messages(exc: omradedok.InputError) -> list[str]:
    return [str(p) for p in exc.problems]


def test_loads_reads_yaml_json_and_workbook_as_load_does() -> None:
    model = omradedok.load(ELVEBAKKEN)
    text = ELVEBAKKEN.read_text(encoding="utf-8")
    assert omradedok.loads(text) == model
    assert omradedok.loads(text.encode("utf-8"), "yaml") == model
    assert omradedok.loads(dumps_json(model), format="json") == model
    from_workbook = omradedok.loads(export_bytes(model), format="xlsx", name="satsing.xlsx")
    assert from_workbook.title == model.title
    assert len(from_workbook.activities) == len(model.activities)
    assert omradedok.loads(dumps_yaml(model)) == model


def test_loads_errors_name_the_input_line_and_code() -> None:
    text = ELVEBAKKEN.read_text(encoding="utf-8")
    bad = text.replace("sub_goal_ids: [DM1.1", "sub_goal_ids: [DM9", 1)
    assert bad != text
    with pytest.raises(omradedok.InputError) as caught:
        omradedok.loads(bad, name="sak-42")
    problem = caught.value.problems[0]
    assert problem.location.startswith("sak-42:") and problem.code == "E-REF-001"
    assert "DM9" in problem.message and "ukjent" in problem.message


def test_loads_refuses_unknown_format_and_text_for_a_workbook() -> None:
    with pytest.raises(omradedok.InputError, match="ukjent format «toml»"):
        omradedok.loads("a = 1", format="toml")
    with pytest.raises(omradedok.InputError, match="må gis som bytes"):
        omradedok.loads("tekst", format="xlsx")
    with pytest.raises(omradedok.InputError, match=r"duplikat|to ganger|flere ganger"):
        omradedok.loads('{"title": "a", "title": "b"}', format="json")


def test_from_dict_validates_with_norwegian_located_messages() -> None:
    data = json.loads(dumps_json(omradedok.load(ELVEBAKKEN)))
    assert omradedok.from_dict(data) == omradedok.load(ELVEBAKKEN)
    data["area"]["population"] = "mange"
    data["activities"][0]["sub_goal_ids"] = ["DM9"]
    with pytest.raises(omradedok.InputError) as caught:
        omradedok.from_dict(data, name="fagsystem")
    messages = _messages(caught.value)
    assert any("area.population" in m and "antall" in m for m in messages), messages
    assert any("activities[0].sub_goal_ids[0]" in m and "DM9" in m for m in messages), messages
    assert all(m.startswith("fagsystem") for m in messages)
    assert all(p.code for p in caught.value.problems)
    assert not any("Input should" in m for m in messages)  # never pydantic's English


def test_pydantic_errors_from_code_convert_to_input_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        omradedok.Initiative.model_validate({"title": 5})
    error = omradedok.input_error_from_validation(caught.value, name="kode")
    assert isinstance(error, omradedok.OmradedokError)
    assert error.problems and all(p.code.startswith("E-") for p in error.problems)
    assert not any("Input should" in str(p) or "Field required" in str(p) for p in error.problems)
    with pytest.raises(omradedok.InputError, match="ordbok"):
        omradedok.from_dict(["ikke", "en", "ordbok"])  # type: ignore[arg-type]
