"""Regenerate the Noto fallback fonts in omradedok/fonts/ (a developer's tool, not run at build).

The PDFs need embedded TrueType fonts for the scripts the areas' residents write: Arabic,
Hebrew, Ethiopic (Tigrinya, Amharic), symbols and emoji (monochrome). The Noto fonts are OFL;
their variable sources come from the ``manimgx-fonts`` wheel on PyPI (unmodified Noto files).
This script fixes the weight axis (regular 400, bold 700: reportlab reads static ``glyf`` only),
drops hinting and keeps only the code points of the script's own blocks, so the package stays
small. Usage::

    pip download --no-deps manimgx-fonts -d /tmp/noto && unzip -o /tmp/noto/*.whl -d /tmp/noto
    pip install fonttools
    python tools/make_fonts.py /tmp/noto/manimgx_fonts
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

TARGET = Path(__file__).resolve().parent.parent / "omradedok" / "fonts"

COMMON = [(0x0020, 0x0040), (0x00A0, 0x00A0), (0x2000, 0x206F), (0x25CC, 0x25CC)]
"""Spaces, digits and punctuation, general punctuation (ZWJ, bidi marks), the dotted circle."""

FONTS: dict[str, tuple[str, tuple[int, ...], list[tuple[int, int]]]] = {
    "NotoSansArabic": (
        "NotoSansArabic[wght].ttf",
        (400, 700),
        [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)],
    ),
    "NotoSansHebrew": ("NotoSansHebrew[wght].ttf", (400, 700), [(0x0590, 0x05FF), (0xFB1D, 0xFB4F)]),
    "NotoSansEthiopic": (
        "NotoSansEthiopic[wght].ttf",
        (400, 700),
        [(0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F), (0x1E7E0, 0x1E7FF)],
    ),
    "NotoSansSymbols": ("NotoSansSymbols[wght].ttf", (400,), [(0x2000, 0x2BFF), (0x1F100, 0x1F2FF)]),
    "NotoEmoji": ("NotoEmoji[wght].ttf", (400,), [(0x2000, 0x2BFF), (0x1F000, 0x1FAFF), (0xFE0F, 0xFE0F)]),
}
STYLE = {400: "Regular", 700: "Bold"}


def build(source: Path) -> None:
    for family, (filename, weights, blocks) in FONTS.items():
        for weight in weights:
            font = TTFont(source / filename)
            instancer.instantiateVariableFont(font, {"wght": weight}, inplace=True)
            wanted = {cp for lo, hi in blocks + COMMON for cp in range(lo, hi + 1)}
            options = subset.Options()
            options.hinting = False
            options.layout_features = ["*"]
            options.name_IDs = ["*"]
            options.notdef_outline = True
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=sorted(wanted & set(font.getBestCmap())))
            subsetter.subset(font)
            out = TARGET / f"{family}-{STYLE[weight]}.ttf"
            font.save(out)
            print(f"{out.name}: {out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
