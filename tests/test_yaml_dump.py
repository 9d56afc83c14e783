"""The YAML writer (libyaml's C emitter with YAML 1.2 quoting) writes what the round-trip
dumper it replaced wrote, and every text comes back exactly through omradedok's reader."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

import omradedok
from omradedok.io.dump import YAML_NO_FOLD, dumps_yaml, to_data
from omradedok.io.yamlread import read_yaml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _ruamel_dump(data: Any) -> str:
    """The dumper omradedok used before (round-trip ruamel, no folding, line breaks quoted)."""

    def protect(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: protect(v) for k, v in node.items()}
        if isinstance(node, list):
            return [protect(v) for v in node]
        if isinstance(node, str) and any(c in node for c in ("\x85", "\u2028", "\u2029", "\r")):
            return DoubleQuotedScalarString(node)
        return node

    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = YAML_NO_FOLD
    buffer = io.StringIO()
    yaml.dump(protect(data), buffer)
    return buffer.getvalue()


def test_examples_are_written_as_the_round_trip_dumper_wrote_them() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        model = omradedok.load(path)
        assert dumps_yaml(model) == _ruamel_dump(to_data(model)), path.name


def test_texts_a_yaml_1_1_writer_leaves_plain_are_quoted() -> None:
    model = omradedok.load(EXAMPLES / "nordbyen-bokmal.yaml")
    for text in ("1e3", "0o17", "0x1F", ".inf", "null", "~", "true", "2026-05-01", "12:30"):
        changed = model.model_copy(update={"title": text})
        data = read_yaml(dumps_yaml(changed)).data
        assert data["title"] == text


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=40), max_size=6))
def test_random_texts_come_back_exactly(values: dict[str, str]) -> None:
    import yaml

    from omradedok.io.dump import _CoreSchemaDumper

    text = yaml.dump(
        {"values": values},
        Dumper=_CoreSchemaDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=YAML_NO_FOLD,
    )
    assert read_yaml(text).data == {"values": values}
