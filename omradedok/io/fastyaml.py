"""A fast YAML 1.2 (core schema) reader on libyaml, for the common case of a valid file.

ruamel's round-trip parser knows every line but is ten times slower; omradedok reads a file
with this one first and asks ruamel only when it needs a line number or a parse error
message. PyYAML's own resolver is YAML 1.1 («no» → False, «010» → 8, «1:20» → 80), so the
implicit types here are set to what ruamel reads (the 1.2 core schema, plus its digit
separators and 0b numbers); a test checks both give the same data.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_BASE):  # type: ignore[valid-type,misc]
    """libyaml parser with YAML 1.2 core-schema scalars and duplicate keys refused."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"found duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def _int12(loader: Any, node: Any) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    for prefix, base in (("0o", 8), ("0x", 16), ("0b", 2)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits, 10)


def _float12(loader: Any, node: Any) -> float:
    text = str(loader.construct_scalar(node)).lower().replace("_", "")
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9][0-9_]*|[-+]?0o[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+)$"),
    list("-+0123456789"),
)
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp",
    re.compile(
        r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
        r"(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)$"
    ),
    list("0123456789"),
)
_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])
_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float12)
# «<<» as a key merges (handled before construction); anywhere else it is just text.
_Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:merge", lambda loader, node: str(loader.construct_scalar(node))
)


def fast_load(text: str) -> Any:
    """Parse YAML text; raises ``yaml.YAMLError`` for anything the slow path should explain."""
    return yaml.load(text, Loader=_Yaml12Loader)
