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
    party_activities,
    party_id,
    responsibility_matrix,
)
from omradedok.model import Initiative, Involvement, Language

A, B, K, INF = (
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


def test_columns_municipality_then_bodies_roles_partners(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    kinds = [p.kind for p in matrix.parties]
    assert kinds[0] == "municipality"
    assert matrix.parties[0].id == "kommunen"
    assert matrix.parties[0].name == "Fjordvik kommune"
    assert kinds[1:] == sorted(kinds[1:], key=["body", "role", "partner"].index)
    org = large_model.organisation
    assert len(matrix.parties) == 1 + len(org.bodies) + len(org.roles) + len(large_model.partners)
    pl = matrix.party("role:R-PL")
    assert pl is not None and (pl.name, pl.detail, pl.ref) == (
        "Programleder",
        "Amina Yusuf Hansen",
        "R-PL",
    )
    assert party_id("partner", "husbanken") == "partner:husbanken"
    assert party_id("municipality", "x") == "kommunen"


def test_body_mandate_row(large_model: Initiative) -> None:
    row = _row(responsibility_matrix(large_model), "body", "B-SG")
    assert row.task.startswith("Har det overordnede ansvaret for satsingen")
    assert dict(row.cells) == {
        "body:B-SG": A,
        "role:R-PE": B,
        "role:R-HB": B,
        "partner:husbanken": B,
        "role:R-FK": B,
        "partner:vfk": B,
        "role:R-BR": B,
    }
    sub = _row(responsibility_matrix(large_model), "body", "B-AG3")
    assert sub.cells["body:B-PG"] is INF  # reports to the programme group
    assert sub.cells["partner:fjordvik-bbl"] is B  # through its role R-BBL


def test_role_responsibility_rows(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    row = _row(matrix, "role", "R-PL", "Følger opp samarbeidsavtalene")
    assert dict(row.cells) == {"role:R-PL": A, "body:B-PG": B, "body:B-SG": INF}
    assert row.source_label() == "Rolle: Programleder"
    partner_role = _row(matrix, "role", "R-HB", "Behandler søknader om tilskudd")
    assert dict(partner_role.cells) == {"role:R-HB": A, "partner:husbanken": B}
    assert sum(1 for r in matrix.rows if r.source == "role") == sum(
        len(r.responsibilities) for r in large_model.organisation.roles
    )


def test_activity_rows(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    row = _row(matrix, "activity", "2026/1.4")
    assert row.task == "Fritidskortet og aktivitetsguide på fem språk"
    assert row.year == 2026
    assert dict(row.cells) == {
        "role:R-DP1": A,
        "body:B-AG1": B,
        "body:B-PG": INF,
        "partner:nordbyen-il": B,
    }
    assert row.source_label() == "Aktivitet 1.4 (2026)"
    # a partner's role is responsible; the delprogram owner is consulted
    brl = _row(matrix, "activity", "2026/3.3")
    assert dict(brl.cells) == {
        "role:R-BBL": A,
        "partner:fjordvik-bbl": B,
        "partner:nordhagen-brl": B,
        "partner:solasen-brl": B,
        "role:R-DP3": K,
    }
    # every activity exactly once, by year then number
    activity_rows = [r for r in matrix.rows if r.source == "activity"]
    assert len(activity_rows) == len(large_model.activities)
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


def test_agreement_obligations_share_a_row_per_task(large_model: Initiative) -> None:
    matrix = responsibility_matrix(large_model)
    row = _row(matrix, "agreement", "AV2", "Vedta og finansiere egen vedlikeholdsplan")
    assert dict(row.cells) == {"partner:nordhagen-brl": A, "partner:solasen-brl": A}
    assert row.source_label() == (
        "Samarbeidsavtale med Nordhagen borettslag, Solåsen borettslag og Fjordvik Boligbyggelag"
    )
    municipal = _row(matrix, "agreement", "AV1", "Rapportere årlig på mål, indikatorer og økonomi")
    assert dict(municipal.cells) == {"kommunen": A}


def test_strongest_involvement_wins(large_model: Initiative) -> None:
    data = large_model.model_dump()
    agr = data["agreements"][0]
    agr["obligations"] = [
        {"party_id": "husbanken", "task": "Rapportering", "involvement": "informed"},
        {"party_id": "husbanken", "task": " rapportering ", "involvement": "contributes"},
        {"party_id": "husbanken", "task": "Rapportering", "involvement": "consulted"},
    ]
    model = Initiative.model_validate(data)
    row = _row(responsibility_matrix(model), "agreement", "AV1")
    assert row.task == "Rapportering"
    assert dict(row.cells) == {"partner:husbanken": B}


def test_agreement_matrix_husbanken(large_model: Initiative) -> None:
    agreement = large_model.agreements[0]
    matrix = agreement_matrix(large_model, agreement)
    assert [(p.id, p.name, p.kind) for p in matrix.parties] == [
        ("kommunen", "Fjordvik kommune", "municipality"),
        ("partner:husbanken", "Husbanken", "partner"),
    ]
    got = [
        (r.source, r.ref, r.task, {k: involvement_letter(v) for k, v in r.cells.items()})
        for r in matrix.rows
    ]
    assert got == [
        (
            "agreement",
            "AV1",
            "Lede og gjennomføre satsingen i tråd med handlingsplanen",
            {"kommunen": "A"},
        ),
        ("agreement", "AV1", "Rapportere årlig på mål, indikatorer og økonomi", {"kommunen": "A"}),
        (
            "agreement",
            "AV1",
            "Gi faglig veiledning og formidle erfaringer fra andre satsinger",
            {"partner:husbanken": "B"},
        ),
        ("agreement", "AV1", "Delta i styringsgruppen", {"partner:husbanken": "B"}),
        ("agreement", "AV1", "Årlige aktivitetsplaner", {"partner:husbanken": "K"}),
        (
            "body",
            "B-SG",
            large_model.organisation.bodies[0].mandate,
            {"kommunen": "A", "partner:husbanken": "B"},
        ),
        (
            "role",
            "R-HB",
            "Gir faglig veiledning og formidler erfaringer fra andre områdesatsinger",
            {"partner:husbanken": "A"},
        ),
        ("role", "R-HB", "Behandler søknader om tilskudd", {"partner:husbanken": "A"}),
        (
            "activity",
            "2027/3.3",
            "Vedlikeholdsplaner – oppfølging og søknader om tilskudd",
            {"partner:husbanken": "B", "kommunen": "K"},
        ),
    ]


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
        "kommunen": K,
    }
    # other agreements' obligations are not part of this one
    assert {r.ref for r in matrix.rows if r.source == "agreement"} == {"AV2"}
    # an activity without any of the agreement's partners is left out
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
    organisation = matrix.from_sources("body", "role")
    assert {r.source for r in organisation.rows} == {"body", "role"}
    only = matrix.restricted(["partner:husbanken", "kommunen"])
    assert [p.id for p in only.parties] == ["partner:husbanken", "kommunen"]
    assert all(set(r.cells) <= {"partner:husbanken", "kommunen"} and r.cells for r in only.rows)
    compact = organisation.without_empty_parties()
    assert "partner:nordbyen-il" not in {p.id for p in compact.parties}
    assert "role:R-PL" in {p.id for p in compact.parties}


def test_labels_bokmal_and_nynorsk(nynorsk_model: Initiative) -> None:
    assert legend(Language.NB) == [
        ("A", "Ansvarlig"),
        ("B", "Bidrar"),
        ("K", "Konsulteres"),
        ("I", "Informeres"),
    ]
    assert [label for _, label in legend(Language.NN)] == [
        "Ansvarleg",
        "Bidreg",
        "Konsulterast",
        "Informerast",
    ]
    assert involvement_label(Involvement.RESPONSIBLE, "nn") == "Ansvarleg"
    matrix = responsibility_matrix(nynorsk_model)
    row = next(r for r in matrix.rows if r.source == "activity")
    assert row.source_label(Language.NN).startswith("Aktivitet ")


def test_sami_names_survive(sami_model: Initiative) -> None:
    matrix = responsibility_matrix(sami_model)
    names = {p.name for p in matrix.parties}
    assert "Ávjovárri kommune – Ávjovári suohkan" in names
    assert "Stivrenjoavku – Styringsgruppen" in names
    assert "Sametinget – Sámediggi" in names
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
