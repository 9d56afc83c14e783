"""arkivmelding.xml (build --arkivmelding): a KS Fiks Arkiv V1 «opprett» message that
validates against the XSD shipped in the wheel, names exactly the files of the set with their
checksums and sizes, and registers the saksframlegg's own vedlegg list in its order."""

from __future__ import annotations

import datetime
import hashlib
import json
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
import yaml
from conftest import EXAMPLE_FILES, LARGE_EXAMPLE, NYNORSK_EXAMPLE, ROOT
from docx_support import open_docx, section
from typer.testing import CliRunner

import omradedok
from omradedok.archive import FILENAME, parse_case_number, schema_path
from omradedok.archive.arkivmelding import MDK, NS, Document, arkivmelding_xml
from omradedok.cli import main
from omradedok.cli.app import app
from omradedok.errors import InputError
from omradedok.model.passages import plain

AM = f"{{{NS}}}"
MD = f"{{{MDK}}}"
ARCHIVE_FIELDS = (
    "  archive_code_system: FE\n"
    "  case_officer_archive_id: SAKSB1\n"
    "  administrative_unit_archive_id: ENH1\n"
)
"""The optional archive fields, added to a copy of an example (the examples leave them out)."""


def with_archive_fields(example: Path, folder: Path) -> Path:
    text = example.read_text(encoding="utf-8")
    assert text.count("\ncouncil_case:\n") == 1
    copy = folder / example.name
    copy.write_text(
        text.replace("\ncouncil_case:\n", "\ncouncil_case:\n" + ARCHIVE_FIELDS), "utf-8"
    )
    return copy


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(schema_path()))


@pytest.fixture(scope="module", params=EXAMPLE_FILES, ids=lambda p: p.stem)
def built_set(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each example (with the archive fields) built once with arkivmelding=True."""
    work = tmp_path_factory.mktemp("arkiv")
    model = omradedok.load(with_archive_fields(request.param, work))
    out = work / "dokumenter"
    omradedok.build(model, out, arkivmelding=True)
    return out


def _xml(folder: Path) -> ET.Element:
    return ET.parse(folder / FILENAME).getroot()


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, path
    return found.text or ""


def _descriptions(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{AM}registrering/{AM}dokumentbeskrivelse")


def test_validates_against_the_shipped_xsd(built_set: Path, schema: xmlschema.XMLSchema) -> None:
    schema.validate(str(built_set / FILENAME))
    root = _xml(built_set)
    xsi = "{http://www.w3.org/2001/XMLSchema-instance}type"
    assert root.find(f"{AM}mappe").get(xsi) == "saksmappe"  # type: ignore[union-attr]
    assert root.find(f"{AM}registrering").get(xsi) == "journalpost"  # type: ignore[union-attr]


def test_every_named_file_is_in_the_set_with_its_checksum_and_size(built_set: Path) -> None:
    root = _xml(built_set)
    objects = root.findall(f".//{AM}dokumentobjekt")
    assert objects
    assert int(_text(root, f"{AM}antallFiler")) == len(objects)
    for obj in objects:
        name = _text(obj, f"{AM}referanseDokumentfil")
        assert _text(obj, f"{AM}filnavn") == name
        data = (built_set / name).read_bytes()
        assert _text(obj, f"{AM}sjekksum") == hashlib.sha256(data).hexdigest()
        assert _text(obj, f"{AM}sjekksumAlgoritme") == "SHA-256"
        assert int(_text(obj, f"{AM}filstoerrelse")) == len(data)
    names = [_text(o, f"{AM}referanseDokumentfil") for o in objects]
    assert len(names) == len(set(names))
    # the marker of the set lists the arkivmelding with the documents (one swap, one set)
    marker = json.loads((built_set / ".omradedok.json").read_text(encoding="utf-8"))
    listed = {f["file"]: f for f in marker["files"]}
    assert FILENAME in listed
    xml_bytes = (built_set / FILENAME).read_bytes()
    assert listed[FILENAME]["sha256"] == hashlib.sha256(xml_bytes).hexdigest()
    assert set(names) <= set(listed)


def test_documents_follow_the_saksframleggs_vedlegg_list(built_set: Path) -> None:
    root = _xml(built_set)
    described = _descriptions(root)
    roles = [_text(d, f"{AM}tilknyttetRegistreringSom/{MD}kode") for d in described]
    assert roles[0] == "H" and set(roles[1:]) == {"V"}
    assert [int(_text(d, f"{AM}dokumentnummer")) for d in described] == list(
        range(1, len(described) + 1)
    )
    saksframlegg = open_docx((built_set / "saksframlegg.docx").read_bytes())
    listed = [b.text for b in section(saksframlegg, "Vedlegg")]
    assert listed
    assert [_text(d, f"{AM}tittel") for d in described[1:]] == listed
    assert int(_text(root, f"{AM}registrering/{AM}antallVedlegg")) == len(listed)
    main = described[0].findall(f"{AM}dokumentobjekt")
    assert [_text(o, f"{AM}filnavn") for o in main] == ["saksframlegg.docx"]


def test_built_vedlegg_carry_their_docx_and_pdfa_twin(built_set: Path) -> None:
    root = _xml(built_set)
    files = {}
    for description in _descriptions(root)[1:]:
        title = _text(description, f"{AM}tittel")
        files[title] = [
            (
                _text(o, f"{AM}filnavn"),
                _text(o, f"{AM}variantformat/{MD}kode"),
                _text(o, f"{AM}format/{MD}kode"),
                _text(o, f"{AM}mimeType"),
            )
            for o in description.findall(f"{AM}dokumentobjekt")
        ]
    model = omradedok.load(next(built_set.parent.glob("*.yaml")))
    plan_title = plain(next(a.title for a in omradedok.plan(model) if a.kind == "handlingsplan"))
    docx_mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert files[plan_title] == [
        ("handlingsplan.docx", "P", "fmt/412", docx_mime),
        ("handlingsplan.pdf", "A", "fmt/477", "application/pdf"),
    ]
    assert model.council_case is not None
    extra_titles = [plain(t) for t in model.council_case.extra_attachments]
    for extra in extra_titles:  # named by the case, not built
        assert files[extra] == []
    extras = [d for d in _descriptions(root) if _text(d, f"{AM}tittel") in extra_titles]
    for description in extras:
        assert "ikke med i dokumentsettet" in _text(
            description, f"{AM}merknad/{AM}merknadstekst"
        ) or "ikkje med i dokumentsettet" in _text(description, f"{AM}merknad/{AM}merknadstekst")
    # the activity plans' spreadsheets are not vedlegg of the case, so they are not named;
    # the role matrix is a vedlegg, and a spreadsheet
    named = {f for entries in files.values() for f, *_ in entries}
    assert any(n.startswith("aktivitetsplan-") for n in named)
    assert {n for n in named if n.endswith(".xlsx")} == {"rolle-og-ansvarsmatrise.xlsx"}
    (matrix,) = [e for entries in files.values() for e in entries if e[0].endswith(".xlsx")]
    assert matrix[1:3] == ("P", "fmt/214")


def test_case_metadata_comes_from_the_council_case(built_set: Path) -> None:
    root = _xml(built_set)
    model = omradedok.load(next(built_set.parent.glob("*.yaml")))
    case = model.council_case
    assert case is not None
    year, sequence = case.archive_case_number.split("/")
    folder = root.find(f"{AM}mappe")
    assert folder is not None
    assert _text(folder, f"{AM}saksaar") == f"20{year}"
    assert _text(folder, f"{AM}sakssekvensnummer") == sequence
    assert _text(folder, f"{AM}klassifikasjon/{AM}klassifikasjonssystemID") == "FE"
    assert _text(folder, f"{AM}klassifikasjon/{AM}klasseID") == case.archive_code
    assert _text(folder, f"{AM}saksansvarlig/{MD}navn") == plain(case.case_officer.name)
    assert _text(folder, f"{AM}saksansvarlig/{MD}identifikator") == "SAKSB1"
    assert _text(folder, f"{AM}administrativEnhet/{MD}navn") == plain(case.administrative_unit)
    assert _text(folder, f"{AM}administrativEnhet/{MD}identifikator") == "ENH1"
    entry = root.find(f"{AM}registrering")
    assert entry is not None
    assert _text(entry, f"{AM}referanseForelderMappe/{MD}saksnummer/{MD}saksaar") == f"20{year}"
    assert _text(entry, f"{AM}journalposttype/{MD}kode") == "S"
    if case.date is None:  # the saksframlegg says «ikke fastsatt»: no date is made up
        assert entry.find(f"{AM}dokumentetsDato") is None
    else:
        assert _text(entry, f"{AM}dokumentetsDato") == case.date.isoformat()
    title = _text(entry, f"{AM}tittel")
    assert title == _text(folder, f"{AM}tittel") == (plain(case.title) or title)
    if case.public_title:
        assert _text(entry, f"{AM}offentligTittel") == plain(case.public_title)
    else:  # never invented from the title: screening is the archive's decision
        assert entry.find(f"{AM}offentligTittel") is None
        assert folder.find(f"{AM}offentligTittel") is None
    statuses = {_text(d, f"{AM}dokumentstatus/{MD}kode") for d in _descriptions(root)}
    assert statuses == {"F"}  # none of the examples is a draft
    # no clock time anywhere: the only date is the document's own
    assert "T" not in "".join(e.text or "" for e in root.iter() if e.tag.endswith("Dato"))


def test_nynorsk_example_speaks_nynorsk() -> None:
    model = omradedok.load(NYNORSK_EXAMPLE)
    xml = arkivmelding_xml(model, model.municipality.language, Document("Sak", ()), [])
    description = _descriptions(ET.fromstring(xml))[0]
    assert _text(description, f"{AM}tilknyttetRegistreringSom/{MD}beskrivelse") == "Hovuddokument"


def test_a_draft_is_under_redigering_and_a_document_number_is_the_journalpostnummer() -> None:
    model = omradedok.load(LARGE_EXAMPLE)
    assert model.council_case is not None
    draft = model.model_copy(deep=True)
    draft.document.status = omradedok.model.DocumentStatus.DRAFT
    draft.document.decision = None
    assert draft.council_case is not None
    draft.council_case.archive_case_number = "2025/77-3"
    draft.council_case.public_title = ""
    draft.council_case.date = datetime.date(2025, 11, 3)
    xml = arkivmelding_xml(draft, draft.municipality.language, Document("Sak", ()), [])
    root = ET.fromstring(xml)
    assert _text(_descriptions(root)[0], f"{AM}dokumentstatus/{MD}kode") == "B"
    assert _text(root, f"{AM}mappe/{AM}saksaar") == "2025"
    assert _text(root, f"{AM}mappe/{AM}sakssekvensnummer") == "77"
    assert _text(root, f"{AM}registrering/{AM}journalpostnummer") == "3"
    assert root.find(f"{AM}mappe/{AM}offentligTittel") is None
    assert _text(root, f"{AM}registrering/{AM}dokumentetsDato") == "2025-11-03"


def test_case_numbers() -> None:
    assert parse_case_number("26/1234", 2026) == omradedok.archive.ArchiveCase(2026, 1234)
    assert parse_case_number("99/12", 2026).year == 1999
    assert parse_case_number("01/12", 2099).year == 2101
    assert parse_case_number("2024/5-2", 2026) == omradedok.archive.ArchiveCase(2024, 5, 2)
    with pytest.raises(ValueError, match="ikke et årstall"):
        parse_case_number("126/1234", 2026)


def test_same_input_same_bytes(tmp_path: Path) -> None:
    model = omradedok.load(LARGE_EXAMPLE)
    only = ["handlingsplan", "handlingsplan-pdf", "saksframlegg"]
    omradedok.build(model, tmp_path / "a", only=only, arkivmelding=True)
    omradedok.build(model, tmp_path / "b", only=only, arkivmelding=True)
    first = (tmp_path / "a" / FILENAME).read_bytes()
    assert first == (tmp_path / "b" / FILENAME).read_bytes()
    assert first.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<arkivmelding xmlns=')


def test_only_lists_what_is_built_and_needs_the_saksframlegg(tmp_path: Path) -> None:
    model = omradedok.load(LARGE_EXAMPLE)
    assert model.council_case is not None
    omradedok.build(
        model, tmp_path / "a", only=["handlingsplan", "saksframlegg"], arkivmelding=True
    )
    root = _xml(tmp_path / "a")
    named = [_text(o, f"{AM}filnavn") for o in root.iter(f"{AM}dokumentobjekt")]
    assert named == ["saksframlegg.docx", "handlingsplan.docx"]
    titles = [_text(d, f"{AM}tittel") for d in _descriptions(root)[1:]]
    assert titles[1:] == [plain(t) for t in model.council_case.extra_attachments]
    with pytest.raises(InputError, match="ta med saksframlegg i --only"):
        omradedok.build(model, tmp_path / "b", only=["handlingsplan"], arkivmelding=True)
    assert not (tmp_path / "b").exists()


def test_no_arkivmelding_unless_asked(tmp_path: Path) -> None:
    model = omradedok.load(LARGE_EXAMPLE)
    result = omradedok.build(model, tmp_path / "a", only=["saksframlegg"])
    assert [w.path.name for w in result.written] == ["saksframlegg.docx"]


def test_missing_council_case_is_a_located_error_and_writes_nothing(tmp_path: Path) -> None:
    model = omradedok.load(LARGE_EXAMPLE)
    out = tmp_path / "dokumenter"
    omradedok.build(model, out, only=["handlingsplan"])  # an earlier set stays as it was
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    without = model.model_copy(update={"council_case": None})
    with pytest.raises(InputError) as caught:
        omradedok.build(without, out, arkivmelding=True)
    (problem,) = caught.value.errors
    assert problem.path == ("council_case",)
    assert "archive_case_number" in problem.message and "--arkivmelding" in problem.message
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    with pytest.raises(InputError, match="council_case mangler"):  # not «nothing to build»
        omradedok.build(without, out, only=["saksframlegg"], arkivmelding=True)


def test_cli_build_with_arkivmelding(tmp_path: Path, schema: xmlschema.XMLSchema) -> None:
    source = with_archive_fields(NYNORSK_EXAMPLE, tmp_path)
    out = tmp_path / "dokumenter"
    runner = CliRunner()
    args = ["build", str(source), "-o", str(out), "--only", "handlingsplan,saksframlegg"]
    result = runner.invoke(app, [*args, "--arkivmelding", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert f"skrev {out / FILENAME}" in result.output.replace("\n", "")
    schema.validate(str(out / FILENAME))


def test_cli_refuses_a_case_without_arkivsak(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load(LARGE_EXAMPLE.read_text(encoding="utf-8"))
    del data["council_case"]
    source = tmp_path / "uten-sak.json"
    source.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "dokumenter"
    code = main(["build", str(source), "-o", str(out), "--arkivmelding", "-j", "1"])
    err = capsys.readouterr().err.replace("\n", " ")
    assert code == 1
    assert f"{source}: council_case: --arkivmelding trenger den politiske saken" in err
    assert "Traceback" not in err
    assert not out.exists()
    assert main(["build", str(source), "-o", str(out), "--only", "handlingsplan", "-j", "1"]) == 0


def test_the_xsds_ship_with_their_licence() -> None:
    folder = schema_path().parent
    assert (folder / "metadatakatalog.xsd").is_file()
    assert "Copyright (c) 2018 KS" in (folder / "LICENSE-KS").read_text(encoding="utf-8")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]["omradedok.archive"]
    assert {"xsd/*.xsd", "xsd/LICENSE-KS"} <= set(data)


def test_batch_passes_arkivmelding_through(tmp_path: Path, schema: xmlschema.XMLSchema) -> None:
    from concurrent.futures import ThreadPoolExecutor

    data = yaml.safe_load(NYNORSK_EXAMPLE.read_text(encoding="utf-8"))
    folder = tmp_path / "inn"
    folder.mkdir()
    good = folder / "alfa.json"
    good.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    del data["council_case"]
    data["area"]["name"] = "Beta"
    (folder / "beta.json").write_text(
        json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8"
    )
    with ThreadPoolExecutor(max_workers=1) as pool:
        result = omradedok.batch(
            [tmp_path / "inn"],
            tmp_path / "ut",
            executor=pool,
            only=["handlingsplan", "saksframlegg"],
            arkivmelding=True,
        )
    (built,) = result.built
    (failed,) = result.failed
    assert built.outputs and FILENAME in {Path(o.file).name for o in built.outputs}
    schema.validate(str(next((tmp_path / "ut").glob(f"*/{FILENAME}"))))
    assert "beta.json" in failed.message and "council_case" in failed.message
    without = omradedok.batch(
        [good], tmp_path / "ut2", executor=None, jobs=1, only=["saksframlegg"]
    )
    assert not list((tmp_path / "ut2").glob(f"*/{FILENAME}")) and without.ok
