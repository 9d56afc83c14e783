"""The CLI's model commands: exit codes, messages, and that it is a thin layer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LARGE_EXAMPLE

import omradedok
from omradedok.cli import main


def test_validate_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(LARGE_EXAMPLE)]) == 0
    assert f"gyldig: {LARGE_EXAMPLE}" in capsys.readouterr().out


def test_validate_prints_warnings_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    starter = tmp_path / "plan.yaml"
    assert main(["new", "-o", str(starter)]) == 0
    starter.write_text(
        starter.read_text(encoding="utf-8").replace("end_year: 2031", "end_year: 2027"),
        encoding="utf-8",
    )
    assert main(["validate", str(starter)]) == 0
    captured = capsys.readouterr()
    assert "advarsel[W-KONS-001]:" in captured.err and "perioden 2026–2027 er 2 år" in captured.err
    assert "(1 advarsler)" in captured.out


def test_validate_invalid_exits_one_and_checks_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    assert main(["validate", str(LARGE_EXAMPLE), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "gyldig:" in captured.out
    assert f"feil[E-YAML-001]: {bad}:2: ugyldig YAML" in captured.err
    assert "1 av 2 filer er ugyldige." in captured.err
    assert "Traceback" not in captured.err


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert main(["no-such-command"]) == 2
    assert "ukjent kommando «no-such-command»" in capsys.readouterr().err


def test_schema_command_writes_schema(tmp_path: Path) -> None:
    assert main(["schema", "-o", str(tmp_path)]) == 0
    schema = json.loads((tmp_path / "initiative.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].endswith("2020-12/schema")
    assert "Activity" in schema["$defs"]


def test_new_writes_a_valid_commented_starter(tmp_path: Path) -> None:
    target = tmp_path / "ny.yaml"
    assert main(["new", "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Startfil for en områdesatsing")
    model = omradedok.load(target)
    assert model.title == "Områdeløft Eksempelbyen"
    assert main(["new", "-o", str(target)]) == 1  # never overwrites silently


def test_build_rejects_unknown_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(LARGE_EXAMPLE), "-o", str(tmp_path), "--only", "plakat"]) == 1
    err = capsys.readouterr().err
    assert "feil: ukjent dokumenttype: plakat; velg blant" in err
    assert list(tmp_path.iterdir()) == []


def test_installed_entry_point_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "omradedok", "validate", str(LARGE_EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "gyldig" in proc.stdout
