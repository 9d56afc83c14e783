"""Shared helpers for the benchmarks: scaled inputs made from the large example, timing, memory.

Bigger inputs are generated here from examples/nordbyen-bokmal.yaml (never committed): more
areas (copies with their own area name) or more activities (copies with new ids).
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

import omradedok  # noqa: E402
from omradedok.io import dumps_yaml  # noqa: E402
from omradedok.model import Activity, BudgetFrame, Initiative  # noqa: E402
from omradedok.model.amount import Amount  # noqa: E402

LARGE_EXAMPLE = ROOT / "examples" / "nordbyen-bokmal.yaml"


def large_model() -> Initiative:
    return omradedok.load(LARGE_EXAMPLE)


def area_copies(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the large example as YAML, each with its own area name."""
    base = large_model()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, count + 1):
        model = base.model_copy(deep=True)
        model.area.name = f"Nordbyen {i:02d}"
        model.title = f"Områdeløft Nordbyen {i:02d}"
        path = folder / f"omrade-{i:02d}.yaml"
        path.write_text(dumps_yaml(model), encoding="utf-8")
        paths.append(path)
    return paths


def with_activities(model: Initiative, year: int, count: int) -> Initiative:
    """The model with ``count`` activities in ``year``: the year's activities repeated with
    new ids («1.1», «1.1-2», «1.1-3» …), budgets and dates kept."""
    scaled = model.model_copy(deep=True)
    source = [a for a in scaled.activities if a.year == year]
    others = [a for a in scaled.activities if a.year != year]
    made: list[Activity] = []
    round_ = 1
    while len(made) < count:
        for act in source:
            if len(made) == count:
                break
            copy = act.model_copy(deep=True)
            if round_ > 1:
                copy.id = f"{act.id}-{round_}"
                copy.title = f"{act.title} ({round_})"
            made.append(copy)
        round_ += 1
    scaled.activities = [*made, *others]
    frame = scaled.budget_frame_for(year)
    planned = sum(a.budget.total.high or 0 for a in made)
    if frame is not None and planned > (frame.total.high or 0):  # keep the plan within its frame
        index = scaled.budget_frame.index(frame)
        scaled.budget_frame[index] = BudgetFrame(
            year=year,
            municipal=Amount.exact(planned),
            state=frame.state,
            other=frame.other,
            carried_over=frame.carried_over,
        )
    return scaled


def median_of(runs: int, action: Callable[[], object]) -> tuple[float, list[float]]:
    """Median wall time of ``runs`` calls, and every time."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def fmt_times(times: list[float]) -> str:
    return ", ".join(f"{t:.3f}" for t in times)


@contextmanager
def child_memory(interval: float = 0.5) -> Iterator[dict[int, int]]:
    """Peak RSS (bytes) of every child process seen while the block runs, by pid (psutil)."""
    import psutil

    peaks: dict[int, int] = {}
    stop = threading.Event()
    me = psutil.Process(os.getpid())

    def poll() -> None:
        while not stop.is_set():
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                peaks[child.pid] = max(peaks.get(child.pid, 0), rss)
            stop.wait(interval)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield peaks
    finally:
        stop.set()
        thread.join()


def mib(value: float) -> str:
    return f"{value / (1024 * 1024):.0f} MiB"


def measure_in_checkout(root: Path | str, script: str, *args: str) -> dict[str, float]:
    """Run ``script`` (python -c) with the checkout at ``root`` first on the path, in its own
    process, and read the JSON object it prints last: a before/after pair measured in one run
    without the two versions of the package meeting in one interpreter."""
    import json
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(root)
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def checkout(ref: str) -> Path:
    """A detached git worktree of ``ref`` in the temp folder (reused between runs): the
    «before» side of a before/after measured in one run."""
    import subprocess
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"omradedok-bench-{ref.replace('/', '-')}"
    if folder.is_dir():
        subprocess.run(["git", "-C", str(folder), "checkout", "-q", "--detach", ref], check=True)
    else:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(folder), ref],
            check=True,
        )
    return folder


def before_after(
    measure: Callable[[str], dict[str, float]], base: Path | str, rounds: int = 2
) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds per key for the checkout ``base`` and this one, alternating ``rounds`` times so
    drift on a shared machine hits both sides alike; the best of the rounds per key."""
    before: dict[str, float] = {}
    after: dict[str, float] = {}
    for _ in range(rounds):
        for side, root in ((before, str(base)), (after, str(ROOT))):
            for key, value in measure(root).items():
                side[key] = min(value, side.get(key, value))
    return before, after


def print_ratios(before: dict[str, float], after: dict[str, float], width: int) -> list[float]:
    """One line per key, «before ms → after ms ratio×»; returns the ratios."""
    ratios = []
    for key in sorted(after):
        ratio = after[key] / before[key]
        ratios.append(ratio)
        print(f"  {key:{width}s} {before[key] * 1000:7.0f} ms → {after[key] * 1000:7.0f} ms  {ratio:5.2f}×")
    return ratios
