"""Document kinds. Each module registers its kind on import (build order: registry.py)."""

from ..render import docx_body as _docx_body  # noqa: F401  (declares the house template)
from . import (
    aktivitetsplan,
    evalueringsplan,
    handlingsplan,
    kommunikasjonsplan,
    nettside,
    pdf_documents,
    registry,
    rollematrise,
    saksframlegg,
    samarbeidsavtale,
)
from .base import Artifact, BuildContext, BuildOptions, DocumentKind

__all__ = [
    "Artifact",
    "BuildContext",
    "BuildOptions",
    "DocumentKind",
    "aktivitetsplan",
    "evalueringsplan",
    "handlingsplan",
    "kommunikasjonsplan",
    "nettside",
    "pdf_documents",
    "registry",
    "rollematrise",
    "saksframlegg",
    "samarbeidsavtale",
]
