"""The yearly status report (årsrapport, issue 16 item 2): one per year with report data,
DOCX and PDF read back – statuses, sums, indicator values, the «not reported» counts, the
derived deviations –, a vedlegg only where the case attaches it, converted by LibreOffice,
and a tagged PDF like the other PDFs."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx_support import ELVEBAKKEN, NORDBYEN, open_docx, section, table_after
from pypdf import PdfReader
from tagged_support import marked_texts, squeeze, structure, text_of, without_ua_identification
from view_support import docx_headings, pdf_outline, pdf_text

import omradedok
from omradedok.errors import InputError, OmradedokError
from omradedok.model import Initiative

YEAR = 2017
NBSP = "\u00a0"


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def _model() -> Initiative:
    return omradedok.load(ELVEBAKKEN)


def _render(model: Initiative, fmt: str, language: str | None = None, year: int = YEAR) -> bytes:
    return omradedok.render(model, "arsrapport", format=fmt, year=year, language=language)


@pytest.fixture(scope="module")
def model() -> Initiative:
    return _model()


@pytest.fixture(scope="module")
def docx_nn(model: Initiative) -> bytes:
    return _render(model, "docx")


@pytest.fixture(scope="module")
def pdf_nn(model: Initiative) -> bytes:
    return _render(model, "pdf")


@pytest.fixture(scope="module")
def docx_nb(model: Initiative) -> bytes:
    return _render(model, "docx", language="nb")


def _rows(data: bytes, title: str) -> dict[str, list[str]]:
    """Table rows under a heading, keyed by their first cell (spaces normalised)."""
    rows = table_after(open_docx(data), title)
    return {_plain(r[0]): [_plain(c) for c in r] for r in rows}


def _docx_text(data: bytes) -> str:
    document = open_docx(data)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return _plain("\n".join(parts))


# -- which reports there are -------------------------------------------------------------------


def test_one_report_per_year_with_report_data(model: Initiative) -> None:
    artifacts = omradedok.plan(model, only="arsrapport")
    # 2014–2016: indicator observations; 2017: statuses, money used, observations, texts
    years = range(2014, 2018)
    assert [a.filename for a in artifacts] == [
        name for y in years for name in (f"arsrapport-{y}.docx", f"arsrapport-{y}.pdf")
    ]
    assert model.report_years() == list(years)


def test_no_report_for_a_year_without_data(model: Initiative) -> None:
    with pytest.raises(OmradedokError, match="ikke noe dokument for 2018"):
        _render(model, "docx", year=2018)
    nordbyen = omradedok.load(NORDBYEN)  # no statuses, no money used, no observations
    assert nordbyen.report_years() == []
    assert omradedok.plan(nordbyen, only="arsrapport") == []


def test_a_years_own_text_alone_makes_a_report(model: Initiative) -> None:
    data = model.model_dump(mode="json", exclude_none=True)
    data["annual_reports"].append({"year": 2019, "priorities": "Sluttevalueringa."})
    changed = omradedok.from_dict(data, name="test")
    assert 2019 in changed.report_years()
    text = _docx_text(_render(changed, "docx", year=2019))
    assert "Sluttevalueringa." in text
    assert "12 av 12 tiltak har ikkje rapportert status for 2019." not in text  # 2019 has others
    assert "ikkje rapportert status for 2019." in text


# -- content -----------------------------------------------------------------------------------


def test_status_per_activity_with_reasons(docx_nn: bytes) -> None:
    rows = _rows(docx_nn, "Status for tiltaka")
    assert rows["1.1"][2] == "Fullført"
    assert rows["1.2"][2] == "Fullført"
    assert rows["1.3"][2:4] == ["Pågår", "Foreldrekafeen starta først i september."]
    assert rows["2.1"][2] == "Utsett"
    assert rows["2.1"][3].startswith("Reguleringsplanen for Elveparken vart ikkje vedteken i 2017.")
    assert rows["3.3"][2] == "Avlyst"
    for unreported in ("1.5", "3.2", "3.4"):
        assert rows[unreported][2] == "Ikkje rapportert", unreported
    # the delprogram groups head their activities
    assert "Oppvekst og fritid" in rows and "Arbeid og fellesskap" in rows


def test_not_reported_is_counted(docx_nn: bytes) -> None:
    text = _docx_text(docx_nn)
    assert (
        "Status for dei 12 tiltaka i 2017: fullført 4, pågår 3, utsett 1, avlyst 1."
        in text
    )
    assert "3 av 12 tiltak har ikkje rapportert status for 2017." in text
    assert text.count("ikkje rapportert 3") == 0  # said once, not in both sentences
    # money used: 1.5, 2.4, 3.2, 3.3, 3.4 report no amount
    assert "5 av 12 tiltak har ikkje rapportert kva dei har brukt i 2017." in text


def test_money_used_against_budget_per_source(docx_nn: bytes) -> None:
    rows = _rows(docx_nn, "Pengebruk mot budsjett")
    # the budget is the activity plan's one sum; 1.5 and 2.4 give no budget: «minst»
    assert rows["Kommunale midlar"][1:] == ["minst 1 490 000 kr", "minst 1 158 000 kr", "–"]
    assert rows["Statlege midlar"][1:] == ["minst 1 820 000 kr", "minst 995 000 kr", "–"]
    assert rows["Andre midlar"][2] == "minst 180 000 kr"
    # nobody budgeted or reported money carried over: unknown, never 0 kr
    assert rows["Overført frå i fjor"][1:] == ["ikkje fastsett", "ikkje rapportert", "–"]
    assert rows["Sum"][1:3] == ["minst 3 630 000 kr", "minst 2 333 000 kr"]
    status = _rows(docx_nn, "Status for tiltaka")
    assert status["1.2"][4:] == ["230 000 kr", "245 000 kr"]
    assert status["1.3"][4:] == ["220 000 kr", "minst 100 000 kr"]  # state money not reported
    assert status["3.3"][5] == "ikkje rapportert"  # cancelled, no amount: not «0 kr»
    assert not re.search(r"(?<![0-9 ])0 kr", " ".join(status["3.3"]))


def test_exact_sums_give_the_deviation(model: Initiative) -> None:
    """With every activity reporting exact figures the table subtracts (negative: over)."""
    data = model.model_dump(mode="json", exclude_none=True)
    data["activities"] = [a for a in data["activities"] if a["id"] in ("1.1", "1.2")]
    changed = omradedok.from_dict(data, name="test")
    rows = _rows(_render(changed, "docx"), "Pengebruk mot budsjett")
    assert rows["Kommunale midlar"][1:] == ["200 000 kr", "213 000 kr", "-13 000 kr"]
    assert rows["Statlege midlar"][1:] == ["270 000 kr", "270 000 kr", "0 kr"]
    assert rows["Sum"][1:] == ["500 000 kr", "513 000 kr", "-13 000 kr"]


def test_indicators_with_baseline_observed_and_target(docx_nn: bytes) -> None:
    rows = {k.split(" ")[0]: v for k, v in _rows(docx_nn, "Indikatorar").items()}
    assert rows["I3.1"][1:] == ["DM3.1", "64 % (2011)", "63 % (SSB)", "70 % (2020)"]
    assert rows["I2.2"][3] == "3 (Prosjektrekneskapen)"
    assert rows["I1.1"][3] == "Ikkje målt"
    assert "2 av 9 indikatorar er målte i 2017." in _docx_text(docx_nn)


def test_deviations_are_derived_facts(docx_nn: bytes) -> None:
    found = [_plain(b.text) for b in section(open_docx(docx_nn), "Avvik") if b.kind == "p"]
    over = [t for t in found if "brukt" in t and "mot eit budsjett" in t]
    assert over == [
        "Tiltak 1.2 Ferieaktivitetar for born og unge: brukt 245 000 kr mot eit budsjett på "
        "230 000 kr.",
        "Tiltak 2.2 Turveg og lys langs elva – trinn 1: brukt 755 000 kr mot eit budsjett på "
        "700 000 kr.",
    ]
    assert any(
        t.startswith("Tiltak 2.1 Elveparken") and "er utsett. Grunngiving:" in t for t in found
    )
    assert any(t.startswith("Tiltak 3.3 Elvebakkdagen") and "er avlyst." in t for t in found)
    assert any(
        t.startswith("Indikator I3.1") and "lågare enn nullpunktet 64 % (2011)" in t for t in found
    )
    # on budget (1.1) and indicators without a target (I1.2) give no deviation
    assert not any("Tiltak 1.1 " in t or "I1.2" in t for t in found)


def test_next_years_priorities_as_written(docx_nn: bytes) -> None:
    found = [b.text for b in section(open_docx(docx_nn), "Prioriteringar for 2018")]
    assert found[0].startswith("Byggjestart for Elveparken våren 2018")
    assert len([t for t in found if t]) == 2


def test_a_year_without_activities_says_so(model: Initiative) -> None:
    text = _docx_text(_render(model, "docx", year=2016))
    assert "Det er ikkje registrert tiltak for 2016." in text
    assert "Det er ikkje registrert tiltak eller budsjett for 2016." in text
    assert "aktivitetsplanen for 2016" not in text
    assert "Prioriteringane for 2017 er ikkje fastsette." in text
    assert not re.search(r"(?<![0-9 ])0 kr", text)


def test_bokmal(docx_nb: bytes) -> None:
    text = _docx_text(docx_nb)
    assert "3 av 12 tiltak har ikke rapportert status for 2017." in text
    rows = _rows(docx_nb, "Status for tiltakene")
    assert rows["2.1"][2] == "Utsatt" and rows["1.5"][2] == "Ikke rapportert"
    assert [h for _, h in docx_headings(docx_nb)][:3] == [
        "1 Om rapporten",
        "1.1 Sammendrag",
        "2 Status for tiltakene",
    ]


def test_pdf_says_what_the_docx_says(docx_nn: bytes, pdf_nn: bytes) -> None:
    assert pdf_outline(pdf_nn) == docx_headings(docx_nn)
    text = squeeze(_plain(pdf_text(pdf_nn)))
    for fact in (
        "Status for dei 12 tiltaka i 2017: fullført 4, pågår 3, utsett 1, avlyst 1.",
        "3 av 12 tiltak har ikkje rapportert status for 2017.",
        "minst 1 158 000 kr",
        "minst 2 333 000 kr",
        "63 % (SSB)",
        "Ikkje rapportert",
        "Tiltak 2.2 Turveg og lys langs elva – trinn 1: brukt 755 000 kr",
    ):
        assert squeeze(fact) in text, fact
    reader = PdfReader(io.BytesIO(pdf_nn))
    assert reader.trailer["/Root"]["/Lang"] == "nn-NO"
    assert str(reader.metadata.title) == "Årsrapport 2017 – Områdeprogram Elvebakken"


# -- the council case ----------------------------------------------------------------------------


def _vedlegg(model: Initiative) -> list[str]:
    folder = omradedok.plan(model, only="arsrapport,saksframlegg")
    case = next(a for a in folder if a.filename == "saksframlegg.docx")
    return [b.text for b in section(open_docx(case.render()), "Vedlegg")]


def test_a_vedlegg_only_where_the_case_attaches_it(model: Initiative) -> None:
    assert not any("Årsrapport" in t for t in _vedlegg(model))
    data = model.model_dump(mode="json", exclude_none=True)
    data["council_case"]["attached_annual_reports"] = [2017]
    attached = _vedlegg(omradedok.from_dict(data, name="test"))
    assert [t for t in attached if "Årsrapport" in t] == ["Årsrapport 2017"]


def test_attaching_a_year_without_a_report_is_an_error(model: Initiative) -> None:
    data = model.model_dump(mode="json", exclude_none=True)
    data["council_case"]["attached_annual_reports"] = [2019]
    with pytest.raises(InputError, match=r"attached_annual_reports.*2019"):
        omradedok.from_dict(data, name="test")


def test_a_report_outside_the_activitys_years_is_refused(model: Initiative) -> None:
    data = model.model_dump(mode="json", exclude_none=True)
    one_year = next(a for a in data["activities"] if a["id"] == "1.1")
    one_year["reports"] = [{"year": 2018, "status": "completed"}]
    with pytest.raises(InputError, match="reports har år utenfor aktivitetens tid"):
        omradedok.from_dict(data, name="test")


# -- LibreOffice and the tagged PDF --------------------------------------------------------------


def test_libreoffice_converts_the_docx(docx_nn: bytes, soffice: object, tmp_path: Path) -> None:
    source = tmp_path / "arsrapport-2017.docx"
    source.write_bytes(docx_nn)
    (pdf,) = soffice([source], tmp_path / "out", "pdf")  # type: ignore[operator]
    text = squeeze(_plain(pdf_text(pdf.read_bytes())))
    assert squeeze("3 av 12 tiltak har ikkje rapportert status for 2017.") in text
    assert squeeze("minst 2 333 000 kr") in text


def test_the_pdf_is_tagged_like_the_others(pdf_nn: bytes, tmp_path: Path) -> None:
    pdfa = pytest.importorskip("pikepdf.pdfa")
    pdfua = pytest.importorskip("pdfua")
    outloud = pytest.importorskip("outloud")
    path = tmp_path / "arsrapport-2017.pdf"
    path.write_bytes(pdf_nn)
    report = pdfua.validate(str(path))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []
    result = outloud.check(str(path))
    assert result.error is None and result.stats["tagged"]
    assert [f.message for f in result.findings if f.severity == "error"] == []
    assert pdfa.validate_written(io.BytesIO(without_ua_identification(pdf_nn)), "2b").passed
    texts = marked_texts(pdf_nn)
    headings = [
        (int(e.role[1]), squeeze(text_of(e, texts)))
        for e in structure(pdf_nn).walk()
        if re.fullmatch(r"H[1-6]", e.role)
    ]
    assert headings == [(level, squeeze(t)) for level, t in pdf_outline(pdf_nn)]
    tables = [e for e in structure(pdf_nn).walk() if e.role == "Table"]
    assert len(tables) >= 3  # status, money, indicators (and the cover facts)
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True)
        assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)


# -- the workbook ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_report_fields_round_trip_through_the_workbook(
    model: Initiative, tmp_path: Path, language: str
) -> None:
    from openpyxl import load_workbook

    from omradedok.io import load_with_report
    from omradedok.io.workbook import export_bytes

    data = model.model_dump(mode="json", exclude_none=True)
    data["council_case"]["attached_annual_reports"] = [2017]
    attached = omradedok.from_dict(data, name="test")
    path = tmp_path / "satsing.xlsx"
    path.write_bytes(export_bytes(attached, language))
    assert load_with_report(path).model == attached
    wb = load_workbook(path)
    sheet = wb["Årsrapport per tiltak"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4) if row[0].value]
    postponed = next(r for r in rows if r[0] == "2.1")
    assert postponed[1:3] == [2017, "Utsatt" if language == "nb" else "Utsett"]
    assert postponed[4] == 40000 and postponed[5] is None  # unknown stays empty, not 0
    assert len(rows) == 9
    own = wb["Årsrapporter" if language == "nb" else "Årsrapportar"]
    assert own.cell(4, 1).value == 2017


def test_a_bad_status_in_the_workbook_names_its_cell(model: Initiative, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from omradedok.io import load_with_report
    from omradedok.io.workbook import export_bytes

    path = tmp_path / "satsing.xlsx"
    path.write_bytes(export_bytes(model, "nb"))
    wb = load_workbook(path)
    sheet = wb["Årsrapport per tiltak"]
    row = next(r for r in range(4, 20) if sheet.cell(r, 1).value == "2.1")
    sheet.cell(row, 3).value = "Kanskje"
    wb.save(path)
    with pytest.raises(InputError) as info:
        load_with_report(path)
    messages = [str(p) for p in info.value.problems]
    assert any(f"Årsrapport per tiltak!C{row}: ukjent verdi «Kanskje»" in m for m in messages)


def test_an_attached_report_goes_into_the_arkivmelding_with_its_pdf(
    model: Initiative, tmp_path: Path
) -> None:
    import xml.etree.ElementTree as ET

    from omradedok.archive import FILENAME
    from omradedok.archive.arkivmelding import NS

    data = model.model_dump(mode="json", exclude_none=True)
    data["council_case"].update(
        attached_annual_reports=[2017],
        archive_code_system="FE",
        case_officer_archive_id="SAKSB1",
        administrative_unit_archive_id="ENH1",
    )
    attached = omradedok.from_dict(data, name="test")
    out = tmp_path / "dokumenter"
    omradedok.build(attached, out, only="arsrapport,saksframlegg", arkivmelding=True)
    am = f"{{{NS}}}"
    root = ET.parse(out / FILENAME).getroot()
    files = {
        (d.findtext(f"{am}tittel") or ""): [
            o.findtext(f"{am}filnavn") for o in d.findall(f"{am}dokumentobjekt")
        ]
        for d in root.findall(f"{am}registrering/{am}dokumentbeskrivelse")
    }
    assert files["Årsrapport 2017"] == ["arsrapport-2017.docx", "arsrapport-2017.pdf"]
    assert not any(t.startswith("Årsrapport 201") and t != "Årsrapport 2017" for t in files)


def test_a_source_is_over_budget_only_against_a_whole_budget(model: Initiative) -> None:
    from omradedok.documents.arsrapport import annual_status
    from omradedok.model import Language

    data = model.model_dump(mode="json", exclude_none=True)
    over = next(a for a in data["activities"] if a["id"] == "1.1")
    over["reports"] = [{"year": 2017, "status": "completed", "spent": {"state": 2_000_000}}]
    changed = omradedok.from_dict(data, name="test")
    state = annual_status(changed, 2017, Language.NN).sources[1]
    # the year's state budget is «minst 1 820 000 kr» (1.5 and 2.4 give none): not a deviation
    assert state.budget.partial and state.spent.exceeds(state.budget)
    assert not state.over_budget
    text = _docx_text(_render(changed, "docx"))
    assert "Statlege midlar: brukt" not in text
    assert "Tiltak 1.1 Fritidskortet og open hall på fredagar: brukt" in text
    for activity in data["activities"]:
        if activity["id"] == "1.5":  # multi-year: its 2017 share
            activity["budget_by_year"] = [{"year": 2017, "municipal": 1000}]
        if activity["id"] == "2.4":
            activity["budget"] = {"municipal": 1000}
    whole = omradedok.from_dict(data, name="test")
    assert annual_status(whole, 2017, Language.NN).sources[1].over_budget
    assert "Statlege midlar: brukt" in _docx_text(_render(whole, "docx"))


def test_docx_and_pdf_print_the_same_amounts(docx_nn: bytes, pdf_nn: bytes) -> None:
    from view_support import amounts

    in_docx = amounts(_docx_text(docx_nn))
    assert in_docx == amounts(pdf_text(pdf_nn))
    assert in_docx["2 333 000 kr"] >= 1 and in_docx["755 000 kr"] >= 2  # table and deviation


def test_a_municipalitys_labels_override_the_reports_words(
    model: Initiative, tmp_path: Path
) -> None:
    folder = tmp_path / "maler"
    folder.mkdir()
    (folder / "labels.yaml").write_text(
        "ar_title: {nb: Statusrapport, nn: Statusrapport}\n", encoding="utf-8"
    )
    artifacts = omradedok.plan(model, only="arsrapport", template_dir=folder)
    assert artifacts[-2].title == "Statusrapport 2017"
    text = _docx_text(artifacts[-2].render())
    assert "Statusrapport 2017" in text
