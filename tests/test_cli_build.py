"""The build command's output: a progress bar on a terminal, plain lines when piped, paths
never wrapped, removed files and refusals said in Norwegian."""

from __future__ import annotations

import io
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import NYNORSK_EXAMPLE, SAMI_EXAMPLE
from rich.console import Console

from omradedok.cli import main

BUILD_COMMAND = sys.modules["omradedok.cli.build_command"]
KINDS = "samarbeidsavtale,rollematrise"


def test_piped_lines_are_whole_and_progress_goes_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("en-ganske-lang-mappe-for-dokumentene-til-bydelsutvalget" * 2) / "dok"
    assert main(["build", str(NYNORSK_EXAMPLE), "-o", str(out), "--only", KINDS]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"skrev {out / 'rolle-og-ansvarsmatrise.xlsx'}",
        f"skrev {out / 'samarbeidsavtale-husbanken.docx'}",
        f"skrev {out / 'samarbeidsavtale-elvebakken-burettslag.docx'}",
    ]
    progress = captured.err.splitlines()  # in the order the documents are done
    assert [line.split(" ")[0] for line in progress] == ["[1/3]", "[2/3]", "[3/3]"]
    assert sorted(line.split(" laget ")[1] for line in progress) == [
        "rolle-og-ansvarsmatrise.xlsx",
        "samarbeidsavtale-elvebakken-burettslag.docx",
        "samarbeidsavtale-husbanken.docx",
    ]

    assert main(["build", str(SAMI_EXAMPLE), "-o", str(out), "--only", KINDS]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2:] == [
        f"fjernet {out / 'samarbeidsavtale-elvebakken-burettslag.docx'} "
        "(fra forrige bygging, ikke med nå)",
        f"fjernet {out / 'samarbeidsavtale-husbanken.docx'} (fra forrige bygging, ikke med nå)",
    ]


def test_a_folder_with_foreign_files_is_refused_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plan.yaml").write_text("title: x\n", encoding="utf-8")
    assert main(["build", str(SAMI_EXAMPLE), "-o", str(tmp_path), "--only", KINDS]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"feil: {tmp_path}: mappen har filer som ikke er laget av omradedok")
    assert "plan.yaml" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_progress_bar_on_a_terminal_without_a_refresh_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=70, color_system=None)
    monkeypatch.setattr(BUILD_COMMAND, "console", terminal)
    real = BUILD_COMMAND.build_documents
    threads: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.active_count())
        return real(*args, **kwargs)

    monkeypatch.setattr(BUILD_COMMAND, "build_documents", counting)
    before = threading.active_count()
    out = tmp_path / "d"
    assert main(["build", str(SAMI_EXAMPLE), "-o", str(out), "--only", KINDS, "-j", "1"]) == 0
    # no thread of Rich's while building: the build may fork its render helpers
    assert threads == [before]
    shown = screen.getvalue()
    assert "2/2" in shown  # the bar after the last document
    assert "rolle-og-ansvarsmatrise.xlsx" in shown
    assert shown.rstrip().endswith(
        f"skrev {out / 'samarbeidsavtale-sametinget-samediggi-searvi-ovttas.docx'}"
    )
