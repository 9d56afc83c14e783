"""Activities of the annual activity plans, their funding, and the budget frame."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from .base import Base, Id, Kroner, Text, Year, norwegian_date
from .enums import ActivityStatus, FundingSource

_QUARTER = re.compile(r"^\s*(?:(\d{4})\s*-?\s*[QqKk]([1-4])|[QqKk]([1-4])\s*(\d{4}))\s*$")

DateOrQuarter = Annotated[
    dt.date,
    BeforeValidator(norwegian_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": _QUARTER.pattern},
            ],
            "description": "A date (YYYY-MM-DD) or a quarter such as 2026-Q2.",
        }
    ),
]


def parse_quarter(value: str, *, end: bool) -> dt.date | None:
    """«2026-Q2», «Q2 2026» or «K2 2026» → first (or last) day of that quarter."""
    match = _QUARTER.match(value)
    if not match:
        return None
    year = int(match.group(1) or match.group(4))
    quarter = int(match.group(2) or match.group(3))
    if not end:
        return dt.date(year, 3 * quarter - 2, 1)
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


class Funding(Base):
    """Money by funding source, in whole kroner."""

    municipal: Kroner = 0
    state: Kroner = 0
    """Statlige midler (departement, Husbanken, direktorat)."""
    other: Kroner = 0
    """Andre midler: egenandel, eksterne, frivillige."""
    carried_over: Kroner = 0
    """Overført fra i fjor."""

    @property
    def total(self) -> int:
        return self.municipal + self.state + self.other + self.carried_over

    def amount(self, source: FundingSource) -> int:
        return int(getattr(self, source.value))


class BudgetFrame(Funding):
    """The economic frame of one year, by funding source."""

    year: Year
    note: Text = ""


class Activity(Base):
    """One measure (tiltak) in an annual activity plan."""

    id: Id = Field(examples=["2.3", "01-13"])
    year: Year
    title: Text = Field(min_length=1)
    description: Text = ""
    sub_programme_id: Id
    project_id: Id | None = None
    sub_project_id: Id | None = None
    sub_goal_ids: list[Id] = Field(default_factory=list)
    responsible_role_id: Id | None = None
    partner_ids: list[Id] = Field(default_factory=list)
    start: DateOrQuarter
    """Start date; quarters like «2026-Q2» are accepted and mean the quarter's first day."""
    end: DateOrQuarter
    """End date; quarters like «2026-Q4» are accepted and mean the quarter's last day."""
    milestone: Text = ""
    budget: Funding = Field(default_factory=Funding)
    status: ActivityStatus = ActivityStatus.PLANNED
    result_target: Text = ""
    """Resultatmål / indicator the activity is measured by."""

    @field_validator("start", mode="before")
    @classmethod
    def _start_quarter(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_quarter(value, end=False) or value
        return value

    @field_validator("end", mode="before")
    @classmethod
    def _end_quarter(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_quarter(value, end=True) or value
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Activity:
        if self.end < self.start:
            raise ValueError(
                f"sluttdato {self.end.isoformat()} er før startdato {self.start.isoformat()}"
            )
        return self
