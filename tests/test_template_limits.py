"""A municipality's template fails only as a located TemplateError, in bounded time and memory.

Every hostile field below took gigabytes, hung, or ended in a traceback before the sandbox
was bounded (issue 11). Memory is checked with tracemalloc as a sanity bound only (no timing).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tracemalloc
from pathlib import Path

import docx
import pytest
from conftest import NYNORSK_EXAMPLE

from omradedok.cli import main
from omradedok.errors import LocatedTemplateError, TemplateError
from omradedok.model import Language
from omradedok.render.docx import DocMeta, render_docx
from omradedok.render.docx_styles import TemplateKit
from omradedok.render.sandbox import BoundedEnvironment, TemplateLimits
from omradedok.resources import templates_dir

META = DocMeta(
    title="Prøvedokument",
    subject="Prøve",
    author="Prøve kommune",
    keywords=("prøve",),
    category="Prøve",
    status="Utkast",
    version="1",
    date=dt.date(2026, 11, 26),
    language=Language.NB,
)
CONTEXT = {"doc": {"title": "Plan"}, "header_text": "Prøve", "status_banner": "UTKAST"}

HOSTILE = {
    "repeat-text": ("{{ '*' * 10**9 }}", "1 000 000"),
    "power-tower": ("{{ 7**(7**10) }}", "bit"),
    "power-digits": ("{{ 10**(10**5) }}", "bit"),
    "nested-range": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "steg",
    ),
    "self-calling-macro": ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "makro"),
    "branching-macro": (
        "{% macro m(n) %}{{ m(n) }}{{ m(n) }}{% endmacro %}{{ m(1) }}",
        "makro",
    ),
    "divide-by-zero": ("{{ 1/0 }}", "deling på null"),
    "dict-plus-int": ("{{ doc + 1 }}", "passer ikke sammen"),
    "include": ("{% include '/etc/passwd' %}", "include"),
    "import": ("{% import 'x.html' as x %}", "import"),
    "extends": ("{% extends 'base.html' %}", "extends"),
    "huge-range": ("{{ range(10**9) }}", "range"),
    "lipsum": ("{{ lipsum(200000) }}", "lipsum"),
    "doubling-text": (
        "{% set ns = namespace(s='a') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "1 000 000",
    ),
    "doubling-list": (
        "{% set ns = namespace(l=[1]) %}{% for i in range(60) %}"
        "{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}",
        "1 000 000",
    ),
    "center-filter": ("{{ 'x'|center(1000000000) }}", "center"),
    "center-method": ("{{ 'x'.center(1000000000) }}", "center"),
    "format-width": ("{{ '{:>1000000000}'.format(1) }}", "format"),
    "printf-width": ("{{ '%1000000000s' % 1 }}", "%"),
    "replace-blowup": ("{% set s = 'x' * 100000 %}{{ s.replace('', s) }}", "replace"),
    "indent-blowup": ("{{ ('x\\n' * 100000)|indent(100000) }}", "indent"),
    "join-blowup": ("{{ (['x' * 100000] * 9)|join('y' * 100000) }}", "1 000 000"),
    "list-repeat": ("{{ [1] * 10**7 }}", "1 000 000"),
    "static-output": (
        "{% for i in range(100000) %}{% for j in range(100) %}"
        + "y" * 1000
        + "{% endfor %}{% endfor %}",
        "tegn",
    ),
    "to-bytes": ("{{ (1).to_bytes(1000000000, 'big') }}", "to_bytes"),
    "int-too-long": ("{{ 9" + "9" * 5000 + " }}", "sifre"),
    "float-overflow": ("{{ 2.0 ** 100000 }}", "for stort"),
    "recursive-loop": (
        "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
        "nivåer",
    ),
    "unknown-filter": ("{{ doc|shell }}", "shell"),
    "random-filter": ("{{ [1, 2]|random }}", "random"),
}


def _template(folder: Path, name: str, field: str) -> None:
    kit = TemplateKit(title="Prøvemal")
    kit.paragraph("Innledning")
    kit.paragraph(field)
    kit.save(folder / f"{name}.docx")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_template_is_a_located_error(name: str, tmp_path: Path) -> None:
    field, expected = HOSTILE[name]
    _template(tmp_path, name, field)
    tracemalloc.start()
    try:
        with pytest.raises(TemplateError) as info:
            render_docx(f"{name}.docx", CONTEXT, meta=META, template_dir=tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(info.value)
    assert message.startswith(f"malen {name}.docx (hoveddokument)"), message
    assert expected in message
    assert "Traceback" not in message and "File \"" not in message
    assert peak < 300_000_000, f"{name} took {peak / 1e6:.0f} MB"
    error = info.value
    if isinstance(error, LocatedTemplateError) and name != "int-too-long":
        assert error.line is not None and error.template == f"{name}.docx"
        assert field[:20] in error.tag or "{" in error.tag


def test_error_names_the_line_and_the_tag(tmp_path: Path) -> None:
    kit = TemplateKit(title="Prøvemal")
    kit.paragraph("Første avsnitt {{ doc.title }}")
    kit.paragraph("Andre avsnitt")
    kit.paragraph("Beløp: {{ 100 // 0 }}")
    kit.save(tmp_path / "plan.docx")
    with pytest.raises(LocatedTemplateError) as info:
        render_docx("plan.docx", CONTEXT, meta=META, template_dir=tmp_path)
    error = info.value
    assert error.tag == "{{ 100 // 0 }}"
    assert error.part == "hoveddokument" and error.template == "plan.docx"
    assert f"linje {error.line}, i «{{{{ 100 // 0 }}}}»: deling på null" in str(error)
    first = tmp_path / "first.docx"
    kit = TemplateKit(title="Prøvemal")
    kit.paragraph("{{ 1 // 0 }}")
    kit.save(first)
    with pytest.raises(LocatedTemplateError) as earlier:
        render_docx("first.docx", CONTEXT, meta=META, template_dir=tmp_path)
    assert earlier.value.line is not None and earlier.value.line < error.line


def test_ordinary_template_code_still_renders(tmp_path: Path) -> None:
    field = (
        "{% macro twice(n) %}{% if n > 0 %}{{ twice(n - 1) }}x{% endif %}{% endmacro %}"
        "{% for i in range(3) %}{{ i * 2 }},{% endfor %} {{ 'ab' * 3 }} {{ 2 ** 10 }} "
        "{{ '%05.1f' % 3.14159 }} {{ '{:>4}'.format('x') }} {{ doc.title|center(9) }} "
        "{{ [1, 2] + [3] }} {{ twice(5) }} {{ ['a', 'b']|join('-') }}"
    )
    _template(tmp_path, "vanlig", field)
    data = render_docx("vanlig.docx", CONTEXT, meta=META, template_dir=tmp_path)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "0,2,4, ababab 1024 003.1    x    Plan   [1, 2, 3] xxxxx a-b" in texts


def test_limits_are_configurable() -> None:
    strict = BoundedEnvironment(limits=TemplateLimits(max_steps=50))
    template = strict.from_string("{% for i in range(100) %}{{ i }}{% endfor %}")
    with strict.budget(), pytest.raises(Exception, match="50 steg"):
        template.render()
    roomy = BoundedEnvironment()
    assert roomy.from_string("{% for i in range(100) %}.{% endfor %}").render() == "." * 100
    assert "lipsum" not in roomy.globals and "random" not in roomy.filters


def test_hostile_template_in_cli_build_is_one_line_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    shutil.copy(templates_dir() / "labels.yaml", folder / "labels.yaml")
    kit = TemplateKit(title="Ond")
    kit.paragraph("{{ status_banner }} {{ '*' * 10**9 }}")
    kit.save(folder / "saksframlegg.docx")
    out = tmp_path / "ut"
    code = main(
        ["build", str(NYNORSK_EXAMPLE), "-o", str(out), "--only", "saksframlegg",
         "--templates", str(folder)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "saksframlegg.docx" in err and "linje" in err and "'*' * 10**9" in err
    assert "Traceback" not in err
    assert not out.exists()
