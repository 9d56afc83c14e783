"""A template .docx is checked as an archive before anything reads it as a document.

A template file comes from a municipality's shared folder: it may be truncated by a failed
copy, saved by another tool, or built to hurt (a zip bomb: a few kilobytes that unpack to
gigabytes; XML with entity definitions that expand without end). Every such file stops with
a located :class:`~omradedok.errors.LocatedTemplateError` naming the file and the part, and
nothing is ever unpacked beyond the limits below: sizes are checked in the zip directory and
again while reading, since a directory can lie.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from ..errors import LocatedTemplateError

__all__ = ["ArchiveLimits", "read_template"]


@dataclass(frozen=True)
class ArchiveLimits:
    """Bounds for one template file (documented in the README, «Grenser for maler»)."""

    max_part: int = 64 * 1024 * 1024
    """Bytes of one unpacked part (a picture, the document XML)."""
    max_total: int = 256 * 1024 * 1024
    """Bytes of all unpacked parts together."""
    max_ratio: int = 200
    """Unpacked size over packed size, for parts over 1 MB (Word's XML packs 5–20×)."""
    max_entries: int = 5_000


REQUIRED = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")
_FIX = "åpne malen i Word og lagre den på nytt som Word-dokument (.docx), eller bruk en kopi som virker"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def read_template(
    path: Path, limits: ArchiveLimits | None = None
) -> tuple[list[str], dict[str, bytes]]:
    """The parts of template ``path`` in their zip order, each checked (see module docstring)."""
    limits = limits or ArchiveLimits()
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise LocatedTemplateError(
            f"er ikke en gyldig Word-fil (.docx): {_zip_reason(exc)}", template=name, fix=_FIX
        ) from exc
    with archive:
        infos = archive.infolist()
        _check_directory(name, infos, limits)
        order = [info.filename for info in infos]
        raw = {info.filename: _read_part(name, archive, info, limits) for info in infos}
    missing = [part for part in REQUIRED if part not in raw]
    if missing:
        raise LocatedTemplateError(
            f"mangler {', '.join(missing)}; er det et Word-dokument?", template=name, fix=_FIX
        )
    for part, data in raw.items():
        if part.endswith((".xml", ".rels")):
            _check_xml(name, part, data)
    return order, raw


def _check_directory(name: str, infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    if len(infos) > limits.max_entries:
        raise LocatedTemplateError(
            f"har {len(infos)} deler; en Word-fil har sjelden mer enn noen hundre "
            f"(grensen er {limits.max_entries})",
            template=name,
            fix=_FIX,
        )
    total = 0
    for info in infos:
        _check_size(name, info.filename, info.file_size, limits)
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise LocatedTemplateError(
                f"pakkes ut til {info.file_size // max(info.compress_size, 1)} ganger sin "
                f"størrelse (en «zip-bombe»; grensen er {limits.max_ratio} ganger)",
                template=name,
                part=info.filename,
                fix=_FIX,
            )
        total += info.file_size
        if total > limits.max_total:
            raise LocatedTemplateError(
                f"pakkes ut til mer enn {_mb(limits.max_total)} til sammen",
                template=name,
                fix=_FIX,
            )


def _check_size(name: str, part: str, size: int, limits: ArchiveLimits) -> None:
    if size > limits.max_part:
        raise LocatedTemplateError(
            f"er større enn {_mb(limits.max_part)} utpakket", template=name, part=part, fix=_FIX
        )


def _read_part(
    name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ArchiveLimits
) -> bytes:
    try:
        with archive.open(info) as handle:
            data = handle.read(limits.max_part + 1)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ) as exc:
        raise LocatedTemplateError(
            f"delen kan ikke leses ({_zip_reason(exc)}); filen er trolig avkortet eller skadet",
            template=name,
            part=info.filename,
            fix=_FIX,
        ) from exc
    _check_size(name, info.filename, len(data), limits)
    return data


def _check_xml(name: str, part: str, data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LocatedTemplateError(
            f"er ikke UTF-8-tekst (byte {exc.start})", template=name, part=part, fix=_FIX
        ) from exc
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise LocatedTemplateError(
            f"er ikke gyldig XML ({exc.msg}); filen er trolig avkortet eller skadet",
            template=name,
            part=part,
            line=exc.lineno or None,
            fix=_FIX,
        ) from exc
    if root.getroottree().docinfo.doctype:
        raise LocatedTemplateError(
            "har en DTD (<!DOCTYPE …>), som Word aldri skriver (den kan definere entiteter "
            "som vokser uten grense)",
            template=name,
            part=part,
            fix=_FIX,
        )


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


def _zip_reason(exc: BaseException) -> str:
    if isinstance(exc, zipfile.BadZipFile):
        text = str(exc)
        if "File is not a zip file" in text:
            return "filen er ikke en zip-fil (en .docx er en zip-fil)"
        if "CRC" in text:
            return "kontrollsummen stemmer ikke"
        return "zip-strukturen er skadet"
    if isinstance(exc, EOFError | zlib.error):
        return "dataene slutter før tiden"
    if isinstance(exc, NotImplementedError):
        return "komprimeringen støttes ikke"
    if isinstance(exc, RuntimeError):
        return "filen er kryptert eller passordbeskyttet"
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return type(exc).__name__
