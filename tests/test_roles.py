"""The role and responsibility matrix is derived from the model, cell by cell, by fixed rules."""

from __future__ import annotations

from omradedok.documents.roles import (
    MatrixRow,
    ResponsibilityMatrix,
    agreement_activities,
    agreement_matrix,
    involvement_label,
    involvement_letter,
    legend,
    matrix_findings,
    party_activities,
    party_id,
    responsibility_matrix,
)
from omradedok.model import Initiative, Involvement, Language
from omradedok.model.passages import plain

A, B, R, INF = (
    Involvement.RESPONSIBLE,
    Involvement.CONTRIBUTES,
    Involvement.CONSULTED,
    Involvement.INFORMED,
)


def _row(matrix: ResponsibilityMatrix, source: str, ref: str, task: str | None = None) -> MatrixRow:
    found = [
        r
        for r in matrix.rows
        if r.source == source and r.ref == ref and (task is None or r.task == task)
    ]
    assert len(found) == 1, (source, ref, task, [r.task for r in found])
    return found[0]


def _with_tasks(model: Initiative, tasks: list[dict[str, object]]) -> Initiative:
    data = model.model_dump()
    data["tasks"] = tasks
    return Initiative.model_validate(data)


def test_rows_are_tasks_not_mandates_or_role_prose(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    assert {r.source for r in matrix.rows} == {"project", "sub_project", "activity"}
    texts = {r.task for r in matrix.rows}
    for body in large_model.organisation.bodies:
        assert body.mandate.strip() not in texts
    for role in large_model.organisation.roles:
        assert not texts & {x.strip() for x in role.responsibilities}
    projects = [p for sp in large_model.programme.sub_programmes for p in sp.projects]
    subs = [s for p in projects for s in p.sub_projects]
    assert sum(r.source == "project" for r in matrix.rows) == len(projects)
    assert sum(r.source == "sub_project" for r in matrix.rows) == len(subs)
    assert sum(r.source == "activity" for r in matrix.rows) == len(large_model.activities)


def test_columns_are_parties_with_a_task(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    used = {pid for r in matrix.rows for pid in r.cells}
    assert {p.id for p in matrix.parties} == used
    kinds = [p.kind for p in matrix.parties]
    order = ["municipality", "body", "role", "partner"]
    assert kinds == sorted(kinds, key=order.index)
    pl = matrix.party("role:R-PL")
    assert pl is not None and (pl.name, pl.detail, pl.ref) == (
        "Programleder",
        "Amina Yusuf Hansen",
        "R-PL",
    )
    assert party_id("partner", "husbanken") == "partner:husbanken"
    assert party_id("municipality", "x") == "kommunen"


def test_every_task_has_exactly_one_responsible(
    large_model: Initiative, nynorsk_model: Initiative, sami_model: Initiative
) -> None:
    for model in (large_model, nynorsk_model, sami_model):
        for row in responsibility_matrix(model).rows:
            assert list(row.cells.values()).count(A) == 1, (row.source, row.ref)
        assert matrix_findings(model) == []


def test_project_rows(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    row = _row(matrix, "project", "P3.2")
    assert row.task == "Borettslagsløftet" and row.group == "DP3"
    # owner A; responsible roles and partners of its activities B; the delprogram owner I
    assert row.cells["role:R-BBL"] is A
    assert row.cells["role:R-DP3"] is INF
    assert row.cells["partner:husbanken"] is B  # partner of activity 3.3 in 2027
    assert row.source_label() == "Prosjekt P3.2"
    sub = _row(matrix, "sub_project", "P3.2.1")
    assert sub.cells["role:R-BBL"] is A
    assert sub.source_label() == "Delprosjekt P3.2.1"


def test_activity_rows(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    row = _row(matrix, "activity", "2026/1.4")
    assert row.task == "Fritidskortet og aktivitetsguide på fem språk"
    assert row.year == 2026
    # the delprogram owner is the responsible role itself: no extra cell
    assert dict(row.cells) == {"role:R-DP1": A, "partner:nordbyen-il": B}
    assert row.source_label() == "Aktivitet 1.4 (2026)"
    brl = _row(matrix, "activity", "2026/3.3")
    assert dict(brl.cells) == {
        "role:R-BBL": A,
        "partner:fjordvik-bbl": B,
        "partner:nordhagen-brl": B,
        "partner:solasen-brl": B,
        "role:R-DP3": INF,
    }
    activity_rows = [r for r in matrix.rows if r.source == "activity"]
    assert [r.ref for r in activity_rows][:3] == ["2026/1.1", "2026/1.2", "2026/1.3"]
    assert activity_rows[-1].ref == "2027/5.3"


def test_activity_numbers_sort_numerically(large_model: Initiative) -> None:
    data = large_model.model_dump()
    extra = dict(data["activities"][0])
    extra.update(id="1.10", title="Tiende tiltak")
    data["activities"].append(extra)
    model = Initiative.model_validate(data)
    refs = [r.ref for r in responsibility_matrix(model).rows if r.source == "activity"]
    assert refs.index("2026/1.10") == refs.index("2026/1.6") + 1


def test_declared_tasks_are_rows_with_their_roles(large_model: Initiative) -> None:
    model = _with_tasks(
        large_model,
        [
            {
                "id": "T1",
                "text": "Årsrapport til kommunestyret",
                "roles": [
                    {"party_id": "R-PL", "involvement": "responsible"},
                    {"party_id": "B-SG", "involvement": "consulted"},
                    {"party_id": "husbanken", "involvement": "informed"},
                    {"party_id": "kommunen", "involvement": "contributes"},
                ],
            },
            {
                "id": "T2",
                "text": "Søknad om statlige midler",
                "sub_programme_id": "DP3",
                "roles": [{"party_id": "R-DP3", "involvement": "responsible"}],
            },
        ],
    )
    matrix = responsibility_matrix(model)
    row = _row(matrix, "task", "T1")
    assert dict(row.cells) == {
        "role:R-PL": A,
        "body:B-SG": R,
        "partner:husbanken": INF,
        "kommunen": B,
    }
    assert row.source_label() == "Oppgave T1" and row.group == ""
    assert matrix.parties[0].id == "kommunen"  # the municipality is a column once used
    assert matrix.rows[0] is row  # declared tasks come first
    groups = matrix.groups()
    assert [g[0] for g in groups][:2] == ["", "DP1"]
    common = groups[0][2]
    assert [r.ref for r in common.rows] == ["T1"]
    assert {p.id for p in common.parties} == set(row.cells)
    dp3 = next(g for g in groups if g[0] == "DP3")
    assert dp3[1] == next(sp.name for sp in model.programme.sub_programmes if sp.id == "DP3")
    assert "T2" in [r.ref for r in dp3[2].rows]


def test_findings_name_the_task_and_the_parties(large_model: Initiative) -> None:
    model = _with_tasks(
        large_model,
        [
            {
                "id": "T1",
                "text": "Rapportering",
                "roles": [
                    {"party_id": "R-PL", "involvement": "responsible"},
                    {"party_id": "R-ANA", "involvement": "responsible"},
                ],
            },
            {
                "id": "T2",
                "text": "Medvirkning",
                "roles": [{"party_id": "R-KOM", "involvement": "contributes"}],
            },
            {
                "id": "T3",
                "text": "Husbankens tilsagn",
                "roles": [
                    {"party_id": "R-PL", "involvement": "responsible"},
                    {"party_id": "husbanken", "involvement": "contributes"},
                    {"party_id": "husbanken", "involvement": "responsible"},
                ],
            },
        ],
    )
    found = {(f.kind, f.row.ref): f for f in matrix_findings(model)}
    two = found[("several_responsible", "T1")]
    assert two.parties == ("Programleder", "Analyserådgiver")
    assert ("no_responsible", "T2") in found
    conflict = found[("conflict", "T3")]
    assert conflict.parties == ("Husbanken",)
    assert conflict.involvements == (B, A)
    assert conflict.paths == (("tasks", 2, "roles", 1), ("tasks", 2, "roles", 2))
    assert ("several_responsible", "T3") in found  # R-PL and Husbanken


def test_project_without_owner_has_no_responsible(large_model: Initiative) -> None:
    data = large_model.model_dump()
    data["programme"]["sub_programmes"][0]["projects"][0]["owner_role_id"] = None
    model = Initiative.model_validate(data)
    found = [f for f in matrix_findings(model) if f.kind == "no_responsible"]
    assert [f.row.ref for f in found] == ["P1.1"]
    assert found[0].paths == (("programme", "sub_programmes", 0, "projects", 0),)


def test_agreement_obligations_share_a_row_per_task(large_model: Initiative) -> None:
    matrix = agreement_matrix(large_model, large_model.agreements[1])
    row = _row(matrix, "agreement", "AV2", "Vedta og finansiere egen vedlikeholdsplan")
    assert dict(row.cells) == {"partner:nordhagen-brl": A, "partner:solasen-brl": A}
    assert row.source_label() == (
        "Samarbeidsavtale med Nordhagen borettslag, Solåsen borettslag og Fjordvik Boligbyggelag"
    )
    municipal = _row(
        agreement_matrix(large_model, large_model.agreements[0]),
        "agreement",
        "AV1",
        "Rapportere årlig på mål, indikatorer og økonomi",
    )
    assert dict(municipal.cells) == {"kommunen": A}
    # obligations are the agreement's, not rows of the whole initiative's matrix
    assert all(r.source != "agreement" for r in responsibility_matrix(large_model).rows)


def test_agreement_matrix_husbanken(large_model: Initiative) -> None:
    agreement = large_model.agreements[0]
    matrix = agreement_matrix(large_model, agreement)
    assert [(p.id, p.name, p.kind) for p in matrix.parties] == [
        ("kommunen", "Fjordvik kommune", "municipality"),
        ("partner:husbanken", "Husbanken", "partner"),
    ]
    got = [
        (r.source, r.ref, {k: involvement_letter(v) for k, v in r.cells.items()})
        for r in matrix.rows
    ]
    assert got[:5] == [
        ("agreement", "AV1", {"kommunen": "A"}),
        ("agreement", "AV1", {"kommunen": "A"}),
        ("agreement", "AV1", {"partner:husbanken": "B"}),
        ("agreement", "AV1", {"partner:husbanken": "B"}),
        ("agreement", "AV1", {"partner:husbanken": "R"}),
    ]
    # then the tasks Husbanken has a part in: Borettslagsløftet and its activities
    assert ("project", "P3.2", {"partner:husbanken": "B", "kommunen": "I"}) in got
    assert ("activity", "2027/3.3", {"partner:husbanken": "B", "kommunen": "I"}) in got
    assert all(r.source not in ("body", "role") for r in matrix.rows)


def test_agreement_matrix_multi_party_and_projection(large_model: Initiative) -> None:
    agreement = large_model.agreements[1]  # AV2: three housing partners
    matrix = agreement_matrix(large_model, agreement)
    assert [p.ref for p in matrix.parties] == [
        "kommunen",
        "nordhagen-brl",
        "solasen-brl",
        "fjordvik-bbl",
    ]
    # the partner's role R-BBL becomes the partner's own «Ansvarlig»; the municipal
    # delprogram owner (R-DP3) becomes «kommunen»
    row = _row(matrix, "activity", "2026/3.3")
    assert dict(row.cells) == {
        "partner:fjordvik-bbl": A,
        "partner:nordhagen-brl": B,
        "partner:solasen-brl": B,
        "kommunen": INF,
    }
    assert {r.ref for r in matrix.rows if r.source == "agreement"} == {"AV2"}
    assert all(r.ref != "2026/1.4" for r in matrix.rows)


def test_agreement_matrix_respects_agreement_period(large_model: Initiative) -> None:
    av3 = large_model.agreements[2]  # from 1 May 2026
    refs = {r.ref for r in agreement_matrix(large_model, av3).rows if r.source == "activity"}
    assert "2026/3.6" not in refs  # 20 January – 10 February 2026, before the agreement
    assert "2026/4.3" in refs
    assert [f"{a.year}/{a.id}" for a in agreement_activities(large_model, av3)] == sorted(
        refs, key=lambda r: (r[:4], [int(x) for x in r[5:].split(".")])
    )


def test_party_activities(large_model: Initiative) -> None:
    bbl = [f"{a.year}/{a.id}" for a in party_activities(large_model, "fjordvik-bbl")]
    # listed as partner (2.3, 3.3) or holding the responsible role R-BBL (3.4)
    assert bbl == ["2026/2.3", "2026/3.3", "2026/3.4", "2027/2.3", "2027/3.3", "2027/3.4"]


def test_restrict_and_filter(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    plan = matrix.from_sources("project", "sub_project")
    assert {r.source for r in plan.rows} == {"project", "sub_project"}
    only = matrix.restricted(["partner:husbanken", "role:R-PL"])
    assert [p.id for p in only.parties] == ["partner:husbanken", "role:R-PL"]
    assert all(set(r.cells) <= {"partner:husbanken", "role:R-PL"} and r.cells for r in only.rows)
    dp1 = plan.restricted(["role:R-DP1"]).without_empty_parties()
    assert [p.id for p in dp1.parties] == ["role:R-DP1"]


def test_labels_bokmal_and_nynorsk(nynorsk_model: Initiative) -> None:
    assert legend(Language.NB) == [
        ("A", "Ansvarlig"),
        ("B", "Bidrar"),
        ("R", "Rådført"),
        ("I", "Informert"),
    ]
    assert [label for _, label in legend(Language.NN)] == [
        "Ansvarleg",
        "Bidreg",
        "Rådført",
        "Informert",
    ]
    assert involvement_label(Involvement.RESPONSIBLE, "nn") == "Ansvarleg"
    matrix = responsibility_matrix(nynorsk_model)
    row = next(r for r in matrix.rows if r.source == "activity")
    assert row.source_label(Language.NN).startswith("Aktivitet ")


def test_former_labels_are_still_read() -> None:
    from omradedok.locale import enum_from_label

    assert enum_from_label(Involvement, "Konsulteres") is Involvement.CONSULTED
    assert enum_from_label(Involvement, "Informerast") is Involvement.INFORMED
    assert enum_from_label(Involvement, "Rådført") is Involvement.CONSULTED


def test_sami_names_survive(sami_model: Initiative) -> None:
    matrix = responsibility_matrix(sami_model)
    names = {plain(p.name) for p in matrix.parties}  # the view keeps the «[se: …]» markers
    assert "Sametinget – Sámediggi" in names
    assert "Delprogramleder Mánát ja nuorat" in names
    agreement = agreement_matrix(sami_model, sami_model.agreements[0])
    assert [p.ref for p in agreement.parties] == ["kommunen", "sametinget", "searvi"]
    assert any(r.cells.get("partner:searvi") is A for r in agreement.rows)


def test_every_example_derives_a_matrix(
    large_model: Initiative, nynorsk_model: Initiative, sami_model: Initiative
) -> None:
    for model in (large_model, nynorsk_model, sami_model):
        matrix = responsibility_matrix(model)
        assert matrix.rows and all(r.cells for r in matrix.rows)
        ids = {p.id for p in matrix.parties}
        assert all(set(r.cells) <= ids for r in matrix.rows)
        for agreement in model.agreements:
            sub = agreement_matrix(model, agreement)
            assert all(set(r.cells) <= {p.id for p in sub.parties} for r in sub.rows)
            assert sum(1 for r in sub.rows if r.source == "agreement") >= 1
