"""Every case of the bad-input corpus (tests/corpus/make_corpus.py): ``validate`` and
``build`` exit non-zero, print no traceback, name the file and the line or cell, and write
nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus.make_corpus import Case, all_cases

from omradedok.cli import main

CASES = all_cases()


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 80
    assert {c.filename.rsplit(".", 1)[1] for c in CASES} >= {"yaml", "json", "xlsx"}
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_refused_cleanly(
    tmp_path: Path, case: Case, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.make())
    assert main(["validate", str(path)]) == 1
    checked = capsys.readouterr()
    output = checked.out + checked.err
    assert "Traceback" not in output
    assert re.search(case.where, output), output[:2000]
    out = tmp_path / "dokumenter"
    assert main(["build", str(path), "-o", str(out)]) not in (0, None)
    built = capsys.readouterr()
    output = built.out + built.err
    assert "Traceback" not in output
    assert re.search(case.where, output), output[:2000]
    assert not out.exists() or not any(out.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == [case.filename]
