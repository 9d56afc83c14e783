"""Version 1 → version 2 of the input format, in memory (load) or to a file (``migrate``).

Version 2 is a superset of version 1 in shape; what changed is the meaning of left-out
fields. Version 1 filled them with defaults that printed like decisions (activity status
«Planlagt», «versjon 0.1», three months' notice, an internal evaluator, a yearly frequency,
source type «Rapport», «0 kr» for a budget nobody gave). Version 2 leaves them unknown.
The migration therefore changes little data and says, field by field, what now prints
differently, so a clerk can add the facts the old file never stated.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import PathPart, Problem

V1_MARKERS = ("1", 1)


@dataclass(frozen=True)
class Change:
    """One thing the migration changed, or one default of version 1 that no longer applies."""

    path: tuple[PathPart, ...]
    message: str

    def as_warning(self) -> Problem:
        return Problem("warning", self.message, self.path, code="W-MIGR-001")


def is_v1(data: dict[str, Any]) -> bool:
    """A file without ``schema_version`` was written for version 1 (it had a default)."""
    return data.get("schema_version", "1") in V1_MARKERS


def migrate_v1(data: dict[str, Any]) -> tuple[dict[str, Any], list[Change]]:
    """A version-2 copy of version-1 data, and what changed (the input is not modified)."""
    out = copy.deepcopy(data)
    changes = [
        Change(
            ("schema_version",),
            "filen er skrevet for versjon 1 av formatet og er lest som versjon 2; "
            "«omradedok migrate» skriver den om",
        )
    ]
    out["schema_version"] = 2
    changes += list(_document(out))
    changes += list(_activities(out))
    changes += list(_indicators(out))
    changes += list(_evaluation(out))
    changes += list(_agreements(out))
    changes += list(_sources(out))
    return out, changes


def _mapping(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def _items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def _document(data: dict[str, Any]) -> Iterator[Change]:
    doc = _mapping(data.get("document"))
    if doc is None:
        return
    if "status" not in doc:
        doc["status"] = "draft"
        yield Change(
            ("document", "status"),
            "status var ikke oppgitt; versjon 1 gjorde dokumentene til «utkast», og det er nå "
            "skrevet inn – rett det hvis planen har en annen status",
        )
    if "version" not in doc:
        yield Change(
            ("document", "version"),
            "versjon var ikke oppgitt; versjon 1 skrev «0.1», nå står ingen versjon i dokumentene",
        )


def _activities(data: dict[str, Any]) -> Iterator[Change]:
    for i, act in _items(data.get("activities")):
        if "status" not in act:
            yield Change(
                ("activities", i, "status"),
                f"aktivitet «{act.get('id', i)}» har ingen status; versjon 1 skrev «Planlagt», "
                "nå står «ikke fastsatt»",
            )
        budget = _mapping(act.get("budget"))
        if not budget or not any(budget.get(k) is not None for k in _SOURCES):
            yield Change(
                ("activities", i, "budget"),
                f"aktivitet «{act.get('id', i)}» har ikke noe budsjett; versjon 1 skrev «0 kr», "
                "nå står «ikke fastsatt»",
            )


_SOURCES = ("municipal", "state", "other", "carried_over")


def _indicator_lists(data: dict[str, Any]) -> Iterator[tuple[tuple[PathPart, ...], dict[str, Any]]]:
    goals = _mapping(data.get("goals")) or {}
    for m, main in _items(goals.get("main_goals")):
        base: tuple[PathPart, ...] = ("goals", "main_goals", m)
        for n, ind in _items(main.get("indicators")):
            yield (*base, "indicators", n), ind
        for s, sub in _items(main.get("sub_goals")):
            sub_path = (*base, "sub_goals", s)
            for n, ind in _items(sub.get("indicators")):
                yield (*sub_path, "indicators", n), ind
            for r, res in _items(sub.get("result_goals")):
                for n, ind in _items(res.get("indicators")):
                    yield (*sub_path, "result_goals", r, "indicators", n), ind


def _indicators(data: dict[str, Any]) -> Iterator[Change]:
    for path, ind in _indicator_lists(data):
        if "frequency" not in ind:
            yield Change(
                (*path, "frequency"),
                f"indikator «{ind.get('id', '')}» har ingen frekvens; versjon 1 skrev «Årlig», "
                "nå står «ikke fastsatt»",
            )


def _evaluation(data: dict[str, Any]) -> Iterator[Change]:
    evaluation = _mapping(data.get("evaluation"))
    if evaluation is not None and "evaluator_kind" not in evaluation:
        yield Change(
            ("evaluation", "evaluator_kind"),
            "evaluator_kind var ikke oppgitt; versjon 1 skrev «Evalueringen gjøres internt i "
            "kommunen», nå står evaluatoren som «ikke fastsatt»",
        )


def _agreements(data: dict[str, Any]) -> Iterator[Change]:
    for i, agreement in _items(data.get("agreements")):
        if "notice_months" not in agreement:
            yield Change(
                ("agreements", i, "notice_months"),
                f"avtalen «{agreement.get('id', i)}» har ingen oppsigelsesfrist; versjon 1 skrev "
                "tre måneder, nå står «ikke fastsatt i avtalen»",
            )
        for clause in ("amendments", "breach", "disputes"):
            if not agreement.get(clause):
                yield Change(
                    ("agreements", i, clause),
                    f"avtalen «{agreement.get('id', i)}» har ingen tekst i {clause}; versjon 1 "
                    "satte inn en standardtekst, nå står «ikke fastsatt i avtalen»",
                )


def _sources(data: dict[str, Any]) -> Iterator[Change]:
    kb = _mapping(data.get("knowledge_base")) or {}
    for i, source in _items(kb.get("sources")):
        if "kind" not in source:
            yield Change(
                ("knowledge_base", "sources", i, "kind"),
                f"kilden «{source.get('id', i)}» har ingen type; versjon 1 skrev «Rapport», nå "
                "står ingen type",
            )
