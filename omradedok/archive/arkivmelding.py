"""``arkivmelding.xml``: the council case and its files as a KS Fiks Arkiv *arkivmelding*.

The message follows the V1 «opprett» schema
(``xsd/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd`` with ``metadatakatalog.xsd``,
MIT licence © KS, shipped beside it). It holds

- one *saksmappe* for the case: tittel, offentligTittel, klassifikasjon (arkivkode),
  saksaar/sakssekvensnummer (from the arkivsak «26/1234»), administrativ enhet, saksansvarlig;
- one *journalpost* of type S (saksframlegg) in that saksmappe, with one *dokumentbeskrivelse*
  per document of the saksframlegg's «Vedlegg» list: the saksframlegg as hoveddokument (H),
  then each vedlegg (V) in the list's order. Each document built in the set has a
  *dokumentobjekt* per file (the DOCX as produksjonsformat, its PDF/A twin – same name,
  ``.pdf`` – as arkivformat) with format (PRONOM code), mimeType, filnavn,
  referanseDokumentfil, SHA-256 sjekksum and filstørrelse of the bytes written. An extra
  attachment the case names but omradedok does not make gets a dokumentbeskrivelse without
  a file and a merknad saying so.

Only facts of the input or of the files go in: no wall-clock time (the same input gives the
same bytes; the archive sets its own dates when it registers the message), no value the
input lacks (an optional element is left out). The one date is dokumentetsDato, the
saksframlegg's own date (``council_case.date``), left out when the input has none.
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from ..documents.base import Artifact
from ..errors import InputError, Problem
from ..locale import pick
from ..model import DocumentStatus, Initiative, Language
from ..model.passages import plain

FILENAME = "arkivmelding.xml"
SCHEMA_FILENAME = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd"
NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
MDK = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SYSTEM = "omradedok"
"""The sending system (``system``, and ``fagsystem`` of the external keys)."""

_CASE_NUMBER = re.compile(r"^(\d{2,4})/(\d{1,6})(?:-(\d+))?$")

_DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMATS: dict[str, tuple[str, str, str]] = {
    ".docx": ("fmt/412", "DOCX (Office Open XML, tekstbehandling)", _DOCX_MIME),
    ".xlsx": ("fmt/214", "XLSX (Office Open XML, regneark)", _XLSX_MIME),
}
"""Suffix → (PRONOM code, description, MIME type) of the production formats omradedok writes."""
_PDFA_PRONOM = {
    "1A": "fmt/95",
    "1B": "fmt/354",
    "2A": "fmt/476",
    "2B": "fmt/477",
    "2U": "fmt/478",
    "3A": "fmt/479",
    "3B": "fmt/480",
    "3U": "fmt/481",
}
"""PDF/A part and conformance (from the file's XMP metadata) → PRONOM code."""


def schema_path() -> Path:
    """The shipped «opprett» XSD (it imports ``metadatakatalog.xsd`` from the same folder)."""
    return Path(__file__).resolve().parent / "xsd" / SCHEMA_FILENAME


# -- the case number --------------------------------------------------------------------------


@dataclass(frozen=True)
class ArchiveCase:
    """An arkivsak «26/1234» or «2026/1234-5»: saksår, sekvensnummer, document number."""

    year: int
    sequence: int
    document: int | None = None


def parse_case_number(text: str, document_year: int) -> ArchiveCase:
    """«26/1234» → 2026, 1234. A two-digit year is the year with those digits nearest the
    document date's year (the usual way a Norwegian case number is written); a four-digit
    year is taken as written. Raises ValueError (Norwegian) for anything else."""
    match = _CASE_NUMBER.match(text.strip())
    if match is None:
        raise ValueError(f"arkivsaken «{text}» er ikke på formen ÅÅ/NNNN eller ÅÅÅÅ/NNNN")
    year_text, sequence, document = match.groups()
    if len(year_text) == 4:
        year = int(year_text)
    elif len(year_text) == 2:
        digits = int(year_text)
        century = document_year - document_year % 100
        candidates = [century - 100 + digits, century + digits, century + 100 + digits]
        year = min(candidates, key=lambda y: (abs(y - document_year), y))
    else:
        raise ValueError(
            f"saksåret «{year_text}» i arkivsaken «{text}» er ikke et årstall; skriv to eller "
            "fire sifre, f.eks. 26/1234 eller 2026/1234"
        )
    return ArchiveCase(year, int(sequence), int(document) if document else None)


# -- checks before anything is rendered -------------------------------------------------------


def check_archivable(model: Initiative, kinds: Sequence[str]) -> ArchiveCase:
    """Raise an InputError (nothing is rendered or written) when the build cannot make an
    arkivmelding: no council case, an arkivsak that cannot be read, or a selection
    (``--only``) without the saksframlegg, which is the journalpost's hoveddokument."""
    case = model.council_case
    if case is None:
        raise InputError(
            model.title,
            [
                Problem(
                    "error",
                    "--arkivmelding trenger den politiske saken, men council_case mangler: fyll "
                    "ut council_case med arkivsak (archive_case_number, f.eks. 26/1234) og "
                    "saksbehandler (case_officer.name) – i Excel-arbeidsboken arket "
                    "«Saksframlegg» – eller bygg uten --arkivmelding",
                    ("council_case",),
                    code="E-FELT-001",
                )
            ],
        )
    try:
        dated = case.date or model.document.date
        number = parse_case_number(case.archive_case_number, dated.year)
    except ValueError as exc:
        raise InputError(
            model.title,
            [
                Problem(
                    "error", str(exc), ("council_case", "archive_case_number"), code="E-FELT-003"
                )
            ],
        ) from None
    if "saksframlegg" not in kinds:
        raise InputError(
            model.title,
            [
                Problem(
                    "error",
                    "--arkivmelding registrerer saksframlegget som hoveddokument, men det lages "
                    "ikke i denne byggingen; ta med saksframlegg i --only, eller bygg uten "
                    "--arkivmelding",
                    (),
                    code="E-FELT-005",
                )
            ],
        )
    return number


# -- the XML ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class File:
    """A file of the set as written: name and bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Document:
    """One dokumentbeskrivelse: its title and the files of the set that hold it."""

    title: str
    files: tuple[File, ...]


def _am(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _md(tag: str) -> str:
    return f"{{{MDK}}}{tag}"


def _add(parent: ET.Element, tag: str, text: str | int | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if text is not None:  # a passage marked «[se: …]» reads as its plain text here
        element.text = plain(str(text))
    return element


def _code(parent: ET.Element, tag: str, code: str, description: str = "") -> None:
    """A «kode» element: its children kode/beskrivelse are in the metadatakatalog namespace."""
    element = _add(parent, _am(tag))
    _add(element, _md("kode"), code)
    if description:
        _add(element, _md("beskrivelse"), description)


def _who(parent: ET.Element, tag: str, name: str, identifier: str) -> None:
    """An «identifikatorer» element (saksansvarlig, administrativ enhet), left out when empty."""
    if not name and not identifier:
        return
    element = _add(parent, _am(tag))
    if name:
        _add(element, _md("navn"), name)
    if identifier:
        _add(element, _md("identifikator"), identifier)


def _external_key(parent: ET.Element, tag: str, key: str) -> None:
    element = _add(parent, tag)
    _add(element, _md("fagsystem"), SYSTEM)
    _add(element, _md("noekkel"), key)


def pdfa_level(data: bytes) -> str:
    """«2B» for a PDF/A-2b file (from its XMP metadata), «» for any other PDF."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return str(pdf.open_metadata().pdfa_status or "").upper()
    except (pikepdf.PdfError, ValueError):
        return ""


def _variant(file: File) -> tuple[tuple[str, str], tuple[str, str] | None, str]:
    """(variantformat, format or None, mimeType) of a file, from its name and content."""
    production = ("P", "Produksjonsformat")
    archive = ("A", "Arkivformat")
    suffix = PurePath(file.name).suffix.lower()
    if suffix == ".pdf":
        level = pdfa_level(file.data)
        pronom = _PDFA_PRONOM.get(level)
        if pronom is not None:
            return archive, (pronom, f"PDF/A-{level[0]}{level[1:].lower()}"), "application/pdf"
        return production, None, "application/pdf"
    known = _FORMATS.get(suffix)
    if known is None:
        return production, None, "application/octet-stream"
    pronom, description, mime = known
    return production, (pronom, description), mime


def _dokumentobjekt(parent: ET.Element, file: File) -> None:
    (variant, variant_text), fmt, mime = _variant(file)
    element = _add(parent, _am("dokumentobjekt"))
    _add(element, _am("versjonsnummer"), 1)
    _code(element, "variantformat", variant, variant_text)
    if fmt is not None:
        _code(element, "format", *fmt)
    _add(element, _am("mimeType"), mime)
    _add(element, _am("filnavn"), file.name)
    _add(element, _am("referanseDokumentfil"), file.name)
    _add(element, _am("sjekksum"), hashlib.sha256(file.data).hexdigest())
    _add(element, _am("sjekksumAlgoritme"), "SHA-256")
    _add(element, _am("filstoerrelse"), len(file.data))


def _dokumentbeskrivelse(
    parent: ET.Element,
    document: Document,
    number: int,
    main: bool,
    status: tuple[str, str],
    language: Language,
) -> None:
    element = _add(parent, _am("dokumentbeskrivelse"))
    _code(element, "dokumentstatus", *status)
    _add(element, _am("tittel"), document.title)
    if main:
        _code(
            element,
            "tilknyttetRegistreringSom",
            "H",
            pick(language, "Hoveddokument", "Hovuddokument"),
        )
    else:
        _code(element, "tilknyttetRegistreringSom", "V", "Vedlegg")
    _add(element, _am("dokumentnummer"), number)
    if not document.files:
        note = _add(element, _am("merknad"))
        _add(
            note,
            _am("merknadstekst"),
            pick(
                language,
                "Vedlegget er ikke laget av omradedok og er ikke med i dokumentsettet; "
                "legg ved filen i arkivet.",
                "Vedlegget er ikkje laga av omradedok og er ikkje med i dokumentsettet; "
                "legg ved fila i arkivet.",
            ),
        )
    for file in document.files:
        _dokumentobjekt(element, file)


def _document_status(model: Initiative, language: Language) -> tuple[str, str]:
    """A draft (utkast) is still being written; every later status is a finished document."""
    if model.document.status is DocumentStatus.DRAFT:
        return "B", pick(
            language, "Dokumentet er under redigering", "Dokumentet er under redigering"
        )
    return "F", pick(language, "Dokumentet er ferdigstilt", "Dokumentet er ferdigstilt")


def arkivmelding_xml(
    model: Initiative,
    language: Language,
    main: Document,
    attachments: Sequence[Document],
) -> bytes:
    """The arkivmelding for the council case of ``model``: ``main`` is the saksframlegg,
    ``attachments`` its vedlegg in the saksframlegg's order (a Document without files is an
    attachment the set does not hold). Raises InputError like :func:`check_archivable`."""
    number = check_archivable(model, ["saksframlegg"])  # raises without a council case
    case = model.council_case
    assert case is not None
    status = _document_status(model, language)
    folder_key = f"{number.year}/{number.sequence}"
    files = len(main.files) + sum(len(a.files) for a in attachments)

    root = ET.Element(_am("arkivmelding"))
    _add(root, _am("system"), SYSTEM)
    _add(root, _am("antallFiler"), files)

    folder = _add(root, _am("mappe"))
    folder.set(f"{{{XSI}}}type", "saksmappe")
    _add(folder, _am("tittel"), main.title)
    if case.public_title:
        _add(folder, _am("offentligTittel"), case.public_title)
    if case.archive_code:
        klass = _add(folder, _am("klassifikasjon"))
        if case.archive_code_system:
            _add(klass, _am("klassifikasjonssystemID"), case.archive_code_system)
        _add(klass, _am("klasseID"), case.archive_code)
    _external_key(folder, _am("referanseEksternNoekkel"), folder_key)
    _add(folder, _am("saksaar"), number.year)
    _add(folder, _am("sakssekvensnummer"), number.sequence)
    _who(
        folder, "administrativEnhet", case.administrative_unit, case.administrative_unit_archive_id
    )
    _who(folder, "saksansvarlig", case.case_officer.name, case.case_officer_archive_id)

    entry = _add(root, _am("registrering"))
    entry.set(f"{{{XSI}}}type", "journalpost")
    parent = _add(entry, _am("referanseForelderMappe"))
    case_number = _add(parent, _md("saksnummer"))
    _add(case_number, _md("saksaar"), number.year)
    _add(case_number, _md("sakssekvensnummer"), number.sequence)
    _external_key(parent, _md("referanseEksternNoekkel"), folder_key)
    _dokumentbeskrivelse(entry, main, 1, True, status, language)
    for index, attachment in enumerate(attachments, start=2):
        _dokumentbeskrivelse(entry, attachment, index, False, status, language)
    _add(entry, _am("tittel"), main.title)
    if case.public_title:
        _add(entry, _am("offentligTittel"), case.public_title)
    _external_key(
        entry,
        _am("referanseEksternNoekkel"),
        f"{folder_key}/saksframlegg/{model.document.date.isoformat()}",
    )
    if number.document is not None:
        _add(entry, _am("journalpostnummer"), number.document)
    _code(entry, "journalposttype", "S", "Saksframlegg")
    if case.date is not None:  # the saksframlegg's own date; without it «ikke fastsatt»
        _add(entry, _am("dokumentetsDato"), case.date.isoformat())
    _add(entry, _am("antallVedlegg"), len(attachments))
    return _serialize(root)


def _serialize(root: ET.Element) -> bytes:
    """UTF-8 with declaration, indented, the opprett namespace as default and the
    metadatakatalog one as «n5mdk» (the prefixes KS uses); the same tree, the same bytes."""
    ET.register_namespace("n5mdk", MDK)
    ET.register_namespace("xsi", XSI)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", default_namespace=NS)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def for_set(
    model: Initiative,
    language: Language,
    artifacts: Sequence[Artifact],
    data: Sequence[bytes],
) -> bytes:
    """The arkivmelding of a rendered set: ``artifacts`` in build order and their bytes,
    exactly as they will be written. The vedlegg are the saksframlegg's own list
    (:func:`omradedok.documents.saksframlegg.vedlegg`) of what was built before it."""
    return arkivmelding_xml(model, language, *documents_of_set(model, artifacts, data))


def documents_of_set(
    model: Initiative,
    artifacts: Sequence[Artifact],
    data: Sequence[bytes],
) -> tuple[Document, list[Document]]:
    """(hoveddokument, vedlegg) of a rendered set; a document's files are its own file and
    the PDF of the same name, when the set has one (its archive format)."""
    from ..documents import saksframlegg

    content = {a.filename: d for a, d in zip(artifacts, data, strict=True)}
    index = next(
        (i for i, a in enumerate(artifacts) if a.kind == saksframlegg.SaksframleggKind.name),
        None,
    )
    if index is None:
        check_archivable(model, [a.kind for a in artifacts])  # raises: no saksframlegg
        raise AssertionError  # pragma: no cover
    planned = list(artifacts[:index])

    def document(title: str, filename: str | None) -> Document:
        if filename is None:
            return Document(title, ())
        held = [File(filename, content[filename])]
        twin = str(PurePath(filename).with_suffix(".pdf"))
        if twin != filename and twin in content:
            held.append(File(twin, content[twin]))
        return Document(title, tuple(held))

    main = document(artifacts[index].title, artifacts[index].filename)
    attachments = [
        document(title, artifact.filename if artifact is not None else None)
        for title, artifact in saksframlegg.vedlegg(model, planned)
    ]
    return main, attachments
