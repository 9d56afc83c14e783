"""handlingsplan.pdf: the native reportlab path against LibreOffice converting the plan's DOCX.

    python benchmarks/bench_pdf.py [examples/nordbyen-bokmal.yaml] [--runs 5]

Both paths produce handlingsplan.pdf for the same model in one run. The DOCX comes from the
build registry (kind «handlingsplan»), is rendered once and not timed; what is timed for
LibreOffice is exactly what ``--pdf-engine libreoffice`` does per document (headless soffice
with its own fresh profile, export to tagged PDF/A-2). Prints the median of each, the ratio,
and the page counts.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

import omradedok
from omradedok.documents import pdf_documents

ROOT = Path(__file__).resolve().parent.parent


def _median_seconds(action: Callable[[], bytes], runs: int) -> tuple[float, bytes]:
    times = []
    data = b""
    for _ in range(runs):
        start = time.perf_counter()
        data = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), data


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("model", nargs="?", default=str(ROOT / "examples" / "nordbyen-bokmal.yaml"))
    parser.add_argument("--runs", type=int, default=5, help="runs per engine (median is reported)")
    args = parser.parse_args(argv)

    model = omradedok.load(args.model)
    language = model.municipality.language
    print(f"modell: {args.model}  ({len(model.activities)} aktiviteter)")

    pdf_documents.render_handlingsplan(model, language)  # warm-up: fonts, imports
    native, native_pdf = _median_seconds(
        lambda: pdf_documents.render_handlingsplan(model, language), args.runs
    )
    print(
        f"reportlab  : {native * 1000:8.0f} ms  median of {args.runs}  ({_pages(native_pdf)} sider)"
    )

    docx = next((a for a in omradedok.plan(model) if a.filename == "handlingsplan.docx"), None)
    if docx is None:
        print(
            "libreoffice: handlingsplan.docx is not built by this checkout (no «handlingsplan» kind)"
        )
        return 1
    if pdf_documents.soffice_binary() is None:
        print("libreoffice: soffice is not installed")
        return 1
    docx_bytes = docx.render()
    lo_runs = max(1, min(args.runs, 3))
    office, office_pdf = _median_seconds(
        lambda: pdf_documents.docx_to_pdfa(docx_bytes, "handlingsplan.pdf"), lo_runs
    )
    print(
        f"libreoffice: {office * 1000:8.0f} ms  median of {lo_runs}  ({_pages(office_pdf)} sider, PDF/A-2)"
    )
    print(f"ratio      : reportlab is {office / native:.1f}× faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
