"""When, Amount and Count: facts at the precision the source gives, printed as such."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from omradedok.locale import format_amount, format_count, format_when, format_when_range
from omradedok.model import Activity, Area
from omradedok.model.amount import Amount, add_up
from omradedok.model.quantity import Count
from omradedok.model.when import When


@pytest.mark.parametrize(
    ("text", "key", "nb", "nn"),
    [
        (2013, "2013", "2013", "2013"),
        ("2013", "2013", "2013", "2013"),
        ("2013-09", "2013-09", "september 2013", "september 2013"),
        ("september 2013", "2013-09", "september 2013", "september 2013"),
        ("2013-09-03", "2013-09-03", "3. september 2013", "3. september 2013"),
        ("3.9.2013", "2013-09-03", "3. september 2013", "3. september 2013"),
        (dt.date(2013, 9, 3), "2013-09-03", "3. september 2013", "3. september 2013"),
        ("høsten 2013", "2013-autumn", "høsten 2013", "hausten 2013"),
        ("hausten 2013", "2013-autumn", "høsten 2013", "hausten 2013"),
        ("våren 2014", "2014-spring", "våren 2014", "våren 2014"),
        ("2026-Q2", "2026-Q2", "2. kvartal 2026", "2. kvartal 2026"),
    ],
)
def test_when_keeps_its_precision(text: object, key: str, nb: str, nn: str) -> None:
    when = When.parse(text)
    assert when.key() == key
    assert format_when(when, "nb") == nb
    assert format_when(when, "nn") == nn
    assert When.parse(when.key()) == when


def test_when_orders_by_the_time_it_covers() -> None:
    assert When.parse("2013") < When.parse("2014-01")
    assert When.parse("høsten 2013").first_day() == dt.date(2013, 9, 1)
    assert When.parse("2013").last_day() == dt.date(2013, 12, 31)
    assert format_when_range(When.parse("2013"), When.parse("2020"), "nb") == "2013–2020"


@pytest.mark.parametrize("bad", ["høstferien 2013", "31.2.2013", "2013-13", "neste år", True])
def test_when_refuses_with_advice(bad: object) -> None:
    with pytest.raises(ValueError, match="høsten 2013"):
        When.parse(bad)


@pytest.mark.parametrize(
    ("value", "nb"),
    [
        (400000, "400\u00a0000\u00a0kr"),
        ("anslag 400000", "anslag 400\u00a0000\u00a0kr"),
        ("4–5 mill. kr", "4–5\u00a0mill.\u00a0kr"),
        ("400 000-500 000 kr", "400\u00a0000–500\u00a0000\u00a0kr"),
        ("1,2 mill.", "1\u00a0200\u00a0000\u00a0kr"),
        (None, "ikke fastsatt"),
        ("ikke fastsatt", "ikke fastsatt"),
    ],
)
def test_amounts_print_as_given(value: object, nb: str) -> None:
    assert format_amount(Amount.parse(value), "nb") == nb


def test_sums_over_unknown_parts_say_so() -> None:
    total = add_up([Amount.exact(100_000), Amount.unknown()])
    assert format_amount(total, "nb") == "minst 100\u00a0000\u00a0kr"
    assert format_amount(add_up([Amount.unknown(), Amount.unknown()]), "nn") == "ikkje fastsett"
    assert format_amount(add_up([Amount.parse("4–5 mill. kr"), 1_000_000]), "nb") == (
        "5–6\u00a0mill.\u00a0kr"
    )


def test_unknown_budget_is_not_zero() -> None:
    act = Activity(id="1", title="Tiltak", start="2013", end="2020")
    assert not act.budget.known
    assert format_amount(act.budget.total, "nb") == "ikke fastsatt"
    assert act.years == list(range(2013, 2021)) and act.multi_year
    assert not act.share(2015).known


def test_activity_without_any_time_is_refused() -> None:
    with pytest.raises(ValidationError, match="start"):
        Activity(id="1", title="Tiltak")


@pytest.mark.parametrize(
    ("value", "nb"),
    [(6000, "6\u00a0000"), ("ca. 6000", "ca. 6\u00a0000"), ("opp mot 6000", "opp mot 6\u00a0000")],
)
def test_approximate_population(value: object, nb: str) -> None:
    area = Area(name="Sentrum", population=value)
    assert format_count(area.population, "nb") == nb
    assert isinstance(area.population, Count)
