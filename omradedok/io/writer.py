"""Atomic writes: a reader never sees a half-written document, even after a crash."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@dataclass(frozen=True)
class Written:
    path: Path
    size: int
    sha256: str


def write_atomic(path: Path, data: bytes) -> Written:
    """Write to a temporary file in the same folder, fsync, then rename over the target."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path.parent}: kan ikke skrive i mappen ({exc.strerror})") from None
    try:
        # mkstemp creates 0600; documents are for colleagues too, so honour the umask instead.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(
            f"{path}: kan ikke skrives ({exc.strerror}); er filen åpen i Word eller Excel?"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Written(path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest())
