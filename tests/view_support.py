"""Reading rendered views back: headings of a DOCX, the outline and text of a PDF, amounts."""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from docx import Document as open_docx
from pypdf import PdfReader

AMOUNT = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?[ \u00a0](?:mill\.[ \u00a0])?kr"
)


def docx_headings(data: bytes) -> list[tuple[int, str]]:
    """(level, text) of every Heading N paragraph of the body, in order."""
    out = []
    for paragraph in open_docx(io.BytesIO(data)).paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading "):
            out.append((int(name.split()[1]), paragraph.text))
    return out


def pdf_outline(data: bytes) -> list[tuple[int, str]]:
    """(level, title) of every outline entry (bookmark), depth first; level 1 is the top."""
    reader = PdfReader(io.BytesIO(data))
    out: list[tuple[int, str]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, str(item.title)))

    walk(reader.outline, 1)
    return out


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def pdf_columns(data: bytes) -> list[str]:
    """Text drawn at one left edge, top to bottom, per page: the lines of a table column
    (a wrapped cell's lines are interleaved with its neighbours' in plain text order)."""
    streams = []
    for page in PdfReader(io.BytesIO(data)).pages:
        chunks: list[tuple[float, float, str]] = []

        def visit(
            text: str, cm: Any, tm: Any, font: Any, size: Any, chunks: list[Any] = chunks
        ) -> None:
            if text.strip():
                chunks.append(
                    (round(float(tm[4]) + float(cm[4])), -(float(tm[5]) + float(cm[5])), text)
                )

        page.extract_text(visitor_text=visit)
        by_x: dict[float, list[tuple[float, str]]] = {}
        for x, y, text in chunks:
            by_x.setdefault(x, []).append((y, text))
        streams += [" ".join(t for _, t in sorted(items)) for items in by_x.values()]
    return streams


def squeeze(text: str) -> str:
    """Text without spaces, line breaks and hyphens: what survives any line breaking."""
    return re.sub(r"[\s\u00ad\-]", "", text)


def amounts(text: str) -> Counter[str]:
    """The multiset of amounts («60 000 kr», «7,3 mill. kr»), spaces normalised."""
    return Counter(re.sub(r"[\u00a0\u202f ]", " ", m) for m in AMOUNT.findall(text))
