"""The reportlab PDF is tagged PDF/UA-1 and PDF/A-2b: every PDF of the three examples and the
view sample, checked by independent checkers (pikepdf.pdfa, pdfua, outloud; veraPDF where
installed) and read back: structure tree, headings = outline, figures' alt text = the DOCX's,
table headers with Scope, languages, reading order = drawing order = view order."""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from tagged_support import (
    Element,
    marked_texts,
    squeeze,
    structure,
    text_of,
    without_ua_identification,
    xmp_of,
)
from view_samples import SAMPLE
from view_support import pdf_outline

import omradedok
from omradedok.documents.chart_data import activity_plan_figures, plan_figures
from omradedok.model import Initiative
from omradedok.model.passages import plain
from omradedok.render.docx_body import render_docx_body
from omradedok.render.pdf_body import render_pdf_body
from omradedok.render.view_rules import display_rows
from omradedok.view import Paragraph, Section, Table, iter_blocks
from omradedok.view.blocks import Cell, Column, Row, Span

pdfa = pytest.importorskip("pikepdf.pdfa")
pdfua = pytest.importorskip("pdfua")
outloud = pytest.importorskip("outloud")

PDF_KINDS = ["handlingsplan-pdf", "aktivitetsplan-pdf"]
SAMI = "Mánáidgárddis lea sámegielat joavku"

SAMI_SAMPLE = dataclasses.replace(
    SAMPLE,
    body=(
        *SAMPLE.body,
        Section(
            "Sámegiella",
            number="9",
            children=(
                Paragraph((Span(SAMI, lang="se-NO"),)),
                Table(
                    (Column("Sámegillii"), Column("Norsk")),
                    (Row((Cell("Báikegoddi ovttas", lang="se-NO"), Cell("Bygda sammen"))),),
                ),
            ),
        ),
    ),
)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is required under CI=true (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.fixture(scope="module")
def pdfs(
    tmp_path_factory: pytest.TempPathFactory,
    large_model: Initiative,
    nynorsk_model: Initiative,
    sami_model: Initiative,
) -> dict[str, bytes]:
    """Every PDF of the three examples, and the view sample (with a Sami section)."""
    out: dict[str, bytes] = {"view/sample.pdf": render_pdf_body(SAMI_SAMPLE)}
    for name, model in (("large", large_model), ("nynorsk", nynorsk_model), ("sami", sami_model)):
        folder = tmp_path_factory.mktemp(f"tagged-{name}")
        for path in omradedok.build(model, folder, only=PDF_KINDS).paths:
            out[f"{name}/{path.name}"] = path.read_bytes()
    return out


def _each(pdfs: dict[str, bytes]) -> Iterator[tuple[str, bytes]]:
    yield from sorted(pdfs.items())


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name.replace("/", "-")
    path.write_bytes(data)
    return path


def test_pdfua_checker_finds_nothing(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    for name, data in _each(pdfs):
        report = pdfua.validate(str(_write(tmp_path, name, data)))
        findings = [f"{f.rule_id} {f.severity.name}: {f.message}" for f in report.findings]
        assert findings == [], name


def test_outloud_reports_no_errors(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    for name, data in _each(pdfs):
        result = outloud.check(str(_write(tmp_path, name, data)))
        assert result.error is None, name
        errors = [f"{f.rule}: {f.message}" for f in result.findings if f.severity == "error"]
        assert errors == [], name
        assert result.stats["tagged"], name


def test_pikepdf_approves_pdfa_2b(pdfs: dict[str, bytes]) -> None:
    for name, data in _each(pdfs):
        report = pdfa.validate_written(io.BytesIO(without_ua_identification(data)), "2b")
        assert report.passed, (name, [str(f) for f in report.findings])


def test_pdfua_identification_is_declared_for_pdfa(pdfs: dict[str, bytes]) -> None:
    """PDF/A-2 accepts ``pdfuaid:part`` only with its extension schema (LibreOffice 7.4 leaves
    that out): the schema names the namespace, prefix and the property with its type."""
    for name, data in _each(pdfs):
        xmp = xmp_of(data)
        assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B<" in xmp, name
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp, name
        schema = re.search(r"<pdfaExtension:schemas>(.*)</pdfaExtension:schemas>", xmp, re.S)
        assert schema is not None, name
        body = schema.group(1)
        for part in (
            "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
            "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
            "<pdfaProperty:name>part</pdfaProperty:name>",
            "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>",
            "<pdfaProperty:category>internal</pdfaProperty:category>",
        ):
            assert part in body, (name, part)
        title = str(PdfReader(io.BytesIO(data)).metadata.title)
        assert f'<rdf:li xml:lang="x-default">{title}</rdf:li>' in xmp.replace("&amp;", "&")


def test_poppler_says_tagged_and_every_font_embedded(
    pdfs: dict[str, bytes], tmp_path: Path
) -> None:
    pdfinfo, pdffonts = _tool("pdfinfo"), _tool("pdffonts")
    for name, data in _each(pdfs):
        path = _write(tmp_path, name, data)
        info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True)
        assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M), name
        fonts = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True)
        rows = fonts.stdout.splitlines()[2:]
        assert rows, name
        for row in rows:  # columns: name type encoding emb sub uni object ID
            assert row.split()[-5] == "yes", (name, row)


def test_structure_headings_equal_the_outline(pdfs: dict[str, bytes]) -> None:
    for name, data in _each(pdfs):
        tree = structure(data)
        texts = marked_texts(data)
        headings = [
            (int(e.role[1]), text_of(e, texts))
            for e in tree.walk()
            if re.fullmatch(r"H[1-6]", e.role)
        ]
        outline = pdf_outline(data)
        assert [level for level, _ in headings] == [level for level, _ in outline], name
        assert [squeeze(t) for _, t in headings] == [squeeze(t) for _, t in outline], name
        levels = [level for level, _ in headings]
        assert levels and levels[0] == 1, name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), name


def test_every_link_element_names_its_target(pdfs: dict[str, bytes]) -> None:
    """Every link annotation is a Link element with its OBJR and /Alt (and the annotation a
    /Contents) naming where it goes: the heading's text, or the address (PDF/UA 7.18.5)."""
    for name, data in _each(pdfs):
        headings = {
            squeeze(text_of(e, marked_texts(data)))
            for e in structure(data).walk()
            if re.fullmatch(r"H[1-6]", e.role)
        }
        with pikepdf.open(io.BytesIO(data)) as pdf:
            annots = {
                a.objgen: a
                for page in pdf.pages
                for a in page.get("/Annots", [])
                if a.get("/Subtype") == "/Link"
            }
            linked: set[tuple[int, int]] = set()
            todo = [pdf.Root.StructTreeRoot.K]
            while todo:
                elem = todo.pop()
                kids = elem.get("/K")
                items = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
                if elem.get("/S") == "/Link":
                    objrs = [
                        k.Obj
                        for k in items
                        if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                    ]
                    assert len(objrs) == 1, name
                    annot = objrs[0]
                    linked.add(annot.objgen)
                    alt = str(elem.get("/Alt", ""))
                    assert alt and str(annot.get("/Contents", "")) == alt, name
                    action = annot.get("/A")
                    if action is not None and "/URI" in action:
                        assert alt == str(action.URI), name
                    else:
                        assert squeeze(alt) in headings, (name, alt)
                    assert int(annot.StructParent) >= len(pdf.pages), name
                todo += [
                    k
                    for k in items
                    if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem"
                ]
            assert annots and linked == set(annots), name


def test_every_figure_has_the_docx_alt_text_and_a_bbox(
    pdfs: dict[str, bytes],
    large_model: Initiative,
    nynorsk_model: Initiative,
    sami_model: Initiative,
) -> None:
    models = {"large": large_model, "nynorsk": nynorsk_model, "sami": sami_model}
    with zipfile.ZipFile(io.BytesIO(render_docx_body(SAMI_SAMPLE))) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    sample_alts = [
        a.replace("&amp;", "&").replace("&quot;", '"')
        for a in re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
    ]
    checked = 0
    for name, data in _each(pdfs):
        figures = [e for e in structure(data).walk() if e.role == "Figure"]
        for figure in figures:
            assert len(figure.attrs.get("/BBox", [])) == 4, name
            assert not any(isinstance(k, Element) for k in figure.kids), name
        alts = [f.attrs.get("/Alt") for f in figures]
        if name.startswith("view/"):
            assert alts and set(alts) <= set(sample_alts), name
        else:
            folder, filename = name.split("/")
            model = models[folder]
            language = model.municipality.language
            if filename == "handlingsplan.pdf":
                expected = [plain(f.alt_text) for f in plan_figures(model, language)]
            else:
                year = int(re.findall(r"\d{4}", filename)[0])
                expected = [f.alt_text for f in activity_plan_figures(model, language, year)]
            # printed without passage markers («[se: …]»), as the screen reader says it
            assert sorted(plain(a or "") for a in alts) == sorted(plain(e) for e in expected), name
        checked += len(alts)
    assert checked >= 8


def test_every_table_has_header_cells_with_scope(pdfs: dict[str, bytes]) -> None:
    for name, data in _each(pdfs):
        tables = [e for e in structure(data).walk() if e.role == "Table"]
        assert tables, name
        for table in tables:
            heads = [e for e in table.walk() if e.role == "TH"]
            assert heads, name
            assert all(h.attrs.get("/Scope") in ("/Column", "/Row") for h in heads), name
            rows = [e for e in table.walk() if e.role == "TR"]
            assert rows and all(
                k.role in ("TH", "TD") for r in rows for k in r.kids if isinstance(k, Element)
            )


def test_other_language_passages_carry_their_language(pdfs: dict[str, bytes]) -> None:
    data = pdfs["view/sample.pdf"]
    tree, texts = structure(data), marked_texts(data)
    tagged = {text_of(e, texts): e.attrs["/Lang"] for e in tree.walk() if "/Lang" in e.attrs}
    assert tagged == {SAMI: "se-NO", "Báikegoddi ovttas": "se-NO"}
    for name, data in _each(pdfs):
        root = PdfReader(io.BytesIO(data)).trailer["/Root"]
        assert str(root["/Lang"]) in ("nb-NO", "nn-NO"), name


def test_reading_order_is_the_drawing_order(pdfs: dict[str, bytes]) -> None:
    """Depth first, the structure tree meets every marked-content sequence once, in the order
    the pages draw them: no jumps back, nothing left out, nothing read twice."""
    for name, data in _each(pdfs):
        refs = structure(data).refs()
        assert refs == sorted(refs), name
        assert len(refs) == len(set(refs)), name
        assert set(refs) == set(marked_texts(data)) | set(refs), name


def test_structure_order_text_follows_the_view(pdfs: dict[str, bytes]) -> None:
    """The view's texts (headings, paragraphs, cells) come in the structure tree's text in
    the view's order."""
    data = pdfs["view/sample.pdf"]
    tree, texts = structure(data), marked_texts(data)
    read = squeeze(" ".join(texts.get(ref, "") for ref in tree.refs()))
    expected: list[str] = []
    for block in iter_blocks(SAMI_SAMPLE.body):
        if isinstance(block, Section):
            expected.append(block.heading)
        elif isinstance(block, Paragraph):
            expected.append(block.text)
        elif isinstance(block, Table):
            rows, _ = display_rows(block)
            expected += [c.text for r in rows for c in r.cells if c.text]
    position = 0
    for value in expected:
        found = read.find(squeeze(value), position)
        assert found >= 0, (value, read[position : position + 200])
        position = found + len(squeeze(value))


def test_reproducible_after_tagging() -> None:
    assert render_pdf_body(SAMI_SAMPLE) == render_pdf_body(SAMI_SAMPLE)


def test_verapdf_where_installed(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    """veraPDF (the reference validator) is not obtainable here; where it is, it must pass
    both flavours the files claim."""
    binary = shutil.which("verapdf")
    if binary is None:
        pytest.skip("veraPDF (verapdf) is not installed")
    for name, data in _each(pdfs):
        path = _write(tmp_path, name, data)
        for flavour in ("2b", "ua1"):
            run = subprocess.run(
                [binary, "--flavour", flavour, "--format", "text", str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            assert run.returncode == 0 and "PASS" in run.stdout, (name, flavour, run.stdout)
