"""handlingsplan.pdf: the native reportlab path against LibreOffice converting the plan's DOCX.

    python benchmarks/bench_pdf.py [examples/nordbyen-bokmal.yaml] [--runs 5]
    python benchmarks/bench_pdf.py --against main [--runs 3]

``--against REF`` compares this checkout's PDFs with those of another commit, measured in the
same run: the commit is checked out in a temporary git worktree and imported from there in its
own process (same interpreter and libraries). For every example it prints the median time of
each PDF before and after and their ratio (Latin-only documents: the fallback fonts, bidi and
hyphenation must not make them more than ~10 % slower), then – after only, since the old code
needed minutes for it – a plan with a 30 000-letter word, and a plan whose activities and
communication plan are written in Arabic, Hebrew, Tigrinya and emoji.

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

from common import before_after, checkout, measure_in_checkout, print_ratios
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


_MEASURE = r"""
import json, statistics, sys, time
root, runs, variant = sys.argv[1], int(sys.argv[2]), sys.argv[3]
samples = sys.argv[4] if len(sys.argv) > 4 else root
sys.path.insert(0, root)
import omradedok
from pathlib import Path

PDF = ("handlingsplan-pdf", "aktivitetsplan-pdf")
WORD = "x" * 30_000
SCRIPTS = "مرحبا بكم في الحي – שלום לכולם – ሰላም ንኹሉ – Soo dhawoow 🎉 😀"


def variant_model(model):
    if variant == "examples":
        return model
    acts = list(model.activities)
    if variant == "long-word":
        acts[1] = acts[1].model_copy(update={"title": WORD, "result_target": WORD})
        return model.model_copy(update={"activities": acts})
    acts = [a.model_copy(update={"title": f"{a.title} {SCRIPTS}", "description": SCRIPTS})
            for a in acts]
    comm = model.communication
    if comm is not None:
        comm = comm.model_copy(update={"core_messages": [SCRIPTS] * 4})
    return model.model_copy(update={"activities": acts, "communication": comm})


out = {}
examples = sorted(Path(samples, "examples").glob("*.yaml"))
if variant != "examples":
    examples = [Path(samples, "examples", "nordbyen-bokmal.yaml")]
for path in examples:
    model = variant_model(omradedok.load(path))
    artifacts = [a for a in omradedok.plan(model) if a.filename.endswith(".pdf")]
    for artifact in artifacts:
        artifact.render()  # warm-up: fonts, imports
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            artifact.render()
            times.append(time.perf_counter() - start)
        out[f"{path.stem}/{artifact.filename}"] = statistics.median(times)
print(json.dumps(out))
"""


def _measure(
    root: Path, runs: int, variant: str, samples: Path | None = None
) -> dict[str, float]:
    """Median seconds per PDF, rendered by the checkout at ``root`` in its own process, of the
    example files of ``samples`` (a checkout; default ``root``)."""
    return measure_in_checkout(root, _MEASURE, str(root), str(runs), variant, str(samples or root))


def against(ref: str, runs: int) -> int:
    base = checkout(ref)
    print(f"før: {ref} ({base}), etter: {ROOT}; median av {runs} per PDF, to runder")
    # both sides render REF's example files (the examples change with the code)
    before, after = before_after(lambda root: _measure(Path(root), runs, "examples", base), base)
    ratios = print_ratios(before, after, 48)
    print(f"  median ratio {statistics.median(ratios):.2f}×, worst {max(ratios):.2f}×")
    for variant, label in (("long-word", "30 000-tegns ord"), ("scripts", "arabisk/hebraisk/…")):
        timings = _measure(ROOT, 1, variant)
        total = sum(timings.values())
        print(f"  etter, {label}: {total:.2f} s for {len(timings)} PDF-er ({_worst(timings)})")
    return 0


def _worst(timings: dict[str, float]) -> str:
    key = max(timings, key=timings.__getitem__)
    return f"tregest {key.split('/')[-1]} {timings[key]:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("model", nargs="?", default=str(ROOT / "examples" / "nordbyen-bokmal.yaml"))
    parser.add_argument("--runs", type=int, default=5, help="runs per engine (median is reported)")
    parser.add_argument("--against", metavar="REF", help="compare the PDFs with this git commit")
    args = parser.parse_args(argv)
    if args.against:
        return against(args.against, args.runs)

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
