"""The document view: typed, format-neutral blocks that every renderer reads.

Why a view: when each output format reads the model itself, the formats drift apart (activity
order, an over-budget warning, chapter numbering did). A document kind maps the model to ONE
:class:`Document` made of the blocks below; ``render/docx_body`` and ``render/pdf_body`` turn
that same tree into DOCX and PDF, so the two can differ in medium (page size, running head)
but never in content.

Rules the blocks keep:

* Everything is already text for the reader: numbers, dates and amounts are formatted
  (Babel, no-break spaces) by the kind; a renderer never formats or sums.
* An amount keeps its number beside its text (:class:`Amount`), so a parity test can compare
  the amounts of two formats and a spreadsheet can hold the value.
* Plain frozen dataclasses, no model imports: a view can be built in a test or by another
  tool without an ``Initiative``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Literal, TypeAlias

from .graphics import ChartSpec

__all__ = [
    "Amount",
    "Block",
    "Brand",
    "Cell",
    "Column",
    "Cover",
    "Document",
    "Figure",
    "Inline",
    "ItemList",
    "ListItem",
    "Meta",
    "PageBreak",
    "Paragraph",
    "ParagraphRole",
    "Row",
    "RowKind",
    "RunningHead",
    "Section",
    "Span",
    "Table",
    "bullets",
    "cell",
    "inline",
    "iter_blocks",
    "iter_sections",
    "numbered",
    "para",
    "paras",
    "plain",
]


# ----------------------------------------------------------------------------- inline text


@dataclass(frozen=True)
class Span:
    """A run of text with one look. ``lang`` marks text in another language than the
    document's (a Northern Sami name: «se-NO»), so screen readers switch voice; ``link`` makes
    the span a hyperlink (an address the reader can follow in both DOCX and PDF). A «\n» in
    ``text`` is a line break inside the paragraph (DOCX ``w:br``, PDF ``<br/>``); other white
    space is text."""

    text: str
    bold: bool = False
    italic: bool = False
    lang: str | None = None
    link: str | None = None


Inline: TypeAlias = tuple[Span, ...]
"""The content of a paragraph, list item or caption: spans in reading order."""


def inline(*parts: str | Span) -> Inline:
    """Spans from strings and spans (a string is a plain span); empty strings are dropped."""
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts if p)


def plain(content: Inline | str) -> str:
    """The text a reader sees, without looks: what tests and alt texts compare."""
    if isinstance(content, str):
        return content
    return "".join(s.text for s in content)


# ------------------------------------------------------------------------------ paragraphs

ParagraphRole: TypeAlias = Literal["body", "lead", "note", "warning", "caption", "quote", "small"]
"""What a paragraph is for, not how it looks: each renderer maps a role to its own style
(a Word paragraph style, a platypus ParagraphStyle), so the house style lives in one place
per format and the view never carries font sizes."""


@dataclass(frozen=True)
class Paragraph:
    content: Inline
    role: ParagraphRole = "body"

    @property
    def text(self) -> str:
        return plain(self.content)


@dataclass(frozen=True)
class ListItem:
    """One point; ``children`` is a list nested under it (one level deeper)."""

    content: Inline
    children: ItemList | None = None


@dataclass(frozen=True)
class ItemList:
    """A bulleted or numbered list: real list paragraphs (Word numbering, PDF bullets), never
    lines starting with «•» typed into body text."""

    items: tuple[ListItem, ...]
    numbered: bool = False


# ---------------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Amount:
    """A number and the text it is printed as («60 000 kr», «7,3 mill. kr»). Renderers print
    ``text``; ``value`` is there for parity tests, spreadsheets and right alignment."""

    value: Decimal | int | float
    text: str


@dataclass(frozen=True)
class Cell:
    """One table cell: text or an amount. ``span`` merges it over the next columns;
    ``indent`` steps it in (a project under its delprogram)."""

    value: str | Amount
    span: int = 1
    bold: bool = False
    indent: int = 0
    lang: str | None = None

    @property
    def text(self) -> str:
        return self.value.text if isinstance(self.value, Amount) else self.value

    @property
    def is_amount(self) -> bool:
        return isinstance(self.value, Amount)


def cell(value: str | Amount | Cell, **looks: bool | int | str | None) -> Cell:
    """A cell from a text, an amount or a cell (``looks`` as for :class:`Cell`)."""
    if isinstance(value, Cell):
        return replace(value, **looks) if looks else value  # type: ignore[arg-type]
    return Cell(value, **looks)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Column:
    """A column: its header text, its share of the text width (``width`` in 0–1; None shares
    what the others leave) and its alignment (None: ``view_rules.column_align`` decides from
    the cells, so amounts are right-aligned everywhere without each kind saying so)."""

    title: str
    width: float | None = None
    align: Literal["left", "right", "center"] | None = None


RowKind: TypeAlias = Literal["header", "body", "sum", "subheading"]
"""``header`` rows repeat on every page (after the column titles); ``sum`` rows are bold and
ruled; a ``subheading`` row heads a group (one cell spanning the table)."""


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: RowKind = "body"


@dataclass(frozen=True)
class Table:
    """A real table with column titles as its first (repeated) header row.

    ``wide`` asks for a landscape page (a table with many columns); ``caption`` is printed
    above it as «Tabell n: …» and names it for screen readers."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    caption: str = ""
    repeat_header: bool = True
    wide: bool = False
    key: str = ""

    def __post_init__(self) -> None:
        n = len(self.columns)
        for i, row in enumerate(self.rows):
            used = sum(c.span for c in row.cells)
            if used > n:
                raise ValueError(
                    f"tabell «{self.caption}», rad {i + 1}: {used} celler, {n} kolonner"
                )


# ------------------------------------------------------------------------- figures, breaks


@dataclass(frozen=True)
class Figure:
    """A chart (a ``view.graphics`` spec, drawn the same in every format) with the text a
    reader without sight gets (``alt_text``: the data, not «diagram») and its caption."""

    chart: ChartSpec
    alt_text: str
    caption: str
    key: str = ""

    def __post_init__(self) -> None:
        if not self.alt_text.strip():
            raise ValueError(f"figur «{self.caption}» mangler alternativ tekst")


@dataclass(frozen=True)
class PageBreak:
    """Start a new page here (a hint: renderers honour it, medium permitting)."""


# -------------------------------------------------------------------------------- sections

Block: TypeAlias = "Paragraph | ItemList | Table | Figure | PageBreak | Section"


@dataclass(frozen=True)
class Section:
    """A heading and what belongs under it, including deeper sections.

    ``number`` is printed before the title («3.2») and is the same in every format
    (:func:`numbered` assigns it); ``key`` is a stable anchor (bookmarks, cross references);
    ``new_page`` starts the section on a new page; ``in_contents`` lists it in the table of
    contents. A heading never ends a page: renderers keep it with what follows."""

    title: str
    children: tuple[Block, ...] = ()
    level: int = 1
    number: str = ""
    key: str = ""
    new_page: bool = False
    in_contents: bool = True

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 6:
            raise ValueError(f"overskrift «{self.title}»: nivå {self.level} (1–6)")
        for child in self.children:
            # one level down, never a jump: the PDF outline and Word's navigation need it
            if isinstance(child, Section) and child.level != self.level + 1:
                raise ValueError(
                    f"overskrift «{child.title}» (nivå {child.level}) ligger rett under "
                    f"«{self.title}» (nivå {self.level}); bruk nivå {self.level + 1}"
                )

    @property
    def heading(self) -> str:
        """The heading as printed: number and title."""
        return f"{self.number} {self.title}" if self.number else self.title


# ---------------------------------------------------------------------------- the document


@dataclass(frozen=True)
class Meta:
    """Document properties every format stores: title, subject, language (BCP 47: «nb-NO»,
    «nn-NO»), keywords, author (the municipality) and the document's own date (printed, and
    the files' creation date, so identical input gives identical bytes)."""

    title: str
    language: str = "nb-NO"
    subject: str = ""
    keywords: tuple[str, ...] = ()
    author: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class Brand:
    """The municipality's look: colours as «#RRGGBB» (header cells are darkened to a 4.5:1
    contrast by ``render.colors``), an optional logo file with its alternative text, and an
    optional own TrueType font (regular, bold) for the PDF and the charts."""

    primary: str = "#1F4E79"
    secondary: str = "#5B7F95"
    logo: Path | None = None
    logo_alt_text: str = ""
    font: Path | None = None
    font_bold: Path | None = None


@dataclass(frozen=True)
class RunningHead:
    """What the page header and footer say: left (area), centre (short title), right
    (status), the footer's left text, and a watermark for drafts («UTKAST»)."""

    left: str = ""
    centre: str = ""
    right: str = ""
    footer_left: str = ""
    watermark: str | None = None
    status_line: str = ""
    """The status line under the header of a document that is not adopted
    («TIL POLITISK BEHANDLING – versjon 1.0 – 24. februar 2026»); «» once adopted."""


@dataclass(frozen=True)
class Cover:
    """The cover page: municipality, kind of document, title, and the facts under it."""

    municipality: str
    kind: str
    title: str
    subtitle: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    statement: str = ""


@dataclass(frozen=True)
class Document:
    """One document, as every format prints it."""

    meta: Meta
    body: tuple[Block, ...]
    brand: Brand = field(default_factory=Brand)
    running_head: RunningHead = field(default_factory=RunningHead)
    cover: Cover | None = None
    contents_title: str = ""
    """Title of the table of contents; empty: no table of contents."""
    contents_depth: int = 2

    def __post_init__(self) -> None:
        for block in self.body:
            if isinstance(block, Section) and block.level != 1:
                raise ValueError(f"overskrift «{block.title}» øverst i dokumentet må ha nivå 1")


# --------------------------------------------------------------------------------- helpers

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def para(*parts: str | Span, role: ParagraphRole = "body") -> Paragraph:
    return Paragraph(inline(*parts), role)


def paras(text: str, role: ParagraphRole = "body") -> tuple[Paragraph, ...]:
    """Paragraphs from prose as a clerk types it: a blank line starts a new paragraph, lines
    wrapped inside one are joined with a space."""
    out = []
    for chunk in _BLANK_LINE.split(text.replace("\r\n", "\n").strip()):
        joined = " ".join(chunk.split())
        if joined:
            out.append(Paragraph((Span(joined),), role))
    return tuple(out)


def bullets(items: Iterable[str | Inline], *, numbered: bool = False) -> ItemList:
    """A flat list from texts (empty ones dropped)."""
    return ItemList(
        tuple(ListItem(inline(i) if isinstance(i, str) else i) for i in items if plain(i).strip()),
        numbered,
    )


def numbered(children: Sequence[Block], prefix: str = "") -> tuple[Block, ...]:
    """Number the sections «1», «2», «2.1» … in order, at every depth; other blocks are kept.
    A section with ``in_contents=False`` (a preface) stays unnumbered and does not count."""
    out: list[Block] = []
    count = 0
    for child in children:
        if isinstance(child, Section) and child.in_contents:
            count += 1
            number = f"{prefix}{count}"
            out.append(
                replace(child, number=number, children=numbered(child.children, f"{number}."))
            )
        else:
            out.append(child)
    return tuple(out)


def iter_sections(blocks: Iterable[Block]) -> Iterable[Section]:
    """Every section, depth first in document order (the order of the headings)."""
    for block in blocks:
        if isinstance(block, Section):
            yield block
            yield from iter_sections(block.children)


def iter_blocks(blocks: Iterable[Block]) -> Iterable[Block]:
    """Every block, sections included, depth first in document order."""
    for block in blocks:
        yield block
        if isinstance(block, Section):
            yield from iter_blocks(block.children)
