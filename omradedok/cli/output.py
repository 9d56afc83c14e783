"""How the CLI shows problems: one line each, errors red, warnings yellow, no tracebacks."""

from __future__ import annotations

from collections.abc import Iterable

from rich.markup import escape

from ..errors import InputError, OmradedokError, Problem
from .app import err_console


def show_problems(problems: Iterable[Problem], source: str = "") -> None:
    for problem in problems:
        text = str(problem)
        if source and not problem.location:
            text = f"{source}: {text}"
        code = f"[{problem.code}]" if problem.code else ""
        if problem.severity == "error":
            err_console.print(
                f"[bold red]feil{escape(code)}[/]: {escape(text)}", highlight=False, soft_wrap=True
            )
        else:
            err_console.print(
                f"[yellow]advarsel{escape(code)}[/]: {escape(text)}",
                highlight=False,
                soft_wrap=True,
            )


def show_error(error: OmradedokError) -> None:
    if isinstance(error, InputError):
        show_problems(error.problems, error.source)
        return
    code = getattr(error, "code", "")
    label = f"feil[{code}]" if code else "feil"
    err_console.print(
        f"[bold red]{escape(label)}[/]: {escape(str(error))}", highlight=False, soft_wrap=True
    )
