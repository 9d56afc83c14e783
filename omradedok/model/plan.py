"""The plan as a document: period, status and versions, knowledge base, anchoring, progress."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Base, Date, Id, Text, Year
from .enums import DocumentStatus, PlanDocumentKind, SourceKind
from .when import When


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
    date: When | None = None
    """When it was decided, at the precision known («2012», «høsten 2013», «2013-09-03»)."""
    case_number: Text = Field(default="", examples=["PS 45/26", "sak 178/13", "byrådssak 1234/13"])
    """The case number as the municipality writes it (any common format)."""
    summary: Text = ""
    points: list[Text] = Field(default_factory=list)
    """The decision's numbered points as adopted (printed as the vedtak)."""


class PlanDocument(Base):
    """One plan document of the programme: a programme plan, a handlingsdel for a sub-period,
    a revision – each with its own status, date and decision."""

    id: Id
    kind: PlanDocumentKind
    title: Text = ""
    start_year: Year | None = None
    end_year: Year | None = None
    status: DocumentStatus | None = None
    date: When | None = None
    decision: Decision | None = None
    replaces_id: Id | None = None
    """The document this one revises or replaces."""

    @model_validator(mode="after")
    def _ordered(self) -> PlanDocument:
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValueError(f"sluttår {self.end_year} er før startår {self.start_year}")
        return self


class Revision(Base):
    """One line of the revision history."""

    version: Text = Field(min_length=1)
    date: When | None = None
    status: DocumentStatus | None = None
    description: Text = ""
    author: Text = ""


class DocumentInfo(Base):
    """Status and version of the document set."""

    status: DocumentStatus
    """Required: a document never silently becomes an «utkast»."""
    version: Text | None = Field(default=None, min_length=1)
    """Version number; left out of the documents when not given."""
    date: Date
    """Date printed on the documents (the version date)."""
    decision: Decision | None = None
    """The adopting decision; required once the status is «adopted»."""
    consultation_deadline: Date | None = None
    revision_due: Date | None = None
    """When the plan is to be revised (fixed by the plan decision)."""
    revisions: list[Revision] = Field(default_factory=list)
    plan_documents: list[PlanDocument] = Field(default_factory=list)
    """The programme's plan documents over time (programme plan, handlingsdel, revisions)."""
    current_document_id: Id | None = None
    """Which of plan_documents this handlingsplan is (its kind and period are printed)."""

    @model_validator(mode="after")
    def _adopted_has_decision(self) -> DocumentInfo:
        if self.status is DocumentStatus.ADOPTED and self.decision is None:
            raise ValueError(
                "status «adopted» (vedtatt) krever et vedtak: fyll ut decision med body, date "
                "og case_number"
            )
        if self.current_document_id is not None and self.current_document_id not in {
            d.id for d in self.plan_documents
        }:
            raise ValueError(
                f"current_document_id «{self.current_document_id}» finnes ikke i plan_documents"
            )
        return self

    def current(self) -> PlanDocument | None:
        return next((d for d in self.plan_documents if d.id == self.current_document_id), None)


class Source(Base):
    """A source in the knowledge base (statistics, survey, place analysis …)."""

    id: Id
    title: Text = Field(min_length=1)
    year: Year | None = None
    kind: SourceKind | None = None
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

    date: When
    title: Text = Field(min_length=1)
    description: Text = ""


class Participation(Base):
    """How residents take part (medvirkning) in all phases."""

    summary: Text = ""
    measures: list[Text] = Field(default_factory=list)
