"""The goal hierarchy (hovedmål → delmål → resultatmål) with indicators, and strategies."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Id, Measure, Text, Year
from .enums import Frequency


class Baseline(Base):
    """The nullpunkt: value measured in a year (when the source gives it), from a source."""

    value: Measure
    year: Year | None = None
    source: Text = ""


class Observation(Base):
    """A value observed in a year (results over time: 27 % → full coverage)."""

    value: Measure
    year: Year
    source: Text = ""


class Target(Base):
    value: Measure
    year: Year | None = None


class Indicator(Base):
    """How progress towards a goal is measured."""

    id: Id
    name: Text = Field(min_length=1)
    unit: Text = Field(default="", examples=["prosent", "antall"])
    baseline: Baseline | None = None
    target: Target | None = None
    observations: list[Observation] = Field(default_factory=list)
    """Values observed over time, in addition to baseline and target."""
    data_source: Text = ""
    frequency: Frequency | None = None
    responsible_role_id: Id | None = None


class ResultGoal(Base):
    """Resultatmål: a concrete, checkable result under a sub-goal."""

    id: Id
    title: Text = Field(min_length=1)
    indicators: list[Indicator] = Field(default_factory=list)


class SubGoal(Base):
    """Delmål / effektmål."""

    id: Id
    title: Text = Field(min_length=1)
    description: Text = ""
    indicators: list[Indicator] = Field(default_factory=list)
    result_goals: list[ResultGoal] = Field(default_factory=list)


class MainGoal(Base):
    """Hovedmål / samfunnsmål."""

    id: Id
    title: Text = Field(min_length=1)
    description: Text = ""
    indicators: list[Indicator] = Field(default_factory=list)
    sub_goals: list[SubGoal] = Field(default_factory=list)


class Goals(Base):
    vision: Text = ""
    main_goals: list[MainGoal] = Field(default_factory=list)


class Strategy(Base):
    """A strategy with its methods, pointing at the goals it serves."""

    id: Id
    title: Text = Field(min_length=1)
    description: Text = ""
    methods: list[Text] = Field(default_factory=list)
    goal_ids: list[Id] = Field(default_factory=list)
