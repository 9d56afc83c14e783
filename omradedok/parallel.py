"""Rendering the artifacts of ONE build on several cores.

A document set is a handful of independent renders of very different cost (the plan PDF and
DOCX take most of the time). ``render_all`` forks ``workers - 1`` helper processes that inherit
the planned artifacts (closures over the model: nothing is pickled on the way in) and the warm
template caches; the calling process works too. Every process takes the next artifact from a
shared counter, the costliest first, so the load evens out whatever the exact costs are.
Results come back as bytes over a pipe, and the bytes are the same whichever process made
them (tests compare them with a serial build).

Forking is used only where it is safe and cheap: on Linux, and when the calling process runs
no other threads (a forked copy of a thread holding a lock would hang).
Otherwise, or when a helper dies, the caller renders what is missing itself.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

Render = Callable[[], bytes]


def default_workers() -> int:
    """Cores this process may use (``os.sched_getaffinity`` where it exists)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """True where a forked helper is safe: on Linux (macOS system libraries are not fork-safe,
    Windows has no fork), and when no other thread runs in this process."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


Done = Callable[[int], None]
"""Told the index of each finished render (from a reader thread, for a helper's)."""


def render_all(
    renders: Sequence[Render],
    *,
    workers: int = 1,
    weights: Sequence[float] | None = None,
    on_done: Done | None = None,
) -> list[bytes]:
    """Call every render, on up to ``workers`` processes; results in the order given.

    ``weights`` are relative costs (larger first); they only order the work. An exception in
    any render is raised here, as the serial loop would raise it. ``on_done`` (a progress
    display) is called once per finished render.
    """
    count = len(renders)
    order = sorted(range(count), key=lambda i: -(weights[i] if weights else 0.0))
    helpers = min(workers, count) - 1
    done = on_done or _ignore
    if helpers < 1 or not can_fork():
        serial = []
        for position, render in enumerate(renders):
            serial.append(render())
            done(position)
        return serial
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)

    def take() -> int | None:
        with counter.get_lock():
            position = int(counter.value)
            counter.value = position + 1
        return order[position] if position < count else None

    results: dict[int, bytes] = {}
    failures: list[BaseException] = []
    forked: list[tuple[Any, Connection]] = []
    for _ in range(helpers):  # every fork before the first reader thread starts
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_helper, args=(renders, take, send), daemon=True)
        process.start()
        send.close()
        forked.append((process, receive))
    started: list[tuple[Any, threading.Thread]] = []
    for process, receive in forked:
        # read while the helper works: a result bigger than the pipe's buffer would
        # otherwise hold the helper until this process is done with its own share
        reader = threading.Thread(target=_collect, args=(receive, results, failures, done))
        reader.start()
        started.append((process, reader))

    try:
        while (index := take()) is not None:
            results[index] = renders[index]()
            done(index)
    except BaseException as exc:  # stop the helpers, collect them, then raise
        with counter.get_lock():
            counter.value = count
        failures.insert(0, exc)
    for process, reader in started:
        reader.join()
        process.join()
    if failures:
        raise failures[0]
    # a helper that died (killed, out of memory) leaves gaps: render those here
    for index in range(count):
        if index not in results:
            results[index] = renders[index]()
            done(index)
    return [results[i] for i in range(count)]


def _helper(renders: Sequence[Render], take: Callable[[], int | None], send: Connection) -> None:
    """In the forked process: render what the counter hands out, send (index, bytes) back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    try:
        while (index := take()) is not None:
            try:
                send.send_bytes(pickle.dumps((index, renders[index](), None)))
            except Exception as exc:  # the caller raises it
                send.send_bytes(pickle.dumps((index, None, _picklable(exc))))
                return
    finally:
        send.close()


def _collect(
    receive: Connection, results: dict[int, bytes], failures: list[BaseException], done: Done
) -> None:
    """In a reader thread of the calling process: store what one helper sends."""
    with receive:
        while True:
            try:
                index, data, error = pickle.loads(receive.recv_bytes())
            except EOFError:
                return
            if error is not None:
                failures.append(error)
            else:
                results[index] = data
                try:
                    done(index)
                except Exception as exc:  # a broken display must not lose the result
                    failures.append(exc)


def _ignore(index: int) -> None:
    """No progress display."""


def _picklable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
