"""Options shared by build and batch, declared once so both commands say the same."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..model import Language

LanguageOption = Annotated[
    Language | None,
    typer.Option("--language", "-l", help="nb eller nn; standard er kommunens målform."),
]
OnlyOption = Annotated[
    str | None,
    typer.Option("--only", help="Bare disse dokumenttypene, kommaseparert."),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", help="Mappe med kommunens egne maler."),
]
JobsOption = Annotated[
    int | None,
    typer.Option("-j", "--jobs", min=1, help="Antall prosesser; standard er antall kjerner."),
]
PdfEngineOption = Annotated[
    str,
    typer.Option("--pdf-engine", help="reportlab (standard) eller libreoffice (PDF/A-2)."),
]

ArkivmeldingOption = Annotated[
    bool,
    typer.Option(
        "--arkivmelding",
        help=(
            "Skriv også arkivmelding.xml (KS Fiks Arkiv / Noark 5): saksmappe og journalpost "
            "med saksframlegget og vedleggene, med sjekksummer. Krever den politiske saken."
        ),
    ),
]


def kinds_list(only: str | None) -> list[str] | None:
    """«handlingsplan,saksframlegg» → ["handlingsplan", "saksframlegg"]."""
    kinds = [o.strip() for o in only.split(",") if o.strip()] if only else []
    return kinds or None
