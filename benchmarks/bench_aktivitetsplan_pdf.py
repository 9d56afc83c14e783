"""aktivitetsplan-YYYY.pdf before and after, in one run: every year's plan of every example.

    python benchmarks/bench_aktivitetsplan_pdf.py --against 9359e44 [--runs 5]

``--against REF`` checks REF out in a temporary git worktree and renders the same models there
in its own process (``common.measure_in_checkout``), alternating with this checkout so drift on
a shared machine hits both alike. Both sides load the examples of REF (the older checkout may
not read newer example files), and render each plan as a build does
(``omradedok.render(model, "aktivitetsplan", format="pdf", year=…)``): before, the PDF laid out
from the model; after, the plan's one view through ``render/pdf_body``.

Target: after not slower than +10 % (ratio ≤ 1.10) over the set.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from common import before_after, checkout, measure_in_checkout, print_ratios

ROOT = Path(__file__).resolve().parent.parent

_MEASURE = r"""
import json, statistics, sys, time
from pathlib import Path
root, runs, examples = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
sys.path.insert(0, root)
import omradedok
out = {}
for path in examples:
    model = omradedok.load(path)
    for year in model.activity_years():
        def render():
            return omradedok.render(model, "aktivitetsplan", format="pdf", year=year)
        render()  # warm-up: fonts, imports
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            render()
            times.append(time.perf_counter() - start)
        out[f"{Path(path).stem}/aktivitetsplan-{year}.pdf"] = statistics.median(times)
print(json.dumps(out))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--against", metavar="REF", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    base = checkout(args.against)
    examples = [str(p) for p in sorted((base / "examples").glob("*.yaml"))]
    print(f"før: {args.against} ({base}), etter: {ROOT}; median av {args.runs}, to runder")
    before, after = before_after(
        lambda root: measure_in_checkout(root, _MEASURE, root, str(args.runs), *examples), base
    )
    ratios = print_ratios(before, after, 48)
    total = sum(after.values()) / sum(before.values())
    print(
        f"  sum {sum(before.values()):.2f} s → {sum(after.values()):.2f} s: {total:.2f}×; "
        f"median ratio {statistics.median(ratios):.2f}×, worst {max(ratios):.2f}×  (target ≤ 1.10)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
