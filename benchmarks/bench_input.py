"""Loading time against input size, this checkout against a baseline checkout, same run.

    git archive main | (mkdir -p /tmp/base && tar -x -C /tmp/base)
    python benchmarks/bench_input.py --base /tmp/base [--sizes 1,4,10,20]

For each size (MB) a valid YAML (the large example's activities repeated) and an invalid
one (every activity's municipal amount made text: one error per activity) are loaded with
``omradedok.load`` in a fresh child process per checkout (so the two never share imports);
each child may use 1.5 GB of address space; the table prints seconds and the time per MB, whose flatness shows a linear slope. The
alias bomb's peak memory (tracemalloc) is measured the same way. The size limit is raised
for the run (OMRADEDOK_MAX_INPUT_MB) so 20 MB inputs are read.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time, tracemalloc
import omradedok
path, mode = sys.argv[1], sys.argv[2]
if mode == "mem":
    tracemalloc.start()
start = time.perf_counter()
try:
    omradedok.load(path)
    outcome = "gyldig"
except omradedok.OmradedokError as exc:
    outcome = f"{len(getattr(exc, 'problems', [])) or 1} feil"
except BaseException as exc:
    outcome = type(exc).__name__
elapsed = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] if mode == "mem" else 0
print(json.dumps({"seconds": elapsed, "outcome": outcome, "peak_mib": peak / 2**20}))
"""


def _inputs(folder: Path, sizes: list[float]) -> list[tuple[str, float, Path]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from common import large_model, with_activities

    from omradedok.io import dumps_yaml

    model = large_model()
    year = model.activities[0].year
    one = len(dumps_yaml(with_activities(model, year, 200)).encode()) / 200
    made = []
    for size in sizes:
        count = max(1, int(size * 2**20 / one))
        text = dumps_yaml(with_activities(model, year, count))
        valid = folder / f"valid-{size:g}mb.yaml"
        valid.write_text(text, encoding="utf-8")
        invalid = folder / f"invalid-{size:g}mb.yaml"
        invalid.write_text(text.replace("    municipal: ", "    municipal: x"), encoding="utf-8")
        made += [("gyldig", size, valid), ("ugyldig", size, invalid)]
    return made


def _bomb(folder: Path) -> Path:
    text = "title: x\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        text += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    path = folder / "alias-bomb.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _memory_cap() -> None:
    import resource

    cap = 1536 * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _run(checkout: Path, path: Path, mode: str, timeout: float) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(checkout), "OMRADEDOK_MAX_INPUT_MB": "100"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), mode],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            preexec_fn=_memory_cap,  # the baseline's alias bomb grew to 3 GB
        )
    except subprocess.TimeoutExpired:
        return {"seconds": timeout, "outcome": f"> {timeout:.0f} s (stoppet)", "peak_mib": 0}
    try:
        result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        result = {"seconds": 0.0, "outcome": "krasj: " + done.stderr.strip()[-80:], "peak_mib": 0}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", type=Path, required=True, help="checkout of the baseline")
    parser.add_argument("--sizes", default="1,4,10,20")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = _inputs(folder, sizes)
        print(
            f"{'fil':<22}{'grunnlag s':>12}{'s/MB':>8}{'nå s':>10}{'s/MB':>8}{'forhold':>9}  utfall"
        )
        for kind, size, path in inputs:
            before = _run(args.base, path, "time", args.timeout)
            after = _run(ROOT, path, "time", args.timeout)
            b, a = float(before["seconds"]), float(after["seconds"])  # type: ignore[arg-type]
            print(
                f"{kind + f' {size:g} MB':<22}{b:>12.2f}{b / size:>8.2f}{a:>10.2f}{a / size:>8.2f}"
                f"{b / max(a, 1e-9):>9.1f}  {before['outcome']} → {after['outcome']}"
            )
        bomb = _bomb(folder)
        before = _run(args.base, bomb, "mem", args.timeout)
        after = _run(ROOT, bomb, "mem", args.timeout)
        print(
            f"alias-bombe: grunnlag {float(before['seconds']):.2f} s, "  # type: ignore[arg-type]
            f"topp {float(before['peak_mib']):.0f} MiB, {before['outcome']}; "  # type: ignore[arg-type]
            f"nå {float(after['seconds']):.3f} s, topp {float(after['peak_mib']):.1f} MiB, "  # type: ignore[arg-type]
            f"{after['outcome']}"
        )


if __name__ == "__main__":
    main()
