"""Fault cases for test_faults.py: builds and batches killed with SIGKILL at random moments.

``python tests/fault_cases.py build RUNS SEED [renames]`` and
``python tests/fault_cases.py batch RUNS SEED`` print one JSON line per run and exit 0.

The driver loads the models and renders each set once (warm caches), then for every run
forks a child that builds into the same folder and kills it (SIGKILL) after a random delay:
half the runs anywhere in the build, half inside the write phase (staging, swap, deleting
the old set), as measured in an unkilled calibration run. The child reports each step it
starts over a pipe and pauses a few milliseconds there, so the last step read is the moment
the kill hit. After each kill the driver classifies the folder: the previous set byte for
byte («old»), the new set complete («new»), no folder («missing») or anything else
(«mixed»); then runs the recovery the next build starts with, and classifies again.
«renames» disables renameat2 in the child, to test the two-rename way and its recovery.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import omradedok  # noqa: E402
from omradedok.build import BuildStep  # noqa: E402
from omradedok.io import docset  # noqa: E402

batch_module = importlib.import_module("omradedok.batch")  # omradedok.batch is the function

PAUSE = 0.004
"""Seconds the child waits at each step, so random kills land inside the write phase too."""
RENAME_PAUSE = 0.25
NYNORSK = ROOT / "examples" / "elvebakken-nynorsk.yaml"
SAMI = ROOT / "examples" / "guovdageaidnu-samisk.yaml"
BATCH_KINDS = ["samarbeidsavtale", "rollematrise", "kommunikasjonsplan"]


def files(folder: Path) -> dict[str, bytes] | None:
    """Every entry of ``folder`` (None when it is missing); a subfolder makes it «mixed»."""
    if not folder.is_dir():
        return None
    out = {}
    for entry in sorted(folder.iterdir()):
        out[entry.name] = entry.read_bytes() if entry.is_file() else b"<folder>"
    return out


def classify(found: dict[str, bytes] | None, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    if found is None:
        return "missing"
    if found == old == new:
        return "same"
    if found == old:
        return "old"
    if found == new:
        return "new"
    return "mixed"


def beside(folder: Path) -> list[str]:
    prefix = docset.Names(folder).prefix
    return sorted(
        p.name for p in folder.parent.iterdir() if p.name.startswith(prefix) and "lock" not in p.name
    )


# -- the child's trace ------------------------------------------------------------------------


def _install_trace(fd: int, renames: bool) -> Callable[[str], None]:
    started = time.monotonic()

    def trace(step: str) -> None:
        os.write(fd, f"{time.monotonic() - started:.4f} {step}\n".encode())
        # a rename waits longer, so a kill sent on reading it lands before the rename
        # even on a loaded machine (the runs aimed between the two renames)
        time.sleep(RENAME_PAUSE if step.startswith("rename") else PAUSE)

    def wrap(module: Any, name: str, label: Callable[..., str]) -> None:
        real = getattr(module, name)

        def traced(*args: Any, **kwargs: Any) -> Any:
            trace(label(*args))
            result = real(*args, **kwargs)
            return result

        setattr(module, name, traced)

    wrap(docset, "write_new", lambda path, data: f"stage {Path(path).name}")
    wrap(docset, "swap_in", lambda staging, target, old: "swap")
    wrap(docset, "remove_tree", lambda path: f"remove {Path(path).name.split('-')[-2]}")
    wrap(os, "rename", lambda a, b: f"rename {Path(a).name[:22]} -> {Path(b).name[:22]}")
    if renames:
        docset._renameat2 = None
    return trace


def _run_child(work: Callable[[Callable[[str], None]], None], renames: bool) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, report every step, never return into the driver
        os.close(read)
        code = 0
        try:
            trace = _install_trace(write, renames)
            trace("rendering")
            work(trace)
            trace("done")
        except BaseException as exc:  # reported, the driver then fails the run
            os.write(write, f"0 error {type(exc).__name__}: {exc}\n".encode())
            code = 1
        os._exit(code)
    os.close(write)
    return pid, read


class _Reader:
    """The child's steps, read line by line as they come."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""
        self.steps: list[tuple[float, str]] = []

    def _more(self) -> bool:
        chunk = os.read(self.fd, 65536)
        if not chunk:
            return False
        self.buffer += chunk
        *lines, self.buffer = self.buffer.split(b"\n")
        for line in lines:
            at, _, step = line.decode().partition(" ")
            self.steps.append((float(at), step))
        return True

    def until(self, prefix: str) -> None:
        """Wait until the child starts the step ``prefix`` (or ends)."""
        seen = 0
        while True:
            for _, step in self.steps[seen:]:
                if step.startswith(prefix):
                    return
            seen = len(self.steps)
            if not self._more():
                return

    def rest(self) -> list[tuple[float, str]]:
        while self._more():
            pass
        os.close(self.fd)
        return self.steps


def _calibrate(work: Callable[[Callable[[str], None]], None], renames: bool) -> tuple[float, float]:
    """(start of the write phase, end) in seconds after the fork, from an unkilled run."""
    pid, read = _run_child(work, renames)
    steps = _Reader(read).rest()
    os.waitpid(pid, 0)
    assert steps and steps[-1][1] == "done", steps
    writing = next(at for at, step in steps if step.startswith("stage "))
    return writing, steps[-1][0]


def _kill_after(
    work: Callable[[Callable[[str], None]], None], when: tuple[str, float], renames: bool
) -> str:
    """Kill the child ``when[1]`` seconds after it starts the step ``when[0]``."""
    pid, read = _run_child(work, renames)
    reader = _Reader(read)
    reader.until(when[0])
    time.sleep(when[1])
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    steps = reader.rest()
    errors = [s for _, s in steps if s.startswith("error ")]
    assert not errors, errors
    return steps[-1][1] if steps else "before start"


def _delays(rng: random.Random, runs: int, writing: float, end: float) -> list[tuple[str, float]]:
    """Half the kills anywhere in the build, half in its write phase (timed from the first
    staged file, so a slow machine does not push them all into rendering)."""
    delays = []
    for run in range(runs):
        if run % 2 == 0:
            delays.append(("rendering", rng.uniform(0.0, end * 1.05)))
        else:
            delays.append(("stage ", rng.uniform(0.0, (end - writing) * 1.2)))
    return delays


# -- build ------------------------------------------------------------------------------------


def build_case(runs: int, seed: int, renames: bool) -> None:
    rng = random.Random(seed)
    models = {"nynorsk": omradedok.load(NYNORSK), "sami": omradedok.load(SAMI)}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sets = {}
        for name, model in models.items():
            omradedok.build(model, base / f"ref-{name}")
            sets[name] = files(base / f"ref-{name}") or {}
        out = base / "d"
        omradedok.build(models["nynorsk"], out)
        current = "nynorsk"

        def builder(name: str) -> Callable[[Callable[[str], None]], None]:
            def work(trace: Callable[[str], None]) -> None:
                def step(s: BuildStep) -> None:
                    if s.phase == "rendered" and s.done == s.total:
                        trace("rendered")

                omradedok.build(models[name], out, progress=step)

            return work

        writing, end = _calibrate(builder("sami"), renames)
        omradedok.build(models["nynorsk"], out)  # back to the first set
        moments = _delays(rng, runs, writing, end)
        if renames:  # every third run exactly between «old away» and «new in»
            moments[2::3] = [(f"rename .{out.name}.omradedok-new", 0.0)] * len(moments[2::3])
        for run, when in enumerate(moments):
            target = "sami" if current == "nynorsk" else "nynorsk"
            moment = _kill_after(builder(target), when, renames)
            leftovers_before = beside(out)
            stray = [n for n in (files(out) or {}) if n.endswith(".tmp")]
            state = classify(files(out), sets[current], sets[target])
            docset.recover_set(out)  # what the next build does first
            after = classify(files(out), sets[current], sets[target])
            print(
                json.dumps(
                    {
                        "run": run,
                        "after": [when[0].strip(), round(when[1], 4)],
                        "moment": moment,
                        "state": state,
                        "after_recovery": after,
                        "leftovers_before": len(leftovers_before),
                        "leftovers_after": beside(out),
                        "tmp_files": stray,
                        "calibration": [round(writing, 4), round(end, 4)],
                    }
                ),
                flush=True,
            )
            if after == "new":
                current = target


# -- batch ------------------------------------------------------------------------------------


def _write_input(folder: Path, name: str, version: int) -> Path:
    text = SAMI.read_text(encoding="utf-8")
    old_area = 'area:\n  name: "Guovdageaidnu sentrum – [se: Guovdageainnu guovddáš]"\n'
    assert old_area in text
    text = text.replace(old_area, f"area:\n  name: {name}\n")
    old_title = 'title: "Områdeløft Guovdageaidnu'
    assert old_title in text
    text = text.replace(old_title, f'title: "Områdeløft {name} v{version}')
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name.lower()}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def batch_case(runs: int, seed: int) -> None:
    rng = random.Random(seed)
    areas = ["Alfa", "Beta"]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sets: dict[int, dict[str, dict[str, bytes]]] = {}

        def run_batch(version: int, out: Path) -> None:
            """The same input files (so the slugs stay theirs), in another version."""
            inputs = [_write_input(base / "inn", a, version) for a in areas]
            with ThreadPoolExecutor(max_workers=1) as pool:
                result = omradedok.batch(inputs, out, executor=pool, only=BATCH_KINDS)
            assert result.ok, [a.error for a in result.failed]

        for version in (1, 2):
            run_batch(version, base / f"ref-{version}")
            sets[version] = {a.lower(): files(base / f"ref-{version}" / a.lower()) or {}
                             for a in areas}
        out = base / "ut"
        run_batch(1, out)
        current = {a.lower(): 1 for a in areas}

        def work_for(version: int) -> Callable[[Callable[[str], None]], None]:
            def work(trace: Callable[[str], None]) -> None:
                run_batch(version, out)

            return work

        writing, end = _calibrate(work_for(2), False)
        run_batch(1, out)
        for run, when in enumerate(_delays(rng, runs, writing, end)):
            version = 2 if current["alfa"] == 1 else 1
            moment = _kill_after(work_for(version), when, False)
            states = {}
            for slug, was in current.items():
                states[slug] = classify(files(out / slug), sets[was][slug], sets[version][slug])
            with docset.locked(out / batch_module.LOCK_NAME):
                batch_module._clean_leftovers(out)
            left = sorted(p.name for p in out.iterdir() if p.name.startswith(".omradedok-"))
            print(
                json.dumps(
                    {
                        "run": run,
                        "after": [when[0].strip(), round(when[1], 4)],
                        "moment": moment,
                        "states": states,
                        "leftovers_after": [n for n in left if n != batch_module.LOCK_NAME],
                    }
                ),
                flush=True,
            )
            for slug, state in states.items():
                if state == "new":
                    current[slug] = version


if __name__ == "__main__":
    case, count, seed_text = sys.argv[1:4]
    if case == "build":
        build_case(int(count), int(seed_text), renames="renames" in sys.argv[4:])
    else:
        batch_case(int(count), int(seed_text))
