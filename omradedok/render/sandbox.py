"""Jinja's sandbox with bounds: a template cannot take the machine's time or memory.

:class:`jinja2.sandbox.SandboxedEnvironment` keeps a template away from Python's internals, but
not from its resources: ``{{ '*' * 10**9 }}`` asks for gigabytes, ``{{ 7**(7**10) }}`` or two
nested ``range(100000)`` loops run for hours, a macro calling itself ends in a RecursionError.
A municipality's template is not trusted code, so :class:`BoundedEnvironment` charges every
render to a budget (:class:`TemplateLimits`):

* operators that grow values are checked *before* they run: ``*`` and ``+`` on text and lists
  (result size), ``**`` and ``*`` on integers (result bits), ``%`` formatting (field widths);
  so are the text methods and filters that can grow text (``center``, ``replace``, ``join``,
  ``indent``, ``format`` …) – the result of every call and filter is checked afterwards too;
* lists, tuples and dicts a template writes are measured (a list holding itself twice, forty
  times over, is a terabyte once printed);
* every loop iteration and call is a step (a step budget per render), ``range`` is bounded,
  macros nest at most ``max_depth`` deep, and the text a render writes is counted;
* ``include``, ``import`` and ``extends`` are refused when the template is compiled (a template
  reads only the document's data, never a file), and ``lipsum`` and ``random`` are gone.

When a bound is reached the render stops with :class:`TemplateLimitExceeded`, which the DOCX
renderer turns into a located :class:`~omradedok.errors.TemplateError` (file, part, line, tag).
The budget is per render (a context variable), so threads and nested renders (a fragment
rendered inside a document) share nothing but the limits.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
import re
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeGuard

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

__all__ = ["BoundedEnvironment", "TagRefused", "TemplateLimitExceeded", "TemplateLimits"]


@dataclass(frozen=True)
class TemplateLimits:
    """The bounds of one render (documented in the README, «Grenser for maler»)."""

    max_text: int = 1_000_000
    """Characters in one text a template makes (and in a list or dict it makes, measured)."""
    max_items: int = 100_000
    """Items in one list a template makes; also the largest ``range``."""
    max_int_bits: int = 10_000
    """Bits of an integer a template computes (about 3 000 digits)."""
    max_steps: int = 1_000_000
    """Loop iterations, calls and filters in one render."""
    max_output: int = 20_000_000
    """Characters one render writes (all parts of a document, fragments included)."""
    max_depth: int = 50
    """Macros (and recursive loops) inside each other."""


class TemplateLimitExceeded(Exception):
    """A template went past a bound of :class:`TemplateLimits` (the message says which)."""


class _Budget:
    """What one render has spent."""

    __slots__ = ("depth", "limits", "output", "steps")

    def __init__(self, limits: TemplateLimits) -> None:
        self.limits = limits
        self.steps = 0
        self.output = 0
        self.depth = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > self.limits.max_steps:
            raise TemplateLimitExceeded(
                f"malen gjør mer enn {_n(self.limits.max_steps)} steg (løkker og kall) i ett "
                "dokument – trolig løkker inne i løkker eller en makro som kaller seg selv"
            )

    def write(self, count: int) -> None:
        self.output += count
        if self.output > self.limits.max_output:
            raise TemplateLimitExceeded(
                f"malen skriver mer enn {_n(self.limits.max_output)} tegn i ett dokument"
            )


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "omradedok_template_budget", default=None
)


def _n(value: int) -> str:
    """12 345 678 (thin grouping, as the messages are read by clerks)."""
    return f"{value:,}".replace(",", " ")


# ------------------------------------------------------------------------ measuring values

_NUMBER = (int, float, complex)


def _children(item: Any) -> list[Any] | None:
    if isinstance(item, list | tuple | set | frozenset):
        return list(item)
    if isinstance(item, dict):
        return [*item.keys(), *item.values()]
    if isinstance(item, Namespace):
        return [object.__getattribute__(item, "_Namespace__attrs")]
    return None


def _leaf(item: Any) -> int:
    if isinstance(item, str | bytes | bytearray):
        return len(item) + 1
    if isinstance(item, int) and not isinstance(item, bool):
        return max(item.bit_length() // 3, 1) + 1
    return 8


def _measure(value: Any, limit: int) -> int:
    """Roughly how many characters ``value`` prints as – stops counting past ``limit``.

    A list that holds the same list many times counts it each time (that is what printing
    costs), but is walked once (a list of itself twice, forty times over, is measured in
    forty steps). Objects that are not plain containers count as one short word.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, list[Any] | None]] = [(value, None)]
    out: list[int] = []
    while stack:
        item, children = stack.pop()
        if children is None:
            found = sizes.get(id(item))
            if found is not None:
                out.append(found)
                continue
            kids = _children(item)
            if kids is None:
                out.append(_leaf(item))
                continue
            stack.append((item, kids))
            stack.extend((kid, None) for kid in kids)
            continue
        total = 2
        if children:
            total += sum(out[-len(children) :])
            del out[-len(children) :]
        sizes[id(item)] = total
        out.append(total)
        if total > limit:
            return total
    return out[-1]


def _size(value: Any, limit: int) -> int:
    if isinstance(value, str):
        return len(value)
    return _measure(value, limit)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


# --------------------------------------------------------------------- the code generator


class TagRefused(jinja2.TemplateSyntaxError):
    """``include``, ``import`` or ``extends`` in a template (refused when it is compiled)."""


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with the hooks the budget needs (and no file access)."""

    def _refuse(self, tag: str, node: nodes.Node) -> None:
        raise TagRefused(
            f"«{{% {tag} %}}» er ikke tillatt i kommunens maler: en mal kan bare bruke "
            "dokumentets data, ikke hente andre filer",
            node.lineno,
            self.name,
            self.filename,
        )

    def visit_Extends(self, node: nodes.Extends, frame: Frame) -> None:
        self._refuse("extends", node)

    def visit_Include(self, node: nodes.Include, frame: Frame) -> None:
        self._refuse("include", node)

    def visit_Import(self, node: nodes.Import, frame: Frame) -> None:
        self._refuse("import", node)

    def visit_FromImport(self, node: nodes.FromImport, frame: Frame) -> None:
        self._refuse("from … import", node)

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        bounded = nodes.For(
            node.target,
            # environment.bounded_iter(<iter>): the iterable, charged per item
            nodes.Call(
                nodes.EnvironmentAttribute("bounded_iter", lineno=node.iter.lineno),
                [node.iter],
                [],
                None,
                None,
                lineno=node.iter.lineno,
            ),
            node.body,
            node.else_,
            node.test,
            node.recursive,
            lineno=node.lineno,
        )
        bounded.set_environment(self.environment)
        super().visit_For(bounded, frame)

    def visit_Output(self, node: nodes.Output, frame: Frame) -> None:
        static = sum(
            len(child.data) for child in node.nodes if isinstance(child, nodes.TemplateData)
        )
        if static:
            self.writeline(f"environment.spend_output({static})")
        super().visit_Output(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_value(")
        super().visit_Concat(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.bounded_value(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.bounded_value(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # an assignment target: {% for a, b in … %}
            super().visit_Tuple(node, frame)
            return
        self.write("environment.bounded_value(")
        super().visit_Tuple(node, frame)
        self.write(")")


class _RefusingLoader(jinja2.BaseLoader):
    """No template is ever loaded by name (the compiler refuses the tags before this)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        raise jinja2.TemplateNotFound(
            template, f"maler kan ikke hente andre filer («{template}» er ikke tillatt)"
        )


# ------------------------------------------------------------------------ the environment

_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_SPEC_NUMBER = re.compile(r"\d+")
_GROWING_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
_REFUSED_METHODS = frozenset({"translate", "maketrans", "to_bytes"})
_FREE_INT_FILTERS = frozenset({"default", "d", "sum", "max", "min", "abs", "round", "int", "float"})
"""Filters whose integer arguments are values, not sizes."""
_REMOVED_GLOBALS = ("lipsum",)
_REMOVED_FILTERS = ("random",)  # a document's bytes depend only on its input


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """An immutable sandbox whose renders are bounded by :class:`TemplateLimits`.

    Render inside :meth:`budget` to share one budget over a document's parts; outside it
    every operation is still bounded on its own.
    """

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"+", "*", "**", "//", "%"})
    code_fingerprint = "bounded-1"
    """Part of the on-disk code cache key: bump when the generated code changes."""

    def __init__(self, *args: Any, limits: TemplateLimits | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("loader", _RefusingLoader())
        super().__init__(*args, **kwargs)
        self.limits = limits or TemplateLimits()
        for name in _REMOVED_GLOBALS:
            self.globals.pop(name, None)
        for name in _REMOVED_FILTERS:
            self.filters.pop(name, None)
        self.globals["range"] = self.bounded_range
        self.add_filters(dict(self.filters))
        self.finalize = self._counting_finalize(self.finalize)

    # -- the budget

    @contextmanager
    def budget(self) -> Iterator[None]:
        """One budget for everything rendered inside (nested renders share it)."""
        if _BUDGET.get() is not None:
            yield
            return
        token = _BUDGET.set(_Budget(self.limits))
        try:
            yield
        finally:
            _BUDGET.reset(token)

    def _budget(self) -> _Budget:
        return _BUDGET.get() or _Budget(self.limits)

    def _too_big(self, what: str) -> TemplateLimitExceeded:
        return TemplateLimitExceeded(
            f"{what} gir mer enn {_n(self.limits.max_text)} tegn (grensen for én tekst eller "
            "liste i en mal)"
        )

    def spend_output(self, count: int) -> None:
        self._budget().write(count)

    def bounded_value(self, value: Any) -> Any:
        """A text, list or dict the template made, refused when it is too big."""
        if _size(value, self.limits.max_text) > self.limits.max_text:
            raise self._too_big("teksten eller listen malen lager her")
        if isinstance(value, list | tuple | dict) and len(value) > self.limits.max_items:
            raise TemplateLimitExceeded(
                f"listen malen lager har mer enn {_n(self.limits.max_items)} elementer"
            )
        return value

    def bounded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        budget = self._budget()
        for item in iterable:
            budget.step()
            yield item

    def bounded_range(self, *args: int) -> range:
        numbers = range(*args)
        try:
            length = len(numbers)
        except OverflowError:
            length = self.limits.max_items + 1
        if length > self.limits.max_items:
            raise TemplateLimitExceeded(
                f"range(…) gir {'over ' if length == self.limits.max_items + 1 else ''}"
                f"{_n(length)} tall; grensen er {_n(self.limits.max_items)}"
            )
        self._budget().step(max(length // 100, 1))
        return numbers

    def _counting_finalize(self, inner: Callable[..., Any] | None) -> Callable[[Any], Any]:
        if inner is not None and jinja2.utils._PassArg.from_obj(inner) is not None:
            raise TypeError("BoundedEnvironment: finalize may take only the value")

        def finalize(value: Any) -> Any:
            result = inner(value) if inner is not None else value
            self._budget().write(len(result) if isinstance(result, str) else 16)
            return result

        return finalize

    # -- operators

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        limits = self.limits
        if operator == "**" and _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
            if right * left.bit_length() > limits.max_int_bits:
                raise TemplateLimitExceeded(
                    f"{_short(left)} ** {_short(right)} gir et tall med mer enn "
                    f"{_n(limits.max_int_bits)} bit (om lag {_n(limits.max_int_bits * 3 // 10)} "
                    "sifre)"
                )
        elif operator == "*":
            if _is_int(left) and _is_int(right):
                if left.bit_length() + right.bit_length() > limits.max_int_bits:
                    raise TemplateLimitExceeded(
                        f"produktet gir et tall med mer enn {_n(limits.max_int_bits)} bit"
                    )
            else:
                sequence, count = (left, right) if _is_int(right) else (right, left)
                if _is_int(count) and not isinstance(sequence, bool | int | float):
                    self._check_repeat(sequence, count)
        elif operator == "+":
            if not (isinstance(left, _NUMBER) and isinstance(right, _NUMBER)):
                total = _size(left, limits.max_text) + _size(right, limits.max_text)
                if total > limits.max_text:
                    raise self._too_big("resultatet av +")
        elif operator == "%" and isinstance(left, str):
            self._check_printf(left, right)
        result = self.binop_table[operator](left, right)
        if isinstance(result, list | tuple) and len(result) > limits.max_items:
            raise TemplateLimitExceeded(f"listen blir lengre enn {_n(limits.max_items)} elementer")
        return result

    def _check_repeat(self, sequence: Any, count: int) -> None:
        if count <= 0:
            return
        size = _size(sequence, self.limits.max_text)
        if size * count > self.limits.max_text:
            raise TemplateLimitExceeded(
                f"gjentakelsen (* {_short(count)}) gir {_n(size * count)} tegn; grensen er "
                f"{_n(self.limits.max_text)}"
            )
        if isinstance(sequence, list | tuple) and len(sequence) * count > self.limits.max_items:
            raise TemplateLimitExceeded(
                f"gjentakelsen gir mer enn {_n(self.limits.max_items)} elementer"
            )

    def _check_printf(self, fmt: str, args: Any) -> None:
        limit = self.limits.max_text
        for match in _PRINTF_FIELD.finditer(fmt):
            for number in match.groups():
                if number == "*":
                    raise TemplateLimitExceeded("%-formatering med * er ikke tillatt i maler")
                if number and int(number) > limit:
                    raise self._too_big(f"feltet «{match.group(0)}»")
        if _size(args, limit) + len(fmt) > limit:
            raise self._too_big("resultatet av %-formateringen")

    def _check_format_spec(self, fmt: str, args: Iterable[Any]) -> None:
        limit = self.limits.max_text
        for number in _SPEC_NUMBER.findall(fmt):
            if len(number) > 7 or int(number) > limit:
                raise self._too_big(f"formatet «{_short(fmt)}»")
        if sum(_size(arg, limit) for arg in args) + len(fmt) > limit:
            raise self._too_big("resultatet av format()")

    # -- calls

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt: str = value.__self__
        inner = wrapped

        @functools.wraps(inner)
        def bounded(*args: Any, **kwargs: Any) -> str:
            values = [*args, *kwargs.values()]
            if value.__name__ == "format_map" and args and isinstance(args[0], Mapping):
                values = list(args[0].values())
            self._check_format_spec(fmt, values)
            result: str = self._checked(inner(*args, **kwargs))
            return result

        return bounded

    def call(
        __self,
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        self = __self
        budget = self._budget()
        budget.step()
        user_kwargs = {k: v for k, v in kwargs.items() if k not in ("_loop_vars", "_block_vars")}
        self._check_method(__obj, args, user_kwargs)
        nested = isinstance(__obj, Macro | LoopContext)
        if isinstance(__obj, LoopContext) and args:
            args = (self.bounded_iter(args[0]), *args[1:])
        if nested:
            budget.depth += 1
            if budget.depth > self.limits.max_depth:
                budget.depth -= 1
                raise TemplateLimitExceeded(
                    f"makroer (eller rekursive løkker) ligger mer enn {self.limits.max_depth} "
                    "nivåer inne i hverandre – trolig en makro som kaller seg selv"
                )
        try:
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            if nested:
                budget.depth -= 1
        return self._checked(result)

    def _check_method(self, method: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
        owner = getattr(method, "__self__", None)
        name = getattr(method, "__name__", "")
        if not isinstance(method, types.BuiltinMethodType | types.MethodType) or owner is None:
            return
        if name in _REFUSED_METHODS:
            raise TemplateLimitExceeded(f"metoden «{name}» er ikke tillatt i maler")
        if not isinstance(owner, str | bytes):
            return
        limit = self.limits.max_text
        values = [*args, *kwargs.values()]
        text = _as_text(owner)
        if name in _GROWING_METHODS:
            if any(_is_int(v) and v > limit for v in values):
                raise self._too_big(f"resultatet av .{name}()")
        elif name == "expandtabs":
            size = (values[0] if values and _is_int(values[0]) else 8) * (text.count("\t") + 1)
            if size + len(owner) > limit:
                raise self._too_big("resultatet av .expandtabs()")
        elif name == "replace" and len(values) >= 2:
            old, new = values[0], values[1]
            if isinstance(old, str | bytes) and isinstance(new, str | bytes):
                hits = text.count(_as_text(old)) if old else len(text) + 1
                if len(values) > 2 and _is_int(values[2]) and values[2] >= 0:
                    hits = min(hits, values[2])
                if len(owner) + hits * len(new) > limit:
                    raise self._too_big("resultatet av .replace()")
        elif (
            name == "join"
            and values
            and _measure(values[0], limit) + len(owner) * _count(values[0]) > limit
        ):
            raise self._too_big("resultatet av .join()")

    def _checked(self, result: Any) -> Any:
        """Any value a call or filter returns, measured (a last guard)."""
        if isinstance(result, str | list | tuple | dict):
            return self.bounded_value(result)
        if _is_int(result) and result.bit_length() > self.limits.max_int_bits:
            raise TemplateLimitExceeded(f"tallet har mer enn {_n(self.limits.max_int_bits)} bit")
        return result

    # -- filters

    def add_filters(self, filters: Mapping[str, Callable[..., Any]]) -> None:
        """Register filters, each wrapped so that its arguments and result are bounded."""
        for name, func in filters.items():
            self.filters[name] = self._bounded_filter(name, func)

    def _bounded_filter(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        if getattr(func, "_omradedok_bounded", False):
            return func
        passes = jinja2.utils._PassArg.from_obj(func) is not None
        check = _FILTER_CHECKS.get(name)
        signature = inspect.signature(func) if check is not None else None
        limits = self.limits

        @functools.wraps(func)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self._budget().step()
            params = args[2 if passes else 1 :]
            if name not in _FREE_INT_FILTERS:
                for value in (*params, *kwargs.values()):
                    if _is_int(value) and abs(value) > limits.max_items:
                        raise TemplateLimitExceeded(
                            f"filteret «{name}» fikk tallet {_short(value)}; grensen er "
                            f"{_n(limits.max_items)}"
                        )
            if check is not None and signature is not None:
                bound = signature.bind(*args, **kwargs)
                bound.apply_defaults()
                if check(bound.arguments, limits.max_text) > limits.max_text:
                    raise self._too_big(f"resultatet av filteret «{name}»")
            return self._checked(func(*args, **kwargs))

        bounded._omradedok_bounded = True  # type: ignore[attr-defined]
        return bounded


def _as_text(value: str | bytes) -> str:
    return value if isinstance(value, str) else value.decode("latin-1")


def _count(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 1


def _short(value: Any) -> str:
    text = str(value) if not _is_int(value) or value.bit_length() < 200 else "et svært stort tall"
    return text if len(text) <= 40 else text[:37] + "…"


def _text_of(value: Any, limit: int) -> int:
    return _size(value, limit)


def _lines(text: Any) -> int:
    return str(text).count("\n") + 1 if isinstance(text, str) else 1


def _est_indent(a: Mapping[str, Any], limit: int) -> int:
    width = a.get("width", 4)
    each = len(width) if isinstance(width, str) else int(width) if _is_int(width) else 4
    return _text_of(a["s"], limit) + _lines(a["s"]) * max(each, 0)


def _est_wordwrap(a: Mapping[str, Any], limit: int) -> int:
    text = _text_of(a["s"], limit)
    width = a.get("width", 79)
    lines = text // max(width if _is_int(width) else 79, 1) + _lines(a["s"])
    return text + lines * len(a.get("wrapstring") or "\n")


def _est_replace(a: Mapping[str, Any], limit: int) -> int:
    text, old, new = a["s"], a["old"], a["new"]
    if not isinstance(text, str):
        return _text_of(text, limit)
    hits = text.count(str(old)) if str(old) else len(text) + 1
    count = a.get("count")
    if _is_int(count) and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * _text_of(new, limit)


def _est_join(a: Mapping[str, Any], limit: int) -> int:
    value = a["value"]
    return _measure(value, limit) + _text_of(a.get("d", ""), limit) * _count(value)


def _est_format(a: Mapping[str, Any], limit: int) -> int:
    fmt = a["value"]
    if isinstance(fmt, str):
        for match in _PRINTF_FIELD.finditer(fmt):
            for number in match.groups():
                if number == "*" or (number and int(number) > limit):
                    return limit + 1
    return (
        _text_of(fmt, limit)
        + _measure(a.get("args", ()), limit)
        + _measure(a.get("kwargs", {}), limit)
    )


def _est_center(a: Mapping[str, Any], limit: int) -> int:
    width = a.get("width", 80)
    return max(_text_of(a["value"], limit), width if _is_int(width) else 0)


def _est_tojson(a: Mapping[str, Any], limit: int) -> int:
    indent = a.get("indent")
    each = len(indent) if isinstance(indent, str) else indent if _is_int(indent) else 0
    return _measure(a["value"], limit) * (1 + max(each, 0))


_FILTER_CHECKS: dict[str, Callable[[Mapping[str, Any], int], int]] = {
    "indent": _est_indent,
    "wordwrap": _est_wordwrap,
    "replace": _est_replace,
    "join": _est_join,
    "format": _est_format,
    "center": _est_center,
    "tojson": _est_tojson,
}
"""Size estimates (in characters) checked before the filter runs."""
