"""A misspelled --templates folder is an error in build, batch, the API and templates check.

Before issue 11 a build with ``--templates /misspelled-folder`` exited 0 with the built-in
letterhead, while ``templates check`` on the same path said it was not a folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMI_EXAMPLE

import omradedok
from omradedok.cli import main
from omradedok.documents.base import BuildOptions
from omradedok.model import Language

KIND = "samarbeidsavtale"


@pytest.fixture()
def missing(tmp_path: Path) -> Path:
    return tmp_path / "kommunens-malr"


def test_api_build_refuses_a_missing_folder(tmp_path: Path, missing: Path) -> None:
    model = omradedok.load(SAMI_EXAMPLE)
    out = tmp_path / "ut"
    with pytest.raises(omradedok.TemplateError, match="finnes ikke") as info:
        omradedok.build(model, out, only=[KIND], template_dir=missing)
    assert str(missing) in str(info.value)
    assert not out.exists()
    with pytest.raises(omradedok.TemplateError, match="finnes ikke"):
        omradedok.plan(model, only=[KIND], template_dir=missing)


def test_build_options_refuse_a_file_and_a_missing_folder(tmp_path: Path, missing: Path) -> None:
    with pytest.raises(omradedok.TemplateError, match=rf"{missing.name} finnes ikke"):
        BuildOptions(language=Language.NB, template_dir=missing)
    a_file = tmp_path / "maler.docx"
    a_file.write_bytes(b"")
    with pytest.raises(omradedok.TemplateError, match="er ikke en mappe"):
        BuildOptions(language=Language.NB, template_dir=a_file)
    assert BuildOptions(language=Language.NB, template_dir=tmp_path).template_dir == tmp_path


def test_api_batch_refuses_a_missing_folder(tmp_path: Path, missing: Path) -> None:
    out = tmp_path / "ut"
    with pytest.raises(omradedok.TemplateError, match="finnes ikke"):
        omradedok.batch([SAMI_EXAMPLE], out, only=[KIND], template_dir=missing)
    assert not out.exists()


@pytest.mark.parametrize("command", ["build", "batch"])
def test_cli_refuses_a_missing_folder(
    command: str, tmp_path: Path, missing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ut"
    args = [command, str(SAMI_EXAMPLE), "-o", str(out), "--only", KIND, "--templates", str(missing)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"malmappen {missing} finnes ikke" in err and "Traceback" not in err
    assert not out.exists()


def test_templates_check_says_the_same(
    missing: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["templates", "check", str(missing)]) == 1
    assert f"malmappen {missing} finnes ikke" in capsys.readouterr().err
