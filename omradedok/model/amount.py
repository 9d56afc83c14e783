"""``Amount``: kroner that may be unknown, exact, an estimate («anslag») or a range.

A plan that says «4–5 mill. kr» or gives no cost at all must not print «4 500 000 kr» or
«0 kr». An Amount carries what the source says; sums carry whether some part was unknown
(«minst …») so that nothing is invented on the way to a table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from .base import MAX_KRONER
from .scalar import ParsedScalar

_UNKNOWN_WORDS = {"", "ukjent", "ikke fastsatt", "ikkje fastsett", "ikke oppgitt", "?", "–", "-"}
_ESTIMATE = re.compile(r"^(?:anslag(?:svis)?|anslått|overslag|ca\.?|cirka|omkring|~)\s*:?\s*")
_MILL = re.compile(r"\s*(mill(?:\.|ioner)?|mnok|mill\.\s*kr)\s*$")
_KR = re.compile(r"\s*(kr\.?|kroner|nok)\s*$")
_NUMBER = r"\d[\d\s\u00a0.]*(?:,\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\s*[-–—]\s*({_NUMBER})$")

ADVICE = (
    "skriv et helt kronebeløp («400000» eller «400 000 kr»), et anslag («anslag 400000»), et "
    "spenn («4–5 mill. kr» eller «400000–500000»), eller la feltet stå tomt når beløpet ikke er kjent"
)


@dataclass(frozen=True, eq=False)
class Amount(ParsedScalar):
    """Whole kroner as the source gives them.

    ``low is None`` – unknown. ``low == high`` – one figure (exact, or an estimate when
    ``estimate``). ``low < high`` – a range. ``partial`` marks a sum with unknown parts.
    """

    low: int | None = None
    high: int | None = None
    estimate: bool = False
    partial: bool = False

    def __post_init__(self) -> None:
        if (self.low is None) != (self.high is None):
            raise ValueError("et beløp trenger både nedre og øvre grense")
        if self.low is not None and self.high is not None:
            if self.low < 0:
                raise ValueError("beløpet kan ikke være negativt")
            if self.high < self.low:
                raise ValueError(f"spennet {self.low}–{self.high} går baklengs; bytt om tallene")

    # -- construction --------------------------------------------------------------------

    @classmethod
    def exact(cls, value: int) -> Amount:
        return cls(value, value)

    @classmethod
    def unknown(cls) -> Amount:
        return cls()

    @classmethod
    def parse(cls, value: Any) -> Amount:
        """An amount as the input writes it, within the model's bound for kroner (a sum of
        amounts may exceed it; a single input figure may not)."""
        amount = cls._parse(value)
        if amount.high is not None and amount.high > MAX_KRONER:
            raise ValueError(
                "beløpet er over 1 000 000 000 000 kr; skriv beløpet i hele kroner uten "
                "ekstra sifre"
            )
        return amount

    @classmethod
    def _parse(cls, value: Any) -> Amount:
        if isinstance(value, Amount):
            return value
        if value is None:
            return cls()
        if isinstance(value, bool):
            word = "true" if value else "false"
            raise ValueError(f"«{word}» er ja/nei, ikke et beløp; {ADVICE}")
        if isinstance(value, int):
            return cls.exact(value)
        if isinstance(value, float):
            if not math.isfinite(value):
                raise ValueError(f"«{value}» er ikke et beløp; {ADVICE}")
            if value != int(value):
                raise ValueError(f"«{value}» har øre; oppgi hele kroner")
            return cls.exact(int(value))
        if isinstance(value, dict):
            return _from_mapping(value)
        if isinstance(value, str):
            try:
                return _parse_text(value)
            except ValueError as exc:
                raise ValueError(
                    f"«{value.strip()}» kan ikke leses som beløp ({exc}); {ADVICE}"
                ) from None
        raise ValueError(f"«{value}» er ikke et beløp; {ADVICE}")

    # -- facts ---------------------------------------------------------------------------

    @property
    def known(self) -> bool:
        return self.low is not None

    @property
    def is_exact(self) -> bool:
        return self.known and self.low == self.high and not self.estimate and not self.partial

    @property
    def is_range(self) -> bool:
        return self.known and self.low != self.high

    def best(self) -> int:
        """One figure for charts and comparisons: the value, a range's middle, 0 if unknown."""
        if self.low is None or self.high is None:
            return 0
        return (self.low + self.high) // 2

    def __int__(self) -> int:
        return self.best()

    def __float__(self) -> float:
        return float(self.best())

    def __add__(self, other: Any) -> Amount:
        if isinstance(other, int) and not isinstance(other, bool):
            other = Amount.exact(other)
        if not isinstance(other, Amount):
            return NotImplemented
        if not self.known and not other.known:
            return Amount()
        if not self.known or not other.known:
            known = other if not self.known else self
            return Amount(known.low, known.high, known.estimate, partial=True)
        assert self.low is not None and self.high is not None
        assert other.low is not None and other.high is not None
        return Amount(
            self.low + other.low,
            self.high + other.high,
            self.estimate or other.estimate,
            self.partial or other.partial,
        )

    def __radd__(self, other: Any) -> Amount:
        if other == 0:
            return self
        return self.__add__(other)

    def __eq__(self, other: object) -> bool:
        """An exact amount equals its whole kroner (``Amount.exact(5) == 5``)."""
        if isinstance(other, int) and not isinstance(other, bool):
            return self.is_exact and self.low == other
        if isinstance(other, Amount):
            return (self.low, self.high, self.estimate, self.partial) == (
                other.low,
                other.high,
                other.estimate,
                other.partial,
            )
        return NotImplemented

    def __hash__(self) -> int:
        if self.is_exact:
            return hash(self.low)
        return hash((self.low, self.high, self.estimate, self.partial))

    def exceeds(self, other: Amount) -> bool:
        """Surely more than ``other``: even this amount's least is above the other's most."""
        if self.low is None or other.high is None:
            return False
        return self.low > other.high

    def key(self) -> int | str | None:
        """How the amount is written back to a file (what :meth:`parse` reads)."""
        if self.low is None or self.high is None:
            return None
        if self.low == self.high:
            return f"anslag {self.low}" if self.estimate else self.low
        text = f"{self.low}–{self.high}"
        return f"anslag {text}" if self.estimate else text

    # -- pydantic ------------------------------------------------------------------------

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "minLength": 1, "maxLength": 60},
                {
                    "type": "object",
                    "properties": {
                        "min": {"type": "integer", "minimum": 0},
                        "max": {"type": "integer", "minimum": 0},
                        "estimate": {"type": "boolean"},
                    },
                    "additionalProperties": False,
                },
            ],
            "description": (
                "Whole kroner: an exact figure (400000), an estimate («anslag 400000»), a range "
                "(«4–5 mill. kr», «400000–500000») or {min, max, estimate}. Leave it out when "
                "the amount is not known – it then prints «ikke fastsatt», never «0 kr»."
            ),
            "examples": [400000, "anslag 400000", "4–5 mill. kr"],
        }


def _number(text: str, millions: bool) -> int:
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if millions:
        value = (
            float(cleaned.replace(".", "").replace(",", ".")) if "," in cleaned else float(cleaned)
        )
        return round(value * 1_000_000)
    if "," in cleaned:
        whole, _, decimals = cleaned.partition(",")
        if decimals.strip("0"):
            raise ValueError("oppgi hele kroner, uten øre")
        cleaned = whole
    cleaned = cleaned.replace(".", "")
    if not cleaned.isdigit():
        raise ValueError("ikke et tall")
    return int(cleaned)


def _parse_text(value: str) -> Amount:
    text = " ".join(value.strip().casefold().replace("\u00a0", " ").split())
    if text in _UNKNOWN_WORDS:
        return Amount()
    estimate = False
    if match := _ESTIMATE.match(text):
        estimate = True
        text = text[match.end() :]
    if text.endswith("(anslag)"):
        estimate = True
        text = text[: -len("(anslag)")].strip()
    text = _KR.sub("", text)
    millions = False
    if match := _MILL.search(text):
        millions = True
        text = text[: match.start()]
    text = text.strip()
    if match := _RANGE.match(text):
        low, high = (_number(g, millions) for g in match.groups())
        return Amount(low, high, estimate)
    if not re.fullmatch(_NUMBER, text):
        raise ValueError("ikke et tall")
    number = _number(text, millions)
    return Amount(number, number, estimate)


def _from_mapping(value: dict[str, Any]) -> Amount:
    unknown = set(value) - {"min", "max", "estimate"}
    if unknown:
        raise ValueError(f"ukjente nøkler {sorted(unknown)}; bruk min, max og estimate")
    low, high = value.get("min"), value.get("max", value.get("min"))
    if low is None:
        low = high
    for part in (low, high):
        if part is not None and (not isinstance(part, int) or isinstance(part, bool)):
            raise ValueError("min og max må være hele kroner")
    return Amount(low, high, bool(value.get("estimate", False)))


def add_up(parts: Iterable[Amount | None]) -> Amount:
    """The sum of amounts: exact 0 for nothing, «minst …» when some part is unknown
    (None counts as «not part of it», an unknown Amount as unknown)."""
    given = [p for p in parts if p is not None]
    if given and not any(p.known for p in given):
        return Amount.unknown()
    total = Amount.exact(0)
    for part in given:
        total = total + part
    return total
