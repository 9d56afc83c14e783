"""evalueringsplan.docx – the evaluation plan, alone and as a section of the handlingsplan.

One view (:func:`evaluation_view`) and one sub-template (``parts/evalueringsplan.docx``) feed
both places. The indicator matrix is derived from the goals' indicators, never typed twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..locale import enum_label, pick
from ..model import EvaluatorKind, Initiative, Language
from ..render.docx import Fragment
from . import views
from .base import SingleDocumentKind

PART = "parts/evalueringsplan.docx"
TEMPLATE = "evalueringsplan.docx"
FILENAME = "evalueringsplan.docx"
PART_KEYS = frozenset(
    {
        "t",
        "purpose",
        "users",
        "schedule",
        "questions",
        "chain",
        "indicators",
        "observed",
        "evaluator",
        "reporting",
    }
)
STANDALONE_KEYS = views.BASE_KEYS | {"intro", "body"}
views.declare_template(
    TEMPLATE,
    STANDALONE_KEYS,
    {"status_banner", "doc", "body"},
    "Evalueringsplan (forside og ramme)",
)
views.declare_template(
    PART,
    PART_KEYS,
    {"indicators", "schedule", "questions", "chain"},
    "Evalueringsplanens innhold (også i handlingsplanen)",
)


def has_evaluation_plan(model: Initiative) -> bool:
    return model.evaluation is not None


def indicator_rows(model: Initiative, language: Language) -> list[dict[str, str]]:
    """The indicator matrix: one row per indicator of every goal, in plan order."""
    rows = []
    unit_label = pick(language, "Enhet", "Eining")
    goal_label = pick(language, "Mål", "Mål")
    for goal_id, indicator in model.indicators():
        details = [f"{goal_label}: {goal_id}"]
        if indicator.unit:
            details.insert(0, f"{unit_label}: {indicator.unit}")
        frequency = enum_label(indicator.frequency, language)
        rows.append(
            {
                "indicator": f"{indicator.name}\n{' · '.join(details)}",
                "name": indicator.name,
                "unit": indicator.unit,
                "goal_id": goal_id,
                "baseline": views.baseline_text(indicator, language, with_source=True),
                "observed": views.observations_text(indicator, language, "\n"),
                "target": views.target_text(indicator, language),
                "data_source": indicator.data_source,
                "frequency": frequency,
                "source_frequency": "\n".join(x for x in (indicator.data_source, frequency) if x),
                "responsible": views.role_title(model, indicator.responsible_role_id),
            }
        )
    return rows


def _bullets(items: list[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def evaluation_view(
    model: Initiative, language: Language, template_dir: Path | None = None
) -> dict[str, Any]:
    """The evaluation plan's content as plain, formatted data (the part template's view)."""
    plan = model.evaluation
    if plan is None:
        raise ValueError("modellen har ingen evalueringsplan")
    chain = plan.result_chain
    has_chain = bool(chain.inputs or chain.activities or chain.results or chain.effects)
    kind = enum_label(plan.evaluator_kind, language) if plan.evaluator_kind else ""
    if plan.evaluator:
        evaluator = (
            f"{kind} evaluator: {plan.evaluator}." if kind else f"Evaluator: {plan.evaluator}."
        )
    elif plan.evaluator_kind is EvaluatorKind.EXTERNAL:
        evaluator = pick(
            language,
            "Evalueringen gjøres av en ekstern evaluator.",
            "Evalueringa blir gjord av ein ekstern evaluator.",
        )
    elif plan.evaluator_kind is EvaluatorKind.INTERNAL:
        evaluator = pick(
            language,
            "Evalueringen gjøres internt i kommunen.",
            "Evalueringa blir gjord internt i kommunen.",
        )
    else:
        evaluator = pick(language, "Ikke fastsatt.", "Ikkje fastsett.")
    return {
        "t": views.own_labels(model, views.labels(language, template_dir), language),
        "purpose": views.paragraphs(plan.purpose),
        "users": list(plan.users),
        "schedule": [
            {"year": p.year, "type": enum_label(p.type, language), "description": p.description}
            for p in sorted(plan.schedule, key=lambda p: p.year)
        ],
        "questions": list(plan.questions),
        "chain": [
            {
                "inputs": _bullets(chain.inputs),
                "activities": _bullets(chain.activities),
                "results": _bullets(chain.results),
                "effects": _bullets(chain.effects),
            }
        ]
        if has_chain
        else [],
        "indicators": indicator_rows(model, language),
        "observed": views.has_observations(model),
        "evaluator": evaluator,
        "reporting": [
            {"to": r.to, "frequency": r.frequency, "form": r.form} for r in plan.reporting
        ],
    }


def evaluation_fragment(
    model: Initiative, language: Language, template_dir: Path | None, heading_shift: int
) -> Fragment | None:
    if not has_evaluation_plan(model):
        return None
    return Fragment(PART, evaluation_view(model, language, template_dir), heading_shift)


def document_title(model: Initiative, language: Language) -> str:
    return f"Evalueringsplan for {model.title} {views.period_text(model)}"


def render(model: Initiative, language: Language, template_dir: Path | None = None) -> bytes:
    return views.render_standalone(
        model,
        language,
        template_dir,
        template=TEMPLATE,
        title=document_title(model, language),
        intro=pick(
            language,
            f"Evalueringsplanen er en del av handlingsplanen for {model.title} "
            f"{views.period_text(model)}. Den beskriver hvordan satsingen følges opp og vurderes.",
            f"Evalueringsplanen er ein del av handlingsplanen for {model.title} "
            f"{views.period_text(model)}. Han skildrar korleis satsinga blir følgd opp og vurdert.",
        ),
        body=evaluation_fragment(model, language, template_dir, 0),
        category="Evalueringsplan",
        keywords=("evalueringsplan", "evaluering", "indikatorer"),
    )


DOCUMENT_KIND = SingleDocumentKind(
    name="evalueringsplan",
    filename=FILENAME,
    title=document_title,
    render=render,
    applies=has_evaluation_plan,
    order=30,
    attachment_rank=40,
)
