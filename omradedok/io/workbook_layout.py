"""The input workbook's layout: which sheet holds which part of the model, column by column.

One declaration serves both directions (export and import), so they cannot drift apart.
Every label is a (bokmål, nynorsk) pair; reading accepts either.

* A **form** sheet (Satsing, Saksframlegg) has one row per field: label, value, help text.
* A **table** sheet has one row per object. Nested lists become child sheets whose PARENT
  column names the parent's id (Hovedmål → Delmål → Resultatmål; Delprogram → Prosjekter →
  Delprosjekter; Avtaler → Avtaleplikter …). Row order is list order.
* Lists of plain texts (a role's responsibilities, the communication plan's core messages …)
  are rows of the Tekstlister sheet: which list, which owner (role or strategy), the text –
  one row per item, so any text (also with line breaks) round-trips exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from ..model import (
    ActivityStatus,
    BodyKind,
    ChannelKind,
    DelegationHolder,
    DocumentStatus,
    EvaluationType,
    EvaluatorKind,
    Frequency,
    Involvement,
    Language,
    LevelTerm,
    MeasureType,
    OfficerTitle,
    PartnerKind,
    PlanDocumentKind,
    ReportStatus,
    SourceKind,
)
from .workbook_values import Kind

Label = tuple[str, str]
"""(bokmål, nynorsk)."""

Path = tuple[str | int, ...]

HEADER_ROW = 3
"""Row of the column headers on every table sheet (row 1 title, row 2 help)."""
FIRST_DATA_ROW = HEADER_ROW + 1


def L(nb: str, nn: str | None = None) -> Label:
    return (nb, nb if nn is None else nn)


@dataclass(frozen=True)
class Column:
    """One column of a table sheet."""

    key: str
    """Dotted field path inside the row's object («budget.state»); "" for the item itself."""
    label: Label
    kind: Kind
    width: float = 16
    enum: type[StrEnum] | None = None
    source: str = ""
    """Key of the table sheet whose id column feeds this column's drop-down list."""
    formula: Callable[[int], str] | None = None
    """For FORMULA columns: the formula of a given row."""

    @property
    def wrap(self) -> bool:
        return self.kind is Kind.TEXT and self.width >= 24


@dataclass(frozen=True)
class Target:
    """One list a CHOICE column can send a row to."""

    label: Label
    collection: tuple[str, ...]
    """Path of the list from the owner (or from the root when there is no owner)."""
    owner: str = ""
    """Key of the table sheet whose object owns the list («roles»), "" for the root."""


@dataclass(frozen=True)
class TableSheet:
    key: str
    name: Label
    intro: Label
    columns: tuple[Column, ...]
    collection: tuple[str, ...] = ()
    """Path of the list: from the root, or from the parent object when ``parents`` is set."""
    parents: tuple[str, ...] = ()
    """Keys of the sheets the PARENT column refers to (several for indicators)."""
    targets: tuple[Target, ...] = ()
    """For sheets with a CHOICE column: the lists a row may go to."""
    id_key: str = ""
    """Field holding the row's own id (others refer to it), "" if the rows have none."""
    scalar_items: bool = False
    """The list holds plain texts, not objects (the Tekstlister sheet)."""
    landscape: bool = True
    parent_by_year: bool = False
    """Parents may share an id across years (activities): the row's «År» picks the one that
    runs in that year."""

    def column(self, kind: Kind) -> Column | None:
        return next((c for c in self.columns if c.kind is kind), None)

    @property
    def id_column(self) -> int:
        """1-based column of the row's own id."""
        return next(i for i, c in enumerate(self.columns, 1) if c.key == self.id_key)


@dataclass(frozen=True)
class FormField:
    path: tuple[str, ...]
    label: Label
    kind: Kind
    help: Label = ("", "")
    enum: type[StrEnum] | None = None


@dataclass(frozen=True)
class FormSection:
    label: Label
    fields: tuple[FormField, ...]
    path: tuple[str, ...] = ()
    """The object this section fills (for locating «this part is missing» errors)."""
    required: bool = False
    """The model requires this object: read as present even when every cell is empty, so
    errors name the missing fields' own cells."""


@dataclass(frozen=True)
class FormSheet:
    key: str
    name: Label
    intro: Label
    sections: tuple[FormSection, ...]


Sheet = TableSheet | FormSheet


def F(
    path: str,
    label: Label,
    kind: Kind = Kind.TEXT,
    help: Label = ("", ""),
    enum: type[StrEnum] | None = None,
) -> FormField:
    return FormField(tuple(path.split(".")), label, kind, help, enum)


def C(
    key: str,
    label: Label,
    kind: Kind = Kind.TEXT,
    width: float = 16,
    *,
    enum: type[StrEnum] | None = None,
    source: str = "",
    formula: Callable[[int], str] | None = None,
) -> Column:
    return Column(key, label, kind, width, enum, source, formula)


# -- labels used in several sheets -----------------------------------------------------------

ID = L("Id")
TITLE = L("Tittel")
NAME = L("Navn", "Namn")
DESCRIPTION = L("Beskrivelse", "Skildring")
YEAR = L("År")
DATE = L("Dato")
OWNER = L("Eier (rolle-id)", "Eigar (rolle-id)")
GOALS = L("Mål (id-er)", "Mål (id-ar)")
MEASURE_TYPES = L("Tiltakstyper")
START_YEAR = L("Startår")
END_YEAR = L("Sluttår")
SUMMARY = L("Sammendrag", "Samandrag")
WHEN_HELP = L(
    "En dato (3.9.2013), en måned («september 2013»), en årstid («høsten 2013») eller et år "
    "(2013) – så nøyaktig som kilden er.",
    "Ein dato (3.9.2013), ein månad («september 2013»), ei årstid («hausten 2013») eller eit år "
    "(2013) – så nøyaktig som kjelda er.",
)
OWNERS = L("Eiere (id-er)", "Eigarar (id-ar)")


def _row_sum(first: str, last: str) -> Callable[[int], str]:
    """The row's sum – or an empty cell when no amount is given (never «0 kr» for a cost
    nobody gave) or when one is an estimate or a range written as text (the sum of the
    numbers alone would understate it)."""

    def formula(row: int) -> str:
        cells = f"{first}{row}:{last}{row}"
        return f'=IF(OR(COUNT({cells})=0,COUNTA({cells})>COUNT({cells})),"",SUM({cells}))'

    return formula


# -- the form sheets -------------------------------------------------------------------------

SATSING = FormSheet(
    key="initiative",
    name=L("Satsing"),
    intro=L(
        "Hovedopplysninger om satsingen. Fyll ut kolonne B; kolonne C forklarer feltet.",
        "Hovudopplysningar om satsinga. Fyll ut kolonne B; kolonne C forklarer feltet.",
    ),
    sections=(
        FormSection(
            L("Satsingen", "Satsinga"),
            (
                F(
                    "title",
                    TITLE,
                    help=L(
                        "Påkrevd, f.eks. «Områdeløft Nordbyen».",
                        "Påkravd, t.d. «Områdeløft Nordbyen».",
                    ),
                ),
                F(
                    "phase",
                    L("Fase (1–5)"),
                    Kind.INT,
                    L(
                        "Fasen satsingen er i nå (2 = planlegging).",
                        "Fasen satsinga er i no (2 = planlegging).",
                    ),
                ),
                F("summary", SUMMARY),
                F("background", L("Bakgrunn")),
                F("purpose", L("Formål")),
                F(
                    "schema_version",
                    L("Skjemaversjon"),
                    help=L(
                        "La stå som 2 (formatversjonen arbeidsboken følger).",
                        "La stå som 2 (formatversjonen arbeidsboka følgjer).",
                    ),
                ),
            ),
        ),
        FormSection(
            L("Kommunen"),
            (
                F(
                    "municipality.name",
                    NAME,
                    help=L(
                        "Påkrevd, f.eks. «Fjordvik kommune».", "Påkravd, t.d. «Fjordvik kommune»."
                    ),
                ),
                F(
                    "municipality.number",
                    L("Kommunenummer"),
                    help=L("Fire sifre, f.eks. 3915.", "Fire siffer, t.d. 3915."),
                ),
                F("municipality.county", L("Fylke")),
                F(
                    "municipality.org_number",
                    L("Organisasjonsnummer"),
                    help=L("Ni sifre.", "Ni siffer."),
                ),
                F(
                    "municipality.language",
                    L("Målform"),
                    Kind.ENUM,
                    L(
                        "Bokmål eller nynorsk: språket dokumentene lages på.",
                        "Bokmål eller nynorsk: språket dokumenta blir laga på.",
                    ),
                    Language,
                ),
                F("municipality.address", L("Adresse")),
                F("municipality.contact.name", L("Kontakt – navn", "Kontakt – namn")),
                F("municipality.contact.title", L("Kontakt – tittel")),
                F("municipality.contact.email", L("Kontakt – e-post")),
                F("municipality.contact.phone", L("Kontakt – telefon")),
                F("municipality.contact.address", L("Kontakt – adresse")),
                F(
                    "municipality.mayor.name",
                    L("Ordfører – navn", "Ordførar – namn"),
                    help=L("Signerer avtalene for kommunen.", "Signerer avtalane for kommunen."),
                ),
                F("municipality.mayor.title", L("Ordfører – tittel", "Ordførar – tittel")),
                F(
                    "municipality.mayor.organisation",
                    L("Ordfører – organisasjon", "Ordførar – organisasjon"),
                ),
                F(
                    "municipality.chief_executive.name",
                    L("Kommunedirektør – navn", "Kommunedirektør – namn"),
                ),
                F("municipality.chief_executive.title", L("Kommunedirektør – tittel")),
                F("municipality.chief_executive.organisation", L("Kommunedirektør – organisasjon")),
                F(
                    "municipality.officer_title",
                    L("Hvem innstiller i saken", "Kven innstiller i saka"),
                    Kind.ENUM,
                    L("Kommunedirektør, rådmann, byråd …", "Kommunedirektør, rådmann, byråd …"),
                    enum=OfficerTitle,
                ),
                F(
                    "municipality.profile.logo",
                    L("Logo (filsti)"),
                    Kind.PATH,
                    L(
                        "PNG eller JPEG, sti fra mappen arbeidsboken ligger i.",
                        "PNG eller JPEG, sti frå mappa arbeidsboka ligg i.",
                    ),
                ),
                F("municipality.profile.logo_alt_text", L("Logo – alternativ tekst")),
                F(
                    "municipality.profile.primary_color",
                    L("Hovedfarge", "Hovudfarge"),
                    help=L("Heksadesimal, f.eks. #1F4E79.", "Heksadesimal, t.d. #1F4E79."),
                ),
                F("municipality.profile.secondary_color", L("Sekundærfarge")),
                F("municipality.profile.font", L("Skrift (filsti)"), Kind.PATH),
                F("municipality.profile.font_bold", L("Skrift, halvfet (filsti)"), Kind.PATH),
            ),
            path=("municipality",),
            required=True,
        ),
        FormSection(
            L("Området"),
            (
                F("area.name", NAME, help=L("Påkrevd.", "Påkravd.")),
                F("area.district", L("Bydel")),
                F("area.boundary", L("Avgrensning")),
                F(
                    "area.grunnkrets_codes",
                    L("Grunnkretser"),
                    Kind.CODES,
                    L(
                        "Åttesifrede grunnkretsnumre, skilt med komma.",
                        "Åttesifra grunnkretsnummer, skilde med komma.",
                    ),
                ),
                F(
                    "area.population",
                    L("Innbyggere", "Innbyggjarar"),
                    Kind.COUNT,
                    L(
                        "Et tall, eller som kilden sier det: «ca. 6000», «opp mot 6000».",
                        "Eit tal, eller slik kjelda seier det: «ca. 6000», «opp mot 6000».",
                    ),
                ),
                F(
                    "area.population_year",
                    L("Innbyggertall fra år", "Innbyggjartal frå år"),
                    Kind.INT,
                ),
                F("area.description", DESCRIPTION),
            ),
            path=("area",),
            required=True,
        ),
        FormSection(
            L("Perioden"),
            (
                F("period.start_year", START_YEAR, Kind.INT, L("Påkrevd.", "Påkravd.")),
                F("period.end_year", END_YEAR, Kind.INT, L("Påkrevd.", "Påkravd.")),
            ),
            path=("period",),
            required=True,
        ),
        FormSection(
            L("Dokumentet"),
            (
                F("document.status", L("Status"), Kind.ENUM, enum=DocumentStatus),
                F("document.version", L("Versjon", "Versjon")),
                F(
                    "document.date",
                    DATE,
                    Kind.DATE,
                    L(
                        "Påkrevd; datoen som står på dokumentene.",
                        "Påkravd; datoen som står på dokumenta.",
                    ),
                ),
                F("document.consultation_deadline", L("Høringsfrist", "Høyringsfrist"), Kind.DATE),
                F(
                    "document.revision_due",
                    L("Revideres innen", "Skal reviderast innan"),
                    Kind.DATE,
                ),
                F(
                    "document.decision.body",
                    L("Vedtak – organ"),
                    help=L(
                        "Fylles ut når planen er vedtatt.", "Fyllast ut når planen er vedteken."
                    ),
                ),
                F(
                    "document.decision.date",
                    L("Vedtak – dato"),
                    Kind.WHEN,
                    WHEN_HELP,
                ),
                F("document.decision.case_number", L("Vedtak – saksnummer")),
                F("document.decision.summary", L("Vedtak – sammendrag", "Vedtak – samandrag")),
                F(
                    "document.current_document_id",
                    L("Gjeldende plandokument (id)", "Gjeldande plandokument (id)"),
                    Kind.ID,
                    L(
                        "Hvilket plandokument (arket Plandokumenter) denne handlingsplanen er.",
                        "Kva plandokument (arket Plandokument) denne handlingsplanen er.",
                    ),
                ),
            ),
            path=("document",),
            required=True,
        ),
        FormSection(
            L("Kunnskapsgrunnlag, mål og program"),
            (
                F(
                    "knowledge_base.summary",
                    L("Kunnskapsgrunnlag – sammendrag", "Kunnskapsgrunnlag – samandrag"),
                ),
                F("goals.vision", L("Visjon")),
                F("programme.name", L("Programnavn", "Programnamn")),
                F("programme.description", L("Programbeskrivelse", "Programskildring")),
                F(
                    "programme.level_term",
                    L("Navn på nivået under programmet", "Namn på nivået under programmet"),
                    Kind.ENUM,
                    L(
                        "Delprogram, satsingsområde, innsatsområde, strategi … – brukes i alle "
                        "overskrifter.",
                        "Delprogram, satsingsområde, innsatsområde, strategi … – blir brukt i "
                        "alle overskrifter.",
                    ),
                    enum=LevelTerm,
                ),
                F(
                    "organisation.programme_manager_role_id",
                    L("Programleder (rolle-id)", "Programleiar (rolle-id)"),
                    Kind.ID,
                ),
                F("participation.summary", L("Medvirkning – sammendrag", "Medverknad – samandrag")),
            ),
        ),
        FormSection(
            L("Kommunikasjonsplan"),
            (
                F(
                    "communication",
                    L("Kommunikasjonsplan er med"),
                    Kind.FLAG,
                    L(
                        "Ja eller Nei. Tomt: med når noe er fylt ut.",
                        "Ja eller Nei. Tomt: med når noko er fylt ut.",
                    ),
                ),
                F(
                    "communication.engagement_statement",
                    L("Kommunens engasjement", "Engasjementet til kommunen"),
                    help=L(
                        "Hva kommunen lover, og hvor lenge.", "Kva kommunen lovar, og kor lenge."
                    ),
                ),
            ),
        ),
        FormSection(
            L("Evalueringsplan"),
            (
                F(
                    "evaluation",
                    L("Evalueringsplan er med"),
                    Kind.FLAG,
                    L(
                        "Ja eller Nei. Tomt: med når noe er fylt ut.",
                        "Ja eller Nei. Tomt: med når noko er fylt ut.",
                    ),
                ),
                F("evaluation.purpose", L("Formål med evalueringen", "Formål med evalueringa")),
                F(
                    "evaluation.evaluator_kind",
                    L("Intern eller ekstern"),
                    Kind.ENUM,
                    enum=EvaluatorKind,
                ),
                F("evaluation.evaluator", L("Evaluator")),
            ),
        ),
    ),
)

SAKSFRAMLEGG = FormSheet(
    key="council_case",
    name=L("Saksframlegg"),
    intro=L(
        "Saksframlegget til politisk behandling. Saksgang, høringsinnspill og innstillingen ligger på egne ark.",
        "Saksframlegget til politisk handsaming. Saksgang, høyringsinnspel og innstillinga ligg på eigne ark.",
    ),
    sections=(
        FormSection(
            L("Saken"),
            (
                F(
                    "council_case.archive_case_number",
                    L("Arkivsak"),
                    help=L(
                        "F.eks. 26/1234. Påkrevd når saken fylles ut.",
                        "T.d. 26/1234. Påkravd når saka blir fylt ut.",
                    ),
                ),
                F(
                    "council_case.date",
                    L("Dato for saksframlegget"),
                    Kind.DATE,
                    L(
                        "Datoen saksframlegget er skrevet, før første møte i saksgangen. "
                        "Tomt: «ikke fastsatt».",
                        "Datoen saksframlegget er skrive, før første møte i saksgangen. "
                        "Tomt: «ikkje fastsett».",
                    ),
                ),
                F("council_case.archive_code", L("Arkivkode")),
                F(
                    "council_case.archive_code_system",
                    L("Klassifikasjonssystem"),
                    help=L(
                        "Systemet arkivkoden hører til, slik arkivet kaller det (f.eks. FE). "
                        "Brukes i arkivmeldingen.",
                        "Systemet arkivkoden høyrer til, slik arkivet kallar det (t.d. FE). "
                        "Blir brukt i arkivmeldinga.",
                    ),
                ),
                F(
                    "council_case.case_officer.name",
                    L("Saksbehandler – navn", "Sakshandsamar – namn"),
                ),
                F(
                    "council_case.case_officer.title",
                    L("Saksbehandler – tittel", "Sakshandsamar – tittel"),
                ),
                F(
                    "council_case.case_officer.organisation",
                    L("Saksbehandler – organisasjon", "Sakshandsamar – organisasjon"),
                ),
                F(
                    "council_case.case_officer_archive_id",
                    L("Saksbehandler – arkiv-id", "Sakshandsamar – arkiv-id"),
                    help=L(
                        "Brukernavn eller initialer i arkivsystemet (f.eks. AYH).",
                        "Brukarnamn eller initialar i arkivsystemet (t.d. AYH).",
                    ),
                ),
                F(
                    "council_case.administrative_unit",
                    L("Administrativ enhet", "Administrativ eining"),
                ),
                F(
                    "council_case.administrative_unit_archive_id",
                    L("Administrativ enhet – arkiv-id", "Administrativ eining – arkiv-id"),
                    help=L(
                        "Enhetens kode i arkivsystemet (f.eks. BSU).",
                        "Koden til eininga i arkivsystemet (t.d. BSU).",
                    ),
                ),
                F(
                    "council_case.title",
                    L("Sakstittel"),
                    help=L("Tomt: planens tittel.", "Tomt: tittelen på planen."),
                ),
                F("council_case.public_title", L("Offentlig tittel", "Offentleg tittel")),
                F("council_case.summary", SUMMARY),
                F("council_case.background", L("Saksopplysninger", "Saksopplysningar")),
                F("council_case.assessment", L("Vurdering")),
                F(
                    "council_case.economic_consequences",
                    L("Økonomiske konsekvenser", "Økonomiske konsekvensar"),
                ),
                F(
                    "council_case.administrative_consequences",
                    L("Administrative konsekvenser", "Administrative konsekvensar"),
                ),
                F(
                    "council_case.children_and_youth",
                    L("Konsekvenser for barn og unge", "Konsekvensar for barn og unge"),
                    help=L("Tomt: avsnittet utelates.", "Tomt: avsnittet fell bort."),
                ),
                F(
                    "council_case.public_health",
                    L("Konsekvenser for folkehelse", "Konsekvensar for folkehelse"),
                    help=L("Tomt: avsnittet utelates.", "Tomt: avsnittet fell bort."),
                ),
                F(
                    "council_case.climate_and_environment",
                    L("Konsekvenser for klima og miljø", "Konsekvensar for klima og miljø"),
                    help=L("Tomt: avsnittet utelates.", "Tomt: avsnittet fell bort."),
                ),
                F(
                    "council_case.attached_annual_reports",
                    L("Vedlagte årsrapporter (år)", "Vedlagde årsrapportar (år)"),
                    Kind.IDS,
                    L(
                        "Årene med årsrapport som saken legger ved, skilt med komma, f.eks. "
                        "«2026». Tomt: ingen årsrapport er vedlegg.",
                        "Åra med årsrapport som saka legg ved, skilde med komma, t.d. «2026». "
                        "Tomt: ingen årsrapport er vedlegg.",
                    ),
                ),
                F(
                    "council_case.risk",
                    L("Risikovurdering"),
                    help=L("Tomt: avsnittet utelates.", "Tomt: avsnittet fell bort."),
                ),
                F(
                    "council_case.alternatives",
                    L("Alternative løsninger", "Alternative løysingar"),
                    help=L("Tomt: avsnittet utelates.", "Tomt: avsnittet fell bort."),
                ),
            ),
            path=("council_case",),
        ),
        FormSection(
            L("Fullmakt til å inngå samarbeidsavtalene", "Fullmakt til å inngå samarbeidsavtalane"),
            (
                F(
                    "council_case.delegation.holder",
                    L("Fullmakt – hvem", "Fullmakt – kven"),
                    Kind.ENUM,
                    L(
                        "Den som innstiller (kommunedirektøren, rådmannen …) eller ordføreren. "
                        "Tomt: som et skrevet vedtakspunkt sier («Kommunedirektøren får "
                        "fullmakt …»), ellers ingen fullmakt.",
                        "Den som innstiller (kommunedirektøren, rådmannen …) eller ordføraren. "
                        "Tomt: som eit skrive vedtakspunkt seier («Kommunedirektøren får "
                        "fullmakt …»), elles inga fullmakt.",
                    ),
                    enum=DelegationHolder,
                ),
                F(
                    "council_case.delegation.agreement_ids",
                    L("Fullmakt – avtaler (id-er)", "Fullmakt – avtalar (id-ar)"),
                    Kind.IDS,
                    L(
                        "Avtalene fullmakten gjelder, skilt med komma. Tomt: alle avtalene.",
                        "Avtalane fullmakta gjeld, skilde med komma. Tomt: alle avtalane.",
                    ),
                ),
            ),
            path=("council_case", "delegation"),
        ),
    ),
)

# -- the table sheets ------------------------------------------------------------------------

_PROGRAMME_COLUMNS = (
    C("description", DESCRIPTION, width=40),
    C("owner_role_id", OWNER, Kind.ID, 14, source="roles"),
    C("goal_ids", GOALS, Kind.IDS, 14, source="sub_goals"),
    C("start_year", START_YEAR, Kind.INT, 9),
    C("end_year", END_YEAR, Kind.INT, 9),
    C("measure_types", MEASURE_TYPES, Kind.ENUMS, 18, enum=MeasureType),
)

TABLES: tuple[TableSheet, ...] = (
    TableSheet(
        key="revisions",
        name=L("Versjoner", "Versjonar"),
        intro=L(
            "Versjonshistorikken til dokumentene, eldste først.",
            "Versjonshistorikken til dokumenta, eldste først.",
        ),
        collection=("document", "revisions"),
        columns=(
            C("version", L("Versjon"), width=10),
            C("date", DATE, Kind.WHEN, 14),
            C("status", L("Status"), Kind.ENUM, 22, enum=DocumentStatus),
            C("description", DESCRIPTION, width=50),
            C("author", L("Forfatter", "Forfattar"), width=24),
        ),
    ),
    TableSheet(
        key="plan_documents",
        name=L("Plandokumenter", "Plandokument"),
        intro=L(
            "Programmets plandokumenter over tid: programplan, handlingsdel for en delperiode, "
            "revisjoner – hver med status, dato og vedtak.",
            "Plandokumenta til programmet over tid: programplan, handlingsdel for ein delperiode, "
            "revisjonar – kvar med status, dato og vedtak.",
        ),
        collection=("document", "plan_documents"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("kind", L("Type"), Kind.ENUM, 16, enum=PlanDocumentKind),
            C("title", TITLE, width=36),
            C("start_year", START_YEAR, Kind.INT, 9),
            C("end_year", END_YEAR, Kind.INT, 9),
            C("status", L("Status"), Kind.ENUM, 18, enum=DocumentStatus),
            C("date", DATE, Kind.WHEN, 14),
            C("decision.body", L("Vedtak – organ"), width=22),
            C("decision.date", L("Vedtak – dato"), Kind.WHEN, 14),
            C("decision.case_number", L("Vedtak – saksnummer"), width=16),
            C("decision.summary", L("Vedtak – sammendrag", "Vedtak – samandrag"), width=40),
            C(
                "replaces_id",
                L("Erstatter (id)", "Erstattar (id)"),
                Kind.ID,
                12,
                source="plan_documents",
            ),
        ),
    ),
    TableSheet(
        key="anchoring",
        name=L("Forankring"),
        intro=L(
            "Politiske og administrative vedtak så langt.",
            "Politiske og administrative vedtak så langt.",
        ),
        collection=("anchoring",),
        columns=(
            C("body", L("Organ"), width=26),
            C("date", DATE, Kind.WHEN, 14),
            C("case_number", L("Saksnummer"), width=14),
            C("summary", SUMMARY, width=60),
        ),
    ),
    TableSheet(
        key="sources",
        name=L("Kilder", "Kjelder"),
        intro=L("Kildene i kunnskapsgrunnlaget.", "Kjeldene i kunnskapsgrunnlaget."),
        collection=("knowledge_base", "sources"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("title", TITLE, width=44),
            C("year", YEAR, Kind.INT, 8),
            C("kind", L("Type"), Kind.ENUM, 20, enum=SourceKind),
            C("publisher", L("Utgiver", "Utgjevar"), width=30),
            C("url", L("Nettadresse"), width=30),
        ),
    ),
    TableSheet(
        key="findings",
        name=L("Funn"),
        intro=L(
            "Utfordringer og ressurser/muligheter fra kunnskapsgrunnlaget.",
            "Utfordringar og ressursar/moglegheiter frå kunnskapsgrunnlaget.",
        ),
        targets=(
            Target(L("Utfordring"), ("knowledge_base", "challenges")),
            Target(L("Ressurs/mulighet", "Ressurs/moglegheit"), ("knowledge_base", "resources")),
        ),
        columns=(
            C("", L("Type"), Kind.CHOICE, 18),
            C("title", TITLE, width=40),
            C("description", DESCRIPTION, width=60),
            C("source_ids", L("Kilder (id-er)", "Kjelder (id-ar)"), Kind.IDS, 14, source="sources"),
        ),
    ),
    TableSheet(
        key="main_goals",
        name=L("Hovedmål", "Hovudmål"),
        intro=L(
            "Hovedmål (samfunnsmål). Delmål ligger på arket Delmål.",
            "Hovudmål (samfunnsmål). Delmål ligg på arket Delmål.",
        ),
        collection=("goals", "main_goals"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("title", TITLE, width=50),
            C("description", DESCRIPTION, width=60),
        ),
    ),
    TableSheet(
        key="sub_goals",
        name=L("Delmål"),
        intro=L(
            "Delmål (effektmål), hvert under et hovedmål.",
            "Delmål (effektmål), kvart under eit hovudmål.",
        ),
        collection=("sub_goals",),
        parents=("main_goals",),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("", L("Hovedmål (id)", "Hovudmål (id)"), Kind.PARENT, 12, source="main_goals"),
            C("title", TITLE, width=50),
            C("description", DESCRIPTION, width=60),
        ),
    ),
    TableSheet(
        key="result_goals",
        name=L("Resultatmål"),
        intro=L("Resultatmål, hvert under et delmål.", "Resultatmål, kvart under eit delmål."),
        collection=("result_goals",),
        parents=("sub_goals",),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("", L("Delmål (id)"), Kind.PARENT, 12, source="sub_goals"),
            C("title", TITLE, width=60),
        ),
    ),
    TableSheet(
        key="indicators",
        name=L("Indikatorer", "Indikatorar"),
        intro=L(
            "Indikatorene som måler målene, med nullpunkt og målverdi.",
            "Indikatorane som måler måla, med nullpunkt og målverdi.",
        ),
        collection=("indicators",),
        parents=("main_goals", "sub_goals", "result_goals"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("", L("Mål (id)"), Kind.PARENT, 10),
            C("name", NAME, width=40),
            C("unit", L("Enhet", "Eining"), width=10),
            C("baseline.value", L("Nullpunkt"), Kind.FLOAT, 10),
            C("baseline.year", L("Nullpunkt – år"), Kind.INT, 9),
            C("baseline.source", L("Nullpunkt – kilde", "Nullpunkt – kjelde"), width=28),
            C("target.value", L("Målverdi"), Kind.FLOAT, 10),
            C("target.year", L("Målverdi – år"), Kind.INT, 9),
            C("data_source", L("Datakilde", "Datakjelde"), width=26),
            C("frequency", L("Hyppighet"), Kind.ENUM, 16, enum=Frequency),
            C(
                "responsible_role_id",
                L("Ansvarlig (rolle-id)", "Ansvarleg (rolle-id)"),
                Kind.ID,
                12,
                source="roles",
            ),
        ),
    ),
    TableSheet(
        key="observations",
        name=L("Indikatormålinger", "Indikatormålingar"),
        intro=L(
            "Verdier målt over tid for indikatorene (i tillegg til nullpunkt og målverdi), én rad "
            "per måling.",
            "Verdiar målte over tid for indikatorane (i tillegg til nullpunkt og målverdi), éi rad "
            "per måling.",
        ),
        collection=("observations",),
        parents=("indicators",),
        columns=(
            C("", L("Indikator (id)"), Kind.PARENT, 12, source="indicators"),
            C("year", YEAR, Kind.INT, 8),
            C("value", L("Verdi"), Kind.FLOAT, 12),
            C("source", L("Kilde", "Kjelde"), width=40),
        ),
    ),
    TableSheet(
        key="strategies",
        name=L("Strategier", "Strategiar"),
        intro=L(
            "Strategier; metodene føres på arket Tekstlister.",
            "Strategiar; metodane blir førte på arket Tekstlister.",
        ),
        collection=("strategies",),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("title", TITLE, width=40),
            C("description", DESCRIPTION, width=60),
            C("goal_ids", GOALS, Kind.IDS, 16, source="sub_goals"),
        ),
    ),
    TableSheet(
        key="sub_programmes",
        name=L("Delprogram"),
        intro=L(
            "Delprogram (innsatsområder). Prosjekter ligger på arket Prosjekter.",
            "Delprogram (innsatsområde). Prosjekt ligg på arket Prosjekt.",
        ),
        collection=("programme", "sub_programmes"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("name", NAME, width=32),
            C("description", DESCRIPTION, width=40),
            C("owner_role_id", OWNER, Kind.ID, 14, source="roles"),
            C("goal_ids", GOALS, Kind.IDS, 14, source="sub_goals"),
            C("measure_types", MEASURE_TYPES, Kind.ENUMS, 18, enum=MeasureType),
        ),
    ),
    TableSheet(
        key="projects",
        name=L("Prosjekter", "Prosjekt"),
        intro=L("Prosjekter, hvert under et delprogram.", "Prosjekt, kvart under eit delprogram."),
        collection=("projects",),
        parents=("sub_programmes",),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("", L("Delprogram (id)"), Kind.PARENT, 12, source="sub_programmes"),
            C("name", NAME, width=32),
            *_PROGRAMME_COLUMNS,
            C("owner_ids", OWNERS, Kind.IDS, 14, source="partners"),
        ),
    ),
    TableSheet(
        key="sub_projects",
        name=L("Delprosjekter", "Delprosjekt"),
        intro=L(
            "Delprosjekter, hvert under et prosjekt.", "Delprosjekt, kvart under eit prosjekt."
        ),
        collection=("sub_projects",),
        parents=("projects",),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("", L("Prosjekt (id)"), Kind.PARENT, 12, source="projects"),
            C("name", NAME, width=32),
            *_PROGRAMME_COLUMNS,
        ),
    ),
    TableSheet(
        key="bodies",
        name=L("Organisering"),
        intro=L(
            "Organer: styringsgruppe, programgruppe, arbeidsgrupper, referansegrupper …",
            "Organ: styringsgruppe, programgruppe, arbeidsgrupper, referansegrupper …",
        ),
        collection=("organisation", "bodies"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("kind", L("Type"), Kind.ENUM, 18, enum=BodyKind),
            C("name", NAME, width=30),
            C("mandate", L("Mandat"), width=50),
            C("meeting_frequency", L("Møtehyppighet"), width=18),
            C(
                "reports_to",
                L("Rapporterer til (id)", "Rapporterer til (id)"),
                Kind.ID,
                12,
                source="bodies",
            ),
        ),
    ),
    TableSheet(
        key="members",
        name=L("Medlemmer"),
        intro=L("Medlemmene i hvert organ.", "Medlemmene i kvart organ."),
        collection=("members",),
        parents=("bodies",),
        columns=(
            C("", L("Organ (id)"), Kind.PARENT, 10, source="bodies"),
            C("name", NAME, width=28),
            C("title", TITLE, width=28),
            C("organisation", L("Organisasjon"), width=30),
            C("role_id", L("Rolle (id)"), Kind.ID, 12, source="roles"),
        ),
    ),
    TableSheet(
        key="roles",
        name=L("Roller"),
        intro=L(
            "Roller; ansvarsoppgavene føres på arket Tekstlister.",
            "Roller; ansvarsoppgåvene blir førte på arket Tekstlister.",
        ),
        collection=("organisation", "roles"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 10),
            C("title", TITLE, width=34),
            C("holder", L("Innehaver", "Innehavar"), width=28),
            C("body_id", L("Organ (id)"), Kind.ID, 12, source="bodies"),
            C("partner_id", L("Partner (id)"), Kind.ID, 12, source="partners"),
        ),
    ),
    TableSheet(
        key="partners",
        name=L("Partnere", "Partnarar"),
        intro=L(
            "Partnere: kommunale enheter, statlige etater, frivillige, borettslag, næringsliv …",
            "Partnarar: kommunale einingar, statlege etatar, frivillige, burettslag, næringsliv …",
        ),
        collection=("partners",),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 10),
            C("name", NAME, width=32),
            C("kind", L("Type"), Kind.ENUM, 20, enum=PartnerKind),
            C("org_number", L("Org.nr."), width=12),
            C("address", L("Adresse"), width=28),
            C("contact.name", L("Kontakt – navn", "Kontakt – namn"), width=22),
            C("contact.title", L("Kontakt – tittel"), width=18),
            C("contact.email", L("Kontakt – e-post"), width=26),
            C("contact.phone", L("Kontakt – telefon"), width=14),
            C("contact.address", L("Kontakt – adresse"), width=24),
            C("description", DESCRIPTION, width=40),
        ),
    ),
    TableSheet(
        key="tasks",
        name=L("Oppgaver", "Oppgåver"),
        intro=L(
            "Oppgaver i rolle- og ansvarsmatrisen utover aktiviteter og prosjekter "
            "(årsrapport, søknader …). Partenes roller føres på arket Oppgaveroller.",
            "Oppgåver i rolle- og ansvarsmatrisa utover aktivitetar og prosjekt "
            "(årsrapport, søknader …). Rollene til partane blir førte på arket Oppgåveroller.",
        ),
        collection=("tasks",),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("text", L("Oppgave", "Oppgåve"), width=50),
            C("sub_programme_id", L("Delprogram (id)"), Kind.ID, 14, source="sub_programmes"),
        ),
    ),
    TableSheet(
        key="task_roles",
        name=L("Oppgaveroller", "Oppgåveroller"),
        intro=L(
            "Hver parts rolle i en oppgave: Ansvarlig, Bidrar, Rådført eller Informert. Part er "
            "en rolle-, organ- eller partner-id, eller «kommunen».",
            "Rolla til kvar part i ei oppgåve: Ansvarleg, Bidreg, Rådført eller Informert. Part "
            "er ein rolle-, organ- eller partnar-id, eller «kommunen».",
        ),
        collection=("roles",),
        parents=("tasks",),
        columns=(
            C("", L("Oppgave (id)", "Oppgåve (id)"), Kind.PARENT, 12, source="tasks"),
            C("party_id", L("Part (id)"), Kind.ID, 14, source="roles"),
            C("involvement", L("Involvering"), Kind.ENUM, 16, enum=Involvement),
        ),
    ),
    TableSheet(
        key="activities",
        name=L("Aktiviteter", "Aktivitetar"),
        intro=L(
            "Aktivitetene i de årlige aktivitetsplanene, én rad per aktivitet og år.",
            "Aktivitetane i dei årlege aktivitetsplanane, éi rad per aktivitet og år.",
        ),
        collection=("activities",),
        id_key="id",
        columns=(
            C("id", L("Nr"), Kind.ID, 8),
            C("sub_programme_id", L("Delprogram"), Kind.ID, 12, source="sub_programmes"),
            C("title", L("Tiltak/aktivitet"), width=36),
            C(
                "sub_goal_ids",
                L("Bidrar til delmål", "Bidreg til delmål"),
                Kind.IDS,
                14,
                source="sub_goals",
            ),
            C("result_target", L("Resultatmål / indikator"), width=30),
            C(
                "responsible_role_id",
                L("Ansvarlig (rolle-id)", "Ansvarleg (rolle-id)"),
                Kind.ID,
                12,
                source="roles",
            ),
            C(
                "partner_ids",
                L("Samarbeidspartnere (id-er)", "Samarbeidspartnarar (id-ar)"),
                Kind.IDS,
                16,
                source="partners",
            ),
            C("start", L("Start"), Kind.WHEN, 13),
            C("end", L("Slutt"), Kind.WHEN, 13),
            C("budget.municipal", L("Kommunale midler", "Kommunale midlar"), Kind.MONEY, 14),
            C("budget.state", L("Statlige midler", "Statlege midlar"), Kind.MONEY, 14),
            C("budget.other", L("Andre midler", "Andre midlar"), Kind.MONEY, 14),
            C(
                "budget.carried_over",
                L("Overført fra i fjor", "Overført frå i fjor"),
                Kind.MONEY,
                14,
            ),
            C("", L("Sum"), Kind.FORMULA, 14, formula=_row_sum("J", "M")),
            C("status", L("Status"), Kind.ENUM, 12, enum=ActivityStatus),
            C("year", YEAR, Kind.INT, 8),
            C("project_id", L("Prosjekt (id)"), Kind.ID, 12, source="projects"),
            C("sub_project_id", L("Delprosjekt (id)"), Kind.ID, 12, source="sub_projects"),
            C("milestone", L("Milepæl"), width=24),
            C("description", DESCRIPTION, width=40),
            C(
                "goal_ids",
                L("Bidrar til mål (id-er)", "Bidreg til mål (id-ar)"),
                Kind.IDS,
                14,
                source="main_goals",
            ),
            C("owner_ids", OWNERS, Kind.IDS, 14, source="partners"),
        ),
    ),
    TableSheet(
        key="activity_budgets",
        name=L("Budsjett per år"),
        intro=L(
            "Budsjettet til en flerårig aktivitet fordelt på årene, der det er kjent. Én rad per "
            "aktivitet og år; «År» velger aktiviteten når samme nr finnes i flere år.",
            "Budsjettet til ein fleirårig aktivitet fordelt på åra, der det er kjent. Éi rad per "
            "aktivitet og år; «År» vel aktiviteten når same nr finst i fleire år.",
        ),
        collection=("budget_by_year",),
        parents=("activities",),
        parent_by_year=True,
        columns=(
            C("", L("Aktivitet (nr)"), Kind.PARENT, 12, source="activities"),
            C("year", YEAR, Kind.INT, 8),
            C("municipal", L("Kommunale midler", "Kommunale midlar"), Kind.MONEY, 16),
            C("state", L("Statlige midler", "Statlege midlar"), Kind.MONEY, 16),
            C("other", L("Andre midler", "Andre midlar"), Kind.MONEY, 16),
            C("carried_over", L("Overført fra i fjor", "Overført frå i fjor"), Kind.MONEY, 16),
            C("", L("Sum"), Kind.FORMULA, 16, formula=_row_sum("C", "F")),
        ),
    ),
    TableSheet(
        key="activity_reports",
        name=L("Årsrapport per tiltak"),
        intro=L(
            "Årsrapporten: status ved utgangen av året og pengebruk per finansieringskilde, én rad "
            "per aktivitet og år. Tom status gir «ikke rapportert»; et tomt beløp for en kilde "
            "budsjettet har, er ukjent (aldri 0 kr). «År» velger aktiviteten når samme nr finnes "
            "i flere år.",
            "Årsrapporten: status ved utgangen av året og pengebruk per finansieringskjelde, éi rad "
            "per aktivitet og år. Tom status gir «ikkje rapportert»; eit tomt beløp for ei kjelde "
            "budsjettet har, er ukjent (aldri 0 kr). «År» vel aktiviteten når same nr finst i "
            "fleire år.",
        ),
        collection=("reports",),
        parents=("activities",),
        parent_by_year=True,
        columns=(
            C("", L("Aktivitet (nr)"), Kind.PARENT, 12, source="activities"),
            C("year", YEAR, Kind.INT, 8),
            C("status", L("Status"), Kind.ENUM, 14, enum=ReportStatus),
            C("reason", L("Begrunnelse / merknad", "Grunngiving / merknad"), width=44),
            C(
                "spent.municipal",
                L("Brukt – kommunale midler", "Brukt – kommunale midlar"),
                Kind.MONEY,
                16,
            ),
            C(
                "spent.state",
                L("Brukt – statlige midler", "Brukt – statlege midlar"),
                Kind.MONEY,
                16,
            ),
            C("spent.other", L("Brukt – andre midler", "Brukt – andre midlar"), Kind.MONEY, 16),
            C(
                "spent.carried_over",
                L("Brukt – overført fra i fjor", "Brukt – overført frå i fjor"),
                Kind.MONEY,
                16,
            ),
            C("", L("Sum brukt"), Kind.FORMULA, 16, formula=_row_sum("E", "H")),
        ),
    ),
    TableSheet(
        key="annual_reports",
        name=L("Årsrapporter", "Årsrapportar"),
        intro=L(
            "Det årsrapporten for et år sier selv: dato, sammendrag og prioriteringer for neste "
            "år. Tomme felt utelates eller står som «ikke fastsatt».",
            "Det årsrapporten for eit år seier sjølv: dato, samandrag og prioriteringar for neste "
            "år. Tomme felt fell bort eller står som «ikkje fastsett».",
        ),
        collection=("annual_reports",),
        columns=(
            C("year", YEAR, Kind.INT, 8),
            C("date", DATE, Kind.DATE, 14),
            C("summary", SUMMARY, width=60),
            C(
                "priorities",
                L("Prioriteringer for neste år", "Prioriteringar for neste år"),
                width=60,
            ),
        ),
    ),
    TableSheet(
        key="budget_frame",
        name=L("Budsjett"),
        intro=L(
            "Den økonomiske rammen per år og finansieringskilde.",
            "Den økonomiske ramma per år og finansieringskjelde.",
        ),
        collection=("budget_frame",),
        columns=(
            C("year", YEAR, Kind.INT, 8),
            C("municipal", L("Kommunale midler", "Kommunale midlar"), Kind.MONEY, 16),
            C("state", L("Statlige midler", "Statlege midlar"), Kind.MONEY, 16),
            C("other", L("Andre midler", "Andre midlar"), Kind.MONEY, 16),
            C("carried_over", L("Overført fra i fjor", "Overført frå i fjor"), Kind.MONEY, 16),
            C("", L("Sum"), Kind.FORMULA, 16, formula=_row_sum("B", "E")),
            C("note", L("Merknad"), width=50),
        ),
    ),
    TableSheet(
        key="milestones",
        name=L("Milepæler", "Milepælar"),
        intro=L("Milepæler i fremdriftsplanen.", "Milepælar i framdriftsplanen."),
        collection=("milestones",),
        columns=(
            C("date", DATE, Kind.WHEN, 14),
            C("title", TITLE, width=40),
            C("description", DESCRIPTION, width=60),
        ),
    ),
    TableSheet(
        key="target_groups",
        name=L("Målgrupper"),
        intro=L("Målgruppene i kommunikasjonsplanen.", "Målgruppene i kommunikasjonsplanen."),
        collection=("communication", "target_groups"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("name", NAME, width=30),
            C("description", DESCRIPTION, width=60),
        ),
    ),
    TableSheet(
        key="channels",
        name=L("Kanaler", "Kanalar"),
        intro=L("Kanalene i kommunikasjonsplanen.", "Kanalane i kommunikasjonsplanen."),
        collection=("communication", "channels"),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("kind", L("Type"), Kind.ENUM, 20, enum=ChannelKind),
            C("name", NAME, width=30),
            C("description", DESCRIPTION, width=50),
        ),
    ),
    TableSheet(
        key="communication_measures",
        name=L("Kommunikasjon"),
        intro=L(
            "Tiltakene i kommunikasjonsplanen. Mål, budskap og språk føres på arket Tekstlister.",
            "Tiltaka i kommunikasjonsplanen. Mål, bodskap og språk blir førte på arket Tekstlister.",
        ),
        collection=("communication", "measures"),
        columns=(
            C("activity", L("Tiltak"), width=40),
            C(
                "channel_ids",
                L("Kanaler (id-er)", "Kanalar (id-ar)"),
                Kind.IDS,
                14,
                source="channels",
            ),
            C(
                "target_group_ids",
                L("Målgrupper (id-er)", "Målgrupper (id-ar)"),
                Kind.IDS,
                14,
                source="target_groups",
            ),
            C("timing", L("Tidspunkt"), width=18),
            C(
                "responsible_role_id",
                L("Ansvarlig (rolle-id)", "Ansvarleg (rolle-id)"),
                Kind.ID,
                12,
                source="roles",
            ),
            C("resources", L("Ressurser", "Ressursar"), width=30),
        ),
    ),
    TableSheet(
        key="evaluation_schedule",
        name=L("Evaluering"),
        intro=L(
            "Når det evalueres. Spørsmål, brukere og resultatkjede føres på arket Tekstlister.",
            "Når det blir evaluert. Spørsmål, brukarar og resultatkjede blir førte på arket Tekstlister.",
        ),
        collection=("evaluation", "schedule"),
        columns=(
            C("type", L("Type"), Kind.ENUM, 22, enum=EvaluationType),
            C("year", YEAR, Kind.INT, 8),
            C("description", DESCRIPTION, width=60),
        ),
    ),
    TableSheet(
        key="evaluation_reporting",
        name=L("Rapportering"),
        intro=L(
            "Hvem det rapporteres til, hvor ofte og hvordan.",
            "Kven det blir rapportert til, kor ofte og korleis.",
        ),
        collection=("evaluation", "reporting"),
        columns=(
            C("to", L("Til"), width=30),
            C("frequency", L("Hyppighet"), width=20),
            C("form", L("Form"), width=40),
        ),
    ),
    TableSheet(
        key="agreements",
        name=L("Avtaler", "Avtalar"),
        intro=L(
            "Samarbeidsavtaler. Plikter, bidrag og signaturer ligger på egne ark.",
            "Samarbeidsavtalar. Plikter, bidrag og signaturar ligg på eigne ark.",
        ),
        collection=("agreements",),
        id_key="id",
        columns=(
            C("id", ID, Kind.ID, 8),
            C("title", TITLE, width=34),
            C(
                "partner_ids",
                L("Partnere (id-er)", "Partnarar (id-ar)"),
                Kind.IDS,
                16,
                source="partners",
            ),
            C("valid_from", L("Gyldig fra", "Gyldig frå"), Kind.DATE, 12),
            C("valid_to", L("Gyldig til"), Kind.DATE, 12),
            C("notice_months", L("Oppsigelse (måneder)", "Oppseiing (månader)"), Kind.INT, 11),
            C("background", L("Bakgrunn"), width=40),
            C("purpose", L("Formål"), width=40),
            C("goal_ids", GOALS, Kind.IDS, 14, source="sub_goals"),
            C("content", L("Innhold", "Innhald"), width=40),
            C("meetings", L("Samarbeidsmøter"), width=30),
            C("amendments", L("Endringer", "Endringar"), width=30),
            C("breach", L("Mislighold", "Misleghald"), width=30),
            C("disputes", L("Tvister", "Tvistar"), width=30),
            C("reporting", L("Rapportering og revisjon"), width=30),
            C("privacy", L("Personvern og taushetsplikt", "Personvern og teieplikt"), width=30),
            C("public_access", L("Innsyn etter offentleglova"), width=30),
            C(
                "grant_letter",
                L("Forholdet til tilsagnsbrev", "Forholdet til tilsegnsbrev"),
                width=30,
            ),
            C("place", L("Sted", "Stad"), width=14),
            C(
                "municipality_signatory.name",
                L("Kommunens signatar – navn", "Signatar for kommunen – namn"),
                width=22,
            ),
            C(
                "municipality_signatory.title",
                L("Kommunens signatar – tittel", "Signatar for kommunen – tittel"),
                width=18,
            ),
            C(
                "municipality_signatory.organisation",
                L("Kommunens signatar – organisasjon", "Signatar for kommunen – organisasjon"),
                width=20,
            ),
        ),
    ),
    TableSheet(
        key="obligations",
        name=L("Avtaleplikter"),
        intro=L(
            "Partenes roller og ansvar i hver avtale («kommunen» for kommunen selv).",
            "Roller og ansvar for partane i kvar avtale («kommunen» for kommunen sjølv).",
        ),
        collection=("obligations",),
        parents=("agreements",),
        columns=(
            C("", L("Avtale (id)"), Kind.PARENT, 10, source="agreements"),
            C("party_id", L("Part (id)"), Kind.ID, 12, source="partners"),
            C("task", L("Oppgave", "Oppgåve"), width=50),
            C("involvement", L("Involvering"), Kind.ENUM, 16, enum=Involvement),
        ),
    ),
    TableSheet(
        key="contributions",
        name=L("Avtalebidrag"),
        intro=L(
            "Hva hver part bidrar med per år: penger og naturalytelser.",
            "Kva kvar part bidreg med per år: pengar og naturalytingar.",
        ),
        collection=("contributions",),
        parents=("agreements",),
        columns=(
            C("", L("Avtale (id)"), Kind.PARENT, 10, source="agreements"),
            C("party_id", L("Part (id)"), Kind.ID, 12, source="partners"),
            C("year", YEAR, Kind.INT, 8),
            C("money", L("Penger", "Pengar"), Kind.MONEY, 14),
            C("in_kind", L("Naturalytelser (verdi)", "Naturalytingar (verdi)"), Kind.MONEY, 16),
            C(
                "in_kind_description",
                L("Naturalytelser – beskrivelse", "Naturalytingar – skildring"),
                width=40,
            ),
            C(
                "grant",
                L("Tilskudd (forutsetter tilsagn)", "Tilskot (føreset tilsegn)"),
                Kind.FLAG,
                12,
            ),
        ),
    ),
    TableSheet(
        key="signatories",
        name=L("Signaturer", "Signaturar"),
        intro=L("Hvem som signerer for partnerne.", "Kven som signerer for partnarane."),
        collection=("signatories",),
        parents=("agreements",),
        columns=(
            C("", L("Avtale (id)"), Kind.PARENT, 10, source="agreements"),
            C("party_id", L("Part (id)"), Kind.ID, 12, source="partners"),
            C("person.name", NAME, width=26),
            C("person.title", TITLE, width=22),
            C("person.organisation", L("Organisasjon"), width=28),
            C("place", L("Sted", "Stad"), width=14),
        ),
    ),
    TableSheet(
        key="route",
        name=L("Saksgang"),
        intro=L(
            "Utvalgene saken går gjennom, i rekkefølge.", "Utvala saka går gjennom, i rekkjefølgje."
        ),
        collection=("council_case", "route"),
        columns=(
            C("body", L("Utvalg", "Utval"), width=30),
            C("meeting_date", L("Møtedato"), Kind.WHEN, 14),
            C("case_number", L("Saksnummer"), width=14),
        ),
    ),
    TableSheet(
        key="consultation_inputs",
        name=L("Høringsinnspill", "Høyringsinnspel"),
        intro=L(
            "Høringsinnspillene og hvordan de er vurdert.",
            "Høyringsinnspela og korleis dei er vurderte.",
        ),
        collection=("council_case", "consultation_inputs"),
        columns=(
            C("from_whom", L("Fra", "Frå"), width=28),
            C("summary", SUMMARY, width=50),
            C("assessment", L("Vurdering"), width=50),
        ),
    ),
    TableSheet(
        key="text_lists",
        name=L("Tekstlister"),
        intro=L(
            "Punktlister: velg listen i kolonne A, og for ansvar og metoder rollen eller strategien i kolonne B. Én rad per punkt.",
            "Punktlister: vel lista i kolonne A, og for ansvar og metodar rolla eller strategien i kolonne B. Éi rad per punkt.",
        ),
        scalar_items=True,
        targets=(
            Target(L("Ansvar (rolle)"), ("responsibilities",), owner="roles"),
            Target(L("Metode (strategi)"), ("methods",), owner="strategies"),
            Target(L("Prosjektmål (prosjekt)"), ("objectives",), owner="projects"),
            Target(L("Tjenesteområde", "Tenesteområde"), ("organisation", "service_areas")),
            Target(L("Medvirkningstiltak", "Medverknadstiltak"), ("participation", "measures")),
            Target(L("Kommunikasjonsmål"), ("communication", "goals")),
            Target(L("Kjernebudskap", "Kjernebodskap"), ("communication", "core_messages")),
            Target(L("Språk"), ("communication", "languages")),
            Target(
                L("Brukere av evalueringen", "Brukarar av evalueringa"), ("evaluation", "users")
            ),
            Target(L("Evalueringsspørsmål"), ("evaluation", "questions")),
            Target(L("Resultatkjede – innsats"), ("evaluation", "result_chain", "inputs")),
            Target(L("Resultatkjede – aktivitet"), ("evaluation", "result_chain", "activities")),
            Target(L("Resultatkjede – resultat"), ("evaluation", "result_chain", "results")),
            Target(L("Resultatkjede – effekt"), ("evaluation", "result_chain", "effects")),
            Target(L("Vedtakspunkt (planen)"), ("document", "decision", "points")),
            Target(
                L("Vedtakspunkt (plandokument)"), ("decision", "points"), owner="plan_documents"
            ),
            Target(L("Innstilling (vedtakspunkt)"), ("council_case", "proposed_resolution")),
            Target(L("Innstilling (tilleggspunkt)"), ("council_case", "additional_points")),
            Target(L("Høringsinstans", "Høyringsinstans"), ("council_case", "consulted")),
            Target(L("Ekstra vedlegg"), ("council_case", "extra_attachments")),
        ),
        columns=(
            C("", L("Liste"), Kind.CHOICE, 28),
            C("", L("Tilhører (id)", "Høyrer til (id)"), Kind.PARENT, 14),
            C("", L("Tekst"), Kind.TEXT, 90),
        ),
    ),
)

FORMS: tuple[FormSheet, ...] = (SATSING, SAKSFRAMLEGG)

SHEET_ORDER: tuple[str, ...] = (
    "initiative",
    "revisions",
    "plan_documents",
    "anchoring",
    "sources",
    "findings",
    "main_goals",
    "sub_goals",
    "result_goals",
    "indicators",
    "observations",
    "strategies",
    "sub_programmes",
    "projects",
    "sub_projects",
    "bodies",
    "members",
    "roles",
    "partners",
    "tasks",
    "task_roles",
    "activities",
    "activity_budgets",
    "activity_reports",
    "budget_frame",
    "milestones",
    "target_groups",
    "channels",
    "communication_measures",
    "evaluation_schedule",
    "evaluation_reporting",
    "agreements",
    "obligations",
    "contributions",
    "signatories",
    "council_case",
    "route",
    "consultation_inputs",
    "annual_reports",
    "text_lists",
)
"""Sheet order in the workbook; parents come before the sheets that refer to them."""

_ALL: tuple[Sheet, ...] = (*FORMS, *TABLES)
_BY_KEY: dict[str, Sheet] = {s.key: s for s in _ALL}
SHEETS: tuple[Sheet, ...] = tuple(_BY_KEY[k] for k in SHEET_ORDER)
TABLE_BY_KEY: dict[str, TableSheet] = {t.key: t for t in TABLES}

INSTRUCTIONS_NAME = L("Veiledning", "Rettleiing")
LISTS_NAME = L("Lister")


@dataclass(frozen=True)
class ListColumn:
    """One drop-down source on the Lister sheet."""

    key: str
    label: Label
    values: tuple[Label, ...] = field(default_factory=tuple)
    enum: type[StrEnum] | None = None


def _enum_lists() -> tuple[ListColumn, ...]:
    enums: list[type[StrEnum]] = []
    for sheet in SHEETS:
        kinds: list[type[StrEnum] | None] = (
            [f.enum for s in sheet.sections for f in s.fields]
            if isinstance(sheet, FormSheet)
            else [c.enum for c in sheet.columns]
        )
        for enum in kinds:
            if enum is not None and enum not in enums:
                enums.append(enum)
    return tuple(ListColumn(e.__name__, (e.__name__, e.__name__), enum=e) for e in enums)


LIST_COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("flag", L("Ja/Nei"), values=(L("Ja"), L("Nei"))),
    *_enum_lists(),
    *(
        ListColumn(t.key, t.name, values=tuple(target.label for target in t.targets))
        for t in TABLES
        if t.targets
    ),
)
"""Columns of the Lister sheet, in order: Ja/Nei, every vocabulary, then CHOICE lists."""

ENUM_TITLES: dict[str, Label] = {
    "Language": L("Målform"),
    "DocumentStatus": L("Dokumentstatus"),
    "EvaluatorKind": L("Evaluator"),
    "SourceKind": L("Kildetype", "Kjeldetype"),
    "Frequency": L("Hyppighet"),
    "MeasureType": L("Tiltakstype"),
    "BodyKind": L("Organtype"),
    "PartnerKind": L("Partnertype", "Partnartype"),
    "ActivityStatus": L("Aktivitetsstatus"),
    "ReportStatus": L("Årsstatus"),
    "ChannelKind": L("Kanaltype"),
    "EvaluationType": L("Evalueringstype"),
    "Involvement": L("Involvering"),
    "PlanDocumentKind": L("Plandokumenttype"),
    "LevelTerm": L("Nivånavn", "Nivånamn"),
    "OfficerTitle": L("Innstiller"),
    "DelegationHolder": L("Fullmakt"),
}
"""Norwegian headings of the vocabulary columns on the Lister sheet."""


def list_title(column: ListColumn) -> Label:
    if column.enum is not None:
        return ENUM_TITLES.get(column.enum.__name__, column.label)
    return column.label
