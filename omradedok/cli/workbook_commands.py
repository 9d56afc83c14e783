"""excel-template, export, import: the Excel input workbook in both directions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import OmradedokError
from ..io import dumps, load_with_report
from ..io.writer import write_atomic
from ..model import Language
from .app import app, console
from .output import show_problems

_FORCE = typer.Option("--force", help="Overskriv en fil som finnes.")


def _check_target(out: Path, force: bool, suffixes: tuple[str, ...]) -> None:
    if out.suffix.lower() not in suffixes:
        raise OmradedokError(
            f"{out}: filnavnet må slutte på {' eller '.join(suffixes)}; for eksempel «satsing{suffixes[0]}»"
        )
    if out.exists() and not force:
        raise OmradedokError(f"{out} finnes allerede; velg et annet navn eller bruk --force")


@app.command("excel-template")
def excel_template(
    out: Annotated[Path, typer.Option("-o", "--out", help="Arbeidsboken som skal lages (.xlsx).")],
    language: Annotated[
        Language, typer.Option("--language", "-l", help="nb eller nn: språket i arbeidsboken.")
    ] = Language.NB,
    force: Annotated[bool, _FORCE] = False,
) -> None:
    """Lag en tom Excel-arbeidsbok som saksbehandlere fyller ut i stedet for YAML."""
    from ..io.workbook import template_bytes

    _check_target(out, force, (".xlsx",))
    write_atomic(out, template_bytes(language))
    console.print(
        f"skrev {escape(str(out))} – fyll ut og sjekk med «omradedok validate {escape(str(out))}»",
        highlight=False,
    )


@app.command()
def export(
    file: Annotated[Path, typer.Argument(help="Inndatafil (YAML, JSON eller Excel).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Arbeidsboken som skal lages (.xlsx).")],
    language: Annotated[
        Language | None,
        typer.Option("--language", "-l", help="nb eller nn; standard er kommunens målform."),
    ] = None,
    force: Annotated[bool, _FORCE] = False,
) -> None:
    """Skriv en satsing til Excel-arbeidsboken (samme oppsett som excel-template)."""
    from ..io.workbook import export_bytes

    _check_target(out, force, (".xlsx",))
    loaded = load_with_report(file)
    show_problems(loaded.warnings, str(file))
    write_atomic(out, export_bytes(loaded.model, language))
    console.print(f"skrev {escape(str(out))}", highlight=False)


@app.command("import")
def import_workbook(
    file: Annotated[Path, typer.Argument(help="Excel-arbeidsboken (.xlsx).")],
    out: Annotated[
        Path, typer.Option("-o", "--out", help="Filen som skal lages (.yaml, .yml eller .json).")
    ],
    force: Annotated[bool, _FORCE] = False,
) -> None:
    """Les en utfylt Excel-arbeidsbok og skriv den som YAML (eller JSON).

    Ingenting skrives hvis arbeidsboken har feil; feilmeldingene viser ark og celle.
    """
    if file.suffix.lower() not in (".xlsx", ".xlsm"):
        raise OmradedokError(f"{file}: import leser Excel-arbeidsbøker (.xlsx)")
    _check_target(out, force, (".yaml", ".yml", ".json"))
    loaded = load_with_report(file)  # raises before anything is written
    show_problems(loaded.warnings, str(file))
    write_atomic(out, dumps(loaded.model, out).encode("utf-8"))
    console.print(f"skrev {escape(str(out))}", highlight=False)
