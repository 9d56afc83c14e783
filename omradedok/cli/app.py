"""The Typer application every command module attaches to."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from .._version import __version__

app = typer.Typer(
    name="omradedok",
    help="Plan- og saksdokumenter for områdesatsinger, fra én beskrivelse av satsingen.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (README, «CLI tour»)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

console = Console()
err_console = Console(stderr=True)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"omradedok {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Vis versjonen og avslutt.",
            is_eager=True,
            callback=_show_version,
        ),
    ] = False,
) -> None:
    """Plan- og saksdokumenter for områdesatsinger, fra én beskrivelse av satsingen."""
