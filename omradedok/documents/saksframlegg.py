"""saksframlegg.docx – the council case document that takes the plan through political
processing. Its «Vedlegg» list is the documents actually built in the same run (the artifacts
planned before it with ``attachment=True``), followed by the case's extra attachments."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..locale import format_date, pick
from ..locale.levels import officer_noun
from ..model import Initiative, Language
from ..render.docx import render_docx
from . import registry, views
from .base import Artifact, BuildContext
from .innstilling import ordered_route, recommendation

TEMPLATE = "saksframlegg.docx"
FILENAME = "saksframlegg.docx"
VIEW_KEYS = views.BASE_KEYS | {"case"}
views.declare_template(TEMPLATE, VIEW_KEYS, {"status_banner", "case"}, "Saksframlegg")


def case_title(model: Initiative, language: Language) -> str:
    case = model.council_case
    if case is not None and case.title:
        return case.title
    return f"Handlingsplan for {model.title} {views.period_text(model)}"


def saksframlegg_view(
    model: Initiative,
    language: Language,
    attachments: list[str],
    template_dir: Path | None = None,
    previous: Initiative | None = None,
) -> dict[str, Any]:
    """Everything saksframlegg.docx prints; ``attachments`` are the vedlegg titles in order.
    With ``previous`` (the earlier version of the plan) «Medvirkning og høringsinnspill» also
    says what changed in the plan since it (the endringslogg, chapter by chapter)."""
    case = model.council_case
    if case is None:
        raise ValueError("modellen har ingen politisk sak (council_case)")
    title = case_title(model, language)
    view = views.base_view(
        model,
        language,
        f"{pick(language, 'Saksframlegg', 'Saksframlegg')} {case.archive_case_number}",
        template_dir,
    )
    officer = views.join([case.case_officer.name, case.case_officer.title], ", ")
    inputs = case.consultation_inputs
    participation = views.paragraphs(model.participation.summary)
    if previous is not None:
        from .endringer import endringslogg, summary_paragraphs

        log = endringslogg(previous, model, language, template_dir)
        participation.extend(summary_paragraphs(log, language))
    if inputs:
        participation.append(
            views.own_words(
                model,
                language,
                pick(
                    language,
                    f"Det kom inn {len(inputs)} høringsinnspill som er omtalt her. Tabellen viser hva "
                    "som kom inn, og hvordan kommunedirektøren har vurdert innspillene.",
                    f"Det kom inn {len(inputs)} høyringsinnspel som er omtala her. Tabellen viser kva "
                    "som kom inn, og korleis kommunedirektøren har vurdert innspela.",
                )
                if len(inputs) > 1
                else pick(
                    language,
                    "Tabellen viser innspillet som kom inn, og hvordan kommunedirektøren har vurdert det.",
                    "Tabellen viser innspelet som kom inn, og korleis kommunedirektøren har vurdert det.",
                ),
            )
        )
    advice = recommendation(model, language)
    signer = model.municipality.chief_executive
    signer_title = (signer.title if signer and signer.title else "") or officer_noun(
        model.municipality.officer_title
    )
    view["case"] = {
        "title": title,
        "archive_case": case.archive_case_number,
        "archive_code": case.archive_code,
        "officer": officer,
        "unit": case.administrative_unit,
        "date": (
            format_date(case.date, language)
            if case.date
            else pick(language, "Ikke fastsatt", "Ikkje fastsett")
        ),
        "route": [
            {
                "body": r.body,
                "date": format_date(r.meeting_date, language),
                "case_number": r.case_number,
            }
            for r in ordered_route(case)
        ],
        "is_decision": advice.kind == "vedtak",
        "resolution_intro": advice.intro,
        "resolution": [{"text": p.text, "lines": p.lines} for p in advice.points],
        "resolution_after": advice.after,
        "no_resolution": pick(
            language,
            "Innstillingen er ikke skrevet ennå.",
            "Innstillinga er ikkje skriven enno.",
        ),
        "summary": views.paragraphs(case.summary),
        "background": views.paragraphs(case.background),
        "participation": participation,
        "inputs": [
            {"from_whom": i.from_whom, "summary": i.summary, "assessment": i.assessment}
            for i in inputs
        ],
        "assessment": views.paragraphs(case.assessment),
        "economic": views.paragraphs(case.economic_consequences),
        "administrative": views.paragraphs(case.administrative_consequences),
        "alternatives": views.paragraphs(case.alternatives),
        "risk": views.paragraphs(case.risk),
        "children": views.paragraphs(case.children_and_youth),
        "health": views.paragraphs(case.public_health),
        "climate": views.paragraphs(case.climate_and_environment),
        "signature": {
            "name": signer.name if signer else "",
            "title": signer_title[:1].upper() + signer_title[1:] if not signer else signer_title,
        },
        "attachments": attachments,
    }
    view["doc"]["subtitle"] = title
    return view


def render(
    model: Initiative,
    language: Language,
    attachments: list[str],
    template_dir: Path | None = None,
    previous: Initiative | None = None,
) -> bytes:
    case = model.council_case
    assert case is not None
    title = case_title(model, language)
    meta = views.doc_meta(
        model,
        language,
        title=title,
        category="Saksframlegg",
        keywords=("saksframlegg", f"arkivsak {case.archive_case_number}", "handlingsplan"),
    )
    if case.date is not None:
        meta = replace(meta, date=case.date)
    return render_docx(
        TEMPLATE,
        saksframlegg_view(model, language, attachments, template_dir, previous),
        meta=meta,
        template_dir=template_dir,
        colors=views.colors(model),
    )


def attachment_artifacts(planned: list[Artifact]) -> list[Artifact]:
    """The artifacts planned before the saksframlegg that are its vedlegg, ordered by their
    kind's declared ``attachment_rank`` (the plan first); within a rank, in build order."""

    def rank(artifact: Artifact) -> int:
        kind = registry.get(artifact.kind)
        return kind.attachment_rank if kind is not None else sys.maxsize

    return sorted((a for a in planned if a.attachment), key=rank)


def vedlegg(model: Initiative, planned: list[Artifact]) -> list[tuple[str, Artifact | None]]:
    """The saksframlegg's «Vedlegg» list in its order: (title, the artifact written in this
    build, or None for an extra attachment the case names but omradedok does not make).
    The arkivmelding registers exactly this list (:mod:`omradedok.archive`)."""
    case = model.council_case
    built: list[tuple[str, Artifact | None]] = [(a.title, a) for a in attachment_artifacts(planned)]
    extra: list[tuple[str, Artifact | None]] = [
        (title, None) for title in (case.extra_attachments if case is not None else [])
    ]
    return built + extra


class SaksframleggKind:
    name = "saksframlegg"
    order = 1000  # last: it lists every artifact planned before it as a vedlegg
    attachment_rank = 1000  # never its own vedlegg

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model = context.model
        if model.council_case is None:
            return []
        language = context.options.language
        template_dir = context.options.template_dir
        previous = context.options.previous
        attachments = [title for title, _ in vedlegg(model, context.planned)]
        return [
            Artifact(
                filename=FILENAME,
                kind=self.name,
                title=case_title(model, language),
                render=lambda: render(model, language, attachments, template_dir, previous),
                attachment=False,
            )
        ]


DOCUMENT_KIND = SaksframleggKind()
