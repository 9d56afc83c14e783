"""The one YAML reader: ruamel's YAML 1.2 core-schema reading, bounded, errors on their line."""

from __future__ import annotations

import datetime as dt
import math
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from omradedok.io.yamlread import MAX_DEPTH, YamlProblem, read_yaml


def _ruamel(text: str) -> object:
    """The reference: ruamel's YAML 1.2 reading, as plain Python values."""
    return _plain(YAML(typ="rt").load(text))


def _plain(node: object) -> object:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    for kind in (bool, int, float, str):
        if isinstance(node, kind):
            return kind(node)
    if type(node).__name__ == "TaggedScalar":  # «<<» or «=» as a value: text
        return str(node.value)  # type: ignore[attr-defined]
    if isinstance(node, dt.datetime):
        return dt.datetime(*node.timetuple()[:6], node.microsecond)
    return node


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a.replace(tzinfo=None) == b.replace(tzinfo=None) or a == b
    return type(a) is type(b) and a == b


CORE_FORMS = [
    "yes", "no", "on", "off", "NO", "y", "n", "010", "0o17", "0x1F", "0b101", "1e3", "1.10",
    "1:20", "20:30:00", ".inf", "-.inf", "+.inf", ".NaN", ".nan", "~", "null", "Null", "NULL",
    "", "True", "true", "FALSE", "2026-11-26", "2026-1-5", "2026-Q2", "+12", "-0", "12_000",
    "1_0", "1.", "3.", ".5", ".5e3", "0.5e-3", "1 250 000", "kr 100", "'quoted'", '"dq"',
    "#1F4E79", "2026-11-26 10:00:00", "2026-11-26t10:00:00.5Z", "2026-11-26T10:00:00+01:00",
    "0o", "0x_1", "<<", "=", "&", "*",
]  # fmt: skip


@pytest.mark.parametrize("scalar", CORE_FORMS)
def test_core_schema_forms_read_as_ruamel_does(scalar: str) -> None:
    doc = f"v: {scalar}\n"
    try:
        expected = _ruamel(doc)
    except Exception:
        pytest.skip("not YAML for ruamel either")
    got = read_yaml(doc).data
    assert isinstance(expected, dict) and isinstance(got, dict)
    assert _same(got["v"], expected["v"]), (scalar, got, expected)


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=14)
    | st.from_regex(r"[-+]?[0-9_.eE]{1,8}", fullmatch=True)
    | st.from_regex(
        r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{2}:[0-9]{2})?", fullmatch=True
    )
)
def test_every_plain_scalar_reads_as_ruamel_does(value: str) -> None:
    doc = f"v: {value}\n"
    try:
        expected = _ruamel(doc)
    except Exception:
        return  # not YAML: only then may the reader refuse (checked below for dates)
    if not isinstance(expected, dict) or "v" not in expected:
        try:
            read_yaml(doc)
        except YamlProblem:
            return
        return
    if value.lstrip()[:1] in ("!", "&", "*"):
        return  # a tag, anchor or alias: node properties, not a plain scalar (tested apart)
    got = read_yaml(doc).data
    assert isinstance(got, dict)
    assert _same(got["v"], expected["v"]), (value, got, expected)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_examples_read_as_ruamel_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert read_yaml(text).data == _ruamel(text)


def test_lines_of_keys_and_items() -> None:
    doc = read_yaml("a: 1\nb:\n  - x\n  - c: 2\n    d: [3, 4]\n")
    assert doc.line_of(("a",)) == 1
    assert doc.line_of(("b", 1, "d")) == 5
    assert doc.line_of(("b", 1, "zz")) == 4  # the deepest node that exists


def test_explicit_non_specific_tag_is_text() -> None:
    # YAML 1.2: «!» makes a scalar a string; the old imitation reader and ruamel disagreed.
    assert read_yaml("v: !\nw: ! 12\n").data == {"v": "", "w": "12"}


def test_merge_keys_merge() -> None:
    doc = "a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n"
    assert read_yaml(doc).data == {"a": {"b": 1}, "c": {"b": 1, "d": 2}} == _ruamel(doc)


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        ("a: 1\na: 2\n", 2, "nøkkelen «a» står to ganger"),
        ("date: 2026-02-31\n", 1, "«2026-02-31» er ikke en gyldig dato"),
        ("x: 1\ndate: 2026-13-01 10:00:00\n", 2, "«2026-13-01 10:00:00» er ikke en gyldig dato"),
        ("date: 2026-02-30T10:00:00Z\n", 1, "«2026-02-30T10:00:00Z» er ikke en gyldig dato"),
        ("d: !!timestamp 2026-02-31\n", 1, "«2026-02-31» er ikke en gyldig dato"),
        ("n: " + "9" * 101 + "\n", 1, "tallet har 101 sifre"),
        ("v: !python/object x\n", 1, "ukjent YAML-merke"),
        ("a: 1\n---\nb: 2\n", 2, "filen har mer enn ett YAML-dokument"),
        ("a: *nowhere\n", 1, "aliaset «*nowhere» er ikke definert"),
        ("x: 1\ny: \x07\n", 2, "filen inneholder det ulovlige tegnet U+0007"),
    ],
)
def test_bad_values_are_errors_on_their_line(text: str, line: int, start: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        read_yaml(text)
    assert caught.value.line == line
    assert caught.value.message.startswith(start), caught.value.message


def _alias_bomb(levels: int = 9) -> str:
    text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in "bcdefghijklmnop"[: levels - 1]:
        previous = chr(ord(level) - 1)
        text += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    return text


def test_alias_bomb_is_refused_before_it_grows() -> None:
    started = time.process_time()
    with pytest.raises(YamlProblem, match="aliasene") as caught:
        read_yaml(_alias_bomb())
    assert caught.value.line is not None and caught.value.line <= 9
    assert time.process_time() - started < 5  # generous: it stops after ~10 000 values


def test_honest_aliases_are_fine() -> None:
    assert read_yaml("a: &r [x, y]\nb: *r\nc: *r\n").data == {
        "a": ["x", "y"], "b": ["x", "y"], "c": ["x", "y"]
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "".join(f"{' ' * i}k:\n" for i in range(5000)),
        "v: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "v: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n",
    ],
    ids=["block-mappings", "flow-lists", "flow-mappings"],
)
def test_deep_nesting_is_an_error_not_a_recursion_error(text: str) -> None:
    with pytest.raises(YamlProblem, match="nestet dypere"):
        read_yaml(text)


def test_nesting_up_to_the_limit_reads() -> None:
    depth = MAX_DEPTH - 1
    data = read_yaml("v: " + "[" * depth + "]" * depth + "\n").data
    assert isinstance(data, dict)
