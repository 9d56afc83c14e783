"""Where shipped files live: inside the wheel, or beside the package in a source checkout."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def _shipped(package: str, folder: str) -> Path:
    checkout = _ROOT.parent / folder
    if checkout.is_dir() and (_ROOT.parent / "pyproject.toml").is_file():
        return checkout
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return checkout


def templates_dir() -> Path:
    """The built-in docxtpl templates (top-level templates/ in the repository)."""
    return _shipped("omradedok.templates", "templates")


def schemas_dir() -> Path:
    """The generated JSON Schema (top-level schemas/ in the repository)."""
    return _shipped("omradedok.schemas", "schemas")


def fonts_dir() -> Path:
    """Fonts shipped with the package, so PDFs never depend on the operating system."""
    return _ROOT / "fonts"
