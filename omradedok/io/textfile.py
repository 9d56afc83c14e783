"""Read YAML and JSON input with line numbers, turning every user mistake into a Problem.

YAML goes through the one bounded reader (:mod:`.yamlread`). JSON is read by the json module
with duplicate keys, NaN/Infinity and deep nesting refused; its lines come from the YAML
reader (JSON is YAML 1.2 flow syntax), built only when a message needs one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, PathPart, Problem
from .limits import too_large_message
from .yamlread import MAX_DEPTH, MAX_INT_DIGITS, YamlDocument, YamlProblem, read_yaml

_NOT_PARSED = object()


@dataclass
class ParsedText:
    """Plain data from a text file, and the lines of its keys and list items."""

    data: dict[str, Any]
    name: str
    text: str = ""
    _doc: Any = field(default=_NOT_PARSED, repr=False)

    @property
    def doc(self) -> YamlDocument | None:
        if self._doc is _NOT_PARSED:
            try:
                self._doc = read_yaml(self.text)
            except YamlProblem:
                self._doc = None
        doc: YamlDocument | None = self._doc
        return doc

    def line_of(self, path: tuple[PathPart, ...]) -> int | None:
        """1-based line of the deepest node on ``path`` that exists in the file."""
        doc = self.doc
        return doc.line_of(path) if doc is not None else None

    def location(self, path: tuple[PathPart, ...]) -> str:
        line = self.line_of(path)
        return f"{self.name}:{line}" if line else self.name


def _fail(
    name: str,
    message: str,
    line: int | None = None,
    path: tuple[PathPart, ...] = (),
    *,
    code: str,
) -> InputError:
    where = f"{name}:{line}" if line else name
    return InputError(name, [Problem("error", message, path, where, code)])


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or say plainly why it cannot (or should not) be read."""
    name = str(path)
    if not path.exists():
        raise _fail(name, "filen finnes ikke; sjekk navnet og mappen", code="E-FIL-001")
    if path.is_dir():
        raise _fail(name, "dette er en mappe, ikke en fil", code="E-FIL-001")
    try:
        size = path.stat().st_size
        too_large = too_large_message(size)
        if too_large:
            raise _fail(name, too_large, code="E-FIL-002")
        return path.read_bytes()
    except OSError as exc:
        raise _fail(
            name, f"filen kan ikke leses ({exc.strerror}); sjekk tilgangen", code="E-FIL-001"
        ) from None


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 text of an input, or an InputError naming the line of the first bad byte."""
    too_large = too_large_message(len(raw))
    if too_large:
        raise _fail(name, too_large, code="E-FIL-002")
    if not raw.strip():
        raise _fail(name, "filen er tom; start med «omradedok new -o plan.yaml»", code="E-FIL-003")
    if b"\x00" in raw[:4096]:
        raise _fail(
            name,
            "filen ser ut til å være binær, ikke tekst; velg YAML-, JSON- eller Excel-filen",
            code="E-FIL-004",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(
            name,
            f"filen er ikke UTF-8 (byte 0x{raw[exc.start]:02X}); lagre den på nytt som UTF-8",
            line,
            code="E-FIL-004",
        ) from None


def read_text(path: Path) -> str:
    """Read a UTF-8 file, or say plainly why it cannot be read."""
    return decode_text(read_bytes(path), str(path))


def parse_text(path: Path) -> ParsedText:
    """Parse a .yaml/.yml/.json file into data with line numbers."""
    name = str(path)
    text = read_text(path)
    if path.suffix.lower() == ".json":
        return parse_json(text, name)
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> ParsedText:
    """YAML text → data and lines; every problem an InputError with its line."""
    try:
        doc = read_yaml(text)
    except YamlProblem as exc:
        raise _fail(name, exc.message, exc.line, exc.path, code=exc.code) from None
    if doc.data is None:
        raise _fail(
            name,
            "filen inneholder ingen data; start med «omradedok new -o plan.yaml»",
            code="E-FIL-003",
        )
    if not isinstance(doc.data, dict):
        raise _fail(
            name,
            "toppnivået må være en gruppe med felt (title:, municipality:, …), ikke en liste eller tekst",
            1,
            code="E-YAML-005",
        )
    return ParsedText(data=doc.data, name=name, text=text, _doc=doc)


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


class _Constant(Exception):
    def __init__(self, token: str) -> None:
        self.token = token


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Duplicate(key)
        result[key] = value
    return result


class _LongNumber(Exception):
    def __init__(self, digits: str) -> None:
        self.digits = digits


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _LongNumber(digits)
    return int(digits)


def _refuse_constant(token: str) -> Any:
    raise _Constant(token)


_CONSTANT = re.compile(r"[\[:,]\s*(-?Infinity|NaN)\b")


def _too_deep(data: Any) -> bool:
    """Whether groups and lists nest deeper than MAX_DEPTH (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
    return False


def parse_json(text: str, name: str) -> ParsedText:
    """JSON text → data; duplicate keys, NaN/Infinity and deep nesting are located errors."""
    try:
        data = json.loads(
            text, object_pairs_hook=_unique, parse_constant=_refuse_constant, parse_int=_bounded_int
        )
    except json.JSONDecodeError as exc:
        raise _fail(
            name,
            f"ugyldig JSON: {_json_message(exc.msg)} (kolonne {exc.colno})",
            exc.lineno,
            code="E-JSON-001",
        ) from None
    except _Duplicate as exc:
        line = None
        try:
            read_yaml(text)
        except YamlProblem as problem:
            line = problem.line
        raise _fail(
            name,
            f"nøkkelen «{exc.key}» står to ganger i samme objekt; fjern den ene",
            line,
            code="E-JSON-002",
        ) from None
    except _Constant as exc:
        match = _CONSTANT.search(text)
        line = text.count("\n", 0, match.start(1)) + 1 if match else None
        raise _fail(
            name,
            f"{exc.token} er ikke et tall JSON tillater; skriv et vanlig tall eller fjern feltet",
            line,
            code="E-JSON-003",
        ) from None
    except _LongNumber as exc:
        at = text.find(exc.digits)
        line = text.count("\n", 0, at) + 1 if at >= 0 else None
        raise _fail(
            name,
            f"tallet har {len(exc.digits.lstrip('-'))} sifre; det er for stort til å være et riktig tall",
            line,
            code="E-JSON-003",
        ) from None
    except RecursionError:
        raise _fail(name, _deep_message(), code="E-JSON-004") from None
    if not isinstance(data, dict):
        raise _fail(
            name,
            'toppnivået må være et objekt med felt ({"title": …}), ikke en liste eller verdi',
            1,
            code="E-JSON-004",
        )
    if _too_deep(data):
        raise _fail(name, _deep_message(), code="E-JSON-004")
    return ParsedText(data=data, name=name, text=text)


def _deep_message() -> str:
    return (
        f"filen er nestet dypere enn {MAX_DEPTH} nivåer; så dype objekter og lister hører "
        "ikke hjemme i en plan – sjekk parentesene"
    )


_JSON_MESSAGES = {
    "Expecting value": "mangler en verdi",
    "Expecting property name enclosed in double quotes": "forventet et feltnavn i doble anførselstegn (et komma for mye?)",
    "Expecting ',' delimiter": "mangler et komma",
    "Expecting ':' delimiter": "mangler et kolon etter feltnavnet",
    "Unterminated string starting at": "teksten mangler et avsluttende anførselstegn",
    "Invalid control character at": "teksten inneholder et kontrolltegn (for eksempel et linjeskift); skriv det som \\n",
    "Extra data": "det står noe etter slutten av objektet",
    "Invalid \\escape": "ugyldig \\-kode i teksten",
}


def _json_message(msg: str) -> str:
    return next((v for k, v in _JSON_MESSAGES.items() if msg.startswith(k)), msg)


__all__ = [
    "ParsedText",
    "decode_text",
    "parse_json",
    "parse_text",
    "parse_yaml",
    "read_bytes",
    "read_text",
]
