"""The house style of every DOCX template, and the kit that builds templates with python-docx.

Two uses:

* **At render time** – :func:`profile_colors` maps the template's placeholder colours to the
  municipality's profile colours (darkened where needed so text keeps a 4.5:1 contrast),
  for :func:`omradedok.render.docx.render_docx`'s ``colors`` argument.
* **At template build time** – :class:`TemplateKit` makes an A4 document with real Word
  styles (Title, Subtitle, Heading 1–4, toc 1–3, list styles, table text/header styles, a
  table style), a header with the status line and a footer «Side X av Y», and has helpers
  that write docxtpl tags (loops, conditions, table rows) so the templates a clerk opens in
  Word look like the documents they produce. ``templates/build_templates.py`` uses it.

Conventions every template built with the kit follows (views must provide these keys):
``t`` (labels in the document's language), ``header_text`` and ``status_banner`` (empty
string for an adopted document).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..model import Profile
from . import colors
from .reproducible import normalize_zip

__all__ = [
    "BODY_FONT",
    "TEMPLATE_PRIMARY",
    "TEMPLATE_SECONDARY",
    "TEXT_WIDTH_MM",
    "TemplateKit",
    "accessible_on_white",
    "contrast_ratio",
    "profile_colors",
]

TEMPLATE_PRIMARY = "1F4E79"
"""Placeholder for the profile's primary colour (headings, table header rows)."""
TEMPLATE_SECONDARY = "5B7F95"
"""Placeholder for the profile's secondary colour (cover rule, status line accents)."""
TEXT_COLOR = "1A1A1A"
MUTED_COLOR = "595959"
RULE_COLOR = "A6A6A6"
BODY_FONT = "Calibri"
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_MM = 25.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM


_PPR_AFTER_KEEP_NEXT = (
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
"""Children of w:pPr that come after w:keepNext in the schema."""


# ----------------------------------------------------------------------------- colours


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two hex colours (1 … 21); see ``render.colors``."""
    return colors.contrast_ratio(first, second)


def accessible_on_white(hex_color: str, minimum: float = 4.5) -> str:
    """The colour, darkened just enough to reach ``minimum`` contrast against white (and so
    for white text on it): the one policy of ``render.colors``. Uppercase hex without «#»."""
    return colors.darken_for_white(hex_color, minimum)


def profile_colors(profile: Profile) -> dict[str, str]:
    """Template placeholder colour → the municipality's colour, contrast-checked."""
    return {
        TEMPLATE_PRIMARY: accessible_on_white(profile.primary_color),
        TEMPLATE_SECONDARY: accessible_on_white(profile.secondary_color),
    }


# ------------------------------------------------------------------------ template kit


def _set_fonts(rpr_owner: Any, font: str) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _border(tag: str, size: int = 4, color: str = RULE_COLOR, val: str = "single") -> Any:
    element = OxmlElement(f"w:{tag}")
    element.set(qn("w:val"), val)
    element.set(qn("w:sz"), str(size))
    element.set(qn("w:space"), "0")
    element.set(qn("w:color"), color)
    return element


class TemplateKit:
    """Builds a docxtpl template with the house style. Text given to helpers is written as
    is, so it may contain docxtpl tags such as ``{{ t.summary }}``."""

    def __init__(self, *, title: str, landscape: bool = False, header_footer: bool = True) -> None:
        self.document: Any = Document()
        self.title = title
        self._setup_page(landscape)
        self._setup_styles()
        if header_footer:
            self._setup_header_footer()
        body = self.document.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)

    # -- page, styles, header/footer ----------------------------------------------------

    @property
    def text_width_mm(self) -> float:
        section = self.document.sections[0]
        return float((section.page_width - section.left_margin - section.right_margin) / Mm(1))

    def _setup_page(self, landscape: bool) -> None:
        section = self.document.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(PAGE_HEIGHT_MM), Mm(PAGE_WIDTH_MM)
        else:
            section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin = Mm(25)
        section.bottom_margin = Mm(22)
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)

    def _setup_styles(self) -> None:
        styles = self.document.styles
        doc_defaults = styles.element.find(qn("w:docDefaults"))
        rpr_default = doc_defaults.find(qn("w:rPrDefault"))
        rpr = rpr_default.find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            rpr.remove(fonts)
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), BODY_FONT)
        rpr.insert(0, fonts)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attr in ("w:val", "w:eastAsia"):
            lang.set(qn(attr), "nb-NO")
        lang.set(qn("w:bidi"), "ar-SA")

        normal = styles["Normal"]
        normal.font.name = BODY_FONT
        _set_fonts(normal.element, BODY_FONT)
        normal.font.size = Pt(10.5)
        normal.font.color.rgb = RGBColor.from_string(TEXT_COLOR)
        pf = normal.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(6)
        pf.line_spacing = 1.15
        pf.widow_control = True

        def heading(level: int, size: float, color: str, before: float, after: float) -> None:
            style = styles[f"Heading {level}"]
            _set_fonts(style.element, BODY_FONT)
            style.font.name = BODY_FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = RGBColor.from_string(color)
            fmt = style.paragraph_format
            fmt.space_before = Pt(before)
            fmt.space_after = Pt(after)
            fmt.keep_with_next = True
            fmt.keep_together = True
            fmt.line_spacing = 1.05

        heading(1, 17, TEMPLATE_PRIMARY, 18, 8)
        heading(2, 13.5, TEMPLATE_PRIMARY, 16, 5)
        heading(3, 11.5, TEXT_COLOR, 12, 4)
        heading(4, 10.5, TEXT_COLOR, 10, 3)
        for level in (1, 2, 3, 4):
            theme = styles[f"Heading {level}"].element.rPr.find(qn("w:color"))
            if theme is not None:
                for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                    if theme.get(qn(attr)) is not None:
                        del theme.attrib[qn(attr)]

        title = styles["Title"]
        _set_fonts(title.element, BODY_FONT)
        title.font.size = Pt(30)
        title.font.bold = True
        title.font.color.rgb = RGBColor.from_string(TEMPLATE_PRIMARY)
        title.paragraph_format.space_before = Pt(6)
        title.paragraph_format.space_after = Pt(6)
        title.paragraph_format.line_spacing = 1.0
        self._clear_borders(title)
        subtitle = styles["Subtitle"]
        _set_fonts(subtitle.element, BODY_FONT)
        subtitle.font.size = Pt(16)
        subtitle.font.italic = False
        subtitle.font.color.rgb = RGBColor.from_string(TEXT_COLOR)
        subtitle.paragraph_format.space_after = Pt(18)

        toc_heading = styles["TOC Heading"]
        toc_heading.base_style = styles["Normal"]
        _set_fonts(toc_heading.element, BODY_FONT)
        toc_heading.font.size = Pt(17)
        toc_heading.font.bold = True
        toc_heading.font.color.rgb = RGBColor.from_string(TEMPLATE_PRIMARY)
        toc_heading.paragraph_format.space_after = Pt(10)
        toc_heading.paragraph_format.keep_with_next = True

        for level, indent, bold in ((1, 0, True), (2, 5, False), (3, 10, False)):
            style = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.element.set(qn("w:styleId"), f"TOC{level}")
            style.base_style = styles["Normal"]
            style.next_paragraph_style = styles["Normal"]
            style.font.bold = bold
            style.paragraph_format.left_indent = Mm(indent)
            style.paragraph_format.space_before = Pt(4 if level == 1 else 0)
            style.paragraph_format.space_after = Pt(2)
            style.paragraph_format.tab_stops.add_tab_stop(
                Mm(self.text_width_mm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )

        for name in ("List Bullet", "List Number", "List Bullet 2"):
            style = styles[name]
            style.paragraph_format.space_after = Pt(3)

        def paragraph_style(name: str, **kwargs: Any) -> Any:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.quick_style = True
            font = style.font
            fmt = style.paragraph_format
            font.size = Pt(kwargs.get("size", 10.5))
            font.bold = kwargs.get("bold")
            if "color" in kwargs:
                font.color.rgb = RGBColor.from_string(kwargs["color"])
            fmt.space_before = Pt(kwargs.get("before", 0))
            fmt.space_after = Pt(kwargs.get("after", 6))
            if "line" in kwargs:
                fmt.line_spacing = kwargs["line"]
            if kwargs.get("keep"):
                fmt.keep_with_next = True
            return style

        paragraph_style("Tabelltekst", size=9, after=0, line=1.0)
        paragraph_style("Tabellhode", size=9, after=0, line=1.0, bold=True, color="FFFFFF")
        paragraph_style("Tabelletikett", size=9, after=0, line=1.0, bold=True)
        paragraph_style("Forsidetekst", size=12, after=4)
        paragraph_style("Kommunenavn", size=14, after=30, bold=True, color=TEMPLATE_SECONDARY)
        paragraph_style("Statuslinje", size=9, after=0, bold=True, color="9C0006")
        paragraph_style("Merknad", size=9.5, after=6, color=MUTED_COLOR)
        paragraph_style("Ingress", size=12, before=10, after=10, color=TEXT_COLOR)
        cover = paragraph_style(
            "Forsidetittel",
            size=34,
            before=150,
            after=6,
            bold=True,
            color=TEMPLATE_PRIMARY,
            line=1.0,
        )
        cover.base_style = styles["Title"]
        paragraph_style(
            "Sakstittel", size=20, before=4, after=10, bold=True, color=TEMPLATE_PRIMARY, line=1.05
        )
        paragraph_style("Figur", size=10.5, before=6, after=4, keep=True)
        paragraph_style("Tabelltittel", size=10.5, before=6, after=4, bold=True, keep=True)
        paragraph_style("Dokumenttype", size=12, after=2, bold=True, color=MUTED_COLOR)
        paragraph_style("Figurtekst", size=9, after=10, color=MUTED_COLOR)
        caption = styles["Caption"]
        caption.font.color.rgb = RGBColor.from_string(MUTED_COLOR)

        for name in ("Header", "Footer"):
            style = styles[name]
            style.font.size = Pt(8.5)
            style.font.color.rgb = RGBColor.from_string(MUTED_COLOR)
            style.paragraph_format.space_after = Pt(0)

        self._add_table_style()

    @staticmethod
    def _clear_borders(style: Any) -> None:
        ppr = style.element.find(qn("w:pPr"))
        if ppr is not None:
            borders = ppr.find(qn("w:pBdr"))
            if borders is not None:
                ppr.remove(borders)

    def _add_table_style(self) -> None:
        style = self.document.styles.add_style("Tabell", WD_STYLE_TYPE.TABLE)
        style.base_style = self.document.styles["Normal Table"]
        element = style.element
        tbl_pr = OxmlElement("w:tblPr")
        borders = OxmlElement("w:tblBorders")
        for tag in ("top", "bottom", "insideH"):
            borders.append(_border(tag))
        tbl_pr.append(borders)
        margins = OxmlElement("w:tblCellMar")
        for tag, width in (("top", 40), ("left", 70), ("bottom", 40), ("right", 70)):
            margin = OxmlElement(f"w:{tag}")
            margin.set(qn("w:w"), str(width))
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        tbl_pr.append(margins)
        element.append(tbl_pr)

    def _setup_header_footer(self) -> None:
        section = self.document.sections[0]
        header = section.header
        header.is_linked_to_previous = False
        first = header.paragraphs[0]
        first.text = "{%p if status_banner %}"
        banner = header.add_paragraph("{{ status_banner }}", style="Statuslinje")
        banner.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header.add_paragraph("{%p endif %}")
        line = header.add_paragraph("{{ header_text }}", style="Header")
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        ppr = line._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        bdr.append(_border("bottom", 4, RULE_COLOR))
        ppr.append(bdr)
        footer = section.footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = self.document.styles["Footer"]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run("Side ")
        self._field(paragraph, "PAGE", "1")
        paragraph.add_run(" av ")
        self._field(paragraph, "NUMPAGES", "1")

    @staticmethod
    def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
        def run_with(child: Any) -> None:
            run = paragraph.add_run()
            run._r.append(child)

        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        run_with(begin)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        run_with(instr)
        separate = OxmlElement("w:fldChar")
        separate.set(qn("w:fldCharType"), "separate")
        run_with(separate)
        paragraph.add_run(placeholder)
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run_with(end)

    # -- content helpers ----------------------------------------------------------------

    def tag(self, text: str) -> Any:
        """A paragraph holding only a docxtpl paragraph tag, e.g. ``{%p if x %}``."""
        return self.document.add_paragraph(text)

    def heading(self, text: str, level: int, *, page_break: bool = False) -> Any:
        paragraph = self.document.add_paragraph(text, style=f"Heading {level}")
        if page_break:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def paragraph(
        self,
        text: str = "",
        style: str | None = None,
        *,
        bold: bool = False,
        page_break: bool = False,
        align: str | None = None,
    ) -> Any:
        paragraph = self.document.add_paragraph(style=style)
        if text:
            run = paragraph.add_run(text)
            if bold:
                run.bold = True
        if page_break:
            paragraph.paragraph_format.page_break_before = True
        if align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def labelled(self, label: str, value: str, style: str | None = None) -> Any:
        """«Label: value» with the label in bold."""
        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(label + ": ").bold = True
        paragraph.add_run(value)
        return paragraph

    def lead(self, bold: str, rest: str, style: str | None = None) -> Any:
        """A paragraph that starts with a bold lead-in (``bold``) followed by ``rest``."""
        paragraph = self.document.add_paragraph(style=style)
        paragraph.add_run(bold).bold = True
        paragraph.add_run(rest)
        return paragraph

    def numbered_style(self, name: str) -> str:
        """A paragraph style for a numbered list that starts at 1 wherever it is used (its
        own numbering instance, so two numbered lists in one document do not run on)."""
        numbering = self.document.part.numbering_part.element
        base = self.document.styles["List Number"]
        base_num = base.element.pPr.numPr.numId.val
        abstract = next(
            n.find(qn("w:abstractNumId")).get(qn("w:val"))
            for n in numbering.findall(qn("w:num"))
            if n.get(qn("w:numId")) == str(base_num)
        )
        new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(new_id))
        abstract_ref = OxmlElement("w:abstractNumId")
        abstract_ref.set(qn("w:val"), abstract)
        num.append(abstract_ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        numbering.append(num)
        style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = base
        style.quick_style = True
        style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = new_id
        style.paragraph_format.space_after = Pt(4)
        return name

    def prose(self, expression: str, style: str | None = None) -> None:
        """Paragraphs of a list of strings (a view's prose field split on blank lines)."""
        self.tag(f"{{%p for para in {expression} %}}")
        self.paragraph("{{ para }}", style)
        self.tag("{%p endfor %}")

    def bullets(
        self,
        iterable: str,
        expression: str = "item",
        *,
        var: str = "item",
        style: str = "List Bullet",
    ) -> None:
        self.tag(f"{{%p for {var} in {iterable} %}}")
        self.paragraph(f"{{{{ {expression} }}}}", style)
        self.tag("{%p endfor %}")

    def page_break(self) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)

    def toc(self, title: str, levels: str = "1-2", *, page_break: bool = False) -> None:
        """«Innhold» and a TOC field (filled at render time, refreshed by Word on open)."""
        self.paragraph(title, "TOC Heading", page_break=page_break)
        paragraph = self.document.add_paragraph()
        self._field(paragraph, f'TOC \\o "{levels}" \\h \\z \\u', "Innholdsfortegnelse")

    def picture_paragraph(self, expression: str, caption: str | None = None) -> None:
        """A picture (a :class:`~omradedok.render.docx.Picture` in the context) on its own line."""
        self.paragraph(f"{{{{ {expression} }}}}", "Figur")
        if caption:
            self.paragraph(caption, "Figurtekst")

    def _keep_previous_with_table(self) -> None:
        """The text that introduces a table stays on the table's page."""
        body = self.document.element.body
        for paragraph in reversed(list(body.iterchildren(qn("w:p")))):
            text = "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()
            if text.startswith("{%"):
                continue
            ppr = paragraph.get_or_add_pPr()
            if ppr.find(qn("w:keepNext")) is None:
                ppr.insert_element_before(OxmlElement("w:keepNext"), *_PPR_AFTER_KEEP_NEXT)
            return

    def _table(self, rows: int, widths_mm: Sequence[float]) -> Any:
        if self.document.element.body.find(qn("w:p")) is not None:
            self._keep_previous_with_table()
        table = self.document.add_table(rows=rows, cols=len(widths_mm))
        table.style = self.document.styles["Tabell"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        scale = self.text_width_mm / sum(widths_mm)
        widths = [Mm(w * scale) for w in widths_mm]
        grid = table._tbl.tblGrid
        for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
            col.set(qn("w:w"), str(int(width.twips)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        return table  # autofit=False already wrote <w:tblLayout w:type="fixed"/>

    @staticmethod
    def _look(table: Any, header: bool) -> None:
        tbl_pr = table._tbl.tblPr
        look = tbl_pr.find(qn("w:tblLook"))
        if look is None:
            look = OxmlElement("w:tblLook")
            tbl_pr.append(look)
        for attr in list(look.attrib):
            del look.attrib[attr]
        look.set(qn("w:val"), "04A0" if header else "0480")
        look.set(qn("w:firstRow"), "1" if header else "0")
        look.set(qn("w:lastRow"), "0")
        look.set(qn("w:firstColumn"), "0")
        look.set(qn("w:lastColumn"), "0")
        look.set(qn("w:noHBand"), "1")
        look.set(qn("w:noVBand"), "1")

    @staticmethod
    def _cell_text(cell: Any, text: str, style: str, align: str = "left") -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = style
        if text:
            paragraph.add_run(text)
        if align == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif align == "center":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    @staticmethod
    def _cant_split(row: Any) -> None:
        """Keep a row on one page (a row split over a page break is hard to read)."""
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))

    def _header_row(self, table: Any, headers: Sequence[str], aligns: Sequence[str]) -> None:
        row = table.rows[0]
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
        for cell, text, align in zip(row.cells, headers, aligns, strict=True):
            self._cell_text(cell, text, "Tabellhode", align)
            _shade(cell, TEMPLATE_PRIMARY)

    def table(
        self,
        headers: Sequence[str],
        cells: Sequence[str],
        *,
        loop: str,
        widths_mm: Sequence[float],
        aligns: Sequence[str] | None = None,
        total: Sequence[str] | None = None,
        total_condition: str | None = None,
    ) -> Any:
        """A header row, then one row per item of ``loop`` (``"row in rows"``), and an
        optional bold total row (shown when ``total_condition`` is true)."""
        aligns = list(aligns or ["left"] * len(headers))
        extra = 1 if total else 0
        if total and total_condition:
            extra += 2
        table = self._table(4 + extra, widths_mm)
        self._look(table, header=True)
        self._header_row(table, headers, aligns)
        self._cell_text(table.rows[1].cells[0], f"{{%tr for {loop} %}}", "Tabelltekst")
        for cell, text, align in zip(table.rows[2].cells, cells, aligns, strict=True):
            self._cell_text(cell, text, "Tabelltekst", align)
        self._cell_text(table.rows[3].cells[0], "{%tr endfor %}", "Tabelltekst")
        self._cant_split(table.rows[2])
        if total:
            index = 4
            if total_condition:
                self._cell_text(
                    table.rows[4].cells[0], f"{{%tr if {total_condition} %}}", "Tabelltekst"
                )
                index = 5
            for cell, text, align in zip(table.rows[index].cells, total, aligns, strict=True):
                self._cell_text(cell, text, "Tabelletikett", align)
            self._cant_split(table.rows[index])
            top = table.rows[index].cells
            for cell in top:
                tc_pr = cell._tc.get_or_add_tcPr()
                borders = OxmlElement("w:tcBorders")
                borders.append(_border("top", 8, TEXT_COLOR))
                tc_pr.append(borders)
            if total_condition:
                self._cell_text(table.rows[6].cells[0], "{%tr endif %}", "Tabelltekst")
        self._after_table()
        return table

    def key_value_table(
        self,
        rows: Sequence[tuple[str, str] | tuple[str, str, str]],
        *,
        widths_mm: Sequence[float] = (45, 115),
    ) -> Any:
        """A two-column fact table without a header row (label in bold). A third item in a
        row is a condition: the row is shown only when it is true."""
        count = sum(3 if len(r) == 3 else 1 for r in rows)
        table = self._table(count, widths_mm)
        self._look(table, header=False)
        index = 0
        for row in rows:
            if len(row) == 3:
                self._cell_text(table.rows[index].cells[0], f"{{%tr if {row[2]} %}}", "Tabelltekst")
                index += 1
            self._cant_split(table.rows[index])
            label_cell, value_cell = table.rows[index].cells
            self._cell_text(label_cell, row[0], "Tabelletikett")
            self._cell_text(value_cell, row[1], "Tabelltekst")
            index += 1
            if len(row) == 3:
                self._cell_text(table.rows[index].cells[0], "{%tr endif %}", "Tabelltekst")
                index += 1
        self._after_table()
        return table

    def _after_table(self) -> None:
        """Space after a table comes from the next paragraph's style, not an empty line."""

    # -- the house template of views (render/docx_body) -------------------------------

    def add_view_styles(self) -> None:
        """Styles a document rendered from a view needs beyond the kit's own: Heading 5–6,
        «Advarsel» (a warning: bold, red rule on the left), «Sitat» (a quotation), caption
        text, and header/footer paragraphs with a right tab for the running head."""
        styles = self.document.styles
        for level in (5, 6):
            style = styles[f"Heading {level}"]
            _set_fonts(style.element, BODY_FONT)
            style.font.size = Pt(10.5)
            style.font.bold = True
            style.font.italic = level == 6
            style.font.color.rgb = RGBColor.from_string(TEXT_COLOR)
            fmt = style.paragraph_format
            fmt.space_before = Pt(8)
            fmt.space_after = Pt(2)
            fmt.keep_with_next = True
            fmt.keep_together = True
            theme = style.element.rPr.find(qn("w:color"))
            for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                if theme is not None and theme.get(qn(attr)) is not None:
                    del theme.attrib[qn(attr)]
        warning = styles.add_style("Advarsel", WD_STYLE_TYPE.PARAGRAPH)
        warning.base_style = styles["Normal"]
        warning.quick_style = True
        warning.font.bold = True
        warning.font.color.rgb = RGBColor.from_string("9C0006")
        warning.paragraph_format.left_indent = Mm(3)
        warning.paragraph_format.space_before = Pt(4)
        warning.paragraph_format.space_after = Pt(8)
        borders = OxmlElement("w:pBdr")
        borders.append(_border("left", 18, "9C0006"))
        warning.element.get_or_add_pPr().append(borders)
        quote = styles.add_style("Sitat", WD_STYLE_TYPE.PARAGRAPH)
        quote.base_style = styles["Normal"]
        quote.quick_style = True
        quote.font.italic = True
        quote.paragraph_format.left_indent = Mm(8)
        quote.paragraph_format.right_indent = Mm(8)
        for name in ("Header", "Footer"):
            styles[name].paragraph_format.tab_stops.clear_all()
            styles[name].paragraph_format.tab_stops.add_tab_stop(
                Mm(self.text_width_mm / 2), WD_TAB_ALIGNMENT.CENTER
            )
            styles[name].paragraph_format.tab_stops.add_tab_stop(
                Mm(self.text_width_mm), WD_TAB_ALIGNMENT.RIGHT
            )

    # -- output -------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The template, with fixed core properties and zip timestamps (reproducible)."""
        props = self.document.core_properties
        stamp = dt.datetime(2026, 1, 1, 0, 0, 0)
        props.title = self.title
        props.author = "omradedok"
        props.last_modified_by = "omradedok"
        props.created = stamp
        props.modified = stamp
        props.revision = 1
        props.language = "nb-NO"
        props.comments = (
            "Mal for omradedok. Feltene i krøllparenteser fylles ut fra beskrivelsen av "
            "satsingen; tekst og formatering kan endres i Word."
        )
        buffer = io.BytesIO()
        self.document.save(buffer)
        return normalize_zip(buffer.getvalue())

    def save(self, path: Path) -> None:
        path.write_bytes(self.to_bytes())


def clone_element(element: Any) -> Any:
    """A deep copy of an XML element (for templates that repeat a built block)."""
    return copy.deepcopy(element)
