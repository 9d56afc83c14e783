"""Input limits and malformed values: JSON, file size, and workbooks (zip bombs, formatted
rows, formulas without a value, merged cells) – each a located Norwegian error, never a
traceback, a hang or a silent coercion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import NYNORSK_EXAMPLE
from corpus.xlsx_mutations import (
    formatted_rows,
    formula_without_value,
    merge_cells,
    sheet_part,
    zip_bomb,
)
from openpyxl import load_workbook

import omradedok
from omradedok.errors import InputError
from omradedok.io import dumps_json
from omradedok.io.workbook import export_bytes
from omradedok.io.workbook_read import WorkbookReader, open_workbook


def _messages(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        omradedok.load(path)
    return [str(p) for p in caught.value.errors]


@pytest.fixture(scope="module")
def model() -> omradedok.Initiative:
    return omradedok.load(NYNORSK_EXAMPLE)


@pytest.fixture(scope="module")
def workbook(model: omradedok.Initiative) -> bytes:
    return export_bytes(model, "nb")


def test_json_duplicate_key_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{\n  "title": "a",\n  "phase": 2,\n  "title": "b"\n}\n', encoding="utf-8")
    assert _messages(path) == [
        f"{path}:4: nøkkelen «title» står to ganger i samme objekt; fjern den ene"
    ]


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_refused(tmp_path: Path, token: str) -> None:
    path = tmp_path / "nan.json"
    path.write_text('{\n  "title": "a",\n  "phase": ' + token + "\n}\n", encoding="utf-8")
    assert _messages(path) == [
        f"{path}:3: {token} er ikke et tall JSON tillater; skriv et vanlig tall eller fjern feltet"
    ]


@pytest.mark.parametrize("depth", [100, 100_000])
def test_json_deep_nesting_is_an_error(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"title": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    (message,) = _messages(path)
    assert "filen er nestet dypere enn 64 nivåer" in message


def test_json_huge_integer_is_an_error(tmp_path: Path, model: omradedok.Initiative) -> None:
    data = json.loads(dumps_json(model))
    path = tmp_path / "big.json"
    data["area"]["population"] = 1
    path.write_text(
        json.dumps(data, indent=2).replace('"population": 1', '"population": ' + "1" * 5000),
        encoding="utf-8",
    )
    (message,) = _messages(path)
    assert message.startswith(f"{path}:") and "tallet har 5000 sifre" in message


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".xlsx"])
def test_input_larger_than_the_limit_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
    model: omradedok.Initiative,
    workbook: bytes,
) -> None:
    path = tmp_path / f"plan{suffix}"
    if suffix == ".xlsx":
        path.write_bytes(workbook)
    else:
        path.write_text(
            omradedok.dumps_yaml(model) if suffix == ".yaml" else dumps_json(model),
            encoding="utf-8",
        )
    monkeypatch.setenv("OMRADEDOK_MAX_INPUT_MB", "0.001")
    (message,) = _messages(path)
    assert message.startswith(f"{path}: filen er ")
    assert "største tillatte inndatafil er 0.001 MB" in message
    assert "OMRADEDOK_MAX_INPUT_MB" in message
    monkeypatch.setenv("OMRADEDOK_MAX_INPUT_MB", "50")
    omradedok.load(path)


def test_zip_bomb_workbook_is_refused_before_it_is_opened(tmp_path: Path, workbook: bytes) -> None:
    path = tmp_path / "bombe.xlsx"
    path.write_bytes(zip_bomb(workbook, megabytes=300))
    assert path.stat().st_size < 2 * 1024 * 1024
    (message,) = _messages(path)
    assert message.startswith(f"{path}: delen «xl/media/padding.bin» pakkes ut til 300 MB")


def test_million_formatted_rows_are_not_read(tmp_path: Path, workbook: bytes) -> None:
    path = tmp_path / "rader.xlsx"
    path.write_bytes(formatted_rows(workbook, "Aktiviteter"))
    wb = open_workbook(path)
    try:
        reader = WorkbookReader(wb, str(path))
        reader.scan()
        rows = reader._rows("Aktiviteter")
    finally:
        wb.close()
    assert 3 < len(rows) < 200  # the header and the activities; not a million empty rows
    assert omradedok.load(path).activities  # and the workbook is valid


def _cell_of(raw: bytes, sheet: str, label: str) -> str:
    wb = load_workbook(__import__("io").BytesIO(raw), read_only=False)
    ws = wb[sheet]
    for cell in ws[3]:
        if cell.value == label:
            return f"{cell.column_letter}4"
    raise AssertionError(label)


def test_formula_without_a_stored_value_names_the_cell(tmp_path: Path, workbook: bytes) -> None:
    cell = _cell_of(workbook, "Aktiviteter", "Kommunale midler")
    path = tmp_path / "formel.xlsx"
    path.write_bytes(formula_without_value(workbook, "Aktiviteter", cell, "40000*2"))
    assert sheet_part(workbook, "Aktiviteter").startswith("xl/worksheets/")
    messages = _messages(path)
    assert messages == [
        f"[{path}]Aktiviteter!{cell}: cellen Aktiviteter!{cell} i {path} har en formel uten lagret "
        "resultat (filen er laget av et program som ikke regner ut formler); åpne og lagre "
        "filen i Excel eller LibreOffice, eller skriv verdien inn i stedet for formelen"
    ]


def test_merged_cells_are_named_as_merged(tmp_path: Path, workbook: bytes) -> None:
    cell = _cell_of(workbook, "Aktiviteter", "Kommunale midler")
    column = cell[:-1]
    before = chr(ord(column) - 1)
    path = tmp_path / "flettet.xlsx"
    path.write_bytes(merge_cells(workbook, "Aktiviteter", f"{before}4:{column}4"))
    messages = _messages(path)
    assert (
        f"Aktiviteter!{cell}: cellen er en del av de sammenslåtte cellene {before}4:{cell}"
        in (messages[0])
    )
    assert not any("feltet mangler" in m for m in messages)
