"""Cases for test_parallel.py, each run in a fresh Python process.

render_all forks only when the process runs no other thread, and a test session is rarely
such a process (Dask leaves a thread behind, for one). So every case runs here, as the CLI
does: ``python tests/parallel_cases.py CASE`` exits 0 when the case holds, else prints why.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import omradedok  # noqa: E402
from omradedok import parallel  # noqa: E402
from omradedok.errors import OmradedokError  # noqa: E402

FORK = multiprocessing.get_context("fork")
WAIT = 20.0
"""Seconds a render waits for the other process (generous: a loaded CI machine is slow)."""


def _pid() -> bytes:
    return str(os.getpid()).encode()


def same_bytes() -> None:
    model = omradedok.load(ROOT / "examples" / "nordbyen-bokmal.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        serial = omradedok.build(model, Path(tmp) / "serial", workers=1)
        forked = omradedok.build(model, Path(tmp) / "forked", workers=2)
    names = [w.path.name for w in forked.written]
    assert names == [w.path.name for w in serial.written], names
    for one, other in zip(serial.written, forked.written, strict=True):
        assert one.sha256 == other.sha256, one.path.name


def shared() -> None:
    numbered = [lambda i=i: f"{i}".encode() for i in range(6)]
    assert parallel.render_all(numbered, workers=2) == [f"{i}".encode() for i in range(6)]
    both = FORK.Barrier(2, timeout=WAIT)

    def meet() -> bytes:
        both.wait()  # passes only when the other process is inside a render too
        return _pid()

    pids = parallel.render_all([meet, meet], workers=2)
    assert len(set(pids)) == 2, pids


def helper_error() -> None:
    parent = os.getpid()
    taken = FORK.Event()

    def render() -> bytes:
        if os.getpid() != parent:  # whichever render the helper takes fails
            taken.set()
            raise OmradedokError("logoen kan ikke leses")
        taken.wait(WAIT)  # the caller's one waits until the helper has failed
        return b"ok"

    try:
        parallel.render_all([render, render], workers=2)
    except OmradedokError as exc:
        assert "logoen kan ikke leses" in str(exc), exc
    else:
        raise AssertionError("the helper's error was not raised in the caller")


def dead_helper() -> None:
    parent = os.getpid()
    taken = FORK.Event()

    def render(i: int) -> bytes:
        if os.getpid() != parent:  # the helper dies on whichever render it takes
            taken.set()
            os._exit(9)  # killed: no result, no error message
        taken.wait(WAIT)
        return f"caller {i}".encode()

    out = parallel.render_all([lambda: render(0), lambda: render(1)], workers=2)
    assert taken.is_set(), "the helper never took a render"
    assert out == [b"caller 0", b"caller 1"], out


CASES = {f.__name__: f for f in (same_bytes, shared, helper_error, dead_helper)}

if __name__ == "__main__":
    assert parallel.can_fork(), "a fresh process should be allowed to fork"
    CASES[sys.argv[1]]()
    print("ok")
