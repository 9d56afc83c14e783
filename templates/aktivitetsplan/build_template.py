"""Builds aktivitetsplan.docx, the docxtpl template of the annual activity plan.

Run from the repository root:  python templates/aktivitetsplan/build_template.py
(``--check`` exits 1 when the committed template is out of date).

House style from ``omradedok.render.docx_styles.TemplateKit``, landscape (the activity tables
are wide). Every visible label is a ``{{ t.… }}`` field filled from
``omradedok.documents.aktivitetsplan.LABELS`` (bokmål and nynorsk in one place) and the shared
templates/labels.yaml. The fields are the keys of
``omradedok.documents.aktivitetsplan.docx_view``. A municipality may copy the file to its own
template folder (as ``aktivitetsplan/aktivitetsplan.docx``) and change wording and layout.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET = HERE / "aktivitetsplan.docx"
sys.path.insert(0, str(HERE.parent.parent))

from omradedok.render.docx_styles import TemplateKit  # noqa: E402


def _keep_together(table: Any) -> None:
    """A delprogram's table stays on one page with its total row where it fits (Word and
    LibreOffice break it anyway when it is longer than a page)."""
    for index in (0, 2):
        for cell in table.rows[index].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def build() -> bytes:
    kit = TemplateKit(title="Mal: Aktivitetsplan", landscape=True)
    kit.tag("{%p if logo %}")
    kit.paragraph("{{ logo }}", "Figur")
    kit.tag("{%p endif %}")
    kit.paragraph("{{ municipality }}", "Kommunenavn")
    kit.paragraph("{{ title }}", "Title")
    kit.paragraph("{{ doc.subtitle }}", "Subtitle")
    kit.key_value_table(
        [
            ("{{ t.status }}", "{{ doc.status }}"),
            ("{{ t.version }}", "{{ doc.version }}"),
            ("{{ t.date }}", "{{ doc.date }}"),
            ("{{ t.decision }}", "{{ doc.decision_text }}", "doc.decision_text"),
            ("{{ t.archive_case }}", "{{ doc.archive_case }}", "doc.archive_case"),
        ],
        widths_mm=(45, 200),
    )
    kit.paragraph("{{ intro }}", "Ingress")

    kit.heading("{{ t.h_activities }}", 1)
    kit.tag("{%p for g in groups %}")
    kit.heading("{{ g.name }}", 2)
    table = kit.table(
        [
            "{{ t.col_nr }}",
            "{{ t.col_activity }}",
            "{{ t.col_result }}",
            "{{ t.col_responsible }}",
            "{{ t.col_partners }}",
            "{{ t.col_period }}",
            "{{ t.col_budget }}",
            "{{ t.col_status }}",
        ],
        [
            "{{ r.nr }}",
            "{{ r.title }}",
            "{{ r.details }}",
            "{{ r.responsible }}",
            "{{ r.partners }}",
            "{{ r.period }}",
            "{{ r.budget }}",
            "{{ r.status }}",
        ],
        loop="r in g.rows",
        widths_mm=[9, 46, 46, 38, 48, 30, 29, 22],
        aligns=["left", "left", "left", "left", "left", "left", "right", "left"],
        total=["", "{{ t.sub_programme_total }}", "", "", "", "", "{{ g.total }}", ""],
    )
    _keep_together(table)
    kit.tag("{%p endfor %}")

    kit.heading("{{ t.h_budget }}", 1)
    kit.paragraph("{{ t.budget_intro }}")
    kit.heading("{{ t.per_source }}", 2)
    kit.table(
        ["{{ t.funding_source }}", "{{ t.plan }}", "{{ t.budget_frame }}", "{{ t.deviation }}"],
        ["{{ s.label }}", "{{ s.planned }}", "{{ s.frame }}", "{{ s.deviation }}"],
        loop="s in sources",
        widths_mm=[70, 40, 40, 40],
        aligns=["left", "right", "right", "right"],
        total=[
            "{{ t.total }}",
            "{{ planned_total }}",
            "{{ frame_total }}",
            "{{ deviation_total }}",
        ],
    )
    kit.paragraph("{{ frame_check }}", bold=True)
    kit.heading("{{ t.per_sub_programme }}", 2)
    kit.table(
        [
            "{{ t.col_sub_programme }}",
            "{{ funding.municipal }}",
            "{{ funding.state }}",
            "{{ funding.other }}",
            "{{ funding.carried_over }}",
            "{{ t.col_sum }}",
        ],
        [
            "{{ d.name }}",
            "{{ d.municipal }}",
            "{{ d.state }}",
            "{{ d.other }}",
            "{{ d.carried_over }}",
            "{{ d.total }}",
        ],
        loop="d in by_sub_programme",
        widths_mm=[70, 35, 35, 35, 35, 35],
        aligns=["left", "right", "right", "right", "right", "right"],
        total=[
            "{{ t.total }}",
            "{{ source_totals.municipal }}",
            "{{ source_totals.state }}",
            "{{ source_totals.other }}",
            "{{ source_totals.carried_over }}",
            "{{ planned_total }}",
        ],
    )
    return kit.to_bytes()


def main(argv: list[str] | None = None) -> int:
    data = build()
    if argv and "--check" in argv:
        if not TARGET.is_file() or TARGET.read_bytes() != data:
            print(f"{TARGET} er utdatert; kjør python templates/aktivitetsplan/build_template.py")
            return 1
        return 0
    TARGET.write_bytes(data)
    print(f"skrev {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
