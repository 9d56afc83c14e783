"""handlingsplan DOCX and PDF are one document (issue 13): both are rendered from the plan's one
view (``documents/handlingsplan_doc``), so for every example and for the variants that made the
two drift (nynorsk, activities in reverse order, a year whose frame is below the activities'
cost) they have

* the same headings – text, level and order – (the DOCX's Heading N paragraphs against the
  PDF's outline);
* every DOCX table cell's text in the PDF;
* the same multiset of amounts («… kr»), counted per cell and paragraph;

and no word of the PDF is broken across lines without a hyphen."""

from __future__ import annotations

import dataclasses
import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from document_text import pdf_text
from docx import Document
from pypdf import PdfReader
from tagged_support import marked_texts, structure, text_of

import omradedok
from omradedok.documents.handlingsplan_doc import plan_document, render_docx, render_pdf
from omradedok.model import Initiative, Language
from omradedok.model.amount import Amount
from omradedok.model.passages import plain

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NORDBYEN = EXAMPLES / "nordbyen-bokmal.yaml"


def _reversed(model: Initiative) -> Initiative:
    return model.model_copy(update={"activities": list(reversed(model.activities))})


def _over_budget(model: Initiative) -> Initiative:
    """The first activity year's frame far below what its activities cost."""
    year = model.activity_years()[0]
    frames = [
        f.model_copy(
            update={
                "municipal": Amount.exact(10_000),
                "state": Amount.exact(10_000),
                "other": None,
                "carried_over": None,
            }
        )
        if f.year == year
        else f
        for f in model.budget_frame
    ]
    return model.model_copy(update={"budget_frame": frames})


CASES: dict[str, tuple[Path, Language | None, Any]] = {
    "nordbyen": (NORDBYEN, None, None),
    "elvebakken": (EXAMPLES / "elvebakken-nynorsk.yaml", None, None),
    "guovdageaidnu": (EXAMPLES / "guovdageaidnu-samisk.yaml", None, None),
    "nordbyen-nynorsk": (NORDBYEN, Language.NN, None),
    "nordbyen-reversed": (NORDBYEN, None, _reversed),
    "nordbyen-over-budget": (NORDBYEN, None, _over_budget),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def rendered(request: pytest.FixtureRequest) -> tuple[Initiative, Language, bytes, bytes]:
    path, lang, change = CASES[request.param]
    model = omradedok.load(path)
    if change is not None:
        model = change(model)
    language = lang or model.municipality.language
    return model, language, render_docx(model, language), render_pdf(model, language)


# -- reading the two files -------------------------------------------------------------------


def docx_headings(data: bytes) -> list[tuple[int, str]]:
    doc = Document(io.BytesIO(data))
    out = []
    for p in doc.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading ") and name[8:].isdigit():
            out.append((int(name[8:]), p.text.strip()))
    return out


def pdf_outline(data: bytes) -> list[tuple[int, str]]:
    reader = PdfReader(io.BytesIO(data))

    def walk(items: list[Any], level: int) -> Iterator[tuple[int, str]]:
        for item in items:
            if isinstance(item, list):
                yield from walk(item, level + 1)
            else:
                yield level, str(item.title).strip()

    return list(walk(reader.outline, 1))


def docx_cells(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    return [c.text for t in doc.tables for r in t.rows for c in r.cells if c.text.strip()]


def docx_texts(data: bytes) -> list[str]:
    """Every body paragraph and table cell paragraph (the contents list left out)."""
    doc = Document(io.BytesIO(data))
    out = [
        p.text
        for p in doc.paragraphs
        if not (p.style is not None and p.style.name.lower().startswith("toc"))
    ]
    out += [p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return out


PDF_TEXT_ROLES = {"P", "TD", "TH", "LBody", "H1", "H2", "H3", "H4", "H5", "H6", "Caption"}


def pdf_texts(data: bytes) -> list[str]:
    """The text of every paragraph, cell, list body and heading of the tagged PDF."""
    tree, texts = structure(data), marked_texts(data)
    return [text_of(e, texts) for e in tree.walk() if e.role in PDF_TEXT_ROLES]


AMOUNT = re.compile(
    r"(?:minst |anslag )?\d{1,3}(?: \d{3})*(?:,\d+)?(?:–\d{1,3}(?: \d{3})*(?:,\d+)?)?"
    r" (?:mill\. )?kr\b"
)


def amounts(texts: list[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for text in texts:
        flat = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
        # a range may break after its dash in a narrow column («anslag 23,7–» / «24,2 mill. kr»)
        flat = re.sub(r"(\d)– (\d)", r"\1–\2", flat)
        found.update(AMOUNT.findall(flat))
    return found


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f\u00ad-]+", "", text)


# -- the tests ---------------------------------------------------------------------------------


def test_headings_equal_the_pdf_outline(
    rendered: tuple[Initiative, Language, bytes, bytes],
) -> None:
    _model, _language, docx, pdf = rendered
    headings = docx_headings(docx)
    assert len(headings) > 20
    assert headings == pdf_outline(pdf)
    # numbered chapters, «Om dokumentet» first, the parts in order
    titles = [t for _, t in headings]
    assert titles[0] == "Om dokumentet"
    assert titles.index("Del 1 Programdel") < titles.index("Del 2 Prosjektoversikt")
    first = titles[titles.index("Del 1 Programdel") + 1]
    assert first in ("1 Sammendrag", "1 Samandrag"), first
    assert all(
        re.match(r"\d+(\.\d+)* ", t)
        for lvl, t in headings
        if lvl >= 2 and t not in ("Versjonshistorikk", "Plandokumenter", "Plandokument")
    )


def test_every_table_cell_of_the_docx_is_in_the_pdf(
    rendered: tuple[Initiative, Language, bytes, bytes],
) -> None:
    _model, _language, docx, pdf = rendered
    text = squeeze(pdf_text(pdf))
    cells = docx_cells(docx)
    assert len(cells) > 100
    missing = [c for c in cells if squeeze(c) not in text]
    assert not missing, missing[:10]


def test_the_same_amounts_in_docx_and_pdf(
    rendered: tuple[Initiative, Language, bytes, bytes],
) -> None:
    _model, _language, docx, pdf = rendered
    in_docx, in_pdf = amounts(docx_texts(docx)), amounts(pdf_texts(pdf))
    assert sum(in_docx.values()) > 20
    assert in_docx == in_pdf, (in_docx - in_pdf, in_pdf - in_docx)


def test_the_over_budget_year_shows_its_negative_deviation_nowhere_clamped() -> None:
    """The variant really is over budget: the frame of the year is printed as given."""
    model = _over_budget(omradedok.load(NORDBYEN))
    year = model.activity_years()[0]
    cells = docx_cells(render_docx(model, Language.NB))
    assert str(year) in cells and "10\u00a0000\u00a0kr" in cells  # the year's frame, as given
    # other sources left out that year while other years give them: the sum is «minst»
    assert "minst 20\u00a0000\u00a0kr" in cells


# -- no word broken without a hyphen -------------------------------------------------------------

WORD = re.compile(r"[^\W_]+")


def _strings(obj: object) -> Iterator[str]:
    if isinstance(obj, str):
        yield plain(obj)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _strings(getattr(obj, f.name))
    elif isinstance(obj, tuple | list):
        for item in obj:
            yield from _strings(item)


def broken_words(model: Initiative, language: Language, pdf: bytes) -> list[tuple[str, str]]:
    """Pieces of words on the PDF's lines that are no word of the document: a word broken
    across lines without a hyphen. A break at a hyphen (the end of the line and the start of
    the next are pieces), at a slash or a dot (an address) and a chart label shortened with
    «…» are allowed."""
    view = plan_document(model, language)
    vocabulary = {w for s in _strings(view) for w in WORD.findall(s)}
    vocabulary |= {"Side", "av", "Tabell", "Figur", "forts"}
    bad = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        after_hyphen = False
        for line in (page.extract_text() or "").split("\n"):
            words = list(WORD.finditer(line))
            stripped = line.rstrip()
            for i, match in enumerate(words):
                word = match.group()
                if i == 0 and after_hyphen:
                    continue
                if i == len(words) - 1 and stripped.endswith(("-", "…")):
                    continue
                if any(ch.isdigit() for ch in word) or word in vocabulary:
                    # numbers and ids, chart ticks such as «K2» (quarter), are no words
                    continue
                bad.append((word, line))
            after_hyphen = stripped.endswith("-")
    return bad


def test_no_word_is_broken_without_a_hyphen(
    rendered: tuple[Initiative, Language, bytes, bytes],
) -> None:
    model, language, _docx, pdf = rendered
    assert not broken_words(model, language, pdf)


def test_the_check_finds_a_word_broken_without_a_hyphen() -> None:
    """The check can fail: a long word in a narrow column, force-split by hand, is found."""
    from reportlab.pdfgen import canvas

    model = omradedok.load(NORDBYEN)

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Spørreunders")
    page.drawString(72, 700, "økelse")
    page.save()
    fake = buffer.getvalue()
    bad = broken_words(model, model.municipality.language, fake)
    assert ("Spørreunders", "Spørreunders") in bad
