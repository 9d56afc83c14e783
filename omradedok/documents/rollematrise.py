"""rolle-og-ansvarsmatrise.xlsx: the whole initiative's role and responsibility matrix.

Tasks × parties with A/B/R/I cells, printable on A4 or A3 landscape without shrinking the
text below a legible size: when all parties do not fit one page width at ``MIN_SCALE``, the
matrix is split into one sheet per delprogram (programme-wide tasks first), each with only the
parties its tasks involve, and a sheet still too wide is split by party columns. A last sheet
lists every party in full. The matrix itself comes from ``documents.roles`` (derived, never
typed); the house font (Calibri, Carlito in LibreOffice) is set on every cell.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..locale.format import format_date, format_year_range
from ..locale.labels import enum_label, pick
from ..model import Initiative, Involvement, Language
from ..model.passages import plain
from ..render.xlsx import FONT_NAME, new_workbook, put, setup_print, text_lines, workbook_bytes
from .base import Artifact, BuildContext
from .roles import (
    MatrixParty,
    ResponsibilityMatrix,
    all_parties,
    involvement_label,
    involvement_letter,
    legend,
    party_kind_label,
    responsibility_matrix,
)

FILENAME = "rolle-og-ansvarsmatrise.xlsx"

MIN_SCALE = 80
"""Smallest print scale (per cent): the 9 pt text prints at 7.2 pt or more."""
BODY_SIZE = 9.0
"""The smallest font in the matrix (points, before scaling)."""
TASK_WIDTH, SOURCE_WIDTH, PARTY_WIDTH = 44.0, 17.0, 5.0
"""Column widths in Excel's character units."""
_MARGIN_IN = 0.4
_PAGE_WIDTH_PT = {"A4": 841.89, "A3": 1190.55}
_PAPER_CODE = {"A4": 9, "A3": 8}

# Fixed colours with enough contrast (WCAG AA) whatever the municipality's profile colours are.
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_GROUP_FILL = PatternFill("solid", fgColor="D9E1F2")
_SECTION_FILL = PatternFill("solid", fgColor="EDF1F9")
_CELL_STYLE: dict[Involvement, tuple[PatternFill | None, Font]] = {
    Involvement.RESPONSIBLE: (
        PatternFill("solid", fgColor="1F4E79"),
        Font(name=FONT_NAME, size=BODY_SIZE, bold=True, color="FFFFFF"),
    ),
    Involvement.CONTRIBUTES: (
        PatternFill("solid", fgColor="9DC3E6"),
        Font(name=FONT_NAME, size=BODY_SIZE, bold=True, color="000000"),
    ),
    Involvement.CONSULTED: (
        PatternFill("solid", fgColor="E2EFDA"),
        Font(name=FONT_NAME, size=BODY_SIZE, color="000000"),
    ),
    Involvement.INFORMED: (None, Font(name=FONT_NAME, size=BODY_SIZE, color="000000")),
}
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER_TOP = Alignment(horizontal="center", vertical="top")
# one object per look: repeated assignments are then cheap (see render.xlsx._IdentityIndex)
_TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14, color="1F3864")
_META_FONT = Font(name=FONT_NAME, size=BODY_SIZE, color="404040")
_LEGEND_FONT = Font(name=FONT_NAME, bold=True, size=BODY_SIZE)
_NOTE_FONT = Font(name=FONT_NAME, italic=True, size=BODY_SIZE)
_HEADER_FONT = Font(name=FONT_NAME, bold=True, size=BODY_SIZE, color="FFFFFF")
_BODY_FONT = Font(name=FONT_NAME, size=BODY_SIZE)
_BOLD_FONT = Font(name=FONT_NAME, size=BODY_SIZE, bold=True)
_PARTY_ALIGN = Alignment(text_rotation=90, wrap_text=True, horizontal="center", vertical="bottom")
_GROUP_INNER = Border(top=_THIN, bottom=_THIN)
_GROUP_FIRST = Border(left=_THIN, top=_THIN, bottom=_THIN)
_FIXED_ALIGN = Alignment(vertical="top", wrap_text=True)
_HEADER_ALIGN = Alignment(vertical="bottom", wrap_text=True)

_FIXED_COLUMNS = 2
"""Kilde, Oppgave – then one column per party."""
_PARTY_WIDTHS = {1: 12, 2: 40, 3: 28, 4: 34, 5: 30}
_TITLE_ROW, _META_ROW, _LEGEND_ROW, _NOTE_ROW, _GROUP_ROW, _HEADER_ROW = 1, 2, 3, 4, 5, 6
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\']")


def _labels(language: Language) -> dict[str, str]:
    def p(nb: str, nn: str) -> str:
        return pick(language, nb, nn)

    return {
        "title": p("Rolle- og ansvarsmatrise", "Rolle- og ansvarsmatrise"),
        "sheet": p("Rolle- og ansvarsmatrise", "Rolle- og ansvarsmatrise"),
        "common": p("Felles oppgaver", "Felles oppgåver"),
        "parties_sheet": p("Parter", "Partar"),
        "type": p("Type", "Type"),
        "origin": p("Kilde", "Kjelde"),
        "task": p("Oppgave", "Oppgåve"),
        "version": p("Versjon", "Versjon"),
        "legend": p("Forklaring", "Forklaring"),
        "name": p("Navn", "Namn"),
        "holder": p("Innehaver", "Innehavar"),
        "belongs": p("Hører til", "Høyrer til"),
        "sheets": p("Ark", "Ark"),
        "none": p("ingen oppgaver", "ingen oppgåver"),
        "page": p("Side", "Side"),
        "of": p("av", "av"),
        "part": p("del", "del"),
        "derived": p(
            "Radene er oppgavene i handlingsplanen: oppgaver med roller, prosjekter, "
            "delprosjekter og aktivitetene i aktivitetsplanene. Hver oppgave har én ansvarlig.",
            "Radene er oppgåvene i handlingsplanen: oppgåver med roller, prosjekt, "
            "delprosjekt og aktivitetane i aktivitetsplanane. Kvar oppgåve har éin ansvarleg.",
        ),
    }


# -- page planning ---------------------------------------------------------------------------


def _points(width: float) -> float:
    """Printed width of a column of ``width`` character units (Calibri 11: 7 px + 5 px pad)."""
    return (width * 7 + 5) * 0.75


def _fit(widths: list[float]) -> tuple[str, int] | None:
    """The smallest paper (A4, else A3) whose landscape width holds the columns at a scale
    ≥ MIN_SCALE, with that scale; None when not even A3 does."""
    content = sum(_points(w) for w in widths)
    for paper in ("A4", "A3"):
        # 5 % to spare: LibreOffice and Excel convert column widths a little differently
        printable = (_PAGE_WIDTH_PT[paper] - 2 * 72 * _MARGIN_IN) * 0.95
        scale = min(100, math.floor(printable * 100 / content))
        if scale >= MIN_SCALE:
            return paper, scale
    return None


def _party_widths(parties: list[MatrixParty], language: Language) -> list[float]:
    """PARTY_WIDTH each, wider where a kind's label («Kommune») would not fit its columns."""
    widths = [PARTY_WIDTH] * len(parties)
    i = 0
    while i < len(parties):
        end = i
        while end + 1 < len(parties) and parties[end + 1].kind == parties[i].kind:
            end += 1
        span = end - i + 1
        need = len(party_kind_label(parties[i].kind, language)) * 0.95 + 1.5
        if span * PARTY_WIDTH < need:
            for j in range(i, end + 1):
                widths[j] = math.ceil(need / span * 2) / 2
        i = end + 1
    return widths


@dataclass(frozen=True)
class _Page:
    """One sheet of the matrix: a title suffix, its rows and columns, paper and scale."""

    name: str
    heading: str
    matrix: ResponsibilityMatrix
    widths: list[float]
    paper: str
    scale: int


def _plan_pages(
    matrix: ResponsibilityMatrix, language: Language, lab: dict[str, str]
) -> list[_Page]:
    fixed = [SOURCE_WIDTH, TASK_WIDTH]
    whole = _party_widths(matrix.parties, language)
    fit = _fit(fixed + whole)
    if fit is not None:
        return [_Page(lab["sheet"], "", matrix, whole, *fit)]
    pages: list[_Page] = []
    for gid, name, sub in matrix.groups():
        heading = f"{gid} {name}".strip() or lab["common"]
        pages += _split_columns(sub, heading, language, lab)
    return pages


def _split_columns(
    matrix: ResponsibilityMatrix, heading: str, language: Language, lab: dict[str, str]
) -> list[_Page]:
    """The group's matrix on as few sheets as its party columns need (never below MIN_SCALE)."""
    fixed = [SOURCE_WIDTH, TASK_WIDTH]
    chunks: list[list[MatrixParty]] = [[]]
    for party in matrix.parties:
        trial = [*chunks[-1], party]
        if chunks[-1] and _fit(fixed + _party_widths(trial, language)) is None:
            chunks.append([party])
        else:
            chunks[-1] = trial
    pages = []
    for n, chunk in enumerate(chunks, 1):
        part = matrix.restricted(p.id for p in chunk)
        title = heading if len(chunks) == 1 else f"{heading} ({lab['part']} {n})"
        widths = _party_widths(chunk, language)
        fit = _fit(fixed + widths) or ("A3", MIN_SCALE)
        pages.append(_Page(title, title, part, widths, *fit))
    return pages


def _sheet_name(text: str, taken: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub("", plain(text)).strip()[:31] or "Ark"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.casefold())
    return name


# -- the workbook ----------------------------------------------------------------------------


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


def render_matrix_workbook(
    model: Initiative, matrix: ResponsibilityMatrix, language: Language
) -> bytes:
    """The workbook's bytes, byte-identical for identical input."""
    lab = _labels(language)
    wb = new_workbook()
    first = wb.active
    assert isinstance(first, Worksheet)
    wb.remove(first)
    taken: set[str] = set()
    sheets_of: dict[str, list[str]] = {}
    for page in _plan_pages(matrix, language, lab):
        ws = wb.create_sheet(_sheet_name(page.name, taken))
        _matrix_sheet(ws, model, page, language, lab)
        for party in page.matrix.parties:
            sheets_of.setdefault(party.id, []).append(ws.title)
    _parties_sheet(wb, model, sheets_of, language, lab)

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


def _party_header_height(parties: list[MatrixParty]) -> float:
    """Room for the longest name, rotated, in one line (two for very long names)."""
    longest = max((len(p.name) for p in parties), default=10)
    return min(max(longest * 5.0 + 12, 60.0), 200.0)


def _matrix_sheet(
    ws: Worksheet, model: Initiative, page: _Page, language: Language, lab: dict[str, str]
) -> None:
    matrix = page.matrix
    parties = matrix.parties
    start = _FIXED_COLUMNS + 1
    last_col = _FIXED_COLUMNS + max(len(parties), 1)
    last_letter = get_column_letter(last_col)
    period = format_year_range(model.period.start_year, model.period.end_year)

    title = f"{lab['title']} – {model.title} {period}"
    put(ws.cell(_TITLE_ROW, 1), title).font = _TITLE_FONT
    version = f"{lab['version']} {model.document.version}, " if model.document.version else ""
    meta = (
        f"{model.municipality.name} · {model.area.name} · {version}"
        f"{format_date(model.document.date, language)} · "
        f"{enum_label(model.document.status, language)}"
    )
    if page.heading:
        meta = f"{page.heading} · {meta}"
    put(ws.cell(_META_ROW, 1), meta).font = _META_FONT
    legend_text = f"{lab['legend']}: " + "   ".join(f"{a} = {b}" for a, b in legend(language))
    put(ws.cell(_LEGEND_ROW, 1), legend_text).font = _LEGEND_FONT
    put(ws.cell(_NOTE_ROW, 1), lab["derived"]).font = _NOTE_FONT
    # the lines above the table wrap within its width (a narrow matrix must not cut them)
    total = SOURCE_WIDTH + TASK_WIDTH + sum(page.widths)
    for r in (_META_ROW, _LEGEND_ROW, _NOTE_ROW):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last_col)
        ws.cell(r, 1).alignment = _FIXED_ALIGN
        text = str(ws.cell(r, 1).value)
        ws.row_dimensions[r].height = 12.0 * text_lines(text, total * 11 / BODY_SIZE) + 3

    for c, text in enumerate([lab["origin"], lab["task"]], start=1):
        cell = put(ws.cell(_HEADER_ROW, c), text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGN
        cell.border = _BORDER
        ws.cell(_GROUP_ROW, c).fill = _GROUP_FILL
    ws.column_dimensions["A"].width = SOURCE_WIDTH
    ws.column_dimensions["B"].width = TASK_WIDTH
    col = start
    while col < start + len(parties):
        kind = parties[col - start].kind
        end = col
        while end + 1 < start + len(parties) and parties[end + 1 - start].kind == kind:
            end += 1
        cell = put(ws.cell(_GROUP_ROW, col), party_kind_label(kind, language))
        cell.font = _BOLD_FONT
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
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _PARTY_ALIGN
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(start + i)].width = page.widths[i]
    ws.row_dimensions[_HEADER_ROW].height = _party_header_height(parties)

    # 9 pt text: more characters per width unit than the 11 pt the unit is measured in
    per_unit = 11 / BODY_SIZE
    row_no = _HEADER_ROW
    for row in matrix.rows:
        row_no += 1
        for c, text in ((1, row.source_label(language)), (2, row.task)):
            cell = ws.cell(row_no, c)
            cell.alignment = _FIXED_ALIGN
            cell.border = _BORDER
            cell.font = _BODY_FONT
            put(cell, text)
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
        lines = max(
            text_lines(row.task, TASK_WIDTH * per_unit),
            text_lines(row.source_label(language), SOURCE_WIDTH * per_unit),
        )
        ws.row_dimensions[row_no].height = 12.0 * lines + 3

    last_row = max(row_no, _HEADER_ROW + 1)
    ws.auto_filter.ref = f"A{_HEADER_ROW}:{last_letter}{last_row}"
    ws.freeze_panes = ws.cell(_HEADER_ROW + 1, start).coordinate
    _print_setup(ws, model, lab, landscape=True, paper=page.paper, scale=page.scale)
    ws.print_title_rows = f"{_GROUP_ROW}:{_HEADER_ROW}"
    ws.print_title_cols = "A:B"
    ws.print_area = f"A1:{last_letter}{last_row}"


def _header_right(model: Initiative) -> str:
    """«Områdeløft Nordbyen – Nordbyen», or the title alone where both would run into the
    centred part of the page header."""
    both = f"{model.title} – {model.area.name}"
    return both if len(both) <= 48 else model.title


def _print_setup(
    ws: Worksheet,
    model: Initiative,
    lab: dict[str, str],
    *,
    landscape: bool,
    paper: str = "A4",
    scale: int | None = None,
) -> None:
    """Print setup with an explicit scale (fit to width, but never below MIN_SCALE) and the
    house font in the page header and footer too."""
    setup_print(
        ws,
        landscape=landscape,
        fit_width=scale is None,
        header=(model.municipality.name, lab["title"], _header_right(model)),
        footer=(
            f"{lab['version']} {model.document.version}" if model.document.version else "",
            "",
            "",
        ),
        page_label=(lab["page"], lab["of"]),
    )
    ws.page_setup.paperSize = _PAPER_CODE[paper]
    if scale is not None:
        ws.page_setup.scale = scale
    ws.page_margins.left = ws.page_margins.right = _MARGIN_IN
    for part in (
        ws.oddHeader.left,
        ws.oddHeader.center,
        ws.oddHeader.right,
        ws.oddFooter.left,
        ws.oddFooter.center,
        ws.oddFooter.right,
    ):
        part.font = FONT_NAME


def _parties_sheet(
    wb: Workbook,
    model: Initiative,
    sheets_of: dict[str, list[str]],
    language: Language,
    lab: dict[str, str],
) -> None:
    """Every party in full, with the sheets it has a column on («ingen oppgaver» if none)."""
    ws = wb.create_sheet(lab["parties_sheet"])
    title = put(ws.cell(1, 1), f"{lab['title']} – {lab['parties_sheet'].lower()}")
    title.font = _TITLE_FONT
    headers = [lab["type"], lab["name"], lab["holder"], lab["belongs"], lab["sheets"]]
    for c, text in enumerate(headers, start=1):
        cell = put(ws.cell(3, c), text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
    row = 3
    parties = [p for p in all_parties(model) if p.kind != "municipality" or p.id in sheets_of]
    for party in parties:
        row += 1
        values = [
            party_kind_label(party.kind, language),
            party.name,
            party.detail,
            _belongs_to(model, party),
            ", ".join(sheets_of.get(party.id, [])) or lab["none"],
        ]
        for c, value in enumerate(values, start=1):
            cell = put(ws.cell(row, c), value)
            cell.border = _BORDER
            cell.alignment = _FIXED_ALIGN
            cell.font = _BODY_FONT
        lines = max(
            text_lines(str(v), w * 11 / BODY_SIZE)
            for v, w in zip(values, _PARTY_WIDTHS.values(), strict=True)
        )
        ws.row_dimensions[row].height = 12.0 * lines + 3
    last = row
    row += 2
    put(ws.cell(row, 1), lab["legend"]).font = _BOLD_FONT
    for value in Involvement:
        row += 1
        letter = put(ws.cell(row, 1), involvement_letter(value))
        fill, font = _CELL_STYLE[value]
        if fill is not None:
            letter.fill = fill
        letter.font = font
        letter.alignment = Alignment(horizontal="center")
        put(ws.cell(row, 2), involvement_label(value, language)).font = _BODY_FONT
    for c, width in _PARTY_WIDTHS.items():
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.auto_filter.ref = f"A3:E{max(last, 4)}"
    ws.freeze_panes = "A4"
    paper, scale = _fit(list(_PARTY_WIDTHS.values())) or ("A4", MIN_SCALE)
    _print_setup(ws, model, lab, landscape=True, paper=paper, scale=scale)
    ws.print_title_rows = "3:3"


class RollematriseKind:
    """Kind «rollematrise»: rolle-og-ansvarsmatrise.xlsx."""

    name = "rollematrise"
    order = 50
    attachment_rank = 60

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model = context.model
        language = context.options.language

        def render() -> bytes:
            return render_matrix_workbook(model, responsibility_matrix(model), language)

        title = pick(language, "Rolle- og ansvarsmatrise", "Rolle- og ansvarsmatrise")
        return [Artifact(filename=FILENAME, kind=self.name, title=title, render=render, cost=6)]


DOCUMENT_KIND = RollematriseKind()
