"""Tasks declared for the role and responsibility matrix, each with every party's part.

Activities and projects give the matrix most of its rows; a task that is neither (the annual
report, the contact with the county's grant office) is declared here with the parties' roles,
so the matrix never has to guess roles from a body's mandate or a role's prose.
"""

from __future__ import annotations

from pydantic import Field

from .base import Base, Id, Text
from .enums import Involvement


class TaskRole(Base):
    """One party's part in a task."""

    party_id: Id
    """A role, body or partner id, or «kommunen» for the municipality itself."""
    involvement: Involvement


class Task(Base):
    """A task of the initiative with its parties: exactly one of them Ansvarlig."""

    id: Id
    text: Text = Field(min_length=1)
    sub_programme_id: Id | None = None
    """The delprogram the task belongs to (groups the matrix); none for programme-wide tasks."""
    roles: list[TaskRole] = Field(min_length=1)
