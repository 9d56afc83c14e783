"""Where shipped files live: inside the wheel, or beside the package in a source checkout."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from .errors import TemplateError

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


def examples_dir() -> Path:
    """The bundled example initiatives (top-level examples/ in the repository, shipped in the
    wheel as omradedok.examples): ``templates check`` renders every template with them."""
    return _shipped("omradedok.examples", "examples")


def template_folder(path: str | os.PathLike[str] | None) -> Path | None:
    """A municipality's template folder, checked: a misspelled ``--templates`` must stop the
    build, not quietly give the built-in letterhead (build, batch, the API and ``templates
    check`` all ask here)."""
    if path is None or str(path) == "":
        return None
    folder = Path(path)
    if not folder.exists():
        raise TemplateError(
            f"malmappen {folder} finnes ikke; sjekk stavemåten, eller fjern --templates for å "
            "bruke de innebygde malene"
        )
    if not folder.is_dir():
        raise TemplateError(
            f"malmappen {folder} er ikke en mappe; --templates skal peke på mappen med "
            "kommunens maler (.docx)"
        )
    return folder
