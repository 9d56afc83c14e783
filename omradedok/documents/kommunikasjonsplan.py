"""kommunikasjonsplan.docx – the communication plan, alone and as a section of the handlingsplan.

One view (:func:`communication_view`) and one sub-template (``parts/kommunikasjonsplan.docx``)
feed both places: the standalone document wraps the part with a title block, and the
handlingsplan places the same part under «Kommunikasjon» with its headings moved down two
levels (:func:`communication_fragment`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..locale import enum_label, pick
from ..model import Initiative, Language
from ..render.docx import Fragment
from . import views
from .base import SingleDocumentKind

PART = "parts/kommunikasjonsplan.docx"
TEMPLATE = "kommunikasjonsplan.docx"
FILENAME = "kommunikasjonsplan.docx"
PART_KEYS = frozenset(
    {
        "t",
        "goals",
        "target_groups",
        "core_messages",
        "channels",
        "languages",
        "measures",
        "engagement",
    }
)
STANDALONE_KEYS = views.BASE_KEYS | {"intro", "body"}
views.declare_template(
    TEMPLATE,
    STANDALONE_KEYS,
    {"status_banner", "doc", "body"},
    "Kommunikasjonsplan (forside og ramme)",
)
views.declare_template(
    PART,
    PART_KEYS,
    {"measures", "target_groups", "channels", "engagement"},
    "Kommunikasjonsplanens innhold (også i handlingsplanen)",
)


def has_communication_plan(model: Initiative) -> bool:
    plan = model.communication
    if plan is None:
        return False
    return bool(
        plan.goals
        or plan.target_groups
        or plan.core_messages
        or plan.channels
        or plan.languages
        or plan.measures
        or plan.engagement_statement.strip()
    )


def communication_view(
    model: Initiative, language: Language, template_dir: Path | None = None
) -> dict[str, Any]:
    """The communication plan's content as plain, formatted data (the part template's view)."""
    plan = model.communication
    if plan is None:
        raise ValueError("modellen har ingen kommunikasjonsplan")
    groups = {g.id: g.name for g in plan.target_groups}
    channels = {c.id: c.name for c in plan.channels}
    languages = views.and_join(list(plan.languages), language)
    return {
        "t": views.labels(language, template_dir),
        "goals": list(plan.goals),
        "target_groups": [
            {"name": g.name, "description": g.description} for g in plan.target_groups
        ],
        "core_messages": list(plan.core_messages),
        "channels": [
            {
                "name": c.name,
                "text": f"{c.name}\n{c.description}" if c.description else c.name,
                "kind": enum_label(c.kind, language),
                "description": c.description,
            }
            for c in plan.channels
        ],
        "languages": pick(
            language,
            f"Informasjon gis på {languages}.",
            f"Informasjon blir gitt på {languages}.",
        )
        if languages
        else "",
        "measures": [
            {
                "activity": m.activity,
                "channels": "\n".join(channels.get(i, i) for i in m.channel_ids),
                "target_groups": "\n".join(groups.get(i, i) for i in m.target_group_ids),
                "timing": m.timing,
                "responsible": views.role_title(model, m.responsible_role_id),
                "resources": m.resources,
            }
            for m in plan.measures
        ],
        "engagement": views.paragraphs(plan.engagement_statement),
    }


def communication_fragment(
    model: Initiative, language: Language, template_dir: Path | None, heading_shift: int
) -> Fragment | None:
    if not has_communication_plan(model):
        return None
    return Fragment(PART, communication_view(model, language, template_dir), heading_shift)


def document_title(model: Initiative, language: Language) -> str:
    return pick(
        language,
        f"Kommunikasjonsplan for {model.title} {views.period_text(model)}",
        f"Kommunikasjonsplan for {model.title} {views.period_text(model)}",
    )


def render(model: Initiative, language: Language, template_dir: Path | None = None) -> bytes:
    return views.render_standalone(
        model,
        language,
        template_dir,
        template=TEMPLATE,
        title=document_title(model, language),
        intro=pick(
            language,
            f"Kommunikasjonsplanen er en del av handlingsplanen for {model.title} "
            f"{views.period_text(model)} og gjelder hele satsingsperioden.",
            f"Kommunikasjonsplanen er ein del av handlingsplanen for {model.title} "
            f"{views.period_text(model)} og gjeld heile satsingsperioden.",
        ),
        body=communication_fragment(model, language, template_dir, 0),
        category="Kommunikasjonsplan",
        keywords=("kommunikasjonsplan", "kommunikasjon", "medvirkning"),
    )


DOCUMENT_KIND = SingleDocumentKind(
    name="kommunikasjonsplan",
    filename=FILENAME,
    title=document_title,
    render=render,
    applies=has_communication_plan,
    order=20,
    attachment_rank=30,
)
