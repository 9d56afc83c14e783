"""Compiled template code kept on disk, so a new process (every CLI run) skips compiling.

Within a process, templates are compiled once (``render.docx`` caches them). A clerk's
``omradedok build`` is a new process each time, and compiling the plan's Word template was a
third of its start-up. This is the mechanism of Jinja's own ``BytecodeCache`` (the code object,
marshalled), used here for templates made from strings (docxtpl's pre-processed XML), keyed by
the source and by everything that changes the generated code: the Jinja and Python versions
and the environment's options.

The cache only saves time: a file that cannot be read, written or trusted is skipped and the
template compiled as usual. Files are written atomically. ``OMRADEDOK_CACHE_DIR`` moves the
folder (default: ``$XDG_CACHE_HOME/omradedok`` or ``~/.cache/omradedok``); the value ``off``
turns the cache off.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from pathlib import Path
from types import CodeType

import jinja2

from .._version import __version__

_FORMAT = "1"
"""Bump when the file layout changes."""


def cache_dir() -> Path | None:
    """Where compiled templates are kept, or None when the cache is off."""
    chosen = os.environ.get("OMRADEDOK_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in {"", "off", "0", "no"} else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "omradedok"


def _fingerprint(env: jinja2.Environment) -> str:
    """What besides the source decides the generated code."""
    finalize = env.finalize
    return "|".join(
        [
            _FORMAT,
            __version__,
            jinja2.__version__,
            sys.version,
            importlib.util.MAGIC_NUMBER.hex(),
            f"{type(env).__module__}.{type(env).__qualname__}",
            str(getattr(env, "code_fingerprint", "")),
            repr(env.autoescape),
            env.undefined.__qualname__,
            getattr(finalize, "__qualname__", repr(finalize)),
            repr(env.keep_trailing_newline),
            repr(env.trim_blocks),
            repr(env.lstrip_blocks),
            repr(env.newline_sequence),
            repr((env.block_start_string, env.variable_start_string, env.comment_start_string)),
            repr(sorted(env.extensions)),
            repr(sorted(env.filters)),
            repr(sorted(env.tests)),
        ]
    )


def template(env: jinja2.Environment, source: str) -> jinja2.Template:
    """``env.from_string(source)``, with the compiled code read from (or written to) disk."""
    folder = cache_dir()
    if folder is None:
        return env.from_string(source)
    key = hashlib.sha256(f"{_fingerprint(env)}\0{source}".encode()).hexdigest()
    path = folder / key[:2] / f"{key}.jinja-code"
    code = _read(path)
    if code is None:
        code = env.compile(source)  # raises TemplateSyntaxError as from_string would
        _write(path, code)
    return env.template_class.from_code(env, code, env.make_globals(None))


def _read(path: Path) -> CodeType | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        code = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _write(path: Path, code: CodeType) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".jinja-code")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(code))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # read-only home, full disk …: compiling next time is the only cost
