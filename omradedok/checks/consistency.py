"""Consistency rules: what makes a plan weak or contradictory, but still buildable (warnings),
and what would make a document wrong (errors)."""

from __future__ import annotations

from collections import defaultdict

from ..errors import PathPart, Problem
from ..locale.format import format_money, format_year_range
from ..model import (
    MUNICIPALITY_PARTY,
    Agreement,
    DelegationHolder,
    Initiative,
    Language,
    PartnerKind,
)
from ..model.amount import Amount, add_up

Path = tuple[PathPart, ...]


def consistency_problems(model: Initiative) -> list[Problem]:
    problems: list[Problem] = []
    period = model.period
    if period.length < 3:
        problems.append(
            Problem(
                "warning",
                f"perioden {period.start_year}–{period.end_year} er {period.length} år; metoden forutsetter "
                "en langsiktig innsats over flere år (minst 3)",
                ("period",),
                code="W-KONS-001",
            )
        )

    activity_goals: dict[str, int] = defaultdict(int)
    for act in model.activities:
        for g in act.sub_goal_ids:
            activity_goals[g] += 1
    for m, main in enumerate(model.goals.main_goals):
        for s, sub in enumerate(main.sub_goals):
            path = ("goals", "main_goals", m, "sub_goals", s)
            if not sub.indicators and not any(r.indicators for r in sub.result_goals):
                problems.append(
                    Problem(
                        "warning",
                        f"delmål «{sub.id}» har ingen indikator; uten indikator kan målet ikke evalueres",
                        path,
                        code="W-MAAL-001",
                    )
                )
            if model.activities and not activity_goals.get(sub.id):
                problems.append(
                    Problem(
                        "warning",
                        f"delmål «{sub.id}» har ingen aktivitet som bidrar til det",
                        path,
                        code="W-MAAL-002",
                    )
                )

    for a, act in enumerate(model.activities):
        outside = [y for y in act.years if not period.start_year <= y <= period.end_year]
        if outside and act.year is not None and act.year in outside:
            problems.append(
                Problem(
                    "error",
                    f"aktivitet «{act.id}» hører til år {act.year}, utenfor perioden "
                    f"{period.start_year}–{period.end_year}; rett året eller perioden",
                    ("activities", a, "year"),
                    code="E-KONS-001",
                )
            )
        elif outside:
            problems.append(
                Problem(
                    "warning",
                    f"aktivitet «{act.id}» går også i {', '.join(map(str, outside))}, utenfor "
                    f"perioden {period.start_year}–{period.end_year}; den vises bare i "
                    "aktivitetsplanene innenfor perioden",
                    ("activities", a, "start"),
                    code="W-KONS-002",
                )
            )

    for r, role in enumerate(model.organisation.roles):
        if role.body_id is None and role.partner_id is None:
            problems.append(
                Problem(
                    "warning",
                    f"rollen «{role.id}» hører verken til et organ eller en partner; "
                    "fyll ut body_id eller partner_id",
                    ("organisation", "roles", r),
                    code="W-KONS-003",
                )
            )

    totals: dict[int, Amount] = defaultdict(lambda: Amount.exact(0))
    for act in model.activities:
        for year in act.years:
            totals[year] = totals[year] + act.share(year).total
    language = model.municipality.language
    for year, total in sorted(totals.items()):
        frame = model.budget_frame_for(year)
        if frame is None:
            if model.budget_frame:
                problems.append(
                    Problem(
                        "warning",
                        _unframed_year(model, year, language),
                        ("budget_frame",),
                        code="W-BUDS-001",
                    )
                )
        elif total.exceeds(frame.total):
            problems.append(
                Problem(
                    "warning",
                    f"aktivitetene i {year} koster {format_money(total, language)}, mer enn rammen på "
                    f"{format_money(frame.total, language)}",
                    ("budget_frame", model.budget_frame.index(frame)),
                    code="W-BUDS-002",
                )
            )
    problems += agreement_problems(model)
    return problems


def _unframed_year(model: Initiative, year: int, language: Language) -> str:
    """W-BUDS-001: what a year without budget frame has – the known sum of its activities,
    each multi-year activity without a split by year (named, with its years), and a count of
    the activities with no budget at all."""
    nn = Language(language) is Language.NN
    acts = [a for a in model.activities if year in a.years]
    known = [a.share(year).total for a in acts if a.share(year).total.known]
    unsplit = [a for a in acts if a.multi_year and not a.share(year).total.known]
    unknown = [a for a in acts if not a.multi_year and not a.share(year).total.known]
    parts: list[str] = []
    if known:
        money = format_money(add_up(known), language)
        parts.append(f"aktivitetar for {money}" if nn else f"aktiviteter for {money}")
    if unsplit:
        named = _join(
            [f"{a.id} «{a.title}» ({format_year_range(a.years[0], a.years[-1])})" for a in unsplit]
        )
        if len(unsplit) == 1:
            lead = "den fleirårige aktiviteten" if nn else "den flerårige aktiviteten"
        else:
            lead = "dei fleirårige aktivitetane" if nn else "de flerårige aktivitetene"
        rest = "utan budsjett fordelt per år" if nn else "uten budsjett fordelt per år"
        parts.append(f"{lead} {named} {rest}")
    if unknown:
        count = len(unknown)
        if nn:
            noun = "aktivitet" if count == 1 else "aktivitetar"
            parts.append(f"{count} {noun} utan fastsett budsjett")
        else:
            noun = "aktivitet" if count == 1 else "aktiviteter"
            parts.append(f"{count} {noun} uten fastsatt budsjett")
    what = _join(parts)
    if nn:
        return f"år {year} har {what}, men inga budsjettramme"
    return f"år {year} har {what}, men ingen budsjettramme"


# -- samarbeidsavtaler -------------------------------------------------------------------------


def _join(items: list[str]) -> str:
    """«a», «a og b», «a, b og c»."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def _takes_part(
    model: Initiative, partner_id: str, role_partner: dict[str, str | None]
) -> list[int]:
    """Indexes of the activities a partner takes part in (listed, or holding the responsible role)."""
    return [
        i
        for i, act in enumerate(model.activities)
        if partner_id in act.partner_ids
        or (
            act.responsible_role_id is not None
            and role_partner.get(act.responsible_role_id) == partner_id
        )
    ]


def agreement_problems(model: Initiative) -> list[Problem]:
    """Warnings about the cooperation agreements (samarbeidsavtaler).

    Unknown parties are reference errors (references.py). Here, as warnings:

    1. Partner money vs the activity plan. A partner's money is «andre midler» (egenandel,
       eksterne) in the activity plan, except for state agencies (statlige midler, rule 2) and
       municipal units (kommunale midler, not compared). For each agreement, partner and year,
       the partner's ``money`` (summed over its contributions that year; in-kind is not in the
       activity plan and is not compared) must not be more than the sum of ``budget.other`` of
       that year's activities the partner takes part in (listed in ``partner_ids``, or holding
       the responsible role). More would be money the activity plan has no place for. Less is
       fine: other partners and sources share the «andre midler».
    2. State grants vs the plan's state funds. For each year, the money all state agencies
       promise in all agreements must not be more than «statlige midler» in that year's budget
       frame, or, for a year without a frame, the sum of ``budget.state`` of that year's
       activities. (A grant funds the plan as a whole, not only the activities the agency
       takes part in.)
    3. A contribution in a year outside the agreement's period.
    4. A partner that has no duty in the agreement's obligations (clause «Roller, plikter og
       ansvar» would be empty for it).
    5. A partner without an organisation number (clause «Parter» needs it).
    6. Nobody to sign for the municipality (no ``municipality_signatory``, no mayor and no
       signatory for «kommunen»).

    The municipality's own contributions are not compared: an agreement shows only the part
    of the municipal funds that concerns that agreement.
    """
    problems: list[Problem] = []
    language = model.municipality.language
    role_partner = {r.id: r.partner_id for r in model.organisation.roles}
    state_money: dict[int, list[tuple[Path, str, int]]] = defaultdict(list)

    for n, agr in enumerate(model.agreements):
        gp: Path = ("agreements", n)
        problems += _agreement_basics(model, agr, gp)
        money: dict[tuple[str, int], int] = defaultdict(int)
        first: dict[tuple[str, int], int] = {}
        for i, con in enumerate(agr.contributions):
            if not agr.valid_from.year <= con.year <= agr.valid_to.year:
                problems.append(
                    Problem(
                        "warning",
                        f"avtalen «{agr.id}» gjelder {agr.valid_from.year}–{agr.valid_to.year}, "
                        f"men har et bidrag for {con.year}; rett året eller avtaleperioden",
                        (*gp, "contributions", i, "year"),
                        code="W-AVT-001",
                    )
                )
            if con.party_id == MUNICIPALITY_PARTY or con.money is None or not con.money.known:
                continue
            money[(con.party_id, con.year)] += con.money.low or 0
            first.setdefault((con.party_id, con.year), i)

        for (pid, year), amount in money.items():
            partner = model.partner(pid)
            if partner is None or partner.kind is PartnerKind.MUNICIPAL_UNIT:
                continue
            path: Path = (*gp, "contributions", first[(pid, year)], "money")
            if partner.kind is PartnerKind.STATE_AGENCY:
                state_money[year].append(
                    (
                        path,
                        f"{partner.name} {format_money(amount, language)} i avtalen «{agr.id}»",
                        amount,
                    )
                )
                continue
            acts = [
                model.activities[i]
                for i in _takes_part(model, pid, role_partner)
                if year in model.activities[i].years
            ]
            others = add_up(a.share(year).other for a in acts)
            if not others.known or others.partial or others.high is None or amount <= others.high:
                continue
            available = others.high
            promise = (
                f"avtalen «{agr.id}» sier at {partner.name} bidrar med "
                f"{format_money(amount, language)} i {year}"
            )
            if acts:
                message = (
                    f"{promise}, men aktivitetene partneren deltar i det året (aktivitet "
                    f"{_join([a.id for a in acts])}) har bare {format_money(available, language)} "
                    "i andre midler; rett bidraget i avtalen eller «andre midler» i aktivitetsplanen"
                )
            else:
                message = (
                    f"{promise}, men partneren deltar ikke i noen aktivitet det året, så "
                    f"aktivitetsplanen har {format_money(0, language)} i andre midler til bidraget; "
                    "legg partneren til i aktivitetene bidraget gjelder, eller rett bidraget i avtalen"
                )
            problems.append(Problem("warning", message, path, code="W-AVT-002"))

    for year, items in sorted(state_money.items()):
        promised = sum(amount for _, _, amount in items)
        frame = model.budget_frame_for(year)
        if frame is not None:
            state = add_up([frame.state])
            what = f"statlige midler i budsjettrammen for {year}"
        else:
            state = add_up(a.share(year).state for a in model.activities_in(year))
            what = f"statlige midler i aktivitetsplanen for {year}"
        if Amount.exact(promised).exceeds(state) and not state.partial:
            planned = state
            problems.append(
                Problem(
                    "warning",
                    f"samarbeidsavtalene lover {format_money(promised, language)} i statlige "
                    f"bidrag i {year} ({_join([text for _, text, _ in items])}), men "
                    f"{what} er {format_money(planned, language)}; rett bidraget eller rammen",
                    items[0][0],
                    code="W-AVT-003",
                )
            )
    return problems


def _agreement_basics(model: Initiative, agr: Agreement, gp: Path) -> list[Problem]:
    problems: list[Problem] = []
    duty_parties = {o.party_id for o in agr.obligations}
    for pid in agr.partner_ids:
        partner = model.partner(pid)
        if partner is None:
            continue  # a reference error
        if pid not in duty_parties:
            problems.append(
                Problem(
                    "warning",
                    f"avtalen «{agr.id}» gir ikke {partner.name} noen plikter; legg til "
                    f"obligations med party_id «{pid}», ellers blir punktet om roller, plikter "
                    "og ansvar tomt for denne parten",
                    (*gp, "obligations"),
                    code="W-AVT-004",
                )
            )
        if partner.org_number is None:
            problems.append(
                Problem(
                    "warning",
                    f"{partner.name} er part i avtalen «{agr.id}», men mangler "
                    "organisasjonsnummer; fyll ut org_number for partneren",
                    ("partners", model.partners.index(partner), "org_number"),
                    code="W-AVT-005",
                )
            )
    # the same choice the agreement makes: given in the agreement, else the holder of the
    # innstilling's fullmakt (the officer signs by office even without a name), else the mayor
    from .council import municipal_signatory

    signer, why = municipal_signatory(model, agr)
    signs_for_municipality = signer is not None or (
        why == "delegation" and _officer_holds_fullmakt(model)
    )
    if not signs_for_municipality:
        problems.append(
            Problem(
                "warning",
                f"avtalen «{agr.id}» har ingen som signerer for kommunen; fyll ut "
                "municipality.mayor (ordføreren) eller municipality_signatory (en med fullmakt)",
                (*gp, "municipality_signatory"),
                code="W-AVT-006",
            )
        )
    return problems


def _officer_holds_fullmakt(model: Initiative) -> bool:
    from ..documents.innstilling import delegation_holder

    return delegation_holder(model) is DelegationHolder.OFFICER
