"""samarbeidsavtale-<slug>.docx: opened with python-docx (and LibreOffice) and read clause by clause."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_FILES, Convert
from docx import Document
from docx.table import Table

import omradedok
from omradedok.documents.samarbeidsavtale import (
    agreement_filenames,
    agreement_slug,
    render_agreement,
    slugify,
)
from omradedok.model import Initiative, Language

NBSP = "\u00a0"

CLAUSES_NB = [
    "1 Parter",
    "2 Bakgrunn og formål",
    "3 Innhold og aktiviteter",
    "4 Organisering og samarbeidsmøter",
    "5 Roller, plikter og ansvar",
    "6 Økonomi",
    "7 Varighet, endring og oppsigelse",
    "8 Mislighold og tvister",
    "9 Kontaktpersoner",
    "10 Signaturer",
]
CLAUSES_NN = [
    "1 Partar",
    "2 Bakgrunn og føremål",
    "3 Innhald og aktivitetar",
    "4 Organisering og samarbeidsmøte",
    "5 Roller, plikter og ansvar",
    "6 Økonomi",
    "7 Varigheit, endring og oppseiing",
    "8 Misleghald og tvistar",
    "9 Kontaktpersonar",
    "10 Signaturar",
]


def _clean(text: str) -> str:
    return text.replace(NBSP, " ").strip()


class Agreement:
    """A generated agreement, read back."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.doc: Any = Document(io.BytesIO(data))

    @property
    def headings(self) -> list[str]:
        return [_clean(p.text) for p in self.doc.paragraphs if p.style.name.startswith("Heading 1")]

    @property
    def text(self) -> str:
        parts = [p.text for p in self.doc.paragraphs]
        for table in self.doc.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return _clean("\n".join(parts)).replace(NBSP, " ")

    def table(self, first_header: str, *, index: int = 0) -> Table:
        found = [
            t for t in self.doc.tables if t.rows and _clean(t.rows[0].cells[0].text) == first_header
        ]
        assert len(found) > index, f"ingen tabell med overskriften {first_header!r}"
        return found[index]

    @staticmethod
    def rows(table: Table) -> list[list[str]]:
        return [[_clean(c.text) for c in row.cells] for row in table.rows]

    def signature_blocks(self) -> list[list[str]]:
        """Each signature row as the lines of its two cells."""
        table = self.doc.tables[-1]
        out = []
        for row in table.rows:
            lines = [_clean(p.text) for cell in row.cells for p in cell.paragraphs]
            out.append([line for line in lines if line])
        return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    out: dict[str, dict[str, Path]] = {}
    for path in EXAMPLE_FILES:
        target = tmp_path_factory.mktemp(path.stem)
        result = omradedok.build(omradedok.load(path), target, only=["samarbeidsavtale"])
        out[path.stem] = {p.name: p for p in result.paths}
    return out


def _read(built: dict[str, dict[str, Path]], example: str, name: str) -> Agreement:
    return Agreement(built[example][name].read_bytes())


def test_one_file_per_agreement(built: dict[str, dict[str, Path]]) -> None:
    assert sorted(built["nordbyen-bokmal"]) == [
        "samarbeidsavtale-husbanken.docx",
        "samarbeidsavtale-nordbyen-idrettslag-m-fl.docx",
        "samarbeidsavtale-nordhagen-borettslag-m-fl.docx",
    ]
    assert sorted(built["elvebakken-nynorsk"]) == [
        "samarbeidsavtale-elvebakken-burettslag.docx",
        "samarbeidsavtale-husbanken.docx",
    ]
    assert sorted(built["guovdageaidnu-samisk"]) == [
        "samarbeidsavtale-sametinget-samediggi-searvi-ovttas.docx"
    ]


def test_slugs() -> None:
    assert slugify("Solåsen borettslag") == "solasen-borettslag"
    assert slugify("Fjordvik Boligbyggelag – Ærfugl & Øy") == "fjordvik-boligbyggelag-aerfugl-oy"
    assert slugify("Sametinget – Sámediggi") == "sametinget-samediggi"
    assert slugify("Ávjovári Čáhppes Đuoddar Ŋuorra Šiellat Ŧeahpa Žuolli") == (
        "avjovari-cahppes-duoddar-nuorra-siellat-teahpa-zuolli"
    )


def test_slugs_are_unique_within_a_build(large_model: Initiative) -> None:
    data = large_model.model_dump()
    twin = dict(data["agreements"][0])
    twin["id"] = "AV4"
    data["agreements"].append(twin)
    model = Initiative.model_validate(data)
    names = agreement_filenames(model)
    assert names["AV1"] == "samarbeidsavtale-husbanken.docx"
    assert names["AV4"] == "samarbeidsavtale-husbanken-av4.docx"
    assert agreement_slug(model, model.agreements[1]) == "nordhagen-borettslag-m-fl"


def test_clauses_in_order(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-husbanken.docx")
    assert doc.headings == CLAUSES_NB
    title = [p.text for p in doc.doc.paragraphs if p.style.name == "Title"]
    assert title == ["Samarbeidsavtale mellom Fjordvik kommune og Husbanken om Områdeløft Nordbyen"]


def test_parties_with_formatted_org_numbers(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-nordhagen-borettslag-m-fl.docx")
    rows = doc.rows(doc.table("Part"))
    assert rows[0] == ["Part", "Org.nr.", "Adresse", "Kontaktperson"]
    assert [r[:2] for r in rows[1:]] == [
        ["Fjordvik kommune", "944 150 226"],
        ["Nordhagen borettslag", "971 122 331"],
        ["Solåsen borettslag", "918 224 335"],
        ["Fjordvik Boligbyggelag", "933 557 715"],
    ]
    assert rows[1][2] == "Postboks 100, 3191 Fjordvik"
    assert "Fjordvik kommune kalles «kommunen» i avtalen." in doc.text
    # the org.nr never breaks over two lines
    raw = zipfile.ZipFile(io.BytesIO(doc.data)).read("word/document.xml").decode()
    assert f"944{NBSP}150{NBSP}226" in raw


def test_background_goals_and_activities(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-nordbyen-idrettslag-m-fl.docx")
    bullets = [p.text for p in doc.doc.paragraphs if p.style.name == "List Bullet"]
    assert "DM1.3 Flere barn og unge deltar i organiserte fritidsaktiviteter" in bullets
    table = doc.table("Nr.")
    rows = doc.rows(table)
    assert rows[0] == ["Nr.", "Aktivitet", "Ansvarlig", "Tidsrom", "Budsjett"]
    titles = [r[1].split("\n")[0] for r in rows[1:-1]]
    assert "Nordbyfestivalen 2026" in titles
    # 20 January – 10 February 2026 lies before the agreement (from 1 May 2026)
    assert "Trygghetsvandring med beboere og politi (vinter)" not in titles
    festival = next(r for r in rows if r[1].startswith("Nordbyfestivalen 2026"))
    assert festival[0] == "4.3"
    assert festival[1].endswith(
        "Deltar: Nordbyen Idrettslag, Foreningen Nabolagskraft Fjordvik og Nordbyen Handelssenter AS"
    )
    assert festival[2] == "Delprogramleder kultur, fellesskap og medvirkning (Omar Farah)"
    assert festival[3] == "1. august–6. september 2026"
    assert festival[4] == "350 000 kr"
    assert rows[-1][1] == "Sum" and rows[-1][4] == "12 240 000 kr"


def test_organisation_clause(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-husbanken.docx")
    assert (
        "Husbanken er representert i Styringsgruppen for Områdeløft Nordbyen ved Randi Kvam, "
        "seniorrådgiver." in doc.text
    )
    assert "Amina Yusuf Hansen (programleder) koordinerer samarbeidet for kommunen." in doc.text


def test_role_matrix(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-husbanken.docx")
    table = doc.table("Oppgave")
    rows = doc.rows(table)
    assert rows[0] == ["Oppgave", "Fjordvik kommune", "Husbanken"]
    cells = {r[0].split("\n")[0]: r[1:] for r in rows[1:]}
    assert cells["Lede og gjennomføre satsingen i tråd med handlingsplanen"] == ["Ansvarlig", ""]
    assert cells["Årlige aktivitetsplaner"] == ["", "Rådført"]
    assert cells["Delta i styringsgruppen"] == ["", "Bidrar"]
    # rows are tasks: a role's prose («Behandler søknader om tilskudd») is not one
    assert "Behandler søknader om tilskudd" not in cells
    assert cells["Borettslagsløftet"] == ["Informert", "Bidrar"]
    assert cells["Vedlikeholdsplaner – oppfølging og søknader om tilskudd"] == [
        "Informert",
        "Bidrar",
    ]
    notes = {r[0].split("\n")[0]: r[0].split("\n")[1] for r in rows[1:]}
    assert notes["Årlige aktivitetsplaner"] == "Denne avtalen"
    assert notes["Borettslagsløftet"] == "Prosjekt P3.2"
    assert (
        notes["Vedlikeholdsplaner – oppfølging og søknader om tilskudd"] == "Aktivitet 3.3 (2027)"
    )
    # a real table header that repeats on every page
    assert (
        table.rows[0]._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )


def test_multi_party_matrix(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-nordhagen-borettslag-m-fl.docx")
    rows = doc.rows(doc.table("Oppgave"))
    assert rows[0] == [
        "Oppgave",
        "Fjordvik kommune",
        "Nordhagen borettslag",
        "Solåsen borettslag",
        "Fjordvik Boligbyggelag",
    ]
    cells = {r[0].split("\n")[0]: r[1:] for r in rows[1:]}
    assert cells["Vedta og finansiere egen vedlikeholdsplan"] == ["", "Ansvarlig", "Ansvarlig", ""]
    assert cells["Tilstandsvurdering og vedlikeholdsplaner i borettslagene"] == [
        "Informert",
        "Bidrar",
        "Bidrar",
        "Ansvarlig",
    ]


def test_economy_sums(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-husbanken.docx")
    rows = doc.rows(doc.table("Part", index=1))
    assert rows[0] == ["Part", "År", "Penger", "Egeninnsats", "Egeninnsatsen gjelder", "Sum"]
    assert rows[1] == [
        "Fjordvik kommune",
        "2026",
        "6 400 000 kr",
        "800 000 kr",
        "Lokaler, administrasjon og ledertid",
        "7 200 000 kr",
    ]
    # state money is a grant: shown as conditional on its tilsagn (issue 14, item 4)
    assert rows[4][:4] == ["Husbanken", "2026", "6 000 000 kr\nforutsetter tilsagn", "150 000 kr"]
    assert (
        "Pengene fra Husbanken er tilskudd som forutsetter tilsagn. Beløpene i tabellen er "
        "derfor betinget av at tilsagn blir gitt." in doc.text
    )
    assert [
        "Sum Husbanken",
        "2026–2027",
        "12 500 000 kr",
        "300 000 kr",
        "",
        "12 800 000 kr",
    ] in rows
    assert rows[-1] == ["Sum alle parter", "", "26 200 000 kr", "1 900 000 kr", "", "28 100 000 kr"]
    years = doc.rows(doc.table("År"))
    assert years == [
        ["År", "Penger", "Egeninnsats", "Sum"],
        ["2026", "12 400 000 kr", "950 000 kr", "13 350 000 kr"],
        ["2027", "13 800 000 kr", "950 000 kr", "14 750 000 kr"],
        ["Sum", "26 200 000 kr", "1 900 000 kr", "28 100 000 kr"],
    ]


def test_duration_breach_and_contacts(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-husbanken.docx")
    text = doc.text
    assert "Avtalen gjelder fra 1. april 2026 til og med 31. desember 2031." in text
    assert "Hver av partene kan si opp avtalen skriftlig med seks måneders varsel." in text
    assert "Endringer avtales skriftlig og godkjennes av styringsgruppen." in text
    assert (
        "Ved vesentlig mislighold kan den andre parten si opp avtalen med én måneds varsel." in text
    )
    contacts = doc.rows(doc.table("Part", index=2))
    assert contacts[0] == ["Part", "Navn", "Stilling", "E-post", "Telefon"]
    assert contacts[1][:3] == ["Fjordvik kommune", "Amina Yusuf Hansen", "programleder"]
    assert contacts[2] == [
        "Husbanken",
        "Randi Kvam",
        "seniorrådgiver",
        "randi.kvam@husbanken.no",
        "",
    ]


def test_signature_blocks_by_the_fullmakt(built: dict[str, dict[str, Path]]) -> None:
    # the innstilling gives the kommunedirektør the fullmakt, and the agreement names no one
    # else for the municipality: the kommunedirektør signs (the mayor only without a
    # fullmakt, tests/test_agreement_clauses.py)
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-husbanken.docx")
    assert "Avtalen er underskrevet i to eksemplarer, ett til hver part." in doc.text
    blocks = doc.signature_blocks()
    assert blocks == [
        [
            "For Fjordvik kommune",
            "Sted: Fjordvik",
            "Dato: ____________________",
            "_" * 44,
            "Underskrift",
            "Tor Arne Bakken",
            "kommunedirektør (etter fullmakt)",
        ],
        [
            "For Husbanken",
            "Sted: Drammen",
            "Dato: ____________________",
            "_" * 44,
            "Underskrift",
            "Kristin Lund",
            "regiondirektør",
        ],
    ]


def test_signature_blocks_delegate(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "nordbyen-bokmal", "samarbeidsavtale-nordhagen-borettslag-m-fl.docx")
    blocks = doc.signature_blocks()
    assert [b[0] for b in blocks] == [
        "For Fjordvik kommune",
        "For Nordhagen borettslag",
        "For Solåsen borettslag",
        "For Fjordvik Boligbyggelag",
    ]
    assert blocks[0][-2:] == [
        "Lene Bråten",
        "kommunalsjef by- og samfunnsutvikling (etter fullmakt)",
    ]
    assert blocks[2][-2:] == ["Mohammed Rahimi", "styreleder"]
    assert "Avtalen er underskrevet i fire eksemplarer, ett til hver part." in doc.text


def test_nynorsk(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(built, "elvebakken-nynorsk", "samarbeidsavtale-elvebakken-burettslag.docx")
    assert doc.headings == CLAUSES_NN
    text = doc.text
    assert "Avtalen gjeld frå 1. juli 2017 til og med 31. desember 2019." in text
    # the source gives no notice period for this agreement: none is printed
    assert "seie opp avtalen" not in text and "månaders varsel" not in text
    assert "Avtalen er underskriven i to eksemplar, eitt til kvar part." in text
    matrix = doc.rows(doc.table("Oppgåve"))
    assert matrix[0] == ["Oppgåve", "Fossvik kommune", "Elvebakken burettslag"]
    values = {v for r in matrix[1:] for v in r[1:] if v}
    assert values <= {"Ansvarleg", "Bidreg", "Rådført", "Informert"}
    assert "Informert" in values  # «Val av leverandør»
    economy = doc.rows(doc.table("Part", index=1))
    assert economy[0] == ["Part", "År", "Pengar", "Eigeninnsats", "Eigeninnsatsen gjeld", "Sum"]
    assert economy[-1] == ["Sum alle partar", "", "1 150 000 kr", "80 000 kr", "", "1 230 000 kr"]
    blocks = doc.signature_blocks()
    assert blocks[0][0] == "For Fossvik kommune"
    assert blocks[0][1] == "Stad: Fossvik"
    assert blocks[0][-2:] == ["Kjetil Rygg", "rådmann (etter fullmakt)"]
    assert doc.doc.core_properties.language == "nn-NO"
    styles = zipfile.ZipFile(io.BytesIO(doc.data)).read("word/styles.xml").decode()
    assert 'w:val="nn-NO"' in styles and 'w:val="nb-NO"' not in styles


def test_sami_letters(built: dict[str, dict[str, Path]]) -> None:
    doc = _read(
        built, "guovdageaidnu-samisk", "samarbeidsavtale-sametinget-samediggi-searvi-ovttas.docx"
    )
    text = doc.text
    for word in (
        "Ávjovárri kommune – Ávjovári suohkan",
        "Sametinget – Sámediggi",
        "Giellabeassi – språkreir i Guovddáš mánáidgárdi",
        "Stivrenjoavku – Styringsgruppen",
    ):
        assert word in text
    parties = doc.rows(doc.table("Part"))
    assert [r[:2] for r in parties[1:]] == [
        ["Ávjovárri kommune – Ávjovári suohkan", "992 771 046"],
        ["Sametinget – Sámediggi", "925 883 301"],
        ["Searvi Ovttas", "962 230 172"],
    ]
    blocks = doc.signature_blocks()
    assert blocks[1] == [
        "For Sametinget – Sámediggi",
        "Sted: Kárášjohka",
        "Dato: ____________________",
        "_" * 44,
        "Underskrift",
        "Máhtte Ánte Labba",
        "sametingsråd",
    ]
    assert blocks[0][-2:] == ["Nils Ánde Gaup", "kommunedirektør (etter fullmakt)"]


def test_defaults_and_edge_cases(large_model: Initiative) -> None:
    data = large_model.model_dump()
    agr = data["agreements"][0]
    agr.update(
        breach="", disputes="", amendments="", notice_months=1, contributions=[], signatories=[]
    )
    model = Initiative.model_validate(data)
    doc = Agreement(render_agreement(model, model.agreements[0], Language.NB))
    text = doc.text
    assert "Hver av partene kan si opp avtalen skriftlig med én måneds varsel." in text
    # clauses the input does not give are not invented: mislighold and tvister are left
    # out, the endring clause says «ikke fastsatt»
    assert text.count("Ikke fastsatt i avtalen.") == 1
    assert "Mislighold" not in text and "Tvisteløsning" not in text
    assert "Endringer i avtalen skal avtales skriftlig" not in text
    data["agreements"][0]["notice_months"] = None
    bare = Initiative.model_validate(data)
    unset = Agreement(render_agreement(bare, bare.agreements[0], Language.NB))
    assert "Oppsigelsesfrist er ikke fastsatt i avtalen." in unset.text
    assert "måneders varsel" not in unset.text
    assert "Avtalen har ingen økonomiske bidrag fra partene." in text
    blocks = doc.signature_blocks()
    # no signatories listed: the holder of the innstilling's fullmakt («Kommunedirektøren får
    # fullmakt …») signs for the municipality, the contact for Husbanken
    assert blocks[0][-2:] == ["Tor Arne Bakken", "kommunedirektør (etter fullmakt)"]
    assert blocks[1][-2:] == ["Randi Kvam", "seniorrådgiver"]
    assert blocks[1][1] == "Sted: Fjordvik"  # the agreement's place


def test_reproducible_and_metadata(large_model: Initiative) -> None:
    agreement = large_model.agreements[1]
    first = render_agreement(large_model, agreement, Language.NB)
    assert first == render_agreement(large_model, agreement, Language.NB)
    props = Document(io.BytesIO(first)).core_properties
    assert props.title == "Samarbeidsavtale om Borettslagsløftet i Nordbyen"
    assert props.author == "Fjordvik kommune"
    assert props.language == "nb-NO"
    assert props.created is not None and props.created.date().isoformat() == "2026-02-24"


@pytest.mark.soffice
def test_libreoffice_opens_every_agreement(
    built: dict[str, dict[str, Path]], soffice: Convert, tmp_path: Path
) -> None:
    files = []
    for example, paths in built.items():
        for name, path in paths.items():
            copy = tmp_path / f"{example}-{name}"
            copy.write_bytes(path.read_bytes())
            files.append(copy)
    pdfs = soffice(files, tmp_path / "pdf", "pdf")
    assert len(pdfs) == 6
    assert all(p.stat().st_size > 10_000 for p in pdfs)
