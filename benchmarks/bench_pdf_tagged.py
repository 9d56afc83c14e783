"""The tagged PDF (PDF/UA-1 + PDF/A-2b): what tagging costs, and how the aktivitetsplan scales.

    python benchmarks/bench_pdf_tagged.py [--runs 5] [--counts 500,2000,5000,20000]
    python benchmarks/bench_pdf_tagged.py --against 650f669   # the last untagged commit

1. handlingsplan.pdf of every example, tagged against untagged, in the same run and process,
   alternating: «untagged» is this very code with the tagging switched off (no marked
   content, no structure tree, no PDF/A metadata), so nothing else differs. With
   ``--against REF`` the untagged side is instead that commit, in its own process from a
   temporary git worktree (as ``bench_pdf.py --against`` does) – other changes merged since
   then are counted too. Prints both medians and the ratio (target ≤ 1.3×).
2. aktivitetsplan-2026.pdf with 500 … 20 000 activities (``common.with_activities``): seconds
   per size, the share of it spent writing the structure tree and metadata
   (``pdf_structure.finish``), and the log-log slope between the smallest and the largest
   size (1.0 = linear).
"""

from __future__ import annotations

import argparse
import math
import statistics
import time

from common import (
    ROOT,
    before_after,
    checkout,
    large_model,
    measure_in_checkout,
    print_ratios,
    with_activities,
)

from omradedok.documents import pdf_documents
from omradedok.documents.aktivitetsplan import activity_plan, render_pdf_plan
from omradedok.render import pdf, pdf_structure, pdf_tags

UNTAGGED = "650f669"
"""main just before the tagged PDF (issue 15)."""

_MEASURE = r"""
import json, statistics, sys, time
root, runs = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, root)
from pathlib import Path
import omradedok
from omradedok.documents import pdf_documents
out = {}
for path in sorted(Path(root, "examples").glob("*.yaml")):
    model = omradedok.load(path)
    lang = model.municipality.language
    pdf_documents.render_handlingsplan(model, lang)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pdf_documents.render_handlingsplan(model, lang)
        times.append(time.perf_counter() - start)
    out[path.stem] = statistics.median(times)
print(json.dumps(out))
"""


def _measure(root: str, runs: int) -> dict[str, float]:
    return measure_in_checkout(root, _MEASURE, root, str(runs))


def against(ref: str, runs: int) -> None:
    base = str(checkout(ref))
    print(f"handlingsplan.pdf: utaggett {ref} ({base}) mot tagget {ROOT}, median av {runs}")
    before, after = before_after(lambda root: _measure(root, runs), base)
    ratios = print_ratios(before, after, 28)
    print(f"  median {statistics.median(ratios):.2f}×, worst {max(ratios):.2f}× (target ≤ 1.30×)")


def _untagged() -> dict[str, object]:
    """Switch tagging off (returns what to put back)."""
    saved: dict[str, object] = {"recorder": pdf_tags.recorder, "finish": pdf.finish}
    pdf_tags.recorder = lambda canv: None  # type: ignore[assignment]
    pdf.finish = lambda data, *args: data  # type: ignore[assignment]
    return saved


def _restore(saved: dict[str, object]) -> None:
    pdf_tags.recorder = saved["recorder"]  # type: ignore[assignment]
    pdf.finish = saved["finish"]  # type: ignore[assignment]


def in_process(runs: int) -> None:
    import omradedok

    print(f"handlingsplan.pdf: utaggett mot tagget, samme kode og prosess, median av {runs}")
    ratios = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        model = omradedok.load(path)
        lang = model.municipality.language
        pdf_documents.render_handlingsplan(model, lang)  # warm-up
        best: dict[str, float] = {}
        for _ in range(2):
            for side in ("untagged", "tagged"):
                saved = _untagged() if side == "untagged" else None
                times = []
                for _ in range(runs):
                    start = time.perf_counter()
                    pdf_documents.render_handlingsplan(model, lang)
                    times.append(time.perf_counter() - start)
                if saved is not None:
                    _restore(saved)
                value = statistics.median(times)
                best[side] = min(value, best.get(side, value))
        ratio = best["tagged"] / best["untagged"]
        ratios.append(ratio)
        print(
            f"  {path.stem:28s} {best['untagged'] * 1000:7.0f} ms → {best['tagged'] * 1000:7.0f} ms"
            f"  {ratio:5.2f}×"
        )
    print(f"  median {statistics.median(ratios):.2f}×, worst {max(ratios):.2f}× (target ≤ 1.30×)")


def scaling(counts: list[int]) -> None:
    model = large_model()
    lang = model.municipality.language
    spent = [0.0]
    original = pdf_structure.finish

    def timed_finish(*args: object) -> bytes:
        start = time.perf_counter()
        data = original(*args)  # type: ignore[arg-type]
        spent[0] += time.perf_counter() - start
        return data

    pdf.finish = timed_finish  # type: ignore[assignment]
    print("aktivitetsplan-2026.pdf:")
    points = []
    for count in counts:
        scaled = with_activities(model, 2026, count)
        spent[0] = 0.0
        start = time.perf_counter()
        data = render_pdf_plan(activity_plan(scaled, 2026, lang))
        seconds = time.perf_counter() - start
        points.append((count, seconds))
        print(
            f"  {count:6d} aktiviteter: {seconds:7.2f} s  (struktur og metadata {spent[0]:5.2f} s,"
            f" {len(data) / 1e6:5.1f} MB)"
        )
    (n0, t0), (n1, t1) = points[0], points[-1]
    slope = math.log(t1 / t0) / math.log(n1 / n0)
    print(f"  log-log-stigning {n0}→{n1}: {slope:.2f} (1.00 = lineært)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--against", metavar="REF", help=f"an untagged commit (e.g. {UNTAGGED})")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--counts", default="500,2000,5000,20000")
    args = parser.parse_args()
    if args.against:
        against(args.against, args.runs)
    else:
        in_process(args.runs)
    scaling([int(c) for c in args.counts.split(",")])


if __name__ == "__main__":
    main()
