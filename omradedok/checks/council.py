"""Contradictions a council secretary or a municipal lawyer would send back (issue 14):
each warning names both places and how to fix it.

- the case document dated after a meeting of its own saksgang (W-SAK-001);
- a meeting (or the decision) of an adopting case before the consultation deadline, and a
  consultation case meeting after it (W-SAK-002);
- a høringsutkast whose written innstilling adopts the plan (W-SAK-003);
- a municipal signatory who lacks the fullmakt the innstilling gives (W-SAK-004);
- one task in an agreement given twice to one party with different roles (W-AVT-007);
- disputes referred to a body the partner does not sit on (W-AVT-008);
- a stated count that differs from the listed items («tolk på fem språk» with four
  languages listed) (W-KONS-004);
- two different leaders for one body or organisation (W-ORG-001).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator

from ..errors import PathPart, Problem, format_path
from ..locale import format_date
from ..model import (
    MUNICIPALITY_PARTY,
    Agreement,
    DelegationHolder,
    DocumentStatus,
    Initiative,
    Person,
)

Path = tuple[PathPart, ...]


def council_problems(model: Initiative) -> list[Problem]:
    problems: list[Problem] = []
    problems += _case_dates(model)
    problems += _status_against_innstilling(model)
    problems += _signatories(model)
    for n, agreement in enumerate(model.agreements):
        problems += _obligation_conflicts(agreement, n)
        problems += _dispute_body(model, agreement, n)
    problems += _stated_counts(model)
    problems += _leaders(model)
    return problems


# -- the case and the process -----------------------------------------------------------------


def _route(model: Initiative) -> Iterator[tuple[int, str, dt.date, dt.date]]:
    """(index, body, first day, last day) of every dated meeting of the saksgang."""
    case = model.council_case
    if case is None:
        return
    for i, step in enumerate(case.route):
        if step.meeting_date is not None:
            yield i, step.body, step.meeting_date.first_day(), step.meeting_date.last_day()


def _case_dates(model: Initiative) -> list[Problem]:
    case = model.council_case
    if case is None:
        return []
    language = model.municipality.language
    problems: list[Problem] = []
    if case.date is not None:
        before = [(i, body, first) for i, body, first, _ in _route(model) if first < case.date]
        if before:
            i, body, first = min(before, key=lambda x: x[2])
            problems.append(
                Problem(
                    "warning",
                    f"saksframlegget er datert {format_date(case.date, language)} "
                    f"(council_case.date), etter møtet i {body} {format_date(first, language)} "
                    f"(council_case.route[{i}].meeting_date); saksframlegget må være datert før "
                    "første møte i saksgangen – rett datoen eller møtedatoen",
                    ("council_case", "date"),
                    code="W-SAK-001",
                )
            )
    deadline = model.document.consultation_deadline
    if deadline is None:
        return problems
    status = model.document.status
    when = format_date(deadline, language)
    if status in (DocumentStatus.FOR_DECISION, DocumentStatus.ADOPTED):
        early = [(i, body, last) for i, body, _, last in _route(model) if last <= deadline]
        if early:
            i, body, last = early[0]
            more = _more(len(early) - 1)
            problems.append(
                Problem(
                    "warning",
                    f"{body} behandler planen {format_date(last, language)} "
                    f"(council_case.route[{i}].meeting_date){more}, før høringsfristen {when} "
                    "(document.consultation_deadline) er ute; flytt møtet til etter fristen "
                    "eller rett fristen",
                    ("council_case", "route", i, "meeting_date"),
                    code="W-SAK-002",
                )
            )
        decision = model.document.decision
        if (
            decision is not None
            and decision.date is not None
            and decision.date.last_day() <= deadline
        ):
            problems.append(
                Problem(
                    "warning",
                    f"vedtaket er datert {format_date(decision.date, language)} "
                    f"(document.decision.date), før høringsfristen {when} "
                    "(document.consultation_deadline); rett vedtaksdatoen eller fristen",
                    ("document", "decision", "date"),
                    code="W-SAK-002",
                )
            )
    elif status is DocumentStatus.CONSULTATION:
        late = [(i, body, first) for i, body, first, _ in _route(model) if first > deadline]
        if late:
            i, body, first = min(late, key=lambda x: x[2])
            more = _more(len(late) - 1)
            problems.append(
                Problem(
                    "warning",
                    f"saken skal sende planen på høring med frist {when} "
                    f"(document.consultation_deadline), men {body} møtes først "
                    f"{format_date(first, language)} (council_case.route[{i}].meeting_date){more}, "
                    "etter fristen; rett fristen eller møtedatoen – eller sett "
                    "document.status til for_decision om saken skal vedta planen",
                    ("council_case", "route", i, "meeting_date"),
                    code="W-SAK-002",
                )
            )
    return problems


def _more(count: int) -> str:
    if count <= 0:
        return ""
    return f" og {count} møte til" if count == 1 else f" og {count} møter til"


def _status_against_innstilling(model: Initiative) -> list[Problem]:
    from ..documents.innstilling import proposes_adoption

    case = model.council_case
    if case is None or model.document.status is not DocumentStatus.CONSULTATION:
        return []
    points = list(case.proposed_resolution)
    if not proposes_adoption(points):
        return []
    index = next(i for i, p in enumerate(points) if proposes_adoption([p]))
    return [
        Problem(
            "warning",
            f"planen er et høringsutkast (document.status), men innstillingen "
            f"(council_case.proposed_resolution[{index}]) foreslår å vedta den: «{points[index]}»; "
            "saksframlegget viser i stedet innstillingen om å sende planen på høring – fjern "
            "vedtakspunktene, eller sett document.status til for_decision",
            ("council_case", "proposed_resolution", index),
            code="W-SAK-003",
        )
    ]


def municipal_signatory(model: Initiative, agreement: Agreement) -> tuple[Person | None, str]:
    """Who signs for the municipality and why: («given» written in the agreement,
    «delegation» from the innstilling's fullmakt, «mayor» by default)."""
    if agreement.municipality_signatory is not None:
        return agreement.municipality_signatory, "given"
    listed = next((s for s in agreement.signatories if s.party_id == MUNICIPALITY_PARTY), None)
    if listed is not None:
        return listed.person, "given"
    from ..documents.innstilling import delegated_agreements, delegation_holder

    holder = delegation_holder(model)
    if holder is not None and agreement.id in delegated_agreements(model):
        if holder is DelegationHolder.OFFICER:
            return model.municipality.chief_executive, "delegation"
        return model.municipality.mayor, "delegation"
    return model.municipality.mayor, "mayor"


def _signatories(model: Initiative) -> list[Problem]:
    from ..documents.innstilling import delegated_agreements, delegation_holder
    from ..locale.levels import officer_noun

    holder = delegation_holder(model)
    case = model.council_case
    if case is None or holder is None:
        return []
    where = (
        "council_case.delegation"
        if case.delegation is not None
        else "council_case.proposed_resolution"
    )
    problems: list[Problem] = []
    mayor = model.municipality.mayor
    chief = model.municipality.chief_executive
    officer = officer_noun(model.municipality.officer_title, definite=True)
    covered = set(delegated_agreements(model))
    for n, agreement in enumerate(model.agreements):
        if agreement.id not in covered:
            continue
        person, why = municipal_signatory(model, agreement)
        if person is None or why != "given":
            continue
        is_mayor = mayor is not None and person.name == mayor.name
        if holder is DelegationHolder.OFFICER:
            # a named delegate below the officer signs «etter fullmakt»; the mayor does not
            lacks = is_mayor
            who = f"{officer} ({chief.name})" if chief else officer
        else:
            lacks = not is_mayor
            who = f"ordføreren ({mayor.name})" if mayor else "ordføreren"
        if not lacks:
            continue
        path: Path = (
            ("agreements", n, "municipality_signatory")
            if agreement.municipality_signatory is not None
            else ("agreements", n, "signatories")
        )
        problems.append(
            Problem(
                "warning",
                f"{person.name} signerer avtalen «{agreement.id}» for kommunen ({format_path(path)}), "
                f"men innstillingen gir fullmakten til {who} ({where}); la "
                f"{who} signere, eller rett fullmakten",
                path,
                code="W-SAK-004",
            )
        )
    return problems


# -- agreements -------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


def _obligation_conflicts(agreement: Agreement, n: int) -> list[Problem]:
    from ..locale.labels import enum_label

    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, obligation in enumerate(agreement.obligations):
        seen[(obligation.party_id, _norm(obligation.task))].append(j)
    problems: list[Problem] = []
    for (party, _), indexes in seen.items():
        roles = list(dict.fromkeys(agreement.obligations[j].involvement for j in indexes))
        if len(roles) < 2:
            continue
        places = " og ".join(f"agreements[{n}].obligations[{j}]" for j in indexes)
        names = " og ".join(f"«{enum_label(r)}»" for r in roles)
        task = agreement.obligations[indexes[0]].task
        problems.append(
            Problem(
                "warning",
                f"avtalen «{agreement.id}» gir «{party}» oppgaven «{task}» to ganger med ulike "
                f"roller ({names}) i {places}; behold én av dem",
                ("agreements", n, "obligations", indexes[1]),
                code="W-AVT-007",
            )
        )
    return problems


def _sits_on(model: Initiative, body_id: str, partner_id: str) -> bool:
    partner = model.partner(partner_id)
    body = next(b for b in model.organisation.bodies if b.id == body_id)
    role_ids = {r.id for r in model.organisation.roles if r.partner_id == partner_id}
    return any(
        (m.role_id in role_ids) or (partner is not None and m.organisation == partner.name)
        for m in body.members
    )


def _dispute_body(model: Initiative, agreement: Agreement, n: int) -> list[Problem]:
    text = agreement.disputes.lower()
    if not text:
        return []
    problems: list[Problem] = []
    for b, body in enumerate(model.organisation.bodies):
        name = body.name.lower()
        if not re.search(rf"\b{re.escape(name)}", text):
            continue
        outside = [
            pid
            for pid in agreement.partner_ids
            if model.partner(pid) is not None and not _sits_on(model, body.id, pid)
        ]
        for pid in outside:
            partner = model.partner(pid)
            assert partner is not None
            problems.append(
                Problem(
                    "warning",
                    f"avtalen «{agreement.id}» sender tvister til {body.name} "
                    f"(agreements[{n}].disputes), men {partner.name} sitter ikke i "
                    f"{body.name} (organisation.bodies[{b}].members); legg til en representant "
                    "for parten, eller send tvister til et organ der begge parter er med",
                    ("agreements", n, "disputes"),
                    code="W-AVT-008",
                )
            )
    return problems


# -- counts and leaders -----------------------------------------------------------------------

_NUMBERS = {
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
}
_LANGUAGES = re.compile(
    r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r")\s+(?:ulike\s+|forskjellige\s+)?språk\b",
    re.IGNORECASE,
)


_NORWEGIAN = re.compile(r"^(norsk|bokmål|nynorsk|norwegian)\b", re.IGNORECASE)


def _texts(model: Initiative) -> Iterator[tuple[Path, str]]:
    plan = model.communication
    if plan is not None:
        for i, goal in enumerate(plan.goals):
            yield ("communication", "goals", i), goal
        for i, message in enumerate(plan.core_messages):
            yield ("communication", "core_messages", i), message
        for i, measure in enumerate(plan.measures):
            yield ("communication", "measures", i, "activity"), measure.activity
            yield ("communication", "measures", i, "resources"), measure.resources
        for i, channel in enumerate(plan.channels):
            yield ("communication", "channels", i, "description"), channel.description
        yield ("communication", "engagement_statement"), plan.engagement_statement
    for i, act in enumerate(model.activities):
        yield ("activities", i, "title"), act.title
        yield ("activities", i, "description"), act.description


def _stated_counts(model: Initiative) -> list[Problem]:
    plan = model.communication
    if plan is None or not plan.languages:
        return []
    listed = len(plan.languages)
    # «tolk på fem språk» may leave Norwegian out of the count
    other = len([x for x in plan.languages if not _NORWEGIAN.match(x.strip())])
    problems: list[Problem] = []
    for path, text in _texts(model):
        for match in _LANGUAGES.finditer(text):
            word = match.group(1).lower()
            stated = int(word) if word.isdigit() else _NUMBERS[word]
            if stated in (listed, other):
                continue
            problems.append(
                Problem(
                    "warning",
                    f"{format_path(path)} sier «{match.group(0)}», men communication.languages "
                    f"lister {listed} språk ({', '.join(plan.languages)}); rett tallet i teksten "
                    "eller listen over språk",
                    path,
                    code="W-KONS-004",
                )
            )
    return problems


_LEADER_TITLE = re.compile(
    r"(?:styre)?(?:leder|leiar|ledar)|dagl(?:ig|eg)\s+(?:leder|leiar)", re.IGNORECASE
)


def _is_leader(title: str) -> bool:
    """A title that makes its holder the leader of the organisation it names: «leder»,
    «styreleiar», «daglig leder» – not «leder av beboerrådet», which names another body."""
    return _LEADER_TITLE.fullmatch(title.strip()) is not None


def _leaders(model: Initiative) -> list[Problem]:
    problems: list[Problem] = []
    for b, body in enumerate(model.organisation.bodies):
        named: dict[str, Path] = {}
        for m, member in enumerate(body.members):
            # «leder» with an organisation leads that organisation (checked below), not the body
            if _is_leader(member.title) and not member.organisation:
                named.setdefault(member.name, ("organisation", "bodies", b, "members", m))
        for r, role in enumerate(model.organisation.roles):
            if role.body_id == body.id and role.holder and _is_leader(role.title):
                named.setdefault(role.holder, ("organisation", "roles", r, "holder"))
        problems += _two_leaders(body.name, named)
    orgs: dict[str, dict[str, Path]] = defaultdict(dict)
    for p, partner in enumerate(model.partners):
        if partner.contact.name and _is_leader(partner.contact.title):
            orgs[partner.name].setdefault(partner.contact.name, ("partners", p, "contact"))
    for b, body in enumerate(model.organisation.bodies):
        for m, member in enumerate(body.members):
            if (
                member.organisation
                and _is_leader(member.title)
                and any(p.name == member.organisation for p in model.partners)
            ):
                orgs[member.organisation].setdefault(
                    member.name, ("organisation", "bodies", b, "members", m)
                )
    for name, named in orgs.items():
        problems += _two_leaders(name, named)
    return problems


def _two_leaders(organisation: str, named: dict[str, Path]) -> list[Problem]:
    names = list(named)
    if len(names) < 2:
        return []
    places = " og ".join(f"{n} ({format_path(named[n])})" for n in names)
    return [
        Problem(
            "warning",
            f"{organisation} har {len(names)} ulike ledere: {places}; rett navnet eller tittelen "
            "slik at organisasjonen har én leder",
            named[names[1]],
            code="W-ORG-001",
        )
    ]
