"""The batch and check commands: exit codes, plain lines off a terminal, --quiet, reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES, NYNORSK_EXAMPLE, SAMI_EXAMPLE
from docx import Document
from test_batch import broken_input, frozen_fingerprint, write_input  # noqa: F401

from omradedok.batch import MANIFEST_NAME
from omradedok.cli import main
from omradedok.documents import registry

EMPTY_PLAN = """\
schema_version: 2
title: Områdeløft Tomt
municipality: {name: Tom kommune, number: "1234"}
area: {name: Tomteby}
period: {start_year: 2026, end_year: 2027}
document: {status: draft, date: 2026-01-05}
"""


@pytest.fixture(scope="module")
def kind() -> str:
    names = registry.kind_names()
    for preferred in ("rollematrise", "samarbeidsavtale", "kommunikasjonsplan"):
        if preferred in names:
            return preferred
    if not names:
        pytest.skip("ingen dokumenttyper er registrert ennå")
    return names[0]


# -- batch ------------------------------------------------------------------------------------


def test_batch_with_a_broken_input_exits_one_and_names_it(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "inn"
    write_input(inputs, "alfa.yaml", "Alfa")
    broken = broken_input(inputs)
    out = tmp_path / "ut"
    code = main(["batch", str(inputs), "-o", str(out), "-j", "1", "--only", kind])
    captured = capsys.readouterr()
    assert code == 1
    # not a terminal: one plain line per area, no progress bar
    assert f"[1/2] bygget: alfa ({inputs / 'alfa.yaml'}, " in captured.out
    assert "2 områder: 1 bygget, 0 uendret, 1 feilet." in captured.out
    assert f"[2/2] feil: {broken}: " in captured.err
    # the summary repeats every failure with its whole error
    assert f"feil: {broken}: 1 feil" in captured.err
    assert "sluttår 2020 er før startår 2026; bytt om årene" in captured.err
    assert "Traceback" not in captured.err
    entries = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["areas"]
    assert [e["status"] for e in entries] == ["built", "failed"]
    assert "sluttår 2020 er før startår 2026" in entries[1]["error"]


@pytest.mark.usefixtures("frozen_fingerprint")
def test_batch_incremental_and_quiet(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
    out = tmp_path / "ut"
    assert main(["batch", str(alfa), "-o", str(out), "-j", "1", "--only", kind, "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    args = ["batch", str(alfa), "-o", str(out), "-j", "1", "--only", kind, "--incremental"]
    assert main(args) == 0
    captured = capsys.readouterr().out
    assert "[1/1] uendret, hoppet over: alfa" in captured
    assert "1 område: 0 bygget, 1 uendret, 0 feilet." in captured
    assert "(" + str(alfa) + ", 1 fil)" in captured


def test_batch_quiet_still_reports_failures(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = broken_input(tmp_path / "inn")
    out = tmp_path / "ut"
    assert main(["batch", str(broken), "-o", str(out), "--only", kind, "-q"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"feil: {broken}: " in captured.err


def test_batch_unknown_kind_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(SAMI_EXAMPLE), "-o", str(tmp_path), "--only", "plakat"]) == 1
    assert "ukjent dokumenttype: plakat" in capsys.readouterr().err


# -- check ------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_check_examples_table(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(example), "--strict"]) == 0
    out = capsys.readouterr().out
    # not a terminal: plain lines, one criterion per heading line
    assert out.startswith("1. Geografisk avgrens")
    assert "\n10. Effekt" in out
    assert out.count(": Oppfylt\n") == 10
    assert out.endswith("10 oppfylt, 0 delvis, 0 mangler\n") or out.endswith(
        "10 oppfylt, 0 delvis, 0 manglar\n"
    )


def test_check_strict_fails_when_a_criterion_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "tomt.yaml"
    plan.write_text(EMPTY_PLAN, encoding="utf-8")
    assert main(["check", str(plan)]) == 0
    captured = capsys.readouterr()
    assert "0 oppfylt, 1 delvis, 6 mangler, 3 kan ikke vurderes" in captured.out
    assert "1. Geografisk avgrenset: Mangler\n" in captured.out
    assert "   - Bare områdenavnet «Tomteby»; ingen grense og ingen grunnkretser\n" in captured.out
    assert "advarsel" in captured.err and "minst 3" in captured.err  # consistency warning
    assert main(["check", str(plan), "--strict"]) == 1


def test_check_json_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NYNORSK_EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "nn"
    assert data["summary"] == {"met": 10, "partly": 0, "missing": 0, "unknown": 0}
    # Elvebakken is an older programme: its knowledge base is from 2011–2012
    assert data["criteria"][6]["evidence"][0].startswith("6 kjelder frå 2011–2012")


def test_check_markdown_and_docx_files(tmp_path: Path) -> None:
    md = tmp_path / "kriterier.md"
    assert main(["check", str(SAMI_EXAMPLE), "-o", str(md)]) == 0
    assert md.read_text(encoding="utf-8").startswith(
        "# Suksesskriterier: Områdeløft Guovdageaidnu – Báikegoddi ovttas"
    )
    docx = tmp_path / "kriterier.docx"
    assert main(["check", str(SAMI_EXAMPLE), "--format", "docx", "-o", str(docx)]) == 0
    document = Document(str(docx))
    assert document.core_properties.language == "nb-NO"
    assert document.paragraphs[0].text == (
        "Suksesskriterier: Områdeløft Guovdageaidnu – Báikegoddi ovttas"
    )
    first = docx.read_bytes()
    assert main(["check", str(SAMI_EXAMPLE), "-o", str(docx)]) == 0  # format from the suffix
    assert docx.read_bytes() == first


def test_check_format_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SAMI_EXAMPLE), "--format", "docx"]) == 1
    assert "må skrives til en fil" in capsys.readouterr().err
    assert main(["check", str(SAMI_EXAMPLE), "--format", "table", "-o", str(tmp_path / "x")]) == 1
    assert "bare på skjermen" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "finnes-ikke.yaml")]) == 1
    assert "filen finnes ikke" in capsys.readouterr().err
