"""batch(): the document sets of many initiatives in one go, in parallel, one bad file alone.

Layout of the output folder::

    DIR/manifest.json          what was built from what, with hashes (written last)
    DIR/<area-slug>/…          the full document set of one area

How it works
------------
* Inputs are files or folders (searched recursively for .yaml, .yml, .json, .xlsx, .xlsm;
  hidden files, Excel lock files «~$…» and anything inside DIR are left out). The list is
  sorted by path, so order – and which of two duplicates wins – never depends on the shell.
* Each area is loaded and built in a worker by :func:`omradedok.build.build`, through any
  :class:`concurrent.futures.Executor` (default: a process pool sized to the cores; a Dask
  ``distributed`` client's ``get_executor()`` works too – DIR must then be on a filesystem
  the workers share, as for any Dask job that writes files). Every
  :class:`~omradedok.errors.OmradedokError` becomes the area's error text, without traceback;
  any other exception is captured with its type and message. The other areas go on.
* **Atomic per area.** The worker renders the set in memory and writes it into a hidden
  staging folder inside DIR (``.omradedok-tmp-…``). Only when the whole set is written does
  the parent swap it into ``DIR/<slug>`` with :func:`omradedok.io.docset.swap_in`: on Linux
  one ``renameat2(RENAME_EXCHANGE)``, so ``DIR/<slug>`` holds the old set or the new one at
  every moment, even when the run is killed; elsewhere two renames, and a run killed between
  them has its old folder put back by the next run. An area that fails or is interrupted
  never leaves half a set: the previous set stays untouched, and leftover staging folders of
  a killed run are removed at the start of the next one. Runs into one DIR take turns (a
  lock on ``DIR/.omradedok-lock``). With our own process pool, Ctrl-C stops the workers at
  once; areas already swapped in stay, the manifest is left as it was. ``DIR/<slug>``
  belongs to the batch: files put there by hand are replaced with the rest.
* **Workers.** The default pool forks its workers on Linux when the calling process runs
  no other thread (no re-import of the caller's script, so a plain script without
  ``if __name__ == "__main__":`` works); otherwise it spawns them. When the pool cannot be
  started or breaks, the areas it did not finish are built in the calling process.
* **Slugs** come from the area's name (ASCII lowercase; æ→ae, ø→o, å→a, Sami letters
  transliterated). Areas are committed in input order, so when two inputs give the same slug
  the later one fails with an error naming both – nothing is overwritten silently. The same
  holds against the previous manifest: a folder built from another input that still exists
  is not taken over.
* **Incremental** (``incremental=True``): an area is skipped, without even being loaded, when
  the previous manifest has it with the same input hash, the same fingerprint (package
  version, the package's own files, the built-in and custom templates, and the build options)
  and every output and referenced file (logo, fonts) still has its recorded hash.
* **Manifest** (``manifest.json``, written atomically after all areas, keys sorted, areas in
  input order, no timestamps): for each area its input (the path as given), input sha256,
  slug, status (built / skipped / failed), outputs [{file, size, sha256}], warnings, error.
  It describes this run only.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import json
import logging
import multiprocessing
import os
import secrets
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import InputError, OmradedokError
from .io import docset
from .io.load import INPUT_SUFFIXES
from .io.writer import reason, write_atomic
from .locale.slug import slugify
from .model import Initiative, Language
from .parallel import can_fork, default_workers
from .resources import template_folder

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
STAGING_PREFIX = ".omradedok-tmp-"
_OLD_PREFIX = ".omradedok-old-"
LOCK_NAME = ".omradedok-lock"

log = logging.getLogger(__name__)

AreaStatus = Literal["built", "skipped", "failed"]


@dataclass(frozen=True)
class FileRecord:
    """A file with its size and sha256; ``file`` is relative to DIR (or absolute)."""

    file: str
    size: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "size": self.size, "sha256": self.sha256}


@dataclass
class AreaResult:
    """What happened to one input."""

    input: Path
    """The input file as given (or as found in a folder)."""
    input_sha256: str | None
    status: AreaStatus
    slug: str | None = None
    title: str = ""
    area: str = ""
    outputs: list[FileRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    assets: list[FileRecord] = field(default_factory=list)
    """Files the input refers to (logo, fonts), so a changed logo rebuilds the area."""
    seconds: float = 0.0
    """Time spent in the worker (not in the manifest: it would change every run)."""

    @property
    def message(self) -> str:
        """The error with the input named once (empty when the area did not fail)."""
        text = (self.error or "").strip()
        if not text or text.startswith(str(self.input)):
            return text
        return f"{self.input}: {text}"


@dataclass
class BatchResult:
    out_dir: Path
    manifest: Path
    fingerprint: str
    areas: list[AreaResult] = field(default_factory=list)

    def _with(self, status: AreaStatus) -> list[AreaResult]:
        return [a for a in self.areas if a.status == status]

    @property
    def built(self) -> list[AreaResult]:
        return self._with("built")

    @property
    def skipped(self) -> list[AreaResult]:
        return self._with("skipped")

    @property
    def failed(self) -> list[AreaResult]:
        return self._with("failed")

    @property
    def ok(self) -> bool:
        return not self.failed


Progress = Callable[[AreaResult, int, int], None]
"""Called in the calling process after each area: (result, done so far, total)."""


# -- slugs and inputs -----------------------------------------------------------------------


_SLUG_MAX = 80


def area_slug(name: str) -> str:
    """Folder name for an area: «Nordbyen» → «nordbyen», «Guovddáš Čuovga» → «guovddas-cuovga».

    ASCII lowercase, æ→ae ø→o å→a, Sami letters (á č đ ŋ š ŧ ž) transliterated, anything else
    that is not a letter or digit becomes a hyphen.
    """
    return slugify(name)[:_SLUG_MAX].rstrip("-") or "omrade"


def _is_inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def expand_inputs(
    inputs: Iterable[str | os.PathLike[str]], *, exclude: Path | None = None
) -> list[Path]:
    """Input files from files and folders: sorted by path, without duplicates.

    Folders are searched recursively for YAML, JSON and Excel files; hidden files, Excel's
    lock files («~$plan.xlsx») and anything inside ``exclude`` (the output folder) are left
    out. Files named directly are kept even when they do not exist, so they fail alone with
    a clear error.
    """
    found: dict[Path, Path] = {}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in path.rglob("*"):
                relative = child.relative_to(path).parts
                if (
                    child.is_file()
                    and child.suffix.lower() in INPUT_SUFFIXES
                    and not any(part.startswith(".") for part in relative)
                    and not child.name.startswith("~$")
                    and not _is_inside(child, exclude)
                ):
                    found.setdefault(child.resolve(), child)
        else:
            found.setdefault(path.resolve(), path)
    return sorted(found.values(), key=lambda p: p.as_posix())


def _sha256_file(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def _relative(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` in POSIX form (absolute when on another drive)."""
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:
        return path.resolve().as_posix()


# -- fingerprint ----------------------------------------------------------------------------

_FINGERPRINT_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".docx", ".xlsx", ".xml", ".ttf", ".otf"}


def _hash_tree(digest: Any, root: Path | None, label: str) -> None:
    if root is None or not root.is_dir():
        digest.update(f"{label}:-\n".encode())
        return
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and (p.suffix.lower() in _FINGERPRINT_SUFFIXES or label != "package")
    )
    for path in files:
        file_hash = _sha256_file(path) or "-"
        digest.update(f"{label}:{path.relative_to(root).as_posix()}:{file_hash}\n".encode())


def fingerprint(
    *,
    language: Language | str | None = None,
    only: Sequence[str] | None = None,
    template_dir: str | os.PathLike[str] | None = None,
    pdf_engine: str = "reportlab",
    arkivmelding: bool = False,
) -> str:
    """What, besides the input, decides the output: package version and files, templates
    (built-in and the municipality's own) and the build options."""
    from . import __version__
    from .resources import templates_dir

    digest = hashlib.sha256()
    options = {
        "format": MANIFEST_FORMAT,
        "version": __version__,
        "language": str(Language(language).value) if language else None,
        "only": sorted(only) if only is not None else None,
        "pdf_engine": pdf_engine,
        "arkivmelding": arkivmelding,
    }
    digest.update(json.dumps(options, sort_keys=True).encode())
    _hash_tree(digest, Path(__file__).resolve().parent, "package")
    _hash_tree(digest, templates_dir(), "templates")
    _hash_tree(digest, Path(template_dir) if template_dir else None, "custom")
    return digest.hexdigest()


# -- the worker -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Task:
    index: int
    input: str
    """Absolute path the worker loads."""
    display: str
    """The path as the user gave it, used in messages instead of the absolute one."""
    out_dir: str
    language: str | None
    only: tuple[str, ...] | None
    template_dir: str | None
    pdf_engine: str
    arkivmelding: bool = False


@dataclass(frozen=True)
class _Outcome:
    index: int
    slug: str | None = None
    title: str = ""
    area: str = ""
    staging: str | None = None
    outputs: tuple[tuple[str, int, str], ...] = ()
    warnings: tuple[str, ...] = ()
    assets: tuple[tuple[str, int, str], ...] = ()
    error: str | None = None
    seconds: float = 0.0


def _assets(model: Initiative) -> tuple[tuple[str, int, str], ...]:
    profile = model.municipality.profile
    found = []
    for value in (profile.logo, profile.font, profile.font_bold):
        if value is not None:
            path = Path(value)
            found.append((str(path), path.stat().st_size, _sha256_file(path) or ""))
    return tuple(found)


def _new_staging(out: Path) -> Path:
    while True:
        staging = out / f"{STAGING_PREFIX}{secrets.token_hex(4)}"
        try:
            staging.mkdir(0o777)  # the umask applies: the set is for colleagues to read
            return staging
        except FileExistsError:
            continue


def _build_area(task: _Task) -> _Outcome:
    """Load and render one input in a worker and write it into a staging folder; every
    failure becomes the outcome's error."""
    from .build import render_set
    from .io.load import load_with_report

    started = time.perf_counter()
    staging: Path | None = None
    known: dict[str, Any] = {}

    def tidy(text: str) -> str:
        return text.replace(task.input, task.display)

    try:
        loaded = load_with_report(task.input)
        model = loaded.model
        slug = area_slug(model.area.name)
        known = {"slug": slug, "title": model.title, "area": model.area.name}
        rendered = render_set(
            model,
            language=task.language,
            only=task.only,
            template_dir=task.template_dir,
            pdf_engine=task.pdf_engine,
            arkivmelding=task.arkivmelding,
        )
        staging = _new_staging(Path(task.out_dir))
        written = docset.write_folder(staging, rendered.files)
        outputs = tuple((w.path.name, w.size, w.sha256) for w in written)
        warnings = tuple(tidy(str(p)) for p in loaded.warnings)
        return _Outcome(
            index=task.index,
            slug=slug,
            title=model.title,
            area=model.area.name,
            staging=str(staging),
            outputs=outputs,
            warnings=warnings,
            assets=_assets(model),
            seconds=time.perf_counter() - started,
        )
    except InputError as exc:  # render_set names the model; the user knows the file
        error = tidy(str(InputError(task.display, exc.problems)))
    except OmradedokError as exc:
        error = tidy(str(exc))
    except OSError as exc:
        error = f"{task.out_dir}: kan ikke skrive dokumentene ({reason(exc)})"
    except Exception as exc:  # a bug or a broken file must not stop the other areas
        error = tidy(f"uventet feil ({type(exc).__name__}): {exc}")
    except BaseException:
        _remove(staging)
        raise
    _remove(staging)
    return _Outcome(index=task.index, error=error, seconds=time.perf_counter() - started, **known)


def _remove(path: Path | str | None) -> None:
    if path is not None:
        docset.remove_tree(Path(path))


# -- the parent -----------------------------------------------------------------------------


def _clean_leftovers(out: Path) -> None:
    """What an interrupted or killed run left: staging folders and temporary manifests are
    removed; an area whose folder is missing because the run was killed between the two
    renames of a swap gets its old folder back."""
    staging: list[Path] = []
    olds: dict[str, list[Path]] = {}
    for child in out.iterdir():
        name = child.name
        if child.is_dir() and not child.is_symlink():
            if name.startswith(STAGING_PREFIX):
                staging.append(child)
            elif name.startswith(_OLD_PREFIX):
                slug = name[len(_OLD_PREFIX) :].rpartition("-")[0]
                olds.setdefault(slug, []).append(child)
        elif name.startswith(f".{MANIFEST_NAME}.") and name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                child.unlink()
    for slug, folders in olds.items():
        try:
            docset.recover(out / slug, folders, [])
        except OSError:
            log.warning("%s: kunne ikke flytte %s tilbake", out / slug, folders[0].name)
    for folder in staging:
        docset.remove_tree(folder)


def _swap_into_place(staging: Path, target: Path) -> None:
    """Make ``staging`` the area folder ``target``: one atomic exchange where the system has
    it, else two renames (recovered by the next run); never half a set."""
    old_name = target.with_name(f"{_OLD_PREFIX}{target.name}-{secrets.token_hex(4)}")
    old = docset.swap_in(staging, target, old_name)
    docset.fsync_folder(target.parent)
    if old is not None and not docset.remove_tree(old):
        log.warning("%s: kunne ikke slette den forrige mappen %s", target, old.name)


def _read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return None
    return data


def _records(items: Any) -> list[FileRecord]:
    out = []
    for item in items or []:
        out.append(FileRecord(str(item["file"]), int(item["size"]), str(item["sha256"])))
    return out


def _unchanged(record: FileRecord, base: Path) -> bool:
    path = base / record.file
    try:
        if path.stat().st_size != record.size:
            return False
    except OSError:
        return False
    return _sha256_file(path) == record.sha256


def _try_skip(
    entry: dict[str, Any] | None, input_sha: str | None, out: Path, source: Path
) -> AreaResult | None:
    if not entry or input_sha is None or entry.get("status") not in ("built", "skipped"):
        return None
    if entry.get("input_sha256") != input_sha or not entry.get("slug"):
        return None
    try:
        outputs = _records(entry.get("outputs"))
        assets = _records(entry.get("assets"))
    except (KeyError, TypeError, ValueError):
        return None
    if not all(_unchanged(r, out) for r in [*outputs, *assets]):
        return None
    return AreaResult(
        input=source,
        input_sha256=input_sha,
        status="skipped",
        slug=str(entry["slug"]),
        title=str(entry.get("title", "")),
        area=str(entry.get("area", "")),
        outputs=outputs,
        warnings=[str(w) for w in entry.get("warnings", [])],
        assets=assets,
    )


def _check_only(only: str | Iterable[str] | None) -> tuple[str, ...] | None:
    from .build import check_only

    wanted = check_only(only)
    return None if wanted is None else tuple(sorted(wanted))


def _default_executor(jobs: int) -> cf.Executor:
    """Forked workers where that is safe (Linux, no other thread here): they inherit the
    loaded modules and warm template caches, and the caller's script is not run again, so
    it needs no ``if __name__ == "__main__":``. Otherwise «spawn»: a fresh interpreter per
    worker, safe whatever threads run (each keeps its compiled templates for its areas)."""
    method = "fork" if can_fork() else "spawn"
    return cf.ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While building, SIGTERM (a stopped job, a closed session) unwinds like Ctrl-C, so the
    workers are stopped and the staging folders removed instead of left behind."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop_now(pool: cf.Executor) -> None:
    """Interrupted: stop our own workers at once (a render may take seconds), wait until they
    are gone, so that no worker writes into DIR after the clean-up."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=10)
    pool.shutdown(wait=False, cancel_futures=True)


def _worker_died(index: int, source: Path, what: str) -> _Outcome:
    return _Outcome(index=index, error=f"{source}: arbeidsprosessen stoppet uventet ({what})")


def _manifest_entry(area: AreaResult) -> dict[str, Any]:
    return {
        "input": area.input.as_posix(),
        "input_sha256": area.input_sha256,
        "slug": area.slug,
        "title": area.title,
        "area": area.area,
        "status": area.status,
        "outputs": [r.to_dict() for r in area.outputs],
        "warnings": list(area.warnings),
        "error": area.error,
        "assets": [r.to_dict() for r in area.assets],
    }


def write_manifest(result: BatchResult) -> Path:
    """Write ``manifest.json`` atomically: sorted keys, areas in input order, no timestamps."""
    from . import __version__

    data = {
        "format": MANIFEST_FORMAT,
        "generator": {"name": "omradedok", "version": __version__},
        "fingerprint": result.fingerprint,
        "summary": {
            "built": len(result.built),
            "skipped": len(result.skipped),
            "failed": len(result.failed),
        },
        "areas": [_manifest_entry(a) for a in result.areas],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(result.manifest, text.encode("utf-8"))
    return result.manifest


def batch(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    executor: cf.Executor | None = None,
    jobs: int | None = None,
    incremental: bool = False,
    language: Language | str | None = None,
    only: str | Iterable[str] | None = None,
    template_dir: str | os.PathLike[str] | None = None,
    pdf_engine: str = "reportlab",
    progress: Progress | None = None,
    on_wait: docset.Waiting | None = None,
    arkivmelding: bool = False,
) -> BatchResult:
    """Build the full document set of every input into ``out_dir/<area-slug>/``.

    ``executor`` may be any :class:`concurrent.futures.Executor` (it is not shut down);
    without one, a process pool of ``jobs`` workers (default: the number of cores) is used,
    and when it breaks the remaining areas are built in this process. A failing input fails
    alone: its error is recorded (``result.failed``, ``result.ok``) and the others are
    built. Raises only for mistakes that concern the whole batch (unknown ``only`` kinds, a
    template folder that does not exist, an output folder that cannot be created). A second batch into the same folder waits for
    the first (``on_wait`` is told, with the other process's id). ``arkivmelding``: every
    area's set also gets ``arkivmelding.xml``, as with :func:`omradedok.build`; an area
    without a council case then fails alone.
    """
    out = Path(out_dir)
    template_folder(template_dir)  # misspelled: every area would quietly use the built-in ones
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OmradedokError(f"{out}: kan ikke lage mappen ({reason(exc)})") from None
    from .build import language_of

    lang = str(language_of(language).value) if language else None
    wanted = _check_only(only)
    files = expand_inputs(inputs, exclude=out)
    with docset.locked(out / LOCK_NAME, on_wait):
        return _batch_locked(
            out,
            files,
            executor=executor,
            jobs=jobs,
            incremental=incremental,
            lang=lang,
            wanted=wanted,
            template_dir=template_dir,
            pdf_engine=pdf_engine,
            progress=progress,
            arkivmelding=arkivmelding,
        )


def _batch_locked(
    out: Path,
    files: list[Path],
    *,
    executor: cf.Executor | None,
    jobs: int | None,
    incremental: bool,
    lang: str | None,
    wanted: tuple[str, ...] | None,
    template_dir: str | os.PathLike[str] | None,
    pdf_engine: str,
    progress: Progress | None,
    arkivmelding: bool = False,
) -> BatchResult:
    """The batch, while this process holds DIR's lock."""
    _clean_leftovers(out)
    stamp = fingerprint(
        language=lang,
        only=wanted,
        template_dir=template_dir,
        pdf_engine=pdf_engine,
        arkivmelding=arkivmelding,
    )
    result = BatchResult(out_dir=out, manifest=out / MANIFEST_NAME, fingerprint=stamp)

    previous = _read_manifest(result.manifest)
    previous_areas: list[dict[str, Any]] = list(previous.get("areas", [])) if previous else []
    by_input = {str(e.get("input")): e for e in previous_areas if isinstance(e, dict)}
    same_fingerprint = previous is not None and previous.get("fingerprint") == stamp
    current = {f.as_posix() for f in files}

    total = len(files)
    slots: list[AreaResult | None] = [None] * total
    tasks: list[_Task] = []
    hashes = [_sha256_file(f) for f in files]
    for index, source in enumerate(files):
        if incremental and same_fingerprint:
            skipped = _try_skip(by_input.get(source.as_posix()), hashes[index], out, source)
            if skipped is not None:
                slots[index] = skipped
                continue
        tasks.append(
            _Task(
                index=index,
                input=str(source.resolve()),
                display=str(source),
                out_dir=str(out.resolve()),
                language=lang,
                only=wanted,
                template_dir=str(Path(template_dir).resolve()) if template_dir else None,
                pdf_engine=pdf_engine,
                arkivmelding=arkivmelding,
            )
        )

    claimed: dict[str, Path] = {}
    outcomes: dict[int, _Outcome] = {}
    done = 0
    next_index = 0

    def previous_owner(slug: str, source: Path) -> Path | None:
        """An input of an earlier run that built ``slug``, still exists, and is not in this run."""
        for entry in previous_areas:
            name = str(entry.get("input", ""))
            if entry.get("slug") != slug or entry.get("status") == "failed":
                continue
            if name in current:
                continue
            owner = Path(name)
            if owner.exists():
                return owner
        return None

    def duplicate(slug: str, source: Path, other: Path, earlier_run: bool) -> str:
        where = "i en tidligere kjøring" if earlier_run else "i denne kjøringen"
        return (
            f"{source}: området får mappenavnet «{slug}», som allerede brukes av «{other}» "
            f"({where}); gi området et annet navn (area.name), eller bygg filene i hver sin mappe"
        )

    def finish(index: int, area: AreaResult) -> None:
        nonlocal done
        slots[index] = area
        done += 1
        if progress is not None:
            progress(area, done, total)

    def commit(index: int) -> None:
        source = files[index]
        ready = slots[index]
        if ready is not None:  # skipped: the folder is already in place
            slug = ready.slug or ""
            if slug in claimed:
                ready.status = "failed"
                ready.error = duplicate(slug, source, claimed[slug], earlier_run=False)
                ready.outputs = []
            else:
                claimed[slug] = source
            slots[index] = None
            finish(index, ready)
            return
        outcome = outcomes.pop(index)
        area = AreaResult(
            input=source,
            input_sha256=hashes[index],
            status="failed",
            slug=outcome.slug,
            title=outcome.title,
            area=outcome.area,
            warnings=list(outcome.warnings),
            error=outcome.error,
            seconds=outcome.seconds,
        )
        if outcome.error is None and outcome.slug is not None and outcome.staging is not None:
            slug = outcome.slug
            owner = claimed.get(slug)
            earlier = previous_owner(slug, source) if owner is None else None
            if owner is not None:
                area.error = duplicate(slug, source, owner, earlier_run=False)
                _remove(outcome.staging)
            elif earlier is not None:
                area.error = duplicate(slug, source, earlier, earlier_run=True)
                _remove(outcome.staging)
            else:
                try:
                    _swap_into_place(Path(outcome.staging), out / slug)
                except OSError as exc:
                    _remove(outcome.staging)
                    area.error = (
                        f"{out / slug}: kan ikke flytte dokumentene på plass ({exc.strerror})"
                    )
                else:
                    claimed[slug] = source
                    area.status = "built"
                    area.outputs = [
                        FileRecord(f"{slug}/{name}", size, sha)
                        for name, size, sha in outcome.outputs
                    ]
                    area.assets = [
                        FileRecord(_relative(Path(path), out), size, sha)
                        for path, size, sha in outcome.assets
                    ]
        finish(index, area)

    def advance() -> None:
        nonlocal next_index
        while next_index < total and (slots[next_index] is not None or next_index in outcomes):
            commit(next_index)
            next_index += 1

    stack = contextlib.ExitStack()
    owned = executor is None and bool(tasks)
    pool: cf.Executor | None = executor
    futures: dict[cf.Future[_Outcome], int] = {}
    by_index = {task.index: task for task in tasks}
    in_process: list[int] = []
    try:
        stack.enter_context(_terminate_as_exit())
        advance()
        if tasks and pool is None:
            workers = max(1, min(jobs or default_workers(), len(tasks)))
            try:
                pool = _default_executor(workers)
            except (OSError, ImportError, NotImplementedError, ValueError) as exc:
                log.warning("kan ikke starte arbeidsprosesser (%s); bygger her", exc)
                in_process = [task.index for task in tasks]
        if pool is not None:
            for task in tasks:
                try:
                    futures[pool.submit(_build_area, task)] = task.index
                except BrokenProcessPool:
                    in_process.append(task.index)
            for future in cf.as_completed(futures):
                index = futures[future]
                try:
                    outcomes[index] = future.result()
                except BrokenProcessPool:
                    if not owned:
                        outcomes[index] = _worker_died(index, files[index], "BrokenProcessPool")
                    else:  # our pool broke: build what it did not finish here, below
                        in_process.append(index)
                        continue
                except Exception as exc:  # the worker died or Dask failed
                    outcomes[index] = _worker_died(
                        index, files[index], f"{type(exc).__name__}: {exc}"
                    )
                advance()
        if in_process:
            log.warning(
                "arbeidsprosessene stoppet; bygger %d område(r) i denne prosessen",
                len(in_process),
            )
        for index in sorted(in_process):
            outcomes[index] = _build_area(by_index[index])
            advance()
        advance()
    except BaseException:
        for future in futures:
            future.cancel()
        if owned and pool is not None:
            _stop_now(pool)
            pool = None
        for outcome in outcomes.values():
            _remove(outcome.staging)
        _clean_leftovers(out)
        raise
    finally:
        stack.close()
        if owned and pool is not None:
            pool.shutdown(wait=True)
    result.areas = [a for a in slots if a is not None]
    write_manifest(result)
    return result


__all__ = [
    "MANIFEST_NAME",
    "AreaResult",
    "AreaStatus",
    "BatchResult",
    "FileRecord",
    "Progress",
    "area_slug",
    "batch",
    "expand_inputs",
    "fingerprint",
    "write_manifest",
]
