"""The Typer application every command module attaches to."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="omradedok",
    help="Plan- og saksdokumenter for områdesatsinger, fra én beskrivelse av satsingen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

console = Console()
err_console = Console(stderr=True)
