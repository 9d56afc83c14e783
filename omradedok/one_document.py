"""render(): one document's bytes, for tools that store documents elsewhere than a folder.

``plan()`` hands out artifacts whose ``render()`` skips validation; :func:`render` validates
the model first (an :class:`~omradedok.errors.InputError` lists every problem, as ``build``
does) and picks one document by kind, format and – where a kind makes several – year or
file name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from .build import check_only, plan
from .checks import validate
from .documents import registry
from .documents.base import Artifact
from .errors import InputError, OmradedokError
from .model import Initiative, Language

Format = Literal["docx", "pdf", "xlsx"]
FORMATS: tuple[str, ...] = ("docx", "pdf", "xlsx")


def render(
    model: Initiative,
    kind: str = "handlingsplan",
    *,
    language: Language | str | None = None,
    format: Format | str | None = None,
    year: int | None = None,
    filename: str | None = None,
    template_dir: str | Path | None = None,
    pdf_engine: str = "reportlab",
) -> bytes:
    """The bytes of one document of ``model``, the same bytes ``build`` would write.

    ``kind`` is a document kind (``--only``'s names: handlingsplan, aktivitetsplan,
    samarbeidsavtale …); ``format`` is docx, pdf or xlsx – ``"pdf"`` also finds the kind's
    PDF (handlingsplan → handlingsplan.pdf); without it, DOCX, or the kind's only format
    (rollematrise → XLSX). Kinds that make one document per year (aktivitetsplan) take
    ``year``; kinds that make one per partner (samarbeidsavtale) take ``filename``. The
    council case (saksframlegg) lists as attachments the documents rendered with it, as
    ``build(only=["saksframlegg"])`` does: here, none.

    Raises :class:`~omradedok.errors.InputError` for a model with errors,
    :class:`~omradedok.errors.OmradedokError` for an unknown kind, format, year or file name
    (the message lists what there is), :class:`~omradedok.errors.TemplateError` for a broken
    template.
    """
    fmt = str(format or "").lower().lstrip(".")
    if format is not None and fmt not in FORMATS:
        raise OmradedokError(f"ukjent format «{format}»; velg blant {', '.join(FORMATS)}")
    names = check_only(kind)
    assert names is not None
    if len(names) != 1:
        raise OmradedokError(f"render lager ett dokument; «{kind}» er flere dokumenttyper")
    (name,) = names
    report = validate(model)
    if report.errors:
        raise InputError(model.title, report.problems)
    wanted = [name, f"{name}-pdf"] if fmt == "pdf" and not name.endswith("-pdf") else [name]
    known = set(registry.names())
    artifacts = plan(
        model,
        language=language,
        only=[k for k in wanted if k in known],
        template_dir=Path(template_dir) if template_dir else None,
        pdf_engine=pdf_engine,
    )
    return _choose(artifacts, name, fmt, year, filename).render()


def _choose(
    artifacts: list[Artifact], kind: str, fmt: str, year: int | None, filename: str | None
) -> Artifact:
    of_kind = artifacts
    if not of_kind:  # e.g. samarbeidsavtale for a model without agreements
        raise OmradedokError(f"modellen gir ingen dokumenter av typen «{kind}»")
    formats = sorted({a.filename.rsplit(".", 1)[-1] for a in of_kind})
    if not fmt:
        fmt = "docx" if "docx" in formats or len(formats) != 1 else formats[0]
    found = [a for a in of_kind if a.filename.endswith(f".{fmt}")]
    if not found:
        raise OmradedokError(
            f"«{kind}» finnes ikke som {fmt}; velg format blant {', '.join(formats)}"
        )
    if year is not None:
        by_year = [a for a in found if f"-{year}." in a.filename]
        if not by_year:
            raise OmradedokError(
                f"«{kind}» har ikke noe dokument for {year}; dokumentene er "
                f"{', '.join(a.filename for a in found)}"
            )
        found = by_year
    if filename is not None:
        named = [a for a in found if filename in (a.filename, a.filename.rsplit(".", 1)[0])]
        if not named:
            raise OmradedokError(
                f"fant ikke «{filename}»; dokumentene av typen «{kind}» er "
                f"{', '.join(a.filename for a in found)}"
            )
        found = named
    if len(found) > 1:
        hint = "year=" if all("-20" in a.filename for a in found) else "filename="
        raise OmradedokError(
            f"«{kind}» gir {len(found)} dokumenter ({', '.join(a.filename for a in found)}); "
            f"velg ett med {hint}"
        )
    return found[0]
