"""The PDF's font files and which characters they cover – without reportlab.

``pdf_fonts`` registers these files with reportlab to draw; the glyph check of ``validate``
(:mod:`omradedok.checks.glyphs`) only needs to know which characters each file has, so it reads
the files' character maps here and a validation never imports a renderer. :func:`code_points`
reads the same subtable reportlab reads (``tests/test_font_files.py`` compares the two).
"""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

DEFAULT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
}

SCRIPT_FONTS: dict[str, tuple[str, str]] = {
    "arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "hebrew": ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    "ethiopic": ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
}
"""Scripts whose letters are always set in their own Noto font (regular, bold)."""

LAST_RESORT = ("NotoSansSymbols-Regular.ttf", "NotoEmoji-Regular.ttf")
"""Tried after the main fonts, in this order, for any style."""

SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "hebrew"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x1200, 0x139F, "ethiopic"),
    (0x2D80, 0x2DDF, "ethiopic"),
    (0xAB00, 0xAB2F, "ethiopic"),
)

INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufe0e\ufe0f\u00ad")
"""Format characters: drawn only when a font of the run has them, never a missing glyph."""


def script_of(ch: str) -> str | None:
    """«arabic», «hebrew», «ethiopic» for letters of the scripts with their own font."""
    cp = ord(ch)
    if cp < 0x0590:
        return None
    for lo, hi, script in SCRIPT_RANGES:
        if lo <= cp <= hi:
            return script
    return None


def is_mark(ch: str) -> bool:
    """Combining marks and joiners belong to the character before them."""
    return ch in INVISIBLE or unicodedata.category(ch) in ("Mn", "Me")


def shows(ch: str) -> bool:
    """Characters that need a glyph (not spaces, controls or invisible format characters)."""
    return ch.isprintable() and not ch.isspace() and ch not in INVISIBLE


class FontFileError(ValueError):
    """A file the PDF cannot use as a font (reportlab would refuse it too)."""


@lru_cache(maxsize=32)
def code_points(path: str) -> frozenset[int]:
    """The characters the TrueType file at ``path`` maps (its Unicode cmap, as reportlab
    reads it). Raises :class:`FontFileError` (or OSError) for a file the PDF cannot use."""
    data = Path(path).read_bytes()
    try:
        return _code_points(data)
    except (struct.error, IndexError) as exc:
        raise FontFileError(f"ødelagt skriftfil: {exc}") from exc


def _code_points(data: bytes) -> frozenset[int]:
    base = 0
    (version,) = struct.unpack_from(">I", data, 0)
    if version == 0x74746366:  # «ttcf»: the first font of a collection, as reportlab takes
        (base,) = struct.unpack_from(">I", data, 12)
        (version,) = struct.unpack_from(">I", data, base)
    if version == 0x4F54544F:  # «OTTO»
        raise FontFileError("OpenType med PostScript-konturer støttes ikke")
    if version not in (0x00010000, 0x74727565):
        raise FontFileError("ikke en TrueType-fil")
    (count,) = struct.unpack_from(">H", data, base + 4)
    tables: dict[bytes, int] = {}
    for i in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        tables[tag] = offset
    if b"OS/2" in tables:
        (fs_type,) = struct.unpack_from(">H", data, tables[b"OS/2"] + 8)
        if fs_type == 0x0002 or fs_type & 0x0300:
            raise FontFileError("skriften tillater ikke innebygging")
    if b"cmap" not in tables:
        raise FontFileError("skriften har ingen tegntabell (cmap)")
    cmap = tables[b"cmap"]
    table_version, subtables = struct.unpack_from(">HH", data, cmap)
    if subtables == 0 and table_version != 0:
        subtables = table_version
    chosen, kind = None, 0
    for i in range(subtables):  # the same choice as reportlab's: the last suitable wins
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, kind = offset, 1
        elif platform == 1 and encoding == 0 and kind != 1:
            chosen, kind = offset, 2
    if chosen is None:
        raise FontFileError("fant ingen Unicode-tegntabell")
    at = cmap + chosen
    (fmt,) = struct.unpack_from(">H", data, at)
    points: set[int] = set()
    if fmt == 4:
        (seg2,) = struct.unpack_from(">H", data, at + 6)
        segments = seg2 // 2
        ends = struct.unpack_from(f">{segments}H", data, at + 14)
        starts = struct.unpack_from(f">{segments}H", data, at + 16 + seg2)
        for start, end in zip(starts, ends, strict=True):
            points.update(range(start, end + 1))
    elif fmt == 12 or fmt == 13:
        (groups,) = struct.unpack_from(">I", data, at + 12)
        for g in range(groups):
            start, end = struct.unpack_from(">II", data, at + 16 + 12 * g)
            points.update(range(start, end + 1))
    elif fmt == 0:
        (length,) = struct.unpack_from(">H", data, at + 2)
        glyphs = _glyph_count(data, tables)
        points.update(range(min(256, glyphs, length - 6)))
    elif fmt == 6:
        _first, entries = struct.unpack_from(">HH", data, at + 6)
        points.update(struct.unpack_from(f">{entries}H", data, at + 10))
    else:
        raise FontFileError(f"tegntabellformat {fmt} støttes ikke")
    if 0x20 in points or 0xA0 in points:  # reportlab sets a no-break space as a space
        points |= {0x20, 0xA0}
    return frozenset(points)


def _glyph_count(data: bytes, tables: dict[bytes, int]) -> int:
    (glyphs,) = struct.unpack_from(">H", data, tables[b"maxp"] + 4)
    return int(glyphs)
