"""build: the document set for one initiative.

On a terminal a progress bar shows each rendered document; piped, one plain line per
document goes to stderr, so stdout is just the «skrev …» lines, never wrapped mid-path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..build import BuildResult, BuildStep
from ..build import build as build_documents
from ..errors import InputError
from ..io import load_with_report
from ..model import Initiative
from ..parallel import default_workers
from .app import app, console, err_console
from .options import (
    ArkivmeldingOption,
    JobsOption,
    LanguageOption,
    OnlyOption,
    PdfEngineOption,
    TemplatesOption,
    kinds_list,
)
from .output import show_problems


def waiting_text(out: Path, holder: int | None) -> str:
    who = f" (prosess {holder})" if holder else ""
    return f"venter: en annen bygging skriver til {out} nå{who}; fortsetter når den er ferdig"


def progress_bar() -> Progress:
    """Rich's bar without its refresh thread (``auto_refresh=False``: redrawn on each step),
    so the build can still fork its render helpers."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        auto_refresh=False,
    )


@app.command()
def build(
    file: Annotated[Path, typer.Argument(help="Inndatafil (YAML, JSON eller Excel).")],
    out: Annotated[
        Path,
        typer.Option(
            "-o",
            "--out",
            help="Mappen dokumentene skrives til. Hele mappen byttes ut med det nye settet.",
        ),
    ],
    language: LanguageOption = None,
    only: OnlyOption = None,
    templates: TemplatesOption = None,
    pdf_engine: PdfEngineOption = "reportlab",
    jobs: JobsOption = None,
    arkivmelding: ArkivmeldingOption = False,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help=(
                "Forrige versjon av samme satsing (f.eks. høringsutkastet): saksframlegget "
                "sier da hva som er endret i handlingsplanen (endringsloggen)."
            ),
        ),
    ] = None,
) -> None:
    """Lag dokumentene for én områdesatsing.

    Mappen får nøyaktig dokumentene fra denne byggingen: filer fra en tidligere bygging som
    ikke lages nå, fjernes. Har mappen filer som omradedok ikke har laget, stopper byggingen
    uten å endre noe.

    Årsrapporten (arsrapport-ÅÅÅÅ.docx og .pdf) lages for hvert år med rapportdata: status
    eller forbruk under en aktivitets «reports», en indikatormåling eller «annual_reports».
    Bare årsrapportene: --only arsrapport.
    """
    loaded = load_with_report(file)
    show_problems(loaded.warnings, str(file))
    earlier = None
    if previous is not None:
        loaded_previous = load_with_report(previous)
        show_problems(loaded_previous.warnings, str(previous))
        from ..documents.endringer import same_initiative  # renders views: not for --help

        same_initiative(loaded_previous.model, loaded.model, str(previous), str(file))
        earlier = loaded_previous.model

    def go() -> BuildResult:
        try:
            return build(loaded.model)
        except InputError as exc:  # a problem of the model: named with the input file
            raise InputError(str(file), exc.problems) from None

    def build(model: Initiative) -> BuildResult:
        return build_documents(
            model,
            out,
            language=language,
            only=kinds_list(only),
            template_dir=templates,
            pdf_engine=pdf_engine,
            workers=jobs or default_workers(),
            progress=show,
            arkivmelding=arkivmelding,
            previous=earlier,
        )

    if console.is_terminal:
        with progress_bar() as bar:
            task = bar.add_task("Lager dokumenter", total=None)

            def show(step: BuildStep) -> None:
                if step.phase == "rendered":
                    bar.update(
                        task,
                        completed=step.done,
                        total=step.total,
                        description=escape(step.name),
                        refresh=True,
                    )
                elif step.phase == "waiting":
                    bar.console.print(escape(waiting_text(out, step.holder)), highlight=False)
                    bar.update(task, description="venter", refresh=True)

            result = go()
    else:

        def show(step: BuildStep) -> None:
            if step.phase == "rendered":
                line = f"[{step.done}/{step.total}] laget {step.name}"
            elif step.phase == "waiting":
                line = waiting_text(out, step.holder)
            else:
                return
            err_console.print(escape(line), highlight=False, soft_wrap=True)

        result = go()
    for written in result.written:
        console.print(f"skrev {escape(str(written.path))}", highlight=False, soft_wrap=True)
    for removed in result.removed:
        console.print(
            f"fjernet {escape(str(removed))} (fra forrige bygging, ikke med nå)",
            highlight=False,
            soft_wrap=True,
        )
    for leftover in result.leftovers:
        err_console.print(
            f"[yellow]advarsel[/]: {escape(str(leftover))}: det forrige dokumentsettet kunne "
            "ikke slettes helt (en fil er låst); neste bygging prøver igjen, eller slett mappen",
            highlight=False,
            soft_wrap=True,
        )
    if previous is not None and not any(a.kind == "saksframlegg" for a in result.artifacts):
        err_console.print(
            f"[yellow]advarsel[/]: --previous {escape(str(previous))} er ikke brukt: bare "
            "saksframlegget sier hva som er endret, og denne byggingen lager ikke saksframlegg "
            "(modellen har ingen council_case, eller --only utelater det); bruk omradedok diff",
            highlight=False,
            soft_wrap=True,
        )
    if not result.written:
        console.print(
            "ingen dokumenter å lage for dette utvalget; mappen er ikke endret", highlight=False
        )
