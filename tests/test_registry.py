"""The kind registry is one explicit table: a kind module missing from it fails here."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import omradedok.documents
from omradedok.documents import registry
from omradedok.documents.base import Artifact, BuildContext
from omradedok.errors import OmradedokError


def _is_kind(value: object) -> bool:
    return (
        isinstance(getattr(value, "name", None), str)
        and callable(getattr(value, "artifacts", None))
        and not isinstance(value, type)
    )


def _kinds_defined_in_the_package() -> dict[str, object]:
    """«module:attribute» → every kind object a module of the package holds."""
    found: dict[str, object] = {}
    for info in pkgutil.iter_modules(omradedok.documents.__path__):
        name = f"omradedok.documents.{info.name}"
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if _is_kind(value):
                found[f"{name}:{attribute}"] = value
    return found


def test_every_kind_of_the_package_is_in_the_table() -> None:
    defined = _kinds_defined_in_the_package()
    assert len({id(k) for k in defined.values()}) >= len(registry.TABLE)
    missing = {
        where: kind.name  # type: ignore[attr-defined]
        for where, kind in defined.items()
        if registry.get(kind.name) is not kind  # type: ignore[attr-defined]
    }
    assert missing == {}, "add these to registry.TABLE"


def test_every_table_entry_resolves_to_its_kind() -> None:
    for name in registry.TABLE:
        kind = registry.resolve(name)
        assert kind.name == name
        assert isinstance(kind.order, int) and isinstance(kind.attachment_rank, int)
    assert registry.kind_names()[-1] == "saksframlegg"  # it lists every other one


def test_build_order_follows_the_declared_order() -> None:
    kinds = registry.kinds()
    assert [k.order for k in kinds] == sorted(k.order for k in kinds)
    names = [k.name for k in kinds]
    assert names.index("handlingsplan") < names.index("handlingsplan-pdf")
    assert names.index("aktivitetsplan") < names.index("aktivitetsplan-pdf")


def test_no_kind_module_registers_itself() -> None:
    for info in pkgutil.iter_modules(omradedok.documents.__path__):
        spec = importlib.util.find_spec(f"omradedok.documents.{info.name}")
        assert spec is not None and spec.origin is not None
        source = Path(spec.origin).read_text(encoding="utf-8")
        if info.name != "registry":
            assert "registry.register(" not in source, info.name


@dataclass(frozen=True)
class _Extra:
    name: str = "ekstra"
    order: int = 500
    attachment_rank: int = 5

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        return [Artifact("ekstra.txt", self.name, "Ekstra", lambda: b"ekstra")]


def test_register_and_unregister_at_run_time() -> None:
    with registry.registered(_Extra()) as kind:
        assert registry.get("ekstra") is kind
        names = registry.kind_names()
        assert names.index("samarbeidsavtale") < names.index("ekstra") < names.index("saksframlegg")
        with pytest.raises(OmradedokError, match="finnes allerede"):
            registry.register(_Extra())
    assert registry.get("ekstra") is None and "ekstra" not in registry.kind_names()


def test_register_refuses_a_builtin_name_or_a_kind_without_order() -> None:
    with pytest.raises(OmradedokError, match="«handlingsplan» finnes allerede"):
        registry.register(_Extra(name="handlingsplan"))

    class NoOrder:
        name = "uten-rekkefolge"
        attachment_rank = 1

        def artifacts(self, context: BuildContext) -> list[Artifact]:
            return []

    with pytest.raises(OmradedokError, match="mangler order"):
        registry.register(NoOrder())  # type: ignore[arg-type]
    assert registry.get("uten-rekkefolge") is None
    with pytest.raises(OmradedokError, match="innebygd"):
        registry.unregister("saksframlegg")
