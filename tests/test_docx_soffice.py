"""LibreOffice opens and converts every DOCX of this issue (one soffice call for all)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_support import ELVEBAKKEN, NORDBYEN, SAMI, built

pypdf = pytest.importorskip("pypdf")


@pytest.mark.soffice
def test_libreoffice_converts_every_docx(soffice, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sources = []
    for path in (NORDBYEN, ELVEBAKKEN, SAMI):
        stem = path.stem.split("-")[0]
        for filename, data in built(path).items():
            target = tmp_path / f"{stem}-{filename}"
            target.write_bytes(data)
            sources.append(target)
    assert len(sources) == 12
    pdfs = soffice(sources, tmp_path / "pdf", "pdf")
    pages = {}
    for pdf in pdfs:
        reader = pypdf.PdfReader(pdf)
        pages[pdf.stem] = len(reader.pages)
        text = "".join(page.extract_text() or "" for page in reader.pages)
        assert "Side 1 av" in text, pdf.name
        if pdf.stem.endswith("handlingsplan"):
            assert "Del 2 Prosjektoversikt" in text
    assert pages["nordbyen-handlingsplan"] >= 15
    assert pages["nordbyen-saksframlegg"] >= 2
    toc = pypdf.PdfReader(tmp_path / "pdf" / "nordbyen-handlingsplan.pdf").pages[1].extract_text()
    # LibreOffice computes the page numbers of the table of contents (not all «1»).
    assert "Innhold" in toc and "Del 2 Prosjektoversikt" in toc
    numbers = [line.rsplit(" ", 1)[-1].strip(".") for line in toc.splitlines() if "..." in line]
    assert len(set(numbers)) > 3, toc
