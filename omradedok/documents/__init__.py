"""Document kinds. Each module registers its kind on import; add new kinds here."""

from . import registry
from .base import Artifact, BuildContext, BuildOptions, DocumentKind

__all__ = ["Artifact", "BuildContext", "BuildOptions", "DocumentKind", "registry"]
