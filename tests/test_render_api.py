"""omradedok.render(): one document's bytes, validated; ``only`` as a string or an iterable."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import SAMI_EXAMPLE
from pypdf import PdfReader

import omradedok

NORDBYEN = Path(__file__).resolve().parent.parent / "examples" / "nordbyen-bokmal.yaml"


@pytest.fixture(scope="module")
def model() -> omradedok.Initiative:
    return omradedok.load(NORDBYEN)


def test_render_gives_the_bytes_build_writes(model: omradedok.Initiative) -> None:
    data = omradedok.render(model, "handlingsplan", language="nb", format="docx")
    (planned,) = omradedok.plan(model, only="handlingsplan")
    assert data == planned.render()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Områdeløft Nordbyen" in text


def test_render_pdf_xlsx_and_the_year(model: omradedok.Initiative) -> None:
    pdf = omradedok.render(model, "handlingsplan", format="pdf")
    assert "Nordbyen" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    sheet = omradedok.render(model, "aktivitetsplan", format="xlsx", year=2027)
    book = openpyxl.load_workbook(io.BytesIO(sheet))
    assert any("2027" in str(cell.value) for row in book.active.iter_rows() for cell in row)
    matrix = omradedok.render(model, "rollematrise")  # its only format
    assert openpyxl.load_workbook(io.BytesIO(matrix)).sheetnames
    nynorsk = omradedok.render(model, "kommunikasjonsplan", language="nn")
    assert nynorsk != omradedok.render(model, "kommunikasjonsplan", language="nb")
    agreement = omradedok.render(model, "samarbeidsavtale", filename="samarbeidsavtale-husbanken")
    assert "Husbanken" in "\n".join(p.text for p in docx.Document(io.BytesIO(agreement)).paragraphs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "plakat"}, "ukjent dokumenttype: plakat; velg blant handlingsplan"),
        ({"kind": "aktivitetsplan"}, "velg ett med year="),
        ({"kind": "aktivitetsplan", "year": 2040}, "ikke noe dokument for 2040"),
        ({"kind": "samarbeidsavtale"}, "velg ett med filename="),
        ({"kind": "rollematrise", "format": "pdf"}, "velg format blant xlsx"),
        ({"format": "odt"}, "ukjent format «odt»"),
        ({"language": "se"}, "ukjent målform «se»; velg blant nb, nn"),
    ],
)
def test_render_says_what_there_is(
    model: omradedok.Initiative, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(omradedok.OmradedokError, match=message):
        omradedok.render(model, **kwargs)  # type: ignore[arg-type]


def test_render_validates_the_model_first(model: omradedok.Initiative) -> None:
    activity = model.activities[0].model_copy(update={"sub_goal_ids": ["finnes-ikke"]})
    broken = model.model_copy(update={"activities": [activity, *model.activities[1:]]})
    with pytest.raises(omradedok.InputError, match="finnes-ikke"):
        omradedok.render(broken, "handlingsplan")


@pytest.mark.parametrize(
    "only",
    ["samarbeidsavtale", "samarbeidsavtale, rollematrise", ("samarbeidsavtale", "rollematrise")],
)
def test_only_takes_a_name_a_comma_list_or_an_iterable(only: object, tmp_path: Path) -> None:
    model = omradedok.load(SAMI_EXAMPLE)
    result = omradedok.build(model, tmp_path, only=only)  # type: ignore[arg-type]
    kinds = {a.kind for a in result.artifacts}
    expected = {"samarbeidsavtale"} if only == "samarbeidsavtale" else {
        "samarbeidsavtale", "rollematrise"}
    assert kinds == expected
    assert all(path.exists() for path in result.paths)


def test_batch_only_takes_a_string(tmp_path: Path) -> None:
    result = omradedok.batch([SAMI_EXAMPLE], tmp_path / "ut", only="rollematrise", jobs=1)
    assert result.ok
    assert {Path(f.file).suffix for area in result.built for f in area.outputs} == {".xlsx"}


def test_unknown_kind_in_build_lists_the_kinds(tmp_path: Path) -> None:
    with pytest.raises(omradedok.OmradedokError, match="ukjent dokumenttype: plakat; velg blant"):
        omradedok.build(omradedok.load(SAMI_EXAMPLE), tmp_path, only="plakat")
