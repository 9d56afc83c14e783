"""build: the document set for one initiative."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..build import build as build_documents
from ..io import load_with_report
from ..model import Language
from .app import app, console
from .output import show_problems


@app.command()
def build(
    file: Annotated[Path, typer.Argument(help="Inndatafil (YAML, JSON eller Excel).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Mappen dokumentene skrives til.")],
    language: Annotated[
        Language | None,
        typer.Option("--language", "-l", help="nb eller nn; standard er kommunens målform."),
    ] = None,
    only: Annotated[
        str | None,
        typer.Option("--only", help="Bare disse dokumenttypene, kommaseparert."),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="Mappe med kommunens egne maler."),
    ] = None,
    pdf_engine: Annotated[
        str,
        typer.Option("--pdf-engine", help="reportlab (standard) eller libreoffice (PDF/A-2)."),
    ] = "reportlab",
) -> None:
    """Lag dokumentene for én områdesatsing."""
    loaded = load_with_report(file)
    show_problems(loaded.warnings, str(file))
    result = build_documents(
        loaded.model,
        out,
        language=language,
        only=only.split(",") if only else None,
        template_dir=templates,
        pdf_engine=pdf_engine,
    )
    for written in result.written:
        console.print(f"skrev {escape(str(written.path))}", highlight=False)
    if not result.written:
        console.print("ingen dokumenter å lage for dette utvalget", highlight=False)
