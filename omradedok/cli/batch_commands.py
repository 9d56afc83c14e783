"""batch and check: many areas in one go, and the method's success criteria for one plan."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, cast

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from ..batch import AreaResult, BatchResult
from ..batch import Progress as BatchProgress
from ..batch import batch as run_batch
from ..checks.criteria import CriteriaReport, check_criteria
from ..checks.criteria_report import ReportFormat, render_report
from ..errors import OmradedokError
from ..io import load_with_report
from ..io.writer import write_atomic
from ..model import Language
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

_STATUS_NB = {"built": "bygget", "skipped": "uendret", "failed": "feilet"}
_STATUS_STYLE = {"built": "green", "skipped": "cyan", "failed": "bold red"}


def _short_error(area: AreaResult) -> str:
    """The gist of an area's error on one line: the first problem, without the file name."""
    lines = [line.strip() for line in (area.error or "").strip().splitlines() if line.strip()]
    if not lines:
        return ""
    gist = lines[1] if len(lines) > 1 else lines[0]
    prefix = f"{area.input}: "
    gist = gist[len(prefix) :] if gist.startswith(prefix) else gist
    more = len(lines) - 2
    return gist + (f" (og {more} til)" if more > 0 else "")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _plain_line(area: AreaResult, done: int, total: int) -> None:
    prefix = f"[{done}/{total}]"
    if area.status == "failed":
        err_console.print(
            f"{prefix} [bold red]feil[/]: {escape(str(area.input))}: {escape(_short_error(area))}",
            highlight=False,
            soft_wrap=True,
        )
        return
    what = "bygget" if area.status == "built" else "uendret, hoppet over"
    extra = f", {_count(len(area.warnings), 'advarsel', 'advarsler')}" if area.warnings else ""
    console.print(
        f"{prefix} {what}: {escape(area.slug or '')} "
        f"({escape(str(area.input))}, {_count(len(area.outputs), 'fil', 'filer')}{extra})",
        highlight=False,
        soft_wrap=True,
    )


def _summary_table(result: BatchResult) -> Table:
    table = Table(title="Resultat", title_justify="left", show_lines=False)
    table.add_column("Område")
    table.add_column("Inndata")
    table.add_column("Status")
    table.add_column("Filer", justify="right")
    table.add_column("Advarsler", justify="right")
    table.add_column("Feil", overflow="fold")
    for area in result.areas:
        table.add_row(
            escape(area.slug or "–"),
            escape(str(area.input)),
            f"[{_STATUS_STYLE[area.status]}]{_STATUS_NB[area.status]}[/]",
            str(len(area.outputs)),
            str(len(area.warnings)),
            escape(_short_error(area)),
        )
    return table


def _summary_text(result: BatchResult) -> str:
    return (
        f"{_count(len(result.areas), 'område', 'områder')}: {len(result.built)} bygget, "
        f"{len(result.skipped)} uendret, {len(result.failed)} feilet. Manifest: {result.manifest}"
    )


@app.command()
def batch(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Inndatafiler, eller mapper med YAML-, JSON- og Excel-filer."),
    ],
    out: Annotated[
        Path,
        typer.Option("-o", "--out", help="Mappen alt skrives til: én undermappe per område."),
    ],
    jobs: JobsOption = None,
    incremental: Annotated[
        bool,
        typer.Option(
            "--incremental", help="Hopp over områder der inndata, maler og versjon er uendret."
        ),
    ] = False,
    language: LanguageOption = None,
    only: OnlyOption = None,
    templates: TemplatesOption = None,
    pdf_engine: PdfEngineOption = "reportlab",
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Vis bare feil; exit-koden sier om alt gikk bra."),
    ] = False,
    arkivmelding: ArkivmeldingOption = False,
) -> None:
    """Lag dokumentene for mange områdesatsinger på én gang.

    Hvert område får sin egen mappe, og manifest.json forteller hva som ble laget av hva
    (med sjekksummer, advarsler og feil). En fil med feil stopper ikke de andre; exit-koden
    er 1 når minst ett område feilet.
    """
    only_kinds = kinds_list(only)

    def waiting(holder: int | None) -> None:
        who = f" (prosess {holder})" if holder else ""
        err_console.print(
            escape(
                f"venter: en annen kjøring skriver til {out} nå{who}; fortsetter når den er ferdig"
            ),
            highlight=False,
            soft_wrap=True,
        )

    def go(progress: BatchProgress | None = None) -> BatchResult:
        return run_batch(
            inputs,
            out,
            jobs=jobs,
            incremental=incremental,
            language=language,
            only=only_kinds,
            template_dir=templates,
            pdf_engine=pdf_engine,
            progress=progress,
            on_wait=waiting,
            arkivmelding=arkivmelding,
        )

    if quiet:
        result = go()
    elif console.is_terminal:
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            auto_refresh=False,  # no refresh thread: the worker pool can then fork
        ) as bar:
            task = bar.add_task("Lager dokumenter", total=None)

            def advance(area: AreaResult, done: int, total: int) -> None:
                bar.update(
                    task,
                    completed=done,
                    total=total,
                    description=escape(area.slug or ""),
                    refresh=True,
                )

            result = go(advance)
        console.print(_summary_table(result))
    else:
        result = go(_plain_line)

    if result.failed:
        for area in result.failed:
            err_console.print(
                f"[bold red]feil[/]: {escape(area.message)}",
                highlight=False,
                soft_wrap=True,
            )
    if not quiet:
        console.print(escape(_summary_text(result)), highlight=False, soft_wrap=True)
    if result.failed:
        raise typer.Exit(1)


class CheckFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MD = "md"
    DOCX = "docx"


_SUFFIX_FORMATS = {".json": CheckFormat.JSON, ".md": CheckFormat.MD, ".docx": CheckFormat.DOCX}
_CHECK_STYLE = {"met": "green", "partly": "yellow", "missing": "bold red", "unknown": "cyan"}


def _criteria_table(report: CriteriaReport) -> Table:
    nn = report.language is Language.NN
    table = Table(
        title=f"{'Suksesskriterium' if nn else 'Suksesskriterier'}: {escape(report.title)}",
        title_justify="left",
        show_lines=True,
        expand=True,
    )
    table.add_column("Nr.", justify="right", no_wrap=True)
    table.add_column("Kriterium", ratio=2, overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Grunnlag i planen", ratio=4)
    table.add_column("Råd", ratio=3)
    for number, result in enumerate(report.results, 1):
        table.add_row(
            str(number),
            escape(result.title(report.language)),
            f"[{_CHECK_STYLE[result.status]}]{escape(result.status_label(report.language))}[/]",
            escape("\n".join(f"• {item}" for item in result.evidence)),
            escape(result.advice),
        )
    return table


def _print_criteria_plain(report: CriteriaReport) -> None:
    """The table as plain lines, for pipes and logs (no box drawing, no wrapping)."""
    lang = report.language
    advice = "Råd"
    for number, result in enumerate(report.results, 1):
        console.print(
            f"{number}. {escape(result.title(lang))}: {escape(result.status_label(lang))}",
            highlight=False,
            soft_wrap=True,
        )
        for item in result.evidence:
            console.print(f"   - {escape(item)}", highlight=False, soft_wrap=True)
        console.print(f"   {advice}: {escape(result.advice)}", highlight=False, soft_wrap=True)


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="Inndatafil (YAML, JSON eller Excel).")],
    output_format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (standard på skjerm), json, md eller docx; med -o gjettes formatet fra filendelsen.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("-o", "--out", help="Skriv rapporten til denne filen."),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exit-kode 1 når minst ett kriterium mangler."),
    ] = False,
    language: LanguageOption = None,
) -> None:
    """Vurder planen mot metodens suksesskriterier: oppfylt, delvis eller mangler.

    Viser grunnlaget fra planen for hvert kriterium, råd om hva som mangler, og advarslene
    fra kontrollen. Med --format json, md eller docx blir det en rapport som kan legges ved.
    """
    fmt = output_format
    if fmt is None:
        fmt = (
            _SUFFIX_FORMATS.get(out.suffix.lower(), CheckFormat.TABLE) if out else CheckFormat.TABLE
        )
    if fmt is CheckFormat.TABLE and out is not None:
        raise OmradedokError(
            f"{out}: tabellen vises bare på skjermen; bruk --format json, md eller docx for å skrive til fil"
        )
    if fmt is CheckFormat.DOCX and out is None:
        raise OmradedokError("DOCX-rapporten må skrives til en fil: legg til -o rapport.docx")

    loaded = load_with_report(file)
    report = check_criteria(loaded.model, language)
    if fmt is CheckFormat.TABLE:
        if console.is_terminal:
            console.print(_criteria_table(report))
        else:
            _print_criteria_plain(report)
        show_problems(report.warnings, str(file))
        console.print(escape(report.summary_text()), highlight=False)
    else:
        data = render_report(report, cast(ReportFormat, fmt.value))
        if out is None:
            typer.echo(data.decode("utf-8"), nl=False)
        else:
            written = write_atomic(out, data)
            err_console.print(f"skrev {escape(str(written.path))}", highlight=False)
    if strict and report.has_missing:
        raise typer.Exit(1)
