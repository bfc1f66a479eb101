"""The Rules Center in a real browser (Debian's Chromium through Playwright).

The illustrative history (``examples/``) is built once per session and served over
loopback. For a reader who acknowledged each older version, the pop-up must appear
exactly when ``diff(last, current)`` is material or consent, and ask for agreement
exactly when it is consent; the pop-up's files are checked against classify in test_site.py.
"""
from __future__ import annotations

import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .site_support import EXAMPLES, LOCALES, shared_build

pytestmark = pytest.mark.browser

KEY = "av-notices:allvalue-privacy"
DIALOG = ".av-notices-dialog"
CLAUSE = "collect.overview.basic"  # a clause present in every example version
VIEWPORT = {"width": 1280, "height": 800}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # no access log in the test output
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # browsers drop connections freely
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    root = shared_build(tmp_path_factory, "examples", EXAMPLES)
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    manifest = json.loads((root / "versions.json").read_text(encoding="utf-8"))
    yield f"http://127.0.0.1:{server.server_address[1]}/", manifest
    server.shutdown()
    server.server_close()


@pytest.fixture
def base(site):
    return site[0]


@pytest.fixture
def manifest(site):
    return site[1]


@pytest.fixture(scope="session")
def latest(site, tmp_path_factory):
    """The examples' current version as the pop-up's files describe it (current.json), with
    under ``since`` what a reader of each older version is told (since/<version>.json)."""
    from .site_support import popup_view

    return popup_view(shared_build(tmp_path_factory, "examples", EXAMPLES), site[1])


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll a JavaScript expression until it is true. Playwright's wait_for_function evaluates
    its string with eval() in the page, which the site's Content Security Policy forbids (no
    'unsafe-eval'); page.evaluate goes through the DevTools protocol, which the policy allows."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"{page.url}: never true: {expression}")
        page.wait_for_timeout(50)


@pytest.fixture
def new_page(browser):
    """Pages in fresh contexts (empty storage); fails the test on any console error."""
    contexts, errors = [], []

    def _new(acknowledged: str | None = None):
        ctx = browser.new_context(viewport=VIEWPORT)
        if acknowledged:  # what a reader who acknowledged that version has stored
            state = json.dumps({"acknowledged": {"version": acknowledged}, "receipts": []})
            ctx.add_init_script(
                f"if (!localStorage.getItem({KEY!r})) localStorage.setItem({KEY!r}, {state!r});")
        contexts.append(ctx)
        page = ctx.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
        return page

    yield _new
    for ctx in contexts:
        ctx.close()
    assert not errors, errors


def _settled(page):
    """Wait until popup.js has decided (dialog shown or not)."""
    wait_until(page, "!!(window.AllValueNotices && window.AllValueNotices.decision)")


def _stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem({KEY!r})") or "null")


# --------------------------------------------------------------------------- the pop-up
def test_popup_for_each_older_version(new_page, base, latest):
    seen = set()
    for old, entry in latest["since"].items():
        page = new_page(acknowledged=old)
        page.goto(base + "en/history/")  # the pop-up runs on every page; this one is light
        _settled(page)
        dialog = page.locator(DIALOG)
        level = entry["level"]
        seen.add(level)
        if level in ("material", "consent"):
            dialog.wait_for()
            assert dialog.get_attribute("role") == "dialog"
            assert dialog.get_attribute("aria-modal") == "true"
            assert page.locator("#av-notices-title").inner_text()
            asks = page.locator("[data-av-action=agree]").count() == 1
            assert asks == (level == "consent"), old
            assert page.locator("[data-av-action=later]").count() == (1 if level == "consent" else 0)
            assert page.locator("[data-av-action=read]").count() == (0 if level == "consent" else 1)
            lis = dialog.locator(".av-notices-changes li")
            items = lis.evaluate_all("ns => ns.map(n => n.firstChild.textContent)")
            assert items == [c["text"] for c in entry["changes"]["en"]], old
            if level == "consent":  # each item says whether it needs agreement or is for information
                assert lis.evaluate_all("ns => ns.map(n => n.dataset.avLevel)") == \
                    [c["level"] for c in entry["changes"]["en"]]
                assert dialog.locator(".av-notices-tag").count() == len(items)
            href = dialog.locator("a.av-notices-redline").get_attribute("href")
            assert href == base + entry["redline"]["en"]
        else:
            assert dialog.count() == 0, (old, level)
        assert page.evaluate("AllValueNotices.decision.level") == level
        page.context.close()
    assert {"material", "consent"} <= seen and seen - {"material", "consent"}


def _older(latest, level):
    return next(v for v, e in latest["since"].items() if e["level"] == level)


def test_first_visit_shows_nothing_and_records_a_starting_point(new_page, base, latest):
    page = new_page()
    page.goto(base + "en/")
    _settled(page)
    assert page.locator(DIALOG).count() == 0
    stored = _stored(page)
    assert stored["acknowledged"]["version"] == latest["version"]
    assert stored["acknowledged"]["action"] == "first-visit"


def test_material_acknowledgment_is_remembered(new_page, base, latest):
    page = new_page(acknowledged=_older(latest, "material"))
    page.goto(base + "zh-Hans/history/")
    page.locator(DIALOG).wait_for()
    assert page.locator("[data-av-action=read]").inner_text() == _strings(page, "zh-Hans")["popup.read"]
    old = _older(latest, "material")
    items = page.locator(f"{DIALOG} .av-notices-changes li").all_inner_texts()
    assert items == [c["text"] for c in latest["since"][old]["changes"]["zh-Hans"]]
    page.click("[data-av-action=read]")
    assert page.locator(DIALOG).count() == 0
    receipt = _stored(page)["acknowledged"]
    assert receipt["version"] == latest["version"]
    assert receipt["content_hash"] == latest["content_hash"]
    assert receipt["action"] == "read" and receipt["time"].endswith("Z")
    for _ in range(2):
        page.reload()
        _settled(page)
        assert page.locator(DIALOG).count() == 0
    # the receipt can be downloaded as JSON from the history page
    with page.expect_download() as download:
        page.click("[data-av-receipts] button")
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["receipts"][-1]["content_hash"] == latest["content_hash"]


def _strings(page, locale):
    return page.evaluate(
        "(l) => fetch(new URL('/notices/allvalue-privacy/current.json', location.href))"
        ".then(r => r.json()).then(m => m.strings[l])",
        locale)


def test_consent_needs_agreement(new_page, base, latest):
    old = _older(latest, "consent")
    page = new_page(acknowledged=old)
    page.goto(base + "en/")
    page.locator(DIALOG).wait_for()
    page.click("[data-av-action=later]")  # "Not now" is not consent
    assert page.locator(DIALOG).count() == 0
    assert _stored(page)["acknowledged"]["version"] == old
    page.reload()
    page.locator(DIALOG).wait_for()
    page.keyboard.press("Escape")  # nor is Escape
    assert page.locator(DIALOG).count() == 0
    assert _stored(page)["acknowledged"]["version"] == old
    assert _stored(page)["receipts"] == []
    page.reload()
    page.locator(DIALOG).wait_for()
    page.click("[data-av-action=agree]")
    receipt = _stored(page)["acknowledged"]
    assert (receipt["version"], receipt["action"], receipt["previous"]) == (latest["version"], "agreed", old)
    page.reload()
    _settled(page)
    assert page.locator(DIALOG).count() == 0


def test_dialog_keyboard_focus_is_trapped(new_page, base, latest):
    page = new_page(acknowledged=_older(latest, "consent"))
    page.goto(base + "en/")
    page.locator(DIALOG).wait_for()
    inside = f"document.querySelector('{DIALOG}').contains(document.activeElement)"
    assert page.evaluate(inside)
    assert page.evaluate("document.activeElement.dataset.avAction") == "later"  # not the consent button
    for _ in range(8):
        page.keyboard.press("Tab")
        assert page.evaluate(inside)
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(inside)
    # the page behind is inert while the dialog is open
    assert page.evaluate("document.querySelector('.md-container').inert")
    # keyboard operable: focus "I agree" and press Enter
    page.focus("[data-av-action=agree]")
    page.keyboard.press("Enter")
    assert page.locator(DIALOG).count() == 0
    assert _stored(page)["acknowledged"]["action"] == "agreed"
    assert not page.evaluate("document.querySelector('.md-container').inert")


# --------------------------------------------------------------------------- navigation
@pytest.mark.parametrize("locale", LOCALES)
def test_clause_permalink_scrolls_to_clause(new_page, base, latest, locale):
    page = new_page()
    for path in ("", f"versions/{latest['version']}/", "versions/2023-08-25/"):
        page.goto(f"{base}{locale}/{path}#{CLAUSE}")
        wait_until(page, f"document.getElementById('{CLAUSE}').getBoundingClientRect().top < 200")
        top = page.evaluate(f"document.getElementById('{CLAUSE}').getBoundingClientRect().top")
        assert 0 <= top < 200, (locale, path, top)


def test_locale_switcher_keeps_page_and_clause(new_page, base):
    page = new_page()
    page.goto(f"{base}en/versions/2023-08-25/#{CLAUSE}")
    _settled(page)
    for target in ("zh-Hans", "zh-Hant", "en"):
        page.click(".md-select button")
        page.click(f"a.md-select__link[hreflang={target}]")
        page.wait_for_url(f"{base}{target}/versions/2023-08-25/#{CLAUSE}")
        assert page.evaluate("document.documentElement.lang").startswith(target[:2])
        wait_until(page, f"document.getElementById('{CLAUSE}').getBoundingClientRect().top < 200")


def test_search_finds_a_chinese_term(new_page, base):
    page = new_page()
    page.goto(base + "zh-Hans/")
    _settled(page)
    page.click("input.md-search__input")
    # Material reads the query on keyup; Chinese text arrives through an input method
    # (insertText, no key events), so end with a key press as a reader's IME does
    page.fill("input.md-search__input", "隐私")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=20000)
    assert "隐私" in page.locator(".md-search-result__list").inner_text()


def test_pages_log_no_console_errors(new_page, base, latest, manifest):
    old = manifest["versions"][0]["version"]
    page = new_page(acknowledged=old)
    paths = ["", "en/history/", f"en/changes/{old}-to-{latest['version']}/", f"zh-Hant/versions/{old}/",
             "zh-Hans/", "en/404.html"]
    for path in paths:
        page.goto(base + path)
        page.wait_for_load_state("load")
        if path:
            _settled(page)
    # the root page sends the reader to a locale
    page.goto(base)
    page.wait_for_url(base + "en/")


# --------------------------------------------------------------------------- accessibility
def _serious(page):
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result.response["violations"] if v["impact"] in ("serious", "critical")]


def test_axe_statement_page_and_open_dialog(new_page, base, latest):
    page = new_page()
    page.goto(base + "en/")
    _settled(page)
    assert _serious(page) == []
    page = new_page(acknowledged=_older(latest, "material"))
    page.goto(base + "zh-Hans/")
    page.locator(DIALOG).wait_for()
    assert _serious(page) == []
