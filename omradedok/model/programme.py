"""Programme structure: program → delprogram → prosjekt → delprosjekt."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Id, Text, Year
from .enums import MeasureType


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
    sub_programmes: list[SubProgramme] = Field(default_factory=list)
