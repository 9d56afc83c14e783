"""The role matrix's rules as validate findings: every task has exactly one Ansvarlig, and a
declared task gives each party one role (documents.roles derives the matrix; this names the
task, the parties and the fields to change)."""

from __future__ import annotations

from ..errors import Problem, format_path
from ..locale.labels import enum_label
from ..model import Initiative


def _task_name(source_label: str, task: str) -> str:
    return f"{source_label} «{task}»"


def responsibility_problems(model: Initiative) -> list[Problem]:
    """Unknown parties and delprogram in declared tasks (errors), then the one-A rule
    (warnings)."""
    from ..documents.roles import matrix_findings, resolve_party

    problems: list[Problem] = []
    known_sp = {sp.id for sp in model.programme.sub_programmes}
    seen: set[str] = set()
    for i, task in enumerate(model.tasks):
        if task.id in seen:
            problems.append(
                Problem(
                    "error",
                    f"oppgave-id «{task.id}» er brukt to ganger; gi hver oppgave sin egen id",
                    ("tasks", i, "id"),
                )
            )
        seen.add(task.id)
        if task.sub_programme_id is not None and task.sub_programme_id not in known_sp:
            problems.append(
                Problem(
                    "error",
                    f"oppgave «{task.id}» viser til delprogrammet «{task.sub_programme_id}», "
                    "som ikke finnes; bruk en id fra programme.sub_programmes eller la feltet stå tomt",
                    ("tasks", i, "sub_programme_id"),
                )
            )
        for j, role in enumerate(task.roles):
            if resolve_party(model, role.party_id) is None:
                problems.append(
                    Problem(
                        "error",
                        f"oppgave «{task.id}» viser til parten «{role.party_id}», som verken er "
                        "en rolle, et organ, en partner eller «kommunen»; rett id-en",
                        ("tasks", i, "roles", j, "party_id"),
                    )
                )
    if any(p.severity == "error" for p in problems):
        return problems
    for finding in matrix_findings(model):
        row = finding.row
        name = _task_name(row.source_label(), row.task)
        if finding.kind == "no_responsible" and row.source == "activity":
            # An activity's Ansvarlig is its responsible_role_id, whose absence is already
            # an error of its own (checks.consistency): one fact, one message.
            continue
        if finding.kind == "no_responsible":
            hint = (
                "fyll ut owner_role_id"
                if row.source in ("project", "sub_project")
                else "gi én part rollen «responsible» (Ansvarlig)"
            )
            message = f"{name} har ingen ansvarlig i rolle- og ansvarsmatrisen; {hint}"
        elif finding.kind == "several_responsible":
            names = " og ".join(f"«{n}»" for n in finding.parties)
            message = (
                f"{name} har {len(finding.parties)} ansvarlige ({names}); en oppgave skal ha "
                "nøyaktig én ansvarlig – gjør de andre til «contributes» (Bidrar)"
            )
        else:
            roles = " og ".join(f"«{enum_label(v)}»" for v in finding.involvements)
            places = " og ".join(format_path(p) for p in finding.paths)
            message = (
                f"{name} gir «{finding.parties[0]}» to roller ({roles}) i {places}; "
                "behold én av dem"
            )
        problems.append(Problem("warning", message, finding.paths[0]))
    return problems
