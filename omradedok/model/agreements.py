"""Cooperation agreements (samarbeidsavtaler) between the municipality and its partners."""

from __future__ import annotations

from pydantic import Field, model_validator

from .amount import Amount
from .base import Base, Date, Id, Text, WholeNumber, Year
from .enums import Involvement
from .municipality import Person

MUNICIPALITY_PARTY = "kommunen"
"""Party id that stands for the municipality itself in agreements and matrices."""


class Obligation(Base):
    """A duty one party takes on: the roles-and-responsibilities clause, and the matrix."""

    party_id: Id
    """A partner id, or «kommunen» for the municipality."""
    task: Text = Field(min_length=1)
    involvement: Involvement = Involvement.RESPONSIBLE


class Contribution(Base):
    """What a party puts in during one year: money and in-kind (dugnad, premises, staff)."""

    party_id: Id
    year: Year
    money: Amount | None = None
    in_kind: Amount | None = None
    """Value of in-kind contributions in kroner."""
    in_kind_description: Text = ""
    grant: bool = False
    """The money is a grant (tilskudd) that depends on a tilsagn; a state agency's money
    always is."""


class Signatory(Base):
    party_id: Id
    person: Person
    place: Text = ""


class Agreement(Base):
    """One agreement; the municipality is always a party, partner_ids names the others."""

    id: Id
    title: Text = Field(min_length=1)
    partner_ids: list[Id] = Field(min_length=1)
    background: Text = ""
    purpose: Text = ""
    goal_ids: list[Id] = Field(default_factory=list)
    content: Text = ""
    """What the cooperation covers, beyond the activities pulled from the activity plans."""
    meetings: Text = ""
    """Organisation and cooperation meetings."""
    obligations: list[Obligation] = Field(default_factory=list)
    contributions: list[Contribution] = Field(default_factory=list)
    valid_from: Date
    valid_to: Date
    notice_months: WholeNumber | None = Field(default=None, ge=0, le=36)
    """Notice period; the agreement states none when it is left out."""
    amendments: Text = ""
    breach: Text = ""
    """Mislighold: printed as its clause when given, left out when not."""
    disputes: Text = ""
    """Tvisteløsning: printed when given, left out when not."""
    reporting: Text = ""
    """Rapportering og revisjon (clause printed only when given)."""
    privacy: Text = ""
    """Personvern og taushetsplikt (clause printed only when given)."""
    public_access: Text = ""
    """Innsyn etter offentleglova (clause printed only when given)."""
    grant_letter: Text = ""
    """Forholdet til tilsagnsbrev: how the agreement relates to a grant letter."""
    municipality_signatory: Person | None = None
    """Delegate who signs for the municipality; left out, the holder of the innstilling's
    fullmakt signs (council_case.delegation), else the mayor."""
    signatories: list[Signatory] = Field(default_factory=list)
    place: Text = ""

    @model_validator(mode="after")
    def _ordered(self) -> Agreement:
        if self.valid_to < self.valid_from:
            raise ValueError("valid_to er før valid_from; avtalen må gjelde en periode")
        return self
