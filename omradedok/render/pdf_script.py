"""Right-to-left text for the PDF: Arabic letters joined, lines in display order.

reportlab's own bidi support needs ``rlbidi`` (not on PyPI for current Pythons), so the PDF
does what a text engine does, with two well-kept libraries: ``arabic_reshaper`` gives each
Arabic letter its joined form (initial, medial, final, lam-alef ligatures – presentation forms
that Noto Sans Arabic has, and that text extraction folds back with NFKC), and
``python-bidi`` reorders each laid-out line (Unicode bidirectional algorithm) for drawing.
Line breaking works on the logical text; only a finished line is reordered.
"""

from __future__ import annotations

import re
import unicodedata

from arabic_reshaper import ArabicReshaper
from bidi import get_display

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def prepare(text: str) -> str:
    """Composed characters (NFC: «e» + combining acute → «é»), Arabic letters joined."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if _ARABIC.search(text):
            text = str(_RESHAPER.reshape(text))
    return text


def has_rtl(text: str) -> bool:
    return not text.isascii() and _RTL.search(text) is not None


def starts_rtl(text: str) -> bool:
    """The paragraph direction: right-to-left (and right-aligned) only for a text written
    wholly in a right-to-left script, such as a translated message; any Latin letter keeps
    the document's left-to-right order (as the DOCX paragraph does), with each Arabic or
    Hebrew run still reading right to left inside it."""
    if not has_rtl(text):
        return False
    return not any(unicodedata.bidirectional(ch) == "L" for ch in text)


def display(line: str, rtl: bool) -> str:
    """One laid-out line in the order it is drawn, left to right."""
    if not has_rtl(line):
        return line
    return str(get_display(line, base_dir="R" if rtl else "L"))
