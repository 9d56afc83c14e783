"""diff: the new handlingsplan with tracked changes from an older version, and the endringslogg."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..build import language_of
from ..errors import InputError
from ..io import load_with_report
from ..io.writer import write_atomic
from .app import app, console, err_console
from .options import LanguageOption, TemplatesOption
from .output import show_problems


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="Den forrige versjonen (YAML, JSON eller Excel).")],
    new: Annotated[Path, typer.Argument(help="Den nye versjonen av samme satsing.")],
    out: Annotated[
        Path,
        typer.Option(
            "-o",
            "--out",
            help="DOCX-filen som skrives: den nye handlingsplanen med sporede endringer.",
        ),
    ],
    language: LanguageOption = None,
    templates: TemplatesOption = None,
    log_file: Annotated[
        Path | None,
        typer.Option("--endringslogg", help="Skriv også endringsloggen til denne tekstfilen."),
    ] = None,
) -> None:
    """Vis hva som er endret i handlingsplanen fra én versjon til en annen.

    Skriver den nye versjonens handlingsplan med sporede endringer (Words «Spor endringer»,
    med forfatter og dato fra den nye versjonens linje i versjonshistorikken) og viser en
    endringslogg per kapittel. De to filene må være samme satsing: samme kommunenummer,
    område og tittel.
    """
    loaded_old = load_with_report(old)
    show_problems(loaded_old.warnings, str(old))
    loaded_new = load_with_report(new)
    show_problems(loaded_new.warnings, str(new))
    # imported here: the diff renders DOCX, and `omradedok --help` must not load python-docx
    from ..documents.endringer import compare, endringslogg_lines, same_initiative

    same_initiative(loaded_old.model, loaded_new.model, str(old), str(new))
    model = loaded_new.model
    lang = language_of(language) if language else model.municipality.language
    try:
        tracked, log = compare(loaded_old.model, model, lang, templates)
    except InputError as exc:  # a problem of one model: named with its input file
        raise InputError(str(new), exc.problems) from None
    lines = endringslogg_lines(log, lang)
    text = "\n".join(
        "\n".join([head, *(f"  – {line}" for line in changes)]) for head, changes in lines
    )
    write_atomic(out, tracked.docx)
    if log_file is not None:
        write_atomic(log_file, (text + "\n").encode("utf-8"))
    if tracked.signed.note:
        err_console.print(
            f"[yellow]advarsel[/]: {escape(str(new))}: {escape(tracked.signed.note)}",
            highlight=False,
            soft_wrap=True,
        )
    for index, (head, changes) in enumerate(lines):
        style = "bold" if index == 0 else "bold cyan"
        console.print(f"[{style}]{escape(head)}[/]", highlight=False, soft_wrap=True)
        for line in changes:
            console.print(f"  – {escape(line)}", highlight=False, soft_wrap=True)
    mark = tracked.signed.mark
    console.print(
        f"skrev {escape(str(out))} (endringer merket med {escape(mark.author)}, "
        f"{mark.date.isoformat()})",
        highlight=False,
        soft_wrap=True,
    )
    if log_file is not None:
        console.print(f"skrev {escape(str(log_file))}", highlight=False, soft_wrap=True)
