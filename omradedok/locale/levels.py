"""The municipality's own words: what the programme's first level is called (delprogram,
satsingsområde, strategi …) and who recommends in the council case (kommunedirektør,
rådmann, byråd …). Labels are written with «delprogram»; :func:`relabel` puts the chosen
word in, in bokmål or nynorsk, keeping capitals and the grammatical form."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model.enums import Language, LevelTerm, OfficerTitle

# (singular, plural, definite plural) in bokmål, then nynorsk
_LEVELS: dict[LevelTerm, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    LevelTerm.SUB_PROGRAMME: (
        ("delprogram", "delprogrammer", "delprogrammene"),
        ("delprogram", "delprogram", "delprogramma"),
    ),
    LevelTerm.FOCUS_AREA: (
        ("satsingsområde", "satsingsområder", "satsingsområdene"),
        ("satsingsområde", "satsingsområde", "satsingsområda"),
    ),
    LevelTerm.EFFORT_AREA: (
        ("innsatsområde", "innsatsområder", "innsatsområdene"),
        ("innsatsområde", "innsatsområde", "innsatsområda"),
    ),
    LevelTerm.STRATEGY: (
        ("strategi", "strategier", "strategiene"),
        ("strategi", "strategiar", "strategiane"),
    ),
    LevelTerm.THEME: (("tema", "temaer", "temaene"), ("tema", "tema", "temaa")),
    LevelTerm.PROGRAMME_AREA: (
        ("programområde", "programområder", "programområdene"),
        ("programområde", "programområde", "programområda"),
    ),
}
_DEFINITE_SINGULAR: dict[LevelTerm, str] = {
    LevelTerm.SUB_PROGRAMME: "delprogrammet",
    LevelTerm.FOCUS_AREA: "satsingsområdet",
    LevelTerm.EFFORT_AREA: "innsatsområdet",
    LevelTerm.STRATEGY: "strategien",
    LevelTerm.THEME: "temaet",
    LevelTerm.PROGRAMME_AREA: "programområdet",
}
"""«delprogrammet» – the same in bokmål and nynorsk for every level word."""
_WORD = re.compile(r"\b([Dd])elprogram(mene|mer|ma|met)?\b")

# (title, «…s innstilling» in bokmål, «… si innstilling» in nynorsk)
_OFFICERS: dict[OfficerTitle, tuple[str, str, str]] = {
    OfficerTitle.CHIEF_EXECUTIVE: (
        "kommunedirektør",
        "Kommunedirektørens innstilling",
        "Kommunedirektøren si innstilling",
    ),
    OfficerTitle.RADMANN: ("rådmann", "Rådmannens innstilling", "Rådmannen si innstilling"),
    OfficerTitle.CITY_GOVERNMENT: ("byråd", "Byrådets innstilling", "Byrådet si innstilling"),
    OfficerTitle.DISTRICT_DIRECTOR: (
        "bydelsdirektør",
        "Bydelsdirektørens innstilling",
        "Bydelsdirektøren si innstilling",
    ),
    OfficerTitle.COUNTY_DIRECTOR: (
        "fylkesdirektør",
        "Fylkesdirektørens innstilling",
        "Fylkesdirektøren si innstilling",
    ),
}
_OFFICER_DEFINITE = {
    OfficerTitle.CHIEF_EXECUTIVE: ("kommunedirektøren", "kommunedirektøren"),
    OfficerTitle.RADMANN: ("rådmannen", "rådmannen"),
    OfficerTitle.CITY_GOVERNMENT: ("byrådet", "byrådet"),
    OfficerTitle.DISTRICT_DIRECTOR: ("bydelsdirektøren", "bydelsdirektøren"),
    OfficerTitle.COUNTY_DIRECTOR: ("fylkesdirektøren", "fylkesdirektøren"),
}


def level_forms(term: LevelTerm, language: Language | str) -> tuple[str, str, str]:
    """Singular, plural and definite plural of the level word."""
    nb, nn = _LEVELS[term]
    return nn if Language(language) is Language.NN else nb


def relabel(text: str, term: LevelTerm, language: Language | str) -> str:
    """«Tiltak per delprogram» → «Tiltak per satsingsområde» (and «delprogrammene» →
    «satsingsområdene», «Delprogram» → «Satsingsområde»)."""
    if term is LevelTerm.SUB_PROGRAMME or "elprogram" not in text:
        return text
    singular, plural, definite = level_forms(term, language)

    def swap(match: re.Match[str]) -> str:
        ending = match.group(2) or ""
        if ending == "met":
            word = _DEFINITE_SINGULAR[term]
        elif ending in ("mene", "ma"):
            word = definite
        else:
            word = plural if ending == "mer" else singular
        return word[0].upper() + word[1:] if match.group(1) == "D" else word

    return _WORD.sub(swap, text)


def relabel_all(
    labels: Mapping[str, str], term: LevelTerm, language: Language | str
) -> dict[str, str]:
    return {key: relabel(value, term, language) for key, value in labels.items()}


def recommendation_heading(title: OfficerTitle, language: Language | str) -> str:
    """«Kommunedirektørens innstilling» / «Rådmannen si innstilling» …"""
    _, nb, nn = _OFFICERS[title]
    return nn if Language(language) is Language.NN else nb


def officer_noun(
    title: OfficerTitle, *, definite: bool = False, language: Language | str = Language.NB
) -> str:
    """«kommunedirektør» / «rådmannen» – for running text."""
    if definite:
        nb, nn = _OFFICER_DEFINITE[title]
        return nn if Language(language) is Language.NN else nb
    return _OFFICERS[title][0]


def officer_relabel(text: str, title: OfficerTitle, language: Language | str) -> str:
    """Puts the chosen officer into a text written with «kommunedirektøren»."""
    if title is OfficerTitle.CHIEF_EXECUTIVE:
        return text
    definite = officer_noun(title, definite=True, language=language)
    text = text.replace("Kommunedirektørens innstilling", recommendation_heading(title, language))
    text = text.replace("Kommunedirektøren si innstilling", recommendation_heading(title, language))
    text = text.replace("kommunedirektøren", definite)
    return text.replace("Kommunedirektøren", definite[0].upper() + definite[1:])
