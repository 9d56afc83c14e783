"""The Initiative: one områdesatsing, the single source of truth for every document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from .activities import Activity, BudgetFrame, Funding
from .agreements import Agreement
from .base import Base, Text, WholeNumber
from .communication import CommunicationPlan
from .council import CouncilCase
from .evaluation import EvaluationPlan
from .goals import Goals, Indicator, MainGoal, Strategy, SubGoal
from .municipality import Area, Municipality
from .organisation import Organisation, Partner, Role
from .plan import Decision, DocumentInfo, KnowledgeBase, Milestone, Participation, Period
from .programme import Programme
from .report import AnnualReport
from .tasks import Task

SCHEMA_VERSION: Literal[2] = 2


def _version_number(value: Any) -> Any:
    """«2» from a workbook cell or a quoted YAML value is version 2."""
    return 2 if value == "2" else value


class Initiative(Base):
    """An områdesatsing (area-based initiative) with everything phase 2 documents need."""

    schema_version: Annotated[Literal[2], BeforeValidator(_version_number)] = 2
    """Version 2 of the input format; version-1 files are read through io.migrate."""
    title: Text = Field(min_length=1, examples=["Områdeløft Nordbyen"])
    municipality: Municipality
    area: Area
    period: Period
    phase: WholeNumber = Field(default=2, ge=1, le=5)
    """Current phase of the method (1 kunnskapsgrunnlag … 5 videreføring)."""
    document: DocumentInfo
    summary: Text = ""
    background: Text = ""
    purpose: Text = ""
    knowledge_base: KnowledgeBase = Field(default_factory=KnowledgeBase)
    anchoring: list[Decision] = Field(default_factory=list)
    """Political and administrative decisions so far (forankring)."""
    goals: Goals = Field(default_factory=Goals)
    strategies: list[Strategy] = Field(default_factory=list)
    programme: Programme = Field(default_factory=Programme)
    organisation: Organisation = Field(default_factory=Organisation)
    partners: list[Partner] = Field(default_factory=list)
    participation: Participation = Field(default_factory=Participation)
    activities: list[Activity] = Field(default_factory=list)
    budget_frame: list[BudgetFrame] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    communication: CommunicationPlan | None = None
    evaluation: EvaluationPlan | None = None
    agreements: list[Agreement] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    """Tasks beyond activities and projects, with each party's role (the role matrix)."""
    council_case: CouncilCase | None = None
    annual_reports: list[AnnualReport] = Field(default_factory=list)
    """The yearly status reports' own texts (summary, next year's priorities), one per year;
    the activities' statuses are under each activity's ``reports``."""

    # -- derived views used by several documents -------------------------------------------

    def sub_goals(self) -> Iterator[tuple[MainGoal, SubGoal]]:
        for main in self.goals.main_goals:
            for sub in main.sub_goals:
                yield main, sub

    def indicators(self) -> Iterator[tuple[str, Indicator]]:
        """Every indicator with the id of the goal it measures, in plan order."""
        for main in self.goals.main_goals:
            for ind in main.indicators:
                yield main.id, ind
            for sub in main.sub_goals:
                for ind in sub.indicators:
                    yield sub.id, ind
                for res in sub.result_goals:
                    for ind in res.indicators:
                        yield res.id, ind

    def activity_years(self) -> list[int]:
        return sorted({y for a in self.activities for y in a.years})

    def report_years(self) -> list[int]:
        """The years with report data, each of which gets an årsrapport: a year an activity
        reports on (status, reason or money used), an indicator is observed in within the
        period, or ``annual_reports`` gives a text for."""
        years = {r.year for a in self.activities for r in a.reports if r.has_data}
        period = range(self.period.start_year, self.period.end_year + 1)
        years |= {o.year for _, i in self.indicators() for o in i.observations if o.year in period}
        years |= {r.year for r in self.annual_reports if r.has_data}
        return sorted(years)

    def annual_report(self, year: int) -> AnnualReport | None:
        return next((r for r in self.annual_reports if r.year == year), None)

    def activities_in(self, year: int) -> list[Activity]:
        """The activities of one year's plan: those of that year and the multi-year ones
        that run in it."""
        return [a for a in self.activities if year in a.years]

    def frame_total(self) -> Funding:
        """The economic frame of the whole period, summed per source."""
        from .amount import Amount, add_up

        sums: dict[str, Amount | None] = {}
        for key in ("municipal", "state", "other", "carried_over"):
            given = [getattr(b, key) for b in self.budget_frame if getattr(b, key) is not None]
            sums[key] = add_up(given) if given else None
        return Funding(**sums)

    def partner(self, partner_id: str) -> Partner | None:
        return next((p for p in self.partners if p.id == partner_id), None)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.organisation.roles if r.id == role_id), None)

    def budget_frame_for(self, year: int) -> BudgetFrame | None:
        return next((b for b in self.budget_frame if b.year == year), None)
