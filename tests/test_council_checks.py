"""`validate` catches the contradictions of issue 14 (item 3): each a warning with a stable
code, naming both places and how to fix, in text and in `validate --format json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from council_support import case_model

from omradedok.checks import validate
from omradedok.cli import main
from omradedok.model import Initiative


def _with(m: Initiative, change: Any) -> Initiative:
    data = m.model_dump(mode="json", exclude_none=True)
    change(data)
    return Initiative.model_validate(data)


def _found(m: Initiative, code: str) -> list[tuple[str, str]]:
    return [(".".join(map(str, p.path)), p.message) for p in validate(m).problems if p.code == code]


def test_the_composed_cases_have_none_of_these_warnings() -> None:
    codes = {"W-SAK-001", "W-SAK-002", "W-SAK-003", "W-SAK-004", "W-AVT-007", "W-AVT-008"}
    for status in ("consultation", "for_decision", "adopted"):
        m = case_model(status)
        if status == "consultation":  # a consultation case meets before its deadline
            m = _with(m, lambda d: d["council_case"].update(route=[
                {"body": "Formannskapet", "meeting_date": "2026-05-21", "case_number": "PS 40/26"}
            ]))
        else:
            m = _with(m, lambda d: d["document"].update(consultation_deadline="2026-05-01"))
        assert [p for p in validate(m).problems if p.code in codes] == []


def test_case_dated_after_a_meeting() -> None:
    m = case_model("for_decision", date="2026-06-05")
    ((path, message),) = _found(m, "W-SAK-001")
    assert path == "council_case.date"
    assert "datert 5. juni 2026 (council_case.date)" in message
    assert "Eldrerådet 2. juni 2026 (council_case.route[1].meeting_date)" in message


def test_meeting_before_the_consultation_deadline() -> None:
    m = _with(case_model("for_decision"),
              lambda d: d["document"].update(consultation_deadline="2026-06-10"))
    ((path, message),) = _found(m, "W-SAK-002")
    assert path == "council_case.route.1.meeting_date"
    assert "Eldrerådet behandler planen 2. juni 2026 (council_case.route[1].meeting_date)" in message
    assert "og 1 møte til" in message
    assert "høringsfristen 10. juni 2026 (document.consultation_deadline)" in message


def test_decision_before_the_consultation_deadline() -> None:
    m = _with(case_model("adopted"), lambda d: (
        d["document"].update(consultation_deadline="2026-06-30"),
        d["council_case"].update(route=[]),
    ))
    ((path, message),) = _found(m, "W-SAK-002")
    assert path == "document.decision.date"
    assert "vedtaket er datert juni 2026 (document.decision.date)" in message


def test_consultation_case_meeting_after_its_deadline() -> None:
    ((path, message),) = _found(case_model("consultation"), "W-SAK-002")
    assert path == "council_case.route.1.meeting_date"
    assert "frist 29. mai 2026 (document.consultation_deadline)" in message
    assert "Eldrerådet møtes først 2. juni 2026" in message and "og 2 møter til" in message


@pytest.mark.parametrize("point", [
    "Kommunestyret vedtek Handlingsplan for Områdeløft Elvebakken 2026–2030.",
    "Handlingsplanen godkjennes.",
])
def test_a_hoeringsutkast_proposed_for_adoption(point: str) -> None:
    m = case_model("consultation", proposed_resolution=["Tekst.", point])
    ((path, message),) = _found(m, "W-SAK-003")
    assert path == "council_case.proposed_resolution.1"
    assert "høringsutkast (document.status)" in message and f"«{point}»" in message
    assert _found(case_model("for_decision", proposed_resolution=[point]), "W-SAK-003") == []


def test_the_mayor_signs_against_the_officers_fullmakt() -> None:
    mayor = case_model("for_decision").municipality.mayor
    assert mayor is not None

    def change(d: Any) -> None:
        d["agreements"][0]["municipality_signatory"] = {"name": mayor.name, "title": "ordførar"}

    ((path, message),) = _found(_with(case_model("for_decision"), change), "W-SAK-004")
    assert path == "agreements.0.municipality_signatory"
    assert f"{mayor.name} signerer avtalen" in message
    assert "kommunedirektøren (Kjetil Rygg) (council_case.delegation)" in message


def test_a_written_fullmakt_point_counts_too() -> None:
    m = case_model("for_decision", delegation=None, proposed_resolution=[
        "Kommunedirektøren får fullmakt til å inngå samarbeidsavtalane."
    ])
    mayor = m.municipality.mayor
    assert mayor is not None
    m = _with(m, lambda d: d["agreements"][0].update(
        municipality_signatory=None,
        signatories=[{"party_id": "kommunen", "person": {"name": mayor.name}}],
    ))
    ((path, message),) = _found(m, "W-SAK-004")
    assert path == "agreements.0.signatories"
    assert "(council_case.proposed_resolution)" in message


def test_a_delegate_etter_fullmakt_is_fine() -> None:
    m = _with(case_model("for_decision"), lambda d: d["agreements"][0].update(
        municipality_signatory={"name": "Lene Bråten", "title": "einingsleiar"}))
    assert _found(m, "W-SAK-004") == []


def test_one_task_two_roles_for_one_party() -> None:
    def change(d: Any) -> None:
        agreement = d["agreements"][0]
        party = agreement["partner_ids"][0]
        agreement["obligations"] = [
            {"party_id": party, "task": "Rapportere på tilskotet", "involvement": "contributes"},
            {"party_id": party, "task": "Rapportere på tilskotet.", "involvement": "responsible"},
        ]

    ((path, message),) = _found(_with(case_model("for_decision"), change), "W-AVT-007")
    assert path == "agreements.0.obligations.1"
    assert "agreements[0].obligations[0] og agreements[0].obligations[1]" in message
    assert "«Bidrar»" in message and "«Ansvarlig»" in message


def test_disputes_to_a_body_the_partner_is_not_on() -> None:
    base = case_model("for_decision")
    agreement = base.agreements[0]
    members_of = {b.id: b for b in base.organisation.bodies}
    outside_partner = agreement.partner_ids[0]
    body = next(b for b in members_of.values()
                if not any(m.organisation == (base.partner(outside_partner) or m).name
                           for m in b.members))
    m = _with(base, lambda d: d["agreements"][0].update(
        disputes=f"Tvistar blir lagde fram for {body.name.lower()}.",
        partner_ids=[outside_partner],
    ))
    found = _found(m, "W-AVT-008")
    assert found, "a dispute body without the partner must warn"
    path, message = found[0]
    assert path == "agreements.0.disputes"
    assert f"sender tvister til {body.name} (agreements[0].disputes)" in message
    assert "(organisation.bodies[" in message


def test_stated_language_count_differs_from_the_list() -> None:
    def change(d: Any) -> None:
        d["communication"]["languages"] = ["norsk", "arabisk", "somali", "tigrinja", "polsk"]
        d["communication"]["measures"][0]["resources"] = "Tolk på fem språk"

    assert _found(_with(case_model("for_decision"), change), "W-KONS-004") == []  # 4 + norsk

    def wrong(d: Any) -> None:
        change(d)
        d["communication"]["measures"][0]["resources"] = "Tolk på seks språk"

    ((path, message),) = _found(_with(case_model("for_decision"), wrong), "W-KONS-004")
    assert path == "communication.measures.0.resources"
    assert "«seks språk»" in message and "lister 5 språk" in message


def test_two_leaders_for_one_organisation() -> None:
    def change(d: Any) -> None:
        partner = d["partners"][0]
        partner["contact"] = {"name": "Kari Leiar", "title": "styreleiar"}
        d["organisation"]["bodies"][0]["members"].append(
            {"name": "Per Leiar", "title": "leiar", "organisation": partner["name"]}
        )

    found = _found(_with(case_model("for_decision"), change), "W-ORG-001")
    assert any("Kari Leiar (partners[0].contact)" in msg and "Per Leiar (organisation.bodies[0]"
               in msg for _, msg in found)


def _write(m: Initiative, path: Path) -> Path:
    path.write_text(
        yaml.safe_dump(m.model_dump(mode="json", exclude_none=True), allow_unicode=True),
        encoding="utf-8",
    )
    return path


def test_validate_text_and_json_name_code_and_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = case_model("consultation", date="2026-06-05",
                   proposed_resolution=["Kommunestyret vedtek planen."])
    plan = _write(m, tmp_path / "plan.yaml")
    assert main(["validate", str(plan)]) == 0
    err = capsys.readouterr().err
    for code in ("W-SAK-001", "W-SAK-002", "W-SAK-003"):
        assert f"advarsel[{code}]" in err
    assert "council_case.proposed_resolution[0]" in err
    assert main(["validate", "--format", "json", str(plan)]) == 0
    data = json.loads(capsys.readouterr().out)
    problems = {p["code"]: p for p in data["files"][0]["problems"]}
    assert problems["W-SAK-003"]["path"] == "council_case.proposed_resolution[0]"
    assert problems["W-SAK-003"]["severity"] == "warning"
    assert problems["W-SAK-001"]["path"] == "council_case.date"
    assert isinstance(problems["W-SAK-001"]["line"], int)
