"""Organisation: bodies, members, roles with responsibilities, and partners."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Id, OrgNumber, Text
from .enums import BodyKind, PartnerKind
from .municipality import Contact


class Member(Base):
    name: Text = Field(min_length=1)
    title: Text = ""
    organisation: Text = ""
    role_id: Id | None = None
    """The role this member holds, if any."""


class Body(Base):
    """A body in the organisation (styringsgruppe, programgruppe, arbeidsgruppe …)."""

    id: Id
    kind: BodyKind
    name: Text = Field(min_length=1)
    mandate: Text = ""
    meeting_frequency: Text = ""
    reports_to: Id | None = None
    """Id of the body this one reports to (draws the organisation chart)."""
    members: list[Member] = Field(default_factory=list)


class Role(Base):
    """A role with its responsibilities; sits in a body or with a partner."""

    id: Id
    title: Text = Field(min_length=1)
    holder: Text = ""
    body_id: Id | None = None
    partner_id: Id | None = None
    responsibilities: list[Text] = Field(default_factory=list)


class Partner(Base):
    """An organisation taking part: municipal unit, state agency, NGO, borettslag …"""

    id: Id
    name: Text = Field(min_length=1)
    kind: PartnerKind
    org_number: OrgNumber | None = None
    address: Text = ""
    contact: Contact = Field(default_factory=Contact)
    description: Text = ""


class Organisation(Base):
    programme_manager_role_id: Id | None = None
    service_areas: list[Text] = Field(default_factory=list)
    """Municipal service areas (tjenesteområder) taking part."""
    bodies: list[Body] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
