"""Characters the PDF's fonts cannot show: a warning naming the field and the characters.

The shipped fonts (DejaVu Sans, with Noto for Arabic, Hebrew, Ethiopic, symbols and emoji
behind it) cover the scripts of the examples and the communication plans; a character none of
them has would print as an empty box. A municipality's own font (``municipality.profile.font``)
may lack letters – often the Sami ones: those are set in the shipped fallback font instead,
which the clerk should know before the plan is published.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import PathPart, Problem, format_path
from ..model import Initiative, Profile
from ..render.font_files import (
    DEFAULT_FILES,
    LAST_RESORT,
    SCRIPT_FONTS,
    FontFileError,
    code_points,
    script_of,
    shows,
)
from ..render.pdf_script import prepare
from ..resources import fonts_dir

_SHOWN = 10
"""At most this many characters are named in one warning."""


def _texts(
    value: Any, path: tuple[PathPart, ...] = ()
) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, str(key)))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))
    elif isinstance(value, str) and not value.isascii():
        yield path, value


def _named(chars: set[str]) -> str:
    ordered = sorted(chars)
    shown = ", ".join(f"«{c}» (U+{ord(c):04X})" for c in ordered[:_SHOWN])
    more = len(ordered) - _SHOWN
    return shown + (f" og {more} til" if more > 0 else "")


def _coverage(profile: Profile | None) -> tuple[frozenset[int], frozenset[int]]:
    """The characters of the main font (the municipality's or DejaVu Sans), and of every font
    the PDF falls back on for the regular style (:mod:`omradedok.render.pdf_fonts`)."""
    shipped = fonts_dir()
    own = profile.font if profile is not None else None
    main = code_points(str(Path(own) if own is not None else shipped / DEFAULT_FILES["regular"]))
    behind = [DEFAULT_FILES["regular"], *(f[0] for f in SCRIPT_FONTS.values()), *LAST_RESORT]
    every = main.union(*(code_points(str(shipped / f)) for f in behind))
    return main, every


def glyph_problems(model: Initiative) -> list[Problem]:
    """One warning per text field with characters the PDF cannot show in its own font."""
    profile = model.municipality.profile
    try:
        main, every = _coverage(profile)
    except (FontFileError, OSError):
        return []  # an unusable font file is reported where the profile is checked
    own_font = profile is not None and profile.font is not None
    problems: list[Problem] = []
    lacking: dict[str, list[tuple[PathPart, ...]]] = {}
    for path, raw in _texts(model.model_dump(mode="json", exclude_none=True)):
        chars = {ch for ch in prepare(raw) if shows(ch)}
        lost = {ch for ch in chars if ord(ch) not in every}
        if lost:
            problems.append(
                Problem(
                    "warning",
                    f"tegnene {_named(lost)} finnes ikke i noen av PDF-skriftene og blir vist "
                    "som tomme ruter i PDF-en (DOCX-en viser dem hvis Word har en skrift for "
                    "dem); skriv dem på en annen måte, eller bruk en skrifttype som har dem",
                    path,
                    code="W-PDF-001",
                )
            )
        if own_font:
            for c in {ch for ch in chars if ord(ch) not in main} - lost:
                if (c.isalpha() or c.isdigit()) and script_of(c) is None:
                    lacking.setdefault(c, []).append(path)
    if lacking and profile is not None and profile.font is not None:
        fields = sorted({format_path(p) for paths in lacking.values() for p in paths})
        examples = ", ".join(fields[:3]) + (
            f" og {len(fields) - 3} felt til" if len(fields) > 3 else ""
        )
        problems.append(
            Problem(
                "warning",
                f"kommunens skrifttype ({profile.font.name}) mangler {_named(set(lacking))}, "
                f"som står i {examples}; i PDF-en settes de med reserveskriften (DejaVu Sans), "
                "så ordene får to skrifter. Velg en skrifttype som dekker tegnene, eller fjern "
                "«font» fra profilen",
                ("municipality", "profile", "font"),
                code="W-PDF-002",
            )
        )
    return problems
