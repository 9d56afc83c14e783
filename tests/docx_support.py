"""Helpers for the DOCX tests: build documents once per session and read them back."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

import omradedok
from omradedok.model import Initiative, Language

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NORDBYEN = EXAMPLES / "nordbyen-bokmal.yaml"
ELVEBAKKEN = EXAMPLES / "elvebakken-nynorsk.yaml"
SAMI = EXAMPLES / "guovdageaidnu-samisk.yaml"
KINDS = ("handlingsplan", "kommunikasjonsplan", "evalueringsplan", "saksframlegg")
NBSP = "\u00a0"


@cache
def model(path: Path) -> Initiative:
    return omradedok.load(path)


@cache
def built(path: Path, language: str | None = None) -> dict[str, bytes]:
    """filename → bytes of this issue's DOCX kinds for an example (rendered once)."""
    artifacts = omradedok.plan(model(path), language=language, only=KINDS)
    return {a.filename: a.render() for a in artifacts}


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def plain(text: str) -> str:
    """Non-breaking spaces as ordinary spaces, for readable assertions."""
    return text.replace(NBSP, " ")


@dataclass
class Block:
    kind: str
    """«p» or «table»."""
    style: str = ""
    text: str = ""
    rows: list[list[str]] | None = None
    element: Any = None

    @property
    def level(self) -> int | None:
        match = re.fullmatch(r"Heading(\d)", self.style)
        return int(match.group(1)) if match else None


def blocks(document: Any) -> list[Block]:
    """Body paragraphs and tables in reading order (also inside the TOC block)."""
    out: list[Block] = []

    def walk(parent: Any) -> Iterator[Any]:
        for child in parent.iterchildren():
            if child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)
            else:
                yield child

    for element in walk(document.element.body):
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            out.append(Block("p", style.get(qn("w:val")) if style is not None else "",
                             paragraph.text, element=element))
        elif element.tag == qn("w:tbl"):
            table = Table(element, document)
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            out.append(Block("table", rows=rows, element=element))
    return out


def headings(document: Any) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in blocks(document) if b.level is not None]


_CHAPTER_NUMBER = re.compile(r"\d+(?:\.\d+)* ")


def unnumbered(text: str) -> str:
    """A heading without its chapter number: «7.3 Økonomisk ramme» → «Økonomisk ramme»
    («DP1 Oppvekst», «Del 1 Programdel» stay as they are)."""
    match = _CHAPTER_NUMBER.match(text)
    return text[match.end() :] if match else text


def section(document: Any, title: str) -> list[Block]:
    """The blocks after the heading ``title`` (with or without its chapter number) up to the
    next heading of the same or higher level."""
    all_blocks = blocks(document)
    start = next(
        i
        for i, b in enumerate(all_blocks)
        if b.level is not None and title in (b.text, unnumbered(b.text))
    )
    level = all_blocks[start].level
    assert level is not None
    out = []
    for block in all_blocks[start + 1 :]:
        if block.level is not None and block.level <= level:
            break
        out.append(block)
    return out


def table_after(document: Any, title: str, index: int = 0) -> list[list[str]]:
    tables = [b for b in section(document, title) if b.kind == "table"]
    rows = tables[index].rows
    assert rows is not None
    return rows


def language_of(path: Path) -> Language:
    return model(path).municipality.language
