"""batch() of many areas at -j 1 and -j 2, side by side in one run, with peak memory per worker.

    python benchmarks/bench_batch.py [--areas 50] [--runs 3] [--only handlingsplan,…]

Inputs are copies of the large example (generated, not committed). Runs alternate -j 1 and
-j 2 so drift hits both alike; the figures are medians. Peak RSS per worker is polled with
psutil (and cross-checked with getrusage(RUSAGE_CHILDREN).ru_maxrss). Targets: -j 2 at least
1.7× faster than -j 1; peak memory per worker under 300 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from common import area_copies, child_memory, fmt_times, mib

import omradedok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--areas", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=None, help="comma-separated kinds (default: all)")
    args = parser.parse_args()
    only = args.only.split(",") if args.only else None

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        inputs = area_copies(root / "inn", args.areas)
        print(
            f"generated {len(inputs)} inputs in {time.perf_counter() - start:.1f} s "
            f"({os.cpu_count()} cores)"
        )
        times: dict[int, list[float]] = {1: [], 2: []}
        per_area: dict[int, list[float]] = {1: [], 2: []}
        peaks: dict[int, int] = {1: 0, 2: 0}
        files = 0
        reference: dict[str, str] = {}
        for run in range(args.runs):
            order = (1, 2) if run % 2 == 0 else (2, 1)
            for jobs in order:
                out = root / f"ut-j{jobs}-{run}"
                with child_memory() as seen:
                    start = time.perf_counter()
                    result = omradedok.batch(inputs, out, jobs=jobs, only=only)
                    elapsed = time.perf_counter() - start
                assert result.ok, [a.error for a in result.failed]
                times[jobs].append(elapsed)
                per_area[jobs].extend(a.seconds for a in result.areas)
                workers = sorted(seen.values(), reverse=True)[:jobs]
                peaks[jobs] = max(peaks[jobs], *workers) if workers else peaks[jobs]
                files = sum(len(a.outputs) for a in result.areas)
                hashes = {r.file: r.sha256 for a in result.areas for r in a.outputs}
                if reference and hashes != reference:
                    differ = sorted(f for f in hashes if hashes[f] != reference.get(f))
                    print(
                        f"  WARNING: {len(differ)} files differ from the previous run: "
                        f"{', '.join(differ[:6])}"
                    )
                reference = hashes
                print(f"  run {run + 1}: -j {jobs}: {elapsed:.2f} s")

    j1, j2 = statistics.median(times[1]), statistics.median(times[2])
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"batch of {args.areas} areas ({files} files per run), kinds: {only or 'all'}")
    print(
        f"  -j 1 median of {args.runs}: {j1:.2f} s  [{fmt_times(times[1])}]  "
        f"({j1 / args.areas:.3f} s per area)"
    )
    print(f"  -j 2 median of {args.runs}: {j2:.2f} s  [{fmt_times(times[2])}]")
    print(f"  speed-up -j 2 / -j 1: {j1 / j2:.2f}×  (target ≥ 1.7×)")
    for jobs in (1, 2):
        print(
            f"  time in the worker per area at -j {jobs}: median "
            f"{statistics.median(per_area[jobs]):.2f} s, min {min(per_area[jobs]):.2f} s, "
            f"max {max(per_area[jobs]):.2f} s"
        )
    print(f"  peak RSS per worker: -j 1 {mib(peaks[1])}, -j 2 {mib(peaks[2])}  (target < 300 MB)")
    print(f"  largest child by getrusage(RUSAGE_CHILDREN): {mib(maxrss)}")


if __name__ == "__main__":
    main()
