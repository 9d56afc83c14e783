"""The method's success criteria, checked against the model: met, partly, missing or unknown.

The guide (veiviser, phase 2) says an områdesatsing should be geographically bounded;
time-limited but long-term; holistic, with physical, social and cultural measures;
cross-disciplinary and coordinated; opportunity-oriented; use residents' knowledge and
resources in all phases; build on good analyses from many sources; strengthen the area's
physical qualities, social capital and local public services; strive for synergies; and
strive for effects beyond the period.

A model cannot prove that a plan is good. Each rule below looks only at what the model
states, names the evidence it found (counts, names, ids), and says in its advice what to add
– and, where the model has little to go on, says that too. «Mangler» (missing) means the
model holds the evidence and the criterion is unmet; «kan ikke vurderes» (unknown) means the
evidence is absent – nothing tagged and no text that tells – and the advice names the data
that would let the rule judge. Where measure types are not tagged, the rules read the names
and descriptions of delprogram, projects, delprosjekter and activities, and the model's
participation measures (``checks.measure_evidence``), and state that basis. The rules, in order:

1. geographically_bounded – ``area.boundary`` described *and* grunnkrets codes listed → met;
   one of the two → partly; neither → missing.
2. time_limited_long_term – period of 3–10 years → met; shorter than 3 or longer than 10
   years → partly (never missing: a period is required). The engagement statement, revision
   date and final evaluation are shown as evidence.
3. holistic – physical, social and cultural measure types all appear on delprogram,
   projects or sub-projects → met; two of the three → partly; one or none → missing. An
   untagged item counts by its name or description (a park or bridge is physical, a school or
   participation measure social, a festival cultural); with no tags anywhere and a kind not
   found that way → unknown.
4. cross_sector – four signals: ≥ 3 municipal service areas; a body whose members come from
   ≥ 2 organisations; partners of ≥ 3 kinds; coordination by a steering or programme group and
   a named programme manager. All four → met; none of the first three even at a lower bar
   (≥ 2 service areas, a mixed body, ≥ 2 partner kinds) → missing; otherwise partly.
5. opportunity_oriented – ≥ 2 resources/opportunities in the knowledge base *and* a strategy
   that builds on them → met; one of the two → partly; neither → missing. A strategy builds
   on them when its text speaks of resources or opportunities (ressurs, mulighet,
   moglegheit), or shares a word with a resource's title (six-letter stems of words of six
   letters or more, so «samisk språk» in a strategy matches «Et sterkt samisk språkmiljø»);
   the evidence names the resource matched.
6. resident_involvement – five phases: resident input among the sources (knowledge base); a
   consultation or consultation inputs (planning); a resident council or reference group
   (organisation); ≥ 2 participation measures (implementation); a communication plan with
   target groups and two-way channels (meetings, workshops). All five → met; two to four →
   partly; none or one → missing.
7. knowledge_sources – ≥ 5 sources of ≥ 3 kinds, and every challenge and resource cites a
   source → met; ≥ 2 sources → partly; fewer → missing.
8. strengthens_area – three dimensions: activities with physical measures (physical
   qualities); activities with social or cultural measures (social capital); service areas
   taking part and a strategy, delprogram or project aimed at the services – its text names
   services (tjeneste/teneste) or a public service (barnehage, skole/skule, helsestasjon, NAV,
   bibliotek) – (local public services). An activity's measure types are those of its sub-project, else its project,
   else its delprogram, else what its title and description say (counted in the evidence).
   Without activities, the programme's measure types are used (and the evidence says so).
   All three → met; one or two → partly; none → missing; with nothing tagged and physical or
   social measures not found in the texts → unknown.
9. synergies – three signals: activities with several partners; activities that serve
   several sub-goals; goals shared by several delprogram. Two or three → met; one → partly;
   none → missing; no activities and no goals on the programme → unknown.
10. lasting_effects – three signals: a final evaluation (or one after the period); texts that
    speak of continuation (videreføring, ordinær drift); an agreement that lasts until the end
    of the period. A final evaluation *and* continuation in the texts → met; any one signal →
    partly; none → missing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ..errors import Problem
from ..locale.format import format_date, format_number, format_year_range
from ..locale.labels import enum_label
from ..model import (
    Activity,
    BodyKind,
    ChannelKind,
    DocumentStatus,
    EvaluationType,
    Initiative,
    Language,
    MeasureType,
    PartnerKind,
    SourceKind,
    Strategy,
    SubProgramme,
)
from ..model.passages import plain
from .consistency import consistency_problems
from .measure_evidence import Finding, inferred_findings, model_has_tags, text_types
from .references import reference_problems

Status = Literal["met", "partly", "missing", "unknown"]
STATUSES: tuple[Status, ...] = ("met", "partly", "missing", "unknown")
"""«missing»: the model holds the evidence and the criterion is not met; «unknown»: the model
does not hold what the rule needs (no tags, no text), and the advice says what would do."""

STATUS_LABELS: dict[Status, tuple[str, str]] = {
    "met": ("Oppfylt", "Oppfylt"),
    "partly": ("Delvis oppfylt", "Delvis oppfylt"),
    "missing": ("Mangler", "Manglar"),
    "unknown": ("Kan ikke vurderes", "Kan ikkje vurderast"),
}

# key → (bokmål title, nynorsk title), in the guide's order
CRITERIA: dict[str, tuple[str, str]] = {
    "geographically_bounded": ("Geografisk avgrenset", "Geografisk avgrensa"),
    "time_limited_long_term": ("Tidsavgrenset, men langsiktig", "Tidsavgrensa, men langsiktig"),
    "holistic": (
        "Helhetlig, med fysiske, sosiale og kulturelle tiltak",
        "Heilskapleg, med fysiske, sosiale og kulturelle tiltak",
    ),
    "cross_sector": ("Tverrfaglig og koordinert", "Tverrfagleg og koordinert"),
    "opportunity_oriented": ("Mulighetsorientert", "Moglegheitsorientert"),
    "resident_involvement": (
        "Beboernes kunnskap og ressurser i alle faser",
        "Bebuarane sin kunnskap og ressursar i alle fasar",
    ),
    "knowledge_sources": (
        "Gode analyser som kombinerer mange kilder",
        "Gode analysar som kombinerer mange kjelder",
    ),
    "strengthens_area": (
        "Styrker fysiske kvaliteter, sosial kapital og lokale tjenester",
        "Styrkjer fysiske kvalitetar, sosial kapital og lokale tenester",
    ),
    "synergies": ("Samspill og synergier", "Samspel og synergiar"),
    "lasting_effects": ("Effekter utover innsatsperioden", "Effektar utover innsatsperioden"),
}

MIN_YEARS, MAX_YEARS = 3, 10
MIN_SERVICE_AREAS = 3
MIN_PARTNER_KINDS = 3
MIN_SOURCES, MIN_SOURCE_KINDS = 5, 3
MIN_RESOURCES = 2
MIN_PARTICIPATION_MEASURES = 2

_RESOURCE_WORDS = re.compile(r"ressurs|mulighet|moglegheit", re.IGNORECASE)
_SERVICE_WORDS = re.compile(
    r"tjenest|tenest|barnehag|\bskole|\bskule|helsestasjon|\bnav\b|bibliotek", re.IGNORECASE
)
_WORD = re.compile(r"\w+")
_STEM = 6
_STOP_STEMS = {"område", "mennes", "sammen", "saman", "innbyg", "beboer", "bebuar", "gjenno"}
_CONTINUATION_WORDS = re.compile(
    r"vide?ref[øo]r|vidaref[øo]r|ordinær\w* drift|varig\w* effekt|etter (inn)?satsperioden",
    re.IGNORECASE,
)
_TWO_WAY_CHANNELS = {ChannelKind.INFORMATION_MEETING, ChannelKind.WORKSHOP}
_MAX_NAMES = 4


@dataclass(frozen=True)
class CriterionResult:
    """One success criterion: its status, the evidence found in the model, and advice."""

    key: str
    title_nb: str
    title_nn: str
    status: Status
    evidence: list[str] = field(default_factory=list)
    advice: str = ""

    def title(self, language: Language | str = Language.NB) -> str:
        return self.title_nn if Language(language) is Language.NN else self.title_nb

    def status_label(self, language: Language | str = Language.NB) -> str:
        nb, nn = STATUS_LABELS[self.status]
        return nn if Language(language) is Language.NN else nb

    def to_dict(self, language: Language | str = Language.NB) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title(language),
            "title_nb": self.title_nb,
            "title_nn": self.title_nn,
            "status": self.status,
            "status_label": self.status_label(language),
            "evidence": list(self.evidence),
            "advice": self.advice,
        }


@dataclass
class CriteriaReport:
    """The success criteria of one initiative, with the model's consistency warnings."""

    title: str
    area: str
    period: str
    language: Language
    municipality: str = ""
    date: dt.date | None = None
    """The plan's version date (the report's date, so the report is reproducible)."""
    results: list[CriterionResult] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    """Reference and consistency errors (a model loaded from a file never has any)."""

    def by_key(self, key: str) -> CriterionResult:
        return next(r for r in self.results if r.key == key)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def missing(self) -> list[CriterionResult]:
        return [r for r in self.results if r.status == "missing"]

    @property
    def has_missing(self) -> bool:
        return bool(self.missing)

    def summary_text(self) -> str:
        """«8 oppfylt, 2 delvis, 0 mangler» (and «, 1 kan ikke vurderes» when some cannot be
        judged) in the report's language."""
        nn = self.language is Language.NN
        text = (
            f"{self.count('met')} oppfylt, {self.count('partly')} delvis, "
            f"{self.count('missing')} {'manglar' if nn else 'mangler'}"
        )
        if self.count("unknown"):
            text += (
                f", {self.count('unknown')} {'kan ikkje vurderast' if nn else 'kan ikke vurderes'}"
            )
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "area": self.area,
            "period": self.period,
            "municipality": self.municipality,
            "date": self.date.isoformat() if self.date else None,
            "language": self.language.value,
            "summary": {status: self.count(status) for status in STATUSES},
            "criteria": [r.to_dict(self.language) for r in self.results],
            "warnings": [str(p) for p in self.warnings],
            "errors": [str(p) for p in self.errors],
        }


# -- helpers ------------------------------------------------------------------------------


class _Text:
    """Picks bokmål or nynorsk wording and formats counts and name lists."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.nn = language is Language.NN

    def __call__(self, nb: str, nn: str) -> str:
        return nn if self.nn else nb

    def n(self, count: int, one_nb: str, many_nb: str, one_nn: str, many_nn: str) -> str:
        word = (
            (one_nn if count == 1 else many_nn) if self.nn else (one_nb if count == 1 else many_nb)
        )
        return f"{format_number(count, self.language)} {word}"

    def names(self, items: Iterable[str], limit: int = _MAX_NAMES) -> str:
        listed = list(items)
        if not listed:
            return ""
        shown = listed[:limit]
        rest = len(listed) - len(shown)
        if rest:
            return ", ".join(shown) + self(f" og {rest} til", f" og {rest} til")
        if len(shown) == 1:
            return shown[0]
        return ", ".join(shown[:-1]) + " og " + shown[-1]


def _quote(text: str, limit: int = 110) -> str:
    flat = " ".join(text.split())
    if len(flat) > limit:
        cut = flat[:limit].rsplit(" ", 1)[0]
        flat = cut.rstrip(",.;:") + " …"
    return f"«{flat}»"


def _stems(title: str) -> set[str]:
    """Six-letter stems of the long words of a resource title («samisk», «forening» …)."""
    stems = {w[:_STEM] for w in _WORD.findall(title.casefold()) if len(w) >= _STEM}
    return stems - _STOP_STEMS


def _types_of_sub_programme(dp: SubProgramme) -> set[MeasureType]:
    types = set(dp.measure_types)
    for proj in dp.projects:
        types.update(proj.measure_types)
        for sub in proj.sub_projects:
            types.update(sub.measure_types)
    return types


def activity_measure_types(model: Initiative, activity: Activity) -> set[MeasureType]:
    """Measure types of an activity: its sub-project's, else its project's, else its
    delprogram's (the most specific level that states any)."""
    for dp in model.programme.sub_programmes:
        if dp.id != activity.sub_programme_id:
            continue
        for proj in dp.projects:
            if proj.id != activity.project_id:
                continue
            for sub in proj.sub_projects:
                if sub.id == activity.sub_project_id and sub.measure_types:
                    return set(sub.measure_types)
            if proj.measure_types:
                return set(proj.measure_types)
        return set(dp.measure_types)
    return set()


def _measure_adjective(t: _Text, kind: MeasureType) -> str:
    return {
        MeasureType.PHYSICAL: t("fysiske", "fysiske"),
        MeasureType.SOCIAL: t("sosiale", "sosiale"),
        MeasureType.CULTURAL: t("kulturelle", "kulturelle"),
    }[kind]


def _texts(model: Initiative) -> Iterator[tuple[str, str]]:
    """(where, text) for every free text that may speak of continuation."""
    yield "summary", model.summary
    yield "background", model.background
    yield "purpose", model.purpose
    yield "programme", model.programme.description
    for dp in model.programme.sub_programmes:
        yield f"delprogram:{dp.id}", dp.description
        for proj in dp.projects:
            yield f"prosjekt:{proj.id}", proj.description
    for st in model.strategies:
        yield f"strategi:{st.id}", " ".join([st.title, st.description, *st.methods])
    for ms in model.milestones:
        yield f"milepæl:{ms.title}", f"{ms.title} {ms.description}"
    if model.communication is not None:
        yield "engasjement", model.communication.engagement_statement
    if model.evaluation is not None:
        ev = model.evaluation
        yield "evaluering", " ".join([ev.purpose, *ev.questions, *ev.result_chain.effects])
    for body in model.organisation.bodies:
        yield f"organ:{body.id}", body.mandate
    for agr in model.agreements:
        yield f"avtale:{agr.id}", " ".join([agr.purpose, agr.content, agr.amendments])
    if model.council_case is not None:
        cc = model.council_case
        yield "sak", " ".join([cc.assessment, cc.economic_consequences, *cc.proposed_resolution])


def _where_label(t: _Text, model: Initiative, where: str) -> str:
    kind, _, ident = where.partition(":")
    if kind == "strategi":
        st = next(s for s in model.strategies if s.id == ident)
        return t(f"strategien «{st.title}» ({st.id})", f"strategien «{st.title}» ({st.id})")
    if kind == "delprogram":
        return t(f"delprogram {ident}", f"delprogram {ident}")
    if kind == "prosjekt":
        return t(f"prosjekt {ident}", f"prosjekt {ident}")
    if kind == "milepæl":
        return t(f"milepælen «{ident}»", f"milepælen «{ident}»")
    if kind == "organ":
        body = next(b for b in model.organisation.bodies if b.id == ident)
        return t(f"mandatet til {body.name}", f"mandatet til {body.name}")
    if kind == "avtale":
        return t(f"avtale {ident}", f"avtale {ident}")
    return {
        "summary": t("sammendraget", "samandraget"),
        "background": t("bakgrunnen", "bakgrunnen"),
        "purpose": t("formålet", "føremålet"),
        "programme": t("programbeskrivelsen", "programskildringa"),
        "engasjement": t("kommunens engasjementserklæring", "engasjementsfråsegna til kommunen"),
        "evaluering": t("evalueringsplanen", "evalueringsplanen"),
        "sak": t("saksframlegget", "saksframlegget"),
    }.get(kind, kind)


# -- the ten criteria ---------------------------------------------------------------------


def _result(key: str, status: Status, evidence: list[str], advice: str) -> CriterionResult:
    nb, nn = CRITERIA[key]
    return CriterionResult(key, nb, nn, status, evidence, advice)


def _geographically_bounded(model: Initiative, t: _Text) -> CriterionResult:
    area = model.area
    evidence: list[str] = []
    has_boundary = bool(area.boundary.strip())
    has_codes = bool(area.grunnkrets_codes)
    if has_boundary:
        evidence.append(
            t(f"Avgrensning: {_quote(area.boundary)}", f"Avgrensing: {_quote(area.boundary)}")
        )
    if has_codes:
        count = t.n(
            len(area.grunnkrets_codes), "grunnkrets", "grunnkretser", "grunnkrins", "grunnkrinsar"
        )
        evidence.append(f"{count}: {t.names(area.grunnkrets_codes, 6)}")
    if area.population is not None:
        year = f" ({area.population_year})" if area.population_year else ""
        evidence.append(
            t(
                f"{format_number(area.population, t.language)} innbyggere{year}",
                f"{format_number(area.population, t.language)} innbyggjarar{year}",
            )
        )
    if has_boundary and has_codes:
        return _result(
            "geographically_bounded",
            "met",
            evidence,
            t(
                "Området er avgrenset både i tekst og med grunnkretser, så indikatorene kan følges "
                "for nøyaktig dette området.",
                "Området er avgrensa både i tekst og med grunnkrinsar, så indikatorane kan fylgjast "
                "for nøyaktig dette området.",
            ),
        )
    if has_boundary:
        advice = t(
            "Legg til grunnkretsnumrene (area.grunnkrets_codes), så statistikk fra SSB kan hentes "
            "for nøyaktig det avgrensede området.",
            "Legg til grunnkrinsnummera (area.grunnkrets_codes), så statistikk frå SSB kan hentast "
            "for nøyaktig det avgrensa området.",
        )
        return _result("geographically_bounded", "partly", evidence, advice)
    if has_codes:
        evidence.insert(
            0,
            t(
                "Ingen avgrensning i tekst (area.boundary er tom)",
                "Inga avgrensing i tekst (area.boundary er tom)",
            ),
        )
        advice = t(
            "Beskriv grensen i klart språk (area.boundary): gater, elver og landemerker, så "
            "beboere og politikere ser hvor innsatsen gjelder.",
            "Skildra grensa i klart språk (area.boundary): gater, elvar og landemerke, så "
            "bebuarar og politikarar ser kvar innsatsen gjeld.",
        )
        return _result("geographically_bounded", "partly", evidence, advice)
    evidence.insert(
        0,
        t(
            f"Bare områdenavnet «{area.name}»; ingen grense og ingen grunnkretser",
            f"Berre områdenamnet «{area.name}»; inga grense og ingen grunnkrinsar",
        ),
    )
    advice = t(
        "Beskriv avgrensningen (area.boundary) og list grunnkretsene (area.grunnkrets_codes); "
        "uten en klar grense kan innsatsen verken styres eller evalueres.",
        "Skildra avgrensinga (area.boundary) og list opp grunnkrinsane (area.grunnkrets_codes); "
        "utan ei klar grense kan innsatsen verken styrast eller evaluerast.",
    )
    return _result("geographically_bounded", "missing", evidence, advice)


def _time_limited(model: Initiative, t: _Text) -> CriterionResult:
    period = model.period
    years = period.length
    span = format_year_range(period.start_year, period.end_year)
    evidence = [
        t(
            f"Periode {span}: {t.n(years, 'år', 'år', 'år', 'år')}",
            f"Periode {span}: {t.n(years, 'år', 'år', 'år', 'år')}",
        )
    ]
    statement = model.communication.engagement_statement if model.communication else ""
    if statement.strip():
        evidence.append(
            t(
                f"Kommunen sier hvor lenge den er engasjert: {_quote(statement)}",
                f"Kommunen seier kor lenge han er engasjert: {_quote(statement)}",
            )
        )
    if model.document.revision_due is not None:
        due = format_date(model.document.revision_due, t.language)
        evidence.append(t(f"Planen revideres innen {due}", f"Planen skal reviderast innan {due}"))
    if MIN_YEARS <= years <= MAX_YEARS:
        if statement.strip():
            advice = t(
                "Perioden er flerårig og har en sluttdato, og kommunen sier tydelig hvor lenge den "
                "er engasjert.",
                "Perioden er fleirårig og har ein sluttdato, og kommunen seier tydeleg kor lenge han "
                "er engasjert.",
            )
        else:
            advice = t(
                "Perioden er passe lang. Si også tydelig hvor lenge kommunens engasjement varer "
                "(communication.engagement_statement), slik metoden ber om.",
                "Perioden er passe lang. Sei òg tydeleg kor lenge engasjementet til kommunen varer "
                "(communication.engagement_statement), slik metoden ber om.",
            )
        return _result("time_limited_long_term", "met", evidence, advice)
    if years < MIN_YEARS:
        advice = t(
            f"Metoden forutsetter en langsiktig innsats over flere år: planlegg for minst "
            f"{MIN_YEARS} år (period), gjerne 5–10.",
            f"Metoden føreset ein langsiktig innsats over fleire år: planlegg for minst "
            f"{MIN_YEARS} år (period), gjerne 5–10.",
        )
    else:
        advice = t(
            f"Over {MAX_YEARS} år er vanskelig å forplikte seg til og å evaluere: del innsatsen i "
            "etapper med en tydelig sluttdato.",
            f"Over {MAX_YEARS} år er vanskeleg å forplikte seg til og å evaluere: del innsatsen i "
            "etappar med ein tydeleg sluttdato.",
        )
    return _result("time_limited_long_term", "partly", evidence, advice)


def _untagged_activity_texts(model: Initiative) -> list[tuple[str, str]]:
    return [
        (a.title, f"{a.title} {a.description}")
        for a in model.activities
        if not activity_measure_types(model, a)
    ]


def _basis(t: _Text, findings: list[Finding]) -> str:
    """«Nordbyparken («Nordbyparken»), Elvebrua («Elvebrua») og medvirkningstiltakene»."""
    items = []
    for f in findings:
        if f.source == "participation":
            items.append(t("medvirkningstiltakene", "medverknadstiltaka"))
        elif f.word.casefold() == f.where.casefold():
            items.append(f"«{f.where}»")
        else:
            items.append(f"«{f.where}» ({f.word.lower()})")
    return t.names(dict.fromkeys(items))


def _holistic(model: Initiative, t: _Text) -> CriterionResult:
    evidence: list[str] = []
    absent: list[MeasureType] = []
    tagged = model_has_tags(model)
    inferred = inferred_findings(model, _untagged_activity_texts(model))
    used_inference = False
    for kind in MeasureType:
        dps = [dp for dp in model.programme.sub_programmes if kind in _types_of_sub_programme(dp)]
        adjective = _measure_adjective(t, kind)
        found = [f for f in inferred if f.kind is kind]
        if dps:
            count = t.n(len(dps), "delprogram", "delprogram", "delprogram", "delprogram")
            evidence.append(
                t(
                    f"{count} med {adjective} tiltak: {t.names(dp.name for dp in dps)}",
                    f"{count} med {adjective} tiltak: {t.names(dp.name for dp in dps)}",
                )
            )
        elif found:
            used_inference = True
            evidence.append(
                t(
                    f"Ikke merket, men {adjective} tiltak ut fra navn og beskrivelser: "
                    f"{_basis(t, found)}",
                    f"Ikkje merkt, men {adjective} tiltak ut frå namn og skildringar: "
                    f"{_basis(t, found)}",
                )
            )
        else:
            absent.append(kind)
            evidence.append(
                t(
                    f"Ingen delprogram eller prosjekter har {adjective} tiltak",
                    f"Ingen delprogram eller prosjekt har {adjective} tiltak",
                )
                if tagged
                else t(
                    f"Ingen delprogram eller prosjekter er merket med {adjective} tiltak, og "
                    "navn og beskrivelser viser ingen",
                    f"Ingen delprogram eller prosjekt er merkte med {adjective} tiltak, og "
                    "namn og skildringar viser ingen",
                )
            )
    present = len(MeasureType) - len(absent)
    confirm = t(
        " Noe av dette er lest ut av navn og beskrivelser: merk delprogram, prosjekter og "
        "delprosjekter med measure_types for å bekrefte det.",
        " Noko av dette er lese ut av namn og skildringar: merk delprogram, prosjekt og "
        "delprosjekt med measure_types for å stadfeste det.",
    )
    if not absent:
        advice = t(
            "Programmet har fysiske, sosiale og kulturelle tiltak.",
            "Programmet har fysiske, sosiale og kulturelle tiltak.",
        )
        return _result("holistic", "met", evidence, advice + (confirm if used_inference else ""))
    missing_text = t.names(_measure_adjective(t, k) for k in absent)
    if not tagged:
        advice = t(
            "Kan ikke vurderes: modellen merker ingen delprogram, prosjekter eller delprosjekter "
            f"med measure_types, og navn og beskrivelser viser ikke {missing_text} tiltak. "
            "Merk hvert delprogram, prosjekt eller delprosjekt med measure_types (physical, "
            "social, cultural), så kan kriteriet vurderes.",
            "Kan ikkje vurderast: modellen merker ingen delprogram, prosjekt eller delprosjekt "
            f"med measure_types, og namn og skildringar viser ikkje {missing_text} tiltak. "
            "Merk kvart delprogram, prosjekt eller delprosjekt med measure_types (physical, "
            "social, cultural), så kan kriteriet vurderast.",
        )
        return _result("holistic", "unknown", evidence, advice)
    advice = t(
        f"Mangler {missing_text} tiltak: legg dem til, og merk delprogram, prosjekter og "
        "delprosjekter med measure_types.",
        f"Manglar {missing_text} tiltak: legg dei til, og merk delprogram, prosjekt og "
        "delprosjekt med measure_types.",
    )
    return _result("holistic", "partly" if present == 2 else "missing", evidence, advice)


def _cross_sector(model: Initiative, t: _Text) -> CriterionResult:
    org = model.organisation
    evidence: list[str] = []
    services = len(org.service_areas)
    if services:
        count = t.n(services, "tjenesteområde", "tjenesteområder", "tenesteområde", "tenesteområde")
        evidence.append(
            t(
                f"{count} deltar: {t.names(org.service_areas)}",
                f"{count} deltek: {t.names(org.service_areas)}",
            )
        )
    else:
        evidence.append(t("Ingen tjenesteområder er oppført", "Ingen tenesteområde er førte opp"))

    mixed: list[tuple[str, int]] = []
    for body in org.bodies:
        orgs = {m.organisation.strip().casefold() for m in body.members if m.organisation.strip()}
        if len(orgs) >= 2:
            mixed.append((body.name, len(orgs)))
    if mixed:
        count = t.n(len(mixed), "organ", "organer", "organ", "organ")
        names = t.names(f"{name} ({n})" for name, n in mixed)
        evidence.append(
            t(
                f"{count} har medlemmer fra flere organisasjoner: {names}",
                f"{count} har medlemer frå fleire organisasjonar: {names}",
            )
        )
    else:
        evidence.append(
            t(
                "Ingen organer har medlemmer fra flere organisasjoner",
                "Ingen organ har medlemer frå fleire organisasjonar",
            )
        )

    kinds = [k for k in PartnerKind if any(p.kind is k for p in model.partners)]
    if model.partners:
        partners = t.n(len(model.partners), "partner", "partnere", "partnar", "partnarar")
        kind_names = t.names((enum_label(k, t.language).lower() for k in kinds), 8)
        evidence.append(
            t(
                f"{partners} av {t.n(len(kinds), 'slag', 'slag', 'slag', 'slag')}: {kind_names}",
                f"{partners} av {t.n(len(kinds), 'slag', 'slag', 'slag', 'slag')}: {kind_names}",
            )
        )
    else:
        evidence.append(t("Ingen partnere er oppført", "Ingen partnarar er førte opp"))

    coordinators = [
        b.name for b in org.bodies if b.kind in (BodyKind.STEERING_GROUP, BodyKind.PROGRAMME_GROUP)
    ]
    manager = model.role(org.programme_manager_role_id) if org.programme_manager_role_id else None
    if coordinators:
        text = t(
            f"Koordinert gjennom {t.names(coordinators)}",
            f"Koordinert gjennom {t.names(coordinators)}",
        )
        if manager is not None:
            holder = f" ({manager.holder})" if manager.holder else ""
            text += t(
                f"; programleder: {manager.title}{holder}",
                f"; programleiar: {manager.title}{holder}",
            )
        evidence.append(text)
    else:
        evidence.append(
            t("Ingen styringsgruppe eller programgruppe", "Inga styringsgruppe eller programgruppe")
        )

    checks = {
        "services": services >= MIN_SERVICE_AREAS,
        "mixed": bool(mixed),
        "kinds": len(kinds) >= MIN_PARTNER_KINDS,
        "coordination": bool(coordinators) and manager is not None,
    }
    if all(checks.values()):
        return _result(
            "cross_sector",
            "met",
            evidence,
            t(
                "Flere tjenesteområder og partnere av ulike slag er med, og arbeidet koordineres "
                "av egne organer og en programleder.",
                "Fleire tenesteområde og partnarar av ulike slag er med, og arbeidet vert "
                "koordinert av eigne organ og ein programleiar.",
            ),
        )
    todo: list[str] = []
    if not checks["services"]:
        todo.append(
            t(
                f"list minst {MIN_SERVICE_AREAS} tjenesteområder som deltar (organisation.service_areas)",
                f"list opp minst {MIN_SERVICE_AREAS} tenesteområde som deltek (organisation.service_areas)",
            )
        )
    if not checks["mixed"]:
        todo.append(
            t(
                "sett sammen styrings- eller arbeidsgrupper med folk fra flere organisasjoner",
                "set saman styrings- eller arbeidsgrupper med folk frå fleire organisasjonar",
            )
        )
    if not checks["kinds"]:
        todo.append(
            t(
                f"få med partnere av minst {MIN_PARTNER_KINDS} slag (stat, frivillighet, borettslag, næringsliv …)",
                f"få med partnarar av minst {MIN_PARTNER_KINDS} slag (stat, frivilligheit, burettslag, næringsliv …)",
            )
        )
    if not checks["coordination"]:
        todo.append(
            t(
                "opprett en styrings- eller programgruppe og pek ut en programleder "
                "(organisation.programme_manager_role_id)",
                "opprett ei styrings- eller programgruppe og peik ut ein programleiar "
                "(organisation.programme_manager_role_id)",
            )
        )
    advice = t("For å oppfylle kriteriet: ", "For å oppfylle kriteriet: ") + "; ".join(todo) + "."
    broad = services >= 2 or bool(mixed) or len(kinds) >= 2
    return _result("cross_sector", "partly" if broad else "missing", evidence, advice)


def _opportunity_oriented(model: Initiative, t: _Text) -> CriterionResult:
    kb = model.knowledge_base
    evidence: list[str] = []
    resources = kb.resources
    if resources:
        with_source = sum(1 for r in resources if r.source_ids)
        count = t.n(
            len(resources),
            "ressurs eller mulighet",
            "ressurser og muligheter",
            "ressurs eller moglegheit",
            "ressursar og moglegheiter",
        )
        evidence.append(
            t(
                f"{count} i kunnskapsgrunnlaget ({with_source} med kilde), mot "
                f"{t.n(len(kb.challenges), 'utfordring', 'utfordringer', 'utfordring', 'utfordringar')}: "
                f"{t.names([r.title for r in resources], 3)}",
                f"{count} i kunnskapsgrunnlaget ({with_source} med kjelde), mot "
                f"{t.n(len(kb.challenges), 'utfordring', 'utfordringer', 'utfordring', 'utfordringar')}: "
                f"{t.names([r.title for r in resources], 3)}",
            )
        )
    else:
        if kb.challenges:
            challenges = t.n(
                len(kb.challenges), "utfordring", "utfordringer", "utfordring", "utfordringar"
            )
            evidence.append(
                t(
                    f"Ingen ressurser eller muligheter i kunnskapsgrunnlaget, bare {challenges}",
                    f"Ingen ressursar eller moglegheiter i kunnskapsgrunnlaget, berre {challenges}",
                )
            )
        else:
            evidence.append(
                t(
                    "Kunnskapsgrunnlaget beskriver verken ressurser, muligheter eller utfordringer",
                    "Kunnskapsgrunnlaget skildrar verken ressursar, moglegheiter eller utfordringar",
                )
            )
    strategies: list[tuple[Strategy, str]] = []
    stems = {stem: r.title for r in resources for stem in _stems(r.title)}
    for st in model.strategies:
        text = " ".join([st.title, st.description, *st.methods])
        if _RESOURCE_WORDS.search(text):
            strategies.append((st, ""))
            continue
        words = {w[:_STEM] for w in _WORD.findall(text.casefold()) if len(w) >= _STEM}
        shared = sorted(stems.keys() & words)
        if shared:
            strategies.append((st, stems[shared[0]]))
    if strategies:
        names = t.names(
            f"«{st.title}» ({st.id})" + (f" ← «{resource}»" if resource else "")
            for st, resource in strategies
        )
        evidence.append(
            t(
                f"Strategier som bygger på ressursene: {names}",
                f"Strategiar som byggjer på ressursane: {names}",
            )
        )
    else:
        evidence.append(
            t(
                "Ingen strategi nevner områdets ressurser eller muligheter",
                "Ingen strategi nemner ressursane eller moglegheitene i området",
            )
        )
    honest = t(
        " Kontrollen ser bare at ressursene er beskrevet og nevnt i strategiene; om tiltakene "
        "faktisk bygger på dem, må leses i planen.",
        " Kontrollen ser berre at ressursane er skildra og nemnde i strategiane; om tiltaka "
        "faktisk byggjer på dei, må lesast i planen.",
    )
    enough = len(resources) >= MIN_RESOURCES
    if enough and strategies:
        advice = t(
            "Planen bygger på områdets ressurser, ikke bare på problemene.",
            "Planen byggjer på ressursane i området, ikkje berre på problema.",
        )
        return _result("opportunity_oriented", "met", evidence, advice + honest)
    todo: list[str] = []
    if not enough:
        todo.append(
            t(
                f"beskriv minst {MIN_RESOURCES} ressurser og muligheter i området (knowledge_base.resources), med kilder",
                f"skildra minst {MIN_RESOURCES} ressursar og moglegheiter i området (knowledge_base.resources), med kjelder",
            )
        )
    if not strategies:
        todo.append(
            t(
                "la minst én strategi bygge uttrykkelig på disse ressursene",
                "la minst éin strategi byggje uttrykkeleg på desse ressursane",
            )
        )
    advice = (
        t("Metoden er mulighetsorientert: ", "Metoden er moglegheitsorientert: ")
        + "; ".join(todo)
        + "."
    )
    status: Status = "partly" if resources or strategies else "missing"
    return _result("opportunity_oriented", status, evidence, advice + honest)


def _resident_involvement(model: Initiative, t: _Text) -> CriterionResult:
    evidence: list[str] = []
    phases: dict[str, bool] = {}

    inputs = [s for s in model.knowledge_base.sources if s.kind is SourceKind.RESIDENT_INPUT]
    phases["knowledge"] = bool(inputs)
    if inputs:
        evidence.append(
            t(
                f"Kunnskapsgrunnlag: innspill fra beboere – {t.names([f'«{s.title}» ({s.id})' for s in inputs], 2)}",
                f"Kunnskapsgrunnlag: innspel frå bebuarar – {t.names([f'«{s.title}» ({s.id})' for s in inputs], 2)}",
            )
        )

    consulted = [r for r in model.document.revisions if r.status is DocumentStatus.CONSULTATION]
    inputs_count = len(model.council_case.consultation_inputs) if model.council_case else 0
    phases["planning"] = bool(
        consulted
        or inputs_count
        or model.document.consultation_deadline
        or model.document.status is DocumentStatus.CONSULTATION
    )
    if inputs_count:
        evidence.append(
            t(
                f"Planlegging: {t.n(inputs_count, 'høringsinnspill', 'høringsinnspill', 'høyringsinnspel', 'høyringsinnspel')} er vurdert i saksframlegget",
                f"Planlegging: {t.n(inputs_count, 'høringsinnspill', 'høringsinnspill', 'høyringsinnspel', 'høyringsinnspel')} er vurderte i saksframlegget",
            )
        )
    elif phases["planning"]:
        when = (
            t(
                f" med frist {format_date(model.document.consultation_deadline, t.language)}",
                f" med frist {format_date(model.document.consultation_deadline, t.language)}",
            )
            if model.document.consultation_deadline
            else ""
        )
        evidence.append(
            t(
                f"Planlegging: planen er sendt på høring{when}",
                f"Planlegging: planen er send på høyring{when}",
            )
        )

    bodies = [
        b
        for b in model.organisation.bodies
        if b.kind in (BodyKind.RESIDENT_COUNCIL, BodyKind.REFERENCE_GROUP)
    ]
    phases["organisation"] = bool(bodies)
    if bodies:
        text = t(
            f"Organisering: {t.names(b.name for b in bodies)}",
            f"Organisering: {t.names(b.name for b in bodies)}",
        )
        councils = [b for b in bodies if b.kind is BodyKind.RESIDENT_COUNCIL]
        steering = [b for b in model.organisation.bodies if b.kind is BodyKind.STEERING_GROUP]
        council_people = {m.name for b in councils for m in b.members}
        if any(m.name in council_people for s in steering for m in s.members):
            text += t(
                " (beboerrådet har plass i styringsgruppen)",
                " (bebuarrådet har plass i styringsgruppa)",
            )
        evidence.append(text)

    measures = model.participation.measures
    phases["implementation"] = len(measures) >= MIN_PARTICIPATION_MEASURES
    if measures:
        count = t.n(
            len(measures),
            "medvirkningstiltak",
            "medvirkningstiltak",
            "medverknadstiltak",
            "medverknadstiltak",
        )
        evidence.append(
            t(
                f"Gjennomføring: {count} – {t.names(measures, 3)}",
                f"Gjennomføring: {count} – {t.names(measures, 3)}",
            )
        )

    comm = model.communication
    two_way = [c for c in comm.channels if c.kind in _TWO_WAY_CHANNELS] if comm else []
    phases["communication"] = bool(comm and comm.target_groups and two_way)
    if comm and comm.target_groups:
        groups = t.n(len(comm.target_groups), "målgruppe", "målgrupper", "målgruppe", "målgrupper")
        text = t(f"Kommunikasjon: {groups}", f"Kommunikasjon: {groups}")
        if two_way:
            text += t(
                f" og dialog gjennom {t.names((c.name for c in two_way), 3)}",
                f" og dialog gjennom {t.names((c.name for c in two_way), 3)}",
            )
        else:
            text += t(" – men bare enveiskanaler", " – men berre einvegskanalar")
        evidence.append(text)

    present = sum(phases.values())
    labels = {
        "knowledge": t(
            "innspill fra beboere blant kildene (kind: resident_input)",
            "innspel frå bebuarar blant kjeldene (kind: resident_input)",
        ),
        "planning": t(
            "høring av planen med vurderte innspill (council_case.consultation_inputs)",
            "høyring av planen med vurderte innspel (council_case.consultation_inputs)",
        ),
        "organisation": t(
            "et beboerråd eller en referansegruppe (organisation.bodies)",
            "eit bebuarråd eller ei referansegruppe (organisation.bodies)",
        ),
        "implementation": t(
            f"minst {MIN_PARTICIPATION_MEASURES} medvirkningstiltak (participation.measures)",
            f"minst {MIN_PARTICIPATION_MEASURES} medverknadstiltak (participation.measures)",
        ),
        "communication": t(
            "målgrupper og dialogkanaler som møter og verksteder (communication)",
            "målgrupper og dialogkanalar som møte og verkstader (communication)",
        ),
    }
    absent = [labels[k] for k, ok in phases.items() if not ok]
    if not absent:
        advice = t(
            "Beboerne er med i kunnskapsarbeidet, planleggingen, organiseringen, gjennomføringen "
            "og kommunikasjonen.",
            "Bebuarane er med i kunnskapsarbeidet, planlegginga, organiseringa, gjennomføringa og "
            "kommunikasjonen.",
        )
        return _result("resident_involvement", "met", evidence, advice)
    if not evidence:
        evidence.append(
            t("Modellen beskriver ingen medvirkning", "Modellen skildrar ingen medverknad")
        )
    advice = (
        t(
            f"Beboerne skal være med i alle faser ({present} av 5 er dekket). Legg til: ",
            f"Bebuarane skal vere med i alle fasar ({present} av 5 er dekte). Legg til: ",
        )
        + "; ".join(absent)
        + "."
    )
    status: Status = "partly" if present >= 2 else "missing"
    return _result("resident_involvement", status, evidence, advice)


def _knowledge_sources(model: Initiative, t: _Text) -> CriterionResult:
    kb = model.knowledge_base
    sources = kb.sources
    evidence: list[str] = []
    kinds = [k for k in SourceKind if any(s.kind is k for s in sources)]
    if sources:
        years = sorted({s.year for s in sources if s.year is not None})
        span = format_year_range(years[0], years[-1]) if years else ""
        count = t.n(len(sources), "kilde", "kilder", "kjelde", "kjelder")
        kind_count = t.n(len(kinds), "type", "typer", "type", "typar")
        kind_names = t.names((enum_label(k, t.language).lower() for k in kinds), 8)
        evidence.append(
            t(
                f"{count}{' fra ' + span if span else ''}, {kind_count}: {kind_names}",
                f"{count}{' frå ' + span if span else ''}, {kind_count}: {kind_names}",
            )
        )
    else:
        evidence.append(
            t("Ingen kilder i kunnskapsgrunnlaget", "Ingen kjelder i kunnskapsgrunnlaget")
        )
    findings = [*kb.challenges, *kb.resources]
    cited_c = sum(1 for f in kb.challenges if f.source_ids)
    cited_r = sum(1 for f in kb.resources if f.source_ids)
    if findings:
        evidence.append(
            t(
                f"{cited_c} av {t.n(len(kb.challenges), 'utfordring', 'utfordringer', 'utfordring', 'utfordringar')} "
                f"og {cited_r} av {t.n(len(kb.resources), 'ressurs', 'ressurser', 'ressurs', 'ressursar')} viser til kilder",
                f"{cited_c} av {t.n(len(kb.challenges), 'utfordring', 'utfordringer', 'utfordring', 'utfordringar')} "
                f"og {cited_r} av {t.n(len(kb.resources), 'ressurs', 'ressurser', 'ressurs', 'ressursar')} viser til kjelder",
            )
        )
    else:
        evidence.append(
            t(
                "Ingen utfordringer eller ressurser er beskrevet",
                "Ingen utfordringar eller ressursar er skildra",
            )
        )
    all_cited = bool(findings) and cited_c + cited_r == len(findings)
    if len(sources) >= MIN_SOURCES and len(kinds) >= MIN_SOURCE_KINDS and all_cited:
        return _result(
            "knowledge_sources",
            "met",
            evidence,
            t(
                "Kunnskapsgrunnlaget kombinerer mange kilder av ulike slag, og funnene viser til dem.",
                "Kunnskapsgrunnlaget kombinerer mange kjelder av ulike slag, og funna viser til dei.",
            ),
        )
    todo: list[str] = []
    if len(sources) < MIN_SOURCES or len(kinds) < MIN_SOURCE_KINDS:
        todo.append(
            t(
                f"bruk minst {MIN_SOURCES} kilder av minst {MIN_SOURCE_KINDS} typer – statistikk, "
                "undersøkelser, stedsanalyse, kartlegging og innspill fra beboere",
                f"bruk minst {MIN_SOURCES} kjelder av minst {MIN_SOURCE_KINDS} typar – statistikk, "
                "undersøkingar, stadanalyse, kartlegging og innspel frå bebuarar",
            )
        )
    if not findings:
        todo.append(
            t(
                "beskriv utfordringene og ressursene som kildene viser (knowledge_base.challenges og resources)",
                "skildra utfordringane og ressursane som kjeldene viser (knowledge_base.challenges og resources)",
            )
        )
    elif not all_cited:
        todo.append(
            t(
                "la hver utfordring og ressurs vise til kildene sine (source_ids)",
                "la kvar utfordring og ressurs vise til kjeldene sine (source_ids)",
            )
        )
    advice = t("For å oppfylle kriteriet: ", "For å oppfylle kriteriet: ") + "; ".join(todo) + "."
    status: Status = "partly" if len(sources) >= 2 else "missing"
    return _result("knowledge_sources", status, evidence, advice)


def _strengthens_area(model: Initiative, t: _Text) -> CriterionResult:
    evidence: list[str] = []
    physical = social = 0
    read = 0
    """Items whose kind was read from their name or description (no measure types)."""
    if model.activities:
        years = model.activity_years()
        span = format_year_range(years[0], years[-1])
        for act in model.activities:
            types = activity_measure_types(model, act)
            if not types:
                types = set(text_types(f"{act.title} {act.description}"))
                read += bool(types)
            physical += MeasureType.PHYSICAL in types
            social += bool(types & {MeasureType.SOCIAL, MeasureType.CULTURAL})
        unit = ("aktivitet", "aktiviteter", "aktivitet", "aktivitetar")
        evidence.append(
            t(
                f"Fysiske kvaliteter: {t.n(physical, *unit)} med fysiske tiltak ({span})",
                f"Fysiske kvalitetar: {t.n(physical, *unit)} med fysiske tiltak ({span})",
            )
        )
        evidence.append(
            t(
                f"Sosial kapital: {t.n(social, *unit)} med sosiale eller kulturelle tiltak ({span})",
                f"Sosial kapital: {t.n(social, *unit)} med sosiale eller kulturelle tiltak ({span})",
            )
        )
    else:
        unit = ("delprogram", "delprogram", "delprogram", "delprogram")
        for dp in model.programme.sub_programmes:
            types = _types_of_sub_programme(dp)
            if not types:
                texts = [f"{dp.name} {dp.description}"]
                texts += [f"{p.name} {p.description}" for p in dp.projects]
                types = set(text_types(" ".join(texts)))
                read += bool(types)
            physical += MeasureType.PHYSICAL in types
            social += bool(types & {MeasureType.SOCIAL, MeasureType.CULTURAL})
        if model.programme.sub_programmes:
            evidence.append(
                t(
                    f"Ingen aktiviteter ennå; ut fra programmet: {t.n(physical, *unit)} med "
                    f"fysiske og {t.n(social, *unit)} med sosiale eller kulturelle tiltak",
                    f"Ingen aktivitetar enno; ut frå programmet: {t.n(physical, *unit)} med "
                    f"fysiske og {t.n(social, *unit)} med sosiale eller kulturelle tiltak",
                )
            )
        else:
            evidence.append(
                t(
                    "Ingen aktiviteter eller delprogram ennå",
                    "Ingen aktivitetar eller delprogram enno",
                )
            )
    if read:
        evidence.append(
            t(
                f"Grunnlag: {t.n(read, 'tiltak', 'tiltak', 'tiltak', 'tiltak')} uten measure_types "
                "er vurdert ut fra navn og beskrivelse",
                f"Grunnlag: {t.n(read, 'tiltak', 'tiltak', 'tiltak', 'tiltak')} utan measure_types "
                "er vurdert ut frå namn og skildring",
            )
        )

    services = model.organisation.service_areas
    aimed: list[str] = []
    for st in model.strategies:
        if _SERVICE_WORDS.search(" ".join([st.title, st.description, *st.methods])):
            aimed.append(t(f"strategien «{st.title}»", f"strategien «{st.title}»"))
    for dp in model.programme.sub_programmes:
        if _SERVICE_WORDS.search(f"{dp.name} {dp.description}"):
            aimed.append(t(f"delprogrammet «{dp.name}»", f"delprogrammet «{dp.name}»"))
        for proj in dp.projects:
            if _SERVICE_WORDS.search(f"{proj.name} {proj.description}"):
                aimed.append(t(f"prosjektet «{proj.name}»", f"prosjektet «{proj.name}»"))
    services_ok = bool(services) and bool(aimed)
    if services:
        count = t.n(
            len(services), "tjenesteområde", "tjenesteområder", "tenesteområde", "tenesteområde"
        )
        text = t(f"Lokale tjenester: {count} deltar", f"Lokale tenester: {count} deltek")
    else:
        text = t(
            "Lokale tjenester: ingen tjenesteområder er oppført",
            "Lokale tenester: ingen tenesteområde er førte opp",
        )
    if aimed:
        text += t(
            f"; rettet mot tjenestene: {t.names(aimed, 2)}",
            f"; retta mot tenestene: {t.names(aimed, 2)}",
        )
    else:
        text += t(
            "; ingen strategi eller delprogram nevner tjenestene",
            "; ingen strategi eller delprogram nemner tenestene",
        )
    evidence.append(text)

    pairs = list(model.sub_goals())
    if pairs and model.activities:
        served = {g for a in model.activities for g in a.sub_goal_ids}
        covered = sum(1 for _, sub in pairs if sub.id in served)
        evidence.append(
            t(
                f"{covered} av {len(pairs)} delmål har aktiviteter som bidrar",
                f"{covered} av {len(pairs)} delmål har aktivitetar som bidreg",
            )
        )

    dims = {"physical": physical > 0, "social": social > 0, "services": services_ok}
    present = sum(dims.values())
    honest = t(
        " Modellen har ikke et eget felt for tjenesteutvikling; kontrollen ser etter "
        "tjenesteområder og strategier eller delprogram som nevner tjenestene.",
        " Modellen har ikkje eit eige felt for tenesteutvikling; kontrollen ser etter "
        "tenesteområde og strategiar eller delprogram som nemner tenestene.",
    )
    if present == 3:
        advice = t(
            "Tiltakene retter seg mot både fysiske kvaliteter, sosial kapital og de lokale tjenestene.",
            "Tiltaka rettar seg mot både fysiske kvalitetar, sosial kapital og dei lokale tenestene.",
        )
        return _result("strengthens_area", "met", evidence, advice + honest)
    todo: list[str] = []
    if not dims["physical"]:
        todo.append(
            t(
                "tiltak for de fysiske kvalitetene (uterom, møteplasser, bomiljø)",
                "tiltak for dei fysiske kvalitetane (uterom, møteplassar, bumiljø)",
            )
        )
    if not dims["social"]:
        todo.append(
            t(
                "tiltak som bygger sosial kapital (fellesskap, frivillighet, kultur)",
                "tiltak som byggjer sosial kapital (fellesskap, frivilligheit, kultur)",
            )
        )
    if not dims["services"]:
        todo.append(
            t(
                "en strategi for å utvikle og samordne de lokale tjenestene, og tjenesteområdene som deltar",
                "ein strategi for å utvikle og samordne dei lokale tenestene, og tenesteområda som deltek",
            )
        )
    advice = t("Legg til ", "Legg til ") + "; ".join(todo) + "."
    status: Status = "partly" if present else "missing"
    if not model_has_tags(model) and not (dims["physical"] and dims["social"]):
        # nothing tagged and the names do not tell: absence of evidence, not a finding
        status = "unknown"
        advice = (
            t(
                "Kan ikke vurderes: ingen tiltak er merket med measure_types, og navn og "
                "beskrivelser sier ikke nok. Merk delprogram, prosjekter og delprosjekter med "
                "measure_types (physical, social, cultural) og før opp tjenesteområdene som deltar. ",
                "Kan ikkje vurderast: ingen tiltak er merkte med measure_types, og namn og "
                "skildringar seier ikkje nok. Merk delprogram, prosjekt og delprosjekt med "
                "measure_types (physical, social, cultural) og før opp tenesteområda som deltek. ",
            )
            + advice
        )
    return _result("strengthens_area", status, evidence, advice + honest)


def _synergies(model: Initiative, t: _Text) -> CriterionResult:
    evidence: list[str] = []
    acts = model.activities
    unit = ("aktivitet", "aktiviteter", "aktivitet", "aktivitetar")
    multi_partner = [a for a in acts if len(set(a.partner_ids)) >= 2]
    multi_goal = [a for a in acts if len(set(a.sub_goal_ids)) >= 2]
    if acts:
        evidence.append(
            t(
                f"{len(multi_partner)} av {t.n(len(acts), *unit)} har flere samarbeidspartnere",
                f"{len(multi_partner)} av {t.n(len(acts), *unit)} har fleire samarbeidspartnarar",
            )
        )
        evidence.append(
            t(
                f"{len(multi_goal)} av {t.n(len(acts), *unit)} bidrar til flere delmål",
                f"{len(multi_goal)} av {t.n(len(acts), *unit)} bidreg til fleire delmål",
            )
        )
    else:
        evidence.append(t("Ingen aktiviteter ennå", "Ingen aktivitetar enno"))

    owners: dict[str, set[str]] = {}
    for dp in model.programme.sub_programmes:
        ids = set(dp.goal_ids)
        for proj in dp.projects:
            ids.update(proj.goal_ids)
            for sub in proj.sub_projects:
                ids.update(sub.goal_ids)
        for act in acts:
            if act.sub_programme_id == dp.id:
                ids.update(act.sub_goal_ids)
        for goal in ids:
            owners.setdefault(goal, set()).add(dp.id)
    shared = sorted((g, sorted(dps)) for g, dps in owners.items() if len(dps) >= 2)
    if shared:
        names = t.names(f"{g} ({', '.join(dps)})" for g, dps in shared)
        evidence.append(
            t(
                f"{t.n(len(shared), 'mål', 'mål', 'mål', 'mål')} deles av flere delprogram: {names}",
                f"{t.n(len(shared), 'mål', 'mål', 'mål', 'mål')} er delte mellom fleire delprogram: {names}",
            )
        )
    else:
        evidence.append(
            t("Ingen mål deles av flere delprogram", "Ingen mål er delte mellom fleire delprogram")
        )
    signals = [bool(multi_partner), bool(multi_goal), bool(shared)]
    present = sum(signals)
    if present >= 2:
        advice = t(
            "Aktiviteter og delprogram henger sammen gjennom felles mål og partnere.",
            "Aktivitetar og delprogram heng saman gjennom felles mål og partnarar.",
        )
        return _result("synergies", "met", evidence, advice)
    advice = t(
        "Se etter synergier: la aktiviteter ha flere samarbeidspartnere (partner_ids), knytt dem "
        "til flere delmål der de bidrar (sub_goal_ids), og la delprogrammene dele mål.",
        "Sjå etter synergiar: la aktivitetar ha fleire samarbeidspartnarar (partner_ids), knyt dei "
        "til fleire delmål der dei bidreg (sub_goal_ids), og la delprogramma dele mål.",
    )
    if not acts and not owners:
        # neither activities nor goals on the programme: nothing to judge by
        advice = (
            t(
                "Kan ikke vurderes: modellen har ingen aktiviteter og ingen mål knyttet til "
                "delprogrammene. ",
                "Kan ikkje vurderast: modellen har ingen aktivitetar og ingen mål knytte til "
                "delprogramma. ",
            )
            + advice
        )
        return _result("synergies", "unknown", evidence, advice)
    return _result("synergies", "partly" if present else "missing", evidence, advice)


def _lasting_effects(model: Initiative, t: _Text) -> CriterionResult:
    evidence: list[str] = []
    end = model.period.end_year
    finals = []
    if model.evaluation is not None:
        finals = [
            p for p in model.evaluation.schedule if p.type is EvaluationType.FINAL or p.year > end
        ]
    if finals:
        years = ", ".join(str(p.year) for p in finals)
        evidence.append(t(f"Sluttevaluering i {years}", f"Sluttevaluering i {years}"))

    found = [
        _where_label(t, model, where)
        for where, text in _texts(model)
        if text and _CONTINUATION_WORDS.search(text)
    ]
    if found:
        evidence.append(
            t(
                f"Videreføring eller ordinær drift nevnt i {t.names(found, 3)}",
                f"Vidareføring eller ordinær drift nemnt i {t.names(found, 3)}",
            )
        )
    lasting = [a for a in model.agreements if a.valid_to.year >= end]
    if model.agreements:
        evidence.append(
            t(
                f"{len(lasting)} av {t.n(len(model.agreements), 'avtale', 'avtaler', 'avtale', 'avtalar')} varer ut perioden (til {end})",
                f"{len(lasting)} av {t.n(len(model.agreements), 'avtale', 'avtaler', 'avtale', 'avtalar')} varer ut perioden (til {end})",
            )
        )
    honest = t(
        " Modellen har ikke et eget felt for videreføring; kontrollen ser etter sluttevaluering, "
        "avtaler som varer og ord som «videreføring» og «ordinær drift» i tekstene.",
        " Modellen har ikkje eit eige felt for vidareføring; kontrollen ser etter sluttevaluering, "
        "avtalar som varer og ord som «vidareføring» og «ordinær drift» i tekstane.",
    )
    if finals and found:
        advice = t(
            "Planen sier hvordan effektene skal vare etter perioden og evalueres til slutt.",
            "Planen seier korleis effektane skal vare etter perioden og evaluerast til slutt.",
        )
        return _result("lasting_effects", "met", evidence, advice + honest)
    todo: list[str] = []
    if not finals:
        todo.append(
            t(
                "planlegg en sluttevaluering (evaluation.schedule, type final)",
                "planlegg ei sluttevaluering (evaluation.schedule, type final)",
            )
        )
    if not found:
        todo.append(
            t(
                "beskriv hvordan tiltak som virker, videreføres i ordinær drift (for eksempel i en strategi eller i engasjementserklæringen)",
                "skildra korleis tiltak som verkar, vert vidareførte i ordinær drift (til dømes i ein strategi eller i engasjementsfråsegna)",
            )
        )
    if not evidence:
        evidence.append(
            t(
                "Modellen sier ingenting om tiden etter perioden",
                "Modellen seier ingenting om tida etter perioden",
            )
        )
    advice = t("For å oppfylle kriteriet: ", "For å oppfylle kriteriet: ") + "; ".join(todo) + "."
    status: Status = "partly" if (finals or found or lasting) else "missing"
    return _result("lasting_effects", status, evidence, advice + honest)


_RULES = (
    _geographically_bounded,
    _time_limited,
    _holistic,
    _cross_sector,
    _opportunity_oriented,
    _resident_involvement,
    _knowledge_sources,
    _strengthens_area,
    _synergies,
    _lasting_effects,
)


def check_criteria(model: Initiative, language: Language | str | None = None) -> CriteriaReport:
    """Judge ``model`` against the method's ten success criteria (a pure function).

    Text is in the municipality's written standard unless ``language`` is given; the
    model's consistency warnings (and any reference errors) come along in the report.
    """
    lang = Language(language) if language else model.municipality.language
    t = _Text(lang)
    problems = [*reference_problems(model), *consistency_problems(model)]
    results = [  # a report for readers: «[se: …]» markers left out
        replace(r, evidence=[plain(e) for e in r.evidence], advice=plain(r.advice))
        for r in (rule(model, t) for rule in _RULES)
    ]
    return CriteriaReport(
        title=plain(model.title),
        area=plain(model.area.name),
        period=format_year_range(model.period.start_year, model.period.end_year),
        language=lang,
        municipality=plain(model.municipality.name),
        date=model.document.date,
        results=results,
        warnings=[p for p in problems if p.severity == "warning"],
        errors=[p for p in problems if p.severity == "error"],
    )


__all__ = [
    "CRITERIA",
    "STATUSES",
    "CriteriaReport",
    "CriterionResult",
    "Status",
    "activity_measure_types",
    "check_criteria",
]
