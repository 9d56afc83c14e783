"""build() replaces the output folder as a whole: one build in it, never a mix; files it did
not write are never deleted; leftovers of a killed build are cleaned up; the umask is only
ever applied by the kernel."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMI_EXAMPLE

import omradedok
from omradedok.errors import OutputError
from omradedok.io import docset
from omradedok.io.docset import MARKER_NAME, Names
from omradedok.io.writer import write_atomic
from omradedok.model import Initiative

DOCSET_MODULE = sys.modules["omradedok.io.docset"]
KINDS = ["samarbeidsavtale", "rollematrise"]
"""Cheap kinds whose files differ between the examples (one agreement file per partner)."""


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def hidden_beside(folder: Path) -> list[str]:
    """Staging and old folders beside ``folder`` (not the lock file, which stays)."""
    prefix = Names(folder.resolve()).prefix
    return sorted(
        p.name
        for p in folder.parent.iterdir()
        if p.name.startswith(prefix) and not p.name.endswith("lock")
    )


@pytest.fixture(scope="module")
def reference(
    tmp_path_factory: pytest.TempPathFactory, nynorsk_model: Initiative, sami_model: Initiative
) -> dict[str, dict[str, bytes]]:
    """Each example's set, built once into a folder of its own."""
    out = {}
    for name, model in (("nynorsk", nynorsk_model), ("sami", sami_model)):
        folder = tmp_path_factory.mktemp(name) / "d"
        omradedok.build(model, folder, only=KINDS)
        out[name] = files(folder)
    return out


def test_rebuild_with_another_initiative_leaves_only_its_files(
    tmp_path: Path,
    nynorsk_model: Initiative,
    sami_model: Initiative,
    reference: dict[str, dict[str, bytes]],
) -> None:
    out = tmp_path / "d"
    first = omradedok.build(nynorsk_model, out, only=KINDS)
    assert first.removed == []
    assert files(out) == reference["nynorsk"]
    second = omradedok.build(sami_model, out, only=KINDS)
    assert files(out) == reference["sami"]  # not one of Elvebakken's files is left
    assert [p.name for p in second.removed] == [
        "samarbeidsavtale-elvebakken-burettslag.docx",
        "samarbeidsavtale-husbanken.docx",
    ]
    assert [p.name for p in second.paths] == [
        "rolle-og-ansvarsmatrise.xlsx",
        "samarbeidsavtale-sametinget-samediggi-searvi-ovttas.docx",
    ]
    assert all(p.parent == out for p in second.paths)
    assert hidden_beside(out) == []


def test_marker_lists_what_the_build_wrote(
    tmp_path: Path, sami_model: Initiative, reference: dict[str, dict[str, bytes]]
) -> None:
    out = tmp_path / "d"
    result = omradedok.build(sami_model, out, only=KINDS)
    data = json.loads((out / MARKER_NAME).read_text(encoding="utf-8"))
    assert data["format"] == 1
    assert data["generator"] == {"name": "omradedok", "version": omradedok.__version__}
    assert data["files"] == [
        {"file": w.path.name, "size": w.size, "sha256": w.sha256} for w in result.written
    ]
    for record in data["files"]:
        content = (out / record["file"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == record["sha256"]
    assert (out / MARKER_NAME).read_bytes() == reference["sami"][MARKER_NAME]


def test_foreign_files_stop_the_build_and_stay(tmp_path: Path, sami_model: Initiative) -> None:
    out = tmp_path / "d"
    out.mkdir()
    (out / "plan.yaml").write_text("title: mitt utkast\n", encoding="utf-8")
    (out / "notater").mkdir()
    (out / "notater" / "møte.txt").write_text("referat", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        omradedok.build(sami_model, out, only=KINDS)
    message = str(caught.value)
    assert message.startswith(f"{out}: mappen har filer som ikke er laget av omradedok")
    assert "omradedok (eller av en eldre versjon uten .omradedok.json): notater/, plan.yaml." in message
    assert "sletter aldri filer den ikke har laget selv" in message
    assert "bygg til en tom eller ny mappe (-o); mappen er ikke endret" in message
    assert sorted(p.name for p in out.iterdir()) == ["notater", "plan.yaml"]
    assert (out / "notater" / "møte.txt").read_text(encoding="utf-8") == "referat"


def test_a_foreign_file_beside_an_earlier_build_is_named(
    tmp_path: Path, sami_model: Initiative, nynorsk_model: Initiative
) -> None:
    out = tmp_path / "d"
    omradedok.build(nynorsk_model, out, only=KINDS)
    before = files(out)
    (out / "handlingsplan-kommentert.docx").write_bytes(b"PK clerk's own copy")
    with pytest.raises(OutputError, match=r"mappen har filer som ikke er laget av omradedok: "
                       r"handlingsplan-kommentert\.docx\."):
        omradedok.build(sami_model, out, only=KINDS)
    assert files(out) == {**before, "handlingsplan-kommentert.docx": b"PK clerk's own copy"}


def test_an_open_document_is_named(tmp_path: Path, sami_model: Initiative) -> None:
    out = tmp_path / "d"
    omradedok.build(sami_model, out, only=KINDS)
    (out / "~$lle-og-ansvarsmatrise.xlsx").write_bytes(b"lock")
    (out / ".~lock.rolle-og-ansvarsmatrise.xlsx#").write_bytes(b"lock")
    with pytest.raises(OutputError, match="er åpen i Word, Excel eller LibreOffice; lukk"):
        omradedok.build(sami_model, out, only=KINDS)


def test_file_manager_litter_is_not_foreign(
    tmp_path: Path, sami_model: Initiative, reference: dict[str, dict[str, bytes]]
) -> None:
    out = tmp_path / "d"
    out.mkdir()
    for name in (".DS_Store", "Thumbs.db", "desktop.ini", "._rolle-og-ansvarsmatrise.xlsx"):
        (out / name).write_bytes(b"x")
    omradedok.build(sami_model, out, only=KINDS)
    assert files(out) == reference["sami"]


def test_a_file_where_the_folder_should_be(tmp_path: Path, sami_model: Initiative) -> None:
    out = tmp_path / "d"
    out.write_text("ikke en mappe", encoding="utf-8")
    with pytest.raises(OutputError, match="finnes allerede og er en fil, ikke en mappe"):
        omradedok.build(sami_model, out, only=KINDS)
    assert out.read_text(encoding="utf-8") == "ikke en mappe"


def test_a_symlinked_folder_stays_a_symlink(
    tmp_path: Path, sami_model: Initiative, reference: dict[str, dict[str, bytes]]
) -> None:
    real = tmp_path / "ekte"
    real.mkdir()
    link = tmp_path / "lenke"
    link.symlink_to(real)
    omradedok.build(sami_model, link, only=KINDS)
    assert link.is_symlink() and files(link) == reference["sami"] == files(real)


def test_no_documents_leaves_the_folder_alone(tmp_path: Path, sami_model: Initiative) -> None:
    out = tmp_path / "d"
    omradedok.build(sami_model, out, only=["rollematrise"])
    before = files(out)
    empty = sami_model.model_copy(update={"agreements": []})
    result = omradedok.build(empty, out, only=["samarbeidsavtale"])
    assert result.written == [] and files(out) == before


def test_a_failed_write_leaves_the_old_set(
    tmp_path: Path, nynorsk_model: Initiative, sami_model: Initiative
) -> None:
    out = tmp_path / "d"
    omradedok.build(nynorsk_model, out, only=KINDS)
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in out.iterdir()}
    real = DOCSET_MODULE.write_new
    calls = []

    def full_after_one(path: Path, data: bytes) -> Any:
        calls.append(path.name)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DOCSET_MODULE, "write_new", full_after_one)
        with pytest.raises(OutputError) as caught:
            omradedok.build(sami_model, out, only=KINDS)
    assert str(caught.value) == (
        f"{out}: kan ikke skrive det nye dokumentsettet (disken er full); frigjør plass (det "
        "nye settet må få plass ved siden av det gamle) og bygg på nytt. Det forrige "
        "dokumentsettet er uendret"
    )
    assert {p.name: (p.stat().st_ino, p.read_bytes()) for p in out.iterdir()} == before
    assert hidden_beside(out) == []


def test_leftovers_of_a_killed_build_are_cleaned_up(
    tmp_path: Path, sami_model: Initiative, reference: dict[str, dict[str, bytes]]
) -> None:
    out = tmp_path / "d"
    omradedok.build(sami_model, out, only=KINDS)
    names = Names(out.resolve())
    half = out.with_name(names.prefix + "new-0badc0de")
    half.mkdir()
    (half / "handlingsplan.docx").write_bytes(b"PK halv")
    old = out.with_name(names.prefix + "old-0ddba11")
    old.mkdir()
    (old / "gammel.docx").write_bytes(b"PK")
    omradedok.build(sami_model, out, only=KINDS)
    assert hidden_beside(out) == []
    assert files(out) == reference["sami"]


def test_killed_between_two_renames_gets_the_old_set_back(
    tmp_path: Path, sami_model: Initiative, reference: dict[str, dict[str, bytes]]
) -> None:
    """Where the folders cannot be exchanged in one step, a build killed between «old away»
    and «new in» leaves no folder; the next build puts the old one back first."""
    out = tmp_path / "d"
    omradedok.build(sami_model, out, only=KINDS)
    names = Names(out.resolve())
    os.rename(out, out.with_name(names.prefix + "old-12345678"))  # the state after the kill
    half = out.with_name(names.prefix + "new-87654321")
    half.mkdir()
    (half / "rolle-og-ansvarsmatrise.xlsx").write_bytes(b"PK")
    assert not out.exists()
    assert docset.recover_set(out) == []
    assert files(out) == reference["sami"]
    assert hidden_beside(out) == []


@pytest.mark.parametrize("method", ["exchange", "renames"])
def test_both_ways_of_swapping(
    method: str,
    tmp_path: Path,
    nynorsk_model: Initiative,
    sami_model: Initiative,
    reference: dict[str, dict[str, bytes]],
) -> None:
    if method == "exchange":
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        if not docset.exchange(tmp_path / "a", tmp_path / "b"):
            pytest.skip("no renameat2(RENAME_EXCHANGE) here (Linux 3.15+, glibc 2.28+ has it)")
    out = tmp_path / "d"
    omradedok.build(nynorsk_model, out, only=KINDS)
    with pytest.MonkeyPatch.context() as patch:
        if method == "renames":
            patch.setattr(DOCSET_MODULE, "_renameat2", None)
        documents = [(n, d) for n, d in reference["sami"].items() if n != MARKER_NAME]
        replaced = docset.replace_set(out, documents)
    assert replaced.method == method
    assert files(out) == reference["sami"]
    assert hidden_beside(out) == []


def test_the_new_folder_keeps_the_old_ones_permissions(
    tmp_path: Path, sami_model: Initiative
) -> None:
    out = tmp_path / "d"
    omradedok.build(sami_model, out, only=KINDS)
    out.chmod(0o750)
    omradedok.build(sami_model, out, only=KINDS)
    assert stat.S_IMODE(out.stat().st_mode) == 0o750


# -- locked and write-protected ----------------------------------------------------------


def _protect(path: Path) -> None:
    """Make ``path`` unchangeable as Word's lock makes a file (root: the immutable flag)."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return
    try:
        proc = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("chattr is not installed (.ci/run installs e2fsprogs)")
    if proc.returncode != 0:
        pytest.skip(f"this file system cannot make a file immutable: {proc.stderr.strip()}")


def _unprotect(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_an_unreplaceable_old_set_stays_whole(
    what: str, tmp_path: Path, nynorsk_model: Initiative, sami_model: Initiative
) -> None:
    """On main a locked old file left 1–N new files beside the rest of the old set."""
    out = tmp_path / "d"
    omradedok.build(nynorsk_model, out, only=KINDS)
    before = files(out)
    locked = out / "samarbeidsavtale-husbanken.docx" if what == "file" else out
    _protect(locked)
    try:
        with pytest.raises(OutputError) as caught:
            omradedok.build(sami_model, out, only=KINDS)
        assert files(out) == before
    finally:
        _unprotect(locked)
    message = str(caught.value)
    if what == "file":
        assert message == (
            f"{out}: samarbeidsavtale-husbanken.docx er skrivebeskyttet eller låst og kan ikke "
            "erstattes; fjern skrivebeskyttelsen (eller lukk programmet som holder filen) og "
            "bygg på nytt (mappen er ikke endret)"
        )
    else:
        assert message.startswith(f"{out}: mappen er skrivebeskyttet eller låst")
    assert hidden_beside(out) == []
    omradedok.build(sami_model, out, only=KINDS)  # once unlocked, the build goes through
    assert "samarbeidsavtale-husbanken.docx" not in files(out)


# -- the umask --------------------------------------------------------------------------------


def test_no_process_wide_umask_change(
    tmp_path: Path, sami_model: Initiative, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.umask can only be read by setting it, which races with other threads."""

    def forbidden(mask: int) -> int:
        raise AssertionError("os.umask was called")

    monkeypatch.setattr(os, "umask", forbidden)
    result = omradedok.build(sami_model, tmp_path / "d", only=KINDS)
    write_atomic(tmp_path / "e" / "x.txt", b"x")
    assert result.written


UMASK_SCRIPT = """
import os, stat, sys
from pathlib import Path
os.umask(0o027)
import omradedok
from omradedok.io.writer import write_atomic
out = Path(sys.argv[1])
omradedok.build(omradedok.load(sys.argv[2]), out / "d", only=["rollematrise"])
write_atomic(out / "enkelt.txt", b"x")
modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in [out / "d", *out.glob("d/*"),
         out / "enkelt.txt"]}
print(sorted(modes.items()))
"""


def test_files_and_folder_follow_the_umask(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", UMASK_SCRIPT, str(tmp_path), str(SAMI_EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(
        [
            (".omradedok.json", "0o640"),
            ("d", "0o750"),
            ("enkelt.txt", "0o640"),
            ("rolle-og-ansvarsmatrise.xlsx", "0o640"),
        ]
    )
