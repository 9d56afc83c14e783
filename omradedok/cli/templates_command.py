"""templates check: does a municipality's own template folder fit the documents?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import TemplateError
from ..resources import template_folder
from .app import app, console, err_console

templates_app = typer.Typer(
    name="templates",
    help="Kommunens egne Word-maler.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("check")
def check(
    folder: Annotated[Path, typer.Argument(help="Mappen med kommunens maler (.docx).")],
) -> None:
    """Sjekk at malene bare bruker felt dokumentene har, at påkrevde felt er med, og at
    dokumentene kan lages med malene (prøvebygging av eksemplene på bokmål og nynorsk)."""
    from ..documents import registry
    from ..documents.views import label_keys
    from ..render import docx_body  # noqa: F401  (declares the house template)
    from ..render.docx import check_template, template_specs
    from ..render.template_trial import trial_render

    registry.kinds()  # the kinds declare their templates on import

    try:
        template_folder(folder)
        labels = label_keys(folder)
    except TemplateError as exc:
        err_console.print(f"[bold red]feil[/]: {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    specs = {spec.name: spec for spec in template_specs()}
    found = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*.docx")
        if not p.name.startswith("~$")
    )
    failed = False
    checked = 0
    problems_of: dict[str, list[str]] = {}
    for name in found:
        spec = specs.get(name)
        if spec is None:
            console.print(
                f"{escape(name)}: ukjent mal, brukes ikke (kjente maler: "
                f"{escape(', '.join(sorted(specs)))})",
                highlight=False,
            )
            continue
        checked += 1
        problems_of[name] = check_template(folder / name, spec, labels)
    if any(not problems for problems in problems_of.values()):
        # A template can pass the static check and still fail on real data: render them.
        for failure in trial_render(folder):
            problems = problems_of.get(failure.template)
            if problems is not None and not any(p.startswith("prøvebygging") for p in problems):
                problems.append(str(failure))
    for name, problems in problems_of.items():
        if problems:
            failed = True
            for problem in problems:
                err_console.print(
                    f"[bold red]feil[/]: {escape(name)}: {escape(problem)}",
                    highlight=False,
                    soft_wrap=True,
                )
        else:
            console.print(f"{escape(name)}: i orden", highlight=False)
    if checked == 0:
        console.print(
            "fant ingen av omradedoks maler i mappen; de innebygde malene brukes", highlight=False
        )
    if failed:
        raise typer.Exit(1)
