"""Document kinds. The kinds are listed in :mod:`.registry` (one explicit table) and imported
from there when a build asks for them: importing this package loads no kind and no renderer."""

from . import registry
from .base import Artifact, BuildContext, BuildOptions, DocumentKind, SingleDocumentKind

__all__ = [
    "Artifact",
    "BuildContext",
    "BuildOptions",
    "DocumentKind",
    "SingleDocumentKind",
    "registry",
]
