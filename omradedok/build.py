"""build(): the whole pipeline for one initiative – validate, plan artifacts, render, write."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import validate
from .documents import registry
from .documents.base import Artifact, BuildContext, BuildOptions
from .errors import InputError, OmradedokError, Problem
from .io.writer import Written, write_atomic
from .model import Initiative, Language
from .parallel import render_all


@dataclass
class BuildResult:
    """What a build wrote, in order, and the warnings the model carried."""

    written: list[Written] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        return [w.path for w in self.written]


def plan(
    model: Initiative,
    *,
    language: Language | str | None = None,
    only: Iterable[str] | None = None,
    template_dir: Path | None = None,
    pdf_engine: str = "reportlab",
) -> list[Artifact]:
    """The artifacts a build would write, without rendering anything."""
    _load_kinds()
    lang = Language(language) if language else model.municipality.language
    options = BuildOptions(language=lang, template_dir=template_dir, pdf_engine=pdf_engine)
    wanted = _check_only(only)
    context = BuildContext(model=model, options=options)
    for kind in registry.kinds():
        # Kinds left out are not planned at all: the council case lists as attachments only
        # the documents this run really writes.
        if wanted is None or kind.name in wanted:
            context.planned.extend(kind.artifacts(context))
    return list(context.planned)


def build(
    model: Initiative,
    out_dir: str | Path,
    *,
    language: Language | str | None = None,
    only: Iterable[str] | None = None,
    template_dir: str | Path | None = None,
    pdf_engine: str = "reportlab",
    workers: int = 1,
) -> BuildResult:
    """Render the document set of ``model`` into ``out_dir``.

    Everything is rendered in memory first and written only when all succeeded, each file
    atomically: an error never leaves a half-written set behind. ``workers`` > 1 renders on
    that many processes (forked helpers, see :mod:`omradedok.parallel`); the default stays in
    this process, because forking is the calling application's decision. The CLI uses every
    core.
    """
    report = validate(model)
    if report.errors:
        raise InputError(model.title, report.problems)
    artifacts = plan(
        model,
        language=language,
        only=only,
        template_dir=Path(template_dir) if template_dir else None,
        pdf_engine=pdf_engine,
    )
    rendered = render_all(
        [a.render for a in artifacts], workers=workers, weights=[a.cost for a in artifacts]
    )
    out = Path(out_dir)
    result = BuildResult(artifacts=artifacts, warnings=report.warnings)
    for artifact, data in zip(artifacts, rendered, strict=True):
        result.written.append(write_atomic(out / artifact.filename, data))
    return result


def _check_only(only: Iterable[str] | None) -> set[str] | None:
    if only is None:
        return None
    wanted = {o.strip() for o in only if o.strip()}
    unknown = wanted - set(registry.kind_names())
    if unknown:
        raise OmradedokError(
            f"ukjent dokumenttype: {', '.join(sorted(unknown))}; "
            f"velg blant {', '.join(registry.kind_names())}"
        )
    return wanted


def _load_kinds() -> None:
    """Import the kind modules so they register (kept lazy: they pull in heavy libraries)."""
    from . import documents as _documents  # noqa: F401
