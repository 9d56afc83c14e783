"""Pydantic's validation errors in plain Norwegian, with a hint on how to fix each."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ..errors import PathPart


def _model_at(root: type[BaseModel], path: tuple[PathPart, ...]) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``path`` (to list its valid keys)."""
    current: Any = root
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = info.annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _unwrap(annotation: Any) -> Any:
    """list[X] / X | None / Annotated[X, …] → X (the first model inside)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, tuple, set) or origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else (args[0] if args else annotation)
            if not models and origin in (typing.Union, types.UnionType):
                return annotation
        else:
            return annotation


_PATTERN_HINTS = {
    r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$": (
        "en id har bare bokstaver, sifre, punktum, bindestrek og understrek (ingen mellomrom), "
        "for eksempel «DM1.2»"
    ),
    r"^\d{2,4}/\d{1,6}(-\d+)?$": "skriv saksnummeret som år/løpenummer, for eksempel 2026/1234",
    r"^1$": "skriv 1 (den eneste versjonen av formatet)",
    r"^\d{8}$": "et grunnkretsnummer har åtte sifre, for eksempel «03010101»",
    r"^#[0-9A-Fa-f]{6}$": "skriv fargen som # og seks tegn 0–9/A–F, for eksempel «#1F4E79»",
    r"^\d{4}$": "kommunenummeret har fire sifre, for eksempel «0301»",
}
"""Every pattern of the model, said as the clerks' guide would (never the regex itself)."""


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"«{value}»"
    return text if len(text) <= 60 else text[:57] + "…"


_RANGE_KINDS = frozenset(
    {
        "greater_than",
        "greater_than_equal",
        "less_than",
        "less_than_equal",
        "multiple_of",
        "too_long",
        "too_short",
        "string_too_long",
        "string_too_short",
    }
)


def code_of(error: ErrorDetails) -> str:
    """The stable code (omradedok.error_codes) of one pydantic error, by its kind of rule."""
    kind = error["type"]
    if kind == "missing":
        return "E-FELT-001"
    if kind == "extra_forbidden":
        return "E-FELT-002"
    if kind in _RANGE_KINDS:
        return "E-FELT-004"
    if kind in ("value_error", "assertion_error"):
        return "E-FELT-005"
    return "E-FELT-003"


def translate(error: ErrorDetails, root: type[BaseModel]) -> str:
    """One pydantic error → a Norwegian sentence saying what is wrong and how to fix it."""
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    loc = tuple(error["loc"])
    if kind == "missing":
        return "feltet mangler; det er påkrevd – legg det til"
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        owner = _model_at(root, loc[:-1])
        valid = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(key, valid, n=1)
        tip = f" Mente du «{close[0]}»?" if close else ""
        listing = f" Gyldige felt her: {', '.join(valid)}." if valid else ""
        return f"ukjent felt «{key}».{tip}{listing}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    field_name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    is_year = field_name == "year" or field_name.endswith("_year")
    if is_year and kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{_short(value)} er ikke et årstall; skriv et årstall med fire sifre, for eksempel 2027"
    if is_year and kind in ("greater_than_equal", "less_than_equal"):
        return (
            f"{_short(value)} er utenfor planens tidsrom; skriv et årstall mellom 1990 og 2100, "
            "for eksempel 2027"
        )
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return (
            f"{_short(value)} er ikke et heltall; skriv et helt tall uten mellomrom eller desimaler"
        )
    if kind in ("float_parsing", "float_type", "finite_number"):
        return f"{_short(value)} er ikke et tall; bruk punktum som desimaltegn i filen, f.eks. 12.5"
    if kind in ("string_type",):
        return f"forventet tekst, fikk {_short(value)}; sett teksten i anførselstegn"
    if kind in (
        "date_parsing",
        "date_from_datetime_parsing",
        "date_type",
        "date_from_datetime_inexact",
    ):
        return f"{_short(value)} er ikke en gyldig dato; skriv datoen som 26.11.2026"
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"{_short(value)} er ikke en gyldig verdi; velg en av {expected}"
    if kind == "literal_error":
        return f"{_short(value)} er ikke tillatt; velg en av {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(str(ctx.get("pattern")), "sjekk hvordan feltet skal skrives")
        return f"{_short(value)} har feil format; {hint}"
    if kind == "string_too_short":
        return "feltet kan ikke være tomt"
    if kind == "string_too_long":
        return f"teksten er for lang (høyst {ctx.get('max_length')} tegn)"
    if kind == "too_short":
        return f"listen må ha minst {ctx.get('min_length')} element"
    if kind == "greater_than_equal":
        return f"{_short(value)} er for lite; minste tillatte verdi er {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"{_short(value)} er for stort; største tillatte verdi er {ctx.get('le')}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"forventet en gruppe med felt (nøkkel: verdi), fikk {_short(value)}"
    if kind == "list_type":
        return f"forventet en liste (linjer som begynner med «- »), fikk {_short(value)}"
    if kind in ("bool_parsing", "bool_type"):
        return f"{_short(value)} er ikke ja/nei; skriv true eller false"
    if kind == "path_type":
        return f"{_short(value)} er ikke et filnavn"
    return f"{error['msg']} (verdi: {_short(value)})"
