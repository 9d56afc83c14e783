"""A view (``view.blocks.Document``) as DOCX, through the house template ``dokument.docx``.

Why python-docx here and not docxtpl: a view is already the document's content in order;
what the template contributes is the house style (Heading 1–6, table and caption styles, page
set-up), which a municipality may restyle in Word. Everything else is written from the view,
the same tree ``pdf_body`` prints, so the two formats say the same:

* headings with their numbers, real Heading N styles (navigation pane, PDF/A export outline),
  a table of contents of links with PAGEREF page numbers (LibreOffice computes those; Word
  refreshes them on open);
* paragraphs as runs: bold, italic, hyperlinks, ``w:lang`` on spans in another language;
* lists through numbering.xml (bullets and numbers, nested), never typed «•»;
* tables with repeating header rows in ``colors.header_fill``, rows that do not split,
  amounts right-aligned (``view_rules``), a landscape section for wide tables;
* figures as PNG of the one chart drawing, with alt text (``docPr/@descr``) and a caption
  with a SEQ field, as Word numbers its own.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..model.passages import Passage, has_marks, passages
from ..model.passages import plain as plain_text
from ..view.blocks import (
    Block,
    Document,
    Figure,
    Inline,
    ItemList,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Span,
    Table,
    iter_blocks,
)
from .charts import chart_for, charts_png, style_for
from .colors import darken_for_white, header_fill
from .docx import TemplateSpec, mark_language, register_template, resolve_template
from .docx_styles import TEMPLATE_PRIMARY, TEMPLATE_SECONDARY
from .reproducible import normalize_zip
from .view_rules import (
    Numbers,
    caption_text,
    column_align,
    column_widths,
    display_rows,
    starts_wide,
)

__all__ = ["TEMPLATE_NAME", "render_docx_body"]

TEMPLATE_NAME = "dokument.docx"
register_template(
    TemplateSpec(
        TEMPLATE_NAME,
        frozenset(),
        description="husmalen for dokumenter laget fra en visning: stiler og sideoppsett",
    )
)

ROLE_STYLES = {
    "body": "Normal",
    "lead": "Ingress",
    "note": "Merknad",
    "small": "Merknad",
    "warning": "Advarsel",
    "caption": "Figurtekst",
    "quote": "Sitat",
}
"""Paragraph role → the house template's paragraph style."""
_ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
_BULLETS = ("•", "–", "▪")
_BULLET_LIST, _NUMBER_LIST = 9001, 9002
"""abstractNum ids of the two list definitions the renderer adds to numbering.xml."""
_FAINT = "EDF1F5"
_RULE = "404040"


def render_docx_body(document: Document, *, template_dir: Path | None = None) -> bytes:
    """The DOCX bytes of ``document`` (reproducible: dates are the document's own)."""
    path = resolve_template(TEMPLATE_NAME, template_dir)
    return _Writer(docx.Document(str(path)), document).write()


class _Writer:
    def __init__(self, out: Any, document: Document) -> None:
        self.out = out
        self.view = document
        self.numbers = Numbers(document.body)
        self.fill, self.ink = (c.lstrip("#") for c in header_fill(document.brand.primary))
        self.bookmarks = 0
        self.toc_entries: list[tuple[int, str, str]] = []
        self.pictures: dict[int, tuple[bytes, float]] = {}
        self.next_num = 9100
        self.landscape = False

    # -- whole document -----------------------------------------------------------------

    def write(self) -> bytes:
        view = self.view
        self._recolor_styles()
        self._language()
        self._lists()
        self._render_pictures()
        self._running_head()
        if view.cover is not None:
            self._cover()
        contents_at = None
        if view.contents_title:
            contents_at = self.out.add_paragraph(view.contents_title, style="TOC Heading")
            self._page_break()
        for block in view.body:
            self._block(block)
        if contents_at is not None:
            self._contents(contents_at)
        self._properties()
        buffer = io.BytesIO()
        self.out.save(buffer)
        return normalize_zip(buffer.getvalue())

    def _recolor_styles(self) -> None:
        """The template's placeholder colours → the brand's, darkened to 4.5:1 on white."""
        brand = self.view.brand
        mapping = {
            TEMPLATE_PRIMARY: darken_for_white(brand.primary),
            TEMPLATE_SECONDARY: darken_for_white(brand.secondary),
        }
        for element in self.out.styles.element.iter(qn("w:color"), qn("w:shd")):
            for attr in (qn("w:val"), qn("w:fill")):
                value = (element.get(attr) or "").upper()
                if value in mapping:
                    element.set(attr, mapping[value])

    def _language(self) -> None:
        defaults = self.out.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), self.view.meta.language)
        lang.set(qn("w:eastAsia"), self.view.meta.language)

    def _properties(self) -> None:
        meta = self.view.meta
        props = self.out.core_properties
        stamp = dt.datetime.combine(meta.date or dt.date(2000, 1, 1), dt.time())
        props.title = meta.title
        props.subject = meta.subject
        props.keywords = ", ".join(meta.keywords)
        props.author = meta.author
        props.last_modified_by = meta.author
        props.language = meta.language
        props.created = props.modified = stamp
        props.revision = 1
        props.comments = ""
        settings = self.out.settings.element
        if settings.find(qn("w:autoHyphenation")) is None:
            # words too long for a narrow column break at a hyphen of the document language
            # (the PDF hyphenates the same way), not between two letters
            hyphenate = OxmlElement("w:autoHyphenation")
            tab_stop = settings.find(qn("w:defaultTabStop"))
            if tab_stop is not None:
                tab_stop.addnext(hyphenate)
            else:
                settings.insert(0, hyphenate)
        if self.toc_entries and settings.find(qn("w:updateFields")) is None:
            update = OxmlElement("w:updateFields")
            update.set(qn("w:val"), "true")
            settings.append(update)

    # -- page furniture -----------------------------------------------------------------

    def _running_head(self) -> None:
        head = self.view.running_head
        section = self.out.sections[0]
        header = section.header
        header.is_linked_to_previous = False
        first = header.paragraphs[0]
        first.style = self.out.styles["Header"]
        first.add_run(f"{head.left}\t{head.centre}\t")
        first.add_run(head.right).bold = True
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for attr, value in (
            ("w:val", "single"),
            ("w:sz", "4"),
            ("w:space", "1"),
            ("w:color", "A6A6A6"),
        ):
            bottom.set(qn(attr), value)
        borders.append(bottom)
        first._p.get_or_add_pPr().append(borders)
        if head.status_line or head.watermark:
            banner = header.add_paragraph(head.status_line or head.watermark, style="Statuslinje")
            banner.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer
        footer.is_linked_to_previous = False
        line = footer.paragraphs[0]
        line.style = self.out.styles["Footer"]
        line.add_run(f"{head.footer_left}\t\tSide ")
        _field(line, "PAGE", "1")
        line.add_run(" av ")
        _field(line, "NUMPAGES", "1")

    def _cover(self) -> None:
        cover = self.view.cover
        assert cover is not None
        brand = self.view.brand
        if brand.logo is not None:
            picture = self.out.add_paragraph(style="Figur")
            picture.add_run().add_picture(str(brand.logo), height=Mm(22))
            _describe(picture, brand.logo_alt_text or cover.municipality, "")
        self._marked(cover.municipality, "Kommunenavn")
        self._marked(cover.kind, "Dokumenttype")
        self._marked(cover.title, "Forsidetittel")
        if cover.subtitle:
            self._marked(cover.subtitle, "Subtitle")
        if cover.facts:
            table = self._grid(len(cover.facts), [0.32, 0.68])
            for row, (key, value) in zip(table.rows, cover.facts, strict=True):
                _cell_text(row.cells[0], key, "Tabelletikett")
                _cell_text(row.cells[1], plain_text(value), "Tabelltekst")
        if cover.statement:
            self.out.add_paragraph(cover.statement, style="Ingress")
        self._page_break()

    def _contents(self, title: Any) -> None:
        """Entries after the contents title: a link to each heading and its page (PAGEREF),
        in a «Table of Contents» block as Word makes one."""
        depth = self.view.contents_depth
        sdt = OxmlElement("w:sdt")
        sdt_pr = OxmlElement("w:sdtPr")
        part = OxmlElement("w:docPartObj")
        gallery = OxmlElement("w:docPartGallery")
        gallery.set(qn("w:val"), "Table of Contents")
        part.append(gallery)
        part.append(OxmlElement("w:docPartUnique"))
        sdt_pr.append(part)
        sdt.append(sdt_pr)
        content = OxmlElement("w:sdtContent")
        sdt.append(content)
        title._p.addprevious(sdt)
        content.append(title._p)
        for level, text, bookmark in self.toc_entries:
            if level > depth:
                continue
            entry = self.out.add_paragraph(style=f"toc {min(level, 3)}")
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), bookmark)
            link.set(qn("w:history"), "1")
            entry._p.append(link)
            _append_run(link, text)
            tab = OxmlElement("w:r")
            tab.append(OxmlElement("w:tab"))
            link.append(tab)
            _field_runs(link, f"PAGEREF {bookmark} \\h", "1")
            content.append(entry._p)

    # -- blocks -------------------------------------------------------------------------

    def _block(self, block: Block) -> None:
        if not isinstance(block, Table | PageBreak):
            self._orientation(starts_wide(block))
        if isinstance(block, Section):
            self._section(block)
        elif isinstance(block, Paragraph):
            paragraph = self.out.add_paragraph(style=ROLE_STYLES[block.role])
            self._runs(paragraph, block.content)
        elif isinstance(block, ItemList):
            self._list(block, 0, None)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Figure):
            self._figure(block)
        elif isinstance(block, PageBreak):
            self._page_break()

    def _section(self, section: Section) -> None:
        heading = self._marked(section.heading, f"Heading {section.level}")
        if section.new_page:
            heading.paragraph_format.page_break_before = True
        self.bookmarks += 1
        name = f"_Toc{self.bookmarks:08d}"
        _bookmark(heading, name, 90000 + self.bookmarks)
        if section.in_contents:
            self.toc_entries.append((section.level, plain_text(section.heading), name))
        for child in section.children:
            self._block(child)

    def _marked(self, text: str, style: str) -> Any:
        """A paragraph of a text that may mark passages in another language («[se: …]», as
        cover and heading texts may): each passage its own run with its ``w:lang``."""
        paragraph = self.out.add_paragraph(style=style)
        self._runs(paragraph, tuple(Span(p.text, lang=p.lang) for p in passages(text)))
        return paragraph

    def _runs(self, paragraph: Any, content: Inline, *, lang: str | None = None) -> None:
        if any(span.link or _ADDRESS.search(span.text) for span in content):
            _no_hyphens(paragraph)
        for span in content:
            if span.link:
                r_id = paragraph.part.relate_to(
                    span.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True
                )
                link = OxmlElement("w:hyperlink")
                link.set(qn("r:id"), r_id)
                paragraph._p.append(link)
                run = _append_run(link, span.text, bold=span.bold, italic=span.italic)
                rpr = run.get_or_add_rPr()
                color = OxmlElement("w:color")
                color.set(qn("w:val"), darken_for_white(self.view.brand.primary))
                underline = OxmlElement("w:u")
                underline.set(qn("w:val"), "single")
                rpr.append(color)
                rpr.append(underline)
                if span.lang or lang:
                    _set_lang(rpr, span.lang or lang or "")
                continue
            run = paragraph.add_run(span.text)
            if span.bold:
                run.bold = True
            if span.italic:
                run.italic = True
            if span.lang or lang:
                _set_lang(run._r.get_or_add_rPr(), span.lang or lang or "")

    def _list(self, block: ItemList, depth: int, num_id: int | None) -> None:
        if num_id is None:
            num_id = self._new_list(block.numbered, depth)
        for item in block.items:
            paragraph = self.out.add_paragraph(style="List Paragraph")
            ppr = paragraph._p.get_or_add_pPr()
            num_pr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), str(min(depth, 8)))
            num = OxmlElement("w:numId")
            num.set(qn("w:val"), str(num_id))
            num_pr.append(ilvl)
            num_pr.append(num)
            ppr.append(num_pr)
            paragraph.paragraph_format.space_after = Pt(2)
            self._runs(paragraph, item.content)
            if item.children is not None:
                # a bullet list under a bullet continues its numbering (levels); any other
                # kind starts its own
                same = not block.numbered and not item.children.numbered
                self._list(item.children, depth + 1, num_id if same else None)

    def _lists(self) -> None:
        """Add the bullet and number definitions (nine levels each) to numbering.xml."""
        numbering = self.out.part.numbering_part.element
        first_num = numbering.find(qn("w:num"))
        for abstract_id, numbered in ((_BULLET_LIST, False), (_NUMBER_LIST, True)):
            abstract = OxmlElement("w:abstractNum")
            abstract.set(qn("w:abstractNumId"), str(abstract_id))
            kind = OxmlElement("w:multiLevelType")
            kind.set(qn("w:val"), "hybridMultilevel")
            abstract.append(kind)
            for level in range(9):
                lvl = OxmlElement("w:lvl")
                lvl.set(qn("w:ilvl"), str(level))
                for tag, value in (
                    ("w:start", "1"),
                    ("w:numFmt", "decimal" if numbered else "bullet"),
                    ("w:lvlText", f"%{level + 1}." if numbered else _BULLETS[level % 3]),
                    ("w:lvlJc", "left"),
                ):
                    child = OxmlElement(tag)
                    child.set(qn("w:val"), value)
                    lvl.append(child)
                ppr = OxmlElement("w:pPr")
                ind = OxmlElement("w:ind")
                ind.set(qn("w:left"), str(360 * (level + 1)))
                ind.set(qn("w:hanging"), "360")
                ppr.append(ind)
                lvl.append(ppr)
                abstract.append(lvl)
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                numbering.append(abstract)

    def _new_list(self, numbered: bool, depth: int) -> int:
        """A w:num of its own per list, so each numbered list starts at 1."""
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_num))
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), str(_NUMBER_LIST if numbered else _BULLET_LIST))
        num.append(abstract)
        if numbered:
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(min(depth, 8)))
            start = OxmlElement("w:startOverride")
            start.set(qn("w:val"), "1")
            override.append(start)
            num.append(override)
        self.out.part.numbering_part.element.append(num)
        return self.next_num

    # -- tables ---------------------------------------------------------------------------

    def _text_width(self) -> Any:
        section = self.out.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def _orientation(self, wide: bool) -> None:
        """Continue on a new page in landscape (wide tables) or portrait; no-op if already."""
        if wide == self.landscape:
            return
        self.landscape = wide
        section = self.out.add_section(WD_SECTION.NEW_PAGE)
        long = max(section.page_width, section.page_height)
        short = min(section.page_width, section.page_height)
        section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if wide else (short, long)

    def _grid(self, rows: int, fractions: Sequence[float]) -> Any:
        table = self.out.add_table(rows=rows, cols=len(fractions))
        table.style = self.out.styles["Tabell"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        width = self._text_width()
        widths = [int(width * f) for f in fractions]
        for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
            col.set(qn("w:w"), str(int(w / 635)))  # EMU → twips
        for row in table.rows:
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = w
        return table

    def _table(self, table: Table) -> None:
        self._orientation(table.wide)
        if table.caption:
            label, number, text = caption_text(table, self.numbers)
            caption = self.out.add_paragraph(style="Tabelltittel")
            caption.add_run(f"{label} ")
            _field(caption, f"SEQ {label} \\* ARABIC", str(number))
            caption.add_run(f": {text}")
        else:
            self._keep_previous()
        n = len(table.columns)
        aligns = [column_align(table, i) for i in range(n)]
        rows, heads = display_rows(table)
        grid = self._grid(len(rows), column_widths(table))
        _describe_table(grid, table.caption)
        for index, row in enumerate(rows):
            self._row(
                grid.rows[index], row, aligns, n, repeat=table.repeat_header and index < heads
            )
        self.out.add_paragraph(style="Normal").paragraph_format.space_after = Pt(2)

    def _row(self, target: Any, row: Row, aligns: Sequence[str], n: int, *, repeat: bool) -> None:
        tr_pr = target._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        cells = list(target.cells)
        if row.kind == "subheading":
            merged = cells[0].merge(cells[-1]) if n > 1 else cells[0]
            text = " ".join(c.text for c in row.cells if c.text)
            _cell_text(merged, text, "Tabelletikett")
            _shade(merged, _FAINT)
            return
        if row.kind == "header" and repeat:
            tr_pr.append(OxmlElement("w:tblHeader"))
        position = 0
        for value in row.cells:
            cell = cells[position]
            if value.span > 1:
                cell = cell.merge(cells[position + value.span - 1])
            align = aligns[position] if value.span == 1 else "left"
            bold = value.bold or row.kind == "sum"
            if row.kind == "header":
                _cell_text(cell, value.text, "Tabellhode", align, color=self.ink)
                _shade(cell, self.fill)
            else:
                _cell_text(cell, value.text, "Tabelltekst", align, bold=bold, lang=value.lang)
            if value.indent:
                cell.paragraphs[0].paragraph_format.left_indent = Mm(4 * value.indent)
            if row.kind == "sum":
                _top_rule(cell)
            position += value.span

    # -- figures --------------------------------------------------------------------------

    def _render_pictures(self) -> None:
        figures = [b for b in iter_blocks(self.view.body) if isinstance(b, Figure)]
        if not figures:
            return
        style = style_for(self.view.brand)
        charts = [chart_for(f, style) for f in figures]
        widths = [float(c.drawing().width) for c in charts]
        for figure, png, width in zip(figures, charts_png(charts), widths, strict=True):
            self.pictures[id(figure)] = (png, width)

    def _figure(self, figure: Figure) -> None:
        png, width_pt = self.pictures[id(figure)]
        picture = self.out.add_paragraph(style="Figur")
        picture.paragraph_format.keep_with_next = True
        width = min(Pt(width_pt), self._text_width())
        picture.add_run().add_picture(io.BytesIO(png), width=width)
        _describe(picture, figure.alt_text, figure.caption)
        label, number, text = caption_text(figure, self.numbers)
        caption = self.out.add_paragraph(style="Figurtekst")
        caption.add_run(f"{label} ")
        _field(caption, f"SEQ {label} \\* ARABIC", str(number))
        caption.add_run(f": {text}")

    # -- small things ---------------------------------------------------------------------

    def _page_break(self) -> None:
        self.out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _keep_previous(self) -> None:
        paragraphs = self.out.paragraphs
        if paragraphs:
            paragraphs[-1].paragraph_format.keep_with_next = True


# ------------------------------------------------------------------------------ WordML bits


def _append_run(parent: Any, text: str, *, bold: bool = False, italic: bool = False) -> Any:
    run = OxmlElement("w:r")
    if bold or italic:
        rpr = OxmlElement("w:rPr")
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        run.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    parent.append(run)
    return run


def _set_lang(rpr: Any, tag: str) -> None:
    """``w:lang`` on a run (``w:bidi`` and ``w:rtl`` too for Arabic …), as the templates'
    passages get them."""
    mark_language(rpr, tag)


def _field_runs(parent: Any, instruction: str, result: str) -> None:
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, result),
        ("end", None),
    ):
        run = OxmlElement("w:r")
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)
        parent.append(run)


def _field(paragraph: Any, instruction: str, result: str) -> None:
    _field_runs(paragraph._p, instruction, result)


def _bookmark(paragraph: Any, name: str, bookmark_id: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    ppr = paragraph._p.pPr
    index = list(paragraph._p).index(ppr) + 1 if ppr is not None else 0
    paragraph._p.insert(index, start)
    paragraph._p.append(end)


def _describe(paragraph: Any, alt_text: str, title: str) -> None:
    """Alternative text on the picture (``wp:docPr``): what a screen reader says."""
    for doc_pr in paragraph._p.iter(qn("wp:docPr")):
        doc_pr.set("descr", alt_text)
        if title:
            doc_pr.set("title", title)


def _describe_table(table: Any, caption: str) -> None:
    if not caption:
        return
    tbl_pr = table._tbl.tblPr
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addnext(element)
    else:
        tbl_pr.append(element)


def _cell_text(
    cell: Any,
    text: str,
    style: str,
    align: str = "left",
    *,
    bold: bool = False,
    color: str | None = None,
    lang: str | None = None,
) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    if _ADDRESS.search(text):
        _no_hyphens(paragraph)
    # a cell's text may mark passages in another language («[se: …]»): one run each
    pieces = passages(text) if has_marks(text) else (Passage(text),)
    for piece in pieces:
        if not piece.text:
            continue
        run = paragraph.add_run(piece.text)
        if bold:
            run.bold = True
        if color:
            run.font.color.rgb = RGBColor.from_string(color.upper())
        if piece.lang or lang:
            _set_lang(run._r.get_or_add_rPr(), piece.lang or lang or "")
    if align in _ALIGN:
        paragraph.alignment = _ALIGN[align]


def _shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.upper())
    tc_pr.append(shd)


def _top_rule(cell: Any) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    for attr, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "0"), ("w:color", _RULE)):
        top.set(qn(attr), value)
    borders.append(top)
    shd = tc_pr.find(qn("w:shd"))
    if shd is not None:
        shd.addprevious(borders)
    else:
        tc_pr.append(borders)


_ADDRESS = re.compile(r"https?://|www\.|\w@\w|\w\.(?:no|com|org|net|kommune)\b|\w/\w")
"""A web or e-mail address in a text: its paragraph is not hyphenated (a reader would type
the hyphen)."""

_AFTER_SUPPRESS_HYPHENS = tuple(
    f"w:{name}"
    for name in [
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)


def _no_hyphens(paragraph: Any) -> None:
    """``w:suppressAutoHyphens`` on the paragraph (in its schema place in ``w:pPr``)."""
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:suppressAutoHyphens")) is None:
        ppr.insert_element_before(OxmlElement("w:suppressAutoHyphens"), *_AFTER_SUPPRESS_HYPHENS)
