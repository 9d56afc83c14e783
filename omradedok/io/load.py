"""Load an input file (YAML, JSON or the Excel workbook) into a validated Initiative."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..checks import validate
from ..errors import InputError, PathPart, Problem, Report
from ..model import Initiative
from .migrate import is_v1, migrate_v1
from .partial import field_problems, reference_problems_despite
from .textfile import parse_text

TEXT_SUFFIXES = {".yaml", ".yml", ".json"}
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
INPUT_SUFFIXES = TEXT_SUFFIXES | WORKBOOK_SUFFIXES

Locate = Callable[[tuple[PathPart, ...]], str]


@dataclass
class Loaded:
    """A validated model with its warnings and where it came from."""

    model: Initiative
    source: Path
    warnings: list[Problem] = field(default_factory=list)


def model_from_data(data: dict[str, Any], name: str, locate: Locate) -> tuple[Initiative, Report]:
    """Validate plain data; every problem is located with ``locate`` (file:line or Sheet!Cell)."""
    changes: list[Problem] = []
    if isinstance(data, dict) and is_v1(data):
        data, migrated = migrate_v1(data)
        changes = [c.as_warning() for c in migrated]
    try:
        model = Initiative.model_validate(data)
    except ValidationError as exc:
        problems = field_problems(exc, locate)
        problems += reference_problems_despite(data, exc, locate)
        raise InputError(name, problems) from None
    report = validate(model)
    located = [p.located(locate(p.path)) for p in [*changes, *report.problems]]
    report = Report(located)
    if report.errors:
        raise InputError(name, report.problems)
    return model, report


def _resolve_files(model: Initiative, base: Path) -> Initiative:
    """Make the profile's logo and font paths absolute, relative to the input file's folder."""
    profile = model.municipality.profile
    for attr in ("logo", "font", "font_bold"):
        value = getattr(profile, attr)
        if value is not None and not value.is_absolute():
            setattr(profile, attr, (base / value).resolve())
    return model


def _check_files(model: Initiative, name: str, locate: Locate) -> None:
    profile = model.municipality.profile
    problems = []
    for attr in ("logo", "font", "font_bold"):
        value = getattr(profile, attr)
        if value is not None and not value.is_file():
            path: tuple[PathPart, ...] = ("municipality", "profile", attr)
            problems.append(
                Problem(
                    "error",
                    f"filen «{value}» finnes ikke; rett stien (den regnes fra mappen til inndatafilen)",
                    path,
                    locate(path),
                    "E-FIL-006",
                )
            )
        elif value is not None:
            reason = _unusable_file(attr, value)
            if reason:
                path = ("municipality", "profile", attr)
                problems.append(Problem("error", reason, path, locate(path), "E-FIL-007"))
    if problems:
        raise InputError(name, problems)


def _unusable_file(attr: str, value: Path) -> str | None:
    """Why the build could not use a logo or font file (None: it can), found before the build
    fails on it with reportlab's internal message."""
    if attr == "logo":
        from docx.image.image import Image as DocxImage
        from reportlab.lib.utils import ImageReader

        try:
            width, height = ImageReader(str(value)).getSize()  # the PDF's reader
            if width <= 0 or height <= 0:
                raise ValueError("tomt bilde")
            DocxImage.from_file(str(value))  # the Word documents' reader
        except Exception:  # PIL and reportlab raise many kinds for a file that is no image
            return (
                f"«{value.name}» er ikke et bilde omradedok kan lese; bruk en PNG- eller JPEG-fil "
                "(lagre logoen på nytt som PNG)"
            )
        return None
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        TTFont(f"omradedok-check-{attr}", str(value))
    except Exception:  # reportlab's TTFError, or struct/OSError for a truncated file
        return (
            f"«{value.name}» er ikke en TrueType-skrift reportlab kan bruke; velg en .ttf-fil "
            "(ikke .otf, .woff eller en skrift med PostScript-konturer)"
        )
    return None


def in_workbook(name: str, cell: str) -> str:
    """«Aktiviteter!J4» → «[satsing.xlsx]Aktiviteter!J4», Excel's own way to name a cell of
    another workbook: with several workbooks every message says which one."""
    return cell if not cell or cell == name else f"[{name}]{cell}"


def _in_workbook(problem: Problem, name: str) -> Problem:
    return problem.located(in_workbook(name, problem.location))


def load_with_report(path: str | Path) -> Loaded:
    """Load and validate; raises InputError listing every error, returns warnings."""
    source = Path(path)
    name = str(source)
    suffix = source.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        from .workbook_read import read_workbook  # imported lazily: openpyxl is slow to import

        try:
            data, cell_of = read_workbook(source)
        except InputError as exc:
            raise InputError(name, [_in_workbook(p, name) for p in exc.problems]) from None

        def locate(path: tuple[PathPart, ...]) -> str:
            return in_workbook(name, cell_of(path))

    elif suffix in TEXT_SUFFIXES:
        parsed = parse_text(source)
        data, locate = parsed.data, parsed.location
    else:
        raise InputError(
            name,
            [
                Problem(
                    "error",
                    f"ukjent filtype «{source.suffix or '(ingen)'}»; bruk .yaml, .yml, .json eller .xlsx",
                    (),
                    name,
                    "E-FIL-005",
                )
            ],
        )
    model, report = model_from_data(data, name, locate)
    model = _resolve_files(model, source.resolve().parent)
    _check_files(model, name, locate)
    return Loaded(model=model, source=source, warnings=report.warnings)


def load(path: str | Path) -> Initiative:
    """Load a YAML, JSON or Excel input file into a validated Initiative."""
    return load_with_report(path).model
