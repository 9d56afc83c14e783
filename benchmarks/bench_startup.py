"""Start-up: `import omradedok`, `omradedok --help` / `validate` / `build` of the large example,
each a fresh process, against the build in an interpreter that is already running – before
and after, in one run.

    python benchmarks/bench_startup.py [--against main] [--runs 3]

Every figure is the best of ``--runs`` wall times of a new ``python`` process with the checkout
first on the path (``common.measure_in_checkout``); ``--against REF`` measures REF's checkout
(``common.checkout``) the same way, alternating with this one (``common.before_after``).
``in-process build`` is ``omradedok.build(omradedok.load(large example), folder)`` timed
inside one interpreter after a first build (imports done, templates compiled), with the same
``workers`` as the CLI run (``-j 1``, so the two differ only in what a new process does).
``build --only rollematr.`` is one XLSX by CLI: what a new process costs when it needs one
renderer only.

Targets (issue 18): the CLI end to end on the large example ≤ 1.5× the in-process build;
`import omradedok` loads no renderer (asserted in tests/test_lazy_imports.py, not here).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from common import LARGE_EXAMPLE, before_after, checkout, measure_in_checkout, print_ratios

ROOT = Path(__file__).resolve().parent.parent

_MEASURE = r"""
import json, os, subprocess, sys, tempfile, time
root, runs, example = sys.argv[1], int(sys.argv[2]), sys.argv[3]
env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
env["PYTHONPATH"] = root
out = tempfile.mkdtemp(prefix="bench-startup-")

def best(args):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], cwd=root, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)

result = {
    "python -c pass": best(["-c", "pass"]),
    "import omradedok": best(["-c", "import omradedok"]),
    "omradedok --help": best(["-m", "omradedok", "--help"]),
    "omradedok validate": best(["-m", "omradedok", "validate", example]),
    "omradedok build -j 1": best(["-m", "omradedok", "build", example, "-o", out + "/cli", "-j", "1"]),
    "build --only rollematr.": best(["-m", "omradedok", "build", example, "-o", out + "/one",
                                     "--only", "rollematrise"]),
}
sys.path.insert(0, root)
import omradedok
omradedok.build(omradedok.load(example), out + "/lib")  # imports, template compilation
times = []
for _ in range(runs):
    start = time.perf_counter()
    omradedok.build(omradedok.load(example), out + "/lib")
    times.append(time.perf_counter() - start)
result["in-process build"] = min(times)
print(json.dumps(result))
"""


def measure(root: str, runs: int) -> dict[str, float]:
    return measure_in_checkout(root, _MEASURE, root, str(runs), str(LARGE_EXAMPLE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="git ref to compare with, e.g. main")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    def report(name: str, side: dict[str, float]) -> None:
        ratio = side["omradedok build -j 1"] / side["in-process build"]
        print(f"  {name}: CLI build / in-process build = {ratio:.2f}× (target ≤ 1.5×)")

    if args.against:
        base = checkout(args.against)
        before, after = before_after(lambda root: measure(root, args.runs), base)
        print(f"before = {args.against}, after = this checkout (best of {args.runs}, 2 rounds)")
        print_ratios(before, after, 22)
        report("before", before)
        report("after ", after)
    else:
        after = measure(str(ROOT), args.runs)
        for key, value in after.items():
            print(f"  {key:22s} {value * 1000:7.0f} ms")
        report("this checkout", after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
