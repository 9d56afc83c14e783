"""Model → input workbook: every sheet of the layout, filled (export) or blank (template)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..locale import enum_choices
from ..model import Initiative, Language
from ..render import xlsx
from ..render.xlsx import DATE_FORMAT, TEXT_FORMAT
from .workbook_guide import write_instructions
from .workbook_layout import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    LIST_COLUMNS,
    LISTS_NAME,
    SHEETS,
    TABLE_BY_KEY,
    FormSheet,
    Label,
    TableSheet,
    list_title,
)
from .workbook_values import Kind, in_language, number_format, to_cell

VALIDATION_MARGIN = 500
"""Rows below the last filled row that still get drop-downs and number checks."""
MIN_VALIDATED_ROWS = 300
FORM_HEADERS = (("Felt", "Felt"), ("Verdi", "Verdi"), ("Forklaring", "Forklaring"))
DEFAULT_COLOR = "#1F4E79"


@dataclass(frozen=True)
class Entry:
    """One row of a table sheet: the object, where it sits in the model, and its parent."""

    path: tuple[str | int, ...]
    obj: Any
    parent_id: str | None = None
    target: int | None = None


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def _sort_key(path: tuple[str | int, ...]) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


def table_entries(
    sheet: TableSheet, data: dict[str, Any], cache: dict[str, list[Entry]] | None = None
) -> list[Entry]:
    """The rows of ``sheet`` for model data (``Initiative.model_dump()``), in model order."""
    cache = {} if cache is None else cache
    if sheet.key in cache:
        return cache[sheet.key]
    entries: list[Entry] = []
    if sheet.targets:
        for index, target in enumerate(sheet.targets):
            if target.owner:
                owner = TABLE_BY_KEY[target.owner]
                for o in table_entries(owner, data, cache):
                    items = _get(o.obj, target.collection) or []
                    owner_id = str(o.obj[owner.id_key])
                    entries += [
                        Entry((*o.path, *target.collection, i), item, owner_id, index)
                        for i, item in enumerate(items)
                    ]
            else:
                items = _get(data, target.collection) or []
                entries += [
                    Entry((*target.collection, i), item, None, index)
                    for i, item in enumerate(items)
                ]
    elif sheet.parents:
        parents: list[tuple[Entry, TableSheet]] = []
        for key in sheet.parents:
            parent_sheet = TABLE_BY_KEY[key]
            parents += [(p, parent_sheet) for p in table_entries(parent_sheet, data, cache)]
        parents.sort(key=lambda pair: _sort_key(pair[0].path))
        for p, parent_sheet in parents:
            items = _get(p.obj, sheet.collection) or []
            parent_id = str(p.obj[parent_sheet.id_key])
            entries += [
                Entry((*p.path, *sheet.collection, i), item, parent_id)
                for i, item in enumerate(items)
            ]
    else:
        items = _get(data, sheet.collection) or []
        entries = [Entry((*sheet.collection, i), item) for i, item in enumerate(items)]
    cache[sheet.key] = entries
    return entries


class _Writer:
    def __init__(self, model: Initiative | None, language: Language) -> None:
        self.model = model
        self.language = language
        self.data: dict[str, Any] = model.model_dump() if model is not None else {}
        self.color = model.municipality.profile.primary_color if model else DEFAULT_COLOR
        self.section_fill = xlsx.fill(xlsx.tint(self.color, 0.8))
        self.entries: dict[str, list[Entry]] = {}
        for sheet in SHEETS:
            if isinstance(sheet, TableSheet):
                table_entries(sheet, self.data, self.entries)
        self.list_refs: dict[str, str] = {}
        self.wb = xlsx.new_workbook()

    def name(self, label: Label) -> str:
        return in_language(self.language, label)

    @property
    def title(self) -> str:
        return workbook_title(self.model, self.language)

    def header(self, sheet_name: str) -> tuple[str, str, str]:
        if self.model is None:
            return ("", self.title, sheet_name)
        return (self.model.municipality.name, self.title, sheet_name)

    def validated_last(self, key: str) -> int:
        rows = len(self.entries.get(key, []))
        return FIRST_DATA_ROW + max(rows + VALIDATION_MARGIN, MIN_VALIDATED_ROWS)

    # -- workbook --------------------------------------------------------------------------

    def build(self) -> Workbook:
        wb = self.wb
        default = wb.active
        instructions = wb.create_sheet(self.name(("Veiledning", "Rettleiing")))
        lists = wb.create_sheet(self.name(LISTS_NAME))
        self._write_lists(lists)
        for sheet in SHEETS:
            if isinstance(sheet, FormSheet):
                self._write_form(sheet)
            else:
                self._write_table(sheet)
        wb.move_sheet(lists, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(lists.title))
        wb.remove(default)
        write_instructions(instructions, self.language, self.color)
        wb.active = 0
        return wb

    def _write_lists(self, ws: Worksheet) -> None:
        xlsx.put(
            ws.cell(1, 1), self.name(("Lister til nedtrekksmenyene", "Lister til nedtrekksmenyane"))
        )
        ws.cell(1, 1).font = xlsx.TITLE_FONT
        headers = [self.name(list_title(c)) for c in LIST_COLUMNS]
        xlsx.header_row(ws, 2, headers, color=self.color)
        for col, column in enumerate(LIST_COLUMNS, 1):
            if column.enum is not None:
                values = enum_choices(column.enum, self.language)
            else:
                values = [self.name(v) for v in column.values]
            for row, value in enumerate(values, 3):
                xlsx.put(ws.cell(row, col), value)
            self.list_refs[column.key] = xlsx.absolute(ws.title, col, 3, 2 + len(values))
            ws.column_dimensions[get_column_letter(col)].width = 26
        ws.freeze_panes = "A3"
        xlsx.setup_print(ws, title_rows="2:2", header=self.header(ws.title))

    # -- forms -----------------------------------------------------------------------------

    def _write_form(self, sheet: FormSheet) -> None:
        ws = self.wb.create_sheet(self.name(sheet.name))
        xlsx.title_rows(ws, self.name(sheet.name), self.name(sheet.intro))
        xlsx.header_row(ws, HEADER_ROW, [self.name(h) for h in FORM_HEADERS], color=self.color)
        row = FIRST_DATA_ROW
        for section in sheet.sections:
            for col in (1, 2, 3):
                ws.cell(row, col).fill = self.section_fill
            xlsx.put(ws.cell(row, 1), self.name(section.label)).font = xlsx.BOLD
            row += 1
            for fld in section.fields:
                xlsx.put(ws.cell(row, 1), self.name(fld.label)).alignment = xlsx.TOP
                value = _get(self.data, fld.path)
                if fld.kind is Kind.FLAG:
                    cell_value = (
                        to_cell(Kind.FLAG, value is not None, self.language) if self.model else None
                    )
                else:
                    cell_value = to_cell(fld.kind, value, self.language, fld.enum)
                cell = xlsx.put(
                    ws.cell(row, 2),
                    cell_value,
                    number_format=_when_format(cell_value)
                    if fld.kind is Kind.WHEN
                    else number_format(fld.kind),
                    where=f"{ws.title}!B{row} ({self.name(fld.label)})",
                    marks=True,
                )
                cell.alignment = xlsx.WRAP_TOP
                help_cell = xlsx.put(ws.cell(row, 3), self.name(fld.help) or None)
                help_cell.font = xlsx.SMALL_FONT
                help_cell.alignment = xlsx.WRAP_TOP
                self._form_validation(ws, fld.kind, fld.enum, fld.path, f"B{row}")
                row += 1
        xlsx.set_widths(ws, [30, 80, 44])
        xlsx.fit_row_heights(ws, FIRST_DATA_ROW, row)
        ws.freeze_panes = "A4"
        xlsx.setup_print(
            ws,
            landscape=True,
            title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
            header=self.header(ws.title),
        )

    def _form_validation(
        self, ws: Worksheet, kind: Kind, enum: Any, path: tuple[str, ...], ref: str
    ) -> None:
        if kind is Kind.ENUM and enum is not None:
            xlsx.add_list_validation(ws, ref, self.list_refs[enum.__name__])
        elif kind is Kind.FLAG:
            xlsx.add_list_validation(ws, ref, self.list_refs["flag"])
        elif kind is Kind.ID and path[-1].endswith("role_id"):
            roles = TABLE_BY_KEY["roles"]
            source = xlsx.absolute(
                self.name(roles.name), roles.id_column, FIRST_DATA_ROW, self.validated_last("roles")
            )
            xlsx.add_list_validation(ws, ref, source, strict=False)
        elif kind in (Kind.INT,):
            xlsx.add_number_validation(ws, ref, error=self._number_error())
        elif kind is Kind.COUNT:
            xlsx.add_number_validation(ws, ref, error=self._count_error(), style="warning")

    def _number_error(self) -> str:
        return self.name(
            ("Skriv et helt tall (uten desimaler).", "Skriv eit heilt tal (utan desimalar).")
        )

    def _count_error(self) -> str:
        return self.name(
            (
                "Skriv et helt tall. Er tallet omtrentlig, skriv «ca. 6000» eller «opp mot 6000» "
                "og velg Ja for å beholde teksten.",
                "Skriv eit heilt tal. Er talet omtrentleg, skriv «ca. 6000» eller «opp mot 6000» "
                "og vel Ja for å halde på teksten.",
            )
        )

    # -- tables ----------------------------------------------------------------------------

    def _write_table(self, sheet: TableSheet) -> None:
        ws = self.wb.create_sheet(self.name(sheet.name))
        xlsx.title_rows(ws, self.name(sheet.name), self.name(sheet.intro))
        labels = [self.name(c.label) for c in sheet.columns]
        xlsx.header_row(ws, HEADER_ROW, labels, color=self.color)
        ws.row_dimensions[HEADER_ROW].height = 32
        entries = self.entries[sheet.key]
        alignments = [xlsx.WRAP_TOP if c.wrap else xlsx.TOP for c in sheet.columns]
        formats = [number_format(c.kind) for c in sheet.columns]
        styled: list[Cell] = []  # first row's cells: later rows copy their style
        for row, entry in enumerate(entries, FIRST_DATA_ROW):
            for col, column in enumerate(sheet.columns, 1):
                cell = ws.cell(row, col)
                first = row == FIRST_DATA_ROW
                if not first:
                    xlsx.copy_style(cell, styled[col - 1])
                fmt = formats[col - 1] if first else None
                if column.kind is Kind.FORMULA:
                    assert column.formula is not None
                    xlsx.put_formula(cell, column.formula(row), number_format=fmt)
                else:
                    value = self._table_value(sheet, column, entry)
                    if column.kind is Kind.WHEN:
                        fmt = _when_format(value)
                    xlsx.put(
                        cell,
                        value,
                        number_format=fmt,
                        where=f"{ws.title}!{cell.coordinate}",
                        marks=True,
                    )
                if first:
                    cell.alignment = alignments[col - 1]
                    styled.append(cell)
        last_row = FIRST_DATA_ROW + max(len(entries), 1) - 1
        last_col = get_column_letter(len(sheet.columns))
        xlsx.add_table(ws, "tbl_" + sheet.key, f"A{HEADER_ROW}:{last_col}{last_row}")
        for col, column in enumerate(sheet.columns, 1):
            ws.column_dimensions[get_column_letter(col)].width = column.width
            xlsx.column_style(ws, col, number_format=formats[col - 1], wrap=column.wrap)
        xlsx.fit_row_heights(ws, FIRST_DATA_ROW, last_row)
        self._table_validations(ws, sheet)
        ws.freeze_panes = f"A{FIRST_DATA_ROW}"
        xlsx.setup_print(
            ws,
            landscape=sheet.landscape,
            title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
            header=self.header(ws.title),
        )

    def _table_value(self, sheet: TableSheet, column: Any, entry: Entry) -> Any:
        if column.kind is Kind.PARENT:
            return entry.parent_id
        if column.kind is Kind.CHOICE:
            assert entry.target is not None
            return self.name(sheet.targets[entry.target].label)
        if not column.key:
            return to_cell(column.kind, entry.obj, self.language)
        return to_cell(
            column.kind, _get(entry.obj, tuple(column.key.split("."))), self.language, column.enum
        )

    def _table_validations(self, ws: Worksheet, sheet: TableSheet) -> None:
        last = self.validated_last(sheet.key)
        for col, column in enumerate(sheet.columns, 1):
            letter = get_column_letter(col)
            ref = f"{letter}{FIRST_DATA_ROW}:{letter}{last}"
            if column.kind in (Kind.ENUM, Kind.ENUMS) and column.enum is not None:
                xlsx.add_list_validation(
                    ws,
                    ref,
                    self.list_refs[column.enum.__name__],
                    strict=column.kind is Kind.ENUM,
                )
            elif column.kind is Kind.CHOICE:
                xlsx.add_list_validation(ws, ref, self.list_refs[sheet.key])
            elif column.kind is Kind.FLAG:
                xlsx.add_list_validation(ws, ref, self.list_refs["flag"])
            elif column.source:
                source = TABLE_BY_KEY[column.source]
                xlsx.add_list_validation(
                    ws,
                    ref,
                    xlsx.absolute(
                        self.name(source.name),
                        source.id_column,
                        FIRST_DATA_ROW,
                        self.validated_last(source.key),
                    ),
                    strict=False,
                    prompt=self._id_prompt(column.kind),
                )
            elif column.kind is Kind.MONEY:
                # a warning, not a stop: «anslag 400000» and «4–5 mill. kr» are amounts too
                xlsx.add_number_validation(
                    ws,
                    ref,
                    error=self.name(
                        (
                            "Skriv et beløp i hele kroner, uten øre og uten «kr». Et anslag "
                            "(«anslag 400000») eller et spenn («4–5 mill. kr») skriver du som "
                            "tekst: velg Ja for å beholde det.",
                            "Skriv eit beløp i heile kroner, utan øre og utan «kr». Eit anslag "
                            "(«anslag 400000») eller eit spenn («4–5 mill. kr») skriv du som "
                            "tekst: vel Ja for å halde på det.",
                        )
                    ),
                    style="warning",
                )
            elif column.kind is Kind.INT:
                xlsx.add_number_validation(ws, ref, error=self._number_error())
            elif column.kind is Kind.COUNT:
                xlsx.add_number_validation(ws, ref, error=self._count_error(), style="warning")

    def _id_prompt(self, kind: Kind) -> str:
        if kind is Kind.IDS:
            return self.name(
                (
                    "Velg fra listen, eller skriv flere id-er skilt med komma.",
                    "Vel frå lista, eller skriv fleire id-ar skilde med komma.",
                )
            )
        return ""


def _when_format(value: Any) -> str:
    """A When cell: a date format for a day, text for «2013», «høsten 2013» …"""
    return DATE_FORMAT if isinstance(value, dt.date) else TEXT_FORMAT


def workbook_title(model: Initiative | None, language: Language) -> str:
    base = in_language(language, ("Inndata til omradedok", "Inndata til omradedok"))
    return f"{base} – {model.title}" if model else base


def build_workbook(model: Initiative | None, language: Language) -> Workbook:
    """The input workbook as an openpyxl Workbook (``model=None`` gives the blank template)."""
    return _Writer(model, language).build()


def workbook_bytes(
    model: Initiative | None, language: Language | None = None, date: dt.date | None = None
) -> bytes:
    """The input workbook as reproducible .xlsx bytes.

    The language defaults to the municipality's; the package date to the document date (for
    the template: ``date`` or today).
    """
    lang = language or (model.municipality.language if model else Language.NB)
    wb = build_workbook(model, lang)
    when = model.document.date if model else (date or dt.date.today())
    return xlsx.workbook_bytes(
        wb,
        date=when,
        title=workbook_title(model, lang),
        creator=model.municipality.name if model else "omradedok",
        language=f"{lang.value}-NO",
    )
