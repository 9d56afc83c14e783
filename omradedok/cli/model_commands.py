"""validate, schema, new: working with input files."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from ..errors import InputError, OmradedokError
from ..io import load_with_report
from ..io.writer import write_atomic
from ..schema import write_schema
from .app import app, console, err_console
from .output import show_error, show_problems


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="YAML-, JSON- eller Excel-filer.")],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", help="text (for mennesker) eller json (for andre verktøy, på stdout)."
        ),
    ] = OutputFormat.TEXT,
) -> None:
    """Sjekk inndatafiler: exit 0 når alle er gyldige (advarsler vises), 1 ellers."""
    if output_format is OutputFormat.JSON:
        _validate_json(files)
        return
    failed = 0
    for file in files:
        try:
            loaded = load_with_report(file)
        except OmradedokError as exc:
            failed += 1
            show_error(exc)
            continue
        show_problems(loaded.warnings, str(file))
        note = f" ({len(loaded.warnings)} advarsler)" if loaded.warnings else ""
        console.print(f"[green]gyldig[/]: {escape(str(file))}{note}", highlight=False)
    if failed:
        err_console.print(f"{failed} av {len(files)} filer er ugyldige.", highlight=False)
        raise typer.Exit(1)


def _validate_json(files: list[Path]) -> None:
    from . import validate_json

    entries: list[dict[str, Any]] = []
    for file in files:
        name = str(file)
        try:
            loaded = load_with_report(file)
        except OmradedokError as exc:
            entries.append(
                {"file": name, "valid": False, "problems": validate_json.error_records(exc, name)}
            )
            continue
        problems = [validate_json.problem_record(p, name) for p in loaded.warnings]
        entries.append({"file": name, "valid": True, "problems": problems})
    sys.stdout.write(validate_json.report(entries) + "\n")
    sys.stdout.flush()
    if any(not e["valid"] for e in entries):
        raise typer.Exit(1)


@app.command()
def schema(
    out: Annotated[Path, typer.Option("-o", "--out", help="Mappen skjemaet skrives til.")],
) -> None:
    """Skriv JSON Schema for inndataformatet."""
    written = write_schema(out)
    console.print(f"skrev {escape(str(written.path))}", highlight=False)


@app.command()
def new(
    out: Annotated[Path, typer.Option("-o", "--out", help="Filen som skal lages (.yaml).")],
    force: Annotated[bool, typer.Option("--force", help="Overskriv en fil som finnes.")] = False,
) -> None:
    """Lag en kommentert startfil som validerer."""
    if out.exists() and not force:
        raise OmradedokError(f"{out} finnes allerede; velg et annet navn eller bruk --force")
    text = (Path(__file__).resolve().parent.parent / "starter.yaml").read_bytes()
    write_atomic(out, text)
    console.print(
        f"skrev {escape(str(out))} – fyll ut og sjekk med «omradedok validate {escape(str(out))}»",
        highlight=False,
    )


@app.command()
def migrate(
    file: Annotated[Path, typer.Argument(help="Inndatafil skrevet for versjon 1 (YAML/JSON).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Filen som skal skrives (.yaml/.json).")],
    force: Annotated[bool, typer.Option("--force", help="Overskriv en fil som finnes.")] = False,
) -> None:
    """Skriv om en fil til versjon 2 av formatet og vis hva som endret seg."""
    from ..io.dump import dumps
    from ..io.migrate import is_v1, migrate_v1
    from ..io.textfile import parse_text

    if out.exists() and not force and out.resolve() != file.resolve():
        raise OmradedokError(f"{out} finnes allerede; velg et annet navn eller bruk --force")
    parsed = parse_text(file)
    if not isinstance(parsed.data, dict) or not is_v1(parsed.data):
        raise OmradedokError(
            f"{file} er allerede skrevet for versjon 2 (schema_version: 2); ingenting å gjøre"
        )
    _, changes = migrate_v1(parsed.data)
    loaded = load_with_report(file)  # validates (as version 2) and locates every change
    write_atomic(out, dumps(loaded.model, out).encode("utf-8"))
    for change in changes:
        where = parsed.location(change.path)
        console.print(f"{escape(where)}: {escape(change.message)}", highlight=False)
    console.print(
        f"skrev {escape(str(out))} (versjon 2, {len(changes)} endringer og merknader)",
        highlight=False,
    )


__all__ = ["InputError", "migrate", "new", "schema", "validate"]
