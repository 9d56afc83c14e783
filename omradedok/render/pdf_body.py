"""A view (``view.blocks.Document``) as PDF, through the PDF machinery of ``render/pdf``.

The same tree ``docx_body`` writes to Word, so the PDF is the same document, not a second
layout of the model: the same headings with the same numbers (the outline is the list of
headings), the same paragraphs, lists, table cells and figures in the same order. What
differs is only the medium: page size, running head and footer, the watermark on drafts.

``PdfDocument`` gives what every PDF of omradedok has (embedded TrueType fonts, contents with
page numbers, outline, /Lang, metadata, reproducible bytes); this module only walks the view.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle

from ..view.blocks import (
    Block,
    Document,
    Figure,
    Inline,
    ItemList,
    PageBreak,
    Paragraph,
    Section,
    Table,
)
from .charts import chart_for, style_for
from .colors import darken_for_white, header_fill
from .pdf import Cover, PdfDocument, PdfMeta, _lead, _table
from .pdf_long import LONG, LongTable
from .pdf_tags import Node
from .pdf_tags import TaggedParagraph as PdfParagraph
from .pdf_text import TextBlock
from .view_rules import (
    Numbers,
    caption_text,
    column_align,
    column_widths,
    display_rows,
    document_language,
    profile_of,
    starts_wide,
)

__all__ = ["render_pdf_body"]

_BULLETS = ("•", "–", "▪")
_RULE = colors.HexColor("#BFBFBF")
_ZEBRA = colors.HexColor("#F4F4F4")
_WARNING = colors.HexColor("#9C0006")
_INK = colors.HexColor("#1A1A1A")


def _language(content: Inline) -> str | None:
    """The language of a passage wholly in another language than the document («se-NO»)."""
    langs = {span.lang for span in content if span.text.strip()}
    return langs.pop() if len(langs) == 1 else None


def _marked(content: Inline) -> str | None:
    """The spans as one text with its passages marked («… [se-NO: Báikegoddi] …»), for the
    text machinery that lays out passages and every script (``TextBlock``); None when a span
    has a look (bold, italic, link) that only platypus markup can print."""
    out = []
    for span in content:
        if span.bold or span.italic or span.link:
            return None
        if span.lang:
            out.append(f"[{span.lang}: {span.text}]")
        elif "[" in span.text:
            return None
        else:
            out.append(span.text)
    return "".join(out)


def render_pdf_body(document: Document) -> bytes:
    """The PDF bytes of ``document`` (reproducible: dated by the document's own date)."""
    return _Writer(document).write()


class _Writer:
    def __init__(self, document: Document) -> None:
        self.view = document
        meta, head = document.meta, document.running_head
        language = document_language(meta.language)
        self.pdf = PdfDocument(
            PdfMeta(
                title=meta.title,
                author=meta.author,
                subject=meta.subject,
                keywords=meta.keywords,
                language=language,
                date=meta.date,  # type: ignore[arg-type]
                header_left=head.left,
                header_title=head.centre,
                status=head.right,
                footer_left=head.footer_left,
                watermark=head.watermark,
                status_line=head.status_line,
            ),
            profile_of(document.brand),
            toc_depth=max(0, document.contents_depth - 1),
        )
        self.numbers = Numbers(document.body)
        self.landscape = False
        self.chart_style = style_for(document.brand)
        fill, ink = header_fill(document.brand.primary)
        self.head_fill, self.head_ink = colors.HexColor(fill), colors.HexColor(ink)
        self.link_color = "#" + darken_for_white(document.brand.primary)
        s = self.pdf.styles
        self.quote = ParagraphStyle(
            "quote", parent=s.body, fontName=s.fonts.italic, leftIndent=18, rightIndent=18
        )
        self.warning = ParagraphStyle(
            "warning", parent=s.body, fontName=s.fonts.bold, spaceAfter=0, textColor=_WARNING
        )

    def write(self) -> bytes:
        view, pdf = self.view, self.pdf
        if view.cover is not None:
            c = view.cover
            pdf.cover(
                Cover(
                    municipality=c.municipality,
                    kind=c.kind,
                    title=c.title,
                    subtitle=c.subtitle,
                    facts=c.facts,
                    statement=c.statement,
                    logo=view.brand.logo,
                )
            )
        if view.contents_title:
            pdf.toc(view.contents_title)
        for block in view.body:
            self._block(block)
        return pdf.render()

    # -- blocks -------------------------------------------------------------------------

    def _orientation(self, wide: bool) -> None:
        if wide != self.landscape:
            self.landscape = wide
            self.pdf.orientation(wide)

    def _block(self, block: Block) -> None:
        pdf = self.pdf
        if not isinstance(block, Table | PageBreak):
            self._orientation(starts_wide(block))
        if isinstance(block, Section):
            pdf.heading(block.heading, block.level - 1, new_page=block.new_page)
            if (
                not block.in_contents
                and pdf.contents
                and pdf.contents[-1].markup == escape(" ".join(block.heading.split()))
            ):
                pdf.contents.pop()
            for child in block.children:
                self._block(child)
        elif isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, ItemList):
            self._list(block, 0)
            pdf.space(4)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Figure):
            pdf.chart(chart_for(block, self.chart_style))
        elif isinstance(block, PageBreak):
            pdf.page_break()

    def _markup(self, content: Inline) -> str:
        out = []
        for span in content:
            text = escape(span.text)
            if span.bold:
                text = f"<b>{text}</b>"
            if span.italic:
                text = f"<i>{text}</i>"
            if span.link:
                text = f"<a href={quoteattr(span.link)} color={quoteattr(self.link_color)}><u>{text}</u></a>"
            out.append(text)
        return " ".join("".join(out).split())

    def _paragraph(self, block: Paragraph) -> None:
        pdf, s = self.pdf, self.pdf.styles
        markup = self._markup(block.content)
        if not markup:
            return
        lang = _language(block.content)
        if block.role == "warning":
            box = _table(
                [[PdfParagraph(markup, self.warning, tag=Node("P", lang=lang))]],
                colWidths=[pdf.frame_width],
            )
            box.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), s.fonts.regular, 9),
                        ("LINEBEFORE", (0, 0), (0, -1), 3, _WARNING),
                        ("TEXTCOLOR", (0, 0), (-1, -1), _WARNING),
                        ("LEFTPADDING", (0, 0), (-1, -1), 10),
                        ("TOPPADDING", (0, 0), (-1, -1), 4),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ]
                )
            )
            pdf.story += [box, Spacer(1, 8)]
            return
        marked = _marked(block.content)
        style = {
            "body": s.body,
            "lead": s.lead,
            "note": s.small,
            "small": s.small,
            "caption": s.caption,
            "quote": self.quote,
        }[block.role]
        if marked is not None:  # passages and every script through the one text machinery
            pdf.story.append(TextBlock(marked, style, lang=lang))
            return
        pdf.story.append(PdfParagraph(markup, style, tag=Node("P", lang=lang)))

    def _list(self, block: ItemList, depth: int, parent: Node | None = None) -> None:
        s = self.pdf.styles
        group = Node("L") if parent is None else parent.child("L")
        style = ParagraphStyle(
            f"bullet{depth}",
            parent=s.bullet,
            leftIndent=s.bullet.leftIndent + 14 * depth + (4 if block.numbered else 0),
            bulletIndent=s.bullet.bulletIndent + 14 * depth,
        )
        for number, item in enumerate(block.items, start=1):
            bullet = f"{number}." if block.numbered else _BULLETS[depth % 3]
            marked = _marked(item.content)
            if marked is not None:  # passages and every script through the text machinery
                text_block = TextBlock(marked, style, bullet=bullet)
                self.pdf.story.append(text_block)
                if text_block.tag is not None:
                    group.adopt(text_block.tag)
                    body = text_block.tag.kids[-1]
            else:
                entry = group.child("LI")
                body = entry.child("LBody", lang=_language(item.content))
                self.pdf.story.append(
                    PdfParagraph(self._markup(item.content), style, bulletText=bullet, tag=body)
                )
            if item.children is not None:
                self._list(item.children, depth + 1, body)

    # -- tables ---------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        pdf = self.pdf
        s = pdf.styles
        self._orientation(table.wide)
        n = len(table.columns)
        aligns = [column_align(table, i) for i in range(n)]

        styles: dict[tuple[str, bool, bool, int], ParagraphStyle] = {}

        def style_of(
            align: str, *, bold: bool = False, head: bool = False, indent: int = 0
        ) -> ParagraphStyle:
            # one style per look, shared by the table's cells (TextBlock caches lines by it)
            key = (align, bold, head, indent)
            if key not in styles:
                base = s.cell_head if head else s.cell
                styles[key] = ParagraphStyle(
                    "vc",
                    parent=base,
                    fontName=s.fonts.bold if bold or head else base.fontName,
                    textColor=self.head_ink if head else base.textColor,
                    alignment=TA_RIGHT
                    if align == "right"
                    else TA_CENTER
                    if align == "center"
                    else 0,
                    leftIndent=10 * indent,
                )
            return styles[key]

        rows, heads = display_rows(table)
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), s.fonts.regular, 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, heads), (-1, -1), 0.4, _RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        for r, row in enumerate(rows):
            head = row.kind == "header"
            if row.kind == "subheading":
                text = " ".join(c.text for c in row.cells if c.text)
                data.append([TextBlock(text, style_of("left", bold=True))] + [""] * (n - 1))
                commands += [("BACKGROUND", (0, r), (-1, r), s.faint), ("SPAN", (0, r), (-1, r))]
                continue
            cells: list[Any] = []
            position = 0
            for value in row.cells:
                align = aligns[position] if value.span == 1 else "left"
                bold = value.bold or row.kind == "sum"
                block = TextBlock(
                    value.text,
                    style_of(align, bold=bold, head=head, indent=value.indent),
                    lang=value.lang,
                )
                # a row split across pages repeats its first cell, «(forts.)»
                cells.append(_lead(block) if position == 0 and not head else block)
                if value.span > 1:
                    commands.append(("SPAN", (position, r), (position + value.span - 1, r)))
                    cells += [""] * (value.span - 1)
                position += value.span
            cells += [""] * (n - len(cells))
            data.append(cells)
            if head:
                commands.append(("BACKGROUND", (0, r), (-1, r), self.head_fill))
            elif row.kind == "sum":
                commands += [
                    ("LINEABOVE", (0, r), (-1, r), 1.0, _INK),
                    ("BACKGROUND", (0, r), (-1, r), s.faint),
                ]
            elif (r - heads) % 2 == 1:
                commands.append(("BACKGROUND", (0, r), (-1, r), _ZEBRA))
        widths = [pdf.frame_width * w for w in column_widths(table)]
        grid = _table(
            data,
            colWidths=widths,
            repeatRows=heads if table.repeat_header else 0,
            hAlign="LEFT",
        )
        grid.setStyle(TableStyle(commands))
        grid.tag(heads)
        laid_out: Flowable = grid
        if len(data) - heads > LONG:  # laid out a page at a time (linear, not n²)

            def make(rows: list[list[Any]], repeat_rows: int) -> Any:
                return _table(rows, colWidths=widths, repeatRows=repeat_rows, hAlign="LEFT")

            laid_out = LongTable(data, heads, table.repeat_header, commands, make)
        flow: list[Any] = []
        if table.caption:
            label, number, text = caption_text(table, self.numbers)
            flow.append(
                PdfParagraph(
                    f"<b>{escape(label)} {number}:</b> {escape(text)}",
                    ParagraphStyle("tcap", parent=s.body, spaceBefore=4),
                )
            )
        if self.pdf.story and type(self.pdf.story[-1]).__name__ == "_Heading":
            flow.insert(0, self.pdf.story.pop())
        if flow:
            pdf.story.append(CondPageBreak(5 * cm))  # the caption, the header and some rows
            pdf.story.append(KeepTogether(flow))
        pdf.story += [laid_out, Spacer(1, 10)]
