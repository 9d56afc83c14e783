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


class PlanDocumentKind(StrEnum):
    """The kinds of plan document a programme has over time."""

    PROGRAMME_PLAN = "programme_plan"
    ACTION_PART = "action_part"
    """Handlingsdel for a sub-period under a longer programme plan."""
    REVISION = "revision"
    OTHER = "other"


class OfficerTitle(StrEnum):
    """Who recommends in the council case (names «… innstilling»)."""

    CHIEF_EXECUTIVE = "kommunedirektor"
    RADMANN = "radmann"
    CITY_GOVERNMENT = "byrad"
    DISTRICT_DIRECTOR = "bydelsdirektor"
    COUNTY_DIRECTOR = "fylkesdirektor"


class DelegationHolder(StrEnum):
    """Who the innstilling gives the fullmakt to sign agreements."""

    OFFICER = "officer"
    """The recommending officer (kommunedirektør, rådmann, byråd …)."""
    MAYOR = "mayor"


class LevelTerm(StrEnum):
    """What the municipality calls the programme's first level."""

    SUB_PROGRAMME = "delprogram"
    FOCUS_AREA = "satsingsomrade"
    EFFORT_AREA = "innsatsomrade"
    STRATEGY = "strategi"
    THEME = "tema"
    PROGRAMME_AREA = "programomrade"


class LanguageTag(StrEnum):
    """Languages a passage may be written in (BCP 47 tags Word and PDF readers know)."""

    NB = "nb"
    NN = "nn"
    SE = "se"
    """Nordsamisk."""
    SMJ = "smj"
    """Lulesamisk."""
    SMA = "sma"
    """Sørsamisk."""
    EN = "en"
    AR = "ar"
    SO = "so"
    TI = "ti"
    UR = "ur"
    PL = "pl"
    FI = "fi"
    FKV = "fkv"
    """Kvensk."""


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
    MUNICIPALITY = "municipality"
    """The municipality itself, or one of its political bodies."""
    STATE_AND_MUNICIPALITY = "state_and_municipality"
    """Shared ownership (state + municipality), e.g. a joint programme."""
    OTHER = "other"


class BodyKind(StrEnum):
    STEERING_GROUP = "steering_group"
    PROGRAMME_GROUP = "programme_group"
    WORKING_GROUP = "working_group"
    REFERENCE_GROUP = "reference_group"
    RESIDENT_COUNCIL = "resident_council"
    MUNICIPAL_COUNCIL = "municipal_council"
    """Kommunestyre / bystyre."""
    EXECUTIVE_COMMITTEE = "executive_committee"
    """Formannskap."""
    CITY_GOVERNMENT = "city_government"
    """Byråd."""
    DISTRICT_COUNCIL = "district_council"
    """Bydelsutvalg."""
    ADVISORY_COUNCIL = "advisory_council"
    """Råd: eldreråd, ungdomsråd, råd for personer med funksjonsnedsettelse."""
    CITY_DEPARTMENT = "city_department"
    """Byrådsavdeling."""
    AGENCY = "agency"
    """Etat / kommunal virksomhet."""
    ADMINISTRATIVE_UNIT = "administrative_unit"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class ReportStatus(StrEnum):
    """An activity's status at the end of a year, as the årsrapport states it."""

    COMPLETED = "completed"
    ONGOING = "ongoing"
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
