"""Consistency rules: each finding with its exact message, severity and field path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from conftest import EXAMPLE_FILES

from omradedok.checks import validate
from omradedok.model import Initiative

Data = dict[str, Any]


def _findings(model: Initiative, change: Callable[[Data], None]) -> list[tuple[str, str, str]]:
    data = model.model_dump()
    change(data)
    changed = Initiative.model_validate(data)
    return [
        (p.severity, str(p).split(": ", 1)[0], p.message) for p in validate(changed).problems
    ]


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_are_clean(path: Any) -> None:
    import omradedok

    report = validate(omradedok.load(path))
    assert [str(p) for p in report.problems] == []


# -- rules that existed before the agreements; verified here --------------------------------


def test_activity_without_responsible_role_is_allowed(large_model: Initiative) -> None:
    """Sources often name no responsible role: unknown is a state, not an error."""

    def change(d: Data) -> None:
        d["activities"][0]["responsible_role_id"] = None

    assert _findings(large_model, change) == []


def test_role_outside_body_and_partner_is_a_warning(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["organisation"]["roles"][0]["body_id"] = None

    assert _findings(large_model, change) == [
        (
            "warning",
            "organisation.roles[0]",
            "rollen «R-PE» hører verken til et organ eller en partner; fyll ut body_id eller partner_id",
        )
    ]


def test_unknown_agreement_party_is_an_error(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["agreements"][0]["partner_ids"] = ["husbank"]

    found = _findings(large_model, change)
    assert found[0] == (
        "error",
        "agreements[0].partner_ids[0]",
        "avtalen «AV1» viser til ukjent partner «husbank»; kjente id-er: fjordvik-bbl, "
        "handelssenter, husbanken, nabolagskraft, nav, nordbyen-il, nordbyen-skole, "
        "nordhagen-brl, samfunnsanalyse, solasen-brl, vfk",
    )
    # husbanken's obligations, contributions and signature now name a non-party
    assert (
        "error",
        "agreements[0].obligations[2].party_id",
        "avtalen «AV1» nevner part «husbanken», som ikke er part i avtalen; parter er: "
        "husbank, kommunen – legg den til i partner_ids eller rett id-en",
    ) in found


def test_sub_goal_without_indicator_or_activity_is_a_warning(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        sub = d["goals"]["main_goals"][1]["sub_goals"][1]  # DM2.2
        sub["indicators"] = []
        for act in d["activities"]:
            act["sub_goal_ids"] = [g for g in act["sub_goal_ids"] if g != "DM2.2"]

    assert _findings(large_model, change) == [
        (
            "warning",
            "goals.main_goals[1].sub_goals[1]",
            "delmål «DM2.2» har ingen indikator; uten indikator kan målet ikke evalueres",
        ),
        (
            "warning",
            "goals.main_goals[1].sub_goals[1]",
            "delmål «DM2.2» har ingen aktivitet som bidrar til det",
        ),
    ]


# -- agreements ------------------------------------------------------------------------------


def test_partner_money_above_the_activity_plan(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["agreements"][1]["contributions"][2]["money"] = 600_000  # Nordhagen 2026

    assert _findings(large_model, change) == [
        (
            "warning",
            "agreements[1].contributions[2].money",
            "avtalen «AV2» sier at Nordhagen borettslag bidrar med 600\u00a0000\u00a0kr i 2026, "
            "men aktivitetene partneren deltar i det året (aktivitet 3.3, 3.4 og 4.2) har bare "
            "550\u00a0000\u00a0kr i andre midler; rett bidraget i avtalen eller «andre midler» "
            "i aktivitetsplanen",
        )
    ]


def test_partner_money_equal_to_the_activity_plan_is_fine(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["agreements"][1]["contributions"][2]["money"] = 550_000

    assert _findings(large_model, change) == []


def test_contributions_of_one_year_are_summed(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        # two lines for Nordhagen 2026: 300 000 + 300 000 = 600 000 > 550 000
        d["agreements"][1]["contributions"].append(
            {"party_id": "nordhagen-brl", "year": 2026, "money": 300_000}
        )

    found = _findings(large_model, change)
    assert len(found) == 1
    assert found[0][1] == "agreements[1].contributions[2].money"
    assert "bidrar med 600\u00a0000\u00a0kr i 2026" in found[0][2]


def test_partner_money_without_any_activity(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["agreements"][2]["contributions"].append(
            {"party_id": "nabolagskraft", "year": 2028, "money": 50_000}
        )

    assert _findings(large_model, change) == [
        (
            "warning",
            "agreements[2].contributions[7].money",
            "avtalen «AV3» sier at Foreningen Nabolagskraft Fjordvik bidrar med "
            "50\u00a0000\u00a0kr i 2028, men partneren deltar ikke i noen aktivitet det året, så "
            "aktivitetsplanen har 0\u00a0kr i andre midler til bidraget; legg partneren til i "
            "aktivitetene bidraget gjelder, eller rett bidraget i avtalen",
        )
    ]


def test_in_kind_and_municipal_money_are_not_compared(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["agreements"][1]["contributions"][2]["in_kind"] = 9_000_000
        d["agreements"][1]["contributions"][0]["money"] = 9_000_000  # kommunen

    assert _findings(large_model, change) == []


def test_state_grants_above_the_budget_frame(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["agreements"][0]["contributions"][0]["money"] = 7_000_000  # Husbanken 2026

    assert _findings(large_model, change) == [
        (
            "warning",
            "agreements[0].contributions[0].money",
            "samarbeidsavtalene lover 7\u00a0000\u00a0000\u00a0kr i statlige bidrag i 2026 "
            "(Husbanken 7\u00a0000\u00a0000\u00a0kr i avtalen «AV1»), men statlige midler i "
            "budsjettrammen for 2026 er 6\u00a0000\u00a0000\u00a0kr; rett bidraget eller rammen",
        )
    ]


def test_state_grants_without_frame_compare_with_activities(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["budget_frame"] = []

    # activities 2026 hold 5 500 000 kr in state funds; Husbanken promises 6 000 000 kr
    found = _findings(large_model, change)
    assert (
        "warning",
        "agreements[0].contributions[0].money",
        "samarbeidsavtalene lover 6\u00a0000\u00a0000\u00a0kr i statlige bidrag i 2026 "
        "(Husbanken 6\u00a0000\u00a0000\u00a0kr i avtalen «AV1»), men statlige midler i "
        "aktivitetsplanen for 2026 er 5\u00a0500\u00a0000\u00a0kr; rett bidraget eller rammen",
    ) in found


def test_contribution_outside_the_agreement_period(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["agreements"][2]["contributions"].append({"party_id": "kommunen", "year": 2030})

    assert _findings(large_model, change) == [
        (
            "warning",
            "agreements[2].contributions[7].year",
            "avtalen «AV3» gjelder 2026–2028, men har et bidrag for 2030; rett året eller "
            "avtaleperioden",
        )
    ]


def test_partner_without_duties(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        obligations = d["agreements"][2]["obligations"]
        d["agreements"][2]["obligations"] = [
            o for o in obligations if o["party_id"] != "nordbyen-il"
        ]

    assert _findings(large_model, change) == [
        (
            "warning",
            "agreements[2].obligations",
            "avtalen «AV3» gir ikke Nordbyen Idrettslag noen plikter; legg til obligations med "
            "party_id «nordbyen-il», ellers blir punktet om roller, plikter og ansvar tomt for "
            "denne parten",
        )
    ]


def test_partner_without_org_number(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["partners"][5]["org_number"] = None  # Nordhagen borettslag

    assert _findings(large_model, change) == [
        (
            "warning",
            "partners[5].org_number",
            "Nordhagen borettslag er part i avtalen «AV2», men mangler organisasjonsnummer; "
            "fyll ut org_number for partneren",
        )
    ]


def test_nobody_signs_for_the_municipality(large_model: Initiative) -> None:
    # no mayor, and the kommunedirektør's fullmakt covers AV1 and AV2 only
    def change(d: Data) -> None:
        d["municipality"]["mayor"] = None
        d["council_case"]["delegation"] = {"holder": "officer", "agreement_ids": ["AV1", "AV2"]}

    assert _findings(large_model, change) == [
        (
            "warning",
            "agreements[2].municipality_signatory",
            "avtalen «AV3» har ingen som signerer for kommunen; fyll ut municipality.mayor "
            "(ordføreren) eller municipality_signatory (en med fullmakt)",
        )
    ]


def test_the_officer_with_the_fullmakt_signs_without_a_mayor(large_model: Initiative) -> None:
    def change(d: Data) -> None:
        d["municipality"]["mayor"] = None

    assert all(a.municipality_signatory is None for a in large_model.agreements[::2])
    assert _findings(large_model, change) == []


def test_warnings_do_not_stop_a_build(large_model: Initiative) -> None:
    data = large_model.model_dump()
    data["agreements"][1]["contributions"][2]["money"] = 600_000
    report = validate(Initiative.model_validate(data))
    assert report.ok and len(report.warnings) == 1
