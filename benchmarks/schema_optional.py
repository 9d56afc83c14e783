"""How many fields of the input format became optional, and which defaults were dropped:
walks the version-1 JSON Schema (tests/data/v1) and today's, definition by definition.

    python benchmarks/schema_optional.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "tests" / "data" / "v1" / "initiative-1.schema.json"
NEW = ROOT / "schemas" / "initiative.schema.json"


def fields(schema: dict[str, Any]) -> dict[tuple[str, str], tuple[bool, Any]]:
    """(definition, property) → (required, default)."""
    out: dict[tuple[str, str], tuple[bool, Any]] = {}
    defs = {"Initiative": schema, **schema.get("$defs", {})}
    for name, spec in defs.items():
        required = set(spec.get("required", []))
        for prop, body in spec.get("properties", {}).items():
            out[(name, prop)] = (prop in required, body.get("default", "<none>"))
    return out


def main() -> None:
    old, new = fields(json.loads(OLD.read_text())), fields(json.loads(NEW.read_text()))
    became_optional = sorted(k for k in old if k in new and old[k][0] and not new[k][0])
    default_dropped = sorted(
        k
        for k in old
        if k in new
        and not old[k][0]
        and old[k][1] not in ("<none>", None, [], "", {})
        and new[k][1] in ("<none>", None)
    )
    added = sorted(k for k in new if k not in old)
    print(f"fields in v1: {len(old)}, in v2: {len(new)} ({len(added)} new)")
    print(f"optional in v1: {sum(1 for r, _ in old.values() if not r)}, "
          f"in v2: {sum(1 for r, _ in new.values() if not r)}")
    print(f"required in v1, optional in v2: {len(became_optional)}")
    for name, prop in became_optional:
        print(f"  {name}.{prop}")
    print(f"default dropped (now unknown when left out): {len(default_dropped)}")
    for name, prop in default_dropped:
        print(f"  {name}.{prop} (v1 default {old[(name, prop)][1]!r})")
    required_now = sorted(k for k in new if new[k][0] and k in old and not old[k][0])
    print(f"optional in v1, required in v2: {len(required_now)}")
    for name, prop in required_now:
        print(f"  {name}.{prop}")


if __name__ == "__main__":
    main()
