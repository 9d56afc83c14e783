"""Printed font sizes read straight from a PDF's content streams (no PDF library): each text
run's Tf size times the scale of its text matrix and of the graphics state's CTM."""

from __future__ import annotations

import math
import re
import zlib

_STREAM = re.compile(rb"<<(?P<dict>(?:(?!>>).)*?)>>\s*stream\r?\n", re.S)
_TOKEN = re.compile(
    rb"/[^\s/\[\]()<>]+|-?\d*\.?\d+|[A-Za-z'\"*]+|\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]"
)

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _scale(m: Matrix) -> float:
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


def content_streams(pdf: bytes) -> list[bytes]:
    """The decompressed streams that draw text (those with a «Tf» operator)."""
    out = []
    for match in _STREAM.finditer(pdf):
        start = match.end()
        end = pdf.index(b"endstream", start)
        raw = pdf[start:end]
        if b"/FlateDecode" in match.group("dict"):
            try:
                raw = zlib.decompress(raw)
            except zlib.error:
                continue
        if b" Tf" in raw or b"Tf\n" in raw:
            out.append(raw)
    return out


def text_sizes(pdf: bytes) -> list[float]:
    """The effective size in points of every text-showing operation in the PDF."""
    sizes: list[float] = []
    for stream in content_streams(pdf):
        ctm, stack = _IDENTITY, []
        tm, size = _IDENTITY, 0.0
        operands: list[bytes] = []
        for token in _TOKEN.findall(stream):
            if token[:1].isalpha() or token in (b"'", b'"'):
                op = token
                nums = []
                for o in operands:
                    try:
                        nums.append(float(o))
                    except ValueError:
                        nums.append(0.0)
                if op == b"q":
                    stack.append(ctm)
                elif op == b"Q" and stack:
                    ctm = stack.pop()
                elif op == b"cm" and len(nums) >= 6:
                    ctm = _mul(tuple(nums[-6:]), ctm)  # type: ignore[arg-type]
                elif op == b"BT":
                    tm = _IDENTITY
                elif op == b"Tm" and len(nums) >= 6:
                    tm = tuple(nums[-6:])  # type: ignore[assignment]
                elif op == b"Tf" and nums:
                    size = nums[-1]
                elif op in (b"Tj", b"TJ", b"'", b'"'):
                    sizes.append(size * _scale(tm) * _scale(ctm))
                operands = []
            else:
                operands.append(token)
    return sizes
