"""The README's Python snippet, pasted into a plain script (no ``if __name__ ==
"__main__":``), runs as it says: on main its batch failed every area with BrokenProcessPool,
printed 124 traceback lines, and the script still exited 0."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from test_batch import broken_input, write_input


def readme_snippet() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    (snippet,) = [b for b in blocks if "omradedok.batch(" in b]
    return snippet


def test_the_readme_snippet_runs_as_a_plain_script(tmp_path: Path) -> None:
    snippet = readme_snippet()
    assert "__main__" not in snippet
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    write_input(tmp_path / "inndata", "alfa.yaml", "Alfa")
    broken = broken_input(tmp_path / "inndata")
    script = tmp_path / "mitt_skript.py"
    script.write_text(snippet, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=900
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "BrokenProcessPool" not in proc.stderr
    # the snippet prints the built paths, then one line per failed area
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("[PosixPath('dokumenter/handlingsplan.docx')")
    assert lines[1] == f"inndata/{broken.name}: 1 feil"
    assert "sluttår 2020 er før startår 2026; bytt om årene" in lines[2]
    assert len(lines) == 3
    manifest = json.loads((tmp_path / "ut" / "manifest.json").read_text(encoding="utf-8"))
    assert [(e["input"], e["status"]) for e in manifest["areas"]] == [
        ("inndata/alfa.yaml", "built"),
        (f"inndata/{broken.name}", "failed"),
    ]
    built = {e["file"] for e in manifest["areas"][0]["outputs"]}
    assert {"alfa/handlingsplan.pdf", "alfa/handlingsplan.html"} <= built and len(built) == 14
    assert (tmp_path / "dokumenter" / "handlingsplan.docx").is_file()
