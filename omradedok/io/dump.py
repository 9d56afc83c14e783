"""Write a model back to YAML or JSON (the inverse of load)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..model import Initiative
from .yamlread import resolve_plain


def to_data(model: Initiative) -> dict[str, Any]:
    """Plain JSON-compatible data, leaving out defaults so files stay short."""
    data: dict[str, Any] = model.model_dump(mode="json", exclude_defaults=True)
    data["schema_version"] = model.schema_version
    return data


# YAML reads these as line breaks inside plain or single-quoted scalars, so a value holding
# them would come back changed; double quotes escape them (\N, \L, \P, \r).
_YAML_LINE_BREAKS = ("\n", "\x85", "\u2028", "\u2029", "\r")

_STR = "tag:yaml.org,2002:str"
_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _CoreSchemaDumper(_Dumper):  # type: ignore[misc,valid-type]
    """libyaml's emitter with YAML 1.2 quoting.

    PyYAML decides quoting by YAML 1.1, so «1e3» or «0o17» would be written plain and read back
    by omradedok's YAML 1.2 reader as numbers; a text a 1.2 reader would take for anything but
    text is quoted. Texts with line breaks are double-quoted on one line, as the round-trip
    dumper used before wrote them (the output is byte-identical for the examples and tested
    equal on random texts), so a text always comes back exactly."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if any(c in value for c in _YAML_LINE_BREAKS):
        style = '"'
    elif resolve_plain(value) != _STR:
        style = "'"
    return dumper.represent_scalar(_STR, value, style=style)


_CoreSchemaDumper.add_representer(str, _represent_text)

YAML_NO_FOLD = 2**31 - 1
"""The emitter's line width: wide enough that no scalar is ever folded (a fold right after a
tab would read back as tab + space)."""


def dumps_yaml(model: Initiative) -> str:
    """YAML in the model's field order, written by libyaml's C emitter (7× the round-trip
    dumper's speed; ``omradedok import`` spent most of its time here)."""
    return yaml.dump(
        to_data(model),
        Dumper=_CoreSchemaDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=YAML_NO_FOLD,
    )


def dumps_json(model: Initiative) -> str:
    return json.dumps(to_data(model), ensure_ascii=False, indent=2) + "\n"


def dumps(model: Initiative, path: Path) -> str:
    """Serialise in the format the file name asks for (.json, otherwise YAML)."""
    return dumps_json(model) if path.suffix.lower() == ".json" else dumps_yaml(model)
