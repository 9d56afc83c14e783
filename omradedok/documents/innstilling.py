"""The innstilling (recommendation) of the council case, following the plan's status.

- *høringsutkast*: the case sends the draft on consultation – with the høringsfrist and the
  høringsinstanser when the input gives them, never invented;
- *til politisk behandling*: the case adopts the plan – the economic frame per year and
  funding source for every year of the period the input gives a frame for (estimates and
  ranges printed as such), reporting to the deciding body, the fullmakt to enter the
  agreements and the revision date, each only when the input has it;
- *vedtatt*: no innstilling; the case prints the vedtak (body, date at its precision, case
  number, the decision's points or summary).

Points the officer wrote (``council_case.proposed_resolution``) are printed as written,
except a høringsutkast's points that propose to adopt the plan: a case that sends a draft on
consultation cannot adopt it, so the composed consultation points are printed instead and
``validate`` says so (checks.council).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..locale import format_date, format_year_range, pick
from ..locale.format import format_money
from ..locale.labels import enum_label
from ..locale.levels import officer_noun
from ..model import (
    CaseRouteStep,
    CouncilCase,
    DelegationHolder,
    DocumentStatus,
    FundingSource,
    Initiative,
    Language,
)
from ..model.amount import add_up
from ..model.when import When

_ADOPTS = re.compile(
    r"\b(vedtar|vedtek|vedtas|vedtakast|vert\s+vedteken|blir\s+vedtatt|godkjenner|godkjenn"
    r"|godkjennes|godkjennast|vert\s+godkjend)\b",
    re.IGNORECASE,
)
_COMMON_BODY = re.compile(
    r"^(kommunestyret|bystyret|formannskapet|fylkestinget|bydelsutvalet|bydelsutvalget"
    r"|byrådet|fylkesutvalet|fylkesutvalget|[a-zæøå]+(styret|utvalet|utvalget|rådet|skapet))$",
    re.IGNORECASE,
)


@dataclass
class Point:
    """One numbered point; ``lines`` are its sub-lines (the frame per year)."""

    text: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Recommendation:
    """What the «innstilling» section prints: its heading kind, an intro and the points."""

    kind: str
    """«innstilling» or «vedtak»."""
    intro: str = ""
    points: list[Point] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    """Paragraphs after the points (the decision's summary)."""
    composed: bool = False
    """Whether the points were composed from the model (not written by the officer)."""


def proposes_adoption(points: list[str]) -> bool:
    """Whether written innstilling points adopt or approve the plan («vedtar», «godkjennes» …)."""
    return any(_ADOPTS.search(p) for p in points)


def _before(a: CaseRouteStep, b: CaseRouteStep) -> bool:
    """Whether meeting ``a`` is certainly before ``b`` («2. juni» is not certainly before
    «juni»: a meeting known to the month keeps its place)."""
    if a.meeting_date is None or b.meeting_date is None:
        return False
    return a.meeting_date.last_day() < b.meeting_date.first_day()


def ordered_route(case: CouncilCase) -> list[CaseRouteStep]:
    """The saksgang in meeting order: a meeting moves before those it certainly precedes,
    otherwise the input order is kept (undated meetings last)."""
    ordered: list[CaseRouteStep] = []
    for step in (s for s in case.route if s.meeting_date is not None):
        at = len(ordered)
        while at > 0 and _before(step, ordered[at - 1]):
            at -= 1
        ordered.insert(at, step)
    return ordered + [s for s in case.route if s.meeting_date is None]


def deciding_body(case: CouncilCase) -> str:
    """The body the case ends in (the last meeting of the saksgang), or ""."""
    route = ordered_route(case)
    return route[-1].body if route else ""


def body_in_text(name: str) -> str:
    """«Kommunestyret» → «kommunestyret» inside a sentence; proper names stay as written."""
    return name[0].lower() + name[1:] if _COMMON_BODY.match(name.strip()) else name


def plan_name(model: Initiative) -> str:
    """The plan the case is about: the current plan document by its title («Handlingsdel
    2017–2020 for Områdeprogram Elvebakken»), else «Handlingsplan for <satsing> <periode>»."""
    current = model.document.current()
    if current is not None and current.title:
        title = current.title
        return title if model.title in title else f"{title} for {model.title}"
    return f"Handlingsplan for {model.title} {format_year_range(model.period.start_year, model.period.end_year)}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _holder(model: Initiative, holder: DelegationHolder, language: Language) -> str:
    if holder is DelegationHolder.MAYOR:
        return pick(language, "Ordføreren", "Ordføraren")
    return _capital(
        officer_noun(model.municipality.officer_title, definite=True, language=language)
    )


def _and(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


def when_phrase(value: When | None, language: Language) -> str:
    """«i møte 19. mars 2026», «i 2012», «i september 2013», «høsten 2013» – for «vedtok …»."""
    if value is None:
        return ""
    text = format_date(value, language)
    if value.precision == "day":
        return f"i møte {text}"
    return f"i {text}" if value.precision in ("year", "month", "quarter") else text


_WRITTEN_FULLMAKT = re.compile(r"\b(\w+)\s+(?:får|gis|skal\s+ha)\s+fullmakt\b", re.IGNORECASE)
_OFFICERS = {"kommunedirektøren", "rådmannen", "byrådet", "bydelsdirektøren", "fylkesdirektøren"}
_MAYOR = {"ordføreren", "ordføraren"}


def delegation_holder(model: Initiative) -> DelegationHolder | None:
    """Who holds the fullmakt to enter the agreements: ``council_case.delegation``, or a
    written innstilling point «Kommunedirektøren får fullmakt …» (the input says it there)."""
    case = model.council_case
    if case is None:
        return None
    if case.delegation is not None:
        return case.delegation.holder
    for point in case.proposed_resolution:
        for match in _WRITTEN_FULLMAKT.finditer(point):
            word = match.group(1).lower()
            if word in _OFFICERS:
                return DelegationHolder.OFFICER
            if word in _MAYOR:
                return DelegationHolder.MAYOR
    return None


def delegated_agreements(model: Initiative) -> list[str]:
    """Ids of the agreements the innstilling's fullmakt covers (empty: no fullmakt); a
    written fullmakt point covers every agreement."""
    case = model.council_case
    if case is None or delegation_holder(model) is None:
        return []
    given = case.delegation.agreement_ids if case.delegation is not None else []
    return list(given) if given else [a.id for a in model.agreements]


def _consultation_points(model: Initiative, case: CouncilCase, language: Language) -> list[Point]:
    info = model.document
    version = f", versjon {info.version}," if info.version else ""
    name = plan_name(model)
    deadline = ""
    if info.consultation_deadline:
        deadline = pick(
            language,
            f" med høringsfrist {format_date(info.consultation_deadline, language)}",
            f" med høyringsfrist {format_date(info.consultation_deadline, language)}",
        )
    points = [
        Point(
            pick(
                language,
                f"Høringsutkast til {name}{version} sendes på høring{deadline}.",
                f"Høyringsutkast til {name}{version} vert sendt på høyring{deadline}.",
            )
        )
    ]
    if case.consulted:
        who = _and(list(case.consulted))
        points.append(
            Point(
                pick(
                    language,
                    f"Høringsutkastet sendes til {who}.",
                    f"Høyringsutkastet vert sendt til {who}.",
                )
            )
        )
    return points


def frame_point(model: Initiative, language: Language) -> Point | None:
    """«Den økonomiske rammen for perioden …» with one line per year and source."""
    period = model.period
    frames = sorted(
        (b for b in model.budget_frame if period.start_year <= b.year <= period.end_year),
        key=lambda b: b.year,
    )
    if not frames or not any(b.known for b in frames):
        return None
    lines = []
    for frame in frames:
        parts = [
            f"{enum_label(source, language).lower()} {format_money(amount, language)}"
            for source in FundingSource
            if (amount := frame.amount(source)) is not None
        ]
        total = format_money(frame.total, language)
        detail = f" ({_and(parts)})" if len(parts) > 1 else (f" ({parts[0]})" if parts else "")
        lines.append(f"{frame.year}: {total}{detail}")
    years = [b.year for b in frames]
    if len(frames) > 1:
        total = format_money(add_up([b.total for b in frames]), language)
        span = format_year_range(years[0], years[-1])
        lines.append(pick(language, f"Samlet {span}: {total}", f"Samla {span}: {total}"))
    missing = [y for y in period.years if y not in years]
    if missing:
        lines.append(
            pick(
                language,
                f"For {_and([str(y) for y in missing])} er rammen ikke fastsatt.",
                f"For {_and([str(y) for y in missing])} er ramma ikkje fastsett.",
            )
        )
    if any(b.state is not None for b in frames):
        lines.append(
            pick(
                language,
                "Statlige midler forutsetter tilsagn fra staten.",
                "Statlege midlar føreset tilsegn frå staten.",
            )
        )
    span = format_year_range(period.start_year, period.end_year)
    return Point(
        pick(
            language,
            f"Den økonomiske rammen for perioden {span} er per år og finansieringskilde:",
            f"Den økonomiske ramma for perioden {span} er per år og finansieringskjelde:",
        ),
        lines,
    )


def _adoption_points(model: Initiative, case: CouncilCase, language: Language) -> list[Point]:
    info = model.document
    body = deciding_body(case)
    version = f", versjon {info.version}" if info.version else ""
    name = plan_name(model)
    if body:
        first = pick(language, f"{body} vedtar {name}{version}.", f"{body} vedtek {name}{version}.")
    else:
        first = pick(language, f"{name}{version} vedtas.", f"{name}{version} vert vedteken.")
    points = [Point(first)]
    frame = frame_point(model, language)
    if frame is not None:
        points.append(frame)
    if case.delegation is not None:
        ids = delegated_agreements(model)
        agreements = [a for a in model.agreements if a.id in ids]
        partners = []
        for agreement in agreements:
            for pid in agreement.partner_ids:
                partner = model.partner(pid)
                name_ = partner.name if partner else pid
                if name_ not in partners:
                    partners.append(name_)
        holder = _holder(model, case.delegation.holder, language)
        if partners:
            what = pick(
                language,
                "samarbeidsavtalen" if len(agreements) == 1 else "samarbeidsavtalene",
                "samarbeidsavtalen" if len(agreements) == 1 else "samarbeidsavtalane",
            )
            points.append(
                Point(
                    pick(
                        language,
                        f"{holder} får fullmakt til å inngå {what} med {_and(partners)}.",
                        f"{holder} får fullmakt til å inngå {what} med {_and(partners)}.",
                    )
                )
            )
    if body and model.evaluation is not None:
        officer = _capital(
            officer_noun(model.municipality.officer_title, definite=True, language=language)
        )
        for report in model.evaluation.reporting:
            if report.to.strip().lower() != body.strip().lower():
                continue
            how = (
                f" {report.frequency[:1].lower()}{report.frequency[1:]}" if report.frequency else ""
            )
            form = f" ({report.form[:1].lower()}{report.form[1:]})" if report.form else ""
            points.append(
                Point(
                    pick(
                        language,
                        f"{officer} rapporterer{how} til {body_in_text(body)}{form}.",
                        f"{officer} rapporterer{how} til {body_in_text(body)}{form}.",
                    )
                )
            )
    if info.revision_due:
        points.append(
            Point(
                pick(
                    language,
                    f"Handlingsplanen skal revideres innen {format_date(info.revision_due, language)}.",
                    f"Handlingsplanen skal reviderast innan {format_date(info.revision_due, language)}.",
                )
            )
        )
    return points


def _decision(model: Initiative, language: Language) -> Recommendation:
    decision = model.document.decision
    assert decision is not None  # DocumentInfo requires one once adopted
    when = when_phrase(decision.date, language)
    from .views import case_reference

    case = f", {case_reference(decision.case_number)}" if decision.case_number else ""
    at = f" {when}" if when else ""
    if decision.points:
        intro = pick(
            language,
            f"{decision.body} behandlet saken{at}{case}, og gjorde dette vedtaket:",
            f"{decision.body} handsama saka{at}{case}, og gjorde dette vedtaket:",
        )
    else:
        intro = pick(
            language,
            f"{decision.body} vedtok {plan_name(model)}{at}{case}.",
            f"{decision.body} vedtok {plan_name(model)}{at}{case}.",
        )
    from .views import paragraphs

    return Recommendation(
        "vedtak",
        intro=intro,
        points=[Point(p) for p in decision.points],
        after=paragraphs(decision.summary),
    )


def recommendation(model: Initiative, language: Language) -> Recommendation:
    """The innstilling (or, once adopted, the vedtak) of the council case."""
    case = model.council_case
    assert case is not None
    status = model.document.status
    if status is DocumentStatus.ADOPTED:
        return _decision(model, language)
    written = list(case.proposed_resolution)
    if written and not (status is DocumentStatus.CONSULTATION and proposes_adoption(written)):
        points = [Point(p) for p in written + list(case.additional_points)]
        return Recommendation("innstilling", points=points)
    if status is DocumentStatus.CONSULTATION:
        points = _consultation_points(model, case, language)
    elif status is DocumentStatus.FOR_DECISION:
        points = _adoption_points(model, case, language)
    else:
        return Recommendation("innstilling", points=[Point(p) for p in case.additional_points])
    points += [Point(p) for p in case.additional_points]
    return Recommendation("innstilling", points=points, composed=True)
