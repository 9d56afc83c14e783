"""Passages in another language inside a free text: ``[se: Ođđa searvi]``.

Any free text of the input may mark a passage as written in another language than the
document's (bokmål or nynorsk), so the DOCX sets ``w:lang`` on exactly those runs and the
PDF gives them ``/Lang`` – screen readers then switch voice and spell checkers language::

    title: Searvvušvisti – [se: Ođđa searvi] – fellesskapshuset
    name: "[se: Guovdageainnu guovddáš]"      # a whole text in Northern Sami (quoted in YAML)

The notation works the same in YAML, JSON and an Excel cell. It is recognised only for the
language codes in :data:`LANGUAGES` (``[sic]``, ``[1]`` or ``[merk: …]`` with a capital stay
text as written); a marker that looks like one but names an unknown code, or that is never
closed, is an input error naming the field. ``[[se: …]`` prints a literal ``[se: …]``.
A text without markers is left exactly as it is.

Parsing lives here only: the model validates with :func:`check`, the DOCX and PDF renderers
split with :func:`passages`, and every other output (XLSX cells, file names, metadata,
bookmarks) prints :func:`plain` – the text without markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "LANGUAGES",
    "RTL_LANGUAGES",
    "Passage",
    "PassageError",
    "check",
    "has_marks",
    "language_tag",
    "passages",
    "plain",
    "whole_language",
]

LANGUAGES: dict[str, str] = {
    "se": "nordsamisk",
    "smj": "lulesamisk",
    "sma": "sørsamisk",
    "smn": "enaresamisk",
    "sms": "skoltesamisk",
    "fkv": "kvensk",
    "nb": "bokmål",
    "nn": "nynorsk",
    "sv": "svensk",
    "da": "dansk",
    "fi": "finsk",
    "en": "engelsk",
    "de": "tysk",
    "fr": "fransk",
    "es": "spansk",
    "pl": "polsk",
    "lt": "litauisk",
    "uk": "ukrainsk",
    "ru": "russisk",
    "ar": "arabisk",
    "fa": "persisk",
    "prs": "dari",
    "ps": "pashto",
    "ur": "urdu",
    "ku": "kurdisk",
    "ckb": "sorani",
    "tr": "tyrkisk",
    "so": "somali",
    "ti": "tigrinja",
    "am": "amharisk",
    "he": "hebraisk",
    "ta": "tamil",
    "th": "thai",
    "vi": "vietnamesisk",
}
"""The language codes a marker may name (ISO 639, as BCP 47 writes them), with their
Norwegian names for messages and the user guide."""

RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ur", "ckb", "he"})
"""Languages written right to left: the DOCX marks their runs ``w:rtl`` and ``w:bidi``."""

_REGION_OF = {"se": "NO", "smj": "NO", "sma": "NO", "fkv": "NO", "nb": "NO", "nn": "NO"}
"""Codes printed with a region when the input gives none: the Sami languages, Kven and
Norwegian as written in Norway («se-NO», what Word and screen readers know). Other codes are
written as given (a region may be added: ``[en-GB: …]``, ``[ar-SY: …]``)."""

_CANDIDATE = re.compile(r"(\[\[?)([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*):\s+")
"""What looks like a marker: «[», a lowercase code (with subtags), «:» and whitespace."""


class PassageError(ValueError):
    """A marker that cannot be read (unknown code, never closed, empty, nested)."""


@dataclass(frozen=True)
class Passage:
    """A piece of a text; ``lang`` is its BCP 47 tag, None for the document's language."""

    text: str
    lang: str | None = None


def has_marks(text: str) -> bool:
    """Whether ``text`` holds a marker (cheap for the common text without «[»)."""
    return "[" in text and _CANDIDATE.search(text) is not None


def language_tag(code: str) -> str:
    """The BCP 47 tag written to the files for a code as typed: «se» → «se-NO», «en-gb» →
    «en-GB»; raises :class:`PassageError` for an unknown language."""
    primary, *rest = code.split("-")
    if primary not in LANGUAGES:
        raise PassageError(_unknown(code))
    if not rest:
        region = _REGION_OF.get(primary)
        return f"{primary}-{region}" if region else primary
    subtags = [
        s.upper() if len(s) == 2 else s.title() if len(s) == 4 and s.isalpha() else s.lower()
        for s in rest
    ]
    return "-".join([primary, *subtags])


def _unknown(code: str) -> str:
    known = ", ".join(sorted(LANGUAGES))
    return (
        f"«[{code}: …]» ser ut som et språkmerke, men «{code}» er ikke en kjent språkkode; "
        f"bruk en av {known} (for eksempel «[se: Ođđa searvi]» for nordsamisk), eller skriv "
        f"«[[{code}: …]» hvis teksten skal stå med klammer slik den er"
    )


def _snippet(text: str, start: int) -> str:
    piece = text[start : start + 30]
    return piece + ("…" if len(text) > start + 30 else "")


@lru_cache(maxsize=4096)
def _parse(text: str, strict: bool) -> tuple[Passage, ...]:
    out: list[Passage] = []
    buffer: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        match = _CANDIDATE.search(text, pos)
        if match is None:
            buffer.append(text[pos:])
            break
        buffer.append(text[pos : match.start()])
        opening, code = match.group(1), match.group(2)
        if opening == "[[":  # an escaped marker: printed as written, with one «[»
            buffer.append(text[match.start() + 1 : match.end()])
            pos = match.end()
            continue
        try:
            tag = language_tag(code)
        except PassageError:
            if strict:
                raise
            buffer.append(match.group(0))
            pos = match.end()
            continue
        depth, end = 1, match.end()
        while end < n:
            ch = text[end]
            if ch == "[":
                inner = _CANDIDATE.match(text, end)
                if inner is not None and inner.group(1) == "[" and strict:
                    raise PassageError(
                        f"språkmerket «[{code}: …]» inneholder et nytt språkmerke "
                        f"«{inner.group(0).strip()}» (posisjon {end + 1}); avslutt det første "
                        "med «]» før det neste begynner"
                    )
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    break
            end += 1
        if end >= n:
            if strict:
                raise PassageError(
                    f"språkmerket «[{code}:» (posisjon {match.start() + 1}, "
                    f"«{_snippet(text, match.start())}») er ikke lukket; avslutt passasjen "
                    f"med «]», for eksempel «[{code}: Ođđa searvi]»"
                )
            end = n
        body = text[match.end() : end]
        if not body.strip():
            if strict:
                raise PassageError(
                    f"språkmerket «[{code}: ]» (posisjon {match.start() + 1}) er tomt; skriv "
                    f"teksten på {LANGUAGES[code.split('-')[0]]} etter kolon, eller fjern merket"
                )
        else:
            if buffer:
                joined = "".join(buffer)
                if joined:
                    out.append(Passage(joined))
                buffer = []
            out.append(Passage(body, tag))
        pos = end + 1
    rest = "".join(buffer)
    if rest:
        out.append(Passage(rest))
    return tuple(out)


def check(text: str) -> str:
    """``text`` unchanged when its markers are well formed; raises :class:`PassageError`
    (a ValueError, so pydantic names the field) with a Norwegian message otherwise."""
    if has_marks(text):
        _parse(text, True)
    return text


def passages(text: str) -> tuple[Passage, ...]:
    """The pieces of ``text`` in reading order (a text without markers: one plain piece).

    Lenient, for renderers: a text composed by a view (a truncated title) never fails here;
    an unknown code stays text and an unclosed marker runs to the end."""
    if not has_marks(text):
        return (Passage(text),) if text else ()
    return _parse(text, False)


def plain(text: str) -> str:
    """What a reader sees: ``text`` without its markers (unchanged when it has none)."""
    if not has_marks(text):
        return text
    return "".join(p.text for p in _parse(text, False))


def whole_language(text: str) -> str | None:
    """The tag when the whole of ``text`` (ignoring surrounding spaces) is one passage."""
    if not has_marks(text):
        return None
    parts = [p for p in _parse(text, False) if p.lang is not None or p.text.strip()]
    if len(parts) == 1 and parts[0].lang is not None:
        return parts[0].lang
    return None
