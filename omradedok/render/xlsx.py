"""Generic openpyxl helpers: safe cell values, header styles, tables, drop-downs, print setup,
and byte-identical saving. Kind-agnostic: the activity plan, the input workbook and the role
matrix all build on these.

Typical use::

    wb = new_workbook()
    ws = wb.active
    put(ws.cell(4, 1), user_text)              # never a formula, whatever the text starts with
    put(ws.cell(4, 2), 250_000, number_format=MONEY_FORMAT)
    put_formula(ws.cell(4, 3), "=SUM(B4:B9)")  # formulas only from our own code
    header_row(ws, 3, ["Nr", "Tiltak"], color="#1F4E79")
    set_widths(ws, [8, 40])
    add_table(ws, "Aktiviteter", "A3:B9")
    add_list_validation(ws, "B4:B500", "'Lister'!$A$2:$A$6")
    setup_print(ws, title_rows="3:3", header=("Fjordvik kommune", "Aktivitetsplan 2026", ""))
    data = workbook_bytes(wb, date=model.document.date, title="Aktivitetsplan 2026")

Rules the helpers enforce:

* Text from users is stored as text (``t="inlineStr"``); text starting with ``= + - @`` also
  gets ``quotePrefix`` so Excel keeps it text even after the cell is edited (formula injection).
* Text Excel would mangle is escaped: a literal ``_x000D_`` is written as ``_x005F_x000D_``
  (OOXML's ST_Xstring rule); :func:`text_from_excel` undoes it when reading.
* XML-illegal control characters, texts over Excel's 32 767 characters and integers Excel
  cannot hold exactly raise :class:`~omradedok.errors.OmradedokError` naming the cell.
* :func:`workbook_bytes` pins the package dates to the document's own date and normalises the
  zip, so the same input always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..errors import OmradedokError
from ..model.passages import plain
from .colors import header_fill
from .reproducible import normalize_zip

MONEY_FORMAT = '[$-414]#,##0 "kr"'
"""Whole kroner, «1 250 000 kr». Norwegian Excel shows the stored code as ``# ##0 "kr"``; the
nb-NO locale tag makes LibreOffice use Norwegian separators whatever its own locale is."""
DATE_FORMAT = "dd.mm.yyyy"
"""26.11.2026 – Språkrådet's short date, never slashes."""
TEXT_FORMAT = "@"
"""Keeps what a clerk types as text (ids like «2.10», case numbers like «26/1234»)."""
INTEGER_FORMAT = "0"
NUMBER_FORMAT = "General"

EXCEL_MAX_TEXT = 32_767
"""Excel's limit for the characters in one cell."""
EXCEL_MAX_INT = 10**15 - 1
"""Excel stores numbers as doubles and shows 15 significant digits."""

FORMULA_TRIGGERS = ("=", "+", "-", "@")
"""First characters that spreadsheet programs may read as the start of a formula."""

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
"""An underscore that starts an escape-like run; a lookahead, so overlapping runs such as
``_x0041_x0042_`` (whose middle underscore starts the second) are all escaped."""
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")

FONT_NAME = "Calibri"
"""Excel's default; LibreOffice substitutes the metric-compatible Carlito where installed."""
BODY_FONT = Font(name=FONT_NAME, size=11)
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
SUBTITLE_FONT = Font(name=FONT_NAME, italic=True, color="404040")
SMALL_FONT = Font(name=FONT_NAME, italic=True, color="595959", size=9)
BOLD = Font(name=FONT_NAME, bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top", horizontal="left")
TOP = Alignment(vertical="top")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


# -- values ----------------------------------------------------------------------------------


def excel_text(value: str, where: str = "") -> str:
    """``value`` as Excel must store it; raises OmradedokError if Excel cannot hold it."""
    bad = _ILLEGAL_XML.search(value)
    if bad:
        raise OmradedokError(
            f"{where or 'tekst'}: teksten inneholder det ulovlige kontrolltegnet "
            f"U+{ord(bad.group()):04X} (posisjon {bad.start() + 1}); fjern det"
        )
    if len(value) > EXCEL_MAX_TEXT:
        raise OmradedokError(
            f"{where or 'tekst'}: teksten har {len(value)} tegn, men en Excel-celle rommer høyst "
            f"{EXCEL_MAX_TEXT}; del teksten opp eller kort den ned"
        )
    return _ESCAPE_LIKE.sub("_x005F_", value) if "_x" in value else value


def text_from_excel(value: str) -> str:
    """Decode OOXML escapes (``_x000D_`` → CR, ``_x005F_x000D_`` → ``_x000D_``)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value) if "_x" in value else value


def put(
    cell: Cell,
    value: Any,
    *,
    number_format: str | None = None,
    where: str = "",
    marks: bool = False,
) -> Cell:
    """Write a value safely: text stays text (never a formula), numbers and dates stay typed.

    ``where`` names the field in error messages (defaults to the cell's coordinate). A cell
    cannot hold a language per passage, so a document's cell prints a marked text
    («[se: Ođđa searvi]») as the reader sees it; ``marks=True`` keeps the markers (the input
    workbook, which is read back).
    """
    place = where or f"{cell.parent.title}!{cell.coordinate}"
    if value is None:
        cell.value = None
    elif isinstance(value, str):
        text = excel_text(value if marks else plain(value), place)
        cell.value = text
        cell.data_type = "s"  # set after the value: openpyxl would take «=…» for a formula
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int):
        if abs(value) > EXCEL_MAX_INT:
            raise OmradedokError(
                f"{place}: tallet {value} har flere enn 15 sifre og kan ikke lagres nøyaktig i Excel"
            )
        cell.value = value
    elif isinstance(value, float | dt.date):
        cell.value = value
    else:
        raise TypeError(f"{place}: kan ikke skrive verdier av typen {type(value).__name__}")
    if number_format is not None:
        cell.number_format = number_format
    return cell


def copy_style(target: Cell, source: Cell) -> Cell:
    """Give ``target`` exactly the style of ``source`` (font, fill, border, alignment, number
    format, protection) – much faster than setting them one by one on thousands of cells."""
    target._style = copy(source._style)
    return target


def put_formula(
    cell: Cell,
    formula: str,
    *,
    number_format: str | None = None,
    value: int | float | str | dt.date | None = None,
) -> Cell:
    """Write a formula from our own code (never from user text), with ``value`` – what it
    computes to – as its cached result, so viewers and previews that do not recalculate
    show the figure; Excel and LibreOffice still recalculate on load (``fullCalcOnLoad``)."""
    if not formula.startswith("="):
        raise ValueError(f"en formel må begynne med «=»: {formula!r}")
    cell.value = formula
    if number_format is not None:
        cell.number_format = number_format
    if value is not None:
        cached: dict[str, Any] | None = getattr(cell.parent, _CACHED, None)
        if cached is None:
            cached = {}
            setattr(cell.parent, _CACHED, cached)
        cached[cell.coordinate] = excel_text(value) if isinstance(value, str) else value
    return cell


_CACHED = "_omradedok_cached_values"
"""Worksheet attribute: coordinate → the cached result of the formula there."""
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>', re.S)


def _cached_text(value: Any) -> tuple[str, str]:
    """(type attribute, text of <v>) of a cached result."""
    from xml.sax.saxutils import escape

    from openpyxl.utils.datetime import to_excel

    if isinstance(value, bool):
        return ' t="b"', "1" if value else "0"
    if isinstance(value, dt.date):
        serial = to_excel(value)
        return "", str(int(serial)) if float(serial).is_integer() else repr(serial)
    if isinstance(value, int | float):
        return "", repr(value)
    return ' t="str"', escape(str(value))


def _with_cached_values(xml: str, cached: dict[str, Any]) -> str:
    """Put each formula's cached result into its (empty) <v> element."""

    def fill(match: re.Match[str]) -> str:
        coordinate, attrs, formula = match.groups()
        if coordinate not in cached:
            return match.group(0)
        kind, text = _cached_text(cached[coordinate])
        attrs = re.sub(r'\st="[^"]*"', "", attrs) + kind
        return f'<c r="{coordinate}"{attrs}><f>{formula}</f><v>{text}</v></c>'

    return _FORMULA_CELL.sub(fill, xml)


def quote_sheet(name: str) -> str:
    """A sheet name as formulas need it: ``'Mål'``, with inner quotes doubled."""
    return "'" + name.replace("'", "''") + "'"


def absolute(sheet: str, column: int, first_row: int, last_row: int) -> str:
    """``'Sheet'!$B$4:$B$200``."""
    letter = get_column_letter(column)
    return f"{quote_sheet(sheet)}!${letter}${first_row}:${letter}${last_row}"


# -- layout ----------------------------------------------------------------------------------


def argb(color: str) -> str:
    """«#1F4E79» → «FF1F4E79» (openpyxl's colour form)."""
    return "FF" + color.lstrip("#").upper()


def tint(color: str, factor: float = 0.85) -> str:
    """A lighter version of ``color`` (for fills behind black text), as «#RRGGBB»."""
    raw = color.lstrip("#")
    channels = [int(raw[i : i + 2], 16) for i in (0, 2, 4)]
    light = [round(c + (255 - c) * factor) for c in channels]
    return "#" + "".join(f"{c:02X}" for c in light)


def fill(color: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=argb(color), end_color=argb(color))


def header_row(
    ws: Worksheet, row: int, labels: Sequence[str], *, color: str = "#1F4E79", first_column: int = 1
) -> None:
    """Bold text on ``color``, wrapped and top-aligned, one label per column; fill and text
    colour from ``colors.header_fill`` (4.5:1 contrast, as in DOCX and PDF)."""
    background_color, text_color = header_fill(color)
    background = fill(background_color)
    font = (
        HEADER_FONT
        if text_color == "#FFFFFF"
        else Font(name=FONT_NAME, bold=True, color=text_color[1:])
    )
    for offset, label in enumerate(labels):
        cell = put(ws.cell(row, first_column + offset), label)
        cell.font = font
        cell.fill = background
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = BOX


def title_rows(ws: Worksheet, title: str, subtitle: str = "") -> None:
    """A title in A1 (large, bold) and an optional subtitle in A2."""
    put(ws.cell(1, 1), title).font = TITLE_FONT
    if subtitle:
        put(ws.cell(2, 1), subtitle).font = SUBTITLE_FONT


def set_widths(ws: Worksheet, widths: Sequence[float], *, first_column: int = 1) -> None:
    """Column widths in Excel's character units."""
    for offset, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(first_column + offset)].width = width


def column_style(
    ws: Worksheet, column: int, *, number_format: str | None = None, wrap: bool = False
) -> None:
    """Default style of a whole column: rows a clerk adds later get the same format."""
    dim = ws.column_dimensions[get_column_letter(column)]
    if number_format is not None:
        dim.number_format = number_format
    if wrap:
        dim.alignment = WRAP_TOP


def text_lines(text: str, width: float) -> int:
    """Lines ``text`` needs when word-wrapped in a column ``width`` characters wide.

    An estimate that errs on the generous side: Excel's width unit is the width of «0» in
    the default font, and average text is somewhat narrower.
    """
    capacity = max(int(width * 1.1) - 1, 4)
    lines = 0
    for paragraph in text.split("\n"):
        used = 0
        lines += 1
        for word in paragraph.split(" "):
            size = len(word)
            if used and used + 1 + size > capacity:
                lines += 1
                used = 0
            while size > capacity:  # a word longer than the column breaks anywhere
                lines += 1
                size -= capacity
            used += (1 if used else 0) + size
    return max(lines, 1)


def fit_row_heights(
    ws: Worksheet,
    first_row: int,
    last_row: int,
    *,
    line_height: float = 15.0,
    max_lines: int = 30,
) -> None:
    """Give rows with wrapped text the height their text needs.

    Neither Excel nor LibreOffice re-measures rows of a generated file when it opens it, so
    without this long texts overlap the next row. Only cells whose alignment wraps count;
    merged cells are measured against the merged width.
    """
    widths: dict[int, float] = {}
    merged: dict[tuple[int, int], int] = {}
    for rng in ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = rng.max_col
    for row in ws.iter_rows(min_row=first_row, max_row=last_row):
        lines = 1
        for cell in row:
            value = cell.value
            if not isinstance(value, str) or not cell.alignment.wrap_text:
                continue
            last_col = merged.get((cell.row, cell.column), cell.column)
            width = 0.0
            for col in range(cell.column, last_col + 1):
                if col not in widths:
                    dim = ws.column_dimensions.get(get_column_letter(col))
                    widths[col] = dim.width if dim is not None and dim.width else 8.43
                width += widths[col]
            lines = max(lines, text_lines(value, width))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = min(lines, max_lines) * line_height


def add_table(
    ws: Worksheet, name: str, ref: str, *, style: str = "TableStyleLight9", banded: bool = True
) -> Table:
    """An Excel table (ListObject) with autofilter over ``ref`` (header row first).

    Header cells must be unique texts; the table needs at least one data row.
    """
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(
        name=style, showFirstColumn=False, showLastColumn=False, showRowStripes=banded
    )
    ws.add_table(table)
    return table


def add_list_validation(
    ws: Worksheet,
    sqref: str,
    source: str | Iterable[str],
    *,
    strict: bool = True,
    title: str = "",
    prompt: str = "",
    error: str = "",
) -> DataValidation:
    """A drop-down list on ``sqref``.

    ``source`` is a range formula (``'Lister'!$A$2:$A$6``) or the values themselves (kept
    short: Excel limits an inline list to 255 characters). With ``strict=False`` the list is a
    suggestion: other text (e.g. several ids separated by commas) is allowed.
    """
    formula = source if isinstance(source, str) else '"' + ",".join(source) + '"'
    if not formula.startswith('"') and not formula.startswith("="):
        formula = "=" + formula
    dv = DataValidation(
        type="list",
        formula1=formula.removeprefix("="),
        allow_blank=True,
        showDropDown=False,  # (sic) False *shows* the arrow in Excel
        showErrorMessage=strict,
        showInputMessage=bool(prompt),
        errorStyle="stop",
    )
    if title:
        dv.promptTitle = title[:32]
        dv.errorTitle = title[:32]
    if prompt:
        dv.prompt = prompt[:255]
    if error:
        dv.error = error[:255]
    dv.add(sqref)
    ws.add_data_validation(dv)
    return dv


def add_number_validation(
    ws: Worksheet,
    sqref: str,
    *,
    minimum: int = 0,
    kind: str = "whole",
    error: str = "",
    style: str = "stop",
) -> DataValidation:
    """Only numbers ≥ ``minimum`` (``kind`` «whole» or «decimal»). ``style`` «warning» lets
    the clerk keep other text after reading ``error`` (an «anslag 400000» amount)."""
    dv = DataValidation(
        type=kind,
        operator="greaterThanOrEqual",
        formula1=str(minimum),
        allow_blank=True,
        showErrorMessage=True,
        errorStyle=style,
    )
    if error:
        dv.error = error[:255]
    dv.add(sqref)
    ws.add_data_validation(dv)
    return dv


# -- printing --------------------------------------------------------------------------------


def hf_escape(text: str) -> str:
    """Text for a page header/footer: «&» is a control character there and must be doubled."""
    return plain(text).replace("&", "&&")


def setup_print(
    ws: Worksheet,
    *,
    landscape: bool = True,
    fit_width: bool = True,
    title_rows: str | None = None,
    header: tuple[str, str, str] = ("", "", ""),
    footer: tuple[str, str, str] = ("", "", ""),
    page_label: tuple[str, str] = ("Side", "av"),
    paper_a4: bool = True,
) -> None:
    """Print-ready: orientation, fit to one page wide, repeated header rows, header/footer.

    ``header``/``footer`` are plain texts (left, centre, right); «&» is escaped. When the
    footer's right part is empty it gets «Side &P av &N» (``page_label`` in the document's
    language).
    """
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if paper_a4:
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if fit_width:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    left, centre, right = (hf_escape(t) for t in header)
    ws.oddHeader.left.text = left or None
    ws.oddHeader.center.text = centre or None
    ws.oddHeader.right.text = right or None
    f_left, f_centre, f_right = (hf_escape(t) for t in footer)
    ws.oddFooter.left.text = f_left or None
    ws.oddFooter.center.text = f_centre or None
    ws.oddFooter.right.text = f_right or f"{page_label[0]} &P {page_label[1]} &N"
    for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right):
        part.size = 9
    for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.size = 9


def define_name(wb: Workbook, name: str, ref: str) -> None:
    """A workbook-level defined name (``ref`` like ``'Lister'!$A$2:$A$6``)."""
    wb.defined_names[name] = DefinedName(name, attr_text=ref)


# -- saving ----------------------------------------------------------------------------------


class _IdentityIndex(IndexedList):  # type: ignore[misc]
    """openpyxl's per-workbook style list, answering a repeated style *object* by identity.

    Every ``cell.font = BOLD`` makes openpyxl hash the Font (a recursive walk over all its
    fields) to find its index: a third of a workbook's render time. Assigning the same
    constant again is answered from ``id()`` here; a new but equal object still goes through
    the hash. Style objects must not be changed after first use (openpyxl treats them as
    immutable too: cells hand out read-only proxies).
    """

    def __init__(self, iterable: Iterable[Any] | None = None) -> None:
        super().__init__(iterable)
        self._by_identity: dict[int, tuple[Any, int]] = {}

    def add(self, value: Any) -> int:
        known = self._by_identity.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        index: int = super().add(value)
        self._by_identity[id(value)] = (value, index)  # holds value: its id stays unique
        return index


_STYLE_LISTS = ("_fonts", "_fills", "_borders", "_alignments", "_protections")


def new_workbook() -> Workbook:
    """An empty workbook whose first sheet is still there (rename or remove it); repeated
    style constants are assigned at the cost of a dict lookup (see ``_IdentityIndex``)."""
    wb = Workbook()
    for name in _STYLE_LISTS:
        current = getattr(wb, name, None)
        if type(current) is IndexedList:  # openpyxl internals: left alone if they change
            setattr(wb, name, _IdentityIndex(current))
    return wb


def workbook_bytes(
    wb: Workbook,
    *,
    date: dt.date,
    title: str,
    creator: str = "omradedok",
    subject: str = "",
    language: str = "nb-NO",
    keywords: str = "",
) -> bytes:
    """Serialise ``wb`` reproducibly: package dates pinned to ``date``, zip normalised."""
    moment = dt.datetime(date.year, date.month, date.day)
    props = wb.properties
    props.created = moment
    props.modified = moment
    props.creator = plain(creator)
    props.lastModifiedBy = plain(creator)
    props.title = plain(title)
    props.subject = plain(subject) or None
    props.language = language
    props.keywords = plain(keywords) or None
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook would stamp «modified» with the clock.
    # stored: normalize_zip compresses each entry once, with fixed timestamps
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    parts = {
        ws.path.lstrip("/"): getattr(ws, _CACHED)
        for ws in wb.worksheets
        if getattr(ws, _CACHED, None)
    }
    if parts:
        # openpyxl writes every formula with an empty result; fill in the ones we know
        patched = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
            zipfile.ZipFile(patched, "w", zipfile.ZIP_STORED, allowZip64=True) as target,
        ):
            for info in source.infolist():
                data = source.read(info)
                if info.filename in parts:
                    data = _with_cached_values(data.decode("utf-8"), parts[info.filename]).encode()
                target.writestr(info, data)
        buffer = patched
    return normalize_zip(buffer.getvalue())


__all__ = [
    "BODY_FONT",
    "BOLD",
    "BOX",
    "DATE_FORMAT",
    "EXCEL_MAX_INT",
    "EXCEL_MAX_TEXT",
    "FONT_NAME",
    "FORMULA_TRIGGERS",
    "HEADER_FONT",
    "INTEGER_FORMAT",
    "MONEY_FORMAT",
    "NUMBER_FORMAT",
    "SMALL_FONT",
    "SUBTITLE_FONT",
    "TEXT_FORMAT",
    "TITLE_FONT",
    "TOP",
    "WRAP_TOP",
    "absolute",
    "add_list_validation",
    "add_number_validation",
    "add_table",
    "argb",
    "column_style",
    "copy_style",
    "define_name",
    "excel_text",
    "fill",
    "fit_row_heights",
    "header_row",
    "hf_escape",
    "new_workbook",
    "put",
    "put_formula",
    "quote_sheet",
    "set_widths",
    "setup_print",
    "text_from_excel",
    "text_lines",
    "tint",
    "title_rows",
]
