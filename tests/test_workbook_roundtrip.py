"""Property: model → input workbook → model gives an equal model, for the whole model.

The strategy here fills every part of the Initiative (forms, every table sheet, the text
lists, optional parts present-but-empty and absent) with awkward text, numeric-looking ids,
dates outside Excel's calendar and arbitrary floats.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import awkward_text, org_numbers

from omradedok.io.workbook import export_bytes, read_workbook
from omradedok.model import (
    ActivityStatus,
    BodyKind,
    ChannelKind,
    DelegationHolder,
    DocumentStatus,
    EvaluationType,
    EvaluatorKind,
    Frequency,
    Initiative,
    Involvement,
    Language,
    LevelTerm,
    MeasureType,
    OfficerTitle,
    PartnerKind,
    PlanDocumentKind,
    SourceKind,
)

text = awkward_text | st.sampled_from(
    ["_x000D_ bokstavelig", "a\r\nb\rc", "_x005F_", "\u2028", "  ", "32 767", "TRUE", "26/1234"]
)
required = text.filter(lambda s: len(s) >= 1)
identifiers = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,6}", fullmatch=True) | st.sampled_from(
    ["1", "2.10", "007", "2026", "1e5", "TRUE", "01-13", "1.0"]
)
any_date = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
when_date = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
"""Dates of When fields (decisions, milestones, meetings): 1900–2100."""
when_year = st.integers(1900, 2100)
when_any = (
    when_date
    | when_year
    | st.builds(lambda y, m: f"{y}-{m:02d}", when_year, st.integers(1, 12))
    | st.builds(lambda y, q: f"{y}-Q{q}", when_year, st.integers(1, 4))
    | st.builds(
        lambda y, s: f"{y}-{s}",
        when_year,
        st.sampled_from(["spring", "summer", "autumn", "winter"]),
    )
    | st.sampled_from(["høsten 2013", "hausten 2013", "september 2013", "3.9.2013", "2013"])
)
"""Whens at every precision, as a file or a clerk writes them."""
plan_year = st.integers(1990, 2095)
money = st.integers(0, 10**12)
amount = (
    money
    | st.builds(lambda n: f"anslag {n}", st.integers(0, 10**9))
    | st.builds(lambda a, b: f"{a}–{a + b}", st.integers(0, 10**9), st.integers(1, 10**9))
    | st.builds(lambda a: f"anslag {a}–{a + 500_000}", st.integers(0, 10**9))
    | st.sampled_from(["4–5 mill. kr", "ca. 250 000 kr"])
)
"""Amounts: exact, estimated («anslag»), ranges («4–5 mill. kr»)."""
count = st.integers(0, 10**7) | st.builds(
    lambda q, n: f"{q} {n}",
    st.sampled_from(["ca.", "opp mot", "over", "under"]),
    st.integers(0, 10**7),
)
floats = st.floats(
    allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12
)  # the model bounds measures


SOURCES = ("municipal", "state", "other", "carried_over")


def _maybe(draw: st.DrawFn, value: Any) -> Any:
    return value if draw(st.booleans()) else None


@st.composite
def full_initiatives(draw: st.DrawFn) -> Initiative:
    pool = iter(draw(st.lists(identifiers, min_size=80, max_size=80, unique=True)))

    def new_id() -> str:
        return next(pool)

    def person() -> dict[str, Any]:
        return {"name": draw(required), "title": draw(text), "organisation": draw(text)}

    def ids_from(choices: list[str]) -> list[str]:
        return draw(st.lists(st.sampled_from(choices), max_size=3)) if choices else []

    def texts(max_size: int = 2) -> list[str]:
        return draw(st.lists(text, max_size=max_size))

    start = draw(plan_year)
    end = start + draw(st.integers(0, 4))
    doc_date = draw(any_date)
    status = draw(st.sampled_from(list(DocumentStatus)))
    decision = {
        "body": draw(required),
        "date": draw(st.none() | when_any),
        "case_number": draw(required),
        "summary": draw(text),
        "points": texts(3),
    }

    role_ids = [new_id() for _ in range(draw(st.integers(0, 3)))]
    body_ids = [new_id() for _ in range(draw(st.integers(0, 2)))]
    partner_ids = [new_id() for _ in range(draw(st.integers(0, 3)))]
    source_ids = [new_id() for _ in range(draw(st.integers(0, 2)))]

    def indicator() -> dict[str, Any]:
        return {
            "id": new_id(),
            "name": draw(required),
            "unit": draw(text),
            "baseline": _maybe(
                draw, {"value": draw(floats), "year": draw(plan_year), "source": draw(text)}
            ),
            "target": _maybe(draw, {"value": draw(floats), "year": draw(plan_year)}),
            "observations": [
                {"value": draw(floats), "year": y, "source": draw(text)}
                for y in draw(st.lists(plan_year, max_size=3, unique=True))
            ],
            "data_source": draw(text),
            "frequency": draw(st.none() | st.sampled_from(list(Frequency))),
            "responsible_role_id": draw(st.none() | st.sampled_from(role_ids or ["R"])),
        }

    def indicators() -> list[dict[str, Any]]:
        return [indicator() for _ in range(draw(st.integers(0, 1)))]

    main_goals = []
    for _ in range(draw(st.integers(0, 2))):
        subs = []
        for _ in range(draw(st.integers(0, 2))):
            results = [
                {"id": new_id(), "title": draw(required), "indicators": indicators()}
                for _ in range(draw(st.integers(0, 1)))
            ]
            subs.append(
                {
                    "id": new_id(),
                    "title": draw(required),
                    "description": draw(text),
                    "indicators": indicators(),
                    "result_goals": results,
                }
            )
        main_goals.append(
            {
                "id": new_id(),
                "title": draw(required),
                "description": draw(text),
                "indicators": indicators(),
                "sub_goals": subs,
            }
        )
    goal_ids = [g["id"] for g in main_goals] + [s["id"] for g in main_goals for s in g["sub_goals"]]

    def programme_item(children: list[dict[str, Any]] | None, years: bool) -> dict[str, Any]:
        item: dict[str, Any] = {
            "id": new_id(),
            "name": draw(required),
            "description": draw(text),
            "owner_role_id": draw(st.none() | st.sampled_from(role_ids or ["R"])),
            "goal_ids": ids_from(goal_ids),
            "measure_types": draw(st.lists(st.sampled_from(list(MeasureType)), max_size=3)),
        }
        if years:
            item["start_year"] = draw(st.none() | plan_year)
            item["end_year"] = draw(st.none() | plan_year)
        if children is not None:
            item["projects" if not years else "sub_projects"] = children
        if years and children is not None:  # a project: its own goals and shared owners
            item["objectives"] = texts()
            item["owner_ids"] = ids_from([*partner_ids, *body_ids, "kommunen"])
        return item

    sub_programmes = []
    for _ in range(draw(st.integers(1, 2))):
        projects = []
        for _ in range(draw(st.integers(0, 2))):
            subs_p = [programme_item(None, True) for _ in range(draw(st.integers(0, 1)))]
            projects.append(programme_item(subs_p, True))
        sub_programmes.append(programme_item(projects, False))
    sub_programme_ids = [s["id"] for s in sub_programmes]

    def multi_year_activity() -> dict[str, Any]:
        first = draw(st.integers(start, end))
        last = min(2100, first + draw(st.integers(1, 6)))
        shares = draw(st.lists(st.integers(first, last), max_size=3, unique=True))
        return {
            "id": new_id(),
            "title": draw(required),
            "sub_programme_id": draw(st.none() | st.sampled_from(sub_programme_ids)),
            "goal_ids": ids_from(goal_ids),
            "owner_ids": ids_from([*partner_ids, *body_ids, "kommunen"]),
            "partner_ids": ids_from([*partner_ids, "kommunen"]),
            "start": draw(
                st.sampled_from([first, f"{first}-autumn", f"{first}-09", f"{first}-Q2"])
            ),
            "end": draw(st.sampled_from([last, f"{last}-06", f"{last}-12-31"])),
            "budget": {k: draw(amount) for k in draw(st.sets(st.sampled_from(SOURCES)))},
            "budget_by_year": [
                {"year": y, **{k: draw(amount) for k in draw(st.sets(st.sampled_from(SOURCES)))}}
                for y in shares
            ],
            "status": draw(st.none() | st.sampled_from(list(ActivityStatus))),
        }

    def activity(year: int) -> dict[str, Any]:
        first = dt.date(year, 1, 1) + dt.timedelta(days=draw(st.integers(0, 200)))
        return {
            "id": new_id(),
            "year": year,
            "title": draw(required),
            "description": draw(text),
            "sub_programme_id": draw(st.sampled_from(sub_programme_ids)),
            "project_id": draw(st.none() | identifiers),
            "sub_project_id": draw(st.none() | identifiers),
            "sub_goal_ids": ids_from(goal_ids),
            "responsible_role_id": draw(st.none() | st.sampled_from(role_ids or ["R"])),
            "partner_ids": ids_from(partner_ids),
            "start": first,
            "end": first + dt.timedelta(days=draw(st.integers(0, 400))),
            "milestone": draw(text),
            "budget": {k: draw(money) for k in ("municipal", "state", "other", "carried_over")},
            "status": draw(st.sampled_from(list(ActivityStatus))),
            "result_target": draw(text),
        }

    communication = {
        "goals": texts(),
        "target_groups": [
            {"id": new_id(), "name": draw(required), "description": draw(text)}
            for _ in range(draw(st.integers(0, 2)))
        ],
        "core_messages": texts(),
        "channels": [
            {
                "id": new_id(),
                "kind": draw(st.sampled_from(list(ChannelKind))),
                "name": draw(required),
                "description": draw(text),
            }
            for _ in range(draw(st.integers(0, 2)))
        ],
        "languages": texts(),
        "measures": [
            {
                "activity": draw(required),
                "channel_ids": ids_from(partner_ids),
                "target_group_ids": ids_from(partner_ids),
                "timing": draw(text),
                "responsible_role_id": draw(st.none() | st.sampled_from(role_ids or ["R"])),
                "resources": draw(text),
            }
            for _ in range(draw(st.integers(0, 2)))
        ],
        "engagement_statement": draw(text),
    }
    evaluation = {
        "purpose": draw(text),
        "users": texts(),
        "evaluator_kind": draw(st.sampled_from(list(EvaluatorKind))),
        "evaluator": draw(text),
        "schedule": [
            {
                "type": draw(st.sampled_from(list(EvaluationType))),
                "year": draw(plan_year),
                "description": draw(text),
            }
            for _ in range(draw(st.integers(0, 2)))
        ],
        "questions": texts(),
        "result_chain": {k: texts() for k in ("inputs", "activities", "results", "effects")},
        "reporting": [
            {"to": draw(required), "frequency": draw(text), "form": draw(text)}
            for _ in range(draw(st.integers(0, 2)))
        ],
    }
    parties = [*partner_ids, "kommunen"]
    task_parties = [*role_ids, *body_ids, *partner_ids, "kommunen"]
    tasks = [
        {
            "id": new_id(),
            "text": draw(required),
            "sub_programme_id": draw(st.none() | st.sampled_from(sub_programme_ids)),
            "roles": [
                {"party_id": p, "involvement": draw(st.sampled_from(list(Involvement)))}
                for p in draw(st.lists(st.sampled_from(task_parties), min_size=1, max_size=3))
            ],
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    plan_documents = []
    for _ in range(draw(st.integers(0, 3))):
        doc_start = draw(st.none() | plan_year)
        plan_documents.append(
            {
                "id": new_id(),
                "kind": draw(st.sampled_from(list(PlanDocumentKind))),
                "title": draw(text),
                "start_year": doc_start,
                "end_year": None
                if doc_start is None
                else min(2100, doc_start + draw(st.integers(0, 8))),
                "status": draw(st.none() | st.sampled_from(list(DocumentStatus))),
                "date": draw(st.none() | when_any),
                "decision": _maybe(
                    draw,
                    {
                        "body": draw(required),
                        "date": draw(st.none() | when_any),
                        "case_number": draw(text),
                        "summary": draw(text),
                        "points": texts(),
                    },
                ),
                "replaces_id": plan_documents[-1]["id"]
                if plan_documents and draw(st.booleans())
                else None,
            }
        )
    agreements = []
    for _ in range(draw(st.integers(0, 2)) if partner_ids else 0):
        valid_from = draw(any_date.filter(lambda d: d.year < 9999))
        agreements.append(
            {
                "id": new_id(),
                "title": draw(required),
                "partner_ids": draw(st.lists(st.sampled_from(partner_ids), min_size=1, max_size=2)),
                "background": draw(text),
                "purpose": draw(text),
                "goal_ids": ids_from(goal_ids),
                "content": draw(text),
                "meetings": draw(text),
                "obligations": [
                    {
                        "party_id": draw(st.sampled_from(parties)),
                        "task": draw(required),
                        "involvement": draw(st.sampled_from(list(Involvement))),
                    }
                    for _ in range(draw(st.integers(0, 2)))
                ],
                "contributions": [
                    {
                        "party_id": draw(st.sampled_from(parties)),
                        "year": draw(plan_year),
                        "money": draw(money),
                        "in_kind": draw(money),
                        "in_kind_description": draw(text),
                        "grant": draw(st.booleans()),
                    }
                    for _ in range(draw(st.integers(0, 2)))
                ],
                "valid_from": valid_from,
                "valid_to": valid_from + dt.timedelta(days=draw(st.integers(0, 300))),
                "notice_months": draw(st.integers(0, 36)),
                "amendments": draw(text),
                "breach": draw(text),
                "disputes": draw(text),
                "reporting": draw(text),
                "privacy": draw(text),
                "public_access": draw(text),
                "grant_letter": draw(text),
                "municipality_signatory": _maybe(draw, person()),
                "signatories": [
                    {
                        "party_id": draw(st.sampled_from(parties)),
                        "person": person(),
                        "place": draw(text),
                    }
                    for _ in range(draw(st.integers(0, 1)))
                ],
                "place": draw(text),
            }
        )
    council_case = {
        "archive_case_number": draw(st.from_regex(r"\d{2,4}/\d{1,6}(-\d+)?", fullmatch=True)),
        "archive_code": draw(text),
        "archive_code_system": draw(text),
        "case_officer": person(),
        "case_officer_archive_id": draw(text),
        "date": draw(st.none() | any_date),
        "administrative_unit": draw(text),
        "administrative_unit_archive_id": draw(text),
        "title": draw(text),
        "public_title": draw(text),
        "route": [
            {
                "body": draw(required),
                "meeting_date": draw(st.none() | when_any),
                "case_number": draw(text),
            }
            for _ in range(draw(st.integers(0, 2)))
        ],
        "proposed_resolution": texts(3),
        "additional_points": texts(),
        "consulted": texts(),
        "delegation": _maybe(
            draw,
            {
                "holder": draw(st.sampled_from(list(DelegationHolder))),
                "agreement_ids": ids_from([a["id"] for a in agreements]),
            },
        ),
        "summary": draw(text),
        "background": draw(text),
        "consultation_inputs": [
            {"from_whom": draw(required), "summary": draw(required), "assessment": draw(text)}
            for _ in range(draw(st.integers(0, 2)))
        ],
        "assessment": draw(text),
        "economic_consequences": draw(text),
        "administrative_consequences": draw(text),
        "children_and_youth": draw(text),
        "public_health": draw(text),
        "climate_and_environment": draw(text),
        "risk": draw(text),
        "alternatives": draw(text),
        "extra_attachments": texts(),
    }
    data: dict[str, Any] = {
        "title": draw(required),
        "phase": draw(st.integers(1, 5)),
        "summary": draw(text),
        "background": draw(text),
        "purpose": draw(text),
        "municipality": {
            "name": draw(required),
            "number": draw(st.from_regex(r"\d{4}", fullmatch=True)),
            "county": draw(text),
            "org_number": draw(st.none() | org_numbers()),
            "language": draw(st.sampled_from(list(Language))),
            "address": draw(text),
            "contact": {k: draw(text) for k in ("name", "title", "email", "phone", "address")},
            "mayor": _maybe(draw, person()),
            "chief_executive": _maybe(draw, person()),
            "officer_title": draw(st.sampled_from(list(OfficerTitle))),
            "profile": {
                "logo": draw(
                    st.none()
                    | st.sampled_from(["logo.png", "../felles/våpen.jpg", "/abs/logo.png"])
                ),
                "logo_alt_text": draw(text),
                "primary_color": draw(st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)),
                "secondary_color": draw(st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)),
                "font": draw(st.none() | st.just("fonts/Skrift.ttf")),
                "font_bold": draw(st.none() | st.just("fonts/Skrift-Bold.ttf")),
            },
        },
        "area": {
            "name": draw(required),
            "district": draw(text),
            "boundary": draw(text),
            "grunnkrets_codes": draw(st.lists(st.from_regex(r"\d{8}", fullmatch=True), max_size=3)),
            "population": draw(st.none() | count),
            "population_year": draw(st.none() | plan_year),
            "description": draw(text),
        },
        "period": {"start_year": start, "end_year": end},
        "document": {
            "status": status,
            "version": draw(required),
            "date": doc_date,
            "decision": decision
            if status is DocumentStatus.ADOPTED or draw(st.booleans())
            else None,
            "consultation_deadline": draw(st.none() | any_date),
            "revision_due": draw(st.none() | any_date),
            "revisions": [
                {
                    "version": draw(required),
                    "date": draw(st.none() | when_any),
                    "status": draw(st.none() | st.sampled_from(list(DocumentStatus))),
                    "description": draw(text),
                    "author": draw(text),
                }
                for _ in range(draw(st.integers(0, 2)))
            ],
            "plan_documents": plan_documents,
            "current_document_id": draw(
                st.none() | st.sampled_from([d["id"] for d in plan_documents] or [None])
            ),
        },
        "knowledge_base": {
            "summary": draw(text),
            "sources": [
                {
                    "id": s,
                    "title": draw(required),
                    "year": draw(plan_year),
                    "kind": draw(st.sampled_from(list(SourceKind))),
                    "publisher": draw(text),
                    "url": draw(text),
                }
                for s in source_ids
            ],
            "challenges": [
                {
                    "title": draw(required),
                    "description": draw(text),
                    "source_ids": ids_from(source_ids),
                }
                for _ in range(draw(st.integers(0, 2)))
            ],
            "resources": [
                {
                    "title": draw(required),
                    "description": draw(text),
                    "source_ids": ids_from(source_ids),
                }
                for _ in range(draw(st.integers(0, 1)))
            ],
        },
        # anchoring rows have no id a Tekstlister row could name: their decisions carry no points
        "anchoring": [
            {k: v for k, v in decision.items() if k != "points"}
            for _ in range(draw(st.integers(0, 1)))
        ],
        "goals": {"vision": draw(text), "main_goals": main_goals},
        "strategies": [
            {
                "id": new_id(),
                "title": draw(required),
                "description": draw(text),
                "methods": texts(),
                "goal_ids": ids_from(goal_ids),
            }
            for _ in range(draw(st.integers(0, 2)))
        ],
        "programme": {
            "name": draw(text),
            "description": draw(text),
            "level_term": draw(st.sampled_from(list(LevelTerm))),
            "sub_programmes": sub_programmes,
        },
        "organisation": {
            "programme_manager_role_id": draw(st.none() | st.sampled_from(role_ids or ["R"])),
            "service_areas": texts(),
            "bodies": [
                {
                    "id": b,
                    "kind": draw(st.sampled_from(list(BodyKind))),
                    "name": draw(required),
                    "mandate": draw(text),
                    "meeting_frequency": draw(text),
                    "reports_to": draw(st.none() | st.sampled_from(body_ids)),
                    "members": [
                        {
                            "name": draw(required),
                            "title": draw(text),
                            "organisation": draw(text),
                            "role_id": draw(st.none() | st.sampled_from(role_ids or ["R"])),
                        }
                        for _ in range(draw(st.integers(0, 2)))
                    ],
                }
                for b in body_ids
            ],
            "roles": [
                {
                    "id": r,
                    "title": draw(required),
                    "holder": draw(text),
                    "body_id": draw(st.none() | st.sampled_from(body_ids or ["B"])),
                    "partner_id": draw(st.none() | st.sampled_from(partner_ids or ["P"])),
                    "responsibilities": texts(3),
                }
                for r in role_ids
            ],
        },
        "partners": [
            {
                "id": p,
                "name": draw(required),
                "kind": draw(st.sampled_from(list(PartnerKind))),
                "org_number": draw(st.none() | org_numbers()),
                "address": draw(text),
                "contact": {k: draw(text) for k in ("name", "title", "email", "phone", "address")},
                "description": draw(text),
            }
            for p in partner_ids
        ],
        "participation": {"summary": draw(text), "measures": texts()},
        "activities": [
            activity(draw(st.integers(start, end))) for _ in range(draw(st.integers(0, 4)))
        ]
        + [multi_year_activity() for _ in range(draw(st.integers(0, 2)))],
        "budget_frame": [
            {
                "year": y,
                **{k: draw(amount) for k in ("municipal", "state", "other", "carried_over")},
                "note": draw(text),
            }
            for y in range(start, start + draw(st.integers(0, 2)))
        ],
        "milestones": [
            {"date": draw(when_any), "title": draw(required), "description": draw(text)}
            for _ in range(draw(st.integers(0, 2)))
        ],
        "communication": draw(st.sampled_from([None, {}, communication])),
        "evaluation": draw(st.sampled_from([None, {}, evaluation])),
        "agreements": agreements,
        "tasks": tasks,
        "council_case": _maybe(draw, council_case),
    }
    return Initiative.model_validate(data)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=full_initiatives())
def test_workbook_round_trip_is_lossless(model: Initiative) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "satsing.xlsx"
        path.write_bytes(export_bytes(model))
        data, _ = read_workbook(path)
    assert Initiative.model_validate(data) == model


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=full_initiatives(), language=st.sampled_from(list(Language)))
def test_round_trip_in_either_workbook_language(model: Initiative, language: Language) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "satsing.xlsx"
        path.write_bytes(export_bytes(model, language))
        data, _ = read_workbook(path)
    assert Initiative.model_validate(data) == model
