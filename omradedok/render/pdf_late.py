"""Page numbers known only when layout is done, drawn in ONE layout pass.

«Side 3 av 42» and the page numbers in the table of contents depend on the finished layout.
reportlab's usual answer (``multiBuild``) lays the whole document out twice. PDF allows a page
to use a form XObject that is defined later in the file, so here each such text is drawn now
as a reference (``canvas.doForm``) and its form is defined when the canvas is saved, once every
page number is known. The layout does not depend on those numbers: the footer is right-aligned
and the contents reserve a column for the page numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from .pdf_tags import Node, TaggedParagraph, marked
from .pdf_text import lines_markup

LateText = Callable[[int], str]
"""Produces the text once the layout is finished; gets the document's page count."""

NUMBER_COLUMN = 34.0
"""Room kept free at the right of each contents entry for its page number (points)."""


@dataclass(frozen=True)
class _Late:
    name: str
    text: LateText
    font: str
    size: float
    color: Color
    align: str
    """«right»: the text ends at the form's origin; «leader»: dots from ``start`` up to the
    right-aligned page number at ``width``."""
    start: float = 0.0
    width: float = 0.0


class LateForms:
    """The late texts of one document: referenced while drawing, defined at save time."""

    def __init__(self) -> None:
        self._pending: dict[str, _Late] = {}

    def right_aligned(
        self, canv: Canvas, x: float, y: float, text: LateText, font: str, size: float, color: Color
    ) -> None:
        """Draw ``text()`` right-aligned at (x, y), as if with ``drawRightString``."""
        name = f"late{len(self._pending)}"
        self._pending[name] = _Late(name, text, font, size, color, "right")
        self._place(canv, name, x, y)

    def leader(
        self,
        canv: Canvas,
        y: float,
        start: float,
        width: float,
        text: LateText,
        font: str,
        size: float,
        color: Color,
    ) -> None:
        """A dot leader from ``start`` to a page number that ends at ``width`` (line at y)."""
        name = f"late{len(self._pending)}"
        self._pending[name] = _Late(name, text, font, size, color, "leader", start, width)
        self._place(canv, name, 0, y)

    @staticmethod
    def _place(canv: Canvas, name: str, x: float, y: float) -> None:
        canv.saveState()
        canv.translate(x, y)
        canv.doForm(name)
        canv.restoreState()

    def define(self, canv: Canvas) -> None:
        """Define every referenced form; called once, when the layout is complete."""
        # platypus has shown its last page: the canvas is on a fresh, empty one
        pages = canv.getPageNumber() - (0 if canv._code else 1)
        for late in self._pending.values():
            value = late.text(pages)
            if late.align == "right":
                canv.beginForm(late.name, -600, -late.size, 0, late.size * 2)
                _ink(canv, late)
                canv.drawRightString(0, 0, value)
            else:
                canv.beginForm(late.name, 0, -late.size, late.width, late.size * 2)
                _ink(canv, late)
                number_width = stringWidth(value, late.font, late.size)
                dot = " . "
                dot_width = stringWidth(dot, late.font, late.size)
                count = int((late.width - late.start - number_width) / dot_width)
                text = dot * max(count, 0) + value
                canv.drawString(late.width - number_width - max(count, 0) * dot_width, 0, text)
            canv.endForm()
        self._pending.clear()


def _ink(canv: Canvas, late: _Late) -> None:
    canv.setFont(late.font, late.size)
    canv.setFillColor(late.color)


class LateCanvas(Canvas):  # type: ignore[misc]
    """A canvas that defines its late forms just before the PDF is written."""

    late: LateForms

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.late = LateForms()

    def save(self) -> None:
        self.late.define(self)
        super().save()


@dataclass(frozen=True)
class ContentsEntry:
    level: int
    markup: str
    """Entry text as platypus markup (escaped)."""
    key: str
    """Bookmark key of the heading: the entry links to it, and its page is looked up by it."""
    plain: str = ""
    """The heading as plain user text: when given, the entry is laid out from it (lines
    broken by ``pdf_text``, fallback fonts), and ``markup`` is not used."""


class _Entry(TaggedParagraph):
    """A contents line (a TOCI with its Link): its text first, then (drawn after it, so text
    extraction and screen readers meet the title before the number) the dot leader and the
    late page number."""

    def __init__(
        self,
        markup: str,
        style: ParagraphStyle,
        key: str,
        number: Callable[[Canvas, float, float], None],
        tag: Node,
    ) -> None:
        super().__init__(
            f'<a href="#{key}">{markup}</a><onDraw name="omradedokContentsEnd" label="{key}"/>',
            style,
            tag=tag,
        )
        self.number = number
        self.ends: list[tuple[float, float]] = []

    def draw(self) -> None:
        self.ends = []
        with marked(self.canv, self.tag):
            Paragraph.draw(self)
            for x, y in self.ends:
                self.number(self.canv, x, y)


def _remember_end(canv: Canvas, kind: str, key: str) -> None:
    info = canv._curr_tx_info
    entry: _Entry = canv.omradedok_entries[key]
    entry.ends.append((info["cur_x"], info["cur_y"]))


class Contents(Flowable):  # type: ignore[misc]
    """The table of contents, laid out from entries known before layout; page numbers late.

    ``page_of(key)`` answers once layout is done (the document records where each heading
    landed). Each entry links to its heading.
    """

    def __init__(
        self,
        entries: Callable[[], Sequence[ContentsEntry]],
        level_styles: Sequence[ParagraphStyle],
        page_of: Callable[[str], int],
    ) -> None:
        super().__init__()
        self._entries = entries
        self._styles = level_styles
        self._page_of = page_of
        self._table: Table | None = None
        self._paragraphs: dict[str, _Entry] = {}
        self.tag = Node("TOC")
        self._items: dict[str, Node] = {}
        """Entry key → its TOCI (kept when the contents are laid out again)."""

    def _build(self, avail_width: float) -> Table:
        rows: list[list[Any]] = []
        self._paragraphs = {}
        for entry in self._entries():
            style = self._styles[min(entry.level, len(self._styles) - 1)]
            entry_style = ParagraphStyle(
                f"{style.name}-entry", parent=style, rightIndent=NUMBER_COLUMN
            )
            markup = entry.markup
            if entry.plain:
                room = avail_width - style.leftIndent - NUMBER_COLUMN
                markup = lines_markup(entry.plain, style.fontName, style.fontSize, room)
            para = _Entry(
                markup,
                entry_style,
                entry.key,
                self._number_drawer(entry.key, style, avail_width),
                self._item(entry.key),
            )
            self._paragraphs[entry.key] = para
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([para])
        if not rows:
            rows.append([Spacer(1, 0)])
        table = Table(rows, colWidths=(avail_width,))
        table.setStyle(
            TableStyle(
                [
                    # the table's own default font is Helvetica, which would be referenced
                    ("FONT", (0, 0), (-1, -1), self._styles[-1].fontName, 9.5),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def _item(self, key: str) -> Node:
        item = self._items.get(key)
        if item is None:
            item = self._items[key] = self.tag.child("TOCI")
        return item

    def _number_drawer(
        self, key: str, style: ParagraphStyle, avail_width: float
    ) -> Callable[[Canvas, float, float], None]:
        def draw(canv: Canvas, x: float, y: float) -> None:
            late: LateForms = canv.late
            late.leader(
                canv,
                y,
                x,
                avail_width,
                lambda pages: str(self._page_of(key)),
                style.fontName,
                style.fontSize,
                style.textColor,
            )

        return draw

    def _register(self) -> None:
        self.canv.omradedok_entries = self._paragraphs
        self.canv.setNamedCB("omradedokContentsEnd", _remember_end)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._table = self._build(avail_width)
        self._register()
        width, height = self._table.wrapOn(self.canv, avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        table = self._table or self._build(avail_width)
        self._register()
        return list(table.splitOn(self.canv, avail_width, avail_height))

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        assert self._table is not None
        self._table.drawOn(canv, x, y, _sW)
