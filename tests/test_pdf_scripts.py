"""Residents' scripts in the PDF: Arabic, Hebrew, Tigrinya, Somali, Northern Sami, combining
marks and emoji come out (text extraction finds them), with every font embedded."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

import omradedok
from omradedok.model import Initiative
from omradedok.render.pdf_fonts import chain_of, default_fonts
from omradedok.render.pdf_script import display, prepare, starts_rtl

ARABIC = "مرحبا بكم في الحي"
HEBREW = "שלום לכולם"
TIGRINYA = "ሰላም ንኹሉ"
SOMALI = "Soo dhawoow xaafadda"
SAMI = "Buorre beaivi Guovdageaidnu áčđŋšŧž"
COMBINING = "Ame\u0301lie Zoe\u0308 q\u0303"
EMOJI = ["🎉", "😀", "❤", "👍"]
RTL_WORDS = ARABIC.split() + HEBREW.split()
LTR_PHRASES = [TIGRINYA, SOMALI, SAMI, unicodedata.normalize("NFC", COMBINING)]


def _norm(text: str) -> str:
    """What a reader compares: compatibility forms folded (Arabic presentation forms →
    letters), whitespace as single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def pdfs(large_model: Initiative, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    activities = list(large_model.activities)
    activities[0] = activities[0].model_copy(
        update={
            "title": f"Nabolagsfest {ARABIC} {' '.join(EMOJI)}",
            "description": f"{HEBREW} – {TIGRINYA} – {SOMALI} – {SAMI} – {COMBINING}",
        }
    )
    activities[1] = activities[1].model_copy(update={"title": f"Språkkafé {HEBREW} 🎉"})
    comm = large_model.communication
    assert comm is not None
    comm = comm.model_copy(
        update={
            "core_messages": [ARABIC, HEBREW, TIGRINYA, SOMALI, f"Velkommen {' '.join(EMOJI)}"],
            "languages": ["arabisk (العربية)", "somali", "tigrinja (ትግርኛ)", "hebraisk (עברית)"],
        }
    )
    model = large_model.model_copy(update={"activities": activities, "communication": comm})
    folder = tmp_path_factory.mktemp("scripts")
    result = omradedok.build(model, folder, only=["handlingsplan-pdf", "aktivitetsplan-pdf"])
    return {p.name: p.read_bytes() for p in result.paths}


def _text(data: bytes) -> str:
    return _norm(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def _present(word: str, text: str) -> bool:
    """A right-to-left word is found in reading order or in drawing order (readers differ in
    whether they reorder extracted right-to-left text)."""
    w = _norm(word)
    return w in text or w[::-1] in text


def test_handlingsplan_has_every_script(pdfs: dict[str, bytes]) -> None:
    text = _text(pdfs["handlingsplan.pdf"])
    missing = [w for w in RTL_WORDS if not _present(w, text)]
    missing += [p for p in [TIGRINYA, SOMALI] if _norm(p) not in text]
    missing += [e for e in EMOJI if e not in text]
    assert not missing, missing
    assert "العربية" in text or "العربية"[::-1] in text
    assert "ትግርኛ" in text


def test_aktivitetsplan_has_names_descriptions_marks_and_emoji(
    pdfs: dict[str, bytes], large_model: Initiative
) -> None:
    year = large_model.activities[0].year
    text = _text(pdfs[f"aktivitetsplan-{year}.pdf"])
    missing = [w for w in RTL_WORDS if not _present(w, text)]
    # the aktivitetsplan's narrow cells may hyphenate a phrase («xaafad-|da»): compare
    # without spaces and hyphens
    flat = re.sub(r"[\s\u00ad-]", "", text)
    missing += [p for p in LTR_PHRASES if re.sub(r"[\s-]", "", _norm(p)) not in flat]
    missing += [e for e in EMOJI if e not in text]
    assert not missing, missing
    assert "Nabolagsfest" in text and "Språkkafé" in text


def test_every_font_is_an_embedded_truetype(
    pdfs: dict[str, bytes], large_model: Initiative
) -> None:
    with_scripts = {"handlingsplan.pdf", f"aktivitetsplan-{large_model.activities[0].year}.pdf"}
    for name, data in pdfs.items():
        reader = PdfReader(io.BytesIO(data))
        fonts: dict[str, DictionaryObject] = {}
        for number in range(1, len(reader.xref_objStm) + 10_000):
            try:
                obj = reader.get_object(number)
            except Exception:
                break
            if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Font":
                fonts[str(obj["/BaseFont"])] = obj
        assert fonts, name
        for base, font in fonts.items():
            assert font["/Subtype"] == "/TrueType", (name, base)
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), (name, base)
        families = {b.split("+")[-1] for b in fonts}
        assert not any(f.startswith(("Helvetica", "Times", "Courier")) for f in families)
        if name not in with_scripts:
            continue
        for family in ("NotoSansArabic", "NotoSansHebrew", "NotoSansEthiopic", "NotoEmoji"):
            assert any(f.startswith(family) for f in families), (name, families)


def test_fallback_chain_finds_a_font_for_every_script_letter() -> None:
    fonts = default_fonts()
    for font in (fonts.regular, fonts.bold, fonts.italic):
        chain = chain_of(font)
        sample = prepare(ARABIC + HEBREW + TIGRINYA + SAMI + COMBINING + "".join(EMOJI))
        assert chain.missing(sample) == set(), font
        assert {f for f, _ in chain.runs(prepare(ARABIC))} == {
            "Omradedok-NotoSansArabic-" + ("Bold" if font == fonts.bold else "Regular")
        }


def test_arabic_is_joined_and_right_to_left_lines_reordered() -> None:
    joined = prepare("لا مرحبا")
    assert all(0xFB50 <= ord(c) <= 0xFEFF for c in joined.replace(" ", ""))
    assert unicodedata.normalize("NFKC", joined) == "لا مرحبا"
    assert starts_rtl(prepare(ARABIC)) and not starts_rtl(f"Kafé {ARABIC}")
    assert display(HEBREW, True) == HEBREW[::-1]
    assert display("Hei שלום!", False) == "Hei םולש!"


def test_a_wholly_arabic_paragraph_is_right_aligned(tmp_path: Path) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas

    from omradedok.render.pdf_text import TextBlock

    style = ParagraphStyle("t", fontName=default_fonts().regular, fontSize=10, leading=12)
    block = TextBlock(ARABIC, style)
    block.wrap(400, 100)
    path = tmp_path / "rtl.pdf"
    canvas = Canvas(str(path))
    block.drawOn(canvas, 0, 700)
    canvas.save()
    xs: list[float] = []

    def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
        if text.strip():
            xs.append(tm[4])

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    assert xs and min(xs) > 200, xs


def _font_without_sami(folder: Path) -> Path:
    """A municipality's font as many are: Latin with æøå, no Sami letters (DejaVu, cut)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from omradedok.resources import fonts_dir

    font = TTFont(fonts_dir() / "DejaVuSans.ttf")
    options = subset.Options()
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[*range(0x20, 0x7F), *map(ord, "æøåÆØÅéÉ«»–·")])
    subsetter.subset(font)
    # its own name: reportlab treats fonts with one PostScript name as one font
    font["name"].setName("KommuneSans", 1, 3, 1, 0x409)
    font["name"].setName("KommuneSans", 4, 3, 1, 0x409)
    font["name"].setName("KommuneSans", 6, 3, 1, 0x409)
    font["name"].setName("KommuneSans", 6, 1, 0, 0)
    path = folder / "kommune.ttf"
    font.save(path)
    return path


def test_validate_names_the_field_and_characters_no_font_has(sami_model: Initiative) -> None:
    activities = list(sami_model.activities)
    activities[0] = activities[0].model_copy(update={"title": "Kafé 漢字"})
    model = sami_model.model_copy(update={"activities": activities})
    warnings = [str(p) for p in omradedok.validate(model).warnings if "PDF-skriftene" in p.message]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("activities[0].title: ")
    assert "«漢» (U+6F22)" in warnings[0] and "«字» (U+5B57)" in warnings[0]
    # the shipped fonts show every script of the examples: no such warning there
    assert not [p for p in omradedok.validate(sami_model).warnings if "skrift" in p.message]


def test_validate_warns_when_the_municipality_font_lacks_sami_letters(
    sami_model: Initiative, tmp_path: Path
) -> None:
    font = _font_without_sami(tmp_path)
    profile = sami_model.municipality.profile.model_copy(update={"font": font, "font_bold": font})
    municipality = sami_model.municipality.model_copy(update={"profile": profile})
    model = sami_model.model_copy(update={"municipality": municipality})
    warnings = [p for p in omradedok.validate(model).warnings if "kommune.ttf" in p.message]
    assert len(warnings) == 1, warnings
    text = str(warnings[0])
    assert text.startswith("municipality.profile.font: ")
    for letter in "čđŋ":
        assert f"«{letter}»" in text
    assert "står i " in text
    # and the build still shows them, in the fallback font
    from omradedok.documents import pdf_documents

    data = pdf_documents.render_handlingsplan(model, model.municipality.language)
    text_out = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert "č" in text_out and "ŋ" in text_out
