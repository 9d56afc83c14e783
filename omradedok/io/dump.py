"""Write a model back to YAML or JSON (the inverse of load)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..model import Initiative


def to_data(model: Initiative) -> dict[str, Any]:
    """Plain JSON-compatible data, leaving out defaults so files stay short."""
    data: dict[str, Any] = model.model_dump(mode="json", exclude_defaults=True)
    data["schema_version"] = model.schema_version
    return data


# YAML reads these as line breaks inside plain or single-quoted scalars, so a value holding
# them would come back changed; double quotes escape them (\N, \L, \P, \r).
_YAML_LINE_BREAKS = ("\x85", "\u2028", "\u2029", "\r")


def _protect_line_breaks(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _protect_line_breaks(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_protect_line_breaks(v) for v in node]
    if isinstance(node, str) and any(c in node for c in _YAML_LINE_BREAKS):
        return DoubleQuotedScalarString(node)
    return node


YAML_NO_FOLD = 2**31 - 1
"""ruamel's line width: wide enough that no scalar is ever folded."""


def dumps_yaml(model: Initiative) -> str:
    yaml = YAML(typ="rt")  # round-trip dumper keeps the model's field order
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    # No folding: ruamel folds long plain/quoted scalars at a space and may fold right after
    # a tab, which reads back as tab + space; one line per scalar keeps every text exact.
    yaml.width = YAML_NO_FOLD
    buffer = io.StringIO()
    yaml.dump(_protect_line_breaks(to_data(model)), buffer)
    return buffer.getvalue()


def dumps_json(model: Initiative) -> str:
    return json.dumps(to_data(model), ensure_ascii=False, indent=2) + "\n"


def dumps(model: Initiative, path: Path) -> str:
    """Serialise in the format the file name asks for (.json, otherwise YAML)."""
    return dumps_json(model) if path.suffix.lower() == ".json" else dumps_yaml(model)
