"""Norwegian (bokmål and nynorsk) labels and Babel-based formatting."""

from .format import (
    format_date,
    format_date_range,
    format_millions,
    format_money,
    format_number,
    format_org_number,
    format_quarter,
    format_year_range,
    millions,
    round_half_up,
    rounded_note,
    rounding_shows,
)
from .labels import enum_choices, enum_from_label, enum_label, pick

__all__ = [
    "enum_choices",
    "enum_from_label",
    "enum_label",
    "format_date",
    "format_date_range",
    "format_millions",
    "format_money",
    "format_number",
    "format_org_number",
    "format_quarter",
    "format_year_range",
    "millions",
    "pick",
    "round_half_up",
    "rounded_note",
    "rounding_shows",
]
