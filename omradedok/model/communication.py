"""The communication plan (kommunikasjonsplan)."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Id, Text
from .enums import ChannelKind


class TargetGroup(Base):
    id: Id
    name: Text = Field(min_length=1)
    description: Text = ""


class Channel(Base):
    id: Id
    kind: ChannelKind
    name: Text = Field(min_length=1)
    description: Text = ""


class CommunicationMeasure(Base):
    """A row of the measures table: what, through which channel, to whom, when, by whom."""

    activity: Text = Field(min_length=1)
    channel_ids: list[Id] = Field(default_factory=list)
    target_group_ids: list[Id] = Field(default_factory=list)
    timing: Text = ""
    responsible_role_id: Id | None = None
    resources: Text = ""


class CommunicationPlan(Base):
    goals: list[Text] = Field(default_factory=list)
    target_groups: list[TargetGroup] = Field(default_factory=list)
    core_messages: list[Text] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    languages: list[Text] = Field(default_factory=list)
    measures: list[CommunicationMeasure] = Field(default_factory=list)
    engagement_statement: Text = ""
    """What the municipality promises about its engagement and how long it lasts."""
