"""aktivitetsplan-YYYY.xlsx: the annual activity plan as the clerks' working spreadsheet.

* **Aktiviteter** – an Excel table (autofilter, frozen header, wrapped text, «# ##0 kr»),
  a Sum column and a totals row with live formulas, drop-downs for status, delprogram and
  ansvarlig fed from the **Lister** sheet.
* **Budsjett** – sums per delprogram (SUMIFS) and per funding source (SUM) over the activity
  table, compared with the year's budget frame; a warning cell turns red when the plan costs
  more than the frame. Everything recalculates when a clerk edits an amount.
* **Tidsplan** – one row per activity, one column per month, filled by conditional
  formatting from the start and end dates on the activity sheet (a Gantt view).
* Print-ready: landscape, one page wide, repeated header row, header/footer with
  municipality, year and area, «Side X av Y».
"""

from __future__ import annotations

import datetime as dt

from babel.dates import get_month_names
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..locale import enum_choices, enum_label, format_date, format_money, format_when, pick
from ..model import ActivityStatus, Language
from ..model.amount import Amount
from ..model.when import When
from ..render import xlsx
from ..view.blocks import Amount as ViewAmount
from ..view.blocks import Cell
from .aktivitetsplan import (
    SOURCES,
    ActivityPlan,
    PlanRow,
    by_sub_programme_table,
    financing_table,
    frame_check,
    label,
)

MONTH_FORMAT = "mmm yyyy"


def _money_value(amount: Amount | None, plan: ActivityPlan) -> int | str | None:
    """A number where the input gives one exact figure; otherwise the text the documents print
    (an estimate, a range, «ikke fastsatt») – a formula never turns it into a figure."""
    if amount is None:
        return None
    if amount.is_exact:
        return amount.low
    return format_money(amount, plan.language)


def _when_value(value: When | None, plan: ActivityPlan, *, end: bool) -> dt.date | str | None:
    """A date cell (day or month precision: the Gantt can read it) or the When as text."""
    if value is None:
        return None
    if value.precision == "day":
        return value.first_day()
    if value.precision == "month":
        return value.last_day() if end else value.first_day()
    return format_when(value, plan.language)


def numeric_plan(plan: ActivityPlan) -> bool:
    """Whether every amount of the plan is an exact figure, so live formulas sum it right."""
    return all(
        row.share.known and not row.unsplit and all(a is None or a.is_exact for a in row.funding)
        for row in plan.rows
    )


def _row_sum(row: PlanRow, plan: ActivityPlan) -> str:
    if row.unsplit:
        return label(plan.language, "multi_year")
    return format_money(row.share.total, plan.language)


HEADER = 3
FIRST = HEADER + 1

# Aktiviteter: A Nr … O Status (the domain's column order); J–M money, N Sum.
COLUMNS = (
    ("col_nr", 7),
    ("col_sub_programme", 22),
    ("col_activity", 36),
    ("col_sub_goals", 11),
    ("col_result", 28),
    ("col_responsible", 24),
    ("col_partners", 24),
    ("col_start", 11),
    ("col_end", 11),
    (None, 14),
    (None, 14),
    (None, 14),
    (None, 14),
    ("col_sum", 15),
    ("col_status", 11),
)
COL_SUB_PROGRAMME, COL_RESPONSIBLE, COL_START, COL_END = 2, 6, 8, 9
COL_MONEY = (10, 11, 12, 13)
COL_SUM, COL_STATUS = 14, 15
TOTAL_BORDER = Border(top=Side(style="medium", color="404040"))
WARNING_FILL = "#C00000"
OK_FILL = "#E2EFDA"


def render_xlsx(plan: ActivityPlan) -> bytes:
    """The workbook of one year's activity plan, as reproducible bytes."""
    model, lang = plan.model, plan.language
    color = model.municipality.profile.primary_color
    wb = xlsx.new_workbook()
    activities = wb.active
    activities.title = plan.t("sheet_activities")
    budget = wb.create_sheet(plan.t("sheet_budget"))
    schedule = wb.create_sheet(plan.t("sheet_schedule"))
    lists = wb.create_sheet(plan.t("sheet_lists"))
    refs = _write_lists(lists, plan, color)
    last = _write_activities(activities, plan, color, refs)
    _write_budget(budget, plan, color, activities.title, last)
    _write_schedule(schedule, plan, color, activities.title)
    for ws in (activities, budget, schedule, lists):
        _print(ws, plan)
    return xlsx.workbook_bytes(
        wb,
        date=model.document.date,
        title=f"{plan.title} – {model.title}",
        creator=model.municipality.name,
        subject=f"{model.title} – {model.area.name}",
        language=f"{lang.value}-NO",
        keywords=f"aktivitetsplan, {plan.year}, {model.area.name}",
    )


def _print(ws: Worksheet, plan: ActivityPlan) -> None:
    model = plan.model
    status = enum_label(model.document.status, plan.language)
    xlsx.setup_print(
        ws,
        title_rows=f"{HEADER}:{HEADER}",
        header=(model.municipality.name, f"{plan.title} – {model.title}", model.area.name),
        footer=(
            f"{status}, {model.document.version} – {format_date(model.document.date, plan.language)}",
            ws.title,
            "",
        ),
        page_label=(plan.t("page"), plan.t("of")),
    )


def _subtitle(plan: ActivityPlan) -> str:
    model = plan.model
    status = enum_label(model.document.status, plan.language)
    date = format_date(model.document.date, plan.language)
    version = f"versjon {model.document.version}, " if model.document.version else ""
    return f"{model.municipality.name} · {model.area.name} · {status}, {version}{date}"


# -- Lister ----------------------------------------------------------------------------------


def _write_lists(ws: Worksheet, plan: ActivityPlan, color: str) -> dict[str, str]:
    xlsx.title_rows(ws, plan.t("lists_title"))
    columns = {
        "status": (plan.t("col_status"), enum_choices(ActivityStatus, plan.language)),
        "sub_programme": (plan.t("col_sub_programme"), plan.sub_programmes),
        "responsible": (plan.t("col_responsible"), plan.responsibles),
    }
    refs: dict[str, str] = {}
    xlsx.header_row(ws, HEADER, [title for title, _ in columns.values()], color=color)
    for col, (key, (_, values)) in enumerate(columns.items(), 1):
        for row, value in enumerate(values, FIRST):
            xlsx.put(ws.cell(row, col), value)
        refs[key] = xlsx.absolute(ws.title, col, FIRST, max(FIRST, FIRST + len(values) - 1))
    xlsx.set_widths(ws, [14, 36, 44])
    return refs


# -- Aktiviteter -----------------------------------------------------------------------------


def _write_activities(ws: Worksheet, plan: ActivityPlan, color: str, refs: dict[str, str]) -> int:
    """Fill the activity sheet; returns the last data row."""
    lang = plan.language
    xlsx.title_rows(ws, f"{plan.title} – {plan.model.title}", _subtitle(plan))
    labels = [
        plan.t(plan.goals_column("col") if key == "col_sub_goals" else key)
        if key
        else enum_label(SOURCES[i - 9], lang)
        for i, (key, _) in enumerate(COLUMNS)
    ]
    xlsx.header_row(ws, HEADER, labels, color=color)
    ws.row_dimensions[HEADER].height = 32
    rows = plan.rows
    wrap, top = xlsx.WRAP_TOP, xlsx.TOP
    for r, row in enumerate(rows, FIRST):
        act = row.activity
        values: list[object] = [
            act.id,
            row.sub_programme,
            act.title,
            row.sub_goals,
            act.result_target,
            "; ".join(x for x in (row.responsible, row.owners) if x),
            row.partners,
            _when_value(act.start, plan, end=False),
            _when_value(act.end, plan, end=True),
            *(_money_value(a, plan) for a in row.funding),
        ]
        for c, value in enumerate(values, 1):
            fmt = xlsx.DATE_FORMAT if c in (COL_START, COL_END) else None
            if c in (COL_START, COL_END) and act.start is not None and c == COL_START:
                fmt = MONTH_FORMAT if act.start.precision == "month" else fmt
            if c == COL_END and act.end is not None and act.end.precision == "month":
                fmt = MONTH_FORMAT
            fmt = xlsx.MONEY_FORMAT if c in COL_MONEY else fmt
            cell = xlsx.put(ws.cell(r, c), value, number_format=fmt)
            cell.alignment = top if c in (COL_START, COL_END, *COL_MONEY) else wrap
        exact = (
            row.share.known
            and not row.unsplit
            and all(a is None or a.is_exact for a in row.funding)
        )
        if exact:
            total = xlsx.put_formula(
                ws.cell(r, COL_SUM),
                f"=SUM(J{r}:M{r})",
                number_format=xlsx.MONEY_FORMAT,
                value=row.share.total.low,
            )
        else:
            total = xlsx.put(ws.cell(r, COL_SUM), _row_sum(row, plan))
        total.alignment = top
        xlsx.put(ws.cell(r, COL_STATUS), row.status).alignment = wrap
    last = FIRST + max(len(rows), 1) - 1
    xlsx.add_table(ws, f"Aktiviteter{plan.year}", f"A{HEADER}:O{last}")
    totals = last + 1
    xlsx.put(ws.cell(totals, 1), plan.t("total"))
    numeric = numeric_plan(plan)
    sums = [*(plan.sources[i].planned for i in range(len(SOURCES))), plan.planned]
    for c, amount in zip((*COL_MONEY, COL_SUM), sums, strict=True):
        letter = get_column_letter(c)
        if numeric:
            xlsx.put_formula(
                ws.cell(totals, c),
                f"=SUBTOTAL(109,{letter}{FIRST}:{letter}{last})",
                number_format=xlsx.MONEY_FORMAT,
                value=amount.low,
            )
        else:
            xlsx.put(ws.cell(totals, c), format_money(amount, plan.language))
    for c in range(1, len(COLUMNS) + 1):
        cell = ws.cell(totals, c)
        cell.font = xlsx.BOLD
        cell.border = TOTAL_BORDER
    note = xlsx.put(ws.cell(totals + 2, 1), plan.t("insert_note"))
    note.font = xlsx.SMALL_FONT
    xlsx.set_widths(ws, [w for _, w in COLUMNS])
    xlsx.fit_row_heights(ws, FIRST, last)
    ws.freeze_panes = f"A{FIRST}"
    xlsx.add_list_validation(ws, f"O{FIRST}:O{last}", refs["status"])
    xlsx.add_list_validation(ws, f"B{FIRST}:B{last}", refs["sub_programme"], strict=False)
    xlsx.add_list_validation(ws, f"F{FIRST}:F{last}", refs["responsible"], strict=False)
    xlsx.add_number_validation(
        ws,
        f"J{FIRST}:M{last}",
        error=pick(
            plan.language, "Skriv et beløp i hele kroner.", "Skriv eit beløp i heile kroner."
        ),
    )
    _status_colours(ws, f"A{FIRST}:O{last}", plan)
    return last


def _status_colours(ws: Worksheet, ref: str, plan: ActivityPlan) -> None:
    """Completed rows green, cancelled rows grey and struck through: visible at a glance."""
    done = enum_label(ActivityStatus.COMPLETED, plan.language)
    cancelled = enum_label(ActivityStatus.CANCELLED, plan.language)
    ws.conditional_formatting.add(
        ref, FormulaRule(formula=[f'$O{FIRST}="{done}"'], fill=xlsx.fill(OK_FILL))
    )
    ws.conditional_formatting.add(
        ref,
        FormulaRule(
            formula=[f'$O{FIRST}="{cancelled}"'],
            font=Font(color="7F7F7F", strike=True),
        ),
    )


# -- Budsjett --------------------------------------------------------------------------------

# The sheet writes the plan view's two budget tables (``by_sub_programme_table`` and
# ``financing_table``: the rows the DOCX and the PDF print), as live formulas over the activity
# sheet where every amount is a figure, each carrying the value the view prints. The view's
# sum row under the delprogram table is left out here: the activity sheet's totals row holds
# the same sums, so every format prints each amount equally often.


def _view_value(value: Cell) -> int | str | None:
    """A view cell as a spreadsheet value: a whole-kroner figure as a number, an estimate, a
    range or «ikke fastsatt» as the text the documents print, «–» as an empty cell."""
    if isinstance(value.value, ViewAmount):
        amount = value.value
        figure = int(amount.value)
        if figure == amount.value and amount.text == format_money(figure, Language.NB):
            return figure
        if figure == amount.value and amount.text == format_money(figure, Language.NN):
            return figure
        return amount.text
    return None if value.text in ("", "–") else value.text


def _figure(value: Cell) -> int | None:
    figure = _view_value(value)
    return figure if isinstance(figure, int) else None


def _write_budget(
    ws: Worksheet, plan: ActivityPlan, color: str, source_sheet: str, last: int
) -> None:
    lang = plan.language
    xlsx.title_rows(
        ws, f"{plan.t('sheet_budget')} {plan.year} – {plan.model.title}", plan.t("budget_note")
    )
    src = xlsx.quote_sheet(source_sheet)

    def rng(col: int) -> str:
        letter = get_column_letter(col)
        return f"{src}!${letter}${FIRST}:${letter}${last}"

    numeric = numeric_plan(plan)
    source_labels = [enum_label(s, lang) for s in SOURCES]
    xlsx.header_row(
        ws, HEADER, [plan.t("per_sub_programme"), *source_labels, plan.t("col_sum")], color=color
    )
    ws.row_dimensions[HEADER].height = 32
    row = FIRST
    by_sub = [r for r in by_sub_programme_table(plan).rows if r.kind == "body"]
    for view_row in by_sub:
        name, *money = view_row.cells
        xlsx.put(ws.cell(row, 1), name.text).alignment = xlsx.WRAP_TOP
        for i, value in enumerate(money):
            target = ws.cell(row, 2 + i)
            if not numeric:
                xlsx.put(target, _view_value(value), number_format=xlsx.MONEY_FORMAT)
            elif i < len(COL_MONEY):
                xlsx.put_formula(
                    target,
                    f"=SUMIFS({rng(COL_MONEY[i])},{rng(COL_SUB_PROGRAMME)},$A{row})",
                    number_format=xlsx.MONEY_FORMAT,
                    value=_figure(value),
                )
            else:
                xlsx.put_formula(
                    target,
                    f"=SUM(B{row}:E{row})",
                    number_format=xlsx.MONEY_FORMAT,
                    value=_figure(value),
                )
        row += 1
    last_sub = max(FIRST, row - 1)

    head = row + 1
    xlsx.header_row(
        ws,
        head,
        [plan.t("per_source"), plan.t("plan"), plan.t("budget_frame"), plan.t("deviation")],
        color=color,
    )
    ws.row_dimensions[head].height = 32
    row = head + 1
    financing = financing_table(plan).rows
    for view_row in financing:
        name, planned, frame, deviation = view_row.cells
        total = view_row.kind == "sum"
        xlsx.put(ws.cell(row, 1), name.text)
        if not numeric:
            for c, value in ((2, planned), (3, frame), (4, deviation)):
                xlsx.put(ws.cell(row, c), _view_value(value), number_format=xlsx.MONEY_FORMAT)
        else:
            col = COL_MONEY[row - head - 1] if not total else 0
            xlsx.put_formula(
                ws.cell(row, 2),
                f"=SUM(B{head + 1}:B{row - 1})" if total else f"=SUM({rng(col)})",
                number_format=xlsx.MONEY_FORMAT,
                value=_figure(planned),
            )
            if total and _figure(frame) is not None:
                xlsx.put_formula(
                    ws.cell(row, 3),
                    f"=SUM(C{head + 1}:C{row - 1})",
                    number_format=xlsx.MONEY_FORMAT,
                    value=_figure(frame),
                )
            elif not total:
                xlsx.put(ws.cell(row, 3), _view_value(frame), number_format=xlsx.MONEY_FORMAT)
            if _figure(deviation) is not None:
                xlsx.put_formula(
                    ws.cell(row, 4),
                    f"=C{row}-B{row}",
                    number_format=xlsx.MONEY_FORMAT,
                    value=_figure(deviation),
                )
        if total:
            for col in range(1, 5):
                ws.cell(row, col).font = xlsx.BOLD
                ws.cell(row, col).border = TOTAL_BORDER
        row += 1
    total_row = row - 1
    negative = FormulaRule(
        formula=[f"AND(ISNUMBER(D{head + 1}),D{head + 1}<0)"], font=Font(color="C00000", bold=True)
    )
    ws.conditional_formatting.add(f"D{head + 1}:D{total_row}", negative)

    check = total_row + 2
    label_cell = xlsx.put(ws.cell(check, 1), plan.t("check"))
    label_cell.font = xlsx.BOLD
    label_cell.alignment = Alignment(vertical="center")
    warning = ws.cell(check, 2)
    exact = numeric and plan.frame is not None and plan.frame.is_exact and plan.planned.is_exact
    if exact:
        over, within = _formula_text(plan.t("over_frame")), _formula_text(plan.t("within_frame"))
        xlsx.put_formula(
            warning,
            f'=IF(B{total_row}>C{total_row},"{over}","{within}")',
            value=frame_check(plan),
        )
        ws.conditional_formatting.add(
            f"B{check}:F{check}",
            FormulaRule(
                formula=[f"$B${total_row}>$C${total_row}"],
                fill=xlsx.fill(WARNING_FILL),
                font=Font(color="FFFFFF", bold=True),
            ),
        )
        ws.conditional_formatting.add(
            f"B{check}:F{check}",
            FormulaRule(formula=[f"$B${total_row}<=$C${total_row}"], fill=xlsx.fill(OK_FILL)),
        )
    else:
        xlsx.put(warning, frame_check(plan))
        if plan.over_frame:
            warning.fill = xlsx.fill(WARNING_FILL)
            warning.font = Font(color="FFFFFF", bold=True)
    ws.merge_cells(start_row=check, start_column=2, end_row=check, end_column=6)
    warning.alignment = Alignment(vertical="center", wrap_text=True)
    ws.row_dimensions[check].height = 22
    xlsx.set_widths(ws, [34, 17, 17, 17, 17, 17])
    xlsx.fit_row_heights(ws, FIRST, last_sub)  # after the widths it measures against


def _formula_text(text: str) -> str:
    """A text literal for a formula (double quotes doubled)."""
    return text.replace('"', '""')


# -- Tidsplan --------------------------------------------------------------------------------


def _write_schedule(ws: Worksheet, plan: ActivityPlan, color: str, source_sheet: str) -> None:
    year = plan.year
    xlsx.title_rows(
        ws, f"{plan.t('sheet_schedule')} {year} – {plan.model.title}", plan.t("schedule_note")
    )
    months = get_month_names("abbreviated", locale=plan.language.value, context="stand-alone")
    headers = [plan.t("col_nr"), plan.t("col_activity"), plan.t("col_start"), plan.t("col_end")]
    headers += [str(months[m]) for m in range(1, 13)]
    headers.append(plan.t("col_milestone"))
    xlsx.header_row(ws, HEADER, headers, color=color)
    src = xlsx.quote_sheet(source_sheet)
    rows = plan.rows
    for r, row in enumerate(rows, FIRST):
        act = row.activity
        start = _when_value(act.start, plan, end=False)
        end = _when_value(act.end, plan, end=True)
        xlsx.put_formula(ws.cell(r, 1), f"={src}!A{r}", value=act.id).alignment = xlsx.TOP
        xlsx.put_formula(ws.cell(r, 2), f"={src}!C{r}", value=act.title).alignment = xlsx.WRAP_TOP
        xlsx.put_formula(
            ws.cell(r, 3), f"={src}!H{r}", number_format=xlsx.DATE_FORMAT, value=start
        ).alignment = xlsx.TOP
        xlsx.put_formula(
            ws.cell(r, 4), f"={src}!I{r}", number_format=xlsx.DATE_FORMAT, value=end
        ).alignment = xlsx.TOP
        for c in range(5, 17):
            ws.cell(r, c).border = xlsx.BOX
        xlsx.put(ws.cell(r, 17), row.activity.milestone or None).alignment = xlsx.WRAP_TOP
        # Column B shows the title through a formula: size the row from the title itself.
        lines = xlsx.text_lines(row.activity.title, 36)
        lines = max(
            lines, xlsx.text_lines(row.activity.milestone, 30) if row.activity.milestone else 1
        )
        if lines > 1:
            ws.row_dimensions[r].height = 15 * min(lines, 30)
    last = FIRST + max(len(rows), 1) - 1
    # Month m (column 4 + m) is filled when start <= last day of m and end >= first day of m.
    gantt = FormulaRule(
        formula=[
            f"AND(ISNUMBER($C{FIRST}),ISNUMBER($D{FIRST}),"
            f"$C{FIRST}<=DATE({year},COLUMN()-3,0),$D{FIRST}>=DATE({year},COLUMN()-4,1))"
        ],
        fill=xlsx.fill(xlsx.tint(color, 0.25)),
    )
    ws.conditional_formatting.add(f"E{FIRST}:P{last}", gantt)
    xlsx.set_widths(ws, [7, 36, 11, 11, *([5.5] * 12), 30])
    for c in range(5, 17):
        ws.cell(HEADER, c).alignment = Alignment(horizontal="center", vertical="center")
    ws.freeze_panes = f"C{FIRST}"
