"""Rounded amounts round halves up, the same way in text, DOCX templates, charts and the PDF."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from docx import Document
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, Group, String

import omradedok
from omradedok.documents.chart_data import plan_charts
from omradedok.locale import (
    format_millions,
    format_number,
    millions,
    round_half_up,
    rounded_note,
    rounding_shows,
)
from omradedok.locale.format import NBSP
from omradedok.model import Initiative, Language
from omradedok.render.docx import DocMeta, render_docx
from omradedok.render.docx_styles import TemplateKit

MILL = f"{NBSP}mill.{NBSP}kr"


def test_halves_round_up() -> None:
    assert format_millions(3_450_000) == f"3,5{MILL}"
    assert format_millions(2_950_000) == f"3,0{MILL}"
    assert format_millions(1_250_000, Language.NN) == f"1,3{MILL}"
    assert format_millions(1_249_999) == f"1,2{MILL}"
    assert format_millions(-3_450_000) == f"-3,5{MILL}"
    assert millions(3_450_000) == Decimal("3.5")
    assert format_number(2.5, decimals=0) == "3"
    assert format_number(0.125, decimals=2) == "0,13"
    assert format_number(3_450_000 / 1_000_000, decimals=1) == "3,5"
    assert round_half_up(Decimal("0.05"), 1) == Decimal("0.1")


def test_rounded_total_is_flagged_only_when_parts_do_not_add_up() -> None:
    # 3,5 + 3,0 = 6,5 next to a total of 6,4
    assert rounding_shows([3_450_000, 2_950_000], 6_400_000)
    assert not rounding_shows([3_400_000, 3_000_000], 6_400_000)
    assert "avrundet" in rounded_note(Language.NB)
    assert "avrunda" in rounded_note(Language.NN)


def _model(large_model: Initiative) -> Initiative:
    data = large_model.model_dump()
    data["budget_frame"] = [
        {"year": 2026, "municipal": 3_450_000, "state": 2_950_000, "other": 0, "carried_over": 0}
    ]
    return Initiative.model_validate(data)


def _strings(node: Drawing | Group) -> list[str]:
    out: list[str] = []
    for item in node.contents:
        if isinstance(item, String):
            out.append(item.text)
        elif isinstance(item, Group):
            out += _strings(item)
    return out


def test_chart_labels_round_half_up(large_model: Initiative) -> None:
    chart = next(
        c for c in plan_charts(_model(large_model), Language.NB) if c.key == "budget_by_year"
    )
    labels = _strings(chart.drawing())
    assert "3,5" in labels and "3,0" in labels
    assert "3,4" not in labels
    assert f"6,4{MILL}" in labels  # the bar's total
    assert f"3,5{MILL}" in chart.alt_text and f"3,0{MILL}" in chart.alt_text
    # 3,5 + 3,0 next to 6,4: the caption and the alt text say the figures are rounded
    assert chart.title.endswith(rounded_note(Language.NB))
    assert chart.alt_text.endswith(rounded_note(Language.NB))


def test_no_rounding_note_when_parts_add_up(large_model: Initiative) -> None:
    def kroner(amount: Any) -> int:  # the example's frame amounts are exact figures
        assert amount.low == amount.high
        return int(amount.low or 0)

    frames = large_model.budget_frame
    assert not any(
        rounding_shows(
            [kroner(b.municipal), kroner(b.state), kroner(b.other), kroner(b.carried_over)],
            kroner(b.total),
        )
        for b in frames
    )
    chart = next(c for c in plan_charts(large_model, Language.NB) if c.key == "budget_by_year")
    assert rounded_note(Language.NB) not in chart.title + chart.alt_text


def test_pdf_text_rounds_half_up(large_model: Initiative, tmp_path: Path) -> None:
    result = omradedok.build(_model(large_model), tmp_path, only=["handlingsplan-pdf"])
    pdf = next(p for p in result.paths if p.suffix == ".pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "3,5" in text and "3,0" in text
    assert "3,4" not in text.replace(NBSP, " ")
    assert "Beløpene er avrundet hver for seg" in " ".join(text.split())


def test_docx_millions_filter_rounds_half_up(tmp_path: Path) -> None:
    import datetime as dt

    kit = TemplateKit(title="Prøvemal")
    kit.paragraph("Kommunen {{ a|millions }}, staten {{ b|millions }}.")
    folder = tmp_path / "maler"
    folder.mkdir()
    kit.save(folder / "belop.docx")
    meta = DocMeta(
        title="Prøve",
        subject="Prøve",
        author="Prøve kommune",
        keywords=("prøve",),
        category="Prøve",
        status="Utkast",
        version="0.1",
        date=dt.date(2026, 1, 5),
        language=Language.NB,
    )
    data = render_docx(
        "belop.docx",
        {"header_text": "Prøve", "status_banner": "", "a": 3_450_000, "b": 2_950_000},
        meta=meta,
        template_dir=folder,
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert f"Kommunen 3,5{MILL}, staten 3,0{MILL}." in text
