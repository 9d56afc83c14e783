"""Any view ``Document`` as one accessible, self-contained web page (semantic HTML).

The third renderer of ``view.blocks`` beside ``docx_body`` and ``pdf_body``, and like them it
knows no document kind: the plan's view (``documents/handlingsplan_doc``) is its first user,
an aktivitetsplan view can be the next. What it makes:

* one UTF-8 file with its CSS inline and its charts as ``data:`` PNG images, so it works
  offline and loads nothing from anywhere (no script, no font, no tile);
* ``<html lang>`` from the view's language, ``lang`` (and ``dir="rtl"`` for Arabic …) on
  every passage in another language, so screen readers switch voice;
* landmarks (header, nav, main, footer), a skip link, one ``h1`` (the title) and the view's
  sections one level below it, never skipping a level; a contents list of links;
* real tables (``caption`` «Tabell n: …», ``th`` with ``scope``, ``thead`` repeated in
  print), real lists, figures with their alt text, caption and their data as a table;
* the status line of a document that is not adopted (or the draft mark) as visible text;
* print CSS; colours from ``render.colors`` (white text on the primary colour darkened to
  4.5:1, links and headings in it on white).

The HTML comes from one Jinja2 template (``render/html/side.html``, shipped as package data)
with autoescape on: every text of the model is escaped by Jinja, none is marked safe here.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from ..locale import pick
from ..locale.format import format_date, format_date_range, format_money, format_quarter
from ..model import Language
from ..model.passages import RTL_LANGUAGES, passages
from ..view.blocks import (
    Block,
    Document,
    Figure,
    Inline,
    ItemList,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Span,
    Table,
    iter_blocks,
)
from ..view.graphics import BarChart, ChartSpec, Timeline, Tree, TreeNode
from .colors import darken_for_white, header_fill
from .view_rules import Numbers, caption_text, column_align, display_rows, document_language

__all__ = ["render_html_body"]

TEMPLATE_FOLDER = Path(__file__).resolve().parent / "html"
TEMPLATE_NAME = "side.html"

CHART_DPI = 144
"""Twice the CSS pixel density of a point (72 pt = 96 px): sharp on a high-density screen."""


def _image_type(data: bytes, suffix: str) -> str | None:
    """The MIME type of a logo, from its first bytes (an SVG from its name)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if suffix == ".svg":
        return "image/svg+xml"
    return None


def render_html_body(document: Document) -> bytes:
    """The web page of ``document`` as UTF-8 bytes (reproducible: same view, same bytes)."""
    page = _Page(document).context()
    return _template().render(page=page).encode("utf-8")


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_FOLDER)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template(TEMPLATE_NAME)


# ------------------------------------------------------------------------------ text pieces


@dataclass(frozen=True)
class _Piece:
    """A span as the template prints it."""

    text: str
    lang: str | None = None
    bold: bool = False
    italic: bool = False
    link: str | None = None

    @property
    def dir(self) -> str | None:
        if self.lang and self.lang.split("-")[0].lower() in RTL_LANGUAGES:
            return "rtl"
        return None


def _pieces(content: Inline) -> list[_Piece]:
    out = []
    for span in content:
        out.extend(_span_pieces(span))
    return out


def _span_pieces(span: Span) -> list[_Piece]:
    # a span of the document's language may still mark passages («[se: …]»), as headings do
    return [
        _Piece(p.text, p.lang or span.lang, span.bold, span.italic, span.link)
        for p in passages(span.text)
        if p.text
    ]


def _marked(text: str, lang: str | None = None) -> list[_Piece]:
    """A plain text that may mark passages in another language: one piece each."""
    return _span_pieces(Span(text, lang=lang))


_RESERVED_IDS = frozenset({"innhold", "innholdsliste"})
"""The ids the template itself uses (main, the contents list)."""

# ----------------------------------------------------------------------------------- words

_WORDS = {
    "skip": ("Hopp til innholdet", "Hopp til innhaldet"),
    "contents": ("Innhold", "Innhald"),
    "data": ("Tallene i figuren", "Tala i figuren"),
    "content": ("Innholdet i figuren", "Innhaldet i figuren"),
    "category": ("Kategori", "Kategori"),
    "year": ("År", "År"),
    "sum": ("Sum", "Sum"),
    "estimate": ("anslag", "anslag"),
    "what": ("Hva", "Kva"),
    "when": ("Når", "Når"),
    "planned": ("Planlagt", "Planlagt"),
    "milestones": ("Milepæler", "Milepælar"),
    "document_facts": ("Om dokumentet", "Om dokumentet"),
    "logo": ("Kommunevåpen", "Kommunevåpen"),
}


# ----------------------------------------------------------------------------------- page


@dataclass
class _Page:
    view: Document
    lang: Language = field(init=False)
    numbers: Numbers = field(init=False)
    ids: set[str] = field(default_factory=set)
    section_ids: dict[int, str] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)
    """The titles of the sections being rendered (innermost last): an uncaptioned table's
    caption, so every table has a name for screen readers."""

    def __post_init__(self) -> None:
        self.lang = document_language(self.view.meta.language)
        self.numbers = Numbers(self.view.body)
        for section in (b for b in iter_blocks(self.view.body) if isinstance(b, Section)):
            self.section_ids[id(section)] = self._new_id(section.key or section.number or "del")

    def word(self, key: str) -> str:
        nb, nn = _WORDS[key]
        return pick(self.lang, nb, nn)

    def _new_id(self, base: str) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "del"
        if not slug[0].isalpha():
            slug = f"kap-{slug}"
        candidate, n = slug, 1
        while candidate in self.ids or candidate in _RESERVED_IDS:
            n += 1
            candidate = f"{slug}-{n}"
        self.ids.add(candidate)
        return candidate

    # -- the whole page -------------------------------------------------------------------

    def context(self) -> dict[str, Any]:
        view = self.view
        fill, ink = header_fill(view.brand.primary)
        head = view.running_head
        status = head.status_line or (head.watermark or "")
        cover = view.cover
        title = cover.title if cover is not None else view.meta.title
        return {
            "lang": view.meta.language,
            "title": view.meta.title,
            "description": view.meta.subject,
            "author": view.meta.author,
            "keywords": ", ".join(view.meta.keywords),
            "date": view.meta.date.isoformat() if view.meta.date else "",
            "colors": {
                "fill": fill,
                "ink": ink,
                "accent": "#" + darken_for_white(view.brand.primary, 7.0),
                "secondary": "#" + darken_for_white(view.brand.secondary),
            },
            "words": {k: self.word(k) for k in _WORDS},
            "status": status,
            "watermark": head.watermark or "",
            "show_watermark": bool(head.watermark)
            and (head.watermark or "").lower() not in status.lower(),
            "head": {"left": _marked(head.left), "centre": _marked(head.centre)},
            "logo": self._logo(),
            "cover": self._cover(),
            "h1": _marked(title),
            "contents_title": view.contents_title,
            "contents": self._contents(view.body, 1) if view.contents_title else [],
            "body": [n for n in (self._block(b) for b in view.body) if n is not None],
            "footer": _marked(head.footer_left),
        }

    def _logo(self) -> dict[str, str] | None:
        brand = self.view.brand
        if brand.logo is None:
            return None
        data = Path(brand.logo).read_bytes()  # unreadable: the same error as the DOCX's
        mime = _image_type(data, Path(brand.logo).suffix.lower())
        if mime is None:
            return None  # not an image a browser shows inline
        alt = brand.logo_alt_text or (self.view.cover.municipality if self.view.cover else "")
        return {"src": _data_uri(mime, data), "alt": alt or self.word("logo")}

    def _cover(self) -> dict[str, Any] | None:
        cover = self.view.cover
        if cover is None:
            return None
        return {
            "municipality": _marked(cover.municipality),
            "kind": _marked(cover.kind),
            "subtitle": _marked(cover.subtitle),
            "facts": [(_marked(k), _marked(v)) for k, v in cover.facts],
            "statement": _marked(cover.statement),
        }

    def _contents(self, blocks: tuple[Block, ...], level: int) -> list[dict[str, Any]]:
        out = []
        for block in blocks:
            if not isinstance(block, Section) or not block.in_contents:
                continue
            children = (
                self._contents(block.children, level + 1)
                if level < self.view.contents_depth
                else []
            )
            out.append(
                {
                    "id": self.section_ids[id(block)],
                    "number": block.number,
                    "title": _marked(block.title),
                    "children": children,
                }
            )
        return out

    # -- blocks ---------------------------------------------------------------------------

    def _block(self, block: Block) -> dict[str, Any] | None:
        if isinstance(block, Section):
            return self._section(block)
        if isinstance(block, Paragraph):
            return {"type": "p", "role": block.role, "content": _pieces(block.content)}
        if isinstance(block, ItemList):
            return self._list(block)
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        if isinstance(block, PageBreak):
            return None
        raise TypeError(f"ukjent blokk i visningen: {type(block).__name__}")

    def _section(self, section: Section) -> dict[str, Any]:
        level = section.level + 1  # the h1 is the document's title
        self.headings.append(section.title)
        children = [n for n in (self._block(b) for b in section.children) if n is not None]
        self.headings.pop()
        return {
            "type": "section",
            "id": self.section_ids[id(section)],
            "level": level,
            "tag": f"h{level}" if level <= 6 else "",
            "number": section.number,
            "title": _marked(section.title),
            "new_page": section.new_page,
            "children": children,
        }

    def _list(self, block: ItemList) -> dict[str, Any]:
        return {
            "type": "list",
            "numbered": block.numbered,
            "items": [
                {
                    "content": _pieces(item.content),
                    "children": self._list(item.children) if item.children else None,
                }
                for item in block.items
            ],
        }

    def _table(self, table: Table) -> dict[str, Any]:
        caption, hidden = (self.headings[-1] if self.headings else self.view.meta.title), True
        if table.caption:
            label, number, text = caption_text(table, self.numbers)
            caption, hidden = f"{label} {number}: {text}", False
        n = len(table.columns)
        aligns = [column_align(table, i) for i in range(n)]
        rows, heads = display_rows(table)
        groups: list[dict[str, Any]] = [{"heading": None, "rows": []}]
        for row in rows[heads:]:
            if row.kind == "subheading":
                text = " ".join(c.text for c in row.cells if c.text)
                groups.append({"heading": _marked(text), "rows": []})
                continue
            groups[-1]["rows"].append(self._row(row, aligns, header=False))
        return {
            "type": "table",
            "id": self._new_id(f"tabell-{table.key}" if table.key else "tabell"),
            "caption": _marked(caption),
            "caption_hidden": hidden,
            "columns": n,
            "wide": table.wide or n > 5,
            "head": [self._row(r, aligns, header=True) for r in rows[:heads]],
            "groups": [g for g in groups if g["rows"] or g["heading"]],
        }

    def _row(self, row: Row, aligns: list[str], *, header: bool) -> dict[str, Any]:
        cells = []
        position = 0
        for index, value in enumerate(row.cells):
            align = aligns[position] if value.span == 1 else "left"
            pieces = _marked(value.text, value.lang)
            if header:
                kind, scope = "th", ("colgroup" if value.span > 1 else "col")
            elif index == 0 and value.text.strip() and not value.is_amount:
                kind, scope = "th", "row"  # the first cell names the row
            else:
                kind, scope = "td", ""
            if header and not value.text.strip():
                kind, scope = "td", ""  # an empty corner is no header
            cells.append(
                {
                    "tag": kind,
                    "scope": scope,
                    "span": value.span,
                    "align": align,
                    "bold": value.bold,
                    "indent": value.indent,
                    "content": pieces,
                }
            )
            position += value.span
        return {"kind": row.kind, "cells": cells}

    def _figure(self, figure: Figure) -> dict[str, Any]:
        from .charts import chart_for, charts_png, style_for

        chart = chart_for(figure, style_for(self.view.brand))
        width_pt = float(chart.drawing().width)
        height_pt = float(chart.drawing().height)
        png = charts_png([chart], CHART_DPI)[0]
        label, number, text = caption_text(figure, self.numbers)
        return {
            "type": "figure",
            "id": self._new_id(f"figur-{figure.key}" if figure.key else "figur"),
            "src": _data_uri("image/png", png),
            "alt": figure.alt_text,
            "width": round(width_pt * 96 / 72),
            "height": round(height_pt * 96 / 72),
            "caption": _marked(f"{label} {number}: {text}"),
            "data": self._chart_data(figure.chart, text),
        }

    # -- a chart's numbers as a table or list ---------------------------------------------

    def _chart_data(self, spec: ChartSpec, caption: str) -> dict[str, Any]:
        if isinstance(spec, BarChart):
            return self._bar_data(spec, caption)
        if isinstance(spec, Timeline):
            return self._timeline_data(spec, caption)
        return self._tree_data(spec)

    def _bar_data(self, spec: BarChart, caption: str) -> dict[str, Any]:
        years = all(c.isdigit() for c in spec.categories)
        heads = [
            self.word("year") if years else self.word("category"),
            *(s.label for s in spec.series),
            self.word("sum"),
        ]
        rows: list[dict[str, Any]] = []
        for index, category in enumerate(spec.categories):
            values = [self._kroner(s.values[index]) for s in spec.series]
            total = self._kroner(spec.total(index))
            if spec.estimated and spec.estimated[index] and total != "–":
                total = f"{self.word('estimate')} {total}"
            rows.append({"group": None, "head": _marked(category), "cells": [*values, total]})
        return {
            "kind": "table",
            "summary": self.word("data"),
            "numeric": True,
            "caption": caption,
            "heads": heads,
            "rows": rows,
            "milestones": [],
        }

    def _kroner(self, value: float) -> str:
        return format_money(round(value), self.lang) if value else "–"

    def _timeline_data(self, spec: Timeline, caption: str) -> dict[str, Any]:
        with_plan = any(i.planned for i in spec.items)
        heads = [self.word("what"), self.word("when")]
        if with_plan:
            heads.append(self.word("planned"))
        rows: list[dict[str, Any]] = []
        for item in spec.items:
            if item.heading:
                rows.append({"group": _marked(item.label), "head": [], "cells": []})
                continue
            cells = [self._periods(item.periods, spec.scale)]
            if with_plan:
                cells.append(self._period(*item.planned, spec.scale) if item.planned else "")
            rows.append({"group": None, "head": _marked(item.label), "cells": cells})
        milestones = [
            {"when": m.when or format_date(m.date, self.lang), "label": _marked(m.label)}
            for m in spec.milestones
        ]
        return {
            "kind": "table",
            "summary": self.word("content"),
            "numeric": False,
            "caption": caption,
            "heads": heads,
            "rows": rows,
            "milestones": milestones,
            "milestone_title": spec.milestone_title or self.word("milestones"),
        }

    def _periods(self, periods: tuple[tuple[dt.date, dt.date], ...], scale: str) -> str:
        """The periods a row is active, overlapping and touching ones joined (the chart
        draws one bar per activity; a reader wants «K1 2026–K4 2027», not six bars' worth)."""
        if scale == "quarters":
            quarters = sorted(
                {
                    q
                    for start, end in periods
                    for q in range(_quarter(start), max(_quarter(start), _quarter(end)) + 1)
                }
            )
            runs: list[list[int]] = []
            for q in quarters:
                if runs and q == runs[-1][1] + 1:
                    runs[-1][1] = q
                else:
                    runs.append([q, q])
            return "; ".join(
                self._period(_quarter_start(a), _quarter_start(b), scale) for a, b in runs
            )
        joined: list[list[dt.date]] = []
        for start, end in sorted(periods):
            if joined and start <= joined[-1][1] + dt.timedelta(days=1):
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        return "; ".join(self._period(a, b, scale) for a, b in joined)

    def _period(self, start: dt.date, end: dt.date, scale: str) -> str:
        if scale == "quarters":
            first, last = format_quarter(start), format_quarter(end)
            return first if first == last else f"{first}–{last}"
        return format_date_range(start, end, self.lang)

    def _tree_data(self, spec: Tree) -> dict[str, Any]:
        def node(n: TreeNode) -> dict[str, Any]:
            return {
                "number": n.number,
                "label": _marked(n.label),
                "note": _marked(n.note),
                "children": [node(c) for c in n.children],
            }

        return {
            "kind": "tree",
            "summary": self.word("content"),
            "roots": [node(r) for r in spec.roots],
        }


def _quarter(day: dt.date) -> int:
    return day.year * 4 + (day.month - 1) // 3


def _quarter_start(index: int) -> dt.date:
    return dt.date(index // 4, index % 4 * 3 + 1, 1)


def _data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
