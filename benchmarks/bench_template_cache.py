"""The compiled-template cache of render/docx against a fresh docxtpl render, in one run.

    python benchmarks/bench_template_cache.py [--runs 7]

A 500-row table template (the size of a large aktivitetsplan) is rendered through
``render_docx`` (the template compiled once and cached, as in a batch) and with a fresh
``DocxTemplate`` each time, alternating, so drift in the machine's speed hits both alike.
Prints both medians and the ratio (design target ≥ 2×). This used to be a timed assertion in
tests/test_docx_render.py; timing belongs here, not in the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from omradedok.model import Language
from omradedok.render.docx import DocMeta, render_docx
from omradedok.render.docx_styles import TemplateKit

META = DocMeta(
    title="Ytelse",
    subject="Områdeløft Prøvebyen 2026–2031",
    author="Prøve kommune",
    keywords=("prøve",),
    category="Prøve",
    status="Utkast",
    version="0.3",
    date=dt.date(2026, 11, 26),
    language=Language.NB,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp()) / "maler"
    folder.mkdir(parents=True)
    kit = TemplateKit(title="Ytelse")
    kit.heading("Aktivitetsplan {{ year }}", 1)
    kit.table(
        ["Nr.", "Tiltak", "Delmål", "Ansvarlig", "Periode", "Kommunalt", "Statlig", "Sum"],
        ["{{ a.id }}", "{{ a.title }}", "{{ a.goals }}", "{{ a.responsible }}",
         "{{ a.period }}", "{{ a.municipal }}", "{{ a.state }}", "{{ a.total }}"],
        loop="a in activities", widths_mm=[10, 40, 15, 25, 20, 15, 15, 20],
    )
    kit.save(folder / "ytelse.docx")
    activities = [
        {"id": f"{i // 10}.{i % 10}", "title": f"Tiltak {i} & mer", "goals": "DM1.1, DM2.2",
         "responsible": "Programleder", "period": "K1 2026–K4 2026", "municipal": "250 000 kr",
         "state": "1 250 000 kr", "total": "1 500 000 kr"}
        for i in range(500)
    ]
    context: dict[str, Any] = {
        "header_text": "Prøve kommune – Ytelse", "status_banner": "", "year": 2026,
        "activities": activities,
    }
    render_docx("ytelse.docx", context, meta=META, template_dir=folder)  # compile once

    def ours() -> None:
        render_docx("ytelse.docx", context, meta=META, template_dir=folder)

    def fresh() -> None:
        template = DocxTemplate(str(folder / "ytelse.docx"))
        template.render(context, autoescape=True)
        template.save(io.BytesIO())

    times: dict[str, list[float]] = {"cached": [], "fresh": []}
    for _ in range(runs):
        for name, function in (("cached", ours), ("fresh", fresh)):
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    cached, fresh_s = statistics.median(times["cached"]), statistics.median(times["fresh"])
    print(f"cached render_docx: {cached * 1000:.0f} ms (median of {runs})")
    print(f"fresh docxtpl:      {fresh_s * 1000:.0f} ms (median of {runs})")
    print(f"fresh / cached:     {fresh_s / cached:.2f}×  (target ≥ 2×)")


if __name__ == "__main__":
    main()
