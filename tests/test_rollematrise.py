"""rolle-og-ansvarsmatrise.xlsx: opened with openpyxl and LibreOffice, asserted cell by cell."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES, Convert
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import omradedok
from omradedok.documents.roles import responsibility_matrix
from omradedok.documents.rollematrise import FILENAME, render_matrix_workbook
from omradedok.model import Initiative, Language

HEADER_ROW = 6


def _sheet(data: bytes) -> tuple[Worksheet, Worksheet]:
    wb = load_workbook(io.BytesIO(data))
    first, second = wb.worksheets
    return first, second


def _columns(ws: Worksheet) -> dict[str, int]:
    return {
        str(ws.cell(HEADER_ROW, c).value): c
        for c in range(1, ws.max_column + 1)
        if ws.cell(HEADER_ROW, c).value
    }


def _row_of(ws: Worksheet, task: str, year: int | None = None) -> int:
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(r, 4).value == task and (year is None or ws.cell(r, 3).value == year):
            return r
    raise AssertionError(f"fant ikke oppgaven {task!r}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in EXAMPLE_FILES:
        target = tmp_path_factory.mktemp(path.stem)
        result = omradedok.build(omradedok.load(path), target, only=["rollematrise"])
        assert [p.name for p in result.paths] == [FILENAME]
        out[path.stem] = result.paths[0]
    return out


def test_header_and_cells(built: dict[str, Path], large_model: Initiative) -> None:
    ws, _ = _sheet(built["nordbyen-bokmal"].read_bytes())
    assert ws.title == "Rolle- og ansvarsmatrise"
    assert ws["A1"].value == "Rolle- og ansvarsmatrise – Områdeløft Nordbyen 2026–2031"
    assert ws["A3"].value == (
        "Forklaring: A = Ansvarlig   B = Bidrar   K = Konsulteres   I = Informeres"
    )
    assert [ws.cell(HEADER_ROW, c).value for c in range(1, 5)] == ["Type", "Kilde", "År", "Oppgave"]
    cols = _columns(ws)
    matrix = responsibility_matrix(large_model)
    assert len(cols) == 4 + len(matrix.parties)
    assert ws.cell(5, 5).value == "Kommune"
    assert ws.cell(5, cols["Styringsgruppen for Områdeløft Nordbyen"]).value == "Organ"
    assert ws.cell(5, cols["Programeier"]).value == "Rolle"
    assert ws.cell(5, cols["Husbanken"]).value == "Partner"

    row = _row_of(ws, "Fritidskortet og aktivitetsguide på fem språk", 2026)
    assert [ws.cell(row, c).value for c in (1, 2, 3)] == ["Aktivitet", "1.4", 2026]
    assert ws.cell(row, cols["Delprogramleder oppvekst og utdanning"]).value == "A"
    assert ws.cell(row, cols["Arbeidsgruppe oppvekst og utdanning"]).value == "B"
    assert ws.cell(row, cols["Nordbyen Idrettslag"]).value == "B"
    assert ws.cell(row, cols["Programgruppen"]).value == "I"
    assert ws.cell(row, cols["Husbanken"]).value is None

    obligation = _row_of(ws, "Årlige aktivitetsplaner")
    assert ws.cell(obligation, 1).value == "Samarbeidsavtale"
    assert ws.cell(obligation, 2).value == "Husbanken"
    assert ws.cell(obligation, cols["Husbanken"]).value == "K"
    municipal = _row_of(ws, "Rapportere årlig på mål, indikatorer og økonomi")
    assert ws.cell(municipal, cols["Fjordvik kommune"]).value == "A"
    # one row per derived task, nothing else below the header
    assert ws.max_row == HEADER_ROW + len(matrix.rows)


def test_filterable_and_print_ready(built: dict[str, Path]) -> None:
    ws, parties = _sheet(built["nordbyen-bokmal"].read_bytes())
    last = ws.cell(HEADER_ROW, ws.max_column).column_letter
    assert ws.auto_filter.ref == f"A6:{last}{ws.max_row}"
    assert ws.freeze_panes == "E7"
    setup = ws.page_setup
    assert setup.orientation == "landscape"
    assert str(setup.paperSize) == "9"  # A4
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$5:$6"
    assert ws.oddHeader.left.text == "Fjordvik kommune"
    assert ws.oddHeader.center.text == "Rolle- og ansvarsmatrise"
    assert ws.oddHeader.right.text == "Områdeløft Nordbyen – Nordbyen"
    assert ws.oddFooter.right.text == "Side &P av &N"
    assert ws.oddFooter.left.text == "Versjon 1.0"
    # the parties sheet names every column in full
    assert parties.title == "Parter"
    listed = {
        parties.cell(r, 1).value: parties.cell(r, 3).value for r in range(4, parties.max_row + 1)
    }
    assert listed["E"] == "Fjordvik kommune"
    assert parties.auto_filter.ref is not None and parties.freeze_panes == "A4"


def test_metadata_and_reproducible_bytes(large_model: Initiative) -> None:
    first = render_matrix_workbook(large_model, responsibility_matrix(large_model), Language.NB)
    again = render_matrix_workbook(large_model, responsibility_matrix(large_model), Language.NB)
    assert first == again
    wb = load_workbook(io.BytesIO(first))
    props = wb.properties
    assert props.created == dt.datetime(2026, 2, 24) == props.modified
    assert props.language == "nb-NO"
    assert props.title == "Rolle- og ansvarsmatrise – Områdeløft Nordbyen"
    assert props.creator == "Fjordvik kommune"


def test_text_is_never_a_formula(large_model: Initiative) -> None:
    data = large_model.model_dump()
    data["organisation"]["roles"][0]["responsibilities"] = ['=HYPERLINK("http://x";"klikk")']
    model = Initiative.model_validate(data)
    ws, _ = _sheet(render_matrix_workbook(model, responsibility_matrix(model), Language.NB))
    row = _row_of(ws, '=HYPERLINK("http://x";"klikk")')
    cell = ws.cell(row, 4)
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_nynorsk_labels(built: dict[str, Path]) -> None:
    ws, parties = _sheet(built["elvebakken-nynorsk"].read_bytes())
    assert ws["A3"].value == (
        "Forklaring: A = Ansvarleg   B = Bidreg   K = Konsulterast   I = Informerast"
    )
    assert ws.cell(HEADER_ROW, 2).value == "Kjelde"
    assert ws.cell(HEADER_ROW, 4).value == "Oppgåve"
    assert parties.title == "Partar"
    assert "Partnar" in {ws.cell(5, c).value for c in range(5, ws.max_column + 1)}
    wb = load_workbook(built["elvebakken-nynorsk"])
    assert wb.properties.language == "nn-NO"


def test_sami_letters(built: dict[str, Path]) -> None:
    ws, _ = _sheet(built["guovdageaidnu-samisk"].read_bytes())
    cols = _columns(ws)
    for name in (
        "Ávjovárri kommune – Ávjovári suohkan",
        "Stivrenjoavku – Styringsgruppen",
        "Ássiidráđđi – Beboerrådet",
        "Sametinget – Sámediggi",
        "Delprogramleder Mánát ja nuorat",
    ):
        assert name in cols
    row = _row_of(ws, "Giellabeassi – språkreir i Guovddáš mánáidgárdi", 2026)
    assert ws.cell(row, cols["Sametinget – Sámediggi"]).value == "B"


@pytest.mark.soffice
def test_libreoffice_opens_every_matrix(
    built: dict[str, Path], soffice: Convert, tmp_path: Path
) -> None:
    files = list(built.values())
    # same stem in every folder: copy under distinct names first
    named = []
    for stem, path in built.items():
        target = tmp_path / f"{stem}-{path.name}"
        target.write_bytes(path.read_bytes())
        named.append(target)
    pdfs = soffice(named, tmp_path / "pdf", "pdf")
    assert len(pdfs) == len(files)
    assert all(p.stat().st_size > 5_000 for p in pdfs)
