"""How large an input may be: one documented bound, configurable, checked before reading."""

from __future__ import annotations

import os

DEFAULT_MAX_INPUT_MB = 20
"""A large plan (50 activities, every text filled) is about 200 KB; 20 MB leaves room for
a hundred times that, while validate still answers within seconds."""

ENV_MAX_INPUT_MB = "OMRADEDOK_MAX_INPUT_MB"


def max_input_mb() -> float:
    """``$OMRADEDOK_MAX_INPUT_MB`` (a positive number of megabytes) or 20."""
    raw = os.environ.get(ENV_MAX_INPUT_MB, "").strip()
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_INPUT_MB
    except ValueError:
        megabytes = DEFAULT_MAX_INPUT_MB
    return megabytes if megabytes > 0 else DEFAULT_MAX_INPUT_MB


def max_input_bytes() -> int:
    """The bound in bytes (1 MB = 1 048 576 bytes)."""
    return int(max_input_mb() * 1024 * 1024)


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def too_large_message(size: int) -> str | None:
    """The Norwegian message for an input of ``size`` bytes, or None when it is allowed."""
    limit = max_input_bytes()
    if size <= limit:
        return None
    return (
        f"filen er {_size(size)}; største tillatte inndatafil er {max_input_mb():g} MB. "
        "Er det riktig fil? Grensen kan økes med "
        f"miljøvariabelen {ENV_MAX_INPUT_MB}"
    )


__all__ = [
    "DEFAULT_MAX_INPUT_MB",
    "ENV_MAX_INPUT_MB",
    "max_input_bytes",
    "max_input_mb",
    "too_large_message",
]
