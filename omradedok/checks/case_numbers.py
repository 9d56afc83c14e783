"""Case numbers as municipalities write them: any common form is accepted as typed; a form
that looks unusual is a warning (a typo is likelier than a new numbering), never a refusal.

Common forms: «2024/1234» (year/sequence), «24/00123-4» (arkivsak with document number),
«PS 0123/17» (politisk sak), «sak 178/13», «byrådssak 1234/13», «FSK-sak 12/26».
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import PathPart, Problem
from ..model import Initiative
from ..model.plan import Decision

Path = tuple[PathPart, ...]

COMMON_FORMS = ("2024/1234", "PS 0123/17", "sak 178/13", "byrådssak 1234/13", "24/00123-4")

_COMMON = re.compile(
    r"^(?:[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå\-]*\.?\s*(?:nr\.?\s*)?)?"  # «PS», «sak», «byrådssak», «Sak nr.»
    r"\d{1,6}\s*/\s*\d{1,6}(?:\s*-\s*\d{1,4})?$"
)


def looks_common(case_number: str) -> bool:
    """Whether ``case_number`` has one of the usual Norwegian forms (empty counts as fine)."""
    text = " ".join(case_number.split())
    return not text or _COMMON.match(text) is not None


def _decisions(model: Initiative) -> Iterator[tuple[Path, Decision]]:
    if model.document.decision is not None:
        yield ("document", "decision"), model.document.decision
    for d, doc in enumerate(model.document.plan_documents):
        if doc.decision is not None:
            yield ("document", "plan_documents", d, "decision"), doc.decision
    for a, decision in enumerate(model.anchoring):
        yield ("anchoring", a), decision


def case_number_problems(model: Initiative) -> list[Problem]:
    """A warning for every case number whose form looks unusual."""
    found: list[tuple[Path, str]] = [
        ((*path, "case_number"), decision.case_number) for path, decision in _decisions(model)
    ]
    if model.council_case is not None:
        found += [
            (("council_case", "route", r, "case_number"), step.case_number)
            for r, step in enumerate(model.council_case.route)
        ]
    forms = ", ".join(f"«{f}»" for f in COMMON_FORMS)
    return [
        Problem(
            "warning",
            f"saksnummeret «{number.strip()}» har en uvanlig form; vanlige former er {forms}. "
            "Det skrives ut slik det står – sjekk at det er skrevet som i saken",
            path,
            code="W-SAK-005",
        )
        for path, number in found
        if not looks_common(number)
    ]
