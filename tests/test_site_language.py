"""Every string a Chinese reader sees is Chinese, or English on purpose and marked so.

The test crawls every HTML page of the zh-Hans and zh-Hant sites (the illustrative history
and the real statement) and fails on any **unmarked Latin-script sentence**. The rule:

- **What is read**: the text of the page and the attributes a reader meets (``title``,
  ``aria-label``, ``alt``, ``placeholder``, ``content`` of ``<title>``), skipping what is
  not prose: ``<script>``, ``<style>``, ``<svg>``, ``<code>``, ``<pre>``, ``<kbd>``, and
  every element marked English (``lang="en…"``) with all it holds: English on purpose.
- **What may stay Latin inside a Chinese sentence**: URLs, e-mail addresses, version ids and
  dates, hashes and numbers; codes (a word in capitals or with digits: GDPR, PIPL, FTC, CCR,
  ISO codes, ``§``); and the proper names listed in :data:`PROPER_NAMES` (AllValue, Cookie,
  the company's name...).
- **What fails**: two or more Latin words in a row (a phrase or a sentence: "text
  reworded", "Section VIII item 2", "Show changes"), or one lower-case English word of
  three letters or more ("consent", "text"): Chinese text writes neither.

The English pages are not read: English is their language. Punctuation: a Chinese page
writes the full-width forms in its own interface text; :func:`test_interface_punctuation_is_full_width`
checks the half-width ``(``, ``)``, ``:`` and ``;`` next to a Chinese character.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .site_support import EXAMPLES, NOTICES, shared_build

#: Proper names a Chinese sentence keeps in Latin script (the glossary keeps AllValue;
#: "Cookie" is how Chinese privacy notices write it; the rest are names in the statement).
PROPER_NAMES = frozenset("""
    AllValue Allvalue Cookie Cookies Qima Investment Ltd Limited Global Pte Pte. Ltd.
    Google Analytics Apple Android iOS App Web SDK API IP Shopify PayPal Stripe Alipay WeChat
    http https
    """.split())
#: Elements whose text is not prose.
SKIPPED = {"script", "style", "svg", "code", "pre", "kbd", "samp"}
#: Attributes a reader meets (tooltips, names read by screen readers).
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param"}

_NOT_WORDS = re.compile(
    r"(?:https?://|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|"  # URLs, e-mails
    r"(?<![0-9a-f])[0-9a-f]{12,}(?![0-9a-f])|\d{4}-\d{2}-\d{2}|"  # hashes, version ids and dates
    r"[A-Za-z0-9./_-]+\.(?:json|html|yml|yaml|txt)(?![A-Za-z])")  # file names
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’.-]*(?:[ \t\n,;:&/()\"“”-]+[A-Za-z][A-Za-z'’.-]*)*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _allowed(word: str) -> bool:
    bare = word.strip(".'’-")
    return (not bare or bare in PROPER_NAMES or word in PROPER_NAMES or bare.isupper()
            or any(c.isdigit() for c in bare) or bool(re.fullmatch(r"[IVXLC]+", bare)))


def latin_sentences(text: str) -> list[str]:
    """The Latin-script phrases of ``text`` that the rule (module docstring) refuses."""
    found = []
    for run in _LATIN_RUN.finditer(_NOT_WORDS.sub(" ", text)):
        words = [w for w in _WORD.findall(run.group()) if not _allowed(w)]
        if len(words) >= 2 or (len(words) == 1 and words[0].islower() and len(words[0]) >= 3):
            found.append(run.group().strip())
    return found


class _Reader(HTMLParser):
    """Collects the prose of a page outside English-marked and non-prose elements."""

    def __init__(self, skip_class: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.skip_class = skip_class
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.texts: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or "").lower()
        skipped = (self.skipping or tag in SKIPPED or lang.startswith("en")
                   or bool(self.skip_class and self.skip_class in (attrs.get("class") or "").split()))
        if not skipped:
            self.texts.extend(attrs[a] for a in READ_ATTRIBUTES if attrs.get(a))
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        if not (self.skipping or (dict(attrs).get("lang") or "").lower().startswith("en")):
            self.texts.extend(v for k, v in attrs if k in READ_ATTRIBUTES and v)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):  # tolerate unclosed elements (<p>, <li>)
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def page_texts(html: str, skip_class: str = "") -> list[str]:
    """The prose of a page (module docstring), without elements of class ``skip_class``."""
    reader = _Reader(skip_class)
    reader.feed(html)
    reader.close()
    return reader.texts


def unmarked_english(site: Path, locale: str) -> dict[str, list[str]]:
    """Every page of ``locale`` with the Latin phrases it shows unmarked."""
    found = {}
    for page in sorted((site / locale).rglob("*.html")):
        bad = [s for t in page_texts(page.read_text(encoding="utf-8")) for s in latin_sentences(t)]
        if bad:
            found[str(page.relative_to(site))] = sorted(set(bad))
    return found


@pytest.fixture(scope="module", params=["examples", "notices-no-url"])
def site(request, tmp_path_factory) -> Path:
    if request.param == "examples":
        return shared_build(tmp_path_factory, "examples", EXAMPLES)
    return shared_build(tmp_path_factory, "notices-no-url", NOTICES, site_url=None)  # shared with the 404 test


# --------------------------------------------------------------------------- the rule
@pytest.mark.parametrize("text, found", [
    ("我们使用Cookie和同类技术。", []),
    ("AllValue隐私声明（版本2024-07-15，哈希0123456789abcdef0123）", []),
    ("请发送邮件至privacy@allvalue.com或访问https://www.allvalue.com/rules。", []),
    ("GDPR第13条；11 CCR § 7012；本声明第八部分", []),
    ("Qima Investment Ltd.是AllValue的开发者", []),
    ("text reworded：八、本声明如何更新", ["text reworded"]),
    ("本声明Section VIII item 2", ["Section VIII item"]),
    ("级别：consent", ["consent"]),
    ("Show changes", ["Show changes"]),
])
def test_the_rule(text, found):
    assert latin_sentences(text) == found


def test_english_marked_elements_are_skipped():
    html = ('<p>说明 <span lang="en">We may revise this statement</span></p>'
            '<div lang="en-GB"><p>Whole <b>English</b> block</p></div>'
            '<code>collect.overview.basic</code><p title="Permanent link">¶</p>')
    assert page_texts(html) == ["说明 ", "Permanent link", "¶"]


# --------------------------------------------------------------------------- every page
@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant"])
def test_every_zh_page_is_chinese_or_marked_english(site, locale):
    pages = list((site / locale).rglob("*.html"))
    assert len(pages) >= 4  # statement, a version, history, 404 (and redlines where there are)
    found = unmarked_english(site, locale)
    assert not found, "\n".join(f"{page}: {phrases[:6]}" for page, phrases in found.items())


_HALF_WIDTH = re.compile(r"[\u4e00-\u9fff][(:;]|[):;][\u4e00-\u9fff]|[\u4e00-\u9fff]\s\(")


@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant"])
def test_interface_punctuation_is_full_width(site, locale):
    """Half-width brackets, colons and semicolons next to Chinese characters, outside
    English-marked text (the statement's own text is the translators' business: it is
    checked by the catalogs' tests)."""
    found = {}
    for page in sorted((site / locale).rglob("*.html")):
        texts = page_texts(page.read_text(encoding="utf-8"), skip_class="av-statement")
        bad = [m.group() for t in texts for m in _HALF_WIDTH.finditer(t)]
        if bad:
            found[str(page.relative_to(site))] = sorted(set(bad))[:6]
    assert not found, found


def test_every_translated_page_says_the_english_text_prevails(site):
    for locale in ("zh-Hans", "zh-Hant"):
        for page in (site / locale).rglob("*.html"):
            if page.name == "index.html" and page.parent.name == "search":
                continue
            assert 'class="av-prevails"' in page.read_text(encoding="utf-8"), page
