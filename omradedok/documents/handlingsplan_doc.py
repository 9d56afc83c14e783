"""handlingsplan.pdf (and the view the DOCX moves to): the action plan as ONE typed view.

:func:`plan_document` maps the model – through the formatted data of
:func:`handlingsplan.handlingsplan_view` and the communication and evaluation plans' own views –
to one ``view.blocks.Document``; ``render/pdf_body`` prints it (and ``render/docx_body`` can).
So both formats have the same chapters in the same order with the same numbers:

* «Om dokumentet» first (which plan document this is, its status, the plan documents and the
  version history), unnumbered as a preface;
* «Del 1 Programdel» with the chapters numbered 1, 2 … (sections 1.1, 1.1.1 …);
* «Del 2 Prosjektoversikt» continuing the chapter numbers, one chapter per delprogram.

Every word comes from ``labels.yaml`` (a municipality's copy in its template folder over it)
in the initiative's own words (its level name), or from the few sentences below, each in
bokmål and nynorsk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..locale import enum_label, format_date, format_year_range, pick
from ..locale.levels import level_forms
from ..model import DocumentStatus, Funding, FundingSource, Initiative, Language
from ..model.passages import plain
from ..view.blocks import (
    Block,
    Cell,
    Column,
    Document,
    Figure,
    Inline,
    ItemList,
    ListItem,
    Meta,
    Paragraph,
    ParagraphRole,
    Row,
    RunningHead,
    Section,
    Span,
    Table,
    cell,
)
from ..view.blocks import Cover as ViewCover
from . import views
from .aktivitetsplan import _figure, money_cell, prose, spans
from .chart_data import plan_figures

__all__ = ["plan_document", "render_pdf"]

SOURCES: tuple[FundingSource, ...] = tuple(FundingSource)


# ------------------------------------------------------------------------ small builders


def _paras(lines: Iterable[str], role: ParagraphRole = "body") -> list[Block]:
    """Paragraphs from a view's list of prose strings (passages marked)."""
    return [p for line in lines for p in prose(line, role)]


def _lead(label: str, value: str, role: ParagraphRole = "body") -> Paragraph:
    """«Label: value» with the label in bold."""
    return Paragraph((Span(plain(label), bold=True), *spans(value)), role)


def _items(values: Iterable[str]) -> ItemList | None:
    items = tuple(ListItem(spans(v)) for v in values if plain(v).strip())
    return ItemList(items) if items else None


def _table(
    heads: Sequence[str],
    rows: Iterable[Sequence[str | Cell]],
    widths: Sequence[float],
    *,
    right: Sequence[int] = (),
    total: Sequence[str | Cell] | None = None,
    caption: str = "",
    key: str = "",
) -> Table:
    columns = tuple(
        Column(plain(h), w, "right" if i in right else "left")
        for i, (h, w) in enumerate(zip(heads, widths, strict=True))
    )
    body = [Row(tuple(_cell(v) for v in row)) for row in rows]
    if total is not None:
        body.append(Row(tuple(_cell(v) for v in total), "sum"))
    return Table(columns, tuple(body), caption=plain(caption), key=key)


def _cell(value: str | Cell | int) -> Cell:
    if isinstance(value, Cell):
        return value
    text = str(value)
    # the text keeps its passage markers: both renderers print each passage with its language
    stripped = text.lstrip("\u2003")
    if stripped != text:  # «\u2003» marks a row one step in (a delprosjekt, a resultatmål)
        return Cell(stripped, indent=len(text) - len(stripped))
    return Cell(text)


def _section(title: str, children: Iterable[Block | None], level: int, **kw: Any) -> Section:
    # the title keeps its passage markers: both renderers print a passage with its language
    return Section(title, tuple(c for c in children if c is not None), level=level, **kw)


def _number(blocks: Sequence[Block], counter: list[int], prefix: str = "") -> tuple[Block, ...]:
    """Chapters (the sections right under a part) numbered on from ``counter`` across the
    parts, sections below them «n.1», «n.1.1» …; the parts themselves keep their own
    «Del 1»/«Del 2» titles and no number."""
    out: list[Block] = []
    count = 0
    for block in blocks:
        if not isinstance(block, Section):
            out.append(block)
            continue
        if not prefix:
            counter[0] += 1
            number = str(counter[0])
        else:
            count += 1
            number = f"{prefix}{count}"
        out.append(
            replace(block, number=number, children=_number(block.children, counter, f"{number}."))
        )
    return tuple(out)


# ------------------------------------------------------------------------------ chapters


class _Plan:
    """The pieces every chapter reads: the formatted data, labels, the model."""

    def __init__(self, model: Initiative, language: Language, template_dir: Path | None) -> None:
        from .handlingsplan import handlingsplan_view

        self.model = model
        self.lang = language
        self.template_dir = template_dir
        self.v = handlingsplan_view(model, language, template_dir)
        self.t: dict[str, str] = self.v["t"]
        self.figures = {f.key: _figure(f) for f in plan_figures(model, language)}

    def p(self, nb: str, nn: str) -> str:
        return views.own_words(self.model, self.lang, pick(self.lang, nb, nn))

    def figure(self, key: str) -> Figure | None:
        return self.figures.get(key)

    def none(self, key: str) -> Paragraph:
        return Paragraph(spans(self.t[key]))


def _about(plan: _Plan) -> Section:
    v, t = plan.v, plan.t
    docs = v["plan_documents"]
    children: list[Block | None] = [
        *_paras(docs["statement"]),
        *_paras(v["doc"]["status_text"]),
    ]
    if docs["documents"]:
        children.append(
            _section(
                t["plan_documents"],
                [
                    _table(
                        [
                            t["plan_document"],
                            t["period"],
                            t["status"],
                            t["date"],
                            t["decision"],
                            t["replaces"],
                        ],
                        [
                            [
                                d["name"],
                                d["period"],
                                d["status"],
                                d["date"],
                                d["decision"],
                                d["replaces"],
                            ]
                            for d in docs["documents"]
                        ],
                        [0.25, 0.12, 0.13, 0.14, 0.22, 0.14],
                        key="plan_documents",
                    )
                ],
                2,
                key="plan_documents",
            )
        )
    if v["revisions"]:
        children.append(
            _section(
                t["revision_history"],
                [
                    _table(
                        [t["version"], t["date"], t["status"], t["changes"], t["prepared_by"]],
                        [
                            [r["version"], r["date"], r["status"], r["description"], r["author"]]
                            for r in v["revisions"]
                        ],
                        [0.11, 0.17, 0.17, 0.35, 0.2],
                        key="revisions",
                    )
                ],
                2,
                key="revisions",
            )
        )
    return _section(t["about_document"], children, 1, key="about")


def _summary(plan: _Plan) -> Section | None:
    """Sammendrag: the input's summary and the plan's key facts."""
    model, lang = plan.model, plan.lang
    area = model.area
    _singular, plural, _definite = level_forms(model.programme.level_term, lang)
    facts = [
        (pick(lang, "Kommune", "Kommune"), model.municipality.name),
        (
            pick(lang, "Område", "Område"),
            area.name + (f" ({area.district})" if area.district else ""),
        ),
        (pick(lang, "Periode", "Periode"), views.period_text(model)),
        (plan.t["population"], plan.v["frame"]["population"]),
        (pick(lang, "Hovedmål", "Hovudmål"), str(len(model.goals.main_goals))),
        (plural[0].upper() + plural[1:], str(len(model.programme.sub_programmes))),
        ("Status", enum_label(model.document.status, lang)),
        (
            pick(lang, "Revideres", "Blir revidert"),
            format_date(model.document.revision_due, lang) if model.document.revision_due else "",
        ),
    ]
    shown = [(k, val) for k, val in facts if plain(val).strip()]
    return _section(
        plan.t["summary"],
        [
            *_paras(plan.v["summary"]),
            ItemList(
                tuple(ListItem((Span(f"{plain(k)} ", bold=True), *spans(val))) for k, val in shown)
            ),
        ],
        2,
        key="summary",
    )


def _background(plan: _Plan) -> Section | None:
    v, t = plan.v, plan.t
    area = v["area"]
    if not (v["background"] or v["purpose"] or area["description"] or area["population"]):
        return None
    children: list[Block | None] = [*_paras(v["background"])]
    if v["purpose"]:
        children.append(_section(t["purpose"], _paras(v["purpose"]), 3, key="purpose"))
    if area["description"] or area["population"]:
        inner: list[Block | None] = [*_paras(area["description"])]
        if area["population"]:
            inner.append(_lead(f"{t['population']}: ", area["population"]))
        children.append(_section(t["about_area"], inner, 3, key="area"))
    return _section(t["background"], children, 2, key="background")


def _knowledge(plan: _Plan) -> Section:
    kb, t = plan.v["kb"], plan.t
    if not kb["present"]:
        return _section(t["knowledge_base"], [plan.none("none_knowledge")], 2, key="kb")
    children: list[Block | None] = [*_paras(kb["summary"])]
    for key in ("challenges", "resources"):
        if kb[key]:
            children.append(
                _section(
                    t[key],
                    [
                        Paragraph((Span(plain(f["title"]), bold=True), *spans(f["rest"])))
                        for f in kb[key]
                    ],
                    3,
                    key=f"kb_{key}",
                )
            )
    if kb["sources"]:
        children.append(
            _section(
                t["sources"],
                [
                    _table(
                        [t["reference"], t["source"], t["publisher"], t["year"], t["kind"]],
                        [
                            [s["ref"], s["title"], s["publisher"], str(s["year"]), s["kind"]]
                            for s in kb["sources"]
                        ],
                        [0.08, 0.42, 0.26, 0.08, 0.16],
                        key="sources",
                    )
                ],
                3,
                key="kb_sources",
            )
        )
    return _section(t["knowledge_base"], children, 2, key="kb")


def _anchoring(plan: _Plan) -> Section:
    rows, t = plan.v["anchoring"], plan.t
    if not rows:
        return _section(t["anchoring"], [plan.none("none_anchoring")], 2, key="anchoring")
    return _section(
        t["anchoring"],
        [
            Paragraph(spans(t["anchoring_intro"])),
            _table(
                [t["date"], t["body"], t["case_number"], t["decision"]],
                [[d["date"], d["body"], d["case_number"], d["summary"]] for d in rows],
                [0.17, 0.24, 0.13, 0.46],
                key="anchoring",
            ),
        ],
        2,
        key="anchoring",
    )


def _goals(plan: _Plan) -> Section:
    v, t = plan.v, plan.t
    if not (v["vision"] or v["main_goals"]):
        return _section(t["goals_heading"], [plan.none("none_goals")], 2, key="goals")
    children: list[Block | None] = []
    children += prose(v["vision"], "lead")  # the chapter's title names the vision
    children.append(plan.figure("goal_hierarchy"))
    if v["main_goals"]:
        children.append(Paragraph(spans(t["goal_hierarchy_intro"])))
    for i, g in enumerate(v["main_goals"], 1):
        inner: list[Block | None] = [*_paras(g["description"])]
        if g["rows"]:
            observed = g["observed"]
            heads = [t["goal"], t["indicator"], t["baseline"]]
            heads += [t["observed"]] if observed else []
            heads += [t["target"], t["data_source"]]
            widths = (
                [0.24, 0.22, 0.13, 0.15, 0.12, 0.14] if observed else [0.28, 0.26, 0.15, 0.14, 0.17]
            )
            rows = [
                [
                    r["goal"],
                    r["indicator"],
                    r["baseline"],
                    *([r["observed"]] if observed else []),
                    r["target"],
                    r["source"],
                ]
                for r in g["rows"]
            ]
            inner.append(_table(heads, rows, widths, key=f"goal_{i}"))
        children.append(_section(g["heading"], inner, 3, key=f"main_goal_{i}"))
    return _section(t["goals_heading"], children, 2, key="goals")


def _strategies(plan: _Plan) -> Section:
    t = plan.t
    if not plan.model.strategies:
        return _section(t["strategies"], [plan.none("none_strategies")], 2, key="strategies")
    titles = views.goal_titles(plan.model)
    children: list[Block | None] = []
    for i, s in enumerate(plan.model.strategies, 1):
        inner: list[Block | None] = [*_paras(views.paragraphs(s.description)), _items(s.methods)]
        if s.goal_ids:
            goals = "; ".join(f"{g} {titles[g]}" if g in titles else g for g in s.goal_ids)
            inner.append(_lead(f"{t['serves_goals']}: ", goals, "note"))
        children.append(_section(s.title, inner, 3, key=f"strategy_{i}"))
    return _section(t["strategies"], children, 2, key="strategies")


def _budget_by_sub_programme(plan: _Plan) -> Section | None:
    """The activities' whole budgets per delprogram and funding source (the model's one
    sum, ``Funding.sum_of``); a source no activity uses is «–»."""
    model, lang, t = plan.model, plan.lang, plan.t
    if not model.activities:
        return None

    def money(parts: list[Funding]) -> list[Cell]:
        total = Funding.sum_of(parts)
        used = {s for s in SOURCES if any(p.amount(s) is not None or not p.known for p in parts)}
        return [money_cell(total.amount(s) if s in used else None, lang) for s in SOURCES] + [
            money_cell(total.total, lang) if parts else cell("–")
        ]

    rows: list[list[str | Cell]] = []
    for sp in model.programme.sub_programmes:
        parts = [a.total_budget() for a in model.activities if a.sub_programme_id == sp.id]
        rows.append([f"{sp.id} {sp.name}", *money(parts)])
    years = model.activity_years()
    funding = plan.v["funding"]
    table = _table(
        [t["sub_programme"], *(funding[s.value] for s in SOURCES), t["total"]],
        rows,
        [0.24, 0.15, 0.15, 0.15, 0.15, 0.16],
        right=(1, 2, 3, 4, 5),
        total=[t["total"], *money([a.total_budget() for a in model.activities])],
        key="budget_by_sub_programme",
    )
    return _section(
        views.own_words(model, lang, t["budget_overview"]),
        [
            Paragraph(
                spans(
                    plan.p(
                        "Sum av tiltakene i aktivitetsplanene for "
                        f"{format_year_range(years[0], years[-1])}.",
                        "Sum av tiltaka i aktivitetsplanane for "
                        f"{format_year_range(years[0], years[-1])}.",
                    )
                )
            ),
            table,
            plan.figure("budget_by_subprogramme"),
        ],
        3,
        key="budget_by_sub_programme",
    )


def _frame(plan: _Plan) -> Section:
    f, t, funding = plan.v["frame"], plan.t, plan.v["funding"]
    boundary: list[Block | None] = [*_paras(f["boundary"])]
    if f["grunnkretser"]:
        boundary.append(_lead(f"{t['grunnkretser']}: ", f["grunnkretser"]))
    if f["population"]:
        boundary.append(_lead(f"{t['population']}: ", f["population"]))
    economic: list[Block | None] = []
    if f["budget_rows"]:
        total = f["budget_total"]
        keys = ("year", "municipal", "state", "other", "carried_over", "total")
        economic += [
            Paragraph(spans(t["economic_frame_intro"])),
            _table(
                [
                    t["year"],
                    funding["municipal"],
                    funding["state"],
                    funding["other"],
                    funding["carried_over"],
                    t["total"],
                ],
                [[str(b[k]) for k in keys] for b in f["budget_rows"]],
                [0.1, 0.18, 0.18, 0.18, 0.18, 0.18],
                right=(1, 2, 3, 4, 5),
                total=[str(total[k]) for k in keys] if total else None,
                key="frame",
            ),
        ]
        if f["budget_missing"]:
            economic.append(Paragraph(spans(t["economic_frame_missing"]), "note"))
        if f["notes"]:
            economic.append(Paragraph((Span(plain(t["notes"]), bold=True),)))
            economic.append(
                ItemList(
                    tuple(
                        ListItem((Span(f"{n['year']}: ", bold=True), *spans(n["text"])))
                        for n in f["notes"]
                    )
                )
            )
        economic.append(plan.figure("budget_by_year"))
    else:
        economic.append(plan.none("none_budget"))
    return _section(
        t["frame"],
        [
            _section(t["boundary"], boundary, 3, key="boundary"),
            _section(t["period_heading"], _paras(f["period_text"]), 3, key="period"),
            _section(t["economic_frame"], economic, 3, key="economic_frame"),
            _budget_by_sub_programme(plan),
        ],
        2,
        key="frame",
    )


def _organisation(plan: _Plan) -> Section:
    org, t, inv = plan.v["org"], plan.t, plan.v["involvement"]
    if not org["present"]:
        return _section(t["organisation_heading"], [plan.none("none_organisation")], 2, key="org")
    children: list[Block | None] = [*_paras(org["intro"]), plan.figure("organisation")]
    if org["service_areas"]:
        children.append(
            _section(t["service_areas"], [_items(org["service_areas"])], 3, key="service_areas")
        )
    if org["bodies"]:
        bodies: list[Block | None] = []
        for i, b in enumerate(org["bodies"], 1):
            inner: list[Block | None] = []
            if b["facts"]:
                inner.append(Paragraph(spans(b["facts"]), "note"))
            inner += _paras(b["mandate"])
            if b["members"]:
                inner.append(
                    _table(
                        [t["name"], t["title"], t["organisation"], t["role"]],
                        [
                            [m["name"], m["title"], m["organisation"], m["role"]]
                            for m in b["members"]
                        ],
                        [0.24, 0.3, 0.24, 0.22],
                        key=f"members_{i}",
                    )
                )
            bodies.append(_section(b["name"], inner, 4, key=f"body_{i}"))
        children.append(_section(t["bodies"], bodies, 3, key="bodies"))
    if org["roles"]:
        children.append(
            _section(
                t["roles"],
                [
                    _table(
                        [t["role"], t["holder"], t["responsibilities"]],
                        [[r["title"], r["holder"], r["responsibilities"]] for r in org["roles"]],
                        [0.26, 0.22, 0.52],
                        key="roles",
                    )
                ],
                3,
                key="roles",
            )
        )
    if org["partners"]:
        descriptions = {p.name: p.description for p in plan.model.partners}
        children.append(
            _section(
                t["partners"],
                [
                    _table(
                        [t["name"], t["kind"], t["org_number"], t["contact"], t["description"]],
                        [
                            [
                                p["name"],
                                p["kind"],
                                p["org_number"],
                                p["contact"],
                                descriptions.get(p["name"], ""),
                            ]
                            for p in org["partners"]
                        ],
                        [0.22, 0.15, 0.13, 0.2, 0.3],
                        key="partners",
                    )
                ],
                3,
                key="partners",
            )
        )
    if org["matrix"]:
        children.append(
            _section(
                t["matrix"],
                [
                    Paragraph(spans(t["matrix_intro"])),
                    _table(
                        [
                            t["task"],
                            inv["responsible"],
                            inv["contributes"],
                            inv["consulted"],
                            inv["informed"],
                        ],
                        [
                            [
                                r["task"],
                                r["responsible"],
                                r["contributes"],
                                r["consulted"],
                                r["informed"],
                            ]
                            for r in org["matrix"]
                        ],
                        [0.32, 0.17, 0.17, 0.17, 0.17],
                        key="matrix",
                    ),
                ],
                3,
                key="matrix",
            )
        )
    return _section(t["organisation_heading"], children, 2, key="org")


def _participation(plan: _Plan) -> Section:
    p, t = plan.v["participation"], plan.t
    if not (p["summary"] or p["measures"]):
        return _section(
            t["participation"], [plan.none("none_participation")], 2, key="participation"
        )
    return _section(
        t["participation"], [*_paras(p["summary"]), _items(p["measures"])], 2, key="participation"
    )


def _communication(plan: _Plan) -> Section:
    from .kommunikasjonsplan import communication_section

    return communication_section(plan.model, plan.lang, plan.template_dir)


def _evaluation(plan: _Plan) -> Section:
    from .evalueringsplan import evaluation_section

    return evaluation_section(plan.model, plan.lang, plan.template_dir)


def _progress(plan: _Plan) -> Section:
    p, t = plan.v["progress"], plan.t
    if not (p["milestones"] or p["activity_plans"]):
        return _section(t["progress"], [plan.none("none_progress")], 2, key="progress")
    children: list[Block | None] = []
    if p["milestones"]:
        children.append(
            _section(
                t["milestones"],
                [
                    plan.figure("timeline"),
                    _table(
                        [t["date"], t["milestone"], t["description"]],
                        [[m["date"], m["title"], m["description"]] for m in p["milestones"]],
                        [0.2, 0.4, 0.4],
                        key="milestones",
                    ),
                ],
                3,
                key="milestones",
            )
        )
    if p["activity_plans"]:
        children.append(
            _section(
                t["activity_plans"],
                [
                    *_paras(p["activity_intro"]),
                    _table(
                        [t["year"], t["activities_count"], t["budget"]],
                        [
                            [str(a["year"]), str(a["count"]), a["total"]]
                            for a in p["activity_plans"]
                        ],
                        [0.2, 0.25, 0.55],
                        right=(1, 2),
                        key="activity_plans",
                    ),
                ],
                3,
                key="activity_plans",
            )
        )
    return _section(t["progress"], children, 2, key="progress")


def _programme(plan: _Plan) -> list[Block]:
    """Del 2: the introduction, the overview and one chapter per delprogram."""
    prog, t, model, lang = plan.v["programme"], plan.t, plan.model, plan.lang
    if not prog["sub_programmes"]:
        return [plan.none("none_programme")]
    _singular, plural, _definite = level_forms(model.programme.level_term, lang)
    out: list[Block] = [
        *_paras(prog["intro"], "lead"),
        Paragraph(
            spans(
                pick(
                    lang,
                    f"Programmet er delt i {plural}, prosjekter og delprosjekter. Budsjettet er "
                    "summen av tiltakene i aktivitetsplanene.",
                    f"Programmet er delt i {plural}, prosjekt og delprosjekt. Budsjettet er "
                    "summen av tiltaka i aktivitetsplanane.",
                )
            )
        ),
    ]
    label = prog["budget_label"]
    if prog["overview"]:
        out.append(
            _table(
                [t["sub_programme"], t["responsible"], t["activities_count"], label],
                [[o["name"], o["owner"], str(o["count"]), o["budget"]] for o in prog["overview"]],
                [0.34, 0.32, 0.12, 0.22],
                right=(2, 3),
                total=[t["total"], "", str(prog["total_count"]), prog["total"]],
                caption=prog["overview_title"],
                key="overview",
            )
        )
    for i, sp in enumerate(prog["sub_programmes"], 1):
        children: list[Block | None] = [*_paras(sp["description"])]
        children += [_lead(f"{f['label']}: ", f["value"], "note") for f in sp["facts"]]
        if sp["rows"]:
            children.append(
                _table(
                    [t["project"], t["responsible"], t["goals"], t["period"], label],
                    [
                        [r["name"], r["owner"], r["goals"], r["period"], r["budget"]]
                        for r in sp["rows"]
                    ],
                    [0.33, 0.24, 0.14, 0.12, 0.17],
                    right=(4,),
                    total=[t["subprogramme_total"], "", "", "", sp["total"]],
                    key=f"projects_{i}",
                )
            )
        groups: list[tuple[dict[str, Any], list[Block | None]]] = []
        for p in sp["projects"]:
            details: list[Block | None] = [*_paras(p["description"])]
            if p["objectives"]:
                details += [Paragraph(spans(f"{p['objectives_label']}:")), _items(p["objectives"])]
            details += [_lead(f"{f['label']}: ", f["value"], "note") for f in p["facts"]]
            if p["sub"] and groups:  # a delprosjekt under its project
                groups[-1][1].append(_section(p["heading"], details, 4))
            else:
                groups.append((p, details))
        projects = [
            _section(head["heading"], details, 3, key=f"project_{i}_{n}")
            for n, (head, details) in enumerate(groups, 1)
        ]
        children += projects
        out.append(_section(sp["heading"], children, 2, key=f"sub_programme_{i}"))
    return out


# ------------------------------------------------------------------------------ document


def _watermark(model: Initiative, lang: Language) -> str | None:
    status = model.document.status
    if status is DocumentStatus.DRAFT:
        return "UTKAST"
    if status is DocumentStatus.CONSULTATION:
        return pick(lang, "HØRINGSUTKAST", "HØYRINGSUTKAST")
    return None


def plan_cover(
    model: Initiative,
    language: Language,
    t: dict[str, str],
    kind: str,
    plan_documents_line: str = "",
) -> ViewCover:
    """The title page: municipality, the kind («Handlingsplan», «Kommunikasjonsplan» …), the
    initiative and period, and the status facts the input gives."""
    doc = views.doc_facts(model, language)
    area = model.area
    facts = [
        (t["area"], ", ".join(x for x in (area.name, area.district) if x)),
        (t["plan_document"], plan_documents_line),
        (t["period"], doc["period"]),
        (t["status"], doc["status"]),
        (t["version"], doc["version"]),
        (t["date"], doc["date"]),
        (t["decision"], doc["decision_text"]),
        (t["consultation_deadline"], doc["consultation_deadline"]),
        (t["archive_case"], doc["archive_case"]),
    ]
    return ViewCover(
        municipality=model.municipality.name,
        kind=plain(kind),
        title=model.title,
        subtitle=views.period_text(model),
        facts=tuple((plain(k), str(v)) for k, v in facts if str(v).strip()),
    )


def plan_document(
    model: Initiative, language: Language, template_dir: Path | None = None
) -> Document:
    """The handlingsplan as one view: what its PDF (and DOCX) print, in one order."""
    from .handlingsplan import document_title

    plan = _Plan(model, language, template_dir)
    t = plan.t
    part1 = [
        _summary(plan),
        _background(plan),
        _knowledge(plan),
        _anchoring(plan),
        _goals(plan),
        _strategies(plan),
        _frame(plan),
        _organisation(plan),
        _participation(plan),
        _communication(plan),
        _evaluation(plan),
        _progress(plan),
    ]
    counter = [0]
    del1 = Section(
        plain(t["part1"]),
        (Paragraph(spans(t["part1_intro"]), "lead"), *_number([s for s in part1 if s], counter)),
        level=1,
        key="part1",
        new_page=True,
    )
    del2 = Section(
        plain(t["part2"]),
        _number(_programme(plan), counter),
        level=1,
        key="part2",
        new_page=True,
    )
    return framed_document(
        model,
        language,
        kind=t["action_plan"],
        title=document_title(model, language),
        keywords=("handlingsplan", "områdeløft", "programplan"),
        body=(_about(plan), del1, del2),
        cover=plan_cover(model, language, t, t["action_plan"], plan.v["plan_documents"]["line"]),
        contents_title=t["contents"],
    )


def framed_document(
    model: Initiative,
    language: Language,
    *,
    kind: str,
    title: str,
    keywords: Sequence[str],
    body: Sequence[Block],
    cover: ViewCover,
    contents_title: str = "",
) -> Document:
    """A plan document's frame around ``body``: metadata, brand, running head (initiative,
    ``kind``, status; footer with municipality, version and date) and title page – the same
    for the handlingsplan and the plan parts printed on their own."""
    doc = model.document
    footer = " · ".join(
        x
        for x in (
            plain(model.municipality.name),
            f"versjon {doc.version}" if doc.version else "",
            format_date(doc.date, language, style="short"),
        )
        if x
    )
    return Document(
        meta=Meta(
            title=plain(title),
            language=f"{language.value}-NO",
            subject=plain(f"{model.title} {views.period_text(model)} – {model.area.name}"),
            keywords=(*keywords, plain(model.area.name), "områdesatsing"),
            author=plain(model.municipality.name),
            date=doc.date,
        ),
        body=tuple(body),
        brand=views.brand_of(model),
        running_head=RunningHead(
            left=plain(model.title),
            centre=plain(kind),
            right=enum_label(doc.status, language),
            footer_left=footer,
            watermark=_watermark(model, language),
            status_line=views.status_banner(model, language),
        ),
        cover=cover,
        contents_title=contents_title,
        contents_depth=2,
    )


def render_pdf(model: Initiative, language: Language, template_dir: Path | None = None) -> bytes:
    """handlingsplan.pdf: the plan's view laid out by reportlab."""
    from ..render.pdf_body import render_pdf_body

    return render_pdf_body(plan_document(model, language, template_dir))


def render_docx(model: Initiative, language: Language, template_dir: Path | None = None) -> bytes:
    """handlingsplan.docx from the same view, through the house template ``dokument.docx``."""
    from ..render.docx_body import render_docx_body

    return render_docx_body(plan_document(model, language, template_dir), template_dir=template_dir)


_ = (Inline,)  # re-exported type for callers building on the view
