"""``Count``: a number of people (or things) as a source states it: «6000», «ca. 6000»,
«opp mot 6000», «over 6000» – the qualifier is part of the fact and is printed with it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from .base import MAX_COUNT
from .scalar import ParsedScalar

QUALIFIERS = {
    "about": ("ca.", "ca."),
    "up_to": ("opp mot", "opp mot"),
    "over": ("over", "over"),
    "under": ("under", "under"),
}
_WORDS = {
    "ca.": "about",
    "ca": "about",
    "cirka": "about",
    "omkring": "about",
    "rundt": "about",
    "~": "about",
    "opp mot": "up_to",
    "nesten": "up_to",
    "inntil": "up_to",
    "over": "over",
    "mer enn": "over",
    "meir enn": "over",
    "under": "under",
    "færre enn": "under",
}
_PATTERN = re.compile(
    r"^(?:(" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)) + r")\s*)?"
    r"(\d[\d\s\u00a0]*)$"
)
ADVICE = "skriv et tall («6000»), eventuelt med «ca.», «opp mot», «over» eller «under» foran"


@dataclass(frozen=True)
class Count(ParsedScalar):
    """A whole number with an optional qualifier (about, up_to, over, under)."""

    value: int
    qualifier: str | None = None

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("antallet kan ikke være negativt")
        if self.value > MAX_COUNT:
            raise ValueError(
                f"{self.value} er for stort; største tillatte verdi er {MAX_COUNT}"
            )
        if self.qualifier is not None and self.qualifier not in QUALIFIERS:
            raise ValueError(f"ukjent presisering «{self.qualifier}»")

    @classmethod
    def parse(cls, value: Any) -> Count:
        if isinstance(value, Count):
            return value
        if isinstance(value, bool):
            word = "true" if value else "false"
            raise ValueError(
                f"«{word}» er ja/nei, ikke et antall; skriv et helt tall, for eksempel 4200"
            )
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if isinstance(value, dict) and set(value) <= {"value", "qualifier"} and "value" in value:
            return cls(int(value["value"]), value.get("qualifier"))
        if isinstance(value, str):
            text = " ".join(value.strip().casefold().replace("\u00a0", " ").split())
            match = _PATTERN.match(text)
            if match:
                word, number = match.groups()
                return cls(int(number.replace(" ", "")), _WORDS[word] if word else None)
        raise ValueError(f"«{value}» kan ikke leses som antall; {ADVICE}")

    def key(self) -> int | str:
        if self.qualifier is None:
            return self.value
        return f"{QUALIFIERS[self.qualifier][0]} {self.value}"

    def __int__(self) -> int:
        return self.value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "minLength": 1, "maxLength": 40},
            ],
            "description": "A count, optionally qualified: 6000, «ca. 6000», «opp mot 6000».",
            "examples": [6000, "ca. 6000", "opp mot 6000"],
        }
