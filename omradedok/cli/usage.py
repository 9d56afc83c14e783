"""The command line in Norwegian: usage errors, help headings and readable metavars.

Click writes its usage errors and help in English («Missing argument 'file'», «No such
option», ``<list[Path]>``), and Typer adds its own words. A clerk reads the CLI, so
:func:`localize` walks the command tree once: readable metavars (FIL, MAPPE, FIL…, nb|nn),
Norwegian headings and notes in ``--help``, and :func:`show_usage_error` prints every usage
mistake in Norwegian, with the usage line and where to find help (exit code 2, as Click).
"""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import typer

# Typer (0.29 and later) carries its own Click; its usage errors, formatter and context live
# there. Only names Click has had for years are used.
from typer._click import core as click_core
from typer._click import exceptions as click_errors
from typer._click import formatting as click_formatting

_HEADINGS = {
    "Arguments": "Argumenter",
    "Options": "Valg",
    "Commands": "Kommandoer",
}
_NOTES = (
    (re.compile(r"\[required\]"), "[påkrevd]"),
    (re.compile(r"\[default: (.*?)\]"), r"[standard: \1]"),
    (re.compile(r"\[x>=(\d+)\]"), r"[minst \1]"),
    (re.compile(r"\[env var: (.*?)\]"), r"[miljøvariabel: \1]"),
)
_TYPE_NAME = re.compile(r" <[^<>]+>$")
"""Typer's Python type after an argument's name in --help («FIL <path>»)."""
_PARAM_HELP = {
    "help": "Vis denne hjelpen og avslutt.",
    "install_completion": "Installer fullføring med Tab for skallet du bruker (bash, zsh, fish).",
    "show_completion": "Skriv ut fullføringsskriptet for skallet, for å kopiere det selv.",
}


class NorwegianHelpFormatter(click_formatting.HelpFormatter):
    """Click's help formatter with Norwegian headings, usage prefix and notes."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, usage_args(args), "Bruk: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(_TYPE_NAME.sub("", term), notes(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class NorwegianContext(click_core.Context):
    formatter_class = NorwegianHelpFormatter


def usage_args(args: str) -> str:
    """«[OPTIONS] {FIL}» → «[VALG] FIL» (Typer marks required arguments with braces)."""
    args = args.replace("[OPTIONS]", "[VALG]").replace(
        "COMMAND [ARGS]...", "KOMMANDO [ARGUMENTER]..."
    )
    return re.sub(r"\{([^{}]+)\}(?:\.\.\.)?", r"\1", args)


def notes(text: str) -> str:
    for pattern, replacement in _NOTES:
        text = pattern.sub(replacement, text)
    return text


# ------------------------------------------------------------------------------ the tree


def _subcommands(command: Any) -> dict[str, Any]:
    found = getattr(command, "commands", None)
    return found if isinstance(found, dict) else {}


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in _subcommands(command).values():
        yield from _commands(sub)


def localize(command: Any) -> Any:
    """Norwegian help and readable metavars for ``command`` and all its subcommands."""
    for cmd in _commands(command):
        cmd.context_class = NorwegianContext
        cmd.options_metavar = "[VALG]"
        if _subcommands(cmd):
            cmd.subcommand_metavar = "KOMMANDO [ARGUMENTER]..."
        for param in cmd.params:
            _localize_param(param)
        _norwegian_help_option(cmd)
    return command


def _norwegian_help_option(cmd: Any) -> None:
    original = cmd.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.help = _PARAM_HELP["help"]
        return option

    cmd.get_help_option = get_help_option


def _localize_param(param: Any) -> None:
    name = param.name or ""
    if name in _PARAM_HELP and hasattr(param, "help"):
        param.help = _PARAM_HELP[name]
    if getattr(param, "is_flag", False):
        return
    if param.metavar is None:
        param.metavar = readable_metavar(param)


def _annotation(param: Any) -> Any:
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    if typing.get_origin(annotation) in (list, tuple, set):
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is typing.Union or type(annotation).__name__ == "UnionType":
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = options[0] if len(options) == 1 else annotation
    return annotation


def readable_metavar(param: Any) -> str:
    """FIL, MAPPE, FIL…, nb|nn, N, TEKST – what a clerk types, never a Python type."""
    annotation = _annotation(param)
    help_text = (getattr(param, "help", None) or "").lower()
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        word = "|".join(str(member.value) for member in annotation)
    elif annotation is int:
        word = "N"
    elif annotation is Path:
        word = "MAPPE" if help_text.startswith(("mappe", "mappen")) else "FIL"
        if param.name == "inputs":
            word = "FIL|MAPPE"
    elif param.name == "only":
        word = "TYPER"
    elif param.name == "pdf_engine":
        word = "MOTOR"
    else:
        word = "TEKST"
    return f"{word}…" if param.nargs == -1 else word


# ------------------------------------------------------------------------ usage errors


UsageError = click_errors.UsageError
ClickException = click_errors.ClickException


def show_usage_error(error: click_errors.UsageError) -> int:
    """Print ``error`` in Norwegian with the usage line; the exit code to return."""
    ctx = error.ctx
    if isinstance(error, click_errors.NoArgsIsHelpError) and ctx is not None:
        typer.echo(ctx.get_help(), err=True)
        return error.exit_code
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(f"Prøv «{ctx.command_path} --help» for hjelp.")
        lines.append("")
    lines.append(f"feil: {usage_message(error)}")
    typer.echo("\n".join(lines), err=True)
    return error.exit_code


def usage_message(error: click_errors.UsageError) -> str:
    """What is wrong, in Norwegian (Click's English text only where nothing else is known)."""
    ctx = error.ctx
    if isinstance(error, click_errors.MissingParameter) and error.param is not None:
        return _missing(error.param, ctx)
    if isinstance(error, click_errors.NoSuchOption):
        text = f"ukjent valg {error.option_name}"
        if error.possibilities:
            text += f" (mente du {' eller '.join(sorted(error.possibilities))}?)"
        return text
    if isinstance(error, click_errors.BadOptionUsage):
        if "requires an argument" in error.message:
            return f"valget {error.option_name} trenger en verdi"
        return error.message
    if isinstance(error, click_errors.BadParameter):
        where = _param_hint(error.param, ctx) if error.param is not None else "verdien"
        return f"ugyldig verdi for {where}: {_bad_value(error.message)}"
    return _generic(error.message, ctx)


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _param_hint(param: Any, ctx: Any) -> str:
    if _is_argument(param):
        return param.metavar or (param.name or "").upper()
    return " / ".join(param.opts)


def _missing(param: Any, ctx: Any) -> str:
    help_text = getattr(param, "help", None)
    about = f" ({help_text.rstrip('.')})" if help_text else ""
    if _is_argument(param):
        return f"mangler {_param_hint(param, ctx)}{about}"
    return f"mangler valget {_param_hint(param, ctx)}{about}"


_BAD_VALUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"'(.*)' is not one of (.*)\.$", re.S), r"«\1» er ikke et av \2"),
    (re.compile(r"'(.*)' is not a valid integer.*", re.S), r"«\1» er ikke et heltall"),
    (re.compile(r"Input should be a valid integer.*", re.S), "skriv et heltall"),
    (re.compile(r"Input should be greater than or equal to (\S+)", re.S), r"skriv minst \1"),
    (re.compile(r"(.*) is not in the range x>=(\d+)\.?", re.S), r"\1 er mindre enn \2"),
    (re.compile(r"(?:File|Directory|Path) '(.*)' does not exist\.?", re.S), r"«\1» finnes ikke"),
    (re.compile(r"'(.*)' is not a valid float.*", re.S), r"«\1» er ikke et tall"),
)


def _bad_value(message: str) -> str:
    message = message.removeprefix("Value error, ")
    for pattern, replacement in _BAD_VALUES:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message).replace("'", "")
    return message


def _generic(message: str, ctx: Any) -> str:
    match = re.fullmatch(r"No such command '(.*?)'\.(?: Did you mean '(.*)'\?)?", message)
    if match:
        text = f"ukjent kommando «{match.group(1)}»"
        if match.group(2):
            return f"{text} (mente du «{match.group(2)}»?)"
        names = list(_subcommands(ctx.command)) if ctx is not None else []
        if names:
            text += f"; kommandoene er {', '.join(names)}"
        return text
    if message == "Missing command.":
        return "mangler kommando"
    match = re.fullmatch(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if match:
        return f"for mange argumenter: {match.group(1)}"
    return message
