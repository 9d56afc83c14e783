"""Fonts for PDFs and charts: always embedded TrueType, never the PDF base-14 fonts.

The default is DejaVu Sans, shipped in omradedok/fonts/ (Latin with æøå, the Northern Sami
letters á č đ ŋ š ŧ ž, combining marks), so a fresh machine produces the same PDF as this one.
A municipality may name its own TTF font (regular and bold) in its profile; a missing bold falls
back to the regular face rather than to a system font.

Every style has a *fallback chain* (``FontChain``): a character the main font lacks is set in
the first font of the chain that has it – DejaVu Sans behind a municipality's font, then the
shipped Noto fonts for Arabic, Hebrew, Ethiopic (Tigrinya, Amharic), symbols and emoji
(monochrome). Letters of those scripts always use their Noto font, so a word never mixes faces.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import OmradedokError
from ..resources import fonts_dir
from .font_files import (
    DEFAULT_FILES,
    INVISIBLE,
    LAST_RESORT,
    SCRIPT_FONTS,
    is_mark,
    script_of,
    shows,
)

DEFAULT_FAMILY = "OmradedokSans"
_DEFAULT_FILES = DEFAULT_FILES
_SCRIPT_FONTS = SCRIPT_FONTS
_LAST_RESORT = LAST_RESORT
_INVISIBLE = INVISIBLE


@lru_cache(maxsize=64)
def _cmap(name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(name)
    cmap: dict[int, int] = getattr(getattr(font, "face", None), "charToGlyph", {}) or {}
    return frozenset(cmap)


@dataclass(frozen=True, eq=False)
class FontChain:
    """A main font and the fonts tried, in order, for characters it lacks."""

    main: str
    fallbacks: tuple[str, ...]
    scripts: tuple[tuple[str, str], ...]
    """(script, font) pairs: letters of the script use that font first."""
    _for_char: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    simple: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    """Characters the main font sets itself (the fast path: one run, one width call)."""

    def font_of(self, ch: str) -> str | None:
        """The font that sets ``ch`` (None: no font of the chain has it)."""
        found = self._for_char.get(ch)
        if found is not None:
            return found or None
        cp = ord(ch)
        script = script_of(ch)
        order: list[str] = [f for s, f in self.scripts if s == script]
        order += [self.main, *self.fallbacks]
        found = next((name for name in order if cp in _cmap(name)), "")
        self._for_char[ch] = found
        return found or None

    def covers(self, text: str) -> bool:
        return self.simple.issuperset(text)

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` cut into (font, characters) runs; marks stay with the run's font when it
        has them (and spaces with a script's font), invisible characters no font has are left
        out."""
        if self.simple.issuperset(text):
            return [(self.main, text)] if text else []
        out: list[tuple[str, str]] = []
        scripts = {f for _, f in self.scripts}  # their spaces fit (emoji's are too wide)
        font, chunk = self.main, ""
        for ch in text:
            if (
                chunk
                and ord(ch) in _cmap(font)
                and (is_mark(ch) or (ch == " " and font in scripts))
            ):
                chunk += ch
                continue
            chosen = self.font_of(ch)
            if chosen is None:
                if ch in _INVISIBLE:
                    continue
                chosen = font if chunk else self.main
            if chosen != font and chunk:
                out.append((font, chunk))
                chunk = ""
            font = chosen
            chunk += ch
        if chunk:
            out.append((font, chunk))
        return out

    def width(self, text: str, size: float) -> float:
        if self.simple.issuperset(text):
            return float(pdfmetrics.stringWidth(text, self.main, size))
        return float(sum(pdfmetrics.stringWidth(t, f, size) for f, t in self.runs(text)))

    def missing(self, text: str) -> set[str]:
        """Characters of ``text`` no font of the chain can show."""
        return {ch for ch in set(text) if shows(ch) and self.font_of(ch) is None}


_CHAINS: dict[str, FontChain] = {}


def chain_of(font_name: str) -> FontChain:
    """The fallback chain registered for a style's font (a lone chain for any other font)."""
    chain = _CHAINS.get(font_name)
    if chain is None:
        chain = _make_chain(font_name, (), ())
    return chain


def _make_chain(
    main: str, fallbacks: tuple[str, ...], scripts: tuple[tuple[str, str], ...]
) -> FontChain:
    known = _CHAINS.get(main)
    if known is not None and (known.fallbacks, known.scripts) == (fallbacks, scripts):
        return known
    simple = frozenset(
        chr(cp) for cp in _cmap(main) if script_of(chr(cp)) is None and not is_mark(chr(cp))
    )
    chain = FontChain(main, fallbacks, scripts, simple=simple)
    _CHAINS[main] = chain
    return chain


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names for one document (all TrueType, all embedded)."""

    regular: str
    bold: str
    italic: str
    family: str

    def chain(self, font_name: str) -> FontChain:
        return chain_of(font_name)


@lru_cache(maxsize=32)
def _register(name: str, path: str) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, path))
        except (TTFError, OSError) as exc:
            raise OmradedokError(
                f"skrifttypen {path} kan ikke brukes i PDF: {exc}. Bruk en TrueType-fil (.ttf) "
                "med skriverett for innebygging, eller fjern «font» fra profilen for å bruke "
                "standardskriften (DejaVu Sans)"
            ) from exc
    return name


def _shipped(filename: str) -> str:
    path = fonts_dir() / filename
    if not path.is_file():
        raise OmradedokError(
            f"standardskriften mangler: {path}. Installer omradedok på nytt (fontene følger "
            "med pakken)"
        )
    return _register("Omradedok-" + filename.removesuffix(".ttf"), str(path))


def _fallbacks(
    bold: bool, behind: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    scripts = tuple((s, _shipped(files[1 if bold else 0])) for s, files in _SCRIPT_FONTS.items())
    last = tuple(_shipped(f) for f in _LAST_RESORT)
    return (*behind, *(f for _, f in scripts), *last), scripts


def _family(name: str, regular: str, bold: str, italic: str, behind: dict[str, str]) -> FontSet:
    seen: set[str] = set()
    for style, font in (("regular", regular), ("bold", bold), ("italic", italic)):
        if font in seen:
            continue
        seen.add(font)
        extra = tuple(f for f in (behind.get(style),) if f and f != font)
        fallbacks, scripts = _fallbacks(style == "bold", extra)
        _make_chain(font, fallbacks, scripts)
    addMapping(name, 0, 0, regular)
    addMapping(name, 1, 0, bold)
    addMapping(name, 0, 1, italic)
    addMapping(name, 1, 1, bold)
    return FontSet(regular=regular, bold=bold, italic=italic, family=name)


def _default_names() -> dict[str, str]:
    folder = fonts_dir()
    names = {}
    for style, filename in _DEFAULT_FILES.items():
        path = folder / filename
        if not path.is_file():
            raise OmradedokError(
                f"standardskriften mangler: {path}. Installer omradedok på nytt (fontene følger "
                "med pakken)"
            )
        suffix = "" if style == "regular" else f"-{style.capitalize()}"
        names[style] = _register(f"{DEFAULT_FAMILY}{suffix}", str(path))
    return names


def default_fonts() -> FontSet:
    """DejaVu Sans from the package's own fonts folder, with the Noto fallbacks."""
    names = _default_names()
    return _family(DEFAULT_FAMILY, names["regular"], names["bold"], names["italic"], {})


def _profile_font_name(path: Path) -> str:
    """A name that depends on the font's bytes only, so output stays byte-identical."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OmradedokError(
            f"fant ikke skrifttypen {path} som profilen peker på ({exc.strerror}); sjekk "
            "municipality.profile.font (stien er relativ til inndatafilen)"
        ) from exc
    return "Profil-" + hashlib.sha256(data).hexdigest()[:12]


class FontChoice(Protocol):
    """What names an own font: the model's Profile and the view's Brand both do."""

    @property
    def font(self) -> Path | None: ...

    @property
    def font_bold(self) -> Path | None: ...


def fonts_for(profile: FontChoice | None) -> FontSet:
    """The municipality's own font when its profile names one (DejaVu Sans and the Noto fonts
    behind it for what it lacks), else DejaVu Sans."""
    if profile is None or profile.font is None:
        return default_fonts()
    regular_path = Path(profile.font)
    regular = _register(_profile_font_name(regular_path), str(regular_path))
    bold = regular
    if profile.font_bold is not None:
        bold_path = Path(profile.font_bold)
        bold = _register(_profile_font_name(bold_path), str(bold_path))
    behind = _default_names()
    return _family(f"{regular}-familie", regular, bold, regular, behind)


def missing_glyphs(font_name: str, text: str) -> set[str]:
    """Characters of ``text`` the font has no glyph for (they would print as empty boxes)."""
    cmap = _cmap(font_name)
    return {ch for ch in set(text) if shows(ch) and ord(ch) not in cmap}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with code points beyond U+FFFF written as UTF-16 (reportlab
    writes them as five hex digits, which PDF readers reject: emoji would not extract)."""
    pairs = [
        f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap
