"""Bounded, strict values: no 10**100 that kills Babel, no ``true`` taken as 1 kr, messages
in the clerks' guide's words (dates as 26.11.2026, never a regex)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import omradedok
from omradedok.errors import InputError

STARTER = (Path(omradedok.__file__).parent / "starter.yaml").read_text(encoding="utf-8")


def _errors(tmp_path: Path, old: str, new: str) -> list[str]:
    assert old in STARTER, old
    path = tmp_path / "plan.yaml"
    path.write_text(STARTER.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        omradedok.load(path)
    return [str(p).replace(f"{path}:", "plan.yaml:") for p in caught.value.errors]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "population: 4200",
            "population: 1" + "0" * 20,
            "area.population: 100000000000000000000 er for stort; største tillatte verdi er 100000000",
        ),
        (
            "population: 4200",
            "population: 1" + "0" * 100,
            "area.population: tallet har 101 sifre; det er for stort til å være et riktig tall",
        ),
        (
            "population: 4200",
            "population: true",
            "area.population: «true» er ja/nei, ikke et antall; skriv et helt tall, for eksempel 4200",
        ),
        (
            "start_year: 2026",
            "start_year: 2026x",
            "period.start_year: «2026x» er ikke et årstall; skriv et årstall med fire sifre, for eksempel 2027",
        ),
        (
            "date: 2026-11-26",
            "date: 2026-02-31",
            "document.date: «2026-02-31» er ikke en gyldig dato (den dagen finnes ikke); skriv en "
            "dato som finnes, for eksempel 2026-11-26 eller 26.11.2026",
        ),
        (
            "date: 2026-11-26",
            "date: '2026-02-31'",
            "document.date: «2026-02-31» er ikke en gyldig dato; skriv datoen som 26.11.2026",
        ),
        (
            "date: 2026-11-26",
            "date: 31.02.2026",
            "document.date: «31.02.2026» er ikke en gyldig dato (den dagen finnes ikke); skriv en "
            "dato som finnes, for eksempel 26.11.2026",
        ),
    ],
)
def test_bad_value_message(tmp_path: Path, old: str, new: str, expected: str) -> None:
    (message,) = _errors(tmp_path, old, new)
    assert message.split(": ", 1)[1] == expected, message


def test_pattern_messages_never_show_a_regex(tmp_path: Path) -> None:
    (message,) = _errors(tmp_path, 'number: "0000"', 'number: "03a1"')
    assert message.endswith(
        "«03a1» har feil format; kommunenummeret har fire sifre, for eksempel «0301»"
    )
    assert "^" not in message and "\\d" not in message


def test_norwegian_date_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(STARTER.replace("date: 2026-11-26", "date: 26.11.2026", 1), encoding="utf-8")
    assert omradedok.load(path).document.date == dt.date(2026, 11, 26)


@pytest.mark.parametrize("value", [True, False])
def test_a_boolean_is_never_an_amount(value: bool) -> None:
    with pytest.raises(ValueError, match="er ja/nei, ikke et beløp"):
        omradedok.Funding(municipal=value)  # type: ignore[arg-type]


def test_amounts_are_bounded() -> None:
    with pytest.raises(ValueError, match="beløpet er over 1 000 000 000 000 kr"):
        omradedok.Funding(state=10**100)
    assert omradedok.Funding(state=10**12).total == 10**12


@pytest.mark.parametrize("value", [float("inf"), 1e300, True])
def test_indicator_values_are_bounded(value: float) -> None:
    with pytest.raises(ValueError):
        omradedok.Baseline(value=value, year=2026)
