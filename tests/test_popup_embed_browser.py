"""The pop-up for readers, in a real browser (Debian's Chromium through Playwright).

- the redline the dialog links to opens readable: no dialog over it, the question asked
  in a panel at the top of the page;
- what the pop-up fetches: the small ``notices/<policy>/current.json`` (and the reader's
  ``since/<version>.json`` when behind), never the history-sized ``versions.json``;
- a storefront on another origin (a second loopback server): ``onAcknowledge`` gets the
  receipt when the Rules Center sends ``Access-Control-Allow-Origin``, and without the
  header the script says so in the page (``role="status"``) and in the console.

The illustrative history (``examples/``) is the site, built once per session.
"""
from __future__ import annotations

import functools
import json
import threading
from pathlib import Path

import pytest

from .site_support import EXAMPLES, popup_view, shared_build
from .test_site_browser import KEY, _Quiet, _Server, wait_until

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 800}
POPUP = "notices/allvalue-privacy/"


class _Cors(_Quiet):
    """The Rules Center as a host that allows storefronts on any origin."""

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def _serve(root: Path, handler=_Quiet):
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


STORE_JS = """\
/* A storefront's own script: sends each receipt to "its back end" (a list here). */
(function () {
  var rulesCenter = document.currentScript.getAttribute("data-rules-center");
  window.__receipts = [];
  window.__events = [];
  window.addEventListener("av-notices:acknowledged", function (e) { window.__events.push(e.detail); });
  window.__ready = AllValueNotices.init({
    policy: "allvalue-privacy", versions: rulesCenter + "versions.json", locale: "en",
    onAcknowledge: function (receipt) { window.__receipts.push(receipt); }
  });
})();
"""


def _store_page(rules_center: str, locale: str = "en", hook: bool = False) -> str:
    """A storefront page embedding the pop-up: by data attributes, or by init() with a hook."""
    if hook:
        scripts = (f'<script src="{rules_center}assets/popup.js" defer></script>\n'
                   f'<script src="store.js" defer data-rules-center="{rules_center}"></script>')
    else:
        scripts = (f'<script src="{rules_center}assets/popup.js" defer data-policy="allvalue-privacy"\n'
                   f'        data-versions="{rules_center}versions.json" data-locale="{locale}"></script>')
    return (f'<!doctype html>\n<html lang="{locale}"><head><meta charset="utf-8"><title>Lotus Tea</title>\n'
            f'{scripts}\n</head><body><main><h1>Lotus Tea (an illustrative shop)</h1>'
            '<p>Green tea, oolong and pu-erh.</p></main></body></html>\n')


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The Rules Center twice (without and with the CORS header) and a storefront."""
    root = shared_build(tmp_path_factory, "examples", EXAMPLES)
    manifest = json.loads((root / "versions.json").read_text(encoding="utf-8"))
    plain, plain_url = _serve(root)
    cors, cors_url = _serve(root, _Cors)
    shop = tmp_path_factory.mktemp("storefront")
    (shop / "store.js").write_text(STORE_JS, encoding="utf-8")
    (shop / "embed-blocked.html").write_text(_store_page(plain_url), encoding="utf-8")
    (shop / "embed-blocked-zh.html").write_text(_store_page(plain_url, "zh-Hans"), encoding="utf-8")
    (shop / "hook.html").write_text(_store_page(cors_url, hook=True), encoding="utf-8")
    store, store_url = _serve(shop)
    yield {"rules": plain_url, "cors": cors_url, "store": store_url, "manifest": manifest,
           "latest": popup_view(root, manifest), "root": root}
    for server in (plain, cors, store):
        server.shutdown()
        server.server_close()


@pytest.fixture
def reader(browser):
    """A fresh browser context whose reader acknowledged a given version (or none)."""
    contexts = []

    def _new(acknowledged: str | None = None):
        ctx = browser.new_context(viewport=VIEWPORT)
        if acknowledged:
            state = json.dumps({"acknowledged": {"version": acknowledged}, "receipts": []})
            ctx.add_init_script(
                f"if (!localStorage.getItem({KEY!r})) localStorage.setItem({KEY!r}, {state!r});")
        contexts.append(ctx)
        page = ctx.new_page()
        page.requested = []  # every URL the page asked for
        page.on("request", lambda r: page.requested.append(r.url))
        page.console = []
        page.on("console", lambda m: page.console.append((m.type, m.text)))
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        return page

    yield _new
    for ctx in contexts:
        ctx.close()


def _older(latest: dict, level: str) -> str:
    return next(v for v, e in latest["since"].items() if e["level"] == level)


def _settled(page) -> dict:
    wait_until(page, "!!(window.AllValueNotices && window.AllValueNotices.decision)")
    return page.evaluate("window.AllValueNotices.decision")


def _stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem({KEY!r})") or "null")


def _uncovered(page, selector: str) -> bool:
    """Is the centre of the first ``selector`` the element itself (nothing drawn over it)?"""
    return page.evaluate("""(sel) => {
        const el = document.querySelector(sel);
        el.scrollIntoView({block: "center"});
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
        return !!hit && (el === hit || el.contains(hit));
    }""", selector)


# --------------------------------------------------------------------------- the redline link
@pytest.mark.parametrize("level", ["material", "consent"])
def test_the_redline_link_opens_a_readable_page(reader, sites, level):
    latest = sites["latest"]
    old = _older(latest, level)
    page = reader(acknowledged=old)
    page.goto(sites["rules"] + "en/history/")
    page.locator(".av-notices-dialog").wait_for()
    page.click(".av-notices-dialog a.av-notices-redline")
    page.wait_for_url(sites["rules"] + latest["since"][old]["redline"]["en"])
    decision = _settled(page)
    assert decision["shown"] and decision["level"] == level
    # no dialog, no backdrop, nothing inert: the redline is the page, readable
    panel = page.locator(".av-notices-inline")
    panel.wait_for()
    assert page.locator(".av-notices-dialog, .av-notices-backdrop").count() == 0
    assert not page.evaluate("document.querySelector('.md-container').inert")
    assert _uncovered(page, "article > h1")
    assert _uncovered(page, "article h2")  # the redline's first heading: what changed and why
    # the question is still asked, with the version, on the page itself (not modal)
    assert latest["version"] in panel.locator(".av-notices-version").inner_text()
    assert panel.get_attribute("role") == "region" and panel.get_attribute("aria-modal") is None
    if level == "consent":
        assert panel.locator("[data-av-action=later]").count() == 1
        page.click(".av-notices-inline [data-av-action=agree]")
    else:
        page.click(".av-notices-inline [data-av-action=read]")
    assert panel.count() == 0
    receipt = _stored(page)["acknowledged"]
    assert (receipt["version"], receipt["previous"]) == (latest["version"], old)
    assert receipt["action"] == ("agreed" if level == "consent" else "read")
    page.goto(sites["rules"] + "en/")  # answered: asked no more, anywhere
    assert _settled(page)["shown"] is False
    assert page.locator(".av-notices-dialog, .av-notices-inline").count() == 0
    assert not page.errors, page.errors


def test_not_now_on_the_redline_page_asks_again_elsewhere(reader, sites):
    latest = sites["latest"]
    old = _older(latest, "consent")
    page = reader(acknowledged=old)
    page.goto(sites["rules"] + latest["since"][old]["redline"]["en"])
    page.locator(".av-notices-inline").wait_for()
    page.click(".av-notices-inline [data-av-action=later]")
    assert _stored(page)["acknowledged"]["version"] == old  # "Not now" is not consent
    page.goto(sites["rules"] + "en/")
    page.locator(".av-notices-dialog").wait_for()


# --------------------------------------------------------------------------- what it fetches
def test_the_popup_fetches_the_small_file_only(reader, sites):
    latest, rules = sites["latest"], sites["rules"]
    old = _older(latest, "material")
    behind = reader(acknowledged=old)
    behind.goto(rules + "zh-Hant/")
    behind.locator(".av-notices-dialog").wait_for()
    fetched = [u for u in behind.requested if u.endswith(".json") and "/search/" not in u]
    assert fetched == [rules + POPUP + "current.json", rules + POPUP + f"since/{old}.json"], fetched
    up_to_date = reader()  # a first visit, then a reader up to date: current.json alone
    for _ in range(2):
        up_to_date.goto(rules + "en/history/")
        _settled(up_to_date)
    fetched = [u for u in up_to_date.requested if u.endswith(".json") and "/search/" not in u]
    assert fetched == [rules + POPUP + "current.json"] * 2, fetched
    size = (sites["root"] / POPUP / "current.json").stat().st_size
    assert size < (sites["root"] / "versions.json").stat().st_size and size < 60 * 1024


def test_a_version_the_site_does_not_know_gets_the_highest_level(reader, sites):
    page = reader(acknowledged="1999-01-01")
    page.goto(sites["rules"] + "en/")
    page.locator(".av-notices-dialog").wait_for()
    assert any(u.endswith(POPUP + "since/1999-01-01.json") for u in page.requested)
    levels = {e["level"] for e in sites["latest"]["since"].values()}
    assert page.evaluate("AllValueNotices.decision.level") == max(
        levels, key=["none", "editorial", "review", "material", "consent"].index)


# --------------------------------------------------------------------------- a storefront
def test_on_acknowledge_gets_the_receipt(reader, sites):
    latest = sites["latest"]
    old = _older(latest, "material")
    page = reader(acknowledged=old)
    page.goto(sites["store"] + "hook.html")
    dialog = page.locator(".av-notices-dialog")
    dialog.wait_for()
    assert not [u for u in page.requested if u.endswith("versions.json")]  # never the big file
    # the dialog's links lead to the Rules Center, not to the storefront
    assert dialog.locator("a.av-notices-redline").get_attribute("href") == \
        sites["cors"] + latest["since"][old]["redline"]["en"]
    page.click("[data-av-action=read]")
    wait_until(page, "window.__receipts.length === 1")
    receipt = page.evaluate("window.__receipts[0]")
    assert receipt == _stored(page)["acknowledged"] == page.evaluate("window.__events[0]")
    assert (receipt["policy"], receipt["version"], receipt["content_hash"], receipt["action"],
            receipt["previous"]) == ("allvalue-privacy", latest["version"], latest["content_hash"], "read", old)
    page.reload()
    assert _settled(page)["shown"] is False
    assert page.evaluate("window.__receipts.length") == 0  # a new page load: nothing new to send
    assert not page.errors, page.errors


@pytest.mark.parametrize("locale", ["en", "zh-Hans"])
def test_a_blocked_fetch_is_said_in_the_page_and_the_console(reader, sites, locale):
    page = reader(acknowledged=_older(sites["latest"], "consent"))
    page.goto(sites["store"] + ("embed-blocked.html" if locale == "en" else "embed-blocked-zh.html"))
    assert _settled(page) == {"level": "none", "reason": "unavailable", "shown": False}
    note = page.locator(".av-notices-status")
    note.wait_for()
    strings = json.loads((sites["root"] / POPUP / "current.json").read_text(encoding="utf-8"))["strings"][locale]
    assert note.get_attribute("role") == "status" and note.get_attribute("lang") == locale
    assert note.locator("p").inner_text() == strings["popup.unavailable"]
    assert page.locator(".av-notices-dialog").count() == 0  # not modal: the shop stays usable
    assert _uncovered(page, "main h1")
    warnings = [text for kind, text in page.console if kind == "warning"]
    assert any("Access-Control-Allow-Origin" in t and sites["rules"] + POPUP + "current.json" in t
               for t in warnings), warnings
    page.click(".av-notices-status button")
    assert note.count() == 0
    assert not page.errors, page.errors
