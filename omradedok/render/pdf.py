"""The generic PDF writer: a small document API over reportlab platypus.

Document kinds describe content (headings, paragraphs, tables, charts) and get bytes back::

    doc = PdfDocument(meta, profile)
    doc.cover(cover)
    doc.toc()
    doc.heading("1 Sammendrag", level=1)
    doc.paragraphs(model.summary)
    doc.table(["År", "Sum"], rows, widths=[0.3, 0.7], align="LR", totals=1)
    doc.chart(chart)          # a charts.Chart: vector drawing + «Figur n: title» caption
    data = doc.render()

What every PDF gets, whatever the content: registered TrueType fonts for every style (DejaVu
Sans from the package, or the municipality's own; never a base-14 font), a table of contents
with page numbers and an outline (bookmark) entry for every heading (one layout pass: page
numbers are filled in late, see ``pdf_late``), a
running header (area, title, status) and footer «Side 3 av 42», tables that split across pages
with repeating header rows, title/author/subject/keywords, /Lang nb-NO or nn-NO, the title shown
in the window, a status watermark on drafts, and byte-identical output for identical input
(reportlab's invariant mode, dates pinned to the document's own date). And it is tagged
PDF/UA-1 and PDF/A-2b: every flowable here draws its content as marked content of its
structure element, decoration as artifacts (``pdf_tags``), and ``pdf_structure`` writes the
structure tree and the metadata once reportlab is done.
"""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import hashlib
import io
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfdoc import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from ..errors import OmradedokError
from ..model import Language, Profile
from ..model.passages import has_marks
from ..model.passages import plain as plain_text
from .charts import Chart, _luminance, _toward
from .colors import header_fill
from .pdf_fonts import FontSet, fonts_for
from .pdf_late import Contents, ContentsEntry, LateCanvas, LateForms
from .pdf_script import prepare
from .pdf_structure import finish
from .pdf_tags import (
    Node,
    TaggedParagraph,
    TaggingCanvas,
    TagRecorder,
    artifact,
    heading_role,
    marked,
    tag_table,
)
from .pdf_text import TextBlock, collapse, draw_lines, draw_string, split_lines

_LANG_TAG = {Language.NB: "nb-NO", Language.NN: "nn-NO"}
_HYPHENATION = {Language.NB: "nb_NO", Language.NN: "nn_NO"}
_CONTINUED = "(forts.)"
"""Marks the first cell of a table row continued from the page before."""
_GREY = colors.Color(0.35, 0.35, 0.35)
_RULE = colors.Color(0.75, 0.75, 0.75)
_ZEBRA = colors.Color(0.955, 0.955, 0.955)
_INK = colors.Color(0.1, 0.1, 0.1)


@dataclass(frozen=True)
class PdfMeta:
    """Document-level facts: metadata, running header and footer, watermark."""

    title: str
    author: str
    """The municipality."""
    subject: str
    keywords: tuple[str, ...]
    language: Language
    date: dt.date
    """The document's own date: printed, and used as the PDF's creation date."""
    header_left: str
    """Area (or initiative) name, left in the running header."""
    header_title: str
    """Short document title, middle of the running header."""
    status: str
    """Status label (right in the running header), e.g. «Høringsutkast»."""
    footer_left: str = ""
    watermark: str | None = None
    """Big diagonal text on every page of a document that is not adopted («UTKAST»)."""
    status_line: str = ""
    """The status line under the running header of a document that is not adopted
    («TIL POLITISK BEHANDLING – versjon 1.0 – …»), right-aligned; «» prints nothing."""
    landscape: bool = False


@dataclass(frozen=True)
class Cover:
    """What the cover page says: the municipality's profile, title, status, decision."""

    municipality: str
    kind: str
    """«Handlingsplan», «Aktivitetsplan 2026»."""
    title: str
    subtitle: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    statement: str = ""
    """The decision («Vedtatt av kommunestyret …») or a status note for drafts."""
    logo: Path | None = None


@dataclass
class _Styles:
    fonts: FontSet
    dark: colors.Color
    faint: colors.Color
    accent: colors.Color
    head_fill: colors.Color | None = None
    """Table header cells: ``render.colors.header_fill`` (None: the dark colour)."""
    head_ink: colors.Color | None = None
    hyphenation: str = "nb_NO"
    body: ParagraphStyle = field(init=False)
    small: ParagraphStyle = field(init=False)
    cell: ParagraphStyle = field(init=False)
    cell_right: ParagraphStyle = field(init=False)
    cell_head: ParagraphStyle = field(init=False)
    cell_head_right: ParagraphStyle = field(init=False)
    bullet: ParagraphStyle = field(init=False)
    caption: ParagraphStyle = field(init=False)
    lead: ParagraphStyle = field(init=False)
    headings: list[ParagraphStyle] = field(init=False)
    toc_levels: list[ParagraphStyle] = field(init=False)

    def __post_init__(self) -> None:
        f = self.fonts
        base = ParagraphStyle(
            "body",
            fontName=f.regular,
            fontSize=9.5,
            leading=13.2,
            spaceAfter=5,
            textColor=_INK,
            hyphenationLang=self.hyphenation,
        )
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=_GREY)
        self.lead = ParagraphStyle(
            "lead",
            parent=base,
            fontName=f.italic,
            fontSize=11,
            leading=15,
            leftIndent=10,
            borderPadding=(6, 8, 6, 8),
            spaceBefore=4,
            spaceAfter=10,
            textColor=self.dark,
        )
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10, spaceAfter=0)
        self.cell_right = ParagraphStyle("cellr", parent=self.cell, alignment=TA_RIGHT)
        head_ink = self.head_ink or (colors.white if _luminance(self.dark) < 0.3 else _INK)
        self.cell_head = ParagraphStyle(
            "cellh", parent=self.cell, fontName=f.bold, textColor=head_ink
        )
        self.cell_head_right = ParagraphStyle("cellhr", parent=self.cell_head, alignment=TA_RIGHT)
        self.bullet = ParagraphStyle(
            "bullet",
            parent=base,
            leftIndent=14,
            bulletIndent=3,
            spaceAfter=2.5,
            bulletFontName=f.regular,
        )
        self.caption = ParagraphStyle(
            "caption",
            parent=base,
            fontName=f.italic,
            fontSize=8.5,
            leading=11,
            textColor=_GREY,
            spaceBefore=2,
            spaceAfter=10,
        )
        self.headings = [
            ParagraphStyle(
                "h1",
                parent=base,
                fontName=f.bold,
                fontSize=19,
                leading=24,
                spaceBefore=0,
                spaceAfter=12,
                textColor=self.dark,
            ),
            ParagraphStyle(
                "h2",
                parent=base,
                fontName=f.bold,
                fontSize=14,
                leading=18,
                spaceBefore=14,
                spaceAfter=6,
                textColor=self.dark,
            ),
            ParagraphStyle(
                "h3",
                parent=base,
                fontName=f.bold,
                fontSize=11,
                leading=14,
                spaceBefore=10,
                spaceAfter=4,
                textColor=_INK,
            ),
        ]
        self.toc_levels = [
            ParagraphStyle(
                "toc1",
                parent=base,
                fontName=f.bold,
                fontSize=10.5,
                leading=14,
                spaceBefore=7,
                leftIndent=0,
                firstLineIndent=0,
            ),
            ParagraphStyle(
                "toc2",
                parent=base,
                fontSize=9.5,
                leading=12.5,
                spaceBefore=1,
                leftIndent=14,
                firstLineIndent=0,
                spaceAfter=0,
            ),
            ParagraphStyle(
                "toc3",
                parent=base,
                fontSize=8.5,
                leading=11,
                leftIndent=28,
                firstLineIndent=0,
                spaceAfter=0,
                textColor=_GREY,
            ),
        ]


def text(value: str) -> str:
    """User text → platypus markup: escaped, single line breaks kept as spaces (a passage's
    language marker left out: a ``Paragraph`` has no language spans)."""
    return escape(" ".join(plain_text(value).split()))


def _lines(value: str, font: str, size: float, width: float) -> list[str]:
    """Lines of a text drawn straight on the canvas (cover, running header)."""
    return split_lines(prepare(collapse(plain_text(value))), font, size, width)


def _at_most(lines: list[str], count: int) -> list[str]:
    """A cover text's first ``count`` lines, the last ending in «…» when text is left out."""
    if len(lines) <= count:
        return lines
    return [*lines[: count - 1], lines[count - 1] + " …"]


def _lead(cell: TextBlock) -> TextBlock:
    cell.lead_cell = True
    return cell


class _SplitTable(Table):  # type: ignore[misc]
    """A table whose rows split across pages at a line of their cells (a cell taller than a
    page never stops the build); the continued row repeats its first cell, «(forts.)»."""

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        frame = getattr(self, "_frame", None)
        at_top = getattr(frame, "_atTop", False)
        if getattr(self, "_continued", False) and not at_top:
            # the rest of a table split on this page goes on to the next page: split again
            # here, it would repeat the header rows under the part just drawn
            return []
        parts: list[Any] = self._mark_rest(super().split(avail_width, avail_height))
        if parts or not at_top or getattr(self, "splitInRow", 0) <= 1:
            return parts
        # at the top of an empty page nothing can move on: split the row wherever it must
        self.splitInRow = 1
        try:
            parts = super().split(avail_width, avail_height)
        finally:
            self.splitInRow = _MIN_ROW_PART
        for part in parts:
            if isinstance(part, Table):
                part.splitInRow = _MIN_ROW_PART
        return self._mark_rest(parts)

    @staticmethod
    def _mark_rest(parts: list[Any]) -> list[Any]:
        for part in parts[1:]:
            part._continued = True
        return parts

    def _drawBkgrnd(self) -> None:
        with artifact(self.canv):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:
        with artifact(self.canv):
            super()._drawLines()

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if isinstance(cellval, str) and not cellval:
            return  # an empty text would still be an (untagged) text object
        super()._drawCell(cellval, cellstyle, pos, size)

    def tag(self, header_rows: int = 0, *, row_headers: bool = False) -> Node:
        """Make the grid a tagged table (TH/TD per cell, merged cells with ColSpan)."""
        spans = []
        rows, cols = len(self._cellvalues), len(self._colWidths)
        for _, (c0, r0), (c1, r1) in self._spanCmds:
            c0, c1 = c0 % cols, c1 % cols
            for r in range(r0 % rows, r1 % rows + 1):
                spans.append((r, c0, c1))
        return tag_table(self._cellvalues, header_rows, row_headers=row_headers, spans=spans)

    def _splitCell(
        self, value: Any, style: Any, oldHeight: float, newHeight: float, width: float
    ) -> Any:
        parts = super()._splitCell(value, style, oldHeight, newHeight, width)
        if (
            parts
            and isinstance(value, (list, tuple))
            and len(value) == 1
            and getattr(value[0], "lead_cell", False)
            and parts[0]
            and not parts[1]
        ):
            head = value[0]
            return (parts[0], (_lead(head.continuation(_CONTINUED)),))
        return parts


_MIN_ROW_PART = 36
"""A row splits across pages only where at least this much of it (about three lines) stays
on the first page; a thinner sliver moves on with the rest of the row."""


def _table(data: Any, **kwargs: Any) -> Table:
    return _SplitTable(data, splitByRow=1, splitInRow=_MIN_ROW_PART, **kwargs)


class _Heading(TextBlock):
    def __init__(self, plain: str, level: int, key: str, style: ParagraphStyle) -> None:
        super().__init__(plain, style, role=heading_role(level))
        self.plain = plain_text(plain)
        """The heading without language markers: bookmark, contents entry, link text."""
        self.level = level
        self.key = key


class _ScaledDrawing(Flowable):  # type: ignore[misc]
    """A chart drawing, scaled down to the frame (never up), kept vector."""

    def __init__(self, drawing: Drawing, max_height: float, alt: str = "") -> None:
        super().__init__()
        self.tag = Node("Figure", alt=alt)
        self.drawing = drawing
        self.max_height = max_height
        self.factor = 1.0
        self.hAlign = "CENTER"

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        w, h = float(self.drawing.width), float(self.drawing.height)
        self.factor = min(1.0, avail_w / w, self.max_height / h)
        self.width, self.height = w * self.factor, h * self.factor
        return self.width, self.height

    def draw(self) -> None:
        a, _, _, d, e, f = self.canv._currentMatrix
        self.tag.bbox = (e, f, e + self.width * a, f + self.height * d)
        with marked(self.canv, self.tag):  # one Figure: its inner labels are not read twice
            self.canv.saveState()
            self.canv.scale(self.factor, self.factor)
            renderPDF.draw(self.drawing, self.canv, 0, 0)
            self.canv.restoreState()


_ID_SEED = b"a reportlab document" + ascii(946684800.0).encode()
"""What reportlab's invariant mode seeds a document's /ID digest with."""


def _canvas_for(date: dt.date, made: list[TagRecorder]) -> type[LateCanvas]:
    """A canvas whose PDF dates are the document's date (not «now», not year 2000): midnight
    UTC of that date, so the bytes never depend on the machine's time zone or summer time."""
    stamp = float(calendar.timegm(date.timetuple())) if date else 946684800.0

    class _DatedCanvas(TaggingCanvas, LateCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self.tags)
            ts = TimeStamp(True)
            ts.t = stamp
            ts.lt = time.gmtime(stamp)
            ts.YMDhms = tuple(ts.lt)[:6]
            self._doc._timeStamp = ts
            # the /ID digest starts from reportlab's invariant seed, not from
            # $SOURCE_DATE_EPOCH, which reportlab would otherwise mix in
            self._doc.signature = hashlib.md5(_ID_SEED, usedforsecurity=False)

    return _DatedCanvas


class _DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Records where each heading landed: outline entry, bookmark, and the page the table of
    contents shows for it."""

    def __init__(self, out: io.BytesIO, owner: PdfDocument, **kwargs: Any) -> None:
        super().__init__(out, **kwargs)
        self.owner = owner

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, _Heading) and not flowable.continued:
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(
                flowable.plain, flowable.key, flowable.level, closed=flowable.level >= 1
            )
            self.owner.heading_pages[flowable.key] = self.page
            self.canv.tags.titles[flowable.key] = flowable.plain


class PdfDocument:
    """Collects content; ``render()`` lays it out and returns the PDF bytes."""

    def __init__(self, meta: PdfMeta, profile: Profile, *, toc_depth: int = 1) -> None:
        self.meta = meta
        self.profile = profile
        primary = colors.HexColor(profile.primary_color)
        dark = primary if _luminance(primary) <= 0.12 else _toward(primary, 0.1)
        head_fill, head_ink = header_fill(profile.primary_color)
        self.styles = _Styles(
            fonts=fonts_for(profile),
            dark=dark,
            faint=_toward(primary, 0.92),
            accent=colors.HexColor(profile.secondary_color),
            head_fill=colors.HexColor(head_fill),
            head_ink=colors.HexColor(head_ink),
            hyphenation=_HYPHENATION[meta.language],
        )
        self.toc_depth = toc_depth
        self.story: list[Any] = []
        self._cover: Cover | None = None
        self._figures = 0
        self._headings = 0
        self.pagesize = landscape(A4) if meta.landscape else A4
        self.margins = (2.2 * cm, 2.2 * cm, 2.4 * cm, 2.0 * cm)  # left, right, top, bottom
        self.wide = meta.landscape
        """Content added now goes on landscape pages (see ``orientation``)."""
        self.contents: list[ContentsEntry] = []
        self.heading_pages: dict[str, int] = {}
        """Bookmark key → page, filled in while laying out."""

    @property
    def current_pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.wide else A4  # type: ignore[no-any-return]

    @property
    def frame_width(self) -> float:
        return float(self.current_pagesize[0] - self.margins[0] - self.margins[1])

    @property
    def frame_height(self) -> float:
        return float(self.current_pagesize[1] - self.margins[2] - self.margins[3])

    # -- content ---------------------------------------------------------------------------

    def orientation(self, wide: bool) -> None:
        """Continue on a new page in landscape (wide tables) or portrait."""
        self.wide = wide
        self.story += [NextPageTemplate("wide" if wide else "body"), PageBreak()]

    def cover(self, cover: Cover) -> None:
        """The cover: a band in the municipality's colour with the title (drawn on the page),
        then the key facts and the decision or status statement below it."""
        self._cover = cover
        s = self.styles
        f = s.fonts
        width = self.frame_width
        flow: list[Any] = []
        if cover.facts:
            key = ParagraphStyle("ckk", parent=s.body, fontName=f.bold, fontSize=10, spaceAfter=0)
            value = ParagraphStyle("ckv", parent=s.body, fontSize=10, spaceAfter=0)
            rows = [[TextBlock(k, key), TextBlock(v, value)] for k, v in cover.facts]
            t = _table(rows, colWidths=[4.2 * cm, width - 4.2 * cm], hAlign="LEFT")
            t.tag(row_headers=True)
            t.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), f.regular, 10),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ]
                )
            )
            flow.append(t)
        if cover.statement:
            flow.append(Spacer(1, 0.5 * cm))
            statement = ParagraphStyle(
                "cst", parent=s.body, fontName=f.bold, fontSize=10.5, leading=14, spaceAfter=0
            )
            box = _table([[TextBlock(cover.statement, statement)]], colWidths=[width])
            box.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), f.regular, 10),
                        ("BOX", (0, 0), (-1, -1), 1.2, s.dark),
                        ("BACKGROUND", (0, 0), (-1, -1), s.faint),
                        ("LEFTPADDING", (0, 0), (-1, -1), 10),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                        ("TOPPADDING", (0, 0), (-1, -1), 8),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                    ]
                )
            )
            flow.append(box)
        following = "wide" if self.wide else "body"
        self.story[:0] = [*flow, NextPageTemplate(following), PageBreak()]

    def toc(self, title: str) -> None:
        s = self.styles
        self.story.append(TextBlock(title, s.headings[0]))
        toc = Contents(
            lambda: self.contents,
            s.toc_levels[: self.toc_depth + 1],
            self.heading_pages.__getitem__,
        )
        self.story.append(toc)
        self.story.append(PageBreak())

    def heading(self, plain: str, level: int = 1, *, new_page: bool = False) -> None:
        self._headings += 1
        if new_page:
            self.story.append(PageBreak())
        elif self.story and isinstance(self.story[-1], _Heading):
            # heading right under a heading: the space check goes before both, so the upper
            # one never stays alone at the foot of a page
            upper = self.story.pop()
            self.story += [CondPageBreak(6 * cm), upper]
        else:
            self.story.append(CondPageBreak(5 * cm if level >= 1 else 8 * cm))
        style = self.styles.headings[min(level, 2)]
        key = f"h{self._headings}"
        if level <= self.toc_depth:
            self.contents.append(ContentsEntry(level, text(plain), key, plain=plain_text(plain)))
        self.story.append(_Heading(plain, level, key, style))

    def paragraph(self, value: str, *, style: str = "body") -> None:
        if value.strip():
            self.story.append(TextBlock(value, getattr(self.styles, style)))

    def markup(self, markup: str, *, style: str = "body") -> None:
        """Pre-built platypus markup (callers escape user text with ``text()``)."""
        self.story.append(TaggedParagraph(markup, getattr(self.styles, style)))

    def paragraphs(self, value: str, *, style: str = "body") -> None:
        for chunk in value.split("\n\n"):
            self.paragraph(chunk, style=style)

    def bullets(self, items: Iterable[str]) -> None:
        group = Node("L")
        for item in items:
            if item.strip():
                block = TextBlock(item, self.styles.bullet, bullet="•")
                if block.tag is not None:
                    group.adopt(block.tag)
                self.story.append(block)
        self.story.append(Spacer(1, 4))

    def facts(self, pairs: Sequence[tuple[str, str]], *, key_width: float = 0.3) -> None:
        """A two-column fact table (no header row): label in bold, value beside it."""
        pairs = [(k, v) for k, v in pairs if v]
        if not pairs:
            return
        s = self.styles
        key_style = ParagraphStyle("fk", parent=s.cell, fontName=s.fonts.bold)
        rows = [[_lead(TextBlock(k, key_style)), TextBlock(v, s.cell)] for k, v in pairs]
        t = _table(
            rows,
            colWidths=[self.frame_width * key_width, self.frame_width * (1 - key_width)],
            hAlign="LEFT",
        )
        t.tag(row_headers=True)
        t.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), s.fonts.regular, 8),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, _RULE),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, s.dark),
                    ("BACKGROUND", (0, 0), (0, -1), s.faint),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        self.story += [t, Spacer(1, 8)]

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        widths: Sequence[float] | None = None,
        align: str = "",
        totals: int = 0,
        groups: Sequence[int] = (),
        strong: Sequence[int] = (),
        indented: Sequence[int] = (),
    ) -> None:
        """A real table: header row repeated on every page, rows split across pages.

        ``widths`` are fractions of the text width; ``align`` one letter per column (L/R);
        the last ``totals`` rows are sums (bold, ruled); ``groups`` are indexes of rows that
        head a group (bold, shaded, spanning the table).
        """
        if not rows:
            return
        s = self.styles
        n = len(header)
        align = (align or "L" * n).ljust(n, "L")
        fractions = list(widths) if widths else [1 / n] * n
        col_widths = [self.frame_width * w for w in fractions]
        bold_cell = ParagraphStyle("cb", parent=s.cell, fontName=s.fonts.bold)
        bold_right = ParagraphStyle("cbr", parent=bold_cell, alignment=TA_RIGHT)
        data: list[list[Any]] = [
            [
                TextBlock(h, s.cell_head_right if align[i] == "R" else s.cell_head)
                for i, h in enumerate(header)
            ]
        ]
        first_total = len(rows) - totals
        for r, row in enumerate(rows):
            bold = r >= first_total or r in groups or r in strong
            cells = []
            for i in range(n):
                value = row[i] if i < len(row) else ""
                if bold:
                    style = bold_right if align[i] == "R" else bold_cell
                else:
                    style = s.cell_right if align[i] == "R" else s.cell
                if i == 0 and r in indented:
                    style = ParagraphStyle("ci", parent=style, leftIndent=10)
                cell = TextBlock(value, style)
                cells.append(_lead(cell) if i == 0 else cell)
            data.append(cells)
        t = _table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), s.fonts.regular, 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), s.head_fill or s.dark),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, _RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        for r in range(1, len(data)):
            if (r - 1) in groups:
                commands += [("BACKGROUND", (0, r), (-1, r), s.faint), ("SPAN", (0, r), (-1, r))]
            elif r % 2 == 0:
                commands.append(("BACKGROUND", (0, r), (-1, r), _ZEBRA))
        if totals:
            commands += [
                ("LINEABOVE", (0, first_total + 1), (-1, first_total + 1), 1.0, _INK),
                ("BACKGROUND", (0, first_total + 1), (-1, -1), s.faint),
            ]
        t.setStyle(TableStyle(commands))
        t.tag(1)
        self.story += [t, Spacer(1, 10)]

    def chart(self, chart: Chart, *, max_height: float | None = None) -> None:
        self._figures += 1
        label = "Figur"
        drawing = _ScaledDrawing(
            chart.drawing(), max_height or self.frame_height - 60, plain_text(chart.alt_text)
        )
        caption = TextBlock(f"{label} {self._figures}: {chart.title}", self.styles.caption)
        group: list[Any] = [Spacer(1, 4), drawing, caption]
        if self.story and isinstance(self.story[-1], _Heading):
            group.insert(0, self.story.pop())
        self.story.append(KeepTogether(group))

    def note(self, value: str) -> None:
        """A framed statement (decision, status), kept on one page."""
        s = self.styles
        box = _table(
            [[TextBlock(value, ParagraphStyle("nt", parent=s.body, spaceAfter=0))]],
            colWidths=[self.frame_width],
        )
        box.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), s.fonts.regular, 9),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, s.dark),
                    ("BACKGROUND", (0, 0), (-1, -1), s.faint),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        self.story += [box, Spacer(1, 10)]

    def space(self, points: float = 6) -> None:
        self.story.append(Spacer(1, points))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    # -- layout ----------------------------------------------------------------------------

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        with artifact(canv, "Pagination"):  # running head, footer, page number, watermark
            self._draw_running(canv)

    def _draw_running(self, canv: Canvas) -> None:
        s, m = self.styles, self.meta
        width, height = canv._pagesize
        wide = width > height
        left, right, top, bottom = self.margins
        canv.saveState()
        if m.watermark:
            canv.setFillColor(colors.Color(0.9, 0.9, 0.9))
            angle = 30 if wide else 50
            canv.setFont(s.fonts.bold, 80 if wide else 64)
            canv.translate(width / 2, height / 2)
            canv.rotate(angle)
            canv.drawCentredString(0, -20, m.watermark)
            canv.rotate(-angle)
            canv.translate(-width / 2, -height / 2)
        y = height - top + 16
        canv.setFont(s.fonts.regular, 7.5)
        canv.setFillColor(_GREY)
        draw_string(canv, left, y, m.header_left, s.fonts.regular, 7.5)
        draw_string(canv, width / 2, y, m.header_title, s.fonts.regular, 7.5, "middle")
        canv.setFillColor(s.dark)
        draw_string(canv, width - right, y, m.status, s.fonts.bold, 7.5, "end")
        canv.setStrokeColor(s.dark)
        canv.setLineWidth(0.8)
        canv.line(left, y - 5, width - right, y - 5)
        if m.status_line:
            draw_string(canv, width - right, y - 13, m.status_line, s.fonts.bold, 7, "end")
        fy = bottom - 22
        canv.setStrokeColor(_RULE)
        canv.setLineWidth(0.5)
        canv.line(left, fy + 11, width - right, fy + 11)
        canv.setFont(s.fonts.regular, 7.5)
        canv.setFillColor(_GREY)
        draw_string(canv, left, fy, m.footer_left, s.fonts.regular, 7.5)
        page = canv.getPageNumber()
        late: LateForms = canv.late
        late.right_aligned(
            canv, width - right, fy, lambda pages: f"Side {page} av {pages}", s.fonts.bold, 8, _INK
        )
        canv.restoreState()

    def _band_bottom(self) -> float:
        return float(self.pagesize[1] * (0.5 if not self.meta.landscape else 0.45))

    def _decorate_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        s, m = self.styles, self.meta
        width, height = self.pagesize
        left = self.margins[0]
        text_width = width - left - self.margins[1]
        canv.saveState()
        band_bottom = self._band_bottom()
        with artifact(canv):
            canv.setFillColor(s.dark)
            canv.rect(0, band_bottom, width, height - band_bottom, stroke=0, fill=1)
            canv.setFillColor(s.accent)
            canv.rect(0, band_bottom - 6, width, 6, stroke=0, fill=1)
        ink = colors.white if _luminance(s.dark) < 0.3 else _INK
        cover = self._cover
        if cover is not None:
            logo_w = 0.0
            if cover.logo is not None:
                with artifact(canv):  # decoration: the municipality's name is printed
                    try:
                        img = Image(str(cover.logo))
                        factor = min(2.6 * cm / img.imageWidth, 2.6 * cm / img.imageHeight)
                        w, h = img.imageWidth * factor, img.imageHeight * factor
                        canv.drawImage(
                            str(cover.logo),
                            width - self.margins[1] - w,
                            height - 1.6 * cm - h,
                            w,
                            h,
                            mask="auto",
                        )
                        logo_w = w + 0.5 * cm
                    except OSError as exc:
                        raise OmradedokError(f"logoen {cover.logo} kan ikke leses: {exc}") from exc
            canv.setFillColor(ink)
            y = height - 2.6 * cm
            top_lines = _lines(cover.municipality, s.fonts.bold, 13, text_width - logo_w)[:2]
            _cover_lines(canv, cover.municipality, top_lines, s.fonts.bold, 13, 17, left, y, ink)
            # title block anchored above the band's lower edge
            size = 28.0
            lines = _lines(cover.title, s.fonts.bold, size, text_width)
            while len(lines) > 3 and size > 18:
                size -= 2
                lines = _lines(cover.title, s.fonts.bold, size, text_width)
            lines = _at_most(lines, 6)
            sub_lines = (
                _at_most(_lines(cover.subtitle, s.fonts.regular, 13, text_width), 4)
                if cover.subtitle
                else []
            )
            y = band_bottom + 1.3 * cm + len(sub_lines) * 17 + (6 if sub_lines else 0)
            y += (len(lines) - 1) * size * 1.18
            kind_y = y + size * 1.18 + 4
            with marked(canv, Node("P")):
                draw_string(canv, left, kind_y, cover.kind, s.fonts.regular, 16)
            y = _cover_lines(
                canv, cover.title, lines, s.fonts.bold, size, size * 1.18, left, y, ink
            )
            y += size * 1.18 - 6 - 17
            _cover_lines(canv, cover.subtitle, sub_lines, s.fonts.regular, 13, 17, left, y, ink)
        if m.watermark:
            with marked(canv, Node("P")):
                canv.setFont(s.fonts.bold, 11)
                canv.setFillColor(ink)
                canv.drawRightString(width - self.margins[1], band_bottom + 0.5 * cm, m.watermark)
        with artifact(canv, "Pagination", "Footer"):
            canv.setFillColor(_GREY)
            draw_string(canv, left, self.margins[3] - 22, m.footer_left, s.fonts.regular, 7.5)
        canv.restoreState()

    def render(self) -> bytes:
        m, s = self.meta, self.styles
        out = io.BytesIO()
        left, right, top, bottom = self.margins
        doc = _DocTemplate(
            out,
            self,
            pagesize=self.pagesize,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=plain_text(m.title),
            author=plain_text(m.author),
            subject=plain_text(m.subject),
            keywords=[plain_text(k) for k in m.keywords],
            creator="omradedok",
            producer="omradedok (ReportLab)",
            invariant=1,
            lang=_LANG_TAG[m.language],
            displayDocTitle=1,
            initialFontName=s.fonts.regular,
            initialFontSize=10,
        )
        pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        templates = []
        for name, size in (("body", A4), ("wide", landscape(A4))):
            frame = Frame(
                left, bottom, size[0] - left - right, size[1] - top - bottom, id=name, **pad
            )
            templates.append(PageTemplate(name, [frame], onPage=self._decorate, pagesize=size))
        if self.meta.landscape:
            templates.reverse()
        if self._cover is not None:
            width = self.pagesize[0] - left - right
            cover_frame = Frame(
                left,
                bottom + 0.6 * cm,
                width,
                self._band_bottom() - 1.4 * cm - bottom,
                id="cover",
                **pad,
            )
            templates.insert(
                0,
                PageTemplate(
                    "cover", [cover_frame], onPage=self._decorate_cover, pagesize=self.pagesize
                ),
            )
        doc.addPageTemplates(templates)
        self.heading_pages.clear()
        made: list[TagRecorder] = []
        with _fewer_collections():
            doc.build(list(self.story), canvasmaker=_canvas_for(m.date, made))
            return finish(out.getvalue(), made[-1], plain_text(m.title), _LANG_TAG[m.language])


_GC_FIRST = 20_000
"""Allocations between two young-generation collections while a PDF is laid out (Python's
default is 700). A layout allocates hundreds of thousands of short-lived objects, and the
default made the collector scan the heap so often that it took ~10–25 % of the time; the
garbage is the same, only collected in bigger steps (the output does not change)."""
_gc_lock = threading.Lock()
_gc_users = [0, 0]
"""Layouts running now, and the threshold to put back when the last one ends."""


@contextmanager
def _fewer_collections() -> Iterator[None]:
    with _gc_lock:
        if _gc_users[0] == 0:
            _gc_users[1] = gc.get_threshold()[0]
            if _gc_users[1] and _gc_users[1] < _GC_FIRST:
                gc.set_threshold(_GC_FIRST, *gc.get_threshold()[1:])
        _gc_users[0] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users[0] -= 1
            if _gc_users[0] == 0 and _gc_users[1] and gc.get_threshold()[0] == _GC_FIRST:
                gc.set_threshold(_gc_users[1], *gc.get_threshold()[1:])


def _cover_lines(
    canv: Canvas,
    value: str,
    lines: list[str],
    font: str,
    size: float,
    leading: float,
    x: float,
    y: float,
    ink: Any,
) -> float:
    """Cover lines laid out from ``value``, drawn from baseline ``y`` down as one P; a text with
    passages in another language goes through draw_lines (its Spans get /Lang). Returns the
    baseline below the last line."""
    if has_marks(value):
        draw_lines(canv, Node("P"), value, lines, font, size, leading, x, y, ink)
        return y - len(lines) * leading
    with marked(canv, Node("P")):
        for line in lines:
            draw_string(canv, x, y, line, font, size)
            y -= leading
    return y
