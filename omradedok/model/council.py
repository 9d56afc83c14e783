"""The council case (saksframlegg) that takes the plan through political processing."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Text
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
    administrative_unit: Text = ""
    administrative_unit_archive_id: Text = Field(default="", examples=["BSU"])
    """The unit's code in the archive system (administrativ enhet's identifikator in the
    arkivmelding); left out when not given."""
    title: Text = ""
    """Case title; defaults to the plan title."""
    public_title: Text = ""
    route: list[CaseRouteStep] = Field(default_factory=list)
    proposed_resolution: list[Text] = Field(default_factory=list)
    """Numbered points of the chief executive's recommendation."""
    summary: Text = ""
    background: Text = ""
    """Saksopplysninger."""
    consultation_inputs: list[ConsultationInput] = Field(default_factory=list)
    assessment: Text = ""
    economic_consequences: Text = ""
    administrative_consequences: Text = ""
    extra_attachments: list[Text] = Field(default_factory=list)
    """Attachments beyond the documents built (e.g. the knowledge base report)."""
