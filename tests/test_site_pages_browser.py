"""Every page type of the Rules Center, in every locale, on a desktop and on a phone.

Page types: the current statement, an old version, the change history, a redline (the
oldest version against the current one: the longest), the 404 page and the root locale
chooser; locales en, zh-Hans, zh-Hant; viewports 1280×900 and 390×844. On each: axe finds
no violation of any impact, and the page is no wider than the viewport. The history lists
every version as its own item. Search for a clause's distinctive words lands on the clause
(the result links to its permalink) in each locale, and zh-Hans finds a Latin word.

One browser for the session (conftest's ``browser``), one built site (``shared_build``,
shared with the other site tests), one page per viewport reused across the pages.
"""
from __future__ import annotations

import functools
import json
import threading

import pytest

from .site_support import EXAMPLES, LOCALES, NOTICES, shared_build
from .test_site_browser import KEY, _Quiet, _Server, wait_until

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _serve(root):
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = shared_build(tmp_path_factory, "examples", EXAMPLES)
    server, base = _serve(root)
    yield base, json.loads((root / "versions.json").read_text(encoding="utf-8"))
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def pages(browser, served):
    """One page per viewport, for a reader who has acknowledged the current version (no
    pop-up: the pop-up has its own tests); fails the test on any console error."""
    base, manifest = served
    current = next(v["version"] for v in manifest["versions"] if v["current"])
    errors, contexts, out = [], [], {}
    for name, size in VIEWPORTS.items():
        ctx = browser.new_context(viewport=size)
        state = json.dumps({"acknowledged": {"version": current}, "receipts": []})
        ctx.add_init_script(f"try {{ localStorage.setItem({KEY!r}, {state!r}); }} catch (e) {{}}")
        page = ctx.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(f"{m.text}"))
        page.on("pageerror", lambda e: errors.append(str(e)))
        contexts.append(ctx)
        out[name] = page
    yield out, errors
    for ctx in contexts:
        ctx.close()


def _paths(manifest) -> dict[str, str]:
    versions = [v["version"] for v in manifest["versions"]]
    current = next(v["version"] for v in manifest["versions"] if v["current"])
    return {"statement": "", "old version": f"versions/{versions[0]}/", "history": "history/",
            "redline": f"changes/{versions[0]}-to-{current}/", "404": "404.html"}


def _violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]


def _width(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


PAGE_TYPES = ("statement", "old version", "history", "redline", "404")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("locale", LOCALES)
def test_every_page_type_is_accessible_and_fits(pages, served, locale, viewport):
    base, manifest = served
    page = pages[0][viewport]
    problems = {}
    for kind, path in _paths(manifest).items():
        page.goto(f"{base}{locale}/{path}")
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)  # Material lays out the header and sidebars after load
        found = _violations(page)
        scroll, inner = _width(page)
        if found or scroll > inner:
            problems[kind] = {"axe": found, "width": (scroll, inner)}
        if kind == "history":  # every version is its own item, newest first
            ids = page.locator("ol.av-history > li").evaluate_all("ns => ns.map(n => n.id)")
            assert ids == [f"v{v['version']}" for v in reversed(manifest["versions"])], ids
            # "Show changes" where something changed, never on a "No change" item
            links = page.locator("ol.av-history > li").evaluate_all(
                "ns => ns.map(n => [!!n.querySelector('.av-level-none'), !!n.querySelector('.av-history-link')])")
            assert all(not (none and link) for none, link in links), links
            assert sum(link for _, link in links) >= len(links) - 2, links
        if kind == "404":  # its stylesheets load (Material's and ours)
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    assert not problems, problems
    assert not pages[1], pages[1]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_root_chooser_is_accessible_and_fits(pages, served, viewport):
    """The root page sends the reader on at once (its one script): it is read here as
    served, less that script, so that the chooser stays to be checked."""
    import re

    base, _ = served
    page = pages[0][viewport]
    html = page.request.get(base).text()
    chooser = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert chooser != html
    page.route(base, lambda route: route.fulfill(body=chooser, content_type="text/html; charset=utf-8"))
    try:
        page.goto(base)
        assert page.url == base
        assert page.locator("main ul li a[hreflang][lang]").count() == len(LOCALES)
        assert _violations(page) == []
        scroll, inner = _width(page)
        assert scroll <= inner
    finally:
        page.unroute(base)


# --------------------------------------------------------------------------- search
#: (locale, what a reader types, the clause it must land on)
SEARCHES = [
    ("en", "children may not create their own user accounts", "children.age"),
    ("zh-Hans", "仔细阅读", "children.age"),  # words only that clause says
    ("zh-Hant", "仔細", "children.age"),
    ("zh-Hant", "個人資料", None),  # one word, not 個/人/資料: found as written
    ("zh-Hans", "Cookie", "cookies"),  # a Latin word in a Chinese page
]


def _search(page, query: str) -> list[str]:
    page.click("input.md-search__input")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material reads the query on keyup (an IME sends no key)
    page.locator(".md-search-result__item").first.wait_for(timeout=20000)
    return page.locator(".md-search-result__item a").evaluate_all("ns => ns.map(n => n.href)")


@pytest.mark.parametrize("locale, query, clause", SEARCHES)
def test_search_lands_on_the_clause(pages, served, locale, query, clause):
    base, _ = served
    page = pages[0]["desktop"]
    page.goto(f"{base}{locale}/")
    page.wait_for_load_state("load")
    links = _search(page, query)
    assert links, query
    if clause is None:
        assert page.locator(".md-search-result__item mark").count() > 0
        assert "個人資料" in page.locator(".md-search-result__list").inner_text()
        return
    first_clause = next(link for link in links if "#" in link)
    assert first_clause.split("#", 1)[1] == clause, links[:5]
    page.goto(first_clause)
    wait_until(page, f"document.getElementById({clause!r}).getBoundingClientRect().top < 250")
    assert page.evaluate(f"document.getElementById({clause!r}).getBoundingClientRect().top") >= 0


def test_search_previews_are_clean(tmp_path_factory):
    """One entry per section and clause (not per page); no ¶ mark nor doubled number."""
    root = shared_build(tmp_path_factory, "examples", EXAMPLES)
    for locale in LOCALES:
        index = json.loads((root / locale / "search" / "search_index.json").read_text(encoding="utf-8"))
        docs = [d for d in index["docs"] if d["location"].split("#")[0] == ""]
        assert len(docs) > 100, locale  # the statement, clause by clause
        assert all("¶" not in d["title"] + d["text"] for d in docs)
        by_anchor = {d["location"].split("#", 1)[-1]: d for d in docs}
        assert by_anchor["rights.respond.time"]["text"].startswith(("We will respond", "我们", "我們")), \
            by_anchor["rights.respond.time"]


def test_404_without_site_url_loads_its_stylesheets(browser, tmp_path_factory):
    root = shared_build(tmp_path_factory, "notices-no-url", NOTICES, site_url=None)
    server, base = _serve(root)
    try:
        ctx = browser.new_context(viewport=VIEWPORTS["phone"])
        page = ctx.new_page()
        failed = []
        page.on("requestfailed", lambda r: r.url.endswith((".css", ".js")) and failed.append(r.url))
        page.on("response", lambda r: r.status >= 400 and r.url.endswith((".css", ".js")) and failed.append(r.url))
        for locale in LOCALES:
            page.goto(f"{base}{locale}/404.html")
            page.wait_for_load_state("load")
            sheets = page.evaluate("[...document.styleSheets].map(s => s.href).filter(Boolean)")
            assert any(s.endswith("rules-center.css") for s in sheets), sheets
            assert all(f"/{locale}/" in s for s in sheets), sheets
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
        assert not failed, failed
        ctx.close()
    finally:
        server.shutdown()
        server.server_close()
