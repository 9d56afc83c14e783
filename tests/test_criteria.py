"""The success-criteria check: statuses and evidence on the examples and on crafted models,
and the JSON, Markdown and DOCX reports."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from docx import Document

from omradedok import check_criteria
from omradedok.checks.criteria import CRITERIA, CriteriaReport
from omradedok.checks.criteria_report import render_report, report_markdown
from omradedok.model import Initiative, Language, MeasureType, PartnerKind

KEYS = list(CRITERIA)


def statuses(report: CriteriaReport) -> dict[str, str]:
    return {r.key: r.status for r in report.results}


def test_ten_criteria_in_the_guides_order(large_model: Initiative) -> None:
    report = check_criteria(large_model)
    assert [r.key for r in report.results] == KEYS
    assert len(KEYS) == 10
    assert report.results[0].title_nb == "Geografisk avgrenset"
    assert report.results[0].title_nn == "Geografisk avgrensa"


def test_large_example_meets_every_criterion_with_concrete_evidence(
    large_model: Initiative,
) -> None:
    report = check_criteria(large_model)
    assert set(statuses(report).values()) == {"met"}
    assert report.summary_text() == "10 oppfylt, 0 delvis, 0 mangler"
    assert report.by_key("knowledge_sources").evidence == [
        "8 kilder fra 2024–2025, 5 typer: statistikk, spørreundersøkelse, kartlegging, "
        "stedsanalyse og innspill fra beboere",
        "5 av 5 utfordringer og 4 av 4 ressurser viser til kilder",
    ]
    assert report.by_key("time_limited_long_term").evidence[0] == "Periode 2026–2031: 6 år"
    holistic = report.by_key("holistic").evidence
    assert holistic[0] == "1 delprogram med fysiske tiltak: Bo- og nærmiljø"
    assert holistic[2] == (
        "3 delprogram med kulturelle tiltak: Oppvekst og utdanning, Bo- og nærmiljø og "
        "Kultur, fellesskap og medvirkning"
    )
    geo = report.by_key("geographically_bounded").evidence
    assert geo[1] == "5 grunnkretser: 39150201, 39150202, 39150203, 39150204 og 39150205"
    assert geo[2] == "8\u00a0450 innbyggere (2025)"
    synergies = report.by_key("synergies").evidence
    assert synergies[0] == "13 av 52 aktiviteter har flere samarbeidspartnere"
    assert synergies[2].startswith("5 mål deles av flere delprogram: DM1.2 (DP1, DP2), ")
    lasting = report.by_key("lasting_effects").evidence
    assert lasting[0] == "Sluttevaluering i 2031"
    assert "strategien «Samordnede tjenester der folk bor» (ST2)" in lasting[1]
    residents = report.by_key("resident_involvement").evidence
    assert "Planlegging: 5 høringsinnspill er vurdert i saksframlegget" in residents
    assert any("beboerrådet har plass i styringsgruppen" in e for e in residents)
    assert report.errors == []


def test_nynorsk_example_meets_every_criterion_in_nynorsk(nynorsk_model: Initiative) -> None:
    report = check_criteria(nynorsk_model)
    assert report.language is Language.NN
    assert set(statuses(report).values()) == {"met"}
    assert report.summary_text() == "10 oppfylt, 0 delvis, 0 manglar"
    assert report.by_key("knowledge_sources").evidence[0] == (
        "6 kjelder frå 2011–2012, 4 typar: statistikk, spørjeundersøking, stadanalyse og "
        "innspel frå bebuarar"
    )
    assert report.by_key("geographically_bounded").evidence[1].startswith("3 grunnkrinsar: ")
    assert report.by_key("synergies").evidence[2] == (
        "2 mål er delte mellom fleire delprogram: DM1.1 (DP1, DP3) og DM2.1 (DP2, DP3)"
    )
    # the same model, asked for in bokmål
    assert (
        check_criteria(nynorsk_model, "nb")
        .by_key("knowledge_sources")
        .evidence[0]
        .startswith("6 kilder fra 2011–2012, 4 typer")
    )


def test_sami_example_matches_resources_by_shared_words(sami_model: Initiative) -> None:
    report = check_criteria(sami_model)
    assert set(statuses(report).values()) == {"met"}
    opportunity = report.by_key("opportunity_oriented").evidence
    assert opportunity[1].startswith(
        "Strategier som bygger på ressursene: «Samisk språk som grunnlag i alle tiltak» (ST1) "
        "← «Et sterkt samisk språk- og kulturmiljø»"
    )
    services = report.by_key("strengthens_area").evidence[2]
    assert services == (
        "Lokale tjenester: 3 tjenesteområder deltar; rettet mot tjenestene: delprogrammet "
        "«Mánát ja nuorat – Barn og unge» og prosjektet «Mánáidgárdi ja giella – Barnehage og språk»"
    )


@pytest.fixture()
def empty_model() -> Initiative:
    return Initiative.model_validate(
        {
            "title": "Områdeløft Tomt",
            "municipality": {"name": "Tom kommune", "number": "1234"},
            "area": {"name": "Tomteby"},
            "period": {"start_year": 2026, "end_year": 2027},
            "document": {"status": "draft", "date": "2026-01-05"},
        }
    )


def test_empty_model_misses_almost_everything(empty_model: Initiative) -> None:
    report = check_criteria(empty_model)
    assert statuses(report) == {
        "geographically_bounded": "missing",
        "time_limited_long_term": "partly",
        "holistic": "unknown",
        "cross_sector": "missing",
        "opportunity_oriented": "missing",
        "resident_involvement": "missing",
        "knowledge_sources": "missing",
        "strengthens_area": "unknown",
        "synergies": "unknown",
        "lasting_effects": "missing",
    }
    assert report.has_missing
    geo = report.by_key("geographically_bounded")
    assert geo.evidence == ["Bare områdenavnet «Tomteby»; ingen grense og ingen grunnkretser"]
    assert "area.boundary" in geo.advice and "area.grunnkrets_codes" in geo.advice
    assert report.by_key("time_limited_long_term").evidence == ["Periode 2026–2027: 2 år"]
    assert report.by_key("holistic").evidence == [
        f"Ingen delprogram eller prosjekter er merket med {kind} tiltak, og navn og "
        "beskrivelser viser ingen"
        for kind in ("fysiske", "sosiale", "kulturelle")
    ]
    assert report.by_key("holistic").advice.startswith("Kan ikke vurderes: ")
    assert report.by_key("knowledge_sources").evidence == [
        "Ingen kilder i kunnskapsgrunnlaget",
        "Ingen utfordringer eller ressurser er beskrevet",
    ]
    residents = report.by_key("resident_involvement")
    assert residents.evidence == ["Modellen beskriver ingen medvirkning"]
    assert "(0 av 5 er dekket)" in residents.advice
    lasting = report.by_key("lasting_effects")
    assert lasting.evidence == ["Modellen sier ingenting om tiden etter perioden"]
    # honest about what the rule can see
    assert "Modellen har ikke et eget felt for videreføring" in lasting.advice


def test_empty_model_in_nynorsk(empty_model: Initiative) -> None:
    empty_model.municipality.language = Language.NN
    report = check_criteria(empty_model)
    assert report.by_key("geographically_bounded").evidence == [
        "Berre områdenamnet «Tomteby»; inga grense og ingen grunnkrinsar"
    ]
    assert report.by_key("cross_sector").evidence[-1] == "Inga styringsgruppe eller programgruppe"
    assert report.by_key("resident_involvement").evidence == ["Modellen skildrar ingen medverknad"]
    assert report.summary_text() == "0 oppfylt, 1 delvis, 6 manglar, 3 kan ikkje vurderast"


def _without_cultural(model: Initiative) -> None:
    def strip(types: list[MeasureType]) -> list[MeasureType]:
        return [t for t in types if t is not MeasureType.CULTURAL]

    for dp in model.programme.sub_programmes:
        dp.measure_types = strip(dp.measure_types)
        for project in dp.projects:
            project.measure_types = strip(project.measure_types)
            for sub in project.sub_projects:
                sub.measure_types = strip(sub.measure_types)


def test_crafted_model_partly_meets_criteria(sami_model: Initiative) -> None:
    model = sami_model.model_copy(deep=True)
    model.area.grunnkrets_codes = []
    model.period.end_year = 2027
    _without_cultural(model)
    for partner in model.partners:
        if partner.id == "ffk":
            partner.kind = PartnerKind.STATE_AGENCY
        if partner.id == "gavpi":
            partner.kind = PartnerKind.VOLUNTARY_ORGANISATION
    model.knowledge_base.resources = model.knowledge_base.resources[:1]
    model.participation.measures = []
    model.organisation.bodies = [b for b in model.organisation.bodies if b.id != "B-BR"]
    model.organisation.roles = [r for r in model.organisation.roles if r.id != "R-BR"]
    for body in model.organisation.bodies:
        for member in body.members:
            if member.role_id == "R-BR":
                member.role_id = None
    model.knowledge_base.sources = model.knowledge_base.sources[:3]
    for finding in [*model.knowledge_base.challenges, *model.knowledge_base.resources]:
        finding.source_ids = [s for s in finding.source_ids if s in {"S1", "S2", "S3"}]
    model.evaluation = None
    assert model.communication is not None
    model.communication.engagement_statement = ""
    model.milestones = []
    for activity in model.activities:
        activity.partner_ids = activity.partner_ids[:1]
        activity.sub_goal_ids = activity.sub_goal_ids[:1]

    report = check_criteria(model)
    assert report.errors == []
    assert statuses(report) == {
        "geographically_bounded": "partly",
        "time_limited_long_term": "partly",
        "holistic": "partly",
        "cross_sector": "partly",
        "opportunity_oriented": "partly",
        "resident_involvement": "partly",
        "knowledge_sources": "partly",
        "strengthens_area": "met",
        "synergies": "missing",
        "lasting_effects": "partly",
    }
    assert "area.grunnkrets_codes" in report.by_key("geographically_bounded").advice
    holistic = report.by_key("holistic")
    assert holistic.evidence[2] == "Ingen delprogram eller prosjekter har kulturelle tiltak"
    assert holistic.advice.startswith("Mangler kulturelle tiltak")
    cross = report.by_key("cross_sector")
    assert cross.evidence[2] == "5 partnere av 2 slag: statlig etat og frivillig organisasjon"
    assert cross.advice == (
        "For å oppfylle kriteriet: få med partnere av minst 3 slag (stat, frivillighet, "
        "borettslag, næringsliv …)."
    )
    assert report.by_key("opportunity_oriented").evidence[0] == (
        "1 ressurs eller mulighet i kunnskapsgrunnlaget (1 med kilde), mot 3 utfordringer: "
        "Et sterkt samisk språk- og kulturmiljø"
    )
    residents = report.by_key("resident_involvement")
    assert residents.evidence == [
        "Planlegging: 3 høringsinnspill er vurdert i saksframlegget",
        "Kommunikasjon: 3 målgrupper og dialog gjennom Innbyggerkafé og folkemøter",
    ]
    assert "(2 av 5 er dekket)" in residents.advice
    assert report.by_key("knowledge_sources").evidence[0] == (
        "3 kilder fra 2024–2025, 3 typer: statistikk, spørreundersøkelse og stedsanalyse"
    )
    assert report.by_key("synergies").evidence == [
        "0 av 13 aktiviteter har flere samarbeidspartnere",
        "0 av 13 aktiviteter bidrar til flere delmål",
        "Ingen mål deles av flere delprogram",
    ]
    assert report.by_key("lasting_effects").evidence == [
        "1 av 1 avtale varer ut perioden (til 2027)"
    ]


def test_long_period_is_only_partly_time_limited(sami_model: Initiative) -> None:
    model = sami_model.model_copy(deep=True)
    model.period.end_year = 2040
    result = check_criteria(model).by_key("time_limited_long_term")
    assert result.status == "partly"
    assert result.evidence[0] == "Periode 2026–2040: 15 år"
    assert "etapper" in result.advice


def test_one_measure_type_is_missing_holism(sami_model: Initiative) -> None:
    model = sami_model.model_copy(deep=True)
    for dp in model.programme.sub_programmes:
        dp.measure_types = [MeasureType.PHYSICAL]
        for project in dp.projects:
            project.measure_types = []
            for sub in project.sub_projects:
                sub.measure_types = []
    result = check_criteria(model).by_key("holistic")
    assert result.status == "missing"
    assert result.advice.startswith("Mangler sosiale og kulturelle tiltak")


def test_consistency_warnings_come_along(sami_model: Initiative) -> None:
    model = sami_model.model_copy(deep=True)
    model.period.end_year = 2027
    model.period.start_year = 2026
    report = check_criteria(model)
    # a 2-year period is a consistency warning as well as a partly met criterion
    assert any("minst 3" in p.message for p in report.warnings)
    assert report.to_dict()["warnings"]


def test_json_report_round_trips(nynorsk_model: Initiative) -> None:
    report = check_criteria(nynorsk_model)
    data = json.loads(render_report(report, "json"))
    assert data["summary"] == {"met": 10, "partly": 0, "missing": 0, "unknown": 0}
    assert data["language"] == "nn"
    assert [c["key"] for c in data["criteria"]] == KEYS
    first = data["criteria"][0]
    assert first["title"] == "Geografisk avgrensa"
    assert first["status"] == "met"
    assert first["status_label"] == "Oppfylt"
    assert first["evidence"][1] == "3 grunnkrinsar: 46560103, 46560104 og 46560105"


def test_markdown_report_has_table_and_sections(empty_model: Initiative) -> None:
    text = report_markdown(check_criteria(empty_model))
    assert text.startswith("# Suksesskriterier: Områdeløft Tomt\n")
    assert "| 1 | Geografisk avgrenset | Mangler |" in text
    assert "| 2 | Tidsavgrenset, men langsiktig | Delvis oppfylt |" in text
    assert "## 1. Geografisk avgrenset – Mangler" in text
    assert "- Bare områdenavnet «Tomteby»; ingen grense og ingen grunnkretser" in text
    assert "**Resultat:** 0 oppfylt, 1 delvis, 6 mangler, 3 kan ikke vurderes" in text
    assert (
        "| 3 | Helhetlig, med fysiske, sosiale og kulturelle tiltak | Kan ikke vurderes |" in text
    )


def test_docx_report_is_accessible_and_reproducible(nynorsk_model: Initiative) -> None:
    report = check_criteria(nynorsk_model)
    data = render_report(report, "docx")
    assert data == render_report(check_criteria(nynorsk_model), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        styles = package.read("word/styles.xml").decode()
        core = package.read("docProps/core.xml").decode()
    assert 'w:lang w:val="nn-NO"' in styles
    assert "en-US" not in styles.split("</w:docDefaults>")[0]
    assert "<dc:language>nn-NO</dc:language>" in core
    assert "2017-06-22T12:00:00Z" in core
    document = Document(io.BytesIO(data))
    assert document.core_properties.title == "Suksesskriterium: Områdeprogram Elvebakken"
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].style.name == "Heading 1"
    assert {p.style.name for p in headings} == {"Heading 1", "Heading 2", "Heading 3"}
    assert "1. Geografisk avgrensa" in [p.text for p in headings]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Nr.", "Kriterium", "Status"]
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    assert [c.text for c in table.rows[1].cells] == ["1", "Geografisk avgrensa", "Oppfylt"]
    assert len(table.rows) == 11
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "3 grunnkrinsar: 46560103, 46560104 og 46560105" in bullets


def test_check_criteria_is_pure(large_model: Initiative) -> None:
    before = large_model.model_dump()
    first = check_criteria(large_model)
    second = check_criteria(large_model)
    assert first == second
    assert large_model.model_dump() == before


def _untagged_programme(empty_model: Initiative, names: list[tuple[str, list[str]]]) -> Initiative:
    data = empty_model.model_dump()
    data["programme"] = {
        "sub_programmes": [
            {
                "id": f"DP{i}",
                "name": name,
                "projects": [{"id": f"P{i}.{j}", "name": p} for j, p in enumerate(projects, 1)],
            }
            for i, (name, projects) in enumerate(names, 1)
        ]
    }
    return Initiative.model_validate(data)


def test_untagged_schools_parks_bridge_and_festivals_are_holistic(
    empty_model: Initiative,
) -> None:
    model = _untagged_programme(
        empty_model,
        [
            ("Oppvekst", ["Ny skolegård ved Elvebakken skole", "Leksehjelp"]),
            ("Nærmiljø", ["Elveparken", "Gangbru over elva"]),
            ("Fellesskap", ["Elvefestivalen", "Kulturkvelder i biblioteket"]),
        ],
    )
    report = check_criteria(model)
    holistic = report.by_key("holistic")
    assert holistic.status == "met"
    assert holistic.evidence[0] == (
        "Ikke merket, men fysiske tiltak ut fra navn og beskrivelser: «Elveparken» og "
        "«Gangbru over elva» (gangbru)"
    )
    assert "«Ny skolegård ved Elvebakken skole» (skolegård)" in holistic.evidence[1]
    assert "«Elvefestivalen»" in holistic.evidence[2]
    assert "lest ut av navn og beskrivelser" in holistic.advice  # the basis is stated
    strengthens = report.by_key("strengthens_area")
    assert strengthens.status != "missing"
    assert any(e.startswith("Grunnlag: 3 tiltak uten measure_types") for e in strengthens.evidence)


def test_untagged_and_unnamed_cannot_be_judged(empty_model: Initiative) -> None:
    model = _untagged_programme(empty_model, [("Delprogram 1", ["Prosjekt A", "Prosjekt B"])])
    holistic = check_criteria(model).by_key("holistic")
    assert holistic.status == "unknown"
    assert holistic.status_label() == "Kan ikke vurderes"
    assert holistic.status_label(Language.NN) == "Kan ikkje vurderast"
    assert "measure_types (physical, social, cultural)" in holistic.advice
    assert "Mangler" not in holistic.advice


def test_participation_counts_as_social_only_without_tags(empty_model: Initiative) -> None:
    model = _untagged_programme(empty_model, [("Nærmiljø", ["Elveparken"])])
    model.participation.measures = ["Beboerverksted hver vår"]
    evidence = check_criteria(model).by_key("holistic").evidence
    assert evidence[1] == (
        "Ikke merket, men sosiale tiltak ut fra navn og beskrivelser: medvirkningstiltakene"
    )
