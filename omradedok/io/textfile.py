"""Read YAML and JSON input with line numbers, turning every user mistake into a Problem."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..errors import InputError, PathPart, Problem
from .fastyaml import fast_load

_NOT_PARSED = object()


@dataclass
class ParsedText:
    """Plain data from a text file; the node tree that knows every line is parsed (slowly,
    with ruamel) only when a line number is asked for."""

    data: dict[str, Any]
    name: str
    text: str = ""
    _tree: Any = field(default=_NOT_PARSED, repr=False)

    @property
    def tree(self) -> Any:
        if self._tree is _NOT_PARSED:
            try:
                self._tree = _yaml().load(self.text)
            except YAMLError:
                self._tree = None
        return self._tree

    def line_of(self, path: tuple[PathPart, ...]) -> int | None:
        """1-based line of the deepest node on ``path`` that exists in the file."""
        node = self.tree
        line: int | None = None
        for part in path:
            try:
                if isinstance(node, CommentedMap) and isinstance(part, str) and part in node:
                    line = node.lc.key(part)[0] + 1
                    node = node[part]
                elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                    line = node.lc.item(part)[0] + 1
                    node = node[part]
                else:
                    break
            except (AttributeError, KeyError, IndexError, TypeError):
                break
        if line is None and isinstance(self.tree, CommentedMap):
            return 1
        return line

    def location(self, path: tuple[PathPart, ...]) -> str:
        line = self.line_of(path)
        return f"{self.name}:{line}" if line else self.name


def _fail(name: str, message: str, line: int | None = None) -> InputError:
    where = f"{name}:{line}" if line else name
    return InputError(name, [Problem("error", message, (), where)])


def read_text(path: Path) -> str:
    """Read a UTF-8 file, or say plainly why it cannot be read."""
    name = str(path)
    if not path.exists():
        raise _fail(name, "filen finnes ikke; sjekk navnet og mappen")
    if path.is_dir():
        raise _fail(name, "dette er en mappe, ikke en fil")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(name, f"filen kan ikke leses ({exc.strerror}); sjekk tilgangen") from None
    if not raw.strip():
        raise _fail(name, "filen er tom; start med «omradedok new -o plan.yaml»")
    if b"\x00" in raw[:4096]:
        raise _fail(
            name, "filen ser ut til å være binær, ikke tekst; velg YAML-, JSON- eller Excel-filen"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(
            name,
            f"filen er ikke UTF-8 (byte 0x{raw[exc.start]:02X}); lagre den på nytt som UTF-8",
            line,
        ) from None


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def parse_text(path: Path) -> ParsedText:
    """Parse a .yaml/.yml/.json file into data with line numbers."""
    name = str(path)
    text = read_text(path)
    if path.suffix.lower() == ".json":
        return _parse_json(text, name)
    try:
        data = fast_load(text)
    except (yaml.YAMLError, ValueError, TypeError):
        pass  # the slow parser below explains what is wrong, with its line
    else:
        if isinstance(data, dict):
            return ParsedText(data=_plain(data), name=name, text=text)
    try:
        tree = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = (exc.problem or exc.context or "ukjent feil").strip()
        started = ""
        if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
            started = f" ({exc.context.strip()} som begynner på linje {exc.context_mark.line + 1})"
        raise _fail(
            name,
            f"ugyldig YAML: {problem}{started}; sjekk innrykk, kolon og anførselstegn",
            line,
        ) from None
    except YAMLError as exc:
        raise _fail(name, f"ugyldig YAML: {exc}") from None
    if tree is None:
        raise _fail(name, "filen inneholder ingen data; start med «omradedok new -o plan.yaml»")
    if not isinstance(tree, dict):
        raise _fail(
            name,
            "toppnivået må være en gruppe med felt (title:, municipality:, …), ikke en liste eller tekst",
            1,
        )
    return ParsedText(data=_plain(tree), name=name, text=text, _tree=tree)


def _parse_json(text: str, name: str) -> ParsedText:
    """JSON is read by the json module; ruamel (a YAML 1.2 parser) only adds line numbers,
    and where it cannot (characters YAML forbids but JSON allows), errors name no line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(name, f"ugyldig JSON: {exc.msg} (kolonne {exc.colno})", exc.lineno) from None
    if not isinstance(data, dict):
        raise _fail(
            name,
            'toppnivået må være et objekt med felt ({"title": …}), ikke en liste eller verdi',
            1,
        )
    return ParsedText(data=data, name=name, text=text)


def _plain(node: Any) -> Any:
    """ruamel's round-trip nodes → plain dict/list/str so pydantic sees ordinary data."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node
