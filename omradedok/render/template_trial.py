"""Trial renders: a template folder passes ``templates check`` only if the documents build.

The static check (fields the views have, required fields, labels) cannot see a template that
divides by zero or grows past the sandbox's limits on real data. So every DOCX document of
the bundled examples is rendered with the folder, in bokmål and nynorsk, and each failure is
reported against the template file that caused it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import LocatedTemplateError, OmradedokError, TemplateError
from ..model import Language
from ..resources import examples_dir


@dataclass(frozen=True)
class TrialFailure:
    template: str
    """The template file the error names (or «?» when it names none)."""
    example: str
    language: Language
    document: str
    message: str

    def __str__(self) -> str:
        return (
            f"prøvebygging av {self.document} med eksempelet {self.example} "
            f"({self.language.value}) feilet: {self.message}"
        )


def example_files() -> list[Path]:
    return sorted(examples_dir().glob("*.yaml"))


def trial_render(folder: Path) -> Iterator[TrialFailure]:
    """Render every DOCX document of every bundled example with ``folder``, in nb and nn."""
    from ..build import plan
    from ..io import load

    for example in example_files():
        model = load(example)
        for language in Language:
            for artifact in plan(model, language=language, template_dir=folder):
                if not artifact.filename.endswith(".docx"):
                    continue
                try:
                    artifact.render()
                except TemplateError as exc:
                    yield TrialFailure(
                        _template_of(exc, folder),
                        example.stem,
                        language,
                        artifact.filename,
                        str(exc),
                    )
                except OmradedokError:
                    continue  # not the template's doing (the examples are valid input)


def _template_of(exc: TemplateError, folder: Path) -> str:
    if isinstance(exc, LocatedTemplateError):
        name = exc.template
    else:
        text = str(exc)
        name = text.split(" ", 2)[1] if text.startswith("malen ") else "?"
    for path in folder.rglob(name):
        return path.relative_to(folder).as_posix()
    return name
