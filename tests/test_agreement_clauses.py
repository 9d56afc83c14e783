"""Agreements a municipal lawyer would sign (issue 14, item 4): the municipality's signatory
follows the innstilling's fullmakt, grant money is conditional on its tilsagn, and the optional
clauses (personvern og taushetsplikt, innsyn, rapportering og revisjon, tilsagnsbrev,
mislighold, tvisteløsning) are printed when given and left out when not – never invented;
clause numbers count only the clauses there are."""

from __future__ import annotations

from typing import Any

import pytest
from council_support import NB, NN, case_model
from test_samarbeidsavtale import Agreement

from omradedok.documents.samarbeidsavtale import render_agreement
from omradedok.model import Initiative, Language

OPTIONAL = {
    "reporting": ("Rapportering og revisjon", "Rapportering og revisjon"),
    "privacy": ("Personvern og taushetsplikt", "Personvern og teieplikt"),
    "public_access": ("Innsyn etter offentleglova", "Innsyn etter offentleglova"),
}


def _agreement(m: Initiative, language: Language, index: int = 0) -> Agreement:
    return Agreement(render_agreement(m, m.agreements[index], language))


def _edit(m: Initiative, **fields: Any) -> Initiative:
    data = m.model_dump(mode="json", exclude_none=True)
    data["agreements"][0].update(fields)
    return Initiative.model_validate(data)


def test_the_officer_with_the_fullmakt_signs_for_the_municipality() -> None:
    for language, title in ((NB, "kommunedirektør (etter fullmakt)"),
                            (NN, "kommunedirektør (etter fullmakt)")):
        blocks = _agreement(case_model("for_decision"), language).signature_blocks()
        assert blocks[0][-2:] == ["Kjetil Rygg", title]


def test_the_mayor_signs_with_the_mayors_fullmakt_or_without_any() -> None:
    m = case_model("for_decision")
    mayor = m.municipality.mayor
    assert mayor is not None
    by_mayor = case_model("for_decision", delegation={"holder": "mayor"})
    assert _agreement(by_mayor, NB).signature_blocks()[0][-2:] == [mayor.name, mayor.title]
    no_fullmakt = case_model("for_decision", delegation=None)
    assert _agreement(no_fullmakt, NB).signature_blocks()[0][-2:] == [mayor.name, mayor.title]


def test_a_fullmakt_for_other_agreements_leaves_this_one_to_the_mayor() -> None:
    m = case_model("for_decision")
    others = [a.id for a in m.agreements[1:]] or ["ingen"]
    m = case_model("for_decision", delegation={"holder": "officer", "agreement_ids": others})
    mayor = m.municipality.mayor
    assert mayor is not None
    assert _agreement(m, NB).signature_blocks()[0][-1] == mayor.title


def test_without_a_named_officer_the_title_signs_by_fullmakt() -> None:
    m = case_model("for_decision")
    data = m.model_dump(mode="json", exclude_none=True)
    data["municipality"].pop("chief_executive")
    data["municipality"]["officer_title"] = "radmann"
    blocks = _agreement(Initiative.model_validate(data), NN).signature_blocks()
    assert blocks[0][-1] == "rådmann (etter fullmakt)"


@pytest.mark.parametrize(("language", "note", "sentence"), [
    (NB, "forutsetter tilsagn", "er tilskudd som forutsetter tilsagn"),
    (NN, "føreset tilsegn", "er tilskot som føreset tilsegn"),
])
def test_grant_money_is_conditional_on_its_tilsagn(language: Language, note: str, sentence: str) -> None:
    m = case_model("for_decision")
    party = m.agreements[0].partner_ids[0]
    name = m.partner(party).name  # type: ignore[union-attr]
    m = _edit(m, contributions=[
        {"party_id": party, "year": 2026, "money": 500000, "grant": True},
        {"party_id": "kommunen", "year": 2026, "money": 300000},
    ])
    doc = _agreement(m, language)
    rows = doc.rows(doc.table("Part", index=1))
    assert next(r for r in rows if r[0] == name)[2] == f"500 000 kr\n{note}"
    assert next(r for r in rows if r[0] == m.municipality.name)[2] == "300 000 kr"
    assert f"{name} {sentence}" in doc.text


def test_money_that_is_not_a_grant_has_no_condition() -> None:
    m = case_model("for_decision")
    party = next(p.id for p in m.partners if p.kind.value not in ("state_agency", "municipal_unit"))
    m = _edit(m, partner_ids=[party], obligations=[], contributions=[
        {"party_id": party, "year": 2026, "money": 500000}
    ])
    text = _agreement(m, NB).text
    assert "tilsagn" not in text


@pytest.mark.parametrize("language", [NB, NN])
def test_optional_clauses_printed_when_given(language: Language) -> None:
    texts = {key: f"Avtalt tekst om {key}." for key in OPTIONAL}
    m = _edit(case_model("for_decision"), breach="Ved mislighald kan avtalen seiast opp.",
              disputes="Tvistar blir løyste ved forhandling.",
              grant_letter="Vilkåra i tilsegnsbrevet gjeld føre avtalen.", **texts)
    doc = _agreement(m, language)
    heads = doc.headings
    for key, (nb, nn) in OPTIONAL.items():
        title = nb if language is NB else nn
        (_found,) = [h for h in heads if h.endswith(" " + title)]
        assert f"Avtalt tekst om {key}." in doc.text
    numbers = [int(h.split(" ", 1)[0]) for h in heads]
    assert numbers == list(range(1, len(heads) + 1))
    assert len(heads) == 13  # ten clauses and the three optional ones
    both = "Mislighold og tvister" if language is NB else "Misleghald og tvistar"
    assert any(h.endswith(both) for h in heads)
    sub = "Forholdet til tilsagnsbrev" if language is NB else "Forholdet til tilsegnsbrev"
    assert sub in doc.text and "Vilkåra i tilsegnsbrevet gjeld føre avtalen." in doc.text


def test_optional_clauses_left_out_when_not_given() -> None:
    m = _edit(case_model("for_decision"), breach="", disputes="", reporting="", privacy="",
              public_access="", grant_letter="", notice_months=None)
    doc = _agreement(m, NB)
    heads = doc.headings
    assert [h.split(" ", 1)[1] for h in heads] == [
        "Parter", "Bakgrunn og formål", "Innhold og aktiviteter",
        "Organisering og samarbeidsmøter", "Roller, plikter og ansvar", "Økonomi",
        "Varighet, endring og oppsigelse", "Kontaktpersoner", "Signaturer",
    ]
    assert [int(h.split(" ", 1)[0]) for h in heads] == list(range(1, 10))
    text = doc.text
    for word in ("Mislighold", "Tvisteløsning", "Personvern", "offentleglova", "revisjon",
                 "tilsagnsbrev", "måneders varsel", "3 måneder"):
        assert word not in text
    assert "Oppsigelsesfrist er ikke fastsatt i avtalen." in text


def test_only_disputes_named_tvisteloesning() -> None:
    m = _edit(case_model("for_decision"), breach="", disputes="Tvister løses ved forhandling.")
    nb, nn = _agreement(m, NB).headings, _agreement(m, NN).headings
    assert any(h.endswith(" Tvisteløsning") for h in nb)
    assert any(h.endswith(" Tvisteløysing") for h in nn)
