"""handlingsplan.pdf and the LibreOffice route of the plan PDFs.

Default engine «reportlab»: handlingsplan.pdf is the plan's one view
(``documents/handlingsplan_doc``, the same view its DOCX is tested against) laid out by
``render/pdf_body``; aktivitetsplan-YYYY.pdf is the aktivitetsplan's own view
(``documents/aktivitetsplan``). Engine «libreoffice»: the DOCX of the same plan (rendered by the
«handlingsplan» and «aktivitetsplan» kinds planned before these) exported by LibreOffice as
tagged PDF/A-2 – the archive and accessibility route.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from ..errors import OmradedokError
from ..locale import pick
from ..model import Initiative, Language
from . import registry
from .base import Artifact, BuildContext

ENGINES = ("reportlab", "libreoffice")


def render_handlingsplan(
    model: Initiative, lang: Language, template_dir: Path | None = None
) -> bytes:
    """handlingsplan.pdf: the plan's one view (``handlingsplan_doc``) laid out by reportlab."""
    from .handlingsplan_doc import render_pdf

    return render_pdf(model, lang, template_dir)


# -- LibreOffice route (tagged PDF/A-2) -------------------------------------------------------

_PDFA_FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"}}'
)
_SOFFICE_LOCK = threading.Lock()


def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdfa(docx: bytes, name: str) -> bytes:
    """Convert DOCX bytes with headless LibreOffice to tagged PDF/A-2 bytes."""
    binary = soffice_binary()
    if binary is None:
        raise OmradedokError(
            "--pdf-engine libreoffice krever LibreOffice (soffice), som ikke er installert. "
            "Installer LibreOffice (for eksempel «apt-get install libreoffice-writer»), eller "
            "bruk standardmotoren: --pdf-engine reportlab"
        )
    with _SOFFICE_LOCK, tempfile.TemporaryDirectory(prefix="omradedok-lo-") as tmp:
        folder = Path(tmp)
        source = folder / f"{Path(name).stem}.docx"
        source.write_bytes(docx)
        profile = folder / "profile"
        cmd = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _PDFA_FILTER,
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        env = {**os.environ, "HOME": tmp}
        try:
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=300, check=False, env=env
            )
        except subprocess.TimeoutExpired as exc:
            raise OmradedokError(
                f"LibreOffice brukte mer enn 5 minutter på {name}; prøv igjen"
            ) from exc
        produced = folder / "out" / f"{source.stem}.pdf"
        if proc.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
            raise OmradedokError(
                f"LibreOffice klarte ikke å lage {name} (kode {proc.returncode}): "
                f"{(proc.stderr or proc.stdout).strip()[:400]}"
            )
        return produced.read_bytes()


def _docx_render(context: BuildContext, filename: str, kind_name: str) -> Callable[[], bytes]:
    """The render function of a DOCX artifact: planned before us, or asked of its kind."""
    source = next((a for a in context.planned if a.filename == filename), None)
    if source is None:
        kind = registry.get(kind_name)
        if kind is not None:
            source = next((a for a in kind.artifacts(context) if a.filename == filename), None)
    if source is None:

        def missing() -> bytes:
            raise OmradedokError(
                f"--pdf-engine libreoffice lager PDF fra {filename}, men ingen dokumenttype lager "
                "den filen i denne versjonen; bruk --pdf-engine reportlab"
            )

        return missing
    return source.render


LIBREOFFICE_COST = 100.0
"""A LibreOffice conversion (seconds, mostly start-up) next to a DOCX render (milliseconds)."""


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise OmradedokError(f"ukjent PDF-motor «{engine}»; velg reportlab eller libreoffice")


# -- kinds ------------------------------------------------------------------------------------


class HandlingsplanPdfKind:
    name = "handlingsplan-pdf"
    order = 70  # after the DOCX it may be converted from
    attachment_rank = 10  # its artifacts are no vedlegg; ranked with the handlingsplan

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model, lang, engine = context.model, context.options.language, context.options.pdf_engine
        _check_engine(engine)
        filename = "handlingsplan.pdf"
        title = pick(lang, "Handlingsplan (PDF)", "Handlingsplan (PDF)")
        if engine == "libreoffice":
            docx = _docx_render(context, "handlingsplan.docx", "handlingsplan")
            return [
                Artifact(
                    filename,
                    self.name,
                    title,
                    lambda: docx_to_pdfa(docx(), filename),
                    attachment=False,
                    cost=LIBREOFFICE_COST,
                )
            ]
        return [
            Artifact(
                filename,
                self.name,
                title,
                lambda: render_handlingsplan(model, lang, context.options.template_dir),
                attachment=False,
                cost=12,
            )
        ]


DOCUMENT_KIND = HandlingsplanPdfKind()
