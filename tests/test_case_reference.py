"""A case number written with its kind prints as written: never «sak sak 178/13» or
«sak PS 0123/17» (issue 12 item 5: case numbers in the forms municipalities write them)."""

from __future__ import annotations

import pytest
from docx_support import ELVEBAKKEN, model, open_docx

import omradedok
from omradedok.documents.views import case_reference, decision_text
from omradedok.model import Language


@pytest.mark.parametrize(
    ("given", "printed"),
    [("178/13", "sak 178/13"), ("sak 178/13", "sak 178/13"), ("PS 0123/17", "PS 0123/17"),
     ("byrådssak 1234/13", "byrådssak 1234/13"), (" 2024/1234 ", "sak 2024/1234")],
)
def test_case_reference(given: str, printed: str) -> None:
    assert case_reference(given) == printed


@pytest.mark.parametrize("number", ["sak 178/13", "PS 0123/17", "178/13"])
def test_decision_and_vedtak_name_the_case_once(number: str) -> None:
    m = model(ELVEBAKKEN)
    decision = m.document.decision
    assert decision is not None
    changed = m.model_copy(
        update={
            "document": m.document.model_copy(
                update={"decision": decision.model_copy(update={"case_number": number})}
            )
        }
    )
    expected = case_reference(number)
    for language in (Language.NB, Language.NN):
        assert expected in decision_text(changed, language)
        assert "sak sak" not in decision_text(changed, language)
        assert "sak PS" not in decision_text(changed, language)
    case = open_docx(omradedok.render(changed, "saksframlegg"))
    text = "\n".join(p.text for p in case.paragraphs)
    assert f", {expected}." in text  # «… i møte 22. juni 2017, PS 0123/17.»
    assert "sak sak" not in text and "sak PS" not in text
