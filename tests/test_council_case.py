"""The council case follows the process (issue 14, item 1): the saksframlegg has its own date,
an ordered saksgang, and an innstilling that follows the plan's status – send a høringsutkast
on consultation, adopt a plan «til politisk behandling» with its economic frame per year and
source, print the vedtak of an adopted plan – in bokmål and nynorsk; the officer title names
the innstilling; the sections councils expect and a signature line (item 6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from council_support import NB, NN, case_model
from docx_support import NBSP, blocks, headings, open_docx, section

from omradedok.documents.saksframlegg import render
from omradedok.locale import format_date
from omradedok.model import Initiative, Language


def saksframlegg(m: Initiative, language: Language) -> Any:
    return open_docx(render(m, language, ["Handlingsplan"]))


def innstilling(document: Any) -> list[tuple[str, str]]:
    first = headings(document)[0][1]
    return [(b.style or "Normal", b.text.replace(NBSP, " ")) for b in section(document, first)]


def points(document: Any) -> list[str]:
    return [text for style, text in innstilling(document) if style == "Innstillingspunkt"]


def facts(document: Any) -> dict[str, str]:
    return {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}


# -- date, saksgang ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["consultation", "for_decision", "adopted"])
@pytest.mark.parametrize("language", [NB, NN])
def test_the_case_has_its_own_date_before_the_first_meeting(status: str, language: Language) -> None:
    m = case_model(status)
    document = saksframlegg(m, language)
    assert facts(document)["Dato"] == format_date(dt.date(2026, 5, 20), language)
    assert facts(document)["Dato"] != format_date(m.document.date, language)
    route = [[c.text for c in row.cells] for row in document.tables[1].rows][1:]
    assert [r[0] for r in route] == ["Eldrerådet", "Formannskapet", "Kommunestyret"]
    first_meeting = dt.date(2026, 6, 2)
    assert route[0][1] == format_date(first_meeting, language)
    assert m.council_case is not None and m.council_case.date is not None
    assert m.council_case.date < first_meeting
    assert document.core_properties.created.date() == dt.date(2026, 5, 20)


def test_an_absent_case_date_is_not_the_plan_date() -> None:
    m = case_model("for_decision")
    assert m.council_case is not None
    bare = m.model_copy(update={"council_case": m.council_case.model_copy(update={"date": None})})
    assert facts(saksframlegg(bare, NB))["Dato"] == "Ikke fastsatt"
    assert facts(saksframlegg(bare, NN))["Dato"] == "Ikkje fastsett"


# -- høringsutkast ----------------------------------------------------------------------------


def test_consultation_sends_the_draft_on_consultation_nb() -> None:
    document = saksframlegg(case_model("consultation"), NB)
    assert headings(document)[0] == (1, "Kommunedirektørens innstilling")
    assert points(document) == [
        "Høringsutkast til Handlingsplan for Områdeløft Elvebakken 2026–2030, versjon 0.5, "
        "sendes på høring med høringsfrist 29. mai 2026.",
        "Høringsutkastet sendes til bebuarar i Elvebakken og Husbanken.",
    ]


def test_consultation_sends_the_draft_on_consultation_nn() -> None:
    document = saksframlegg(case_model("consultation"), NN)
    assert headings(document)[0] == (1, "Kommunedirektøren si innstilling")
    found = points(document)
    assert found == [
        "Høyringsutkast til Handlingsplan for Områdeløft Elvebakken 2026–2030, versjon 0.5, "
        "vert sendt på høyring med høyringsfrist 29. mai 2026.",
        "Høyringsutkastet vert sendt til bebuarar i Elvebakken og Husbanken.",
    ]
    text = " ".join(found)
    assert "vedtek" not in text and "fullmakt" not in text


def test_consultation_without_deadline_or_recipients_invents_none() -> None:
    m = case_model("consultation", consulted=[])
    m = m.model_copy(
        update={"document": m.document.model_copy(update={"consultation_deadline": None})}
    )
    assert points(saksframlegg(m, NB)) == [
        "Høringsutkast til Handlingsplan for Områdeløft Elvebakken 2026–2030, versjon 0.5, "
        "sendes på høring."
    ]


def test_written_adoption_points_do_not_adopt_a_draft_on_consultation() -> None:
    written = ["Kommunestyret vedtek Handlingsplan for Områdeløft Elvebakken 2026–2030."]
    document = saksframlegg(case_model("consultation", proposed_resolution=written), NN)
    assert points(document)[0].startswith("Høyringsutkast til Handlingsplan")
    assert written[0] not in points(document)


def test_written_consultation_points_are_printed_as_written() -> None:
    written = ["Formannskapet sender høringsutkastet på høring med frist 29. mai 2026."]
    document = saksframlegg(case_model("consultation", proposed_resolution=written), NB)
    assert points(document) == written


# -- til politisk behandling -----------------------------------------------------------------


def _partners(m: Initiative) -> list[str]:
    names: list[str] = []
    for agreement in m.agreements:
        for pid in agreement.partner_ids:
            partner = m.partner(pid)
            assert partner is not None
            if partner.name not in names:
                names.append(partner.name)
    return names


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} og {items[-1]}"


def test_for_decision_adopts_with_frame_per_year_and_source_nb() -> None:
    m = case_model("for_decision")
    found = innstilling(saksframlegg(m, NB))
    assert found == [
        ("Innstillingspunkt", "Kommunestyret vedtar Handlingsplan for Områdeløft Elvebakken "
         "2026–2030, versjon 1.0."),
        ("Innstillingspunkt", "Den økonomiske rammen for perioden 2026–2030 er per år og "
         "finansieringskilde:"),
        ("Innstillingslinje", "2026: 3 600 000 kr (kommunale midler 1 600 000 kr og statlige "
         "midler 2 000 000 kr)"),
        ("Innstillingslinje", "2027: anslag 8,6–9,6 mill. kr (kommunale midler 2 100 000 kr, "
         "statlige midler anslag 2 500 000 kr og andre midler 4–5 mill. kr)"),
        ("Innstillingslinje", "Samlet 2026–2027: anslag 12,2–13,2 mill. kr"),
        ("Innstillingslinje", "For 2028, 2029 og 2030 er rammen ikke fastsatt."),
        ("Innstillingslinje", "Statlige midler forutsetter tilsagn fra staten."),
        ("Innstillingspunkt", "Kommunedirektøren får fullmakt til å inngå "
         f"samarbeidsavtalene med {_and(_partners(m))}."),
        ("Innstillingspunkt", "Kommunedirektøren rapporterer årleg til kommunestyret (årsrapport)."),
        ("Innstillingspunkt", "Handlingsplanen skal revideres innen 31. desember 2028."),
    ]


def test_for_decision_adopts_with_frame_per_year_and_source_nn() -> None:
    m = case_model("for_decision")
    found = [text for _, text in innstilling(saksframlegg(m, NN))]
    assert found[0] == "Kommunestyret vedtek Handlingsplan for Områdeløft Elvebakken 2026–2030, versjon 1.0."
    assert found[1] == "Den økonomiske ramma for perioden 2026–2030 er per år og finansieringskjelde:"
    assert found[2] == "2026: 3 600 000 kr (kommunale midlar 1 600 000 kr og statlege midlar 2 000 000 kr)"
    assert "For 2028, 2029 og 2030 er ramma ikkje fastsett." in found
    assert "Statlege midlar føreset tilsegn frå staten." in found
    assert f"Kommunedirektøren får fullmakt til å inngå samarbeidsavtalane med {_and(_partners(m))}." in found
    assert found[-1] == "Handlingsplanen skal reviderast innan 31. desember 2028."


def test_the_frame_amounts_match_the_plan() -> None:
    from omradedok.locale import format_money

    def kr(value: Any) -> str:
        return format_money(value, NB).replace(NBSP, " ")

    m = case_model("for_decision")
    lines = [text for style, text in innstilling(saksframlegg(m, NB)) if style == "Innstillingslinje"]
    for frame in m.budget_frame:
        line = next(x for x in lines if x.startswith(f"{frame.year}: "))
        assert line.startswith(f"{frame.year}: {kr(frame.total)} (")
        for amount in (frame.municipal, frame.state, frame.other):
            if amount is not None:
                assert kr(amount) in line


def test_fullmakt_to_the_mayor_for_one_agreement() -> None:
    m = case_model("for_decision")
    first = m.agreements[0]
    names = [p.name for pid in first.partner_ids if (p := m.partner(pid))]
    m = case_model("for_decision", delegation={"holder": "mayor", "agreement_ids": [first.id]})
    assert f"Ordføreren får fullmakt til å inngå samarbeidsavtalen med {_and(names)}." in points(
        saksframlegg(m, NB)
    )
    assert f"Ordføraren får fullmakt til å inngå samarbeidsavtalen med {_and(names)}." in points(
        saksframlegg(m, NN)
    )


def test_no_frame_no_fullmakt_no_revision_nothing_invented() -> None:
    m = case_model("for_decision", delegation=None)
    m = m.model_copy(
        update={
            "budget_frame": [],
            "evaluation": None,
            "document": m.document.model_copy(update={"revision_due": None}),
        }
    )
    assert points(saksframlegg(m, NB)) == [
        "Kommunestyret vedtar Handlingsplan for Områdeløft Elvebakken 2026–2030, versjon 1.0."
    ]
    assert points(saksframlegg(m, NN)) == [
        "Kommunestyret vedtek Handlingsplan for Områdeløft Elvebakken 2026–2030, versjon 1.0."
    ]


def test_additional_points_follow_the_composed_ones() -> None:
    extra = "Kommunens andel for 2027 innarbeides i budsjett og økonomiplan."
    found = points(saksframlegg(case_model("for_decision", additional_points=[extra]), NB))
    assert found[-1] == extra and found[0].startswith("Kommunestyret vedtar")


@pytest.mark.parametrize(
    ("title", "nb", "nn"),
    [
        ("radmann", "Rådmannens innstilling", "Rådmannen si innstilling"),
        ("byrad", "Byrådets innstilling", "Byrådet si innstilling"),
        ("bydelsdirektor", "Bydelsdirektørens innstilling", "Bydelsdirektøren si innstilling"),
    ],
)
def test_the_officer_title_names_the_innstilling(title: str, nb: str, nn: str) -> None:
    m = case_model("for_decision")
    m = m.model_copy(
        update={"municipality": m.municipality.model_copy(update={"officer_title": title})}
    )
    bokmal, nynorsk = saksframlegg(m, NB), saksframlegg(m, NN)
    assert headings(bokmal)[0] == (1, nb)
    assert headings(nynorsk)[0] == (1, nn)
    holder = {"radmann": "Rådmannen", "byrad": "Byrådet", "bydelsdirektor": "Bydelsdirektøren"}
    assert any(p.startswith(f"{holder[title]} får fullmakt") for p in points(bokmal))


# -- vedtatt ----------------------------------------------------------------------------------


def test_adopted_prints_the_vedtak_not_an_innstilling_nb() -> None:
    document = saksframlegg(case_model("adopted"), NB)
    assert headings(document)[0] == (1, "Vedtak")
    assert "Kommunedirektørens innstilling" not in [h for _, h in headings(document)]
    assert innstilling(document) == [
        ("Normal", "Kommunestyret behandlet saken i juni 2026, PS 63/26, og gjorde dette vedtaket:"),
        ("Innstillingspunkt", "Kommunestyret vedtek handlingsplanen."),
        ("Innstillingspunkt", "Ramma for 2026 er 3 600 000 kr."),
        ("Normal", "Samrøystes vedteke."),
    ]


def test_adopted_prints_the_vedtak_not_an_innstilling_nn() -> None:
    document = saksframlegg(case_model("adopted"), NN)
    assert headings(document)[0] == (1, "Vedtak")
    assert innstilling(document)[0] == (
        "Normal",
        "Kommunestyret handsama saka i juni 2026, PS 63/26, og gjorde dette vedtaket:",
    )


def test_adopted_without_points_states_the_decision() -> None:
    m = case_model("adopted")
    decision = m.document.decision
    assert decision is not None
    plain = type(decision).model_validate({**decision.model_dump(mode="json"), "points": [], "summary": "", "date": "2026-06-18"})
    m = m.model_copy(update={"document": m.document.model_copy(update={"decision": plain})})
    assert [t for _, t in innstilling(saksframlegg(m, NB))] == [
        "Kommunestyret vedtok Handlingsplan for Områdeløft Elvebakken 2026–2030 i møte 18. juni "
        "2026, "
        "PS 63/26."
    ]


# -- sections and signature (item 6) ----------------------------------------------------------

SECTIONS = {
    "alternatives": ("Alternativer", "Alternativ"),
    "risk": ("Risiko", "Risiko"),
    "children_and_youth": ("Konsekvenser for barn og unge", "Konsekvensar for barn og unge"),
    "public_health": ("Konsekvenser for folkehelse", "Konsekvensar for folkehelse"),
    "climate_and_environment": ("Konsekvenser for klima og miljø", "Konsekvensar for klima og miljø"),
}


@pytest.mark.parametrize("language", [NB, NN])
def test_council_sections_when_given(language: Language) -> None:
    texts = {key: f"Tekst om {key}." for key in SECTIONS}
    document = saksframlegg(case_model("for_decision", **texts), language)
    found = [h for level, h in headings(document) if level == 1]
    for key, (nb, nn) in SECTIONS.items():
        title = nb if language is NB else nn
        assert title in found
        assert [b.text for b in section(document, title)] == [texts[key]]


def test_council_sections_omitted_when_not_given() -> None:
    empty = {key: "" for key in SECTIONS}
    found = [h for _, h in headings(saksframlegg(case_model("for_decision", **empty), NB))]
    assert not set(found) & {nb for nb, _ in SECTIONS.values()}


def test_signature_line_for_the_officer() -> None:
    document = saksframlegg(case_model("for_decision"), NB)
    texts = [(b.style, b.text) for b in blocks(document) if b.kind == "p"]
    at = texts.index(("Signatur", "Kjetil Rygg"))
    assert texts[at + 1][1] == "kommunedirektør"
    assert texts[at + 2][1] == "Vedlegg"


def test_signature_without_a_named_officer_names_the_title() -> None:
    m = case_model("for_decision")
    m = m.model_copy(
        update={
            "municipality": m.municipality.model_copy(
                update={"chief_executive": None, "officer_title": "radmann"}
            )
        }
    )
    texts = [(b.style, b.text) for b in blocks(saksframlegg(m, NN)) if b.kind == "p"]
    assert ("Signatur", "Rådmann") in texts


def test_a_meeting_known_to_the_month_keeps_its_place_in_the_saksgang() -> None:
    route = [
        {"body": "Eldrerådet", "meeting_date": "2026-06-02"},
        {"body": "Formannskapet", "meeting_date": "2026-06"},
        {"body": "Kommunestyret", "meeting_date": "2026-06-18"},
        {"body": "Ungdomsrådet", "meeting_date": "2026-05-28"},
        {"body": "Bydelsutvalet"},
    ]
    document = saksframlegg(case_model("for_decision", route=route), NB)
    bodies = [row.cells[0].text for row in document.tables[1].rows][1:]
    assert bodies == ["Ungdomsrådet", "Eldrerådet", "Formannskapet", "Kommunestyret", "Bydelsutvalet"]


def test_the_case_names_the_current_plan_document() -> None:
    m = case_model("for_decision")
    data = m.model_dump(mode="json", exclude_none=True)
    data["document"]["plan_documents"] = [
        {"id": "HD2", "kind": "action_part", "title": "Handlingsdel 2027–2030",
         "start_year": 2027, "end_year": 2030}
    ]
    data["document"]["current_document_id"] = "HD2"
    found = points(saksframlegg(Initiative.model_validate(data), NN))
    assert found[0] == "Kommunestyret vedtek Handlingsdel 2027–2030 for Områdeløft Elvebakken, versjon 1.0."
