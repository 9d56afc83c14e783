"""One header-colour policy: a light primary colour is darkened to 4.5:1 under white header
text in the DOCX, the XLSX and the PDF alike (reopened with python-docx, openpyxl, pypdf)."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

import omradedok
from omradedok.model import Initiative
from omradedok.render.colors import contrast_ratio, header_fill, luminance

YELLOW = "#FFDD00"


@pytest.fixture(scope="module")
def yellow_model(nynorsk_model: Initiative) -> Initiative:
    m = nynorsk_model.municipality
    profile = m.profile.model_copy(update={"primary_color": YELLOW})
    return nynorsk_model.model_copy(
        update={"municipality": m.model_copy(update={"profile": profile})}
    )


def test_policy_darkens_only_what_lacks_contrast() -> None:
    fill, text = header_fill(YELLOW)
    assert (fill, text) == ("#847200", "#FFFFFF")
    assert contrast_ratio(YELLOW, text) < 1.4  # what the XLSX printed before
    assert contrast_ratio(fill, text) >= 4.5
    for dark in ("#0B4F6C", "#2E5E4E", "#B5121B"):  # the examples' colours stay as they are
        assert header_fill(dark)[0] == dark
    for colour in ("#FFFFFF", "#D9822B", "#888888", "#5B7F95"):
        fill, text = header_fill(colour)
        assert contrast_ratio(fill, text) >= 4.5
        assert luminance(fill) <= luminance(colour)


def test_xlsx_header_cells(yellow_model: Initiative) -> None:
    year = yellow_model.activity_years()[0]
    data = omradedok.render(yellow_model, "aktivitetsplan", format="xlsx", year=year)
    wb = load_workbook(io.BytesIO(data))
    checked = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.font is not None and cell.font.bold and cell.fill.fill_type == "solid":
                    fill = "#" + str(cell.fill.start_color.rgb)[-6:]
                    if fill.upper() in ("#FFDD00", "#847200"):
                        ink = "#" + str(cell.font.color.rgb)[-6:]
                        assert fill.upper() == "#847200", (ws.title, cell.coordinate)
                        assert contrast_ratio(fill, ink) >= 4.5
                        checked += 1
    assert checked >= 10


def test_docx_header_cells(yellow_model: Initiative) -> None:
    year = yellow_model.activity_years()[0]
    data = omradedok.render(yellow_model, "aktivitetsplan", format="docx", year=year)
    doc = Document(io.BytesIO(data))
    fills = set()
    for table in doc.tables:
        for row in table.rows:
            tr_pr = row._tr.trPr
            if tr_pr is None or tr_pr.find(qn("w:tblHeader")) is None:
                continue
            for tc in row._tr.tc_lst:
                shd = tc.tcPr.find(qn("w:shd")) if tc.tcPr is not None else None
                if shd is not None:
                    fills.add(shd.get(qn("w:fill")).upper())
    assert fills == {"847200"}


def test_pdf_header_cells(yellow_model: Initiative) -> None:
    year = yellow_model.activity_years()[0]
    data = omradedok.render(yellow_model, "aktivitetsplan", format="pdf", year=year)
    reader = PdfReader(io.BytesIO(data))
    stream = b"".join(page.get_contents().get_data() for page in reader.pages)  # type: ignore[union-attr]
    fills = set(re.findall(rb"([\d.]+ [\d.]+ [\d.]+) rg", stream))
    assert b".517647 .447059 0" in fills  # #847200, the header fill
    assert b"1 .866667 0" not in fills  # the raw yellow nowhere
