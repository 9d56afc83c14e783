"""The one YAML reader: libyaml's event stream built into plain data, bounded, with lines.

Earlier omradedok read a file twice – a fast imitation of ruamel for data, ruamel for line
numbers – and the two disagreed on corner cases. This reader builds the data and the line
of every key and list item in one pass over libyaml's events, so there is one reading:

* scalars resolve by the YAML 1.2 core schema, with exactly ruamel's patterns (a property
  test compares the two for every plain scalar);
* limits hold while reading, before anything grows: nesting depth, the values aliases may
  expand to (never more than the file could spell out), digits of an integer, one document;
* duplicate keys, impossible dates (``2026-02-31``) and unknown tags are errors on their line.

Every event is handled once and lines come from libyaml's marks, so time is linear in size.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml.resolver import VersionedResolver

from ..errors import PathPart
from ..model.passages import LANGUAGES

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 64
"""Nesting of groups and lists; the model itself needs fewer than 12 levels."""
MAX_INT_DIGITS = 30
"""An integer with more digits is a mistake (and Python refuses to parse 4 300 and more)."""
ALIAS_ALLOWANCE = 10_000
"""Values aliases may add beyond one value per character of the file."""

_CORE = "tag:yaml.org,2002:"
_RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    str(first): [(str(tag), pattern) for tag, pattern in entries]
    for first, entries in VersionedResolver(version=(1, 2)).versioned_resolver.items()
}
"""First character → (tag, pattern): ruamel's own YAML 1.2 resolution, looked up once."""

_TIMESTAMP = re.compile(
    r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})"
    r"(?:\.(?P<fraction>[0-9]*))?"
    r"(?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9]{1,2})(?::?(?P<tz_minute>[0-9]{2}))?))?)?$"
)

_MESSAGES = {
    "exceeded maximum nesting depth": "filen er nestet dypere enn libyaml tillater; så dype grupper og lister hører ikke hjemme i en plan",
    "mapping values are not allowed": "et kolon står der det ikke kan stå (mangler det anførselstegn rundt en tekst med «: »?)",
    "could not find expected ':'": "fant ikke kolonet etter en nøkkel",
    "did not find expected key": "fant ikke neste nøkkel (feil innrykk?)",
    "did not find expected node content": "mangler en verdi",
    "found character that cannot start any token": "fant et tegn som ikke kan begynne en verdi (tabulator i innrykk, eller @ eller ` først i en tekst?)",
    "found unexpected end of stream": "filen slutter midt i en tekst (mangler et avsluttende anførselstegn?)",
    "found undefined alias": "aliaset er ikke definert med & tidligere i filen",
    "did not find expected '-' indicator": "fant ikke «- » der en liste fortsetter (feil innrykk?)",
    "did not find expected ',' or ']'": "fant ikke «,» eller «]» i en liste i hakeparenteser",
    "did not find expected ',' or '}'": "fant ikke «,» eller «}» i en gruppe i krøllparenteser",
    "found a tab character that violates indentation": "en tabulator står i innrykket; bruk mellomrom",
    "block sequence entries are not allowed in this context": "en listelinje («- ») står der den ikke kan stå (feil innrykk?)",
    "control characters are not allowed": "filen inneholder et ulovlig kontrolltegn",
}


_CONTEXTS = {
    "quoted scalar": "teksten i anførselstegn",
    "block scalar": "teksten",
    "simple key": "nøkkelen",
    "flow sequence": "listen i hakeparenteser",
    "flow mapping": "gruppen i krøllparenteser",
    "block mapping": "gruppen",
    "block collection": "listen",
    "alias": "aliaset",
    "anchor": "ankeret",
    "tag": "merket",
}


class YamlProblem(Exception):
    """A reason the text is not usable YAML, with its 1-based line."""

    def __init__(
        self,
        message: str,
        line: int | None,
        path: tuple[PathPart, ...] = (),
        *,
        code: str = "E-YAML-001",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path
        self.code = code
        """E-YAML-001 (syntax) unless a more precise rule applies."""


@dataclass
class YamlDocument:
    """Plain data (dict/list/str/int/float/bool/None/date) and the line of every key and
    list item, kept beside the data by container identity."""

    data: Any
    lines: dict[int, dict[PathPart, int]] = field(default_factory=dict, repr=False)
    _alive: list[Any] = field(default_factory=list, repr=False)

    def line_of(self, path: tuple[PathPart, ...]) -> int | None:
        """1-based line of the deepest node on ``path`` that exists in the file."""
        node = self.data
        line: int | None = None
        for part in path:
            known = self.lines.get(id(node))
            if known is None or part not in known:
                break
            line = known[part]
            node = node[part]
        if line is None and isinstance(self.data, dict):
            return 1
        return line


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    lines: dict[PathPart, int]
    anchor: str | None
    start: int
    line: int
    key: Any = None
    key_line: int = 0
    has_key: bool = False
    merges: list[tuple[Any, int]] = field(default_factory=list)


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def _int(text: str, line: int) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    base = 10
    for prefix, value in (("0o", 8), ("0x", 16), ("0b", 2)):
        if digits.startswith(prefix):
            digits, base = digits[2:], value
    if len(digits) > MAX_INT_DIGITS:
        raise YamlProblem(
            f"tallet har {len(digits)} sifre; det er for stort til å være et riktig tall",
            line,
            code="E-YAML-002",
        )
    try:
        return sign * int(digits, base)
    except ValueError:
        raise YamlProblem(f"«{text}» er ikke et heltall", line, code="E-YAML-002") from None


def _float(text: str, line: int) -> float:
    value = text.lower().replace("_", "")
    if value.endswith(".inf"):
        return float("-inf") if value.startswith("-") else float("inf")
    if value.endswith(".nan"):
        return float("nan")
    try:
        return float(value)
    except ValueError:
        raise YamlProblem(f"«{text}» er ikke et tall", line, code="E-YAML-002") from None


def _timestamp(text: str, line: int) -> dt.date | dt.datetime:
    match = _TIMESTAMP.match(text.strip())
    if match is None:
        raise YamlProblem(f"«{text}» er ikke en dato", line, code="E-YAML-002")
    parts = match.groupdict()
    try:
        day = dt.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        if parts["hour"] is None:
            return day
        fraction = int((parts["fraction"] or "0")[:6].ljust(6, "0"))
        zone: dt.tzinfo | None = None
        if parts["tz"] == "Z":
            zone = dt.UTC
        elif parts["tz"]:
            offset = dt.timedelta(hours=int(parts["tz_hour"]), minutes=int(parts["tz_minute"] or 0))
            zone = dt.timezone(-offset if parts["tz_sign"] == "-" else offset)
        return dt.datetime(
            day.year,
            day.month,
            day.day,
            int(parts["hour"]),
            int(parts["minute"]),
            int(parts["second"]),
            fraction,
            zone,
        )
    except ValueError:
        raise YamlProblem(
            f"«{text}» er ikke en gyldig dato (den dagen finnes ikke); "
            "skriv en dato som finnes, for eksempel 2026-11-26 eller 26.11.2026",
            line,
            code="E-YAML-002",
        ) from None


def _bool(text: str, line: int) -> bool:
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    raise YamlProblem(f"«{text}» er ikke true eller false", line, code="E-YAML-002")


def _null(text: str, line: int) -> None:
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    raise YamlProblem(f"«{text}» er ikke null", line, code="E-YAML-002")


_CONSTRUCT = {
    _CORE + "int": _int,
    _CORE + "float": _float,
    _CORE + "bool": _bool,
    _CORE + "null": _null,
    _CORE + "timestamp": _timestamp,
}


def resolve_plain(text: str) -> str:
    """The YAML 1.2 core-schema tag of a plain (unquoted, untagged) scalar."""
    for tag, pattern in _RESOLVERS.get(text[:1], ()):
        if pattern.match(text):
            return tag
    return _CORE + "str"


def _scalar(event: Any, line: int) -> Any:
    text: str = event.value
    tag = event.tag
    if tag is None or tag == "!":
        if tag is not None or not event.implicit[0]:
            return text  # quoted, block or «!»-tagged: always text
        tag = resolve_plain(text)
    if tag == _CORE + "str":
        return text
    construct = _CONSTRUCT.get(tag)
    if construct is not None:
        return construct(text, line)
    if tag in (_CORE + "merge", _CORE + "value", _CORE + "yaml"):
        return text
    raise YamlProblem(
        f"ukjent YAML-merke «{tag}»; fjern merket (omradedok leser bare tekst, tall, "
        "datoer, true/false, lister og grupper)",
        line,
        code="E-YAML-005",
    )


def _parse_error(exc: yaml.YAMLError, text: str) -> YamlProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = int(mark.line) + 1 if mark is not None else None
    problem = str(getattr(exc, "problem", None) or getattr(exc, "context", None) or exc).strip()
    norsk = next((v for k, v in _MESSAGES.items() if problem.startswith(k)), None)
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, max(0, int(exc.position))) + 1
        character = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        )
        return YamlProblem(
            f"filen inneholder det ulovlige tegnet U+{character:04X}; fjern det – ofte kommer "
            "det fra kopiering fra et annet program",
            line,
        )
    if problem.startswith("mapping values are not allowed") and line is not None:
        source_line = text.splitlines()[line - 1] if line <= text.count("\n") + 1 else ""
        marker = re.search(r"\[([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*):\s", source_line)
        if marker is not None and marker.group(1).split("-")[0] in LANGUAGES:
            return YamlProblem(
                f"ugyldig YAML: språkmerket «[{marker.group(1)}: …]» har et kolon, så teksten "
                'må stå i anførselstegn, for eksempel «title: "Områdeløft – [se: Ođđa searvi]"»',
                line,
            )
    context = str(getattr(exc, "context", None) or "")
    context_mark = getattr(exc, "context_mark", None)
    started = ""
    if context and context_mark is not None and context_mark is not mark:
        what = next((v for k, v in _CONTEXTS.items() if k in context), "det")
        started = f" ({what} som begynner på linje {int(context_mark.line) + 1})"
    return YamlProblem(
        f"ugyldig YAML: {norsk or problem}{started}; sjekk innrykk, kolon og anførselstegn", line
    )


class _Builder:
    """Turns events into data; one instance per text."""

    def __init__(self, size: int) -> None:
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, dict[PathPart, int] | None]] = {}
        self.lines: dict[int, dict[PathPart, int]] = {}
        self.alive: list[Any] = []
        self.nodes = 0
        self.budget = size + ALIAS_ALLOWANCE
        self.root: Any = None
        self.documents = 0

    def count(self, nodes: int, line: int) -> None:
        self.nodes += nodes
        if self.nodes > self.budget:
            raise YamlProblem(
                "aliasene (*navn) i filen utvides til flere verdier enn filen kan inneholde "
                f"(over {self.budget}); skriv verdiene ut, eller bruk færre aliaser",
                line,
                code="E-YAML-003",
            )

    def open(self, container: dict[str, Any] | list[Any], event: Any, line: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise YamlProblem(
                f"filen er nestet dypere enn {MAX_DEPTH} nivåer; så dype grupper og lister "
                "hører ikke hjemme i en plan – sjekk innrykket",
                line,
                code="E-YAML-003",
            )
        if event.tag not in (None, "!", _CORE + "map", _CORE + "seq"):
            raise YamlProblem(
                f"ukjent YAML-merke «{event.tag}»; fjern merket", line, code="E-YAML-005"
            )
        self.count(1, line)
        lines: dict[PathPart, int] = {}
        self.lines[id(container)] = lines
        self.alive.append(container)
        self.stack.append(_Frame(container, lines, event.anchor, self.nodes, line))

    def close(self) -> None:
        frame = self.stack.pop()
        if frame.merges and isinstance(frame.container, dict):
            self._merge(frame)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (
                frame.container,
                self.nodes - frame.start + 1,
                frame.lines,
            )
        self.attach(frame.container, frame.line, is_container=True)

    def _merge(self, frame: _Frame) -> None:
        target = frame.container
        assert isinstance(target, dict)
        for source, line in frame.merges:
            sources = source if isinstance(source, list) else [source]
            for item in sources:
                if not isinstance(item, dict):
                    raise YamlProblem(
                        "«<<:» kan bare slå sammen grupper (nøkkel: verdi)", line, code="E-YAML-005"
                    )
                known = self.lines.get(id(item), {})
                for key, value in item.items():
                    if key not in target:
                        target[key] = value
                        frame.lines[key] = known.get(key, line)

    def scalar(self, event: Any) -> None:
        line = _line(event)
        self.count(1, line)
        frame = self.stack[-1] if self.stack else None
        is_key = frame is not None and isinstance(frame.container, dict) and not frame.has_key
        if is_key and event.tag is None and event.implicit[0] and event.value == "<<":
            value: Any = _MergeKey
        else:
            try:
                value = _scalar(event, line)
            except YamlProblem as exc:
                exc.path = self.path()
                raise
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1, None)
        self.attach(value, line)

    def path(self) -> tuple[PathPart, ...]:
        """Where the value being read goes (for a message about it)."""
        parts: list[PathPart] = []
        for frame in self.stack:
            if isinstance(frame.container, list):
                parts.append(len(frame.container))
            elif frame.has_key and isinstance(frame.key, str):
                parts.append(frame.key)
        return tuple(parts)

    def alias(self, event: Any) -> None:
        line = _line(event)
        found = self.anchors.get(event.anchor)
        if found is None:
            raise YamlProblem(
                f"aliaset «*{event.anchor}» er ikke definert med «&{event.anchor}» tidligere i filen",
                line,
            )
        value, size, _ = found
        self.count(size, line)
        self.attach(value, line, is_container=isinstance(value, dict | list))

    def attach(self, value: Any, line: int, is_container: bool = False) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        target = frame.container
        if isinstance(target, list):
            frame.lines[len(target)] = line
            target.append(value)
            return
        if not frame.has_key:
            if is_container:
                raise YamlProblem(
                    "en nøkkel kan ikke være en liste eller gruppe; skriv nøkkelen som tekst",
                    line,
                    code="E-YAML-005",
                )
            frame.key = value if value is _MergeKey else str(value)
            frame.key_line = line
            frame.has_key = True
            return
        frame.has_key = False
        key = frame.key
        if key is _MergeKey:
            frame.merges.append((value, frame.key_line))
            return
        if key in target:
            raise YamlProblem(
                f"nøkkelen «{key}» står to ganger i samme gruppe (første gang på linje "
                f"{frame.lines[key]}); fjern den ene",
                frame.key_line,
                code="E-YAML-004",
            )
        target[key] = value
        frame.lines[key] = frame.key_line


class _MergeKeyType:
    def __repr__(self) -> str:
        return "<<"


_MergeKey = _MergeKeyType()


def read_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raises YamlProblem (with its line) for anything unusable."""
    builder = _Builder(len(text))
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is scalar:
                builder.scalar(event)
            elif kind in ends:
                builder.close()
            elif kind is mapping_start:
                builder.open({}, event, _line(event))
            elif kind is sequence_start:
                builder.open([], event, _line(event))
            elif kind is alias:
                builder.alias(event)
            elif kind is yaml.DocumentStartEvent:
                builder.documents += 1
                if builder.documents > 1:
                    raise YamlProblem(
                        "filen har mer enn ett YAML-dokument (en linje «---» midt i filen); "
                        "én fil beskriver én satsing",
                        _line(event),
                        code="E-YAML-005",
                    )
    except yaml.YAMLError as exc:
        raise _parse_error(exc, text) from None
    except RecursionError:
        raise YamlProblem(
            f"filen er nestet dypere enn {MAX_DEPTH} nivåer", None, code="E-YAML-003"
        ) from None
    return YamlDocument(builder.root, builder.lines, builder.alive)


__all__ = [
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "YamlDocument",
    "YamlProblem",
    "read_yaml",
    "resolve_plain",
]
