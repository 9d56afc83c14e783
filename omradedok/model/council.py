"""The council case (saksframlegg) that takes the plan through political processing."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Date, Id, Text, Year
from .enums import DelegationHolder
from .municipality import Person
from .when import When


class CaseRouteStep(Base):
    """One row of the saksgang table: body, meeting date, case number."""

    body: Text = Field(min_length=1, examples=["Formannskapet"])
    meeting_date: When | None = None
    case_number: Text = Field(default="", examples=["PS 12/26", "sak 178/13"])


class ConsultationInput(Base):
    """A consultation response (høringsinnspill) and how it was weighed."""

    from_whom: Text = Field(min_length=1)
    summary: Text = Field(min_length=1)
    assessment: Text = ""
    """How the input was weighed (tatt til følge, delvis, ikke)."""


class Delegation(Base):
    """The fullmakt the innstilling gives: who may enter (sign) the cooperation agreements."""

    holder: DelegationHolder
    """«officer» (kommunedirektøren, rådmannen … as municipality.officer_title says) or
    «mayor» (ordføreren)."""
    agreement_ids: list[Id] = Field(default_factory=list)
    """The agreements the fullmakt covers; empty means every agreement in the input."""


class CouncilCase(Base):
    archive_case_number: str = Field(
        pattern=r"^\d{2,4}/\d{1,6}(-\d+)?$",
        description="Arkivsak, e.g. 26/1234.",
        examples=["26/1234"],
    )
    archive_code: Text = ""
    """Arkivkode (klasse), e.g. FE-140; the klassifikasjon of the arkivmelding."""
    archive_code_system: Text = Field(default="", examples=["FE"])
    """The classification system the archive code belongs to (klassifikasjonssystemID in
    the arkivmelding), as the archive names it; left out when not given."""
    case_officer: Person
    case_officer_archive_id: Text = Field(default="", examples=["AYH"])
    """The case officer's user id or initials in the archive system (saksansvarlig's
    identifikator in the arkivmelding); left out when not given."""
    date: Date | None = None
    """The case document's own date (not the plan version's); it must precede the first
    meeting in the saksgang. Left out, the saksframlegg prints «ikke fastsatt»."""
    administrative_unit: Text = ""
    administrative_unit_archive_id: Text = Field(default="", examples=["BSU"])
    """The unit's code in the archive system (administrativ enhet's identifikator in the
    arkivmelding); left out when not given."""
    title: Text = ""
    """Case title; defaults to the plan title."""
    public_title: Text = ""
    route: list[CaseRouteStep] = Field(default_factory=list)
    proposed_resolution: list[Text] = Field(default_factory=list)
    """The innstilling's numbered points as the officer wrote them. Left out, the points are
    composed from the plan's status: send on consultation (høringsutkast), adopt with the
    economic frame, fullmakt and revision date (til politisk behandling); an adopted plan
    prints its vedtak instead."""
    additional_points: list[Text] = Field(default_factory=list)
    """Points added after the composed ones (e.g. on the budget process)."""
    consulted: list[Text] = Field(default_factory=list)
    """Who the høringsutkast is sent to (høringsinstanser)."""
    delegation: Delegation | None = None
    """The fullmakt to enter the cooperation agreements."""
    summary: Text = ""
    background: Text = ""
    """Saksopplysninger."""
    consultation_inputs: list[ConsultationInput] = Field(default_factory=list)
    assessment: Text = ""
    economic_consequences: Text = ""
    administrative_consequences: Text = ""
    children_and_youth: Text = ""
    """Konsekvenser for barn og unge."""
    public_health: Text = ""
    """Konsekvenser for folkehelse."""
    climate_and_environment: Text = ""
    """Konsekvenser for klima og miljø."""
    risk: Text = ""
    """Risikovurdering."""
    alternatives: Text = ""
    """Alternative løsninger."""
    extra_attachments: list[Text] = Field(default_factory=list)
    """Attachments beyond the documents built (e.g. the knowledge base report)."""
    attached_annual_reports: list[Year] = Field(default_factory=list)
    """The years whose årsrapport the case attaches as vedlegg. An årsrapport is built for
    every year with report data; it is a vedlegg only where its year is named here."""
