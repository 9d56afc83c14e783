"""aktivitetsplan-YYYY.docx, .pdf and .xlsx: the annual activity plan, one per year.

One path from the model to every format:

* :func:`activity_plan` reads the model once: the year's activities grouped by delprogram
  (programme order; input order inside a group), the budget by source (``Funding.sum_of``,
  the model's one sum), the frame;
* :func:`plan_view` makes that plan ONE typed view (``view.blocks.Document``): sections,
  headings, paragraphs, tables of amounts, figures with alt text;
* the DOCX (``render/docx_body``) and the PDF (``render/pdf_body``) are that view; the XLSX
  (:mod:`omradedok.documents.aktivitetsplan_xlsx`, the clerks' working copy with live
  formulas) writes the amounts of the same plan, each formula carrying the value the view
  prints.

Every word comes from :data:`LABELS` with ``labels.yaml`` over it (``ActivityPlan.t``), in
bokmål and nynorsk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from ..locale import enum_label, format_date, format_date_range, format_money, pick
from ..model import Activity, DocumentStatus, Funding, FundingSource, Initiative, Language
from ..model.amount import Amount
from ..model.passages import passages, plain
from ..view.blocks import Amount as ViewAmount
from ..view.blocks import (
    Block,
    Cell,
    Column,
    Document,
    Figure,
    Inline,
    Meta,
    Paragraph,
    ParagraphRole,
    Row,
    RunningHead,
    Section,
    Span,
    Table,
    cell,
    numbered,
    para,
    paras,
)
from ..view.blocks import Cover as ViewCover
from ..view.graphics import BarChart, Timeline
from . import views
from .base import Artifact, BuildContext
from .chart_data import activity_plan_figures

KIND = "aktivitetsplan"
SOURCES: tuple[FundingSource, ...] = tuple(FundingSource)
"""Funding sources in column order: kommunale, statlige, andre, overført fra i fjor."""

LABELS: dict[str, tuple[str, str]] = {
    "plan_title": ("Aktivitetsplan", "Aktivitetsplan"),
    "sheet_activities": ("Aktiviteter", "Aktivitetar"),
    "sheet_budget": ("Budsjett", "Budsjett"),
    "sheet_schedule": ("Tidsplan", "Tidsplan"),
    "sheet_lists": ("Lister", "Lister"),
    "col_nr": ("Nr", "Nr"),
    "col_sub_programme": ("Delprogram", "Delprogram"),
    "col_activity": ("Tiltak/aktivitet", "Tiltak/aktivitet"),
    "col_sub_goals": ("Bidrar til delmål", "Bidreg til delmål"),
    "col_goals": ("Bidrar til mål", "Bidreg til mål"),
    "owner": ("Eier", "Eigar"),
    "owners": ("Eiere", "Eigarar"),
    "col_result": ("Resultatmål / indikator", "Resultatmål / indikator"),
    "col_responsible": ("Ansvarlig", "Ansvarleg"),
    "col_partners": ("Samarbeidspartnere", "Samarbeidspartnarar"),
    "col_start": ("Start", "Start"),
    "col_end": ("Slutt", "Slutt"),
    "col_period": ("Periode", "Periode"),
    "col_sum": ("Sum", "Sum"),
    "col_status": ("Status", "Status"),
    "col_milestone": ("Milepæl", "Milepæl"),
    "col_budget": ("Budsjett", "Budsjett"),
    "multi_year": ("flerårig", "fleirårig"),
    "multi_year_note": (
        "Flerårig tiltak {years}; budsjettet er ikke fordelt på år",
        "Fleirårig tiltak {years}; budsjettet er ikkje fordelt på år",
    ),
    "share_note": (
        "Andel {year} av flerårig tiltak {years}",
        "Del {year} av fleirårig tiltak {years}",
    ),
    "no_sub_programme": ("Uten delprogram", "Utan delprogram"),
    "total": ("Sum", "Sum"),
    "total_year": ("Sum aktivitetsplanen", "Sum aktivitetsplanen"),
    "funding_source": ("Finansieringskilde", "Finansieringskjelde"),
    "plan": ("Aktivitetsplan", "Aktivitetsplan"),
    "budget_frame": ("Budsjettramme", "Budsjettramme"),
    "deviation": ("Avvik (ramme − plan)", "Avvik (ramme − plan)"),
    "per_sub_programme": ("Per delprogram", "Per delprogram"),
    "per_source": ("Per finansieringskilde", "Per finansieringskjelde"),
    "check": ("Kontroll", "Kontroll"),
    "over_frame": (
        "Advarsel: aktivitetene koster mer enn budsjettrammen for {year}",
        "Åtvaring: aktivitetane kostar meir enn budsjettramma for {year}",
    ),
    "within_frame": (
        "Aktivitetene holder seg innenfor budsjettrammen for {year}",
        "Aktivitetane held seg innanfor budsjettramma for {year}",
    ),
    "frame_unsure": (
        "Ikke alle beløp er fastsatt; sammenlign med budsjettrammen for {year} når de er det",
        "Ikkje alle beløp er fastsette; samanlikn med budsjettramma for {year} når dei er det",
    ),
    "no_frame": (
        "Ingen budsjettramme er registrert for {year}",
        "Inga budsjettramme er registrert for {year}",
    ),
    "budget_note": (
        "Summene regnes ut fra arket Aktiviteter og oppdateres når du endrer beløpene der.",
        "Summane blir rekna ut frå arket Aktivitetar og blir oppdaterte når du endrar beløpa der.",
    ),
    "insert_note": (
        "Nye aktiviteter: sett inn rader inne i tabellen (over summeraden), så kommer de med i summene.",
        "Nye aktivitetar: set inn rader inne i tabellen (over summeraden), så kjem dei med i summane.",
    ),
    "schedule_note": (
        "Feltene fylles ut fra start- og sluttdatoene på arket Aktiviteter.",
        "Felta blir fylte ut frå start- og sluttdatoane på arket Aktivitetar.",
    ),
    "lists_title": ("Verdier i nedtrekkslistene", "Verdiar i nedtrekkslistene"),
    "intro": (
        "Aktivitetsplanen for {year} viser tiltakene i {title} dette året: hva som skal gjøres, "
        "hvem som har ansvaret, når det skjer og hva det koster. Den bygger på handlingsplanen "
        "og er grunnlaget for søknaden om statlige midler.",
        "Aktivitetsplanen for {year} viser tiltaka i {title} dette året: kva som skal gjerast, "
        "kven som har ansvaret, når det skjer og kva det kostar. Han byggjer på handlingsplanen "
        "og er grunnlaget for søknaden om statlege midlar.",
    ),
    "h_activities": ("Tiltak per delprogram", "Tiltak per delprogram"),
    "h_budget": ("Budsjett og finansiering", "Budsjett og finansiering"),
    "budget_intro": (
        "Tabellen viser hva aktivitetene koster fordelt på finansieringskilde, sammenlignet med "
        "budsjettrammen for året.",
        "Tabellen viser kva aktivitetane kostar fordelt på finansieringskjelde, samanlikna med "
        "budsjettramma for året.",
    ),
    "sub_programme_total": ("Sum delprogram", "Sum delprogram"),
    "page": ("Side", "Side"),
    "of": ("av", "av"),
    "h_intro": ("Innledning", "Innleiing"),
    "count_text": (
        "Planen har {count} tiltak fordelt på {groups} delprogram.",
        "Planen har {count} tiltak fordelte på {groups} delprogram.",
    ),
    "h_budget_by_sub_programme": ("Budsjett per delprogram", "Budsjett per delprogram"),
    "caption_by_sub_programme": (
        "Budsjett per delprogram {year}, fordelt på finansieringskilde",
        "Budsjett per delprogram {year}, fordelt på finansieringskjelde",
    ),
    "h_financing": ("Finansieringsplan", "Finansieringsplan"),
    "caption_financing": (
        "Aktivitetsplanen {year} mot budsjettrammen, per finansieringskilde",
        "Aktivitetsplanen {year} mot budsjettramma, per finansieringskjelde",
    ),
    "financing_note": (
        "Avviket er budsjettrammen minus det aktivitetene koster. Et negativt avvik betyr at "
        "aktivitetene koster mer enn rammen.",
        "Avviket er budsjettramma minus det aktivitetane kostar. Eit negativt avvik tyder at "
        "aktivitetane kostar meir enn ramma.",
    ),
    "h_timeline": ("Tidslinje", "Tidsline"),
    "col_responsible_partners": ("Ansvarlig / partnere", "Ansvarleg / partnarar"),
    "col_result_sub_goals": ("Resultatmål (delmål)", "Resultatmål (delmål)"),
    "col_result_goals": ("Resultatmål (mål)", "Resultatmål (mål)"),
    "short_municipal": ("Kommune", "Kommune"),
    "short_state": ("Stat", "Stat"),
    "short_other": ("Andre", "Andre"),
    "short_carried_over": ("Overført", "Overført"),
    "amounts_note": (
        "I tabellene over tiltakene står kolonnene Kommune, Stat, Andre og Overført for "
        "kommunale midler, statlige midler, andre midler (egenandel, eksterne) og midler "
        "overført fra i fjor. En strek (–) betyr at kilden ikke er med i tiltaket. Periode er "
        "når tiltaket starter og slutter.",
        "I tabellane over tiltaka står kolonnane Kommune, Stat, Andre og Overført for "
        "kommunale midlar, statlege midlar, andre midlar (eigendel, eksterne) og midlar "
        "overførte frå i fjor. Ein strek (–) tyder at kjelda ikkje er med i tiltaket. Periode "
        "er når tiltaket tek til og sluttar.",
    ),
    "subtitle": ("Handlingsplan {period}", "Handlingsplan {period}"),
    "watermark_draft": ("UTKAST", "UTKAST"),
    "watermark_consultation": ("HØRINGSUTKAST", "HØYRINGSUTKAST"),
}
"""Every text of the activity plan, bokmål and nynorsk, for the XLSX and the DOCX alike."""


class _Keep(dict[str, Any]):
    """Placeholders a caller does not fill stay as they are («{years}»)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def label(language: Language, key: str, **values: Any) -> str:
    nb, nn = LABELS[key]
    return pick(language, nb, nn).format_map(_Keep(values))


def labels(language: Language) -> dict[str, str]:
    """All labels in one language (``{year}`` placeholders left for the caller)."""
    return {key: pick(language, nb, nn) for key, (nb, nn) in LABELS.items()}


# -- the view ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    """One activity as the plan shows it (raw dates and kroner; formatting is the renderer's)."""

    activity: Activity
    sub_programme: str
    responsible: str
    partners: str
    sub_goals: str
    """The goals the activity serves: hovedmål given directly first, then its delmål."""
    status: str
    year: int = 0
    owners: str = ""
    """«Eier: Husbanken og Fjordvik kommune» – shared ownership as the input gives it."""
    """The plan's year (a multi-year activity shows its share of that year)."""

    @property
    def share(self) -> Funding:
        return self.activity.share(self.year)

    @property
    def funding(self) -> tuple[Amount | None, ...]:
        return tuple(self.share.amount(s) for s in SOURCES)

    @property
    def unsplit(self) -> bool:
        """A multi-year activity whose budget is not split by year: marked «flerårig»."""
        return self.activity.multi_year and not self.share.known


@dataclass(frozen=True)
class PlanGroup:
    """The activities of one delprogram."""

    sub_programme_id: str
    name: str
    rows: list[PlanRow]

    @cached_property
    def budget(self) -> Funding:
        """The group's budget by source: the model's one sum (``Funding.sum_of``)."""
        return Funding.sum_of(r.share for r in self.rows)

    @property
    def funding(self) -> tuple[Amount, ...]:
        """Per source; a row with no known funding makes every source «minst»."""
        budget = self.budget
        return tuple(budget.amount(s) or Amount.exact(0) for s in SOURCES)

    @property
    def total(self) -> Amount:
        return self.budget.total


@dataclass(frozen=True)
class SourceLine:
    source: FundingSource
    label: str
    planned: Amount
    frame: Amount | None


@dataclass(frozen=True)
class ActivityPlan:
    """Everything the activity plan of one year shows."""

    model: Initiative
    year: int
    language: Language
    groups: list[PlanGroup]
    sources: list[SourceLine]
    sub_programmes: list[str] = field(default_factory=list)
    """Display names of every delprogram (drop-down list), in programme order."""
    responsibles: list[str] = field(default_factory=list)
    """Display names of every role (drop-down list)."""
    texts: dict[str, str] = field(default_factory=dict)
    """Every label in the plan's language: :data:`LABELS` with the shared ``labels.yaml``
    (and a municipality's own copy in its template folder) over it – the one source of the
    plan's words in DOCX, PDF and XLSX alike."""

    @property
    def rows(self) -> list[PlanRow]:
        return [row for group in self.groups for row in group.rows]

    @cached_property
    def budget(self) -> Funding:
        """The whole year's budget by source (``Funding.sum_of`` over every activity)."""
        return Funding.sum_of(row.share for row in self.rows)

    @property
    def planned(self) -> Amount:
        return self.budget.total

    @property
    def frame(self) -> Amount | None:
        frame = self.model.budget_frame_for(self.year)
        return frame.total if frame is not None else None

    @property
    def over_frame(self) -> bool:
        return self.frame is not None and self.planned.exceeds(self.frame)

    @property
    def title(self) -> str:
        return f"{label(self.language, 'plan_title')} {self.year}"

    def goals_column(self, prefix: str) -> str:
        """The label key of the goals column: «… delmål» unless an activity serves a
        hovedmål directly (then «… mål»)."""
        direct = any(row.activity.goal_ids for row in self.rows)
        return f"{prefix}_goals" if direct else f"{prefix}_sub_goals"

    def t(self, key: str, **values: Any) -> str:
        """A label in the plan's language and the initiative's own words, with ``{year}``,
        ``{title}`` and ``values`` filled in."""
        text = self.texts[key] if key in self.texts else label(self.language, key)
        text = text.format_map(_Keep({"year": self.year, "title": self.model.title, **values}))
        return views.own_words(self.model, self.language, text)


def sub_programme_names(model: Initiative) -> dict[str, str]:
    """Delprogram id → the name clerks see (the id is added only when names repeat)."""
    subs = model.programme.sub_programmes
    counts: dict[str, int] = {}
    for sub in subs:
        counts[sub.name] = counts.get(sub.name, 0) + 1
    return {s.id: s.name if counts[s.name] == 1 else f"{s.name} ({s.id})" for s in subs}


def role_names(model: Initiative) -> dict[str, str]:
    """Role id → «Title (Holder)», unique per role."""
    names: dict[str, str] = {}
    for role in model.organisation.roles:
        text = role.title
        if role.holder and role.holder not in role.title:
            text = f"{role.title} ({role.holder})"
        if text in names.values():
            text = f"{text} [{role.id}]"
        names[role.id] = text
    return names


def _frame_amount(frame: Funding | None, source: FundingSource) -> Amount | None:
    """A source's frame: None without a frame, unknown when the frame gives no amount at
    all, exact 0 for a source a known frame leaves out."""
    if frame is None:
        return None
    if not frame.known:
        return Amount.unknown()
    return frame.amount(source) or Amount.exact(0)


def _owners(model: Initiative, owner_ids: list[str], language: Language) -> str:
    if not owner_ids:
        return ""
    key = "owners" if len(owner_ids) > 1 else "owner"
    return f"{label(language, key)}: {views.owners_text(model, owner_ids, language)}"


def activity_plan(
    model: Initiative, year: int, language: Language, template_dir: Path | None = None
) -> ActivityPlan:
    """The plan of ``year``: activities grouped by delprogram (programme order, each group
    in input order), sums by funding source, and the budget frame."""
    subs = sub_programme_names(model)
    roles = role_names(model)
    order = {sub_id: i for i, sub_id in enumerate(subs)}
    groups: dict[str, list[PlanRow]] = {}
    none = label(language, "no_sub_programme")
    for act in model.activities_in(year):
        sp = act.sub_programme_id or ""
        groups.setdefault(sp, []).append(
            PlanRow(
                activity=act,
                sub_programme=subs.get(sp, sp) if sp else none,
                responsible=roles.get(act.responsible_role_id or "", act.responsible_role_id or ""),
                # «kommunen», a body or a partner, by its name
                partners=", ".join(views.party_name(model, p) for p in act.partner_ids),
                sub_goals=", ".join([*act.goal_ids, *act.sub_goal_ids]),
                owners=_owners(model, act.owner_ids, language),
                status=enum_label(act.status, language),
                year=year,
            )
        )
    ordered = sorted(groups, key=lambda s: (s == "", order.get(s, len(order)), s))
    plan_groups = [PlanGroup(s, subs.get(s, s) if s else none, groups[s]) for s in ordered]
    frame = model.budget_frame_for(year)
    budget = Funding.sum_of(row.share for group in plan_groups for row in group.rows)
    sources = [
        SourceLine(
            source,
            enum_label(source, language),
            budget.amount(source) or Amount.exact(0),
            _frame_amount(frame, source),
        )
        for source in SOURCES
    ]
    texts = {key: pick(language, nb, nn) for key, (nb, nn) in LABELS.items()}
    texts.update(views.labels(language, template_dir))
    return ActivityPlan(
        model=model,
        year=year,
        language=language,
        groups=plan_groups,
        sources=sources,
        sub_programmes=list(subs.values()),
        responsibles=list(roles.values()),
        texts=texts,
    )


# -- the view: one document for DOCX and PDF -------------------------------------------------

SHORT_SOURCE_KEYS = {
    FundingSource.MUNICIPAL: "short_municipal",
    FundingSource.STATE: "short_state",
    FundingSource.OTHER: "short_other",
    FundingSource.CARRIED_OVER: "short_carried_over",
}
"""Column heads of the narrow money columns; the note under the tables spells them out."""

ACTIVITY_COLUMNS = (0.035, 0.14, 0.12, 0.115, 0.08)
"""Nr, tiltak, resultatmål (delmål), ansvarlig / partnere, periode: shares of the width."""
MONEY_COLUMN, SUM_COLUMN, STATUS_COLUMN = 0.09, 0.09, 0.06
"""Wide enough for «27 400 000 kr» on one line of a landscape page (an amount never breaks)."""


def text_cell(text: str) -> Cell:
    """A cell of input text, its passages in another language («[se: Giellabeassi]») kept
    marked: the renderers print them without markers, each with its language (a ``w:lang``
    run in the DOCX, a /Lang span in the PDF)."""
    return Cell(text)


def spans(text: str) -> Inline:
    """Input text as spans: each passage in another language its own span with its tag."""
    return tuple(Span(p.text, lang=p.lang) for p in passages(text) if p.text)


def prose(text: str, role: ParagraphRole = "body") -> tuple[Paragraph, ...]:
    """Paragraphs of input text (a blank line starts one), passages marked."""
    return tuple(Paragraph(spans(p.text), role) for p in paras(text, role))


def _figure(figure: Figure) -> Figure:
    """A chart as the view prints it: names without passage markers."""
    chart = figure.chart
    if isinstance(chart, BarChart):
        chart = replace(chart, categories=tuple(plain(c) for c in chart.categories))
    elif isinstance(chart, Timeline):
        chart = replace(
            chart,
            items=tuple(replace(i, label=plain(i.label)) for i in chart.items),
            milestones=tuple(replace(m, label=plain(m.label)) for m in chart.milestones),
        )
    return replace(
        figure, chart=chart, alt_text=plain(figure.alt_text), caption=plain(figure.caption)
    )


def money_cell(value: Amount | None, language: Language, **looks: Any) -> Cell:
    """An amount as a table cell: the Babel text («1 250 000 kr», «anslag 40 000 kr»,
    «ikke fastsatt») with its figure; «–» for a source that is not part of the funding."""
    if value is None:
        return cell("–", **looks)
    text = format_money(value, language)
    if value.low is None:
        return cell(text, **looks)
    return cell(ViewAmount(value.low, text), **looks)


def deviation(frame: Amount | None, planned: Amount) -> int | None:
    """Frame minus plan in whole kroner – only where both are exact figures; negative when
    the activities cost more than the frame (never clamped)."""
    if frame is None or not frame.is_exact or not planned.is_exact:
        return None
    assert frame.low is not None and planned.low is not None
    return frame.low - planned.low


def deviation_cell(frame: Amount | None, planned: Amount, language: Language) -> Cell:
    value = deviation(frame, planned)
    if value is None:
        return cell("–")
    return cell(ViewAmount(value, format_money(value, language)))


def period_text(row: PlanRow, plan: ActivityPlan) -> str:
    """Start and end as given; a multi-year activity says which share of it the plan shows."""
    act = row.activity
    text = format_date_range(act.start, act.end, plan.language) if (act.start or act.end) else ""
    if act.multi_year:
        years = f"{act.years[0]}–{act.years[-1]}"
        note = plan.t("multi_year_note" if row.unsplit else "share_note", years=years)
        text = f"{text} ({note[0].lower()}{note[1:]})" if text else note
    return text


def result_text(row: PlanRow) -> str:
    """The result target, and the delmål the activity serves in brackets."""
    target = row.activity.result_target
    if not row.sub_goals:
        return target
    return f"{target} ({row.sub_goals})" if target else row.sub_goals


def frame_check(plan: ActivityPlan) -> str:
    """The plan against its frame, in the same words in every format."""
    if plan.frame is None:
        return plan.t("no_frame")
    if plan.over_frame:
        return plan.t("over_frame")
    if not (plan.frame.is_exact and plan.planned.is_exact):
        return plan.t("frame_unsure")
    return plan.t("within_frame")


def _activity_table(plan: ActivityPlan, group: PlanGroup) -> Table:
    lang = plan.language
    columns = (
        Column(plan.t("col_nr"), ACTIVITY_COLUMNS[0]),
        Column(plan.t("col_activity"), ACTIVITY_COLUMNS[1]),
        Column(plan.t(plan.goals_column("col_result")), ACTIVITY_COLUMNS[2]),
        Column(plan.t("col_responsible_partners"), ACTIVITY_COLUMNS[3]),
        Column(plan.t("col_period"), ACTIVITY_COLUMNS[4]),
        *(Column(plan.t(SHORT_SOURCE_KEYS[s]), MONEY_COLUMN, "right") for s in SOURCES),
        Column(plan.t("col_sum"), SUM_COLUMN, "right"),
        Column(plan.t("col_status"), STATUS_COLUMN),
    )
    rows = []
    for row in group.rows:
        act = row.activity
        who = "; ".join(x for x in (row.responsible, row.owners, row.partners) if x)
        if row.unsplit:
            money = [cell("") for _ in SOURCES]
            total = cell(plan.t("multi_year"))
        else:
            money = [money_cell(a, lang) for a in row.funding]
            total = money_cell(row.share.total, lang)
        rows.append(
            Row(
                (
                    text_cell(act.id),
                    text_cell(f"{act.title} – {act.description}" if act.description else act.title),
                    text_cell(result_text(row)),
                    text_cell(who),
                    cell(period_text(row, plan)),
                    *money,
                    total,
                    cell(row.status),
                )
            )
        )
    return Table(columns, tuple(rows), wide=True, key=f"activities_{group.sub_programme_id}")


def by_sub_programme_table(plan: ActivityPlan) -> Table:
    lang = plan.language
    columns = (
        Column(plan.t("col_sub_programme"), 0.2),
        *(Column(enum_label(s, lang), 0.15, "right") for s in SOURCES),
        Column(plan.t("col_sum"), 0.2, "right"),
    )
    rows = [
        Row(
            (
                text_cell(group.name),
                *(money_cell(a, lang) for a in group.funding),
                money_cell(group.total, lang),
            )
        )
        for group in plan.groups
    ]
    rows.append(
        Row(
            (
                cell(plan.t("total")),
                *(money_cell(line.planned, lang) for line in plan.sources),
                money_cell(plan.planned, lang),
            ),
            "sum",
        )
    )
    return Table(
        columns, tuple(rows), caption=plan.t("caption_by_sub_programme"), key="by_sub_programme"
    )


def financing_table(plan: ActivityPlan) -> Table:
    lang = plan.language
    columns = (
        Column(plan.t("funding_source"), 0.31),
        Column(plan.t("plan"), 0.23, "right"),
        Column(plan.t("budget_frame"), 0.23, "right"),
        Column(plan.t("deviation"), 0.23, "right"),
    )
    rows = [
        Row(
            (
                cell(line.label),
                money_cell(line.planned, lang),
                money_cell(line.frame, lang),
                deviation_cell(line.frame, line.planned, lang),
            )
        )
        for line in plan.sources
    ]
    rows.append(
        Row(
            (
                cell(plan.t("total")),
                money_cell(plan.planned, lang),
                money_cell(plan.frame, lang),
                deviation_cell(plan.frame, plan.planned, lang),
            ),
            "sum",
        )
    )
    return Table(columns, tuple(rows), caption=plan.t("caption_financing"), key="financing")


def _watermark(plan: ActivityPlan) -> str | None:
    status = plan.model.document.status
    if status is DocumentStatus.DRAFT:
        return plan.t("watermark_draft")
    if status is DocumentStatus.CONSULTATION:
        return plan.t("watermark_consultation")
    return None


def _cover(plan: ActivityPlan) -> ViewCover:
    model, lang = plan.model, plan.language
    doc = model.document
    area = model.area
    facts = [
        (plan.t("area"), plain(", ".join(x for x in (area.name, area.district) if x))),
        (plan.t("period"), views.period_text(model)),
        (plan.t("status"), enum_label(doc.status, lang)),
        (
            plan.t("version") if doc.version else plan.t("date"),
            f"{doc.version}, {format_date(doc.date, lang)}"
            if doc.version
            else format_date(doc.date, lang),
        ),
    ]
    if model.council_case is not None:
        facts.append((plan.t("archive_case"), plain(model.council_case.archive_case_number)))
    return ViewCover(
        municipality=plain(model.municipality.name),
        kind=plan.title,
        title=plain(model.title),
        subtitle=plan.t("subtitle", period=views.period_text(model)),
        facts=tuple(facts),
        statement=plain(views.status_statement(model, lang, plan.title)[0]),
    )


def plan_view(plan: ActivityPlan) -> Document:
    """The activity plan of one year as one view: what its DOCX and its PDF print, in the
    same order with the same numbers, tables, amounts and figures."""
    model, lang = plan.model, plan.language
    figures = {f.key: _figure(f) for f in activity_plan_figures(model, lang, plan.year)}
    doc = model.document

    intro: list[Block] = [
        *prose(plan.t("intro")),
        para(plan.t("count_text", count=str(len(plan.rows)), groups=str(len(plan.groups)))),
        para(plan.t("amounts_note")),
        *(
            p
            for line in views.status_statement(model, lang, plan.title)
            for p in prose(line, role="note")
        ),
    ]
    groups: list[Block] = [
        Section(plain(group.name), (_activity_table(plan, group),), level=2, key=f"group_{i}")
        for i, group in enumerate(plan.groups, 1)
    ]
    budget: list[Block] = [para(plan.t("budget_intro")), by_sub_programme_table(plan)]
    chart = figures.get(f"budget_by_subprogramme_{plan.year}")
    if chart is not None:
        budget.append(chart)
    frame = model.budget_frame_for(plan.year)
    financing: list[Block] = [
        financing_table(plan),
        para(frame_check(plan), role="warning" if plan.over_frame else "body"),
        para(plan.t("financing_note"), role="note"),
    ]
    if frame is not None and frame.note:
        financing += prose(frame.note, role="note")
    budget.append(Section(plan.t("h_financing"), tuple(financing), level=2, key="financing"))
    sections: list[Block] = [
        Section(plan.t("h_intro"), tuple(intro), key="intro"),
        Section(plan.t("h_activities"), tuple(groups), key="activities"),
        Section(plan.t("h_budget"), tuple(budget), key="budget"),
    ]
    timeline = figures.get(f"timeline_{plan.year}")
    if timeline is not None:
        sections.append(Section(plan.t("h_timeline"), (timeline,), key="timeline", new_page=True))
    footer = " · ".join(
        x
        for x in (
            plain(model.municipality.name),
            f"versjon {doc.version}" if doc.version else "",
            format_date(doc.date, lang, style="short"),
        )
        if x
    )
    return Document(
        meta=Meta(
            title=plain(f"{plan.title} – {model.title}"),
            language=f"{lang.value}-NO",
            subject=plain(f"{model.title} {views.period_text(model)} – {model.area.name}"),
            keywords=("aktivitetsplan", str(plan.year), plain(model.area.name), "områdesatsing"),
            author=plain(model.municipality.name),
            date=doc.date,
        ),
        body=numbered(sections),
        brand=views.brand_of(model),
        running_head=RunningHead(
            left=plain(model.title),
            centre=plan.title,
            right=enum_label(doc.status, lang),
            footer_left=footer,
            watermark=_watermark(plan),
        ),
        cover=_cover(plan),
        contents_title=plan.t("contents"),
        contents_depth=2,
    )


# -- the kind ------------------------------------------------------------------------------


def xlsx_filename(year: int) -> str:
    return f"aktivitetsplan-{year}.xlsx"


def docx_filename(year: int) -> str:
    return f"aktivitetsplan-{year}.docx"


class AktivitetsplanKind:
    """aktivitetsplan-YYYY.xlsx and aktivitetsplan-YYYY.docx for every year with activities."""

    name = KIND
    order = 40
    attachment_rank = 20  # right after the handlingsplan

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model, options = context.model, context.options
        out: list[Artifact] = []
        for year in model.activity_years():
            title = f"{label(options.language, 'plan_title')} {year}"
            out.append(
                Artifact(
                    filename=docx_filename(year),
                    kind=self.name,
                    title=title,
                    render=_bind(_render_docx, model, year, options.language, options.template_dir),
                )
            )
            out.append(
                Artifact(
                    filename=xlsx_filename(year),
                    kind=self.name,
                    title=pick(options.language, f"{title} (regneark)", f"{title} (rekneark)"),
                    render=_bind(_render_xlsx, model, year, options.language, options.template_dir),
                    attachment=False,
                    cost=3,
                )
            )
        return out


def _bind(
    render: Callable[[Initiative, int, Language, Path | None], bytes],
    model: Initiative,
    year: int,
    language: Language,
    template_dir: Path | None,
) -> Callable[[], bytes]:
    return lambda: render(model, year, language, template_dir)


def _render_xlsx(
    model: Initiative, year: int, language: Language, template_dir: Path | None
) -> bytes:
    from .aktivitetsplan_xlsx import render_xlsx

    return render_xlsx(activity_plan(model, year, language, template_dir))


def _render_docx(
    model: Initiative, year: int, language: Language, template_dir: Path | None
) -> bytes:
    return render_docx_plan(activity_plan(model, year, language, template_dir), template_dir)


def render_docx_plan(plan: ActivityPlan, template_dir: Path | None = None) -> bytes:
    """aktivitetsplan-YYYY.docx: the plan's view through the house template."""
    from ..render.docx_body import render_docx_body

    return render_docx_body(plan_view(plan), template_dir=template_dir)


def render_pdf_plan(plan: ActivityPlan) -> bytes:
    """aktivitetsplan-YYYY.pdf: the same view as the DOCX, laid out by reportlab."""
    from ..render.pdf_body import render_pdf_body

    return render_pdf_body(plan_view(plan))


def pdf_filename(year: int) -> str:
    return f"aktivitetsplan-{year}.pdf"


class AktivitetsplanPdfKind:
    """aktivitetsplan-YYYY.pdf for every year with activities: the view of the DOCX (engine
    «reportlab»), or the DOCX itself exported by LibreOffice as PDF/A (engine «libreoffice»)."""

    name = "aktivitetsplan-pdf"
    order = 80  # after the DOCX it may be converted from
    attachment_rank = 20  # its artifacts are no vedlegg; ranked with the aktivitetsplan

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        from . import pdf_documents as pdf

        model, options = context.model, context.options
        lang, engine = options.language, options.pdf_engine
        pdf._check_engine(engine)
        out = []
        for year in model.activity_years():
            filename = pdf_filename(year)
            title = pick(lang, f"Aktivitetsplan {year} (PDF)", f"Aktivitetsplan {year} (PDF)")
            if engine == "libreoffice":
                docx = pdf._docx_render(context, docx_filename(year), KIND)
                render = _bind_pdfa(docx, filename)
                cost = pdf.LIBREOFFICE_COST
            else:
                render = _bind(_render_pdf, model, year, lang, options.template_dir)
                cost = 4
            out.append(Artifact(filename, self.name, title, render, attachment=False, cost=cost))
        return out


def _bind_pdfa(docx: Callable[[], bytes], filename: str) -> Callable[[], bytes]:
    from .pdf_documents import docx_to_pdfa

    return lambda: docx_to_pdfa(docx(), filename)


def _render_pdf(
    model: Initiative, year: int, language: Language, template_dir: Path | None
) -> bytes:
    return render_pdf_plan(activity_plan(model, year, language, template_dir))


DOCUMENT_KIND = AktivitetsplanKind()
PDF_DOCUMENT_KIND = AktivitetsplanPdfKind()
