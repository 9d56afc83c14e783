"""Issue 12's facts printed in the plan documents – the handlingsplan (DOCX and PDF) and the
evalueringsplan – in nb and nn, from small inputs: indicator observations over time (item 6),
which plan document this is (item 7), the economic frame for every year of the period
(item 8), project descriptions, own goals, owners and goal links (item 10) and the level
name in every heading and label (item 3). Absent facts print nothing invented."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from document_text import docx_text, pdf_text
from docx import Document

import omradedok
from omradedok.documents.handlingsplan import render as render_plan_docx
from omradedok.documents.pdf_documents import render_handlingsplan
from omradedok.model import Initiative, Language

BASE: dict[str, Any] = {
    "schema_version": 2,
    "title": "Områdeløft Vestre",
    "municipality": {"name": "Elvdal kommune", "number": "3401", "language": "nb"},
    "area": {"name": "Vestre"},
    "period": {"start_year": 2017, "end_year": 2020},
    "document": {
        "status": "adopted",
        "date": "2017-06-20",
        "decision": {"body": "Bystyret", "date": "2017-06-15", "case_number": "178/17"},
    },
    "goals": {
        "main_goals": [
            {
                "id": "HM1",
                "title": "Gode oppvekstvilkår",
                "sub_goals": [
                    {
                        "id": "DM1",
                        "title": "Alle barn går i barnehage",
                        "indicators": [
                            {
                                "id": "I1",
                                "name": "Dekningsgrad barnehage",
                                "unit": "prosent",
                                "baseline": {"value": 27, "year": 2013, "source": "BASIL"},
                            },
                        ],
                    }
                ],
            }
        ]
    },
    "evaluation": {"purpose": "Følge med på utviklingen i området."},
    "partners": [{"id": "hb", "name": "Husbanken", "kind": "state_agency"}],
    "programme": {
        "sub_programmes": [
            {
                "id": "S1",
                "name": "Oppvekst",
                "projects": [
                    {
                        "id": "P1",
                        "name": "Språkløftet",
                        "sub_projects": [{"id": "P1.1", "name": "Hjemmebesøk"}],
                    },
                ],
            }
        ]
    },
}


def small(language: Language, change: Callable[[dict[str, Any]], None] | None = None) -> Initiative:
    data = copy.deepcopy(BASE)
    data["municipality"]["language"] = language.value
    if change is not None:
        change(data)
    return omradedok.from_dict(data)


def flat(text: str) -> str:
    """Text with line breaks (a table cell's wrapping, a PDF line end) as single spaces and
    hyphenation at line ends undone."""
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text.replace("\u00a0", " ").replace("\u00ad", ""))
    return " ".join(text.replace("•", " ").split())


def documents(model: Initiative) -> dict[str, str]:
    """The plan's texts: handlingsplan DOCX and PDF, and the evalueringsplan DOCX."""
    lang = model.municipality.language
    out = {
        "handlingsplan.docx": flat(docx_text(render_plan_docx(model, lang))),
        "handlingsplan.pdf": flat(pdf_text(render_handlingsplan(model, lang))),
    }
    if model.evaluation is not None:
        out["evalueringsplan.docx"] = flat(
            docx_text(omradedok.render(model, "evalueringsplan", language=lang))
        )
    return out


def table_rows(data: bytes, first_header: str) -> list[list[str]]:
    """The rows of every DOCX table whose first header cell is ``first_header``."""
    doc = Document(io.BytesIO(data))
    rows = []
    for table in doc.tables:
        if table.rows and table.rows[0].cells[0].text.strip() == first_header:
            rows += [[flat(c.text) for c in r.cells] for r in table.rows]
    return rows


LANGS = pytest.mark.parametrize("lang", [Language.NB, Language.NN], ids=["nb", "nn"])


def _unknown(lang: Language) -> str:
    return "ikkje fastsett" if lang is Language.NN else "ikke fastsatt"


# -- item 6: results over time -------------------------------------------------------------


def _observed(data: dict[str, Any]) -> None:
    ind = data["goals"]["main_goals"][0]["sub_goals"][0]["indicators"][0]
    ind["observations"] = [
        {"value": 64, "year": 2018},
        {"value": 100, "year": 2020, "source": "Kommunebarometeret"},
    ]


@LANGS
def test_observations_per_year_in_goal_tables_and_evaluation_plan(lang: Language) -> None:
    model = small(lang, _observed)
    texts = documents(model)
    assert set(texts) == {"handlingsplan.docx", "handlingsplan.pdf", "evalueringsplan.docx"}
    for name, text in texts.items():
        assert "64 % (2018)" in text, name
        assert "100 % (2020, Kommunebarometeret)" in text, name
        assert "27 % (2013)" in text, name  # the baseline stays the baseline
    # no target given: the cell says so, in both formats, and no value is made up
    unknown = _unknown(lang)
    plan = render_plan_docx(model, lang)
    rows = table_rows(plan, "Mål")
    header = rows[0]
    assert header[3] == "Målt" and header[4] == "Målverdi"
    row = next(r for r in rows if r[1] == "Dekningsgrad barnehage")
    assert row[3] == "64 % (2018) 100 % (2020, Kommunebarometeret)"
    assert row[4].casefold() == unknown
    ev = omradedok.render(model, "evalueringsplan", language=lang)
    ev_rows = table_rows(ev, "Indikator")
    assert ev_rows[0][2] == "Målt"
    assert ev_rows[1][2] == "64 % (2018) 100 % (2020, Kommunebarometeret)"
    assert ev_rows[1][3].casefold() == unknown
    pdf = texts["handlingsplan.pdf"]
    assert "Målt" in pdf
    row_text = f"27 % (2013) 64 % (2018) 100 % (2020, Kommunebarometeret) {unknown}"
    assert row_text.casefold() in pdf.casefold()


@LANGS
def test_without_observations_there_is_no_observed_column(lang: Language) -> None:
    model = small(lang)
    for name, text in documents(model).items():
        assert "Målt" not in text, name
        assert "(2018" not in text and "(2020" not in text, name
    assert table_rows(render_plan_docx(model, lang), "Mål")[0][3] == "Målverdi"


# -- item 7: documents over time -----------------------------------------------------------


def _plan_documents(data: dict[str, Any]) -> None:
    data["period"] = {"start_year": 2013, "end_year": 2020}
    data["document"]["plan_documents"] = [
        {
            "id": "pp",
            "kind": "programme_plan",
            "title": "Områdeprogram Vestre",
            "start_year": 2013,
            "end_year": 2020,
            "status": "adopted",
            "date": "2013",
            "decision": {"body": "Bystyret", "date": "høsten 2013", "case_number": "sak 178/13"},
        },
        {
            "id": "hd1",
            "kind": "action_part",
            "start_year": 2013,
            "end_year": 2016,
            "status": "adopted",
        },
        {
            "id": "hd2",
            "kind": "action_part",
            "start_year": 2017,
            "end_year": 2020,
            "status": "adopted",
            "date": "2017-06-20",
            "replaces_id": "hd1",
            "decision": {"body": "Bystyret", "date": "2017-06-15", "case_number": "PS 0123/17"},
        },
    ]
    data["document"]["current_document_id"] = "hd2"


@LANGS
def test_the_plan_states_which_plan_document_and_period_it_is(lang: Language) -> None:
    model = small(lang, _plan_documents)
    texts = documents(model)
    line = "Handlingsdel 2017–2020 til Områdeprogram Vestre 2013–2020"
    autumn = "hausten 2013" if lang is Language.NN else "høsten 2013"
    adopted = "vedteken" if lang is Language.NN else "vedtatt"
    for name in ("handlingsplan.docx", "handlingsplan.pdf"):
        text = texts[name]
        assert f"Dette dokumentet er {line}." in text, name
        assert (
            f"Status: {adopted}, dato 20. juni 2017, vedtak: Bystyret 15. juni 2017, PS 0123/17."
            in text
        ), name
        assert "Det erstattar Handlingsdel 2013–2016." in text or lang is Language.NB, name
        assert "Det erstatter Handlingsdel 2013–2016." in text or lang is Language.NN, name
        # the earlier documents, each with its own status, date and decision
        assert f"Bystyret {autumn}, sak 178/13" in text, name
        assert "sak sak" not in text, name
    rows = table_rows(render_plan_docx(model, lang), "Dokument")
    assert [r[0] for r in rows[1:]] == [
        "Områdeprogram Vestre",
        "Handlingsdel",
        "Handlingsdel (dette dokumentet)",
    ]
    assert rows[3][1] == "2017–2020" and rows[3][5] == "Handlingsdel 2013–2016"
    assert (
        line in texts["handlingsplan.pdf"].split("Innhald" if lang is Language.NN else "Innhold")[0]
    )  # on the cover


@LANGS
def test_without_plan_documents_nothing_about_them_is_printed(lang: Language) -> None:
    for name, text in documents(small(lang)).items():
        assert "Dette dokumentet er" not in text, name
        assert "Plandokument" not in text and "Handlingsdel" not in text, name


# -- item 8: the economic frame for the whole period -----------------------------------------


def _frame(data: dict[str, Any]) -> None:
    data["budget_frame"] = [
        {"year": 2017, "municipal": 1_000_000, "state": "4–5 mill. kr"},
        {"year": 2019, "municipal": "anslag 400000"},
    ]


@LANGS
def test_frame_shows_every_year_of_the_period_with_unknown_years(lang: Language) -> None:
    model = small(lang, _frame)
    assert model.activity_years() == []  # no activity plan at all: the frame stands alone
    unknown = _unknown(lang)
    rows = table_rows(render_plan_docx(model, lang), "År")
    assert [r[0] for r in rows[1:]] == ["2017", "2018", "2019", "2020", "Sum"]
    assert rows[1][1:3] == ["1 000 000 kr", "4–5 mill. kr"]
    assert rows[1][5] == "5–6 mill. kr"
    assert all(c.casefold() == unknown for c in rows[2][1:] + rows[4][1:])
    assert rows[3][1] == "anslag 400 000 kr"
    assert rows[5][1] == "minst 1 400 000 kr"  # years without a frame: the sum is a «minst»
    texts = documents(model)
    for name in ("handlingsplan.docx", "handlingsplan.pdf"):
        text = texts[name]
        assert "(anslag) for " in text, name  # labelled as an estimate for every year
        assert "4–5 mill. kr" in text and "anslag 400 000 kr" in text, name
        assert "minst 1 400 000 kr" in text, name
        assert f"2018 {unknown} {unknown} {unknown} {unknown} {unknown} 2019" in text.casefold(), (
            name
        )


@LANGS
def test_without_a_frame_no_frame_table_and_no_amount(lang: Language) -> None:
    model = small(lang)
    assert table_rows(render_plan_docx(model, lang), "År") == []
    for name, text in documents(model).items():
        assert not re.search(r"\d kr\b", text), name
        assert "(anslag)" not in text, name


# -- item 10: projects in Del 2 ------------------------------------------------------------


def _projects(data: dict[str, Any]) -> None:
    project = data["programme"]["sub_programmes"][0]["projects"][0]
    project["description"] = "Språkløftet samler barnehage og helsestasjon om tidlig innsats."
    project["objectives"] = ["Flere barn snakker godt norsk ved skolestart"]
    project["owner_ids"] = ["hb", "kommunen"]
    project["goal_ids"] = ["DM1"]
    project["sub_projects"][0]["description"] = "Hjemmebesøk til familier uten barnehageplass."


@LANGS
def test_project_descriptions_goals_and_owners_in_part_two(lang: Language) -> None:
    texts = documents(small(lang, _projects))
    owners = "Eigarar" if lang is Language.NN else "Eiere"
    own_goals = "Måla til prosjektet" if lang is Language.NN else "Prosjektets mål"
    serves = "Bidreg til mål" if lang is Language.NN else "Bidrar til mål"
    for name in ("handlingsplan.docx", "handlingsplan.pdf"):
        text = texts[name]
        part2 = text[text.rindex("Prosjektoversikt") :]
        assert "Språkløftet samler barnehage og helsestasjon om tidlig innsats." in part2, name
        # a label and its value: «Eiere: …» in Word, a facts table («Eiere | …») in the PDF
        assert f"{own_goals}: Flere barn snakker godt norsk ved skolestart" in part2, name
        assert re.search(f"{owners}:? Husbanken og Elvdal kommune", part2), name
        assert re.search(f"{serves}:? DM1 Alle barn går i barnehage", part2), name
        assert "Hjemmebesøk til familier uten barnehageplass." in part2, name


@LANGS
def test_projects_without_details_get_no_detail_section(lang: Language) -> None:
    for name, text in documents(small(lang)).items():
        for word in (
            "Prosjektets mål",
            "Måla til prosjektet",
            "Eiere",
            "Eigarar",
            "Eier:",
            "Eigar:",
        ):
            assert word not in text, (name, word)


# -- item 3: the level name everywhere -----------------------------------------------------

TERMS = {
    "satsingsomrade": {
        "nb": ("Satsingsområde", "Satsingsområder"),
        "nn": ("Satsingsområde", "Satsingsområde"),
    },
    "strategi": {"nb": ("Strategi", "Strategier"), "nn": ("Strategi", "Strategiar")},
    "innsatsomrade": {
        "nb": ("Innsatsområde", "Innsatsområder"),
        "nn": ("Innsatsområde", "Innsatsområde"),
    },
}


def _two_sub_programmes(term: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        _observed(data)
        _frame(data)
        _projects(data)
        data["programme"]["level_term"] = term
        data["programme"]["sub_programmes"].append({"id": "S2", "name": "Nærmiljø"})
        data["activities"] = [
            {
                "id": "1",
                "year": 2017,
                "title": "Leksehjelp",
                "sub_programme_id": "S1",
                "project_id": "P1",
                "budget": {"municipal": 200000},
            },
            {
                "id": "2",
                "year": 2018,
                "title": "Parkdag",
                "sub_programme_id": "S2",
                "budget": {"municipal": 50000},
            },
            {"id": "3", "year": 2018, "title": "Felles møteplass", "budget": {"state": 10000}},
        ]

    return change


@LANGS
@pytest.mark.parametrize("term", sorted(TERMS))
def test_level_name_in_every_heading_and_label(lang: Language, term: str) -> None:
    model = small(lang, _two_sub_programmes(term))
    singular, plural = TERMS[term][lang.value]
    plan = render_plan_docx(model, lang)
    texts = documents(model)
    for name, text in texts.items():
        assert "delprogram" not in text.casefold(), (
            name,
            text[text.casefold().find("delprogram") - 80 :][:160],
        )
    # nor in the charts' alternative texts and captions (read from the DOCX's XML)
    with zipfile.ZipFile(io.BytesIO(plan)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "delprogram" not in xml.casefold()
    overview = table_rows(plan, singular)
    assert overview and overview[-1][0] == "Sum"
    assert f"Sum {singular.lower()}" in texts["handlingsplan.docx"]
    pdf = texts["handlingsplan.pdf"]
    assert f"{plural} 2" in pdf  # the summary's count of the first level
    assert f"Budsjett per {singular.lower()}" in pdf
    assert f"Programmet er delt i {plural.lower()}, prosjekt" in pdf
