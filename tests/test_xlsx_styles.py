"""Cheap styling in our workbooks: repeated constants by identity, equal objects still shared."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from openpyxl.styles import Font

from omradedok.render import xlsx


def test_repeated_and_equal_styles_share_one_entry() -> None:
    wb = xlsx.new_workbook()
    assert all(isinstance(getattr(wb, n), xlsx._IdentityIndex) for n in xlsx._STYLE_LISTS)
    ws = wb.active
    bold = Font(name="Calibri", bold=True)
    for row in range(1, 201):
        ws.cell(row, 1, "x").font = bold  # the same object: answered by identity
        ws.cell(row, 2, "y").font = Font(name="Calibri", bold=True)  # equal, new object
    ws.cell(1, 3, "z").font = Font(name="Calibri", italic=True)
    assert len({c._style.fontId for col in ("A", "B") for c in ws[col]}) == 1
    out = io.BytesIO()
    wb.save(out)
    again = load_workbook(io.BytesIO(out.getvalue())).active
    assert again["A200"].font.b and again["B200"].font.b and not again["A200"].font.i
    assert again["C1"].font.i and not again["C1"].font.b
    ids = {again.cell(r, c)._style.fontId for r in range(1, 201) for c in (1, 2)}
    assert len(ids) == 1  # one font record serves all 400 cells
