"""handlingsplan.html in a real headless browser: axe-core finds no WCAG 2.1 A/AA violation,
the page loads nothing from elsewhere, it fits a phone's width, prints, and a screenshot of it
is a picture (not a blank page).

Needs Debian's ``chromium`` and ``chromium-driver``, python ``selenium`` (the test extra) and
axe-core's ``axe.min.js`` (the npm package; ``OMRADEDOK_AXE_JS`` or
/usr/local/share/axe-core/axe.min.js). ``.ci/run`` installs them; elsewhere the tests skip
with the reason, and under CI=true a missing piece fails. ``OMRADEDOK_SCREENSHOTS=DIR`` keeps
the screenshots in DIR to look at.
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_FILES, LARGE_EXAMPLE

import omradedok
from omradedok.documents.aktivitetsplan import activity_plan, plan_view
from omradedok.documents.nettside import render_handlingsplan_html
from omradedok.model import Language
from omradedok.render.html_body import render_html_body

AXE_DEFAULT = Path("/usr/local/share/axe-core/axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",  # the tests run as root here and in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no calls home: the machine has no network
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
DESKTOP = (1280, 900)
PHONE = (390, 844)


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} – required under CI=true; .ci/run installs it")
    pytest.skip(reason)


def _axe_script() -> str:
    path = Path(os.environ.get("OMRADEDOK_AXE_JS") or AXE_DEFAULT)
    if not path.is_file():
        _missing(
            f"axe-core is not installed ({path} is missing): "
            "npm pack axe-core and put its axe.min.js there, or set OMRADEDOK_AXE_JS"
        )
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium is not installed (pip install '.[test]')")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_binary = shutil.which("chromedriver")
    if binary is None or driver_binary is None:
        _missing(
            "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)"
        )
    options = Options()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    driver = webdriver.Chrome(service=Service(driver_binary), options=options)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def axe_js() -> str:
    return _axe_script()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The web page of every example in its own language, and the large one in nynorsk."""
    folder = tmp_path_factory.mktemp("nettside")
    out = {}
    for path in EXAMPLE_FILES:
        model = omradedok.load(path)
        cases = [(path.stem, model.municipality.language)]
        if path == LARGE_EXAMPLE:
            cases.append((f"{path.stem}-nn", Language.NN))
        for name, language in cases:
            target = folder / f"{name}.html"
            target.write_bytes(render_handlingsplan_html(model, language))
            out[name] = target
        if path == LARGE_EXAMPLE:  # a light brand colour: white on it is darkened to 4.5:1
            profile = model.municipality.profile.model_copy(
                update={"primary_color": "#FFDD00", "secondary_color": "#FFF3A0"}
            )
            municipality = model.municipality.model_copy(update={"profile": profile})
            yellow = model.model_copy(update={"municipality": municipality})
            target = folder / "gul.html"
            target.write_bytes(render_handlingsplan_html(yellow, model.municipality.language))
            out["gul"] = target
        if path == LARGE_EXAMPLE:  # the renderer is generic: an activity plan's view too
            year = model.activities[0].year
            assert year is not None
            view = plan_view(activity_plan(model, year, model.municipality.language))
            target = folder / "aktivitetsplan.html"
            target.write_bytes(render_html_body(view))
            out["aktivitetsplan"] = target
    return out


NAMES = [p.stem for p in EXAMPLE_FILES] + [f"{LARGE_EXAMPLE.stem}-nn", "aktivitetsplan", "gul"]
LARGE = LARGE_EXAMPLE.stem


def _open(browser: Any, page: Path, size: tuple[int, int] = DESKTOP) -> None:
    browser.set_window_size(*size)
    browser.get(page.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"


@pytest.mark.parametrize("name", NAMES)
def test_axe_finds_no_wcag_21_aa_violation(
    browser: Any, axe_js: str, pages: dict[str, Path], name: str
) -> None:
    _open(browser, pages[name])
    browser.execute_script(axe_js)
    raw = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length,
                                         version: axe.version})))
          .catch(e => done(JSON.stringify({error: String(e)})));
        """,
        WCAG_TAGS,
    )
    result = json.loads(raw)
    assert "error" not in result, result
    found = [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['nodes'][0]['html'][:160]}"
        for v in result["violations"]
    ]
    assert found == [], "\n".join(found)
    assert result["passes"] >= 15, "axe ran its rules"


@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_loaded_from_elsewhere(browser: Any, pages: dict[str, Path], name: str) -> None:
    _open(browser, pages[name])
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert [u for u in loaded if not u.startswith("data:")] == []
    images = browser.execute_script(
        "return Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.alt])"
    )
    assert images and all(done and width > 0 and alt for done, width, alt in images)


def test_the_page_fits_a_phone_and_tables_scroll_in_place(
    browser: Any, pages: dict[str, Path]
) -> None:
    _open(browser, pages[LARGE], PHONE)
    width = browser.execute_script("return document.documentElement.clientWidth")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width, f"the page scrolls sideways on a phone ({scroll} > {width} px)"


def _screenshot(browser: Any, name: str, tmp_path: Path) -> Path:
    keep = os.environ.get("OMRADEDOK_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.png"
    browser.save_screenshot(str(target))
    return target


@pytest.mark.parametrize(("name", "size"), [(LARGE, DESKTOP), (f"{LARGE}-nn", PHONE)])
def test_a_screenshot_renders_the_page(
    browser: Any, pages: dict[str, Path], tmp_path: Path, name: str, size: tuple[int, int]
) -> None:
    from PIL import Image

    _open(browser, pages[name], size)
    shot = _screenshot(browser, f"{name}-{size[0]}", tmp_path)
    assert shot.stat().st_size > 10_000
    with Image.open(shot) as image:
        assert image.width >= size[0] * 0.9
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 50, "a page, not a blank screen"
    header = browser.execute_script(
        "const r = document.querySelector('h1').getBoundingClientRect(); return [r.top, r.height]"
    )
    assert 0 < header[0] < size[1] and header[1] > 20, "the title is in view, at a readable size"


def test_the_print_version_has_the_text_and_not_the_skip_link(
    browser: Any, pages: dict[str, Path]
) -> None:
    from pypdf import PdfReader

    _open(browser, pages[LARGE])
    printed = browser.execute_cdp_cmd(
        "Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True}
    )
    reader = PdfReader(io.BytesIO(base64.b64decode(printed["data"])))
    assert len(reader.pages) > 10
    first = reader.pages[0].extract_text()
    title = browser.execute_script("return document.querySelector('h1').innerText")
    assert title in first
    assert "Hopp til" not in first
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2), "A4"
