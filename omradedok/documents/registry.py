"""The ordered registry of document kinds. Order matters: the council case comes last so it
can list every other artifact as an attachment."""

from __future__ import annotations

from .base import DocumentKind

_KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> DocumentKind:
    _KINDS[kind.name] = kind
    return kind


# Build order, independent of import order: DOCX/XLSX first, the PDFs after the DOCX they may
# be converted from, the council case last. Kinds not named here come before the case.
_ORDER = (
    "handlingsplan",
    "kommunikasjonsplan",
    "evalueringsplan",
    "aktivitetsplan",
    "rollematrise",
    "samarbeidsavtale",
    "handlingsplan-pdf",
    "aktivitetsplan-pdf",
)
_LAST = "saksframlegg"


def kinds() -> list[DocumentKind]:
    """All registered kinds in build order, council case (saksframlegg) last."""

    def rank(kind: DocumentKind) -> tuple[int, int]:
        if kind.name == _LAST:
            return (2, 0)
        if kind.name in _ORDER:
            return (0, _ORDER.index(kind.name))
        return (1, 0)

    return sorted(_KINDS.values(), key=rank)


def kind_names() -> list[str]:
    return [k.name for k in kinds()]
