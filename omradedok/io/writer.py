"""Atomic writes: a reader never sees a half-written document, even after a crash.

Files are created with mode 0666 and the kernel applies the umask (and a folder's default
ACL) as for any new file, so the process-wide umask is never read or changed: ``os.umask``
can only be read by setting it, which races with every thread creating files meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError

_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_CREATE_FLAGS |= getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Written:
    path: Path
    size: int
    sha256: str


def reason(exc: OSError) -> str:
    """An OS error in Norwegian words where a clerk can act on it, else the system's text."""
    words = {
        errno.ENOSPC: "disken er full",
        errno.EDQUOT: "diskkvoten er brukt opp",
        errno.EROFS: "disken er skrivebeskyttet",
        errno.EACCES: "ingen tilgang",
        errno.EPERM: "ikke tillatt",
        errno.EBUSY: "i bruk",
    }
    return words.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def create_new(path: Path) -> int:
    """Open a new file for writing (never an existing one), readable as the umask allows."""
    return os.open(path, _CREATE_FLAGS, 0o666)


def write_new(path: Path, data: bytes) -> Written:
    """Write ``data`` to a new file and fsync it (raises OSError; the caller tidies up)."""
    fd = create_new(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return Written(path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest())


def _temporary(folder: Path, name: str) -> tuple[int, Path]:
    while True:
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return create_new(tmp), tmp
        except FileExistsError:
            continue


def write_atomic(path: Path, data: bytes) -> Written:
    """Write to a temporary file in the same folder, fsync, then rename over the target."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(path.parent, path.name)
    except OSError as exc:
        raise OutputError(f"{path.parent}: kan ikke skrive i mappen ({reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        hint = (
            "; er filen åpen i Word eller Excel?"
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY)
            else ""
        )
        raise OutputError(f"{path}: kan ikke skrives ({reason(exc)}){hint}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Written(path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest())
