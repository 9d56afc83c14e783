"""The role and responsibility matrix (rolle- og ansvarsmatrise), derived from the model.

Phase 2 asks that roles and responsibilities are clearly defined and written into the plan and
into the cooperation agreements. Rows are *tasks* – the model's declared tasks, its projects and
delprosjekter, and its activities – never a body's mandate or a role's prose (those describe
the party, not a task). Columns are the parties that have a part in some task. Every cell is
one of A (Ansvarlig), B (Bidrar), R (Rådført), I (Informert), and every task has exactly one A;
:func:`matrix_findings` lists where the model breaks that rule, for ``validate``.

Public API (stable; used by rollematrise.xlsx, samarbeidsavtale.docx and handlingsplan.docx)
-------------------------------------------------------------------------------------------
``responsibility_matrix(model) -> ResponsibilityMatrix``
    The whole initiative: tasks × parties (only parties with a part in some task).
``agreement_matrix(model, agreement) -> ResponsibilityMatrix``
    One agreement's parties (the municipality, then ``agreement.partner_ids``): the agreement's
    obligations first, then the tasks relevant to them.
``agreement_activities(model, agreement) -> list[Activity]``
    The activities of the activity plans that the agreement's partners take part in, within
    the agreement's period (the «Innhold og aktiviteter» clause).
``party_activities(model, partner_id) -> list[Activity]``
    The activities one partner takes part in (listed as partner, or holding the responsible role).
``matrix_findings(model) -> list[MatrixFinding]``
    Tasks with no or several A, and parties given two different roles in one task.

``ResponsibilityMatrix`` (frozen)
    ``parties: list[MatrixParty]`` – the columns, in order;
    ``rows: list[MatrixRow]`` – the tasks, in order;
    ``cell(row, party_id) -> Involvement | None``; ``party(party_id)``;
    ``restricted(party_ids)`` (only those columns, and the rows with a cell in them);
    ``from_sources(*sources)`` (only rows of those kinds); ``without_empty_parties()``;
    ``groups()`` (the rows by delprogram, in programme order).
``MatrixParty`` (frozen): ``id`` (the key of ``MatrixRow.cells``), ``ref`` (the model id),
    ``name``, ``kind`` («municipality» | «body» | «role» | «partner»), ``detail`` (a role's
    holder, else «»).
``MatrixRow`` (frozen): ``task`` (text shown to the reader), ``source`` («task» | «project» |
    «sub_project» | «activity» | «agreement»), ``ref`` (task id, project id, «2026/1.1»,
    agreement id), ``origin`` (task id, project id, activity number, agreement parties),
    ``year`` (activities only), ``group`` and ``group_name`` (the delprogram, «» for
    programme-wide tasks), ``cells: Mapping[party id, Involvement]``;
    ``source_label(language)`` → «Aktivitet 1.1 (2026)», «Prosjekt P1.1» …

Party ids: ``kommunen`` for the municipality (the same id agreements use), and
``body:<id>``, ``role:<id>``, ``partner:<id>`` for the others, so ids from different lists
can never collide. ``party_id(kind, ref)`` builds them.

Labels: ``involvement_label(value, language)`` («Ansvarlig»/«Ansvarleg» …, from
``omradedok.locale``), ``involvement_letter(value)`` (A, B, R, I – the same in bokmål and
nynorsk), ``legend(language)``, ``party_kind_label(kind, language)``.

Rules (whole initiative)
------------------------
1. A declared task (``model.tasks``) gives a row with exactly the roles it states; its
   ``party_id`` names a role, a body, a partner (looked up in that order) or «kommunen».
2. A project or delprosjekt gives a row (task = its name): its owner role is **Ansvarlig**;
   the responsible roles and the partners of its activities **Bidrar**; the owner of the level
   above (delprogram for a project, project for a delprosjekt), when another role, is
   **Informert**.
3. An activity gives a row (task = its title): the responsible role is **Ansvarlig**; its
   partners **Bidrar**; the owners of its delprogram, prosjekt and delprosjekt, when another
   role, are **Informert**.
4. Derived cells never conflict: when rules 2–3 give a party two parts, the strongest wins
   (Ansvarlig > Bidrar > Rådført > Informert). A declared task's roles are taken as written;
   two different roles for one party there is a finding, and so are a task without A and a
   task with several.

Rows: declared tasks, then per delprogram its projects (each followed by its delprosjekter),
then the activities (by year, then activity number).

Rules (one agreement)
---------------------
The whole matrix is projected onto the agreement's parties: a partner's own column and the
columns of the roles that sit with it (``role.partner_id``) become that partner's column; the
initiative's own organisation – its bodies, the roles in them, and municipal units
(``PartnerKind.MUNICIPAL_UNIT``) that are not themselves party – acts for the municipality and
becomes «kommunen». The strongest involvement wins. Kept are: this agreement's obligations
(all of them, first: they are what the parties sign), then every task row in which at least
one partner of the agreement has a part – activities only when they overlap the agreement's
period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from ..errors import PathPart
from ..locale.labels import enum_label, pick
from ..model import (
    MUNICIPALITY_PARTY,
    Activity,
    Agreement,
    Initiative,
    Involvement,
    Language,
    PartnerKind,
)

PartyKind = Literal["municipality", "body", "role", "partner"]
RowSource = Literal["task", "project", "sub_project", "activity", "agreement"]

STRENGTH: Mapping[Involvement, int] = MappingProxyType(
    {
        Involvement.RESPONSIBLE: 4,
        Involvement.CONTRIBUTES: 3,
        Involvement.CONSULTED: 2,
        Involvement.INFORMED: 1,
    }
)
"""Order used when derived rules give one party several parts in one row: the strongest wins."""

_LETTERS: Mapping[Involvement, str] = MappingProxyType(
    {
        Involvement.RESPONSIBLE: "A",
        Involvement.CONTRIBUTES: "B",
        Involvement.CONSULTED: "R",
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
        "task": ("Oppgave", "Oppgåve"),
        "project": ("Prosjekt", "Prosjekt"),
        "sub_project": ("Delprosjekt", "Delprosjekt"),
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
    """«Ansvarlig», «Bidrar», «Rådført», «Informert» (nynorsk: «Ansvarleg», «Bidreg» …)."""
    return enum_label(value, language)


def involvement_letter(value: Involvement) -> str:
    """A, B, R or I – the same letters in bokmål and nynorsk."""
    return _LETTERS[value]


def legend(language: Language | str = Language.NB) -> list[tuple[str, str]]:
    """[(«A», «Ansvarlig»), («B», «Bidrar»), («R», «Rådført»), («I», «Informert»)]."""
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
    """Task id, project or delprosjekt id, «<year>/<activity id>» or agreement id."""
    origin: str
    """Short name of the source: task id, project id, activity number, or the agreement's
    partner names."""
    cells: Mapping[str, Involvement] = field(default_factory=lambda: MappingProxyType({}))
    year: int | None = None
    """The activity plan's year (activity rows only)."""
    group: str = ""
    """The delprogram id («» for programme-wide tasks)."""
    group_name: str = ""
    path: tuple[PathPart, ...] = ()
    """Where the task is in the model (for validate's messages)."""

    def source_label(self, language: Language | str = Language.NB) -> str:
        """«Aktivitet 1.1 (2026)», «Prosjekt P1.1», «Oppgave T1», «Samarbeidsavtale med
        Husbanken»."""
        nb, nn = _SOURCE_LABELS[self.source]
        kind = pick(language, nb, nn)
        if self.source == "activity":
            return f"{kind} {self.origin} ({self.year})"
        if self.source == "agreement":
            return f"{kind} med {self.origin}"
        return f"{kind} {self.origin}"


@dataclass(frozen=True)
class ResponsibilityMatrix:
    """Tasks × parties, each cell an Involvement (or empty)."""

    parties: list[MatrixParty]
    rows: list[MatrixRow]
    group_order: tuple[str, ...] = ()
    """The delprogram ids in programme order (for ``groups``)."""

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
        return ResponsibilityMatrix(parties=wanted, rows=rows, group_order=self.group_order)

    def from_sources(self, *sources: RowSource) -> ResponsibilityMatrix:
        """Only the rows of these kinds, e.g. ``from_sources("task", "project")``."""
        return ResponsibilityMatrix(
            parties=list(self.parties),
            rows=[r for r in self.rows if r.source in sources],
            group_order=self.group_order,
        )

    def without_empty_parties(self) -> ResponsibilityMatrix:
        """Drop the columns no row uses."""
        used = {k for r in self.rows for k in r.cells}
        return ResponsibilityMatrix(
            parties=[p for p in self.parties if p.id in used],
            rows=list(self.rows),
            group_order=self.group_order,
        )

    def groups(self) -> list[tuple[str, str, ResponsibilityMatrix]]:
        """(delprogram id, name, its rows with only the columns they use), programme-wide
        tasks («», «») first, then the delprogram in programme order."""
        order: list[tuple[str, str]] = []
        for row in self.rows:
            if (row.group, row.group_name) not in order:
                order.append((row.group, row.group_name))
        known = {gid: i for i, gid in enumerate(self.group_order)}
        order.sort(key=lambda g: (g[0] != "", known.get(g[0], len(known))))
        out = []
        for gid, name in order:
            rows = [r for r in self.rows if r.group == gid]
            sub = ResponsibilityMatrix(list(self.parties), rows, self.group_order)
            out.append((gid, name, sub.without_empty_parties()))
        return out


@dataclass(frozen=True)
class MatrixFinding:
    """A task that breaks the one-A rule, or a party with two roles in one task."""

    kind: Literal["no_responsible", "several_responsible", "conflict"]
    row: MatrixRow
    parties: tuple[str, ...]
    """Party names involved (the two A, or the party with two roles)."""
    involvements: tuple[Involvement, ...] = ()
    """For «conflict»: the roles the model gives the party."""
    paths: tuple[tuple[PathPart, ...], ...] = ()
    """Where the model states them."""


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


def resolve_party(model: Initiative, ref: str) -> str | None:
    """The matrix id of a declared task's ``party_id``: a role, a body, a partner (in that
    order) or «kommunen»; None when the model has no such party."""
    if ref == MUNICIPALITY_PARTY:
        return MUNICIPALITY_PARTY
    if model.role(ref) is not None:
        return party_id("role", ref)
    if any(b.id == ref for b in model.organisation.bodies):
        return party_id("body", ref)
    if model.partner(ref) is not None:
        return party_id("partner", ref)
    return None


def all_parties(model: Initiative) -> list[MatrixParty]:
    """Every party of the model, the municipality first, then bodies, roles and partners."""
    out: list[MatrixParty] = [_municipality_party(model)]
    out += [
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


def _role(rid: str | None) -> str | None:
    return party_id("role", rid) if rid else None


def _sub_programme_names(model: Initiative) -> dict[str, str]:
    return {sp.id: sp.name for sp in model.programme.sub_programmes}


def _task_rows(model: Initiative) -> list[MatrixRow]:
    names = _sub_programme_names(model)
    rows = []
    for i, task in enumerate(model.tasks):
        cells = _Cells()
        for role in task.roles:
            cells.add(resolve_party(model, role.party_id), role.involvement)
        group = task.sub_programme_id or ""
        rows.append(
            MatrixRow(
                " ".join(task.text.split()),
                "task",
                task.id,
                task.id,
                cells.frozen(),
                group=group,
                group_name=names.get(group, group),
                path=("tasks", i),
            )
        )
    return rows


def _contributors(cells: _Cells, acts: Iterable[Activity]) -> None:
    for act in acts:
        cells.add(_role(act.responsible_role_id), Involvement.CONTRIBUTES)
        for pid in act.partner_ids:
            cells.add(party_id("partner", pid), Involvement.CONTRIBUTES)


def _project_rows(model: Initiative) -> list[MatrixRow]:
    rows = []
    for s, sp in enumerate(model.programme.sub_programmes):
        for p, proj in enumerate(sp.projects):
            acts = [a for a in model.activities if a.project_id == proj.id]
            cells = _Cells()
            cells.add(_role(proj.owner_role_id), Involvement.RESPONSIBLE)
            _contributors(cells, acts)
            if sp.owner_role_id != proj.owner_role_id:
                cells.add(_role(sp.owner_role_id), Involvement.INFORMED)
            path: tuple[PathPart, ...] = ("programme", "sub_programmes", s, "projects", p)
            rows.append(
                MatrixRow(
                    proj.name, "project", proj.id, proj.id, cells.frozen(),
                    group=sp.id, group_name=sp.name, path=path,
                )
            )  # fmt: skip
            for q, sub in enumerate(proj.sub_projects):
                cells = _Cells()
                cells.add(_role(sub.owner_role_id), Involvement.RESPONSIBLE)
                _contributors(cells, (a for a in acts if a.sub_project_id == sub.id))
                if proj.owner_role_id != sub.owner_role_id:
                    cells.add(_role(proj.owner_role_id), Involvement.INFORMED)
                rows.append(
                    MatrixRow(
                        sub.name, "sub_project", sub.id, sub.id, cells.frozen(),
                        group=sp.id, group_name=sp.name, path=(*path, "sub_projects", q),
                    )
                )  # fmt: skip
    return rows


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


def _activity_row(model: Initiative, act: Activity, index: int, names: dict[str, str]) -> MatrixRow:
    cells = _Cells()
    cells.add(_role(act.responsible_role_id), Involvement.RESPONSIBLE)
    for pid in act.partner_ids:
        cells.add(party_id("partner", pid), Involvement.CONTRIBUTES)
    for owner in _activity_owner_roles(model, act):
        if owner != act.responsible_role_id:
            cells.add(party_id("role", owner), Involvement.INFORMED)
    return MatrixRow(
        act.title, "activity", activity_key(act), act.id, cells.frozen(), year=act.years[0],
        group=act.sub_programme_id or "",
        group_name=names.get(act.sub_programme_id or "", act.sub_programme_id or ""),
        path=("activities", index),
    )  # fmt: skip


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
    names = _sub_programme_names(model)
    index = {id(a): i for i, a in enumerate(model.activities)}
    rows = _task_rows(model) + _project_rows(model)
    rows += [
        _activity_row(model, a, index[id(a)], names) for a in _sorted_activities(model.activities)
    ]
    order = tuple(sp.id for sp in model.programme.sub_programmes)
    matrix = ResponsibilityMatrix(parties=all_parties(model), rows=rows, group_order=order)
    return matrix.without_empty_parties()


# -- findings for validate -------------------------------------------------------------------


def matrix_findings(model: Initiative) -> list[MatrixFinding]:
    """Tasks whose A is missing or not unique, and declared tasks giving one party two roles."""
    parties = {p.id: p.name for p in all_parties(model)}
    rows = {r.path: r for r in responsibility_matrix(model).rows}
    out: list[MatrixFinding] = []
    for i, task in enumerate(model.tasks):
        row = rows[("tasks", i)]
        stated: dict[str, list[tuple[Involvement, tuple[PathPart, ...]]]] = {}
        for j, role in enumerate(task.roles):
            pid = resolve_party(model, role.party_id)
            if pid is not None:
                stated.setdefault(pid, []).append((role.involvement, ("tasks", i, "roles", j)))
        for pid, claims in stated.items():
            kinds = tuple(dict.fromkeys(c[0] for c in claims))
            if len(kinds) > 1:
                out.append(
                    MatrixFinding(
                        "conflict", row, (parties[pid],), kinds, tuple(c[1] for c in claims)
                    )
                )
    for row in rows.values():
        responsible = [pid for pid, v in row.cells.items() if v is Involvement.RESPONSIBLE]
        if not responsible:
            out.append(MatrixFinding("no_responsible", row, (), paths=(row.path,)))
        elif len(responsible) > 1:
            names = tuple(parties.get(pid, pid) for pid in responsible)
            out.append(MatrixFinding("several_responsible", row, names, paths=(row.path,)))
    return out


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
    for row in _agreement_rows(model, agreement) + responsibility_matrix(model).rows:
        if row.source == "activity":
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
    "MatrixFinding",
    "MatrixParty",
    "MatrixRow",
    "PartyKind",
    "ResponsibilityMatrix",
    "RowSource",
    "activity_date_overlap",
    "agreement_activities",
    "agreement_matrix",
    "agreement_parties_text",
    "all_parties",
    "involvement_label",
    "involvement_letter",
    "legend",
    "matrix_findings",
    "party_activities",
    "party_id",
    "party_kind_label",
    "resolve_party",
    "responsibility_matrix",
    "strongest",
    "takes_part",
]
