"""``validate --format json``: every problem as data (code, severity, file, line or cell, field
path, message) plus a summary; exit code as for text output; every entry names its file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from corpus.make_corpus import all_cases, starter

from omradedok.cli import main
from omradedok.error_codes import CODES


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["validate", "--format", "json", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, json.loads(captured.out)


def test_warnings_only_exits_zero_and_lists_the_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(starter().replace("end_year: 2031", "end_year: 2027"), encoding="utf-8")
    code, data = _run([str(plan)], capsys)
    assert code == 0
    (entry,) = data["files"]
    assert entry["valid"] is True and entry["file"] == str(plan)
    (warning,) = [p for p in entry["problems"] if p["code"] == "W-KONS-001"]
    assert warning["severity"] == "warning"
    assert warning["file"] == str(plan)
    assert isinstance(warning["line"], int) and warning["path"] == "period"
    assert "perioden 2026–2027 er 2 år" in warning["message"]
    assert data["summary"]["warnings"] >= 1 and data["summary"]["invalid"] == 0


def test_several_files_each_entry_names_its_file_and_the_exit_code_is_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_yaml = tmp_path / "feil.yaml"
    bad_yaml.write_text(
        starter().replace("sub_goal_ids: [DM1.1]", "sub_goal_ids: [DM9]", 1), encoding="utf-8"
    )
    assert "DM9" in bad_yaml.read_text(encoding="utf-8")
    case = next(c for c in all_cases() if c.name == "xlsx-money-text")
    book = tmp_path / case.filename
    book.write_bytes(case.make())
    good = tmp_path / "god.yaml"
    good.write_text(starter(), encoding="utf-8")
    code, data = _run([str(bad_yaml), str(book), str(good)], capsys)
    assert code == 1
    assert [f["file"] for f in data["files"]] == [str(bad_yaml), str(book), str(good)]
    assert [f["valid"] for f in data["files"]] == [False, False, True]
    for entry in data["files"]:
        for problem in entry["problems"]:
            assert problem["file"] == entry["file"]
            assert problem["code"] in CODES
            assert problem["message"]
    reference = [p for p in data["files"][0]["problems"] if p["code"] == "E-REF-001"]
    assert reference and isinstance(reference[0]["line"], int)
    assert reference[0]["path"].startswith("activities[0].sub_goal_ids")
    cells = [p["cell"] for p in data["files"][1]["problems"] if p["severity"] == "error"]
    assert cells and all(c is None or "!" in c for c in cells)
    assert any(c and re.fullmatch(r"[A-ZÆØÅa-zæøå]+![A-Z]+\d+", c) for c in cells)
    assert data["summary"] == {
        "files": 3,
        "valid": 1,
        "invalid": 2,
        "errors": sum(1 for f in data["files"] for p in f["problems"] if p["severity"] == "error"),
        "warnings": sum(
            1 for f in data["files"] for p in f["problems"] if p["severity"] == "warning"
        ),
    }


def test_unreadable_file_is_an_entry_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = _run([str(tmp_path / "mangler.yaml")], capsys)
    assert code == 1
    (problem,) = data["files"][0]["problems"]
    assert problem["code"] == "E-FIL-001" and problem["severity"] == "error"
