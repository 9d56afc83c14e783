"""Activities of the annual activity plans, their funding, and the budget frame."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from pydantic import Field, model_validator

from .amount import Amount, add_up
from .base import Base, Id, Text, Year
from .enums import ActivityStatus, FundingSource, ReportStatus
from .when import When

_QUARTER = re.compile(r"^\s*(?:(\d{4})\s*-?\s*[QqKk]([1-4])|[QqKk]([1-4])\s*(\d{4}))\s*$")


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
    """Money by funding source. A source left out is not part of this funding; a funding
    with no source at all is unknown (it prints «ikke fastsatt», never «0 kr»)."""

    municipal: Amount | None = None
    state: Amount | None = None
    """Statlige midler (departement, Husbanken, direktorat)."""
    other: Amount | None = None
    """Andre midler: egenandel, eksterne, frivillige."""
    carried_over: Amount | None = None
    """Overført fra i fjor."""

    @property
    def known(self) -> bool:
        """Whether the input gives any amount at all."""
        return any(getattr(self, s.value) is not None for s in FundingSource)

    @property
    def total(self) -> Amount:
        """The sum of the given sources; unknown when none is given."""
        parts = [getattr(self, s.value) for s in FundingSource]
        given = [p for p in parts if p is not None]
        if not given:
            return Amount.unknown()
        return add_up(given)

    def amount(self, source: FundingSource) -> Amount | None:
        """The amount of one source; None when that source is not part of this funding."""
        value: Amount | None = getattr(self, source.value)
        return value

    @classmethod
    def sum_of(cls, parts: Iterable[Funding]) -> Funding:
        """The fundings added up by source – the one budget sum every document prints.
        A part with no known amount at all makes each source a «minst» sum; a source no
        part has sums to an exact 0 (the sum of nothing)."""
        given = [(p, p.known) for p in parts]
        unknown = Amount.unknown()
        sums: dict[str, Amount] = {}
        for source in FundingSource:
            sums[source.value] = add_up(
                p.amount(source) if known else unknown for p, known in given
            )
        return cls(**sums)


class BudgetFrame(Funding):
    """The economic frame of one year, by funding source (an estimate where it is one)."""

    year: Year
    note: Text = ""


class YearShare(Funding):
    """A multi-year activity's budget in one of its years."""

    year: Year


class ActivityReport(Base):
    """What one year's årsrapport says about an activity: its status at the end of the year,
    why (where given) and the money used that year by funding source."""

    year: Year
    status: ReportStatus | None = None
    """completed, ongoing, postponed or cancelled; left out, the report says «ikke
    rapportert» (never a status nobody gave)."""
    reason: Text = ""
    """Why it was postponed or cancelled, or what else the year's status needs said."""
    spent: Funding = Field(default_factory=Funding)
    """Money used that year (regnskap) by source. A source the year's budget has but
    ``spent`` leaves out is unknown («ikke rapportert»), never 0 kr."""

    @property
    def has_data(self) -> bool:
        return self.status is not None or self.spent.known or bool(self.reason)


class Activity(Base):
    """One measure (tiltak): in one year's activity plan, or spanning several years."""

    id: Id = Field(examples=["2.3", "01-13"])
    year: Year | None = None
    """The activity plan it belongs to; leave it out when start and end give the years."""
    title: Text = Field(min_length=1)
    description: Text = ""
    sub_programme_id: Id | None = None
    project_id: Id | None = None
    sub_project_id: Id | None = None
    goal_ids: list[Id] = Field(default_factory=list)
    """Goals of any level (hovedmål, delmål, resultatmål) the activity serves directly."""
    sub_goal_ids: list[Id] = Field(default_factory=list)
    responsible_role_id: Id | None = None
    owner_ids: list[Id] = Field(default_factory=list)
    """Owners: partner ids, body ids or «kommunen»; several owners share the ownership."""
    partner_ids: list[Id] = Field(default_factory=list)
    """Partners: partner ids, body ids or «kommunen» (the municipality itself)."""
    start: When | None = None
    """When it starts, at the precision known: «2013», «høsten 2013», «2013-09-03»."""
    end: When | None = None
    """When it ends, at the precision known."""
    milestone: Text = ""
    budget: Funding = Field(default_factory=Funding)
    """The budget of the whole activity (all its years); leave it out when not known."""
    budget_by_year: list[YearShare] = Field(default_factory=list)
    """A multi-year activity's budget split by year, where known."""
    status: ActivityStatus | None = None
    result_target: Text = ""
    """Resultatmål / indicator the activity is measured by."""
    reports: list[ActivityReport] = Field(default_factory=list)
    """The yearly status reports (årsrapport): one per year the activity runs in."""

    @model_validator(mode="after")
    def _placed_in_time(self) -> Activity:
        if self.year is None and self.start is None and self.end is None:
            raise ValueError(
                "aktiviteten mangler tid: oppgi year (aktivitetsplanens år) eller start "
                "(og gjerne end), for eksempel «start: 2013» og «end: 2020»"
            )
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"slutt {self.end} er før start {self.start}")
        years = {share.year for share in self.budget_by_year}
        if len(years) != len(self.budget_by_year):
            raise ValueError("budget_by_year har samme år flere ganger")
        outside = sorted(years - set(self.years))
        if outside:
            raise ValueError(
                f"budget_by_year har år utenfor aktivitetens tid ({', '.join(map(str, outside))})"
            )
        reported = [r.year for r in self.reports]
        if len(set(reported)) != len(reported):
            raise ValueError("reports har samme år flere ganger; skriv én rapport per år")
        outside = sorted(set(reported) - set(self.years))
        if outside:
            raise ValueError(
                f"reports har år utenfor aktivitetens tid ({', '.join(map(str, outside))}); "
                "en aktivitet rapporteres bare for årene den går"
            )
        return self

    def report(self, year: int) -> ActivityReport | None:
        """The activity's status report for ``year``, if the input gives one."""
        return next((r for r in self.reports if r.year == year), None)

    @property
    def years(self) -> list[int]:
        """Every year the activity runs in (the activity plans it appears in)."""
        known = [w.year for w in (self.start, self.end) if w is not None]
        if self.year is not None:
            known.append(self.year)
        return list(range(min(known), max(known) + 1))

    def span(self) -> tuple[dt.date, dt.date]:
        """First and last day the activity may run (a year-only start is 1 January; for
        charts and ordering only – documents print the When as given)."""
        years = self.years
        first = self.start.first_day() if self.start else dt.date(years[0], 1, 1)
        last = self.end.last_day() if self.end else dt.date(years[-1], 12, 31)
        return first, max(first, last)

    @property
    def multi_year(self) -> bool:
        return len(self.years) > 1

    def share(self, year: int) -> Funding:
        """The activity's budget in one year: its split for that year, the whole budget for
        a single-year activity, or an unknown funding (a multi-year activity without split)."""
        for part in self.budget_by_year:
            if part.year == year:
                return Funding(**{s.value: part.amount(s) for s in FundingSource})
        if not self.multi_year:
            return self.budget
        return Funding()

    def total_budget(self) -> Funding:
        """The whole budget: given, or the sum of the yearly split."""
        if self.budget.known or not self.budget_by_year:
            return self.budget
        sums: dict[str, Amount | None] = {}
        for source in FundingSource:
            parts = [p.amount(source) for p in self.budget_by_year]
            given = [p for p in parts if p is not None]
            sums[source.value] = add_up(given) if given else None
        return Funding(**sums)
