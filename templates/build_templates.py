"""Regenerate the built-in Word templates of omradedok, reproducibly.

    python templates/build_templates.py            # writes templates/*.docx and templates/parts/*.docx
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


def status_table(kit: TemplateKit) -> None:
    kit.key_value_table(
        [
            ("{{ t.status }}", "{{ doc.status }}"),
            ("{{ t.version }}", "{{ doc.version }}", "doc.version"),
            ("{{ t.date }}", "{{ doc.date }}"),
            ("{{ t.period }}", "{{ doc.period }}"),
            ("{{ t.decision }}", "{{ doc.decision_text }}", "doc.decision_text"),
            (
                "{{ t.consultation_deadline }}",
                "{{ doc.consultation_deadline }}",
                "doc.consultation_deadline",
            ),
            ("{{ t.archive_case }}", "{{ doc.archive_case }}", "doc.archive_case"),
        ]
    )


def chart(kit: TemplateKit, key: str) -> None:
    """A chart picture with its caption, when the view has that chart."""
    kit.tag(f"{{%p if charts.{key} %}}")
    kit.picture_paragraph(f"charts.{key}.picture", f"{{{{ charts.{key}.caption }}}}")
    kit.tag("{%p endif %}")


def none_text(kit: TemplateKit, key: str) -> None:
    kit.tag("{%p else %}")
    kit.paragraph(f"{{{{ t.{key} }}}}")
    kit.tag("{%p endif %}")


def document_head(kit: TemplateKit, title_label: str) -> None:
    """Logo, municipality, title, subtitle and status facts at the top of page 1."""
    logo_and_municipality(kit)
    kit.paragraph(f"{{{{ t.{title_label} }}}}", "Title")
    kit.paragraph("{{ doc.subtitle }}", "Subtitle")
    status_table(kit)


# --------------------------------------------------------------------- handlingsplan


def handlingsplan() -> TemplateKit:
    kit = TemplateKit(title="Mal: Handlingsplan")

    # Cover
    logo_and_municipality(kit)
    kit.paragraph("{{ t.action_plan }}", "Forsidetittel")
    kit.paragraph("{{ doc.subtitle }}", "Subtitle")
    kit.tag("{%p if doc.area_line %}")
    kit.paragraph("{{ doc.area_line }}", "Forsidetekst")
    kit.tag("{%p endif %}")
    kit.tag("{%p if plan_documents.line %}")
    kit.paragraph("{{ plan_documents.line }}", "Forsidetekst")
    kit.tag("{%p endif %}")
    status_table(kit)

    # Contents and document information
    kit.toc("{{ t.contents }}", levels="1-2", page_break=True)
    kit.heading("{{ t.about_document }}", 1)
    kit.prose("plan_documents.statement")
    kit.prose("doc.status_text")
    kit.tag("{%p if plan_documents.documents %}")
    kit.heading("{{ t.plan_documents }}", 2)
    kit.table(
        ["{{ t.plan_document }}", "{{ t.period }}", "{{ t.status }}", "{{ t.date }}",
         "{{ t.decision }}", "{{ t.replaces }}"],
        ["{{ d.name }}", "{{ d.period }}", "{{ d.status }}", "{{ d.date }}", "{{ d.decision }}",
         "{{ d.replaces }}"],
        loop="d in plan_documents.documents",
        widths_mm=[40, 20, 22, 24, 32, 22],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if revisions %}")
    kit.heading("{{ t.revision_history }}", 2)
    kit.table(
        ["{{ t.version }}", "{{ t.date }}", "{{ t.status }}", "{{ t.changes }}",
         "{{ t.prepared_by }}"],
        ["{{ r.version }}", "{{ r.date }}", "{{ r.status }}", "{{ r.description }}",
         "{{ r.author }}"],
        loop="r in revisions",
        widths_mm=[18, 28, 30, 54, 30],
    )
    kit.tag("{%p endif %}")

    # ---------------------------------------------------------------- Del 1 Programdel
    kit.heading("{{ t.part1 }}", 1, page_break=True)
    kit.paragraph("{{ t.part1_intro }}", "Ingress")

    kit.tag("{%p if summary %}")
    kit.heading("{{ t.summary }}", 2)
    kit.prose("summary")
    kit.tag("{%p endif %}")

    kit.tag("{%p if background or purpose or area.description or area.population %}")
    kit.heading("{{ t.background }}", 2)
    kit.prose("background")
    kit.tag("{%p if purpose %}")
    kit.heading("{{ t.purpose }}", 3)
    kit.prose("purpose")
    kit.tag("{%p endif %}")
    kit.tag("{%p if area.description or area.population %}")
    kit.heading("{{ t.about_area }}", 3)
    kit.prose("area.description")
    kit.tag("{%p if area.population %}")
    kit.lead("{{ t.population }}: ", "{{ area.population }}")
    kit.tag("{%p endif %}")
    kit.tag("{%p endif %}")
    kit.tag("{%p endif %}")

    kit.heading("{{ t.knowledge_base }}", 2)
    kit.tag("{%p if kb.present %}")
    kit.prose("kb.summary")
    for key, label in (("challenges", "challenges"), ("resources", "resources")):
        kit.tag(f"{{%p if kb.{key} %}}")
        kit.heading(f"{{{{ t.{label} }}}}", 3)
        kit.tag(f"{{%p for f in kb.{key} %}}")
        kit.lead("{{ f.title }}", "{{ f.rest }}")
        kit.tag("{%p endfor %}")
        kit.tag("{%p endif %}")
    kit.tag("{%p if kb.sources %}")
    kit.heading("{{ t.sources }}", 3)
    kit.table(
        ["{{ t.reference }}", "{{ t.source }}", "{{ t.publisher }}", "{{ t.year }}",
         "{{ t.kind }}"],
        ["{{ s.ref }}", "{{ s.title }}", "{{ s.publisher }}", "{{ s.year }}", "{{ s.kind }}"],
        loop="s in kb.sources",
        widths_mm=[11, 60, 44, 11, 34],
    )
    kit.tag("{%p endif %}")
    none_text(kit, "none_knowledge")

    kit.heading("{{ t.anchoring }}", 2)
    kit.tag("{%p if anchoring %}")
    kit.paragraph("{{ t.anchoring_intro }}")
    kit.table(
        ["{{ t.date }}", "{{ t.body }}", "{{ t.case_number }}", "{{ t.decision }}"],
        ["{{ d.date }}", "{{ d.body }}", "{{ d.case_number }}", "{{ d.summary }}"],
        loop="d in anchoring",
        widths_mm=[26, 38, 20, 76],
    )
    none_text(kit, "none_anchoring")

    kit.heading("{{ t.goals_heading }}", 2)
    kit.tag("{%p if vision or main_goals %}")
    kit.tag("{%p if vision %}")
    kit.heading("{{ t.vision }}", 3)
    kit.paragraph("{{ vision }}", "Ingress")
    kit.tag("{%p endif %}")
    chart(kit, "goal_hierarchy")
    kit.tag("{%p if main_goals %}")
    kit.paragraph("{{ t.goal_hierarchy_intro }}")
    kit.tag("{%p endif %}")
    kit.tag("{%p for g in main_goals %}")
    kit.heading("{{ g.heading }}", 3)
    kit.prose("g.description")
    kit.tag("{%p if g.rows and g.observed %}")
    kit.table(
        ["{{ t.goal }}", "{{ t.indicator }}", "{{ t.baseline }}", "{{ t.observed }}",
         "{{ t.target }}", "{{ t.data_source }}"],
        ["{{ r.goal }}", "{{ r.indicator }}", "{{ r.baseline }}", "{{ r.observed }}",
         "{{ r.target }}", "{{ r.source }}"],
        loop="r in g.rows",
        widths_mm=[34, 34, 20, 28, 20, 24],
    )
    kit.tag("{%p elif g.rows %}")
    kit.table(
        ["{{ t.goal }}", "{{ t.indicator }}", "{{ t.baseline }}", "{{ t.target }}",
         "{{ t.data_source }}"],
        ["{{ r.goal }}", "{{ r.indicator }}", "{{ r.baseline }}", "{{ r.target }}",
         "{{ r.source }}"],
        loop="r in g.rows",
        widths_mm=[42, 40, 22, 22, 34],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p endfor %}")
    none_text(kit, "none_goals")

    kit.heading("{{ t.strategies }}", 2)
    kit.tag("{%p if strategies %}")
    kit.tag("{%p for s in strategies %}")
    kit.heading("{{ s.title }}", 3)
    kit.prose("s.description")
    kit.bullets("s.methods", "m", var="m")
    kit.tag("{%p if s.goals %}")
    kit.lead("{{ t.serves_goals }}: ", "{{ s.goals }}", "Merknad")
    kit.tag("{%p endif %}")
    kit.tag("{%p endfor %}")
    none_text(kit, "none_strategies")

    kit.heading("{{ t.frame }}", 2)
    kit.heading("{{ t.boundary }}", 3)
    kit.prose("frame.boundary")
    kit.tag("{%p if frame.grunnkretser %}")
    kit.lead("{{ t.grunnkretser }}: ", "{{ frame.grunnkretser }}")
    kit.tag("{%p endif %}")
    kit.tag("{%p if frame.population %}")
    kit.lead("{{ t.population }}: ", "{{ frame.population }}")
    kit.tag("{%p endif %}")
    kit.heading("{{ t.period_heading }}", 3)
    kit.prose("frame.period_text")
    kit.heading("{{ t.economic_frame }}", 3)
    kit.tag("{%p if frame.budget_rows %}")
    kit.paragraph("{{ t.economic_frame_intro }}")
    kit.table(
        ["{{ t.year }}", "{{ funding.municipal }}", "{{ funding.state }}", "{{ funding.other }}",
         "{{ funding.carried_over }}", "{{ t.total }}"],
        ["{{ b.year }}", "{{ b.municipal }}", "{{ b.state }}", "{{ b.other }}",
         "{{ b.carried_over }}", "{{ b.total }}"],
        loop="b in frame.budget_rows",
        widths_mm=[14, 30, 29, 28, 29, 30],
        aligns=["left", "right", "right", "right", "right", "right"],
        total=["{{ frame.budget_total.year }}", "{{ frame.budget_total.municipal }}",
               "{{ frame.budget_total.state }}", "{{ frame.budget_total.other }}",
               "{{ frame.budget_total.carried_over }}", "{{ frame.budget_total.total }}"],
        total_condition="frame.budget_total",
    )
    kit.tag("{%p if frame.budget_missing %}")
    kit.paragraph("{{ t.economic_frame_missing }}", "Merknad")
    kit.tag("{%p endif %}")
    kit.tag("{%p if frame.notes %}")
    kit.paragraph("{{ t.notes }}", "Tabelltittel")
    kit.tag("{%p for n in frame.notes %}")
    kit.lead("{{ n.year }}: ", "{{ n.text }}", "List Bullet")
    kit.tag("{%p endfor %}")
    kit.tag("{%p endif %}")
    chart(kit, "budget_by_year")
    chart(kit, "budget_by_subprogramme")
    none_text(kit, "none_budget")

    kit.heading("{{ t.organisation_heading }}", 2)
    kit.tag("{%p if org.present %}")
    kit.prose("org.intro")
    chart(kit, "organisation")
    kit.tag("{%p if org.service_areas %}")
    kit.heading("{{ t.service_areas }}", 3)
    kit.bullets("org.service_areas", "a", var="a")
    kit.tag("{%p endif %}")
    kit.tag("{%p if org.bodies %}")
    kit.heading("{{ t.bodies }}", 3)
    kit.tag("{%p for b in org.bodies %}")
    kit.heading("{{ b.name }}", 4)
    kit.tag("{%p if b.facts %}")
    kit.paragraph("{{ b.facts }}", "Merknad")
    kit.tag("{%p endif %}")
    kit.prose("b.mandate")
    kit.tag("{%p if b.members %}")
    kit.table(
        ["{{ t.name }}", "{{ t.title }}", "{{ t.organisation }}", "{{ t.role }}"],
        ["{{ m.name }}", "{{ m.title }}", "{{ m.organisation }}", "{{ m.role }}"],
        loop="m in b.members",
        widths_mm=[36, 48, 40, 36],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p endfor %}")
    kit.tag("{%p endif %}")
    kit.tag("{%p if org.roles %}")
    kit.heading("{{ t.roles }}", 3)
    kit.table(
        ["{{ t.role }}", "{{ t.holder }}", "{{ t.responsibilities }}"],
        ["{{ r.title }}", "{{ r.holder }}", "{{ r.responsibilities }}"],
        loop="r in org.roles",
        widths_mm=[42, 36, 82],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if org.partners %}")
    kit.heading("{{ t.partners }}", 3)
    kit.table(
        ["{{ t.name }}", "{{ t.kind }}", "{{ t.org_number }}", "{{ t.contact }}"],
        ["{{ p.name }}", "{{ p.kind }}", "{{ p.org_number }}", "{{ p.contact }}"],
        loop="p in org.partners",
        widths_mm=[52, 34, 26, 48],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if org.matrix %}")
    kit.heading("{{ t.matrix }}", 3)
    kit.paragraph("{{ t.matrix_intro }}")
    kit.table(
        ["{{ t.task }}", "{{ involvement.responsible }}", "{{ involvement.contributes }}",
         "{{ involvement.consulted }}", "{{ involvement.informed }}"],
        ["{{ r.task }}", "{{ r.responsible }}", "{{ r.contributes }}", "{{ r.consulted }}",
         "{{ r.informed }}"],
        loop="r in org.matrix",
        widths_mm=[52, 30, 30, 24, 24],
    )
    kit.tag("{%p endif %}")
    none_text(kit, "none_organisation")

    kit.heading("{{ t.participation }}", 2)
    kit.tag("{%p if participation.summary or participation.measures %}")
    kit.prose("participation.summary")
    kit.bullets("participation.measures", "m", var="m")
    none_text(kit, "none_participation")

    kit.heading("{{ t.communication_heading }}", 2)
    kit.tag("{%p if communication %}")
    kit.paragraph("{{p communication }}")
    none_text(kit, "none_communication")

    kit.heading("{{ t.evaluation_heading }}", 2)
    kit.tag("{%p if evaluation %}")
    kit.paragraph("{{p evaluation }}")
    none_text(kit, "none_evaluation")

    kit.heading("{{ t.progress }}", 2)
    kit.tag("{%p if progress.milestones or progress.activity_plans %}")
    kit.tag("{%p if progress.milestones %}")
    kit.heading("{{ t.milestones }}", 3)
    chart(kit, "timeline")
    kit.table(
        ["{{ t.date }}", "{{ t.milestone }}", "{{ t.description }}"],
        ["{{ m.date }}", "{{ m.title }}", "{{ m.description }}"],
        loop="m in progress.milestones",
        widths_mm=[32, 64, 64],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if progress.activity_plans %}")
    kit.heading("{{ t.activity_plans }}", 3)
    kit.prose("progress.activity_intro")
    kit.table(
        ["{{ t.year }}", "{{ t.activities_count }}", "{{ t.budget }}"],
        ["{{ a.year }}", "{{ a.count }}", "{{ a.total }}"],
        loop="a in progress.activity_plans",
        widths_mm=[30, 40, 90],
        aligns=["left", "right", "right"],
    )
    kit.tag("{%p endif %}")
    none_text(kit, "none_progress")

    # ------------------------------------------------------------- Del 2 Prosjektoversikt
    kit.heading("{{ t.part2 }}", 1, page_break=True)
    kit.tag("{%p if programme.sub_programmes %}")
    kit.prose("programme.intro", "Ingress")
    kit.tag("{%p if programme.overview %}")
    kit.paragraph("{{ programme.overview_title }}", "Tabelltittel")
    kit.table(
        ["{{ t.sub_programme }}", "{{ t.responsible }}", "{{ t.activities_count }}",
         "{{ programme.budget_label }}"],
        ["{{ o.name }}", "{{ o.owner }}", "{{ o.count }}", "{{ o.budget }}"],
        loop="o in programme.overview",
        widths_mm=[52, 52, 18, 38],
        aligns=["left", "left", "right", "right"],
        total=["{{ t.total }}", "", "{{ programme.total_count }}", "{{ programme.total }}"],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p for sp in programme.sub_programmes %}")
    kit.heading("{{ sp.heading }}", 2)
    kit.prose("sp.description")
    kit.tag("{%p for f in sp.facts %}")
    kit.lead("{{ f.label }}: ", "{{ f.value }}", "Merknad")
    kit.tag("{%p endfor %}")
    kit.tag("{%p if sp.rows %}")
    kit.table(
        ["{{ t.project }}", "{{ t.responsible }}", "{{ t.goals }}", "{{ t.period }}",
         "{{ programme.budget_label }}"],
        ["{{ r.name }}", "{{ r.owner }}", "{{ r.goals }}", "{{ r.period }}", "{{ r.budget }}"],
        loop="r in sp.rows",
        widths_mm=[50, 38, 22, 20, 30],
        aligns=["left", "left", "left", "left", "right"],
        total=["{{ t.subprogramme_total }}", "", "", "", "{{ sp.total }}"],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p for p in sp.projects %}")
    kit.tag("{%p if p.sub %}")
    kit.heading("{{ p.heading }}", 4)
    kit.tag("{%p else %}")
    kit.heading("{{ p.heading }}", 3)
    kit.tag("{%p endif %}")
    kit.prose("p.description")
    kit.tag("{%p if p.objectives %}")
    kit.paragraph("{{ p.objectives_label }}:")
    kit.bullets("p.objectives", "o", var="o")
    kit.tag("{%p endif %}")
    kit.tag("{%p for f in p.facts %}")
    kit.lead("{{ f.label }}: ", "{{ f.value }}", "Merknad")
    kit.tag("{%p endfor %}")
    kit.tag("{%p endfor %}")
    kit.tag("{%p endfor %}")
    none_text(kit, "none_programme")
    return kit


# ------------------------------------------------------------ communication, evaluation


def kommunikasjonsplan_part() -> TemplateKit:
    """The communication plan's sections: shown alone and inside the handlingsplan."""
    kit = TemplateKit(title="Mal: Kommunikasjonsplan (innhold)", header_footer=False)
    kit.tag("{%p if goals %}")
    kit.heading("{{ t.comm_goals }}", 1)
    kit.bullets("goals", "g", var="g")
    kit.tag("{%p endif %}")
    kit.tag("{%p if target_groups %}")
    kit.heading("{{ t.target_groups }}", 1)
    kit.table(
        ["{{ t.target_group }}", "{{ t.description }}"],
        ["{{ g.name }}", "{{ g.description }}"],
        loop="g in target_groups",
        widths_mm=[55, 105],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if core_messages %}")
    kit.heading("{{ t.core_messages }}", 1)
    kit.bullets("core_messages", "m", var="m")
    kit.tag("{%p endif %}")
    kit.tag("{%p if channels %}")
    kit.heading("{{ t.channels }}", 1)
    kit.table(
        ["{{ t.channel }}", "{{ t.kind }}"],
        ["{{ c.text }}", "{{ c.kind }}"],
        loop="c in channels",
        widths_mm=[110, 50],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if languages %}")
    kit.heading("{{ t.languages }}", 1)
    kit.paragraph("{{ languages }}")
    kit.tag("{%p endif %}")
    kit.tag("{%p if measures %}")
    kit.heading("{{ t.measures }}", 1)
    kit.table(
        ["{{ t.activity }}", "{{ t.channel }}", "{{ t.target_group }}", "{{ t.timing }}",
         "{{ t.responsible }}", "{{ t.resources_col }}"],
        ["{{ m.activity }}", "{{ m.channels }}", "{{ m.target_groups }}", "{{ m.timing }}",
         "{{ m.responsible }}", "{{ m.resources }}"],
        loop="m in measures",
        widths_mm=[32, 30, 25, 21, 27, 25],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if engagement %}")
    kit.heading("{{ t.engagement }}", 1)
    kit.prose("engagement")
    kit.tag("{%p endif %}")
    return kit


def evalueringsplan_part() -> TemplateKit:
    """The evaluation plan's sections: shown alone and inside the handlingsplan."""
    kit = TemplateKit(title="Mal: Evalueringsplan (innhold)", header_footer=False)
    kit.tag("{%p if purpose or users %}")
    kit.heading("{{ t.eval_purpose }}", 1)
    kit.prose("purpose")
    kit.tag("{%p if users %}")
    kit.paragraph("{{ t.eval_users }}:")
    kit.bullets("users", "u", var="u")
    kit.tag("{%p endif %}")
    kit.tag("{%p endif %}")
    kit.tag("{%p if schedule %}")
    kit.heading("{{ t.eval_schedule }}", 1)
    kit.table(
        ["{{ t.year }}", "{{ t.eval_type }}", "{{ t.description }}"],
        ["{{ s.year }}", "{{ s.type }}", "{{ s.description }}"],
        loop="s in schedule",
        widths_mm=[16, 44, 100],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if questions %}")
    kit.heading("{{ t.eval_questions }}", 1)
    kit.bullets("questions", "q", var="q")
    kit.tag("{%p endif %}")
    kit.tag("{%p if chain %}")
    kit.heading("{{ t.result_chain }}", 1)
    kit.paragraph("{{ t.result_chain_intro }}")
    kit.table(
        ["{{ t.inputs }} →", "{{ t.activities }} →", "{{ t.results }} →", "{{ t.effects }}"],
        ["{{ c.inputs }}", "{{ c.activities }}", "{{ c.results }}", "{{ c.effects }}"],
        loop="c in chain",
        widths_mm=[40, 40, 40, 40],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p if indicators %}")
    kit.heading("{{ t.indicator_matrix }}", 1)
    kit.paragraph("{{ t.indicator_matrix_intro }}")
    kit.tag("{%p if observed %}")
    kit.table(
        ["{{ t.indicator }}", "{{ t.baseline }}", "{{ t.observed }}", "{{ t.target }}",
         "{{ t.data_source_frequency }}", "{{ t.responsible }}"],
        ["{{ i.indicator }}", "{{ i.baseline }}", "{{ i.observed }}", "{{ i.target }}",
         "{{ i.source_frequency }}", "{{ i.responsible }}"],
        loop="i in indicators",
        widths_mm=[34, 27, 27, 18, 30, 24],
    )
    kit.tag("{%p else %}")
    kit.table(
        ["{{ t.indicator }}", "{{ t.baseline }}", "{{ t.target }}",
         "{{ t.data_source_frequency }}", "{{ t.responsible }}"],
        ["{{ i.indicator }}", "{{ i.baseline }}", "{{ i.target }}", "{{ i.source_frequency }}",
         "{{ i.responsible }}"],
        loop="i in indicators",
        widths_mm=[46, 34, 20, 32, 28],
    )
    kit.tag("{%p endif %}")
    kit.tag("{%p endif %}")
    kit.heading("{{ t.evaluator }}", 1)
    kit.paragraph("{{ evaluator }}")
    kit.tag("{%p if reporting %}")
    kit.heading("{{ t.reporting }}", 1)
    kit.table(
        ["{{ t.report_to }}", "{{ t.frequency }}", "{{ t.report_form }}"],
        ["{{ r.to }}", "{{ r.frequency }}", "{{ r.form }}"],
        loop="r in reporting",
        widths_mm=[45, 35, 80],
    )
    kit.tag("{%p endif %}")
    return kit


def standalone(title_label: str, template_title: str) -> Callable[[], TemplateKit]:
    def build() -> TemplateKit:
        kit = TemplateKit(title=template_title)
        document_head(kit, title_label)
        kit.prose("intro", "Ingress")
        kit.paragraph("{{p body }}")
        return kit

    return build


# ----------------------------------------------------------------------- saksframlegg


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
    "handlingsplan.docx": handlingsplan,
    "saksframlegg.docx": saksframlegg,
    "kommunikasjonsplan.docx": standalone("communication_plan", "Mal: Kommunikasjonsplan"),
    "evalueringsplan.docx": standalone("evaluation_plan", "Mal: Evalueringsplan"),
    "parts/kommunikasjonsplan.docx": kommunikasjonsplan_part,
    "parts/evalueringsplan.docx": evalueringsplan_part,
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
