"""The glyph check of validate reads the fonts' character maps without reportlab; what it reads
is what reportlab reads (the PDF sets a character in a font exactly when its cmap has it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from omradedok.render.font_files import FontFileError, code_points
from omradedok.resources import fonts_dir

FONTS = sorted(p for p in fonts_dir().iterdir() if p.suffix == ".ttf")


@pytest.mark.parametrize("font", FONTS, ids=lambda p: p.name)
def test_code_points_equal_reportlabs_cmap(font: Path) -> None:
    assert code_points(str(font)) == frozenset(TTFontFile(str(font)).charToGlyph)


def test_a_subset_font_equals_reportlab_too(tmp_path: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(fonts_dir() / "DejaVuSans.ttf"))
    keep = subset.Subsetter()
    keep.populate(text="Områdeløft Nordbyen 2026")
    keep.subset(font)
    path = tmp_path / "liten.ttf"
    font.save(str(path))
    points = code_points(str(path))
    assert points == frozenset(TTFontFile(str(path)).charToGlyph)
    assert {ord(c) for c in "åø"} <= points and ord("č") not in points


def test_a_file_that_is_no_font_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ikke-font.ttf"
    path.write_bytes(b"PK\x03\x04 not a font at all, just some bytes")
    with pytest.raises(FontFileError):
        code_points(str(path))
