"""The `omradedok` command: a thin layer over the library. Each module adds its commands."""

from __future__ import annotations

import sys

import typer

from ..errors import OmradedokError
from . import (  # noqa: F401  (each module registers its commands)
    batch_commands,
    build_command,
    model_commands,
    templates_command,
    workbook_commands,
)
from .app import app
from .output import show_error


def main(argv: list[str] | None = None) -> int:
    """Entry point: user mistakes end as a clear message and exit 1, usage errors exit 2."""
    command = typer.main.get_command(app)
    try:
        command.main(args=argv, prog_name="omradedok", standalone_mode=True)
    except SystemExit as exc:  # Click ends every run this way, usage errors with 2
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except OmradedokError as exc:
        show_error(exc)
        return 1
    return 0


def run() -> None:
    sys.exit(main())


__all__ = ["app", "main", "run"]
