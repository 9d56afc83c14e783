"""The full document set of the large example: cold (first build in a process: templates
compiled) and warm (median of the following builds), with a breakdown per document.

    python benchmarks/bench_full_set.py [--runs 7]

Target: the warm full set in well under a second.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import fmt_times, large_model, median_of

import omradedok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="warm runs (median)")
    args = parser.parse_args()

    model = large_model()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        start = time.perf_counter()
        first = omradedok.build(model, out / "cold")
        cold = time.perf_counter() - start
        counter = iter(range(args.runs))
        warm, times = median_of(
            args.runs, lambda: omradedok.build(model, out / f"w{next(counter)}")
        )

    print(
        f"full set of {model.title}: {len(first.written)} files, "
        f"{sum(w.size for w in first.written) / 1024:.0f} KiB"
    )
    print(f"  cold (first build in the process): {cold:.3f} s")
    print(f"  warm median of {args.runs}: {warm:.3f} s  [{fmt_times(times)}]")

    per: dict[str, list[float]] = {}
    for _ in range(max(3, args.runs // 2)):
        for artifact in omradedok.plan(model):
            start = time.perf_counter()
            artifact.render()
            per.setdefault(artifact.filename, []).append(time.perf_counter() - start)
    print("  per document (median render, warm):")
    for name, values in sorted(per.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"    {statistics.median(values):7.3f} s  {name}")


if __name__ == "__main__":
    main()
