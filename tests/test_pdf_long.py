"""A long table is laid out a page at a time (``render/pdf_long``, linear instead of n²): the
PDF is byte for byte the one reportlab makes from the whole table – rows split between and
inside rows, repeated header, zebra rows, sub-headings, a sum row, and a table without a
repeated header."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader
from view_samples import SAMPLE

from omradedok.render import pdf_long
from omradedok.render.pdf_body import render_pdf_body
from omradedok.view import Cell, Column, Row, Section, Table

LONG_TEXT = " ".join(["Tiltaket gjennomføres i samarbeid med nærmiljøet og frivillige lag."] * 40)


def _rows(count: int) -> tuple[Row, ...]:
    rows: list[Row] = []
    for i in range(count):
        if i % 97 == 0:
            rows.append(
                Row((Cell(f"Innsatsområde {i // 97 + 1}"), Cell(""), Cell("")), "subheading")
            )
        text = LONG_TEXT if i % 23 == 5 else f"Aktivitet {i + 1}"
        rows.append(Row((Cell(f"{i + 1}."), Cell(text), Cell(f"{(i + 1) * 1000} kr"))))
    rows.append(Row((Cell("Sum"), Cell(""), Cell("1 kr")), "sum"))
    return tuple(rows)


def _document(repeat_header: bool) -> object:
    table = Table(
        (Column("Nr."), Column("Aktivitet"), Column("Beløp")),
        (Row((Cell("Nr."), Cell("Aktivitet"), Cell("Beløp")), "header"), *_rows(520)),
        repeat_header=repeat_header,
    )
    return dataclasses.replace(SAMPLE, body=(Section("Lang tabell", children=(table,)),))


@pytest.mark.parametrize("repeat_header", [True, False])
def test_long_table_pdf_equals_the_whole_table(
    repeat_header: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document(repeat_header)
    windowed = render_pdf_body(document)  # type: ignore[arg-type]
    monkeypatch.setattr(pdf_long, "LONG", 10**9)
    from omradedok.render import pdf_body

    monkeypatch.setattr(pdf_body, "LONG", 10**9)
    whole = render_pdf_body(document)  # type: ignore[arg-type]
    pages = PdfReader(io.BytesIO(whole)).pages
    assert len(pages) > 10
    text = "".join(page.extract_text() for page in pages)
    assert "Aktivitet 520" in text and text.count("Tiltaket gjennomføres") >= 20
    assert "forts." in text  # some rows split inside across pages
    assert windowed == whole
