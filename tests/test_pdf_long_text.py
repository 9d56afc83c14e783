"""Any text length renders in the PDF: cells taller than a page, 2 000 characters in every
field, a 30 000-letter word; lines break with hyphens, never inside a word without one."""

from __future__ import annotations

import copy
import io
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_FILES, ROOT
from pydantic import ValidationError
from pypdf import PdfReader

import omradedok
from omradedok.model import Initiative
from omradedok.render.pdf_fonts import chain_of, default_fonts
from omradedok.render.pdf_text import split_lines

PDF_KINDS = ["handlingsplan-pdf", "aktivitetsplan-pdf"]
FILL = (
    "Lang tekst som prøver tabellceller og avsnitt over flere sider, med beløpet "
    "60\u00a0000\u00a0kr og kommunedirektørens spørreundersøkelse. "
)


def _pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _build(model: Initiative, folder: Path) -> dict[str, bytes]:
    result = omradedok.build(model, folder, only=PDF_KINDS)
    return {p.name: p.read_bytes() for p in result.paths}


def _with_activity(model: Initiative, index: int, **update: Any) -> Initiative:
    activities = list(model.activities)
    activities[index] = activities[index].model_copy(update=update)
    return model.model_copy(update={"activities": activities})


def test_a_100000_character_description_splits_across_pages(
    large_model: Initiative, tmp_path: Path
) -> None:
    activity = large_model.activities[0]
    description = (FILL * (100_000 // len(FILL) + 1))[:100_000]
    model = _with_activity(large_model, 0, description=description)
    files = _build(model, tmp_path)
    plan = files[f"aktivitetsplan-{activity.year}.pdf"]
    pages = _pages_text(plan)
    flat = _flat(" ".join(pages)).replace("\u00a0", " ")
    # every sentence is there: each amount whole (never split at its no-break spaces)
    # the plan's tables print their amounts with «kr» («160 000 kr»): those come on top
    from omradedok.documents.aktivitetsplan import activity_plan, plan_view
    from omradedok.view import Table, iter_blocks

    view = plan_view(activity_plan(model, activity.years[0], model.municipality.language))
    cells = [
        c.text
        for t in iter_blocks(view.body)
        if isinstance(t, Table)
        for r in t.rows
        for c in r.cells
        if description not in c.text
    ]
    in_tables = sum(c.replace("\u00a0", " ").count("60 000 kr") for c in cells)
    assert flat.count("60 000 kr") == description.count("60\u00a0000\u00a0kr") + in_tables
    assert not re.search(r"60\s*\n\s*000", "\n".join(pages))
    continued = [i for i, text in enumerate(pages) if "(forts.)" in text]
    assert len(continued) >= 20, "the row continues on many pages, marked «(forts.)»"
    for i in continued:
        assert f"{activity.id} (forts.)" in _flat(pages[i])
        # the header row is repeated above the continued row
        assert "Tiltak/aktivitet" in pages[i]


def _strings(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))
    elif isinstance(value, str):
        yield path


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def _put(data: Any, path: tuple[Any, ...], value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


def _every_text_field_long(model: Initiative, length: int) -> tuple[Initiative, int]:
    """The model with every free-text string at ``length`` characters (fields that must keep
    their form – ids, dates, colours, codes – are found by validation and left as they were)."""
    original = model.model_dump(mode="json")
    data = copy.deepcopy(original)
    paths = list(_strings(original))
    for path in paths:
        value = _get(original, path)
        _put(data, path, (value + " " + FILL * (length // len(FILL) + 1))[:length])
    for _ in range(20):
        try:
            long_model = Initiative.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(error["loc"])
                for path in paths:
                    if path[: len(loc)] == loc or loc[: len(path)] == path:
                        _put(data, path, _get(original, path))
            continue
        report = omradedok.validate(long_model)
        if not report.errors:
            changed = sum(_get(data, p) != _get(original, p) for p in paths)
            return long_model, changed
        raise AssertionError(report.errors)
    raise AssertionError("no valid long-text model")


def test_2000_characters_in_every_field_build(large_model: Initiative, tmp_path: Path) -> None:
    model, changed = _every_text_field_long(large_model, 2000)
    assert changed > 300, changed
    files = _build(model, tmp_path)
    assert set(files) >= {"handlingsplan.pdf"}
    for name, data in files.items():
        pages = _pages_text(data)
        assert len(pages) > 20, name
        assert "spørreundersøkelse" in re.sub(r"(\w)-\s+(\w)", r"\1\2", " ".join(pages))


def test_a_30000_letter_word_builds_and_is_all_there(
    large_model: Initiative, tmp_path: Path
) -> None:
    activity = large_model.activities[1]
    word = "x" * 30_000
    model = _with_activity(large_model, 1, title=word, result_target="y" * 30_000)
    files = _build(model, tmp_path)
    text = "".join(_pages_text(files[f"aktivitetsplan-{activity.year}.pdf"]))
    assert text.count("x") >= 30_000
    assert text.count("y") >= 30_000


def test_long_words_break_in_pieces_that_fit_with_a_hyphen() -> None:
    fonts = default_fonts()
    lines = split_lines("a" * 5000, fonts.regular, 8, 60)
    assert "".join(line.rstrip("-") for line in lines) == "a" * 5000
    assert all(line.endswith("-") for line in lines[:-1])
    address = "https://fjordvik.kommune.no/nordbyen/aktiviteter/sprakkafe"
    lines = split_lines(address, fonts.regular, 8, 60)
    assert "".join(lines) == address, "an address breaks after / or . without a hyphen"
    assert all(line[-1] in "/._" for line in lines[:-1])


def test_hyphenation_and_no_break_spaces() -> None:
    fonts = default_fonts()
    sentence = "Spørreundersøkelse om kommunedirektørens budsjett"
    lines = split_lines(sentence, fonts.regular, 8, 55)
    assert lines == ["Spørreunder-", "søkelse om", "kommunedi-", "rektørens", "budsjett"]
    amount = "Totalt 60\u00a0000\u00a0kr i år"
    whole = default_chain_width("60\u00a0000\u00a0kr")
    for width in range(int(whole) + 1, 120, 5):
        for line in split_lines(amount, fonts.regular, 8, width):
            assert line.count("\u00a0") in (0, 2), line
    # a column narrower than the amount: it breaks at its spaces, never between digits
    assert split_lines(amount, fonts.regular, 8, whole - 1)[1:3] == ["60\u00a0000\u00a0", "kr i år"]


def default_chain_width(text: str, size: float = 8) -> float:
    return chain_of(default_fonts().regular).width(text, size)


def _vocabulary() -> set[str]:
    """Words as written whole: in the examples and in the document code's own labels."""
    sources = [*EXAMPLE_FILES, *sorted((ROOT / "omradedok" / "documents").glob("*.py"))]
    sources += sorted((ROOT / "omradedok" / "locale").glob("*.yaml"))
    words: set[str] = set()
    for path in sources:
        words |= {w.lower() for w in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8"))}
    return words


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def test_no_word_is_broken_without_a_hyphen(example: Path, tmp_path: Path) -> None:
    vocabulary = _vocabulary()
    files = _build(omradedok.load(example), tmp_path)
    broken: list[str] = []
    for name, data in files.items():
        for page in _pages_text(data):
            lines = page.split("\n")
            for upper, lower in itertools.pairwise(lines):
                tail = re.search(r"([^\W\d_]+)$", upper)
                head = re.match(r"\s*([^\W\d_]+)", lower)
                if tail is None or head is None:
                    continue
                a, b = tail.group(1).lower(), head.group(1).lower()
                if (a + b) in vocabulary and (a not in vocabulary or b not in vocabulary):
                    broken.append(f"{name}: {upper[-25:]!r} | {lower[:25]!r}")
    assert not broken, "\n".join(broken[:20])
