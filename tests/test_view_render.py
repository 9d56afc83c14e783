"""One view, two formats: a view rendered to DOCX (docx_body) and PDF (pdf_body) and read
back with python-docx and pypdf says the same – headings, numbers, cells, amounts."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx_support import section
from pypdf import PdfReader
from view_samples import BUDGET, SAMPLE, WIDE
from view_support import amounts, docx_headings, pdf_columns, pdf_outline, pdf_text, squeeze

import omradedok
from omradedok.documents import registry
from omradedok.documents.base import Artifact, BuildContext
from omradedok.model import Initiative, Language
from omradedok.render.colors import header_fill
from omradedok.render.docx_body import render_docx_body
from omradedok.render.pdf_body import render_pdf_body
from omradedok.view import (
    Block,
    Document,
    Figure,
    Meta,
    Section,
    Table,
    bullets,
    cell,
    iter_blocks,
    iter_sections,
    numbered,
    para,
)
from omradedok.view.blocks import Column, Row


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return render_docx_body(SAMPLE)


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_pdf_body(SAMPLE)


def _docx_texts(data: bytes) -> list[str]:
    document = open_docx(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [c.text for c in row.cells]
    return texts


def test_headings_equal_the_pdf_outline(sample_docx: bytes, sample_pdf: bytes) -> None:
    expected = [(s.level, s.heading) for s in iter_sections(SAMPLE.body)]
    assert expected[:3] == [(1, "1 Sammendrag"), (1, "2 Mål og strategier"), (2, "2.1 Målhierarki")]
    assert docx_headings(sample_docx) == expected
    assert pdf_outline(sample_pdf) == expected


def test_every_table_cell_is_in_the_pdf(sample_pdf: bytes, sample_docx: bytes) -> None:
    page_text = squeeze(pdf_text(sample_pdf))
    columns = [squeeze(c) for c in pdf_columns(sample_pdf)]
    tables = [b for b in iter_blocks(SAMPLE.body) if isinstance(b, Table)]
    assert tables == [BUDGET, WIDE]
    docx_cells = set()
    for table in open_docx(io.BytesIO(sample_docx)).tables[1:]:  # [0]: the cover's facts
        for row in table.rows:
            docx_cells |= {c.text for c in row.cells}
    checked = 0
    for table in tables:
        texts = [c.title for c in table.columns] + [c.text for r in table.rows for c in r.cells]
        for text in texts:
            if not text:
                continue
            assert text in docx_cells, f"DOCX lacks the cell «{text}»"
            wanted = squeeze(text)
            assert wanted in page_text or any(wanted in c for c in columns), text
            checked += 1
    assert checked > 300


def _without_figures(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Figure):
            continue
        if isinstance(block, Section):
            block = dataclasses.replace(block, children=_without_figures(block.children))
        out.append(block)
    return tuple(out)


def test_amounts_are_the_same_multiset() -> None:
    # the charts print their own labels in the PDF (vector) and none in the DOCX (PNG)
    view = dataclasses.replace(SAMPLE, body=_without_figures(SAMPLE.body))
    in_docx = amounts("\n".join(_docx_texts(render_docx_body(view))))
    in_pdf = amounts(pdf_text(render_pdf_body(view)))
    assert in_docx == in_pdf
    assert in_docx["4 600 000 kr"] == 1 and in_docx["1 610 000 kr"] == 1
    assert sum(in_docx.values()) == 4 * 30 + 3 * 4 + 2  # activities, budget, prose


def test_language_marked(sample_docx: bytes, sample_pdf: bytes) -> None:
    document = open_docx(io.BytesIO(sample_docx))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert (
        defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val"))
        == "nb-NO"
    )
    assert document.core_properties.language == "nb-NO"
    sami = [r for p in document.paragraphs for r in p.runs if r.text == "Guovdageaidnu"]
    assert sami and sami[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "se-NO"
    assert sami[0].italic
    reader = PdfReader(io.BytesIO(sample_pdf))
    assert reader.trailer["/Root"]["/Lang"] == "nb-NO"
    assert reader.metadata is not None and reader.metadata.title == SAMPLE.meta.title


def test_alt_text_and_captions(sample_docx: bytes, sample_pdf: bytes) -> None:
    figures = [b for b in iter_blocks(SAMPLE.body) if isinstance(b, Figure)]
    with zipfile.ZipFile(io.BytesIO(sample_docx)) as package:
        xml = package.read("word/document.xml").decode()
    document = open_docx(io.BytesIO(sample_docx))
    descr = [e.get("descr") for e in document.element.body.iter(qn("wp:docPr"))]
    assert descr == [f.alt_text for f in figures]
    assert xml.count("SEQ Figur") == len(figures) and xml.count("SEQ Tabell") == 2
    captions = [p.text for p in document.paragraphs if p.style.name == "Figurtekst"]
    assert captions == [f"Figur {i}: {f.caption}" for i, f in enumerate(figures, 1)]
    text = pdf_text(sample_pdf)
    for i, figure in enumerate(figures, 1):
        assert f"Figur {i}: {figure.caption}" in text
    assert "Tabell 1: Budsjett per delprogram 2026" in text
    assert "Tabell 1" in "".join(p.text for p in document.paragraphs)


def test_docx_structure(sample_docx: bytes) -> None:
    document = open_docx(io.BytesIO(sample_docx))
    budget, wide = document.tables[1], document.tables[2]
    fill, _ = header_fill(SAMPLE.brand.primary)
    head = budget.rows[0]._tr
    assert head.trPr.find(qn("w:tblHeader")) is not None
    assert {tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for tc in head.tc_lst} == {fill[1:]}
    # amounts right-aligned, text left
    assert budget.rows[1].cells[1].paragraphs[0].alignment == 2  # RIGHT
    assert budget.rows[1].cells[0].paragraphs[0].alignment is None
    # the wide table repeats both header rows and sits in a landscape section
    assert [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in wide.rows[:3]] == [
        True,
        True,
        False,
    ]
    orientations = [s.orientation for s in document.sections]
    assert 1 in orientations and orientations[-1] == 0
    # lists are numbering, not typed bullets
    listed = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [p.text for p in listed][:3] == [
        "Bedre levekår",
        "Flere møteplasser",
        "Tryggere skolevei",
    ]
    assert not any(p.text.startswith("•") for p in document.paragraphs)
    levels = {p.text: int(p._p.pPr.numPr.ilvl.val) for p in listed}
    assert levels["sammen med beboerne"] == 1 and levels["Utvikle tiltak"] == 0
    links = document.part.rels.values()
    assert any(
        r.reltype.endswith("/hyperlink") and r.target_ref == "https://www.regjeringen.no/"
        for r in links
    )


def test_pdf_tables_repeat_their_header(sample_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample_pdf))
    pages = [p.extract_text() or "" for p in reader.pages]
    with_activities = [t for t in pages if "30.11.2026" in t]
    assert len(with_activities) >= 2, "30 activities fill more than one landscape page"
    for text in with_activities:
        # the group row over the column titles, both repeated on every page
        assert re.search(r"Tiltak Finansiering\s+Nr Aktivitet Ansvarlig", text), text[:300]
    landscape = [p for p in reader.pages if float(p.mediabox.width) > float(p.mediabox.height)]
    assert len(landscape) == len(with_activities)


@pytest.mark.soffice
def test_libreoffice_opens_the_docx(sample_docx: bytes, soffice, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "prove.docx"
    source.write_bytes(sample_docx)
    (converted,) = soffice([source], tmp_path / "pdf", "pdf")
    text = pdf_text(converted.read_bytes())
    for _, heading in docx_headings(sample_docx):
        assert heading in text
    assert "4 600 000" in text.replace("\u00a0", " ")


# -- a kind made in the test: its one view gives its DOCX and its PDF ------------------------


def _key_figures(model: Initiative, language: Language) -> Document:
    """«Nøkkeltall»: the budget frame per year, in one view."""
    rows = tuple(
        Row((cell(str(b.year)), cell(omradedok.locale.format_money(b.total, language))))
        for b in model.budget_frame
    )
    title = "Nøkkeltall" if language is Language.NB else "Nøkkeltal"
    return Document(
        Meta(
            title=f"{title} – {model.title}",
            language=f"{language.value}-NO",
            date=model.document.date,
        ),
        numbered(
            (
                Section(title, (para(model.title), bullets([model.area.name]))),
                Section(
                    "Budsjettramme",
                    (Table((Column("År", 0.3), Column("Sum", 0.7)), rows, "Ramme per år"),),
                ),
            )
        ),
    )


class _KeyFiguresKind:
    name = "nokkeltall"
    order = 65  # built after the rollematrise (50) …
    attachment_rank = 25  # … but listed between the aktivitetsplan (20) and kommunikasjonsplan (30)

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        language = context.options.language
        view = _key_figures(context.model, language)
        title = view.meta.title
        return [
            Artifact("nokkeltall.docx", self.name, title, lambda: render_docx_body(view)),
            Artifact(
                "nokkeltall.pdf", self.name, title, lambda: render_pdf_body(view), attachment=False
            ),
        ]


@pytest.fixture
def key_figures() -> Iterator[None]:
    """The kind above is part of the builds of one test only (the public registry API)."""
    with registry.registered(_KeyFiguresKind()):
        yield
    assert "nokkeltall" not in registry.kind_names()


def test_a_kind_defined_here_renders_both_formats(
    nynorsk_model: Initiative, key_figures: None
) -> None:
    assert "nokkeltall" in registry.kind_names()
    docx_bytes = omradedok.render(nynorsk_model, "nokkeltall", format="docx")
    pdf_bytes = omradedok.render(nynorsk_model, "nokkeltall", format="pdf")
    assert (
        docx_headings(docx_bytes)
        == pdf_outline(pdf_bytes)
        == [(1, "1 Nøkkeltal"), (1, "2 Budsjettramme")]
    )
    text = pdf_text(pdf_bytes)
    money = amounts("\n".join(_docx_texts(docx_bytes)))
    assert money == amounts(text) and sum(money.values()) == len(nynorsk_model.budget_frame) > 0
    assert PdfReader(io.BytesIO(pdf_bytes)).trailer["/Root"]["/Lang"] == "nn-NO"


def test_a_kind_defined_here_builds_and_is_a_vedlegg_by_its_rank(
    nynorsk_model: Initiative, key_figures: None, tmp_path: Path
) -> None:
    only = ["kommunikasjonsplan", "rollematrise", "nokkeltall", "saksframlegg"]
    result = omradedok.build(nynorsk_model, tmp_path / "ut", only=only)
    names = [p.name for p in result.paths]
    assert {"nokkeltall.docx", "nokkeltall.pdf", "saksframlegg.docx"} <= set(names)
    assert names.index("rolle-og-ansvarsmatrise.xlsx") < names.index("nokkeltall.docx")
    docx_bytes = (tmp_path / "ut" / "nokkeltall.docx").read_bytes()
    pdf_bytes = (tmp_path / "ut" / "nokkeltall.pdf").read_bytes()
    assert (
        docx_headings(docx_bytes)
        == pdf_outline(pdf_bytes)
        == [
            (1, "1 Nøkkeltal"),
            (1, "2 Budsjettramme"),
        ]
    )
    # the saksframlegg lists the vedlegg by declared rank, not build order
    titles = {a.kind: a.title for a in result.artifacts if a.attachment}
    assert titles["nokkeltall"] == f"Nøkkeltal – {nynorsk_model.title}"
    expected = [titles["nokkeltall"], titles["kommunikasjonsplan"], titles["rollematrise"]]
    case = section(
        open_docx(io.BytesIO((tmp_path / "ut" / "saksframlegg.docx").read_bytes())), "Vedlegg"
    )
    listed = [b.text for b in case]
    assert listed[: len(expected)] == expected
    assert nynorsk_model.council_case is not None
    assert listed[len(expected) :] == nynorsk_model.council_case.extra_attachments
