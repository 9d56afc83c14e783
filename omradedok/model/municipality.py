"""Who runs the initiative and where: municipality, its profile, and the area."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from .base import Base, OrgNumber, Text, Year
from .enums import Language, OfficerTitle
from .quantity import Count

GrunnkretsCode = Annotated[str, Field(pattern=r"^\d{8}$")]


class Person(Base):
    """A named person with a title, e.g. a signatory or case officer."""

    name: Text = Field(min_length=1)
    title: Text = ""
    organisation: Text = ""


class Contact(Base):
    """How to reach a person or an organisation."""

    name: Text = ""
    title: Text = ""
    email: Text = ""
    phone: Text = ""
    address: Text = ""


class Profile(Base):
    """Visual identity used on covers, headers and charts."""

    logo: Path | None = None
    """Logo or coat of arms (PNG/JPEG), relative to the input file."""
    logo_alt_text: Text = ""
    """Alternative text for the logo (universal design); defaults to «Kommunevåpen for …»."""
    primary_color: str = Field(default="#1F4E79", pattern=r"^#[0-9A-Fa-f]{6}$")
    secondary_color: str = Field(default="#5B7F95", pattern=r"^#[0-9A-Fa-f]{6}$")
    font: Path | None = None
    """Optional TrueType font (regular) for PDFs, relative to the input file."""
    font_bold: Path | None = None
    """Optional TrueType font (bold) for PDFs, relative to the input file."""


class Municipality(Base):
    """The municipality that owns the initiative."""

    name: Text = Field(min_length=1, examples=["Nordby kommune"])
    number: str = Field(pattern=r"^\d{4}$", description="Kommunenummer (4 digits).")
    county: Text = ""
    org_number: OrgNumber | None = None
    language: Language = Language.NB
    """Written standard the municipality has decided (bokmål or nynorsk)."""
    address: Text = ""
    contact: Contact = Field(default_factory=Contact)
    mayor: Person | None = None
    """Signs agreements for the municipality unless a delegate is named."""
    chief_executive: Person | None = None
    """Kommunedirektør, rådmann, byråd …; signs the recommendation in the council case."""
    officer_title: OfficerTitle = OfficerTitle.CHIEF_EXECUTIVE
    """Who recommends in the council case: names «Kommunedirektørens / Rådmannens /
    Byrådets innstilling» (kommunedirektør is the title the kommunelov uses)."""
    profile: Profile = Field(default_factory=Profile)


class Area(Base):
    """The geographically bounded area the initiative works in."""

    name: Text = Field(min_length=1)
    district: Text = ""
    """Bydel or part of the municipality, where relevant."""
    boundary: Text = ""
    """Plain-language description of the boundary (streets, rivers, grunnkretser)."""
    grunnkrets_codes: list[GrunnkretsCode] = Field(default_factory=list)
    """Statistical units (8-digit grunnkrets numbers) inside the boundary."""
    population: Count | None = None
    """Residents, as the source says it: 6000, «ca. 6000», «opp mot 6000»."""
    population_year: Year | None = None
    description: Text = ""
