"""Plain-data views shared by the DOCX document kinds.

A view is a dict of strings, lists and dicts (plus :class:`~omradedok.render.docx.Picture`
values) that a template prints as it is: every
number, date and name is already formatted in Norwegian here, so templates stay free of
logic a clerk would have to understand.

Shared conventions (every DOCX view has them): ``t`` – the labels in the document language
(templates/labels.yaml, overridable per template folder); ``header_text``; ``status_banner``
(«UTKAST – versjon 0.3 – 26. november 2026», empty once adopted); ``municipality``; ``logo``
(a Picture or None); ``doc`` – status facts for the cover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from ..locale import (
    enum_label,
    format_date,
    format_money,
    format_number,
    format_year_range,
    pick,
)
from ..locale.format import NBSP
from ..locale.levels import officer_relabel, relabel
from ..model import (
    BudgetFrame,
    Decision,
    DocumentStatus,
    Funding,
    FundingSource,
    Indicator,
    Initiative,
    Involvement,
    Language,
    PlanDocument,
    PlanDocumentKind,
)
from ..model.agreements import MUNICIPALITY_PARTY
from ..model.amount import Amount, add_up
from ..model.passages import plain
from ..render.docx import DocMeta, Picture, TemplateSpec, register_template
from ..render.docx_styles import profile_colors
from ..resources import templates_dir
from ..view.blocks import Brand

LABELS_FILE = "labels.yaml"
BASE_KEYS = frozenset({"t", "municipality", "header_text", "status_banner", "logo", "doc"})
"""Top-level keys of every DOCX view built on :func:`base_view`."""
_LIST_LINE = re.compile(r"^\s*(?:[-•*–]\s|\d+[.)]\s)")


# ------------------------------------------------------------------------------- text


def paragraphs(text: str) -> list[str]:
    """Split prose into paragraphs: a blank line starts a new paragraph; lines wrapped inside
    a paragraph (as YAML block text is) are joined with a space, except lines that start a
    list item («- », «• », «1. »), which keep their line break."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        merged = lines[0]
        for line in lines[1:]:
            merged += ("\n" if _LIST_LINE.match(line) else " ") + line
        out.append(merged)
    return out


def join(items: Iterable[str], sep: str = ", ") -> str:
    return sep.join(i for i in items if i)


def and_join(items: list[str], language: Language) -> str:
    """«a, b og c»."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


# ----------------------------------------------------------------------------- labels


def _read_labels(path: Path) -> dict[str, dict[str, str]]:
    from ..io.yamlread import YamlProblem, read_yaml

    try:
        data = read_yaml(path.read_text(encoding="utf-8")).data
    except (OSError, UnicodeDecodeError, YamlProblem) as exc:
        where = f"{path}:{exc.line}" if isinstance(exc, YamlProblem) and exc.line else path
        raise TemplateError(f"{where}: kan ikke lese tekstene ({exc}); rett YAML-filen") from exc
    if not isinstance(data, dict):
        raise TemplateError(
            f"{path}: forventet nøkler med nb- og nn-tekst, for eksempel "
            "«summary: {nb: Sammendrag, nn: Samandrag}»"
        )
    labels: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        if not isinstance(value, dict) or not {"nb", "nn"} <= set(value):
            raise TemplateError(
                f"{path}: «{key}» må ha både nb og nn, for eksempel «{key}: {{nb: …, nn: …}}»"
            )
        labels[str(key)] = {"nb": str(value["nb"]), "nn": str(value["nn"])}
    return labels


@lru_cache(maxsize=16)
def _labels_cached(path: str, mtime: int) -> dict[str, dict[str, str]]:
    return _read_labels(Path(path))


def _labels_at(path: Path) -> dict[str, dict[str, str]]:
    return _labels_cached(str(path), path.stat().st_mtime_ns)


def labels(language: Language, template_dir: Path | None = None) -> dict[str, str]:
    """The template labels in one language; a template folder's labels.yaml overrides keys."""
    merged = dict(_labels_at(templates_dir() / LABELS_FILE))
    if template_dir is not None and (Path(template_dir) / LABELS_FILE).is_file():
        merged.update(_labels_at(Path(template_dir) / LABELS_FILE))
    key = Language(language).value
    return {name: value[key] for name, value in merged.items()}


def label_keys(template_dir: Path | None = None) -> set[str]:
    return set(labels(Language.NB, template_dir))


# --------------------------------------------------------------------- document basics


def period_text(model: Initiative) -> str:
    return format_year_range(model.period.start_year, model.period.end_year)


def status_banner(model: Initiative, language: Language) -> str:
    """The header line of a document that is not adopted: «UTKAST – versjon 0.3 – 26. …»."""
    info = model.document
    if info.status is DocumentStatus.ADOPTED:
        return ""
    parts = [enum_label(info.status, language).upper()]
    if info.version:
        parts.append(f"versjon {info.version}")
    parts.append(format_date(info.date, language))
    if info.status is DocumentStatus.CONSULTATION and info.consultation_deadline:
        deadline = pick(language, "høringsfrist", "høyringsfrist")
        parts.append(f"{deadline} {format_date(info.consultation_deadline, language)}")
    return " – ".join(parts)


def case_reference(number: str) -> str:
    """«sak 178/13» for a bare number; a number written with its kind («PS 0123/17», «sak
    51/17», «byrådssak 1234/13») stays as written – never «sak sak 51/17»."""
    number = number.strip()
    return f"sak {number}" if number[:1].isdigit() else number


def decision_text(model: Initiative, language: Language) -> str:
    decision = model.document.decision
    if decision is None or model.document.status is not DocumentStatus.ADOPTED:
        return ""
    when = f" {format_date(decision.date, language)}" if decision.date else ""
    case = f", {case_reference(decision.case_number)}" if decision.case_number else ""
    return pick(
        language,
        f"Vedtatt av {decision.body}{when}{case}",
        f"Vedteken av {decision.body}{when}{case}",
    )


def status_statement(model: Initiative, language: Language, document_name: str) -> list[str]:
    """Plain words about the document's status (for «Om dokumentet»)."""
    info = model.document
    date = format_date(info.date, language)
    version = f"versjon {info.version}, " if info.version else ""
    lines: list[str] = []
    if info.status is DocumentStatus.ADOPTED and info.decision is not None:
        decision = info.decision
        when = f" {format_date(decision.date, language)}" if decision.date else ""
        case = f" i {case_reference(decision.case_number)}" if decision.case_number else ""
        this = pick(language, "Dette er ", "Dette er ")
        dated = f"{version}datert {date}" if version else f"datert {date}"
        text = pick(
            language,
            f"{document_name} ble vedtatt av {decision.body}{when}{case}. {this}{dated}.",
            f"{document_name} vart vedteken av {decision.body}{when}{case}. {this}{dated}.",
        )
        lines.append(text)
        if decision.summary:
            lines.extend(paragraphs(decision.summary))
    elif info.status is DocumentStatus.CONSULTATION:
        deadline = info.consultation_deadline
        text = pick(
            language,
            f"Dette er et høringsutkast ({version}{date}). Det er ikke vedtatt.",
            f"Dette er eit høyringsutkast ({version}{date}). Det er ikkje vedteke.",
        )
        if deadline:
            text += pick(
                language,
                f" Høringsfristen er {format_date(deadline, language)}.",
                f" Høyringsfristen er {format_date(deadline, language)}.",
            )
        lines.append(text)
    elif info.status is DocumentStatus.FOR_DECISION:
        lines.append(
            pick(
                language,
                f"Dette er {version}datert {date}, lagt fram til politisk behandling. "
                "Det er ikke vedtatt.",
                f"Dette er {version}datert {date}, lagd fram til politisk handsaming. "
                "Det er ikkje vedteke.",
            )
        )
    else:
        lines.append(
            pick(
                language,
                f"Dette er et utkast ({version}{date}). Det er ikke vedtatt.",
                f"Dette er eit utkast ({version}{date}). Det er ikkje vedteke.",
            )
        )
    if info.revision_due:
        lines.append(
            pick(
                language,
                f"Planen skal revideres innen {format_date(info.revision_due, language)}.",
                f"Planen skal reviderast innan {format_date(info.revision_due, language)}.",
            )
        )
    return lines


def logo(model: Initiative, language: Language, width_mm: float = 28) -> Picture | None:
    profile = model.municipality.profile
    if profile.logo is None:
        return None
    path = Path(profile.logo)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(
            f"fant ikke logoen {path} ({exc.strerror}); rett municipality.profile.logo"
        ) from exc
    return Picture(data=data, alt_text=logo_alt_text(model), width_mm=width_mm, name="Logo")


def logo_alt_text(model: Initiative) -> str:
    """The logo's alternative text: the profile's own, else «Kommunevåpen for <kommune>»
    (the same words in nb and nn)."""
    profile = model.municipality.profile
    return plain(profile.logo_alt_text) or f"Kommunevåpen for {plain(model.municipality.name)}"


def brand_of(model: Initiative) -> Brand:
    """The municipality's look as a view's Brand (colours, logo, own font)."""
    profile = model.municipality.profile
    return Brand(
        primary=profile.primary_color,
        secondary=profile.secondary_color,
        logo=profile.logo,
        logo_alt_text=logo_alt_text(model),
        font=profile.font,
        font_bold=profile.font_bold,
    )


def doc_facts(model: Initiative, language: Language) -> dict[str, Any]:
    """The cover's status facts (``doc``)."""
    area = model.area
    area_line = join([area.name, area.district], ", ")
    case = model.council_case
    return {
        "subtitle": f"{model.title} {period_text(model)}",
        "area_line": area_line if area.name not in model.title else area.district,
        "status": enum_label(model.document.status, language),
        "version": model.document.version or "",
        "date": format_date(model.document.date, language),
        "period": period_text(model),
        "decision_text": decision_text(model, language),
        "consultation_deadline": (
            format_date(model.document.consultation_deadline, language)
            if model.document.status is DocumentStatus.CONSULTATION
            and model.document.consultation_deadline
            else ""
        ),
        "archive_case": case.archive_case_number if case else "",
    }


def own_words(model: Initiative, language: Language, text: str) -> str:
    """A label in the initiative's own words: its level name («satsingsområde» for
    «delprogram») and its recommending officer («Rådmannens innstilling»)."""
    text = relabel(text, model.programme.level_term, language)
    return officer_relabel(text, model.municipality.officer_title, language)


def own_labels(model: Initiative, texts: Mapping[str, str], language: Language) -> dict[str, str]:
    return {key: own_words(model, language, value) for key, value in texts.items()}


def base_view(
    model: Initiative, language: Language, document_title: str, template_dir: Path | None
) -> dict[str, Any]:
    """The keys every DOCX template built with the house kit expects."""
    return {
        "t": own_labels(model, labels(language, template_dir), language),
        "municipality": model.municipality.name,
        "header_text": f"{model.municipality.name} – {document_title}",
        "status_banner": status_banner(model, language),
        "logo": logo(model, language),
        "doc": doc_facts(model, language),
    }


def doc_meta(
    model: Initiative,
    language: Language,
    *,
    title: str,
    category: str,
    keywords: Iterable[str] = (),
) -> DocMeta:
    return DocMeta(
        title=title,
        subject=f"{model.title} {period_text(model)} – {model.area.name}",
        author=model.municipality.name,
        keywords=tuple(dict.fromkeys([*keywords, model.area.name, "områdesatsing"])),
        description=f"{title}. {enum_label(model.document.status, language)}"
        + (f", versjon {model.document.version}." if model.document.version else "."),
        category=category,
        status=enum_label(model.document.status, language),
        version=model.document.version or "",
        date=model.document.date,
        language=language,
    )


def declare_template(
    name: str,
    keys: Iterable[str],
    required: Iterable[str] = (),
    description: str = "",
    own_labels: Iterable[str] = (),
) -> TemplateSpec:
    """Register a template's view keys for ``omradedok templates check``."""
    return register_template(
        TemplateSpec(name, frozenset(keys), frozenset(required), description, frozenset(own_labels))
    )


def colors(model: Initiative) -> dict[str, str]:
    return profile_colors(model.municipality.profile)


# ---------------------------------------------------------------------- model lookups


def role_text(model: Initiative, role_id: str | None) -> str:
    """«Programleder (Amina Yusuf Hansen)» – a role by its title and holder, never its id."""
    if role_id is None:
        return ""
    role = model.role(role_id)
    if role is None:
        return role_id
    if role.holder and role.holder not in role.title:
        return f"{role.title} ({role.holder})"
    return role.title


def role_title(model: Initiative, role_id: str | None) -> str:
    if role_id is None:
        return ""
    role = model.role(role_id)
    return role.title if role else role_id


def funding_labels(language: Language) -> dict[str, str]:
    return {source.value: enum_label(source, language) for source in FundingSource}


def involvement_labels(language: Language) -> dict[str, str]:
    return {value.value: enum_label(value, language) for value in Involvement}


def indicator_value(value: float, unit: str, language: Language) -> str:
    """«78 %», «400», «1 250 000 kr», «Ja»/«Nei» for yes/no indicators."""
    unit_key = unit.strip().lower()
    if unit_key in ("ja/nei", "ja/nei (1/0)", "boolsk"):
        return pick(language, "Ja", "Ja") if value >= 1 else pick(language, "Nei", "Nei")
    number = format_number(value, language)
    if unit_key in ("prosent", "%", "prosentpoeng"):
        return f"{number}{NBSP}%" if unit_key != "prosentpoeng" else f"{number} {unit}"
    if unit_key in ("kr", "kroner"):
        return format_money(int(value), language)
    if unit_key in ("", "antall", "tal", "talet", "stk"):
        return number
    return f"{number} {unit}"


def baseline_text(indicator: Indicator, language: Language, *, with_source: bool = False) -> str:
    baseline = indicator.baseline
    if baseline is None:
        return pick(language, "Ikke fastsatt", "Ikkje fastsett")
    text = indicator_value(baseline.value, indicator.unit, language)
    if baseline.year is not None:
        text += f" ({baseline.year})"
    if with_source and baseline.source:
        text += f"\n{pick(language, 'Kilde', 'Kjelde')}: {baseline.source}"
    return text


def target_text(indicator: Indicator, language: Language) -> str:
    target = indicator.target
    if target is None:
        return pick(language, "Ikke fastsatt", "Ikkje fastsett")
    text = indicator_value(target.value, indicator.unit, language)
    return f"{text} ({target.year})" if target.year is not None else text


def observations_text(indicator: Indicator, language: Language, sep: str = "; ") -> str:
    """«27 % (2015); 64 % (2018, Ungdata)» – the values observed over time, oldest first, each with
    its source when the input gives one; «» when none is given (nothing is invented)."""
    parts = []
    for obs in sorted(indicator.observations, key=lambda o: o.year):
        when = f"{obs.year}, {obs.source}" if obs.source else str(obs.year)
        parts.append(f"{indicator_value(obs.value, indicator.unit, language)} ({when})")
    return sep.join(parts)


def has_observations(model: Initiative) -> bool:
    """Whether any indicator has observed values (then the tables get a column for them)."""
    return any(ind.observations for _, ind in model.indicators())


def party_name(model: Initiative, ref: str) -> str:
    """An owner or partner reference by its name: «kommunen» is the municipality, then a
    partner, a body or a role; an unknown id prints as given."""
    if ref == MUNICIPALITY_PARTY:
        return model.municipality.name
    partner = model.partner(ref)
    if partner is not None:
        return partner.name
    body = next((b for b in model.organisation.bodies if b.id == ref), None)
    if body is not None:
        return body.name
    role = model.role(ref)
    return role.title if role is not None else ref


def owners_text(model: Initiative, owner_ids: Iterable[str], language: Language) -> str:
    """«Husbanken og Fjordvik kommune» – shared ownership in the input's order."""
    return and_join([party_name(model, ref) for ref in owner_ids], language)


def goal_titles(model: Initiative) -> dict[str, str]:
    titles: dict[str, str] = {}
    for main in model.goals.main_goals:
        titles[main.id] = main.title
        for sub in main.sub_goals:
            titles[sub.id] = sub.title
            for res in sub.result_goals:
                titles[res.id] = res.title
    return titles


def money(value: int | Amount | None, language: Language) -> str:
    """«400 000 kr», «anslag …», «4–5 mill. kr», «minst …» or «ikke fastsatt»."""
    return format_money(value, language)


def years_text(start: int | None, end: int | None) -> str:
    if start is None and end is None:
        return ""
    if start is None:
        return str(end)
    if end is None:
        return str(start)
    return format_year_range(start, end)


def mapping_get(mapping: Mapping[str, str], key: str) -> str:
    return mapping.get(key, key)


# ------------------------------------------------------------------- plan documents


def plan_document_name(doc: PlanDocument, language: Language) -> str:
    """«Handlingsdel 2017–2020»: the title as given (or the kind), with its period unless
    the title already says it."""
    name = doc.title or enum_label(doc.kind, language)
    period = years_text(doc.start_year, doc.end_year)
    if period and period not in name:
        name = f"{name} {period}"
    return name


def _covers(outer: PlanDocument, inner: PlanDocument) -> bool:
    if outer.start_year is None or outer.end_year is None:
        return True
    start = inner.start_year or inner.end_year
    end = inner.end_year or inner.start_year
    if start is None or end is None:
        return True
    return outer.start_year <= start and end <= outer.end_year


def parent_plan(model: Initiative, doc: PlanDocument) -> PlanDocument | None:
    """The programme plan a handlingsdel belongs to: the one programme plan of the input
    whose period covers the handlingsdel's (None when there is none, or several)."""
    if doc.kind is not PlanDocumentKind.ACTION_PART:
        return None
    plans = [
        d
        for d in model.document.plan_documents
        if d.kind is PlanDocumentKind.PROGRAMME_PLAN and d.id != doc.id and _covers(d, doc)
    ]
    return plans[0] if len(plans) == 1 else None


def plan_document_line(model: Initiative, language: Language) -> str:
    """«Handlingsdel 2017–2020 til Områdeprogram Nordbyen 2013–2020» – which plan document
    this handlingsplan is; «» when the input does not say (current_document_id)."""
    current = model.document.current()
    if current is None:
        return ""
    line = plan_document_name(current, language)
    parent = parent_plan(model, current)
    if parent is not None:
        if parent.title:
            line += f" til {plan_document_name(parent, language)}"
        else:
            period = years_text(parent.start_year, parent.end_year)
            line += f" til programplanen for {model.title}" + (f" {period}" if period else "")
    return line


def plan_decision_text(decision: Decision | None, language: Language) -> str:
    """«Bystyret 15. juni 2017, sak 178/13» – a plan document's decision as given."""
    if decision is None:
        return ""
    text = decision.body
    if decision.date is not None:
        text += f" {format_date(decision.date, language)}"
    case = decision.case_number.strip()
    if case:
        # «178/13» → «sak 178/13»; «PS 0123/17», «sak 178/13», «byrådssak 1234/13» as written
        text += f", {case_reference(case)}"
    return text


def plan_documents_view(model: Initiative, language: Language) -> dict[str, Any]:
    """The plan documents of the programme over time (item 7): a statement of which one this
    is, with its status, date and decision, and a row per document. Empty when the input
    gives no plan documents."""
    info = model.document
    docs = {d.id: d for d in info.plan_documents}
    current = info.current()
    statement: list[str] = []
    line = plan_document_line(model, language)
    if line:
        statement.append(
            pick(language, f"Dette dokumentet er {line}.", f"Dette dokumentet er {line}.")
        )
        facts = []
        assert current is not None
        if current.status is not None:
            facts.append(
                f"{pick(language, 'Status', 'Status')}: {enum_label(current.status, language).lower()}"
            )
        if current.date is not None:
            facts.append(f"{pick(language, 'dato', 'dato')} {format_date(current.date, language)}")
        if current.decision is not None:
            facts.append(
                f"{pick(language, 'vedtak', 'vedtak')}: {plan_decision_text(current.decision, language)}"
            )
        if facts:
            text = ", ".join(facts)
            statement.append(text[0].upper() + text[1:] + ".")
        if current.decision is not None and current.decision.summary:
            statement.extend(paragraphs(current.decision.summary))
        if current.replaces_id and current.replaces_id in docs:
            earlier = plan_document_name(docs[current.replaces_id], language)
            statement.append(
                pick(language, f"Det erstatter {earlier}.", f"Det erstattar {earlier}.")
            )
    this = pick(language, "dette dokumentet", "dette dokumentet")
    rows = []
    for d in info.plan_documents:
        name = d.title or enum_label(d.kind, language)  # its period has its own column
        if current is not None and d.id == current.id:
            name += f" ({this})"
        rows.append(
            {
                "name": name,
                "kind": enum_label(d.kind, language),
                "period": years_text(d.start_year, d.end_year),
                "status": enum_label(d.status, language) if d.status is not None else "",
                "date": format_date(d.date, language),
                "decision": plan_decision_text(d.decision, language),
                "replaces": plan_document_name(docs[d.replaces_id], language)
                if d.replaces_id and d.replaces_id in docs
                else (d.replaces_id or ""),
            }
        )
    # one document that is this one: the statement says it all
    documents = rows if len(rows) > 1 or current is None else []
    return {"line": line, "statement": statement, "documents": documents}


# --------------------------------------------------------------------- economic frame


def frame_years(model: Initiative) -> list[tuple[int, BudgetFrame | None]]:
    """Every year of the period (and any frame year outside it), with the input's frame for
    that year or None – empty when the input gives no frame at all (item 8)."""
    if not model.budget_frame:
        return []
    given = {b.year: b for b in model.budget_frame}
    years = sorted(set(model.period.years) | set(given))
    return [(year, given.get(year)) for year in years]


def frame_row(model: Initiative, frame: BudgetFrame | None) -> Funding:
    """One year's frame as its row prints it: a source that year leaves out while another
    year gives it is not known (as in :func:`frame_sum`), so the year's sum reads «minst …»
    rather than a plain sum under an «ikke fastsatt» cell."""
    given = {
        s
        for _, f in frame_years(model)
        if f is not None
        for s in FundingSource
        if f.amount(s) is not None
    }
    values: dict[str, Amount | None] = {}
    for source in FundingSource:
        value = frame.amount(source) if frame is not None else None
        values[source.value] = Amount.unknown() if value is None and source in given else value
    return Funding(**values)


def frame_sum(model: Initiative) -> Funding:
    """The frame of the whole period per source; a «minst» sum when a year of the period
    has no frame, or that year's frame leaves the source out while another year gives it."""
    rows = frame_years(model)
    sums: dict[str, Amount | None] = {}
    for source in FundingSource:
        if all(f is None or f.amount(source) is None for _, f in rows):
            sums[source.value] = None
            continue
        parts = []
        for _, frame in rows:
            if frame is None or not frame.known:
                parts.append(Amount.unknown())  # no frame for that year: not known
            else:
                value = frame.amount(source)
                if value is not None:  # a source the year's frame leaves out is not part of it
                    parts.append(value)
        sums[source.value] = add_up(parts)
    return Funding(**sums)
