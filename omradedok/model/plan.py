"""The plan as a document: period, status and versions, knowledge base, anchoring, progress."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Base, Date, Id, Text, Year
from .enums import DocumentStatus, SourceKind


class Period(Base):
    """The time-limited but long-term period of the initiative."""

    start_year: Year
    end_year: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end_year < self.start_year:
            raise ValueError(
                f"sluttår {self.end_year} er før startår {self.start_year}; bytt om årene"
            )
        return self

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def length(self) -> int:
        return self.end_year - self.start_year + 1


class Decision(Base):
    """A political decision: which body, when, and its case number."""

    body: Text = Field(min_length=1, examples=["Bystyret"])
    date: Date
    case_number: Text = Field(min_length=1, examples=["PS 45/26"])
    summary: Text = ""


class Revision(Base):
    """One line of the revision history."""

    version: Text = Field(min_length=1)
    date: Date
    status: DocumentStatus
    description: Text = ""
    author: Text = ""


class DocumentInfo(Base):
    """Status and version of the document set."""

    status: DocumentStatus = DocumentStatus.DRAFT
    version: Text = Field(default="0.1", min_length=1)
    date: Date
    """Date printed on the documents (the version date)."""
    decision: Decision | None = None
    """The adopting decision; required once the status is «adopted»."""
    consultation_deadline: Date | None = None
    revision_due: Date | None = None
    """When the plan is to be revised (fixed by the plan decision)."""
    revisions: list[Revision] = Field(default_factory=list)

    @model_validator(mode="after")
    def _adopted_has_decision(self) -> DocumentInfo:
        if self.status is DocumentStatus.ADOPTED and self.decision is None:
            raise ValueError(
                "status «adopted» (vedtatt) krever et vedtak: fyll ut decision med body, date "
                "og case_number"
            )
        return self


class Source(Base):
    """A source in the knowledge base (statistics, survey, place analysis …)."""

    id: Id
    title: Text = Field(min_length=1)
    year: Year
    kind: SourceKind = SourceKind.REPORT
    publisher: Text = ""
    url: Text = ""


class Finding(Base):
    """A challenge, or a resource/opportunity, documented by sources."""

    title: Text = Field(min_length=1)
    description: Text = ""
    source_ids: list[Id] = Field(default_factory=list)


class KnowledgeBase(Base):
    """Phase 1's knowledge base as the plan cites it."""

    summary: Text = ""
    sources: list[Source] = Field(default_factory=list)
    challenges: list[Finding] = Field(default_factory=list)
    resources: list[Finding] = Field(default_factory=list)
    """Resources and opportunities of the area (the method is opportunity-oriented)."""


class Milestone(Base):
    """A point on the progress plan (fremdriftsplan)."""

    date: Date
    title: Text = Field(min_length=1)
    description: Text = ""


class Participation(Base):
    """How residents take part (medvirkning) in all phases."""

    summary: Text = ""
    measures: list[Text] = Field(default_factory=list)
