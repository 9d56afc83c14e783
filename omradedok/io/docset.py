"""A document set on disk, replaced as a whole: the folder holds one build, the old or the new.

How ``build`` writes ``dokumenter/``
-----------------------------------
1. Everything is rendered in memory first; nothing on disk changes while rendering.
2. ``.dokumenter.omradedok-lock`` beside the folder is locked (``fcntl.flock``): a second
   build into the same folder waits until the first is done, then replaces that set.
3. Leftovers of a killed build beside the folder are removed, or recovered (see 6).
4. The folder may hold only what an earlier build wrote, as listed in its marker
   ``.omradedok.json``; anything else (``plan.yaml``, notes, a Word lock file) stops the
   build with an :class:`~omradedok.errors.OutputError` naming the files: omradedok never
   deletes a file it did not write. A missing or empty folder is fine. (``.DS_Store``,
   ``Thumbs.db`` and ``desktop.ini``, which file managers leave, are not counted.)
5. The new set and its marker are written into a hidden sibling folder
   ``.dokumenter.omradedok-new-XXXXXXXX``, every file fsynced.
6. The swap. On Linux one ``renameat2(RENAME_EXCHANGE)`` exchanges the two folders in one
   step, so at every moment ``dokumenter/`` holds the old set or the new one, whenever the
   process is killed. Where that call is missing (other systems, some network file systems)
   two renames are used: the old folder away to ``.dokumenter.omradedok-old-XXXXXXXX``, the
   new one in. A crash between the two leaves no ``dokumenter/`` for that moment; the next
   build (step 3) renames the old set back before anything else.
7. The previous set, now in the sibling, is deleted: files it had and the new set has not
   (the 2027 plans of another initiative) are gone with it.

``batch`` swaps each area's folder with the same :func:`swap_in`.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import secrets
import shutil
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OutputError
from .writer import Written, reason, write_new

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock between processes
    fcntl = None  # type: ignore[assignment]

MARKER_NAME = ".omradedok.json"
MARKER_FORMAT = 1
OS_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".directory"})
"""Files a file manager leaves in any folder it shows; deleted with the old set."""
_LISTED_MAX = 8

Waiting = Callable[[int | None], None]
"""Called once when another process holds the folder's lock, with that process's id."""


# -- the swap ---------------------------------------------------------------------------------

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


def _load_renameat2() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2  # glibc 2.28+, musl 1.2.5+
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes.append(ctypes.c_uint)
    function.restype = ctypes.c_int
    return function


_renameat2: Any = _load_renameat2()


def exchange(one: Path, other: Path) -> bool:
    """Swap two existing folders in one step; False where the system cannot (then nothing
    happened). Other failures raise OSError."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(one), _AT_FDCWD, os.fsencode(other), _RENAME_EXCHANGE):
        code = ctypes.get_errno()
        if code in _UNSUPPORTED:
            return False
        raise OSError(code, os.strerror(code), str(other))
    return True


def swap_in(staging: Path, target: Path, old: Path) -> Path | None:
    """Make the folder ``staging`` the folder ``target``.

    Returns where the previous ``target`` now is (for the caller to delete), or None when
    there was none. On failure ``target`` is as it was, and ``staging`` still holds the new
    set. ``old`` is the name the previous folder gets when the two-rename way is used.
    """
    if not os.path.lexists(target):
        os.rename(staging, target)
        return None
    if exchange(staging, target):
        return staging
    os.rename(target, old)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(old, target)
        raise
    return old


def remove_tree(path: Path) -> bool:
    """Delete a folder of ours; False when some of it could not be deleted."""
    if not os.path.lexists(path):
        return True

    def writable_then_retry(function: Any, name: str, _info: Any) -> None:
        # a folder without write permission (copied from an old set) cannot be emptied
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(name), 0o700)
            function(name)

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=writable_then_retry)
    else:
        shutil.rmtree(path, onerror=writable_then_retry)
    return not os.path.lexists(path)


def fsync_folder(path: Path) -> None:
    """Make a rename in ``path`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def recover(target: Path, olds: Sequence[Path], news: Sequence[Path]) -> list[Path]:
    """After a killed run: put the old set back when ``target`` is missing (killed between
    the two renames), delete the rest. Returns what could not be deleted."""
    olds = sorted(olds, key=lambda p: _mtime(p), reverse=True)
    if olds and not os.path.lexists(target):
        os.rename(olds[0], target)
        olds = olds[1:]
        fsync_folder(target.parent)
    return [p for p in [*news, *olds] if not remove_tree(p)]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# -- the lock ---------------------------------------------------------------------------------

_held_fds: set[int] = set()
_held_guard = threading.Lock()


def _close_in_child() -> None:
    """A forked child (a batch worker) must not keep the parent's locks alive."""
    for fd in list(_held_fds):
        with contextlib.suppress(OSError):
            os.close(fd)
    _held_fds.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)


@contextlib.contextmanager
def locked(lock_file: Path, on_wait: Waiting | None = None) -> Iterator[None]:
    """Hold ``lock_file`` exclusively (``flock``): other processes and threads wait.

    The lock ends with the process, so a killed build never leaves the folder locked.
    """
    try:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise OutputError(
            f"{lock_file.parent}: kan ikke lage låsefilen {lock_file.name} ({reason(exc)}); "
            "omradedok bytter ut hele dokumentmappen og må kunne skrive i mappen over den"
        ) from None
    with _held_guard:
        _held_fds.add(fd)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait(_holder(fd))
                fcntl.flock(fd, fcntl.LOCK_EX)
            with contextlib.suppress(OSError):  # for the message of the next one to wait
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        with _held_guard:
            _held_fds.discard(fd)
        os.close(fd)


def _holder(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).split()[0])
    except (OSError, ValueError, IndexError):
        return None


# -- the marker -------------------------------------------------------------------------------


def marker_bytes(written: Sequence[Written]) -> bytes:
    """``.omradedok.json``: which files of the folder omradedok wrote (no timestamps, so
    the same set gives the same bytes)."""
    from .._version import __version__

    data = {
        "format": MARKER_FORMAT,
        "generator": {"name": "omradedok", "version": __version__},
        "note": (
            "Denne filen forteller omradedok hvilke filer i mappen den har laget. "
            "Ved neste bygging byttes hele mappen ut med det nye dokumentsettet."
        ),
        "files": [{"file": w.path.name, "size": w.size, "sha256": w.sha256} for w in written],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def marked_files(folder: Path) -> set[str] | None:
    """The files the marker of ``folder`` lists, or None without a (readable) marker."""
    try:
        data = json.loads((folder / MARKER_NAME).read_text(encoding="utf-8"))
        if data.get("format") != MARKER_FORMAT:
            return None
        return {str(item["file"]) for item in data["files"]}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def write_folder(folder: Path, files: Sequence[tuple[str, bytes]]) -> list[Written]:
    """Write a document set and its marker into the new, empty ``folder``, all fsynced.

    Raises OSError; the caller deletes the folder.
    """
    written = []
    for name, data in files:
        if Path(name).name != name or name in ("", ".", "..", MARKER_NAME):
            raise ValueError(f"ugyldig filnavn i dokumentsettet: {name!r}")
        written.append(write_new(folder / name, data))
    write_new(folder / MARKER_NAME, marker_bytes(written))
    fsync_folder(folder)
    return written


def _office_lock_owner(name: str) -> str | None:
    """«~$plan.docx» (Word) and «.~lock.plan.docx#» (LibreOffice) mean plan.docx is open."""
    if name.startswith("~$"):
        return name[2:]
    if name.startswith(".~lock.") and name.endswith("#"):
        return name[len(".~lock.") : -1]
    return None


def _names(items: Sequence[str]) -> str:
    shown = ", ".join(items[:_LISTED_MAX])
    more = len(items) - _LISTED_MAX
    return shown + (f" og {more} til" if more > 0 else "")


def check_owned(folder: Path, shown: Path) -> set[str]:
    """The files in ``folder`` an earlier build wrote; an OutputError when there is
    anything else (named, with what to do), so nothing of the user's is ever deleted."""
    try:
        entries = sorted(os.listdir(folder))
    except FileNotFoundError:
        return set()
    except NotADirectoryError:
        raise OutputError(f"{shown}: finnes allerede og er en fil, ikke en mappe") from None
    except OSError as exc:
        raise OutputError(f"{shown}: kan ikke lese mappen ({reason(exc)})") from None
    listed = marked_files(folder) or set()
    owned, foreign, open_now = set(), [], []
    for name in entries:
        if name == MARKER_NAME or name in OS_LITTER or name.startswith("._"):
            continue
        if name in listed and (folder / name).is_file() and not (folder / name).is_symlink():
            owned.add(name)
            continue
        document = _office_lock_owner(name)
        if document is not None:
            open_now.append(document)
        else:
            foreign.append(name + ("/" if (folder / name).is_dir() else ""))
    if open_now:
        raise OutputError(
            f"{shown}: {_names(open_now)} er åpen i Word, Excel eller LibreOffice; "
            "lukk dokumentet og bygg på nytt (mappen er ikke endret)"
        )
    if foreign:
        where = (
            "ikke er laget av omradedok"
            if listed
            else "ikke er laget av omradedok (eller av en eldre versjon uten .omradedok.json)"
        )
        raise OutputError(
            f"{shown}: mappen har filer som {where}: {_names(foreign)}. omradedok bytter ut hele "
            "mappen ved hver bygging og sletter aldri filer den ikke har laget selv. Flytt "
            "eller slett disse filene, eller bygg til en tom eller ny mappe (-o); mappen er "
            "ikke endret"
        )
    return owned


def check_replaceable(folder: Path, owned: set[str], shown: Path) -> None:
    """An OutputError when the old set cannot be replaced as a whole: the folder or one of
    its files is write-protected or locked (immutable, a read-only disk). Checked before
    anything is swapped, so the old set stays whole."""
    if not folder.is_dir():
        return
    if not os.access(folder, os.W_OK) or not os.access(folder.parent, os.W_OK):
        raise OutputError(
            f"{shown}: mappen er skrivebeskyttet eller låst, så dokumentsettet kan ikke "
            "byttes ut; fjern skrivebeskyttelsen og bygg på nytt (mappen er ikke endret)"
        )
    locked_files = sorted(n for n in owned if _locked(folder / n))
    if locked_files:
        raise OutputError(
            f"{shown}: {_names(locked_files)} er skrivebeskyttet eller låst og kan ikke "
            "erstattes; fjern skrivebeskyttelsen (eller lukk programmet som holder filen) og "
            "bygg på nytt (mappen er ikke endret)"
        )


def _locked(path: Path) -> bool:
    """Write-protected by its owner or locked (immutable). A colleague's file in a shared
    folder is not: it goes with the old folder as any other file would."""
    if os.access(path, os.W_OK):
        return False
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows: the read-only attribute
        return True
    try:
        owner = path.stat().st_uid
    except OSError:
        return False
    return os.geteuid() in (0, owner)


# -- a build's set ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Names:
    """The hidden names beside a build's output folder."""

    target: Path

    @property
    def prefix(self) -> str:
        return f".{self.target.name}.omradedok-"

    @property
    def lock(self) -> Path:
        return self.target.with_name(self.prefix + "lock")

    def fresh(self, kind: str) -> Path:
        return self.target.with_name(f"{self.prefix}{kind}-{secrets.token_hex(4)}")

    def leftovers(self, kind: str) -> list[Path]:
        start = f"{self.prefix}{kind}-"
        try:
            found = [e for e in os.scandir(self.target.parent) if e.name.startswith(start)]
        except OSError:
            return []
        return [Path(e.path) for e in found if e.is_dir(follow_symlinks=False)]


@dataclass
class Replaced:
    """What replacing a set did."""

    written: list[Written] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Files of the previous set the new one does not have (deleted with it)."""
    leftovers: list[Path] = field(default_factory=list)
    """Hidden folders beside the set that could not be deleted (retried next build)."""
    method: str = ""
    """«exchange» (one atomic step), «renames» (two renames) or «new» (no earlier folder)."""


def replace_set(
    out: Path,
    files: Sequence[tuple[str, bytes]],
    *,
    on_wait: Waiting | None = None,
) -> Replaced:
    """Replace the folder ``out`` by exactly ``files`` (and the marker), see the module doc.

    Raises OutputError with the folder unchanged when anything stops the swap.
    """
    target = _target(out)
    names = Names(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out.parent}: kan ikke lage mappen ({reason(exc)})") from None
    check_owned(target, out)  # early, cheap, before waiting for a lock
    result = Replaced()
    with locked(names.lock, on_wait):
        result.leftovers = _recover(names, out)
        previous = check_owned(target, out)
        check_replaceable(target, previous, out)
        staging = _staging(names, out)
        try:
            staged = write_folder(staging, files)
            _keep_folder_attributes(target, staging)
            old = swap_in(staging, target, names.fresh("old"))
        except OSError as exc:
            remove_tree(staging)
            raise OutputError(_swap_failed(out, exc)) from None
        except BaseException:
            remove_tree(staging)
            raise
        fsync_folder(target.parent)
        result.method = "new" if old is None else ("exchange" if old == staging else "renames")
        if old is not None and not remove_tree(old):
            result.leftovers.append(old)
    result.written = [Written(out / w.path.name, w.size, w.sha256) for w in staged]
    result.removed = sorted(previous - {name for name, _ in files})
    return result


def recover_set(out: Path) -> list[Path]:
    """What the next build does first, on its own (for tools and tests): leftovers of a
    killed build removed, the old set put back where a crash left no folder."""
    names = Names(_target(out))
    with locked(names.lock):
        return _recover(names, out)


def _target(out: Path) -> Path:
    target = Path(os.path.abspath(out))
    with contextlib.suppress(OSError):
        target = target.resolve()  # a symlinked folder: replace what it points to
    return target


def _recover(names: Names, shown: Path) -> list[Path]:
    try:
        return recover(names.target, names.leftovers("old"), names.leftovers("new"))
    except OSError as exc:
        raise OutputError(
            f"{shown}: en avbrutt bygging etterlot den forrige mappen som "
            f"{names.leftovers('old')[0].name}, og den kan ikke flyttes tilbake "
            f"({reason(exc)}); gi den navnet {names.target.name} igjen"
        ) from None


def _staging(names: Names, shown: Path) -> Path:
    while True:
        staging = names.fresh("new")
        try:
            staging.mkdir(0o777)  # the umask (or the parent's default ACL) applies
            return staging
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(
                f"{shown.parent}: kan ikke lage en mappe ved siden av {shown.name} "
                f"({reason(exc)}); omradedok skriver det nye dokumentsettet der før det "
                "bytter ut mappen, og må kunne skrive i mappen over den"
            ) from None


def _keep_folder_attributes(target: Path, staging: Path) -> None:
    """The new folder keeps the old one's permissions and ACLs (a shared folder stays
    shared), but not its timestamps."""
    if not target.is_dir():
        return
    with contextlib.suppress(OSError):
        shutil.copystat(target, staging)
        os.utime(staging)


def _swap_failed(out: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "frigjør plass (det nye settet må få plass ved siden av det gamle) og bygg på nytt"
    elif exc.errno in (errno.EXDEV, errno.EBUSY):
        fix = (
            "mappen er et monteringspunkt eller i bruk av et annet program; bygg til en "
            "undermappe av den, eller lukk programmet"
        )
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = (
            "mappen, eller en fil i den, er låst eller skrivebeskyttet (er et dokument åpent "
            "i et annet program?); fjern låsen og bygg på nytt"
        )
    else:
        fix = "rett feilen og bygg på nytt"
    return (
        f"{out}: kan ikke skrive det nye dokumentsettet ({reason(exc)}); {fix}. "
        "Det forrige dokumentsettet er uendret"
    )


__all__ = [
    "MARKER_NAME",
    "Names",
    "Replaced",
    "check_owned",
    "exchange",
    "locked",
    "marked_files",
    "recover",
    "recover_set",
    "remove_tree",
    "replace_set",
    "swap_in",
    "write_folder",
]
