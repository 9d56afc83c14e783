"""What a document kind is: a mapping from the model to named artifacts, rendered lazily."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..model import Initiative, Language
from ..resources import template_folder


@dataclass(frozen=True)
class BuildOptions:
    """Choices that apply to a whole build."""

    language: Language
    template_dir: Path | None = None
    """A municipality's own template folder; falls back to the built-in templates per file."""
    pdf_engine: str = "reportlab"
    """«reportlab» (default, fast) or «libreoffice» (tagged PDF/A-2 from the DOCX)."""
    previous: Initiative | None = None
    """The previous version of the same initiative (``build --previous``): the saksframlegg
    says what changed in the plan since then (``documents.endringer``)."""

    def __post_init__(self) -> None:
        template_folder(self.template_dir)  # a misspelled folder is an error, not a fallback


@dataclass(frozen=True)
class Artifact:
    """One output file a kind will produce; ``render`` makes its bytes when asked."""

    filename: str
    kind: str
    title: str
    """Norwegian title, used in the saksframlegg's attachment list."""
    render: Callable[[], bytes]
    attachment: bool = True
    """Listed as a vedlegg in the council case."""
    cost: float = 1.0
    """Rough render time relative to a short DOCX (≈ 20 ms). Only orders the work when a
    build renders on several cores: the costliest start first."""


@dataclass
class BuildContext:
    """What a kind may know about the rest of the build (the artifacts planned before it)."""

    model: Initiative
    options: BuildOptions
    planned: list[Artifact] = field(default_factory=list)


class DocumentKind(Protocol):
    """A document kind: a name, and the artifacts it makes for a model."""

    @property
    def name(self) -> str:
        """Short key used with ``--only`` (e.g. «handlingsplan»)."""
        ...

    @property
    def order(self) -> int:
        """Build order, lower first (the council case, which lists the others, is last)."""
        ...

    @property
    def attachment_rank(self) -> int:
        """Place of this kind's attachments in the saksframlegg's «Vedlegg» list, lower
        first (the plan first)."""
        ...

    def artifacts(self, context: BuildContext) -> list[Artifact]: ...


def _always(model: Initiative) -> bool:
    return True


@dataclass(frozen=True)
class SingleDocumentKind:
    """A kind that writes one file when the model has its data (most kinds do)."""

    name: str
    filename: str
    title: Callable[[Initiative, Language], str]
    render: Callable[[Initiative, Language, Path | None], bytes]
    applies: Callable[[Initiative], bool] = _always
    cost: float = 1.0
    order: int = field(kw_only=True)
    attachment_rank: int = field(kw_only=True)

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model = context.model
        if not self.applies(model):
            return []
        language = context.options.language
        template_dir = context.options.template_dir
        render = self.render
        return [
            Artifact(
                filename=self.filename,
                kind=self.name,
                title=self.title(model, language),
                render=lambda: render(model, language, template_dir),
                cost=self.cost,
            )
        ]
