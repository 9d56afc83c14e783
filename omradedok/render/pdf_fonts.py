"""Fonts for PDFs and charts: always embedded TrueType, never the PDF base-14 fonts.

The default is DejaVu Sans, shipped in omradedok/fonts/ (covers æøå and the Northern Sami
letters á č đ ŋ š ŧ ž), so a fresh machine produces the same PDF as this one. A municipality
may name its own TTF font (regular and bold) in its profile; a missing bold falls back to the
regular face rather than to a system font.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import OmradedokError
from ..model import Profile
from ..resources import fonts_dir

DEFAULT_FAMILY = "OmradedokSans"
_DEFAULT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
}


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names for one document (all TrueType, all embedded)."""

    regular: str
    bold: str
    italic: str
    family: str


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


def _family(name: str, regular: str, bold: str, italic: str) -> FontSet:
    addMapping(name, 0, 0, regular)
    addMapping(name, 1, 0, bold)
    addMapping(name, 0, 1, italic)
    addMapping(name, 1, 1, bold)
    return FontSet(regular=regular, bold=bold, italic=italic, family=name)


def default_fonts() -> FontSet:
    """DejaVu Sans from the package's own fonts folder."""
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
    return _family(DEFAULT_FAMILY, names["regular"], names["bold"], names["italic"])


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


def fonts_for(profile: Profile | None) -> FontSet:
    """The municipality's own font when its profile names one, else DejaVu Sans."""
    if profile is None or profile.font is None:
        return default_fonts()
    regular_path = Path(profile.font)
    regular = _register(_profile_font_name(regular_path), str(regular_path))
    bold = regular
    if profile.font_bold is not None:
        bold_path = Path(profile.font_bold)
        bold = _register(_profile_font_name(bold_path), str(bold_path))
    return _family(f"{regular}-familie", regular, bold, regular)


def missing_glyphs(font_name: str, text: str) -> set[str]:
    """Characters of ``text`` the font has no glyph for (they would print as empty boxes)."""
    font = pdfmetrics.getFont(font_name)
    cmap: dict[int, int] = getattr(getattr(font, "face", None), "charToGlyph", {}) or {}
    return {ch for ch in set(text) if ch.isprintable() and not ch.isspace() and ord(ch) not in cmap}
