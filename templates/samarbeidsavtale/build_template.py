"""Builds samarbeidsavtale.docx, the docxtpl template of the cooperation agreement.

Run from the repository root:  python templates/samarbeidsavtale/build_template.py

The template uses the house style (``omradedok.render.docx_styles.TemplateKit``). Every visible
label is a ``{{ t.… }}`` field filled from ``omradedok.documents.samarbeidsavtale.LABELS`` (bokmål
and nynorsk in one place); the role matrix and the economy tables are placed with
``{{p matrix_table }}``, ``{{p economy_table }}`` and ``{{p year_table }}``. A municipality may
copy the file to its own template folder and change wording, letterhead and layout in Word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from omradedok.render.docx_styles import TemplateKit

HERE = Path(__file__).resolve().parent
TARGET = HERE / "samarbeidsavtale.docx"


def _prose(kit: TemplateKit, expression: str) -> None:
    """Paragraphs and bullet items of a view's block list."""
    kit.tag(f"{{%p for b in {expression} %}}")
    kit.tag("{%p if b.bullet %}")
    kit.paragraph("{{ b.text }}", "List Bullet")
    kit.tag("{%p else %}")
    kit.paragraph("{{ b.text }}")
    kit.tag("{%p endif %}")
    kit.tag("{%p endfor %}")


def _signature_table(kit: TemplateKit) -> None:
    """One row per party: «For <party>», place and date on the left; line, name, title right."""
    document = kit.document
    table = document.add_table(rows=3, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    widths = [Mm(70), Mm(90)]
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    look = OxmlElement("w:tblLook")
    look.set(qn("w:val"), "0480")
    look.set(qn("w:firstRow"), "0")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:firstColumn"), "0")
    look.set(qn("w:lastColumn"), "0")
    look.set(qn("w:noHBand"), "1")
    look.set(qn("w:noVBand"), "1")
    table._tbl.tblPr.append(look)

    table.rows[0].cells[0].paragraphs[0].add_run("{%tr for s in signatures %}")
    row = table.rows[1]
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    left, right = row.cells

    first = left.paragraphs[0]
    first.style = document.styles["Tabelletikett"]
    first.paragraph_format.space_before = Pt(18)
    first.add_run("{{ t.for_party }} {{ s.party }}")
    place = left.add_paragraph(style="Tabelltekst")
    place.paragraph_format.space_before = Pt(10)
    place.add_run("{{ t.place }}: {{ s.place }}")
    date = left.add_paragraph(style="Tabelltekst")
    date.paragraph_format.space_before = Pt(10)
    date.add_run("{{ t.date }}: ____________________")

    line = right.paragraphs[0]
    line.style = document.styles["Tabelltekst"]
    line.paragraph_format.space_before = Pt(42)
    line.add_run("_" * 44)
    caption = right.add_paragraph(style="Tabelltekst")
    caption.add_run("{{ t.signature }}").font.size = Pt(8)
    name = right.add_paragraph(style="Tabelletikett")
    name.paragraph_format.space_before = Pt(4)
    name.add_run("{{ s.name }}")
    title = right.add_paragraph(style="Tabelltekst")
    title.add_run("{{ s.title }}")

    table.rows[2].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def _rows_stay_whole(table: Any) -> Any:
    """A row never splits over two pages (a clerk reads each row as one statement)."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return table


def _keep(paragraph: Any) -> Any:
    """Keep a lead-in paragraph on the same page as what follows it."""
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def samarbeidsavtale() -> TemplateKit:
    """The agreement template (same shape as the functions in templates/build_templates.py)."""
    kit = TemplateKit(title="Mal: Samarbeidsavtale")
    kit.tag("{%p if logo %}")
    kit.paragraph("{{ logo }}", "Figur")
    kit.tag("{%p endif %}")
    kit.paragraph("{{ municipality }}", "Kommunenavn")
    kit.paragraph("{{ title }}", "Title")
    kit.paragraph("{{ subtitle }}", "Subtitle")
    kit.key_value_table(
        [
            ("{{ t.parties_label }}", "{{ parties_text }}"),
            ("{{ t.agreement_period }}", "{{ agreement_period }}"),
            ("{{ t.version }}", "{{ version_text }}", "version_text"),
        ],
        widths_mm=(40, 120),
    )

    kit.heading("{{ n.parties }} {{ t.h_parties }}", 1)
    kit.paragraph("{{ parties_intro }}")
    _rows_stay_whole(
        kit.table(
            ["{{ t.party }}", "{{ t.org_number }}", "{{ t.address }}", "{{ t.contact }}"],
            ["{{ p.name }}", "{{ p.org_number }}", "{{ p.address }}", "{{ p.contact }}"],
            loop="p in parties",
            widths_mm=[44, 28, 42, 46],
        )
    )

    kit.heading("{{ n.background }} {{ t.h_background }}", 1)
    _prose(kit, "background")
    kit.tag("{%p if purpose %}")
    kit.heading("{{ t.h_purpose }}", 2)
    _prose(kit, "purpose")
    kit.tag("{%p endif %}")
    kit.tag("{%p if goals %}")
    _keep(kit.paragraph("{{ t.goals_intro }}"))
    kit.tag("{%p for g in goals %}")
    kit.paragraph("{{ g.id }} {{ g.title }}", "List Bullet")
    kit.tag("{%p endfor %}")
    kit.tag("{%p endif %}")

    kit.heading("{{ n.content }} {{ t.h_content }}", 1)
    _prose(kit, "content")
    kit.tag("{%p if activities %}")
    _keep(kit.paragraph("{{ t.activities_intro }}"))
    activities = kit.table(
        [
            "{{ t.col_nr }}",
            "{{ t.col_activity }}",
            "{{ t.col_responsible }}",
            "{{ t.col_period }}",
            "{{ t.col_budget }}",
        ],
        ["{{ a.nr }}", "{{ a.title }}", "{{ a.responsible }}", "{{ a.period }}", "{{ a.budget }}"],
        loop="a in activities",
        widths_mm=[10, 52, 36, 32, 30],
        aligns=["left", "left", "left", "left", "right"],
        total=["", "{{ t.total }}", "", "", "{{ activities_total }}"],
    )
    # which of the agreement's partners take part (multi-party agreements), under the title
    activities.rows[2].cells[1].add_paragraph("{{ a.partners_note }}", style="Merknad")
    _rows_stay_whole(activities)
    kit.paragraph("{{ t.budget_note }}", "Merknad")
    kit.tag("{%p else %}")
    kit.paragraph("{{ t.no_activities }}")
    kit.tag("{%p endif %}")

    kit.heading("{{ n.organisation }} {{ t.h_organisation }}", 1)
    _prose(kit, "meetings")
    kit.tag("{%p if representation %}")
    kit.bullets("representation", "r", var="r")
    kit.tag("{%p endif %}")
    kit.tag("{%p if coordinator %}")
    kit.paragraph("{{ coordinator }}")
    kit.tag("{%p endif %}")

    kit.heading("{{ n.roles }} {{ t.h_roles }}", 1)
    _keep(kit.paragraph("{{ t.roles_intro }}"))
    kit.tag("{%p for item in legend %}")
    paragraph = _keep(kit.document.add_paragraph(style="List Bullet"))
    paragraph.add_run("{{ item.label }}").bold = True
    paragraph.add_run(": {{ item.text }}")
    kit.tag("{%p endfor %}")
    kit.paragraph("{{p matrix_table }}")

    kit.heading("{{ n.economy }} {{ t.h_economy }}", 1)
    kit.tag("{%p if economy_table %}")
    _keep(kit.paragraph("{{ t.economy_intro }}"))
    kit.paragraph("{{p economy_table }}")
    kit.tag("{%p if grant_note %}")
    kit.paragraph("{{ grant_note }}").paragraph_format.space_before = Pt(6)
    kit.tag("{%p endif %}")
    kit.heading("{{ t.h_year_sums }}", 2)
    kit.paragraph("{{p year_table }}")
    kit.tag("{%p else %}")
    kit.paragraph("{{ t.no_economy }}")
    kit.tag("{%p endif %}")
    kit.tag("{%p if grant_letter %}")
    kit.heading("{{ t.h_grant_letter }}", 2)
    _prose(kit, "grant_letter")
    kit.tag("{%p endif %}")

    for key, label in (
        ("reporting", "h_reporting"),
        ("privacy", "h_privacy"),
        ("public_access", "h_public_access"),
    ):
        kit.tag(f"{{%p if {key} %}}")
        kit.heading(f"{{{{ n.{key} }}}} {{{{ t.{label} }}}}", 1)
        _prose(kit, key)
        kit.tag("{%p endif %}")

    kit.heading("{{ n.duration }} {{ t.h_duration }}", 1)
    kit.paragraph("{{ duration }}")
    kit.paragraph("{{ notice }}")
    _prose(kit, "amendments")

    kit.tag("{%p if breach or disputes %}")
    kit.heading("{{ n.breach }} {{ breach_heading }}", 1)
    _prose(kit, "breach")
    _prose(kit, "disputes")
    kit.tag("{%p endif %}")

    kit.heading("{{ n.contacts }} {{ t.h_contacts }}", 1)
    _rows_stay_whole(
        kit.table(
            [
                "{{ t.party }}",
                "{{ t.name }}",
                "{{ t.job_title }}",
                "{{ t.email }}",
                "{{ t.phone }}",
            ],
            ["{{ c.party }}", "{{ c.name }}", "{{ c.title }}", "{{ c.email }}", "{{ c.phone }}"],
            loop="c in contacts",
            widths_mm=[38, 32, 32, 36, 22],
        )
    )

    kit.heading("{{ n.signatures }} {{ t.h_signatures }}", 1)
    _keep(kit.paragraph("{{ copies_text }}"))
    _signature_table(kit)
    return kit


def build() -> bytes:
    return samarbeidsavtale().to_bytes()


def main() -> None:
    TARGET.write_bytes(build())
    print(f"skrev {TARGET}")


if __name__ == "__main__":
    main()
