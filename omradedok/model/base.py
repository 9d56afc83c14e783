"""Shared building blocks of the model: the strict base class and checked value types."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

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
    return value


Text = Annotated[str, AfterValidator(_check_text)]
"""Free text that is safe to put into DOCX, XLSX and PDF (no XML-illegal control characters)."""

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

Year = Annotated[int, Field(ge=1990, le=2100, description="Calendar year.")]

Kroner = Annotated[
    int, Field(ge=0, description="Whole Norwegian kroner (never øre, never a float).")
]


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
