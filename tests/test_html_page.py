"""handlingsplan.html: the plan's view as an accessible web page (render/html_body.py).

Every example (bokmål, nynorsk, the Northern Sami passages) is parsed with the stdlib
html.parser and checked for what a screen reader and an offline reader need: the page's
language and every passage's, one h1, headings without skipped levels, alt texts, real
tables (caption, th with scope), no resource loaded from elsewhere, the status line as
text – and the same text as the plan's DOCX (every heading, every table cell).
"""

from __future__ import annotations

import io
import itertools
import re
import tomllib
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE_FILES, LARGE_EXAMPLE, ROOT
from html_page import Node, parse

import omradedok
from omradedok.documents.handlingsplan_doc import plan_document, render_docx
from omradedok.documents.nettside import FILENAME, render_handlingsplan_html
from omradedok.model import DocumentStatus, Initiative, Language
from omradedok.model.passages import passages
from omradedok.render.html_body import render_html_body
from omradedok.view.blocks import (
    Cell,
    Column,
    Document,
    Figure,
    ItemList,
    Meta,
    Paragraph,
    Row,
    Section,
    Span,
    Table,
    iter_blocks,
)

# every example in its own language, and the large bokmål one in nynorsk too
CASES = [(path, None) for path in EXAMPLE_FILES] + [(LARGE_EXAMPLE, Language.NN)]
IDS = [p.stem for p in EXAMPLE_FILES] + [f"{LARGE_EXAMPLE.stem}-nn"]
SCOPES = {"col", "row", "colgroup", "rowgroup"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _language(model: Initiative, language: Language | None) -> Language:
    return language or model.municipality.language


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def page(request: pytest.FixtureRequest) -> tuple[Initiative, Language, str, Node]:
    path, language = request.param
    model = omradedok.load(path)
    lang = _language(model, language)
    html = render_handlingsplan_html(model, lang).decode("utf-8")
    root, errors = parse(html)
    assert errors == [], errors
    return model, lang, html, root


def _headings(root: Node) -> list[tuple[int, str]]:
    out = []
    for node in root.iter():
        if node.tag in HEADINGS:
            out.append((int(node.tag[1]), node.text))
        elif node.attrs.get("role") == "heading":
            out.append((int(node.attrs["aria-level"]), node.text))
    return out


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


# ------------------------------------------------------------------------------ structure


def test_page_has_the_document_language(page: tuple[Initiative, Language, str, Node]) -> None:
    _, lang, html, root = page
    assert html.startswith("<!DOCTYPE html>")
    (tag,) = root.iter("html")
    assert tag.attrs["lang"].split("-")[0] == lang.value


def test_one_h1_and_no_skipped_heading_level(
    page: tuple[Initiative, Language, str, Node],
) -> None:
    model, _, _, root = page
    levels = _headings(root)
    assert [level for level, _ in levels].count(1) == 1
    assert levels[0] == (1, _norm(omradedok.model.passages.plain(model.title)))
    previous = 1
    for level, text in levels:
        assert level <= previous + 1, f"«{text}» (h{level}) follows h{previous}"
        previous = level


def test_landmarks_skip_link_and_contents(page: tuple[Initiative, Language, str, Node]) -> None:
    _, lang, _, root = page
    for landmark in ("header", "nav", "main", "footer"):
        assert len(list(root.iter(landmark))) == 1, landmark
    (main,) = root.iter("main")
    first_link = next(root.iter("body")).iter("a").__next__()
    assert first_link.attrs["href"] == f"#{main.attrs['id']}"
    assert first_link.text == (
        "Hopp til innhaldet" if lang is Language.NN else "Hopp til innholdet"
    )
    (nav,) = root.iter("nav")
    ids = {n.attrs["id"] for n in root.iter() if "id" in n.attrs}
    targets = [a.attrs["href"] for a in nav.iter("a")]
    assert len(targets) >= 10
    assert all(t.startswith("#") and t[1:] in ids for t in targets)
    all_ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
    assert len(all_ids) == len(set(all_ids)), "ids are unique"


def test_every_image_has_alt_text(page: tuple[Initiative, Language, str, Node]) -> None:
    _, _, _, root = page
    images = list(root.iter("img"))
    assert images, "the plan's charts are on the page"
    for img in images:
        assert img.attrs.get("alt", "").strip(), img.attrs.get("src", "")[:40]
    for figure in root.iter("figure"):
        assert list(figure.iter("figcaption")), "a figure has its caption"
        data = list(figure.iter("table")) or list(figure.iter("ul"))
        assert data, "a figure carries its data as a table (or a list for a tree)"


def test_every_table_has_caption_and_scoped_headers(
    page: tuple[Initiative, Language, str, Node],
) -> None:
    _, _, _, root = page
    tables = list(root.iter("table"))
    assert len(tables) >= 5
    for table in tables:
        captions = [c for c in table.children if isinstance(c, Node) and c.tag == "caption"]
        headers = list(table.iter("th"))
        name = captions[0].text if captions else "?"
        assert len(captions) == 1 and captions[0].text, "a table has one caption"
        assert headers, f"«{name}» has header cells"
        assert list(table.iter("thead")), f"«{name}» has a thead"
        for th in headers:
            assert th.attrs.get("scope") in SCOPES, f"«{name}»: th «{th.text}» without scope"


def test_no_resource_is_loaded_from_elsewhere(page: tuple[Initiative, Language, str, Node]) -> None:
    _, _, html, root = page
    assert not list(root.iter("script")), "readable without JavaScript: there is none"
    assert not list(root.iter("iframe", "object", "embed", "video", "audio"))
    for node in root.iter():
        for attr in ("src", "srcset", "data", "poster"):
            if attr in node.attrs:
                assert node.attrs[attr].startswith("data:"), f"<{node.tag} {attr}>"
        if node.tag == "link":
            raise AssertionError(f"<link {node.attrs}> would load a resource")
    style = "".join(n.text for n in root.iter("style"))
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.split("<main")[0])


# ----------------------------------------------------------------------------- languages


def _view_languages(document: Document) -> set[str]:
    tags: set[str] = set()

    def add(text: str) -> None:
        tags.update(p.lang for p in passages(text) if p.lang)

    for block in iter_blocks(document.body):
        if isinstance(block, Section):
            add(block.title)
        elif isinstance(block, Paragraph):
            for span in block.content:
                add(span.text)
                if span.lang:
                    tags.add(span.lang)
        elif isinstance(block, Table):
            for row in block.rows:
                for c in row.cells:
                    add(c.text)
                    if c.lang:
                        tags.add(c.lang)
    return tags


def test_passages_in_other_languages_carry_lang(
    page: tuple[Initiative, Language, str, Node],
) -> None:
    model, lang, _, root = page
    document = plan_document(model, lang)
    expected = _view_languages(document)
    inner = {n.attrs["lang"] for n in root.iter() if "lang" in n.attrs and n.tag != "html"}
    assert expected <= inner, expected - inner


def test_the_sami_example_marks_northern_sami() -> None:
    sami = next(p for p in EXAMPLE_FILES if "samisk" in p.stem)
    model = omradedok.load(sami)
    root, _ = parse(render_handlingsplan_html(model, model.municipality.language).decode())
    spans = [n for n in root.iter() if n.attrs.get("lang", "").split("-")[0] == "se"]
    assert spans, "Northern Sami passages are marked lang=se"
    assert all(s.text for s in spans)


def test_arabic_passage_is_right_to_left() -> None:
    document = Document(
        meta=Meta(title="Test", language="nb-NO"),
        body=(Section("Språk", (Paragraph((Span("Velkommen – "), Span("أهلا", lang="ar"))),)),),
    )
    root, _ = parse(render_html_body(document).decode())
    (span,) = [n for n in root.iter("span") if n.attrs.get("lang") == "ar"]
    assert span.attrs["dir"] == "rtl" and span.text == "أهلا"


# ------------------------------------------------------------------- the same text as DOCX


def test_every_heading_and_table_cell_of_the_docx_is_on_the_page(
    page: tuple[Initiative, Language, str, Node],
) -> None:
    model, lang, _, root = page
    word = docx.Document(io.BytesIO(render_docx(model, lang)))
    docx_headings = [
        _norm(p.text)
        for p in word.paragraphs
        if p.style is not None and p.style.name.startswith("Heading") and p.text.strip()
    ]
    page_headings = [_norm(t) for level, t in _headings(root) if level > 1]
    contents_title = next(root.iter("nav")).iter("h2").__next__().text
    page_headings.remove(contents_title)
    assert page_headings == docx_headings
    text = _norm(next(root.iter("body")).text)
    missing = []
    for table in word.tables:
        for row in table.rows:
            for c in row.cells:
                value = _norm(c.text)
                if value and value not in text:
                    missing.append(value)
    assert missing == []


def test_table_cells_match_the_view(page: tuple[Initiative, Language, str, Node]) -> None:
    model, lang, _, root = page
    document = plan_document(model, lang)
    view_tables = [b for b in iter_blocks(document.body) if isinstance(b, Table)]
    figure_count = sum(1 for b in iter_blocks(document.body) if isinstance(b, Figure))
    (main,) = root.iter("main")
    page_tables = [t for t in main.iter("table") if "data" not in t.attrs.get("class", "")]
    assert len(page_tables) == len(view_tables)
    assert len(list(main.iter("figure"))) == figure_count
    for view_table, page_table in zip(view_tables, page_tables, strict=True):
        head = [c.text for c in next(page_table.iter("thead")).iter("th", "td")]
        assert [_norm(c.title) for c in view_table.columns] == [_norm(h) for h in head][
            -len(view_table.columns) :
        ]
        cells = [_norm(c.text) for c in page_table.iter("td", "th")]
        for row in view_table.rows:
            for c in row.cells:
                if c.text.strip():
                    plain = _norm("".join(p.text for p in passages(c.text)))
                    assert any(plain in x for x in cells), plain


# ------------------------------------------------------------------- status, escaping, build


def test_status_line_is_visible_text_and_a_draft_says_so(large_model: Initiative) -> None:
    root, _ = parse(render_handlingsplan_html(large_model, Language.NB).decode())
    (header,) = root.iter("header")
    assert "TIL POLITISK BEHANDLING" in header.text
    document = large_model.document.model_copy(update={"status": DocumentStatus.DRAFT})
    draft = large_model.model_copy(update={"document": document})
    root, _ = parse(render_handlingsplan_html(draft, Language.NN).decode())
    (header,) = root.iter("header")
    assert "UTKAST" in header.text
    assert "UTKAST" in next(root.iter("footer")).text


def test_an_adopted_plan_has_no_status_line(nynorsk_model: Initiative) -> None:
    assert nynorsk_model.document.status is DocumentStatus.ADOPTED
    root, _ = parse(render_handlingsplan_html(nynorsk_model, Language.NN).decode())
    assert not [p for p in root.iter("p") if "status" in p.attrs.get("class", "")]


def test_text_of_the_model_is_escaped(large_model: Initiative) -> None:
    hostile = '<script>alert("x")</script> & <img src=https://example.org/x.png>'
    model = large_model.model_copy(update={"summary": hostile, "title": "Løft <b>&</b>"})
    html = render_handlingsplan_html(model, Language.NB).decode()
    root, errors = parse(html)
    assert errors == []
    assert not list(root.iter("script")) and not list(root.iter("b"))
    assert "&lt;script&gt;" in html
    assert hostile in next(root.iter("main")).text
    assert next(root.iter("h1")).text == "Løft <b>&</b>"


def test_a_generic_view_renders_lists_tables_and_deep_headings() -> None:
    deep: Section = Section("Nivå 6", (Paragraph((Span("Djupt"),)),), level=6)
    for level in range(5, 0, -1):
        deep = Section(f"Nivå {level}", (deep,), level=level)
    table = Table(
        (Column("Navn"), Column("Beløp")),
        (
            Row((Cell("Gruppe"),), "subheading"),
            Row((Cell("A"), Cell("10 kr"))),
            Row((Cell("Sum"), Cell("10 kr")), "sum"),
        ),
        caption="Et regnestykke",
    )
    items = ItemList(
        (omradedok.view.blocks.ListItem((Span("punkt"),)),),
        numbered=True,
    )
    document = Document(
        meta=Meta(title="Prøve", language="nn-NO"),
        body=(Section("Start", (items, table)), deep),
        contents_title="Innhald",
    )
    root, errors = parse(render_html_body(document).decode())
    assert errors == []
    assert next(root.iter("html")).attrs["lang"] == "nn-NO"
    levels = [level for level, _ in _headings(root)]
    assert levels == [1, 2, 2, 2, 3, 4, 5, 6, 7]  # h1 title, contents, then Nivå 1 … 6
    assert [n.text for n in root.iter("caption")] == ["Tabell 1: Et regnestykke"]
    assert [th.attrs["scope"] for th in root.iter("th")] == ["col", "col", "rowgroup", "row", "row"]
    assert [li.text for li in next(root.iter("main")).iter("li")] == ["punkt"]


def test_build_writes_the_page_and_it_is_no_vedlegg(
    large_model: Initiative, tmp_path: Path
) -> None:
    result = omradedok.build(large_model, tmp_path, only=["nettside"])
    assert [p.name for p in result.paths] == [FILENAME]
    data = (tmp_path / FILENAME).read_bytes()
    assert data.startswith(b"<!DOCTYPE html>")
    assert omradedok.render(large_model, "nettside") == data
    artifacts = omradedok.plan(large_model)
    page = next(a for a in artifacts if a.filename == FILENAME)
    assert page.attachment is False
    assert page.kind == "nettside"


def test_the_template_ships_as_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["omradedok.render"]
    folder = ROOT / "omradedok" / "render"
    for name in ("html/side.html", "html/side.css"):
        assert (folder / name).is_file()
        assert any(Path(name).match(p) for p in patterns), name


def test_the_same_view_gives_the_same_bytes(nynorsk_model: Initiative) -> None:
    first = render_handlingsplan_html(nynorsk_model, Language.NN)
    assert render_handlingsplan_html(nynorsk_model, Language.NN) == first


def test_a_timeline_row_joins_its_periods() -> None:
    import datetime as dt

    from omradedok.view.graphics import LegendEntry, Timeline, TimelineItem

    d = dt.date
    item = TimelineItem(
        "P1",
        periods=(
            (d(2026, 1, 1), d(2026, 12, 31)),
            (d(2026, 4, 1), d(2026, 6, 30)),
            (d(2027, 1, 1), d(2027, 12, 31)),
            (d(2029, 7, 1), d(2029, 9, 30)),
        ),
    )
    days = TimelineItem(
        "A1", periods=((d(2026, 3, 3), d(2026, 3, 6)), (d(2026, 3, 5), d(2026, 3, 9)))
    )
    for scale, row, expected in (
        ("quarters", item, "K1 2026–K4 2027; K3 2029"),
        ("days", days, "3.–9. mars 2026"),
    ):
        chart = Timeline((2026, 2027), (row,), (LegendEntry("Aktivt", "dark"),), scale=scale)  # type: ignore[arg-type]
        figure = Figure(chart, alt_text="Tidslinje", caption="Fremdrift")
        document = Document(meta=Meta(title="T"), body=(Section("S", (figure,)),))
        root, _ = parse(render_html_body(document).decode())
        (td,) = [t for t in root.iter("td") if t.text]
        assert td.text == expected


def test_the_logo_is_embedded_with_its_alt_text(tmp_path: Path) -> None:
    import base64

    from omradedok.view.blocks import Brand, Cover

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    logo = tmp_path / "vapen.png"
    logo.write_bytes(png)
    document = Document(
        meta=Meta(title="T"),
        body=(Section("S"),),
        brand=Brand(logo=logo, logo_alt_text="Kommunevåpen for Fjordvik"),
        cover=Cover("Fjordvik kommune", "Handlingsplan", "T"),
    )
    root, _ = parse(render_html_body(document).decode())
    (img,) = root.iter("img")
    assert img.attrs["alt"] == "Kommunevåpen for Fjordvik"
    assert img.attrs["src"] == "data:image/png;base64," + base64.b64encode(png).decode()


def test_the_renderer_is_generic_an_activity_plan_view_renders_too(
    large_model: Initiative,
) -> None:
    from omradedok.documents.aktivitetsplan import activity_plan, plan_view

    year = large_model.activities[0].year
    assert year is not None
    view = plan_view(activity_plan(large_model, year, Language.NB))
    root, errors = parse(render_html_body(view).decode())
    assert errors == []
    levels = [level for level, _ in _headings(root)]
    assert levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert all(th.attrs.get("scope") in SCOPES for th in root.iter("th"))
    assert all(img.attrs.get("alt") for img in root.iter("img"))
    text = _norm(next(root.iter("main")).text)
    for block in iter_blocks(view.body):
        if isinstance(block, Paragraph):
            assert _norm("".join(p.text for s in block.content for p in passages(s.text))) in text


def test_every_paragraph_and_list_item_of_the_view_is_on_the_page(
    page: tuple[Initiative, Language, str, Node],
) -> None:
    model, lang, _, root = page
    text = _norm(next(root.iter("main")).text)

    def shown(content: tuple[Span, ...]) -> str:
        return _norm("".join(p.text for s in content for p in passages(s.text)))

    for block in iter_blocks(plan_document(model, lang).body):
        if isinstance(block, Paragraph):
            assert shown(block.content) in text
        elif isinstance(block, ItemList):
            for item in block.items:
                assert shown(item.content) in text
