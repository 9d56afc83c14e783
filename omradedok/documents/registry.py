"""The document kinds: one explicit table of the built-in kinds, plus kinds registered at run
time.

``TABLE`` names every built-in kind and where its kind object lives («module:attribute»). A
kind module is imported only when the kinds are asked for (:func:`kinds`, :func:`get`), so
``import omradedok`` loads no renderer. A kind declares its own place:

- ``order`` – build order (lower first; ties keep table order, then registration order). The
  PDFs come after the DOCX they may be converted from; the council case (saksframlegg) comes
  last so it can list every other artifact as an attachment.
- ``attachment_rank`` – where its attachments stand in the saksframlegg's «Vedlegg» list (lower
  first; ties keep build order).

A module that defines a kind but is missing from ``TABLE`` fails ``tests/test_registry.py``.

A municipal tool that imports omradedok adds its own kind with :func:`register` (or, for a
limited time, :func:`registered`) – an object with ``name``, ``order``, ``attachment_rank`` and
``artifacts(context)`` (:class:`~omradedok.documents.base.DocumentKind`)::

    from omradedok.documents import registry
    registry.register(MyKind())      # omradedok.build(...) now writes its artifacts too
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import Final, TypeVar

from ..errors import OmradedokError
from .base import DocumentKind

TABLE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "handlingsplan": "omradedok.documents.handlingsplan:DOCUMENT_KIND",
        "kommunikasjonsplan": "omradedok.documents.kommunikasjonsplan:DOCUMENT_KIND",
        "evalueringsplan": "omradedok.documents.evalueringsplan:DOCUMENT_KIND",
        "aktivitetsplan": "omradedok.documents.aktivitetsplan:DOCUMENT_KIND",
        "rollematrise": "omradedok.documents.rollematrise:DOCUMENT_KIND",
        "samarbeidsavtale": "omradedok.documents.samarbeidsavtale:DOCUMENT_KIND",
        "handlingsplan-pdf": "omradedok.documents.pdf_documents:DOCUMENT_KIND",
        "aktivitetsplan-pdf": "omradedok.documents.aktivitetsplan:PDF_DOCUMENT_KIND",
        "nettside": "omradedok.documents.nettside:DOCUMENT_KIND",
        "arsrapport": "omradedok.documents.arsrapport:DOCUMENT_KIND",
        "saksframlegg": "omradedok.documents.saksframlegg:DOCUMENT_KIND",
    }
)
"""Every built-in kind: name → «module:attribute» of its kind object."""

_resolved: dict[str, DocumentKind] = {}
_extra: dict[str, DocumentKind] = {}

K = TypeVar("K", bound=DocumentKind)


def resolve(name: str) -> DocumentKind:
    """The built-in kind ``name`` from ``TABLE``, importing its module (once)."""
    found = _resolved.get(name)
    if found is None:
        module, _, attribute = TABLE[name].partition(":")
        found = getattr(importlib.import_module(module), attribute)
        if found.name != name:
            raise RuntimeError(f"{TABLE[name]} is the kind «{found.name}», not «{name}»")
        _resolved[name] = found
    return found


def names() -> list[str]:
    """Every kind's name – the built-in ones in table order, then those registered at run
    time – without importing any kind module."""
    return [*TABLE, *_extra]


def kinds(only: Collection[str] | None = None) -> list[DocumentKind]:
    """All kinds – the built-in ones and those registered at run time – in build order; with
    ``only``, just those (and only their modules are imported)."""
    wanted = names() if only is None else [n for n in names() if n in only]
    every = [resolve(n) if n in TABLE else _extra[n] for n in wanted]
    return sorted(every, key=lambda kind: kind.order)


def kind_names() -> list[str]:
    """The names of :func:`kinds`, in build order."""
    return [k.name for k in kinds()]


def get(name: str) -> DocumentKind | None:
    """The kind called ``name`` (built-in or registered), or None."""
    if name in TABLE:
        return resolve(name)
    return _extra.get(name)


def register(kind: K) -> K:
    """Add ``kind`` to every following build (until :func:`unregister`). Its name must be new;
    ``order`` and ``attachment_rank`` must be integers. Returns the kind."""
    name = kind.name
    if name in TABLE or name in _extra:
        raise OmradedokError(f"dokumenttypen «{name}» finnes allerede; velg et annet navn")
    for attribute in ("order", "attachment_rank"):
        value = getattr(kind, attribute, None)
        if not isinstance(value, int) or isinstance(value, bool):
            raise OmradedokError(
                f"dokumenttypen «{name}» mangler {attribute} (et heltall: plassen i "
                + (
                    "byggerekkefølgen)"
                    if attribute == "order"
                    else "saksframleggets vedleggsliste)"
                )
            )
    _extra[name] = kind
    return kind


def unregister(name: str) -> None:
    """Remove a kind added with :func:`register` (the built-in kinds stay)."""
    if name in TABLE:
        raise OmradedokError(f"«{name}» er en innebygd dokumenttype og kan ikke fjernes")
    _extra.pop(name, None)


@contextmanager
def registered(kind: K) -> Iterator[K]:
    """``with registered(MyKind()):`` – the kind is part of the builds inside the block only."""
    register(kind)
    try:
        yield kind
    finally:
        unregister(kind.name)
