"""Faults while writing: SIGKILL at random moments, a full disk, two builds into one folder.

Whatever happens, the output folder holds the previous set byte for byte or the new set
complete; never a mix, never temporary files; what a killed build leaves beside the folder
is cleaned up by the next one.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NYNORSK_EXAMPLE, SAMI_EXAMPLE

import omradedok
from omradedok.errors import OutputError
from omradedok.io import docset
from omradedok.io.docset import MARKER_NAME, Names
from omradedok.model import Initiative

CASES = Path(__file__).with_name("fault_cases.py")
ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the fault driver forks (Linux)"
)


def _seed() -> int:
    """A new seed every run (printed in any failure), or OMRADEDOK_FAULT_SEED to replay one."""
    return int(os.environ.get("OMRADEDOK_FAULT_SEED") or random.SystemRandom().randrange(10**6))


def _drive(*args: str) -> list[dict[str, object]]:
    proc = subprocess.run(
        [sys.executable, str(CASES), *args], capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _moment(run: dict[str, object]) -> str:
    """«stage handlingsplan.pdf» → «stage»: which phase the kill hit."""
    return str(run["moment"]).split(" ")[0]


def _summary(runs: list[dict[str, object]], key: str) -> str:
    moments = collections.Counter(_moment(r) for r in runs)
    states = collections.Counter(json.dumps(r[key], sort_keys=True) for r in runs)
    return f"moments hit {dict(moments)}; states {dict(states)}"


@linux_only
def test_build_killed_at_random_moments_leaves_one_whole_set() -> None:
    """24 builds, each killed with SIGKILL: half anywhere, half inside the write phase.

    The folder must be the previous set (byte-identical, marker included) or the new one
    complete right after the kill – renameat2 exchanges the folders in one step – and the
    next build's recovery leaves nothing beside it."""
    seed = _seed()
    runs = _drive("build", "24", str(seed))
    summary = _summary(runs, "state")
    print(f"seed {seed}: {summary}")
    assert len(runs) == 24
    for run in runs:
        assert run["state"] in ("old", "new"), (seed, run)
        assert run["after_recovery"] == run["state"], (seed, run)
        assert run["tmp_files"] == [] and run["leftovers_after"] == [], (seed, run)
    # the write-phase half starts its clock at the first staged file
    late = [r for r in runs if _moment(r) != "rendering"]
    assert len(late) >= 12, (seed, summary)
    assert any(_moment(r) in ("stage", "swap") for r in runs), (seed, summary)


@linux_only
def test_build_killed_between_two_renames_is_recovered() -> None:
    """Without renameat2 (other systems) a kill between the two renames leaves no folder;
    the next build puts the previous set back before anything else."""
    seed = _seed()
    runs = _drive("build", "12", str(seed), "renames")
    print(f"seed {seed}: {_summary(runs, 'state')}")
    between = [r for r in runs if str(r["after"]).startswith("['rename")]
    assert len(between) == 4 and all(r["state"] == "missing" for r in between), (seed, runs)
    for run in runs:
        assert run["state"] in ("old", "new", "missing"), (seed, run)
        assert run["after_recovery"] in ("old", "new"), (seed, run)
        if run["state"] != "missing":
            assert run["after_recovery"] == run["state"], (seed, run)
        assert run["tmp_files"] == [] and run["leftovers_after"] == [], (seed, run)


@linux_only
def test_batch_killed_during_its_swaps_never_loses_an_area() -> None:
    """On main, one of two batches killed during the per-area swap lost an area's folder."""
    seed = _seed()
    runs = _drive("batch", "12", str(seed))
    print(f"seed {seed}: {_summary(runs, 'states')}")
    for run in runs:
        states = run["states"]
        assert isinstance(states, dict)
        assert set(states.values()) <= {"old", "new", "same"}, (seed, run)
        assert run["leftovers_after"] == [], (seed, run)
    assert any(_moment(r) != "rendering" for r in runs), seed


# -- a full disk ------------------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (root only; required under CI=true)."""
    where.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root and runs this test)")
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: cannot mount a tmpfs as root: {proc.stderr.strip()}")
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` until ``leave`` bytes are free."""
    free = shutil.disk_usage(disk).free
    filler = disk / "fyll.bin"
    with filler.open("wb") as handle:
        handle.truncate(0)
        handle.write(b"\0" * max(0, free - leave))
    return filler


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_full_disk_keeps_the_previous_set(
    tmp_path: Path, nynorsk_model: Initiative, sami_model: Initiative
) -> None:
    """On main a full disk left 10 files of the failed build among the old ones."""
    with small_disk(tmp_path / "disk", "6m") as disk:
        out = disk / "dokumenter"
        omradedok.build(sami_model, out)
        before = _files(out)
        filler = _fill(disk, leave=400_000)  # the new set (about 1.2 MB) cannot fit
        with pytest.raises(OutputError) as caught:
            omradedok.build(nynorsk_model, out)
        assert str(caught.value).startswith(
            f"{out}: kan ikke skrive det nye dokumentsettet (disken er full); frigjør plass"
        )
        assert str(caught.value).endswith("Det forrige dokumentsettet er uendret")
        assert _files(out) == before
        assert sorted(p.name for p in disk.iterdir()) == [
            ".dokumenter.omradedok-lock",
            "dokumenter",
            "fyll.bin",
        ]
        filler.unlink()
        omradedok.build(nynorsk_model, out)
        assert "samarbeidsavtale-husbanken.docx" in _files(out)


def test_full_disk_fails_the_batch_area_alone(tmp_path: Path) -> None:
    from test_batch import write_input

    with small_disk(tmp_path / "disk", "4m") as disk:
        alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
        out = disk / "ut"
        kinds = ["samarbeidsavtale", "rollematrise", "handlingsplan"]
        with _threads() as pool:
            assert omradedok.batch([alfa], out, executor=pool, only=kinds).ok
        before = _files(out / "alfa")
        alfa.write_text(alfa.read_text(encoding="utf-8") + "\n# ny\n", encoding="utf-8")
        _fill(disk, leave=200_000)
        with _threads() as pool:
            result = omradedok.batch([alfa], out, executor=pool, only=kinds)
        (area,) = result.areas
        assert area.status == "failed"
        assert area.error == f"{out}: kan ikke skrive dokumentene (disken er full)"
        assert _files(out / "alfa") == before
        assert not [p for p in out.iterdir() if p.name.startswith(".omradedok-tmp-")]


@contextlib.contextmanager
def _threads() -> Iterator[object]:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        yield pool


# -- two builds at once -----------------------------------------------------------------------


def _read_whole(folder: Path) -> dict[str, bytes] | None:
    """One consistent look at ``folder``: names and bytes read through one open handle of the
    folder, so a swap in the meantime cannot mix two sets into the sample. None when the
    folder is missing, or was deleted while being read."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        return None
    try:
        found = {}
        for name in sorted(os.listdir(fd)):
            handle = os.open(name, os.O_RDONLY, dir_fd=fd)
            try:
                chunks = []
                while chunk := os.read(handle, 1 << 20):
                    chunks.append(chunk)
            finally:
                os.close(handle)
            found[name] = b"".join(chunks)
        return found
    except (FileNotFoundError, IsADirectoryError):
        return None
    finally:
        os.close(fd)


def _cli(example: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "omradedok", "build", str(example), "-o", str(out), "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


@linux_only
def test_two_builds_into_one_folder_take_turns(tmp_path: Path) -> None:
    """On main both exited 0 and left a set mixing both inputs."""
    sets = {}
    for example in (NYNORSK_EXAMPLE, SAMI_EXAMPLE):
        folder = tmp_path / f"ref-{example.stem}"
        omradedok.build(omradedok.load(example), folder)
        sets[example.stem] = _files(folder)
    out = tmp_path / "d"
    builds = [_cli(NYNORSK_EXAMPLE, out), _cli(SAMI_EXAMPLE, out)]
    seen: collections.Counter[str] = collections.Counter()
    while any(b.poll() is None for b in builds):
        sample = _read_whole(out)
        time.sleep(0.002)
        if sample is None:
            seen["none"] += 1
            continue
        if not sample:
            seen["empty"] += 1
            continue
        match = [name for name, files in sets.items() if files == sample]
        assert match, f"a mixed set in {out}: {sorted(sample)}"
        seen[match[0]] += 1
    for build in builds:
        _, err_text = build.communicate()
        assert build.returncode == 0, err_text
    assert _files(out) in list(sets.values())
    assert sum(seen.values()) > 0
    print(f"samples of the folder while both ran: {dict(seen)}")


@linux_only
def test_a_second_build_waits_for_the_lock(tmp_path: Path, sami_model: Initiative) -> None:
    out = tmp_path / "d"
    omradedok.build(sami_model, out, only=["rollematrise"])
    before = _files(out)
    with docset.locked(Names(out.resolve()).lock):
        build = _cli(NYNORSK_EXAMPLE, out)
        assert build.stderr is not None
        line = build.stderr.readline()  # «[1/14] laget …» while rendering, then the wait
        while line.startswith("["):
            line = build.stderr.readline()
        assert line == (
            f"venter: en annen bygging skriver til {out} nå (prosess {os.getpid()}); "
            "fortsetter når den er ferdig\n"
        )
        time.sleep(0.5)
        assert build.poll() is None and _files(out) == before
    _, err_text = build.communicate(timeout=300)
    assert build.returncode == 0, err_text
    assert "samarbeidsavtale-husbanken.docx" in _files(out)
    assert MARKER_NAME in _files(out)
