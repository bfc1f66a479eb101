"""Untrusted profile text: ≥ 20 payloads change no structure and run nothing in Chromium."""
from __future__ import annotations

import re

import pytest

from generator.merchant import MerchantProfile, NoticeRenderer
from generator.merchant.profile import BIDI_CONTROLS

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "<svg onload=window.__pwned=1>",
    "\"><script>window.__pwned=1</script>",
    "' onmouseover='window.__pwned=1",
    "<a href=\"javascript:window.__pwned=1\">click</a>",
    "javascript:window.__pwned=1",
    "[click me](javascript:window.__pwned=1)",
    "![x](javascript:window.__pwned=1)",
    "[ref]: javascript:window.__pwned=1",
    "# Heading injection",
    "- list injection",
    "1. ordered injection",
    "> quote injection",
    "```\ncode fence\n```".replace("\n", " "),
    "*emphasis* __strong__ `code` ~~strike~~",
    "{{ 7*7 }} {{ config }} {{ ''.__class__.__mro__ }}",
    "{% for x in range(10) %}loop{% endfor %}",
    "{# comment #}",
    "<!-- comment --> <![CDATA[x]]>",
    "&lt;script&gt;window.__pwned=1&lt;/script&gt;",
    "&#60;img src=x onerror=window.__pwned=1&#62;",
    "<iframe src=\"javascript:window.__pwned=1\"></iframe>",
    "<style>body{display:none}</style>",
    "<details open ontoggle=window.__pwned=1>",
    "| a | b |  |---|---|",
    "\\<script\\>window.__pwned=1\\</script\\>",
    "<math><mi xlink:href=\"javascript:window.__pwned=1\">x</mi></math>",
]
BIDI_PAYLOADS = ["Shop\u202eexe.gnp", "\u2066evil\u2069", "a\u200fb", "\u202aembed\u202c"]

TEXT_FIELDS = ("legal_name", "store_name", "address", "illustrative")
BENIGN = "Benign text"


def _profile(text: str, paragraph: str | None = None) -> MerchantProfile:
    return MerchantProfile.model_validate({
        "id": "shop", "store_url": "https://shop.example.com/", "contact_email": "a@shop.example.com",
        **{f: text for f in TEXT_FIELDS},
        "dpo": {"name": text}, "representative": {"name": text, "region": text, "address": text},
        "processing": {"payment_providers": [text], "shipping_providers": [text, text]},
        "extra_paragraphs": [paragraph or BENIGN],
    })


def test_corpus_is_large_enough():
    assert len(PAYLOADS) + len(BIDI_PAYLOADS) >= 20


def _html_structure(html: str) -> list:
    import html5lib

    doc = html5lib.parse(html, namespaceHTMLElements=False)
    return [(el.tag, tuple(sorted(el.attrib))) for el in doc.iter() if isinstance(el.tag, str)]


def _md_structure(md: str) -> list:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).parse(md)
    out = []
    for t in tokens:
        out.append(t.type)
        for c in t.children or ():
            if c.type == "text" and out and out[-1] == "text":
                continue
            out.append(c.type)
    return out


@pytest.fixture(scope="module")
def renderers(current):
    return {f: NoticeRenderer(current, "en", f) for f in ("html", "md", "text")}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_changes_no_html_structure(renderers, payload):
    benign = renderers["html"].render(_profile(BENIGN))
    html = renderers["html"].render(_profile(payload))
    assert _html_structure(html) == _html_structure(benign)
    assert "<script" not in html and "<img" not in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_changes_no_markdown_structure(renderers, payload):
    assert _md_structure(renderers["md"].render(_profile(payload))) == _md_structure(
        renderers["md"].render(_profile(BENIGN)))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_paragraph_payload_makes_only_safe_links(renderers, payload):
    import html5lib

    html = renderers["html"].render(_profile(BENIGN, paragraph=payload))
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    more = next(el for el in doc.iter() if el.get("id") == "more")
    tags = {el.tag for el in more.iter()}
    assert tags <= {"section", "h2", "p", "a"}
    for a in more.iter("a"):
        assert set(a.attrib) == {"href"} and re.match(r"^(https?:|mailto:)", a.get("href"))


@pytest.mark.parametrize("payload", BIDI_PAYLOADS)
def test_bidi_controls_are_refused(payload):
    with pytest.raises(Exception) as e:
        _profile(payload)
    assert "bidi control" in str(e.value)
    assert any(ch in BIDI_CONTROLS for ch in payload)


def test_template_code_is_never_evaluated(renderers):
    text = renderers["text"].render(_profile("{{ 7*7 }} {% if true %}yes{% endif %}"))
    assert "{{ 7*7 }} {% if true %}yes{% endif %}" in text and "49" not in text


def test_javascript_urls_are_refused_in_url_fields():
    for field, value in (("store_url", "javascript:alert(1)"), ("store_url", "JaVaScRiPt:alert(1)"),
                         ("store_url", "data:text/html,<script>alert(1)</script>"),
                         ("contact_email", "a@b.example?subject=<script>")):
        with pytest.raises(Exception):
            MerchantProfile.model_validate({**_profile(BENIGN).model_dump(), field: value})


@pytest.mark.browser
def test_no_payload_executes_in_chromium(browser, renderers):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for payload in PAYLOADS:
            html = renderers["html"].render(_profile(payload, paragraph=payload))
            # the page's CSP would block scripts anyway: test the escaping alone, without it
            for variant in (html, re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)):
                page.set_content(variant)
                page.evaluate("() => { for (const el of document.querySelectorAll('*')) {"
                              " for (const ev of ['mouseover','click','focus','toggle','load','error'])"
                              " el.dispatchEvent(new Event(ev)); } }")
                assert page.evaluate("() => window.__pwned") is None, payload
                assert page.evaluate("() => document.querySelectorAll('script,iframe,svg,math,img,style').length") == 1  # the page's own <style>
    finally:
        page.close()
    assert dialogs == []
