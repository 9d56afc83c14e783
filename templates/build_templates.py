"""Regenerate the built-in Word templates of omradedok, reproducibly.

    python templates/build_templates.py            # writes templates/*.docx
    python templates/build_templates.py --check    # exit 1 if a committed template is out of date

The generated .docx files are committed. A clerk may open and edit them in Word or LibreOffice
(wording, styles, letterhead); a developer who changes the structure edits this script and
regenerates. Texts are never written here in bokmål *or* nynorsk: the templates print labels
(``{{ t.summary }}``) that come from templates/labels.yaml, so one template serves both.

Fields a template may use are exactly the keys of the document's view (see
omradedok/documents/*.py); ``omradedok templates check DIR`` compares a template with them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from omradedok.render.docx_styles import TemplateKit  # noqa: E402

# ------------------------------------------------------------------------------ helpers


def logo_and_municipality(kit: TemplateKit) -> None:
    kit.tag("{%p if logo %}")
    kit.paragraph("{{ logo }}", "Figur")
    kit.tag("{%p endif %}")
    kit.paragraph("{{ municipality }}", "Kommunenavn")


def _indented_style(
    kit: TemplateKit, name: str, *, indent_mm: float, after_pt: float, before_pt: float = 0
) -> str:
    """A body-text paragraph style with a left indent (the lines under a numbered point)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Mm, Pt

    style = kit.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = kit.document.styles["Normal"]
    style.quick_style = True
    style.paragraph_format.left_indent = Mm(indent_mm)
    style.paragraph_format.space_after = Pt(after_pt)
    style.paragraph_format.space_before = Pt(before_pt)
    return name


def saksframlegg() -> TemplateKit:
    kit = TemplateKit(title="Mal: Saksframlegg")
    resolution_style = kit.numbered_style("Innstillingspunkt")
    attachment_style = kit.numbered_style("Vedleggsliste")
    line_style = _indented_style(kit, "Innstillingslinje", indent_mm=6.35, after_pt=1)
    signature_style = _indented_style(kit, "Signatur", indent_mm=0, after_pt=0, before_pt=18)
    logo_and_municipality(kit)
    kit.paragraph("{{ t.case_document }}", "Dokumenttype")
    kit.paragraph("{{ case.title }}", "Sakstittel")
    kit.key_value_table(
        [
            ("{{ t.archive_case }}", "{{ case.archive_case }}"),
            ("{{ t.archive_code }}", "{{ case.archive_code }}", "case.archive_code"),
            ("{{ t.case_officer }}", "{{ case.officer }}"),
            ("{{ t.unit_admin }}", "{{ case.unit }}", "case.unit"),
            ("{{ t.date }}", "{{ case.date }}"),
        ]
    )
    kit.tag("{%p if case.route %}")
    kit.paragraph("{{ t.case_route }}", "Tabelltittel")
    kit.table(
        ["{{ t.committee }}", "{{ t.meeting_date }}", "{{ t.case_no }}"],
        ["{{ r.body }}", "{{ r.date }}", "{{ r.case_number }}"],
        loop="r in case.route",
        widths_mm=[80, 45, 35],
    )
    kit.tag("{%p endif %}")

    kit.tag("{%p if case.is_decision %}")
    kit.heading("{{ t.decision_heading }}", 1)
    kit.tag("{%p else %}")
    kit.heading("{{ t.recommendation }}", 1)
    kit.tag("{%p endif %}")
    kit.tag("{%p if case.resolution_intro %}")
    kit.paragraph("{{ case.resolution_intro }}")
    kit.tag("{%p endif %}")
    kit.tag("{%p if case.resolution %}")
    kit.tag("{%p for p in case.resolution %}")
    kit.paragraph("{{ p.text }}", resolution_style)
    kit.tag("{%p for line in p.lines %}")
    kit.paragraph("{{ line }}", line_style)
    kit.tag("{%p endfor %}")
    kit.tag("{%p endfor %}")
    kit.tag("{%p elif not case.resolution_intro %}")
    kit.paragraph("{{ case.no_resolution }}")
    kit.tag("{%p endif %}")
    kit.prose("case.resolution_after")

    for key, label in (("summary", "summary"), ("background", "case_background")):
        kit.tag(f"{{%p if case.{key} %}}")
        kit.heading(f"{{{{ t.{label} }}}}", 1)
        kit.prose(f"case.{key}")
        kit.tag("{%p endif %}")

    kit.heading("{{ t.consultation }}", 1)
    kit.prose("case.participation")
    kit.tag("{%p if case.inputs %}")
    kit.table(
        ["{{ t.from_whom }}", "{{ t.input_summary }}", "{{ t.input_assessment }}"],
        ["{{ i.from_whom }}", "{{ i.summary }}", "{{ i.assessment }}"],
        loop="i in case.inputs",
        widths_mm=[36, 58, 66],
    )
    kit.tag("{%p else %}")
    kit.paragraph("{{ t.none_inputs }}")
    kit.tag("{%p endif %}")

    kit.tag("{%p if case.assessment %}")
    kit.heading("{{ t.assessment }}", 1)
    kit.prose("case.assessment")
    kit.tag("{%p endif %}")

    for key, label in (
        ("alternatives", "case_alternatives"),
        ("risk", "case_risk"),
        ("children", "case_children"),
        ("health", "case_health"),
        ("climate", "case_climate"),
    ):
        kit.tag(f"{{%p if case.{key} %}}")
        kit.heading(f"{{{{ t.{label} }}}}", 1)
        kit.prose(f"case.{key}")
        kit.tag("{%p endif %}")

    kit.tag("{%p if case.economic or case.administrative %}")
    kit.heading("{{ t.consequences }}", 1)
    kit.tag("{%p if case.economic %}")
    kit.heading("{{ t.economic_consequences }}", 2)
    kit.prose("case.economic")
    kit.tag("{%p endif %}")
    kit.tag("{%p if case.administrative %}")
    kit.heading("{{ t.administrative_consequences }}", 2)
    kit.prose("case.administrative")
    kit.tag("{%p endif %}")
    kit.tag("{%p endif %}")

    kit.tag("{%p if case.signature.name %}")
    kit.paragraph("{{ case.signature.name }}", signature_style)
    kit.paragraph("{{ case.signature.title }}")
    kit.tag("{%p else %}")
    kit.paragraph("{{ case.signature.title }}", signature_style)
    kit.tag("{%p endif %}")

    kit.tag("{%p if case.attachments %}")
    kit.heading("{{ t.attachments }}", 1)
    kit.bullets("case.attachments", "a", var="a", style=attachment_style)
    kit.tag("{%p endif %}")
    return kit


def dokument() -> TemplateKit:
    """The house template of documents rendered from a view (omradedok/render/docx_body.py):
    page, styles and numbering only; the renderer writes header, footer and body."""
    kit = TemplateKit(title="Mal: Dokument", header_footer=False)
    kit.add_view_styles()
    return kit


BUILDERS: dict[str, Callable[[], TemplateKit]] = {
    "dokument.docx": dokument,
    "saksframlegg.docx": saksframlegg,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a template is stale")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder")
    args = parser.parse_args(argv)
    stale = []
    for name, build in BUILDERS.items():
        data = build().to_bytes()
        target = args.out / name
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"skrev {target}")
    if stale:
        print("utdaterte maler (kjør python templates/build_templates.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
