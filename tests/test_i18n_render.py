"""The 2023-08-25 statement rendered in en, zh-Hans and zh-Hant, in every format."""
from __future__ import annotations

import html
import re

import pytest

from generator.i18n import content_entries, translator
from generator.rendering import render_localized
from generator.rendering.layout import layout
from generator.i18n.locales import SUPPORTED
from generator.rendering.markup import escape_markdown
from generator.rendering.numbering import NUMBERINGS, chinese

from .conftest import NOTICES

FORMATS = ("md", "html", "text")
ZH = ("zh-Hans", "zh-Hant")
#: Latin-script words a Chinese rendering may keep: proper names, acronyms and product terms
#: that Chinese legal texts write in Latin letters.
ALLOWED_LATIN = {
    "AllValue", "Allvalue", "Qima", "Investment", "Ltd", "App", "iOS", "Cookie", "Flash",
    "MAC", "GPS", "WLAN", "IP", "SDK", "API", "IPO", "CCPA", "SSL", "https", "a", "b",
}


@pytest.fixture(scope="module")
def rendered(current):
    return {(loc, fmt): render_localized(current, fmt, loc) for loc in SUPPORTED for fmt in FORMATS}


def _plain(out: str, fmt: str) -> str:
    """The visible text of an output, as in tests/test_render.py."""
    if fmt == "html":
        out = re.sub(r"<head>.*?</head>", "", out, flags=re.S)
        out = html.unescape(re.sub(r"<[^>]+>", "", out))
    if fmt == "md":
        out = re.sub(r"\]\(#[^)]*\)", "]", out).replace("\\", "").replace("<", "").replace(">", "")
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", SUPPORTED)
def test_every_clause_present(rendered, current, locale, fmt):
    out = _plain(rendered[locale, fmt], fmt)
    tr = translator(current, locale)
    for node_id, english in content_entries(current):
        text, lang = tr.translate(node_id, english)
        assert lang == "", node_id
        assert text in out, (locale, fmt, node_id)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", ZH)
def test_no_english_left_in_chinese(rendered, locale, fmt):
    out = _plain(rendered[locale, fmt], fmt)
    out = re.sub(r"https?://\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+", " ", out)
    words = set(re.findall(r"[A-Za-z]+", out))
    assert words <= ALLOWED_LATIN, sorted(words - ALLOWED_LATIN)
    assert "English original" not in out and "Part" not in out


@pytest.mark.parametrize("locale", ZH)
def test_sections_and_parts_are_numbered_the_chinese_way(rendered, current, locale):
    text = rendered[locale, "text"]
    sections = [s for s in current.statement.statement.sections]
    tr = translator(current, locale)
    positions = []
    for i, s in enumerate(sections, 1):
        heading = f"{chinese(i)}、{tr.translate(s.id, s.title)[0]}\n"
        assert heading in text, heading
        positions.append(text.index(heading))
    assert positions == sorted(positions) and len(positions) == 9
    assert "\n第一部分 " in text and "\n第二部分 " in text
    # the text underline is as wide as the heading on a terminal (full-width = 2 columns)
    title = tr.translate("title", current.statement.title)[0]
    assert text.startswith(f"{title}\n{'=' * 16}\n\n【重要提示】\n{'-' * 12}\n")


@pytest.mark.parametrize("locale", SUPPORTED)
def test_every_list_is_numbered_without_gaps(current, locale):
    tr = translator(current, locale)
    tokens = layout(current, locale, tr.translate)
    num = NUMBERINGS[locale]
    stack: list[list[tuple[int, str]]] = []
    checked = 0
    for t in tokens:
        if t.type == "list_open":
            stack.append([])
        elif t.type == "item_open":
            assert t.number, t.id
            stack[-1].append((t.depth, t.number))
        elif t.type == "list_close":
            items = stack.pop()
            depth = items[0][0]
            values = {num.list_number(depth, k): k for k in range(1, 60)}
            ks = [values[n] for _, n in items]
            assert ks == list(range(ks[0], ks[0] + len(ks))), (locale, ks)
            checked += 1
    assert checked >= 15


def test_chinese_numbering_scheme():
    zh = NUMBERINGS["zh-Hans"]
    assert [zh.section(n) for n in (1, 9, 10, 11, 20, 21)] == ["一、", "九、", "十、", "十一、", "二十、", "二十一、"]
    assert [zh.list_number(d, 2) for d in range(1, 6)] == ["（二）", "2.", "（2）", "②", "b."]
    assert zh.part(1) == "第一部分" and NUMBERINGS["zh-Hant"] == zh
    assert NUMBERINGS["en"].part(2) == "Part 2" and NUMBERINGS["en"].section(3) == "Ⅲ."


@pytest.mark.parametrize("locale, lang, updated", [
    ("en", "en", "Updated on <time datetime=\"2023-08-25\">August 25, 2023</time>"),
    ("zh-Hans", "zh-Hans", "更新于 <time datetime=\"2023-08-25\">2023年8月25日</time>"),
    ("zh-Hant", "zh-Hant", "更新於 <time datetime=\"2023-08-25\">2023年8月25日</time>"),
])
def test_html_language_and_date(rendered, locale, lang, updated):
    out = rendered[locale, "html"]
    assert f'<html lang="{lang}">' in out
    assert updated in out
    assert 'lang="en"' not in out.split("<body>", 1)[1]


@pytest.mark.parametrize("locale", ZH)
def test_html_is_well_formed(rendered, locale):
    import html5lib

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(rendered[locale, "html"])


def test_emails_and_urls_stay_links(rendered):
    for locale in ZH:
        out = rendered[locale, "html"]
        assert '<a href="mailto:legal@allvalue.com">legal@allvalue.com</a>' in out
        assert 'href="https://www.chinayouzan.com/notice?type=0"' in out


def test_markdown_escapes_translated_text(rendered, current):
    out = rendered["zh-Hans", "md"]
    assert escape_markdown("商家注册|创建店铺") in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_matches_api_and_negotiates(run, rendered, fmt):
    res = run("render", "--source", NOTICES, "--locale", "zh-TW", "--format", fmt)
    assert res.code == 0, res.err
    assert res.out == rendered["zh-Hant", fmt]
    res = run("render", "--source", NOTICES, "--locale", "en-GB", "--format", fmt)
    assert res.out == rendered["en", fmt]


def test_english_rendering_is_unchanged_by_i18n(rendered, current):
    from generator import render

    for fmt in FORMATS:
        assert rendered["en", fmt] == render(current, fmt)


def test_rendering_is_deterministic(current, rendered):
    for locale in ZH:
        assert render_localized(current, "html", locale) == rendered[locale, "html"]
