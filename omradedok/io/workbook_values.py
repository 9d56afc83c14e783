"""One cell ↔ one model value, by column kind: how the input workbook writes and reads values.

Writing turns model values into what a clerk sees (Norwegian enum labels, comma-separated
ids, real dates, whole kroner). Reading is forgiving where a clerk may type differently
(«1 250 000 kr», «26.11.2026», a number in a text column) and strict where a guess could be
wrong (a decimal amount, an unknown label): those give a Norwegian message instead.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from ..locale.format import format_when
from ..locale.labels import enum_choices, enum_from_label, enum_label
from ..model import Language
from ..model.when import When
from ..render.xlsx import (
    DATE_FORMAT,
    INTEGER_FORMAT,
    MONEY_FORMAT,
    NUMBER_FORMAT,
    TEXT_FORMAT,
    text_from_excel,
)


class Kind(StrEnum):
    """What a column holds."""

    TEXT = "text"
    """Free text, kept exactly (spaces, line breaks)."""
    ID = "id"
    """One id (a reference or the row's own id); empty means none."""
    IDS = "ids"
    """Several ids separated by commas."""
    INT = "int"
    FLOAT = "float"
    MONEY = "money"
    """Whole kroner."""
    DATE = "date"
    """A full date (the document date, an agreement's term)."""
    WHEN = "when"
    """A point in time at the precision known: a date, «september 2013», «høsten 2013»,
    «2013». Text-formatted, so Excel turns neither «2013» nor «september 2013» into a date."""
    COUNT = "count"
    """A whole number, or one with «ca.» / «opp mot» before it (population)."""
    ENUM = "enum"
    """One value of a vocabulary, shown with its Norwegian label."""
    ENUMS = "enums"
    """Several vocabulary labels separated by commas."""
    CODES = "codes"
    """Grunnkrets numbers (8 digits) separated by commas."""
    PATH = "path"
    """A file path (logo, font)."""
    FLAG = "flag"
    """Ja/Nei: whether an optional part of the plan is included."""
    FORMULA = "formula"
    """Computed by the workbook (e.g. a row sum); never read back."""
    PARENT = "parent"
    """Id of the row's parent on another sheet (goal hierarchy, programme, agreement …)."""
    CHOICE = "choice"
    """Which list a row belongs to (e.g. challenge or resource)."""


class Missing:
    """Marker for an empty cell: the field is left out and the model's default applies."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = Missing()

YES = ("Ja", "Ja")
NO = ("Nei", "Nei")
_TRUE = {"ja", "j", "yes", "true", "x", "sann"}
_FALSE = {"nei", "n", "no", "false", "usann"}

NUMBER_FORMATS: dict[Kind, str] = {
    Kind.INT: INTEGER_FORMAT,
    Kind.FLOAT: NUMBER_FORMAT,
    Kind.MONEY: MONEY_FORMAT,
    Kind.DATE: DATE_FORMAT,
    Kind.COUNT: INTEGER_FORMAT,
    Kind.FORMULA: MONEY_FORMAT,
}
"""Number format per kind; every other kind is text («@»)."""

_NO_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_SPLIT = re.compile(r"[,;\n]")


_EXCEL_EPOCH = dt.date(1899, 12, 30)
_YEAR_AS_SERIAL = (_EXCEL_EPOCH + dt.timedelta(days=1900), _EXCEL_EPOCH + dt.timedelta(days=2100))
"""A year (1900–2100) typed into a date-formatted cell becomes the days 1900–2100 after
Excel's epoch: 14.03.1905–30.09.1905. No plan has events then; the clerk typed a year."""


def number_format(kind: Kind) -> str:
    return NUMBER_FORMATS.get(kind, TEXT_FORMAT)


def in_language(language: Language, label: tuple[str, str]) -> str:
    return label[1] if language is Language.NN else label[0]


def to_cell(kind: Kind, value: Any, language: Language, enum: type[StrEnum] | None = None) -> Any:
    """A model value (from ``model_dump()``) as the cell shows it; None for an empty cell."""
    if value is None:
        return None
    if kind in (Kind.TEXT, Kind.ID, Kind.PARENT):
        return str(value)
    if kind is Kind.PATH:
        return str(value) if isinstance(value, Path | str) else None
    if kind in (Kind.IDS, Kind.CODES):
        return ", ".join(str(v) for v in value) if value else None
    if kind is Kind.ENUM:
        assert enum is not None
        return enum_label(enum(value), language)
    if kind is Kind.ENUMS:
        assert enum is not None
        return ", ".join(enum_label(enum(v), language) for v in value) if value else None
    if kind is Kind.WHEN:
        when = When.parse(value)
        if when.precision == "day":
            day = when.first_day()
            if _YEAR_AS_SERIAL[0] <= day <= _YEAR_AS_SERIAL[1]:
                return day.isoformat()  # as text: a date cell there reads back as a year
            return day  # a real date cell (its own number format)
        return format_when(when, language)  # «2013», «september 2013», «høsten 2013»
    if kind is Kind.DATE:
        # Excel's calendar starts in 1900; earlier dates stay ISO text and read back exactly.
        return value if value.year >= 1900 else value.isoformat()
    if kind is Kind.FLAG:
        return in_language(language, YES if value else NO)
    if kind is Kind.FLOAT:
        number = float(value)
        # openpyxl writes numbers with 16 significant digits; the few doubles that need 17
        # are kept exact as text (the reader parses it back).
        return number if float(f"{number:.16g}") == number else repr(number)
    return value


def _as_text(raw: Any) -> str:
    if isinstance(raw, str):
        return text_from_excel(raw)
    if isinstance(raw, bool):
        return "Ja" if raw else "Nei"
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() else repr(raw)
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def _whole(raw: Any, *, money: bool) -> int | str:
    what = "et beløp i hele kroner" if money else "et heltall"
    example = "f.eks. 250000" if money else "f.eks. 2026"
    if isinstance(raw, bool):
        raise ValueError(f"«{_as_text(raw)}» er ikke {what}; skriv {example}")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise ValueError(
            f"«{_as_text(raw)}» har desimaler; skriv {what} uten øre/desimaler, {example}"
        )
    if isinstance(raw, str):
        text = text_from_excel(raw).strip().replace("\u00a0", "").replace(" ", "")
        if money:
            text = re.sub(r"(?i)(kr\.?|nok)$", "", text).removesuffix(",-")
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        # «anslag 400 000», «4–5 mill. kr», «ca. 6000»: the model reads these itself
        if re.search(r"\d", text):
            return text_from_excel(raw).strip()
    raise ValueError(f"«{_as_text(raw)}» er ikke {what}; skriv {example}")


def _float(raw: Any) -> float | int:
    if isinstance(raw, bool):
        raise ValueError(f"«{_as_text(raw)}» er ikke et tall")
    if isinstance(raw, int | float):
        return raw
    text = text_from_excel(str(raw)).strip().replace("\u00a0", "").replace(" ", "")
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"«{_as_text(raw)}» er ikke et tall; skriv f.eks. 12,5") from None


def _date(raw: Any) -> Any:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        text = text_from_excel(raw).strip()
        match = _NO_DATE.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"«{text}» er ikke en gyldig dato") from None
        return text  # ISO dates and quarters («2026-Q2») are parsed by the model
    raise ValueError(f"«{_as_text(raw)}» er ikke en dato; skriv f.eks. 26.11.2026")


def _when(raw: Any) -> Any:
    """A date, a year, or text the model's When reads («september 2013», «høsten 2013»)."""
    if isinstance(raw, bool):
        raise ValueError(
            f"«{_as_text(raw)}» er ikke et tidspunkt; skriv f.eks. 2013, "
            "«september 2013», «høsten 2013» eller 3.9.2013"
        )
    if isinstance(raw, dt.datetime | dt.date):
        day = raw.date() if isinstance(raw, dt.datetime) else raw
        if _YEAR_AS_SERIAL[0] <= day <= _YEAR_AS_SERIAL[1]:
            return (day - _EXCEL_EPOCH).days
        return day
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise ValueError(f"«{_as_text(raw)}» er ikke et år; skriv f.eks. 2013")
    return _date(raw)


def _count(raw: Any) -> Any:
    """A whole number, or text the model's Count reads («ca. 6000», «opp mot 6000»)."""
    if isinstance(raw, str):
        text = text_from_excel(raw).strip()
        plain = text.replace("\u00a0", "").replace(" ", "")
        return int(plain) if re.fullmatch(r"\d+", plain) else text
    return _whole(raw, money=False)


def _label(enum: type[StrEnum], text: str, language: Language) -> str:
    value = enum_from_label(enum, text)
    if value is None:
        choices = ", ".join(enum_choices(enum, language))
        raise ValueError(f"ukjent verdi «{text.strip()}»; velg en av: {choices}")
    return value.value


def is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw == "")


def from_cell(kind: Kind, raw: Any, language: Language, enum: type[StrEnum] | None = None) -> Any:
    """A cell's value as model data, MISSING for an empty cell; ValueError with a Norwegian
    message when the value cannot be what the column needs."""
    if is_empty(raw):
        return MISSING
    if kind is Kind.TEXT:
        return _as_text(raw)
    if kind in (Kind.ID, Kind.PARENT, Kind.PATH, Kind.CHOICE):
        text = _as_text(raw).strip()
        return text if text else MISSING
    if kind is Kind.IDS:
        parts = [p.strip() for p in _SPLIT.split(_as_text(raw))]
        return [p for p in parts if p] or MISSING
    if kind is Kind.CODES:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return [str(raw).zfill(8)]
        parts = [p.strip() for p in re.split(r"[,;\s]+", _as_text(raw))]
        return [p for p in parts if p] or MISSING
    if kind is Kind.INT:
        return _whole(raw, money=False)
    if kind is Kind.MONEY:
        return _whole(raw, money=True)
    if kind is Kind.FLOAT:
        return _float(raw)
    if kind is Kind.DATE:
        return _date(raw)
    if kind is Kind.WHEN:
        return _when(raw)
    if kind is Kind.COUNT:
        return _count(raw)
    if kind is Kind.ENUM:
        assert enum is not None
        return _label(enum, _as_text(raw), language)
    if kind is Kind.ENUMS:
        assert enum is not None
        parts = [p for p in (p.strip() for p in _SPLIT.split(_as_text(raw))) if p]
        return [_label(enum, p, language) for p in parts] or MISSING
    if kind is Kind.FLAG:
        if isinstance(raw, bool):
            return raw
        text = _as_text(raw).strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(f"«{_as_text(raw).strip()}» er verken Ja eller Nei; velg Ja eller Nei")
    return MISSING  # FORMULA: computed by the workbook, never read


__all__ = [
    "MISSING",
    "NO",
    "YES",
    "Kind",
    "Missing",
    "from_cell",
    "in_language",
    "is_empty",
    "number_format",
    "to_cell",
]
