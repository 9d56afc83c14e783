"""batch(): many areas, one bad file alone, atomic sets, byte-identical reruns, incremental
skips, duplicate slugs, interruption, and a Dask executor."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMI_EXAMPLE

import omradedok
from omradedok.batch import (
    LOCK_NAME,
    MANIFEST_NAME,
    STAGING_PREFIX,
    AreaResult,
    area_slug,
    expand_inputs,
)
from omradedok.documents import registry
from omradedok.documents.base import Artifact, BuildContext
from omradedok.errors import OmradedokError, TemplateError
from omradedok.io.docset import MARKER_NAME, marked_files

BUILD_MODULE = sys.modules["omradedok.build"]
BATCH_MODULE = sys.modules["omradedok.batch"]
DOCSET_MODULE = sys.modules["omradedok.io.docset"]
SAMI_AREA = 'area:\n  name: "Guovdageaidnu sentrum – [se: Guovdageainnu guovddáš]"\n'


def write_input(
    folder: Path, filename: str, area: str, *, replace: dict[str, str] | None = None
) -> Path:
    """A copy of the Sami example with another area name (and other edits)."""
    text = SAMI_EXAMPLE.read_text(encoding="utf-8")
    assert SAMI_AREA in text
    text = text.replace(SAMI_AREA, f"area:\n  name: {area}\n")
    for old, new in (replace or {}).items():
        assert old in text
        text = text.replace(old, new)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    path.write_text(text, encoding="utf-8")
    return path


def broken_input(folder: Path, filename: str = "broken.yaml") -> Path:
    return write_input(
        folder,
        filename,
        "Brutt",
        replace={
            "  start_year: 2026\n  end_year: 2029\n": "  start_year: 2026\n  end_year: 2020\n"
        },
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    return data


def entries(out: Path) -> dict[str, dict[str, Any]]:
    return {Path(e["input"]).name: e for e in manifest(out)["areas"]}


def leftovers(out: Path) -> list[Path]:
    """Temporary files and staging folders anywhere under ``out``."""
    return [
        p
        for p in out.rglob("*")
        if p.name.endswith(".tmp") or p.name.startswith((STAGING_PREFIX, ".omradedok-old-"))
    ]


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file with inode, mtime and bytes (not the lock file, which holds the last
    holder's process id)."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != LOCK_NAME
    }


@pytest.fixture(scope="module")
def kind() -> str:
    """A cheap registered document kind, so the tests don't render the whole set."""
    names = registry.kind_names()
    for preferred in ("rollematrise", "samarbeidsavtale", "kommunikasjonsplan"):
        if preferred in names:
            return preferred
    if not names:
        pytest.skip("ingen dokumenttyper er registrert ennå")
    return names[0]


@pytest.fixture()
def frozen_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    """The package does not change during a test (colleagues may be editing it meanwhile)."""
    real = BATCH_MODULE.fingerprint
    cache: dict[str, str] = {}

    def once(**options: Any) -> str:
        key = repr(sorted(options.items()))
        if key not in cache:
            cache[key] = real(**options)
        return cache[key]

    monkeypatch.setattr(BATCH_MODULE, "fingerprint", once)


@pytest.fixture()
def threads() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield pool


# -- slugs and inputs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Nordbyen", "nordbyen"),
        ("Ærøy – Øvre Åsen", "aeroy-ovre-asen"),
        (
            "Guovdageaidnu sentrum – Guovdageainnu guovddáš",
            "guovdageaidnu-sentrum-guovdageainnu-guovddas",
        ),
        ("Čáhppes Ŋuorra Đ ŧ Ž", "cahppes-nuorra-d-t-z"),
        ("  Bydel 3 / Sentrum  ", "bydel-3-sentrum"),
        ("???", "omrade"),
    ],
)
def test_area_slug(name: str, slug: str) -> None:
    assert area_slug(name) == slug


def test_expand_inputs_is_sorted_recursive_and_skips_noise(tmp_path: Path) -> None:
    inputs = tmp_path / "inn"
    for name in (
        "b.yaml",
        "a.json",
        "sub/c.xlsx",
        "sub/d.yml",
        "notes.txt",
        ".hidden.yaml",
        "~$lock.xlsx",
        ".git/e.yaml",
        "out/manifest.json",
    ):
        path = inputs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = expand_inputs(
        [inputs, inputs / "b.yaml", tmp_path / "missing.yaml"], exclude=inputs / "out"
    )
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "inn/a.json",
        "inn/b.yaml",
        "inn/sub/c.xlsx",
        "inn/sub/d.yml",
        "missing.yaml",
    ]


# -- a mixed batch ----------------------------------------------------------------------------


def test_mixed_batch_builds_the_good_and_records_the_bad(tmp_path: Path, kind: str) -> None:
    inputs = tmp_path / "inn"
    alfa = write_input(inputs, "alfa.yaml", "Alfa")
    broken = broken_input(inputs)
    ceta = write_input(
        inputs, "ceta.yaml", "Ceta", replace={"  end_year: 2029\n": "  end_year: 2027\n"}
    )
    missing = tmp_path / "missing.yaml"
    out = tmp_path / "ut"
    seen: list[tuple[str, str, int, int]] = []

    def progress(area: AreaResult, done: int, total: int) -> None:
        seen.append((area.input.name, area.status, done, total))

    result = omradedok.batch([inputs, missing], out, jobs=2, only=[kind], progress=progress)

    assert not result.ok
    assert [(a.input.name, a.status) for a in result.areas] == [
        ("alfa.yaml", "built"),
        ("broken.yaml", "failed"),
        ("ceta.yaml", "built"),
        ("missing.yaml", "failed"),
    ]
    assert seen == [
        ("alfa.yaml", "built", 1, 4),
        ("broken.yaml", "failed", 2, 4),
        ("ceta.yaml", "built", 3, 4),
        ("missing.yaml", "failed", 4, 4),
    ]
    data = manifest(out)
    assert data["summary"] == {"built": 2, "skipped": 0, "failed": 2}
    assert data["generator"] == {"name": "omradedok", "version": omradedok.__version__}
    assert (out / MANIFEST_NAME).read_text(encoding="utf-8") == json.dumps(
        data, ensure_ascii=False, indent=2, sort_keys=True
    ) + "\n"
    by_name = entries(out)
    good = by_name["alfa.yaml"]
    assert good["input"] == alfa.as_posix()
    assert good["input_sha256"] == sha(alfa)
    assert good["slug"] == "alfa"
    assert good["area"] == "Alfa"
    assert good["error"] is None
    assert good["outputs"]
    for record in good["outputs"]:
        path = out / record["file"]
        assert record["file"].startswith("alfa/")
        assert path.stat().st_size == record["size"]
        assert sha(path) == record["sha256"]
    names = sorted(Path(r["file"]).name for r in good["outputs"])
    assert sorted(p.name for p in (out / "alfa").iterdir()) == sorted([*names, MARKER_NAME])
    assert marked_files(out / "alfa") == set(names)  # a later `build -o ut/alfa` may replace it

    bad = by_name["broken.yaml"]
    assert bad["status"] == "failed"
    assert bad["outputs"] == []
    assert bad["input_sha256"] == sha(broken)
    assert "sluttår 2020 er før startår 2026; bytt om årene" in bad["error"]
    assert str(broken) in bad["error"]
    assert "Traceback" not in bad["error"]
    assert not (out / "brutt").exists()

    gone = by_name["missing.yaml"]
    assert gone["input_sha256"] is None
    assert "filen finnes ikke" in gone["error"]

    warned = by_name["ceta.yaml"]
    assert len(warned["warnings"]) == 1
    assert "perioden 2026–2027 er 2 år" in warned["warnings"][0]
    assert warned["warnings"][0].startswith(f"{ceta}:")
    assert leftovers(out) == []


# -- duplicates -------------------------------------------------------------------------------


def test_duplicate_slug_fails_the_later_input_and_names_both(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    first = write_input(tmp_path / "inn", "a-sentrum.yaml", "Sentrum")
    second = write_input(
        tmp_path / "inn",
        "b-sentrum.yaml",
        "Sentrum",
        replace={"  end_year: 2029\n": "  end_year: 2028\n"},
    )
    out = tmp_path / "ut"
    result = omradedok.batch([second, first], out, executor=threads, only=[kind])
    assert [(a.input.name, a.status) for a in result.areas] == [
        ("a-sentrum.yaml", "built"),
        ("b-sentrum.yaml", "failed"),
    ]
    error = result.areas[1].error or ""
    assert "«sentrum»" in error and str(first) in error and str(second) in error
    assert "i denne kjøringen" in error
    # the folder holds the first input's set, exactly as the manifest says
    records = entries(out)["a-sentrum.yaml"]["outputs"]
    assert all(sha(out / r["file"]) == r["sha256"] for r in records)
    assert entries(out)["b-sentrum.yaml"]["outputs"] == []
    assert leftovers(out) == []


def test_slug_of_an_earlier_run_is_not_taken_over(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    first = write_input(tmp_path / "inn", "a.yaml", "Sentrum")
    second = write_input(tmp_path / "andre", "b.yaml", "Sentrum")
    out = tmp_path / "ut"
    omradedok.batch([first], out, executor=threads, only=[kind])
    before = snapshot(out / "sentrum")
    result = omradedok.batch([second], out, executor=threads, only=[kind])
    assert result.areas[0].status == "failed"
    assert "i en tidligere kjøring" in (result.areas[0].error or "")
    assert str(first) in (result.areas[0].error or "")
    assert snapshot(out / "sentrum") == before
    # once the first input is gone, its folder may be reused
    first.unlink()
    assert omradedok.batch([second], out, executor=threads, only=[kind]).areas[0].status == "built"


# -- reproducible and incremental ------------------------------------------------------------


@pytest.mark.usefixtures("frozen_fingerprint")
def test_rerun_is_byte_identical(tmp_path: Path, threads: ThreadPoolExecutor) -> None:
    """The whole document set (DOCX, XLSX and PDF) and the manifest, twice, byte for byte."""
    alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
    one, two = tmp_path / "en", tmp_path / "to"
    first = omradedok.batch([alfa], one, executor=threads)
    omradedok.batch([alfa], two, executor=threads)
    assert first.ok
    files_one = {k: v[2] for k, v in snapshot(one).items()}
    files_two = {k: v[2] for k, v in snapshot(two).items()}
    assert files_one == files_two
    documents = {name for name in files_one if not Path(name).name.startswith(".")}
    assert {Path(name).suffix for name in documents} == {".docx", ".xlsx", ".pdf", ".html", ".json"}
    assert len(documents) == len(first.areas[0].outputs) + 1  # and the manifest


@pytest.mark.usefixtures("frozen_fingerprint")
def test_incremental_skips_unchanged_areas(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
    beta = write_input(tmp_path / "inn", "beta.yaml", "Beta")
    out = tmp_path / "ut"
    first = omradedok.batch([alfa, beta], out, executor=threads, only=[kind])
    before = snapshot(out)
    manifest_before = (out / MANIFEST_NAME).read_text(encoding="utf-8")

    calls: list[str] = []
    real_render = BUILD_MODULE.render_set

    def counting_render(model: omradedok.Initiative, *args: Any, **kwargs: Any) -> Any:
        calls.append(model.area.name)
        return real_render(model, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BUILD_MODULE, "render_set", counting_render)
        second = omradedok.batch([alfa, beta], out, executor=threads, only=[kind], incremental=True)
        assert calls == []
        assert [a.status for a in second.areas] == ["skipped", "skipped"]
        assert [a.outputs for a in second.areas] == [a.outputs for a in first.areas]
        after = snapshot(out)
        outputs = {k: v for k, v in after.items() if k != MANIFEST_NAME}
        assert outputs == {k: v for k, v in before.items() if k != MANIFEST_NAME}
        data = manifest(out)
        assert [e["status"] for e in data["areas"]] == ["skipped", "skipped"]
        assert data["summary"] == {"built": 0, "skipped": 2, "failed": 0}
        assert (out / MANIFEST_NAME).read_text(encoding="utf-8") == manifest_before.replace(
            '"status": "built"', '"status": "skipped"'
        ).replace('"built": 2', '"built": 0').replace('"skipped": 0', '"skipped": 2')

        # a changed input is rebuilt, the other still skipped
        beta.write_text(beta.read_text(encoding="utf-8") + "\n# endret\n", encoding="utf-8")
        third = omradedok.batch([alfa, beta], out, executor=threads, only=[kind], incremental=True)
        assert [a.status for a in third.areas] == ["skipped", "built"]
        assert calls == ["Beta"]

        # a tampered output is rebuilt
        record = third.areas[0].outputs[0]
        (out / record.file).write_bytes(b"endret av noen")
        fourth = omradedok.batch([alfa, beta], out, executor=threads, only=[kind], incremental=True)
        assert [a.status for a in fourth.areas] == ["built", "skipped"]
        assert sha(out / record.file) == record.sha256

        # other build options change the fingerprint: everything is rebuilt
        fifth = omradedok.batch(
            [alfa, beta], out, executor=threads, only=[kind], incremental=True, language="nn"
        )
        assert [a.status for a in fifth.areas] == ["built", "built"]
        assert fifth.fingerprint != fourth.fingerprint


# -- failures and interruptions ---------------------------------------------------------------


def test_failure_halfway_leaves_the_previous_set_untouched(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
    out = tmp_path / "ut"
    omradedok.batch([alfa], out, executor=threads, only=[kind])
    before = snapshot(out / "alfa")
    alfa.write_text(alfa.read_text(encoding="utf-8") + "\n# ny versjon\n", encoding="utf-8")

    def half_then_crash(path: Path, data: bytes) -> Any:
        path.write_bytes(data[: len(data) // 2])  # a half-written document …
        raise RuntimeError("strømmen gikk")  # … and then the crash

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DOCSET_MODULE, "write_new", half_then_crash)
        result = omradedok.batch([alfa], out, executor=threads, only=[kind])
    area = result.areas[0]
    assert area.status == "failed"
    assert area.error == "uventet feil (RuntimeError): strømmen gikk"
    assert snapshot(out / "alfa") == before
    assert leftovers(out) == []
    assert entries(out)["alfa.yaml"]["error"] == "uventet feil (RuntimeError): strømmen gikk"


def test_interrupt_leaves_previous_set_and_manifest_untouched(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
    out = tmp_path / "ut"
    omradedok.batch([alfa], out, executor=threads, only=[kind])
    before = snapshot(out)

    def interrupted(path: Path, data: bytes) -> Any:
        path.write_bytes(data[:100])
        raise KeyboardInterrupt

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DOCSET_MODULE, "write_new", interrupted)
        with pytest.raises(KeyboardInterrupt):
            omradedok.batch([alfa], out, executor=threads, only=[kind])
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_leftovers_of_a_killed_run_are_removed(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    out = tmp_path / "ut"
    stale = out / f"{STAGING_PREFIX}abc123"
    stale.mkdir(parents=True)
    (stale / "handlingsplan.docx").write_bytes(b"PK halv")
    alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
    omradedok.batch([alfa], out, executor=threads, only=[kind])
    assert not stale.exists()
    assert leftovers(out) == []


@dataclass(frozen=True)
class _BoomKind:
    """A kind whose template is broken for one area only."""

    name: str = "boom"
    order: int = 500
    attachment_rank: int = 500

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        area = context.model.area.name

        def render() -> bytes:
            if area == "Bravo":
                raise TemplateError("malen «boom.docx» bruker feltet «x», som ikke finnes")
            return b"ok"

        return [Artifact("boom.txt", self.name, "Boom", render)]


def test_broken_template_fails_one_area_only(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    with registry.registered(_BoomKind()):
        alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
        bravo = write_input(tmp_path / "inn", "bravo.yaml", "Bravo")
        out = tmp_path / "ut"
        result = omradedok.batch([alfa, bravo], out, executor=threads, only=[kind, "boom"])
    assert [(a.slug, a.status) for a in result.areas] == [("alfa", "built"), ("bravo", "failed")]
    assert result.areas[1].error == "malen «boom.docx» bruker feltet «x», som ikke finnes"
    assert (out / "alfa" / "boom.txt").read_bytes() == b"ok"
    assert not (out / "bravo").exists()
    assert leftovers(out) == []


def test_unknown_kind_stops_before_building(tmp_path: Path) -> None:
    with pytest.raises(OmradedokError, match="ukjent dokumenttype: plakat"):
        omradedok.batch([SAMI_EXAMPLE], tmp_path / "ut", only=["plakat"])
    assert not (tmp_path / "ut" / MANIFEST_NAME).exists()


def test_empty_batch_writes_an_empty_manifest(tmp_path: Path) -> None:
    (tmp_path / "inn").mkdir()
    result = omradedok.batch([tmp_path / "inn"], tmp_path / "ut")
    assert result.ok and result.areas == []
    assert manifest(tmp_path / "ut")["areas"] == []


# -- Dask ----------------------------------------------------------------------------------------


def test_dask_distributed_executor(tmp_path: Path, kind: str) -> None:
    distributed = pytest.importorskip("distributed")
    alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
    broken = broken_input(tmp_path / "inn")
    ceta = write_input(tmp_path / "inn", "ceta.yaml", "Ceta")
    out = tmp_path / "ut"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        pids = set(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids
        result = omradedok.batch(
            [alfa, broken, ceta], out, executor=client.get_executor(), only=[kind]
        )
    assert [(a.input.name, a.status) for a in result.areas] == [
        ("alfa.yaml", "built"),
        ("broken.yaml", "failed"),
        ("ceta.yaml", "built"),
    ]
    assert "sluttår 2020 er før startår 2026" in (result.areas[1].error or "")
    for entry in manifest(out)["areas"]:
        for record in entry["outputs"]:
            assert sha(out / record["file"]) == record["sha256"]
    # the same bytes as a local process pool gives
    local = omradedok.batch([alfa, ceta], tmp_path / "lokal", jobs=1, only=[kind])
    for area in local.areas:
        for record in area.outputs:
            assert (tmp_path / "lokal" / record.file).read_bytes() == (
                out / record.file
            ).read_bytes()
    assert leftovers(out) == []


def _png(red: int) -> bytes:
    """A valid 1×1 PNG of the given red value."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, red, 0, 0]))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.mark.usefixtures("frozen_fingerprint")
def test_changed_logo_rebuilds_the_area(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    inputs = tmp_path / "inn"
    logo = inputs / "vapen.png"
    inputs.mkdir()
    logo.write_bytes(_png(200))
    alfa = write_input(
        inputs,
        "alfa.yaml",
        "Alfa",
        replace={
            "  profile:\n": "  profile:\n    logo: vapen.png\n    logo_alt_text: Kommunevåpen\n"
        },
    )
    out = tmp_path / "ut"
    first = omradedok.batch([alfa], out, executor=threads, only=[kind])
    assert first.areas[0].status == "built"
    assets = entries(out)["alfa.yaml"]["assets"]
    assert [(Path(a["file"]).name, a["sha256"]) for a in assets] == [("vapen.png", sha(logo))]
    assert (out / assets[0]["file"]).resolve() == logo.resolve()
    again = omradedok.batch([alfa], out, executor=threads, only=[kind], incremental=True)
    assert again.areas[0].status == "skipped"
    logo.write_bytes(_png(10))
    third = omradedok.batch([alfa], out, executor=threads, only=[kind], incremental=True)
    assert third.areas[0].status == "built"


def test_folder_of_yaml_json_and_excel_inputs(
    tmp_path: Path, kind: str, threads: ThreadPoolExecutor
) -> None:
    from omradedok.cli import main
    from omradedok.io import dumps_json

    inputs = tmp_path / "inn"
    yaml_input = write_input(inputs, "alfa.yaml", "Alfa")
    model = omradedok.load(yaml_input)
    model.area.name = "Beta"
    (inputs / "beta.json").write_text(dumps_json(model), encoding="utf-8")
    model.area.name = "Gamma"
    (inputs / "gamma.yaml").write_text(omradedok.dumps_yaml(model), encoding="utf-8")
    assert (
        main(["export", str(inputs / "gamma.yaml"), "-o", str(inputs / "sub" / "gamma.xlsx")]) == 0
    )
    (inputs / "gamma.yaml").unlink()
    out = inputs / "ut"  # inside the input folder: its manifest.json is never taken as input
    result = omradedok.batch([inputs], out, executor=threads, only=[kind])
    assert [(a.input.name, a.slug, a.status) for a in result.areas] == [
        ("alfa.yaml", "alfa", "built"),
        ("beta.json", "beta", "built"),
        ("gamma.xlsx", "gamma", "built"),
    ]
    again = omradedok.batch([inputs], out, executor=threads, only=[kind])
    assert len(again.areas) == 3


# -- the default pool -------------------------------------------------------------------------


def test_a_broken_pool_builds_the_rest_here(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Workers that die at start (as spawned ones do when the caller's script has no
    ``if __name__ == "__main__":``) no longer fail every area: they are built in this
    process, and a bad input still fails with its own error."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    def dying_pool(jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=os._exit,
            initargs=(3,),
        )

    monkeypatch.setattr(BATCH_MODULE, "_default_executor", dying_pool)
    alfa = write_input(tmp_path / "inn", "alfa.yaml", "Alfa")
    broken = broken_input(tmp_path / "inn")
    with caplog.at_level("WARNING", logger="omradedok.batch"):
        result = omradedok.batch([alfa, broken], tmp_path / "ut", jobs=2, only=[kind])
    assert [(a.input.name, a.status) for a in result.areas] == [
        ("alfa.yaml", "built"),
        ("broken.yaml", "failed"),
    ]
    assert "sluttår 2020 er før startår 2026" in (result.areas[1].error or "")
    assert [r.getMessage() for r in caplog.records] == [
        "arbeidsprosessene stoppet; bygger 2 område(r) i denne prosessen"
    ]
    assert leftovers(tmp_path / "ut") == []


def test_default_pool_forks_where_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BATCH_MODULE, "can_fork", lambda: True)
    with BATCH_MODULE._default_executor(1) as pool:
        assert pool._mp_context.get_start_method() == "fork"
    monkeypatch.setattr(BATCH_MODULE, "can_fork", lambda: False)
    with BATCH_MODULE._default_executor(1) as pool:
        assert pool._mp_context.get_start_method() == "spawn"
