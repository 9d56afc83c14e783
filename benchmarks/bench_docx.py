"""A 500-activity annual plan as DOCX: the plan's view rendered through ``render/docx_body``.

    python benchmarks/bench_docx.py [--activities 500] [--runs 7]

The aktivitetsplan has no docxtpl template any more (its DOCX and PDF are one view, see
``documents/aktivitetsplan``), so the docxtpl baseline this script once ran is gone; what is
measured is what a build pays per year's plan:

* view   – ``plan_view(activity_plan(...))``: model → typed view;
* render – ``render_docx_body(view)``: the view → DOCX bytes (house template, charts as PNG);
* kind   – both, as the build runs them (``render_docx_plan``).
"""

from __future__ import annotations

import argparse
import time

from common import fmt_times, large_model, median_of, with_activities

from omradedok.documents.aktivitetsplan import activity_plan, plan_view, render_docx_plan
from omradedok.model import Language
from omradedok.render.docx_body import render_docx_body

YEAR = 2026


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    model = with_activities(large_model(), YEAR, args.activities)
    plan = activity_plan(model, YEAR, Language.NB)
    assert len(plan.rows) == args.activities, len(plan.rows)
    start = time.perf_counter()
    first = render_docx_plan(plan)
    cold = time.perf_counter() - start
    view_s, view_times = median_of(args.runs, lambda: plan_view(plan))
    view = plan_view(plan)
    render_s, render_times = median_of(args.runs, lambda: render_docx_body(view))
    kind, kind_times = median_of(args.runs, lambda: render_docx_plan(plan))
    print(f"annual plan {YEAR} with {args.activities} activities: {len(first) / 1024:.0f} KiB")
    print(f"  first render (cold): {cold:.3f} s")
    print(f"  view median of {args.runs}: {view_s:.3f} s  [{fmt_times(view_times)}]")
    print(f"  render median of {args.runs}: {render_s:.3f} s  [{fmt_times(render_times)}]")
    print(f"  whole kind (view + render) median: {kind:.3f} s  [{fmt_times(kind_times)}]")


if __name__ == "__main__":
    main()
