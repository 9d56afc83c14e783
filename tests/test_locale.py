"""Norwegian formatting (Babel) and labels: the rules of Språkrådet, in both written standards."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import pytest

from omradedok.locale import (
    enum_from_label,
    enum_label,
    format_date,
    format_date_range,
    format_millions,
    format_money,
    format_number,
    format_org_number,
    format_year_range,
)
from omradedok.model import (
    ActivityStatus,
    BodyKind,
    ChannelKind,
    DocumentStatus,
    EvaluationType,
    EvaluatorKind,
    Frequency,
    FundingSource,
    Involvement,
    Language,
    MeasureType,
    PartnerKind,
    SourceKind,
)

NBSP = "\u00a0"


def test_dates_numbers_money() -> None:
    day = dt.date(2026, 11, 26)
    assert format_date(day, "nb") == "26. november 2026"
    assert format_date(day, "nn") == "26. november 2026"
    assert format_date(day, "nb", style="short") == "26.11.2026"
    assert format_money(1_250_000) == f"1{NBSP}250{NBSP}000{NBSP}kr"
    assert format_number(12.5) == "12,5"
    assert format_millions(13_700_000) == f"13,7{NBSP}mill.{NBSP}kr"
    assert format_org_number("940155223") == "940 155 223"


def test_ranges_use_en_dash() -> None:
    assert format_year_range(2026, 2031) == "2026–2031"
    assert format_year_range(2026, 2026) == "2026"
    assert format_date_range(dt.date(2026, 6, 3), dt.date(2026, 6, 6)) == "3.–6. juni 2026"
    assert (
        format_date_range(dt.date(2026, 6, 3), dt.date(2026, 8, 6)) == "3. juni–6. august 2026"
    )


ENUMS: list[type[StrEnum]] = [
    ActivityStatus,
    BodyKind,
    ChannelKind,
    DocumentStatus,
    EvaluationType,
    EvaluatorKind,
    Frequency,
    FundingSource,
    Involvement,
    Language,
    MeasureType,
    PartnerKind,
    SourceKind,
]


@pytest.mark.parametrize("enum", ENUMS, ids=[e.__name__ for e in ENUMS])
def test_every_member_has_distinct_labels_that_read_back(enum: type[StrEnum]) -> None:
    for language in Language:
        labels = [enum_label(member, language) for member in enum]
        assert len(set(labels)) == len(labels), labels
        for member, label in zip(enum, labels, strict=True):
            assert enum_from_label(enum, label) is member


def test_equal_values_in_different_enums_do_not_collide() -> None:
    # "ongoing" and "other" are values of several enums (a StrEnum equals its value).
    assert enum_label(ActivityStatus.ONGOING) == "Pågår"
    assert enum_label(EvaluationType.ONGOING) == "Følgeevaluering"
    assert enum_label(FundingSource.OTHER) == "Andre midler"
    assert enum_label(PartnerKind.OTHER, "nn") == "Annan"
    assert enum_label(DocumentStatus.CONSULTATION, "nn") == "Høyringsutkast"
