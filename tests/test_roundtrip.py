"""Dumping a model and loading it again gives an equal model (YAML and JSON)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from strategies import initiatives

import omradedok
from omradedok.io import dumps_json, dumps_yaml
from omradedok.model import Initiative


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(model=initiatives())
def test_yaml_and_json_round_trip(tmp_path: Path, model: Initiative) -> None:
    yaml_path = tmp_path / "plan.yaml"
    yaml_path.write_text(dumps_yaml(model), encoding="utf-8")
    assert omradedok.load(yaml_path) == model
    json_path = tmp_path / "plan.json"
    json_path.write_text(dumps_json(model), encoding="utf-8")
    assert omradedok.load(json_path) == model


def test_examples_round_trip(tmp_path: Path, large_model: Initiative) -> None:
    path = tmp_path / "again.yaml"
    path.write_text(dumps_yaml(large_model), encoding="utf-8")
    assert omradedok.load(path) == large_model
