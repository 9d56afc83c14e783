"""The CLI speaks Norwegian: --version, shell completion, usage errors and readable help."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import omradedok
from omradedok.cli import main

COMMANDS = [
    [], ["build"], ["batch"], ["validate"], ["check"], ["schema"], ["new"], ["excel-template"],
    ["export"], ["import"], ["templates"], ["templates", "check"],
]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--version") == (0, f"omradedok {omradedok.__version__}\n", "")


def test_shell_completion_is_offered_and_completes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0 and "--install-completion" in out and "--show-completion" in out
    # In a fresh process: the completion script must not depend on what earlier tests left in
    # this one (it failed once in a full run, exit 1, and never alone).
    shown = subprocess.run(
        [sys.executable, "-m", "omradedok", "--show-completion", "bash"],
        env={k: v for k, v in os.environ.items() if not k.startswith("_OMRADEDOK")},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert shown.returncode == 0 and "_omradedok_completion" in shown.stdout, shown.stderr
    env = {**os.environ, "_OMRADEDOK_COMPLETE": "complete_bash", "COMP_WORDS": "omradedok bu",
           "COMP_CWORD": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "omradedok"], env=env, capture_output=True, text=True, check=False
    )
    assert done.stdout.split() == ["build"], done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build"], "feil: mangler FIL (Inndatafil (YAML, JSON eller Excel))"),
        (["build", "x.yaml"], "feil: mangler valget -o / --out"),
        (["build", "x.yaml", "-o", "d", "--bogus"], "feil: ukjent valg --bogus"),
        (["build", "x.yaml", "-o", "d", "-j", "abc"], "ugyldig verdi for -j / --jobs: skriv et heltall"),
        (["build", "x.yaml", "-o", "d", "-j", "0"], "ugyldig verdi for -j / --jobs: skriv minst 1"),
        (["build", "x.yaml", "-o", "d", "-l", "se"], "«se» er ikke et av nb, nn"),
        (["bild"], "feil: ukjent kommando «bild» (mente du «build»?)"),
        (["build", "a.yaml", "b.yaml", "-o", "d"], "feil: for mange argumenter: b.yaml"),
        (["build", "x.yaml", "-o"], "feil: valget -o trenger en verdi"),
    ],
)
def test_usage_errors_are_norwegian(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = _run(capsys, *args)
    assert code == 2
    assert message in err
    for english in ("Error:", "Usage:", "Missing", "No such", "Try '", "Invalid value"):
        assert english not in err
    if args[0] == "build" and args[-1] != "-o":
        assert err.startswith("Bruk: omradedok build [VALG] FIL")
        assert "Prøv «omradedok build --help» for hjelp." in err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "omradedok")
def test_help_is_norwegian_with_readable_metavars(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, *command, "--help")
    assert code == 0
    assert out.startswith("Bruk: omradedok")
    for english in ("Usage:", "Options:", "Arguments:", "Show this message", "[required]",
                    "[default:", "<path>", "<list[", "<int", "<str>", "{", "[OPTIONS]"):
        assert english not in out, f"{english!r} in help of {command}"


def test_build_help_names_what_to_type(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "build", "--help")
    assert "-o, --out MAPPE" in out and "-l, --language nb|nn" in out and "-j, --jobs N" in out
    assert "[påkrevd]" in out and "[standard: reportlab]" in out
    _, out, _ = _run(capsys, "batch", "--help")
    assert out.startswith("Bruk: omradedok batch [VALG] FIL|MAPPE…")


def test_no_arguments_shows_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys)
    assert code == 2
    assert "Kommandoer:" in out + err and "build" in out + err
