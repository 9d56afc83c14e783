"""Closed vocabularies of the domain. Values are the English keys used in files."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """Written standard decided by the municipality (språklova)."""

    NB = "nb"
    NN = "nn"


class DocumentStatus(StrEnum):
    """Where the documents are in political processing."""

    DRAFT = "draft"
    CONSULTATION = "consultation"
    FOR_DECISION = "for_decision"
    ADOPTED = "adopted"


class MeasureType(StrEnum):
    """The method asks for physical, social and cultural measures together."""

    PHYSICAL = "physical"
    SOCIAL = "social"
    CULTURAL = "cultural"


class PartnerKind(StrEnum):
    MUNICIPAL_UNIT = "municipal_unit"
    STATE_AGENCY = "state_agency"
    COUNTY = "county"
    VOLUNTARY_ORGANISATION = "voluntary_organisation"
    HOUSING_COOPERATIVE = "housing_cooperative"
    BUSINESS = "business"
    RESEARCH = "research"
    OTHER = "other"


class BodyKind(StrEnum):
    STEERING_GROUP = "steering_group"
    PROGRAMME_GROUP = "programme_group"
    WORKING_GROUP = "working_group"
    REFERENCE_GROUP = "reference_group"
    RESIDENT_COUNCIL = "resident_council"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class FundingSource(StrEnum):
    MUNICIPAL = "municipal"
    STATE = "state"
    OTHER = "other"
    CARRIED_OVER = "carried_over"


class SourceKind(StrEnum):
    STATISTICS = "statistics"
    SURVEY = "survey"
    MAPPING = "mapping"
    PLACE_ANALYSIS = "place_analysis"
    RESIDENT_INPUT = "resident_input"
    REPORT = "report"
    RESEARCH = "research"
    OTHER = "other"


class Frequency(StrEnum):
    ONCE = "once"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    BIANNUAL = "biannual"
    YEARLY = "yearly"
    EVERY_SECOND_YEAR = "every_second_year"
    AT_END = "at_end"


class Involvement(StrEnum):
    """A party's part in a task (responsibility matrix, RACI-style)."""

    RESPONSIBLE = "responsible"
    CONTRIBUTES = "contributes"
    CONSULTED = "consulted"
    INFORMED = "informed"


class ChannelKind(StrEnum):
    INFORMATION_MEETING = "information_meeting"
    WORKSHOP = "workshop"
    WRITTEN_MATERIAL = "written_material"
    WEB = "web"
    SOCIAL_MEDIA = "social_media"
    NEWSLETTER = "newsletter"
    NOTICE = "notice"
    MEDIA = "media"
    OTHER = "other"


class EvaluationType(StrEnum):
    BASELINE = "baseline"
    ONGOING = "ongoing"
    MIDWAY = "midway"
    FINAL = "final"


class EvaluatorKind(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"
