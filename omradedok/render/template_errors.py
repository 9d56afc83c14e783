"""Whatever a template does wrong becomes one located, Norwegian TemplateError.

A municipality's template is text written in Word, so any Python exception it provokes
(``{{ 1/0 }}``, ``{{ doc + 1 }}``, a bound of the sandbox) is the template's mistake, never a
traceback: the message names the file, the part (hoveddokument, topptekst …), the line of
the template code and the field as written, and says how to fix it.
"""

from __future__ import annotations

import re
from types import TracebackType

import jinja2

from ..errors import LocatedTemplateError
from .sandbox import TagRefused, TemplateLimitExceeded

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_XML_TAG = re.compile(r"<[^>]+>")
_TEMPLATE_FILE = "<template>"


def template_line(exc: BaseException) -> int | None:
    """The template line an exception was raised on (Jinja rewrites tracebacks so that the
    template's own frames carry its line numbers)."""
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int) and lineno > 0:
        return lineno
    found = None
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _TEMPLATE_FILE:
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def tag_on_line(source: str, line: int | None) -> str:
    """The Jinja field(s) on ``line`` of the pre-processed source, without Word's XML."""
    if not line:
        return ""
    lines = source.splitlines()
    if not 0 < line <= len(lines):
        return ""
    text = _XML_TAG.sub("", lines[line - 1])
    tags = [re.sub(r"\s+", " ", t) for t in _TAG.findall(text)]
    if not tags:
        return ""
    shown = " … ".join(tags)
    return shown if len(shown) <= 160 else shown[:159] + "…"


def reason(exc: BaseException) -> tuple[str, str]:
    """(what is wrong, how to fix it) in Norwegian for an exception raised by template code."""
    fix = "rett eller fjern feltet i Word-malen"
    if isinstance(exc, TemplateLimitExceeded):
        return str(exc), "forenkle feltet; se «Grenser for maler» i README"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return (
            f"malen prøver å nå noe den ikke har lov til ({exc})",
            "maler kjører i en sandkasse og kan bare bruke dataene i dokumentet – fjern "
            "uttrykket fra malen",
        )
    if isinstance(exc, TagRefused):
        return exc.message or str(exc), "fjern feltet fra malen"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"feil i malkoden: {exc.message}", (
            "rett feltet i Word (sjekk at hver {% if %} har {% endif %} og hver {% for %} har "
            "{% endfor %})"
        )
    if isinstance(exc, ZeroDivisionError):
        return "deling på null", fix
    if isinstance(exc, OverflowError):
        return "tallet blir for stort", fix
    if isinstance(exc, RecursionError):
        return "malen kaller seg selv for mange ganger (en makro som kaller seg selv)", fix
    if isinstance(exc, MemoryError):
        return "malen bruker for mye minne", fix
    if isinstance(exc, TypeError):
        return (
            "verdiene i uttrykket passer ikke sammen (for eksempel tekst eller en liste pluss et "
            "tall)",
            fix,
        )
    if isinstance(exc, ValueError) and "integer string conversion" in str(exc):
        return "tallet har for mange sifre", fix
    if isinstance(exc, ValueError):
        return f"ugyldig verdi i uttrykket ({exc})", fix
    if isinstance(exc, LookupError):
        return "malen slår opp et element som ikke finnes", fix
    if isinstance(exc, jinja2.TemplateError):
        return str(exc), fix
    return f"malkoden feiler ({type(exc).__name__})", fix


def located(
    exc: BaseException,
    *,
    template: str,
    part: str,
    source: str,
    what: str | None = None,
    fix: str | None = None,
) -> LocatedTemplateError:
    """``exc`` raised while compiling or rendering ``part`` of ``template`` (from ``source``)."""
    line = template_line(exc)
    text, default_fix = reason(exc)
    return LocatedTemplateError(
        what or text,
        template=template,
        part=part,
        line=line,
        tag=tag_on_line(source, line),
        fix=default_fix if fix is None else fix,
    )
