"""Shared fixtures: example models, and LibreOffice as a real client of our files."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import settings

import omradedok
from omradedok.model import Initiative

# No example database: a failure found once must not replay on every later run of a fresh
# checkout (it did, from .hypothesis/), and every run draws new examples. Under CI the seed
# is printed with a failure (print_blob), so a random-seed failure can still be reproduced.
settings.register_profile("omradedok", database=None, print_blob=True)
settings.load_profile("omradedok")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
LARGE_EXAMPLE = EXAMPLES / "nordbyen-bokmal.yaml"
NYNORSK_EXAMPLE = EXAMPLES / "elvebakken-nynorsk.yaml"
SAMI_EXAMPLE = EXAMPLES / "guovdageaidnu-samisk.yaml"


@pytest.fixture(scope="session", autouse=True)
def _template_code_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled templates go to a folder of this test run, never the user's ~/.cache."""
    os.environ["OMRADEDOK_CACHE_DIR"] = str(tmp_path_factory.mktemp("template-code"))


@pytest.fixture(scope="session")
def large_model() -> Initiative:
    return omradedok.load(LARGE_EXAMPLE)


@pytest.fixture(scope="session")
def nynorsk_model() -> Initiative:
    return omradedok.load(NYNORSK_EXAMPLE)


@pytest.fixture(scope="session")
def sami_model() -> Initiative:
    return omradedok.load(SAMI_EXAMPLE)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


Convert = Callable[[Sequence[Path], Path, str], list[Path]]


@pytest.fixture(scope="session")
def soffice(tmp_path_factory: pytest.TempPathFactory) -> Convert:
    """Convert files with headless LibreOffice (one call for many files: start-up dominates).

    Skips with a visible reason where LibreOffice is missing, but fails under CI=true, where
    .ci/run installs it and a skip would hide a broken document.
    """
    binary = _soffice()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required under CI=true; .ci/run installs it")
        pytest.skip("LibreOffice (soffice) is not installed: DOCX/XLSX conversion not checked")
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(files: Sequence[Path], out_dir: Path, target: str = "pdf") -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        cmd = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            *map(str, files),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        ext = target.split(":")[0]
        produced = [out_dir / (Path(f).stem + "." + ext) for f in files]
        missing = [p for p in produced if not p.exists() or p.stat().st_size == 0]
        assert proc.returncode == 0 and not missing, (
            f"LibreOffice failed to convert {missing}: {proc.stdout}\n{proc.stderr}"
        )
        return produced

    return convert
