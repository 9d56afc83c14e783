"""The generic DOCX renderer: sandbox, text safety, universal design, speed, reproducibility."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx_support import blocks, open_docx, part

from omradedok.errors import TemplateError
from omradedok.model import Language
from omradedok.render import docx as render
from omradedok.render.docx import DocMeta, Fragment, Picture, render_docx
from omradedok.render.docx_styles import TEMPLATE_PRIMARY, TemplateKit, contrast_ratio

META = DocMeta(
    title="Prøvedokument",
    subject="Områdeløft Prøvebyen 2026–2031",
    author="Prøve kommune",
    keywords=("prøve", "områdeløft"),
    category="Prøve",
    status="Utkast",
    version="0.3",
    date=dt.date(2026, 11, 26),
    language=Language.NB,
)


def _png(width: int = 8, height: int = 4) -> bytes:
    raw = b"".join(b"\x00" + b"\x20\x40\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(
        b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _template(folder: Path, name: str, body: list[str], *, table: bool = False) -> Path:
    kit = TemplateKit(title="Prøvemal")
    for line in body:
        if line.startswith("#"):
            kit.heading(line.lstrip("# "), line.count("#"))
        elif line.startswith("{%p"):
            kit.tag(line)
        else:
            kit.paragraph(line)
    if table:
        kit.table(["Navn", "Beløp"], ["{{ r.name }}", "{{ r.amount|money }}"],
                  loop="r in rows", widths_mm=[100, 60], aligns=["left", "right"])
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    kit.save(path)
    return path


BASE = {"header_text": "Prøve kommune – Prøvedokument", "status_banner": "UTKAST – versjon 0.3"}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return tmp_path / "maler"


def test_sandbox_blocks_python_internals(folder: Path) -> None:
    hostile = [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ self._TemplateReference__context }}",
        "{{ x.__class__.__base__ }}",
    ]
    for index, expression in enumerate(hostile):
        _template(folder, f"ond{index}.docx", [expression])
        with pytest.raises(TemplateError) as info:
            render_docx(f"ond{index}.docx", {**BASE, "x": "tekst"}, meta=META,
                        template_dir=folder)
        message = str(info.value)
        assert f"ond{index}.docx" in message
        assert "object" not in message.lower() or "lov" in message or "finnes" in message
        assert "subclass" not in message.split("(")[0]


def test_sandbox_message_names_the_sandbox(folder: Path) -> None:
    _template(folder, "ond.docx", ["{{ ''.__class__.__mro__[1].__subclasses__() }}"])
    with pytest.raises(TemplateError, match=r"sandkasse|ikke lov"):
        render_docx("ond.docx", BASE, meta=META, template_dir=folder)


def test_unknown_variable_and_syntax_error_are_clear(folder: Path) -> None:
    _template(folder, "ukjent.docx", ["Hei {{ kommunenavn }}"])
    with pytest.raises(TemplateError, match=r"ukjent\.docx.*«kommunenavn»"):
        render_docx("ukjent.docx", BASE, meta=META, template_dir=folder)
    _template(folder, "syntaks.docx", ["{%p if x %}", "tekst"])
    with pytest.raises(TemplateError, match=r"syntaks\.docx.*endif"):
        render_docx("syntaks.docx", {**BASE, "x": True}, meta=META, template_dir=folder)
    with pytest.raises(TemplateError, match=r"fant ikke malen «finnes-ikke\.docx»"):
        render_docx("finnes-ikke.docx", BASE, meta=META, template_dir=folder)


def test_text_renders_as_written(folder: Path) -> None:
    _template(folder, "tekst.docx", ["# {{ title }}", "{{ body }}"], table=True)
    hostile = 'Bakeri & Kafé <b>fet</b> "sitat" \'enkel\' 😀 Guovdageaidnu áčđŋšŧž ÁČĐŊŠŦŽ'
    data = render_docx(
        "tekst.docx",
        {**BASE, "title": hostile, "body": "linje 1\nlinje 2\tetter tab",
         "rows": [{"name": "A & B <c>", "amount": 1250000}]},
        meta=META, template_dir=folder,
    )
    document = open_docx(data)
    texts = [b.text for b in blocks(document) if b.kind == "p"]
    assert hostile in texts
    assert "linje 1\nlinje 2\tetter tab" in texts
    table = next(b for b in blocks(document) if b.kind == "table")
    assert table.rows == [["Navn", "Beløp"], ["A & B <c>", "1\u00a0250\u00a0000\u00a0kr"]]
    xml = part(data, "word/document.xml")
    assert "<w:br/>" in xml and "<w:tab/>" in xml
    assert "&lt;b&gt;fet&lt;/b&gt;" in xml


def test_illegal_control_characters_are_removed(folder: Path) -> None:
    _template(folder, "kontroll.docx", ["{{ x }}"])
    data = render_docx("kontroll.docx", {**BASE, "x": "før\x00\x07\x1better"}, meta=META,
                       template_dir=folder)
    assert "føretter" in [b.text for b in blocks(open_docx(data))]


def test_language_core_properties_and_reproducibility(folder: Path) -> None:
    _template(folder, "meta.docx", ["# Overskrift", "Tekst"])
    nb = render_docx("meta.docx", BASE, meta=META, template_dir=folder)
    nn_meta = DocMeta(**{**META.__dict__, "language": Language.NN})
    nn = render_docx("meta.docx", BASE, meta=nn_meta, template_dir=folder)
    assert nb == render_docx("meta.docx", BASE, meta=META, template_dir=folder)
    styles = part(nb, "word/styles.xml")
    assert '<w:lang w:val="nb-NO"' in styles and "nn-NO" not in styles
    assert '<w:lang w:val="nn-NO"' in part(nn, "word/styles.xml")
    props = open_docx(nb).core_properties
    assert props.title == "Prøvedokument"
    assert props.author == "Prøve kommune"
    assert props.subject == "Områdeløft Prøvebyen 2026–2031"
    assert props.keywords == "prøve, områdeløft"
    assert props.language == "nb-NO"
    assert props.created == props.modified == dt.datetime(2026, 11, 26, tzinfo=dt.UTC)
    assert open_docx(nn).core_properties.language == "nn-NO"


def test_header_rows_repeat_and_profile_colours(folder: Path) -> None:
    _template(folder, "tabell.docx", ["Tekst"], table=True)
    data = render_docx("tabell.docx", {**BASE, "rows": [{"name": "x", "amount": 1}] * 3},
                       meta=META, template_dir=folder, colors={TEMPLATE_PRIMARY: "#0B4F6C"})
    document = open_docx(data)
    table = document.tables[0]
    first = table.rows[0]._tr
    assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None
               for r in table.rows[1:])
    xml = part(data, "word/document.xml") + part(data, "word/styles.xml")
    assert "0B4F6C" in xml and TEMPLATE_PRIMARY not in xml


def test_pictures_carry_alt_text(folder: Path) -> None:
    _template(folder, "bilde.docx", ["{{ logo }}", "{%p for c in charts %}", "{{ c }}",
                                     "{%p endfor %}"])
    charts = [Picture(_png(), alt_text=f"Diagram {i} viser «budsjett» & mål", width_mm=120)
              for i in range(3)]
    data = render_docx(
        "bilde.docx",
        {**BASE, "logo": Picture(_png(), alt_text="Kommunevåpen for Prøve", width_mm=20),
         "charts": charts},
        meta=META, template_dir=folder,
    )
    xml = part(data, "word/document.xml")
    document = open_docx(data)
    pictures = document.inline_shapes
    assert len(pictures) == 4
    descr = [s._inline.docPr.get("descr") for s in pictures]
    assert descr[0] == "Kommunevåpen for Prøve"
    assert descr[1] == "Diagram 0 viser «budsjett» & mål"
    ids = [s._inline.docPr.get("id") for s in pictures]
    assert len(set(ids)) == 4
    assert xml.count("<wp:docPr") == 4
    with pytest.raises(TemplateError, match="alternativ tekst"):
        Picture(_png(), alt_text=" ")


def test_fragment_is_one_source_with_shifted_headings(folder: Path) -> None:
    _template(folder, "del.docx", ["# Mål for {{ x }}", "Innhold {{ x }}"])
    _template(folder, "hoved.docx", ["# Kapittel", "{{p inni }}", "# Neste"])
    data = render_docx(
        "hoved.docx",
        {**BASE, "inni": Fragment("del.docx", {"x": "A & B"}, heading_shift=1)},
        meta=META, template_dir=folder,
    )
    found = [(b.style, b.text) for b in blocks(open_docx(data)) if b.kind == "p"]
    assert found == [
        ("Heading1", "Kapittel"), ("Heading2", "Mål for A & B"), ("", "Innhold A & B"),
        ("Heading1", "Neste"),
    ]


def test_toc_is_filled_with_headings_and_page_fields(folder: Path) -> None:
    kit = TemplateKit(title="Innhold")
    kit.toc("Innhold", levels="1-2")
    kit.heading("Første", 1, page_break=True)
    kit.heading("Under", 2)
    kit.heading("Dypt", 3)
    folder.mkdir(parents=True)
    kit.save(folder / "toc.docx")
    data = render_docx("toc.docx", BASE, meta=META, template_dir=folder)
    found = blocks(open_docx(data))
    entries = [(b.style, b.text) for b in found if b.style.startswith("TOC")]
    assert entries == [("TOCHeading", "Innhold"), ("TOC1", "Første\t1"), ("TOC2", "Under\t1")]
    xml = part(data, "word/document.xml")
    assert xml.count("PAGEREF _Toc") == 2 and 'w:name="_Toc00000001"' in xml
    assert "<w:updateFields" in part(data, "word/settings.xml")
    field = render_docx("toc.docx", BASE, meta=META, template_dir=folder, toc_field=True)
    assert "TOC \\o" in part(field, "word/document.xml")


def test_empty_paragraphs_are_removed(folder: Path) -> None:
    _template(folder, "tom.docx", ["# Tittel", "{{ empty }}", "Tekst"])
    data = render_docx("tom.docx", {**BASE, "empty": ""}, meta=META, template_dir=folder)
    assert [b.text for b in blocks(open_docx(data))] == ["Tittel", "Tekst"]


def test_template_folder_overrides_and_falls_back(folder: Path, tmp_path: Path) -> None:
    _template(folder, "kommunikasjonsplan.docx", ["Egen mal {{ municipality }}"])
    view = {**BASE, "municipality": "Prøve kommune"}
    data = render_docx("kommunikasjonsplan.docx", view, meta=META, template_dir=folder)
    assert [b.text for b in blocks(open_docx(data))] == ["Egen mal Prøve kommune"]
    assert render.resolve_template("saksframlegg.docx", folder).parent.name == "templates"


def test_contrast_of_profile_colours() -> None:
    from omradedok.model import Profile
    from omradedok.render.docx_styles import profile_colors

    colours = profile_colors(Profile(primary_color="#FFD700", secondary_color="#D9822B"))
    assert all(contrast_ratio(c, "FFFFFF") >= 4.5 for c in colours.values())
    assert profile_colors(Profile())[TEMPLATE_PRIMARY] == TEMPLATE_PRIMARY
