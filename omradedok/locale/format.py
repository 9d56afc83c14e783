"""Norwegian formatting through Babel (Språkrådet's rules): dates, money, numbers, ranges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from ..model.amount import Amount
from ..model.enums import Language
from ..model.quantity import QUALIFIERS, Count
from ..model.when import When

NBSP = "\u00a0"
EN_DASH = "\u2013"


@lru_cache(maxsize=4)
def babel_locale(language: Language | str) -> Locale:
    return Locale.parse(str(Language(language).value))


def format_date(
    value: dt.date | When | None, language: Language | str = Language.NB, *, style: str = "long"
) -> str:
    """«26. november 2026» (long) or «26.11.2026» (short); never slashes. A When prints at
    its own precision («2013», «september 2013»)."""
    if value is None:
        return ""
    if isinstance(value, When):
        if value.precision != "day":
            return format_when(value, language)
        value = value.first_day()
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
    value: int | float | Decimal | Count,
    language: Language | str = Language.NB,
    *,
    decimals: int | None = None,
) -> str:
    """«1 250 000», «12,5» – non-breaking thousands space, decimal comma, halves rounded up;
    a Count keeps its «ca.» / «opp mot»."""
    if isinstance(value, Count):
        return format_count(value, language)
    if decimals is None:
        pattern = "#,##0.###"
        rounded = round_half_up(value, 3)
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        rounded = round_half_up(value, decimals)
    return format_decimal(rounded, format=pattern, locale=babel_locale(language))


def format_money(value: int | Amount | None, language: Language | str = Language.NB) -> str:
    """«1 250 000 kr» (whole kroner); an Amount as :func:`format_amount` prints it."""
    if not isinstance(value, int):
        return format_amount(value, language)
    return f"{format_number(value, language, decimals=0)}{NBSP}kr"


def millions(value: int | float | Decimal) -> Decimal:
    """Kroner as millions with one decimal, rounded half up: 3 450 000 → 3,5."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return round_half_up(exact / 1_000_000, 1)


def format_millions(
    value: int | float | Decimal | Amount, language: Language | str = Language.NB
) -> str:
    """«1,3 mill. kr» for text, tables and charts where space is short (half up, see
    :func:`millions`); an Amount that is not one exact figure prints as
    :func:`format_amount` does."""
    if isinstance(value, Amount):
        if not value.is_exact or value.low is None:
            return format_amount(value, language)
        value = value.low
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


def format_date_range(
    start: dt.date | When | None,
    end: dt.date | When | None,
    language: Language | str = Language.NB,
) -> str:
    """«3.–6. juni 2026», «3. juni–6. august 2026», or full dates across years; Whens at
    their precision («2013–2020», «høsten 2013–2020»)."""
    if start is None or end is None or isinstance(start, When) or isinstance(end, When):
        return format_when_range(_as_when(start), _as_when(end), language)
    if start == end:
        return format_date(start, language)
    if start.year != end.year:
        return f"{format_date(start, language)}{EN_DASH}{format_date(end, language)}"
    if start.month != end.month:
        first = _babel_date(start, "d. MMMM", locale=babel_locale(language))
        return f"{first}{EN_DASH}{format_date(end, language)}"
    return f"{start.day}.{EN_DASH}{format_date(end, language)}"


def _as_when(value: dt.date | When | None) -> When | None:
    if value is None or isinstance(value, When):
        return value
    return When.of(value)


def format_org_number(value: str | None) -> str:
    """«940 155 223» – three groups of three digits."""
    if not value:
        return ""
    digits = value.replace(" ", "")
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


def format_quarter(value: dt.date) -> str:
    """«K2 2026» (kvartal)."""
    return f"K{(value.month - 1) // 3 + 1} {value.year}"


UNKNOWN = {"nb": "ikke fastsatt", "nn": "ikkje fastsett"}
"""The one neutral label for a fact the input does not give, where a table needs a cell."""


def unknown_text(language: Language | str = Language.NB, *, capital: bool = False) -> str:
    text = UNKNOWN[Language(language).value]
    return text[0].upper() + text[1:] if capital else text


def _kroner_span(low: int, high: int, language: Language | str) -> str:
    if low == high:
        return format_money(low, language)
    if low >= 1_000_000 and low % 100_000 == 0 and high % 100_000 == 0:
        first = format_number(low / 1_000_000, language)
        last = format_number(high / 1_000_000, language)
        return f"{first}{EN_DASH}{last}{NBSP}mill.{NBSP}kr"
    first = format_number(low, language, decimals=0)
    return f"{first}{EN_DASH}{format_money(high, language)}"


def format_amount(amount: Amount | int | None, language: Language | str = Language.NB) -> str:
    """«400 000 kr», «anslag 400 000 kr», «4–5 mill. kr», «minst 1 200 000 kr» (a sum with
    unknown parts) or «ikke fastsatt» – never «0 kr» for a cost nobody gave."""
    if amount is None:
        return unknown_text(language)
    if isinstance(amount, int):
        return format_money(amount, language)
    if amount.low is None or amount.high is None:
        return unknown_text(language)
    text = _kroner_span(amount.low, amount.high, language)
    if amount.partial:
        if amount.low == 0:  # nothing known but zeros: «minst 0 kr» would say nothing true
            return unknown_text(language)
        return f"minst {format_money(amount.low, language)}"
    if amount.estimate:
        return f"anslag {text}"
    return text


_SEASON_NAMES = {
    "spring": ("våren", "våren"),
    "summer": ("sommeren", "sommaren"),
    "autumn": ("høsten", "hausten"),
    "winter": ("vinteren", "vinteren"),
}


def format_when(value: When | None, language: Language | str = Language.NB) -> str:
    """A When at its own precision: «2013», «høsten 2013», «3. kvartal 2013»,
    «september 2013», «3. september 2013»."""
    if value is None:
        return ""
    if value.precision == "day":
        return format_date(value.first_day(), language)
    if value.precision == "month":
        return _babel_date(value.first_day(), "LLLL y", locale=babel_locale(language))
    if value.precision == "quarter":
        return f"{value.quarter}. kvartal {value.year}"
    if value.season is not None:
        nb, nn = _SEASON_NAMES[value.season]
        return f"{nn if Language(language) is Language.NN else nb} {value.year}"
    return str(value.year)


def format_when_range(
    start: When | None, end: When | None, language: Language | str = Language.NB
) -> str:
    """«2013–2020», «september 2013–juni 2014», «3.–6. juni 2026»; one side may be missing."""
    if start is None and end is None:
        return ""
    if start is None or end is None:
        known = start if start is not None else end
        assert known is not None
        text = format_when(known, language)
        if start is None:
            return f"til {text}"
        return f"{'frå' if Language(language) is Language.NN else 'fra'} {text}"
    if start == end:
        return format_when(start, language)
    if start.precision == end.precision == "day":
        return format_date_range(start.first_day(), end.last_day(), language)
    if start.precision == end.precision == "year":
        return format_year_range(start.year, end.year)
    if start.precision == end.precision == "month" and start.year == end.year:
        first = _babel_date(start.first_day(), "LLLL", locale=babel_locale(language))
        return f"{first}{EN_DASH}{format_when(end, language)}"
    return f"{format_when(start, language)}{EN_DASH}{format_when(end, language)}"


def format_count(value: Count | int | None, language: Language | str = Language.NB) -> str:
    """«6 000», «ca. 6 000», «opp mot 6 000»."""
    if value is None:
        return ""
    if isinstance(value, int):
        return format_number(value, language)
    number = format_number(value.value, language)
    if value.qualifier is None:
        return number
    nb, nn = QUALIFIERS[value.qualifier]
    return f"{nn if Language(language) is Language.NN else nb} {number}"
