"""The bytes of a build or batch do not depend on the machine: time zone, locale, hash seed,
$SOURCE_DATE_EPOCH or the number of processes (each run in a fresh process with its own
environment)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import NYNORSK_EXAMPLE, ROOT, SAMI_EXAMPLE
from pypdf import PdfReader

import omradedok

# The Sami example's date (26 March 2026) is in summer time in New York (from 8 March) and
# in Auckland (until 5 April), not in UTC: a local-time conversion shows up as an hour.
ENVIRONMENTS = [
    {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "0", "jobs": "1"},
    {"TZ": "America/New_York", "LC_ALL": "C", "PYTHONHASHSEED": "1", "jobs": "2"},
    {
        "TZ": "Pacific/Auckland",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "2",
        "SOURCE_DATE_EPOCH": "1234567890",  # reportlab mixed it into the PDF /ID
        "jobs": "2",
    },
]


def _run(args: list[str], settings: dict[str, str]) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LC_", "LANG")) and k != "SOURCE_DATE_EPOCH"
    }
    env.update({k: v for k, v in settings.items() if k != "jobs"})
    proc = subprocess.run(
        [sys.executable, "-m", "omradedok", *args, "-j", settings["jobs"]],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-lock")
    }


def _differences(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return sorted(n for n in one.keys() | other.keys() if one.get(n) != other.get(n))


def test_batch_bytes_do_not_depend_on_time_zone_locale_or_jobs(tmp_path: Path) -> None:
    trees = []
    for number, settings in enumerate(ENVIRONMENTS):
        out = tmp_path / f"ut-{number}"
        _run(["batch", str(SAMI_EXAMPLE), str(NYNORSK_EXAMPLE), "-o", str(out)], settings)
        trees.append(_tree(out))
    assert len(trees[0]) > 25 and "manifest.json" in trees[0]
    for settings, tree in zip(ENVIRONMENTS[1:], trees[1:], strict=True):
        assert _differences(trees[0], tree) == [], settings


@pytest.mark.parametrize("settings", ENVIRONMENTS[1:], ids=lambda s: s["TZ"])
def test_pdf_dates_are_the_documents_date_in_any_time_zone(
    settings: dict[str, str], tmp_path: Path
) -> None:
    date = omradedok.load(SAMI_EXAMPLE).document.date
    assert date is not None
    out = tmp_path / "d"
    _run(["build", str(SAMI_EXAMPLE), "-o", str(out), "--only", "handlingsplan-pdf"], settings)
    info = PdfReader(out / "handlingsplan.pdf").metadata
    assert info is not None
    stamp = f"D:{date:%Y%m%d}000000+00'00'"
    assert info["/CreationDate"] == stamp and info["/ModDate"] == stamp
