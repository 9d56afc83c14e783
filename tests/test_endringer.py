"""The consultation round: two versions of each example → a tracked-changes handlingsplan
(revisions exactly where the versions differ, with the new version's author and date;
accept-all = NEW, reject-all = OLD), the endringslogg, the saksframlegg with --previous, and
the errors of ``omradedok diff``."""

from __future__ import annotations

import copy
import difflib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from conftest import EXAMPLE_FILES, LARGE_EXAMPLE, Convert
from lxml import etree
from pypdf import PdfReader

import omradedok
from omradedok.cli import main
from omradedok.documents.endringer import (
    endringslogg,
    revision_mark,
    summary_paragraphs,
    tracked_handlingsplan,
)
from omradedok.documents.saksframlegg import saksframlegg_view
from omradedok.model import Initiative
from omradedok.render.docx_revisions import accepted_texts, paragraph_texts, rejected_texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NEW_GOAL_WORDS = " og trives godt"
ADDED_TITLE = "Nytt tiltak for eldre i området"
ADDED_PARTNER = "Seniorforeningen i området"
EXTRA = 12_000


@dataclass
class Versions:
    name: str
    old: Initiative
    new: Initiative
    old_file: Path
    new_file: Path
    amount_activity: str
    removed_strategy: str


def _variants(source: Path, folder: Path) -> Versions:
    """OLD: the example as of its previous version (the version history's line before its
    own, where it has one); NEW: the example with a longer first goal, one activity removed
    and one added, one activity's municipal amount raised, the last strategy removed and a
    partner added."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    old = copy.deepcopy(data)
    history = old["document"].get("revisions") or []
    if len(history) >= 2:
        old["document"]["version"] = history[-2]["version"]
        old["document"]["date"] = history[-2]["date"]
        old["document"]["revisions"] = history[:-1]
        old["document"]["status"] = history[-2]["status"]
        old["document"].pop("decision", None)
    new = copy.deepcopy(data)
    goal = new["goals"]["main_goals"][0]
    goal["title"] = goal["title"] + NEW_GOAL_WORDS
    activities = new["activities"]
    funded = [
        a for a in activities if isinstance(a.get("budget"), dict) and a["budget"].get("municipal")
    ]
    changed = funded[1]
    changed["budget"]["municipal"] = int(changed["budget"]["municipal"]) + EXTRA
    removed = next(a for a in activities if a is not changed and a is not funded[0])
    activities.remove(removed)
    added = copy.deepcopy(funded[0])
    added["id"] = "99.1"
    added["title"] = ADDED_TITLE
    activities.append(added)
    strategy = new["strategies"].pop()
    partner = {"id": "seniorforeningen", "name": ADDED_PARTNER, "kind": "voluntary_organisation"}
    new["partners"].append(partner)
    paths = []
    for label, content in (("old", old), ("new", new)):
        path = folder / f"{source.stem}-{label}.json"
        path.write_text(json.dumps(content, default=str, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return Versions(
        source.stem,
        omradedok.load(paths[0]),
        omradedok.load(paths[1]),
        paths[0],
        paths[1],
        str(changed["id"]),
        strategy["title"],
    )


@pytest.fixture(scope="module", params=EXAMPLE_FILES, ids=lambda p: p.stem)
def versions(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Versions:
    return _variants(request.param, tmp_path_factory.mktemp("versions"))


@pytest.fixture(scope="module")
def tracked(versions: Versions) -> Any:
    language = versions.new.municipality.language
    return tracked_handlingsplan(versions.old, versions.new, language)


def _root(package: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))


def _marked(p: Any, kind: str) -> bool:
    return p.find(f"{W}pPr/{W}rPr/{W}{kind}") is not None


# ------------------------------------------------------------------------- accept / reject


def test_accept_all_gives_new_and_reject_all_gives_old(tracked: Any) -> None:
    assert accepted_texts(tracked.docx) == paragraph_texts(tracked.new_docx)
    assert rejected_texts(tracked.docx) == paragraph_texts(tracked.old_docx)
    assert paragraph_texts(tracked.old_docx) != paragraph_texts(tracked.new_docx)


# ------------------------------------------------------------------------ where the marks are


def test_revisions_are_exactly_where_the_versions_differ(versions: Versions, tracked: Any) -> None:
    old_texts = paragraph_texts(tracked.old_docx)
    new_texts = paragraph_texts(tracked.new_docx)
    differing: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    for op, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            differing.update(range(j1, j2))
    root = _root(tracked.docx)
    revised: set[int] = set()
    index = 0
    for p in root.iter(f"{W}p"):
        if _marked(p, "del"):  # a paragraph only the old version has
            continue
        if (
            p.find(f".//{W}ins") is not None
            or p.find(f".//{W}del") is not None
            or _marked(p, "ins")
        ):
            revised.add(index)
        index += 1
    assert index == len(new_texts)
    assert revised == differing


def test_every_mark_has_the_new_versions_author_and_date(versions: Versions, tracked: Any) -> None:
    history = versions.new.document.revisions
    own = next((r for r in history if r.version == versions.new.document.version), None)
    if own is not None:
        author, date = own.author, own.date.first_day() if own.date else None
        assert tracked.signed.note == ""
    else:  # no line for its version (Elvebakken has no history): the document's, said so
        author, date = versions.new.municipality.name, versions.new.document.date
        assert "ingen linje" in tracked.signed.note
    marks = list(_root(tracked.docx).iter(f"{W}ins", f"{W}del"))
    assert marks
    assert {m.get(f"{W}author") for m in marks} == {author}
    assert {m.get(f"{W}date") for m in marks} == {f"{date}T00:00:00Z"}
    assert len({m.get(f"{W}id") for m in marks}) == len(marks)


def test_the_goal_change_is_a_word_level_insertion_in_its_heading(tracked: Any) -> None:
    root = _root(tracked.docx)
    headings = [
        p
        for p in root.iter(f"{W}p")
        if (p.find(f"{W}pPr/{W}pStyle") is not None)
        and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val").startswith("Heading")
        and NEW_GOAL_WORDS.strip() in _text(p)
    ]
    assert headings
    for heading in headings:
        inserted = ["".join(_text(i)) for i in heading.iter(f"{W}ins")]
        assert inserted == [NEW_GOAL_WORDS]
        assert heading.find(f".//{W}del") is None
        assert not _marked(heading, "ins")


def test_the_removed_strategy_is_a_deleted_heading(versions: Versions, tracked: Any) -> None:
    root = _root(tracked.docx)
    deleted = [p for p in root.iter(f"{W}p") if _marked(p, "del")]
    texts = [_text(p) for p in deleted]
    assert any(t.endswith(versions.removed_strategy) for t in texts)
    for p in deleted:  # whole paragraphs: every run deleted, none left as plain text
        assert not [t for t in p.iter(f"{W}t") if t.text]


def test_the_added_partner_is_an_inserted_row(tracked: Any) -> None:
    rows = [r for r in _root(tracked.docx).iter(f"{W}tr") if ADDED_PARTNER in _text(r)]
    assert rows
    assert all(r.find(f"{W}trPr/{W}ins") is not None for r in rows)


def test_a_changed_amount_is_replaced_inside_its_cell(tracked: Any) -> None:
    root = _root(tracked.docx)
    cells = [
        tc
        for tc in root.iter(f"{W}tc")
        if tc.find(f".//{W}del") is not None and tc.find(f".//{W}ins") is not None
    ]
    amounts = []
    for tc in cells:  # old amount struck, new amount inserted, «kr» kept as it was
        deleted = "".join(t.text or "" for t in tc.iter(f"{W}delText"))
        inserted = "".join(_text(i) for i in tc.iter(f"{W}ins"))
        kept = "".join(
            t.text or "" for t in tc.iter(f"{W}t") if t.getparent().getparent().tag != f"{W}ins"
        )
        if (
            deleted.replace("\u00a0", "").replace(" ", "").isdigit()
            and inserted.replace("\u00a0", "").replace(" ", "").isdigit()
        ):
            amounts.append((deleted, inserted, kept))
    assert amounts
    assert any(kept.endswith("kr") for _, _, kept in amounts)


# ------------------------------------------------------------------------------ endringslogg


def test_the_endringslogg_lists_goal_strategy_budget_and_partner(versions: Versions) -> None:
    language = versions.new.municipality.language
    log = endringslogg(versions.old, versions.new, language)
    by_key = {c.key: c for c in log.chapters}
    assert {"goals", "strategies", "frame", "org"} <= set(by_key)
    goal = [c for c in by_key["goals"].changes if c.kind == "changed"]
    assert any(
        NEW_GOAL_WORDS.strip() in c.after and NEW_GOAL_WORDS.strip() not in c.before for c in goal
    )
    strategies = by_key["strategies"].changes
    assert any(c.kind == "removed" and versions.removed_strategy in c.before for c in strategies)
    assert any(c.kind == "added" and ADDED_PARTNER in c.after for c in by_key["org"].changes)
    budget = [c for c in by_key["frame"].changes if c.kind == "changed" and c.part == "row"]
    assert budget and all("kr" in c.before and "kr" in c.after for c in budget)
    unchanged = {"anchoring", "knowledge", "kb", "background"} & set(by_key)
    assert not unchanged


def test_the_saksframlegg_with_previous_says_what_changed(versions: Versions) -> None:
    if versions.new.council_case is None:
        pytest.skip("this example has no council case")
    language = versions.new.municipality.language
    view = saksframlegg_view(versions.new, language, [], None, versions.old)
    plain = saksframlegg_view(versions.new, language, [], None)
    expected = summary_paragraphs(endringslogg(versions.old, versions.new, language), language)
    added = [p for p in view["case"]["participation"] if p not in plain["case"]["participation"]]
    assert added == expected
    lead = (
        "Endringer i handlingsplanen" if language.value == "nb" else "Endringar i handlingsplanen"
    )
    assert expected[0].startswith(lead)


def test_build_previous_puts_the_endringslogg_in_the_saksframlegg(tmp_path: Path) -> None:
    versions = _variants(LARGE_EXAMPLE, tmp_path)
    out = tmp_path / "out"
    code = main(
        [
            "build",
            str(versions.new_file),
            "--previous",
            str(versions.old_file),
            "--only",
            "saksframlegg",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    texts = [p.text for p in docx.Document(str(out / "saksframlegg.docx")).paragraphs]
    start = texts.index("Medvirkning og høringsinnspill")
    lead = next(t for t in texts[start:] if t.startswith("Endringer i handlingsplanen"))
    assert "fra versjon 0.9 (2. februar 2026) til versjon 1.0 (24. februar 2026)" in lead
    assert any(t.startswith("5 Visjon og mål") for t in texts[start:])


def test_nynorsk_wording(tmp_path: Path) -> None:
    versions = _variants(EXAMPLE_FILES[0], tmp_path)  # Elvebakken: nynorsk
    assert versions.new.municipality.language.value == "nn"
    lines = summary_paragraphs(
        endringslogg(versions.old, versions.new, versions.new.municipality.language),
        versions.new.municipality.language,
    )
    assert lines[0].startswith("Endringar i handlingsplanen frå versjonen datert")
    assert any("teke ut" in line for line in lines)
    assert any("endra" in line for line in lines)


# ----------------------------------------------------------------------------------- the CLI


def test_diff_writes_the_tracked_plan_and_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    versions = _variants(LARGE_EXAMPLE, tmp_path)
    out, log = tmp_path / "endringer.docx", tmp_path / "endringslogg.txt"
    code = main(
        [
            "diff",
            str(versions.old_file),
            str(versions.new_file),
            "-o",
            str(out),
            "--endringslogg",
            str(log),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "Tor Arne Bakken, 2026-02-24" in printed
    assert "5 Visjon og mål" in printed
    text = log.read_text(encoding="utf-8")
    assert text.startswith("Endringer i handlingsplanen fra versjon 0.9")
    assert accepted_texts(out.read_bytes()) == paragraph_texts(
        tracked_handlingsplan(
            versions.old, versions.new, versions.new.municipality.language
        ).new_docx
    )


def test_diff_of_two_initiatives_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "endringer.docx"
    code = main(["diff", str(EXAMPLE_FILES[0]), str(LARGE_EXAMPLE), "-o", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert f"{LARGE_EXAMPLE}: municipality.number: kommunenummer er" in " ".join(err.split())
    assert "area.name" in err and "title" in err
    assert not out.exists()


def test_diff_with_an_unreadable_file_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "gammel.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    out = tmp_path / "endringer.docx"
    assert main(["diff", str(broken), str(LARGE_EXAMPLE), "-o", str(out)]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert f"{broken}:" in err and "Traceback" not in err
    assert (
        main(["diff", str(tmp_path / "finnes-ikke.yaml"), str(LARGE_EXAMPLE), "-o", str(out)]) == 1
    )
    assert "finnes ikke" in capsys.readouterr().err
    assert not out.exists()


def test_build_previous_of_another_initiative_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["build", str(LARGE_EXAMPLE), "--previous", str(EXAMPLE_FILES[0]), "-o", str(out)])
    assert code == 1
    assert "kommunenummer" in capsys.readouterr().err
    assert not out.exists()


def test_revision_mark_without_a_history_line_uses_the_document_and_says_so(
    versions: Versions,
) -> None:
    model = versions.new.model_copy(
        update={"document": versions.new.document.model_copy(update={"revisions": []})}
    )
    signed = revision_mark(model)
    assert signed.mark.author == model.municipality.name
    assert signed.mark.date == model.document.date
    assert "document.revisions" in signed.note


# ------------------------------------------------------------------------------ LibreOffice


def test_libreoffice_converts_and_shows_the_changes(tmp_path: Path, soffice: Convert) -> None:
    versions = _variants(LARGE_EXAMPLE, tmp_path)
    tracked = tracked_handlingsplan(versions.old, versions.new, versions.new.municipality.language)
    path = tmp_path / "endringer.docx"
    path.write_bytes(tracked.docx)
    (pdf,) = soffice([path], tmp_path / "pdf", "pdf")
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages).split())
    # LibreOffice shows recorded changes: the deleted strategy and the inserted words are both printed
    assert NEW_GOAL_WORDS.strip() in text
    assert versions.removed_strategy in text
    # the DOCX hyphenates: a word broken at a line end reads «Senior- foreningen» in the text
    assert ADDED_PARTNER in text or ADDED_PARTNER in text.replace("- ", "")


def test_a_failed_self_check_is_a_message_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import omradedok.documents.endringer as endringer

    versions = _variants(LARGE_EXAMPLE, tmp_path)
    monkeypatch.setattr(endringer, "accepted_texts", lambda package: ["(ødelagt)"])
    out = tmp_path / "endringer.docx"
    assert main(["diff", str(versions.old_file), str(versions.new_file), "-o", str(out)]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "intern feil i omradedok" in err and "ingenting er skrevet" in err
    assert not out.exists()


def test_the_same_version_twice_has_no_marks_and_an_empty_log(large_model: Initiative) -> None:
    from omradedok.documents.endringer import compare

    tracked, log = compare(large_model, large_model, large_model.municipality.language)
    assert list(_root(tracked.docx).iter(f"{W}ins", f"{W}del")) == []
    assert log.empty
    assert summary_paragraphs(log, large_model.municipality.language)[0].endswith(
        "ingen endringer i teksten."
    )


def test_build_previous_without_a_saksframlegg_says_it_is_unused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    versions = _variants(LARGE_EXAMPLE, tmp_path)
    out = tmp_path / "out"
    args = ["build", str(versions.new_file), "--previous", str(versions.old_file)]
    assert main([*args, "--only", "rollematrise", "-o", str(out)]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "--previous" in err and "ikke brukt" in err


def test_a_workbook_version_diffs_like_its_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from omradedok.io.workbook import export_bytes

    versions = _variants(EXAMPLE_FILES[-1], tmp_path)
    workbook = tmp_path / "ny.xlsx"
    workbook.write_bytes(export_bytes(versions.new, None))
    out_json, out_xlsx = tmp_path / "a.docx", tmp_path / "b.docx"
    assert main(["diff", str(versions.old_file), str(versions.new_file), "-o", str(out_json)]) == 0
    from_json = capsys.readouterr().out.splitlines()[:-1]
    assert main(["diff", str(versions.old_file), str(workbook), "-o", str(out_xlsx)]) == 0
    from_xlsx = capsys.readouterr().out.splitlines()[:-1]
    assert from_xlsx == from_json
    assert accepted_texts(out_xlsx.read_bytes()) == accepted_texts(out_json.read_bytes())
