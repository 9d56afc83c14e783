"""samarbeidsavtale-<slug>.docx: one cooperation agreement per agreement in the model.

Clauses (the typical list in Norwegian practice): Parter · Bakgrunn og formål · Innhold og
aktiviteter · Organisering og samarbeidsmøter · Roller, plikter og ansvar · Økonomi (grant
money marked «forutsetter tilsagn»; «Forholdet til tilsagnsbrev» when given) · Rapportering
og revisjon · Personvern og taushetsplikt · Innsyn etter offentleglova · Varighet, endring og
oppsigelse · Mislighold / Tvisteløsning · Kontaktpersoner · Signaturer. The optional clauses
are printed only when the agreement gives them (never invented) and the numbers count only
the clauses there are. The municipality's signatory is the delegate the agreement names, else
the holder of the innstilling's fullmakt («etter fullmakt»), else the mayor.

Rendering goes through ``render.docx.render_docx`` with the template
``samarbeidsavtale/samarbeidsavtale.docx`` (built by ``templates/samarbeidsavtale/build_template.py``
with the house ``TemplateKit``). Every label the reader sees comes from ``LABELS`` (bokmål and
nynorsk side by side) and reaches the template as ``t``. The two tables whose shape depends on
the data – the role matrix (one column per party) and the economy table (subtotals per party)
– are built here as WordML and placed with ``{{p matrix_table }}`` / ``{{p economy_table }}``;
they use the template's own styles (``Tabell``, ``Tabellhode``, ``Tabelltekst``,
``Tabelletikett``) and placeholder colour, so a municipality's template restyles them too.

What is derived, not typed twice: the activities (from the activity plans: those an agreement
partner takes part in during the agreement's period), the matrix
(``roles.agreement_matrix``), the representation in the initiative's bodies, the programme
manager as coordinator, sums per party and year, the number of signed copies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..checks.council import municipal_signatory
from ..checks.references import views_years
from ..locale.format import (
    format_date,
    format_date_range,
    format_money,
    format_org_number,
    format_year_range,
)
from ..locale.labels import pick
from ..locale.levels import officer_noun
from ..locale.slug import slugify
from ..model import (
    MUNICIPALITY_PARTY,
    Agreement,
    DelegationHolder,
    Initiative,
    Involvement,
    Language,
    PartnerKind,
    Person,
)
from ..model.amount import Amount, add_up
from ..render.docx import passage_xml, render_docx
from ..render.docx_styles import TEMPLATE_PRIMARY, TEXT_WIDTH_MM
from . import views
from .base import Artifact, BuildContext
from .roles import (
    ResponsibilityMatrix,
    agreement_activities,
    agreement_matrix,
    involvement_label,
    takes_part,
)

TEMPLATE = "samarbeidsavtale/samarbeidsavtale.docx"

LABELS: Mapping[str, tuple[str, str]] = {
    "doc_kind": ("Samarbeidsavtale", "Samarbeidsavtale"),
    "parties_label": ("Parter", "Partar"),
    "initiative": ("Satsing", "Satsing"),
    "agreement_period": ("Avtaleperiode", "Avtaleperiode"),
    "version": ("Versjon", "Versjon"),
    "h_parties": ("Parter", "Partar"),
    "h_background": ("Bakgrunn og formål", "Bakgrunn og føremål"),
    "h_content": ("Innhold og aktiviteter", "Innhald og aktivitetar"),
    "h_organisation": ("Organisering og samarbeidsmøter", "Organisering og samarbeidsmøte"),
    "h_roles": ("Roller, plikter og ansvar", "Roller, plikter og ansvar"),
    "h_economy": ("Økonomi", "Økonomi"),
    "h_duration": ("Varighet, endring og oppsigelse", "Varigheit, endring og oppseiing"),
    "h_breach": ("Mislighold og tvister", "Misleghald og tvistar"),
    "h_breach_only": ("Mislighold", "Misleghald"),
    "h_disputes_only": ("Tvisteløsning", "Tvisteløysing"),
    "h_reporting": ("Rapportering og revisjon", "Rapportering og revisjon"),
    "h_privacy": ("Personvern og taushetsplikt", "Personvern og teieplikt"),
    "h_public_access": ("Innsyn etter offentleglova", "Innsyn etter offentleglova"),
    "h_grant_letter": ("Forholdet til tilsagnsbrev", "Forholdet til tilsegnsbrev"),
    "grant_pending": ("forutsetter tilsagn", "føreset tilsegn"),
    "h_contacts": ("Kontaktpersoner", "Kontaktpersonar"),
    "h_signatures": ("Signaturer", "Signaturar"),
    "h_purpose": ("Formål", "Føremål"),
    "h_year_sums": ("Sum per år", "Sum per år"),
    "party": ("Part", "Part"),
    "org_number": ("Org.nr.", "Org.nr."),
    "address": ("Adresse", "Adresse"),
    "contact": ("Kontaktperson", "Kontaktperson"),
    "name": ("Navn", "Namn"),
    "job_title": ("Stilling", "Stilling"),
    "email": ("E-post", "E-post"),
    "phone": ("Telefon", "Telefon"),
    "col_nr": ("Nr.", "Nr."),
    "col_year": ("År", "År"),
    "col_activity": ("Aktivitet", "Aktivitet"),
    "col_responsible": ("Ansvarlig", "Ansvarleg"),
    "col_partners": ("Deltar", "Deltek"),
    "col_period": ("Tidsrom", "Tidsrom"),
    "col_budget": ("Budsjett", "Budsjett"),
    "col_task": ("Oppgave", "Oppgåve"),
    "col_money": ("Penger", "Pengar"),
    "col_in_kind": ("Egeninnsats", "Eigeninnsats"),
    "col_in_kind_desc": ("Egeninnsatsen gjelder", "Eigeninnsatsen gjeld"),
    "col_sum": ("Sum", "Sum"),
    "total": ("Sum", "Sum"),
    "sum_all": ("Sum alle parter", "Sum alle partar"),
    "for_party": ("For", "For"),
    "place": ("Sted", "Stad"),
    "date": ("Dato", "Dato"),
    "signature": ("Underskrift", "Underskrift"),
    "by_delegation": ("etter fullmakt", "etter fullmakt"),
    "goals_intro": (
        "Avtalen skal bidra til disse målene i handlingsplanen:",
        "Avtalen skal bidra til desse måla i handlingsplanen:",
    ),
    "activities_intro": (
        "Partene deltar i disse aktivitetene i de årlige aktivitetsplanene i avtaleperioden:",
        "Partane deltek i desse aktivitetane i dei årlege aktivitetsplanane i avtaleperioden:",
    ),
    "budget_note": (
        "Budsjett er aktivitetens samlede budsjett fra alle kilder i aktivitetsplanen.",
        "Budsjett er det samla budsjettet til aktiviteten frå alle kjelder i aktivitetsplanen.",
    ),
    "no_activities": (
        "Aktivitetsplanene har foreløpig ingen aktiviteter der partnerne deltar i avtaleperioden.",
        "Aktivitetsplanane har førebels ingen aktivitetar der partnarane deltek i avtaleperioden.",
    ),
    "roles_intro": (
        "Tabellen viser hvilke oppgaver hver part har. Den er hentet fra handlingsplanen, de "
        "årlige aktivitetsplanene og pliktene i denne avtalen.",
        "Tabellen viser kva oppgåver kvar part har. Han er henta frå handlingsplanen, dei "
        "årlege aktivitetsplanane og pliktene i denne avtalen.",
    ),
    "legend_responsible": (
        "har ansvaret for at oppgaven blir gjort",
        "har ansvaret for at oppgåva blir gjord",
    ),
    "legend_contributes": ("deltar i arbeidet", "deltek i arbeidet"),
    "legend_consulted": (
        "blir spurt til råds før beslutninger tas",
        "blir spurd til råds før avgjerder blir tekne",
    ),
    "legend_informed": ("blir holdt orientert", "blir halden orientert"),
    "economy_intro": (
        "Partene bidrar med penger og egeninnsats slik tabellen viser. Egeninnsats er verdien "
        "av arbeid, lokaler og utstyr, regnet i kroner.",
        "Partane bidreg med pengar og eigeninnsats slik tabellen viser. Eigeninnsats er verdien "
        "av arbeid, lokale og utstyr, rekna i kroner.",
    ),
    "no_economy": (
        "Avtalen har ingen økonomiske bidrag fra partene.",
        "Avtalen har ingen økonomiske bidrag frå partane.",
    ),
    "not_agreed": ("Ikke fastsatt i avtalen.", "Ikkje fastsett i avtalen."),
}

_NUMBER_WORDS = {
    1: ("én", "éin"),
    2: ("to", "to"),
    3: ("tre", "tre"),
    4: ("fire", "fire"),
    5: ("fem", "fem"),
    6: ("seks", "seks"),
    7: ("sju", "sju"),
    8: ("åtte", "åtte"),
    9: ("ni", "ni"),
    10: ("ti", "ti"),
    11: ("elleve", "elleve"),
    12: ("tolv", "tolv"),
}


def labels(language: Language, template_dir: Path | None = None) -> dict[str, str]:
    """The template's ``t``: the shared labels (templates/labels.yaml, and a municipality's
    own labels.yaml in its template folder, which win), completed with ``LABELS``."""
    merged = dict(views.labels(language, template_dir))
    for key, (nb, nn) in LABELS.items():
        merged.setdefault(key, pick(language, nb, nn))
    return merged


# -- file names ----------------------------------------------------------------------------

_MAX_SLUG = 60


def agreement_slug(model: Initiative, agreement: Agreement) -> str:
    """From the partner names; a long multi-party list becomes «<first partner>-m-fl»."""
    names = [p.name if (p := model.partner(pid)) else pid for pid in agreement.partner_ids]
    slug = "-".join(s for s in (slugify(n) for n in names) if s)
    if len(slug) > _MAX_SLUG and len(names) > 1:
        slug = f"{slugify(names[0])}-m-fl"
    if len(slug) > _MAX_SLUG:
        slug = slug[:_MAX_SLUG].rsplit("-", 1)[0]
    return slug or slugify(agreement.id) or "avtale"


def agreement_filenames(model: Initiative) -> dict[str, str]:
    """Agreement id → «samarbeidsavtale-<slug>.docx», unique within the build (a clash gets
    the agreement id appended, then a number)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for agreement in model.agreements:
        base = agreement_slug(model, agreement)
        candidate = base
        if candidate in used:
            candidate = f"{base}-{slugify(agreement.id)}"
        number = 2
        while candidate in used:
            candidate = f"{base}-{number}"
            number += 1
        used.add(candidate)
        out[agreement.id] = f"samarbeidsavtale-{candidate}.docx"
    return out


# -- WordML tables ---------------------------------------------------------------------------

_TWIPS_PER_MM = 1440 / 25.4
_MUTED = "595959"


@dataclass(frozen=True)
class _Cell:
    text: str = ""
    align: str = "left"
    bold: bool = False
    note: str = ""
    """A second, smaller line in muted colour."""


def _run(
    text: str, *, bold: bool = False, size: int | None = None, color: str | None = None
) -> str:
    props = ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if color:
        props += f'<w:color w:val="{color}"/>'
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{passage_xml(text)}</w:t></w:r>'


def _paragraph(style: str, align: str, runs: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{align}"/></w:pPr>{runs}</w:p>'


def _table_xml(
    widths_mm: Sequence[float],
    header: Sequence[_Cell],
    rows: Iterable[tuple[Sequence[_Cell], bool]],
    *,
    header_size: int | None = None,
) -> Markup:
    """A real Word table: fixed grid, repeating header row, rows that do not split.

    ``rows`` are (cells, is_sum_row); sum rows are bold with a rule above. ``header_size`` is
    a font size in half-points for the header row (narrow party columns in the matrix).
    """
    scale = TEXT_WIDTH_MM / sum(widths_mm)
    widths = [round(w * scale * _TWIPS_PER_MM) for w in widths_mm]
    out = [
        "<w:tbl><w:tblPr>",
        '<w:tblStyle w:val="Tabell"/>',
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>',
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
    ]
    for cell, width in zip(header, widths, strict=True):
        out.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{TEMPLATE_PRIMARY}"/></w:tcPr>'
            + _paragraph("Tabellhode", cell.align, _run(cell.text, size=header_size))
            + "</w:tc>"
        )
    out.append("</w:tr>")
    for cells, is_sum in rows:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for cell, width in zip(cells, widths, strict=True):
            borders = (
                '<w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="1A1A1A"/>'
                "</w:tcBorders>"
                if is_sum
                else ""
            )
            style = "Tabelletikett" if is_sum else "Tabelltekst"
            body = _paragraph(style, cell.align, _run(cell.text, bold=cell.bold))
            if cell.note:
                body += _paragraph(
                    "Tabelltekst", cell.align, _run(cell.note, size=16, color=_MUTED)
                )
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}</w:tcPr>{body}</w:tc>'
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return Markup("".join(out))


def matrix_table(
    matrix: ResponsibilityMatrix,
    language: Language,
    task_label: str,
    this_agreement: str = "",
) -> Markup:
    """Task × party with full Norwegian words; Ansvarlig in bold; the source under the task.

    Rows from the agreement ``this_agreement`` (an id) are noted «Denne avtalen»."""
    parties = matrix.parties
    # wide enough for the longest word of a party name in the 8 pt bold header and for the
    # longest label («Konsulteres»/«Konsulterast»), within limits
    longest = max((len(w) for p in parties for w in p.name.split()), default=8)
    party_width = min(max(longest * 1.8 + 3.5, 26.0), 30.0)
    if len(parties) * party_width > 110.0:
        party_width = max(110.0 / len(parties), 14.0)
    widths = [
        max(TEXT_WIDTH_MM - party_width * len(parties), 45.0),
        *([party_width] * len(parties)),
    ]
    header = [_Cell(task_label), *(_Cell(p.name, "center") for p in parties)]
    rows = []
    for row in matrix.rows:
        note = row.source_label(language)
        if row.source == "agreement" and row.ref == this_agreement:
            note = pick(language, "Denne avtalen", "Denne avtalen")
        cells = [_Cell(row.task, note=note)]
        for party in parties:
            value = row.cells.get(party.id)
            cells.append(
                _Cell(
                    involvement_label(value, language) if value else "",
                    "center",
                    bold=value is Involvement.RESPONSIBLE,
                )
            )
        rows.append((cells, False))
    return _table_xml(widths, header, rows, header_size=16)


# -- the view ----------------------------------------------------------------------------------


def _blocks(text: str) -> list[dict[str, Any]]:
    """Prose split into paragraphs; lines starting with «- », «– » or «* » become bullets."""
    out: list[dict[str, Any]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        buffer: list[str] = []
        for line in lines:
            match = re.match(r"^\s*[-–*•]\s+(.*)$", line)
            if match:
                if buffer:
                    out.append({"text": " ".join(buffer), "bullet": False})
                    buffer = []
                out.append({"text": match.group(1).strip(), "bullet": True})
            else:
                buffer.append(line.strip())
        if buffer:
            out.append({"text": " ".join(buffer), "bullet": False})
    return out


def _nbsp(text: str) -> str:
    """Non-breaking spaces: «940 155 223» never breaks over two lines."""
    return text.replace(" ", "\u00a0")


def _join(names: Sequence[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def _goal_titles(model: Initiative) -> dict[str, str]:
    titles: dict[str, str] = {}
    for main in model.goals.main_goals:
        titles[main.id] = main.title
        for sub in main.sub_goals:
            titles[sub.id] = sub.title
            for res in sub.result_goals:
                titles[res.id] = res.title
    return titles


def _party_name(model: Initiative, pid: str) -> str:
    if pid == MUNICIPALITY_PARTY:
        return model.municipality.name
    partner = model.partner(pid)
    return partner.name if partner else pid


def _contact_text(name: str, title: str, email: str, phone: str) -> str:
    first = ", ".join(x for x in (name, title) if x)
    return "\n".join(x for x in (first, email, phone) if x)


def _count_word(n: int, language: Language) -> str:
    words = _NUMBER_WORDS.get(n)
    return pick(language, *words) if words else str(n)


def _notice_text(months: int | None, language: Language) -> str:
    if months is None:
        return pick(
            language,
            "Oppsigelsesfrist er ikke fastsatt i avtalen.",
            "Oppseiingsfrist er ikkje fastsett i avtalen.",
        )
    if months == 0:
        return pick(
            language,
            "Hver av partene kan si opp avtalen skriftlig uten oppsigelsesfrist.",
            "Kvar av partane kan seie opp avtalen skriftleg utan oppseiingsfrist.",
        )
    if months == 1:
        return pick(
            language,
            "Hver av partene kan si opp avtalen skriftlig med én måneds varsel.",
            "Kvar av partane kan seie opp avtalen skriftleg med éin månads varsel.",
        )
    count = _count_word(months, language)
    return pick(
        language,
        f"Hver av partene kan si opp avtalen skriftlig med {count} måneders varsel.",
        f"Kvar av partane kan seie opp avtalen skriftleg med {count} månaders varsel.",
    )


def _signatory(model: Initiative, agreement: Agreement, pid: str) -> tuple[Person | None, str]:
    """The person who signs for a party, and the place. For the municipality: the delegate
    the agreement names, else the holder of the innstilling's fullmakt, else the mayor."""
    listed = next((s for s in agreement.signatories if s.party_id == pid), None)
    place = (listed.place if listed else "") or agreement.place
    if pid == MUNICIPALITY_PARTY:
        return municipal_signatory(model, agreement)[0], place
    if listed is not None:
        return listed.person, place
    partner = model.partner(pid)
    if partner is not None and partner.contact.name:
        return Person(name=partner.contact.name, title=partner.contact.title), place
    return None, place


def signs_by_fullmakt(model: Initiative, agreement: Agreement) -> bool:
    """Whether the officer signs for the municipality by the innstilling's fullmakt."""
    from .innstilling import delegation_holder

    _, why = municipal_signatory(model, agreement)
    return why == "delegation" and delegation_holder(model) is DelegationHolder.OFFICER


def grant_parties(model: Initiative, agreement: Agreement) -> set[tuple[str, int]]:
    """(party, year) whose money is a grant that depends on a tilsagn: a state agency's
    money, or a contribution marked ``grant``."""
    out: set[tuple[str, int]] = set()
    for con in agreement.contributions:
        partner = model.partner(con.party_id)
        state = partner is not None and partner.kind is PartnerKind.STATE_AGENCY
        if con.money is not None and (con.grant or state):
            out.add((con.party_id, con.year))
    return out


def grant_note(model: Initiative, agreement: Agreement, language: Language) -> str:
    """«Pengene fra Husbanken er tilskudd som forutsetter tilsagn …» for grant money."""
    names = list(
        dict.fromkeys(_party_name(model, pid) for pid, _ in sorted(grant_parties(model, agreement)))
    )
    if not names:
        return ""
    who = _join(names)
    return pick(
        language,
        f"Pengene fra {who} er tilskudd som forutsetter tilsagn. Beløpene i tabellen er "
        "derfor betinget av at tilsagn blir gitt.",
        f"Pengane frå {who} er tilskot som føreset tilsegn. Beløpa i tabellen er difor "
        "avhengige av at tilsegn blir gitt.",
    )


def _economy(
    model: Initiative,
    agreement: Agreement,
    parties: Sequence[str],
    language: Language,
    t: Mapping[str, str],
) -> tuple[Markup | None, Markup | None, list[dict[str, Any]]]:
    """The economy table (party × year with subtotals), the per-year table, and plain sums."""
    if not agreement.contributions:
        return None, None, []

    def plus(a: Amount | None, b: Amount | None) -> Amount | None:
        return None if a is None and b is None else add_up([a, b])

    per: dict[tuple[str, int], tuple[Amount | None, Amount | None, list[str]]] = {}
    for con in agreement.contributions:
        amount, in_kind, descs = per.get((con.party_id, con.year), (None, None, []))
        if con.in_kind_description and con.in_kind_description not in descs:
            descs = [*descs, con.in_kind_description]
        money = con.money
        if con.money is None and con.in_kind is None:
            money = Amount.unknown()  # a contribution without a figure: its value is unknown
        per[(con.party_id, con.year)] = (plus(amount, money), plus(in_kind, con.in_kind), descs)

    def kr(value: Amount | None) -> str:
        return "–" if value is None else format_money(value, language)

    granted = grant_parties(model, agreement)
    rows: list[tuple[Sequence[_Cell], bool]] = []
    sums: list[dict[str, Any]] = []
    grand: list[Amount | None] = [None, None]
    for pid in parties:
        years = sorted(y for (p, y) in per if p == pid)
        if not years:
            continue
        name = _party_name(model, pid)
        subtotal: list[Amount | None] = [None, None]
        for i, year in enumerate(years):
            m, k, descs = per[(pid, year)]
            subtotal[0] = plus(subtotal[0], m)
            subtotal[1] = plus(subtotal[1], k)
            rows.append(
                (
                    [
                        _Cell(name if i == 0 else ""),
                        _Cell(str(year)),
                        _Cell(
                            kr(m),
                            "right",
                            note=t["grant_pending"] if (pid, year) in granted and m else "",
                        ),
                        _Cell(kr(k), "right"),
                        _Cell("; ".join(descs)),
                        _Cell(kr(add_up([m, k])), "right"),
                    ],
                    False,
                )
            )
        grand[0] = plus(grand[0], subtotal[0])
        grand[1] = plus(grand[1], subtotal[1])
        sums.append(
            {
                "party": name,
                "money": subtotal[0],
                "in_kind": subtotal[1],
                "total": add_up(subtotal),
            }
        )
        rows.append(
            (
                [
                    _Cell(f"{t['total']} {name}", bold=True),
                    _Cell(format_year_range(years[0], years[-1]), bold=True),
                    _Cell(kr(subtotal[0]), "right", bold=True),
                    _Cell(kr(subtotal[1]), "right", bold=True),
                    _Cell(""),
                    _Cell(kr(add_up(subtotal)), "right", bold=True),
                ],
                True,
            )
        )
    if len(sums) > 1:
        rows.append(
            (
                [
                    _Cell(t["sum_all"], bold=True),
                    _Cell(""),
                    _Cell(kr(grand[0]), "right", bold=True),
                    _Cell(kr(grand[1]), "right", bold=True),
                    _Cell(""),
                    _Cell(kr(add_up(grand)), "right", bold=True),
                ],
                True,
            )
        )
    header = [
        _Cell(t["party"]),
        _Cell(t["col_year"]),
        _Cell(t["col_money"], "right"),
        _Cell(t["col_in_kind"], "right"),
        _Cell(t["col_in_kind_desc"]),
        _Cell(t["col_sum"], "right"),
    ]
    table = _table_xml([29, 14, 29, 27, 31, 30], header, rows, header_size=17)

    year_rows: list[tuple[Sequence[_Cell], bool]] = []
    for year in sorted({y for (_, y) in per}):
        m = None
        k = None
        for (p, y), v in per.items():
            if y == year and p in parties:
                m, k = plus(m, v[0]), plus(k, v[1])
        year_rows.append(
            (
                [
                    _Cell(str(year)),
                    _Cell(kr(m), "right"),
                    _Cell(kr(k), "right"),
                    _Cell(kr(add_up([m, k])), "right"),
                ],
                False,
            )
        )
    year_rows.append(
        (
            [
                _Cell(t["total"], bold=True),
                _Cell(kr(grand[0]), "right", bold=True),
                _Cell(kr(grand[1]), "right", bold=True),
                _Cell(kr(add_up(grand)), "right", bold=True),
            ],
            True,
        )
    )
    year_header = [
        _Cell(t["col_year"]),
        _Cell(t["col_money"], "right"),
        _Cell(t["col_in_kind"], "right"),
        _Cell(t["col_sum"], "right"),
    ]
    year_table = _table_xml([40, 40, 40, 40], year_header, year_rows, header_size=17)
    return table, year_table, sums


CLAUSES = (
    "parties",
    "background",
    "content",
    "organisation",
    "roles",
    "economy",
    "reporting",
    "privacy",
    "public_access",
    "duration",
    "breach",
    "contacts",
    "signatures",
)
"""The clauses in order; reporting, privacy, public_access and breach only when given."""


def clause_numbers(agreement: Agreement) -> dict[str, int]:
    """Clause key → its number, counting only the clauses the agreement has."""
    given = {
        "reporting": bool(agreement.reporting.strip()),
        "privacy": bool(agreement.privacy.strip()),
        "public_access": bool(agreement.public_access.strip()),
        "breach": bool(agreement.breach.strip() or agreement.disputes.strip()),
    }
    present = [c for c in CLAUSES if given.get(c, True)]
    return {c: i for i, c in enumerate(present, start=1)}


VIEW_KEYS = views.BASE_KEYS | {
    "title",
    "subtitle",
    "parties_text",
    "initiative",
    "agreement_period",
    "version_text",
    "parties_intro",
    "parties",
    "background",
    "purpose",
    "goals",
    "content",
    "activities",
    "activities_total",
    "meetings",
    "representation",
    "coordinator",
    "legend",
    "matrix_table",
    "economy_table",
    "year_table",
    "economy_sums",
    "duration",
    "notice",
    "amendments",
    "breach",
    "disputes",
    "breach_heading",
    "reporting",
    "privacy",
    "public_access",
    "grant_letter",
    "grant_note",
    "n",
    "contacts",
    "copies_text",
    "signatures",
}
"""Top-level keys of the agreement view (for ``omradedok templates check``)."""


def agreement_view(
    model: Initiative, agreement: Agreement, language: Language, template_dir: Path | None = None
) -> dict[str, Any]:
    """Everything the template shows, as plain data (strings, lists, dicts, Markup tables).

    Besides the house keys (``t``, ``municipality``, ``header_text``, ``status_banner``,
    ``logo``, ``doc`` – see ``views.base_view``) the view has one key per clause."""
    t = labels(language, template_dir)
    if not model.document.version:  # the cover row then gives the date alone: «Dato»
        t = {**t, "version": t["date"]}
    municipality = model.municipality
    party_ids = [MUNICIPALITY_PARTY, *agreement.partner_ids]
    partner_names = [_party_name(model, p) for p in agreement.partner_ids]
    all_names = [municipality.name, *partner_names]
    period = format_year_range(model.period.start_year, model.period.end_year)

    parties = [
        {
            "name": municipality.name,
            "org_number": _nbsp(format_org_number(municipality.org_number)),
            "address": municipality.address or municipality.contact.address,
            "contact": _contact_text(
                municipality.contact.name,
                municipality.contact.title,
                municipality.contact.email,
                municipality.contact.phone,
            ),
        }
    ]
    for pid in agreement.partner_ids:
        partner = model.partner(pid)
        if partner is None:
            continue
        c = partner.contact
        parties.append(
            {
                "name": partner.name,
                "org_number": _nbsp(format_org_number(partner.org_number)),
                "address": partner.address or c.address,
                "contact": _contact_text(c.name, c.title, c.email, c.phone),
            }
        )
    parties_intro = pick(
        language,
        f"Avtalen er inngått mellom partene nedenfor. {municipality.name} kalles «kommunen» i avtalen.",
        f"Avtalen er inngått mellom partane nedanfor. {municipality.name} blir kalla «kommunen» i avtalen.",
    )

    titles = _goal_titles(model)
    goals = [{"id": g, "title": titles[g]} for g in agreement.goal_ids if g in titles]

    activities = []
    budget_total = Amount.exact(0)
    for act in agreement_activities(model, agreement):
        role = model.role(act.responsible_role_id) if act.responsible_role_id else None
        responsible = role.title if role else ""
        if role is not None and role.holder:
            responsible += f" ({role.holder})"
        taking_part = [
            _party_name(model, pid) for pid in agreement.partner_ids if takes_part(model, act, pid)
        ]
        budget_total = budget_total + act.total_budget().total
        activities.append(
            {
                "nr": act.id,
                "year": views_years(act),
                "title": act.title,
                "responsible": responsible,
                "partners": ", ".join(taking_part),
                "partners_note": (
                    f"{t['col_partners']}: {_join(taking_part)}"
                    if len(agreement.partner_ids) > 1
                    else ""
                ),
                "period": format_date_range(act.start, act.end, language),
                "budget": format_money(act.total_budget().total, language),
            }
        )

    representation = []
    for pid in agreement.partner_ids:
        partner = model.partner(pid)
        if partner is None:
            continue
        role_ids = {r.id for r in model.organisation.roles if r.partner_id == pid}
        for body in model.organisation.bodies:
            for member in body.members:
                if (member.role_id in role_ids) or (member.organisation == partner.name):
                    who = ", ".join(x for x in (member.name, member.title) if x)
                    representation.append(
                        pick(
                            language,
                            f"{partner.name} er representert i {body.name} ved {who}.",
                            f"{partner.name} er representert i {body.name} ved {who}.",
                        )
                    )
    coordinator = ""
    manager = (
        model.role(model.organisation.programme_manager_role_id)
        if model.organisation.programme_manager_role_id
        else None
    )
    if manager is not None and manager.holder:
        coordinator = pick(
            language,
            f"{manager.holder} ({manager.title.lower()}) koordinerer samarbeidet for kommunen.",
            f"{manager.holder} ({manager.title.lower()}) koordinerer samarbeidet for kommunen.",
        )

    matrix = agreement_matrix(model, agreement)
    legend_items = [
        {
            "label": involvement_label(Involvement.RESPONSIBLE, language),
            "text": t["legend_responsible"],
        },
        {
            "label": involvement_label(Involvement.CONTRIBUTES, language),
            "text": t["legend_contributes"],
        },
        {
            "label": involvement_label(Involvement.CONSULTED, language),
            "text": t["legend_consulted"],
        },
        {"label": involvement_label(Involvement.INFORMED, language), "text": t["legend_informed"]},
    ]

    economy_table, year_table, economy_sums = _economy(model, agreement, party_ids, language, t)

    duration = pick(
        language,
        f"Avtalen gjelder fra {format_date(agreement.valid_from, language)} til og med "
        f"{format_date(agreement.valid_to, language)}.",
        f"Avtalen gjeld frå {format_date(agreement.valid_from, language)} til og med "
        f"{format_date(agreement.valid_to, language)}.",
    )

    contacts = []
    if manager is not None and manager.holder:
        holder = manager.holder.split(",")[0].strip()
        as_member = next(
            (
                m
                for b in model.organisation.bodies
                for m in b.members
                if m.role_id == manager.id and m.name == holder and m.title
            ),
            None,
        )
        contacts.append(
            {
                "party": municipality.name,
                "name": holder,
                "title": as_member.title if as_member else manager.title,
                "email": "",
                "phone": "",
            }
        )
    elif municipality.contact.name:
        c = municipality.contact
        contacts.append(
            {
                "party": municipality.name,
                "name": c.name,
                "title": c.title,
                "email": c.email,
                "phone": c.phone,
            }
        )
    for pid in agreement.partner_ids:
        partner = model.partner(pid)
        if partner is not None and partner.contact.name:
            c = partner.contact
            contacts.append(
                {
                    "party": partner.name,
                    "name": c.name,
                    "title": c.title,
                    "email": c.email,
                    "phone": c.phone,
                }
            )

    signatures = []
    mayor = municipality.mayor
    for pid in party_ids:
        person, place = _signatory(model, agreement, pid)
        title = person.title if person else ""
        if pid == MUNICIPALITY_PARTY and person is None and signs_by_fullmakt(model, agreement):
            title = f"{officer_noun(municipality.officer_title)} ({t['by_delegation']})"
        delegated = (
            pid == MUNICIPALITY_PARTY
            and person is not None
            and (mayor is None or person.name != mayor.name)
        )
        if delegated:
            title = f"{title} ({t['by_delegation']})" if title else t["by_delegation"]
        signatures.append(
            {
                "party": _party_name(model, pid),
                "name": person.name if person else "",
                "title": title,
                "place": place,
                "municipality": pid == MUNICIPALITY_PARTY,
            }
        )
    copies = _count_word(len(party_ids), language)
    copies_text = pick(
        language,
        f"Avtalen er underskrevet i {copies} eksemplarer, ett til hver part.",
        f"Avtalen er underskriven i {copies} eksemplar, eitt til kvar part.",
    )

    view = views.base_view(model, language, f"{t['doc_kind']} – {model.title}", template_dir)
    return {
        **view,
        "t": t,
        "title": agreement.title,
        "subtitle": f"{model.title} {period}",
        "parties_text": _join(all_names),
        "initiative": f"{model.title} {period}",
        "agreement_period": format_date_range(agreement.valid_from, agreement.valid_to, language),
        "version_text": ", ".join(
            t for t in (model.document.version, format_date(model.document.date, language)) if t
        ),
        "parties_intro": parties_intro,
        "parties": parties,
        "background": _blocks(agreement.background),
        "purpose": _blocks(agreement.purpose),
        "goals": goals,
        "content": _blocks(agreement.content),
        "activities": activities,
        "activities_total": format_money(budget_total, language),
        "meetings": _blocks(agreement.meetings),
        "representation": representation,
        "coordinator": coordinator,
        "legend": legend_items,
        "matrix_table": matrix_table(matrix, language, t["col_task"], agreement.id),
        "economy_table": economy_table,
        "year_table": year_table,
        "economy_sums": economy_sums,
        "duration": duration,
        "notice": _notice_text(agreement.notice_months, language),
        "amendments": _blocks(agreement.amendments or t["not_agreed"]),
        "breach": _blocks(agreement.breach),
        "disputes": _blocks(agreement.disputes),
        "breach_heading": (
            t["h_breach"]
            if agreement.breach and agreement.disputes
            else t["h_breach_only"]
            if agreement.breach
            else t["h_disputes_only"]
        ),
        "reporting": _blocks(agreement.reporting),
        "privacy": _blocks(agreement.privacy),
        "public_access": _blocks(agreement.public_access),
        "grant_letter": _blocks(agreement.grant_letter),
        "grant_note": grant_note(model, agreement, language),
        "n": clause_numbers(agreement),
        "contacts": contacts,
        "copies_text": copies_text,
        "signatures": signatures,
    }


def render_agreement(
    model: Initiative,
    agreement: Agreement,
    language: Language,
    template_dir: Path | None = None,
) -> bytes:
    """The agreement as DOCX bytes (reproducible: same model, same bytes)."""
    view = agreement_view(model, agreement, language, template_dir)
    meta = views.doc_meta(
        model,
        language,
        title=agreement.title,
        category=view["t"]["doc_kind"],
        keywords=("samarbeidsavtale", *(p for p in view["parties_text"].split(", ") if p)),
    )
    return render_docx(
        TEMPLATE, view, meta=meta, template_dir=template_dir, colors=views.colors(model)
    )


class SamarbeidsavtaleKind:
    """Kind «samarbeidsavtale»: samarbeidsavtale-<slug>.docx, one per agreement."""

    name = "samarbeidsavtale"
    order = 60
    attachment_rank = 50

    def artifacts(self, context: BuildContext) -> list[Artifact]:
        model = context.model
        language = context.options.language
        template_dir = context.options.template_dir
        names = agreement_filenames(model)
        out = []
        for agreement in model.agreements:

            def render(agreement: Agreement = agreement) -> bytes:
                return render_agreement(model, agreement, language, template_dir)

            title = pick(
                language,
                f"Samarbeidsavtale med {agreement_partner_names(model, agreement)}",
                f"Samarbeidsavtale med {agreement_partner_names(model, agreement)}",
            )
            out.append(
                Artifact(filename=names[agreement.id], kind=self.name, title=title, render=render)
            )
        return out


def agreement_partner_names(model: Initiative, agreement: Agreement) -> str:
    return _join([_party_name(model, p) for p in agreement.partner_ids])


DOCUMENT_KIND = SamarbeidsavtaleKind()
views.declare_template(
    TEMPLATE, VIEW_KEYS, {"status_banner", "signatures"}, "Samarbeidsavtale", own_labels=LABELS
)
