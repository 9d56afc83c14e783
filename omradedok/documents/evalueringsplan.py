"""evalueringsplan.docx – the evaluation plan, alone and as a chapter of the handlingsplan.

One typed view feeds both places: :func:`evaluation_section` builds the «Evaluering» chapter
from the model (the handlingsplan places it among its chapters); the standalone document is
that chapter, one heading level up, in the plan's frame through the house template
``dokument.docx`` (:func:`evaluation_document`). The indicator matrix is derived from the
goals' indicators, never typed twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..locale import enum_label, pick
from ..model import EvaluatorKind, Initiative, Language
from ..view.blocks import Block, Document, Paragraph, Section
from . import views
from .aktivitetsplan import spans
from .base import SingleDocumentKind
from .handlingsplan_doc import _items, _paras, _section, _table, framed_document, plan_cover

FILENAME = "evalueringsplan.docx"


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


def evaluation_section(
    model: Initiative, language: Language, template_dir: Path | None = None, level: int = 2
) -> Section:
    """The «Evaluering» chapter at heading ``level`` (its sub-sections one below): the same
    blocks in the handlingsplan and in the standalone document."""
    t = views.own_labels(model, views.labels(language, template_dir), language)
    if not has_evaluation_plan(model):
        return _section(
            t["evaluation_heading"],
            [Paragraph(spans(t["none_evaluation"]))],
            level,
            key="evaluation",
        )
    e = evaluation_view(model, language, template_dir)
    et = e["t"]
    parts: list[Block | None] = []

    def sub(key: str, children: Iterable[Block | None]) -> None:
        parts.append(_section(et[key], children, level + 1, key=f"eval_{key}"))

    if e["purpose"] or e["users"]:
        users: list[Block | None] = []
        if e["users"]:
            users = [Paragraph(spans(f"{et['eval_users']}:")), _items(e["users"])]
        sub("eval_purpose", [*_paras(e["purpose"]), *users])
    if e["schedule"]:
        sub(
            "eval_schedule",
            [
                _table(
                    [et["year"], et["eval_type"], et["description"]],
                    [[str(s["year"]), s["type"], s["description"]] for s in e["schedule"]],
                    [0.1, 0.27, 0.63],
                    key="eval_schedule",
                )
            ],
        )
    if e["questions"]:
        sub("eval_questions", [_items(e["questions"])])
    if e["chain"]:
        sub(
            "result_chain",
            [
                Paragraph(spans(et["result_chain_intro"])),
                _table(
                    [
                        f"{et['inputs']} →",
                        f"{et['activities']} →",
                        f"{et['results']} →",
                        et["effects"],
                    ],
                    [
                        [c["inputs"], c["activities"], c["results"], c["effects"]]
                        for c in e["chain"]
                    ],
                    [0.25, 0.25, 0.25, 0.25],
                    key="result_chain",
                ),
            ],
        )
    if e["indicators"]:
        observed = e["observed"]
        heads = [
            et["indicator"],
            et["baseline"],
            *([et["observed"]] if observed else []),
            et["target"],
            et["data_source_frequency"],
            et["responsible"],
        ]
        rows = [
            [
                i["indicator"],
                i["baseline"],
                *([i["observed"]] if observed else []),
                i["target"],
                i["source_frequency"],
                i["responsible"],
            ]
            for i in e["indicators"]
        ]
        widths = [0.22, 0.17, 0.17, 0.12, 0.17, 0.15] if observed else [0.29, 0.21, 0.13, 0.2, 0.17]
        sub(
            "indicator_matrix",
            [
                Paragraph(spans(et["indicator_matrix_intro"])),
                _table(heads, rows, widths, key="indicators"),
            ],
        )
    sub("evaluator", [Paragraph(spans(e["evaluator"]))])
    if e["reporting"]:
        sub(
            "reporting",
            [
                _table(
                    [et["report_to"], et["frequency"], et["report_form"]],
                    [[r["to"], r["frequency"], r["form"]] for r in e["reporting"]],
                    [0.3, 0.22, 0.48],
                    key="reporting",
                )
            ],
        )
    return _section(t["evaluation_heading"], parts, level, key="evaluation")


def document_title(model: Initiative, language: Language) -> str:
    return f"Evalueringsplan for {model.title} {views.period_text(model)}"


def evaluation_document(
    model: Initiative, language: Language, template_dir: Path | None = None
) -> Document:
    """The standalone plan: the handlingsplan's «Evaluering» chapter as level 1."""
    t = views.own_labels(model, views.labels(language, template_dir), language)
    intro = pick(
        language,
        f"Evalueringsplanen er en del av handlingsplanen for {model.title} "
        f"{views.period_text(model)}. Den beskriver hvordan satsingen følges opp og vurderes.",
        f"Evalueringsplanen er ein del av handlingsplanen for {model.title} "
        f"{views.period_text(model)}. Han skildrar korleis satsinga blir følgd opp og vurdert.",
    )
    body: list[Block] = [
        Paragraph(spans(intro), "lead"),
        evaluation_section(model, language, template_dir, level=1),
    ]
    return framed_document(
        model,
        language,
        kind=t["evaluation_plan"],
        title=document_title(model, language),
        keywords=("evalueringsplan", "evaluering", "indikatorer"),
        body=body,
        cover=plan_cover(model, language, t, t["evaluation_plan"]),
    )


def render(model: Initiative, language: Language, template_dir: Path | None = None) -> bytes:
    from ..render.docx_body import render_docx_body

    return render_docx_body(
        evaluation_document(model, language, template_dir), template_dir=template_dir
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
