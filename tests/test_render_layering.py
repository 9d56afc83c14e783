"""render/ draws formats (DOCX, XLSX, PDF, HTML, charts) and knows neither a document kind nor
the model: every module in omradedok/render imports nothing from omradedok.documents, .checks,
.cli, .io or .model – except the few model names listed below, each with its reason."""

from __future__ import annotations

import ast
from pathlib import Path

import omradedok

RENDER = Path(omradedok.__file__).parent / "render"
FORBIDDEN = ("omradedok.documents", "omradedok.checks", "omradedok.cli", "omradedok.io")
MODEL = "omradedok.model"

ALLOWED: dict[tuple[str, str], str] = {
    # (module, imported name) → why it may stay
    **{
        (m, "omradedok.model.passages"): "the inline markup grammar of text fields "
        "(pure functions on str), not the initiative model"
        for m in ("charts", "docx", "docx_body", "html_body", "pdf", "pdf_text", "xlsx")
    },
    **{
        (m, "omradedok.model.Language"): "the nb/nn language enum every format is told"
        for m in ("docx", "html_body", "pdf", "template_trial", "view_rules")
    },
    **{
        (m, "omradedok.model.Profile"): "the templated kinds not yet on typed views "
        "(saksframlegg, samarbeidsavtale …) still style DOCX/PDF by the model's Profile"
        for m in ("docx_styles", "pdf", "view_rules")
    },
    ("template_trial", "omradedok.io.load"): "«omradedok templates try» renders a template "
    "folder against an example input file",
}


def _imports(path: Path) -> set[str]:
    """Absolute names a module imports («omradedok.model.Language», «omradedok.io.load»)."""
    package = "omradedok.render"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def _exception(module: str, name: str) -> tuple[str, str] | None:
    """The ALLOWED entry that covers an import (a listed module covers its members)."""
    for key in ALLOWED:
        if key[0] == module and (name == key[1] or name.startswith(key[1] + ".")):
            return key
    return None


def _violations(path: Path) -> list[str]:
    bad = []
    for name in sorted(_imports(path)):
        if not name.startswith((*FORBIDDEN, MODEL)):
            continue
        if _exception(path.stem, name) is None:
            bad.append(f"{path.name}: {name}")
    return bad


def test_render_imports_no_kind_and_no_model() -> None:
    modules = sorted(RENDER.glob("*.py"))
    assert len(modules) > 10
    bad = [v for path in modules for v in _violations(path)]
    assert not bad, "render/ must not know kinds or the model:\n" + "\n".join(bad)


def test_the_check_sees_relative_and_late_imports(tmp_path: Path) -> None:
    probe = tmp_path / "charts.py"
    probe.write_text(
        "from ..model import Initiative\n"
        "def f():\n    from ..documents.chart_data import plan_figures\n",
        encoding="utf-8",
    )
    assert _violations(probe) == [
        "charts.py: omradedok.documents.chart_data.plan_figures",
        "charts.py: omradedok.model.Initiative",
    ]


def test_every_exception_is_still_needed() -> None:
    used = {_exception(p.stem, n) for p in RENDER.glob("*.py") for n in _imports(p)}
    stale = sorted(set(ALLOWED) - used)
    assert not stale, f"exceptions no module needs any more: {stale}"
