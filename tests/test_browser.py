"""The page at / in Debian's Chromium, driven by Playwright against the real gunicorn server."""
import shutil
from pathlib import Path

import pytest

from conftest import ARTIFACTS, ROOT

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 1100}, base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def _seed_results(page):
    page.goto("/")
    page.get_by_role("button", name="Load the sample article").click()
    page.wait_for_function("document.getElementById('text').value.length > 1000")
    page.get_by_role("button", name="Find quotes").click()
    page.wait_for_selector("#article .q")


def test_seed_article_highlighted_with_speakers_and_outlet(page):
    _seed_results(page)
    names = page.locator("#speakers .speaker-name").all_inner_texts()
    assert {"Victoria Nuland", "Antony Blinken", "Rida Lyammouri"} <= set(names)

    blinken = page.locator("#speakers button", has_text="Antony Blinken")
    entity = blinken.get_attribute("data-entity")
    quotes = page.locator(f'#article .q[data-entity="{entity}"][tabindex="0"]')
    assert quotes.count() >= 4

    # Keyboard: focus each of Blinken's quotes until the one given to Radio France International.
    outlets = []
    for i in range(quotes.count()):
        quotes.nth(i).focus()
        assert page.locator('#detail dd[data-field="speaker"]').inner_text() == "Antony Blinken"
        outlets.append(page.locator('#detail dd[data-field="outlet"]').inner_text())
    assert "Radio France International" in outlets
    assert page.locator('#detail dd[data-field="title"]').inner_text() == "U.S. Secretary of State"

    # Choosing a speaker dims everyone else's quotes.
    blinken.click()
    assert blinken.get_attribute("aria-pressed") == "true"
    assert page.locator(f'#article .q[data-entity="{entity}"].dim').count() == 0
    assert page.locator("#article .q.dim").count() > 0

    ARTIFACTS.mkdir(exist_ok=True)
    blinken.click()  # back to every speaker for the picture
    quotes.first.hover()
    shot = ARTIFACTS / "page-seed.png"
    page.screenshot(path=str(shot), full_page=True)
    docs = ROOT / "docs" / "screenshot-seed.png"
    if not docs.exists():  # the committed copy is refreshed by hand, not by every run
        shutil.copyfile(shot, docs)


def test_article_markup_stays_inert_text(page):
    page.goto("/")
    page.evaluate("window.__pwned = 0")
    hostile = ('<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">\n'
               '“The script tag above must stay text,” said Jane Porter.')
    page.fill("#text", hostile)
    page.get_by_role("button", name="Find quotes").click()
    page.wait_for_selector("#article .q")
    assert page.evaluate("window.__pwned") == 0
    assert page.locator("#article script, #article img").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.locator("#article").inner_text()


def test_errors_are_shown(page):
    page.goto("/")
    page.fill("#text", "   ")
    page.get_by_role("button", name="Find quotes").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "empty" in alert.inner_text()
