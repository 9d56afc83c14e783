"""Byte-identical Office files: identical input must give identical bytes (archives, diffs,
incremental batch builds). Office files are zip archives whose entries carry timestamps."""

from __future__ import annotations

import io
import zipfile

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def normalize_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed entry timestamps and attributes, keeping entry order.

    Callers must also pin the dates *inside* the package (docProps/core.xml created/modified)
    to the document's own date, never to «now».
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            fixed.create_system = 3
            target.writestr(fixed, source.read(info.filename), compresslevel=6)
    return out.getvalue()
