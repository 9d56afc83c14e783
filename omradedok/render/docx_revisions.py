"""Word revision marks (``w:ins``/``w:del``) between two renderings of one document.

python-docx cannot write revisions, and the two versions are two views rendered by the same
renderer (``docx_body``) through the same house template, so their WordprocessingML has the
same shape: headings are Heading-N paragraphs, tables are ``w:tbl`` with one ``w:tr`` per view
row, the table of contents is one ``w:sdt``. :func:`track_changes` aligns that structure –
blocks of a container (body, table cell, contents) by a fingerprint with
``difflib.SequenceMatcher``, rows of a matched table the same way – and marks

* a paragraph (heading, list item, caption, contents entry) that only one version has as a
  whole inserted or deleted paragraph (its runs and its paragraph mark);
* a row only one version has as an inserted or deleted row (``w:trPr/w:ins``, ``w:del``);
* inside a paragraph or cell both versions have, the words that differ.

The fingerprint ignores digits (chapter, caption and page numbers, amounts), so a renumbered
heading or a changed amount is a word-level change inside its paragraph or cell, never a
deleted and an inserted one. Deleted content is copied from the old rendering without what
only the old package can resolve (hyperlink targets, pictures, bookmarks, section breaks).

:func:`accepted_texts` and :func:`rejected_texts` read the paragraph texts a reader gets after
«accept all» / «reject all» – the check every tracked document must pass: accepted = the new
rendering's texts, rejected = the old one's (:func:`paragraph_texts`).

The page header and footer are the new version's (not tracked).
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from .reproducible import normalize_zip

__all__ = [
    "RevisionMark",
    "accepted_texts",
    "paragraph_texts",
    "rejected_texts",
    "track_changes",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DOCUMENT = "word/document.xml"
_PAIR_RATIO = 0.5
"""Two blocks (or rows) in a changed stretch are one changed block when at least this share
of their words agree; below it they are a deleted and an inserted one."""
_TOKEN = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?|\s+|\w+|[^\w\s]")
"""Words, spaces and signs; an amount written with thousands spaces («2 950 000») is one word."""


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class RevisionMark:
    """Who made the changes and when: every ``w:ins``/``w:del`` carries them."""

    author: str
    date: dt.date


# ------------------------------------------------------------------------------- reading


def _run_text(run: etree._Element) -> str:
    out = []
    for child in run:
        if child.tag in (w("t"), w("delText")):
            out.append(child.text or "")
        elif child.tag == w("tab"):
            out.append("\t")
        elif child.tag == w("br") and child.get(w("type")) in (None, "textWrapping"):
            out.append("\n")
    return "".join(out)


def _runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph in reading order (inside hyperlinks and revisions too)."""
    yield from paragraph.iter(w("r"))


def _text(paragraph: etree._Element) -> str:
    return "".join(_run_text(r) for r in _runs(paragraph))


def _style(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val"), "") if style is not None else ""


def _body(package: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return etree.fromstring(archive.read(_DOCUMENT))


def paragraph_texts(root: etree._Element | bytes) -> list[str]:
    """The text of every paragraph of the document body in order (cells and contents too)."""
    tree = _body(root) if isinstance(root, bytes) else root
    return [_text(p) for p in tree.iter(w("p"))]


# ----------------------------------------------------------------------------- fingerprints

_BLOCKS = (w("p"), w("tbl"), w("sdt"))


def _blocks(container: etree._Element) -> list[etree._Element]:
    return [c for c in container if c.tag in _BLOCKS]


def _words(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _fingerprint(block: etree._Element) -> tuple[str, ...]:
    if block.tag == w("p"):
        return ("p", _style(block), _words(_text(block)))
    if block.tag == w("tbl"):
        return ("tbl", str(len(block.findall(f"{w('tblGrid')}/{w('gridCol')}"))))
    return ("sdt",)


def _row_fingerprint(row: etree._Element) -> tuple[str, ...]:
    return tuple(_words(" ".join(_text(p) for p in tc.iter(w("p")))) for tc in _cells(row))


def _cells(row: etree._Element) -> list[etree._Element]:
    return list(row.findall(w("tc")))


def _spans(row: etree._Element) -> tuple[int, ...]:
    out = []
    for tc in _cells(row):
        span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
        out.append(int(span.get(w("val"), "1")) if span is not None else 1)
    return tuple(out)


def _similar(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(
        None, _TOKEN.findall(a), _TOKEN.findall(b), autojunk=False
    ).ratio()


# ------------------------------------------------------------------------------- the marker


class _Marker:
    def __init__(self, mark: RevisionMark) -> None:
        self.author = mark.author
        self.date = f"{mark.date.isoformat()}T00:00:00Z"
        self.next_id = 1

    def element(self, kind: str) -> etree._Element:
        element = etree.Element(w(kind))
        element.set(w("id"), str(self.next_id))
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        self.next_id += 1
        return element

    # -- whole blocks -------------------------------------------------------------------

    def whole(self, block: etree._Element, kind: str) -> None:
        """Mark every paragraph and row in ``block`` as inserted or deleted."""
        for row in block.iter(w("tr")):
            self._row_mark(row, kind)
        for paragraph in block.iter(w("p")):
            self._paragraph_mark(paragraph, kind)
            for run in list(_runs(paragraph)):
                if run.getparent() is not None and run.getparent().tag not in (w("ins"), w("del")):
                    self._wrap([run], kind)

    def _row_mark(self, row: etree._Element, kind: str) -> None:
        tr_pr = row.find(w("trPr"))
        if tr_pr is None:
            tr_pr = etree.Element(w("trPr"))
            after = row.find(w("tblPrEx"))
            row.insert(0 if after is None else row.index(after) + 1, tr_pr)
        tr_pr.append(self.element(kind))

    def _paragraph_mark(self, paragraph: etree._Element, kind: str) -> None:
        p_pr = paragraph.find(w("pPr"))
        if p_pr is None:
            p_pr = etree.Element(w("pPr"))
            paragraph.insert(0, p_pr)
        r_pr = p_pr.find(w("rPr"))
        if r_pr is None:
            r_pr = etree.Element(w("rPr"))
            tail = p_pr.find(w("sectPr"))
            if tail is None:
                tail = p_pr.find(w("pPrChange"))
            if tail is not None:
                tail.addprevious(r_pr)
            else:
                p_pr.append(r_pr)
        r_pr.insert(0, self.element(kind))

    def _wrap(self, runs: Sequence[etree._Element], kind: str) -> None:
        if not runs:
            return
        wrapper = self.element(kind)
        runs[0].addprevious(wrapper)
        for run in runs:
            if kind == "del":
                _as_deleted(run)
            wrapper.append(run)

    # -- one paragraph both versions have ------------------------------------------------

    def words(self, new: etree._Element, old: etree._Element) -> None:
        """Word-level revisions turning ``old``'s text into ``new``'s, in ``new``."""
        old_text, new_text = _text(old), _text(new)
        if old_text == new_text:
            return
        _split_runs(new)
        old_runs = _atoms(old)
        a, b = _TOKEN.findall(old_text), _TOKEN.findall(new_text)
        a_at = _offsets(a)
        b_at = _offsets(b)
        inserted: list[tuple[int, int]] = []
        deleted: list[tuple[int, int, int]] = []  # (new position, old start, old end)
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op in ("delete", "replace"):
                deleted.append((b_at[j1], a_at[i1], a_at[i2]))
            if op in ("insert", "replace"):
                inserted.append((b_at[j1], b_at[j2]))
        cuts = {p for span in inserted for p in span} | {d[0] for d in deleted}
        atoms = _cut(new, cuts)
        for start, end in inserted:
            for s, e, run in atoms:
                if start <= s and e <= end and e > s:
                    self._wrap([run], "ins")
        for at, o1, o2 in deleted:
            runs = _old_pieces(old_runs, o1, o2)
            self._place_deleted(new, atoms, at, runs)

    def _place_deleted(
        self,
        paragraph: etree._Element,
        atoms: list[tuple[int, int, etree._Element]],
        at: int,
        runs: list[etree._Element],
    ) -> None:
        if not runs:
            return
        wrapper = self.element("del")
        for run in runs:
            _as_deleted(run)
            wrapper.append(run)
        before = next((r for s, e, r in atoms if s >= at and e > s), None)
        if before is not None:
            anchor = _outer(before)
            anchor.addprevious(wrapper)
            return
        after = next((r for s, e, r in reversed(atoms) if e <= at and e > s), None)
        if after is not None:
            _outer(after).addnext(wrapper)
        else:
            paragraph.append(wrapper)


def _outer(run: etree._Element) -> etree._Element:
    """The run, or the ``w:ins`` it was wrapped in (a deletion goes before the insertion)."""
    parent = run.getparent()
    return parent if parent is not None and parent.tag == w("ins") else run


def _as_deleted(run: etree._Element) -> None:
    for child in run:
        if child.tag == w("t"):
            child.tag = w("delText")
        elif child.tag == w("instrText"):
            child.tag = w("delInstrText")


def _offsets(tokens: Sequence[str]) -> list[int]:
    at = [0]
    for token in tokens:
        at.append(at[-1] + len(token))
    return at


def _split_runs(paragraph: etree._Element) -> None:
    """One content element per run (a run with text, a tab and text becomes three)."""
    for run in list(_runs(paragraph)):
        content = [c for c in run if c.tag != w("rPr")]
        if len(content) <= 1:
            continue
        r_pr = run.find(w("rPr"))
        for child in content[1:]:
            piece = etree.Element(w("r"))
            if r_pr is not None:
                piece.append(copy.deepcopy(r_pr))
            piece.append(child)
            run.addnext(piece)
            run = piece


def _atoms(paragraph: etree._Element) -> list[tuple[int, int, etree._Element]]:
    """(start, end, run) of each run by its place in the paragraph's text."""
    out = []
    at = 0
    for run in _runs(paragraph):
        length = len(_run_text(run))
        out.append((at, at + length, run))
        at += length
    return out


def _cut(paragraph: etree._Element, cuts: set[int]) -> list[tuple[int, int, etree._Element]]:
    """Split text runs at the given text positions; the paragraph's atoms afterwards."""
    for start, end, run in _atoms(paragraph):
        text_el = run.find(w("t"))
        if text_el is None:
            continue
        inner = sorted(c for c in cuts if start < c < end)
        if not inner:
            continue
        text = text_el.text or ""
        bounds = [start, *inner, end]
        pieces = [text[a - start : b - start] for a, b in itertools.pairwise(bounds)]
        text_el.text = pieces[0]
        _preserve(text_el)
        last = run
        for piece in pieces[1:]:
            clone = copy.deepcopy(run)
            t = clone.find(w("t"))
            assert t is not None
            t.text = piece
            _preserve(t)
            last.addnext(clone)
            last = clone
    return _atoms(paragraph)


def _preserve(text_el: etree._Element) -> None:
    text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _old_pieces(
    atoms: list[tuple[int, int, etree._Element]], start: int, end: int
) -> list[etree._Element]:
    """Copies of the old paragraph's runs covering text [start, end), cut to it."""
    out = []
    for s, e, run in atoms:
        lo, hi = max(s, start), min(e, end)
        if hi <= lo:
            continue
        text = _run_text(run)[lo - s : hi - s]
        piece = etree.Element(w("r"))
        r_pr = run.find(w("rPr"))
        if r_pr is not None:
            piece.append(copy.deepcopy(r_pr))
        for kind, part in _text_parts(text):
            child = etree.SubElement(piece, w(kind))
            if kind == "t":
                child.text = part
                _preserve(child)
        out.append(piece)
    return out


def _text_parts(text: str) -> Iterator[tuple[str, str]]:
    for part in re.split(r"([\t\n])", text):
        if part == "\t":
            yield "tab", ""
        elif part == "\n":
            yield "br", ""
        elif part:
            yield "t", part


# ------------------------------------------------------------------------------ alignment


def _sanitize(block: etree._Element) -> etree._Element:
    """A copy of an old block that the new package can hold: no hyperlink targets, pictures,
    bookmarks or section breaks of the old package."""
    block = copy.deepcopy(block)
    for link in list(block.iter(w("hyperlink"))):
        parent = link.getparent()
        assert parent is not None
        for child in list(link):
            link.addprevious(child)
        parent.remove(link)
    for tag in ("drawing", "pict", "object", "bookmarkStart", "bookmarkEnd", "sectPr"):
        for element in list(block.iter(w(tag))):
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
    return block


def _pairs(
    new: Sequence[etree._Element],
    old: Sequence[etree._Element],
    key: Callable[[etree._Element], tuple[str, ...]],
    text: Callable[[etree._Element], str],
    fits: Callable[[etree._Element, etree._Element], bool],
    label: Callable[[etree._Element], str] | None = None,
) -> list[tuple[etree._Element | None, etree._Element | None]]:
    """The two sequences merged in order: (new, old) pairs of the same block, (new, None) for
    one only the new version has, (None, old) for one only the old version had. In a changed
    stretch, two of a kind pair up when most of their words agree or (rows) when they have
    the same non-empty label (first cell)."""

    def same(a: etree._Element, b: etree._Element) -> bool:
        if not fits(a, b):
            return False
        if label is not None and label(a).strip() and label(a) == label(b):
            return True
        return _similar(text(b), text(a)) >= _PAIR_RATIO

    out: list[tuple[etree._Element | None, etree._Element | None]] = []
    matcher = difflib.SequenceMatcher(
        None, [key(b) for b in old], [key(b) for b in new], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(zip(new[j1:j2], old[i1:i2], strict=True))
            continue
        olds = list(old[i1:i2])
        cursor = 0
        for item in new[j1:j2]:
            found = next(
                (k for k in range(cursor, len(olds)) if same(item, olds[k])),
                None,
            )
            if found is None:
                out.append((item, None))
                continue
            out.extend((None, o) for o in olds[cursor:found])
            out.append((item, olds[found]))
            cursor = found + 1
        out.extend((None, o) for o in olds[cursor:])
    return out


def _block_text(block: etree._Element) -> str:
    return "\n".join(_text(p) for p in block.iter(w("p")))


def _same_kind(a: etree._Element, b: etree._Element) -> bool:
    if a.tag != b.tag:
        return False
    if a.tag == w("p"):
        return _style(a) == _style(b)
    return _fingerprint(a) == _fingerprint(b)


class _Merger:
    def __init__(self, mark: RevisionMark) -> None:
        self.marker = _Marker(mark)

    def container(self, new_parent: etree._Element, old_parent: etree._Element) -> None:
        new_blocks, old_blocks = _blocks(new_parent), _blocks(old_parent)
        ordered = []
        for new, old in _pairs(new_blocks, old_blocks, _fingerprint, _block_text, _same_kind):
            if new is not None and old is not None:
                self.block(new, old)
                ordered.append(new)
            elif new is not None:
                self.marker.whole(new, "ins")
                ordered.append(new)
            elif old is not None:
                gone = _sanitize(old)
                self.marker.whole(gone, "del")
                ordered.append(gone)
        _reseat(new_parent, new_blocks, ordered)

    def block(self, new: etree._Element, old: etree._Element) -> None:
        if new.tag == w("p"):
            self.marker.words(new, old)
        elif new.tag == w("tbl"):
            self.table(new, old)
        else:
            new_content, old_content = new.find(w("sdtContent")), old.find(w("sdtContent"))
            if new_content is not None and old_content is not None:
                self.container(new_content, old_content)

    def table(self, new: etree._Element, old: etree._Element) -> None:
        new_rows, old_rows = new.findall(w("tr")), old.findall(w("tr"))

        def row_text(row: etree._Element) -> str:
            return "\t".join(_block_text(tc) for tc in _cells(row))

        def fits(a: etree._Element, b: etree._Element) -> bool:
            return _spans(a) == _spans(b)

        ordered = []

        def label(row: etree._Element) -> str:
            cells = _cells(row)
            return _block_text(cells[0]) if cells else ""

        pairs = _pairs(new_rows, old_rows, _row_fingerprint, row_text, fits, label)
        for new_row, old_row in pairs:
            if new_row is not None and old_row is not None:
                for new_tc, old_tc in zip(_cells(new_row), _cells(old_row), strict=True):
                    self.container(new_tc, old_tc)
                ordered.append(new_row)
            elif new_row is not None:
                self.marker.whole(new_row, "ins")
                ordered.append(new_row)
            elif old_row is not None:
                gone = _sanitize(old_row)
                self.marker.whole(gone, "del")
                ordered.append(gone)
        _reseat(new, new_rows, ordered)


def _reseat(
    parent: etree._Element, current: Sequence[etree._Element], ordered: Sequence[etree._Element]
) -> None:
    """Put ``ordered`` where ``current`` was (before a trailing ``w:sectPr``)."""
    for element in current:
        parent.remove(element)
    tail = parent.find(w("sectPr"))
    for element in ordered:
        if tail is not None:
            tail.addprevious(element)
        else:
            parent.append(element)


def track_changes(old: bytes, new: bytes, mark: RevisionMark) -> bytes:
    """``new`` (a DOCX) with revision marks that turn ``old``'s body text into ``new``'s."""
    old_root, new_root = _body(old), _body(new)
    old_body, new_body = old_root.find(w("body")), new_root.find(w("body"))
    assert old_body is not None and new_body is not None
    _Merger(mark).container(new_body, old_body)
    document = etree.tostring(new_root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(io.BytesIO(new)) as archive:
        entries = [
            (info.filename, document if info.filename == _DOCUMENT else archive.read(info))
            for info in archive.infolist()
        ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            target.writestr(name, data)
    return normalize_zip(out.getvalue())


# ------------------------------------------------------------------------ accept / reject


def _resolve(package: bytes, drop: str, keep: str) -> etree._Element:
    root = _body(package)
    for element in list(root.iter(w(drop))):
        parent = element.getparent()
        assert parent is not None
        if parent.tag == w("rPr"):  # a paragraph mark: the paragraph goes (merges onward)
            paragraph = parent.getparent()
            paragraph = paragraph.getparent() if paragraph is not None else None
            if paragraph is not None:
                _merge_forward(paragraph)
            continue
        if parent.tag == w("trPr"):
            row = parent.getparent()
            if row is not None and row.getparent() is not None:
                row.getparent().remove(row)
            continue
        parent.remove(element)
    for element in list(root.iter(w(keep))):
        parent = element.getparent()
        assert parent is not None
        if parent.tag in (w("rPr"), w("trPr")):
            parent.remove(element)
            continue
        for child in list(element):
            for text in child.iter(w("delText")):
                text.tag = w("t")
            for text in child.iter(w("delInstrText")):
                text.tag = w("instrText")
            element.addprevious(child)
        parent.remove(element)
    for table in list(root.iter(w("tbl"))):
        if table.find(w("tr")) is None and table.getparent() is not None:
            table.getparent().remove(table)
    return root


def _merge_forward(paragraph: etree._Element) -> None:
    """A removed paragraph mark: what is left of the paragraph joins the next paragraph."""
    parent = paragraph.getparent()
    if parent is None:
        return
    content = [c for c in paragraph if c.tag != w("pPr")]
    following = paragraph.getnext()
    if content and following is not None and following.tag == w("p"):
        p_pr = following.find(w("pPr"))
        at = 1 if p_pr is not None else 0
        for offset, child in enumerate(content):
            following.insert(at + offset, child)
    parent.remove(paragraph)


def _texts_after(package: bytes, drop: str, keep: str) -> list[str]:
    root = _resolve(package, drop, keep)
    return [_text(p) for p in root.iter(w("p"))]


def accepted_texts(package: bytes) -> list[str]:
    """The body's paragraph texts after «accept all changes»."""
    return _texts_after(package, "del", "ins")


def rejected_texts(package: bytes) -> list[str]:
    """The body's paragraph texts after «reject all changes»."""
    return _texts_after(package, "ins", "del")
