"""rolle-og-ansvarsmatrise.xlsx: opened with openpyxl and LibreOffice, asserted cell by cell."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE_FILES, Convert
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pdf_font_sizes import text_sizes

import omradedok
from omradedok.documents.roles import responsibility_matrix
from omradedok.documents.rollematrise import (
    BODY_SIZE,
    FILENAME,
    MIN_SCALE,
    render_matrix_workbook,
)
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


def _row_of(ws: Worksheet, task: str, source: str | None = None) -> int:
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(r, 2).value == task and (source is None or ws.cell(r, 1).value == source):
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
        "Forklaring: A = Ansvarlig   B = Bidrar   R = Rådført   I = Informert"
    )
    assert [ws.cell(HEADER_ROW, c).value for c in range(1, 3)] == ["Kilde", "Oppgave"]
    cols = _columns(ws)
    matrix = responsibility_matrix(large_model)
    assert len(cols) == 2 + len(matrix.parties)
    assert ws.cell(5, cols["Programleder"]).value == "Rolle"
    assert ws.cell(5, cols["Husbanken"]).value == "Partner"

    row = _row_of(ws, "Fritidskortet og aktivitetsguide på fem språk", "Aktivitet 1.4 (2026)")
    assert ws.cell(row, cols["Delprogramleder oppvekst og utdanning"]).value == "A"
    assert ws.cell(row, cols["Nordbyen Idrettslag"]).value == "B"
    assert ws.cell(row, cols["Husbanken"]).value is None
    project = _row_of(ws, "Borettslagsløftet", "Prosjekt P3.2")
    assert ws.cell(project, cols["Delprogramleder bo- og nærmiljø"]).value == "I"
    # one row per task, exactly one A in each, nothing else below the header
    assert ws.max_row == HEADER_ROW + len(matrix.rows)
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        letters = [ws.cell(r, c).value for c in range(3, ws.max_column + 1)]
        assert letters.count("A") == 1, ws.cell(r, 2).value
        assert set(letters) <= {"A", "B", "R", "I", None}
    # the house font everywhere
    fonts = {ws.cell(r, c).font.name for r in range(1, ws.max_row + 1) for c in (1, 2, 5)}
    assert fonts <= {"Calibri"}
    sizes = {
        ws.cell(r, c).font.sz
        for r in range(1, ws.max_row + 1)
        for c in range(1, ws.max_column + 1)
        if ws.cell(r, c).value is not None
    }
    assert min(sizes) >= BODY_SIZE


def test_filterable_and_print_ready(built: dict[str, Path]) -> None:
    ws, parties = _sheet(built["nordbyen-bokmal"].read_bytes())
    last = ws.cell(HEADER_ROW, ws.max_column).column_letter
    assert ws.auto_filter.ref == f"A6:{last}{ws.max_row}"
    assert ws.freeze_panes == "C7"
    setup = ws.page_setup
    assert setup.orientation == "landscape"
    assert str(setup.paperSize) in ("8", "9")  # A3 or A4
    assert MIN_SCALE <= int(setup.scale) <= 100
    assert ws.print_title_rows == "$5:$6"
    assert ws.print_title_cols == "$A:$B"
    assert ws.oddHeader.left.text == "Fjordvik kommune"
    assert ws.oddHeader.center.text == "Rolle- og ansvarsmatrise"
    assert ws.oddHeader.left.font == "Calibri"
    assert ws.oddFooter.right.text == "Side &P av &N"
    assert ws.oddFooter.left.text == "Versjon 1.0"
    assert parties.title == "Parter"
    listed = {
        parties.cell(r, 2).value: parties.cell(r, 5).value for r in range(4, parties.max_row + 1)
    }
    assert listed["Programleder"] == "Rolle- og ansvarsmatrise"
    # a party without any task is listed, and said to have none
    assert listed["Styringsgruppen for Områdeløft Nordbyen"] == "ingen oppgaver"
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
    data["tasks"] = [
        {
            "id": "T1",
            "text": '=HYPERLINK("http://x";"klikk")',
            "roles": [{"party_id": "R-PL", "involvement": "responsible"}],
        }
    ]
    model = Initiative.model_validate(data)
    ws, _ = _sheet(render_matrix_workbook(model, responsibility_matrix(model), Language.NB))
    row = _row_of(ws, '=HYPERLINK("http://x";"klikk")')
    cell = ws.cell(row, 2)
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_nynorsk_labels(built: dict[str, Path]) -> None:
    ws, parties = _sheet(built["elvebakken-nynorsk"].read_bytes())
    assert ws["A3"].value == (
        "Forklaring: A = Ansvarleg   B = Bidreg   R = Rådført   I = Informert"
    )
    assert ws.cell(HEADER_ROW, 1).value == "Kjelde"
    assert ws.cell(HEADER_ROW, 2).value == "Oppgåve"
    assert parties.title == "Partar"
    assert "Partnar" in {ws.cell(5, c).value for c in range(5, ws.max_column + 1)}
    wb = load_workbook(built["elvebakken-nynorsk"])
    assert wb.properties.language == "nn-NO"


def test_sami_letters(built: dict[str, Path]) -> None:
    ws, _ = _sheet(built["guovdageaidnu-samisk"].read_bytes())
    cols = _columns(ws)
    for name in ("Sametinget – Sámediggi", "Delprogramleder Mánát ja nuorat"):
        assert name in cols
    row = _row_of(ws, "Giellabeassi – språkreir i Guovddáš mánáidgárdi")
    assert ws.cell(row, cols["Sametinget – Sámediggi"]).value == "B"


def _wide_model(large_model: Initiative) -> Initiative:
    """Forty more partners and a «Kommunedirektør», all with tasks: too wide for one page."""
    data = large_model.model_dump()
    data["organisation"]["roles"].append(
        {"id": "R-KD", "title": "Kommunedirektør", "holder": "Tor Arne Bakken"}
    )
    template = data["partners"][0]
    tasks = []
    for n in range(40):
        partner = dict(template, id=f"p{n}", name=f"Samarbeidspartner nummer {n}", org_number=None)
        data["partners"].append(partner)
        tasks.append(
            {
                "id": f"T{n}",
                "text": f"Oppgave {n} i delprogram {1 + n % 3}",
                "sub_programme_id": f"DP{1 + n % 3}",
                "roles": [
                    {"party_id": "R-KD", "involvement": "responsible"},
                    {"party_id": f"p{n}", "involvement": "contributes"},
                    {"party_id": f"p{(n + 1) % 40}", "involvement": "informed"},
                ],
            }
        )
    data["tasks"] = tasks
    return Initiative.model_validate(data)


def test_too_wide_splits_by_delprogram(large_model: Initiative) -> None:
    model = _wide_model(large_model)
    matrix = responsibility_matrix(model)
    wb = load_workbook(io.BytesIO(render_matrix_workbook(model, matrix, Language.NB)))
    names = wb.sheetnames
    assert names[-1] == "Parter"
    assert names[0].startswith("DP1 ")  # no programme-wide tasks in this model
    assert len(names) > 4
    seen: dict[str, set[str]] = {}
    for ws in wb.worksheets[:-1]:
        assert MIN_SCALE <= int(ws.page_setup.scale) <= 100
        assert ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows == "$5:$6"
        for r in range(HEADER_ROW + 1, ws.max_row + 1):
            task = str(ws.cell(r, 2).value)
            letters = {str(ws.cell(r, c).value) for c in range(3, ws.max_column + 1)}
            seen.setdefault(task, set()).update(letters)
    # every task is somewhere, and its A is on one of its sheets
    assert {r.task for r in matrix.rows} == set(seen)
    assert all("A" in letters for letters in seen.values())


def _named_copies(files: dict[str, Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    named = []
    for stem, path in files.items():
        target = folder / f"{stem}-{path.name}"
        target.write_bytes(path.read_bytes())
        named.append(target)
    return named


@pytest.mark.soffice
def test_libreoffice_prints_legibly(
    built: dict[str, Path], large_model: Initiative, soffice: Convert, tmp_path: Path
) -> None:
    wide = tmp_path / "wide.xlsx"
    model = _wide_model(large_model)
    wide.write_bytes(render_matrix_workbook(model, responsibility_matrix(model), Language.NB))
    files = {**built, "wide": wide}
    pdfs = soffice(_named_copies(files, tmp_path / "xlsx"), tmp_path / "pdf", "pdf")
    assert len(pdfs) == len(files)
    for pdf in pdfs:
        sizes = text_sizes(pdf.read_bytes())
        assert sizes, pdf.name
        assert min(sizes) >= 7.0, (pdf.name, min(sizes))
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "pdf" / "wide-wide.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = set(text.split())
    assert "Kommunedirektør" in words  # the rotated header, not clipped
    assert "Kommunedirektø" not in words
