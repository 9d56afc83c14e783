"""kommunikasjonsplan.docx – the communication plan, alone and as a chapter of the handlingsplan.

One typed view feeds both places: :func:`communication_section` builds the «Kommunikasjon»
chapter from the model (the handlingsplan places it among its chapters); the standalone
document is that chapter, one heading level up, in the plan's frame (title page, running
head) through the house template ``dokument.docx`` (:func:`communication_document`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..locale import enum_label, pick
from ..model import Initiative, Language
from ..view.blocks import Block, Document, Paragraph, Section
from . import views
from .aktivitetsplan import spans
from .base import SingleDocumentKind
from .handlingsplan_doc import _items, _paras, _section, _table, framed_document, plan_cover

FILENAME = "kommunikasjonsplan.docx"


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


def communication_section(
    model: Initiative, language: Language, template_dir: Path | None = None, level: int = 2
) -> Section:
    """The «Kommunikasjon» chapter at heading ``level`` (its sub-sections one below): the same
    blocks in the handlingsplan and in the standalone document."""
    t = views.own_labels(model, views.labels(language, template_dir), language)
    if not has_communication_plan(model):
        return _section(
            t["communication_heading"],
            [Paragraph(spans(t["none_communication"]))],
            level,
            key="communication",
        )
    c = communication_view(model, language, template_dir)
    ct = views.own_labels(model, c["t"], language)
    parts: list[Block | None] = []

    def sub(key: str, children: Iterable[Block | None]) -> None:
        parts.append(_section(ct[key], children, level + 1, key=f"comm_{key}"))

    if c["goals"]:
        sub("comm_goals", [_items(c["goals"])])
    if c["target_groups"]:
        sub(
            "target_groups",
            [
                _table(
                    [ct["target_group"], ct["description"]],
                    [[g["name"], g["description"]] for g in c["target_groups"]],
                    [0.34, 0.66],
                    key="target_groups",
                )
            ],
        )
    if c["core_messages"]:
        sub("core_messages", [_items(c["core_messages"])])
    if c["channels"]:
        sub(
            "channels",
            [
                _table(
                    [ct["channel"], ct["kind"]],
                    [[ch["text"], ch["kind"]] for ch in c["channels"]],
                    [0.69, 0.31],
                    key="channels",
                )
            ],
        )
    if c["languages"]:
        sub("languages", [Paragraph(spans(c["languages"]))])
    if c["measures"]:
        sub(
            "measures",
            [
                _table(
                    [
                        ct["activity"],
                        ct["channel"],
                        ct["target_group"],
                        ct["timing"],
                        ct["responsible"],
                        ct["resources_col"],
                    ],
                    [
                        [
                            m["activity"],
                            m["channels"],
                            m["target_groups"],
                            m["timing"],
                            m["responsible"],
                            m["resources"],
                        ]
                        for m in c["measures"]
                    ],
                    [0.22, 0.17, 0.16, 0.13, 0.17, 0.15],
                    key="comm_measures",
                )
            ],
        )
    if c["engagement"]:
        sub("engagement", _paras(c["engagement"]))
    return _section(t["communication_heading"], parts, level, key="communication")


def document_title(model: Initiative, language: Language) -> str:
    return pick(
        language,
        f"Kommunikasjonsplan for {model.title} {views.period_text(model)}",
        f"Kommunikasjonsplan for {model.title} {views.period_text(model)}",
    )


def communication_document(
    model: Initiative, language: Language, template_dir: Path | None = None
) -> Document:
    """The standalone plan: the handlingsplan's «Kommunikasjon» chapter as level 1."""
    t = views.own_labels(model, views.labels(language, template_dir), language)
    intro = pick(
        language,
        f"Kommunikasjonsplanen er en del av handlingsplanen for {model.title} "
        f"{views.period_text(model)} og gjelder hele satsingsperioden.",
        f"Kommunikasjonsplanen er ein del av handlingsplanen for {model.title} "
        f"{views.period_text(model)} og gjeld heile satsingsperioden.",
    )
    body: list[Block] = [
        Paragraph(spans(intro), "lead"),
        communication_section(model, language, template_dir, level=1),
    ]
    return framed_document(
        model,
        language,
        kind=t["communication_plan"],
        title=document_title(model, language),
        keywords=("kommunikasjonsplan", "kommunikasjon", "medvirkning"),
        body=body,
        cover=plan_cover(model, language, t, t["communication_plan"]),
    )


def render(model: Initiative, language: Language, template_dir: Path | None = None) -> bytes:
    from ..render.docx_body import render_docx_body

    return render_docx_body(
        communication_document(model, language, template_dir), template_dir=template_dir
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
