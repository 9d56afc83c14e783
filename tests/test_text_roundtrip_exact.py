"""Texts come back unchanged through `workbook export` → `import` and the YAML import writes.

Two ways texts used to change: an OOXML-escape-like run (``Kode _x0041_x0042_``) came back as
``Kode _x0041B`` (overlapping runs were escaped only once), and YAML folded at width 100 could
put a line break right after a tab (``'zzz\\tq'`` read back as ``'zzz\\t q'``).
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import omradedok
from omradedok.cli import app
from omradedok.io import dumps_yaml
from omradedok.io.textfile import parse_yaml
from omradedok.io.workbook import export_bytes
from omradedok.io.workbook_read import open_workbook
from omradedok.io.workbook_values import Kind, from_cell, to_cell
from omradedok.model import Initiative, Language
from omradedok.render.xlsx import excel_text, new_workbook, put, text_from_excel

STARTER = Path(omradedok.__file__).parent / "starter.yaml"

_PIECES = st.sampled_from(
    [
        "_x",
        "_x0041_",
        "_x0041_x0042_",
        "_x005F_",
        "_x000D_",
        "\t",
        "\n",
        " ",
        "zzz",
        "q",
        "x",
        "_",
        "0041",
        "Kode ",
        "æøå",
        "\u00a0",
        "  ",
        "a" * 120,
    ]
)
_WORDS = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs"), max_codepoint=0x2FFF),
    max_size=15,
)
texts = (
    st.lists(_PIECES | _WORDS, min_size=1, max_size=25)
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


def _with_text(model: Initiative, text: str) -> Initiative:
    changed = model.model_copy(deep=True)
    changed.area.description = text
    changed.activities[0].description = text
    return changed


def test_the_issue_s_examples_survive_export_and_import(
    tmp_path: Path, nynorsk_model: Initiative
) -> None:
    runner = CliRunner()
    model = _with_text(nynorsk_model, "Kode _x0041_x0042_ og " + "zzz\tq " * 40)
    source = tmp_path / "plan.yaml"
    source.write_text(dumps_yaml(model), encoding="utf-8")
    for args in (
        ["export", str(source), "-o", str(tmp_path / "plan.xlsx")],
        ["import", str(tmp_path / "plan.xlsx"), "-o", str(tmp_path / "tilbake.yaml")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    again = omradedok.load(tmp_path / "tilbake.yaml")
    assert again.area.description == model.area.description
    assert again.activities[0].description == model.activities[0].description
    assert again == model


def test_overlapping_escape_like_runs_are_each_escaped() -> None:
    stored = excel_text("Kode _x0041_x0042_")
    assert stored == "Kode _x005F_x0041_x005F_x0042_"
    assert text_from_excel(stored) == "Kode _x0041_x0042_"


def _through_one_cell(text: str) -> object:
    """The text the way the input workbook writes and reads one text cell, with a real save."""
    workbook = new_workbook()
    put(workbook.active["A1"], to_cell(Kind.TEXT, text, Language.NB))
    buffer = io.BytesIO()
    workbook.save(buffer)
    opened = open_workbook(buffer.getvalue(), "prøve.xlsx")
    try:
        raw = next(opened.worksheets[0].iter_rows(values_only=True))[0]
    finally:
        opened.close()
    return from_cell(Kind.TEXT, raw, Language.NB)


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_random_texts_round_trip_through_a_workbook_cell_and_yaml(text: str) -> None:
    assert _through_one_cell(text) == text
    model = _with_text(_starter(), text)
    parsed = parse_yaml(dumps_yaml(model), "tilbake.yaml").data
    assert parsed["area"]["description"] == text
    assert parsed["activities"][0]["description"] == text


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts)
def test_random_texts_round_trip_through_export_and_import(tmp_path: Path, text: str) -> None:
    """The whole path of the CLI (export_bytes, load of the workbook, dumps_yaml, load)."""
    model = _with_text(_starter(), text)
    workbook = tmp_path / "plan.xlsx"
    workbook.write_bytes(export_bytes(model))
    from_workbook = omradedok.load(workbook)
    written = tmp_path / "plan.yaml"
    written.write_text(dumps_yaml(from_workbook), encoding="utf-8")
    from_yaml = omradedok.load(written)
    for again in (from_workbook, from_yaml):
        assert again.area.description == text
        assert again.activities[0].description == text


@functools.cache
def _starter() -> Initiative:
    return omradedok.load(STARTER)
