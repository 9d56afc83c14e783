"""``validate --format json``: the problems of every file as data, for other tools.

One object: ``files`` (per file: whether it is valid and its problems) and ``summary``.
Each problem names its file, so a multi-file run can be read without the order of lines.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import InputError, OmradedokError, Problem, format_path

_LINE = re.compile(r"^(?P<file>.*):(?P<line>\d+)$")
_CELL = re.compile(r"^(?:\[(?P<book>[^\]]*)\])?(?P<cell>[^!\[\]]+![A-Z]+\d+)$")


def problem_record(problem: Problem, file: str) -> dict[str, Any]:
    """One problem as a JSON object: code, severity, file, line or cell, field path, message."""
    location = problem.location
    line: int | None = None
    cell: str | None = None
    match = _LINE.match(location)
    if match and match["file"] == file:
        line = int(match["line"])
    else:
        cell_match = _CELL.match(location)
        if cell_match:
            cell = cell_match["cell"]
    return {
        "code": problem.code or None,
        "severity": problem.severity,
        "file": file,
        "line": line,
        "cell": cell,
        "location": location or file,
        "path": format_path(problem.path) or None,
        "message": problem.message,
    }


def error_records(error: OmradedokError, file: str) -> list[dict[str, Any]]:
    if isinstance(error, InputError):
        return [problem_record(p, file) for p in error.problems]
    code = getattr(error, "code", "")
    return [
        {
            "code": code or None,
            "severity": "error",
            "file": file,
            "line": None,
            "cell": None,
            "location": file,
            "path": None,
            "message": str(error),
        }
    ]


def report(files: list[dict[str, Any]]) -> str:
    problems = [p for f in files for p in f["problems"]]
    summary = {
        "files": len(files),
        "valid": sum(1 for f in files if f["valid"]),
        "invalid": sum(1 for f in files if not f["valid"]),
        "errors": sum(1 for p in problems if p["severity"] == "error"),
        "warnings": sum(1 for p in problems if p["severity"] == "warning"),
    }
    return json.dumps({"files": files, "summary": summary}, ensure_ascii=False, indent=2)


__all__ = ["error_records", "problem_record", "report"]
