"""build(): the whole pipeline for one initiative – validate, plan artifacts, render, write.

The set is rendered in memory, then replaces the output folder as a whole
(:mod:`omradedok.io.docset`): the folder holds exactly one build, the old or the new.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .checks import validate
from .documents import registry
from .documents.base import Artifact, BuildContext, BuildOptions
from .errors import InputError, OmradedokError, Problem
from .io import docset
from .io.writer import Written
from .model import Initiative, Language
from .parallel import render_all

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    """What a build wrote, in order, and the warnings the model carried."""

    written: list[Written] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    """Files of the previous set in the folder that this build does not write (deleted)."""
    leftovers: list[Path] = field(default_factory=list)
    """Hidden folders beside the output folder that could not be deleted (a locked file in
    the previous set); the next build tries again."""

    @property
    def paths(self) -> list[Path]:
        return [w.path for w in self.written]


@dataclass(frozen=True)
class BuildStep:
    """How far a build is, for a progress display.

    ``rendered``: document ``name`` is rendered (``done`` of ``total``); ``waiting``: another
    build holds the folder (``holder`` is its process id, when known); ``written``: the new
    set is in place.
    """

    phase: Literal["rendered", "waiting", "written"]
    done: int
    total: int
    name: str = ""
    holder: int | None = None


BuildProgress = Callable[[BuildStep], None]


@dataclass
class RenderedSet:
    """A validated model's documents, rendered in memory, not yet written."""

    artifacts: list[Artifact]
    data: list[bytes]
    warnings: list[Problem]

    @property
    def files(self) -> list[tuple[str, bytes]]:
        return [(a.filename, d) for a, d in zip(self.artifacts, self.data, strict=True)]


def plan(
    model: Initiative,
    *,
    language: Language | str | None = None,
    only: str | Iterable[str] | None = None,
    template_dir: Path | None = None,
    pdf_engine: str = "reportlab",
    previous: Initiative | None = None,
) -> list[Artifact]:
    """The artifacts a build would write, without rendering anything."""
    lang = language_of(language) if language else model.municipality.language
    options = BuildOptions(
        language=lang, template_dir=template_dir, pdf_engine=pdf_engine, previous=previous
    )
    wanted = check_only(only)
    context = BuildContext(model=model, options=options)
    for kind in registry.kinds(wanted):
        # Kinds left out are not planned at all (nor imported): the council case lists as
        # attachments only the documents this run really writes.
        context.planned.extend(kind.artifacts(context))
    return list(context.planned)


def render_set(
    model: Initiative,
    *,
    language: Language | str | None = None,
    only: str | Iterable[str] | None = None,
    template_dir: str | Path | None = None,
    pdf_engine: str = "reportlab",
    workers: int = 1,
    progress: BuildProgress | None = None,
    arkivmelding: bool = False,
    previous: Initiative | None = None,
) -> RenderedSet:
    """Validate ``model`` and render its document set in memory (nothing is written).

    ``arkivmelding``: the set also gets ``arkivmelding.xml`` (:mod:`omradedok.archive`), made
    last from the rendered bytes; a model or selection that cannot have one stops here,
    before anything is rendered.

    ``previous``: the earlier version of the same initiative; the saksframlegg then says
    what changed in the plan (:mod:`omradedok.documents.endringer`).
    """
    report = validate(model)
    if report.errors:
        raise InputError(model.title, report.problems)
    if previous is not None:
        from .documents.endringer import same_initiative

        same_initiative(previous, model, "forrige versjon", model.title)
    artifacts = plan(
        model,
        language=language,
        only=only,
        template_dir=Path(template_dir) if template_dir else None,
        pdf_engine=pdf_engine,
        previous=previous,
    )
    if arkivmelding:  # also with nothing selected: the arkivmelding asked for is missing
        from .archive import check_archivable

        check_archivable(model, [a.kind for a in artifacts])
    for warning in report.warnings:
        log.warning("%s: %s", model.title, warning)
    log.info(
        "lager %d dokumenter for «%s» (%s, %d prosess%s)",
        len(artifacts),
        model.title,
        language or model.municipality.language.value,
        workers,
        "" if workers == 1 else "er",
    )
    count = [0]
    guard = threading.Lock()  # helpers' results arrive on reader threads
    started = time.perf_counter()

    def on_done(index: int) -> None:
        with guard:
            count[0] += 1
            step = BuildStep("rendered", count[0], len(artifacts), artifacts[index].filename)
        log.debug(
            "laget %s (%d av %d, %.2f s etter start)",
            step.name,
            step.done,
            step.total,
            time.perf_counter() - started,
        )
        if progress is not None:
            progress(step)

    data = render_all(
        [a.render for a in artifacts],
        workers=workers,
        weights=[a.cost for a in artifacts],
        on_done=on_done,
    )
    log.info("laget %d dokumenter på %.2f s", len(data), time.perf_counter() - started)
    if arkivmelding and artifacts:
        artifacts, data = with_arkivmelding(model, language, artifacts, data)
    return RenderedSet(artifacts=artifacts, data=data, warnings=report.warnings)


def with_arkivmelding(
    model: Initiative,
    language: Language | str | None,
    artifacts: list[Artifact],
    data: list[bytes],
) -> tuple[list[Artifact], list[bytes]]:
    """The rendered set with ``arkivmelding.xml`` last, describing the other files' bytes."""
    from .archive import FILENAME
    from .archive.arkivmelding import for_set

    lang = language_of(language) if language else model.municipality.language
    xml = for_set(model, lang, artifacts, data)
    artifact = Artifact(
        filename=FILENAME,
        kind="arkivmelding",
        title="Arkivmelding (Fiks Arkiv)",
        render=lambda: xml,
        attachment=False,
        cost=0,
    )
    return [*artifacts, artifact], [*data, xml]


def build(
    model: Initiative,
    out_dir: str | Path,
    *,
    language: Language | str | None = None,
    only: str | Iterable[str] | None = None,
    template_dir: str | Path | None = None,
    pdf_engine: str = "reportlab",
    workers: int = 1,
    progress: BuildProgress | None = None,
    arkivmelding: bool = False,
    previous: Initiative | None = None,
) -> BuildResult:
    """Render the document set of ``model`` and make it the content of ``out_dir``.

    Everything is rendered in memory first; then the set replaces the folder as a whole
    (:mod:`omradedok.io.docset`): the folder holds exactly this build, or – after any error,
    or a crash at any moment – the previous one, never a mix. Files an earlier build wrote
    and this one does not are removed; a folder holding files omradedok did not write is
    refused (:class:`~omradedok.errors.OutputError`, nothing changed). Builds into one folder
    at the same time take turns. When the selection has no documents, the folder is left
    as it is.

    ``workers`` > 1 renders on that many processes (forked helpers, see
    :mod:`omradedok.parallel`); the default stays in this process, because forking is the
    calling application's decision. The CLI uses every core. ``progress`` is told about each
    rendered document, a wait for another build, and the finished swap.

    ``arkivmelding=True`` adds ``arkivmelding.xml`` (KS Fiks Arkiv, :mod:`omradedok.archive`)
    to the set: it is swapped in with the documents, and its checksums are of their bytes as
    written. It needs the council case and the saksframlegg in the selection.

    ``previous`` (the earlier version, ``build --previous``): the saksframlegg's «Medvirkning
    og høringsinnspill» lists what changed in the plan since it.
    """
    out = Path(out_dir)
    docset.check_owned(out, out)  # a folder we may not replace stops before rendering
    rendered = render_set(
        model,
        language=language,
        only=only,
        template_dir=template_dir,
        pdf_engine=pdf_engine,
        workers=workers,
        progress=progress,
        arkivmelding=arkivmelding,
        previous=previous,
    )
    result = BuildResult(artifacts=rendered.artifacts, warnings=rendered.warnings)
    if not rendered.artifacts:
        return result
    total = len(rendered.artifacts)

    def waiting(holder: int | None) -> None:
        log.info("venter på en annen bygging inn i %s (prosess %s)", out, holder or "ukjent")
        if progress is not None:
            progress(BuildStep("waiting", total, total, holder=holder))

    replaced = docset.replace_set(out, rendered.files, on_wait=waiting)
    result.written = replaced.written
    result.removed = [out / name for name in replaced.removed]
    result.leftovers = replaced.leftovers
    log.info(
        "byttet ut dokumentsettet i %s: %d filer skrevet, %d fjernet",
        out,
        len(result.written),
        len(result.removed),
    )
    for path in result.removed:
        log.debug("fjernet %s (fra forrige bygging, ikke med nå)", path)
    for path in result.leftovers:
        log.warning("kunne ikke slette %s; neste bygging prøver igjen", path)
    if progress is not None:
        progress(BuildStep("written", total, total))
    return result


def kinds_of(only: str | Iterable[str]) -> list[str]:
    """«handlingsplan», «handlingsplan,saksframlegg» or ["handlingsplan", …] → the names
    (a string is one name or a comma-separated list, never a sequence of letters)."""
    parts = only.split(",") if isinstance(only, str) else [str(o) for o in only]
    return [p.strip() for p in parts if p.strip()]


def check_only(only: str | Iterable[str] | None) -> set[str] | None:
    """The kinds ``only`` names, checked against the registered kinds (None: all)."""
    if only is None:
        return None
    wanted = set(kinds_of(only))
    unknown = wanted - set(registry.names())
    if unknown:
        raise OmradedokError(
            f"ukjent dokumenttype: {', '.join(sorted(unknown))}; "
            f"velg blant {', '.join(registry.names())}"
        )
    return wanted


def language_of(value: Language | str) -> Language:
    """``"nb"``/``"nn"`` as a Language; anything else a clear error, not a bare ValueError."""
    try:
        return Language(value)
    except ValueError:
        choices = ", ".join(lang.value for lang in Language)
        raise OmradedokError(f"ukjent målform «{value}»; velg blant {choices}") from None

