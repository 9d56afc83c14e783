"""The fast libyaml reader must read exactly what the ruamel (line-number) reader reads."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES
from hypothesis import given, settings
from hypothesis import strategies as st

from omradedok.io.fastyaml import fast_load
from omradedok.io.textfile import _plain, _yaml

SCALARS = [
    "yes",
    "no",
    "on",
    "off",
    "NO",
    "Yes",
    "y",
    "n",
    "010",
    "0o17",
    "0x1F",
    "0b101",
    "1e3",
    "1.10",
    "1:20",
    "20:30:00",
    ".inf",
    "-.inf",
    ".NaN",
    "~",
    "null",
    "Null",
    "NULL",
    "True",
    "FALSE",
    "2026-11-26",
    "2026-Q2",
    "+12",
    "-0",
    "12_000",
    "1_0",
    "1.",
    "3.",
    ".5",
    "0.5e-3",
    "1 250 000",
    "kr 100",
    "'quoted'",
    '"dq"',
    "#1F4E79",
    "2026-11-26 10:00:00",
]


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_resolve_as_ruamel_does(scalar: str) -> None:
    doc = f"v: {scalar}\n"
    fast = _plain(fast_load(doc))["v"]
    slow = _plain(_yaml().load(doc))["v"]
    assert _same(fast, slow), (scalar, fast, slow)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_examples_read_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _plain(fast_load(text)) == _plain(_yaml().load(text))


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", blacklist_categories=("Cs", "Cc")), max_size=12)
)
def test_plain_scalars_read_the_same(value: str) -> None:
    doc = f"v: {value}\n"
    try:
        slow = _plain(_yaml().load(doc))
    except Exception:
        return  # not valid YAML as a plain scalar: the slow path reports it
    try:
        fast = _plain(fast_load(doc))
    except Exception:
        return  # the loader falls back to the slow path for anything libyaml refuses
    assert _same(fast, slow) if not isinstance(fast, dict) else fast.keys() == slow.keys()
    if isinstance(fast, dict) and "v" in fast:
        assert _same(fast["v"], slow["v"]), (value, fast, slow)


def test_merge_keys_merge_as_in_ruamel() -> None:
    doc = "a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n"
    assert fast_load(doc) == _plain(_yaml().load(doc)) == {"a": {"b": 1}, "c": {"b": 1, "d": 2}}


def test_duplicate_keys_fall_back_to_the_explaining_parser() -> None:
    with pytest.raises(Exception, match="duplicate key"):
        fast_load("a: 1\na: 2\n")
