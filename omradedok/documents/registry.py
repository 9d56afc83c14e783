"""The ordered registry of document kinds. Order matters: the council case comes last so it
can list every other artifact as an attachment."""

from __future__ import annotations

from .base import DocumentKind

_KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> DocumentKind:
    _KINDS[kind.name] = kind
    return kind


def kinds() -> list[DocumentKind]:
    """All registered kinds, council case (saksframlegg) last."""
    ordered = [k for k in _KINDS.values() if k.name != "saksframlegg"]
    ordered += [k for k in _KINDS.values() if k.name == "saksframlegg"]
    return ordered


def kind_names() -> list[str]:
    return [k.name for k in kinds()]
