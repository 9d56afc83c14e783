"""`import omradedok` and the light CLI commands load no renderer: reportlab, python-docx,
docxtpl and openpyxl are imported only when a document of theirs is rendered (or a workbook is
read or written). Each case runs in a fresh interpreter; nothing here is timed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LARGE_EXAMPLE

RENDERERS = ("reportlab", "docx", "docxtpl", "openpyxl")

_RUN_CLI = """
import json, runpy, sys
sys.argv = ["omradedok", *sys.argv[1:]]
try:
    runpy.run_module("omradedok", run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.__stderr__)
"""


def _loaded(code: str, *args: str) -> tuple[object, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 or done.stderr, done.stdout
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], {m.split(".")[0] for m in report["modules"]}


def test_import_omradedok_loads_no_renderer() -> None:
    code = (
        "import json, sys; import omradedok; "
        "omradedok.load(sys.argv[1]); omradedok.validate(omradedok.load(sys.argv[1])); "
        "print(json.dumps({'code': 0, 'modules': sorted(sys.modules)}), file=sys.stderr)"
    )
    status, modules = _loaded(code, str(LARGE_EXAMPLE))
    assert status == 0
    assert "omradedok" in modules and "pydantic" in modules  # the probe sees imports
    assert modules.isdisjoint(RENDERERS), sorted(modules & set(RENDERERS))


@pytest.mark.parametrize(
    "args",
    [["--help"], ["validate", str(LARGE_EXAMPLE)], ["schema", "-o", "{tmp}"]],
    ids=["help", "validate", "schema"],
)
def test_light_cli_commands_load_no_renderer(args: list[str], tmp_path: Path) -> None:
    status, modules = _loaded(_RUN_CLI, *[a.format(tmp=tmp_path) for a in args])
    assert status in (0, None), status
    assert "typer" in modules and "omradedok" in modules
    assert modules.isdisjoint(RENDERERS), sorted(modules & set(RENDERERS))
    if args[0] == "schema":
        assert any(tmp_path.iterdir())


def test_a_build_imports_the_renderers_of_the_kinds_it_makes_only(tmp_path: Path) -> None:
    """The same probe after building the rollematrise (XLSX): openpyxl is there (so the tests
    above can fail), the DOCX and PDF renderers are not – only the chosen kinds' modules are
    imported."""
    code = (
        "import json, sys; import omradedok; "
        "omradedok.build(omradedok.load(sys.argv[1]), sys.argv[2], only=['rollematrise']); "
        "print(json.dumps({'code': 0, 'modules': sorted(sys.modules)}), file=sys.stderr)"
    )
    status, modules = _loaded(code, str(LARGE_EXAMPLE), str(tmp_path / "ut"))
    assert status == 0 and "openpyxl" in modules
    assert modules.isdisjoint({"reportlab", "docx", "docxtpl"})
