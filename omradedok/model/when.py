"""``When``: a point in time known to the year, season, quarter, month or day – no more.

Real plans say «2013», «høsten 2013», «september 2013» or «3.9.2013». A full date would
invent the rest, so a When keeps the precision it was given and prints at that precision.
Season words are accepted as their own precision (vår, sommer, høst, vinter), because
clerks type them and the sources say them; they are ordered as parts of their year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from .scalar import ParsedScalar

SEASONS = ("spring", "summer", "autumn", "winter")
"""Season keys in the order of the year (winter = the end of the year, as «vinteren 2013»
in a plan means november–desember more often than januar)."""

_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 12)}
_SEASON_WORDS = {
    "spring": ("vår", "våren", "vårparten"),
    "summer": ("sommer", "sommeren", "sommar", "sommaren"),
    "autumn": ("høst", "høsten", "haust", "hausten"),
    "winter": ("vinter", "vinteren"),
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "jan"),
            ("februar", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("mai",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("desember", "des"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_NORWEGIAN_DAY = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$")
_QUARTER = re.compile(
    r"^(?:(\d{4})\s*-?\s*[QqKk]([1-4])|[QqKk]([1-4])\s*(\d{4})|([1-4])\.\s*kvartal\s+(\d{4}))$"
)
_SEASON_KEY = re.compile(r"^(\d{4})-(spring|summer|autumn|winter)$")
_WORDS = re.compile(r"^(?:(\d{1,2})\.\s*)?([a-zæøå]+)\.?\s+(\d{4})$")

ADVICE = (
    "skriv et år («2013»), en måned («2013-09» eller «september 2013»), en dato («2013-09-03» "
    "eller «3.9.2013»), et kvartal («2013-Q3») eller en årstid («høsten 2013»)"
)


@dataclass(frozen=True, eq=False)
class When(ParsedScalar):
    """A date at the precision the source gives: year, season, quarter, month or day."""

    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 2100:
            raise ValueError(f"året {self.year} er utenfor 1900–2100")
        if self.day is not None and self.month is None:
            raise ValueError("en dag krever en måned")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"måneden {self.month} finnes ikke (1–12)")
        if self.day is not None and self.month is not None:
            dt.date(self.year, self.month, self.day)  # raises for 31. februar
        if self.season is not None and self.season not in SEASONS:
            raise ValueError(f"ukjent årstid «{self.season}»")
        parts = [self.month is not None, self.season is not None, self.quarter is not None]
        if sum(parts) > 1:
            raise ValueError("oppgi enten måned, årstid eller kvartal")

    # -- construction --------------------------------------------------------------------

    @classmethod
    def of(cls, value: dt.date) -> When:
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, value: Any) -> When:
        """Read a year, an ISO or Norwegian date, a month, a quarter or a season."""
        if isinstance(value, When):
            return value
        if isinstance(value, dt.datetime):
            return cls.of(value.date())
        if isinstance(value, dt.date):
            return cls.of(value)
        if isinstance(value, bool):
            raise ValueError(f"«{value}» er ikke et tidspunkt; {ADVICE}")
        if isinstance(value, int):
            return cls(value)
        if not isinstance(value, str):
            raise ValueError(f"«{value}» er ikke et tidspunkt; {ADVICE}")
        text = " ".join(value.strip().casefold().split())
        try:
            return _parse_text(text)
        except ValueError as exc:
            raise ValueError(
                f"«{value.strip()}» kan ikke leses som tidspunkt ({exc}); {ADVICE}"
            ) from None

    # -- facts ---------------------------------------------------------------------------

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        if self.quarter is not None:
            return "quarter"
        if self.season is not None:
            return "season"
        return "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, *self._month_span()[:1], self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self._month_span()[1]
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def _month_span(self) -> tuple[int, int]:
        if self.month is not None:
            return self.month, self.month
        if self.quarter is not None:
            return 3 * self.quarter - 2, 3 * self.quarter
        if self.season is not None:
            return _SEASON_MONTHS[self.season]
        return 1, 12

    def key(self) -> str:
        """The canonical form written back to files: «2013», «2013-09», «2013-09-03»,
        «2013-Q3», «2013-autumn»."""
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.quarter is not None:
            return f"{self.year:04d}-Q{self.quarter}"
        if self.season is not None:
            return f"{self.year:04d}-{self.season}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.key()

    def __eq__(self, other: object) -> bool:
        """A day-precision When equals that date."""
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            return self.precision == "day" and self.first_day() == other
        if isinstance(other, When):
            return self.key() == other.key()
        return NotImplemented

    def __hash__(self) -> int:
        if self.precision == "day":
            return hash(self.first_day())
        return hash(self.key())

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return self.first_day(), self.last_day()

    def __lt__(self, other: When) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: When) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: When) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: When) -> bool:
        return self.sort_key() >= other.sort_key()

    # -- pydantic ------------------------------------------------------------------------

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1900, "maximum": 2100},
                {"type": "string", "minLength": 4, "maxLength": 40},
            ],
            "description": (
                "A point in time at the precision the source gives: a year (2013), a month "
                "(2013-09, «september 2013»), a day (2013-09-03, «3.9.2013»), a quarter "
                "(2013-Q3) or a season («høsten 2013», 2013-autumn)."
            ),
            "examples": [2013, "2013-09", "2013-09-03", "høsten 2013"],
        }


def _parse_text(text: str) -> When:
    if match := _ISO.match(text):
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return When(year, month, day)
    if match := _NORWEGIAN_DAY.match(text):
        day, month, year = (int(g) for g in match.groups())
        return When(year, month, day)
    if match := _QUARTER.match(text):
        groups = match.groups()
        year = int(groups[0] or groups[3] or groups[5])
        quarter = int(groups[1] or groups[2] or groups[4])
        return When(year, quarter=quarter)
    if match := _SEASON_KEY.match(text):
        return When(int(match.group(1)), season=match.group(2))
    if match := _WORDS.match(text):
        day_text, word, year_text = match.groups()
        year = int(year_text)
        if word in _MONTHS:
            return When(year, _MONTHS[word], int(day_text) if day_text else None)
        for season, words in _SEASON_WORDS.items():
            if word in words and day_text is None:
                return When(year, season=season)
        raise ValueError(f"ukjent måned eller årstid «{word}»")
    raise ValueError("ukjent form")


def when_or_none(value: Any) -> When | None:
    return None if value is None else When.parse(value)
