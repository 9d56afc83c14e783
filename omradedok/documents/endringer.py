"""What changed between two versions of one initiative's handlingsplan (the consultation round).

Two things come from the two versions' views (:func:`handlingsplan_doc.plan_document`):

* :func:`tracked_handlingsplan` – the new handlingsplan DOCX with Word revision marks that turn
  the old version's text into the new one's (``render.docx_revisions``), signed with the new
  version's line in the version history (:func:`revision_mark`);
* :func:`endringslogg` – a short, typed account per chapter (goals, budget, organisation,
  the delprogram chapters …) of what was added, taken out or changed, which
  ``omradedok diff`` prints and the saksframlegg of the adoption case includes under
  «Medvirkning og høringsinnspill» (``omradedok build NEW --previous OLD``).

Both versions must be the same initiative (:func:`same_initiative`): the same municipality
(kommunenummer), area and title.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import InputError, OmradedokError, Problem
from ..locale import format_date, pick
from ..model import Initiative, Language
from ..render.docx_revisions import (
    RevisionMark,
    accepted_texts,
    paragraph_texts,
    rejected_texts,
    track_changes,
)
from ..view.blocks import Block, Document, ItemList, Paragraph, Section, Table, plain
from .handlingsplan_doc import plan_document

__all__ = [
    "Change",
    "ChapterChanges",
    "Endringslogg",
    "Tracked",
    "compare",
    "endringslogg",
    "endringslogg_lines",
    "revision_mark",
    "same_initiative",
    "summary_paragraphs",
    "tracked_handlingsplan",
]

ChangeKind = Literal["added", "removed", "changed"]
_PAIR_RATIO = 0.5
_SHORT = 90
_EMPTY = "(tom)"
"""A cell that is empty in one version (the same word in bokmål and nynorsk)."""


@dataclass(frozen=True)
class Change:
    """One change in a chapter: a paragraph, list point, table row or heading that was added,
    taken out or changed. ``where`` is the sub-heading it sits under («» directly in the
    chapter); ``before``/``after`` are its texts (a changed row: only the cells that differ)."""

    kind: ChangeKind
    where: str
    label: str
    before: str = ""
    after: str = ""
    part: Literal["text", "row", "heading"] = "text"


@dataclass(frozen=True)
class ChapterChanges:
    """The changes of one chapter, by its key; ``heading`` is the new version's (the old one's
    for a chapter taken out)."""

    key: str
    heading: str
    status: Literal["added", "removed", "changed"]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Endringslogg:
    """What changed from the old version to the new, chapter by chapter (only chapters with
    changes)."""

    old_version: str | None
    new_version: str | None
    old_date: str
    new_date: str
    chapters: tuple[ChapterChanges, ...]

    @property
    def empty(self) -> bool:
        return not self.chapters


# ------------------------------------------------------------------------------ identity


def _number(model: Initiative) -> str:
    return model.municipality.number


def _area(model: Initiative) -> str:
    return model.area.name


def _title(model: Initiative) -> str:
    return model.title


_IDENTITY: tuple[tuple[str, str, Callable[[Initiative], str]], ...] = (
    ("municipality.number", "kommunenummer", _number),
    ("area.name", "område", _area),
    ("title", "tittel", _title),
)


def same_initiative(old: Initiative, new: Initiative, old_name: str, new_name: str) -> None:
    """Raise InputError unless ``old`` and ``new`` are versions of one initiative: the same
    kommunenummer (``municipality.number``), area (``area.name``) and title (``title``)."""
    problems = []
    for path, word, get in _IDENTITY:
        a, b = get(old), get(new)
        if a != b:
            problems.append(
                Problem(
                    "error",
                    f"{word} er «{b}» her, men «{a}» i {old_name}; to versjoner av samme "
                    "områdesatsing har samme kommunenummer (municipality.number), område "
                    "(area.name) og tittel (title) – sammenlign to versjoner av samme satsing, "
                    "eller rett feltet",
                    tuple(path.split(".")),
                    new_name,
                )
            )
    if problems:
        raise InputError(new_name, problems)


# ---------------------------------------------------------------------- author and date


@dataclass(frozen=True)
class SignedMark:
    """The author and date the revisions carry, and – when the version history does not give
    them – a note saying where they came from instead."""

    mark: RevisionMark
    note: str = ""


def revision_mark(model: Initiative) -> SignedMark:
    """Author and date from the version history line of the model's own version
    (``document.revisions[…]`` with ``version == document.version``); where that line is
    missing, has no author or no full date, the document's author (the municipality) and date
    (``document.date``) – and a note that says so."""
    info = model.document
    entry = next((r for r in info.revisions if r.version == info.version), None)
    author = entry.author if entry is not None and entry.author else ""
    date = (
        entry.date.first_day()
        if entry is not None and entry.date is not None and entry.date.precision == "day"
        else None
    )
    missing = []
    if entry is None:
        which = (
            f"versjon {info.version}"
            if info.version
            else "denne versjonen (document.version mangler)"
        )
        note = (
            f"versjonshistorikken (document.revisions) har ingen linje for {which}; "
            "endringene er merket med dokumentets forfatter (kommunen) og dato (document.date)"
        )
        return SignedMark(RevisionMark(model.municipality.name, info.date), note)
    if not author:
        missing.append("forfatter (author) → kommunen")
    if date is None:
        missing.append("full dato (date) → document.date")
    note = (
        f"versjon {info.version} i versjonshistorikken mangler " + " og ".join(missing)
        if missing
        else ""
    )
    return SignedMark(RevisionMark(author or model.municipality.name, date or info.date), note)


# ---------------------------------------------------------------------------- tracked DOCX


@dataclass(frozen=True)
class Tracked:
    """The tracked handlingsplan and what it was checked against."""

    docx: bytes
    signed: SignedMark
    old_docx: bytes
    new_docx: bytes


class RevisionCheckError(OmradedokError):
    """The revision marks would not give back exactly the two versions: a bug in omradedok,
    never the input's fault; nothing is written."""


def tracked_handlingsplan(
    old: Initiative, new: Initiative, language: Language, template_dir: Path | None = None
) -> Tracked:
    """NEW's handlingsplan DOCX with revisions from OLD, checked: accepting all changes gives
    exactly NEW's paragraph texts, rejecting all exactly OLD's."""
    return _tracked(
        plan_document(old, language, template_dir),
        plan_document(new, language, template_dir),
        new,
        template_dir,
    )


def compare(
    old: Initiative, new: Initiative, language: Language, template_dir: Path | None = None
) -> tuple[Tracked, Endringslogg]:
    """:func:`tracked_handlingsplan` and :func:`endringslogg` from one pair of views."""
    old_view = plan_document(old, language, template_dir)
    new_view = plan_document(new, language, template_dir)
    return (
        _tracked(old_view, new_view, new, template_dir),
        _log(old_view, new_view, old, new, language),
    )


def _tracked(
    old_view: Document, new_view: Document, new: Initiative, template_dir: Path | None
) -> Tracked:
    from ..render.docx_body import render_docx_body

    old_docx = render_docx_body(old_view, template_dir=template_dir)
    new_docx = render_docx_body(new_view, template_dir=template_dir)
    signed = revision_mark(new)
    tracked = track_changes(old_docx, new_docx, signed.mark)
    if accepted_texts(tracked) != paragraph_texts(new_docx):
        raise RevisionCheckError(
            "intern feil i omradedok: «godta alle endringer» ville ikke gi den nye versjonens "
            "tekst; ingenting er skrevet – meld feilen med de to inndatafilene"
        )
    if rejected_texts(tracked) != paragraph_texts(old_docx):
        raise RevisionCheckError(
            "intern feil i omradedok: «avvis alle endringer» ville ikke gi den forrige "
            "versjonens tekst; ingenting er skrevet – meld feilen med de to inndatafilene"
        )
    return Tracked(tracked, signed, old_docx, new_docx)


# ----------------------------------------------------------------------------- endringslogg


@dataclass(frozen=True)
class _Item:
    where: str
    kind: Literal["text", "row", "heading"]
    cells: tuple[str, ...]
    columns: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " | ".join(c for c in self.cells if c.strip())

    @property
    def label(self) -> str:
        first = next((c for c in self.cells if c.strip()), "")
        return _short(first)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


def _chapters(document: Document) -> list[Section]:
    """The chapters: top-level sections, or the numbered sections of an unnumbered part
    («Del 1 Programdel»)."""
    out: list[Section] = []
    for block in document.body:
        if not isinstance(block, Section):
            continue
        subs = [c for c in block.children if isinstance(c, Section)]
        if not block.number and subs and all(s.number for s in subs):
            out.extend(subs)
        else:
            out.append(block)
    return out


def _items(blocks: Iterable[Block], where: str) -> Iterator[_Item]:
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                yield _Item(where, "text", (block.text,))
        elif isinstance(block, ItemList):
            yield from _list_items(block, where)
        elif isinstance(block, Table):
            columns = tuple(c.title for c in block.columns)
            for row in block.rows:
                if row.kind != "header":
                    yield _Item(where, "row", tuple(c.text for c in row.cells), columns)
        elif isinstance(block, Section):
            yield _Item(where, "heading", (block.title,))
            yield from _items(block.children, block.title)


def _list_items(block: ItemList, where: str) -> Iterator[_Item]:
    for item in block.items:
        yield _Item(where, "text", (plain(item.content),))
        if item.children is not None:
            yield from _list_items(item.children, where)


def _key(section: Section) -> str:
    return section.key or section.title


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _changed(old: _Item, new: _Item) -> Change:
    if old.kind == "row" and new.kind == "row" and len(old.cells) == len(new.cells):
        pairs = [
            (i, a, b) for i, (a, b) in enumerate(zip(old.cells, new.cells, strict=True)) if a != b
        ]
        columns = new.columns if len(new.columns) == len(new.cells) else ()

        def name(i: int) -> str:
            return f"{columns[i]}: " if columns and columns[i] and i > 0 else ""

        return Change(
            "changed",
            new.where,
            new.label,
            "; ".join(f"{name(i)}{_short(a) or _EMPTY}" for i, a, _ in pairs),
            "; ".join(f"{name(i)}{_short(b) or _EMPTY}" for i, _, b in pairs),
            "row",
        )
    before, after = _around(old.text, new.text)
    return Change("changed", new.where, "", before, after, new.kind)


def _around(old: str, new: str, context: int = 4) -> tuple[str, str]:
    """The part of two texts that differs, with a few words either side («…» where cut)."""
    a, b = old.split(), new.split()
    blocks = [
        op
        for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    if not blocks:
        return _short(old), _short(new)
    i1, j1 = blocks[0][1], blocks[0][3]
    i2, j2 = blocks[-1][2], blocks[-1][4]
    lo_a, lo_b = max(0, i1 - context), max(0, j1 - context)
    hi_a, hi_b = min(len(a), i2 + context), min(len(b), j2 + context)

    def cut(words: list[str], lo: int, hi: int) -> str:
        text = " ".join(words[lo:hi])
        return ("… " if lo > 0 else "") + _short(text) + (" …" if hi < len(words) else "")

    return cut(a, lo_a, hi_a), cut(b, lo_b, hi_b)


def _added(item: _Item) -> Change:
    return Change("added", item.where, item.label, after=_short(item.text), part=item.kind)


def _removed(item: _Item) -> Change:
    return Change("removed", item.where, item.label, before=_short(item.text), part=item.kind)


def _compare(old: list[_Item], new: list[_Item]) -> list[Change]:
    out: list[Change] = []
    matcher = difflib.SequenceMatcher(
        None, [(i.kind, i.text) for i in old], [(i.kind, i.text) for i in new], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds = old[i1:i2]
        cursor = 0
        for item in new[j1:j2]:
            found = next(
                (
                    k
                    for k in range(cursor, len(olds))
                    if olds[k].kind == item.kind
                    and (
                        _similar(olds[k].text, item.text) >= _PAIR_RATIO
                        or (item.kind == "row" and olds[k].label == item.label)
                    )
                ),
                None,
            )
            if found is None:
                out.append(_added(item))
                continue
            out.extend(_removed(o) for o in olds[cursor:found])
            out.append(_changed(olds[found], item))
            cursor = found + 1
        out.extend(_removed(o) for o in olds[cursor:])
    return _collapsed(out)


def _collapsed(changes: list[Change]) -> list[Change]:
    """A sub-section added or taken out is one change (its heading), not one per paragraph."""
    whole = {
        (c.kind, c.after or c.before)
        for c in changes
        if c.part == "heading" and c.kind != "changed"
    }
    return [c for c in changes if not c.where or (c.kind, c.where) not in whole]


def endringslogg(
    old: Initiative, new: Initiative, language: Language, template_dir: Path | None = None
) -> Endringslogg:
    """What changed per chapter of the handlingsplan from ``old`` to ``new`` (their views)."""
    return _log(
        plan_document(old, language, template_dir),
        plan_document(new, language, template_dir),
        old,
        new,
        language,
    )


def _log(
    old_view: Document, new_view: Document, old: Initiative, new: Initiative, language: Language
) -> Endringslogg:
    old_chapters = _chapters(old_view)
    new_chapters = _chapters(new_view)
    old_by_key = {_key(c): c for c in old_chapters}
    new_keys = {_key(c) for c in new_chapters}
    out: list[ChapterChanges] = []
    for chapter in new_chapters:
        before = old_by_key.get(_key(chapter))
        items = list(_items(chapter.children, ""))
        if before is None:
            changes = tuple(Change("added", i.where, i.label, after=_short(i.text)) for i in items)
            out.append(ChapterChanges(_key(chapter), chapter.heading, "added", changes))
            continue
        found = _compare(list(_items(before.children, "")), items)
        if found:
            out.append(ChapterChanges(_key(chapter), chapter.heading, "changed", tuple(found)))
    for chapter in old_chapters:
        if _key(chapter) not in new_keys:
            changes = tuple(_collapsed([_removed(i) for i in _items(chapter.children, "")]))
            out.append(ChapterChanges(_key(chapter), chapter.title, "removed", changes))
    return Endringslogg(
        old.document.version,
        new.document.version,
        format_date(old.document.date, language),
        format_date(new.document.date, language),
        tuple(out),
    )


# ------------------------------------------------------------------------------- wording


def _version(language: Language, version: str | None, date: str) -> str:
    if version:
        return pick(language, f"versjon {version} ({date})", f"versjon {version} ({date})")
    return pick(language, f"versjonen datert {date}", f"versjonen datert {date}")


def _heading(log: Endringslogg, language: Language) -> str:
    old = _version(language, log.old_version, log.old_date)
    new = _version(language, log.new_version, log.new_date)
    return pick(
        language,
        f"Endringer i handlingsplanen fra {old} til {new}",
        f"Endringar i handlingsplanen frå {old} til {new}",
    )


def _change_text(change: Change, language: Language) -> str:
    where = f"{change.where}: " if change.where else ""
    if change.kind == "added":
        return pick(
            language, f"lagt til {where}«{change.after}»", f"lagt til {where}«{change.after}»"
        )
    if change.kind == "removed":
        return pick(
            language, f"tatt ut {where}«{change.before}»", f"teke ut {where}«{change.before}»"
        )
    subject = f"«{change.label}»" if change.label else ""
    if change.part == "heading":
        return pick(
            language,
            f"endret {where}overskriften fra «{change.before}» til «{change.after}»",
            f"endra {where}overskrifta frå «{change.before}» til «{change.after}»",
        )
    return pick(
        language,
        f"endret {where}{subject + ' ' if subject else ''}fra «{change.before}» til «{change.after}»",
        f"endra {where}{subject + ' ' if subject else ''}frå «{change.before}» til «{change.after}»",
    )


def _chapter_status(chapter: ChapterChanges, language: Language) -> str:
    if chapter.status == "added":
        return pick(language, "nytt kapittel", "nytt kapittel")
    if chapter.status == "removed":
        return pick(language, "kapitlet er tatt ut", "kapittelet er teke ut")
    n = len(chapter.changes)
    return pick(
        language,
        f"{n} endring" if n == 1 else f"{n} endringer",
        f"{n} endring" if n == 1 else f"{n} endringar",
    )


def endringslogg_lines(log: Endringslogg, language: Language) -> list[tuple[str, list[str]]]:
    """The whole log as text: (chapter line, one line per change) per chapter, after a
    heading line (chapter «», no changes)."""
    out: list[tuple[str, list[str]]] = [(_heading(log, language), [])]
    if log.empty:
        out.append((pick(language, "Ingen endringer i teksten.", "Ingen endringar i teksten."), []))
    for chapter in log.chapters:
        out.append(
            (
                f"{chapter.heading} – {_chapter_status(chapter, language)}",
                [_change_text(c, language) for c in chapter.changes],
            )
        )
    return out


def summary_paragraphs(log: Endringslogg, language: Language, limit: int = 3) -> list[str]:
    """The log as the saksframlegg's paragraphs: a lead sentence, then one sentence per
    chapter naming at most ``limit`` changes («… og 4 til»)."""
    lead = _heading(log, language) + ":"
    if log.empty:
        return [
            lead + " " + pick(language, "ingen endringer i teksten.", "ingen endringar i teksten.")
        ]
    out = [lead]
    for chapter in log.chapters:
        shown = [_change_text(c, language) for c in chapter.changes[:limit]]
        rest = len(chapter.changes) - len(shown)
        if rest > 0:
            shown.append(pick(language, f"og {rest} til", f"og {rest} til"))
        text = f"{chapter.heading} ({_chapter_status(chapter, language)})"
        if shown and chapter.status == "changed":
            text += ": " + "; ".join(shown)
        out.append(text + ".")
    return out
