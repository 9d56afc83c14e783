"""Compiled template code on disk: reused by the next process, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from omradedok.render import jinja_cache
from omradedok.render.docx import _environment

SOURCE = "<w:t>{{ name }} – {{ amount | money }}</w:t>"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OMRADEDOK_CACHE_DIR", str(tmp_path))
    return tmp_path


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.jinja-code"))


def test_second_load_uses_the_stored_code(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = _environment()
    first = jinja_cache.template(env, SOURCE)
    assert len(_files(cache)) == 1

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again although the code was on disk")

    fresh = _environment()  # as in a new process
    monkeypatch.setattr(fresh, "compile", no_compiling)
    second = jinja_cache.template(fresh, SOURCE)
    context = {"name": "Bydel & <nord>", "amount": 1250000}
    assert second.render(context) == first.render(context)
    assert "&amp;" in second.render(context)  # the sandbox env's autoescape still applies


def test_other_options_or_source_get_their_own_entry(cache: Path) -> None:
    jinja_cache.template(_environment(), SOURCE)
    jinja_cache.template(_environment(), SOURCE + " ")
    plain = jinja2.Environment(autoescape=False)
    plain.filters["money"] = str
    jinja_cache.template(plain, SOURCE)
    assert len(_files(cache)) == 3


def test_a_damaged_file_is_compiled_again(cache: Path) -> None:
    env = _environment()
    jinja_cache.template(env, SOURCE)
    (stored,) = _files(cache)
    stored.write_bytes(b"not marshal data")
    again = jinja_cache.template(_environment(), SOURCE)
    assert again.render(name="x", amount=1).startswith("<w:t>x")
    assert stored.read_bytes() != b"not marshal data"


def test_off_and_unwritable_folders_only_cost_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OMRADEDOK_CACHE_DIR", "off")
    assert jinja_cache.cache_dir() is None
    assert jinja_cache.template(_environment(), SOURCE).render(name="a", amount=2)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("OMRADEDOK_CACHE_DIR", str(blocked))
    assert jinja_cache.template(_environment(), SOURCE).render(name="a", amount=2)


def test_syntax_errors_still_raise(cache: Path) -> None:
    with pytest.raises(jinja2.TemplateSyntaxError):
        jinja_cache.template(_environment(), "{% if x %}no end")
    assert _files(cache) == []
