"""The `omradedok` command: a thin layer over the library. Each module adds its commands."""

from __future__ import annotations

import sys

import typer

from ..errors import OmradedokError
from . import (  # noqa: F401  (each module registers its commands)
    batch_commands,
    build_command,
    diff_command,
    model_commands,
    templates_command,
    workbook_commands,
)
from .app import app
from .output import show_error
from .usage import ClickException, UsageError, localize, show_usage_error


def main(argv: list[str] | None = None) -> int:
    """Entry point: user mistakes end as a clear message and exit 1, usage errors (in
    Norwegian, see :mod:`omradedok.cli.usage`) exit 2."""
    command = localize(typer.main.get_command(app))
    try:
        result = command.main(args=argv, prog_name="omradedok", standalone_mode=False)
    except SystemExit as exc:  # a command may end the run this way
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except UsageError as exc:
        return show_usage_error(exc)
    except typer.Abort:
        typer.echo("Avbrutt.", err=True)
        return 1
    except ClickException as exc:
        exc.show()
        return exc.exit_code
    except OmradedokError as exc:
        show_error(exc)
        return 1
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())


__all__ = ["app", "main", "run"]
