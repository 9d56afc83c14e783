"""rolle-og-ansvarsmatrise.xlsx: the whole initiative's role and responsibility matrix.

One filterable, print-ready sheet (tasks × bodies, roles, partners and the municipality, cells
A/B/K/I with a legend), and a second sheet that lists every column's party in full. The
matrix itself comes from ``documents.roles.responsibility_matrix`` (derived, never typed).
"""

from __future__ import annotations

import math

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..locale.format import format_date, format_year_range
from ..locale.labels import enum_label, pick
from ..model import Initiative, Involvement, Language
from ..render.xlsx import new_workbook, put, setup_print, workbook_bytes
from . import registry
from .base import Artifact, BuildContext
from .roles import (
    MatrixParty,
    ResponsibilityMatrix,
    involvement_label,
    involvement_letter,
    legend,
    party_kind_label,
    responsibility_matrix,
)

FILENAME = "rolle-og-ansvarsmatrise.xlsx"

# Fixed colours with enough contrast (WCAG AA) whatever the municipality's profile colours are.
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_GROUP_FILL = PatternFill("solid", fgColor="D9E1F2")
_CELL_STYLE: dict[Involvement, tuple[PatternFill | None, Font]] = {
    Involvement.RESPONSIBLE: (
        PatternFill("solid", fgColor="1F4E79"),
        Font(bold=True, color="FFFFFF"),
    ),
    Involvement.CONTRIBUTES: (
        PatternFill("solid", fgColor="9DC3E6"),
        Font(bold=True, color="000000"),
    ),
    Involvement.CONSULTED: (PatternFill("solid", fgColor="E2EFDA"), Font(color="000000")),
    Involvement.INFORMED: (None, Font(color="000000")),
}
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER_TOP = Alignment(horizontal="center", vertical="top")
# one object per look: repeated assignments are then cheap (see render.xlsx._IdentityIndex)
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_PARTY_FONT = Font(bold=True, color="FFFFFF", size=9)
_PARTY_ALIGN = Alignment(text_rotation=90, wrap_text=True, horizontal="center")
_GROUP_FONT = Font(bold=True)
_GROUP_INNER = Border(top=_THIN, bottom=_THIN)
_GROUP_FIRST = Border(left=_THIN, top=_THIN, bottom=_THIN)
_FIXED_ALIGN = Alignment(vertical="top", wrap_text=True)
_YEAR_ALIGN = Alignment(vertical="top", wrap_text=False, horizontal="center")

_FIXED_COLUMNS = 4
"""Type, Kilde, År, Oppgave – then one column per party."""
_PARTY_WIDTHS = {1: 10, 2: 16, 3: 46, 4: 30, 5: 40}
_TITLE_ROW, _META_ROW, _LEGEND_ROW, _GROUP_ROW, _HEADER_ROW = 1, 2, 3, 5, 6


def _labels(language: Language) -> dict[str, str]:
    def p(nb: str, nn: str) -> str:
        return pick(language, nb, nn)

    return {
        "title": p("Rolle- og ansvarsmatrise", "Rolle- og ansvarsmatrise"),
        "sheet": p("Rolle- og ansvarsmatrise", "Rolle- og ansvarsmatrise"),
        "parties_sheet": p("Parter", "Partar"),
        "type": p("Type", "Type"),
        "origin": p("Kilde", "Kjelde"),
        "year": p("År", "År"),
        "task": p("Oppgave", "Oppgåve"),
        "version": p("Versjon", "Versjon"),
        "legend": p("Forklaring", "Forklaring"),
        "column": p("Kolonne", "Kolonne"),
        "name": p("Navn", "Namn"),
        "holder": p("Innehaver", "Innehavar"),
        "belongs": p("Hører til", "Høyrer til"),
        "page": p("Side", "Side"),
        "of": p("av", "av"),
        "derived": p(
            "Matrisen er avledet av handlingsplanen: organenes mandat, rollenes ansvar, "
            "aktivitetsplanene og samarbeidsavtalene.",
            "Matrisa er avleidd av handlingsplanen: mandatet til organa, ansvaret til rollene, "
            "aktivitetsplanane og samarbeidsavtalane.",
        ),
    }


_SOURCE_TYPE = {
    "body": ("Organ", "Organ"),
    "role": ("Rolle", "Rolle"),
    "activity": ("Aktivitet", "Aktivitet"),
    "agreement": ("Samarbeidsavtale", "Samarbeidsavtale"),
}


def _belongs_to(model: Initiative, party: MatrixParty) -> str:
    if party.kind == "role":
        role = model.role(party.ref)
        if role is not None and role.body_id:
            body = next((b for b in model.organisation.bodies if b.id == role.body_id), None)
            return body.name if body else role.body_id
        if role is not None and role.partner_id:
            partner = model.partner(role.partner_id)
            return partner.name if partner else role.partner_id
    if party.kind == "body":
        body = next((b for b in model.organisation.bodies if b.id == party.ref), None)
        if body is not None and body.reports_to:
            parent = next((b for b in model.organisation.bodies if b.id == body.reports_to), None)
            return parent.name if parent else body.reports_to
    return ""


def _wrapped_lines(text: str, width: float) -> int:
    chars = max(int(width * 1.1), 8)
    return sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))


def render_matrix_workbook(
    model: Initiative, matrix: ResponsibilityMatrix, language: Language
) -> bytes:
    """The workbook's bytes, byte-identical for identical input."""
    lab = _labels(language)
    wb = new_workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = lab["sheet"]
    _matrix_sheet(ws, model, matrix, language, lab)
    _parties_sheet(wb.create_sheet(lab["parties_sheet"]), model, matrix, language, lab)

    wb.properties.version = model.document.version
    wb.properties.contentStatus = enum_label(model.document.status, language)
    return workbook_bytes(
        wb,
        date=model.document.date,
        title=f"{lab['title']} – {model.title}",
        creator=model.municipality.name,
        subject=model.title,
        language="nn-NO" if language is Language.NN else "nb-NO",
        keywords="områdesatsing; rolle- og ansvarsmatrise",
    )


def _matrix_sheet(
    ws: Worksheet,
    model: Initiative,
    matrix: ResponsibilityMatrix,
    language: Language,
    lab: dict[str, str],
) -> None:
    parties = matrix.parties
    last_col = _FIXED_COLUMNS + len(parties)
    last_letter = get_column_letter(last_col)
    period = format_year_range(model.period.start_year, model.period.end_year)

    title = put(ws.cell(_TITLE_ROW, 1), f"{lab['title']} – {model.title} {period}")
    title.font = Font(bold=True, size=16, color="1F3864")
    meta = (
        f"{model.municipality.name} · {model.area.name} · {lab['version']} "
        f"{model.document.version}, {format_date(model.document.date, language)} · "
        f"{enum_label(model.document.status, language)}"
    )
    put(ws.cell(_META_ROW, 1), meta).font = Font(size=10, color="404040")
    legend_text = f"{lab['legend']}: " + "   ".join(f"{a} = {b}" for a, b in legend(language))
    put(ws.cell(_LEGEND_ROW, 1), legend_text).font = Font(bold=True, size=10)
    put(ws.cell(_LEGEND_ROW + 1, 1), lab["derived"]).font = Font(italic=True, size=9)

    # header: kind groups, then party names
    headers = [lab["type"], lab["origin"], lab["year"], lab["task"]]
    for c, text in enumerate(headers, start=1):
        cell = put(ws.cell(_HEADER_ROW, c), text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="bottom", wrap_text=True)
        cell.border = _BORDER
        ws.cell(_GROUP_ROW, c).fill = _GROUP_FILL
    start = _FIXED_COLUMNS + 1
    col = start
    while col <= last_col:
        kind = parties[col - start].kind
        end = col
        while end + 1 <= last_col and parties[end + 1 - start].kind == kind:
            end += 1
        cell = put(ws.cell(_GROUP_ROW, col), party_kind_label(kind, language))
        cell.font = _GROUP_FONT
        cell.fill = _GROUP_FILL
        cell.alignment = Alignment(horizontal="center")
        for c in range(col, end + 1):
            ws.cell(_GROUP_ROW, c).fill = _GROUP_FILL
            ws.cell(_GROUP_ROW, c).border = _GROUP_INNER
        ws.cell(_GROUP_ROW, col).border = _GROUP_FIRST
        if end > col:
            ws.merge_cells(
                start_row=_GROUP_ROW, start_column=col, end_row=_GROUP_ROW, end_column=end
            )
        col = end + 1
    for i, party in enumerate(parties):
        cell = put(ws.cell(_HEADER_ROW, start + i), party.name)
        cell.font = _PARTY_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _PARTY_ALIGN
        cell.border = _BORDER
        # a lone municipality column must hold its group label «Kommune»
        ws.column_dimensions[get_column_letter(start + i)].width = (
            9.0 if party.kind == "municipality" else 5.5
        )
    longest = max((len(p.name) for p in parties), default=10)
    ws.row_dimensions[_HEADER_ROW].height = min(max(6.2 * min(longest, 34) + 12, 60), 220)

    widths = {1: 15, 2: 24, 3: 6, 4: 58}
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = width

    row_no = _HEADER_ROW
    for row in matrix.rows:
        row_no += 1
        nb, nn = _SOURCE_TYPE[row.source]
        values: list[tuple[int, str | int | None]] = [
            (1, pick(language, nb, nn)),
            (2, row.origin),
            (3, row.year),
            (4, row.task),
        ]
        for c, value in values:
            cell = ws.cell(row_no, c)
            cell.alignment = _YEAR_ALIGN if c == 3 else _FIXED_ALIGN
            cell.border = _BORDER
            put(cell, value)
        for i, party in enumerate(parties):
            cell = ws.cell(row_no, start + i)
            value = row.cells.get(party.id)
            cell.border = _BORDER
            cell.alignment = _CENTER_TOP
            if value is None:
                continue
            fill, font = _CELL_STYLE[value]
            cell.font = font
            if fill is not None:
                cell.fill = fill
            put(cell, involvement_letter(value))
        lines = max(_wrapped_lines(row.task, widths[4]), _wrapped_lines(row.origin, widths[2]))
        ws.row_dimensions[row_no].height = 15 * lines + 2

    last_row = max(row_no, _HEADER_ROW + 1)
    ws.auto_filter.ref = f"A{_HEADER_ROW}:{last_letter}{last_row}"
    ws.freeze_panes = ws.cell(_HEADER_ROW + 1, _FIXED_COLUMNS + 1).coordinate
    _print_setup(ws, model, lab, landscape=True)
    ws.print_title_rows = f"{_GROUP_ROW}:{_HEADER_ROW}"
    ws.print_area = f"A1:{last_letter}{last_row}"


def _print_setup(ws: Worksheet, model: Initiative, lab: dict[str, str], *, landscape: bool) -> None:
    setup_print(
        ws,
        landscape=landscape,
        header=(model.municipality.name, lab["title"], f"{model.title} – {model.area.name}"),
        footer=(f"{lab['version']} {model.document.version}", "", ""),
        page_label=(lab["page"], lab["of"]),
    )
    ws.page_margins.left = ws.page_margins.right = 0.4


def _parties_sheet(
    ws: Worksheet,
    model: Initiative,
    matrix: ResponsibilityMatrix,
    language: Language,
    lab: dict[str, str],
) -> None:
    title = put(ws.cell(1, 1), f"{lab['title']} – {lab['parties_sheet'].lower()}")
    title.font = Font(bold=True, size=14, color="1F3864")
    headers = [lab["column"], lab["type"], lab["name"], lab["holder"], lab["belongs"]]
    for c, text in enumerate(headers, start=1):
        cell = put(ws.cell(3, c), text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
    row = 3
    for i, party in enumerate(matrix.parties):
        row += 1
        values = [
            get_column_letter(_FIXED_COLUMNS + 1 + i),
            party_kind_label(party.kind, language),
            party.name,
            party.detail,
            _belongs_to(model, party),
        ]
        for c, value in enumerate(values, start=1):
            cell = put(ws.cell(row, c), value)
            cell.border = _BORDER
            cell.alignment = _FIXED_ALIGN
        lines = max(
            _wrapped_lines(str(v), w) for v, w in zip(values, _PARTY_WIDTHS.values(), strict=True)
        )
        ws.row_dimensions[row].height = 15 * lines + 2
    row += 2
    put(ws.cell(row, 1), lab["legend"]).font = Font(bold=True)
    for value in Involvement:
        row += 1
        letter = put(ws.cell(row, 1), involvement_letter(value))
        fill, font = _CELL_STYLE[value]
        if fill is not None:
            letter.fill = fill
        letter.font = font
        letter.alignment = Alignment(horizontal="center")
        put(ws.cell(row, 2), involvement_label(value, language))
    for c, width in _PARTY_WIDTHS.items():
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.auto_filter.ref = f"A3:E{3 + max(len(matrix.parties), 1)}"
    ws.freeze_panes = "A4"
    _print_setup(ws, model, lab, landscape=False)
    ws.print_title_rows = "3:3"


class RollematriseKind:
    """Kind «rollematrise»: rolle-og-ansvarsmatrise.xlsx."""

    name = "rollematrise"

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model = context.model
        language = context.options.language

        def render() -> bytes:
            return render_matrix_workbook(model, responsibility_matrix(model), language)

        title = pick(language, "Rolle- og ansvarsmatrise", "Rolle- og ansvarsmatrise")
        return [Artifact(filename=FILENAME, kind=self.name, title=title, render=render, cost=6)]


registry.register(RollematriseKind())
