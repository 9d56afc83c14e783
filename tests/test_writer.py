"""Atomic writes leave either the old file or the new one, readable by colleagues."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from omradedok.errors import OutputError
from omradedok.io.writer import write_atomic


def test_writes_with_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        written = write_atomic(tmp_path / "a.docx", b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(written.path.stat().st_mode) == 0o644
    assert written.size == 4 and len(written.sha256) == 64
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_bytes(b"")
    with pytest.raises(OutputError, match="kan ikke skrive i mappen"):
        write_atomic(blocker / "under" / "a.docx", b"x")
