"""Effective dates in a real browser: the advance notice, then the switch on the effective date.

A copy of the real source gets a version published on 2026-12-01 to take effect on
2026-12-31 (the test's own, made-up edit: see test_workflow.py); the site is built as of
2026-12-10 and served over loopback. The reader's clock decides what the pop-up does:
before the effective date it announces the version once ("OK, noted" records a
"notified" receipt and acknowledges nothing); on the date it asks for what the change
needs, although the site was built before it.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import threading

import pytest

from .test_site_browser import KEY, _Quiet, _Server, wait_until
from .test_workflow import NEW, REAL, draft_ready_to_publish

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from generator.site import build_site
    from generator.workflow import publish

    from .conftest import Result

    tmp = tmp_path_factory.mktemp("effective")

    def run(*args):  # the workflow helper's runner, in-process without capsys
        from generator.cli import main

        return Result(main([str(a) for a in args]), "", "")

    src, loc = draft_ready_to_publish(tmp, run)
    publish(src, NEW, effective=dt.date(2026, 12, 31), published_on=dt.date(2026, 12, 1), locales_dir=loc)
    site = tmp / "site"
    build_site(src, site, as_of=dt.date(2026, 12, 10), jobs=2)
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    manifest = json.loads((site / "versions.json").read_text(encoding="utf-8"))
    yield f"http://127.0.0.1:{server.server_address[1]}/", manifest
    server.shutdown()
    server.server_close()


def _page(browser, day: str, acknowledged: dict | None):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    if acknowledged:
        state = json.dumps({"acknowledged": acknowledged, "receipts": [acknowledged]})
        ctx.add_init_script(f"if (!localStorage.getItem({KEY!r})) localStorage.setItem({KEY!r}, {state!r});")
    page = ctx.new_page()
    page.clock.set_fixed_time(dt.datetime.fromisoformat(f"{day}T09:00:00+00:00"))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return ctx, page, errors


def _decision(page):
    wait_until(page, "!!(window.AllValueNotices && window.AllValueNotices.decision)")
    return page.evaluate("window.AllValueNotices.decision")


def _stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem({KEY!r})") or "null")


def test_advance_notice_then_the_effective_date_switch(browser, served):
    base, manifest = served
    versions = {v["version"]: v for v in manifest["versions"]}
    assert manifest["current"] == REAL and versions[NEW]["upcoming"]
    reader = {"policy": manifest["policy"], "version": REAL, "content_hash": versions[REAL]["content_hash"],
              "action": "read", "time": "2026-11-01T00:00:00.000Z", "locale": "en", "previous": None}

    # before the effective date: announced once, in advance, naming the version and its date
    ctx, page, errors = _page(browser, "2026-12-15", reader)
    page.goto(base + "en/")
    dialog = page.locator(".av-notices-dialog")
    dialog.wait_for()
    assert dialog.get_attribute("data-av-kind") == "upcoming"
    assert "takes effect on 2026-12-31" in dialog.locator(".av-notices-version").inner_text()
    assert NEW in dialog.locator(".av-notices-version").inner_text()
    assert page.locator("[data-av-action=agree]").count() == 0
    page.click("[data-av-action=notified]")
    stored = _stored(page)
    assert stored["acknowledged"]["version"] == REAL  # being told in advance acknowledges nothing
    assert stored["notified"] == [NEW] and stored["receipts"][-1]["action"] == "notified"
    page.reload()
    assert _decision(page)["shown"] is False and dialog.count() == 0  # once
    assert not errors, errors
    ctx.close()

    # on the effective date, by the reader's clock, the same site asks for what the change needs
    ctx, page, errors = _page(browser, "2026-12-31", reader)
    page.goto(base + "en/history/")
    dialog = page.locator(".av-notices-dialog")
    dialog.wait_for()
    assert dialog.get_attribute("data-av-kind") == "material"
    assert "in effect since 2026-12-31" in dialog.locator(".av-notices-version").inner_text()
    page.click("[data-av-action=read]")
    receipt = _stored(page)["acknowledged"]
    assert (receipt["version"], receipt["action"], receipt["previous"]) == (NEW, "read", REAL)
    assert receipt["content_hash"] == versions[NEW]["content_hash"]
    page.reload()
    assert _decision(page)["shown"] is False
    assert not errors, errors
    ctx.close()


def test_the_upcoming_banner_links_its_redline(browser, served):
    base, _ = served
    ctx, page, _errors = _page(browser, "2026-12-15", None)
    page.goto(base + f"en/versions/{NEW}/")
    banner = page.locator(".admonition.warning")
    assert "Takes effect on December 31, 2026" in banner.inner_text()
    page.click(f".admonition.warning a[href*='changes/{REAL}-to-{NEW}']")
    page.wait_for_url(f"**/changes/{REAL}-to-{NEW}/")
    assert "10 days" in page.locator(".av-redline").inner_text()
    ctx.close()


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)])
@pytest.mark.parametrize("locale", ["en", "zh-Hans", "zh-Hant"])
def test_upcoming_pages_are_accessible_and_fit(browser, served, locale, viewport):
    """The page types only a site with an upcoming version has: the current statement with
    its "takes effect" banner, the upcoming version's page, and the redline it links to."""
    from .test_site_pages_browser import _violations, _width

    base, _ = served
    ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = ctx.new_page()
    page.clock.set_fixed_time(dt.datetime.fromisoformat("2026-12-15T09:00:00+00:00"))
    problems = {}
    for path in ("", f"versions/{NEW}/", f"changes/{REAL}-to-{NEW}/"):
        page.goto(f"{base}{locale}/{path}")
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)
        if page.locator(".av-notices-dialog").count():  # a first visit shows none; be sure
            page.keyboard.press("Escape")
        found, (scroll, inner) = _violations(page), _width(page)
        if found or scroll > inner:
            problems[path or "statement"] = {"axe": found, "width": (scroll, inner)}
    ctx.close()
    assert not problems, problems
