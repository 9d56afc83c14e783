"""Cross-references are ids; this resolves every one and names both ends when one dangles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from ..errors import PathPart, Problem
from ..model import MUNICIPALITY_PARTY, Activity, Initiative

Path = tuple[PathPart, ...]


def views_years(act: Activity) -> str:
    """«2026» or «2013–2020» for a multi-year activity."""
    years = act.years
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _duplicates(kind: str, items: Iterable[tuple[Path, str]]) -> Iterator[Problem]:
    listed = list(items)
    counts = Counter(i for _, i in listed)
    seen: set[str] = set()
    for path, ident in listed:
        if counts[ident] > 1:
            if ident in seen:
                yield Problem(
                    "error",
                    f"{kind}-id «{ident}» er brukt mer enn én gang; hver id må være unik",
                    (*path, "id"),
                    code="E-REF-002",
                )
            seen.add(ident)


def _unknown(
    path: Path, owner: str, kind: str, ident: str | None, known: set[str]
) -> Iterator[Problem]:
    if ident is not None and ident not in known:
        choices = ", ".join(sorted(known)[:12]) or "ingen er definert"
        yield Problem(
            "error",
            f"{owner} viser til ukjent {kind} «{ident}»; kjente id-er: {choices}",
            path,
            code="E-REF-001",
        )


def reference_problems(model: Initiative) -> list[Problem]:
    """Duplicate ids and dangling references, as errors."""
    goal_paths: list[tuple[Path, str]] = []
    sub_goal_ids: set[str] = set()
    indicator_paths: list[tuple[Path, str]] = []
    for m, main in enumerate(model.goals.main_goals):
        mp: Path = ("goals", "main_goals", m)
        goal_paths.append((mp, main.id))
        indicator_paths += [
            ((*mp, "indicators", i), ind.id) for i, ind in enumerate(main.indicators)
        ]
        for s, sub in enumerate(main.sub_goals):
            sp = (*mp, "sub_goals", s)
            goal_paths.append((sp, sub.id))
            sub_goal_ids.add(sub.id)
            indicator_paths += [
                ((*sp, "indicators", i), ind.id) for i, ind in enumerate(sub.indicators)
            ]
            for r, res in enumerate(sub.result_goals):
                rp = (*sp, "result_goals", r)
                goal_paths.append((rp, res.id))
                indicator_paths += [
                    ((*rp, "indicators", i), ind.id) for i, ind in enumerate(res.indicators)
                ]
    goal_ids = {g for _, g in goal_paths}

    programme_paths: list[tuple[Path, str]] = []
    sub_programme_ids: set[str] = set()
    project_ids: set[str] = set()
    sub_project_ids: set[str] = set()
    owners: list[tuple[Path, str, str | None]] = []
    goal_links: list[tuple[Path, str, list[str]]] = []
    owner_links: list[tuple[Path, str, list[str]]] = []
    for d, dp in enumerate(model.programme.sub_programmes):
        dpath: Path = ("programme", "sub_programmes", d)
        programme_paths.append((dpath, dp.id))
        sub_programme_ids.add(dp.id)
        owners.append(((*dpath, "owner_role_id"), f"delprogram «{dp.id}»", dp.owner_role_id))
        goal_links.append(((*dpath, "goal_ids"), f"delprogram «{dp.id}»", dp.goal_ids))
        for p, proj in enumerate(dp.projects):
            ppath = (*dpath, "projects", p)
            programme_paths.append((ppath, proj.id))
            project_ids.add(proj.id)
            owners.append(((*ppath, "owner_role_id"), f"prosjekt «{proj.id}»", proj.owner_role_id))
            goal_links.append(((*ppath, "goal_ids"), f"prosjekt «{proj.id}»", proj.goal_ids))
            owner_links.append(((*ppath, "owner_ids"), f"prosjekt «{proj.id}»", proj.owner_ids))
            for q, subp in enumerate(proj.sub_projects):
                qpath = (*ppath, "sub_projects", q)
                programme_paths.append((qpath, subp.id))
                sub_project_ids.add(subp.id)
                owners.append(
                    ((*qpath, "owner_role_id"), f"delprosjekt «{subp.id}»", subp.owner_role_id)
                )
                goal_links.append(((*qpath, "goal_ids"), f"delprosjekt «{subp.id}»", subp.goal_ids))

    org = model.organisation
    role_ids = {r.id for r in org.roles}
    body_ids = {b.id for b in org.bodies}
    partner_ids = {p.id for p in model.partners}
    source_ids = {s.id for s in model.knowledge_base.sources}
    parties = partner_ids | body_ids | {MUNICIPALITY_PARTY}
    """Who may partner in or own an activity or project: a partner, a body, the municipality."""

    problems: list[Problem] = []
    problems += _duplicates("mål", goal_paths)
    problems += _duplicates("indikator", indicator_paths)
    problems += _duplicates("program", programme_paths)
    problems += _duplicates(
        "rolle", [(("organisation", "roles", i), r.id) for i, r in enumerate(org.roles)]
    )
    problems += _duplicates(
        "organ", [(("organisation", "bodies", i), b.id) for i, b in enumerate(org.bodies)]
    )
    problems += _duplicates(
        "partner", [(("partners", i), p.id) for i, p in enumerate(model.partners)]
    )
    problems += _duplicates(
        "kilde",
        [
            (("knowledge_base", "sources", i), s.id)
            for i, s in enumerate(model.knowledge_base.sources)
        ],
    )
    problems += _duplicates(
        "avtale", [(("agreements", i), a.id) for i, a in enumerate(model.agreements)]
    )
    problems += _duplicates(
        "aktivitet",
        [(("activities", i), f"{a.years[0]}/{a.id}") for i, a in enumerate(model.activities)],
    )
    if MUNICIPALITY_PARTY in partner_ids:
        problems.append(
            Problem(
                "error",
                f"partner-id «{MUNICIPALITY_PARTY}» er reservert for kommunen selv; gi partneren en annen id",
                ("partners",),
                code="E-REF-003",
            )
        )

    for path, owner, owner_role in owners:
        problems += _unknown(path, owner, "rolle", owner_role, role_ids)
    for path, owner, links in goal_links:
        for i, g in enumerate(links):
            problems += _unknown((*path, i), owner, "mål", g, goal_ids)
    problems += _unknown(
        ("organisation", "programme_manager_role_id"),
        "programlederen",
        "rolle",
        org.programme_manager_role_id,
        role_ids,
    )
    for b, body in enumerate(org.bodies):
        problems += _unknown(
            ("organisation", "bodies", b, "reports_to"),
            f"organet «{body.id}»",
            "organ",
            body.reports_to,
            body_ids,
        )
        for m, member in enumerate(body.members):
            problems += _unknown(
                ("organisation", "bodies", b, "members", m, "role_id"),
                f"medlemmet «{member.name}»",
                "rolle",
                member.role_id,
                role_ids,
            )
    for r, role in enumerate(org.roles):
        problems += _unknown(
            ("organisation", "roles", r, "body_id"),
            f"rollen «{role.id}»",
            "organ",
            role.body_id,
            body_ids,
        )
        problems += _unknown(
            ("organisation", "roles", r, "partner_id"),
            f"rollen «{role.id}»",
            "partner",
            role.partner_id,
            partner_ids,
        )
    for s, strategy in enumerate(model.strategies):
        for i, g in enumerate(strategy.goal_ids):
            problems += _unknown(
                ("strategies", s, "goal_ids", i), f"strategien «{strategy.id}»", "mål", g, goal_ids
            )
    for kind, findings in (
        ("challenges", model.knowledge_base.challenges),
        ("resources", model.knowledge_base.resources),
    ):
        for f, finding in enumerate(findings):
            for i, src in enumerate(finding.source_ids):
                problems += _unknown(
                    ("knowledge_base", kind, f, "source_ids", i),
                    f"«{finding.title}»",
                    "kilde",
                    src,
                    source_ids,
                )
    for path, ind_id in indicator_paths:
        ind = _indicator_at(model, path)
        if ind is not None:
            problems += _unknown(
                (*path, "responsible_role_id"), f"indikatoren «{ind_id}»", "rolle", ind, role_ids
            )

    for a, act in enumerate(model.activities):
        ap: Path = ("activities", a)
        who = f"aktivitet «{act.id}» ({views_years(act)})"
        problems += _unknown(
            (*ap, "sub_programme_id"), who, "delprogram", act.sub_programme_id, sub_programme_ids
        )
        problems += _unknown((*ap, "project_id"), who, "prosjekt", act.project_id, project_ids)
        problems += _unknown(
            (*ap, "sub_project_id"), who, "delprosjekt", act.sub_project_id, sub_project_ids
        )
        problems += _unknown(
            (*ap, "responsible_role_id"), who, "rolle", act.responsible_role_id, role_ids
        )
        for i, sub_goal in enumerate(act.sub_goal_ids):
            problems += _unknown((*ap, "sub_goal_ids", i), who, "delmål", sub_goal, sub_goal_ids)
        for i, act_partner in enumerate(act.partner_ids):
            problems += _unknown((*ap, "partner_ids", i), who, "partner", act_partner, parties)
        for i, goal in enumerate(act.goal_ids):
            problems += _unknown((*ap, "goal_ids", i), who, "mål", goal, goal_ids)
        owner_links.append(((*ap, "owner_ids"), who, act.owner_ids))
    for path, owner, links in owner_links:
        for i, party in enumerate(links):
            problems += _unknown((*path, i), owner, "eier", party, parties)

    for n, agr in enumerate(model.agreements):
        gp: Path = ("agreements", n)
        who = f"avtalen «{agr.id}»"
        for i, agr_partner in enumerate(agr.partner_ids):
            problems += _unknown((*gp, "partner_ids", i), who, "partner", agr_partner, partner_ids)
        for i, goal in enumerate(agr.goal_ids):
            problems += _unknown((*gp, "goal_ids", i), who, "mål", goal, goal_ids)
        parties = set(agr.partner_ids) | {MUNICIPALITY_PARTY}
        party_refs = [
            *(("obligations", i, o.party_id) for i, o in enumerate(agr.obligations)),
            *(("contributions", i, c.party_id) for i, c in enumerate(agr.contributions)),
            *(("signatories", i, s.party_id) for i, s in enumerate(agr.signatories)),
        ]
        for kind, i, pid in party_refs:
            if pid not in parties:
                problems.append(
                    Problem(
                        "error",
                        f"{who} nevner part «{pid}», som ikke er part i avtalen; "
                        f"parter er: {', '.join(sorted(parties))} – legg den til i partner_ids eller rett id-en",
                        (*gp, kind, i, "party_id"),
                        code="E-REF-004",
                    )
                )

    if model.communication is not None:
        comm = model.communication
        channel_ids = {c.id for c in comm.channels}
        group_ids = {t.id for t in comm.target_groups}
        for m, measure in enumerate(comm.measures):
            mp2: Path = ("communication", "measures", m)
            who = f"kommunikasjonstiltaket «{measure.activity}»"
            for i, c in enumerate(measure.channel_ids):
                problems += _unknown((*mp2, "channel_ids", i), who, "kanal", c, channel_ids)
            for i, t in enumerate(measure.target_group_ids):
                problems += _unknown((*mp2, "target_group_ids", i), who, "målgruppe", t, group_ids)
            problems += _unknown(
                (*mp2, "responsible_role_id"), who, "rolle", measure.responsible_role_id, role_ids
            )
    if model.council_case is not None:
        reported = model.report_years()
        for i, year in enumerate(model.council_case.attached_annual_reports):
            if year not in reported:
                known = ", ".join(map(str, reported)) or "ingen år har rapportdata ennå"
                problems.append(
                    Problem(
                        "error",
                        f"saken legger ved årsrapporten for {year}, men {year} har ingen "
                        "rapportdata (status eller forbruk under en aktivitets reports, en "
                        f"indikatormåling eller annual_reports); år med årsrapport: {known}",
                        ("council_case", "attached_annual_reports", i),
                        code="E-REF-001",
                    )
                )
    problems += _structure_problems(model)
    return problems


def _structure_problems(model: Initiative) -> list[Problem]:
    """Ids that exist but point to the wrong place in the programme or organisation."""
    problems: list[Problem] = []
    problems += _duplicates(
        "strategi", [(("strategies", i), st.id) for i, st in enumerate(model.strategies)]
    )
    if model.communication is not None:
        comm = model.communication
        problems += _duplicates(
            "kanal", [(("communication", "channels", i), c.id) for i, c in enumerate(comm.channels)]
        )
        problems += _duplicates(
            "målgruppe",
            [
                (("communication", "target_groups", i), t.id)
                for i, t in enumerate(comm.target_groups)
            ],
        )

    project_home: dict[str, str] = {}
    sub_project_home: dict[str, str] = {}
    for dp in model.programme.sub_programmes:
        for proj in dp.projects:
            project_home[proj.id] = dp.id
            for subp in proj.sub_projects:
                sub_project_home[subp.id] = proj.id
    for a, act in enumerate(model.activities):
        who = f"aktivitet «{act.id}» ({views_years(act)})"
        home = project_home.get(act.project_id or "")
        if home is not None and home != act.sub_programme_id:
            problems.append(
                Problem(
                    "error",
                    f"{who} hører til delprogram «{act.sub_programme_id}», men prosjekt "
                    f"«{act.project_id}» ligger under delprogram «{home}»; rett en av dem",
                    ("activities", a, "project_id"),
                    code="E-REF-005",
                )
            )
        parent = sub_project_home.get(act.sub_project_id or "")
        if parent is not None and parent != act.project_id:
            problems.append(
                Problem(
                    "error",
                    f"{who}: delprosjekt «{act.sub_project_id}» ligger under prosjekt «{parent}», "
                    f"ikke under «{act.project_id or '(ingen)'}»; sett project_id til «{parent}»",
                    ("activities", a, "sub_project_id"),
                    code="E-REF-005",
                )
            )

    reports_to = {b.id: b.reports_to for b in model.organisation.bodies}
    for b, body in enumerate(model.organisation.bodies):
        seen = [body.id]
        nxt = body.reports_to
        while nxt is not None and nxt in reports_to:
            if nxt == body.id:
                chain = " → ".join([*seen, nxt])
                problems.append(
                    Problem(
                        "error",
                        f"organene rapporterer i ring ({chain}); øverste organ skal ikke ha reports_to",
                        ("organisation", "bodies", b, "reports_to"),
                        code="E-REF-006",
                    )
                )
                break
            if nxt in seen:
                break
            seen.append(nxt)
            nxt = reports_to[nxt]
    return problems


def _indicator_at(model: Initiative, path: Path) -> str | None:
    node: object = model
    for part in path:
        node = node[part] if isinstance(part, int) else getattr(node, part)  # type: ignore[index]
    return getattr(node, "responsible_role_id", None)
