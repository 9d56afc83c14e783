"""One build on several cores: same bytes as the serial build, errors and dead helpers handled."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from omradedok import parallel

CASES = Path(__file__).with_name("parallel_cases.py")
needs_fork = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="build forks helpers on Linux only"
)


@needs_fork
@pytest.mark.parametrize("case", ["same_bytes", "shared", "helper_error", "dead_helper"])
def test_parallel_rendering_in_a_fresh_process(case: str) -> None:
    """same_bytes: a 2-process build writes the same bytes as a serial one; shared: both
    processes render, results keep their order; helper_error: a helper's exception is raised
    in the caller; dead_helper: what a killed helper leaves is rendered by the caller."""
    proc = subprocess.run(
        [sys.executable, str(CASES), case], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stdout + proc.stderr


def _pid_bytes() -> bytes:
    return str(os.getpid()).encode()


def test_serial_when_other_threads_run() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not parallel.can_fork()
        out = parallel.render_all([_pid_bytes, _pid_bytes], workers=2)
        assert out == [str(os.getpid()).encode()] * 2
    finally:
        stop.set()
        worker.join()


def test_default_workers_is_the_usable_cores() -> None:
    assert 1 <= parallel.default_workers() <= (os.cpu_count() or 1)
