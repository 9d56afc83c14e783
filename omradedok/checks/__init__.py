"""Checks on a model: references, consistency (and, later, the method's success criteria)."""

from __future__ import annotations

from ..errors import Report
from ..model import Initiative
from .case_numbers import case_number_problems
from .consistency import consistency_problems
from .council import council_problems
from .glyphs import glyph_problems
from .references import reference_problems
from .responsibility import responsibility_problems


def validate(model: Initiative) -> Report:
    """Every error and warning about a model that pydantic alone cannot see."""
    report = Report()
    report.extend(reference_problems(model))
    report.extend(consistency_problems(model))
    report.extend(case_number_problems(model))
    report.extend(glyph_problems(model))
    report.extend(responsibility_problems(model))
    report.extend(council_problems(model))
    report.problems.sort(key=lambda p: p.severity != "error")
    return report


__all__ = [
    "case_number_problems",
    "consistency_problems",
    "council_problems",
    "glyph_problems",
    "reference_problems",
    "responsibility_problems",
    "validate",
]
