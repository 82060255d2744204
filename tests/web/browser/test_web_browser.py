"""The page in a real browser: Playwright driving Debian's Chromium (`make test` installs it).

Screenshots go to test-artifacts/ (git-ignored). Without /usr/bin/chromium these tests skip,
except under CI, where a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from webstore import ROOT, store_path

from frontlines.web.server import serve_in_subprocess

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} missing: `make test` installs Debian's chromium")
    pytest.skip(f"{CHROMIUM} not installed (make test installs it)", allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

MARKERS_ON_MAP = """() =>
  document.querySelectorAll('.fl-marker').length +
  [...document.querySelectorAll('.fl-cluster')].reduce((n, c) => n + Number(c.textContent), 0)
"""


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_in_subprocess(store_path()) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, site: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith((site, "data:")) else outside.append(request.url)
        ),
    )
    page.goto(site + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=45_000)
    yield page
    context.close()
    assert not errors, errors
    assert not outside, f"requests outside the server: {outside}"


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def test_page_loads_with_borders_markers_and_table(page: Page):
    assert page.evaluate(MARKERS_ON_MAP) > 5
    assert page.locator(".leaflet-overlay-pane path").count() > 0  # country borders
    assert page.locator("#events tbody tr").count() > 5
    shot(page, "web-page.png")


def test_founding_article_events_at_tarhuna_tripoli_and_bani_walid(page: Page, site: str):
    page.fill("#filters input[name=country]", "LBY")
    page.click("#filters button[type=submit]")
    page.wait_for_selector(".leaflet-marker-icon[title*='Tarhuna']")
    page.goto(f"{site}/#/place/Tarhuna")  # the place page centres the map there, zoomed in
    page.wait_for_selector("#panel h3:has-text('Events here')")
    page.wait_for_function(  # the three places apart, once the zoom has settled
        """() => {
          const titles = [...document.querySelectorAll(".leaflet-marker-icon")].map((n) => n.title);
          const at = ["Tarhuna", "Tripoli", "Bani Walid"].map((p) =>
            titles.findIndex((t) => t.includes(p)));
          return at.every((i) => i >= 0) && new Set(at).size === 3;
        }""",
        timeout=15_000,
    )
    shot(page, "web-libya.png")


def test_clicking_a_marker_shows_its_source_sentence(page: Page):
    if page.locator(".fl-marker").count():
        page.locator(".fl-marker").first.click()
    else:
        page.locator(".fl-cluster").first.click()
        page.locator(".cluster-item").first.click()
    page.wait_for_selector("mark.evidence", timeout=10_000)
    sentence = page.locator("#evidence blockquote").first.inner_text().strip()
    assert len(sentence) > 20
    marked = "".join(page.locator("mark.evidence").all_inner_texts())
    assert sentence[:40] in marked
    assert page.locator("mark.evidence").first.is_visible()
    assert page.locator(".fl-ring").count() == 1  # the selected event is ringed on the map
    shot(page, "web-event.png")
    shown = page.evaluate("() => decodeURIComponent(location.hash.split('/')[2])")
    page.locator(f"#events tbody tr:not([data-event-id='{shown}'])").last.click()
    page.wait_for_function(
        "(id) => location.hash !== '#/event/' + id && document.querySelector('mark.evidence')",
        arg=shown,
    )


def test_narrowing_the_timeline_reduces_the_markers(page: Page):
    before = page.evaluate(MARKERS_ON_MAP)
    rows_before = page.locator("#events tbody tr").count()
    last = page.locator("#range-from").get_attribute("max")
    page.locator("#range-from").fill(last)
    after = page.evaluate(MARKERS_ON_MAP)
    assert 0 < after < before
    assert page.locator("#events tbody tr").count() < rows_before
    assert not page.locator("#range-label").inner_text().startswith("all dates")
    shot(page, "web-timeline.png")
    page.locator("#range-reset").click()
    assert page.evaluate(MARKERS_ON_MAP) == before
    box = page.locator("#timeline-chart").bounding_box()  # drag across the last bars
    page.mouse.move(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 1, box["y"] + box["height"] / 2, steps=3)
    page.mouse.up()
    assert 0 < page.evaluate(MARKERS_ON_MAP) < before


def test_a_script_in_a_report_is_shown_not_run(page: Page, site: str):
    found = httpx.get(f"{site}/api/events", params={"q": "Zawiya checkpoint"}).json()
    assert found["events"], "the script report was not stored"
    page.goto(f"{site}/#/event/{found['events'][0]['id']}")
    page.wait_for_selector(".doc-text", timeout=10_000)
    shown = page.locator(".doc-text").inner_text()
    assert "<script>window.__pwned = 1</script>" in shown
    assert '<img src=x onerror="window.__pwned = 2">' in shown
    assert page.locator(".doc-head h3").inner_text() == "Checkpoint <b>attack</b>"
    assert page.locator("#panel script, #panel img").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    shot(page, "web-script-report.png")


def test_actor_page_and_control_view(page: Page, site: str):
    page.goto(f"{site}/#/actor/lby-gna")
    page.wait_for_selector("#panel h2:has-text('Government of National Accord')")
    assert page.locator("ul.aliases li").count() > 1
    assert page.locator("#panel tr.event-row").count() > 0
    page.locator("#panel button:has-text('Show its events')").click()
    page.wait_for_selector(".chip")
    page.goto(f"{site}/#/place/Tarhuna")
    page.wait_for_selector("#panel h3:has-text('Events here')")
    assert page.locator("#panel tr.event-row").count() > 0
    page.goto(f"{site}/#/control/2020-06-06/LBY")
    page.wait_for_selector("#panel h2:has-text('Control')")
    assert page.locator("#as-of").input_value() == "2020-06-06"
    page.wait_for_selector("#panel h3:has-text('Backing')")
    shot(page, "web-control.png")


def test_api_docs_render_offline(page: Page, site: str):
    page.goto(f"{site}/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() >= 8  # outside requests fail the fixture


def test_the_legend_hides_and_shows_an_event_type(page: Page):
    before = page.evaluate(MARKERS_ON_MAP)
    boxes = page.locator(".fl-legend input[type=checkbox]")
    assert boxes.count() >= 2
    boxes.first.uncheck()
    hidden = page.evaluate(MARKERS_ON_MAP)
    assert hidden < before
    boxes.first.check()
    assert page.evaluate(MARKERS_ON_MAP) == before
