"""JSON Schema of the input format, generated from the models (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .io.writer import Written, write_atomic
from .model import Initiative

SCHEMA_FILENAME = "initiative.schema.json"
SCHEMA_ID = "https://omradedok.no/schemas/initiative-1.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for an input file, with titles and descriptions."""
    schema = Initiative.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "Områdesatsing (omradedok input, schema version 1)",
        "description": (
            "One Norwegian area-based initiative (områdesatsing): municipality, area, period, "
            "goals, programme, organisation, activities, budget, agreements, communication, "
            "evaluation and the council case."
        ),
    }


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schema(out_dir: str | Path) -> Written:
    return write_atomic(Path(out_dir) / SCHEMA_FILENAME, schema_text().encode("utf-8"))
