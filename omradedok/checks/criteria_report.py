"""The success-criteria report as JSON, Markdown or Word (DOCX) – something a programme
manager can attach to the case.

The DOCX is written with python-docx and follows the project's rules for documents: real
heading styles in order, document language set (styles and metadata), title in metadata,
a real table with a repeating header row, list styles, and byte-identical output for
identical input (dates pinned to the plan's version date, fixed zip timestamps).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any, Literal

from ..locale.format import format_date
from ..model import Language
from ..render.reproducible import normalize_zip
from .criteria import STATUS_LABELS, CriteriaReport

ReportFormat = Literal["json", "md", "docx"]
FORMATS: tuple[ReportFormat, ...] = ("json", "md", "docx")


def _t(report: CriteriaReport, nb: str, nn: str) -> str:
    return nn if report.language is Language.NN else nb


def _heading(report: CriteriaReport) -> str:
    return _t(report, "Suksesskriterier", "Suksesskriterium") + f": {report.title}"


def report_json(report: CriteriaReport) -> str:
    """The report as pretty-printed JSON (UTF-8 text, stable key order)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def report_markdown(report: CriteriaReport) -> str:
    """The report as Markdown: a summary table, then one section per criterion."""
    lang = report.language
    lines = [f"# {_heading(report)}", ""]
    meta = [
        _t(report, f"Område: {report.area}", f"Område: {report.area}"),
        _t(report, f"Periode: {report.period}", f"Periode: {report.period}"),
    ]
    if report.date is not None:
        meta.append(_t(report, "Planversjon: ", "Planversjon: ") + format_date(report.date, lang))
    lines += [
        " · ".join(meta),
        "",
        f"**{_t(report, 'Resultat', 'Resultat')}:** {report.summary_text()}",
        "",
    ]
    lines += [
        f"| {_t(report, 'Nr.', 'Nr.')} | {_t(report, 'Kriterium', 'Kriterium')} | Status |",
        "|---:|---|---|",
    ]
    for number, result in enumerate(report.results, 1):
        lines.append(
            f"| {number} | {_md_cell(result.title(lang))} | {_md_cell(result.status_label(lang))} |"
        )
    lines.append("")
    for number, result in enumerate(report.results, 1):
        lines += [f"## {number}. {result.title(lang)} – {result.status_label(lang)}", ""]
        lines += [f"{_t(report, 'Grunnlag i planen', 'Grunnlag i planen')}:", ""]
        lines += [f"- {item}" for item in result.evidence]
        lines += ["", f"{_t(report, 'Råd', 'Råd')}: {result.advice}", ""]
    if report.warnings or report.errors:
        lines += [f"## {_t(report, 'Merknader fra kontrollen', 'Merknader frå kontrollen')}", ""]
        lines += [f"- {_t(report, 'feil', 'feil')}: {p}" for p in report.errors]
        lines += [f"- {_t(report, 'advarsel', 'åtvaring')}: {p}" for p in report.warnings]
        lines.append("")
    return "\n".join(lines)


# -- DOCX -----------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _qn(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _set_language(document: Any, tag: str) -> None:
    """w:lang in docDefaults and on the Normal style, so Word and screen readers know it."""
    from docx.oxml import OxmlElement

    styles = document.styles.element
    defaults = styles.find(_qn("docDefaults"))
    targets = []
    if defaults is not None:
        rpr = defaults.find(f"{_qn('rPrDefault')}/{_qn('rPr')}")
        if rpr is not None:
            targets.append(rpr)
    normal = document.styles["Normal"].element
    targets.append(normal.get_or_add_rPr())
    for rpr in targets:
        lang = rpr.find(_qn("lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(_qn("val"), tag)
        lang.set(_qn("eastAsia"), tag)
        lang.set(_qn("bidi"), "ar-SA")


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(_qn("val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def _table_caption(table: Any, caption: str, description: str) -> None:
    from docx.oxml import OxmlElement

    tbl_pr = table._tbl.tblPr
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", description)):
        element = OxmlElement(tag)
        element.set(_qn("val"), value)
        tbl_pr.append(element)


def report_docx(report: CriteriaReport) -> bytes:
    """The report as a Word document (reproducible bytes)."""
    from docx import Document
    from docx.shared import Cm, Pt

    lang = report.language
    tag = "nn-NO" if lang is Language.NN else "nb-NO"
    document = Document()
    _set_language(document, tag)
    document.styles["Normal"].font.size = Pt(11)
    # The default template names theme fonts, which LibreOffice may resolve to a serif face;
    # name the plan templates' font outright so the report looks like the rest of the set.
    for style_name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        document.styles[style_name].font.name = "Calibri"

    title = _heading(report)
    document.add_heading(title, level=1)
    meta = [
        _t(report, f"Område: {report.area}", f"Område: {report.area}"),
        _t(report, f"Periode: {report.period}", f"Periode: {report.period}"),
    ]
    if report.municipality:
        meta.insert(0, report.municipality)
    if report.date is not None:
        meta.append(_t(report, "Planversjon: ", "Planversjon: ") + format_date(report.date, lang))
    document.add_paragraph(" · ".join(meta))
    summary = document.add_paragraph()
    summary.add_run(_t(report, "Resultat: ", "Resultat: ")).bold = True
    summary.add_run(report.summary_text())

    document.add_heading(_t(report, "Oversikt", "Oversikt"), level=2)
    headers = [_t(report, "Nr.", "Nr."), _t(report, "Kriterium", "Kriterium"), "Status"]
    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    _table_caption(
        table,
        _t(report, "Suksesskriterier og status", "Suksesskriterium og status"),
        _t(
            report,
            "Metodens ti suksesskriterier med status oppfylt, delvis oppfylt, mangler eller "
            "kan ikke vurderes (modellen har ikke det kriteriet trenger).",
            "Dei ti suksesskriteria i metoden med status oppfylt, delvis oppfylt, manglar eller "
            "kan ikkje vurderast (modellen har ikkje det kriteriet treng).",
        ),
    )
    head = table.rows[0]
    _repeat_header(head)
    for cell, text in zip(head.cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for number, result in enumerate(report.results, 1):
        cells = table.add_row().cells
        cells[0].text = str(number)
        cells[1].text = result.title(lang)
        cells[2].text = result.status_label(lang)
    table.autofit = False
    widths = (Cm(1.5), Cm(10.5), Cm(4.0))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width  # the cells, which Word follows

    for number, result in enumerate(report.results, 1):
        document.add_heading(f"{number}. {result.title(lang)}", level=2)
        status = document.add_paragraph()
        status.add_run("Status: ").bold = True
        status.add_run(result.status_label(lang))
        document.add_heading(_t(report, "Grunnlag i planen", "Grunnlag i planen"), level=3)
        for item in result.evidence:
            document.add_paragraph(item, style="List Bullet")
        advice = document.add_paragraph()
        advice.add_run(_t(report, "Råd: ", "Råd: ")).bold = True
        advice.add_run(result.advice)

    if report.warnings or report.errors:
        document.add_heading(
            _t(report, "Merknader fra kontrollen", "Merknader frå kontrollen"), level=2
        )
        for problem in report.errors:
            document.add_paragraph(f"{_t(report, 'Feil', 'Feil')}: {problem}", style="List Bullet")
        for problem in report.warnings:
            document.add_paragraph(
                f"{_t(report, 'Advarsel', 'Åtvaring')}: {problem}", style="List Bullet"
            )

    stamp = dt.datetime.combine(report.date or dt.date(2000, 1, 1), dt.time(12, 0))
    core = document.core_properties
    core.title = title
    core.subject = _t(
        report, "Suksesskriterier for områdesatsing", "Suksesskriterium for områdesatsing"
    )
    core.author = report.municipality or "omradedok"
    core.last_modified_by = core.author
    core.comments = ""
    core.keywords = "områdesatsing; suksesskriterier"
    core.category = "Rapport"
    core.language = tag
    core.revision = 1
    core.created = stamp
    core.modified = stamp
    core.last_printed = stamp
    out = io.BytesIO()
    document.save(out)
    return normalize_zip(out.getvalue())


def render_report(report: CriteriaReport, fmt: ReportFormat) -> bytes:
    """The report in ``fmt`` as bytes ready to write (UTF-8 for the text formats)."""
    if fmt == "json":
        return report_json(report).encode("utf-8")
    if fmt == "md":
        return report_markdown(report).encode("utf-8")
    return report_docx(report)


__all__ = [
    "FORMATS",
    "STATUS_LABELS",
    "ReportFormat",
    "render_report",
    "report_docx",
    "report_json",
    "report_markdown",
]
