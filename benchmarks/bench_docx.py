"""A 500-activity annual plan as DOCX: the project's renderer against a fresh docxtpl render of
the same template with the same data, side by side in one run.

    python benchmarks/bench_docx.py [--activities 500] [--runs 7]

* project  – ``omradedok.render.docx.render_docx`` with the compiled template cached in the
  process (what every area after the first gets in a batch worker), context prepared once;
* baseline – ``DocxTemplate(path).render(context, autoescape=True); save()`` every time, the
  same template file and the same context;
* also shown: the first (cold) project render, and the whole kind (view + render).

Target: project at least 2× faster than the baseline (median of the runs).
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path
from typing import Any

from common import fmt_times, large_model, median_of, with_activities

from omradedok.documents import views
from omradedok.documents.aktivitetsplan import (
    TEMPLATE,
    activity_plan,
    docx_view,
    render_docx_plan,
)
from omradedok.model import Language
from omradedok.render.docx import clear_cache, render_docx, resolve_template

YEAR = 2026


def baseline(path: Path, context: dict[str, Any], jinja_env: Any = None) -> bytes:
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(path))
    template.render(context, jinja_env, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    model = with_activities(large_model(), YEAR, args.activities)
    plan = activity_plan(model, YEAR, Language.NB)
    assert len(plan.rows) == args.activities, len(plan.rows)
    context = docx_view(plan)
    meta = views.doc_meta(
        model, Language.NB, title=f"{plan.title} – {model.title}", category=plan.title
    )
    colors = views.colors(model)
    path = resolve_template(TEMPLATE, None)

    def project() -> bytes:
        return render_docx(TEMPLATE, context, meta=meta, colors=colors)

    clear_cache()
    start = time.perf_counter()
    first = project()
    cold = time.perf_counter() - start

    jinja_env = None
    try:
        plain = baseline(path, context)
    except Exception as exc:  # the template uses the project's filters: give docxtpl the same
        from omradedok.render.docx import _environment

        print(
            f"  (plain docxtpl failed: {type(exc).__name__}: {exc}; baseline gets the "
            "project's filters)"
        )
        jinja_env = _environment()
        plain = baseline(path, context, jinja_env)

    # interleave the two so that load on the machine hits both alike
    project_times: list[float] = []
    baseline_times: list[float] = []
    for _ in range(args.runs):
        project_times.append(median_of(1, project)[0])
        baseline_times.append(median_of(1, lambda: baseline(path, context, jinja_env))[0])
    kind, kind_times = median_of(max(3, args.runs // 2), lambda: render_docx_plan(plan))

    p = sorted(project_times)[len(project_times) // 2]
    b = sorted(baseline_times)[len(baseline_times) // 2]
    print(
        f"annual plan {YEAR} with {args.activities} activities ({path.name}): "
        f"project {len(first) / 1024:.0f} KiB, docxtpl {len(plain) / 1024:.0f} KiB"
    )
    print(f"  project, cold (parse + compile + render): {cold:.3f} s")
    print(f"  project, warm median of {args.runs}: {p:.3f} s  [{fmt_times(project_times)}]")
    print(
        f"  baseline DocxTemplate median of {args.runs}: {b:.3f} s  [{fmt_times(baseline_times)}]"
    )
    print(f"  ratio baseline / project: {b / p:.2f}×  (target ≥ 2×)")
    print(f"  whole kind (view + render) median: {kind:.3f} s  [{fmt_times(kind_times)}]")


if __name__ == "__main__":
    main()
