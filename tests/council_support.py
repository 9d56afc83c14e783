"""A council case on the Elvebakken example with facts set here, not the example's own
(the examples change on their own; these inputs stay)."""

from __future__ import annotations

from typing import Any

from docx_support import ELVEBAKKEN, model

from omradedok.model import Initiative, Language

NB, NN = Language.NB, Language.NN
ROUTE = [  # given out of order: the saksgang prints in meeting order
    {"body": "Kommunestyret", "meeting_date": "2026-06-18", "case_number": "PS 63/26"},
    {"body": "Eldrerådet", "meeting_date": "2026-06-02", "case_number": "PS 14/26"},
    {"body": "Formannskapet", "meeting_date": "2026-06-09", "case_number": "PS 51/26"},
]
FRAME = [
    {"year": 2026, "municipal": 1_600_000, "state": 2_000_000},
    {"year": 2027, "municipal": 2_100_000, "state": "anslag 2500000", "other": "4–5 mill. kr"},
]


def case_model(status: str, **case: Any) -> Initiative:
    """Elvebakken with a council case and facts set here (not the example's own)."""
    data = model(ELVEBAKKEN).model_dump(mode="json", exclude_none=True)
    document: dict[str, Any] = {
        "status": status,
        "version": "0.5" if status == "consultation" else "1.0",
        "date": "2026-04-15",
        "revision_due": "2028-12-31",
    }
    if status == "consultation":
        document["consultation_deadline"] = "2026-05-29"
    if status == "adopted":
        document["decision"] = {
            "body": "Kommunestyret",
            "date": "2026-06",
            "case_number": "PS 63/26",
            "points": [
                "Kommunestyret vedtek handlingsplanen.",
                "Ramma for 2026 er 3 600 000 kr.",
            ],
            "summary": "Samrøystes vedteke.",
        }
    data["title"] = "Områdeløft Elvebakken"
    data["period"] = {"start_year": 2026, "end_year": 2030}
    data["activities"] = []  # the example's own years; the case needs none of them
    data["municipality"]["officer_title"] = "kommunedirektor"
    data["municipality"]["mayor"] = {"name": "Solveig Haugland", "title": "ordførar"}
    data["document"] = document
    data["budget_frame"] = FRAME
    data.setdefault("evaluation", {})
    data["evaluation"]["reporting"] = [
        {"to": "Kommunestyret", "frequency": "Årleg", "form": "Årsrapport"},
        {"to": "Husbanken", "frequency": "Årleg"},
    ]
    for agreement in data["agreements"]:  # the fullmakt decides who signs for the municipality
        agreement.pop("municipality_signatory", None)
        agreement["signatories"] = [
            s for s in agreement.get("signatories", []) if s["party_id"] != "kommunen"
        ]
    council = data["council_case"]
    council.update(
        route=ROUTE,
        proposed_resolution=[],
        date="2026-05-20",
        consulted=["bebuarar i Elvebakken", "Husbanken"],
        delegation={"holder": "officer"},
    )
    council.update(case)
    data["municipality"]["chief_executive"] = {"name": "Kjetil Rygg", "title": "kommunedirektør"}
    return Initiative.model_validate(data)
