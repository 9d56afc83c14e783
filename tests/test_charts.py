"""The charts: one Drawing per chart, rendered as vector in the PDF and as PNG for DOCX."""

from __future__ import annotations

import io
from itertools import pairwise

import pytest
from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Group, String
from reportlab.lib import colors

from omradedok.documents.chart_data import (
    activity_plan_charts,
    chart_style,
    plan_charts,
    source_fill,
)
from omradedok.locale import format_millions
from omradedok.model import FundingSource, Initiative, Language
from omradedok.render.charts import WIDTH, Chart, _luminance

PLAN_KEYS = [
    "budget_by_year",
    "budget_by_subprogramme",
    "goal_hierarchy",
    "organisation",
    "timeline",
]


def _strings(node: object) -> list[String]:
    if isinstance(node, String):
        return [node]
    found: list[String] = []
    for child in (
        getattr(node, "contents", [])
        if isinstance(node, Group) or hasattr(node, "contents")
        else []
    ):
        found += _strings(child)
    return found


def test_plan_charts_keys_titles_and_alt_text(large_model: Initiative) -> None:
    charts = plan_charts(large_model, Language.NB)
    assert [c.key for c in charts] == PLAN_KEYS
    by_key = {c.key: c for c in charts}
    for chart in charts:
        assert chart.title and chart.alt_text
        assert len(chart.alt_text) > 60, f"{chart.key}: alt text must describe the data"
        assert chart.alt_text.strip().lower() != "diagram"
    # alt text carries the data: totals per year of the budget frame, goals, bodies
    for frame in large_model.budget_frame:
        assert (
            f"{frame.year}: {format_millions(frame.total, Language.NB)}"
            in by_key["budget_by_year"].alt_text
        )
    for main in large_model.goals.main_goals:
        assert main.title in by_key["goal_hierarchy"].alt_text
    for body in large_model.organisation.bodies:
        assert body.name in by_key["organisation"].alt_text
    for milestone in large_model.milestones:
        assert milestone.title in by_key["timeline"].alt_text


def test_drawings_fit_the_page_and_use_only_embedded_fonts(large_model: Initiative) -> None:
    for chart in plan_charts(large_model, Language.NB) + activity_plan_charts(
        large_model, Language.NB, 2026
    ):
        drawing = chart.drawing()
        assert drawing.width <= WIDTH + 0.01
        assert 80 < drawing.height < 800
        names = {s.fontName for s in _strings(drawing)}
        assert names and all(n.startswith("OmradedokSans") for n in names), names
        pdf = renderPDF.drawToString(drawing)
        assert b"/Helvetica" not in pdf, f"{chart.key} pulls in a base-14 font"
        assert b"/Subtype /Image" not in pdf, f"{chart.key} must be vector"


def test_png_matches_drawing_and_is_deterministic(large_model: Initiative) -> None:
    chart = plan_charts(large_model, Language.NB)[0]
    data = chart.png(dpi=150)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    drawing = chart.drawing()
    assert abs(image.width - drawing.width * 150 / 72) <= 2
    assert abs(image.height - drawing.height * 150 / 72) <= 2
    assert round(image.info["dpi"][0]) == 150
    assert chart.png(dpi=150) == data
    # not blank: the chart draws dark ink on white
    grey = image.convert("L")
    assert grey.getextrema()[0] < 80


def test_sami_and_nynorsk(sami_model: Initiative, nynorsk_model: Initiative) -> None:
    sami = {c.key: c for c in plan_charts(sami_model, Language.NB)}
    texts = " ".join(s.text for s in _strings(sami["goal_hierarchy"].drawing()))
    assert "á" in texts
    nn = plan_charts(nynorsk_model, Language.NN)
    titles = " ".join(c.title for c in nn)
    assert "hovudmål" in titles and "finansieringskjelde" in titles
    assert "Framdrift" in titles


def test_activity_plan_charts_per_year(large_model: Initiative) -> None:
    for year in large_model.activity_years():
        charts = activity_plan_charts(large_model, Language.NB, year)
        assert [c.key for c in charts] == [f"budget_by_subprogramme_{year}", f"timeline_{year}"]
        assert str(year) in charts[0].title
    assert activity_plan_charts(large_model, Language.NB, 1999) == []


@pytest.mark.parametrize("primary", ["#0B4F6C", "#FFDD00", "#B5121B", "#FFFFFF", "#000000"])
def test_funding_sources_differ_in_grey_for_black_and_white_print(
    large_model: Initiative, primary: str
) -> None:
    profile = large_model.municipality.profile.model_copy(update={"primary_color": primary})
    municipality = large_model.municipality.model_copy(update={"profile": profile})
    style = chart_style(large_model.model_copy(update={"municipality": municipality}))
    fills = [style.fill(source_fill(s)) for s in FundingSource]
    greys = sorted(_luminance(f.color) for f in fills)
    gaps = [b - a for a, b in pairwise(greys)]
    assert min(gaps) >= 0.12, greys
    # and patterns on top of grey: not colour alone
    assert sum(1 for f in fills if f.hatch) >= 2
    # white text only where the fill is dark enough (contrast)
    dark = style.fill(source_fill(FundingSource.MUNICIPAL))
    assert dark.text == colors.white and _luminance(dark.color) <= 0.13


def test_charts_without_data_are_left_out(large_model: Initiative) -> None:
    bare = large_model.model_copy(
        update={
            "budget_frame": [],
            "activities": [],
            "milestones": [],
            "goals": large_model.goals.model_copy(update={"main_goals": []}),
        }
    )
    keys = [c.key for c in plan_charts(bare, Language.NB)]
    assert keys == ["organisation"]


def test_chart_is_a_plain_value(large_model: Initiative) -> None:
    chart = plan_charts(large_model, Language.NB)[0]
    assert isinstance(chart, Chart)
    assert chart.drawing() is not chart.drawing()  # a fresh drawing each time
