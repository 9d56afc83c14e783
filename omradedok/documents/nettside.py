"""handlingsplan.html: the plan as one accessible, self-contained web page.

The plan's one view (``handlingsplan_doc.plan_document``, the same the DOCX and PDF print)
rendered by ``render/html_body`` – semantic HTML with inline CSS and the charts as embedded
PNG, so the municipality can publish it as a web page (Uu-tilsynet: web pages rather than PDF)
and it opens offline. One file beside the others: the document set is a flat folder
(``io/docset``), so not «nettside/index.html». Not a vedlegg of the saksframlegg: it carries
the same text as handlingsplan.docx.
"""

from __future__ import annotations

from pathlib import Path

from ..locale import pick
from ..model import Initiative, Language
from .base import Artifact, BuildContext

FILENAME = "handlingsplan.html"


def render_handlingsplan_html(
    model: Initiative, language: Language, template_dir: Path | None = None
) -> bytes:
    """handlingsplan.html from the plan's view."""
    from ..render.html_body import render_html_body
    from .handlingsplan_doc import plan_document

    return render_html_body(plan_document(model, language, template_dir))


class NettsideKind:
    name = "nettside"
    order = 75  # after the plan's DOCX and PDF, before the council case
    attachment_rank = 10  # its artifact is no vedlegg; ranked with the handlingsplan

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model, language = context.model, context.options.language
        template_dir = context.options.template_dir
        return [
            Artifact(
                FILENAME,
                self.name,
                pick(language, "Handlingsplan (nettside)", "Handlingsplan (nettside)"),
                lambda: render_handlingsplan_html(model, language, template_dir),
                attachment=False,
                cost=10,  # the plan's charts rasterised once more
            )
        ]


DOCUMENT_KIND = NettsideKind()
