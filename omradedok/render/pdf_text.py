"""Plain text in table cells, laid out without reportlab's paragraph machinery.

A plan's tables have thousands of cells, all plain text in one font (the caller's user text is
never markup). A ``Paragraph`` per cell parses XML, builds fragment lists and breaks lines by
fragments, and a table wraps every cell more than once: that was most of the PDF's render
time. ``PlainCell`` breaks lines greedily by word (a word wider than the cell by letter, as
``Paragraph`` does with ``splitLongWords``), caches the result per width, and draws the lines with one text object, placed as ``Paragraph`` would place them
(first baseline one font size below the top, then one line per ``leading``).
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable


class PlainCell(Flowable):  # type: ignore[misc]
    """One cell's text: font, size, leading, colour, left indent and alignment from ``style``."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = " ".join(text.split())
        self.style = style
        self._lines: list[str] = []
        self._for_width: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._for_width:
            s = self.style
            room = avail_width - s.leftIndent - s.rightIndent
            self._lines = split_lines(self.text, s.fontName, s.fontSize, room, s.spaceShrinkage)
            self._for_width = avail_width
        self.width = avail_width
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        if not self._lines:
            return
        s = self.style
        canv = self.canv
        text = canv.beginText()
        text.setFont(s.fontName, s.fontSize, s.leading)
        text.setFillColor(s.textColor)
        y = self.height - s.fontSize
        right = s.alignment == TA_RIGHT
        for line in self._lines:
            if right:
                x = self.width - s.rightIndent - stringWidth(line, s.fontName, s.fontSize)
            else:
                x = s.leftIndent
            text.setTextOrigin(x, y)
            text.textOut(line)
            y -= s.leading
        canv.drawText(text)


def split_lines(
    text: str, font: str, size: float, width: float, space_shrinkage: float = 0.0
) -> list[str]:
    """Greedy lines of at most ``width`` points. A word wider than a whole line is broken by
    letter, starting on the current line (what ``Paragraph`` does with ``splitLongWords``).
    Like ``Paragraph``, a line may overrun by ``space_shrinkage`` of a space per word gap."""
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    current, used, gaps = "", 0.0, 0
    for word in text.split():
        word_width = stringWidth(word, font, size)
        if not current and word_width <= width:
            current, used, gaps = word, word_width, 0
        elif current and used + space + word_width <= width + space * space_shrinkage * (gaps + 1):
            current, used, gaps = f"{current} {word}", used + space + word_width, gaps + 1
        elif word_width <= width:
            lines.append(current)
            current, used, gaps = word, word_width, 0
        else:
            gap = space if current else 0.0
            for ch in word:
                ch_width = stringWidth(ch, font, size)
                if current and used + gap + ch_width > width:
                    lines.append(current)
                    current, used, gap, gaps = "", 0.0, 0.0, 0
                current += (" " if gap else "") + ch
                used += gap + ch_width
                gap = 0.0
    if current:
        lines.append(current)
    return lines
