"""The HTML report in a real browser: headless Debian Chromium driven by Playwright.

Skipped when /usr/bin/chromium or Playwright is missing, unless CI=true (then those tests fail).
Never runs ``playwright install``: it launches the system Chromium with a fresh profile.
Screenshots go to test-artifacts/ (git-ignored).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import pytest
from test_html import HOSTILE, TGT, build_report

from tqcheck.render.html import render

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
# More markup that must stay text: a network image, a frame and an inline handler.
EXTRA = (' <img src="http://127.0.0.1:9/pixel.png"> <iframe src="https://example.invalid/"></iframe>'
         ' <b onmouseover="window.__pwned=3">hover</b>')


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI=true requires the browser tests to run")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright)")
    pw = sync_playwright().start()
    profile = tmp_path_factory.mktemp("chromium-profile")
    ctx = pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True, args=ARGS)
    yield ctx
    ctx.close()
    pw.stop()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(build_report(tgt=TGT.replace(HOSTILE, HOSTILE + EXTRA))), encoding="utf-8")
    return path


class Loaded:
    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []


@pytest.fixture
def loaded(browser: Any, report_file: Path) -> Iterator[Loaded]:
    page = browser.new_page()
    out = Loaded(page)
    page.on("console", lambda m: out.errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: out.errors.append(str(e)))
    page.on("request", lambda r: out.requests.append(r.url))
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(report_file.as_uri())
    yield out
    page.close()


def _in_viewport(page: Any, selector: str) -> bool:
    return page.eval_on_selector(
        selector, "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }")


def test_loads_offline_without_errors(loaded: Loaded) -> None:
    page = loaded.page
    page.keyboard.press("j")
    page.hover("mark.hl >> nth=0")
    page.click("#next")
    page.wait_for_timeout(100)
    assert loaded.errors == []  # CSP refusals and script errors are console errors
    assert loaded.requests and all(u.startswith(("file:", "data:")) for u in loaded.requests), loaded.requests
    assert page.evaluate("document.documentElement.classList.contains('js')")  # our script ran under the CSP


def test_hostile_markup_in_the_translation_is_inert(loaded: Loaded) -> None:
    page = loaded.page
    page.hover("text=hover")  # the would-be onmouseover target
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".alignment img, .alignment iframe, .alignment b, .alignment script").count() == 0
    row = page.inner_text(".row.st-addition .cell.target")
    assert "<script>window.__pwned=1</script>" in row and '<img src="http://127.0.0.1:9/pixel.png">' in row


def test_severity_filter_hides_findings_and_rows(loaded: Loaded) -> None:
    page = loaded.page
    majors = page.locator('.fi[data-sev="major"]')
    assert majors.count() == 3 and majors.first.is_visible()
    page.click('label.chip:has(input[value="major"])')
    assert all(not majors.nth(i).is_visible() for i in range(majors.count()))
    assert page.locator('.fi[data-sev="minor"]').first.is_visible()
    assert page.locator('mark.hl.off').count() >= 3  # major highlights switched off
    assert page.inner_text("#pos") == "5 of 8 shown"
    # with "only rows with findings", rows left with no visible finding hide
    page.check("#flagged-only")
    assert page.locator("#b1").is_hidden()  # its only finding is major
    assert page.locator("#b4").is_hidden()  # the added sentence: one major finding
    assert page.locator("#b3").is_visible() and page.locator("#b2").is_visible()
    page.click('label.chip:has(input[value="major"])')
    assert page.locator("#b1").is_visible() and majors.first.is_visible()


def test_family_filter(loaded: Loaded) -> None:
    page = loaded.page
    page.click('label.chip:has(input[value="numbers"])')
    assert page.locator('.fi[data-fam="numbers"]:visible').count() == 0
    assert page.locator('.fi[data-fam="fluency"]:visible').count() == 2


def test_finding_link_jumps_to_its_row(loaded: Loaded) -> None:
    page = loaded.page
    link = page.locator('.fi[data-sev="critical"] a.fl')
    link.click()
    page.wait_for_timeout(100)
    assert _in_viewport(page, "#b3")
    assert page.evaluate("document.activeElement.closest('.row') && document.activeElement.closest('.row').id") == "b3"
    assert page.evaluate("location.hash") == "#b3"
    assert page.get_attribute('.fi[data-sev="critical"]', "aria-current") == "true"


def test_keyboard_next_and_previous(loaded: Loaded) -> None:
    page = loaded.page
    order = page.eval_on_selector_all(".fi", "els => els.map(e => e.dataset.f)")
    active = "document.activeElement.dataset.first || ''"
    page.keyboard.press("j")
    assert order[0] in page.evaluate(active).split()
    page.keyboard.press("j")
    assert order[1] in page.evaluate(active).split()
    page.keyboard.press("k")
    assert order[0] in page.evaluate(active).split()
    assert page.inner_text("#pos") == "Finding 1 of 8"


def test_similarity_strip_cell_jumps_to_row(loaded: Loaded) -> None:
    page = loaded.page
    page.click('.strip a[data-goto="b4"]')
    page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement.id") == "b4"
    assert _in_viewport(page, "#b4")


def test_hover_and_focus_show_the_explanation(loaded: Loaded) -> None:
    page = loaded.page
    mark = page.locator("mark.hl.sev-critical").first
    mark.hover()
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert "missing from the translation" in tip.inner_text()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    mark.focus()
    assert tip.is_visible() and "critical" in tip.inner_text().lower()


def test_print_hides_controls_and_expands_details(loaded: Loaded) -> None:
    page = loaded.page
    detail = page.locator("#b1 .fdi").first
    assert detail.is_hidden()  # inside a closed <details> on screen
    page.emulate_media(media="print")
    assert page.locator(".filters").is_hidden() and page.locator(".stepper").is_hidden()
    assert detail.is_visible()
    page.emulate_media(media="screen")


def test_laptop_and_phone_layouts(loaded: Loaded) -> None:
    page = loaded.page
    ARTIFACTS.mkdir(exist_ok=True)
    src, tgt = "#b1 .cell.source", "#b1 .cell.target"
    a, b = page.locator(src).bounding_box(), page.locator(tgt).bounding_box()
    assert abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"] + a["width"]  # side by side
    page.screenshot(path=str(ARTIFACTS / "html-laptop.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    a, b = page.locator(src).bounding_box(), page.locator(tgt).bounding_box()
    assert b["y"] >= a["y"] + a["height"] - 1  # stacked
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    page.screenshot(path=str(ARTIFACTS / "html-phone.png"))
    assert (ARTIFACTS / "html-phone.png").stat().st_size > 0
