"""Norwegian names of the model's vocabularies, in bokmål and nynorsk, from one place."""

from __future__ import annotations

from enum import StrEnum

from ..model.enums import (
    ActivityStatus,
    BodyKind,
    ChannelKind,
    DelegationHolder,
    DocumentStatus,
    EvaluationType,
    EvaluatorKind,
    Frequency,
    FundingSource,
    Involvement,
    Language,
    LevelTerm,
    MeasureType,
    OfficerTitle,
    PartnerKind,
    PlanDocumentKind,
    ReportStatus,
    SourceKind,
)

# (member, bokmål, nynorsk). StrEnum members equal their string value, so members of
# different enums with the same value ("ongoing", "other") would collide as dict keys:
# the lookup table is keyed by (enum type, value).
_LABEL_TABLE: list[tuple[StrEnum, str, str]] = [
    (DocumentStatus.DRAFT, "Utkast", "Utkast"),
    (DocumentStatus.CONSULTATION, "Høringsutkast", "Høyringsutkast"),
    (DocumentStatus.FOR_DECISION, "Til politisk behandling", "Til politisk handsaming"),
    (DocumentStatus.ADOPTED, "Vedtatt", "Vedteken"),
    (MeasureType.PHYSICAL, "Fysisk", "Fysisk"),
    (MeasureType.SOCIAL, "Sosialt", "Sosialt"),
    (MeasureType.CULTURAL, "Kulturelt", "Kulturelt"),
    (PartnerKind.MUNICIPAL_UNIT, "Kommunal enhet", "Kommunal eining"),
    (PartnerKind.STATE_AGENCY, "Statlig etat", "Statleg etat"),
    (PartnerKind.COUNTY, "Fylkeskommune", "Fylkeskommune"),
    (PartnerKind.VOLUNTARY_ORGANISATION, "Frivillig organisasjon", "Frivillig organisasjon"),
    (PartnerKind.HOUSING_COOPERATIVE, "Borettslag/sameie", "Burettslag/sameige"),
    (PartnerKind.BUSINESS, "Næringsliv", "Næringsliv"),
    (PartnerKind.RESEARCH, "Forskning/utdanning", "Forsking/utdanning"),
    (PartnerKind.MUNICIPALITY, "Kommunen", "Kommunen"),
    (PartnerKind.STATE_AND_MUNICIPALITY, "Stat og kommune", "Stat og kommune"),
    (PartnerKind.OTHER, "Annen", "Annan"),
    (BodyKind.STEERING_GROUP, "Styringsgruppe", "Styringsgruppe"),
    (BodyKind.PROGRAMME_GROUP, "Programgruppe", "Programgruppe"),
    (BodyKind.WORKING_GROUP, "Arbeidsgruppe", "Arbeidsgruppe"),
    (BodyKind.REFERENCE_GROUP, "Referansegruppe", "Referansegruppe"),
    (BodyKind.RESIDENT_COUNCIL, "Beboerråd", "Bebuarråd"),
    (BodyKind.MUNICIPAL_COUNCIL, "Kommunestyre/bystyre", "Kommunestyre/bystyre"),
    (BodyKind.EXECUTIVE_COMMITTEE, "Formannskap", "Formannskap"),
    (BodyKind.CITY_GOVERNMENT, "Byråd", "Byråd"),
    (BodyKind.DISTRICT_COUNCIL, "Bydelsutvalg", "Bydelsutval"),
    (BodyKind.ADVISORY_COUNCIL, "Råd", "Råd"),
    (BodyKind.CITY_DEPARTMENT, "Byrådsavdeling", "Byrådsavdeling"),
    (BodyKind.AGENCY, "Etat", "Etat"),
    (BodyKind.ADMINISTRATIVE_UNIT, "Administrativ enhet", "Administrativ eining"),
    (BodyKind.OTHER, "Annet organ", "Anna organ"),
    (PlanDocumentKind.PROGRAMME_PLAN, "Programplan", "Programplan"),
    (PlanDocumentKind.ACTION_PART, "Handlingsdel", "Handlingsdel"),
    (PlanDocumentKind.REVISION, "Revisjon", "Revisjon"),
    (PlanDocumentKind.OTHER, "Plandokument", "Plandokument"),
    (OfficerTitle.CHIEF_EXECUTIVE, "Kommunedirektør", "Kommunedirektør"),
    (OfficerTitle.RADMANN, "Rådmann", "Rådmann"),
    (OfficerTitle.CITY_GOVERNMENT, "Byråd", "Byråd"),
    (OfficerTitle.DISTRICT_DIRECTOR, "Bydelsdirektør", "Bydelsdirektør"),
    (OfficerTitle.COUNTY_DIRECTOR, "Fylkesdirektør", "Fylkesdirektør"),
    (DelegationHolder.OFFICER, "Den som innstiller", "Den som innstiller"),
    (DelegationHolder.MAYOR, "Ordføreren", "Ordføraren"),
    (LevelTerm.SUB_PROGRAMME, "Delprogram", "Delprogram"),
    (LevelTerm.FOCUS_AREA, "Satsingsområde", "Satsingsområde"),
    (LevelTerm.EFFORT_AREA, "Innsatsområde", "Innsatsområde"),
    (LevelTerm.STRATEGY, "Strategi", "Strategi"),
    (LevelTerm.THEME, "Tema", "Tema"),
    (LevelTerm.PROGRAMME_AREA, "Programområde", "Programområde"),
    (ActivityStatus.PLANNED, "Planlagt", "Planlagd"),
    (ActivityStatus.ONGOING, "Pågår", "Pågår"),
    (ActivityStatus.COMPLETED, "Fullført", "Fullført"),
    (ActivityStatus.POSTPONED, "Utsatt", "Utsett"),
    (ActivityStatus.CANCELLED, "Avlyst", "Avlyst"),
    (ReportStatus.COMPLETED, "Fullført", "Fullført"),
    (ReportStatus.ONGOING, "Pågår", "Pågår"),
    (ReportStatus.POSTPONED, "Utsatt", "Utsett"),
    (ReportStatus.CANCELLED, "Avlyst", "Avlyst"),
    (FundingSource.MUNICIPAL, "Kommunale midler", "Kommunale midlar"),
    (FundingSource.STATE, "Statlige midler", "Statlege midlar"),
    (FundingSource.OTHER, "Andre midler", "Andre midlar"),
    (FundingSource.CARRIED_OVER, "Overført fra i fjor", "Overført frå i fjor"),
    (SourceKind.STATISTICS, "Statistikk", "Statistikk"),
    (SourceKind.SURVEY, "Spørreundersøkelse", "Spørjeundersøking"),
    (SourceKind.MAPPING, "Kartlegging", "Kartlegging"),
    (SourceKind.PLACE_ANALYSIS, "Stedsanalyse", "Stadanalyse"),
    (SourceKind.RESIDENT_INPUT, "Innspill fra beboere", "Innspel frå bebuarar"),
    (SourceKind.REPORT, "Rapport", "Rapport"),
    (SourceKind.RESEARCH, "Forskning", "Forsking"),
    (SourceKind.OTHER, "Annet", "Anna"),
    (Frequency.ONCE, "Én gang", "Éin gong"),
    (Frequency.MONTHLY, "Månedlig", "Månadleg"),
    (Frequency.QUARTERLY, "Kvartalsvis", "Kvartalsvis"),
    (Frequency.BIANNUAL, "Halvårlig", "Halvårleg"),
    (Frequency.YEARLY, "Årlig", "Årleg"),
    (Frequency.EVERY_SECOND_YEAR, "Annethvert år", "Kvart andre år"),
    (Frequency.AT_END, "Ved slutten av perioden", "Ved slutten av perioden"),
    (Involvement.RESPONSIBLE, "Ansvarlig", "Ansvarleg"),
    (Involvement.CONTRIBUTES, "Bidrar", "Bidreg"),
    (Involvement.CONSULTED, "Rådført", "Rådført"),
    (Involvement.INFORMED, "Informert", "Informert"),
    (ChannelKind.INFORMATION_MEETING, "Informasjonsmøte", "Informasjonsmøte"),
    (ChannelKind.WORKSHOP, "Verksted", "Verkstad"),
    (ChannelKind.WRITTEN_MATERIAL, "Skriftlig materiell", "Skriftleg materiell"),
    (ChannelKind.WEB, "Nettside", "Nettstad"),
    (ChannelKind.SOCIAL_MEDIA, "Sosiale medier", "Sosiale medium"),
    (ChannelKind.NEWSLETTER, "Nyhetsbrev", "Nyheitsbrev"),
    (ChannelKind.NOTICE, "Oppslag", "Oppslag"),
    (ChannelKind.MEDIA, "Presse og media", "Presse og media"),
    (ChannelKind.OTHER, "Annet", "Anna"),
    (EvaluationType.BASELINE, "Nullpunktsmåling", "Nullpunktsmåling"),
    (EvaluationType.ONGOING, "Følgeevaluering", "Følgjeevaluering"),
    (EvaluationType.MIDWAY, "Midtveisevaluering", "Midtvegsevaluering"),
    (EvaluationType.FINAL, "Sluttevaluering", "Sluttevaluering"),
    (EvaluatorKind.INTERNAL, "Intern", "Intern"),
    (EvaluatorKind.EXTERNAL, "Ekstern", "Ekstern"),
    (Language.NB, "Bokmål", "Bokmål"),
    (Language.NN, "Nynorsk", "Nynorsk"),
]

_ENUM_LABELS: dict[tuple[type[StrEnum], str], tuple[str, str]] = {
    (type(member), member.value): (nb, nn) for member, nb, nn in _LABEL_TABLE
}


def enum_label(value: StrEnum | None, language: Language | str = Language.NB) -> str:
    """The Norwegian name of an enum value, e.g. ActivityStatus.ONGOING → «Pågår»; an
    absent value is the one neutral label «Ikke fastsatt» / «Ikkje fastsett»."""
    if value is None:
        return pick(language, "Ikke fastsatt", "Ikkje fastsett")
    nb, nn = _ENUM_LABELS[(type(value), value.value)]
    return nn if Language(language) is Language.NN else nb


def enum_choices(enum: type[StrEnum], language: Language | str = Language.NB) -> list[str]:
    """All Norwegian names of an enum in definition order (for drop-down lists)."""
    return [enum_label(v, language) for v in enum]


_FORMER_LABELS: dict[tuple[type[StrEnum], str], tuple[str, ...]] = {
    (Involvement, Involvement.CONSULTED.value): ("Konsulteres", "Konsulterast"),
    (Involvement, Involvement.INFORMED.value): ("Informeres", "Informerast"),
}
"""Labels earlier versions wrote into workbooks: still read, never written."""


def enum_from_label(enum: type[StrEnum], text: str) -> StrEnum | None:
    """Reverse lookup from a Norwegian (nb or nn) label, a former label, or the English key."""
    wanted = text.strip().casefold()
    for value in enum:
        nb, nn = _ENUM_LABELS[(enum, value.value)]
        former = _FORMER_LABELS.get((enum, value.value), ())
        if wanted in (value.value.casefold(), nb.casefold(), nn.casefold()) or wanted in (
            f.casefold() for f in former
        ):
            return value
    return None


def pick(language: Language | str, nb: str, nn: str) -> str:
    """Choose between a bokmål and a nynorsk wording."""
    return nn if Language(language) is Language.NN else nb
