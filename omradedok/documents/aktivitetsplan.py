"""aktivitetsplan-YYYY.xlsx and aktivitetsplan-YYYY.docx: the annual activity plan, one per year.

The spreadsheet is the clerks' working copy (live sums, drop-downs, a Gantt view; see
:mod:`omradedok.documents.aktivitetsplan_xlsx`); the Word file is the same plan for the
council: tables by delprogram and a budget summary by funding source. Both are built from one
view (:func:`activity_plan`) and one set of labels (:data:`LABELS`, bokmål and nynorsk).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..locale import enum_label, format_date, format_date_range, format_money, pick
from ..model import Activity, Funding, FundingSource, Initiative, Language
from ..model.amount import Amount, add_up
from . import registry, views
from .base import Artifact, BuildContext

KIND = "aktivitetsplan"
TEMPLATE = "aktivitetsplan/aktivitetsplan.docx"
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
    status: str
    year: int = 0
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

    @property
    def funding(self) -> tuple[Amount, ...]:
        """Per source; a row with no known funding makes every source «minst»."""
        out = []
        for i in range(len(SOURCES)):
            parts: list[Amount | None] = []
            for r in self.rows:
                parts.append(r.funding[i] if r.share.known else Amount.unknown())
            out.append(add_up(parts))
        return tuple(out)

    @property
    def total(self) -> Amount:
        return add_up(r.share.total for r in self.rows)


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

    @property
    def rows(self) -> list[PlanRow]:
        return [row for group in self.groups for row in group.rows]

    @property
    def planned(self) -> Amount:
        return add_up(group.total for group in self.groups)

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

    def t(self, key: str) -> str:
        from .views import own_words

        text = label(self.language, key, year=self.year, title=self.model.title)
        return own_words(self.model, self.language, text)


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


def activity_plan(model: Initiative, year: int, language: Language) -> ActivityPlan:
    """The plan of ``year``: activities grouped by delprogram (programme order), sums by
    funding source, and the budget frame."""
    subs = sub_programme_names(model)
    roles = role_names(model)
    partners = {p.id: p.name for p in model.partners}
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
                partners=", ".join(partners.get(p, p) for p in act.partner_ids),
                sub_goals=", ".join(act.sub_goal_ids),
                status=enum_label(act.status, language),
                year=year,
            )
        )
    ordered = sorted(groups, key=lambda s: (s == "", order.get(s, len(order)), s))
    plan_groups = [PlanGroup(s, subs.get(s, s) if s else none, groups[s]) for s in ordered]
    frame = model.budget_frame_for(year)
    sources = [
        SourceLine(
            source,
            enum_label(source, language),
            add_up(g.funding[i] for g in plan_groups),
            _frame_amount(frame, source),
        )
        for i, source in enumerate(SOURCES)
    ]
    return ActivityPlan(
        model=model,
        year=year,
        language=language,
        groups=plan_groups,
        sources=sources,
        sub_programmes=list(subs.values()),
        responsibles=list(roles.values()),
    )


# -- the DOCX view -------------------------------------------------------------------------

VIEW_KEYS = frozenset(
    {
        "t",
        "municipality",
        "header_text",
        "status_banner",
        "logo",
        "doc",
        "title",
        "intro",
        "groups",
        "sources",
        "by_sub_programme",
        "funding",
        "source_totals",
        "planned_total",
        "frame_total",
        "deviation_total",
        "frame_check",
        "over_frame",
        "date",
    }
)
"""Top-level keys of the aktivitetsplan.docx view (for ``omradedok templates check``)."""


def docx_view(plan: ActivityPlan, template_dir: Path | None = None) -> dict[str, Any]:
    """The plan as plain, formatted data for ``aktivitetsplan.docx``."""
    from . import views

    lang, model = plan.language, plan.model

    def money(value: Amount | None) -> str:
        return format_money(value, lang)

    def row_budget(row: PlanRow) -> str:
        if row.unsplit:
            return label(lang, "multi_year")
        return money(row.share.total)

    def row_period(row: PlanRow) -> str:
        act = row.activity
        text = format_date_range(act.start, act.end, lang) if (act.start or act.end) else ""
        if act.multi_year:
            years = f"{act.years[0]}–{act.years[-1]}"
            note = label(
                lang,
                "multi_year_note" if row.unsplit else "share_note",
                years=years,
                year=plan.year,
            )
            text = f"{text}\n{note}" if text else note
        return text

    view = views.base_view(model, lang, plan.title, template_dir)
    # the plan's own labels first: the shared labels.yaml (and a municipality's own copy in
    # its template folder) win where both have a key
    view["t"] = {**{k: plan.t(k) for k in LABELS}, **view["t"]}
    view["doc"] = {**view["doc"], "subtitle": f"{model.title} – {plan.year}"}
    view["title"] = plan.title
    view["intro"] = plan.t("intro")
    view["groups"] = [
        {
            "name": group.name,
            "rows": [
                {
                    "nr": row.activity.id,
                    "title": row.activity.title,
                    "details": "\n".join(
                        x
                        for x in (
                            row.activity.result_target,
                            f"{plan.t('col_sub_goals')}: {row.sub_goals}" if row.sub_goals else "",
                        )
                        if x
                    ),
                    "responsible": row.responsible,
                    "partners": row.partners,
                    "period": row_period(row),
                    "milestone": row.activity.milestone,
                    "budget": row_budget(row),
                    "status": row.status,
                }
                for row in group.rows
            ],
            "total": money(group.total),
        }
        for group in plan.groups
    ]
    view["sources"] = [
        {
            "label": line.label,
            "planned": money(line.planned),
            "frame": money(line.frame) if line.frame is not None else "–",
            "deviation": _deviation(line.frame, line.planned, lang),
        }
        for line in plan.sources
    ]
    view["by_sub_programme"] = [
        {
            "name": g.name,
            **{s.value: money(g.funding[i]) for i, s in enumerate(SOURCES)},
            "total": money(g.total),
        }
        for g in plan.groups
    ]
    view["funding"] = {s.value: enum_label(s, lang) for s in SOURCES}
    view["source_totals"] = {line.source.value: money(line.planned) for line in plan.sources}
    view["planned_total"] = money(plan.planned)
    view["frame_total"] = money(plan.frame) if plan.frame is not None else "–"
    view["deviation_total"] = _deviation(plan.frame, plan.planned, lang)
    if plan.frame is None:
        view["frame_check"] = plan.t("no_frame")
    else:
        view["frame_check"] = plan.t("over_frame" if plan.over_frame else "within_frame")
    view["over_frame"] = plan.over_frame
    view["date"] = format_date(model.document.date, lang)
    return view


def _deviation(frame: Amount | None, planned: Amount, language: Language) -> str:
    """Frame minus plan – only where both are exact figures; otherwise a dash."""
    if frame is None or not frame.is_exact or not planned.is_exact:
        return "–"
    assert frame.low is not None and planned.low is not None
    return format_money(frame.low - planned.low, language)


# -- the kind ------------------------------------------------------------------------------


def xlsx_filename(year: int) -> str:
    return f"aktivitetsplan-{year}.xlsx"


def docx_filename(year: int) -> str:
    return f"aktivitetsplan-{year}.docx"


class AktivitetsplanKind:
    """aktivitetsplan-YYYY.xlsx and aktivitetsplan-YYYY.docx for every year with activities."""

    name = KIND

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
                    render=_bind(_render_xlsx, model, year, options.language, None),
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


def _render_xlsx(model: Initiative, year: int, language: Language, _: Path | None) -> bytes:
    from .aktivitetsplan_xlsx import render_xlsx

    return render_xlsx(activity_plan(model, year, language))


def _render_docx(
    model: Initiative, year: int, language: Language, template_dir: Path | None
) -> bytes:
    return render_docx_plan(activity_plan(model, year, language), template_dir)


def render_docx_plan(plan: ActivityPlan, template_dir: Path | None = None) -> bytes:
    """aktivitetsplan-YYYY.docx: tables by delprogram and the budget summary, for the council."""
    from ..render.docx import render_docx
    from . import views

    model = plan.model
    meta = views.doc_meta(
        model,
        plan.language,
        title=f"{plan.title} – {model.title}",
        category=label(plan.language, "plan_title"),
        keywords=("aktivitetsplan", str(plan.year)),
    )
    return render_docx(
        TEMPLATE,
        docx_view(plan, template_dir),
        meta=meta,
        template_dir=template_dir,
        colors=views.colors(model),
    )


registry.register(AktivitetsplanKind())
views.declare_template(
    TEMPLATE, VIEW_KEYS, {"status_banner"}, "Årlig aktivitetsplan", own_labels=LABELS
)
