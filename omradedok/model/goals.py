"""The goal hierarchy (hovedmål → delmål → resultatmål) with indicators, and strategies."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Id, Measure, Text, Year
from .enums import Frequency


class Baseline(Base):
    """The nullpunkt: value measured in a year, from a source."""

    value: Measure
    year: Year
    source: Text = ""


class Target(Base):
    value: Measure
    year: Year


class Indicator(Base):
    """How progress towards a goal is measured."""

    id: Id
    name: Text = Field(min_length=1)
    unit: Text = Field(default="", examples=["prosent", "antall"])
    baseline: Baseline | None = None
    target: Target | None = None
    data_source: Text = ""
    frequency: Frequency = Frequency.YEARLY
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
