"""Shared building blocks of the model: the strict base class and checked value types."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from .passages import LANGUAGES
from .passages import check as check_passages

# XML 1.0 forbids these; Word, Excel and PDF writers would produce corrupt files with them.
_ILLEGAL_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _check_text(value: str) -> str:
    match = _ILLEGAL_CONTROL.search(value)
    if match:
        code = f"U+{ord(match.group()):04X}"
        raise ValueError(
            f"teksten inneholder det ulovlige kontrolltegnet {code} (posisjon {match.start() + 1}); "
            "fjern det – ofte kommer det fra kopiering fra et annet program"
        )
    return check_passages(value)


def _unquoted_marker(value: Any) -> Any:
    """YAML reads an unquoted ``[se: Ođđa searvi]`` as a list holding a mapping: say how to
    write it, instead of pydantic's «Input should be a valid string»."""
    if (
        isinstance(value, list)
        and value
        and isinstance(value[0], dict)
        and len(value[0]) == 1
        and str(next(iter(value[0]))).split("-")[0] in LANGUAGES
    ):
        code = next(iter(value[0]))
        raise ValueError(
            f"en tekst som begynner med språkmerket «[{code}: …]» må stå i anførselstegn i YAML, "
            f'for eksempel «"[{code}: {value[0][code]}]"»; uten anførselstegn leses klammene '
            "som en liste"
        )
    return value


Text = Annotated[str, BeforeValidator(_unquoted_marker), AfterValidator(_check_text)]
"""Free text that is safe to put into DOCX, XLSX and PDF (no XML-illegal control characters),
where ``[se: …]`` marks a passage in another language (see :mod:`omradedok.model.passages`)."""

Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=40,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$",
        description="Identifier used for cross-references (letters, digits, '.', '-', '_').",
        examples=["HM1", "DM1.2", "DP2", "2.3"],
    ),
]

MAX_KRONER = 10**12
"""1 000 milliarder kroner: far beyond any budget, and still formatted by Babel."""
MAX_COUNT = 100_000_000
"""Residents, participants …: more than the whole country has."""
MAX_MEASURE = 10**12
"""Indicator values (percent, counts, kroner per resident) stay well inside this."""


def _refusing_bool(what: str, example: str) -> BeforeValidator:
    """YAML/JSON ``true`` is a yes/no, never the number 1 (pydantic would take it as 1)."""

    def check(value: Any) -> Any:
        if isinstance(value, bool):
            word = "true" if value else "false"
            raise ValueError(f"«{word}» er ja/nei, ikke {what}; skriv {example}")
        return value

    return BeforeValidator(check)


Year = Annotated[
    int,
    _refusing_bool("et årstall", "et årstall med fire sifre, for eksempel 2027"),
    Field(ge=1990, le=2100, description="Calendar year."),
]

Kroner = Annotated[
    int,
    _refusing_bool("et beløp", "beløpet i hele kroner, for eksempel 250000"),
    Field(ge=0, le=MAX_KRONER, description="Whole Norwegian kroner (never øre, never a float)."),
]

Count = Annotated[
    int,
    _refusing_bool("et antall", "et helt tall, for eksempel 4200"),
    Field(ge=0, le=MAX_COUNT),
]

Measure = Annotated[
    float,
    _refusing_bool("et tall", "et tall, for eksempel 12.5"),
    Field(allow_inf_nan=False, ge=-MAX_MEASURE, le=MAX_MEASURE),
]

WholeNumber = Annotated[int, _refusing_bool("et tall", "et helt tall, for eksempel 3")]

_NORWEGIAN_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


def norwegian_date(value: Any) -> Any:
    """«26.11.2026» (as the clerks' guide and the workbook write dates) is a date too."""
    if isinstance(value, bool):
        raise ValueError(
            f"«{str(value).lower()}» er ja/nei, ikke en dato; skriv datoen som 26.11.2026"
        )
    if isinstance(value, str):
        match = _NORWEGIAN_DATE.match(value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise ValueError(
                    f"«{value.strip()}» er ikke en gyldig dato (den dagen finnes ikke); "
                    "skriv en dato som finnes, for eksempel 26.11.2026"
                ) from None
    return value


Date = Annotated[dt.date, BeforeValidator(norwegian_date)]
"""A date: 2026-11-26 in YAML/JSON, or 26.11.2026 as the clerks' guide writes it."""


def _check_org_number(value: str) -> str:
    digits = value.replace(" ", "")
    if not re.fullmatch(r"\d{9}", digits):
        raise ValueError("organisasjonsnummer må ha 9 sifre, for eksempel «940 155 223»")
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    if check == 10 or check != int(digits[8]):
        raise ValueError(
            f"organisasjonsnummeret {digits} har feil kontrollsiffer (mod 11); "
            "sjekk nummeret i Enhetsregisteret"
        )
    return digits


OrgNumber = Annotated[
    str,
    AfterValidator(_check_org_number),
    Field(
        description="Organisation number from Enhetsregisteret: 9 digits with a mod-11 check digit.",
        examples=["940155223"],
    ),
]


class Base(BaseModel):
    """Strict base: unknown keys are errors, so a typo never disappears silently."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_attribute_docstrings=True,
        ser_json_inf_nan="strings",
    )
