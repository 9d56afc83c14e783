"""build: the document set for one initiative."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..build import build as build_documents
from ..io import load_with_report
from ..parallel import default_workers
from .app import app, console
from .options import (
    JobsOption,
    LanguageOption,
    OnlyOption,
    PdfEngineOption,
    TemplatesOption,
    kinds_list,
)
from .output import show_problems


@app.command()
def build(
    file: Annotated[Path, typer.Argument(help="Inndatafil (YAML, JSON eller Excel).")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Mappen dokumentene skrives til.")],
    language: LanguageOption = None,
    only: OnlyOption = None,
    templates: TemplatesOption = None,
    pdf_engine: PdfEngineOption = "reportlab",
    jobs: JobsOption = None,
) -> None:
    """Lag dokumentene for én områdesatsing."""
    loaded = load_with_report(file)
    show_problems(loaded.warnings, str(file))
    result = build_documents(
        loaded.model,
        out,
        language=language,
        only=kinds_list(only),
        template_dir=templates,
        pdf_engine=pdf_engine,
        workers=jobs or default_workers(),
    )
    for written in result.written:
        console.print(f"skrev {escape(str(written.path))}", highlight=False)
    if not result.written:
        console.print("ingen dokumenter å lage for dette utvalget", highlight=False)
