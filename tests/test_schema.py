"""The shipped JSON Schema is generated from the models and accepts every example."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import EXAMPLE_FILES, ROOT
from ruamel.yaml import YAML

import omradedok
from omradedok.schema import SCHEMA_FILENAME, json_schema, schema_text


def test_committed_schema_is_in_sync() -> None:
    committed = (ROOT / "schemas" / SCHEMA_FILENAME).read_text(encoding="utf-8")
    assert committed == schema_text(), "run: omradedok schema -o schemas"


def test_schema_has_titles_and_descriptions() -> None:
    schema = json_schema()
    assert schema["title"].startswith("Områdesatsing")
    activity = schema["$defs"]["Activity"]
    assert "description" in activity
    assert activity["properties"]["start"]["description"].startswith("When it starts")
    assert schema["$defs"]["Municipality"]["properties"]["number"]["pattern"] == r"^\d{4}$"


def _as_json(data: Any) -> Any:
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_independent_validator_accepts_examples(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    raw = _as_json(YAML(typ="safe").load(path.read_text(encoding="utf-8")))
    assert list(validator.iter_errors(raw)) == []
    dumped = json.loads(omradedok.dumps_json(omradedok.load(path)))
    assert list(validator.iter_errors(dumped)) == []


def test_independent_validator_rejects_what_the_model_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    raw = _as_json(YAML(typ="safe").load(EXAMPLE_FILES[0].read_text(encoding="utf-8")))
    raw["municipality"]["number"] = "12345"
    raw["unknown_key"] = 1
    messages = sorted(e.message for e in validator.iter_errors(raw))
    assert any("'12345' does not match" in m for m in messages)
    assert any("unknown_key" in m for m in messages)
