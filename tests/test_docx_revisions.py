"""render.docx_revisions on the every-block sample view: two versions differing in spans next
to a hyperlink, a list point, a heading, a cover fact, a table row and an amount, and a whole
section with a figure – accept-all gives the new text, reject-all the old, and deleted
content keeps nothing only the old package can resolve."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from typing import Any

import docx
from lxml import etree
from view_samples import BUDGET, SAMPLE, kr

from omradedok.render.docx_body import render_docx_body
from omradedok.render.docx_revisions import (
    RevisionMark,
    accepted_texts,
    paragraph_texts,
    rejected_texts,
    track_changes,
)
from omradedok.view.blocks import (
    Block,
    Document,
    ItemList,
    Paragraph,
    Row,
    Section,
    Span,
    Table,
    cell,
    numbered,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MARK = RevisionMark("Kari Nordmann", dt.date(2026, 3, 1))


def _unnumbered(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(
        replace(b, number="", children=_unnumbered(b.children)) if isinstance(b, Section) else b
        for b in blocks
    )


def _edit(block: Block) -> Block | None:
    if isinstance(block, Section):
        if block.title == "Organisering":  # a whole section with its figure goes
            return None
        title = "Mål, strategier og tiltak" if block.title == "Mål og strategier" else block.title
        children = tuple(c for c in (_edit(c) for c in block.children) if c is not None)
        return replace(block, title=title, children=children)
    if isinstance(block, Paragraph) and any(s.link for s in block.content):
        content = tuple(
            Span(s.text.replace("les mer", "les gjerne mer"), s.bold, s.italic, s.lang, s.link)
            for s in block.content
        )
        return replace(block, content=content)
    if isinstance(block, ItemList) and not block.numbered:
        return replace(block, items=block.items[:1] + block.items[2:])
    if isinstance(block, Table) and block.key == BUDGET.key:
        rows = list(block.rows)
        first = rows[0]
        rows[0] = Row((first.cells[0], cell(kr(1_250_000)), *first.cells[2:]), first.kind)
        rows.insert(
            2,
            Row((cell("Prosjekt 1.2 Ny møteplass"), cell(kr(50_000)), cell("–"), cell(kr(50_000)))),
        )
        return replace(block, rows=tuple(rows))
    return block


def _versions() -> tuple[Document, Document]:
    body = tuple(b for b in (_edit(b) for b in _unnumbered(SAMPLE.body)) if b is not None)
    assert SAMPLE.cover is not None
    cover = replace(SAMPLE.cover, facts=(("Status", "Til politisk behandling"), ("Versjon", "1.0")))
    new = replace(SAMPLE, body=numbered(body), cover=cover)
    return SAMPLE, new


def _root(package: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def test_accept_and_reject_give_the_two_versions_and_the_file_opens() -> None:
    old, new = _versions()
    old_docx, new_docx = render_docx_body(old), render_docx_body(new)
    tracked = track_changes(old_docx, new_docx, MARK)
    assert accepted_texts(tracked) == paragraph_texts(new_docx)
    assert rejected_texts(tracked) == paragraph_texts(old_docx)
    assert paragraph_texts(old_docx) != paragraph_texts(new_docx)
    docx.Document(io.BytesIO(tracked))  # a package python-docx (and so Word's parts) reads


def test_the_marks_sit_where_the_edits_are() -> None:
    old, new = _versions()
    root = _root(track_changes(render_docx_body(old), render_docx_body(new), MARK))
    inserted = ["".join(t.text or "" for t in i.iter(f"{W}t")) for i in root.iter(f"{W}ins")]
    deleted = ["".join(t.text or "" for t in d.iter(f"{W}delText")) for d in root.iter(f"{W}del")]
    assert " gjerne" in inserted  # next to the hyperlink, which stays a hyperlink
    assert any("Flere møteplasser" in d for d in deleted)
    assert ", strategier" in inserted and "tiltak" in inserted  # «Mål og strategier» renamed
    assert "1\u00a0250\u00a0000" in inserted and "1\u00a0200\u00a0000" in deleted
    assert "Til politisk behandling" in "".join(inserted) and "Høringsutkast" in "".join(deleted)
    assert "Prosjekt 1.2 Ny møteplass" in "".join(inserted)
    assert any("Organisering" in d for d in deleted)
    for link in root.iter(f"{W}hyperlink"):  # no hyperlink in deleted content
        assert link.getparent().tag != f"{W}del"
        assert not list(link.iter(f"{W}delText")) or link.get(f"{R}id") is None


def test_deleted_content_has_no_old_pictures_bookmarks_or_links() -> None:
    old, new = _versions()
    root = _root(track_changes(render_docx_body(old), render_docx_body(new), MARK))
    for p in root.iter(f"{W}p"):
        if p.find(f"{W}pPr/{W}rPr/{W}del") is None:
            continue
        assert p.find(f".//{W}drawing") is None
        assert p.find(f".//{W}bookmarkStart") is None
        assert p.find(f".//{W}hyperlink") is None
        assert p.find(f"{W}pPr/{W}sectPr") is None
