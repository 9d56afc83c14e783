"""What a workbook holds, checked before openpyxl reads it: size, zip bombs, used rows,
formulas without a stored result, merged cells.

openpyxl parses every ``<row>`` of a sheet, also a million empty ones that only carry a
format (validate took minutes), and with ``data_only`` a formula that no program has
calculated reads as an empty cell (80 000 kr vanished silently). One pass over each sheet's
XML finds the last row with a value, the formulas without a value and the merged ranges,
so the reader stops where the data stops and can name those cells.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from .limits import max_input_bytes

MAX_ROWS = 100_000
"""Rows with data on one sheet; a plan has a few hundred."""
MAX_MERGED_CELLS = 100_000
BOMB_RATIO = 200
"""A part that inflates more than this (and beyond 50 MB) is a zip bomb, not a workbook."""
_BOMB_MIN = 50 * 1024 * 1024

_VALUE_TAGS = (b"<v>", b"<v ", b"<is>", b"<f>", b"<f ")
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_FORMULA = re.compile(rb"<f[\s>/]")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3}[0-9]+)"')
_HAS_VALUE = re.compile(rb"<v>[^<]|<v\s[^>]*>[^<]")
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+)"')


class WorkbookRefused(Exception):
    """The file is not a workbook omradedok will open; the message says why in Norwegian."""


@dataclass
class SheetScan:
    """What one sheet's XML holds beyond its values."""

    last_row: int | None = None
    """The last row with a value or formula (None: not known, read everything)."""
    formulas_without_value: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)
    """Cell → its merged range, for every cell of a range but the top-left one."""


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs: parts that inflate far beyond the file, or too much in total."""
    limit = max(10 * max_input_bytes(), 200 * 1024 * 1024)
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _BOMB_MIN and ratio > BOMB_RATIO:
            raise WorkbookRefused(
                f"delen «{info.filename}» pakkes ut til {info.file_size / 1024 / 1024:.0f} MB "
                f"({ratio:.0f} ganger større enn i filen); det er ikke en vanlig arbeidsbok – "
                "lagre den på nytt fra Excel eller lag en ny med «omradedok excel-template»"
            )
    if total > limit:
        raise WorkbookRefused(
            f"arbeidsboken pakkes ut til {total / 1024 / 1024:.0f} MB; høyst "
            f"{limit / 1024 / 1024:.0f} MB er tillatt – er det riktig fil?"
        )


def scan_sheet(xml: bytes, title: str) -> SheetScan:
    """Last used row, formulas without a stored result, merged cells of one sheet."""
    scan = SheetScan()
    last = max(xml.rfind(tag) for tag in _VALUE_TAGS)
    if last < 0:
        scan.last_row = 0
    else:
        row_start = xml.rfind(b"<row", 0, last)
        match = _ROW_NUMBER.match(xml, row_start) if row_start >= 0 else None
        scan.last_row = int(match.group(1)) if match else None
    if scan.last_row is not None and scan.last_row > MAX_ROWS:
        raise WorkbookRefused(
            f"arket «{title}» har data i rad {scan.last_row}; høyst {MAX_ROWS} rader leses – "
            "slett radene under tabellen"
        )
    for found in _FORMULA.finditer(xml):
        start = xml.rfind(b"<c ", 0, found.start())
        end = xml.find(b"</c>", found.start())
        if start < 0 or end < 0:
            continue
        cell = xml[start:end]
        if not _HAS_VALUE.search(cell):
            ref = _CELL_REF.search(cell)
            if ref:
                scan.formulas_without_value.add(ref.group(1).decode())
    for found in _MERGE.finditer(xml):
        span = found.group(1).decode()
        min_col, min_row, max_col, max_row = range_boundaries(span)
        assert min_col and min_row and max_col and max_row
        if (max_col - min_col + 1) * (max_row - min_row + 1) + len(scan.merged) > MAX_MERGED_CELLS:
            raise WorkbookRefused(
                f"arket «{title}» har sammenslåtte celler over mer enn {MAX_MERGED_CELLS} celler "
                f"({span}); del opp sammenslåingen"
            )
        for row in range(min_row, max_row + 1):
            for col in range(min_col, max_col + 1):
                if (row, col) != (min_row, min_col):
                    scan.merged[f"{get_column_letter(col)}{row}"] = span
    return scan


def cell_problem(scan: SheetScan | None, title: str, cell: str, workbook: str) -> str | None:
    """The message for an empty-looking cell that is really a formula or a merged cell."""
    if scan is None:
        return None
    if cell in scan.formulas_without_value:
        return (
            f"cellen {title}!{cell} i {workbook} har en formel uten lagret resultat (filen er "
            "laget av et program som ikke regner ut formler); åpne og lagre filen i Excel eller "
            "LibreOffice, eller skriv verdien inn i stedet for formelen"
        )
    merged = scan.merged.get(cell)
    if merged is not None:
        return (
            f"cellen er en del av de sammenslåtte cellene {merged}, og bare den første av dem "
            "har en verdi; opphev sammenslåingen og fyll ut hver celle"
        )
    return None


__all__ = [
    "MAX_ROWS",
    "SheetScan",
    "WorkbookRefused",
    "cell_problem",
    "check_archive",
    "scan_sheet",
]
