"""handlingsplan.pdf: the plan as municipalities publish it (aktivitetsplan-YYYY.pdf is the
aktivitetsplan's own view: ``documents/aktivitetsplan``; the LibreOffice route below serves
both).

Default engine «reportlab»: built directly from the model (omradedok.render.pdf), fast, fonts
embedded, outline, TOC, charts as vector graphics. Engine «libreoffice»: the DOCX of the same
plan (rendered by the «handlingsplan» and «aktivitetsplan» kinds planned before these) exported
by LibreOffice as tagged PDF/A-2 – the archive and accessibility route.

The plain-data views used for the sections (goal rows, budget rows, project rows …) are
module-level functions here; they do not depend on reportlab.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path

from ..errors import OmradedokError
from ..locale import (
    enum_label,
    format_date,
    format_money,
    format_number,
    format_org_number,
    format_year_range,
    pick,
)
from ..locale.levels import level_forms, officer_relabel, relabel
from ..model import (
    Activity,
    ActivityStatus,
    BodyKind,
    ChannelKind,
    DocumentStatus,
    EvaluationType,
    Funding,
    FundingSource,
    Indicator,
    Initiative,
    Involvement,
    Language,
    PartnerKind,
    Project,
    SourceKind,
    SubProject,
)
from ..model.amount import Amount, add_up
from ..render.charts import plan_charts, source_label
from ..render.pdf import Cover, PdfDocument, PdfMeta
from . import registry, views
from .base import Artifact, BuildContext
from .views import baseline_text as views_baseline
from .views import goal_titles, role_text, years_text
from .views import target_text as views_target

ENGINES = ("reportlab", "libreoffice")
_SOURCES = (
    FundingSource.MUNICIPAL,
    FundingSource.STATE,
    FundingSource.OTHER,
    FundingSource.CARRIED_OVER,
)


# -- plain-data views -------------------------------------------------------------------------

# locale.labels keys its table by the enum *value*, so members that share a value («other»,
# «ongoing», «research») overwrite each other there (ActivityStatus.ONGOING prints as
# «Følgeevaluering»). Until that is keyed by (enum, value), these are spelled out here.
_SHARED_VALUE_LABELS: dict[tuple[type, str], tuple[str, str]] = {
    (ActivityStatus, "ongoing"): ("Pågår", "Pågår"),
    (EvaluationType, "ongoing"): ("Følgeevaluering", "Følgjeevaluering"),
    (FundingSource, "other"): ("Andre midler", "Andre midlar"),
    (PartnerKind, "other"): ("Annen", "Annan"),
    (BodyKind, "other"): ("Annet organ", "Anna organ"),
    (SourceKind, "other"): ("Annet", "Anna"),
    (ChannelKind, "other"): ("Annet", "Anna"),
    (PartnerKind, "research"): ("Forskning/utdanning", "Forsking/utdanning"),
    (SourceKind, "research"): ("Forskning", "Forsking"),
}


def own_words(model: Initiative, lang: Language, text: str) -> str:
    """A label in the initiative's own words (level name, recommending officer)."""
    text = relabel(text, model.programme.level_term, lang)
    return officer_relabel(text, model.municipality.officer_title, lang)


def label(value: StrEnum | None, lang: Language) -> str:
    """Norwegian name of an enum value (locale.enum_label, minus its shared-value mix-ups)."""
    if value is None:
        return enum_label(None, lang)
    fixed = _SHARED_VALUE_LABELS.get((type(value), value.value))
    if fixed is not None:
        return pick(lang, *fixed)
    return enum_label(value, lang)


def status_statement(model: Initiative, lang: Language) -> str:
    """The decision (adopted) or where the plan is in political processing."""
    doc = model.document
    if doc.status is DocumentStatus.ADOPTED and doc.decision is not None:
        d = doc.decision
        # the date and the case number only where the input gives them
        when = f" {format_date(d.date, lang)}" if d.date is not None else ""
        case = f", sak {d.case_number}" if d.case_number else ""
        out = pick(
            lang,
            f"Vedtatt av {d.body}{when}{case}.",
            f"Vedteken av {d.body}{when}{case}.",
        )
        return f"{out} {d.summary}".strip()
    if doc.status is DocumentStatus.CONSULTATION:
        deadline = (
            pick(
                lang,
                f" Frist for innspill: {format_date(doc.consultation_deadline, lang)}.",
                f" Frist for innspel: {format_date(doc.consultation_deadline, lang)}.",
            )
            if doc.consultation_deadline
            else ""
        )
        return (
            pick(lang, "Høringsutkast – ikke vedtatt.", "Høyringsutkast – ikkje vedteke.")
            + deadline
        )
    if doc.status is DocumentStatus.FOR_DECISION:
        return pick(
            lang,
            "Til politisk behandling – planen er ikke vedtatt ennå.",
            "Til politisk handsaming – planen er ikkje vedteken enno.",
        )
    return pick(lang, "Utkast – ikke politisk behandlet.", "Utkast – ikkje politisk handsama.")


def watermark(model: Initiative, lang: Language) -> str | None:
    status = model.document.status
    if status is DocumentStatus.DRAFT:
        return "UTKAST"
    if status is DocumentStatus.CONSULTATION:
        return pick(lang, "HØRINGSUTKAST", "HØYRINGSUTKAST")
    return None


def indicator_row(goal_id: str, ind: Indicator, lang: Language) -> list[str]:
    base = views_baseline(ind, lang) if ind.baseline else "–"
    target = views_target(ind, lang) if ind.target else "–"
    return [goal_id, f"{ind.id} {ind.name}", ind.unit, base, target, ind.data_source]


def sum_funding(activities: Iterable[Activity], year: int | None = None) -> Funding:
    """Per source: the activities' budgets (one year's share when ``year`` is given); an
    activity with no known budget makes every source a «minst» sum."""
    parts = [a.share(year) if year is not None else a.total_budget() for a in activities]
    sums: dict[str, Amount | None] = {}
    for src in _SOURCES:
        given = [p.amount(src) if p.known else Amount.unknown() for p in parts]
        if all(g is None for g in given):
            sums[src.value] = None
        else:
            sums[src.value] = add_up(given)
    return Funding(**sums)


def money_cells(f: Funding, lang: Language) -> list[str]:
    return [format_money(f.amount(src), lang) for src in _SOURCES] + [format_money(f.total, lang)]


def _meta(
    model: Initiative, lang: Language, title: str, short: str, *, landscape: bool = False
) -> PdfMeta:
    muni = model.municipality
    return PdfMeta(
        title=title,
        author=muni.name,
        subject=f"{model.title} {format_year_range(model.period.start_year, model.period.end_year)} – {short}",
        keywords=(
            pick(lang, "områdesatsing", "områdesatsing"),
            pick(lang, "områdeløft", "områdeløft"),
            short.lower(),
            model.area.name,
            muni.name,
            label(model.document.status, lang).lower(),
        ),
        language=lang,
        date=model.document.date,
        header_left=model.title,
        header_title=short,
        status=label(model.document.status, lang),
        footer_left=" · ".join(
            x
            for x in (
                muni.name,
                f"versjon {model.document.version}" if model.document.version else "",
                format_date(model.document.date, lang, style="short"),
            )
            if x
        ),
        watermark=watermark(model, lang),
        landscape=landscape,
    )


def _cover(model: Initiative, lang: Language, kind: str, subtitle: str) -> Cover:
    doc = model.document
    facts = [
        (
            pick(lang, "Område", "Område"),
            model.area.name + (f", {model.area.district}" if model.area.district else ""),
        ),
        (
            pick(lang, "Periode", "Periode"),
            format_year_range(model.period.start_year, model.period.end_year),
        ),
        ("Status", label(doc.status, lang)),
        (
            "Versjon" if doc.version else "Dato",
            f"{doc.version}, {format_date(doc.date, lang)}"
            if doc.version
            else format_date(doc.date, lang),
        ),
    ]
    if model.council_case is not None:
        facts.append(("Arkivsak", model.council_case.archive_case_number))
    return Cover(
        municipality=model.municipality.name,
        kind=kind,
        title=model.title,
        subtitle=subtitle,
        facts=tuple(facts),
        statement=status_statement(model, lang),
        logo=model.municipality.profile.logo,
    )


def _plan_matrix_rows(model: Initiative, lang: Language) -> list[list[str]]:
    """The handlingsplan's role matrix (the same rows as the DOCX: tasks, projects and
    delprosjekter), one column per role, the parties' names in the cells."""
    from .roles import responsibility_matrix

    matrix = responsibility_matrix(model).from_sources("task", "project", "sub_project")
    rows = []
    for row in matrix.rows:
        task = row.task if row.source == "task" else f"{row.origin} {row.task}"
        if row.source == "sub_project":
            task = "\u2003" + task
        cells = [
            "\n".join(p.name for p in matrix.parties if row.cells.get(p.id) is value)
            for value in Involvement
        ]
        rows.append([task, *cells])
    return rows


def _project_facts(
    model: Initiative, lang: Language, item: Project | SubProject
) -> list[tuple[str, str]] | None:
    """What the input says about a project beyond its table row – owners (shared ownership)
    and the goals it serves; None when it has no description, own goals, owners or goals
    (the same rule as the DOCX's Del 2)."""
    facts: list[tuple[str, str]] = []
    owner_ids = item.owner_ids if isinstance(item, Project) else []
    if owner_ids:
        facts.append(
            (
                pick(lang, "Eiere", "Eigarar")
                if len(owner_ids) > 1
                else pick(lang, "Eier", "Eigar"),
                views.owners_text(model, owner_ids, lang),
            )
        )
    if item.goal_ids:
        titles = goal_titles(model)
        facts.append(
            (
                pick(lang, "Bidrar til mål", "Bidreg til mål"),
                "; ".join(f"{g} {titles[g]}" if g in titles else g for g in item.goal_ids),
            )
        )
    objectives = item.objectives if isinstance(item, Project) else []
    if not (item.description.strip() or objectives or facts):
        return None
    return facts


def render_handlingsplan(model: Initiative, lang: Language) -> bytes:
    def L(nb: str, nn: str) -> str:
        return own_words(model, lang, pick(lang, nb, nn))

    title = L(f"Handlingsplan for {model.title}", f"Handlingsplan for {model.title}")
    period = format_year_range(model.period.start_year, model.period.end_year)
    doc = PdfDocument(_meta(model, lang, title, "Handlingsplan"), model.municipality.profile)
    cover = _cover(model, lang, "Handlingsplan", period)
    plan_docs = views.plan_documents_view(model, lang)
    if plan_docs["line"]:
        cover = dataclasses.replace(
            cover, facts=(*cover.facts, (L("Plandokument", "Plandokument"), plan_docs["line"]))
        )
    doc.cover(cover)
    doc.toc(L("Innhold", "Innhald"))
    charts = {c.key: c for c in plan_charts(model, lang)}
    goals = goal_titles(model)
    observed = views.has_observations(model)
    _singular, plural, _definite = level_forms(model.programme.level_term, lang)
    level_plural = plural[0].upper() + plural[1:]

    def goal_row(goal_id: str, ind: Indicator) -> list[str]:
        """An indicator in the goal tables: as in the DOCX, an absent baseline or target is
        «Ikke fastsatt», observations over time get their own column when any are given."""
        row = [
            goal_id,
            f"{ind.id} {ind.name}",
            ind.unit,
            views.baseline_text(ind, lang),
            views.target_text(ind, lang),
            ind.data_source or (ind.baseline.source if ind.baseline else ""),
        ]
        if observed:
            row.insert(4, views.observations_text(ind, lang, "\n"))
        return row

    doc.heading(L("Del 1 – Programdel", "Del 1 – Programdel"), 0)
    # 1 Sammendrag
    doc.heading(L("1 Sammendrag", "1 Samandrag"), 1)
    doc.paragraphs(model.summary)
    area = model.area
    doc.facts(
        [
            ("Kommune", model.municipality.name),
            (L("Område", "Område"), area.name + (f" ({area.district})" if area.district else "")),
            (L("Periode", "Periode"), period),
            (
                L("Befolkning", "Folketal"),
                f"{format_number(area.population, lang)}"
                + (f" ({area.population_year})" if area.population_year else "")
                if area.population is not None
                else "",
            ),
            (L("Hovedmål", "Hovudmål"), str(len(model.goals.main_goals))),
            (level_plural, str(len(model.programme.sub_programmes))),
            ("Status", label(model.document.status, lang)),
            (L("Revideres", "Vert revidert"), format_date(model.document.revision_due, lang)),
        ]
    )
    # 2 Bakgrunn og formål
    doc.heading(L("2 Bakgrunn og formål", "2 Bakgrunn og føremål"), 1)
    doc.paragraphs(model.background)
    if model.purpose:
        doc.heading(L("2.1 Formål", "2.1 Føremål"), 2)
        doc.paragraphs(model.purpose)
    doc.heading(L("2.2 Området", "2.2 Området"), 2)
    doc.paragraphs(area.description)
    doc.paragraphs(area.boundary)
    if area.grunnkrets_codes:
        doc.paragraph(
            L("Grunnkretser: ", "Grunnkrinsar: ") + ", ".join(area.grunnkrets_codes) + "."
        )
    # 3 Kunnskapsgrunnlag
    kb = model.knowledge_base
    doc.heading(L("3 Kunnskapsgrunnlag", "3 Kunnskapsgrunnlag"), 1)
    doc.paragraphs(kb.summary)
    for number, (heading, findings) in enumerate(
        (
            (L("Utfordringer", "Utfordringar"), kb.challenges),
            (L("Ressurser og muligheter", "Ressursar og moglegheiter"), kb.resources),
        ),
        1,
    ):
        if not findings:
            continue
        doc.heading(f"3.{number} {heading}", 2)
        doc.table(
            [L("Funn", "Funn"), L("Beskrivelse", "Skildring"), L("Kilder", "Kjelder")],
            [[f.title, f.description, ", ".join(f.source_ids)] for f in findings],
            widths=[0.3, 0.58, 0.12],
        )
    if kb.sources:
        doc.heading(L("3.3 Kilder", "3.3 Kjelder"), 2)
        doc.table(
            ["Id", L("Tittel", "Tittel"), L("Utgiver", "Utgjevar"), "År", "Type"],
            [
                [
                    s.id,
                    s.title + (f" ({s.url})" if s.url else ""),
                    s.publisher,
                    str(s.year or ""),
                    label(s.kind, lang) if s.kind else "",
                ]
                for s in kb.sources
            ],
            widths=[0.07, 0.43, 0.28, 0.08, 0.14],
        )
    # 4 Forankring
    doc.heading(L("4 Forankring", "4 Forankring"), 1)
    decisions = list(model.anchoring)
    if model.document.decision is not None:
        decisions.append(model.document.decision)
    if decisions:
        doc.table(
            ["Organ", "Dato", "Sak", L("Innhold", "Innhald")],
            [[d.body, format_date(d.date, lang), d.case_number, d.summary] for d in decisions],
            widths=[0.2, 0.16, 0.12, 0.52],
        )
    doc.note(status_statement(model, lang))
    if plan_docs["statement"] or plan_docs["documents"]:
        doc.heading(L("4.1 Plandokumenter", "4.1 Plandokument"), 2)
        for line in plan_docs["statement"]:
            doc.paragraph(line)
        if plan_docs["documents"]:
            doc.table(
                [
                    L("Dokument", "Dokument"),
                    "Periode",
                    "Status",
                    "Dato",
                    "Vedtak",
                    L("Erstatter", "Erstattar"),
                ],
                [
                    [d["name"], d["period"], d["status"], d["date"], d["decision"], d["replaces"]]
                    for d in plan_docs["documents"]
                ],
                widths=[0.25, 0.12, 0.14, 0.14, 0.2, 0.15],
            )
    # 5 Visjon og mål
    doc.heading(L("5 Visjon og mål", "5 Visjon og mål"), 1)
    if model.goals.vision:
        doc.paragraph(model.goals.vision, style="lead")
    if "goal_hierarchy" in charts:
        doc.chart(charts["goal_hierarchy"])
    for number, main in enumerate(model.goals.main_goals, 1):
        doc.heading(f"5.{number} {main.id} {main.title}", 2)
        doc.paragraphs(main.description)
        rows: list[list[str]] = [goal_row(main.id, i) for i in main.indicators]
        groups: list[int] = []
        for sub in main.sub_goals:
            groups.append(len(rows))
            rows.append([f"{sub.id} {sub.title}"])
            rows += [goal_row(sub.id, i) for i in sub.indicators]
            for res in sub.result_goals:
                groups.append(len(rows))
                rows.append([f"{res.id} {res.title}"])
                rows += [goal_row(res.id, i) for i in res.indicators]
        head = [
            L("Mål", "Mål"),
            "Indikator",
            L("Enhet", "Eining"),
            "Nullpunkt",
            L("Målverdi", "Målverdi"),
            L("Datakilde", "Datakjelde"),
        ]
        if observed:
            head.insert(4, L("Målt", "Målt"))
        doc.table(
            head,
            rows,
            widths=[0.09, 0.22, 0.1, 0.12, 0.18, 0.13, 0.16]
            if observed
            else [0.1, 0.36, 0.1, 0.13, 0.13, 0.18],
            align="LLLRLRL" if observed else "LLLRRL",
            groups=groups,
        )
    # 6 Strategier og metoder
    doc.heading(L("6 Strategier og metoder", "6 Strategiar og metodar"), 1)
    for number, strategy in enumerate(model.strategies, 1):
        doc.heading(f"6.{number} {strategy.title}", 2)
        doc.paragraphs(strategy.description)
        doc.bullets(strategy.methods)
        if strategy.goal_ids:
            doc.paragraph(
                L("Bidrar til: ", "Bidreg til: ")
                + "; ".join(f"{g} {goals.get(g, '')}".strip() for g in strategy.goal_ids)
                + ".",
                style="small",
            )
    # 7 Rammer
    doc.heading(L("7 Rammer", "7 Rammer"), 1)
    doc.heading(L("7.1 Avgrensning og periode", "7.1 Avgrensing og periode"), 2)
    doc.paragraphs(area.boundary)
    doc.paragraph(
        L(
            f"Satsingen varer i {model.period.length} år, {period}. Planen skal revideres innen {format_date(model.document.revision_due, lang)}.",
            f"Satsinga varer i {model.period.length} år, {period}. Planen skal reviderast innan {format_date(model.document.revision_due, lang)}.",
        )
        if model.document.revision_due
        else L(
            f"Satsingen varer i {model.period.length} år, {period}.",
            f"Satsinga varer i {model.period.length} år, {period}.",
        )
    )
    doc.heading(L("7.2 Økonomisk ramme", "7.2 Økonomisk ramme"), 2)
    money_head = [source_label(s, lang) for s in _SOURCES] + ["Sum"]
    frame_rows = views.frame_years(model)
    if frame_rows:
        doc.paragraph(
            L(
                "Tabellen viser den økonomiske rammen (anslag) for hvert år i perioden, fordelt på finansieringskilde.",
                "Tabellen viser den økonomiske ramma (anslag) for kvart år i perioden, fordelt på finansieringskjelde.",
            )
        )
        doc.table(
            ["År", *money_head],
            [[str(year), *money_cells(views.frame_row(model, b), lang)] for year, b in frame_rows]
            + (
                [["Sum", *money_cells(views.frame_sum(model), lang)]] if len(frame_rows) > 1 else []
            ),
            widths=[0.08, 0.184, 0.184, 0.184, 0.184, 0.184],
            align="LRRRRR",
            totals=1 if len(frame_rows) > 1 else 0,
        )
        if any(b is None for _, b in frame_rows):
            doc.paragraph(
                L(
                    "For år som står som «ikke fastsatt», er rammen ikke oppgitt.",
                    "For år som står som «ikkje fastsett», er ramma ikkje oppgitt.",
                ),
                style="small",
            )
        for year, b in frame_rows:
            if b is not None and b.note:
                doc.paragraph(f"{year}: {b.note}", style="small")
    else:
        doc.paragraph(
            L("Budsjettrammen er ikke fastsatt ennå.", "Budsjettramma er ikkje fastsett enno.")
        )
    if "budget_by_year" in charts:
        doc.chart(charts["budget_by_year"])
    if model.activities:
        doc.heading(L("7.3 Budsjett per delprogram", "7.3 Budsjett per delprogram"), 2)
        rows = []
        for sp in model.programme.sub_programmes:
            f = sum_funding(a for a in model.activities if a.sub_programme_id == sp.id)
            rows.append([f"{sp.id} {sp.name}", *money_cells(f, lang)])
        rows.append(["Sum", *money_cells(sum_funding(model.activities), lang)])
        years = model.activity_years()
        doc.paragraph(
            L(
                f"Sum av tiltakene i aktivitetsplanene for {format_year_range(years[0], years[-1])}.",
                f"Sum av tiltaka i aktivitetsplanane for {format_year_range(years[0], years[-1])}.",
            )
        )
        doc.table(
            [L("Delprogram", "Delprogram"), *money_head],
            rows,
            widths=[0.26, 0.15, 0.15, 0.14, 0.14, 0.16],
            align="LRRRRR",
            totals=1,
        )
        if "budget_by_subprogramme" in charts:
            doc.chart(charts["budget_by_subprogramme"])
    # 8 Organisering
    org = model.organisation
    doc.heading(L("8 Organisering", "8 Organisering"), 1)
    if org.service_areas:
        doc.paragraph(L("Tjenesteområder som deltar:", "Tenesteområde som deltek:"))
        doc.bullets(org.service_areas)
    if "organisation" in charts:
        doc.chart(charts["organisation"])
    for number, body in enumerate(org.bodies, 1):
        doc.heading(f"8.{number} {body.name}", 2)
        parent = next((b.name for b in org.bodies if b.id == body.reports_to), "")
        doc.facts(
            [
                ("Type", label(body.kind, lang)),
                ("Mandat", body.mandate),
                (L("Møter", "Møte"), body.meeting_frequency),
                (L("Rapporterer til", "Rapporterer til"), parent),
            ],
            key_width=0.22,
        )
        if body.members:
            doc.table(
                [L("Medlem", "Medlem"), "Tittel", "Organisasjon"],
                [[m.name, m.title, m.organisation] for m in body.members],
                widths=[0.3, 0.4, 0.3],
            )
    org_number = len(org.bodies)
    if org.roles:
        org_number += 1
        doc.heading(f"8.{org_number} {L('Roller og ansvar', 'Roller og ansvar')}", 2)
        doc.table(
            ["Rolle", L("Innehaver", "Innehavar"), "Ansvar"],
            [[r.title, r.holder, "; ".join(r.responsibilities)] for r in org.roles],
            widths=[0.25, 0.22, 0.53],
        )
    plan_matrix = _plan_matrix_rows(model, lang)
    if plan_matrix:
        matrix_title = L("Rolle- og ansvarsmatrise", "Rolle- og ansvarsmatrise")
        if org.roles:  # under «Roller og ansvar»
            doc.heading(matrix_title, 3)
        else:  # its own section: a level-3 heading right under «8 Organisering» has no parent
            org_number += 1
            doc.heading(f"8.{org_number} {matrix_title}", 2)
        doc.table(
            [L("Oppgave", "Oppgåve"), *(label(v, lang) for v in Involvement)],
            plan_matrix,
            widths=[0.32, 0.22, 0.24, 0.11, 0.11],
        )
    if model.partners:
        org_number += 1
        doc.heading(f"8.{org_number} {L('Partnere', 'Partnarar')}", 2)
        doc.table(
            [L("Partner", "Partnar"), "Type", "Org.nr.", L("Beskrivelse", "Skildring")],
            [
                [p.name, label(p.kind, lang), format_org_number(p.org_number), p.description]
                for p in model.partners
            ],
            widths=[0.27, 0.17, 0.13, 0.43],
        )
    # 9 Medvirkning
    doc.heading(L("9 Medvirkning", "9 Medverknad"), 1)
    doc.paragraphs(model.participation.summary)
    doc.bullets(model.participation.measures)
    # 10 Kommunikasjon
    doc.heading(L("10 Kommunikasjon", "10 Kommunikasjon"), 1)
    comm = model.communication
    if comm is None:
        doc.paragraph(
            L(
                "Kommunikasjonsplanen er ikke utarbeidet ennå.",
                "Kommunikasjonsplanen er ikkje utarbeidd enno.",
            )
        )
    else:
        doc.paragraphs(comm.engagement_statement)
        if comm.goals:
            doc.heading(L("10.1 Mål for kommunikasjonen", "10.1 Mål for kommunikasjonen"), 2)
            doc.bullets(comm.goals)
        if comm.target_groups:
            doc.heading(L("10.2 Målgrupper og budskap", "10.2 Målgrupper og bodskap"), 2)
            doc.table(
                [L("Målgruppe", "Målgruppe"), L("Beskrivelse", "Skildring")],
                [[t.name, t.description] for t in comm.target_groups],
                widths=[0.3, 0.7],
            )
        if comm.core_messages:
            doc.paragraph(L("Kjernebudskap:", "Kjernebodskap:"))
            doc.bullets(comm.core_messages)
        if comm.languages:
            doc.paragraph(L("Språk: ", "Språk: ") + ", ".join(comm.languages) + ".")
        channels = {c.id: c.name for c in comm.channels}
        groups_by_id = {t.id: t.name for t in comm.target_groups}
        if comm.measures:
            doc.heading(L("10.3 Tiltak", "10.3 Tiltak"), 2)
            doc.table(
                [
                    L("Aktivitet", "Aktivitet"),
                    "Kanal",
                    L("Målgruppe", "Målgruppe"),
                    "Tid",
                    L("Ansvarlig", "Ansvarleg"),
                    L("Ressurser", "Ressursar"),
                ],
                [
                    [
                        m.activity,
                        ", ".join(channels.get(c, c) for c in m.channel_ids),
                        ", ".join(groups_by_id.get(t, t) for t in m.target_group_ids),
                        m.timing,
                        role_text(model, m.responsible_role_id),
                        m.resources,
                    ]
                    for m in comm.measures
                ],
                widths=[0.23, 0.15, 0.16, 0.11, 0.16, 0.19],
            )
    # 11 Evaluering
    doc.heading(L("11 Evaluering", "11 Evaluering"), 1)
    ev = model.evaluation
    if ev is None:
        doc.paragraph(
            L(
                "Evalueringsplanen er ikke utarbeidet ennå.",
                "Evalueringsplanen er ikkje utarbeidd enno.",
            )
        )
    else:
        doc.paragraphs(ev.purpose)
        doc.facts(
            [
                (L("Brukere", "Brukarar"), ", ".join(ev.users)),
                (
                    "Evaluator",
                    ": ".join(
                        x
                        for x in (
                            label(ev.evaluator_kind, lang) if ev.evaluator_kind else "",
                            ev.evaluator,
                        )
                        if x
                    ),
                ),
            ],
            key_width=0.22,
        )
        if ev.schedule:
            doc.table(
                ["År", "Type", L("Beskrivelse", "Skildring")],
                [[str(p.year), label(p.type, lang), p.description] for p in ev.schedule],
                widths=[0.1, 0.25, 0.65],
            )
        if ev.questions:
            doc.heading(L("11.1 Evalueringsspørsmål", "11.1 Evalueringsspørsmål"), 2)
            doc.bullets(ev.questions)
        chain = ev.result_chain
        if any((chain.inputs, chain.activities, chain.results, chain.effects)):
            doc.heading(L("11.2 Resultatkjede", "11.2 Resultatkjede"), 2)
            columns = (chain.inputs, chain.activities, chain.results, chain.effects)
            depth = max(len(c) for c in columns)
            doc.table(
                [
                    L("Innsats", "Innsats"),
                    "Aktiviteter" if lang is Language.NB else "Aktivitetar",
                    "Resultater" if lang is Language.NB else "Resultat",
                    "Effekter" if lang is Language.NB else "Effektar",
                ],
                [[c[i] if i < len(c) else "" for c in columns] for i in range(depth)],
                widths=[0.25, 0.25, 0.25, 0.25],
            )
        indicators = list(model.indicators())
        if indicators:
            doc.heading(L("11.3 Indikatorer", "11.3 Indikatorar"), 2)
            ind_head = [
                "Indikator",
                "Nullpunkt",
                L("Målverdi", "Målverdi"),
                L("Datakilde", "Datakjelde"),
                "Frekvens",
                L("Ansvarlig", "Ansvarleg"),
            ]
            ind_rows = [
                [
                    f"{goal} · {ind.id} {ind.name}",
                    views.baseline_text(ind, lang, with_source=True).replace("\n", ", "),
                    views.target_text(ind, lang),
                    ind.data_source,
                    label(ind.frequency, lang) if ind.frequency else "",
                    role_text(model, ind.responsible_role_id),
                ]
                for goal, ind in indicators
            ]
            if observed:
                ind_head.insert(2, L("Målt", "Målt"))
                for (_, ind), row in zip(indicators, ind_rows, strict=True):
                    row.insert(2, views.observations_text(ind, lang, "\n"))
            doc.table(
                ind_head,
                ind_rows,
                widths=[0.24, 0.15, 0.16, 0.1, 0.13, 0.1, 0.12]
                if observed
                else [0.3, 0.17, 0.1, 0.15, 0.11, 0.17],
            )
        if ev.reporting:
            doc.heading(L("11.4 Rapportering", "11.4 Rapportering"), 2)
            doc.table(
                [L("Til", "Til"), "Frekvens", "Form"],
                [[r.to, r.frequency, r.form] for r in ev.reporting],
                widths=[0.35, 0.25, 0.4],
            )
    # 12 Fremdrift
    doc.heading(L("12 Fremdriftsplan", "12 Framdriftsplan"), 1)
    if "timeline" in charts:
        doc.chart(charts["timeline"])
    if model.milestones:
        doc.table(
            ["Dato", L("Milepæl", "Milepæl"), L("Beskrivelse", "Skildring")],
            [
                [format_date(m.date, lang), m.title, m.description]
                for m in sorted(model.milestones, key=lambda m: m.date)
            ],
            widths=[0.2, 0.4, 0.4],
        )
    # Del 2
    doc.heading(L("Del 2 – Prosjektoversikt", "Del 2 – Prosjektoversikt"), 0, new_page=True)
    doc.paragraph(
        L(
            f"Programmet er delt i {plural}, prosjekter og delprosjekter. Budsjettet er summen av tiltakene i aktivitetsplanene.",
            f"Programmet er delt i {plural}, prosjekt og delprosjekt. Budsjettet er summen av tiltaka i aktivitetsplanane.",
        )
    )
    doc.paragraphs(model.programme.description)
    for number, sp in enumerate(model.programme.sub_programmes, 13):
        doc.heading(f"{number} {sp.id} {sp.name}", 1)
        doc.paragraphs(sp.description)
        sp_acts = [a for a in model.activities if a.sub_programme_id == sp.id]
        doc.facts(
            [
                (L("Ansvarlig", "Ansvarleg"), role_text(model, sp.owner_role_id)),
                (L("Bidrar til mål", "Bidreg til mål"), ", ".join(sp.goal_ids)),
                ("Tiltakstype", ", ".join(label(t, lang) for t in sp.measure_types)),
                ("Budsjett", format_money(sum_funding(sp_acts).total, lang) if sp_acts else ""),
            ],
            key_width=0.22,
        )
        rows = []
        strong: list[int] = []
        indented: list[int] = []
        for project in sp.projects:
            strong.append(len(rows))
            p_acts = [a for a in sp_acts if a.project_id == project.id]
            rows.append(
                [
                    f"{project.id} {project.name}",
                    role_text(model, project.owner_role_id),
                    ", ".join(project.goal_ids),
                    years_text(project.start_year, project.end_year),
                    format_money(sum_funding(p_acts).total, lang),
                ]
            )
            for sub_project in project.sub_projects:
                s_acts = [a for a in p_acts if a.sub_project_id == sub_project.id]
                indented.append(len(rows))
                rows.append(
                    [
                        f"{sub_project.id} {sub_project.name}",
                        role_text(model, sub_project.owner_role_id),
                        ", ".join(sub_project.goal_ids),
                        years_text(sub_project.start_year, sub_project.end_year),
                        format_money(sum_funding(s_acts).total, lang),
                    ]
                )
        if rows:
            doc.table(
                [
                    L("Prosjekt / delprosjekt", "Prosjekt / delprosjekt"),
                    L("Ansvarlig", "Ansvarleg"),
                    L("Mål", "Mål"),
                    "Periode",
                    "Budsjett",
                ],
                rows,
                widths=[0.36, 0.24, 0.12, 0.13, 0.15],
                align="LLLLR",
                strong=strong,
                indented=indented,
            )
        project_number = 0
        for project in sp.projects:
            told = _project_facts(model, lang, project)
            subs = [(x, _project_facts(model, lang, x)) for x in project.sub_projects]
            subs = [(x, f) for x, f in subs if f is not None]
            if told is None and not subs:
                continue
            project_number += 1
            doc.heading(f"{number}.{project_number} {project.id} {project.name}", 2)
            told_items: list[tuple[Project | SubProject, list[tuple[str, str]] | None]] = [
                (project, told),
                *subs,
            ]
            for item, facts in told_items:
                if facts is None:
                    continue
                if item is not project:
                    doc.paragraph(f"{item.id} {item.name}", style="lead")
                doc.paragraphs(item.description)
                if isinstance(item, Project) and item.objectives:
                    doc.paragraph(L("Prosjektets mål:", "Måla til prosjektet:"))
                    doc.bullets(item.objectives)
                doc.facts(facts, key_width=0.22)
    if model.document.revisions:
        doc.heading(L("Versjonshistorikk", "Versjonshistorikk"), 0, new_page=True)
        doc.table(
            ["Versjon", "Dato", "Status", L("Endring", "Endring"), L("Forfatter", "Forfattar")],
            [
                [
                    r.version,
                    format_date(r.date, lang, style="short"),
                    label(r.status, lang) if r.status else "",
                    r.description,
                    r.author,
                ]
                for r in model.document.revisions
            ],
            widths=[0.1, 0.14, 0.18, 0.4, 0.18],
        )
    return doc.render()


# -- aktivitetsplan ---------------------------------------------------------------------------


# -- LibreOffice route (tagged PDF/A-2) -------------------------------------------------------

_PDFA_FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"}}'
)
_SOFFICE_LOCK = threading.Lock()


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdfa(docx: bytes, name: str) -> bytes:
    """Convert DOCX bytes with headless LibreOffice to tagged PDF/A-2 bytes."""
    binary = soffice_binary()
    if binary is None:
        raise OmradedokError(
            "--pdf-engine libreoffice krever LibreOffice (soffice), som ikke er installert. "
            "Installer LibreOffice (for eksempel «apt-get install libreoffice-writer»), eller "
            "bruk standardmotoren: --pdf-engine reportlab"
        )
    with _SOFFICE_LOCK, tempfile.TemporaryDirectory(prefix="omradedok-lo-") as tmp:
        folder = Path(tmp)
        source = folder / f"{Path(name).stem}.docx"
        source.write_bytes(docx)
        profile = folder / "profile"
        cmd = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _PDFA_FILTER,
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        env = {**os.environ, "HOME": tmp}
        try:
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=300, check=False, env=env
            )
        except subprocess.TimeoutExpired as exc:
            raise OmradedokError(
                f"LibreOffice brukte mer enn 5 minutter på {name}; prøv igjen"
            ) from exc
        produced = folder / "out" / f"{source.stem}.pdf"
        if proc.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
            raise OmradedokError(
                f"LibreOffice klarte ikke å lage {name} (kode {proc.returncode}): "
                f"{(proc.stderr or proc.stdout).strip()[:400]}"
            )
        return produced.read_bytes()


def _docx_render(context: BuildContext, filename: str, kind_name: str) -> Callable[[], bytes]:
    """The render function of a DOCX artifact: planned before us, or asked of its kind."""
    source = next((a for a in context.planned if a.filename == filename), None)
    if source is None:
        kind = next((k for k in registry.kinds() if k.name == kind_name), None)
        if kind is not None:
            source = next((a for a in kind.artifacts(context) if a.filename == filename), None)
    if source is None:

        def missing() -> bytes:
            raise OmradedokError(
                f"--pdf-engine libreoffice lager PDF fra {filename}, men ingen dokumenttype lager "
                "den filen i denne versjonen; bruk --pdf-engine reportlab"
            )

        return missing
    return source.render


LIBREOFFICE_COST = 100.0
"""A LibreOffice conversion (seconds, mostly start-up) next to a DOCX render (milliseconds)."""


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise OmradedokError(f"ukjent PDF-motor «{engine}»; velg reportlab eller libreoffice")


# -- kinds ------------------------------------------------------------------------------------


class HandlingsplanPdfKind:
    name = "handlingsplan-pdf"

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model, lang, engine = context.model, context.options.language, context.options.pdf_engine
        _check_engine(engine)
        filename = "handlingsplan.pdf"
        title = pick(lang, "Handlingsplan (PDF)", "Handlingsplan (PDF)")
        if engine == "libreoffice":
            docx = _docx_render(context, "handlingsplan.docx", "handlingsplan")
            return [
                Artifact(
                    filename,
                    self.name,
                    title,
                    lambda: docx_to_pdfa(docx(), filename),
                    attachment=False,
                    cost=LIBREOFFICE_COST,
                )
            ]
        return [
            Artifact(
                filename,
                self.name,
                title,
                lambda: render_handlingsplan(model, lang),
                attachment=False,
                cost=12,
            )
        ]


registry.register(HandlingsplanPdfKind())
