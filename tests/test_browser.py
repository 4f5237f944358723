"""The page at / in Debian's Chromium, driven by Playwright against the real gunicorn server."""
import re
import shutil
from pathlib import Path

import pytest

from conftest import ARTIFACTS, ROOT, Server, free_port

# Astral letters, emoji (some of several code points) and combining marks before the quotes.
EMOJI_TEXT = ("𝒜𝓁𝓁 😀😀 cafe\u0301 news 👩🏽‍⚖️\n\n“We did it, and we did it together,” said Ana Lima.\n\n"
              "“It took 🎉 years,” she added.")
EMOJI_QUOTES = ["We did it, and we did it together,", "It took 🎉 years,"]

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
    from playwright.sync_api import expect

    page.goto("/")
    page.get_by_role("button", name="Load the sample article").click()
    # A locator's expectation, not wait_for_function: Playwright polls a string predicate with
    # eval, which the page's Content-Security-Policy refuses whenever the first check fails
    # (the sample not loaded yet, as on a busy machine).
    expect(page.locator("#text")).to_have_value(re.compile(r"[\s\S]{1000}"), timeout=60_000)
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
    page.fill("#text", "a " * 60_000)  # over the default limit of 100,000 characters
    page.get_by_role("button", name="Find quotes").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "limit is 100000" in alert.inner_text()


def test_page_highlights_the_right_characters_among_emoji(page):
    page.goto("/")
    page.fill("#text", EMOJI_TEXT)
    page.get_by_role("button", name="Find quotes").click()
    page.wait_for_selector("#article .q")
    assert page.locator("#article .q").all_inner_texts() == EMOJI_QUOTES


# -- a CMS plugin on another origin --------------------------------------------------------------
PLUGIN_KEY = "plugin-key-7f3a"


@pytest.fixture(scope="module")
def plugin_origin():
    """The plugin's own page, on another loopback origin than the API."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(ROOT / "tests" / "plugin"))
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def guarded_server(plugin_origin):
    server = Server("gunicorn-guarded", QUOTEAPI_CORS_ORIGINS=plugin_origin, QUOTEAPI_API_KEYS=PLUGIN_KEY)
    yield server
    server.stop()


def test_a_plugin_on_another_origin_with_a_key_highlights_the_right_characters(browser, plugin_origin, guarded_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(plugin_origin + "/plugin.html")
    call = "([api, key, text]) => window.findQuotes(api, key, text)"
    result = page.evaluate(call, [guarded_server.base, PLUGIN_KEY, EMOJI_TEXT])
    assert result["status"] == 200 and result["requestId"]
    assert [q["text"] for q in result["quotes"]] == EMOJI_QUOTES
    assert [q["speaker"] for q in result["quotes"]] == ["Ana Lima", "she"]
    assert page.locator("#out").inner_text() == " | ".join(EMOJI_QUOTES)
    refused = page.evaluate(call, [guarded_server.base, "", EMOJI_TEXT])
    assert refused["status"] == 401 and refused["error"]["code"] == "unauthorized"
    context.close()
    assert PLUGIN_KEY not in guarded_server.log_path.read_text()
