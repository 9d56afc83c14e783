"""One exception hierarchy, and the Problem record every check and loader reports with.

Messages are Norwegian (bokmål): clerks read them. Each says where (file:line or
Sheet!Cell and the field path), what is wrong, and how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """('activities', 3, 'budget') → 'activities[3].budget'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True)
class Problem:
    """One finding about an input: an error (cannot build) or a warning (can build)."""

    severity: Severity
    message: str
    path: tuple[PathPart, ...] = ()
    location: str = ""
    """Where in the user's file: «plan.yaml:57» or «Aktiviteter!D7»."""
    code: str = ""
    """The rule's stable code («E-REF-001»), listed in :mod:`omradedok.error_codes`."""

    def __str__(self) -> str:
        where = ": ".join(p for p in (self.location, format_path(self.path)) if p)
        return f"{where}: {self.message}" if where else self.message

    def located(self, location: str) -> Problem:
        return Problem(self.severity, self.message, self.path, location, self.code)


@dataclass
class Report:
    """All problems found in one input, errors first."""

    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)


class OmradedokError(Exception):
    """Base of every error this library raises on purpose."""


class InputError(OmradedokError):
    """The input cannot be used; lists every problem found, with where and how to fix."""

    @property
    def code(self) -> str:
        """The code of the first error (every problem has its own in ``problems``)."""
        return next((p.code for p in self.errors), "")

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = [str(p) for p in self.problems if p.severity == "error"]
        count = len(lines)
        head = f"{source}: {count} feil" if source else f"{count} feil"
        super().__init__(head + "\n" + "\n".join(f"  {line}" for line in lines))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


class TemplateError(OmradedokError):
    """A document template is missing, broken, or uses something the view does not provide."""

    code = "E-MAL-001"


class OutputError(OmradedokError):
    """A document could not be written (folder not writable, file locked by Word …)."""


class LocatedTemplateError(TemplateError):
    """A template failed at a known place: which file, which part, which line, which tag.

    ``line`` counts lines of the template's code, where every Word paragraph starts a new
    line; ``tag`` is the Jinja field on that line as the template's author wrote it.
    """

    code = "E-MAL-002"

    def __init__(
        self,
        reason: str,
        *,
        template: str,
        part: str = "",
        line: int | None = None,
        tag: str = "",
        fix: str = "",
    ) -> None:
        self.reason = reason
        self.template = template
        self.part = part
        self.line = line
        self.tag = tag
        where = f"malen {template}"
        if part:
            where += f" ({part})"
        if line:
            where += f", linje {line}"
        if tag:
            where += f", i «{tag}»"
        super().__init__(f"{where}: {reason}" + (f"; {fix}" if fix else ""))
