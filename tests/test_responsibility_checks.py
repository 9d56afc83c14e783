"""validate names tasks that break the role matrix's one-A rule, with both parties."""

from __future__ import annotations

import pytest

import omradedok
from omradedok.model import Initiative


def _model(large_model: Initiative, tasks: list[dict[str, object]]) -> Initiative:
    data = large_model.model_dump()
    data["tasks"] = tasks
    return Initiative.model_validate(data)


def _role(party: str, involvement: str) -> dict[str, str]:
    return {"party_id": party, "involvement": involvement}


def test_two_responsible_and_a_conflict_are_warnings(large_model: Initiative) -> None:
    model = _model(
        large_model,
        [
            {
                "id": "T1",
                "text": "Årsrapport",
                "roles": [_role("R-PL", "responsible"), _role("R-ANA", "responsible")],
            },
            {
                "id": "T2",
                "text": "Tilsagn fra Husbanken",
                "roles": [
                    _role("R-PL", "responsible"),
                    _role("husbanken", "contributes"),
                    _role("husbanken", "consulted"),
                ],
            },
            {"id": "T3", "text": "Medvirkning", "roles": [_role("R-KOM", "informed")]},
        ],
    )
    report = omradedok.validate(model)
    assert report.ok
    warnings = [str(w) for w in report.warnings]
    assert any(
        w.startswith(
            "tasks[0]: Oppgave T1 «Årsrapport» har 2 ansvarlige («Programleder» og "
            "«Analyserådgiver»)"
        )
        for w in warnings
    ), warnings
    assert any(
        "Oppgave T2 «Tilsagn fra Husbanken» gir «Husbanken» to roller («Bidrar» og «Rådført») "
        "i tasks[1].roles[1] og tasks[1].roles[2]" in w
        for w in warnings
    ), warnings
    assert any("Oppgave T3 «Medvirkning» har ingen ansvarlig" in w for w in warnings)


def test_project_without_owner_is_named(large_model: Initiative) -> None:
    data = large_model.model_dump()
    data["programme"]["sub_programmes"][1]["projects"][0]["owner_role_id"] = None
    report = omradedok.validate(Initiative.model_validate(data))
    assert any(
        str(w).startswith("programme.sub_programmes[1].projects[0]: Prosjekt ")
        and "har ingen ansvarlig" in str(w)
        and "owner_role_id" in str(w)
        for w in report.warnings
    )


@pytest.mark.parametrize(
    ("tasks", "expected"),
    [
        ([{"id": "T1", "text": "X", "roles": [_role("finnes-ikke", "responsible")]}],
         "tasks[0].roles[0].party_id: oppgave «T1» viser til parten «finnes-ikke»"),
        ([{"id": "T1", "text": "X", "sub_programme_id": "DP9",
           "roles": [_role("R-PL", "responsible")]}],
         "tasks[0].sub_programme_id: oppgave «T1» viser til delprogrammet «DP9»"),
        ([{"id": "T1", "text": "X", "roles": [_role("R-PL", "responsible")]},
          {"id": "T1", "text": "Y", "roles": [_role("R-PL", "responsible")]}],
         "tasks[1].id: oppgave-id «T1» er brukt to ganger"),
    ],
)  # fmt: skip
def test_bad_task_references_are_errors(
    large_model: Initiative, tasks: list[dict[str, object]], expected: str
) -> None:
    report = omradedok.validate(_model(large_model, tasks))
    assert any(str(e).startswith(expected) for e in report.errors), [str(e) for e in report.errors]


def test_examples_have_no_matrix_warnings(
    large_model: Initiative, nynorsk_model: Initiative, sami_model: Initiative
) -> None:
    for model in (large_model, nynorsk_model, sami_model):
        messages = [str(p) for p in omradedok.validate(model).problems]
        assert not [m for m in messages if "ansvarlig" in m or "to roller" in m], messages
