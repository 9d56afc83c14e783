"""Input workbook → plain model data, remembering the cell every value came from.

Problems the workbook itself has (a missing sheet or column, text in a money cell, an unknown
Norwegian label, a child row whose parent id does not exist) are reported here, each with its
«Ark!Celle». Everything else – required fields, formats, references – is the model's and the
checks' job; :func:`locate` lets their messages point at the same cells.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from pydantic import ValidationError

from ..errors import InputError, PathPart, Problem
from ..model import Initiative, Language
from ..model.when import When
from .limits import too_large_message
from .partial import field_problems, reference_problems_despite
from .workbook_guard import SheetScan, WorkbookRefused, cell_problem, check_archive, scan_sheet
from .workbook_layout import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    INSTRUCTIONS_NAME,
    SHEETS,
    TABLE_BY_KEY,
    FormField,
    FormSheet,
    Label,
    TableSheet,
)
from .workbook_values import MISSING, Kind, from_cell, is_empty

ModelPath = tuple[PathPart, ...]
Locate = Callable[[ModelPath], str]

_HEADER_SCAN = 10
"""How far down a sheet the header row is looked for (a clerk may insert a row above)."""


def _norm(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _both(label: Label) -> set[str]:
    return {_norm(label[0]), _norm(label[1])}


def _cell(row: Sequence[Any], index: int) -> Any:
    return row[index] if index < len(row) else None


class WorkbookReader:
    """Reads one workbook; ``data``, ``problems`` and ``locate`` are the result."""

    def __init__(self, wb: Workbook, name: str) -> None:
        self.wb = wb
        self.name = name
        self.data: dict[str, Any] = {}
        self.problems: list[Problem] = []
        self.bad_cells: set[str] = set()
        self.cells: dict[ModelPath, str] = {}
        self.ids: dict[str, dict[str, list[tuple[ModelPath, dict[str, Any]]]]] = {}
        self.flags: list[tuple[tuple[str, ...], bool, str]] = []
        self.sheets = {_norm(title): title for title in wb.sheetnames}
        nn_names = {_norm(s.name[1]) for s in SHEETS if s.name[0] != s.name[1]}
        nn_names.add(_norm(INSTRUCTIONS_NAME[1]))
        self.language = Language.NN if nn_names & set(self.sheets) else Language.NB
        self.default_location = "Satsing!A1"
        self.scans: dict[str, SheetScan] = {}

    # -- bookkeeping -----------------------------------------------------------------------

    def problem(self, where: str, message: str, path: ModelPath = ()) -> None:
        self.problems.append(Problem("error", message, path, where, "E-XLSX-001"))
        self.bad_cells.add(where)

    def register(self, path: ModelPath, where: str) -> None:
        """Remember the cell of ``path`` (and of its enclosing objects, if not known yet)."""
        for end in range(len(path), 0, -1):
            self.cells.setdefault(path[:end], where)

    def locate(self, path: ModelPath) -> str:
        current = tuple(path)
        while current:
            where = self.cells.get(current)
            if where is not None:
                return where
            current = current[:-1]
        return self.default_location

    def convert(self, kind: Kind, raw: Any, where: str, enum: Any = None) -> Any:
        try:
            value = from_cell(kind, raw, self.language, enum)
        except ValueError as exc:
            self.problem(where, str(exc))
            return MISSING
        if value is MISSING:
            title, _, cell = where.rpartition("!")
            hidden = cell_problem(self.scans.get(title), title, cell, self.name)
            if hidden:
                self.problem(where, hidden)
        return value

    def scan(self) -> None:
        """Look at each sheet's XML once before its rows are read (see workbook_guard)."""
        archive = getattr(self.wb, "_archive", None)
        for title in self.wb.sheetnames:
            part = getattr(self.wb[title], "_worksheet_path", None)
            if archive is None or part is None:
                continue
            try:
                self.scans[title] = scan_sheet(archive.read(part), title)
            except WorkbookRefused as exc:
                self.problem(f"{title}!A1", str(exc))
            except (KeyError, OSError, zipfile.BadZipFile, EOFError) as exc:
                self.problem(
                    f"{title}!A1",
                    f"arket kan ikke leses ({type(exc).__name__}); lagre arbeidsboken på nytt fra Excel",
                )

    # -- the workbook ----------------------------------------------------------------------

    def read(self) -> None:
        self.scan()
        for sheet in SHEETS:
            title = self.sheets.get(_norm(sheet.name[0])) or self.sheets.get(_norm(sheet.name[1]))
            if title is None:
                self.problem(
                    self.name,
                    f"arket «{sheet.name[0]}» mangler; lag en ny arbeidsbok med "
                    "«omradedok excel-template» og flytt dataene over",
                )
                continue
            if sheet.key == "initiative":
                self.default_location = f"{title}!A1"
            rows = self._rows(title)
            if isinstance(sheet, FormSheet):
                self._read_form(sheet, title, rows)
            else:
                self._read_table(sheet, title, rows)
        self._apply_flags()

    def _rows(self, title: str) -> list[tuple[Any, ...]]:
        ws = self.wb[title]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # read-only sheets trust the file's (sometimes wrong) size
        scan = self.scans.get(title)
        if scan is not None and scan.last_row == 0:
            return []
        last = scan.last_row if scan is not None else None  # formatted rows below: not read
        return [tuple(r) for r in ws.iter_rows(values_only=True, max_row=last)]

    def _header_row(self, title: str, rows: list[tuple[Any, ...]], first: Label) -> int | None:
        wanted = _both(first)
        for index, row in enumerate(rows[:_HEADER_SCAN]):
            if _norm(_cell(row, 0)) in wanted:
                return index
        self.problem(
            f"{title}!A{HEADER_ROW}",
            f"fant ikke overskriftsraden (første kolonne «{first[0]}»); ikke slett eller endre "
            "overskriftene",
        )
        return None

    # -- form sheets -----------------------------------------------------------------------

    def _read_form(self, sheet: FormSheet, title: str, rows: list[tuple[Any, ...]]) -> None:
        header = self._header_row(title, rows, ("Felt", "Felt"))
        if header is None:
            return
        sections = {label: s for s in sheet.sections for label in _both(s.label)}
        fields: dict[tuple[str, str], FormField] = {}
        for section in sheet.sections:
            for fld in section.fields:
                for section_label in _both(section.label):
                    for label in _both(fld.label):
                        fields[(section_label, label)] = fld
        seen: set[tuple[str, ...]] = set()
        current = ""
        for index in range(header + 1, len(rows)):
            row, number = rows[index], index + 1
            label = _norm(_cell(row, 0))
            if not label:
                continue
            if label in sections:
                current = label
                if sections[label].path:
                    self.register(sections[label].path, f"{title}!A{number}")
                continue
            found = fields.get((current, label))
            if found is None:
                continue
            seen.add(found.path)
            where = f"{title}!B{number}"
            self.register(found.path, where)
            value = self.convert(found.kind, _cell(row, 1), where, found.enum)
            if value is MISSING:
                continue
            if found.kind is Kind.FLAG:
                self.flags.append((found.path, bool(value), where))
            else:
                _set(self.data, found.path, value)
        for section in sheet.sections:
            if section.required and _get(self.data, section.path) is None:
                _set(self.data, section.path, {})
            for fld in section.fields:
                if fld.path not in seen:
                    self.problem(
                        f"{title}!A{len(rows) + 1}",
                        f"raden «{fld.label[0]}» ({section.label[0]}) mangler i kolonne A; "
                        "ikke slett eller endre radene i skjemaet",
                    )

    # -- table sheets ----------------------------------------------------------------------

    def _read_table(self, sheet: TableSheet, title: str, rows: list[tuple[Any, ...]]) -> None:
        header = self._header_row(title, rows, sheet.columns[0].label)
        if header is None:
            return
        header_number = header + 1
        found = {_norm(v): i for i, v in enumerate(rows[header]) if not is_empty(v)}
        columns: list[int] = []
        for index, column in enumerate(sheet.columns):
            position = next((found[x] for x in _both(column.label) if x in found), None)
            if position is None and column.kind is not Kind.FORMULA:
                self.problem(
                    f"{title}!{get_column_letter(index + 1)}{header_number}",
                    f"kolonnen «{column.label[0]}» mangler i overskriftsraden; ikke slett eller "
                    "endre overskriftene",
                )
                return
            columns.append(-1 if position is None else position)
        if sheet.collection and not sheet.parents:
            self.register(sheet.collection, f"{title}!A{header_number}")
        for index in range(header + 1, len(rows)):
            row = rows[index]
            values = [
                None if pos < 0 or col.kind is Kind.FORMULA else _cell(row, pos)
                for col, pos in zip(sheet.columns, columns, strict=True)
            ]
            if all(is_empty(v) for v in values):
                continue
            self._read_row(sheet, title, index + 1, values, columns)

    def _where(self, title: str, number: int, position: int) -> str:
        return f"{title}!{get_column_letter(position + 1)}{number}"

    def _read_row(
        self, sheet: TableSheet, title: str, number: int, values: list[Any], columns: list[int]
    ) -> None:
        container = self._container(sheet, title, number, values, columns)
        if container is None:
            return
        items, base = container
        path: ModelPath = (*base, len(items))
        if sheet.scalar_items:
            text_index = next(i for i, c in enumerate(sheet.columns) if c.kind is Kind.TEXT)
            where = self._where(title, number, columns[text_index])
            self.register(path, where)
            value = self.convert(Kind.TEXT, values[text_index], where)
            items.append("" if value is MISSING else value)
            return
        self.register(path, f"{title}!{get_column_letter(columns[0] + 1)}{number}")
        obj: dict[str, Any] = {}
        for column, position, raw in zip(sheet.columns, columns, values, strict=True):
            if not column.key or column.kind is Kind.FORMULA:
                continue
            where = self._where(title, number, position)
            key_path = tuple(column.key.split("."))
            self.register((*path, *key_path), where)
            value = self.convert(column.kind, raw, where, column.enum)
            if value is not MISSING:
                _set(obj, key_path, value)
        items.append(obj)
        if sheet.id_key and isinstance(obj.get(sheet.id_key), str):
            self.ids.setdefault(sheet.key, {}).setdefault(obj[sheet.id_key], []).append((path, obj))

    def _container(
        self, sheet: TableSheet, title: str, number: int, values: list[Any], columns: list[int]
    ) -> tuple[list[Any], ModelPath] | None:
        """The list a row goes into, and that list's model path."""
        collection: tuple[str, ...] = sheet.collection
        owners: tuple[str, ...] = sheet.parents
        if sheet.targets:
            index = next(i for i, c in enumerate(sheet.columns) if c.kind is Kind.CHOICE)
            where = self._where(title, number, columns[index])
            chosen = _norm(values[index])
            target = next((t for t in sheet.targets if chosen in _both(t.label)), None)
            if target is None:
                choices = ", ".join(t.label[0] for t in sheet.targets)
                shown = "" if values[index] is None else str(values[index]).strip()
                self.problem(where, f"ukjent liste «{shown}»; velg en av: {choices}")
                return None
            collection = target.collection
            owners = (target.owner,) if target.owner else ()
        if not owners:
            return _list_at(self.data, collection), collection
        index = next(i for i, c in enumerate(sheet.columns) if c.kind is Kind.PARENT)
        where = self._where(title, number, columns[index])
        parent_id = self.convert(Kind.PARENT, values[index], where)
        names = " eller ".join(TABLE_BY_KEY[k].name[0].lower() for k in owners)
        if parent_id is MISSING:
            self.problem(where, f"raden mangler id for {names} den hører til; fyll ut kolonnen")
            return None
        for key in owners:
            hits = self.ids.get(key, {}).get(parent_id)
            if hits and sheet.parent_by_year:
                hits = self._by_year(sheet, title, number, values, columns, parent_id, hits)
                if hits is None:
                    return None
            if hits:
                parent_path, parent = hits[0]
                return _list_at(parent, collection), (*parent_path, *collection)
        known = sorted({i for k in owners for i in self.ids.get(k, {})})
        listing = ", ".join(known[:12]) or "ingen er fylt ut"
        self.problem(where, f"ukjent {names} «{parent_id}»; kjente id-er: {listing}")
        return None

    def _by_year(
        self,
        sheet: TableSheet,
        title: str,
        number: int,
        values: list[Any],
        columns: list[int],
        parent_id: str,
        hits: list[tuple[ModelPath, dict[str, Any]]],
    ) -> list[tuple[ModelPath, dict[str, Any]]] | None:
        """Of several activities with one nr (one per year's plan), the one that runs in the
        row's year."""
        index = next(i for i, c in enumerate(sheet.columns) if c.key == "year")
        where = self._where(title, number, columns[index])
        try:
            year = from_cell(Kind.INT, values[index], self.language)
        except ValueError:
            year = MISSING
        if not isinstance(year, int):
            return hits[:1]  # the year cell's own problem is reported with the row
        found = [hit for hit in hits if year in _raw_years(hit[1])]
        if len(found) == 1:
            return found
        if len(hits) == 1:
            years = sorted(_raw_years(hits[0][1]))
            if not years:
                return hits  # its time is wrong itself: that is reported on Aktiviteter
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
            self.problem(
                where,
                f"aktivitet «{parent_id}» går i {span}, ikke i {year}; skriv et år aktiviteten "
                "går i, eller rett Start og Slutt på aktiviteten",
            )
            return None
        plans = ", ".join(str(y) for hit in hits for y in sorted(_raw_years(hit[1]))[:1])
        if not found:
            self.problem(
                where,
                f"aktivitet «{parent_id}» finnes i flere år ({plans}), men ingen av dem går i "
                f"året i denne raden; skriv et år aktiviteten går i",
            )
        else:
            self.problem(
                where,
                f"flere aktiviteter med nr «{parent_id}» går i {year}; gi dem ulike nr på arket "
                f"{self.sheets.get(_norm(TABLE_BY_KEY['activities'].name[0]), 'Aktiviteter')}",
            )
        return None

    # -- optional parts --------------------------------------------------------------------

    def _apply_flags(self) -> None:
        for path, included, where in self.flags:
            present = _get(self.data, path) is not None
            if included and not present:
                _set(self.data, path, {})
            elif not included and present:
                self.problem(
                    where,
                    "her står «Nei», men denne delen av planen er fylt ut på andre ark; "
                    "velg «Ja» eller fjern de utfylte radene",
                    path,
                )

    # -- the result ------------------------------------------------------------------------

    def model_problems(self) -> list[Problem]:
        """The model's own errors and the reference checks' errors, for reporting together
        with the workbook's (none repeated for a cell that already has a problem)."""
        from ..checks import validate

        try:
            model = Initiative.model_validate(self.data)
        except ValidationError as exc:
            found = field_problems(exc, self.locate)
            found += reference_problems_despite(self.data, exc, self.locate)
            return [p for p in found if p.location not in self.bad_cells]
        return [
            p.located(self.locate(p.path))
            for p in validate(model).errors
            if self.locate(p.path) not in self.bad_cells
        ]


def _raw_years(obj: dict[str, Any]) -> set[int]:
    """The years an activity row runs in, from its raw year, start and end cells."""
    known: list[int] = []
    for key in ("year", "start", "end"):
        value = obj.get(key)
        if value is None:
            continue
        try:
            known.append(When.parse(value).year)
        except ValueError:
            continue
    return set(range(min(known), max(known) + 1)) if known else set()


def _get(obj: Any, path: Sequence[str]) -> Any:
    for part in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def _set(obj: dict[str, Any], path: Sequence[str], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


def _list_at(obj: dict[str, Any], path: Sequence[str]) -> list[Any]:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    items: list[Any] = obj.setdefault(path[-1], [])
    return items


def _refused(name: str, message: str, code: str = "E-XLSX-002") -> InputError:
    return InputError(name, [Problem("error", message, (), name, code)])


def open_workbook(path: Path | bytes, name: str = "") -> Workbook:
    """Open for reading (values, not formulas), or raise InputError saying why not.

    The size and the zip archive are checked first (see workbook_guard): openpyxl would
    inflate a zip bomb or parse a million formatted rows before anything could stop it.
    """
    name = name or str(path)
    if isinstance(path, Path):
        if not path.exists():
            raise _refused(name, "filen finnes ikke; sjekk navnet og mappen", "E-FIL-001")
        if path.is_dir():
            raise _refused(name, "dette er en mappe, ikke en fil", "E-FIL-001")
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise _refused(
                name, f"filen kan ikke leses ({exc.strerror}); sjekk tilgangen", "E-FIL-001"
            ) from None
    else:
        size = len(path)
    too_large = too_large_message(size)
    if too_large:
        raise _refused(name, too_large, "E-FIL-002")
    source: Path | io.BytesIO = path if isinstance(path, Path) else io.BytesIO(path)
    try:
        with zipfile.ZipFile(source) as archive:
            check_archive(archive)
        if isinstance(source, io.BytesIO):
            source.seek(0)
        return load_workbook(source, read_only=True, data_only=True)
    except WorkbookRefused as exc:
        raise _refused(name, str(exc)) from None
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        TypeError,
        OSError,
        EOFError,
        zipfile.LargeZipFile,
        NotImplementedError,
    ) as exc:
        raise _refused(
            name,
            "filen kan ikke leses som en Excel-arbeidsbok (.xlsx); lagre den på nytt fra "
            f"Excel som «Excel-arbeidsbok» ({type(exc).__name__})",
        ) from None


def read_workbook(path: str | Path | bytes, name: str = "") -> tuple[dict[str, Any], Locate]:
    """Read an input workbook into plain model data and a ``locate`` for its cells.

    Raises InputError listing every problem (workbook and model alike) with «Ark!Celle»
    when the workbook cannot be turned into data.
    """
    source = path if isinstance(path, bytes) else Path(path)
    name = name or str(source)
    wb = open_workbook(source, name)
    try:
        reader = WorkbookReader(wb, name)
        reader.read()
    finally:
        wb.close()
    if reader.problems:
        raise InputError(name, [*reader.problems, *reader.model_problems()])
    return reader.data, reader.locate


__all__ = ["FIRST_DATA_ROW", "Locate", "WorkbookReader", "open_workbook", "read_workbook"]
