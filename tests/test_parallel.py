"""One build on several cores: same bytes as the serial build, errors and dead helpers handled."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import omradedok
from omradedok import parallel
from omradedok.errors import OmradedokError
from omradedok.model import Initiative

needs_fork = pytest.mark.skipif(
    not parallel.can_fork(), reason="fork is not available (or threads run) here"
)


@needs_fork
def test_parallel_build_writes_the_same_bytes_as_a_serial_one(
    large_model: Initiative, tmp_path: Path
) -> None:
    serial = omradedok.build(large_model, tmp_path / "serial", workers=1)
    forked = omradedok.build(large_model, tmp_path / "forked", workers=2)
    assert [w.path.name for w in forked.written] == [w.path.name for w in serial.written]
    for one, other in zip(serial.written, forked.written, strict=True):
        assert one.sha256 == other.sha256, one.path.name


def _pid_bytes() -> bytes:
    return str(os.getpid()).encode()


def _slow_pid() -> bytes:
    threading.Event().wait(0.05)
    return _pid_bytes()


@needs_fork
def test_work_is_shared_and_results_keep_their_order() -> None:
    numbered = [lambda i=i: f"{i}".encode() for i in range(6)]
    assert parallel.render_all(numbered, workers=2) == [f"{i}".encode() for i in range(6)]
    pids = parallel.render_all([_slow_pid] * 8, workers=2)
    assert len(set(pids)) == 2, "the helper took none of eight 50 ms renders"


@needs_fork
def test_an_error_in_a_helper_is_raised_in_the_caller() -> None:
    parent = os.getpid()

    def fails_in_helper() -> bytes:
        if os.getpid() != parent:
            raise OmradedokError("logoen kan ikke leses")
        threading.Event().wait(0.5)  # let the helper take the other one
        return b"ok"

    def slow_ok() -> bytes:
        threading.Event().wait(0.5)
        return b"ok"

    with pytest.raises(OmradedokError, match="logoen kan ikke leses"):
        # the caller takes the costlier first; the helper gets fails_in_helper
        parallel.render_all([slow_ok, fails_in_helper], workers=2, weights=[2, 1])


@needs_fork
def test_what_a_dead_helper_leaves_is_rendered_by_the_caller() -> None:
    parent = os.getpid()

    def dies_in_helper() -> bytes:
        if os.getpid() != parent:
            os._exit(9)  # killed: no result, no error message
        return b"made by the caller"

    def slow_ok() -> bytes:
        threading.Event().wait(0.5)
        return b"ok"

    out = parallel.render_all([slow_ok, dies_in_helper], workers=2, weights=[2, 1])
    assert out == [b"ok", b"made by the caller"]


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
