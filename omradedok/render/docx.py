"""The generic DOCX renderer: docxtpl templates rendered in Jinja2's sandbox, fast and safe.

Every DOCX document kind renders through :func:`render_docx`::

    from omradedok.render.docx import DocMeta, Picture, render_docx

    meta = DocMeta(title="Handlingsplan for Områdeløft Nordbyen", date=model.document.date,
                   language=Language.NB, author="Fjordvik kommune",
                   subject="Områdeløft Nordbyen 2026–2031", keywords=("områdeløft", "handlingsplan"))
    data: bytes = render_docx("saksframlegg.docx", view, meta=meta, template_dir=None)

Templates use docxtpl's syntax (``{{ x }}``, ``{%p if %}``, ``{%tr for %}``, ``{%tc %}``,
``{%r %}``, ``{{p x }}``) and are looked up first in ``template_dir`` (a municipality's own
letterhead folder), then in the built-in :func:`omradedok.resources.templates_dir`.

What the renderer guarantees, whatever the template and the text:

* **Sandbox** – templates run in :class:`~omradedok.render.sandbox.BoundedEnvironment` (Jinja's
  immutable sandbox, bounded in time, memory and output) with autoescape and
  :class:`jinja2.StrictUndefined`; reaching for Python internals (``''.__class__.__mro__``), an
  unknown variable, ``{{ 1/0 }}`` or any bound of the sandbox raises a
  :class:`~omradedok.errors.LocatedTemplateError` saying which template, part, line and field,
  what, and how to fix it.
* **Text safety** – every ``{{ value }}`` is XML-escaped (``& < > " '``); a line break becomes
  a Word line break (``<w:br/>``), a tab a Word tab; XML-illegal control characters are
  removed; ``None`` prints as nothing. The rendered XML is parsed before it is written, so
  a broken template gives a TemplateError, never a corrupt file.
* **Norwegian formatting filters** from :mod:`omradedok.locale` in the document's language:
  ``date`` («26. november 2026»), ``date_short`` («26.11.2026»), ``money`` («1 250 000 kr»),
  ``millions`` («1,3 mill. kr»), ``number`` («12,5»), ``year_range`` («2026–2031»),
  ``date_range``, ``quarter``, ``org_number``, ``label`` (Norwegian enum names),
  ``pick(nb, nn)`` global.
* **Universal design** – ``w:lang`` nb-NO/nn-NO in styles (defaults and every style); core
  properties (title, subject, author, keywords, language, status) with created/modified
  pinned to the document date; header rows repeat (``w:tblHeader``) for every table whose
  style options say it has a header row (Word: *Header Row* / ``tblLook firstRow``); pictures
  carry alt text (``wp:docPr/@descr``); empty paragraphs are removed (spacing comes from
  styles); a table-of-contents field is pre-filled with the headings (hyperlinks + PAGEREF
  fields, so LibreOffice prints page numbers) and Word refreshes it on open
  (``w:updateFields``).
* **Reproducible bytes** – output is zipped by :func:`omradedok.render.reproducible.write_zip`.
* **Speed** – a template is read, pre-processed and compiled once per process (cached by
  path, size and mtime; the compiled code is also kept on disk between processes, see
  :mod:`omradedok.render.jinja_cache`); a render only runs the compiled Jinja code and writes the zip,
  copying every untouched part as bytes.

Values a view may put in the context besides plain data:

* :class:`Picture` – an inline image with alt text (``{{ logo }}`` inside a run).
* :class:`Fragment` – the body of another template rendered in place (``{{p section }}``),
  optionally with its headings shifted down a level: one sub-template, shown both as a
  standalone document and as a section of a larger one.
"""

from __future__ import annotations

import contextvars
import copy
import datetime as dt
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import jinja2
from jinja2 import meta as jinja_meta
from lxml import etree  # type: ignore[import-untyped]
from markupsafe import Markup, escape

from ..errors import TemplateError
from ..locale import (
    enum_label,
    format_date,
    format_date_range,
    format_millions,
    format_money,
    format_number,
    format_org_number,
    format_quarter,
    format_year_range,
    pick,
)
from ..model import Language
from ..model.passages import RTL_LANGUAGES, has_marks, passages, plain
from ..resources import templates_dir
from . import jinja_cache
from .reproducible import write_zip
from .sandbox import BoundedEnvironment
from .template_archive import read_template
from .template_errors import located

__all__ = [
    "LANGUAGE_TAGS",
    "DocMeta",
    "Fragment",
    "Picture",
    "TemplateSpec",
    "check_template",
    "clear_cache",
    "passage_xml",
    "register_template",
    "render_docx",
    "resolve_template",
    "template_specs",
    "template_variables",
]

log = logging.getLogger(__name__)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"
_W = f"{{{W_NS}}}"

LANGUAGE_TAGS: dict[Language, str] = {Language.NB: "nb-NO", Language.NN: "nn-NO"}
"""BCP 47 tags written to ``w:lang`` and to the core properties."""

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


# ---------------------------------------------------------------------------------- values


@dataclass(frozen=True)
class DocMeta:
    """Core properties of a generated document (what archives and screen readers see)."""

    title: str
    date: dt.date
    """The document's own date: created/modified are pinned to it (reproducible bytes)."""
    language: Language
    subject: str = ""
    author: str = ""
    """The municipality."""
    keywords: tuple[str, ...] = ()
    description: str = ""
    category: str = ""
    """Noark-style dokumenttype, e.g. «Handlingsplan» or «Saksframlegg»."""
    status: str = ""
    """Norwegian status label (contentStatus), e.g. «Høringsutkast»."""
    version: str = ""


@dataclass(frozen=True)
class Picture:
    """An inline picture with alternative text; put it in the context and write ``{{ name }}``.

    ``width_mm`` fixes the width; the height follows the image's aspect ratio unless given.
    """

    data: bytes
    alt_text: str
    width_mm: float = 40.0
    height_mm: float | None = None
    name: str = "Bilde"

    def __post_init__(self) -> None:
        if not self.alt_text.strip():
            raise TemplateError(
                f"bildet «{self.name}» mangler alternativ tekst; universell utforming krever en "
                "kort beskrivelse av hva bildet viser"
            )


@dataclass(frozen=True)
class Fragment:
    """The body of another template, rendered with its own context where it is placed.

    Write ``{{p name }}`` in a paragraph of its own. ``heading_shift=1`` turns the fragment's
    Heading 1 into Heading 2 (and so on), so a standalone document's sections nest under a
    chapter of a larger one.
    """

    template_name: str
    context: Mapping[str, Any]
    heading_shift: int = 0


# ------------------------------------------------------------------------ render state


@dataclass
class _Media:
    part_name: str
    """e.g. word/media/odimg1.png"""
    rel_id: str
    data: bytes


@dataclass
class _RenderState:
    language: Language
    template_dir: Path | None
    heading_ids: dict[int, str]
    media: list[_Media] = field(default_factory=list)
    media_by_part: dict[str, list[_Media]] = field(default_factory=dict)
    current_part: str = "word/document.xml"
    template_name: str = ""
    colors: tuple[tuple[bytes, bytes], ...] = ()


_STATE: contextvars.ContextVar[_RenderState] = contextvars.ContextVar("omradedok_docx_state")


def _state() -> _RenderState:
    try:
        return _STATE.get()
    except LookupError:  # rendering outside render_docx (e.g. template checks)
        return _RenderState(language=Language.NB, template_dir=None, heading_ids={})


def _lang() -> Language:
    return _state().language


# -------------------------------------------------------------------- text → WordML


def _text_markup(text: str) -> Markup:
    """Escape text for a ``<w:t>`` and turn line breaks and tabs into Word's own elements."""
    text = _ILLEGAL_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _SENTINELS.search(text):
        text = _SENTINELS.sub("", text)
    escaped = str(escape(text))
    if "\n" in escaped:
        escaped = escaped.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    if "\t" in escaped:
        escaped = escaped.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    return Markup(escaped)


_PLAIN = re.compile("[\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\ue002\ufffe\uffff]")

# A passage in another language («[se: Ođđa searvi]») is written into the text between these
# private-use characters (open, tag, middle, text, close); after rendering, the runs holding
# them are split so exactly the passage's run carries its w:lang (see _apply_passages).
_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"
_SENTINELS = re.compile("[\ue000-\ue002]")
_SENTINEL_TOKEN = re.compile("(\ue000[^\ue001]*\ue001|\ue002)")


def _passage_markup(text: str) -> Markup:
    out = []
    for piece in passages(text):
        if piece.lang is None:
            out.append(str(_text_markup(piece.text)))
        else:
            out.append(f"{_OPEN}{piece.lang}{_MID}{_text_markup(piece.text)}{_CLOSE}")
    return Markup("".join(out))


def passage_xml(text: str) -> str:
    """``text`` escaped for a ``<w:t>`` that a kind writes itself, its passages in another
    language marked like a ``{{ value }}``'s (the run is split after rendering)."""
    if not ("[" in text and has_marks(text)):
        return xml_escape(text)
    return "".join(
        xml_escape(p.text)
        if p.lang is None
        else f"{_OPEN}{p.lang}{_MID}{xml_escape(p.text)}{_CLOSE}"
        for p in passages(text)
    )


def _finalize(value: Any) -> Any:
    if type(value) is str:  # the common case, kept fast: Jinja's autoescape escapes it
        if "[" in value and has_marks(value):
            return _passage_markup(value)
        return value if _PLAIN.search(value) is None else _text_markup(value)
    if value is None:
        return Markup("")
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    if isinstance(value, Picture):
        return Markup(_picture_xml(value))
    if isinstance(value, Fragment):
        return Markup(_render_fragment(value))
    if isinstance(value, StrEnum):
        return _text_markup(enum_label(value, _lang()))
    if isinstance(value, bool):
        return _text_markup(pick(_lang(), "Ja" if value else "Nei", "Ja" if value else "Nei"))
    if isinstance(value, float):
        return _text_markup(format_number(value, _lang()))
    if isinstance(value, dt.date):
        return _text_markup(format_date(value, _lang()))
    return _text_markup(str(value))


# ---------------------------------------------------------------------------- filters


def _f_date(value: dt.date | None, style: str = "long") -> str:
    return format_date(value, _lang(), style=style)


def _f_date_short(value: dt.date | None) -> str:
    return format_date(value, _lang(), style="short")


def _f_money(value: int | None) -> str:
    return "" if value is None else format_money(int(value), _lang())


def _f_millions(value: int | None) -> str:
    return "" if value is None else format_millions(int(value), _lang())


def _f_number(value: float | None, decimals: int | None = None) -> str:
    return "" if value is None else format_number(value, _lang(), decimals=decimals)


def _f_year_range(value: Any, end: int | None = None) -> str:
    if end is not None:
        return format_year_range(int(value), int(end))
    start, stop = value
    return format_year_range(int(start), int(stop))


def _f_date_range(start: dt.date, end: dt.date) -> str:
    return format_date_range(start, end, _lang())


def _f_label(value: StrEnum) -> str:
    return enum_label(value, _lang())


def _g_pick(nb: str, nn: str) -> str:
    return pick(_lang(), nb, nn)


_FILTERS: dict[str, Callable[..., Any]] = {
    "date": _f_date,
    "date_short": _f_date_short,
    "money": _f_money,
    "millions": _f_millions,
    "number": _f_number,
    "year_range": _f_year_range,
    "date_range": _f_date_range,
    "quarter": format_quarter,
    "org_number": format_org_number,
    "label": _f_label,
}


def _environment() -> BoundedEnvironment:
    env = BoundedEnvironment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.add_filters(_FILTERS)
    env.globals["pick"] = _g_pick
    return env


_ENV = _environment()


# ---------------------------------------------------------------- template loading/cache


@dataclass
class _CompiledTemplate:
    path: Path
    name: str
    order: list[str]
    """Zip entry names in their original order."""
    raw: dict[str, bytes]
    """Parts copied as they are (or patched per render: styles, rels, content types)."""
    templates: dict[str, jinja2.Template]
    """Rendered parts: document, headers, footers, notes."""
    sources: dict[str, str]
    """The pre-processed XML each Jinja template was compiled from (for error context)."""
    heading_ids: dict[int, str]
    """Outline level → paragraph style id (Heading1 / Overskrift1 …)."""
    toc_style_ids: dict[int, str]
    styles_by_language: dict[tuple[Language, tuple[tuple[bytes, bytes], ...]], bytes] = field(
        default_factory=dict
    )
    recolored: dict[tuple[tuple[bytes, bytes], ...], dict[str, jinja2.Template]] = field(
        default_factory=dict
    )

    def templates_for(self, colors: tuple[tuple[bytes, bytes], ...]) -> dict[str, jinja2.Template]:
        """The compiled parts with the profile colours written into the source (compiled once
        per palette, so a render never searches its output for colours)."""
        if not colors:
            return self.templates
        with _CACHE_LOCK:
            found = self.recolored.get(colors)
        if found is None:
            found = {
                name: jinja_cache.template(
                    _ENV, _recolor(source.encode("utf-8"), colors).decode("utf-8")
                )
                for name, source in self.sources.items()
            }
            with _CACHE_LOCK:
                self.recolored[colors] = found
        return found


_CACHE: dict[tuple[str, int, int], _CompiledTemplate] = {}
_CACHE_LOCK = threading.Lock()


def clear_cache() -> None:
    """Forget every compiled template (tests that edit templates in place use this)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def resolve_template(name: str, template_dir: Path | None = None) -> Path:
    """The template file: the municipality's folder first, then the built-in templates."""
    candidates = []
    if template_dir is not None:
        candidates.append(Path(template_dir) / name)
    candidates.append(templates_dir() / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    where = " eller ".join(str(c.parent) for c in candidates)
    raise TemplateError(
        f"fant ikke malen «{name}» i {where}; legg filen der eller fjern --templates for å "
        "bruke den innebygde malen"
    )


def _load(path: Path) -> _CompiledTemplate:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    started = time.perf_counter()
    compiled = _compile(path)
    log.debug("leste malen %s (%.3f s)", path, time.perf_counter() - started)
    with _CACHE_LOCK:
        _CACHE[key] = compiled
    return compiled


def _compile(path: Path) -> _CompiledTemplate:
    order, raw = read_template(path)  # a broken, truncated or hostile archive stops here
    styles = raw.get("word/styles.xml", b"")
    heading_ids, toc_ids = _style_ids(styles)
    templates: dict[str, jinja2.Template] = {}
    sources: dict[str, str] = {}
    for name in order:
        if not _RENDERED_PART.match(name):
            continue
        xml = raw[name]
        if name == "word/document.xml":
            xml = _mark_header_rows(xml)
        source = _preprocess(xml.decode("utf-8"))
        sources[name] = source
        try:
            templates[name] = jinja_cache.template(_ENV, source)
        except Exception as exc:  # any template text, however odd, is the template's mistake
            raise located(exc, template=path.name, part=_part_label(name), source=source) from exc
    if "word/settings.xml" in raw:
        raw["word/settings.xml"] = _ensure_update_fields(raw["word/settings.xml"], raw)
    return _CompiledTemplate(
        path=path,
        name=path.name,
        order=order,
        raw=raw,
        templates=templates,
        sources=sources,
        heading_ids=heading_ids,
        toc_style_ids=toc_ids,
    )


_PATCHER: Any = None


def _preprocess(xml: str) -> str:
    """docxtpl's own clean-up of Word XML into Jinja source (tags split over runs, {%p %} …)."""
    global _PATCHER
    if _PATCHER is None:
        from docxtpl import DocxTemplate

        _PATCHER = DocxTemplate.__new__(DocxTemplate)
    source: str = _PATCHER.patch_xml(xml)
    # One paragraph per line: Jinja's line numbers then point at a paragraph.
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", source)


def _style_ids(styles_xml: bytes) -> tuple[dict[int, str], dict[int, str]]:
    """Heading and TOC paragraph style ids by level, found by style *name* (any UI language)."""
    headings: dict[int, str] = {}
    tocs: dict[int, str] = {}
    if not styles_xml:
        return headings, tocs
    root = etree.fromstring(styles_xml)
    for style in root.iter(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph":
            continue
        name_el = style.find(f"{_W}name")
        style_id = style.get(f"{_W}styleId") or ""
        name = (name_el.get(f"{_W}val") if name_el is not None else "") or ""
        match = re.fullmatch(r"heading (\d)", name.strip().lower())
        if match:
            headings[int(match.group(1))] = style_id
        match = re.fullmatch(r"toc (\d)", name.strip().lower())
        if match:
            tocs[int(match.group(1))] = style_id
    return headings, tocs


def _mark_header_rows(xml: bytes) -> bytes:
    """Mark the first row of every table that declares a header row as repeating."""
    root = etree.fromstring(xml)
    changed = False
    for tbl in root.iter(f"{_W}tbl"):
        look = tbl.find(f"{_W}tblPr/{_W}tblLook")
        if look is None:
            continue
        first_row = look.get(f"{_W}firstRow")
        if first_row is None:
            val = look.get(f"{_W}val")
            has_header = val is not None and bool(int(val, 16) & 0x0020)
        else:
            has_header = first_row in ("1", "true", "on")
        if not has_header:
            continue
        row = tbl.find(f"{_W}tr")
        if row is None:
            continue
        tr_pr = row.find(f"{_W}trPr")
        if tr_pr is None:
            tr_pr = etree.Element(f"{_W}trPr")
            row.insert(_child_index(row, ("tblPrEx",)), tr_pr)
        if tr_pr.find(f"{_W}tblHeader") is None:
            header = etree.Element(f"{_W}tblHeader")
            later = [c for c in tr_pr if etree.QName(c).localname in _TRPR_AFTER_HEADER]
            if later:
                later[0].addprevious(header)
            else:
                tr_pr.append(header)
            changed = True
    if not changed:
        return xml
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


_TRPR_AFTER_HEADER = ("tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")


def _child_index(parent: Any, before_tags: Sequence[str]) -> int:
    """Position after the leading children named in ``before_tags`` (schema order)."""
    index = 0
    for index, child in enumerate(parent):
        if etree.QName(child).localname not in before_tags:
            return index
    return len(parent)


_SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def _ensure_update_fields(settings: bytes, raw: Mapping[str, bytes]) -> bytes:
    """Word refreshes fields (the TOC) on open when the document has a TOC field."""
    document = raw.get("word/document.xml", b"")
    if b"TOC \\" not in document and b"TOC\\" not in document:
        return settings
    root = etree.fromstring(settings)
    if root.find(f"{_W}updateFields") is not None:
        return settings
    element = etree.Element(f"{_W}updateFields")
    element.set(f"{_W}val", "true")
    for index, child in enumerate(root):
        if etree.QName(child).localname in _SETTINGS_AFTER_UPDATE_FIELDS:
            root.insert(index, element)
            break
    else:
        root.append(element)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


# ----------------------------------------------------------------------------- render


def render_docx(
    template_name: str,
    context: Mapping[str, Any],
    *,
    meta: DocMeta,
    template_dir: Path | None = None,
    colors: Mapping[str, str] | None = None,
    toc_field: bool = False,
) -> bytes:
    """Render ``template_name`` with ``context`` into DOCX bytes (language from ``meta``).

    ``colors`` maps template colours to the municipality's (hex without «#», e.g.
    ``{"1F4E79": "0B4F6C"}``): every ``w:color``/``w:fill`` with that exact value in the
    styles, body, headers and footers is replaced, so one template serves every profile
    (see :func:`omradedok.render.docx_styles.profile_colors`). ``toc_field`` keeps a
    real Word TOC field instead of the pre-filled table of contents (see :func:`_fill_toc`).

    Raises :class:`~omradedok.errors.TemplateError` for a missing or broken template, an
    unknown variable, or a sandbox violation.
    """
    path = resolve_template(template_name, template_dir)
    compiled = _load(path)
    palette = _color_map(colors)
    state = _RenderState(
        language=meta.language,
        template_dir=template_dir,
        heading_ids=compiled.heading_ids,
        template_name=compiled.name,
        colors=palette,
    )
    token = _STATE.set(state)
    try:
        with _ENV.budget():
            rendered = _render_parts(compiled, palette, context, meta, toc_field=toc_field)
    finally:
        _STATE.reset(token)
    return _package(compiled, rendered, state, meta, palette)


def _render_parts(
    compiled: _CompiledTemplate,
    palette: tuple[tuple[bytes, bytes], ...],
    context: Mapping[str, Any],
    meta: DocMeta,
    *,
    toc_field: bool,
) -> dict[str, bytes]:
    """Every rendered part (document, headers, footers, notes), parsed and tidied."""
    state = _state()
    rendered: dict[str, bytes] = {}
    for part_name, template in compiled.templates_for(palette).items():
        state.current_part = part_name
        xml = _run(compiled, part_name, template, context)
        root, xml = _parse_rendered(compiled, part_name, xml)
        changed = False
        if part_name == "word/document.xml":
            changed |= _fill_toc(root, compiled, toc_field=toc_field)
        changed |= _remove_empty_paragraphs(root)
        if "w:lang " in xml:
            changed |= _set_run_languages(root, meta.language)
        if _OPEN in xml:
            changed |= _apply_passages(root)
        # Serialise again only when the tree was changed (big documents rarely are).
        rendered[part_name] = (
            etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            if changed
            else xml.encode("utf-8")
        )
    _renumber_drawings(rendered)
    return rendered


def _color_map(colors: Mapping[str, str] | None) -> tuple[tuple[bytes, bytes], ...]:
    pairs = []
    for old, new in sorted((colors or {}).items()):
        old_hex, new_hex = old.lstrip("#").upper(), new.lstrip("#").upper()
        if not re.fullmatch(r"[0-9A-F]{6}", old_hex) or not re.fullmatch(r"[0-9A-F]{6}", new_hex):
            raise TemplateError(f"ugyldig farge «{old}» → «{new}»; bruk heksadesimal som #1F4E79")
        if old_hex != new_hex:
            pairs.append((f'"{old_hex}"'.encode(), f'"{new_hex}"'.encode()))
    return tuple(pairs)


def _recolor(data: bytes, colors: tuple[tuple[bytes, bytes], ...]) -> bytes:
    for old, new in colors:
        data = data.replace(old, new).replace(old.lower(), new)
    return data


def _run(
    compiled: _CompiledTemplate,
    part_name: str,
    template: jinja2.Template,
    context: Mapping[str, Any],
) -> str:
    where = dict(
        template=compiled.name, part=_part_label(part_name), source=compiled.sources[part_name]
    )
    try:
        return template.render(context)
    except TemplateError:
        raise
    except jinja2.UndefinedError as exc:
        if isinstance(exc, jinja2.exceptions.SecurityError):
            raise located(exc, **where) from exc
        raise located(
            exc,
            **where,
            what=_undefined_message(exc),
            fix="sjekk stavemåten, eller kjør «omradedok templates check» for å se hvilke felt "
            "malen kan bruke",
        ) from exc
    except Exception as exc:  # any template content fails as a located TemplateError
        raise located(exc, **where) from exc


def _undefined_message(exc: jinja2.UndefinedError) -> str:
    message = str(exc)
    match = re.match(r"'(.+)' is undefined", message)
    if match:
        return f"malen bruker feltet «{match.group(1)}», som ikke finnes i dokumentdataene"
    match = re.match(r"'(.+)' has no attribute '(.+)'", message)
    if match:
        return f"feltet «{match.group(2)}» finnes ikke ({message})"
    if "unsafe" in message:
        return f"malen prøver å nå noe den ikke har lov til i sandkassen ({message})"
    return f"udefinert verdi i malen ({message})"


def _part_label(part_name: str) -> str:
    name = part_name.removeprefix("word/").removesuffix(".xml")
    if name.startswith("header"):
        return "topptekst"
    if name.startswith("footer"):
        return "bunntekst"
    if name == "document":
        return "hoveddokument"
    return name


def _parse_rendered(compiled: _CompiledTemplate, part_name: str, xml: str) -> tuple[Any, str]:
    """The rendered XML, parsed (a template that yields broken XML stops here, never in a
    file), and the text it was parsed from."""
    xml = xml.replace("\n<w:p", "<w:p")
    try:
        return etree.fromstring(xml.encode("utf-8")), xml
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            f"malen {compiled.name} ({_part_label(part_name)}) gir ugyldig Word-XML ({exc.msg}); "
            "et felt står trolig på feil sted – et {{p …}}-felt må stå alene i et avsnitt, "
            "{%tr …%} alene i en tabellrad"
        ) from exc


# ---------------------------------------------------------------------------- fragments


def _render_fragment(fragment: Fragment) -> str:
    """Render another template's body (paragraphs and tables) for insertion with ``{{p }}``."""
    state = _state()
    path = resolve_template(fragment.template_name, state.template_dir)
    compiled = _load(path)
    template = compiled.templates_for(state.colors)["word/document.xml"]
    xml = _run(compiled, "word/document.xml", template, fragment.context)
    root, _ = _parse_rendered(compiled, "word/document.xml", xml)
    body = root.find(f"{_W}body")
    if body is None:
        return ""
    parts: list[str] = []
    for child in body:
        if etree.QName(child).localname == "sectPr":
            continue
        if fragment.heading_shift:
            _shift_headings(child, fragment.heading_shift, state.heading_ids)
        text = etree.tostring(child, encoding="unicode")
        parts.append(text)
    # Namespace declarations are repeated on each element by lxml; harmless and valid.
    return "".join(parts)


def _shift_headings(element: Any, shift: int, heading_ids: Mapping[int, str]) -> None:
    level_of = {style_id: level for level, style_id in heading_ids.items()}
    for style in element.iter(f"{_W}pStyle"):
        value = style.get(f"{_W}val") or ""
        level = level_of.get(value)
        if level is None:
            match = re.fullmatch(r"Heading(\d)", value)
            level = int(match.group(1)) if match else None
        if level is None:
            continue
        new_level = min(level + shift, 9)
        style.set(f"{_W}val", heading_ids.get(new_level, f"Heading{new_level}"))


# ------------------------------------------------------------------------------ pictures

_EMU_PER_MM = 36000


def _picture_xml(picture: Picture) -> str:
    from docx.image.image import Image

    state = _state()
    try:
        image = Image.from_blob(picture.data)
    except Exception as exc:
        raise TemplateError(
            f"bildet «{picture.name}» kan ikke leses ({exc}); bruk PNG eller JPEG"
        ) from exc
    number = len(state.media) + 1
    ext = "png" if image.content_type == "image/png" else image.ext
    media = _Media(
        part_name=f"word/media/odimg{number}.{ext}", rel_id=f"rIdOd{number}", data=picture.data
    )
    state.media.append(media)
    state.media_by_part.setdefault(state.current_part, []).append(media)
    width = int(picture.width_mm * _EMU_PER_MM)
    if picture.height_mm is not None:
        height = int(picture.height_mm * _EMU_PER_MM)
    else:
        height = int(width * image.px_height / max(image.px_width, 1))
    alt = xml_escape(_ILLEGAL_XML.sub("", plain(picture.alt_text)), {'"': "&quot;", "\n": " "})
    name = xml_escape(_ILLEGAL_XML.sub("", plain(picture.name)), {'"': "&quot;", "\n": " "})
    return (
        "</w:t></w:r><w:r><w:drawing>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{width}" cy="{height}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{number}" name="{name}" descr="{alt}"/>'
        "<wp:cNvGraphicFramePr><a:graphicFrameLocks "
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
        "</wp:cNvGraphicFramePr>"
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="{name}" descr="{alt}"/><pic:cNvPicPr/>'
        "</pic:nvPicPr>"
        f'<pic:blipFill><a:blip r:embed="{media.rel_id}" '
        f'xmlns:r="{R_NS}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        '<w:r><w:t xml:space="preserve">'
    )


def _renumber_drawings(parts: dict[str, bytes]) -> None:
    """docPr ids must be unique across the document (pictures repeated by loops are not)."""
    counter = iter(range(1, 1_000_000))

    def renumber(match: re.Match[bytes]) -> bytes:
        return match.group(1) + str(next(counter)).encode() + b'"'

    for name in sorted(parts):
        if b"docPr " in parts[name]:
            parts[name] = re.sub(rb'(<wp:docPr id=")\d+"', renumber, parts[name])


# --------------------------------------------------------------------- post-processing

_KEEP_IN_EMPTY = {
    "drawing",
    "pict",
    "object",
    "fldChar",
    "fldSimple",
    "instrText",
    "sectPr",
    "br",
    "bookmarkStart",
    "sym",
    "footnoteReference",
    "endnoteReference",
    "tab",
    "ptab",
}


_EMPTY_CANDIDATES = etree.XPath(
    "//w:p[not(.//w:t[normalize-space(.) != ''])]", namespaces={"w": W_NS}
)


def _remove_empty_paragraphs(root: Any) -> bool:
    """Drop paragraphs with nothing in them (spacing belongs in styles, not empty lines)."""
    changed = False
    for paragraph in _EMPTY_CANDIDATES(root):
        if any(etree.QName(el).localname in _KEEP_IN_EMPTY for el in paragraph.iter()):
            continue
        parent = paragraph.getparent()
        if parent is None:
            continue
        siblings = [c for c in parent if etree.QName(c).localname == "p"]
        if (
            etree.QName(parent).localname in ("tc", "txbxContent", "ftr", "hdr")
            and len(siblings) <= 1
        ):
            continue  # a cell needs one paragraph; an empty header/footer is fine
        if (
            etree.QName(parent).localname == "body"
            and paragraph.getnext() is not None
            and etree.QName(paragraph.getnext()).localname == "sectPr"
            and paragraph.getprevious() is not None
            and etree.QName(paragraph.getprevious()).localname == "tbl"
        ):
            continue  # Word needs a paragraph between a final table and the section end
        parent.remove(paragraph)
        changed = True
    return changed


def _set_run_languages(root: Any, language: Language) -> bool:
    """Runs marked with another Norwegian/English proofing language get the document's."""
    tag = LANGUAGE_TAGS[language]
    changed = False
    for lang in root.iter(f"{_W}lang"):
        value = lang.get(f"{_W}val")
        if value in ("nb-NO", "nn-NO", "no-NO", "en-US", "en-GB") and value != tag:
            lang.set(f"{_W}val", tag)
            changed = True
    return changed


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RPR_AFTER_RTL = ("cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def _apply_passages(root: Any) -> bool:
    """Split every run holding a passage so the passage is a run of its own, with the run's
    look and ``w:lang`` (``w:bidi`` and ``w:rtl`` for a right-to-left language); the
    markers left anywhere else (an attribute, a field code) are removed."""
    runs: list[Any] = []
    seen: set[int] = set()
    for t in root.iter(f"{_W}t"):
        if t.text and _SENTINELS.search(t.text):
            run = t.getparent()
            if run is not None and run.tag == f"{_W}r" and id(run) not in seen:
                seen.add(id(run))
                runs.append(run)
    for run in runs:
        _split_run(run)
    for element in root.iter():
        if element.text and _SENTINELS.search(element.text):
            element.text = _SENTINEL_TOKEN.sub("", element.text)
        if element.tail and _SENTINELS.search(element.tail):
            element.tail = _SENTINEL_TOKEN.sub("", element.tail)
        for key, value in element.attrib.items():
            if _SENTINELS.search(value):
                element.set(key, _SENTINEL_TOKEN.sub("", value))
    return True


def _split_run(run: Any) -> None:
    rpr = run.find(f"{_W}rPr")
    made: list[Any] = []
    lang: str | None = None

    def start(tag: str | None) -> Any:
        new = etree.Element(run.tag, attrib=dict(run.attrib))
        props = copy.deepcopy(rpr) if rpr is not None else None
        if tag is not None:
            if props is None:
                props = etree.Element(f"{_W}rPr")
            _mark_language(props, tag)
        if props is not None:
            new.append(props)
        made.append(new)
        return new

    current = start(None)
    for child in list(run):
        if child is rpr:
            continue
        if child.tag == f"{_W}t" and child.text and _SENTINELS.search(child.text):
            for token in _SENTINEL_TOKEN.split(child.text):
                if token.startswith(_OPEN):
                    lang = token[1:-1]
                    current = start(lang)
                elif token == _CLOSE:
                    lang = None
                    current = start(None)
                elif token:
                    t = etree.SubElement(current, f"{_W}t")
                    t.text = token
                    t.set(_XML_SPACE, "preserve")
        else:
            current.append(child)
    parent = run.getparent()
    index = parent.index(run)
    parent.remove(run)
    for offset, new in enumerate(r for r in made if any(c.tag != f"{_W}rPr" for c in r)):
        parent.insert(index + offset, new)


def mark_language(rpr: Any, tag: str) -> None:
    """Give a run's properties ``w:lang`` = ``tag`` (in schema order), and for a
    right-to-left language (Arabic …) ``w:bidi`` and ``w:rtl`` as well."""
    _mark_language(rpr, tag)


def _mark_language(rpr: Any, tag: str) -> None:
    for old in rpr.findall(f"{_W}lang"):
        rpr.remove(old)
    _insert_lang(rpr)
    lang = rpr.find(f"{_W}lang")
    lang.set(f"{_W}val", tag)
    if tag.split("-")[0] in RTL_LANGUAGES:
        lang.set(f"{_W}bidi", tag)
        if rpr.find(f"{_W}rtl") is None:
            rtl = etree.Element(f"{_W}rtl")
            for index, child in enumerate(rpr):
                if etree.QName(child).localname in _RPR_AFTER_RTL:
                    rpr.insert(index, rtl)
                    break
            else:
                rpr.append(rtl)


def _fill_toc(root: Any, compiled: _CompiledTemplate, *, toc_field: bool) -> bool:
    """Fill the template's TOC field with the document's headings.

    Each entry is a link to its heading with a PAGEREF field for the page number. By default
    the TOC field itself is replaced by a «Table of Contents» block holding those entries:
    LibreOffice (7.x) never recomputes a TOC field's page numbers when converting to PDF,
    but it does compute PAGEREF fields, and Word updates them on open (``w:updateFields``).
    ``toc_field=True`` keeps a real Word TOC field around the entries instead (Word
    rebuilds it on open; LibreOffice then prints the pre-filled numbers as they are).
    """
    body = root.find(f"{_W}body")
    if body is None:
        return False
    start = None
    for paragraph in body.iterchildren(f"{_W}p"):
        instr = "".join(t.text or "" for t in paragraph.iter(f"{_W}instrText"))
        if instr.strip().startswith("TOC"):
            start = paragraph
            break
    if start is None:
        return False
    instr_text = "".join(t.text or "" for t in start.iter(f"{_W}instrText"))
    match = re.search(r'\\o\s+"(\d)-(\d)"', instr_text)
    max_level = int(match.group(2)) if match else 3
    # The field may already span several paragraphs (a template saved after «Update table»).
    field_paragraphs = [start]
    depth = 0
    node = start
    while node is not None:
        for fld in node.iter(f"{_W}fldChar"):
            kind = fld.get(f"{_W}fldCharType")
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
        if depth <= 0:
            break
        node = node.getnext()
        if node is None:
            break
        field_paragraphs.append(node)
    level_of = {style_id: level for level, style_id in compiled.heading_ids.items()}
    headings: list[tuple[int, str, Any]] = []
    for paragraph in body.iterchildren(f"{_W}p"):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if style is None:
            continue
        level = level_of.get(style.get(f"{_W}val") or "")
        if level is None or level > max_level:
            continue
        text = "".join(t.text or "" for t in paragraph.iter(f"{_W}t")).strip()
        if text:
            headings.append((level, text, paragraph))
    start_ppr = start.find(f"{_W}pPr")
    entries: list[Any] = []
    tab_pos = 9060
    for number, (level, text, paragraph) in enumerate(headings, start=1):
        bookmark = f"_Toc{number:08d}"
        _bookmark(paragraph, bookmark, 90000 + number)
        style_id = compiled.toc_style_ids.get(level, f"TOC{level}")
        entries.append(
            etree.fromstring(
                f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style_id}"/>'
                f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab_pos}"/></w:tabs></w:pPr>'
                f'<w:hyperlink w:anchor="{bookmark}" w:history="1">'
                f'<w:r><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r><w:r><w:tab/></w:r>'
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> PAGEREF {bookmark} \\h </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>'
            )
        )
    if not entries:
        return False
    if toc_field:
        _wrap_in_toc_field(entries, instr_text)
    if start_ppr is not None and start_ppr.find(f"{_W}sectPr") is not None:
        entries[-1].replace(entries[-1].find(f"{_W}pPr"), start_ppr)
    anchor = field_paragraphs[0]
    if toc_field:
        for entry in entries:
            anchor.addprevious(entry)
    else:
        # A «Table of Contents» building block (what Word itself wraps a TOC in) holding the
        # title and the entries: LibreOffice computes the PAGEREF page numbers in it.
        sdt = etree.fromstring(
            f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr><w:docPartObj>'
            '<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
            "</w:docPartObj></w:sdtPr><w:sdtContent/></w:sdt>"
        )
        content = sdt.find(f"{_W}sdtContent")
        title = start.getprevious()
        title_style = title.find(f"{_W}pPr/{_W}pStyle") if title is not None else None
        anchor.addprevious(sdt)
        if title_style is not None and "toc" in (title_style.get(f"{_W}val") or "").lower():
            content.append(title)
        for entry in entries:
            content.append(entry)
    for paragraph in field_paragraphs:
        body.remove(paragraph)
    return True


def _wrap_in_toc_field(entries: list[Any], instr_text: str) -> None:
    begin_runs = (
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve">{xml_escape(instr_text)}'
        "</w:instrText></w:r>",
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>',
    )
    first = entries[0]
    ppr = first.find(f"{_W}pPr")
    for offset, run in enumerate(begin_runs, start=1):
        first.insert(list(first).index(ppr) + offset, etree.fromstring(run))
    entries[-1].append(
        etree.fromstring(f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="end"/></w:r>')
    )


def _bookmark(paragraph: Any, name: str, bookmark_id: int) -> None:
    start = etree.Element(f"{_W}bookmarkStart")
    start.set(f"{_W}id", str(bookmark_id))
    start.set(f"{_W}name", name)
    end = etree.Element(f"{_W}bookmarkEnd")
    end.set(f"{_W}id", str(bookmark_id))
    ppr = paragraph.find(f"{_W}pPr")
    index = list(paragraph).index(ppr) + 1 if ppr is not None else 0
    paragraph.insert(index, start)
    paragraph.append(end)


# ------------------------------------------------------------------------------ package


def _package(
    compiled: _CompiledTemplate,
    rendered: Mapping[str, bytes],
    state: _RenderState,
    meta: DocMeta,
    colors: tuple[tuple[bytes, bytes], ...],
) -> bytes:
    parts: dict[str, bytes] = dict(compiled.raw)
    parts.update(rendered)
    if "word/styles.xml" in parts:
        parts["word/styles.xml"] = _styles_for(compiled, meta.language, colors)
    if colors and "word/numbering.xml" in parts:
        parts["word/numbering.xml"] = _recolor(parts["word/numbering.xml"], colors)
    order = list(compiled.order)
    parts["docProps/core.xml"] = _core_xml(meta)
    if "docProps/core.xml" not in order:
        order.append("docProps/core.xml")
        parts["_rels/.rels"] = _add_relationship(
            parts["_rels/.rels"], "rIdOdCore", CORE_REL, "docProps/core.xml"
        )
        parts["[Content_Types].xml"] = _add_override(
            parts["[Content_Types].xml"], "/docProps/core.xml", CORE_CT
        )
    if state.media:
        extensions = set()
        for part_name, media_list in state.media_by_part.items():
            rels_name = _rels_name(part_name)
            rels = (
                parts.get(rels_name)
                or (
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    f'<Relationships xmlns="{PKG_REL_NS}"/>'
                ).encode()
            )
            for media in media_list:
                target = media.part_name.removeprefix("word/")
                rels = _add_relationship(rels, media.rel_id, IMAGE_REL, target)
                parts[media.part_name] = media.data
                order.append(media.part_name)
                extensions.add(media.part_name.rsplit(".", 1)[1])
            if rels_name not in order:
                order.append(rels_name)
            parts[rels_name] = rels
        for ext in sorted(extensions):
            parts["[Content_Types].xml"] = _add_default(parts["[Content_Types].xml"], ext)
    return write_zip((name, parts[name]) for name in order)


def _rels_name(part_name: str) -> str:
    folder, _, file = part_name.rpartition("/")
    return f"{folder}/_rels/{file}.rels"


def _styles_for(
    compiled: _CompiledTemplate, language: Language, colors: tuple[tuple[bytes, bytes], ...]
) -> bytes:
    cached = compiled.styles_by_language.get((language, colors))
    if cached is not None:
        return cached
    root = etree.fromstring(compiled.raw["word/styles.xml"])
    tag = LANGUAGE_TAGS[language]
    defaults = root.find(f"{_W}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{_W}docDefaults")
        root.insert(0, defaults)
    rpr_default = defaults.find(f"{_W}rPrDefault")
    if rpr_default is None:
        rpr_default = etree.Element(f"{_W}rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{_W}rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, f"{_W}rPr")
    if rpr.find(f"{_W}lang") is None:
        _insert_lang(rpr)
    for lang in root.iter(f"{_W}lang"):
        lang.set(f"{_W}val", tag)
        if lang.get(f"{_W}eastAsia") is None:
            lang.set(f"{_W}eastAsia", tag)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    data = _recolor(data, colors)
    compiled.styles_by_language[(language, colors)] = data
    return data


_RPR_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath")


def _insert_lang(rpr: Any) -> None:
    lang = etree.Element(f"{_W}lang")
    for index, child in enumerate(rpr):
        if etree.QName(child).localname in _RPR_AFTER_LANG:
            rpr.insert(index, lang)
            return
    rpr.append(lang)


def _core_xml(meta: DocMeta) -> bytes:
    stamp = f"{meta.date.isoformat()}T00:00:00Z"

    def text(value: str) -> str:
        return xml_escape(_ILLEGAL_XML.sub("", plain(value)))

    keywords = ", ".join(k for k in meta.keywords if k)
    fields = [
        f"<dc:title>{text(meta.title)}</dc:title>",
        f"<dc:subject>{text(meta.subject)}</dc:subject>",
        f"<dc:creator>{text(meta.author)}</dc:creator>",
        f"<cp:keywords>{text(keywords)}</cp:keywords>",
        f"<dc:description>{text(meta.description)}</dc:description>",
        f"<cp:lastModifiedBy>{text(meta.author)}</cp:lastModifiedBy>",
        "<cp:revision>1</cp:revision>",
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>',
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>',
        f"<cp:category>{text(meta.category)}</cp:category>",
        f"<dc:language>{LANGUAGE_TAGS[meta.language]}</dc:language>",
        f"<cp:contentStatus>{text(meta.status)}</cp:contentStatus>",
    ]
    if meta.version:
        fields.append(f"<cp:version>{text(meta.version)}</cp:version>")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + "".join(fields)
        + "</cp:coreProperties>"
    ).encode("utf-8")


def _add_relationship(rels: bytes, rel_id: str, rel_type: str, target: str) -> bytes:
    root = etree.fromstring(rels)
    for rel in root:
        if rel.get("Id") == rel_id:
            root.remove(rel)
    rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Id", rel_id)
    rel.set("Type", rel_type)
    rel.set("Target", target)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def _add_override(types: bytes, part_name: str, content_type: str) -> bytes:
    root = etree.fromstring(types)
    if any(o.get("PartName") == part_name for o in root.iter(f"{{{CT_NS}}}Override")):
        return types
    override = etree.SubElement(root, f"{{{CT_NS}}}Override")
    override.set("PartName", part_name)
    override.set("ContentType", content_type)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


_IMAGE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif"}


def _add_default(types: bytes, ext: str) -> bytes:
    root = etree.fromstring(types)
    if any((d.get("Extension") or "").lower() == ext for d in root.iter(f"{{{CT_NS}}}Default")):
        return types
    default = etree.Element(f"{{{CT_NS}}}Default")
    default.set("Extension", ext)
    default.set("ContentType", _IMAGE_TYPES.get(ext, f"image/{ext}"))
    root.insert(0, default)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


# ----------------------------------------------------------------------- template checks


def template_variables(path: Path) -> set[str]:
    """Top-level names a template reads (document, headers, footers), for ``templates check``."""
    compiled = _load(path)
    names: set[str] = set()
    for source in compiled.sources.values():
        names |= jinja_meta.find_undeclared_variables(_ENV.parse(source))
    return names - set(_ENV.globals)


def iter_template_fields(path: Path) -> Iterator[tuple[str, str]]:
    """(part label, Jinja source) of every rendered part – for tools that inspect templates."""
    compiled = _load(path)
    for name, source in compiled.sources.items():
        yield _part_label(name), source


@dataclass(frozen=True)
class TemplateSpec:
    """What a template may use: the top-level keys of its view, and those it must show."""

    name: str
    """File name relative to a template folder, e.g. «saksframlegg.docx»."""
    fields: frozenset[str]
    required: frozenset[str] = frozenset()
    """Keys the template must use, e.g. ``status_banner`` (a draft must say it is a draft)."""
    description: str = ""
    own_labels: frozenset[str] = frozenset()
    """``t.`` keys the kind supplies itself, beside the shared labels.yaml."""


_SPECS: dict[str, TemplateSpec] = {}


def register_template(spec: TemplateSpec) -> TemplateSpec:
    """Declare a template and its view keys (document kinds do this on import)."""
    _SPECS[spec.name] = spec
    return spec


def template_specs() -> list[TemplateSpec]:
    return list(_SPECS.values())


def _label_uses(source: str) -> set[str]:
    from jinja2 import nodes

    used = set()
    for node in _ENV.parse(source).find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name == "t":
            used.add(node.attr)
    return used


def check_template(path: Path, spec: TemplateSpec, label_keys: set[str] | None = None) -> list[str]:
    """Problems (Norwegian, one line each) with a template file; empty when it is fine."""
    try:
        used = template_variables(path)
        labels_used = set()
        for _, source in iter_template_fields(path):
            labels_used |= _label_uses(source)
    except TemplateError as exc:
        return [str(exc)]
    except jinja2.TemplateSyntaxError as exc:
        return [f"feil i malkoden: {exc.message}"]
    problems = []
    for name in sorted(used - spec.fields):
        problems.append(
            f"bruker feltet «{name}», som dokumentet ikke har; tilgjengelige felt er "
            f"{', '.join(sorted(spec.fields))}"
        )
    for name in sorted(spec.required - used):
        problems.append(f"mangler det påkrevde feltet «{name}» – legg {{{{ {name} }}}} inn i malen")
    if label_keys is not None and "t" in spec.fields:
        for key in sorted(labels_used - label_keys - spec.own_labels):
            problems.append(
                f"bruker teksten «t.{key}», som ikke finnes i labels.yaml; legg den til med "
                f"både nb og nn"
            )
    return problems
