"""Norwegian (bokmål and nynorsk) labels and Babel-based formatting."""

from .format import (
    format_amount,
    format_count,
    format_date,
    format_date_range,
    format_millions,
    format_money,
    format_number,
    format_org_number,
    format_quarter,
    format_when,
    format_when_range,
    format_year_range,
    unknown_text,
)
from .labels import enum_choices, enum_from_label, enum_label, pick

__all__ = [
    "enum_choices",
    "enum_from_label",
    "enum_label",
    "format_amount",
    "format_count",
    "format_date",
    "format_date_range",
    "format_millions",
    "format_money",
    "format_number",
    "format_org_number",
    "format_quarter",
    "format_when",
    "format_when_range",
    "format_year_range",
    "pick",
    "unknown_text",
]
