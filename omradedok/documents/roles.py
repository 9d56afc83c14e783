"""The role and responsibility matrix (rolle- og ansvarsmatrise), derived from the model.

Phase 2 asks that roles and responsibilities are clearly defined and written into the plan and
into the cooperation agreements. Nothing here is typed twice: every cell is derived from what
the model already says about bodies, roles, activities and agreements.

Public API (stable; used by rollematrise.xlsx, samarbeidsavtale.docx and handlingsplan.docx)
-------------------------------------------------------------------------------------------
``responsibility_matrix(model) -> ResponsibilityMatrix``
    The whole initiative: tasks × parties.
``agreement_matrix(model, agreement) -> ResponsibilityMatrix``
    One agreement's parties (the municipality, then ``agreement.partner_ids``) and the tasks
    relevant to them.
``agreement_activities(model, agreement) -> list[Activity]``
    The activities of the activity plans that the agreement's partners take part in, within
    the agreement's period (the «Innhold og aktiviteter» clause).
``party_activities(model, partner_id) -> list[Activity]``
    The activities one partner takes part in (listed as partner, or holding the responsible role).

``ResponsibilityMatrix`` (frozen)
    ``parties: list[MatrixParty]`` – the columns, in order;
    ``rows: list[MatrixRow]`` – the tasks, in order;
    ``cell(row, party_id) -> Involvement | None``; ``party(party_id)``;
    ``restricted(party_ids)`` (only those columns, and the rows with a cell in them);
    ``from_sources(*sources)`` (only rows of those kinds); ``without_empty_parties()``.
``MatrixParty`` (frozen): ``id`` (the key of ``MatrixRow.cells``), ``ref`` (the model id),
    ``name``, ``kind`` («municipality» | «body» | «role» | «partner»), ``detail`` (a role's
    holder, else «»).
``MatrixRow`` (frozen): ``task`` (text shown to the reader), ``source`` («body» | «role» |
    «activity» | «agreement»), ``ref`` (body id, role id, «2026/1.1», agreement id), ``origin``
    (the human name of the source: body name, role title, activity number, agreement parties),
    ``year`` (activities only), ``cells: Mapping[party id, Involvement]``;
    ``source_label(language)`` → «Aktivitet 1.1 (2026)», «Rolle: Programleder» …

Party ids: ``kommunen`` for the municipality (the same id agreements use), and
``body:<id>``, ``role:<id>``, ``partner:<id>`` for the others, so ids from different lists
can never collide. ``party_id(kind, ref)`` builds them.

Labels: ``involvement_label(value, language)`` («Ansvarlig»/«Ansvarleg» …, from
``omradedok.locale``), ``involvement_letter(value)`` (A, B, K, I – the same in bokmål and
nynorsk), ``legend(language)``, ``party_kind_label(kind, language)``.

Rules (whole initiative)
------------------------
1. A body with a mandate gives a row (task = the mandate): the body is **Ansvarlig**; the roles
   that sit in it (``role.body_id``) or that its members hold (``member.role_id``) **Bidrar**,
   and so do the partners those roles belong to; the body it reports to is **Informeres**.
2. Each responsibility of a role gives a row: the role is **Ansvarlig**; the body or partner
   the role sits in **Bidrar**; the body that body reports to is **Informeres**.
3. Each activity gives a row (task = the activity's title): the responsible role is
   **Ansvarlig**; its body or partner **Bidrar**; the activity's partners **Bidrar**; the
   owners of the activity's delprogram, prosjekt and delprosjekt (when another role)
   **Konsulteres**; the body the responsible role's body reports to is **Informeres**.
4. Each task in an agreement's obligations gives a row (obligations with the same task text
   in the same agreement share one row): the party has the involvement the agreement states;
   «kommunen» is the municipality column.
5. When a party gets several involvements on one row, the strongest wins
   (Ansvarlig > Bidrar > Konsulteres > Informeres).

Columns: the municipality (only when some row names it), then every body, role and partner
in model order – a party without any task is shown too, which is itself worth noticing.
Rows: bodies, roles, activities (by year, then activity number), agreement obligations.

Rules (one agreement)
---------------------
The whole matrix is projected onto the agreement's parties: a partner's own column and the
columns of the roles that sit with it (``role.partner_id``) become that partner's column; the
initiative's own organisation – its bodies, the roles in them, and municipal units
(``PartnerKind.MUNICIPAL_UNIT``) that are not themselves party – acts for the municipality and
becomes «kommunen». The strongest involvement wins. Kept are: this agreement's obligations
(all of them, first: they are what the parties sign), then every body, role or activity row
in which at least one partner of the agreement has a part – activities only when they overlap
the agreement's period. Other agreements' obligations are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from ..locale.labels import enum_label, pick
from ..model import (
    MUNICIPALITY_PARTY,
    Activity,
    Agreement,
    Initiative,
    Involvement,
    Language,
    PartnerKind,
    Role,
)

PartyKind = Literal["municipality", "body", "role", "partner"]
RowSource = Literal["body", "role", "activity", "agreement"]

STRENGTH: Mapping[Involvement, int] = MappingProxyType(
    {
        Involvement.RESPONSIBLE: 4,
        Involvement.CONTRIBUTES: 3,
        Involvement.CONSULTED: 2,
        Involvement.INFORMED: 1,
    }
)
"""Order used when one party gets several involvements on one row: the strongest wins."""

_LETTERS: Mapping[Involvement, str] = MappingProxyType(
    {
        Involvement.RESPONSIBLE: "A",
        Involvement.CONTRIBUTES: "B",
        Involvement.CONSULTED: "K",
        Involvement.INFORMED: "I",
    }
)

_PARTY_KIND_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "municipality": ("Kommune", "Kommune"),
        "body": ("Organ", "Organ"),
        "role": ("Rolle", "Rolle"),
        "partner": ("Partner", "Partnar"),
    }
)

_SOURCE_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "body": ("Organ", "Organ"),
        "role": ("Rolle", "Rolle"),
        "activity": ("Aktivitet", "Aktivitet"),
        "agreement": ("Samarbeidsavtale", "Samarbeidsavtale"),
    }
)


def party_id(kind: PartyKind, ref: str) -> str:
    """The matrix key of a party: «kommunen», «body:B-SG», «role:R-PL», «partner:husbanken»."""
    if kind == "municipality":
        return MUNICIPALITY_PARTY
    return f"{kind}:{ref}"


def involvement_label(value: Involvement, language: Language | str = Language.NB) -> str:
    """«Ansvarlig», «Bidrar», «Konsulteres», «Informeres» (nynorsk: «Ansvarleg» …)."""
    return enum_label(value, language)


def involvement_letter(value: Involvement) -> str:
    """A, B, K or I – the same letters in bokmål and nynorsk."""
    return _LETTERS[value]


def legend(language: Language | str = Language.NB) -> list[tuple[str, str]]:
    """[(«A», «Ansvarlig»), («B», «Bidrar»), («K», «Konsulteres»), («I», «Informeres»)]."""
    return [(involvement_letter(v), involvement_label(v, language)) for v in Involvement]


def party_kind_label(kind: PartyKind, language: Language | str = Language.NB) -> str:
    nb, nn = _PARTY_KIND_LABELS[kind]
    return pick(language, nb, nn)


def strongest(values: Iterable[Involvement]) -> Involvement | None:
    """The strongest of several involvements, or None for none."""
    best: Involvement | None = None
    for value in values:
        if best is None or STRENGTH[value] > STRENGTH[best]:
            best = value
    return best


@dataclass(frozen=True)
class MatrixParty:
    """A column of the matrix."""

    id: str
    """Key in ``MatrixRow.cells``: «kommunen», «body:<id>», «role:<id>» or «partner:<id>»."""
    ref: str
    """The id in the model («kommunen» for the municipality)."""
    name: str
    kind: PartyKind
    detail: str = ""
    """A role's holder; empty for the other kinds."""


@dataclass(frozen=True)
class MatrixRow:
    """A task (row) with each involved party's part in it."""

    task: str
    source: RowSource
    ref: str
    """Body id, role id, «<year>/<activity id>» or agreement id."""
    origin: str
    """Human name of the source: body name, role title, activity number, or the agreement's
    partner names."""
    cells: Mapping[str, Involvement] = field(default_factory=lambda: MappingProxyType({}))
    year: int | None = None
    """The activity plan's year (activity rows only)."""

    def source_label(self, language: Language | str = Language.NB) -> str:
        """«Organ: Programgruppen», «Rolle: Programleder», «Aktivitet 1.1 (2026)»,
        «Samarbeidsavtale med Husbanken»."""
        nb, nn = _SOURCE_LABELS[self.source]
        kind = pick(language, nb, nn)
        if self.source == "activity":
            return f"{kind} {self.origin} ({self.year})"
        if self.source == "agreement":
            return f"{kind} med {self.origin}"
        return f"{kind}: {self.origin}"


@dataclass(frozen=True)
class ResponsibilityMatrix:
    """Tasks × parties, each cell an Involvement (or empty)."""

    parties: list[MatrixParty]
    rows: list[MatrixRow]

    def party(self, pid: str) -> MatrixParty | None:
        return next((p for p in self.parties if p.id == pid), None)

    def cell(self, row: MatrixRow, pid: str) -> Involvement | None:
        return row.cells.get(pid)

    def restricted(self, party_ids: Iterable[str]) -> ResponsibilityMatrix:
        """Only these columns (in the given order), and the rows with a cell in one of them."""
        wanted = [p for pid in party_ids if (p := self.party(pid)) is not None]
        keep = {p.id for p in wanted}
        rows = []
        for row in self.rows:
            cells = {k: v for k, v in row.cells.items() if k in keep}
            if cells:
                rows.append(replace(row, cells=MappingProxyType(cells)))
        return ResponsibilityMatrix(parties=wanted, rows=rows)

    def from_sources(self, *sources: RowSource) -> ResponsibilityMatrix:
        """Only the rows of these kinds, e.g. ``from_sources("body", "role")`` for Organisering."""
        return ResponsibilityMatrix(
            parties=list(self.parties), rows=[r for r in self.rows if r.source in sources]
        )

    def without_empty_parties(self) -> ResponsibilityMatrix:
        """Drop the columns no row uses."""
        used = {k for r in self.rows for k in r.cells}
        return ResponsibilityMatrix(
            parties=[p for p in self.parties if p.id in used], rows=list(self.rows)
        )


# -- building ------------------------------------------------------------------------------


class _Cells:
    """Collects involvements for one row; the strongest per party wins."""

    def __init__(self) -> None:
        self.values: dict[str, Involvement] = {}

    def add(self, pid: str | None, value: Involvement) -> None:
        if pid is None:
            return
        current = self.values.get(pid)
        if current is None or STRENGTH[value] > STRENGTH[current]:
            self.values[pid] = value

    def frozen(self) -> Mapping[str, Involvement]:
        return MappingProxyType(dict(self.values))


def _role_home(model: Initiative, role: Role | None) -> str | None:
    """The party id of the body or partner a role sits in."""
    if role is None:
        return None
    if role.body_id is not None:
        return party_id("body", role.body_id)
    if role.partner_id is not None:
        return party_id("partner", role.partner_id)
    return None


def _reports_to(model: Initiative, body_id: str | None) -> str | None:
    if body_id is None:
        return None
    body = next((b for b in model.organisation.bodies if b.id == body_id), None)
    if body is None or body.reports_to is None:
        return None
    return party_id("body", body.reports_to)


def _activity_owner_roles(model: Initiative, act: Activity) -> list[str]:
    """Owner roles of the activity's delprogram, prosjekt and delprosjekt, in that order."""
    owners: list[str] = []
    for sp in model.programme.sub_programmes:
        if sp.id != act.sub_programme_id:
            continue
        if sp.owner_role_id:
            owners.append(sp.owner_role_id)
        for proj in sp.projects:
            if proj.id != act.project_id:
                continue
            if proj.owner_role_id:
                owners.append(proj.owner_role_id)
            for sub in proj.sub_projects:
                if sub.id == act.sub_project_id and sub.owner_role_id:
                    owners.append(sub.owner_role_id)
    return owners


def _parties(model: Initiative) -> list[MatrixParty]:
    out: list[MatrixParty] = [
        MatrixParty(party_id("body", b.id), b.id, b.name, "body") for b in model.organisation.bodies
    ]
    out += [
        MatrixParty(party_id("role", r.id), r.id, r.title, "role", r.holder)
        for r in model.organisation.roles
    ]
    out += [MatrixParty(party_id("partner", p.id), p.id, p.name, "partner") for p in model.partners]
    return out


def _municipality_party(model: Initiative) -> MatrixParty:
    return MatrixParty(
        MUNICIPALITY_PARTY, MUNICIPALITY_PARTY, model.municipality.name, "municipality"
    )


def _body_rows(model: Initiative) -> list[MatrixRow]:
    rows = []
    for body in model.organisation.bodies:
        if not body.mandate.strip():
            continue
        cells = _Cells()
        cells.add(party_id("body", body.id), Involvement.RESPONSIBLE)
        role_ids = [r.id for r in model.organisation.roles if r.body_id == body.id]
        role_ids += [m.role_id for m in body.members if m.role_id and m.role_id not in role_ids]
        for rid in role_ids:
            cells.add(party_id("role", rid), Involvement.CONTRIBUTES)
            role = model.role(rid)
            if role is not None and role.partner_id is not None:
                cells.add(party_id("partner", role.partner_id), Involvement.CONTRIBUTES)
        cells.add(_reports_to(model, body.id), Involvement.INFORMED)
        rows.append(MatrixRow(body.mandate.strip(), "body", body.id, body.name, cells.frozen()))
    return rows


def _role_rows(model: Initiative) -> list[MatrixRow]:
    rows = []
    for role in model.organisation.roles:
        for text in role.responsibilities:
            if not text.strip():
                continue
            cells = _Cells()
            cells.add(party_id("role", role.id), Involvement.RESPONSIBLE)
            cells.add(_role_home(model, role), Involvement.CONTRIBUTES)
            cells.add(_reports_to(model, role.body_id), Involvement.INFORMED)
            rows.append(MatrixRow(text.strip(), "role", role.id, role.title, cells.frozen()))
    return rows


def _activity_row(model: Initiative, act: Activity) -> MatrixRow:
    cells = _Cells()
    role = model.role(act.responsible_role_id) if act.responsible_role_id else None
    if role is not None:
        cells.add(party_id("role", role.id), Involvement.RESPONSIBLE)
        cells.add(_role_home(model, role), Involvement.CONTRIBUTES)
        cells.add(_reports_to(model, role.body_id), Involvement.INFORMED)
    for pid in act.partner_ids:
        cells.add(party_id("partner", pid), Involvement.CONTRIBUTES)
    for owner in _activity_owner_roles(model, act):
        if owner != act.responsible_role_id:
            cells.add(party_id("role", owner), Involvement.CONSULTED)
    return MatrixRow(
        act.title, "activity", activity_key(act), act.id, cells.frozen(), year=act.years[0]
    )


def activity_key(act: Activity) -> str:
    """«2026/2.3»: an activity by its (first) year and id, unique across the plans."""
    return f"{act.years[0]}/{act.id}"


def _activity_sort_key(act: Activity) -> tuple[int, list[tuple[int, int | str]]]:
    """Year, then «1.2» < «1.10» < «2.1» (numeric parts compared as numbers)."""
    parts: list[tuple[int, int | str]] = []
    for piece in act.id.replace("-", ".").split("."):
        parts.append((0, int(piece)) if piece.isdigit() else (1, piece))
    return act.years[0], parts


def _sorted_activities(activities: Iterable[Activity]) -> list[Activity]:
    return sorted(activities, key=_activity_sort_key)


def agreement_parties_text(model: Initiative, agreement: Agreement) -> str:
    """«Husbanken» / «Nordhagen borettslag, Solåsen borettslag og Fjordvik Boligbyggelag»."""
    names = [p.name if (p := model.partner(pid)) else pid for pid in agreement.partner_ids]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " og " + names[-1]


def _agreement_rows(model: Initiative, agreement: Agreement) -> list[MatrixRow]:
    by_task: dict[str, _Cells] = {}
    texts: dict[str, str] = {}
    for ob in agreement.obligations:
        key = " ".join(ob.task.split()).casefold()
        texts.setdefault(key, " ".join(ob.task.split()))
        pid = (
            MUNICIPALITY_PARTY
            if ob.party_id == MUNICIPALITY_PARTY
            else party_id("partner", ob.party_id)
        )
        by_task.setdefault(key, _Cells()).add(pid, ob.involvement)
    origin = agreement_parties_text(model, agreement)
    return [
        MatrixRow(texts[key], "agreement", agreement.id, origin, cells.frozen())
        for key, cells in by_task.items()
    ]


def responsibility_matrix(model: Initiative) -> ResponsibilityMatrix:
    """The whole initiative's role and responsibility matrix (see the module docstring)."""
    rows = _body_rows(model) + _role_rows(model)
    rows += [_activity_row(model, a) for a in _sorted_activities(model.activities)]
    for agreement in model.agreements:
        rows += _agreement_rows(model, agreement)
    parties = _parties(model)
    if any(MUNICIPALITY_PARTY in r.cells for r in rows):
        parties.insert(0, _municipality_party(model))
    return ResponsibilityMatrix(parties=parties, rows=rows)


# -- one agreement ---------------------------------------------------------------------------


def _projection(model: Initiative, agreement: Agreement) -> dict[str, str]:
    """Whole-matrix party id → agreement party id («kommunen» or «partner:<id>»)."""
    members = set(agreement.partner_ids)
    out: dict[str, str] = {MUNICIPALITY_PARTY: MUNICIPALITY_PARTY}
    for body in model.organisation.bodies:
        out[party_id("body", body.id)] = MUNICIPALITY_PARTY
    for partner in model.partners:
        if partner.id in members:
            out[party_id("partner", partner.id)] = party_id("partner", partner.id)
        elif partner.kind is PartnerKind.MUNICIPAL_UNIT:
            out[party_id("partner", partner.id)] = MUNICIPALITY_PARTY
    for role in model.organisation.roles:
        if role.partner_id is not None:
            target = out.get(party_id("partner", role.partner_id))
            if target is not None:
                out[party_id("role", role.id)] = target
        else:
            out[party_id("role", role.id)] = MUNICIPALITY_PARTY
    return out


def _overlaps(act: Activity, agreement: Agreement) -> bool:
    return activity_date_overlap(act, agreement.valid_from, agreement.valid_to)


def agreement_matrix(model: Initiative, agreement: Agreement) -> ResponsibilityMatrix:
    """The matrix of one agreement: its parties × the tasks relevant to them (module docstring)."""
    mapping = _projection(model, agreement)
    parties = [_municipality_party(model)]
    for pid in agreement.partner_ids:
        partner = model.partner(pid)
        parties.append(
            MatrixParty(party_id("partner", pid), pid, partner.name if partner else pid, "partner")
        )
    partner_keys = {party_id("partner", pid) for pid in agreement.partner_ids}
    activities = {activity_key(a): a for a in model.activities}

    own: list[MatrixRow] = []
    rows: list[MatrixRow] = []
    for row in responsibility_matrix(model).rows:
        if row.source == "agreement":
            if row.ref != agreement.id:
                continue
        elif row.source == "activity":
            act = activities.get(row.ref)
            if act is None or not _overlaps(act, agreement):
                continue
        cells = _Cells()
        for pid, value in row.cells.items():
            cells.add(mapping.get(pid), value)
        projected = cells.frozen()
        if row.source == "agreement":
            own.append(replace(row, cells=projected))
        elif partner_keys & projected.keys():
            rows.append(replace(row, cells=projected))
    return ResponsibilityMatrix(parties=parties, rows=own + rows)


# -- activities of partners ----------------------------------------------------------------


def takes_part(model: Initiative, act: Activity, partner_id: str) -> bool:
    """A partner takes part when listed among the activity's partners or when it holds the
    responsible role."""
    if partner_id in act.partner_ids:
        return True
    role = model.role(act.responsible_role_id) if act.responsible_role_id else None
    return role is not None and role.partner_id == partner_id


def party_activities(model: Initiative, partner_id: str) -> list[Activity]:
    """Every activity the partner takes part in, by year and activity number."""
    return _sorted_activities(a for a in model.activities if takes_part(model, a, partner_id))


def agreement_activities(model: Initiative, agreement: Agreement) -> list[Activity]:
    """Activities an agreement partner takes part in that overlap the agreement's period."""
    return _sorted_activities(
        a
        for a in model.activities
        if _overlaps(a, agreement) and any(takes_part(model, a, p) for p in agreement.partner_ids)
    )


def activity_date_overlap(act: Activity, start: dt.date, end: dt.date) -> bool:
    """Whether an activity runs at some point between start and end (both inclusive)."""
    first, last = act.span()
    return first <= end and last >= start


__all__ = [
    "STRENGTH",
    "MatrixParty",
    "MatrixRow",
    "PartyKind",
    "ResponsibilityMatrix",
    "RowSource",
    "activity_date_overlap",
    "agreement_activities",
    "agreement_matrix",
    "agreement_parties_text",
    "involvement_label",
    "involvement_letter",
    "legend",
    "party_activities",
    "party_id",
    "party_kind_label",
    "responsibility_matrix",
    "strongest",
    "takes_part",
]
