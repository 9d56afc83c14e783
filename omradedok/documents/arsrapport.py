"""arsrapport-ÅÅÅÅ.docx and .pdf: the yearly status report (phase 4, «Rapportering»).

One report per year with report data (:meth:`Initiative.report_years`: an activity's status
or money used, an indicator observed within the period, or the year's own texts). Everything
comes from the model:

* status per activity of the year's activity plan (``Activity.reports``): completed, ongoing,
  postponed, cancelled with the reason where given; an activity without a status is «ikke
  rapportert» and the report counts them;
* money used against the budget per funding source: the budget is the activity plan's one
  sum (``Funding.sum_of`` over the year's shares), the money used is the sum of the
  activities' ``spent``; a budgeted source nobody reported is unknown (a «minst» sum), never
  0 kr;
* indicators with baseline, the value observed in the year and the target;
* deviations derived from those facts (over budget, postponed or cancelled, an indicator
  whose target year has come without the target, or that has moved away from its baseline);
* the next year's priorities as the year's ``annual_reports`` entry writes them.

The report is ONE typed view (``view.blocks.Document``) rendered to DOCX by
``render/docx_body`` (house template) and to tagged PDF by ``render/pdf_body``; its words are
the ``ar_*`` keys of ``templates/labels.yaml`` (a municipality's copy overrides them). It is a
vedlegg of the saksframlegg only for the years ``council_case.attached_annual_reports`` names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..locale import enum_label, format_date, format_money
from ..model import (
    Activity,
    Funding,
    FundingSource,
    Indicator,
    Initiative,
    Language,
    ReportStatus,
)
from ..model.amount import Amount, add_up
from ..model.passages import plain
from ..view.blocks import Amount as ViewAmount
from ..view.blocks import (
    Block,
    Cell,
    Column,
    Document,
    ItemList,
    ListItem,
    Meta,
    Paragraph,
    Row,
    RunningHead,
    Section,
    Table,
    cell,
    numbered,
    para,
)
from ..view.blocks import Cover as ViewCover
from . import views
from .aktivitetsplan import prose, spans, sub_programme_names
from .base import Artifact, BuildContext

KIND = "arsrapport"
SOURCES: tuple[FundingSource, ...] = tuple(FundingSource)
STATUSES: tuple[ReportStatus, ...] = tuple(ReportStatus)


def docx_filename(year: int) -> str:
    return f"arsrapport-{year}.docx"


def pdf_filename(year: int) -> str:
    return f"arsrapport-{year}.pdf"


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# -- what the report states ------------------------------------------------------------------


def spent_amount(activity: Activity, year: int, source: FundingSource) -> Amount | None:
    """Money used from one source in ``year``: as reported; unknown for a source the year's
    budget has (or for every source when the budget is unknown) but nobody reported; None
    for a source that is part of neither."""
    report = activity.report(year)
    share = activity.share(year)
    if report is not None and report.spent.known:
        given = report.spent.amount(source)
        if given is not None:
            return given
    if not share.known or share.amount(source) is not None:
        return Amount.unknown()
    return None


@dataclass(frozen=True)
class StatusRow:
    """One activity of the report year: its status, reason, budget share and money used."""

    activity: Activity
    year: int
    group: str
    status: ReportStatus | None
    reason: str
    budget: Funding
    """The activity's share of the year's budget (``Activity.share``)."""
    spent: tuple[Amount | None, ...]
    """Money used per source in :data:`SOURCES` order (see :func:`spent_amount`)."""

    @property
    def spent_total(self) -> Amount:
        return add_up(self.spent)

    @property
    def spent_reported(self) -> bool:
        report = self.activity.report(self.year)
        return report is not None and report.spent.known

    @property
    def over_budget(self) -> bool:
        return self.budget.known and self.spent_total.exceeds(self.budget.total)


@dataclass(frozen=True)
class SourceLine:
    source: FundingSource
    budget: Amount
    spent: Amount

    @property
    def over_budget(self) -> bool:
        """Surely over: the least spent is above the most budgeted, and the budget is whole
        (a «minst» budget may be larger than what is known of it)."""
        return not self.budget.partial and self.spent.exceeds(self.budget)


@dataclass(frozen=True)
class IndicatorLine:
    goal_id: str
    indicator: Indicator
    observed: float | None
    source: str

    @property
    def direction(self) -> int:
        """+1 when the target is above the baseline (higher is better), -1 below, 0 when
        either is missing or they are equal: then no deviation can be derived."""
        ind = self.indicator
        if ind.baseline is None or ind.target is None:
            return 0
        diff = ind.target.value - ind.baseline.value
        return (diff > 0) - (diff < 0)


@dataclass(frozen=True)
class AnnualStatus:
    """Everything the årsrapport of one year shows."""

    model: Initiative
    year: int
    language: Language
    rows: list[StatusRow]
    sources: list[SourceLine]
    indicators: list[IndicatorLine]
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{self.t('ar_title')} {self.year}"

    def t(self, key: str, **values: Any) -> str:
        text = self.texts[key].format_map(
            _Keep(
                {
                    "year": self.year,
                    "next": self.year + 1,
                    "title": self.model.title,
                    "period": views.period_text(self.model),
                    **values,
                }
            )
        )
        return views.own_words(self.model, self.language, text)

    def count(self, status: ReportStatus | None) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def unreported(self) -> int:
        return self.count(None)

    @property
    def spent_unreported(self) -> int:
        return sum(1 for r in self.rows if not r.spent_reported)

    @property
    def budget(self) -> Funding:
        """The year's budget by source: the model's one sum over the activities' shares."""
        return Funding.sum_of(r.budget for r in self.rows)

    @property
    def spent_total(self) -> Amount:
        return add_up(line.spent for line in self.sources)

    @property
    def measured(self) -> int:
        return sum(1 for line in self.indicators if line.observed is not None)


def annual_status(
    model: Initiative, year: int, language: Language, template_dir: Path | None = None
) -> AnnualStatus:
    """The report of ``year``: the year's activities (delprogram order, input order inside),
    money by source, and every indicator with its value observed in the year."""
    subs = sub_programme_names(model)
    order = {sub_id: i for i, sub_id in enumerate(subs)}
    none = views.labels(language, template_dir)["ar_no_sub_programme"]
    acts = sorted(
        model.activities_in(year),
        key=lambda a: (a.sub_programme_id is None, order.get(a.sub_programme_id or "", len(order))),
    )
    rows = []
    for act in acts:
        report = act.report(year)
        sp = act.sub_programme_id or ""
        rows.append(
            StatusRow(
                activity=act,
                year=year,
                group=subs.get(sp, sp) if sp else none,
                status=report.status if report else None,
                reason=report.reason if report else "",
                budget=act.share(year),
                spent=tuple(spent_amount(act, year, s) for s in SOURCES),
            )
        )
    budget = Funding.sum_of(r.budget for r in rows)
    sources = [
        SourceLine(
            source,
            budget.amount(source) or Amount.exact(0),
            add_up(r.spent[i] for r in rows),
        )
        for i, source in enumerate(SOURCES)
    ]
    indicators = []
    for goal_id, ind in model.indicators():
        seen = [o for o in ind.observations if o.year == year]
        last = seen[-1] if seen else None
        indicators.append(
            IndicatorLine(goal_id, ind, last.value if last else None, last.source if last else "")
        )
    return AnnualStatus(
        model=model,
        year=year,
        language=language,
        rows=rows,
        sources=sources,
        indicators=indicators,
        texts=views.labels(language, template_dir),
    )


# -- the view ---------------------------------------------------------------------------------


def _money(value: Amount | None, report: AnnualStatus) -> Cell:
    """A budget amount: «–» for a source not part of it, «ikke fastsatt» when unknown."""
    if value is None:
        return cell("–")
    text = format_money(value, report.language)
    return cell(ViewAmount(value.low, text)) if value.low is not None else cell(text)


def spent_text(value: Amount, report: AnnualStatus) -> str:
    """Money used as printed: «ikke rapportert» when nothing of it is known."""
    if not value.known or (value.partial and value.low == 0):
        return report.t("ar_not_reported_lower")
    return format_money(value, report.language)


def _spent(value: Amount | None, report: AnnualStatus) -> Cell:
    if value is None:
        return cell("–")
    text = spent_text(value, report)
    return cell(ViewAmount(value.low, text)) if value.known and value.low else cell(text)


def _difference(budget: Amount, spent: Amount, report: AnnualStatus) -> Cell:
    """Budget minus spent, only where both are exact figures (negative: over budget)."""
    if not budget.is_exact or not spent.is_exact:
        return cell("–")
    assert budget.low is not None and spent.low is not None
    value = budget.low - spent.low
    return cell(ViewAmount(value, format_money(value, report.language)))


def status_label(status: ReportStatus | None, report: AnnualStatus) -> str:
    return enum_label(status, report.language) if status else report.t("ar_not_reported")


def _status_table(report: AnnualStatus) -> Table:
    columns = (
        Column(report.t("ar_col_nr"), 0.07),
        Column(report.t("ar_col_activity"), 0.28),
        Column(report.t("ar_col_status"), 0.15),
        Column(report.t("ar_col_reason"), 0.22),
        Column(report.t("ar_col_budget"), 0.14, "right"),
        Column(report.t("ar_col_spent"), 0.14, "right"),
    )
    rows: list[Row] = []
    group = None
    for row in report.rows:
        if row.group != group:
            group = row.group
            rows.append(Row((cell(plain(group), span=len(columns), bold=True),), "subheading"))
        act = row.activity
        if row.budget.known:
            budget = _money(row.budget.total, report)
        elif act.multi_year:
            budget = cell(report.t("ar_multi_year"))
        else:
            budget = cell(report.t("ar_not_set").lower())
        rows.append(
            Row(
                (
                    Cell(act.id),
                    Cell(act.title),
                    cell(status_label(row.status, report)),
                    Cell(row.reason),
                    budget,
                    _spent(row.spent_total, report),
                )
            )
        )
    return Table(columns, tuple(rows), caption=report.t("ar_caption_status"), key="status")


def _money_table(report: AnnualStatus) -> Table:
    lang = report.language
    columns = (
        Column(report.t("ar_col_source"), 0.31),
        Column(report.t("ar_col_budget_plain"), 0.23, "right"),
        Column(report.t("ar_col_spent_plain"), 0.23, "right"),
        Column(report.t("ar_col_remaining"), 0.23, "right"),
    )
    rows = [
        Row(
            (
                cell(enum_label(line.source, lang)),
                _money(line.budget, report),
                _spent(line.spent, report),
                _difference(line.budget, line.spent, report),
            )
        )
        for line in report.sources
    ]
    total_budget = report.budget.total
    rows.append(
        Row(
            (
                cell(report.t("ar_total")),
                _money(total_budget, report),
                _spent(report.spent_total, report),
                _difference(total_budget, report.spent_total, report),
            ),
            "sum",
        )
    )
    return Table(columns, tuple(rows), caption=report.t("ar_caption_money"), key="money")


def value_text(line: IndicatorLine, value: float, language: Language) -> str:
    return views.indicator_value(value, line.indicator.unit, language)


def _indicator_table(report: AnnualStatus) -> Table:
    lang = report.language
    columns = (
        Column(report.t("ar_col_indicator"), 0.34),
        Column(report.t("ar_col_goal"), 0.1),
        Column(report.t("ar_col_baseline"), 0.18),
        Column(report.t("ar_col_observed"), 0.2),
        Column(report.t("ar_col_target"), 0.18),
    )
    rows = []
    for line in report.indicators:
        ind = line.indicator
        if line.observed is None:
            observed = report.t("ar_not_measured")
        else:
            observed = value_text(line, line.observed, lang)
            if line.source:
                observed += f" ({line.source})"
        rows.append(
            Row(
                (
                    Cell(f"{ind.id} {ind.name}"),
                    Cell(line.goal_id),
                    cell(views.baseline_text(ind, lang)),
                    Cell(observed),
                    cell(views.target_text(ind, lang)),
                )
            )
        )
    return Table(columns, tuple(rows), caption=report.t("ar_caption_indicators"), key="indicators")


def deviations(report: AnnualStatus) -> list[str]:
    """The year's deviations as facts, in the order: money, activities, indicators."""
    lang = report.language
    out: list[str] = []
    for row in report.rows:
        if row.over_budget:
            act = row.activity
            out.append(
                report.t(
                    "ar_dev_activity_over",
                    id=act.id,
                    title=plain(act.title),
                    spent=spent_text(row.spent_total, report),
                    budget=format_money(row.budget.total, lang),
                )
            )
    for line in report.sources:
        if line.over_budget:
            out.append(
                report.t(
                    "ar_dev_source_over",
                    source=enum_label(line.source, lang),
                    spent=spent_text(line.spent, report),
                    budget=format_money(line.budget, lang),
                )
            )
    for row in report.rows:
        if row.status in (ReportStatus.POSTPONED, ReportStatus.CANCELLED):
            act = row.activity
            key = "ar_dev_postponed" if row.status is ReportStatus.POSTPONED else "ar_dev_cancelled"
            text = report.t(key, id=act.id, title=plain(act.title))
            reason = (
                report.t("ar_dev_reason", reason=plain(row.reason).rstrip(".")) + "."
                if row.reason
                else report.t("ar_dev_no_reason")
            )
            out.append(f"{text} {reason}")
    for measured in report.indicators:
        text = indicator_deviation(measured, report)
        if text:
            out.append(text)
    return out


def indicator_deviation(line: IndicatorLine, report: AnnualStatus) -> str:
    """An indicator behind its target: the target year has come and the value measured in
    the report year has not reached it, or the value has moved away from the baseline."""
    ind, observed, direction = line.indicator, line.observed, line.direction
    if observed is None or direction == 0:
        return ""
    assert ind.baseline is not None and ind.target is not None
    lang = report.language
    facts = {
        "id": ind.id,
        "name": plain(ind.name),
        "observed": value_text(line, observed, lang),
        "target": views.target_text(ind, lang),
        "baseline": views.baseline_text(ind, lang),
    }
    due = ind.target.year is not None and ind.target.year <= report.year
    if due and (observed - ind.target.value) * direction < 0:
        return report.t("ar_dev_target_missed", **facts)
    if (observed - ind.baseline.value) * direction < 0:
        key = "ar_dev_below_baseline" if direction > 0 else "ar_dev_above_baseline"
        return report.t(key, **facts)
    return ""


def _bullets(texts: Iterable[str]) -> ItemList:
    return ItemList(tuple(ListItem(spans(t)) for t in texts))


def report_view(report: AnnualStatus) -> Document:
    """The årsrapport of one year as one view: what its DOCX and its PDF print."""
    model, lang, year = report.model, report.language, report.year
    own = model.annual_report(year)
    count = len(report.rows)

    intro: list[Block] = [*prose(report.t("ar_intro" if report.rows else "ar_intro_no_plan"))]
    if own is not None and own.summary:
        intro.append(Section(report.t("ar_h_summary"), prose(own.summary), level=2, key="summary"))

    status: list[Block]
    if not report.rows:
        status = [para(report.t("ar_no_activities"))]
    else:
        counts = {s.value: str(report.count(s)) for s in STATUSES}
        status = [
            para(
                report.t(
                    "ar_status_counts",
                    count=str(count),
                    unreported=str(report.unreported),
                    **counts,
                )
            ),
            para(
                report.t("ar_unreported", unreported=str(report.unreported), count=str(count))
                if report.unreported
                else report.t("ar_all_reported")
            ),
            _status_table(report),
        ]

    money: list[Block]
    if not report.rows:
        money = [para(report.t("ar_no_budget"))]
    else:
        money = [
            para(report.t("ar_money_intro")),
            _money_table(report),
            para(
                report.t(
                    "ar_spent_unreported",
                    unreported=str(report.spent_unreported),
                    count=str(count),
                )
                if report.spent_unreported
                else report.t("ar_spent_all_reported")
            ),
            para(report.t("ar_money_note"), role="note"),
        ]

    indicators: list[Block]
    if not report.indicators:
        indicators = [para(report.t("ar_no_indicators"))]
    else:
        indicators = [
            para(report.t("ar_indicators_intro")),
            para(
                report.t(
                    "ar_measured_count",
                    measured=str(report.measured),
                    count=str(len(report.indicators)),
                )
            ),
            _indicator_table(report),
        ]

    found = deviations(report)
    deviation_blocks: list[Block] = [para(report.t("ar_deviations_intro"))]
    deviation_blocks.append(_bullets(found) if found else para(report.t("ar_no_deviations")))

    priorities: tuple[Paragraph, ...] = (
        prose(own.priorities) if own is not None and own.priorities.strip() else ()
    )
    sections: list[Block] = [
        Section(report.t("ar_h_intro"), tuple(intro), key="intro"),
        Section(report.t("ar_h_status"), tuple(status), key="status"),
        Section(report.t("ar_h_money"), tuple(money), key="money"),
        Section(report.t("ar_h_indicators"), tuple(indicators), key="indicators"),
        Section(report.t("ar_h_deviations"), tuple(deviation_blocks), key="deviations"),
        Section(
            report.t("ar_h_priorities"),
            priorities or (para(report.t("ar_no_priorities")),),
            key="priorities",
        ),
    ]
    date = own.date if own is not None else None
    date_text = format_date(date, lang) if date else report.t("ar_not_set")
    facts = [
        (
            report.t("area"),
            plain(", ".join(x for x in (model.area.name, model.area.district) if x)),
        ),
        (report.t("period"), views.period_text(model)),
        (report.t("ar_report_year"), str(year)),
        (report.t("ar_report_date"), date_text),
    ]
    if model.council_case is not None:
        facts.append((report.t("archive_case"), plain(model.council_case.archive_case_number)))
    footer = " · ".join(
        x for x in (plain(model.municipality.name), format_date(date, lang, style="short")) if x
    )
    return Document(
        meta=Meta(
            title=plain(f"{report.title} – {model.title}"),
            language=f"{lang.value}-NO",
            subject=plain(f"{model.title} {views.period_text(model)} – {model.area.name}"),
            keywords=("årsrapport", str(year), plain(model.area.name), "områdesatsing"),
            author=plain(model.municipality.name),
            date=date or model.document.date,
        ),
        body=numbered(sections),
        brand=views.brand_of(model),
        running_head=RunningHead(
            left=plain(model.title), centre=report.title, right=str(year), footer_left=footer
        ),
        cover=ViewCover(
            municipality=plain(model.municipality.name),
            kind=report.title,
            title=plain(model.title),
            subtitle=report.t("ar_subtitle"),
            facts=tuple(facts),
        ),
        contents_title=report.t("contents"),
        contents_depth=2,
    )


# -- rendering and the kind -------------------------------------------------------------------


def render_docx(
    model: Initiative, year: int, language: Language, template_dir: Path | None = None
) -> bytes:
    from ..render.docx_body import render_docx_body

    view = report_view(annual_status(model, year, language, template_dir))
    return render_docx_body(view, template_dir=template_dir)


def render_pdf(
    model: Initiative, year: int, language: Language, template_dir: Path | None = None
) -> bytes:
    from ..render.pdf_body import render_pdf_body

    return render_pdf_body(report_view(annual_status(model, year, language, template_dir)))


def _bind(
    render: Callable[[Initiative, int, Language, Path | None], bytes],
    model: Initiative,
    year: int,
    language: Language,
    template_dir: Path | None,
) -> Callable[[], bytes]:
    return lambda: render(model, year, language, template_dir)


def _bind_pdfa(docx: Callable[[], bytes], filename: str) -> Callable[[], bytes]:
    from .pdf_documents import docx_to_pdfa

    return lambda: docx_to_pdfa(docx(), filename)


class ArsrapportKind:
    """arsrapport-ÅÅÅÅ.docx and .pdf for every year with report data. The DOCX is a vedlegg
    of the saksframlegg only where ``council_case.attached_annual_reports`` names its year."""

    name = KIND
    order = 90  # after the plans it reports on
    attachment_rank = 70  # after the agreements and the role matrix: it reports, it does not plan

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        from . import pdf_documents as pdf

        model, options = context.model, context.options
        lang, engine, folder = options.language, options.pdf_engine, options.template_dir
        pdf._check_engine(engine)
        case = model.council_case
        attached = set(case.attached_annual_reports) if case is not None else set()
        out: list[Artifact] = []
        for year in model.report_years():
            title = f"{views.labels(lang, folder)['ar_title']} {year}"
            docx = _bind(render_docx, model, year, lang, folder)
            out.append(
                Artifact(docx_filename(year), self.name, title, docx, attachment=year in attached)
            )
            if engine == "libreoffice":
                render, cost = _bind_pdfa(docx, pdf_filename(year)), pdf.LIBREOFFICE_COST
            else:
                render, cost = _bind(render_pdf, model, year, lang, folder), 3.0
            out.append(
                Artifact(
                    pdf_filename(year),
                    self.name,
                    f"{title} (PDF)",
                    render,
                    attachment=False,
                    cost=cost,
                )
            )
        return out


DOCUMENT_KIND = ArsrapportKind()
