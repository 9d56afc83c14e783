"""A broken, truncated or hostile template .docx stops as a located TemplateError.

Before issue 11 a truncated document.xml, a corrupt zip member and a zip-bomb part ended in
tracebacks (or in gigabytes unpacked); now the archive is checked before it is read.
"""

from __future__ import annotations

import datetime as dt
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from omradedok.cli import main
from omradedok.errors import LocatedTemplateError, TemplateError
from omradedok.model import Language
from omradedok.render.docx import DocMeta, render_docx
from omradedok.render.docx_styles import TemplateKit

META = DocMeta(
    title="Prøve", subject="Prøve", author="Prøve kommune", keywords=("prøve",),
    category="Prøve", status="Utkast", version="1", date=dt.date(2026, 11, 26),
    language=Language.NB,
)
CONTEXT = {"header_text": "Prøve", "status_banner": "UTKAST"}


def _good(path: Path) -> Path:
    kit = TemplateKit(title="Prøvemal")
    kit.paragraph("Hei {{ status_banner }}")
    kit.save(path)
    return path


def _rewrite(path: Path, change: Callable[[str, bytes], bytes | None]) -> None:
    """Copy the template's parts through ``change`` (None drops the part)."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            changed = change(info.filename, data)
            if changed is not None:
                archive.writestr(info.filename, changed)


def _render(folder: Path, name: str) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        render_docx(name, CONTEXT, meta=META, template_dir=folder)
    message = str(info.value)
    assert message.startswith(f"malen {name}"), message
    assert "Traceback" not in message
    return info.value


def test_truncated_document_xml(tmp_path: Path) -> None:
    path = _good(tmp_path / "avkortet.docx")
    _rewrite(path, lambda n, d: d[: len(d) // 2] if n == "word/document.xml" else d)
    error = _render(tmp_path, "avkortet.docx")
    assert "(word/document.xml)" in str(error) and "ikke gyldig XML" in str(error)
    assert isinstance(error, LocatedTemplateError) and error.line is not None


def test_corrupt_member_data(tmp_path: Path) -> None:
    path = _good(tmp_path / "skadet.docx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 200)):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    error = _render(tmp_path, "skadet.docx")
    assert "(word/document.xml)" in str(error) and "kan ikke leses" in str(error)


def test_file_cut_short(tmp_path: Path) -> None:
    path = _good(tmp_path / "kort.docx")
    path.write_bytes(path.read_bytes()[:-300])
    assert "ikke en gyldig Word-fil" in str(_render(tmp_path, "kort.docx"))


def test_zip_bomb_part_is_not_unpacked(tmp_path: Path) -> None:
    path = _good(tmp_path / "bombe.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(
        "word/media/image1.png", "w"
    ) as handle:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(80):
            handle.write(chunk)
    tracemalloc.start()
    try:
        error = _render(tmp_path, "bombe.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "(word/media/image1.png)" in str(error)
    assert "zip-bombe" in str(error) or "større enn" in str(error)
    assert peak < 40 * 1024 * 1024


def test_missing_parts(tmp_path: Path) -> None:
    path = _good(tmp_path / "mangler.docx")
    _rewrite(path, lambda n, d: None if n in ("[Content_Types].xml", "_rels/.rels") else d)
    message = str(_render(tmp_path, "mangler.docx"))
    assert "mangler [Content_Types].xml, _rels/.rels" in message


def test_entity_expansion_and_other_encodings_are_refused(tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    path = _good(tmp_path / "entiteter.docx")
    _rewrite(path, lambda n, d: laughs + d.split(b"?>", 1)[1] if n == "word/styles.xml" else d)
    assert "DTD" in str(_render(tmp_path, "entiteter.docx"))
    path = _good(tmp_path / "latin1.docx")
    _rewrite(path, lambda n, d: d.replace(b"Hei", "Hæ".encode("latin-1"))
             if n == "word/document.xml" else d)
    assert "ikke UTF-8" in str(_render(tmp_path, "latin1.docx"))


def test_templates_check_reports_a_broken_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _good(tmp_path / "saksframlegg.docx")
    _rewrite(path, lambda n, d: d[:-40] if n == "word/document.xml" else d)
    assert main(["templates", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "saksframlegg.docx" in err and "word/document.xml" in err and "Traceback" not in err
