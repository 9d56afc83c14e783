"""The v2 model on real programmes' terms, asserted on the documents (DOCX, XLSX, PDF; nb, nn):
multi-year activities, unknown and estimated amounts, level names, the recommending officer,
and version-1 files (in-memory migration and ``omradedok migrate``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_FILES, LARGE_EXAMPLE
from document_text import docx_text, pdf_text, xlsx_text
from typer.testing import CliRunner

import omradedok
from omradedok.cli import app
from omradedok.documents.aktivitetsplan import activity_plan, render_docx_plan, render_pdf_plan
from omradedok.documents.aktivitetsplan_xlsx import render_xlsx
from omradedok.documents.handlingsplan import render as render_plan
from omradedok.documents.pdf_documents import render_handlingsplan
from omradedok.io.dump import to_data
from omradedok.model import Initiative, Language

V1 = Path(__file__).resolve().parent / "data" / "v1"


def _variant(model: Initiative, language: Language, change: Any) -> Initiative:
    data = to_data(model)
    data["municipality"]["language"] = language.value
    change(data)
    return Initiative.model_validate(data)


def _older_programme(data: dict[str, Any]) -> None:
    """What an older, partly documented programme gives: a multi-year measure with a budget
    only as an estimated range, one with no budget, a rådmann, satsingsområder."""
    first = data["activities"][0]
    year = first["year"]
    first.pop("year")
    first["start"] = f"høsten {year}"
    first["end"] = str(year + 2)
    first["budget"] = {"municipal": "4–5 mill. kr"}
    first.pop("status", None)
    second = data["activities"][1]
    second.pop("budget", None)
    second["status"] = None
    data["municipality"]["officer_title"] = "radmann"
    data["programme"]["level_term"] = "satsingsomrade"


@pytest.fixture(scope="module", params=[Language.NB, Language.NN], ids=["nb", "nn"])
def older(request: pytest.FixtureRequest) -> tuple[Initiative, Language]:
    base = omradedok.load(LARGE_EXAMPLE)
    return _variant(base, request.param, _older_programme), request.param


def test_multi_year_activity_is_marked_in_every_years_plan(
    older: tuple[Initiative, Language],
) -> None:
    model, lang = older
    act = model.activities[0]
    assert act.multi_year and len(act.years) == 3
    word = "fleirårig" if lang is Language.NN else "flerårig"
    for year in act.years:
        if year not in model.activity_years():
            continue
        plan = activity_plan(model, year, lang)
        assert act.id in [r.activity.id for r in plan.rows]
        docx = docx_text(render_docx_plan(plan))
        xlsx = xlsx_text(render_xlsx(plan))
        pdf = pdf_text(render_pdf_plan(plan))
        for text in (docx, xlsx, pdf):
            assert word in text.casefold(), (year, text[:200])


def test_unknown_and_estimated_amounts_print_as_such(older: tuple[Initiative, Language]) -> None:
    model, lang = older
    unknown = "ikkje fastsett" if lang is Language.NN else "ikke fastsatt"
    year = model.activities[1].years[0]
    plan = activity_plan(model, year, lang)
    docx = docx_text(render_docx_plan(plan))
    xlsx = xlsx_text(render_xlsx(plan))
    assert unknown in docx and unknown in xlsx
    assert "minst" in docx and "minst" in xlsx  # sums over an unknown part say so
    hp = docx_text(render_plan(model, lang))
    assert re.search(r"\d–\d[\d\u00a0,]*(\u00a0mill\.)?\u00a0kr", hp)  # a range stays a range


def test_level_names_flow_into_headings_and_labels(older: tuple[Initiative, Language]) -> None:
    model, lang = older
    year = model.activity_years()[0]
    plan = activity_plan(model, year, lang)
    docx = docx_text(render_docx_plan(plan))
    xlsx = xlsx_text(render_xlsx(plan))
    pdf = pdf_text(render_handlingsplan(model, lang))
    assert "Tiltak per satsingsområde" in docx
    assert "Satsingsområde" in xlsx
    assert "satsingsområde" in pdf.casefold()
    assert "Tiltak per delprogram" not in docx
    assert "\nDelprogram\n" not in f"\n{xlsx}\n"  # the column header; role titles keep theirs


def test_recommending_officer_names_the_innstilling(older: tuple[Initiative, Language]) -> None:
    model, lang = older
    text = docx_text(omradedok.render(model, "saksframlegg", language=lang))
    wanted = "Rådmannen si innstilling" if lang is Language.NN else "Rådmannens innstilling"
    assert wanted in text
    assert "Kommunedirektørens innstilling" not in text
    assert "Kommunedirektøren si innstilling" not in text


@pytest.mark.parametrize("path", sorted(V1.glob("*.yaml")), ids=lambda p: p.stem)
def test_version_1_files_still_load_and_build(path: Path, tmp_path: Path) -> None:
    loaded = omradedok.load_with_report(path)
    assert loaded.model.schema_version == 2
    assert any("versjon 1" in w.message for w in loaded.warnings)
    result = omradedok.build(loaded.model, tmp_path, only=["handlingsplan"])
    assert result.paths


def test_migrate_writes_version_2_and_says_what_changed(tmp_path: Path) -> None:
    source = V1 / "nordbyen-bokmal.yaml"
    out = tmp_path / "ny.yaml"
    result = CliRunner().invoke(app, ["migrate", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "versjon 1 skrev «Planlagt»" in result.output
    assert "skrev" in result.output and str(out) in result.output.replace("\n", "")
    again = omradedok.load_with_report(out)
    assert again.model.schema_version == 2
    assert not any("versjon 1" in w.message for w in again.warnings)
    assert again.model == omradedok.load(source)
    second = CliRunner().invoke(app, ["migrate", str(out), "-o", str(tmp_path / "x.yaml")])
    assert second.exit_code != 0 and "allerede" in str(second.exception)


def test_examples_are_version_2() -> None:
    for path in EXAMPLE_FILES:
        assert "schema_version: 2" in path.read_text(encoding="utf-8")
