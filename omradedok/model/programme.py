"""Programme structure: program → delprogram → prosjekt → delprosjekt."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Id, Text, Year
from .enums import LevelTerm, MeasureType


class SubProject(Base):
    id: Id
    name: Text = Field(min_length=1)
    description: Text = ""
    owner_role_id: Id | None = None
    goal_ids: list[Id] = Field(default_factory=list)
    start_year: Year | None = None
    end_year: Year | None = None
    measure_types: list[MeasureType] = Field(default_factory=list)


class Project(Base):
    id: Id
    name: Text = Field(min_length=1)
    description: Text = ""
    owner_role_id: Id | None = None
    goal_ids: list[Id] = Field(default_factory=list)
    start_year: Year | None = None
    end_year: Year | None = None
    measure_types: list[MeasureType] = Field(default_factory=list)
    objectives: list[Text] = Field(default_factory=list)
    """The project's own goals, as its description states them."""
    owner_ids: list[Id] = Field(default_factory=list)
    """Owning parties: partner ids, body ids or «kommunen» (several: shared ownership)."""
    sub_projects: list[SubProject] = Field(default_factory=list)


class SubProgramme(Base):
    """Delprogram / innsatsområde, e.g. «Oppvekst og utdanning»."""

    id: Id
    name: Text = Field(min_length=1)
    description: Text = ""
    owner_role_id: Id | None = None
    goal_ids: list[Id] = Field(default_factory=list)
    measure_types: list[MeasureType] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)


class Programme(Base):
    name: Text = ""
    description: Text = ""
    level_term: LevelTerm = LevelTerm.SUB_PROGRAMME
    """What the first level is called in this initiative (delprogram, satsingsområde …);
    every heading and label uses it."""
    sub_programmes: list[SubProgramme] = Field(default_factory=list)
