"""Elvebakken is an older, partly documented programme (Områdeprogram 2013–2020, handlingsdel
2017–2020): its documents say what the sources say, at the precision they give – and nothing
the file leaves out (no version, no notice period, no «Planlagd», no «0 kr», no «None»)."""

from __future__ import annotations

import pytest
from conftest import NYNORSK_EXAMPLE
from document_text import folder_texts

import omradedok
from omradedok.model import Initiative, OfficerTitle


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("elvebakken")
    omradedok.build(omradedok.load(NYNORSK_EXAMPLE), out)
    return folder_texts(out)


def test_the_model_is_an_older_partly_documented_programme(nynorsk_model: Initiative) -> None:
    m = nynorsk_model
    assert (m.period.start_year, m.period.end_year) == (2013, 2020)
    assert m.municipality.officer_title is OfficerTitle.RADMANN
    assert m.document.version is None
    current = m.document.current()
    assert current is not None and (current.start_year, current.end_year) == (2017, 2020)
    assert [d.kind.value for d in m.document.plan_documents] == [
        "programme_plan",
        "action_part",
        "action_part",
    ]
    assert {a.date.precision for a in m.anchoring if a.date} >= {"year", "season", "month"}
    assert m.area.population is not None and m.area.population.qualifier == "about"
    multi = [a for a in m.activities if a.multi_year]
    assert multi and any(a.budget_by_year for a in multi)
    assert any(not a.total_budget().known for a in m.activities)  # a cost simply absent
    assert any(a.status is None for a in m.activities)
    assert {b.year for b in m.budget_frame} == set(m.period.years)
    assert any(not b.municipal.is_exact for b in m.budget_frame if b.municipal is not None)
    assert any(i.observations for _, i in m.indicators())
    assert any(i.target is None for _, i in m.indicators())


def test_documents_state_the_plan_documents_and_the_officer(texts: dict[str, str]) -> None:
    plan = texts["handlingsplan.docx"]
    assert "Handlingsdel 2017–2020" in plan and "Områdeprogram Elvebakken 2013–2020" in plan
    assert "hausten 2013" in plan and "februar 2014" in plan and "sak 178/13" in plan
    assert "ca. 2\u00a0350" in plan
    case = texts["saksframlegg.docx"]
    # an adopted plan's case prints its vedtak, no innstilling (issue 14); the rådmann signs
    assert "\nVedtak\n" in case and "innstilling\n" not in case
    assert "Kommunestyret vedtok Handlingsdel 2017–2020 for Områdeprogram Elvebakken" in case
    assert "Kjetil Rygg\nrådmann" in case and "Kommunedirektøren" not in case
    assert "PS 0123/17" in case and "22. juni 2017" in case and "Rådmannen legg fram" in case


def test_absent_facts_print_nothing(texts: dict[str, str]) -> None:
    for name, text in texts.items():
        assert "None" not in text, name
        assert "Planlagd" not in text.replace("Planlagd prosjektperiode", ""), name
        assert "månaders varsel" not in texts["samarbeidsavtale-elvebakken-burettslag.docx"]
    assert "Versjon None" not in texts["rolle-og-ansvarsmatrise.xlsx"]


def test_an_activity_plan_shows_the_multi_year_activity(texts: dict[str, str]) -> None:
    later = texts["aktivitetsplan-2019.docx"]
    assert "Elveparken – leikeplass og aktivitetsområde" in later
    assert "Tverrfagleg familieteam i Elvebakken" in later
    assert sorted(n for n in texts if n.startswith("aktivitetsplan-") and n.endswith(".xlsx")) == [
        f"aktivitetsplan-{y}.xlsx" for y in (2017, 2018, 2019, 2020)
    ]


def test_the_case_names_the_activity_plans_it_attaches(texts: dict[str, str]) -> None:
    # the multi-year activities run to 2020, so a plan is built for every year 2017–2020: the
    # case's own text names those four, as the vedlegg list does
    case = texts["saksframlegg.docx"]
    attached = case[case.index("\nVedlegg\n") :].splitlines()
    assert [line for line in attached if line.startswith("Aktivitetsplan ")] == [
        f"Aktivitetsplan {y}" for y in (2017, 2018, 2019, 2020)
    ]
    assert "med aktivitetsplanar for 2017, 2018, 2019 og 2020," in case
    assert "for 2017 og 2018" not in case
