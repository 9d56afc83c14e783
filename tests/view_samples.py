"""A sample view with every block type, for the view renderers' tests (no model needed)."""

from __future__ import annotations

import datetime as dt

from omradedok.view import (
    Amount,
    BarChart,
    Brand,
    Cell,
    Column,
    Cover,
    Document,
    Figure,
    ItemList,
    LegendEntry,
    ListItem,
    Meta,
    Milestone,
    PageBreak,
    Row,
    RunningHead,
    Section,
    Series,
    Span,
    Table,
    Timeline,
    TimelineItem,
    Tree,
    TreeNode,
    bullets,
    cell,
    inline,
    numbered,
    para,
    paras,
)

NBSP = "\u00a0"


def kr(value: int) -> Amount:
    return Amount(value, f"{value:,}".replace(",", NBSP) + f"{NBSP}kr")


BUDGET = Table(
    (
        Column("Delprogram", 0.46),
        Column("Kommunale midler", 0.18),
        Column("Statlige midler", 0.18),
        Column("Sum", 0.18),
    ),
    (
        Row(
            (
                cell("DP1 Oppvekst og læring"),
                cell(kr(1_200_000)),
                cell(kr(800_000)),
                cell(kr(2_000_000)),
            )
        ),
        Row(
            (
                cell("Prosjekt 1.1 Leksehjelp på biblioteket", indent=1),
                cell(kr(450_000)),
                cell(kr(150_000)),
                cell(kr(600_000)),
            )
        ),
        Row((Cell("Fysiske tiltak", span=4),), "subheading"),
        Row(
            (
                cell(
                    "DP2 Møteplasser og nærmiljø i Nordbyen sentrum med lang tekst som brytes over flere linjer i en smal kolonne"
                ),
                cell(kr(350_000)),
                cell(kr(1_650_000)),
                cell(kr(2_000_000)),
            )
        ),
        Row((cell("Sum"), cell(kr(2_000_000)), cell(kr(2_600_000)), cell(kr(4_600_000))), "sum"),
    ),
    caption="Budsjett per delprogram 2026",
    key="budget",
)

WIDE = Table(
    tuple(
        Column(t)
        for t in (
            "Nr",
            "Aktivitet",
            "Ansvarlig",
            "Start",
            "Slutt",
            "Kommune",
            "Stat",
            "Andre",
            "Sum",
            "Status",
        )
    ),
    (
        Row((Cell("Tiltak", span=5), Cell("Finansiering", span=5)), "header"),
        *(
            Row(
                (
                    cell(f"1.{i}"),
                    cell(f"Aktivitet nummer {i} med en beskrivelse"),
                    cell("Bydelsadministrasjonen"),
                    cell("01.03.2026"),
                    cell("30.11.2026"),
                    cell(kr(100_000 * i)),
                    cell(kr(50_000 * i)),
                    cell(kr(0)),
                    cell(kr(150_000 * i)),
                    cell("Planlagt"),
                )
            )
            for i in range(1, 31)
        ),
    ),
    caption="Aktiviteter 2026",
    wide=True,
    key="activities",
)

BARS = BarChart(
    ("2026", "2027", "2028"),
    (
        Series("Kommunale midler", (1_200_000, 1_500_000, 900_000), "dark"),
        Series("Statlige midler", (800_000, 1_000_000, 700_000), "hatched"),
        Series("Andre midler", (0, 300_000, 200_000), "light"),
    ),
)
TIMELINE = Timeline(
    (2026, 2027),
    (
        TimelineItem("DP1 Oppvekst", heading=True),
        TimelineItem(
            "1.1 Leksehjelp",
            ((dt.date(2026, 2, 1), dt.date(2026, 6, 30)),),
            (dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
        ),
        TimelineItem("1.2 Sommerskole", ((dt.date(2027, 6, 15), dt.date(2027, 8, 10)),)),
    ),
    (
        LegendEntry("Kvartal med aktiviteter", "dark"),
        LegendEntry("Planlagt prosjektperiode", "planned"),
    ),
    (Milestone(dt.date(2026, 11, 26), "Vedtak i bystyret"),),
    "Milepæler",
)
GOALS = Tree(
    (
        TreeNode(
            "Nordbyen er et godt sted å vokse opp",
            "HM1",
            children=(
                TreeNode(
                    "Flere barn deltar i fritidsaktiviteter",
                    "DM1.1",
                    children=(TreeNode("80 % deltar innen 2028", "RM1.1.1"),),
                ),
                TreeNode("Tryggere skolevei", "DM1.2"),
            ),
        ),
    ),
    "columns",
    ("Hovedmål", "Delmål", "Resultatmål"),
)
ORGANISATION = Tree(
    (
        TreeNode(
            "Bystyret",
            note="Politisk organ",
            children=(TreeNode("Styringsgruppe"), TreeNode("Prosjektgruppe")),
        ),
    ),
    "chart",
)

SAMPLE = Document(
    meta=Meta(
        title="Prøvedokument for visninger",
        language="nb-NO",
        subject="Områdesatsing Nordbyen",
        keywords=("visning", "prøve"),
        author="Fjordvik kommune",
        date=dt.date(2026, 11, 26),
    ),
    brand=Brand(primary="#FFDD00", secondary="#5B7F95"),
    running_head=RunningHead(
        "Nordbyen", "Prøvedokument", "Høringsutkast", "Fjordvik kommune", "UTKAST"
    ),
    cover=Cover(
        "Fjordvik kommune",
        "Handlingsplan",
        "Områdesatsing Nordbyen 2026–2031",
        "Del 1 og Del 2",
        (("Status", "Høringsutkast"), ("Versjon", "0.3")),
        "Høringsfrist 15. januar 2027.",
    ),
    contents_title="Innhold",
    contents_depth=2,
    body=numbered(
        (
            Section(
                "Sammendrag",
                (
                    para(
                        "Områdesatsingen skal gjøre Nordbyen til et bedre sted å bo.", role="lead"
                    ),
                    *paras(
                        "Første avsnitt om bakgrunnen.\nFortsatt samme avsnitt.\n\nAndre avsnitt."
                    ),
                    para(
                        "Navnet ",
                        Span("Guovdageaidnu", italic=True, lang="se-NO"),
                        " er nordsamisk; les mer på ",
                        Span("www.regjeringen.no", link="https://www.regjeringen.no/"),
                        ". ",
                        Span("Viktig:", bold=True),
                        " frist 60 000 kr.",
                    ),
                    para("Aktivitetene er over budsjettrammen med 1 610 000 kr.", role="warning"),
                    para("Kilde: SSB, 2025.", role="note"),
                    para("«Vi vil ha et trygt nærmiljø.»", role="quote"),
                ),
            ),
            Section(
                "Mål og strategier",
                (
                    bullets(["Bedre levekår", "Flere møteplasser", "Tryggere skolevei"]),
                    ItemList(
                        (
                            ListItem(inline("Kartlegge behov")),
                            ListItem(
                                inline("Utvikle tiltak"),
                                ItemList(
                                    (
                                        ListItem(inline("sammen med beboerne")),
                                        ListItem(inline("med frivillige")),
                                    )
                                ),
                            ),
                            ListItem(inline("Evaluere")),
                        ),
                        numbered=True,
                    ),
                    Section(
                        "Målhierarki",
                        (
                            Figure(
                                GOALS,
                                "Målhierarki med ett hovedmål, to delmål og ett resultatmål.",
                                "Målhierarki",
                                "goals",
                            ),
                        ),
                        level=2,
                    ),
                    Section(
                        "Organisering",
                        (
                            Figure(
                                ORGANISATION,
                                "Organisasjonskart: Bystyret over styringsgruppe og prosjektgruppe.",
                                "Organisering",
                                "org",
                            ),
                            Section("Roller", (para("Styringsgruppen leder arbeidet."),), level=3),
                        ),
                        level=2,
                    ),
                ),
            ),
            Section(
                "Økonomi",
                (
                    para("Tabellen viser budsjettet."),
                    BUDGET,
                    Figure(
                        BARS,
                        "Stablet søylediagram: 2026 2,0 mill. kr, 2027 2,8 mill. kr, 2028 1,8 mill. kr.",
                        "Budsjett per år",
                        "bars",
                    ),
                    PageBreak(),
                    Figure(
                        TIMELINE,
                        "Tidslinje 2026–2027 med to aktiviteter og én milepæl.",
                        "Fremdrift 2026–2027",
                        "timeline",
                    ),
                ),
                new_page=True,
            ),
            Section("Aktiviteter", (WIDE, para("Etter den brede tabellen."))),
        )
    ),
)
"""Every block type: sections on three levels, all paragraph roles, spans (bold, italic,
another language, a link), nested bullet and numbered lists, a table with amounts, an
indented cell, a subheading and a sum row, a wide table with an extra header row and spans,
all four kinds of chart, a page break, a cover and a table of contents."""
