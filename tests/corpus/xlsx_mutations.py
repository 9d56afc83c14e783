"""Rewrite parts of an input workbook at the XML level, as another tool (or an attacker) would."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable


def sheet_part(raw: bytes, title: str) -> str:
    """The zip member holding the sheet called ``title``."""
    with zipfile.ZipFile(io.BytesIO(raw)) as zin:
        book = zin.read("xl/workbook.xml").decode()
        rels = zin.read("xl/_rels/workbook.xml.rels").decode()
    match = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*r:id="([^"]+)"', book)
    assert match, title
    target = re.search(rf'<Relationship [^>]*Id="{match.group(1)}"[^>]*Target="([^"]+)"', rels)
    if target is None:
        target = re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{match.group(1)}"', rels)
    assert target, match.group(1)
    path = target.group(1).lstrip("/")
    return path if path.startswith("xl/") else "xl/" + path


def rewrite(raw: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """The workbook with one member changed (stored with deflate, as Excel does)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = change(data)
            zout.writestr(info.filename, data)
    return out.getvalue()


def add_member(raw: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr(name, data)
    return out.getvalue()


def formatted_rows(raw: bytes, title: str, count: int = 1_000_000) -> bytes:
    """``count`` empty rows with a style after the sheet's data (100 KB on disk)."""

    def change(xml: bytes) -> bytes:
        last = max((int(n) for n in re.findall(rb'<row r="(\d+)"', xml)), default=0)
        rows = b"".join(
            b'<row r="%d" s="1" customFormat="1" ht="15" customHeight="1"/>' % n
            for n in range(last + 1, last + 1 + count)
        )
        return xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)

    return rewrite(raw, sheet_part(raw, title), change)


def formula_without_value(raw: bytes, title: str, cell: str, formula: str) -> bytes:
    """Cell ``cell`` becomes a formula with no cached result (as tools that don't calculate
    write it)."""

    def change(xml: bytes) -> bytes:
        new = f'<c r="{cell}"><f>{formula}</f></c>'.encode()
        pattern = re.compile(rb'<c r="' + cell.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', re.S)
        if pattern.search(xml):
            return pattern.sub(new, xml, count=1)
        row = re.sub(r"[A-Z]+", "", cell)
        row_pattern = re.compile(rb'(<row r="' + row.encode() + rb'"[^>]*?)(/>|>)')
        match = row_pattern.search(xml)
        if match is None:
            return xml.replace(
                b"</sheetData>", b'<row r="' + row.encode() + b'">' + new + b"</row></sheetData>"
            )
        if match.group(2) == b"/>":
            return (
                xml[: match.start()] + match.group(1) + b">" + new + b"</row>" + xml[match.end() :]
            )
        return xml[: match.end()] + new + xml[match.end() :]

    return rewrite(raw, sheet_part(raw, title), change)


def merge_cells(raw: bytes, title: str, ref: str) -> bytes:
    """Merge ``ref`` (e.g. «B5:C6»): only the top-left cell keeps its value."""

    def change(xml: bytes) -> bytes:
        start, end = ref.split(":")
        first_row, last_row = int(re.sub(r"[A-Z]+", "", start)), int(re.sub(r"[A-Z]+", "", end))
        first_col, last_col = re.sub(r"\d+", "", start), re.sub(r"\d+", "", end)
        cols = [chr(c) for c in range(ord(first_col), ord(last_col) + 1)]
        for row in range(first_row, last_row + 1):
            for col in cols:
                if f"{col}{row}" == start:
                    continue
                xml = re.sub(
                    rb'<c r="' + f"{col}{row}".encode() + rb'"([^>]*?)(?:/>|>.*?</c>)',
                    rb'<c r="' + f"{col}{row}".encode() + rb'"\1/>',
                    xml,
                    count=1,
                    flags=re.S,
                )
        merge = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'.encode()
        if b"<mergeCells" in xml:
            return xml.replace(
                b"</mergeCells>", f'<mergeCell ref="{ref}"/></mergeCells>'.encode(), 1
            )
        return xml.replace(b"</sheetData>", b"</sheetData>" + merge, 1)

    return rewrite(raw, sheet_part(raw, title), change)


def zip_bomb(raw: bytes, megabytes: int = 600) -> bytes:
    """A workbook carrying a member that inflates to ``megabytes`` of zeros."""
    return add_member(raw, "xl/media/padding.bin", b"\0" * (megabytes * 1024 * 1024))
