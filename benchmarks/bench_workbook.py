"""The Excel input workbook with many activities: export and import time and peak memory.

    python benchmarks/bench_workbook.py [examples/nordbyen-bokmal.yaml] [--activities 1000] [--runs 3]

The example's activities are repeated (with new ids) up to ``--activities``. Export is
``model → .xlsx bytes`` (openpyxl, every sheet, drop-downs, print settings, zip normalised);
import is ``.xlsx → data → validated Initiative`` (openpyxl read-only + pydantic). Each is
timed as the median of ``--runs``; peak memory is the Python heap high-water mark of one run
measured with tracemalloc (allocations made while running, not the resident size of the
process), plus the process's maximum RSS at the end.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import omradedok
from omradedok.io.workbook import export_bytes, read_workbook
from omradedok.model import Initiative

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def _median(action: Callable[[], T], runs: int) -> tuple[float, T]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    assert result is not None
    return statistics.median(times), result


def _peak_mib(action: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def scaled(model: Initiative, count: int) -> Initiative:
    base = model.activities
    activities = [base[i % len(base)].model_copy(update={"id": f"B{i + 1}"}) for i in range(count)]
    return model.model_copy(update={"activities": activities})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("model", nargs="?", default=str(ROOT / "examples" / "nordbyen-bokmal.yaml"))
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    model = scaled(omradedok.load(args.model), args.activities)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "satsing.xlsx"
        export_bytes(model.model_copy(update={"activities": model.activities[:5]}))  # warm-up
        seconds, data = _median(lambda: export_bytes(model), args.runs)
        path.write_bytes(data)
        export_peak = _peak_mib(lambda: export_bytes(model))
        print(
            f"export : {seconds:6.2f} s  median of {args.runs}  peak {export_peak:6.1f} MiB  "
            f"({len(model.activities)} aktiviteter, {len(data) / 1024:.0f} KiB)"
        )

        def read() -> Initiative:
            return Initiative.model_validate(read_workbook(path)[0])

        seconds, again = _median(read, args.runs)
        import_peak = _peak_mib(read)
        print(f"import : {seconds:6.2f} s  median of {args.runs}  peak {import_peak:6.1f} MiB")
        if again != model:
            print("FEIL: modellen etter import er ikke lik modellen før eksport")
            return 1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"prosess: maks RSS {rss:.0f} MiB; rundtur uten tap")
    return 0


if __name__ == "__main__":
    sys.exit(main())
