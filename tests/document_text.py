"""Every text a built document set shows, read back with real clients (python-docx, openpyxl,
pypdf) – for tests that ask what the documents say, whatever their format."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


LIST_SHEETS = ("Lister",)
"""The drop-down lists of the activity plan: every choice, not a fact about the plan."""


def xlsx_text(data: bytes, *, skip: tuple[str, ...] = LIST_SHEETS) -> str:
    wb = load_workbook(io.BytesIO(data))
    parts = []
    for ws in wb.worksheets:
        if ws.title in skip:
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and not str(cell.value).startswith("="):
                    parts.append(str(cell.value))
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def file_text(path: Path) -> str:
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_text(data)
    if suffix == ".xlsx":
        return xlsx_text(data)
    if suffix == ".pdf":
        return pdf_text(data)
    return ""


def folder_texts(folder: Path) -> dict[str, str]:
    """File name → its text, for every DOCX, XLSX and PDF in a build folder."""
    return {
        p.name: file_text(p)
        for p in sorted(folder.rglob("*"))
        if p.suffix.lower() in (".docx", ".xlsx", ".pdf")
    }
