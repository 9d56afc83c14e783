"""Passages in another language («[se: Ođđa searvi]»): parsed in one place, validated with a
Norwegian message naming the field, printed without markers everywhere, and carried as the
passage's language – ``w:lang`` on exactly its DOCX runs, ``/Lang`` on its PDF structure
element – so screen readers switch voice."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import SAMI_EXAMPLE
from lxml import etree

import omradedok
from omradedok.model import Initiative, Language
from omradedok.model.passages import (
    Passage,
    PassageError,
    check,
    has_marks,
    language_tag,
    passages,
    plain,
    whole_language,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARK = re.compile(r"\[[a-z]{2,3}(-[A-Za-z]{2})?:\s|[\ue000-\ue002]")

# ------------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    "text",
    ["", "Fellesskapshuset", "[sic]", "Se note [1] og [2]", "[Merk: åpent]", "[kl:14]", "a]b["],
)
def test_text_without_markers_is_left_exactly_as_it_is(text: str) -> None:
    assert not has_marks(text)
    assert check(text) is text
    assert plain(text) is text
    assert whole_language(text) is None


def test_passages_in_reading_order() -> None:
    text = "Huset [se: Searvvušvisti] åpner – [en: Welcome [1] all]!"
    assert passages(text) == (
        Passage("Huset "),
        Passage("Searvvušvisti", "se-NO"),
        Passage(" åpner – "),
        Passage("Welcome [1] all", "en"),
        Passage("!"),
    )
    assert plain(text) == "Huset Searvvušvisti åpner – Welcome [1] all!"


@pytest.mark.parametrize(
    ("code", "tag"),
    [("se", "se-NO"), ("smj", "smj-NO"), ("sma", "sma-NO"), ("en", "en"), ("en-gb", "en-GB"),
     ("ar", "ar"), ("nn", "nn-NO"), ("fkv", "fkv-NO")],
)  # fmt: skip
def test_language_tags(code: str, tag: str) -> None:
    assert language_tag(code) == tag
    assert passages(f"[{code}: x]") == (Passage("x", tag),)


def test_a_whole_text_in_sami() -> None:
    assert whole_language("[se: Guovdageainnu guovddáš]") == "se-NO"
    assert whole_language("Sentrum – [se: Guovdageainnu guovddáš]") is None


def test_a_doubled_bracket_prints_the_marker_as_written() -> None:
    assert plain("Skriv [[se: tekst] for nordsamisk") == "Skriv [se: tekst] for nordsamisk"
    assert passages("[[se: tekst]") == (Passage("[se: tekst]"),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[xx: Ođđa]", "«xx» er ikke en kjent språkkode"),
        ("Huset [se: Searvvušvisti", "er ikke lukket; avslutt passasjen med «]»"),
        ("[se:  ]", "er tomt"),
        ("[se: a [en: b] c]", "inneholder et nytt språkmerke"),
    ],
)
def test_bad_markers_are_refused_with_advice(text: str, message: str) -> None:
    with pytest.raises(PassageError, match=re.escape(message)):
        check(text)
    plain(text)  # a renderer never fails on a composed text


def _example(tmp_path: Path, old: str, new: str) -> Path:
    text = SAMI_EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


AREA = '  name: "Guovdageaidnu sentrum – [se: Guovdageainnu guovddáš]"\n'


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '  name: "Guovdageaidnu sentrum – [sx: Guovdageainnu guovddáš]"\n',
            "«sx» er ikke en kjent språkkode",
        ),
        ('  name: "Guovdageaidnu sentrum – [se: Guovdageainnu guovddáš"\n', "er ikke lukket"),
        ("  name: [se: Guovdageainnu guovddáš]\n", "må stå i anførselstegn"),
        ("  name: Sentrum – [se: Guovdageainnu guovddáš]\n", "må stå i anførselstegn"),
    ],
)
def test_input_errors_name_the_field(tmp_path: Path, line: str, message: str) -> None:
    path = _example(tmp_path, AREA, line)
    with pytest.raises(omradedok.InputError) as raised:
        omradedok.load(path)
    text = str(raised.value)
    assert message in text
    assert "Traceback" not in text
    assert "area.name" in text or "ugyldig YAML" in text, text


# ------------------------------------------------------------------------- model walk


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _sami_passages(model: Initiative) -> set[str]:
    found = set()
    for text in _strings(model.model_dump(mode="json")):
        found |= {p.text for p in passages(text) if p.lang == "se-NO"}
    return found


def test_the_sami_example_marks_its_sami_passages(sami_model: Initiative) -> None:
    found = _sami_passages(sami_model)
    assert {"Báikegoddi ovttas", "Guovdageainnu guovddáš", "Giellabeassi", "Sámediggi"} <= found
    assert sami_model.area.name == "Guovdageaidnu sentrum – [se: Guovdageainnu guovddáš]"


# ---------------------------------------------------------------------------------- DOCX


@pytest.fixture(scope="module")
def sami_set(sami_model: Initiative, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("passages")
    result = omradedok.build(sami_model, folder)
    return {p.name: p.read_bytes() for p in result.paths}


def _parts(data: bytes) -> Iterator[tuple[str, Any]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", name):
                yield name, etree.fromstring(archive.read(name))


def _runs(data: bytes) -> Iterator[tuple[str, str | None, Any]]:
    """(text, w:lang of the run or None, run) of every run with text."""
    for _, root in _parts(data):
        for run in root.iter(f"{W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            if not text:
                continue
            lang = run.find(f"{W}rPr/{W}lang")
            yield text, (lang.get(f"{W}val") if lang is not None else None), run


def test_docx_marks_exactly_the_sami_runs(
    sami_model: Initiative, sami_set: dict[str, bytes]
) -> None:
    expected = _sami_passages(sami_model)
    docx = {n: d for n, d in sami_set.items() if n.endswith(".docx")}
    assert len(docx) >= 6
    marked_anywhere: set[str] = set()
    for name, data in docx.items():
        for text, lang, _ in _runs(data):
            assert not MARK.search(text), (name, text)
            if lang == "se-NO":
                marked_anywhere.add(text)
                assert text in expected, (name, text)  # a whole passage, nothing more
            else:
                assert lang in (None, "nb-NO"), (name, text, lang)
                for passage in expected:
                    # a Sami passage is never printed unmarked (it may be part of a longer
                    # Norwegian phrase that happens to contain the same word only in prose)
                    assert text != passage, (name, text)
    assert {"Báikegoddi ovttas", "Guovdageainnu guovddáš", "Giellabeassi"} <= marked_anywhere
    handlingsplan = [t for t, lang, _ in _runs(docx["handlingsplan.docx"]) if lang == "se-NO"]
    assert (
        "Mánát ja nuorat galget šaddat dorvvolaččat ja oažžut máŋggalágan doaimmaid sámegillii."
        in handlingsplan
    )


def test_docx_passage_keeps_the_look_of_its_run(sami_set: dict[str, bytes]) -> None:
    """A passage in a bold or coloured run (a table header, a cover title) stays bold."""
    styled = [
        run
        for text, lang, run in _runs(
            sami_set["samarbeidsavtale-sametinget-samediggi-searvi-ovttas.docx"]
        )
        if lang == "se-NO" and run.find(f"{W}rPr/{W}sz") is not None
    ]
    assert styled
    for run in styled:
        names = [etree.QName(c).localname for c in run.find(f"{W}rPr")]
        assert names.index("lang") > names.index("sz")  # schema order: lang after sz


def test_docx_metadata_and_headers_have_no_markers(sami_set: dict[str, bytes]) -> None:
    for name, data in sami_set.items():
        if not name.endswith((".docx", ".xlsx")):
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for part in archive.namelist():
                if part.endswith((".xml", ".rels")):
                    text = archive.read(part).decode("utf-8")
                    assert not MARK.search(text), (name, part, MARK.search(text))


def _rendered(model: Initiative, tmp_path: Path, kind: str, suffix: str) -> bytes:
    result = omradedok.build(model, tmp_path, only=[kind])
    (path,) = [p for p in result.paths if p.suffix == suffix]
    return path.read_bytes()


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_english_and_arabic_passages_in_both_written_standards(
    large_model: Initiative, tmp_path: Path, language: str
) -> None:
    municipality = large_model.municipality.model_copy(update={"language": Language(language)})
    area = large_model.area.model_copy(
        update={"name": "Nordbyen – [en: Northtown] – [ar: الحي الشمالي]"}
    )
    model = large_model.model_copy(update={"municipality": municipality, "area": area})
    data = _rendered(model, tmp_path, "handlingsplan", ".docx")
    runs = list(_runs(data))
    english = [r for t, lang, r in runs if lang == "en"]
    arabic = [r for t, lang, r in runs if lang == "ar"]
    assert english and arabic
    assert all("".join(t.text for t in r.iter(f"{W}t")) == "Northtown" for r in english)
    for run in arabic:
        assert "".join(t.text for t in run.iter(f"{W}t")) == "الحي الشمالي"
        assert run.find(f"{W}rPr/{W}lang").get(f"{W}bidi") == "ar"
        assert run.find(f"{W}rPr/{W}rtl") is not None
    document_tag = {"nb": "nb-NO", "nn": "nn-NO"}[language]
    assert {lang for _, lang, _ in runs} <= {None, document_tag, "en", "ar"}
    assert any("Nordbyen – " in t for t, lang, _ in runs if lang is None)


def test_a_plain_text_is_rendered_as_before() -> None:
    from omradedok.render.docx import _finalize, passage_xml

    for text in ("Fellesskapshuset", "[sic] og [1]", "A & B <c>"):
        assert _finalize(text) is text
        assert passage_xml(text) == text.replace("&", "&amp;").replace("<", "&lt;").replace(
            ">", "&gt;"
        )


# ---------------------------------------------------------------------------------- XLSX


def test_xlsx_cells_print_the_passage_without_markers(sami_set: dict[str, bytes]) -> None:
    seen = []
    for name, data in sami_set.items():
        if not name.endswith(".xlsx"):
            continue
        workbook = openpyxl.load_workbook(io.BytesIO(data))
        assert not MARK.search(workbook.properties.creator or ""), name
        for sheet in workbook:
            assert not MARK.search(sheet.title)
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        assert not MARK.search(cell.value), (name, sheet.title, cell.coordinate)
                        seen.append(cell.value)
    assert "Sametinget – Sámediggi" in seen
    assert "Mánáidgárdi ja giella – Barnehage og språk" in seen


def test_the_input_workbook_keeps_the_markers(sami_model: Initiative, tmp_path: Path) -> None:
    """The workbook a clerk edits is input: it keeps «[se: …]» so it reads back the same."""
    from omradedok.io.workbook_write import workbook_bytes

    path = tmp_path / "plan.xlsx"
    path.write_bytes(workbook_bytes(sami_model))
    back = omradedok.load(path)
    assert back.area.name == sami_model.area.name
    assert back.programme.sub_programmes[0].projects[0].sub_projects[0].name == (
        "[se: Giellabeassi] – språkreir"
    )


# ----------------------------------------------------------------------------------- PDF


def _lang_elements(data: bytes) -> list[tuple[str, str, str]]:
    """(role, /Lang, text) of every structure element with a language of its own."""
    from tagged_support import marked_texts, structure, text_of

    tree, texts = structure(data), marked_texts(data)
    return [
        (e.role, str(e.attrs["/Lang"]), text_of(e, texts))
        for e in tree.walk()
        if "/Lang" in e.attrs
    ]


def _squeeze(value: str) -> str:
    return re.sub(r"[\s\u00a0\u202f-]+", "", value)


def test_pdf_gives_each_sami_passage_its_language(
    sami_model: Initiative, sami_set: dict[str, bytes]
) -> None:
    from pypdf import PdfReader

    expected = {_squeeze(p) for p in _sami_passages(sami_model)}
    pdfs = {n: d for n, d in sami_set.items() if n.endswith(".pdf")}
    assert len(pdfs) >= 2
    for name, data in pdfs.items():
        found = _lang_elements(data)
        assert found, name
        for role, lang, text in found:
            assert lang == "se-NO", (name, role, text)
            assert _squeeze(text) in expected, (name, role, text)  # the passage, nothing more
        reader = PdfReader(io.BytesIO(data))
        text = "".join(page.extract_text() for page in reader.pages)
        assert not MARK.search(text), name
        assert not MARK.search(str(reader.metadata.title)), name
        outline = [item.title for item in reader.outline if not isinstance(item, list)]
        assert not any(MARK.search(t) for t in outline), name
    handlingsplan = {_squeeze(t) for _, _, t in _lang_elements(pdfs["handlingsplan.pdf"])}
    for passage in ("Báikegoddi ovttas", "Guovdageainnu guovddáš", "Giellabeassi", "Sámediggi"):
        assert _squeeze(passage) in handlingsplan, passage
    assert (
        _squeeze(
            "Mánát ja nuorat galget šaddat dorvvolaččat ja oažžut máŋggalágan doaimmaid sámegillii."
        )
        in handlingsplan
    )


def test_pdf_cover_marks_the_sami_part_of_its_title(sami_set: dict[str, bytes]) -> None:
    from tagged_support import Element, marked_texts, structure, text_of

    data = sami_set["handlingsplan.pdf"]
    tree, texts = structure(data), marked_texts(data)
    cover = [k for k in tree.walk() if k.role == "P"][:4]
    spans = {
        text_of(p, texts): [
            (k.role, str(k.attrs.get("/Lang")), text_of(k, texts))
            for k in p.kids
            if isinstance(k, Element)
        ]
        for p in cover
    }
    assert spans["Ávjovárri kommune – Ávjovári suohkan"] == [("Span", "se-NO", "Ávjovári suohkan")]
    assert spans["Områdeløft Guovdageaidnu – Báikegoddi ovttas"] == [
        ("Span", "se-NO", "Báikegoddi ovttas")
    ]


LONG = (
    "Welcome to the community house, open every day for children, young people and their "
    "families, with activities in several languages all through the year"
)


def test_pdf_passage_over_lines_and_whole_texts_in_another_language(
    large_model: Initiative, tmp_path: Path
) -> None:
    """A passage over several lines of a table cell stays one Span; a cell wholly in another
    language puts /Lang on the cell; Arabic keeps its language and reads back."""
    import unicodedata

    import pdfua
    from pypdf import PdfReader

    programme = large_model.programme
    first = programme.sub_programmes[0]
    project = first.projects[0].model_copy(update={"name": "[smj: Sjiehtadus]"})
    first = first.model_copy(
        update={
            "description": f"Huset – [en: {LONG}] – og [ar: مرحبا بكم في الحي] for alle.",
            "projects": [project, *first.projects[1:]],
        }
    )
    programme = programme.model_copy(
        update={"sub_programmes": [first, *programme.sub_programmes[1:]]}
    )
    partners = list(large_model.partners)
    partners[0] = partners[0].model_copy(update={"name": "[sma: Åarjelsaemien searvie]"})
    model = large_model.model_copy(update={"programme": programme, "partners": partners})
    data = _rendered(model, tmp_path, "handlingsplan-pdf", ".pdf")
    found = _lang_elements(data)
    english = [(role, text) for role, lang, text in found if lang == "en"]
    assert english and all(role == "Span" for role, _ in english)
    assert {_squeeze(t) for _, t in english} == {_squeeze(LONG)}
    assert {(role, text) for role, lang, text in found if lang == "smj-NO"} == {
        ("Span", "Sjiehtadus")  # «P1.1 Sjiehtadus»: the number is not Lule Sami
    }
    whole = {role for role, lang, text in found if lang == "sma-NO"}
    assert "TD" in whole  # the partner's cell is wholly South Sami
    arabic = [t for _, lang, t in found if lang == "ar"]
    assert arabic
    assert all(
        _squeeze(unicodedata.normalize("NFKC", t)) in _squeeze("مرحبا بكم في الحي")
        or _squeeze("مرحبا بكم في الحي") in _squeeze(unicodedata.normalize("NFKC", t))
        for t in arabic
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert not MARK.search(text)
    assert _squeeze("Sjiehtadus") in _squeeze(text)
    path = tmp_path / "check.pdf"
    path.write_bytes(data)
    report = pdfua.validate(str(path))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []


def test_the_criteria_report_prints_the_text_without_markers(sami_model: Initiative) -> None:
    from omradedok.checks.criteria import check_criteria
    from omradedok.checks.criteria_report import FORMATS, render_report

    report = check_criteria(sami_model)
    assert "Báikegoddi ovttas" in report.title
    for fmt in FORMATS:
        data = render_report(report, fmt)
        if fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                text = archive.read("word/document.xml").decode("utf-8")
        else:
            text = data.decode("utf-8")
        assert "Báikegoddi" in text, fmt
        assert not MARK.search(text), fmt
