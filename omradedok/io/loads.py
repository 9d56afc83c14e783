"""Input that is not a file: text or bytes another tool holds, and data it built in code.

Both go through the same readers and checks as ``load()``, so a tool gets the same Norwegian,
located ``InputError`` (with codes) as a clerk running ``omradedok validate``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import ValidationError

from ..errors import InputError, PathPart, Problem
from ..model import Initiative
from .load import Locate, in_workbook, model_from_data
from .partial import field_problems
from .textfile import decode_text, parse_json, parse_yaml

InputFormat = Literal["yaml", "json", "xlsx"]
FORMATS: tuple[str, ...] = ("yaml", "json", "xlsx")


def _format_error(name: str, given: object) -> InputError:
    return InputError(
        name,
        [
            Problem(
                "error",
                f"ukjent format «{given}»; velg ett av: {', '.join(FORMATS)}",
                (),
                name,
                "E-FIL-005",
            )
        ],
    )


def loads(
    content: str | bytes, format: InputFormat | str = "yaml", *, name: str = "<tekst>"
) -> Initiative:
    """A validated Initiative from YAML or JSON text (str or UTF-8 bytes) or workbook bytes.

    ``name`` is what messages call the input (a file name, a database key). Relative logo
    and font paths are not resolved: give absolute paths when the input names files.
    """
    chosen = str(format).lower().lstrip(".")
    chosen = {"yml": "yaml", "xlsm": "xlsx"}.get(chosen, chosen)
    if chosen not in FORMATS:
        raise _format_error(name, format)
    if chosen == "xlsx":
        if not isinstance(content, bytes):
            raise InputError(
                name,
                [
                    Problem(
                        "error",
                        "en Excel-arbeidsbok må gis som bytes (for eksempel fra open(..., 'rb'))",
                        (),
                        name,
                        "E-FIL-004",
                    )
                ],
            )
        from .workbook_read import read_workbook  # openpyxl is slow to import

        try:
            data, cell_of = read_workbook(content, name)
        except InputError as exc:
            raise InputError(
                name, [p.located(in_workbook(name, p.location)) for p in exc.problems]
            ) from None

        def locate(path: tuple[PathPart, ...]) -> str:
            return in_workbook(name, cell_of(path))

        return model_from_data(data, name, locate)[0]
    text = decode_text(content, name) if isinstance(content, bytes) else content
    parsed = parse_yaml(text, name) if chosen == "yaml" else parse_json(text, name)
    return model_from_data(parsed.data, name, parsed.location)[0]


def from_dict(data: Mapping[str, Any], *, name: str = "<data>") -> Initiative:
    """A validated Initiative from plain data (the input format as Python dicts and lists).

    Unlike ``Initiative.model_validate`` this gives Norwegian messages located by field path,
    reports reference errors with the field errors, and runs every check ``validate`` does.
    """
    if not isinstance(data, Mapping):
        raise InputError(
            name,
            [
                Problem(
                    "error",
                    "dataene må være en ordbok med felt (title, municipality, …)",
                    (),
                    name,
                    "E-YAML-005",
                )
            ],
        )
    return model_from_data(dict(data), name, _field_locator(name))[0]


def _field_locator(name: str) -> Locate:
    """Plain data has no lines: every message is located by its name and field path."""

    def locate(path: tuple[PathPart, ...]) -> str:
        return name

    return locate


def input_error_from_validation(exc: ValidationError, *, name: str = "<data>") -> InputError:
    """pydantic's English ``ValidationError`` (from constructing models in code) as the
    Norwegian, coded ``InputError`` the rest of omradedok raises."""
    return InputError(name, field_problems(exc, _field_locator(name)))
