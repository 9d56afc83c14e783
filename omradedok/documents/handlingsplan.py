"""handlingsplan.docx – the long-term action plan: Del 1 Programdel and Del 2 Prosjektoversikt.

:func:`handlingsplan_view` maps the model to plain, formatted data; the plan's one typed view
(:mod:`omradedok.documents.handlingsplan_doc`) is built from it and laid out as DOCX (through the
house template ``dokument.docx``) and as PDF. The communication and evaluation chapters
are the same sections as their standalone documents
(``kommunikasjonsplan.communication_section``, ``evalueringsplan.evaluation_section``).
Charts come from :mod:`omradedok.documents.chart_data` and the responsibility matrix from
:mod:`omradedok.documents.roles`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..locale import enum_label, format_count, format_date, format_org_number, pick
from ..model import Activity, Funding, Initiative, Involvement, Language, Project, SubProject
from ..model.amount import Amount, add_up
from . import views
from .base import SingleDocumentKind

_NO_DATE = (dt.date.max, dt.date.max)
"""Undated decisions sort last, in input order."""
FILENAME = "handlingsplan.docx"
_NUMBER_WORDS = {
    Language.NB: (
        "ett",
        "to",
        "tre",
        "fire",
        "fem",
        "seks",
        "sju",
        "åtte",
        "ni",
        "ti",
        "elleve",
        "tolv",
    ),
    Language.NN: (
        "eitt",
        "to",
        "tre",
        "fire",
        "fem",
        "seks",
        "sju",
        "åtte",
        "ni",
        "ti",
        "elleve",
        "tolv",
    ),
}


def document_title(model: Initiative, language: Language) -> str:
    return f"Handlingsplan for {model.title} {views.period_text(model)}"


# ------------------------------------------------------------------------------- parts


def _knowledge(model: Initiative, language: Language) -> dict[str, Any]:
    kb = model.knowledge_base

    def finding_rows(findings: Iterable[Any]) -> list[dict[str, str]]:
        rows = []
        for f in findings:
            rest = f". {f.description}" if f.description else ""
            if f.source_ids:
                label = (
                    pick(language, "Kilde", "Kjelde")
                    if len(f.source_ids) == 1
                    else pick(language, "Kilder", "Kjelder")
                )
                rest += f" ({label}: {', '.join(f.source_ids)})"
            rows.append({"title": f.title, "rest": rest})
        return rows

    present = bool(kb.summary or kb.sources or kb.challenges or kb.resources)
    return {
        "present": present,
        "summary": views.paragraphs(kb.summary),
        "challenges": finding_rows(kb.challenges),
        "resources": finding_rows(kb.resources),
        "sources": [
            {
                "ref": s.id,
                "title": s.title + (f"\n{s.url}" if s.url else ""),
                "publisher": s.publisher,
                "year": s.year or "",
                "kind": enum_label(s.kind, language) if s.kind else "",
            }
            for s in kb.sources
        ],
    }


def _goals(model: Initiative, language: Language) -> list[dict[str, Any]]:
    out = []
    sub_label = pick(language, "Delmål", "Delmål")
    result_label = pick(language, "Resultatmål", "Resultatmål")
    main_label = pick(language, "Hovudmål", "Hovudmål") if language is Language.NN else "Hovedmål"
    observed = views.has_observations(model)
    for main in model.goals.main_goals:
        rows: list[dict[str, str]] = []

        def add(goal_text: str, indicators: list[Any], rows: list[dict[str, str]] = rows) -> None:
            if not indicators:
                rows.append(
                    {
                        "goal": goal_text,
                        "indicator": pick(language, "Ingen indikator", "Ingen indikator"),
                        "baseline": "",
                        "observed": "",
                        "target": "",
                        "source": "",
                    }
                )
                return
            for index, ind in enumerate(indicators):
                rows.append(
                    {
                        "goal": goal_text if index == 0 else "",
                        "indicator": ind.name,
                        "baseline": views.baseline_text(ind, language),
                        "observed": views.observations_text(ind, language, "\n"),
                        "target": views.target_text(ind, language),
                        "source": ind.data_source or (ind.baseline.source if ind.baseline else ""),
                    }
                )

        if main.indicators:
            add(f"{main_label} {main.id}", main.indicators)
        for sub in main.sub_goals:
            add(f"{sub_label} {sub.id}: {sub.title}", sub.indicators)
            for res in sub.result_goals:
                add(f"\u2003{result_label} {res.id}: {res.title}", res.indicators)
        out.append(
            {
                "heading": f"{main.id} {main.title}",
                "description": views.paragraphs(main.description),
                "rows": rows,
                "observed": observed,
            }
        )
    return out


def _money_row(label: Any, funding: Funding, language: Language) -> dict[str, Any]:
    return {
        "year": label,
        "municipal": views.money(funding.municipal, language),
        "state": views.money(funding.state, language),
        "other": views.money(funding.other, language),
        "carried_over": views.money(funding.carried_over, language),
        "total": views.money(funding.total, language),
    }


def _frame(model: Initiative, language: Language) -> dict[str, Any]:
    area = model.area
    boundary = views.paragraphs(area.boundary) or [
        pick(
            language,
            f"Satsingen gjelder {area.name}"
            + (f" i {area.district}" if area.district else "")
            + ".",
            f"Satsinga gjeld {area.name}" + (f" i {area.district}" if area.district else "") + ".",
        )
    ]
    length = model.period.length
    words = _NUMBER_WORDS[language]
    years = words[length - 1] if length <= len(words) else str(length)
    period = [
        pick(
            language,
            f"Satsingen varer i {years} år, fra og med {model.period.start_year} til og med "
            f"{model.period.end_year} ({views.period_text(model)}).",
            f"Satsinga varer i {years} år, frå og med {model.period.start_year} til og med "
            f"{model.period.end_year} ({views.period_text(model)}).",
        )
    ]
    if model.document.revision_due:
        period.append(
            pick(
                language,
                f"Planen skal revideres innen {format_date(model.document.revision_due, language)}.",
                f"Planen skal reviderast innan {format_date(model.document.revision_due, language)}.",
            )
        )
    frames = sorted(model.budget_frame, key=lambda b: b.year)
    rows = views.frame_years(model)
    years_label = views.years_text(rows[0][0], rows[-1][0]) if rows else ""
    return {
        "boundary": boundary,
        "grunnkretser": ", ".join(area.grunnkrets_codes),
        "population": _population(model, language),
        "period_text": period,
        "budget_rows": [_money_row(year, views.frame_row(model, b), language) for year, b in rows],
        "budget_total": _money_row(pick(language, "Sum", "Sum"), views.frame_sum(model), language)
        if len(rows) > 1
        else None,
        "budget_missing": any(b is None for _, b in rows),
        "budget_years": years_label,
        "notes": [
            {"year": b.year, "text": " ".join(views.paragraphs(b.note))}
            for b in frames
            if b.note.strip()
        ],
    }


def _population(model: Initiative, language: Language) -> str:
    area = model.area
    if area.population is None:
        return ""
    text = format_count(area.population, language)
    if area.population_year:
        text += f" ({area.population_year})"
    return text


def _organisation(model: Initiative, language: Language) -> dict[str, Any]:
    org = model.organisation
    bodies = {b.id: b for b in org.bodies}
    body_rows = []
    for body in org.bodies:
        facts = [enum_label(body.kind, language)]
        if body.meeting_frequency:
            facts.append(f"{pick(language, 'Møtes', 'Møtest')}: {body.meeting_frequency}")
        if body.reports_to and body.reports_to in bodies:
            facts.append(
                f"{pick(language, 'Rapporterer til', 'Rapporterer til')}: "
                f"{bodies[body.reports_to].name}"
            )
        body_rows.append(
            {
                "name": body.name,
                "facts": " · ".join(facts),
                "mandate": views.paragraphs(body.mandate),
                "members": [
                    {
                        "name": m.name,
                        "title": m.title,
                        "organisation": m.organisation,
                        "role": views.role_title(model, m.role_id),
                    }
                    for m in body.members
                ],
            }
        )
    manager = views.role_text(model, org.programme_manager_role_id)
    intro = []
    if manager:
        intro.append(
            pick(
                language,
                f"Satsingen ledes av {manager[0].lower() + manager[1:]}.",
                f"Satsinga blir leidd av {manager[0].lower() + manager[1:]}.",
            )
        )
    present = bool(org.bodies or org.roles or org.service_areas or model.partners)
    return {
        "present": present,
        "intro": intro,
        "service_areas": list(org.service_areas),
        "bodies": body_rows,
        "roles": [
            {
                "title": r.title,
                "holder": r.holder,
                "responsibilities": "\n".join(f"• {x}" for x in r.responsibilities),
            }
            for r in org.roles
        ],
        "partners": [
            {
                "name": p.name,
                "kind": enum_label(p.kind, language),
                "org_number": format_org_number(p.org_number),
                "contact": views.join([p.contact.name, p.contact.title], ", "),
            }
            for p in model.partners
        ],
        "matrix": _matrix(model, language),
    }


def _matrix(model: Initiative, language: Language) -> list[dict[str, str]] | None:
    """The plan-level rows of the responsibility matrix (roles.py): declared tasks, projects
    and delprosjekter, each with the parties' names per role. The activities' rows are in
    the activity plans and in rolle-og-ansvarsmatrise.xlsx; the plan shows the matrix once."""
    from .roles import responsibility_matrix

    matrix = responsibility_matrix(model).from_sources("task", "project", "sub_project")
    rows = []
    for row in matrix.rows:
        names: dict[Involvement, list[str]] = defaultdict(list)
        for party in matrix.parties:
            value = matrix.cell(row, party.id)
            if value is not None:
                names[value].append(party.name)
        others = [
            f"{enum_label(value, language)}: {name}"
            for value in (Involvement.CONSULTED, Involvement.INFORMED)
            for name in names[value]
        ]
        task = row.task if row.source == "task" else f"{row.origin} {row.task}"
        if row.source == "sub_project":
            task = "\u2003" + task
        rows.append(
            {
                "task": task,
                "responsible": "\n".join(names[Involvement.RESPONSIBLE]),
                "contributes": "\n".join(names[Involvement.CONTRIBUTES]),
                "consulted": "\n".join(names[Involvement.CONSULTED]),
                "informed": "\n".join(names[Involvement.INFORMED]),
                "others": "\n".join(others),
            }
        )
    return rows or None


def _progress(model: Initiative, language: Language) -> dict[str, Any]:
    milestones = sorted(model.milestones, key=lambda m: m.date)
    plans = []
    for year in model.activity_years():
        acts = model.activities_in(year)
        plans.append(
            {
                "year": year,
                "count": len(acts),
                "total": views.money(add_up(a.share(year).total for a in acts), language),
            }
        )
    intro = (
        [
            pick(
                language,
                "Satsingen styres gjennom årlige aktivitetsplaner med prioriterte tiltak og budsjett. "
                "Disse aktivitetsplanene er utarbeidet:",
                "Satsinga blir styrt gjennom årlege aktivitetsplanar med prioriterte tiltak og budsjett. "
                "Desse aktivitetsplanane er utarbeidde:",
            )
        ]
        if plans
        else []
    )
    return {
        "milestones": [
            {"date": format_date(m.date, language), "title": m.title, "description": m.description}
            for m in milestones
        ],
        "activity_plans": plans,
        "activity_intro": intro,
    }


def _budget(activities: Iterable[Activity]) -> Amount | None:
    """The activities' whole budgets («minst …» when some are not given); None – printed
    «–» – when there are no activities to sum."""
    acts = list(activities)
    return add_up(a.total_budget().total for a in acts) if acts else None


def _programme(model: Initiative, language: Language) -> dict[str, Any]:
    programme = model.programme
    acts = model.activities
    years = model.activity_years()
    budget_years = views.years_text(years[0], years[-1]) if years else ""
    budget_label = pick(language, "Budsjett", "Budsjett") + (f" {budget_years}" if years else "")
    goals_label = pick(language, "Mål", "Mål")
    owner_label = pick(language, "Ansvarlig", "Ansvarleg")
    types_label = pick(language, "Tiltakstyper", "Tiltakstypar")

    def amount(value: Amount | None) -> str:
        return views.money(value, language) if years and value is not None else "–"

    titles = views.goal_titles(model)

    def details(item: Project | SubProject, sub: bool) -> dict[str, Any] | None:
        """What the input says about a project beyond its table row: description, own goals,
        owners, the goals it serves (None when it says nothing more)."""
        facts = []
        owner_ids = item.owner_ids if isinstance(item, Project) else []
        if owner_ids:
            facts.append(
                {
                    "label": pick(language, "Eiere", "Eigarar")
                    if len(owner_ids) > 1
                    else pick(language, "Eier", "Eigar"),
                    "value": views.owners_text(model, owner_ids, language),
                }
            )
        if item.goal_ids:
            facts.append(
                {
                    "label": pick(language, "Bidrar til mål", "Bidreg til mål"),
                    "value": "; ".join(
                        f"{g} {titles[g]}" if g in titles else g for g in item.goal_ids
                    ),
                }
            )
        objectives = list(item.objectives) if isinstance(item, Project) else []
        description = views.paragraphs(item.description)
        if not (description or objectives or facts):
            return None
        return {
            "heading": f"{item.id} {item.name}",
            "sub": sub,
            "description": description,
            "objectives": objectives,
            "objectives_label": pick(language, "Prosjektets mål", "Måla til prosjektet"),
            "facts": facts,
        }

    sub_programmes = []
    overview = []
    for sp in programme.sub_programmes:
        projects = []
        for project in sp.projects:
            subs = [d for d in (details(x, True) for x in project.sub_projects) if d]
            own = details(project, False)
            if own is None and subs:
                own = {
                    "heading": f"{project.id} {project.name}",
                    "sub": False,
                    "description": [],
                    "objectives": [],
                    "objectives_label": "",
                    "facts": [],
                }
            if own is not None:
                projects.append(own)
            projects.extend(subs)
        sp_acts = [a for a in acts if a.sub_programme_id == sp.id]
        rows = []
        for project in sp.projects:
            p_acts = [a for a in sp_acts if a.project_id == project.id]
            rows.append(
                {
                    "name": f"{project.id} {project.name}",
                    "owner": views.role_title(model, project.owner_role_id),
                    "goals": ", ".join(project.goal_ids),
                    "period": views.years_text(project.start_year, project.end_year),
                    "budget": amount(_budget(p_acts)),
                }
            )
            for sub in project.sub_projects:
                s_acts = [a for a in p_acts if a.sub_project_id == sub.id]
                rows.append(
                    {
                        "name": f"\u2003{sub.id} {sub.name}",
                        "owner": views.role_title(model, sub.owner_role_id),
                        "goals": ", ".join(sub.goal_ids),
                        "period": views.years_text(sub.start_year, sub.end_year),
                        "budget": amount(_budget(s_acts)),
                    }
                )
        facts = []
        if sp.owner_role_id:
            facts.append({"label": owner_label, "value": views.role_text(model, sp.owner_role_id)})
        if sp.goal_ids:
            facts.append(
                {
                    "label": goals_label,
                    "value": "; ".join(
                        f"{g} {titles[g]}" if g in titles else g for g in sp.goal_ids
                    ),
                }
            )
        if sp.measure_types:
            facts.append(
                {
                    "label": types_label,
                    "value": ", ".join(enum_label(m, language) for m in sp.measure_types),
                }
            )
        sub_programmes.append(
            {
                "heading": f"{sp.id} {sp.name}",
                "description": views.paragraphs(sp.description),
                "facts": facts,
                "rows": rows,
                "projects": projects,
                "total": amount(_budget(sp_acts)),
            }
        )
        overview.append(
            {
                "name": f"{sp.id} {sp.name}",
                "owner": views.role_title(model, sp.owner_role_id),
                "count": len(sp_acts),
                "budget": amount(_budget(sp_acts)),
            }
        )
    intro = views.paragraphs(programme.description) or [
        views.own_words(
            model,
            language,
            pick(
                language,
                "Prosjektoversikten viser delprogrammene med prosjekter og delprosjekter, hvem som er "
                "ansvarlig, hvilke mål de bidrar til, og budsjettet i aktivitetsplanene.",
                "Prosjektoversikta viser delprogramma med prosjekt og delprosjekt, kven som er "
                "ansvarleg, kva mål dei bidreg til, og budsjettet i aktivitetsplanane.",
            ),
        )
    ]
    return {
        "intro": intro,
        "sub_programmes": sub_programmes,
        "overview": overview if len(overview) > 1 else [],
        "overview_title": views.own_words(
            model,
            language,
            pick(
                language, "Budsjett og tiltak per delprogram", "Budsjett og tiltak per delprogram"
            ),
        ),
        "budget_label": budget_label,
        "total_count": sum(o["count"] for o in overview),
        "total": amount(
            _budget(
                a
                for a in acts
                if any(a.sub_programme_id == sp.id for sp in programme.sub_programmes)
            )
        ),
    }


# ------------------------------------------------------------------------------- view


def handlingsplan_view(
    model: Initiative,
    language: Language,
    template_dir: Path | None = None,
) -> dict[str, Any]:
    """The plan's facts formatted in Norwegian, for ``handlingsplan_doc`` to lay out (its
    communication and evaluation chapters and its charts come from their own views)."""

    title = document_title(model, language)
    view = views.base_view(model, language, title, template_dir)
    view["doc"]["status_text"] = views.status_statement(
        model, language, pick(language, "Handlingsplanen", "Handlingsplanen")
    )
    view.update(
        {
            "revisions": [
                {
                    "version": r.version,
                    "date": format_date(r.date, language),
                    "status": enum_label(r.status, language),
                    "description": r.description,
                    "author": r.author,
                }
                for r in model.document.revisions
            ],
            "plan_documents": views.plan_documents_view(model, language),
            "summary": views.paragraphs(model.summary),
            "background": views.paragraphs(model.background),
            "purpose": views.paragraphs(model.purpose),
            "area": {
                "description": views.paragraphs(model.area.description),
                "population": _population(model, language),
            },
            "kb": _knowledge(model, language),
            "anchoring": [
                {
                    "date": format_date(d.date, language),
                    "body": d.body,
                    "case_number": d.case_number,
                    "summary": d.summary,
                }
                for d in sorted(
                    model.anchoring, key=lambda d: d.date.sort_key() if d.date else _NO_DATE
                )
            ],
            "vision": " ".join(views.paragraphs(model.goals.vision)),
            "main_goals": _goals(model, language),
            "frame": _frame(model, language),
            "funding": views.funding_labels(language),
            "involvement": views.involvement_labels(language),
            "org": _organisation(model, language),
            "participation": {
                "summary": views.paragraphs(model.participation.summary),
                "measures": list(model.participation.measures),
            },
            "progress": _progress(model, language),
            "programme": _programme(model, language),
        }
    )
    return view


def render(model: Initiative, language: Language, template_dir: Path | None = None) -> bytes:
    """handlingsplan.docx: the plan's one view (``handlingsplan_doc``), the same as its PDF,
    through the house template ``dokument.docx``."""
    from .handlingsplan_doc import render_docx as render_plan_docx

    return render_plan_docx(model, language, template_dir)


DOCUMENT_KIND = SingleDocumentKind(
    name="handlingsplan",
    filename=FILENAME,
    title=document_title,
    render=render,
    cost=15,  # five charts rasterised for Word
    order=10,
    attachment_rank=10,  # the plan is the first vedlegg
)
