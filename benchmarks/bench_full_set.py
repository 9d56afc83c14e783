"""The full document set of the large example: warm builds in one process (templates compiled
once, as in a service or a batch worker), serial against parallel, and the CLI end to end.

    python benchmarks/bench_full_set.py [--runs 9] [--cli-runs 3] [--against main]

``--against REF`` also builds the large example with a checkout of REF (a git worktree in a
temporary folder, its own process and its own example file) and with this checkout,
alternating, and prints the ratio – the before/after of a change measured in one run.

Target (issue 7): the full set in well under a second. The baseline measured in the same run
is the serial build (``workers=1``); serial and parallel builds alternate, so drift in the
machine's speed hits both alike. Medians are reported, with the per-run figures.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import LARGE_EXAMPLE, fmt_times, large_model

import omradedok
from omradedok.parallel import can_fork, default_workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="warm runs of each (median)")
    parser.add_argument("--cli-runs", type=int, default=3, help="CLI runs (median)")
    parser.add_argument("--against", metavar="REF", help="git ref to compare with (e.g. main)")
    args = parser.parse_args()
    if args.against:
        compare(args.against, args.runs)
        return

    model = large_model()
    workers = default_workers()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        start = time.perf_counter()
        first = omradedok.build(model, out / "cold")
        cold = time.perf_counter() - start
        serial: list[float] = []
        forked: list[float] = []
        for run in range(args.runs):
            for label, times, n in (("s", serial, 1), ("p", forked, workers)):
                start = time.perf_counter()
                omradedok.build(model, out / f"{label}{run}", workers=n)
                times.append(time.perf_counter() - start)

        cli: list[float] = []
        for run in range(args.cli_runs):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "omradedok", "build", str(LARGE_EXAMPLE)]
                + ["-o", str(out / f"cli{run}")],
                check=True,
                capture_output=True,
            )
            cli.append(time.perf_counter() - start)

    size = sum(w.size for w in first.written) / 1024
    print(f"full set of {model.title}: {len(first.written)} files, {size:.0f} KiB")
    print(f"  first build in the process (templates compiled): {cold:.3f} s")
    s, p = statistics.median(serial), statistics.median(forked)
    print(f"  warm, serial (baseline), median of {args.runs}: {s:.3f} s  [{fmt_times(serial)}]")
    note = "" if can_fork() else "  (fork not available: ran serially)"
    print(
        f"  warm, {workers} processes, median of {args.runs}: {p:.3f} s  "
        f"[{fmt_times(forked)}]{note}"
    )
    print(f"  parallel vs serial: {s / p:.2f}x faster")
    print(
        f"  CLI `omradedok build` end to end (new process: imports, load, cold build), "
        f"median of {args.cli_runs}: {statistics.median(cli):.3f} s  [{fmt_times(cli)}]"
    )

    per: dict[str, list[float]] = {}
    for _ in range(max(3, args.runs // 2)):
        for artifact in omradedok.plan(model):
            start = time.perf_counter()
            artifact.render()
            per.setdefault(artifact.filename, []).append(time.perf_counter() - start)
    total = sum(statistics.median(v) for v in per.values())
    print(f"  per document (median render, warm, serial; sum {total:.3f} s):")
    for name, values in sorted(per.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"    {statistics.median(values):7.3f} s  {name}")


def _build_seconds(root: Path, out: Path) -> float:
    """A full build of root's large example by root's code, in a new process; the time the
    build takes inside it (imports and loading excluded, as in a warm service)."""
    script = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); import omradedok; "
        "m = omradedok.load(sys.argv[1] + '/examples/nordbyen-bokmal.yaml'); "
        "omradedok.build(m, sys.argv[2] + '/warm'); t = time.perf_counter(); "
        "omradedok.build(m, sys.argv[2] + '/set'); print(time.perf_counter() - t)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(root), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def compare(ref: str, runs: int) -> None:
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(
            ["git", "-C", str(here), "worktree", "add", "--detach", str(base), ref],
            check=True,
            capture_output=True,
        )
        try:
            before: list[float] = []
            after: list[float] = []
            for run in range(runs):
                before.append(_build_seconds(base, Path(tmp) / f"b{run}"))
                after.append(_build_seconds(here, Path(tmp) / f"a{run}"))
        finally:
            subprocess.run(
                ["git", "-C", str(here), "worktree", "remove", "--force", str(base)],
                check=False,
                capture_output=True,
            )
    b, a = statistics.median(before), statistics.median(after)
    print(f"full set of the large example, warm build in its own process, median of {runs}:")
    print(f"  {ref} (before): {b:.3f} s  [{fmt_times(before)}]")
    print(f"  this checkout (after): {a:.3f} s  [{fmt_times(after)}]")
    print(f"  after / before: {a / b:.2f}")


if __name__ == "__main__":
    main()
