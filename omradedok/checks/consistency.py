"""Consistency rules: what makes a plan weak or contradictory, but still buildable (warnings),
and what would make a document wrong (errors)."""

from __future__ import annotations

from collections import defaultdict

from ..errors import Problem
from ..locale.format import format_money
from ..model import Initiative


def consistency_problems(model: Initiative) -> list[Problem]:
    problems: list[Problem] = []
    period = model.period
    if period.length < 3:
        problems.append(
            Problem(
                "warning",
                f"perioden {period.start_year}–{period.end_year} er {period.length} år; metoden forutsetter "
                "en langsiktig innsats over flere år (minst 3)",
                ("period",),
            )
        )

    activity_goals: dict[str, int] = defaultdict(int)
    for act in model.activities:
        for g in act.sub_goal_ids:
            activity_goals[g] += 1
    for m, main in enumerate(model.goals.main_goals):
        for s, sub in enumerate(main.sub_goals):
            path = ("goals", "main_goals", m, "sub_goals", s)
            if not sub.indicators and not any(r.indicators for r in sub.result_goals):
                problems.append(
                    Problem(
                        "warning",
                        f"delmål «{sub.id}» har ingen indikator; uten indikator kan målet ikke evalueres",
                        path,
                    )
                )
            if model.activities and not activity_goals.get(sub.id):
                problems.append(
                    Problem(
                        "warning",
                        f"delmål «{sub.id}» har ingen aktivitet som bidrar til det",
                        path,
                    )
                )

    for a, act in enumerate(model.activities):
        if not period.start_year <= act.year <= period.end_year:
            problems.append(
                Problem(
                    "error",
                    f"aktivitet «{act.id}» hører til år {act.year}, utenfor perioden "
                    f"{period.start_year}–{period.end_year}; rett året eller perioden",
                    ("activities", a, "year"),
                )
            )
        if act.responsible_role_id is None:
            problems.append(
                Problem(
                    "error",
                    f"aktivitet «{act.id}» ({act.year}) har ingen ansvarlig rolle; "
                    "fyll ut responsible_role_id",
                    ("activities", a, "responsible_role_id"),
                )
            )

    for r, role in enumerate(model.organisation.roles):
        if role.body_id is None and role.partner_id is None:
            problems.append(
                Problem(
                    "error",
                    f"rollen «{role.id}» hører verken til et organ eller en partner; "
                    "fyll ut body_id eller partner_id",
                    ("organisation", "roles", r),
                )
            )

    totals: dict[int, int] = defaultdict(int)
    for act in model.activities:
        totals[act.year] += act.budget.total
    language = model.municipality.language
    for year, total in sorted(totals.items()):
        frame = model.budget_frame_for(year)
        if frame is None:
            if model.budget_frame:
                problems.append(
                    Problem(
                        "warning",
                        f"år {year} har aktiviteter for {format_money(total, language)}, men ingen budsjettramme",
                        ("budget_frame",),
                    )
                )
        elif total > frame.total:
            problems.append(
                Problem(
                    "warning",
                    f"aktivitetene i {year} koster {format_money(total, language)}, mer enn rammen på "
                    f"{format_money(frame.total, language)}",
                    ("budget_frame", model.budget_frame.index(frame)),
                )
            )
    return problems
