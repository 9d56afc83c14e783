"""A line break the user wrote inside a paragraph (before a list line, the one
``views.paragraphs`` keeps) stays a line break in the handlingsplan's DOCX and PDF and in the
standalone kommunikasjonsplan; YAML's wrapping inside a paragraph is still joined."""

from __future__ import annotations

import io

import pytest
from docx.oxml.ns import qn
from docx_support import NORDBYEN, model, open_docx

import omradedok
from omradedok.documents.handlingsplan_doc import render_pdf
from omradedok.model import Language

pypdf = pytest.importorskip("pypdf")

STATEMENT = (
    "Kommunen lover\nbeboerne dette:\n- svar innen to uker\n- åpne møter hver vår\n\n"
    "Neste avsnitt."
)


def _model() -> omradedok.Initiative:
    m = model(NORDBYEN)
    assert m.communication is not None
    communication = m.communication.model_copy(update={"engagement_statement": STATEMENT})
    return m.model_copy(update={"communication": communication})


def _lines_of(paragraph: object) -> list[str]:
    """The paragraph's text split at its w:br elements."""
    out = [""]
    for element in paragraph._p.iter():  # type: ignore[attr-defined]
        if element.tag == qn("w:t"):
            out[-1] += element.text or ""
        elif element.tag == qn("w:br"):
            out.append("")
    return out


@pytest.mark.parametrize("kind", ["handlingsplan", "kommunikasjonsplan"])
def test_docx_keeps_the_line_break(kind: str) -> None:
    document = open_docx(omradedok.render(_model(), kind, language="nb"))
    found = [p for p in document.paragraphs if p.text.startswith("Kommunen lover")]
    assert len(found) == 1
    assert _lines_of(found[0]) == [
        "Kommunen lover beboerne dette:",  # the wrapped line is joined
        "- svar innen to uker",
        "- åpne møter hver vår",
    ]
    assert any(p.text == "Neste avsnitt." for p in document.paragraphs)


@pytest.mark.parametrize("language", [Language.NB, Language.NN])
def test_pdf_keeps_the_line_break(language: Language) -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(_model(), language)))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    start = lines.index("Kommunen lover beboerne dette:")
    assert lines[start + 1 : start + 3] == ["- svar innen to uker", "- åpne møter hver vår"]
