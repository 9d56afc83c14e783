"""Hypothesis strategies for whole, valid Initiative models (shared by round-trip tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from omradedok.model import (
    ActivityStatus,
    BodyKind,
    DocumentStatus,
    Initiative,
    Involvement,
    Language,
    MeasureType,
    PartnerKind,
)

_ILLEGAL = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"} | {"\ufffe", "\uffff"}

awkward_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(_ILLEGAL),
    ),
    max_size=40,
) | st.sampled_from(
    [
        "=SUM(A1:A9)",
        "+47 22 00 00 00",
        "-minus først",
        "@kommune",
        "Bo- & nærmiljø <b>\"fet\"</b> 'sitat'",
        "linje 1\nlinje 2\n",
        "tab\tinni",
        "Sámi: áčđŋšŧž ÁČĐŊŠŦŽ 🎉",
        "  mellomrom rundt  ",
        "null",
        "yes",
        "1.10",
        "",
    ]
)
nonempty_text = awkward_text.filter(lambda s: len(s) >= 1)
ids = st.from_regex(r"[A-Z][A-Za-z0-9]{0,5}", fullmatch=True)
money = st.integers(min_value=0, max_value=50_000_000)
years = st.integers(min_value=2024, max_value=2028)
floats = st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e9, max_value=1e9)


@st.composite
def org_numbers(draw: st.DrawFn) -> str:
    digits = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    check = 11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    check = 0 if check == 11 else check
    if check == 10:
        digits[0] = (digits[0] + 1) % 10
        check = 11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        check = 0 if check == 11 else check
    return "".join(map(str, digits)) + str(check % 10) if check != 10 else "940155223"


@st.composite
def initiatives(draw: st.DrawFn) -> Initiative:
    """A valid model with awkward text everywhere a user can type."""
    start = draw(years)
    end = start + draw(st.integers(3, 6))
    goal_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    sub_ids = [f"{g}.{i}" for g in goal_ids for i in (1, 2)]
    partner_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    date = dt.date(start, 1, 1) + dt.timedelta(days=draw(st.integers(0, 300)))
    status = draw(st.sampled_from(list(DocumentStatus)))
    data: dict[str, Any] = {
        "title": draw(nonempty_text),
        "municipality": {
            "name": draw(nonempty_text),
            "number": draw(st.from_regex(r"\d{4}", fullmatch=True)),
            "county": draw(awkward_text),
            "org_number": draw(org_numbers()),
            "language": draw(st.sampled_from(list(Language))),
            "mayor": {"name": draw(nonempty_text), "title": "Ordfører"},
        },
        "area": {
            "name": draw(nonempty_text),
            "boundary": draw(awkward_text),
            "population": draw(st.none() | st.integers(0, 100_000)),
        },
        "period": {"start_year": start, "end_year": end},
        "document": {
            "status": status,
            "version": "1.0",
            "date": date,
            "decision": (
                {"body": "Bystyret", "date": date, "case_number": "PS 1/26"}
                if status is DocumentStatus.ADOPTED
                else None
            ),
        },
        "summary": draw(awkward_text),
        "goals": {
            "vision": draw(awkward_text),
            "main_goals": [
                {
                    "id": g,
                    "title": draw(nonempty_text),
                    "sub_goals": [
                        {
                            "id": f"{g}.{i}",
                            "title": draw(nonempty_text),
                            "indicators": [
                                {
                                    "id": f"I{g}.{i}",
                                    "name": draw(nonempty_text),
                                    "unit": draw(awkward_text),
                                    "baseline": {"value": draw(floats), "year": start - 1},
                                    "target": {"value": draw(floats), "year": end},
                                }
                            ],
                        }
                        for i in (1, 2)
                    ],
                }
                for g in goal_ids
            ],
        },
        "programme": {
            "sub_programmes": [
                {
                    "id": "DP1",
                    "name": draw(nonempty_text),
                    "measure_types": draw(
                        st.lists(st.sampled_from(list(MeasureType)), unique=True)
                    ),
                    "projects": [{"id": "P1", "name": draw(nonempty_text), "owner_role_id": "R1"}],
                }
            ]
        },
        "organisation": {
            "programme_manager_role_id": "R1",
            "bodies": [
                {
                    "id": "B1",
                    "kind": draw(st.sampled_from(list(BodyKind))),
                    "name": draw(nonempty_text),
                    "members": [{"name": draw(nonempty_text), "role_id": "R1"}],
                }
            ],
            "roles": [
                {
                    "id": "R1",
                    "title": draw(nonempty_text),
                    "body_id": "B1",
                    "responsibilities": draw(st.lists(awkward_text, max_size=3)),
                }
            ],
        },
        "partners": [
            {
                "id": p,
                "name": draw(nonempty_text),
                "kind": draw(st.sampled_from(list(PartnerKind))),
                "org_number": draw(st.none() | org_numbers()),
            }
            for p in partner_ids
        ],
        "activities": [
            {
                "id": f"{n}.{k}",
                "year": start + k % 2,
                "title": draw(nonempty_text),
                "description": draw(awkward_text),
                "sub_programme_id": "DP1",
                "project_id": draw(st.none() | st.just("P1")),
                "sub_goal_ids": draw(st.lists(st.sampled_from(sub_ids), unique=True, max_size=2)),
                "responsible_role_id": "R1",
                "partner_ids": draw(st.lists(st.sampled_from(partner_ids), unique=True)),
                "start": dt.date(start + k % 2, 1 + k % 12, 1),
                "end": dt.date(start + k % 2, 12, 31),
                "budget": {
                    "municipal": draw(money),
                    "state": draw(money),
                    "other": draw(money),
                    "carried_over": draw(money),
                },
                "status": draw(st.sampled_from(list(ActivityStatus))),
                "result_target": draw(awkward_text),
            }
            for n, k in enumerate(range(draw(st.integers(0, 6))), start=1)
        ],
        "budget_frame": [
            {
                "year": start,
                "municipal": draw(money),
                "state": draw(money),
                "note": draw(awkward_text),
            }
        ],
        "agreements": [
            {
                "id": "A1",
                "title": draw(nonempty_text),
                "partner_ids": partner_ids[:1],
                "valid_from": dt.date(start, 1, 1),
                "valid_to": dt.date(end, 12, 31),
                "obligations": [
                    {
                        "party_id": partner_ids[0],
                        "task": draw(nonempty_text),
                        "involvement": draw(st.sampled_from(list(Involvement))),
                    }
                ],
                "contributions": [
                    {
                        "party_id": "kommunen",
                        "year": start,
                        "money": draw(money),
                        "in_kind": draw(money),
                    }
                ],
            }
        ],
    }
    return Initiative.model_validate(data)
