"""All errors of a file in one round: field errors and, on what did parse, reference errors.

The reference checks need a model, and a model needs every field right, so a clerk used to
fix the field errors only to be shown a second list (unknown delmål …) afterwards – though
the guide says all errors are shown at once. Here the values pydantic refused are left out
(the field, or else the list item holding it), the rest is validated again, and the
reference errors of that partial model are added; references to a left-out item are not
reported (its id may be right once its fields are fixed).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError

from ..errors import PathPart, Problem
from ..model import Initiative
from .messages import code_of, translate

ModelPath = tuple[PathPart, ...]
Locate = Callable[[ModelPath], str]

_REFERENCE = re.compile(r"(?:ukjent [\wæøå-]+|nevner part) «([^»]*)»")
_ROUNDS = 3


def field_problems(exc: ValidationError, locate: Locate) -> list[Problem]:
    """pydantic's errors as located Norwegian Problems."""
    problems = []
    for error in exc.errors(include_url=False):
        path = tuple(error["loc"])
        problems.append(
            Problem("error", translate(error, Initiative), path, locate(path), code_of(error))
        )
    return problems


class _Pruned:
    """A copy of the data with paths left out, remembering original list indices."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = copy.deepcopy(data)
        self.index: dict[ModelPath, list[int]] = {}
        """Current path of a list → original index of each remaining item."""
        self.ids: set[str] = set()

    def original(self, path: ModelPath) -> ModelPath:
        """A path in the pruned data → the same place in the file's data."""
        out: list[PathPart] = []
        current: list[PathPart] = []
        for part in path:
            if isinstance(part, int):
                mapping = self.index.get(tuple(current))
                out.append(mapping[part] if mapping and part < len(mapping) else part)
            else:
                out.append(part)
            current.append(part)
        return tuple(out)

    def remove(self, paths: Iterable[ModelPath]) -> bool:
        """Leave every path out; False when one cannot be found (nothing left to try)."""
        removed = False
        by_list: dict[ModelPath, set[int]] = {}
        for path in paths:
            if not path:
                return False
            parent = self._at(path[:-1])
            last = path[-1]
            if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
                by_list.setdefault(path[:-1], set()).add(last)
            elif isinstance(parent, dict) and last in parent:
                if last == "id" and isinstance(parent[last], str):
                    self.ids.add(parent[last])
                del parent[last]
                removed = True
        for list_path in sorted(by_list, key=len, reverse=True):
            items = self._at(list_path)
            assert isinstance(items, list)
            mapping = self.index.get(list_path, list(range(len(items))))
            keep = [i for i in range(len(items)) if i not in by_list[list_path]]
            for i in by_list[list_path]:
                item = items[i]
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    self.ids.add(item["id"])
                elif isinstance(item, str):
                    self.ids.add(item)
            items[:] = [items[i] for i in keep]
            self.index[list_path] = [mapping[i] for i in keep]
            # nested lists of later items moved: their recorded paths no longer hold
            self.index = {
                p: m
                for p, m in self.index.items()
                if not (len(p) > len(list_path) and p[: len(list_path)] == list_path)
            }
            removed = True
        return removed

    def _at(self, path: ModelPath) -> Any:
        node: Any = self.data
        for part in path:
            in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
            in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
            if not (in_dict or in_list):
                return None
            node = node[part]
        return node


def _enclosing_item(path: ModelPath) -> ModelPath:
    """The list item holding ``path`` (the path itself when it is in no list)."""
    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], int):
            return path[:end]
    return path


def reference_problems_despite(
    data: dict[str, Any], exc: ValidationError, locate: Locate
) -> list[Problem]:
    """Reference errors of the data with the refused values left out ([] if it never
    validates)."""
    from ..checks.references import reference_problems

    pruned = _Pruned(data)
    errors = exc.errors(include_url=False)
    for round_ in range(_ROUNDS):
        paths = [tuple(e["loc"]) for e in errors]
        if round_ > 0:
            paths = [_enclosing_item(p) for p in paths]
        if not pruned.remove(paths):
            return []
        try:
            model = Initiative.model_validate(pruned.data)
        except ValidationError as again:
            errors = again.errors(include_url=False)
            continue
        except (RecursionError, MemoryError):
            return []
        found = []
        for problem in reference_problems(model):
            match = _REFERENCE.search(problem.message)
            if match and match.group(1) in pruned.ids:
                continue
            path = pruned.original(problem.path)
            found.append(
                Problem(problem.severity, problem.message, path, locate(path), problem.code)
            )
        return found
    return []


__all__ = ["field_problems", "reference_problems_despite"]
