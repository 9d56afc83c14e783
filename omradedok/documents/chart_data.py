"""The plan's charts as data: model → ``view.graphics`` specs with caption and alt text.

Why here and not in ``render/charts``: choosing what a chart shows (which budget, which
activities, in which order, what the alt text says) is the document kind's business;
``render/charts`` only draws a spec. Each function returns a :class:`~omradedok.view.Figure`
(or None when the model has no data for it), the same value the DOCX and the PDF print.

API::

    plan_figures(model, language) -> list[Figure]     # budget_by_year, budget_by_subprogramme,
        # goal_hierarchy, organisation, timeline (only those with data)
    activity_plan_figures(model, language, year) -> list[Figure]
        # budget_by_subprogramme_YYYY, timeline_YYYY
    plan_charts(model, language), activity_plan_charts(model, language, year) -> list[Chart]
        # the same figures as render.charts.Chart, in the municipality's chart_style(model)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..locale import (
    enum_label,
    format_date,
    format_millions,
    pick,
    rounded_note,
    rounding_shows,
)
from ..locale.format import EN_DASH, format_year_range
from ..locale.levels import relabel
from ..model import Activity, Funding, FundingSource, Initiative, Language
from ..render.charts import Chart, ChartStyle, chart_for, style_for
from ..view.blocks import Figure
from ..view.graphics import (
    BarChart,
    FillName,
    LegendEntry,
    Milestone,
    Series,
    Timeline,
    TimelineItem,
    Tree,
    TreeNode,
)
from .views import brand_of

__all__ = [
    "SOURCES",
    "activity_plan_charts",
    "activity_plan_figures",
    "chart_style",
    "plan_charts",
    "plan_figures",
    "source_fill",
    "source_label",
]

SOURCES = (
    FundingSource.MUNICIPAL,
    FundingSource.STATE,
    FundingSource.OTHER,
    FundingSource.CARRIED_OVER,
)
"""Funding sources in the order every budget chart stacks and lists them."""

_SOURCE_FILL: dict[FundingSource, FillName] = {
    FundingSource.MUNICIPAL: "dark",
    FundingSource.STATE: "hatched",
    FundingSource.OTHER: "light",
    FundingSource.CARRIED_OVER: "crossed",
}


def source_fill(source: FundingSource) -> FillName:
    """How a funding source is drawn: dark plain, hatched, light plain, white crossed."""
    return _SOURCE_FILL[source]


def source_label(source: FundingSource, language: Language | str) -> str:
    """Norwegian name of a funding source.

    FundingSource.OTHER is spelled out here: locale.labels keys its table by value, so every
    «other» member of the vocabularies is one key and enum_label(FundingSource.OTHER) is «Annet».
    """
    if source is FundingSource.OTHER:
        return pick(language, "Andre midler", "Andre midlar")
    return enum_label(source, language)


def plan_figures(model: Initiative, language: Language | str) -> list[Figure]:
    """The charts of the handlingsplan, in document order; charts without data are left out."""
    lang = Language(language)
    figures = [
        _budget_by_year(model, lang),
        _budget_by_subprogramme(model, lang, model.activity_years(), "budget_by_subprogramme"),
        _goal_hierarchy(model, lang),
        _organisation(model, lang),
        _plan_timeline(model, lang),
    ]
    return [f for f in figures if f is not None]


def activity_plan_figures(model: Initiative, language: Language | str, year: int) -> list[Figure]:
    """The charts of aktivitetsplan-YYYY: budget per delprogram and the year's timeline."""
    lang = Language(language)
    figures = [
        _budget_by_subprogramme(model, lang, [year], f"budget_by_subprogramme_{year}"),
        _activity_timeline(model, lang, year),
    ]
    return [f for f in figures if f is not None]


def chart_style(model: Initiative) -> ChartStyle:
    """The municipality's chart style (its brand's colours and fonts)."""
    return style_for(brand_of(model))


def plan_charts(model: Initiative, language: Language | str) -> list[Chart]:
    """The handlingsplan's figures as Charts, drawn on demand."""
    style = chart_style(model)
    return [chart_for(f, style) for f in plan_figures(model, language)]


def activity_plan_charts(model: Initiative, language: Language | str, year: int) -> list[Chart]:
    """The figures of aktivitetsplan-YYYY as Charts, drawn on demand."""
    style = chart_style(model)
    return [chart_for(f, style) for f in activity_plan_figures(model, language, year)]


def _lang(language: Language) -> str:
    return "nn" if language is Language.NN else "nb"


@dataclass(frozen=True)
class _Money:
    """A funding as charts draw it: one figure per source. A range is drawn at its middle
    and an unknown amount not at all; the documents' tables print them as given."""

    municipal: int = 0
    state: int = 0
    other: int = 0
    carried_over: int = 0

    @classmethod
    def of(cls, funding: Funding) -> _Money:
        return cls(*(int(funding.amount(s) or 0) for s in FundingSource))

    def amount(self, source: FundingSource) -> int:
        return int(getattr(self, source.value))

    @property
    def total(self) -> int:
        return self.municipal + self.state + self.other + self.carried_over


def _bars(
    categories: Sequence[str],
    fundings: Sequence[_Money],
    lang: Language,
    orientation: str,
) -> BarChart:
    present = [s for s in SOURCES if any(f.amount(s) for f in fundings)]
    series = tuple(
        Series(source_label(s, lang), tuple(f.amount(s) for f in fundings), source_fill(s))
        for s in present
    )
    return BarChart(
        tuple(categories),
        series,
        "horizontal" if orientation == "horizontal" else "vertical",
        _lang(lang),  # type: ignore[arg-type]
    )


def _sum_funding(activities: Iterable[Activity], years: Iterable[int] | None = None) -> _Money:
    """The known money of the activities (their shares of the given years; all years when
    None)."""
    chosen = None if years is None else set(years)
    out = _Money()
    for a in activities:
        parts = (
            [a.total_budget()] if chosen is None else [a.share(y) for y in a.years if y in chosen]
        )
        for part in parts:
            m = _Money.of(part)
            out = _Money(
                out.municipal + m.municipal,
                out.state + m.state,
                out.other + m.other,
                out.carried_over + m.carried_over,
            )
    return out


def _with_rounding_note(
    caption: str, alt: str, bars: Sequence[_Money], lang: Language
) -> tuple[str, str]:
    """Caption and alt text, both saying that the figures are rounded when some bar's rounded
    segments do not add up to its rounded total (3,5 + 3,0 next to 6,4)."""
    if not any(rounding_shows([f.amount(s) for s in SOURCES], f.total) for f in bars):
        return caption, alt
    note = rounded_note(lang)
    return f"{caption}. {note}", f"{alt} {note}"


# -- budget per year --------------------------------------------------------------------------


def _budget_by_year(model: Initiative, lang: Language) -> Figure | None:
    rows: list[tuple[int, _Money]] = [
        (b.year, _Money.of(b)) for b in sorted(model.budget_frame, key=lambda b: b.year)
    ]
    from_frame = bool(rows)
    if not rows:
        rows = [
            (year, _sum_funding(model.activities_in(year), [year]))
            for year in model.activity_years()
        ]
    # a year whose figures include an «anslag» or a range (drawn at its middle) is an estimate
    estimated = {
        b.year
        for b in model.budget_frame
        if any((a := b.amount(s)) is not None and a.known and not a.is_exact for s in SOURCES)
    }
    frames = {b.year: b for b in model.budget_frame}
    rows = [(y, f) for y, f in rows if f.total > 0]
    if not rows:
        return None
    total = sum(f.total for _, f in rows)
    parts = []
    for year, f in rows:
        given = frames.get(year)
        split = ", ".join(
            f"{source_label(s, lang).lower()} "
            # an estimate as the input gives it («anslag …», a range), not the drawn middle
            + format_millions(
                a if given is not None and (a := given.amount(s)) is not None else f.amount(s),
                lang,
            )
            for s in SOURCES
            if f.amount(s)
        )
        estimate = "anslag " if year in estimated else ""
        parts.append(f"{year}: {estimate}{format_millions(f.total, lang)} ({split})")
    what = (
        pick(lang, "budsjettrammen", "budsjettramma")
        if from_frame
        else pick(lang, "budsjettet i aktivitetsplanene", "budsjettet i aktivitetsplanane")
    )
    alt = (
        pick(
            lang,
            f"Stablet søylediagram som viser {what} per år fordelt på finansieringskilde. ",
            f"Stabla søylediagram som viser {what} per år fordelt på finansieringskjelde. ",
        )
        + "; ".join(parts)
        + pick(lang, ". Til sammen ", ". Til saman ")
        + format_millions(total, lang)
        + (", delvis anslag" if any(y in estimated for y, _ in rows) else "")
        + "."
    )
    title = pick(
        lang,
        "Budsjettramme per år fordelt på finansieringskilde",
        "Budsjettramme per år fordelt på finansieringskjelde",
    )
    if not from_frame:
        title = pick(
            lang, "Budsjett i aktivitetsplanene per år", "Budsjett i aktivitetsplanane per år"
        )
    chart = _bars([str(y) for y, _ in rows], [f for _, f in rows], lang, "vertical")
    if estimated:
        chart = replace(chart, estimated=tuple(y in estimated for y, _ in rows))
    title, alt = _with_rounding_note(title, alt, [f for _, f in rows], lang)
    return Figure(chart, alt, title, "budget_by_year")


# -- budget per delprogram --------------------------------------------------------------------


def _budget_by_subprogramme(
    model: Initiative, lang: Language, years: Sequence[int], key: str
) -> Figure | None:
    chosen = [a for a in model.activities if set(a.years) & set(years)]
    rows: list[tuple[str, _Money]] = []
    for sp in model.programme.sub_programmes:
        funding = _sum_funding((a for a in chosen if a.sub_programme_id == sp.id), years)
        if funding.total:
            rows.append((sp.name, funding))
    known = {sp.id for sp in model.programme.sub_programmes}
    orphan = _sum_funding((a for a in chosen if a.sub_programme_id not in known), years)
    if orphan.total:
        rows.append(
            (
                relabel(
                    pick(lang, "Uten delprogram", "Utan delprogram"),
                    model.programme.level_term,
                    lang,
                ),
                orphan,
            )
        )
    if not rows:
        return None
    span = format_year_range(min(years), max(years))
    title = relabel(
        pick(lang, f"Budsjett per delprogram {span}", f"Budsjett per delprogram {span}"),
        model.programme.level_term,
        lang,
    )
    total = sum(f.total for _, f in rows)
    alt = (
        relabel(
            pick(
                lang,
                f"Liggende stablede søyler med budsjettet i aktivitetsplanen{'e' if len(years) > 1 else ''} "
                f"{span} per delprogram, fordelt på finansieringskilde. ",
                f"Liggjande stabla søyler med budsjettet i aktivitetsplan{'ane' if len(years) > 1 else 'en'} "
                f"{span} per delprogram, fordelt på finansieringskjelde. ",
            ),
            model.programme.level_term,
            lang,
        )
        + "; ".join(f"{name}: {format_millions(f.total, lang)}" for name, f in rows)
        + pick(lang, ". Til sammen ", ". Til saman ")
        + format_millions(total, lang)
        + "."
    )
    chart = _bars([n for n, _ in rows], [f for _, f in rows], lang, "horizontal")
    title, alt = _with_rounding_note(title, alt, [f for _, f in rows], lang)
    return Figure(chart, alt, title, key)


# -- goal hierarchy ---------------------------------------------------------------------------


def _goal_hierarchy(model: Initiative, lang: Language) -> Figure | None:
    mains = model.goals.main_goals
    if not mains:
        return None
    n_sub = sum(len(m.sub_goals) for m in mains)
    n_res = sum(len(s.result_goals) for m in mains for s in m.sub_goals)
    parts = []
    for m in mains:
        subs = ", ".join(f"{s.id} {s.title}" for s in m.sub_goals)
        parts.append(
            f"{m.id} {m.title}" + (f" – {pick(lang, 'delmål', 'delmål')}: {subs}" if subs else "")
        )
    alt = (
        pick(
            lang,
            f"Målhierarki med {len(mains)} hovedmål, {n_sub} delmål og {n_res} resultatmål. ",
            f"Målhierarki med {len(mains)} hovudmål, {n_sub} delmål og {n_res} resultatmål. ",
        )
        + ". ".join(parts)
        + "."
    )
    title = pick(
        lang,
        "Målhierarki: hovedmål, delmål og resultatmål",
        "Målhierarki: hovudmål, delmål og resultatmål",
    )
    roots = tuple(
        TreeNode(
            m.title,
            m.id,
            children=tuple(
                TreeNode(
                    s.title,
                    s.id,
                    children=tuple(TreeNode(r.title, r.id) for r in s.result_goals),
                )
                for s in m.sub_goals
            ),
        )
        for m in mains
    )
    labels = (
        pick(lang, "Hovedmål", "Hovudmål"),
        pick(lang, "Delmål", "Delmål"),
        pick(lang, "Resultatmål", "Resultatmål"),
    )
    return Figure(Tree(roots, "columns", labels), alt, title, "goal_hierarchy")


# -- organisation chart -----------------------------------------------------------------------


def _organisation(model: Initiative, lang: Language) -> Figure | None:
    bodies = model.organisation.bodies
    if not bodies:
        return None
    ids = {b.id for b in bodies}
    children: dict[str | None, list[str]] = {}
    parent_of: dict[str, str | None] = {}
    for b in bodies:
        parent = b.reports_to if b.reports_to in ids and b.reports_to != b.id else None
        parent_of[b.id] = parent
    # break cycles: a body whose chain of reports_to returns to itself becomes a root
    for b in bodies:
        seen, cur = {b.id}, parent_of[b.id]
        while cur is not None:
            if cur in seen:
                parent_of[b.id] = None
                break
            seen.add(cur)
            cur = parent_of[cur]
    for b in bodies:
        children.setdefault(parent_of[b.id], []).append(b.id)
    by_id = {b.id: b for b in bodies}
    lines = []
    for b in bodies:
        sub = [by_id[c].name for c in children.get(b.id, [])]
        if sub:
            lines.append(
                pick(lang, f"{b.name} har under seg: ", f"{b.name} har under seg: ")
                + ", ".join(sub)
            )
    roots = [by_id[r].name for r in children.get(None, [])]
    alt = (
        pick(
            lang,
            f"Organisasjonskart med {len(bodies)} organer og rapporteringslinjene mellom dem. Øverst: ",
            f"Organisasjonskart med {len(bodies)} organ og rapporteringslinene mellom dei. Øvst: ",
        )
        + ", ".join(roots)
        + ". "
        + ". ".join(lines)
        + ("." if lines else "")
    )
    title = pick(
        lang,
        "Organisering: organer og rapporteringslinjer",
        "Organisering: organ og rapporteringsliner",
    )

    def node(body_id: str) -> TreeNode:
        b = by_id[body_id]
        kind = enum_label(b.kind, lang)
        note = "" if kind.casefold()[:6] in b.name.casefold() else kind
        return TreeNode(
            b.name, note=note, children=tuple(node(k) for k in children.get(body_id, []))
        )

    tree = Tree(tuple(node(r) for r in children.get(None, [])), "chart")
    return Figure(tree, alt, title, "organisation")


# -- timelines --------------------------------------------------------------------------------


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3


def _years_covering(model: Initiative, extra: Iterable[int]) -> list[int]:
    found = {model.period.start_year, model.period.end_year, *extra}
    return list(range(min(found), max(found) + 1))


def _plan_timeline(model: Initiative, lang: Language) -> Figure | None:
    if not model.activities and not model.milestones:
        return None
    years = _years_covering(
        model,
        [y for a in model.activities for y in a.years] + [m.date.year for m in model.milestones],
    )
    rows: list[TimelineItem] = []
    described: list[str] = []
    known_sp = {sp.id for sp in model.programme.sub_programmes}
    for sp in model.programme.sub_programmes:
        acts = [a for a in model.activities if a.sub_programme_id == sp.id]
        if not acts and not sp.projects:
            continue
        rows.append(TimelineItem(f"{sp.id} {sp.name}", heading=True))
        for project in sp.projects:
            pacts = [a for a in acts if a.project_id == project.id]
            period = None
            if project.start_year or project.end_year:
                first = project.start_year or project.end_year or years[0]
                last = project.end_year or project.start_year or years[-1]
                period = (dt.date(first, 1, 1), dt.date(last, 12, 31))
            if not pacts and period is None:
                continue
            rows.append(
                TimelineItem(f"{project.id} {project.name}", tuple(a.span() for a in pacts), period)
            )
            if pacts:
                first_day, last_day = (
                    min(a.span()[0] for a in pacts),
                    max(a.span()[1] for a in pacts),
                )
                described.append(
                    f"{project.id} {project.name}: {len(pacts)} "
                    + pick(lang, "aktiviteter", "aktivitetar")
                    + f" K{_quarter_of(first_day) + 1} {first_day.year}{EN_DASH}K{_quarter_of(last_day) + 1} {last_day.year}"
                )
        loose = [a for a in acts if a.project_id not in {p.id for p in sp.projects}]
        if loose:
            rows.append(
                TimelineItem(
                    pick(lang, "Andre aktiviteter", "Andre aktivitetar"),
                    tuple(a.span() for a in loose),
                )
            )
    orphans = [a for a in model.activities if a.sub_programme_id not in known_sp]
    if orphans:
        rows.append(
            TimelineItem(
                relabel(
                    pick(lang, "Uten delprogram", "Utan delprogram"),
                    model.programme.level_term,
                    lang,
                ),
                tuple(a.span() for a in orphans),
            )
        )
    milestones = [
        (m.date.first_day(), m.title, m.date)
        for m in sorted(model.milestones, key=lambda m: m.date)
    ]
    span = format_year_range(years[0], years[-1])
    alt = (
        pick(
            lang,
            f"Gantt-diagram per kvartal for {span}: kvartalene der prosjektene har aktiviteter i aktivitetsplanene. ",
            f"Gantt-diagram per kvartal for {span}: kvartala der prosjekta har aktivitetar i aktivitetsplanane. ",
        )
        + "; ".join(described)
        + (". " if described else "")
        + (
            pick(lang, "Milepæler: ", "Milepælar: ")
            + "; ".join(f"{format_date(when, lang)} {text}" for _, text, when in milestones)
            + "."
            if milestones
            else ""
        )
    )
    title = pick(
        lang,
        f"Fremdrift {span} per prosjekt og kvartal",
        f"Framdrift {span} per prosjekt og kvartal",
    )
    legend = [
        LegendEntry(pick(lang, "Kvartal med aktiviteter", "Kvartal med aktivitetar"), "dark"),
        LegendEntry(pick(lang, "Planlagt prosjektperiode", "Planlagd prosjektperiode"), "planned"),
    ]
    if not any(r.planned for r in rows):
        legend = legend[:1]
    chart = Timeline(
        tuple(years),
        tuple(rows),
        tuple(legend),
        tuple(
            Milestone(day, text, format_date(when, lang, style="short"))
            for day, text, when in milestones
        ),
        pick(lang, "Milepæler", "Milepælar"),
        "quarters",
        _lang(lang),  # type: ignore[arg-type]
    )
    return Figure(chart, alt, title, "timeline")


def _activity_timeline(model: Initiative, lang: Language, year: int) -> Figure | None:
    acts = model.activities_in(year)  # input order, as the plan's tables list them
    if not acts:
        return None
    last_year = max([year, *(min(a.span()[1].year, year + 1) for a in acts)])
    years = list(range(year, last_year + 1))
    rows: list[TimelineItem] = []
    known = {sp.id: sp for sp in model.programme.sub_programmes}
    ids = {a.sub_programme_id for a in acts}
    order: list[str | None] = [sp.id for sp in model.programme.sub_programmes]
    order += sorted(i for i in ids - set(known) if i is not None)
    order += [None] if None in ids else []
    described = []
    for sp_id in order:
        group = [a for a in acts if a.sub_programme_id == sp_id]
        if not group:
            continue
        if sp_id is None:
            rows.append(
                TimelineItem(pick(lang, "Uten delprogram", "Utan delprogram"), heading=True)
            )
        else:
            name = known[sp_id].name if sp_id in known else sp_id
            rows.append(TimelineItem(f"{sp_id} {name}", heading=True))
        for a in group:
            rows.append(TimelineItem(f"{a.id} {a.title}", (a.span(),)))
            described.append(
                f"{a.id} {a.title} ({format_date(a.start, lang, style='short')}{EN_DASH}{format_date(a.end, lang, style='short')})"
            )
    milestones = [
        (m.date.first_day(), m.title, m.date)
        for m in sorted(model.milestones, key=lambda m: m.date)
        if m.date.year in years
    ]
    alt = (
        pick(
            lang,
            f"Tidslinje for {len(acts)} aktiviteter i {year}, gruppert per delprogram, med kvartalene som rutenett: ",
            f"Tidsline for {len(acts)} aktivitetar i {year}, gruppert per delprogram, med kvartala som rutenett: ",
        )
        + "; ".join(described)
        + "."
        + (
            " "
            + pick(lang, "Milepæler: ", "Milepælar: ")
            + "; ".join(f"{format_date(when, lang)} {t}" for _, t, when in milestones)
            + "."
            if milestones
            else ""
        )
    )
    title = pick(lang, f"Aktiviteter i {year} per kvartal", f"Aktivitetar i {year} per kvartal")
    legend = (LegendEntry(pick(lang, "Aktivitetens varighet", "Aktiviteten si varigheit"), "dark"),)
    chart = Timeline(
        tuple(years),
        tuple(rows),
        legend,
        tuple(
            Milestone(day, text, format_date(when, lang, style="short"))
            for day, text, when in milestones
        ),
        pick(lang, "Milepæler", "Milepælar"),
        "days",
        _lang(lang),  # type: ignore[arg-type]
    )
    return Figure(chart, alt, title, f"timeline_{year}")


def _id_key(ident: str) -> tuple[tuple[int, str], ...]:
    """«1.10» after «1.9»: numeric parts compare as numbers."""
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in re.split(r"[.\-_]", ident))
