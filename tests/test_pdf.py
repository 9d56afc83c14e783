"""handlingsplan.pdf and aktivitetsplan-YYYY.pdf: fonts, metadata, outline, text, archive route."""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NYNORSK_EXAMPLE
from pypdf import PdfReader

import omradedok
from omradedok.documents import pdf_documents
from omradedok.documents.views import case_reference
from omradedok.errors import OmradedokError
from omradedok.model import DocumentStatus, Initiative, Language
from omradedok.model.passages import plain
from omradedok.resources import fonts_dir

PDF_KINDS = ["handlingsplan-pdf", "aktivitetsplan-pdf"]
SAMI_LETTERS = "áčđŋšŧžÁČĐŊŠŦŽ"
BASE14 = re.compile(r"Helvetica|Times|Courier|Symbol|ZapfDingbats", re.I)


def _tool(name: str) -> str:
    """poppler-utils / qpdf: skip with a reason where missing, fail under CI=true."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is required under CI=true (.ci/run installs it)")
        pytest.skip(f"{name} is not installed: PDF check not run")
    return path


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join((page.extract_text() or "") for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(reader.outline)
    return titles


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory,
    large_model: Initiative,
    nynorsk_model: Initiative,
    sami_model: Initiative,
) -> dict[str, dict[str, bytes]]:
    out: dict[str, dict[str, bytes]] = {}
    for name, model in (("large", large_model), ("nynorsk", nynorsk_model), ("sami", sami_model)):
        folder = tmp_path_factory.mktemp(f"pdf-{name}")
        result = omradedok.build(model, folder, only=PDF_KINDS)
        out[name] = {p.name: p.read_bytes() for p in result.paths}
    return out


def _all_pdfs(built: dict[str, dict[str, bytes]]) -> Iterator[tuple[str, bytes]]:
    for name, files in built.items():
        for filename, data in files.items():
            yield f"{name}/{filename}", data


def test_one_pdf_per_plan_and_activity_year(
    built: dict[str, dict[str, bytes]], large_model: Initiative
) -> None:
    expected = {"handlingsplan.pdf"} | {
        f"aktivitetsplan-{y}.pdf" for y in large_model.activity_years()
    }
    assert set(built["large"]) == expected
    for _, data in _all_pdfs(built):
        assert data.startswith(b"%PDF-")


def test_every_font_embedded_and_no_base14(
    built: dict[str, dict[str, bytes]], tmp_path: Path
) -> None:
    pdffonts = _tool("pdffonts")
    for name, data in _all_pdfs(built):
        path = tmp_path / name.replace("/", "-")
        path.write_bytes(data)
        out = subprocess.run(
            [pdffonts, str(path)], capture_output=True, text=True, check=True
        ).stdout
        rows = out.splitlines()[2:]
        assert rows, f"{name}: no fonts?"
        for row in rows:
            columns = row.split()
            assert BASE14.search(columns[0]) is None, f"{name}: base-14 font {columns[0]}"
            emb = columns[-5]
            assert emb == "yes", f"{name}: font not embedded: {row}"


def test_fonts_come_with_the_package() -> None:
    for filename in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "LICENSE"):
        assert (fonts_dir() / filename).is_file(), filename


def test_qpdf_check(built: dict[str, dict[str, bytes]], tmp_path: Path) -> None:
    qpdf = _tool("qpdf")
    for name, data in _all_pdfs(built):
        path = tmp_path / name.replace("/", "-")
        path.write_bytes(data)
        proc = subprocess.run(
            [qpdf, "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert proc.returncode == 0, f"{name}: {proc.stdout}\n{proc.stderr}"


def test_metadata_language_and_window_title(
    built: dict[str, dict[str, bytes]], large_model: Initiative, nynorsk_model: Initiative
) -> None:
    for key, model, lang in (("large", large_model, "nb-NO"), ("nynorsk", nynorsk_model, "nn-NO")):
        for filename, data in built[key].items():
            reader = PdfReader(io.BytesIO(data))
            meta = reader.metadata
            assert meta is not None
            assert model.title in (meta.title or ""), filename
            assert meta.author == model.municipality.name
            assert model.title in (meta.subject or "")
            assert model.area.name in (meta.get("/Keywords") or "")
            root = reader.trailer["/Root"]
            assert root["/Lang"] == lang
            assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
            # dates are the document's own date (archives and diffs stay stable)
            assert meta["/CreationDate"].startswith("D:" + model.document.date.strftime("%Y%m%d"))


def test_outline_has_an_entry_for_every_heading(
    built: dict[str, dict[str, bytes]], large_model: Initiative
) -> None:
    reader = PdfReader(io.BytesIO(built["large"]["handlingsplan.pdf"]))
    titles = _outline_titles(reader)
    for wanted in (
        "Del 1 Programdel",
        "1 Sammendrag",
        "2 Bakgrunn og formål",
        "3 Kunnskapsgrunnlag",
        "4 Forankring",
        "5 Visjon og mål",
        "6 Strategier og metoder",
        "7 Rammer",
        "7.3 Økonomisk ramme",
        "8 Organisering",
        "9 Medvirkning",
        "10 Kommunikasjon",
        "11 Evaluering",
        "12 Fremdrift",
        "Del 2 Prosjektoversikt",
    ):
        assert wanted in titles, wanted
    for number, main in enumerate(large_model.goals.main_goals, 1):
        assert f"5.{number} {main.id} {main.title}" in titles
    for strategy in large_model.strategies:
        assert any(t.endswith(strategy.title) for t in titles)
    for sp in large_model.programme.sub_programmes:
        assert any(t.endswith(f"{sp.id} {sp.name}") for t in titles)
    plan = PdfReader(io.BytesIO(built["large"]["aktivitetsplan-2026.pdf"]))
    assert "2 Tiltak per delprogram" in _outline_titles(plan)


def test_text_contains_goals_and_sami_letters(
    built: dict[str, dict[str, bytes]], large_model: Initiative, sami_model: Initiative
) -> None:
    text = _flat(_text(built["large"]["handlingsplan.pdf"]))
    for _, sub in large_model.sub_goals():
        assert _flat(sub.title) in text, sub.title
    for main in large_model.goals.main_goals:
        assert _flat(main.title) in text
    sami = _text(built["sami"]["handlingsplan.pdf"])
    missing = [ch for ch in SAMI_LETTERS if ch not in sami]
    assert not missing, f"Sami letters lost in the PDF: {missing}"
    assert "Báikegoddi ovttas" in _flat(sami)
    assert "æ" in text and "ø" in text and "å" in text


def test_page_count_and_page_numbers(built: dict[str, dict[str, bytes]]) -> None:
    large = PdfReader(io.BytesIO(built["large"]["handlingsplan.pdf"]))
    pages = len(large.pages)
    assert 15 <= pages <= 80
    assert f"Side 2 av {pages}" in (large.pages[1].extract_text() or "")
    assert f"Side {pages} av {pages}" in (large.pages[-1].extract_text() or "")
    toc = large.pages[1].extract_text() or ""
    assert "Innhold" in toc and re.search(r"Sammendrag[\s.]*\d+", toc)
    for key in ("nynorsk", "sami"):
        count = len(PdfReader(io.BytesIO(built[key]["handlingsplan.pdf"])).pages)
        assert 8 <= count <= 60
    for filename, data in built["large"].items():
        if filename.startswith("aktivitetsplan"):
            assert 5 <= len(PdfReader(io.BytesIO(data)).pages) <= 40


def _outline_pages(reader: PdfReader) -> dict[str, int]:
    """Outline title → 1-based page its destination points at."""
    pages: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages[str(item.title)] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    return pages


def _contents_numbers(pages: Any, destinations: dict[str, int]) -> dict[str, int]:
    """Heading title → the page number the contents give for it (title line, then the
    dot leader and number: the order the PDF draws them in)."""
    listed: dict[str, int] = {}
    for page in pages:
        lines = (page.extract_text() or "").splitlines()
        for title, leader in itertools.pairwise(lines):
            match = re.fullmatch(r"[\s.]*(\d+)", leader)
            if match and title in destinations:
                listed[title] = int(match.group(1))
    return listed


@pytest.mark.parametrize("key", ["large", "nynorsk", "sami"])
def test_contents_page_numbers_are_where_the_headings_are(
    built: dict[str, dict[str, bytes]], key: str
) -> None:
    """The contents' numbers are filled in after the one layout pass: each must be the page
    the heading's bookmark points at, and «av Y» the real page count."""
    for filename, data in built[key].items():
        reader = PdfReader(io.BytesIO(data))
        destinations = _outline_pages(reader)
        listed = _contents_numbers(reader.pages[1:2], destinations)
        assert len(listed) >= 3, f"{key}/{filename}: contents not found"
        for title, page in listed.items():
            assert page == destinations[title], f"{key}/{filename}: «{title}»"
        total = len(reader.pages)
        for number, page in enumerate(reader.pages[1:], 2):
            assert f"Side {number} av {total}" in (page.extract_text() or "")


def test_nynorsk_wording_and_status_watermark(built: dict[str, dict[str, bytes]]) -> None:
    text = _text(built["nynorsk"]["handlingsplan.pdf"])
    assert "Innhald" in text and "Samandrag" in text and "Visjon og mål" in text
    assert "UTKAST" not in text and "Vedteken" in text  # Elvebakken's handlingsdel is adopted
    # its consultation draft of spring 2017 carried the watermark and the status
    adopted = omradedok.load(NYNORSK_EXAMPLE)
    draft = adopted.document.model_copy(
        update={"status": DocumentStatus.CONSULTATION, "decision": None, "version": "0.5"}
    )
    pdf = omradedok.render(
        adopted.model_copy(update={"document": draft}), "handlingsplan", format="pdf"
    )
    text = _text(pdf)
    assert "HØYRINGSUTKAST" in text  # consultation draft → watermark
    assert "Høyringsutkast" in text  # running header status


def test_adopted_plan_states_its_decision(
    built: dict[str, dict[str, bytes]], sami_model: Initiative
) -> None:
    decision = sami_model.document.decision
    assert decision is not None
    first_page = _flat(
        PdfReader(io.BytesIO(built["sami"]["handlingsplan.pdf"])).pages[0].extract_text() or ""
    )
    assert case_reference(decision.case_number) in first_page  # «PS 15/26» as written
    assert "UTKAST" not in _text(built["sami"]["handlingsplan.pdf"])


def test_byte_identical_for_identical_input(
    built: dict[str, dict[str, bytes]], large_model: Initiative, tmp_path: Path
) -> None:
    again = omradedok.build(large_model, tmp_path, only=PDF_KINDS)
    for path in again.paths:
        assert path.read_bytes() == built["large"][path.name], path.name


def test_profile_font_replaces_the_default(large_model: Initiative, tmp_path: Path) -> None:
    custom = tmp_path / "kommunefont.ttf"
    shutil.copy(fonts_dir() / "DejaVuSans-Bold.ttf", custom)
    profile = large_model.municipality.profile.model_copy(
        update={"font": custom, "font_bold": custom}
    )
    municipality = large_model.municipality.model_copy(update={"profile": profile})
    model = large_model.model_copy(update={"municipality": municipality})
    data = pdf_documents.render_handlingsplan(model, Language.NB)
    reader = PdfReader(io.BytesIO(data))
    fonts: set[str] = set()
    for page in reader.pages[:6]:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all(f.endswith("DejaVuSans-Bold") for f in fonts), fonts


def test_missing_profile_font_is_a_clear_error(large_model: Initiative, tmp_path: Path) -> None:
    profile = large_model.municipality.profile.model_copy(
        update={"font": tmp_path / "finnes-ikke.ttf"}
    )
    municipality = large_model.municipality.model_copy(update={"profile": profile})
    model = large_model.model_copy(update={"municipality": municipality})
    with pytest.raises(OmradedokError, match=r"finnes-ikke\.ttf"):
        pdf_documents.render_handlingsplan(model, Language.NB)


def test_unknown_engine_is_refused(large_model: Initiative) -> None:
    with pytest.raises(OmradedokError, match="PDF-motor"):
        omradedok.plan(large_model, only=PDF_KINDS, pdf_engine="word")


def test_libreoffice_engine_without_soffice_says_so(
    large_model: Initiative, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_documents, "soffice_binary", lambda: None)
    with pytest.raises(OmradedokError, match="LibreOffice"):
        pdf_documents.docx_to_pdfa(b"PK", "handlingsplan.pdf")


def _check_pdfa(data: bytes, name: str) -> None:
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, f"{name}: not tagged"
    assert bool(root["/MarkInfo"]["/Marked"])
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert re.search(r"pdfaid:part(>|=\")2", xmp), f"{name}: no PDF/A-2 identification"
    assert re.search(r"pdfaid:conformance(>|=\")[AB]", xmp)


@pytest.mark.soffice
def test_docx_to_tagged_pdfa2(soffice: Any, sami_model: Initiative) -> None:
    """The conversion itself, on a small DOCX with a heading, a table and Sami text."""
    import docx

    document = docx.Document()
    document.add_heading("Báikegoddi ovttas", level=1)
    document.add_paragraph("Sámegiella: " + SAMI_LETTERS)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 0).text = "År", "2026"
    buffer = io.BytesIO()
    document.save(buffer)
    data = pdf_documents.docx_to_pdfa(buffer.getvalue(), "test.pdf")
    _check_pdfa(data, "test.pdf")
    assert all(ch in _text(data) for ch in SAMI_LETTERS)


@pytest.mark.soffice
def test_libreoffice_engine_builds_pdfa_from_the_docx(
    soffice: Any, sami_model: Initiative, tmp_path: Path
) -> None:
    planned = {a.filename for a in omradedok.plan(sami_model)}
    if "handlingsplan.docx" not in planned:
        pytest.skip("the «handlingsplan» DOCX kind is not registered in this checkout")
    result = omradedok.build(
        sami_model, tmp_path, only=["handlingsplan-pdf"], pdf_engine="libreoffice"
    )
    (path,) = result.paths
    data = path.read_bytes()
    _check_pdfa(data, path.name)
    text = _text(data)
    for main in sami_model.goals.main_goals:
        assert _flat(plain(main.title))[:40] in _flat(text)


def test_contents_over_two_pages_still_point_at_the_right_pages(
    large_model: Initiative,
) -> None:
    """A contents list longer than a page: its own length is known before layout, so the
    numbers of every entry (on both contents pages) are the headings' pages."""
    from omradedok.render.pdf import Cover, PdfDocument, PdfMeta

    meta = PdfMeta(
        title="Lang innholdsliste",
        author="Fjordvik kommune",
        subject="Test",
        keywords=("test",),
        language=Language.NB,
        date=large_model.document.date,
        header_left=large_model.title,
        header_title="Test",
        status="Utkast",
    )
    doc = PdfDocument(meta, large_model.municipality.profile)
    doc.cover(Cover(municipality="Fjordvik kommune", kind="Test", title="Lang innholdsliste"))
    doc.toc("Innhold")
    for n in range(1, 91):
        doc.heading(f"{n} Kapittel nummer {n}", level=0, new_page=n % 3 == 0)
        doc.paragraphs("Tekst. " * (40 * (n % 4)))
    reader = PdfReader(io.BytesIO(doc.render()))
    destinations = _outline_pages(reader)
    first = destinations["1 Kapittel nummer 1"]
    assert first >= 4  # the contents took more than one page (cover, contents …)
    listed = _contents_numbers(reader.pages[1 : first - 1], destinations)
    assert len(listed) == 90, sorted(set(destinations) - set(listed))[:5]
    assert all(listed[t] == destinations[t] for t in listed)
