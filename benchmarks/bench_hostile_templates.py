"""Hostile templates before and after the bounded sandbox: time, peak memory and outcome.

    python benchmarks/bench_hostile_templates.py [--baseline-ref REF] [--timeout 20]
                                                 [--memory-mb 2048] [--only CASE ...]

Every case is rendered in a fresh child process (so one case's memory cannot hide another's),
once with this checkout («after») and once with ``--baseline-ref`` («before», extracted with
``git archive`` into a temporary folder; default: the commit before the bounded sandbox, the
parent of the commit that added omradedok/render/sandbox.py; ``none`` skips it). A child is limited
to ``--memory-mb`` of address space and stopped after ``--timeout`` seconds, so the «before»
column shows a hang as «timeout» and a memory blow-up as «MemoryError» instead of taking the
machine. Printed: seconds, peak resident memory (MB) and what the render ended in.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIELDS: dict[str, str] = {
    "repeat-text": "{{ '*' * 10**9 }}",
    "power-tower": "{{ 7**(7**10) }}",
    "power-digits": "{{ 10**(10**5) }}",
    "nested-range": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "self-macro": "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "branching-macro": "{% macro m(n) %}{{ m(n) }}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "divide-by-zero": "{{ 1/0 }}",
    "dict-plus-int": "{{ doc + 1 }}",
    "include-passwd": "{% include '/etc/passwd' %}",
    "range-10e9": "{{ range(10**9) }}",
    "lipsum": "{{ lipsum(200000) }}",
    "doubling-list": (
        "{% set ns = namespace(l=[1]) %}{% for i in range(40) %}"
        "{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}"
    ),
}
ARCHIVES = ("truncated-document-xml", "zip-bomb-part")

CHILD = r"""
import json, resource, sys, time, zipfile, datetime as dt
from pathlib import Path
limit = int(sys.argv[3]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
case, folder = sys.argv[1], Path(sys.argv[2])
from omradedok.errors import TemplateError
from omradedok.model import Language
from omradedok.render.docx import DocMeta, render_docx
from omradedok.render.docx_styles import TemplateKit
fields = json.loads(sys.argv[4])
kit = TemplateKit(title="Prøve")
kit.paragraph(fields.get(case, "Hei {{ status_banner }}"))
path = folder / f"{case}.docx"
kit.save(path)
if case in ("truncated-document-xml", "zip-bomb-part"):
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if case == "truncated-document-xml" and name == "word/document.xml":
                data = data[: len(data) // 2]
            z.writestr(name, data)
        if case == "zip-bomb-part":
            with z.open("word/media/image1.png", "w") as h:
                for _ in range(1024):
                    h.write(bytes(1024 * 1024))
meta = DocMeta(title="T", subject="s", author="a", keywords=("x",), category="c",
               status="Utkast", version="1", date=dt.date(2026, 1, 1), language=Language.NB)
context = {"doc": {"a": 1}, "header_text": "h", "status_banner": "b"}
start = time.perf_counter()
try:
    render_docx(path.name, context, meta=meta, template_dir=folder)
    outcome = "rendered"
except TemplateError as exc:
    outcome = "TemplateError" + (" (line)" if getattr(exc, "line", None) else "")
except BaseException as exc:
    outcome = f"traceback: {type(exc).__name__}"
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("RESULT " + json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak}))
"""


def run_case(tree: Path, case: str, timeout: float, memory_mb: int) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(tree), "OMRADEDOK_CACHE_DIR": "off"}
    with tempfile.TemporaryDirectory() as folder:
        args = [sys.executable, "-c", CHILD, case, folder, str(memory_mb), json.dumps(FIELDS)]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                args, env=env, capture_output=True, text=True, timeout=timeout, check=False,
                cwd=folder,
            )
        except subprocess.TimeoutExpired:
            return {"outcome": f"timeout (> {timeout:.0f} s)", "seconds": timeout, "peak_mb": None}
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, object] = json.loads(line[7:])
            return result
    last = (done.stderr.strip().splitlines() or ["?"])[-1]
    kind = last.split(":")[0] if ":" in last else last
    return {
        "outcome": f"crashed: {kind[:40]}",
        "seconds": time.perf_counter() - start,
        "peak_mb": None,
    }


def before_sandbox() -> str:
    added = subprocess.run(
        ["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--",
         "omradedok/render/sandbox.py"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    return f"{added[-1]}^" if added else "HEAD"


def extract(ref: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref, "omradedok", "templates"],
        capture_output=True, check=True,
    ).stdout
    tar = into / "baseline.tar"
    tar.write_bytes(archive)
    with tarfile.open(tar) as handle:
        handle.extractall(into, filter="data")
    return into


def _cell(result: dict[str, object] | None) -> str:
    if result is None:
        return f"{'–':>7} {'–':>8}  {'–':<26}"
    seconds = result["seconds"]
    peak = result["peak_mb"]
    peak_text = f"{peak:8.0f}" if isinstance(peak, int | float) else f"{'?':>8}"
    return f"{float(seconds):7.2f} {peak_text}  {str(result['outcome'])[:26]:<26}"  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline-ref", default=None)
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--only", nargs="*")
    options = parser.parse_args()
    cases = options.only or [*FIELDS, *ARCHIVES]
    with tempfile.TemporaryDirectory() as scratch:
        baseline = None
        ref = options.baseline_ref or before_sandbox()
        if ref != "none":
            baseline = extract(ref, Path(scratch))
            print(f"before: {ref}")
        print(f"memory limit {options.memory_mb} MB, timeout {options.timeout:.0f} s per case")
        print(f"{'case':<24} {'before: s':>9} {'MB':>8}  {'outcome':<26} {'after: s':>7} "
              f"{'MB':>8}  outcome")
        for case in cases:
            before = None if baseline is None else run_case(
                baseline, case, options.timeout, options.memory_mb)
            after = run_case(ROOT, case, options.timeout, options.memory_mb)
            print(f"{case:<24} {_cell(before)} {_cell(after)}", flush=True)


if __name__ == "__main__":
    main()
