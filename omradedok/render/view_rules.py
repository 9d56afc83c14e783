"""Rules every renderer of a view applies the same way, so DOCX and PDF cannot disagree.

Which columns are right-aligned, how wide each column is, what a caption says, which
language a tag names, how the brand becomes fonts and colours: decided once here, read by
``docx_body`` and ``pdf_body``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Language, Profile
from ..view.blocks import Block, Brand, Cell, Column, Figure, Row, Section, Table, iter_blocks

__all__ = [
    "Numbers",
    "caption_text",
    "column_align",
    "column_widths",
    "display_rows",
    "document_language",
    "heading_levels",
    "profile_of",
    "starts_wide",
]

CAPTION_LABELS = {"table": "Tabell", "figure": "Figur"}
"""The same word in bokmål and nynorsk."""


def document_language(tag: str) -> Language:
    """«nn-NO», «nn» → nynorsk; anything else bokmål (the documents' two written standards)."""
    return Language.NN if tag.lower().split("-")[0] == "nn" else Language.NB


def column_align(table: Table, index: int) -> str:
    """«left», «right» or «center»: the column's own choice, else right when every filled
    body cell of the column is an amount (sums line up), else left."""
    column: Column = table.columns[index]
    if column.align is not None:
        return column.align
    values = []
    for row in table.rows:
        if row.kind not in ("body", "sum"):
            continue
        position = 0
        for cell in row.cells:
            if position == index and cell.span == 1 and cell.text:
                values.append(cell.is_amount)
            position += cell.span
    return "right" if values and all(values) else "left"


def display_rows(table: Table) -> tuple[list[Row], int]:
    """The rows as printed, and how many of them head the table (repeated on every page):
    the leading ``header`` rows (group titles such as «Finansiering» over its columns) come
    first, then the column titles, then the rest."""
    lead = 0
    while lead < len(table.rows) and table.rows[lead].kind == "header":
        lead += 1
    titles = Row(tuple(Cell(c.title) for c in table.columns), "header")
    return [*table.rows[:lead], titles, *table.rows[lead:]], lead + 1


def column_widths(table: Table) -> list[float]:
    """Each column's share of the text width (sums to 1): given widths as they are, the
    rest shared equally by the columns without one."""
    given = sum(c.width for c in table.columns if c.width is not None)
    free = [c for c in table.columns if c.width is None]
    rest = max(0.0, 1.0 - given) / len(free) if free else 0.0
    widths = [c.width if c.width is not None else rest for c in table.columns]
    total = sum(widths) or 1.0
    return [w / total for w in widths]


class Numbers:
    """Running numbers of tables and figures in document order, the same in every format
    («Tabell 3», «Figur 2»)."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self._numbers: dict[int, int] = {}
        counts = {"table": 0, "figure": 0}
        for block in iter_blocks(blocks):
            if isinstance(block, Table) and block.caption:
                kind = "table"
            elif isinstance(block, Figure):
                kind = "figure"
            else:
                continue
            counts[kind] += 1
            self._numbers[id(block)] = counts[kind]

    def of(self, block: Table | Figure) -> int:
        return self._numbers[id(block)]


def caption_text(block: Table | Figure, numbers: Numbers) -> tuple[str, int, str]:
    """(label, number, caption): «Tabell», 3, «Budsjett per delprogram»."""
    kind = "table" if isinstance(block, Table) else "figure"
    return CAPTION_LABELS[kind], numbers.of(block), block.caption


def profile_of(brand: Brand) -> Profile:
    """The brand as the PDF machinery's profile (colours, logo, own fonts)."""
    return Profile(
        primary_color=brand.primary,
        secondary_color=brand.secondary,
        logo=brand.logo,
        logo_alt_text=brand.logo_alt_text,
        font=brand.font,
        font_bold=brand.font_bold,
    )


def heading_levels(blocks: Iterable[Block]) -> list[tuple[int, str]]:
    """(level, heading as printed) of every section in order: what a table of contents, the
    PDF outline and Word's navigation pane show."""
    return [(b.level, b.heading) for b in iter_blocks(blocks) if isinstance(b, Section)]


def starts_wide(block: Block) -> bool:
    """A section whose first block is a wide table starts on the table's landscape page, so
    its heading is never left alone at the foot of the portrait page before."""
    while isinstance(block, Section) and block.children:
        block = block.children[0]
    return isinstance(block, Table) and block.wide
