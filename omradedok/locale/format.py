"""Norwegian formatting through Babel (Språkrådet's rules): dates, money, numbers, ranges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from ..model.enums import Language

NBSP = "\u00a0"
EN_DASH = "\u2013"


@lru_cache(maxsize=4)
def babel_locale(language: Language | str) -> Locale:
    return Locale.parse(str(Language(language).value))


def format_date(
    value: dt.date | None, language: Language | str = Language.NB, *, style: str = "long"
) -> str:
    """«26. november 2026» (long) or «26.11.2026» (short); never slashes."""
    if value is None:
        return ""
    fmt = "d. MMMM y" if style == "long" else "dd.MM.y"
    return _babel_date(value, fmt, locale=babel_locale(language))


def round_half_up(value: int | float | Decimal, decimals: int = 0) -> Decimal:
    """``value`` rounded to ``decimals`` places, halves away from zero (3,45 → 3,5; 2,95 → 3,0).

    The one rounding rule for every printed figure: Babel and ``round()`` round halves to
    even (3,45 → 3,4), which a reader adding up a table takes for an error. A float is read
    through its shortest decimal form, so ``3_450_000 / 1_000_000`` counts as exactly 3,45.
    """
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_number(
    value: int | float | Decimal,
    language: Language | str = Language.NB,
    *,
    decimals: int | None = None,
) -> str:
    """«1 250 000», «12,5» – non-breaking thousands space, decimal comma, halves rounded up."""
    if decimals is None:
        pattern = "#,##0.###"
        rounded = round_half_up(value, 3)
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        rounded = round_half_up(value, decimals)
    return format_decimal(rounded, format=pattern, locale=babel_locale(language))


def format_money(value: int, language: Language | str = Language.NB) -> str:
    """«1 250 000 kr» (whole kroner)."""
    return f"{format_number(value, language, decimals=0)}{NBSP}kr"


def millions(value: int | float | Decimal) -> Decimal:
    """Kroner as millions with one decimal, rounded half up: 3 450 000 → 3,5."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return round_half_up(exact / 1_000_000, 1)


def format_millions(value: int | float | Decimal, language: Language | str = Language.NB) -> str:
    """«1,3 mill. kr» for text, tables and charts where space is short (half up, see
    :func:`millions`)."""
    return f"{format_number(millions(value), language, decimals=1)}{NBSP}mill.{NBSP}kr"


def rounding_shows(parts: Iterable[int | float | Decimal], total: int | float | Decimal) -> bool:
    """Whether the parts, each rounded to 0,1 mill., visibly fail to add up to the rounded
    total (3,5 + 3,0 next to 6,4): then the total must say that the figures are rounded."""
    return sum((millions(p) for p in parts), Decimal(0)) != millions(total)


def rounded_note(language: Language | str = Language.NB) -> str:
    """The sentence printed next to a rounded total whose parts do not add up to it."""
    if Language(language) is Language.NN:
        return "Beløpa er avrunda kvar for seg til næraste 0,1 mill. kr; summen kan difor avvike frå summen av delane."
    return "Beløpene er avrundet hver for seg til nærmeste 0,1 mill. kr; summen kan derfor avvike fra summen av delene."


def format_year_range(start: int, end: int) -> str:
    """«2026–2031» with an en dash (a single year stays a single year)."""
    return str(start) if start == end else f"{start}{EN_DASH}{end}"


def format_date_range(start: dt.date, end: dt.date, language: Language | str = Language.NB) -> str:
    """«3.–6. juni 2026», «3. juni–6. august 2026», or full dates across years."""
    if start == end:
        return format_date(start, language)
    if start.year != end.year:
        return f"{format_date(start, language)}{EN_DASH}{format_date(end, language)}"
    if start.month != end.month:
        first = _babel_date(start, "d. MMMM", locale=babel_locale(language))
        return f"{first}{EN_DASH}{format_date(end, language)}"
    return f"{start.day}.{EN_DASH}{format_date(end, language)}"


def format_org_number(value: str | None) -> str:
    """«940 155 223» – three groups of three digits."""
    if not value:
        return ""
    digits = value.replace(" ", "")
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


def format_quarter(value: dt.date) -> str:
    """«K2 2026» (kvartal)."""
    return f"K{(value.month - 1) // 3 + 1} {value.year}"
