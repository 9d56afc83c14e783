"""The one colour policy for text on the municipality's colour: WCAG 2.1 contrast.

Why one module: DOCX, XLSX and PDF each chose header colours their own way, and with a
light primary colour (#FFDD00) one of them printed white on yellow (1.35:1). Every format
now asks :func:`header_fill` for a table header cell's fill and text colour, so the three
agree and every header reaches 4.5:1 (WCAG AA for normal text).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["MIN_CONTRAST", "contrast_ratio", "darken_for_white", "header_fill", "luminance"]

MIN_CONTRAST = 4.5
"""WCAG 2.1 AA for normal-size text."""
WHITE = "FFFFFF"


def _channels(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(hex_color: str) -> float:
    """WCAG relative luminance of «#RRGGBB» (0 black … 1 white)."""
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        for c in (v / 255 for v in _channels(hex_color))
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two hex colours (1 … 21)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@lru_cache(maxsize=64)
def darken_for_white(hex_color: str, minimum: float = MIN_CONTRAST) -> str:
    """The colour, darkened (all channels scaled down in 2 % steps, so the hue stays) just
    enough for white text on it to reach ``minimum``. Uppercase hex without «#»; a colour that
    already reaches it comes back unchanged."""
    value = hex_color.lstrip("#").upper()
    red, green, blue = _channels(value)
    factor = 1.0
    candidate = value
    while contrast_ratio(candidate, WHITE) < minimum and factor > 0:
        factor -= 0.02
        candidate = "".join(f"{max(int(c * factor), 0):02X}" for c in (red, green, blue))
    return candidate


def header_fill(primary: str) -> tuple[str, str]:
    """(fill, text) of a table header cell on the primary colour, both «#RRGGBB»: the
    primary darkened until white text on it has at least 4.5:1 contrast (#FFDD00 →
    #847200)."""
    return "#" + darken_for_white(primary), "#" + WHITE
