"""Unknown is a state: an input stripped of every optional field (found by walking the JSON
Schema) builds a full document set in which no status, version, evaluator, frequency,
notice period or amount appears that the stripped input does not contain."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_FILES
from document_text import folder_texts

import omradedok
from omradedok.io.textfile import parse_text
from omradedok.model import Initiative
from omradedok.schema import json_schema

KEEP_FOR_VALIDITY = {"year", "start", "end"}
"""An activity needs a place in time (a model rule, not a schema one), and a yearly budget
split needs its years: these are kept where the input has them."""


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _object_schema(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any] | None:
    schema = _resolve(schema, root)
    if schema.get("type") == "object" or "properties" in schema:
        return schema
    for branch in schema.get("anyOf", []):
        found = _object_schema(branch, root)
        if found is not None:
            return found
    return None


def _array_items(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any] | None:
    schema = _resolve(schema, root)
    if schema.get("type") == "array":
        items: dict[str, Any] = schema.get("items", {})
        return items
    for branch in schema.get("anyOf", []):
        found = _array_items(branch, root)
        if found is not None:
            return found
    return None


def strip_optional(value: Any, schema: dict[str, Any], root: dict[str, Any]) -> Any:
    """Drop every optional scalar field; keep containers (their items lose theirs)."""
    if isinstance(value, list):
        items = _array_items(schema, root) or {}
        return [strip_optional(v, items, root) for v in value]
    if not isinstance(value, dict):
        return value
    obj = _object_schema(schema, root)
    if obj is None or "properties" not in obj:
        return value
    required = set(obj.get("required", []))
    out: dict[str, Any] = {}
    for key, item in value.items():
        prop = obj["properties"].get(key, {})
        container = isinstance(item, dict | list)
        if key in required or container or key in KEEP_FOR_VALIDITY:
            out[key] = strip_optional(item, prop, root)
    return out


def _stripped(path: Path) -> dict[str, Any]:
    data = parse_text(path).data
    root = json_schema()
    stripped: dict[str, Any] = strip_optional(data, root, root)
    stripped["schema_version"] = 2
    return stripped


def _strings(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {s for v in value.values() for s in _strings(v)}
    if isinstance(value, list):
        return {s for v in value for s in _strings(v)}
    return {str(value)}


STATUS_WORDS = ("Planlagt", "Planlagd", "Pågår", "Fullført", "Utsatt", "Utsett", "Avlyst")
FREQUENCY = re.compile(
    r"\b(Årlig|Årleg|Månedlig|Månadleg|Kvartalsvis|Halvårlig|Halvårleg|Annethvert år|"
    r"Kvart andre år)\b(?! aktivitetsplan)"
)
EVALUATOR = re.compile(r"internt i kommunen|\b(Intern|Ekstern) evaluator|anbudskonkurranse")
NOTICE = re.compile(r"måneders varsel|månads varsel|måneds varsel|månaders varsel|utan oppseiingsfrist|uten oppsigelsesfrist")
AMOUNT = re.compile(r"\d[\d\u00a0 ]*(?:,\d+)?[\u00a0 ](?:kr\b|mill\.)")
VERSION = re.compile(r"\b[Vv]ersjon[\u00a0 ]+(\d[\w.]*\w|\d)")


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").casefold().split())


def _given(found: str, given: set[str]) -> bool:
    """Whether a phrase the documents print is in the input's own text (a title, a list
    item) – then the input said it, and the document only repeats it."""
    wanted = _plain(found)
    return any(wanted in _plain(s) for s in given)


def _around(text: str, match: re.Match[str]) -> str:
    return text[max(0, match.start() - 80) : match.end() + 20]


@pytest.fixture(scope="module", params=EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
def stripped_build(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], dict[str, str]]:
    data = _stripped(request.param)
    model = Initiative.model_validate(data)
    out = tmp_path_factory.mktemp(request.param.stem)
    omradedok.build(model, out)
    return data, folder_texts(out)


def test_the_stripped_input_still_builds_every_kind(
    stripped_build: tuple[dict[str, Any], dict[str, str]],
) -> None:
    _, texts = stripped_build
    assert any(name.endswith(".docx") for name in texts)
    assert any(name.endswith(".pdf") for name in texts)
    assert "handlingsplan.docx" in texts and "handlingsplan.pdf" in texts


def test_no_status_frequency_evaluator_or_notice_is_invented(
    stripped_build: tuple[dict[str, Any], dict[str, str]],
) -> None:
    data, texts = stripped_build
    given = _strings(data)
    for name, text in texts.items():
        for word in STATUS_WORDS:
            assert word not in text or _given(word, given), (name, word)
        for match in FREQUENCY.finditer(text):
            assert any(match.group(0) in s for s in given), (name, _around(text, match))
        for pattern in (EVALUATOR, NOTICE):
            for match in pattern.finditer(text):
                assert _given(match.group(0), given), (name, _around(text, match))


def test_no_amount_or_version_is_invented(
    stripped_build: tuple[dict[str, Any], dict[str, str]],
) -> None:
    data, texts = stripped_build
    given = _strings(data)
    for name, text in texts.items():
        for match in AMOUNT.finditer(text):
            assert _given(match.group(0), given), (name, _around(text, match))
        for match in VERSION.finditer(text):
            assert match.group(1) in given, (name, match.group(0))


def test_unknown_cells_carry_one_neutral_label(
    stripped_build: tuple[dict[str, Any], dict[str, str]],
) -> None:
    data, texts = stripped_build
    language = data["municipality"].get("language", "nb")
    label = "ikkje fastsett" if language == "nn" else "ikke fastsatt"
    plan = texts["handlingsplan.docx"]
    assert label in plan.casefold()
