"""Every problem has a stable code, every code is in the registry and in docs/feilkoder.md."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import EXAMPLE_FILES, ROOT
from corpus.make_corpus import all_cases

import omradedok
from omradedok.error_codes import CODES, markdown_table
from omradedok.errors import InputError, LocatedTemplateError, TemplateError

_CODE = re.compile(r"\b[EW]-[A-Z]+-\d{3}\b")


def _codes_in_package() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "omradedok").rglob("*.py"):
        if path.name == "error_codes.py":
            continue
        found |= set(_CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_used_is_registered_and_every_registered_code_is_used() -> None:
    used = _codes_in_package()
    assert used - CODES.keys() == set()
    assert CODES.keys() - used == set()


def test_codes_are_well_formed_and_warnings_are_w() -> None:
    for code in CODES:
        assert _CODE.fullmatch(code), code


def test_the_documented_table_is_generated_from_the_registry() -> None:
    table = (ROOT / "docs" / "feilkoder.md").read_text(encoding="utf-8")
    assert table == markdown_table(), "run: python -m omradedok.error_codes > docs/feilkoder.md"
    assert set(_CODE.findall(table)) >= CODES.keys()


def test_template_errors_carry_codes() -> None:
    assert TemplateError("x").code == "E-MAL-001"
    assert LocatedTemplateError("x", template="m.docx").code == "E-MAL-002"


def test_every_problem_of_the_corpus_and_the_examples_has_a_registered_code(
    tmp_path: Path,
) -> None:
    problems = []
    for case in all_cases():
        path = tmp_path / case.filename
        path.write_bytes(case.make())
        try:
            problems += omradedok.load_with_report(path).warnings
        except InputError as exc:
            assert exc.problems, case.name
            problems += exc.problems
    for example in EXAMPLE_FILES:
        problems += omradedok.validate(omradedok.load(example)).problems
    assert problems
    uncoded = [str(p) for p in problems if p.code not in CODES]
    assert uncoded == []
    severities = {p.code[0]: p.severity for p in problems}
    assert all((p.code[0] == "E") == (p.severity == "error") for p in problems), severities
