"""Facts print as the input gives them: a partial date at its precision, an estimate as an
estimate, an absent version or case number left out (found in review)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

import omradedok
from omradedok.model import Initiative, Language


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_gantt_milestones_print_at_their_precision(nynorsk_model: Initiative) -> None:
    text = _pdf_text(omradedok.render(nynorsk_model, "handlingsplan", format="pdf"))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    listed = [line for line in lines if "Lys langs heile turvegen" in line]
    assert listed, "the milestone is in the chart's list"
    assert not any("01.01.2016" in line for line in listed), listed
    assert any("2016 Lys langs heile turvegen" in line for line in listed), listed
    opens = [line for line in lines if "Elveparken opnar" in line]
    assert not any("01.09.2020" in line for line in opens), opens
    assert any("hausten 2020 Elveparken opnar" in line for line in opens), opens
    # a day still prints as the day
    assert any("22.06.2017" in line and "handlingsdel 2017" in line for line in lines)


def test_gantt_alt_text_prints_milestones_at_their_precision(nynorsk_model: Initiative) -> None:
    from omradedok.documents.chart_data import plan_charts

    (timeline,) = [c for c in plan_charts(nynorsk_model, Language.NN) if c.key == "timeline"]
    assert "hausten 2013 Kommunestyret vedtek" in timeline.alt_text
    assert "1. september 2013" not in timeline.alt_text
    assert "1. januar 2016" not in timeline.alt_text


def _without_case_number(model: Initiative) -> Initiative:
    decision = model.document.decision
    assert decision is not None
    document = model.document.model_copy(
        update={"decision": decision.model_copy(update={"case_number": ""})}
    )
    return model.model_copy(update={"document": document})


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_status_statement_leaves_out_an_absent_case_number(
    nynorsk_model: Initiative, language: str
) -> None:
    model = _without_case_number(nynorsk_model)
    text = " ".join(
        _pdf_text(omradedok.render(model, "handlingsplan", format="pdf", language=language)).split()
    )
    verb = "Vedteken av" if language == "nn" else "Vedtatt av"
    assert f"{verb} Kommunestyret 22. juni 2017" in text
    assert "sak ." not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nn",
            "år 2019 har den fleirårige aktiviteten 1.5 «Tverrfagleg familieteam i Elvebakken» "
            "(2017–2020) utan budsjett fordelt per år",
        ),
        (
            "nb",
            "år 2019 har den flerårige aktiviteten 1.5 «Tverrfagleg familieteam i Elvebakken» "
            "(2017–2020) uten budsjett fordelt per år",
        ),
    ],
)
def test_unframed_year_names_the_multi_year_activity(
    nynorsk_model: Initiative, language: str, expected: str
) -> None:
    from omradedok.checks import validate

    keep = [a for a in nynorsk_model.activities if a.id == "1.5"]
    municipality = nynorsk_model.municipality.model_copy(update={"language": Language(language)})
    model = nynorsk_model.model_copy(
        update={
            "activities": keep,
            "municipality": municipality,
            "budget_frame": [f for f in nynorsk_model.budget_frame if f.year != 2019],
        }
    )
    messages = [p.message for p in validate(model).problems if p.code == "W-BUDS-001"]
    assert len(messages) == 1, messages
    (message,) = messages
    assert message.startswith(expected), message
    assert message.endswith(
        "men inga budsjettramme" if language == "nn" else "men ingen budsjettramme"
    )
    assert "fastsatt" not in message and "fastsett" not in message


def _docx_rows(data: bytes) -> list[list[str]]:
    from docx import Document

    doc = Document(io.BytesIO(data))
    return [[" ".join(c.text.split()) for c in row.cells] for t in doc.tables for row in t.rows]


def test_frame_year_with_an_unknown_source_reads_minst(nynorsk_model: Initiative) -> None:
    # 2016 gives the municipal frame only; the state's, given other years, is not known
    rows = _docx_rows(omradedok.render(nynorsk_model, "handlingsplan"))
    (row,) = [r for r in rows if r[:2] == ["2016", "1 500 000 kr"]]
    assert "ikkje fastsett" in row
    assert row[-1] == "minst 1 500 000 kr", row
    (full,) = [r for r in rows if r[:2] == ["2018", "2 100 000 kr"]]
    assert full[-1] == "5 350 000 kr", full  # every source given: a plain sum
    pdf = [
        " ".join(line.split())
        for line in _pdf_text(omradedok.render(nynorsk_model, "handlingsplan", format="pdf"))
        .replace("\u00a0", " ")
        .splitlines()
    ]
    (line,) = [x for x in pdf if x.startswith("2016 1 500 000 kr")]
    assert line.endswith("minst 1 500 000 kr"), line


def _without_version(model: Initiative) -> Initiative:
    document = model.document.model_copy(update={"version": None})
    return model.model_copy(update={"document": document})


COVER_KINDS = [
    "handlingsplan",
    "aktivitetsplan",
    "kommunikasjonsplan",
    "evalueringsplan",
    "saksframlegg",
    "samarbeidsavtale",
]


@pytest.mark.parametrize("language", ["nb", "nn"])
@pytest.mark.parametrize("kind", COVER_KINDS)
def test_no_version_row_when_the_input_gives_no_version(
    nynorsk_model: Initiative, kind: str, language: str
) -> None:
    model = _without_version(nynorsk_model)
    assert model.document.version is None
    kwargs: dict[str, object] = {"language": language}
    if kind == "aktivitetsplan":
        kwargs["year"] = 2018
    if kind == "samarbeidsavtale":
        kwargs["filename"] = "samarbeidsavtale-husbanken"
    rows = _docx_rows(omradedok.render(model, kind, format="docx", **kwargs))  # type: ignore[arg-type]
    labelled = [r for r in rows if r and r[0] == "Versjon"]
    assert labelled == [], labelled


def test_agreement_cover_dates_the_unversioned_document(nynorsk_model: Initiative) -> None:
    model = _without_version(nynorsk_model)
    data = omradedok.render(model, "samarbeidsavtale", filename="samarbeidsavtale-husbanken")
    assert ["Dato", "22. juni 2017"] in _docx_rows(data)
    versioned = nynorsk_model.model_copy(
        update={"document": nynorsk_model.document.model_copy(update={"version": "2.0"})}
    )
    data = omradedok.render(versioned, "samarbeidsavtale", filename="samarbeidsavtale-husbanken")
    assert ["Versjon", "2.0, 22. juni 2017"] in _docx_rows(data)


def _drawn_strings(node: object) -> list[str]:
    from reportlab.graphics.shapes import String

    if isinstance(node, String):
        return [node.text]
    return [s for child in getattr(node, "contents", []) for s in _drawn_strings(child)]


@pytest.mark.parametrize("language", [Language.NB, Language.NN])
def test_frame_chart_labels_estimates(nynorsk_model: Initiative, language: Language) -> None:
    from omradedok.documents.chart_data import plan_charts

    (chart,) = [c for c in plan_charts(nynorsk_model, language) if c.key == "budget_by_year"]
    drawn = _drawn_strings(chart.drawing())
    alt = chart.alt_text.replace("\u00a0", " ")
    # 2013 («anslag 800000»), 2019 (anslag, a range) and 2020 are estimates: three bars
    assert drawn.count("anslag") == 3, drawn
    assert "2019: anslag 4,3 mill. kr" in alt
    assert "anslag 2–2,5 mill. kr" in alt  # the range as given
    assert "2014: 2,7 mill. kr" in alt  # exact figures stay plain
    assert "delvis anslag." in alt
    text = " ".join(
        _pdf_text(
            omradedok.render(nynorsk_model, "handlingsplan", format="pdf", language=language.value)
        )
        .replace("\u00a0", " ")
        .split()
    )
    assert "4,3 mill. kr anslag 2019" in text  # the bar total, its «anslag», the year
