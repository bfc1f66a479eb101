"""mkdocs hooks of the Rules Center (``notices build`` passes this file as ``hooks``).

- **Search lands on the clause.** Material's search plugin makes one entry per heading with
  an ``id``; the statement's clauses are paragraphs and list items, so the whole statement
  was one entry and every hit opened the top of the page. After the plugin has indexed a
  statement page (``av_page: statement``), its entries are replaced by one per section and
  one per clause: location ``<page>#<clause id>`` (the clause's permalink), title its
  number and heading, text its own words (without the numbers, which are in the title,
  the ¶ marks, or the text of the clauses nested in it, which have their own entries).
- **Traditional Chinese is segmented as Traditional.** jieba's dictionary is Simplified:
  個人資料 came out as 個/人/資料. A zh-Hant build loads ``jieba.zh-Hant.txt`` beside this
  file (the glossary's zh-Hant terms and the statement's common words) as a user dictionary.
- **The heading permalinks' title** (Python-Markdown's toc, "Permanent link") in the
  site's language: ``extra.permalink_title``.

Stand-alone on purpose: a plain ``mkdocs build`` of a generated project runs it without
the ``generator`` package.
"""
from __future__ import annotations

import logging
import re
from html import escape
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.rules_center")

_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def on_config(config):
    title = config.extra.get("permalink_title")
    if title and isinstance(config.mdx_configs.get("toc"), dict):
        config.mdx_configs["toc"]["permalink_title"] = title
    if config.extra.get("locale") == "zh-Hant":
        try:
            import jieba
        except ImportError:  # Material's search then indexes without segmentation
            return config
        jieba.setLogLevel(logging.WARNING)
        jieba.load_userdict(str(Path(__file__).with_name("jieba.zh-Hant.txt")))
    return config


class _Clauses(HTMLParser):
    """The sections and clauses of a statement body: (id, title, own text), in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries: list[dict] = []
        self.open: list[tuple[str, dict | None, bool]] = []  # (tag, entry it opened, skipping)
        self.heading = ""          # the nearest heading (number and text)
        self.numbers: list[str] = []
        self.in_heading: dict | None = None
        self.in_enum = False

    def _current(self) -> dict | None:
        for _, entry, _ in reversed(self.open):
            if entry is not None:
                return entry
        return None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        skipping = bool(self.open and self.open[-1][2]) or bool(classes & {"headerlink", "fallback"})
        entry = None
        if tag == "section" and not any(t == "section" for t, _, _ in self.open):
            self.heading, self.numbers = "", []  # a top-level section starts afresh
        if tag in ("section", "li", "p") and attrs.get("id"):
            entry = {"id": attrs["id"], "title": "", "text": [], "kind": tag, "number": ""}
            self.entries.append(entry)
        if tag in _HEADINGS or (tag == "p" and "subheading" in classes):
            self.in_heading = {"text": []}
        if "enum" in classes:
            self.in_enum = True
        if tag not in ("br", "img", "hr", "wbr"):
            self.open.append((tag, entry, skipping))

    def handle_endtag(self, tag):
        while self.open:
            t, entry, _ = self.open.pop()
            if entry is not None:
                entry["title"] = self._title(entry)
                if entry["kind"] == "li" and self.numbers:
                    self.numbers.pop()
            if t == tag:
                break
        if (tag in _HEADINGS or tag == "p") and self.in_heading is not None and not self._inside_heading():
            self.heading = " ".join("".join(self.in_heading["text"]).split())
            self.in_heading = None
            self.numbers = []
            section = self._current()
            if section is not None and section["kind"] == "section" and not section["title"]:
                section["heading"] = self.heading
        if tag == "span":
            self.in_enum = False

    def _inside_heading(self) -> bool:
        return any(t in _HEADINGS for t, _, _ in self.open)

    def _title(self, entry: dict) -> str:
        if entry["kind"] == "section":
            return entry.get("heading") or self.heading
        number = "".join(self.numbers)
        return f"{self.heading} · {number}" if self.heading and number else (self.heading or "")

    def handle_data(self, data):
        if self.open and self.open[-1][2]:
            return
        if self.in_heading is not None:  # "Ⅱ." + "How…": a space after a Latin number
            self.in_heading["text"].append(data + " " if self.in_enum and data.strip()[-1:].isascii() else data)
        entry = self._current()
        if self.in_enum:
            if entry is not None and entry["kind"] == "li" and not entry["number"]:
                entry["number"] = data.strip()
                self.numbers.append(entry["number"])
            if self.in_heading is None:
                return  # the number is in the title; a heading keeps its own
        if entry is not None and self.in_heading is None:
            entry["text"].append(data)


def on_page_context(context, page, config, nav):
    """Runs after the search plugin's (hooks come after plugins): re-index a statement page."""
    if page.meta.get("av_page") != "statement":
        return context
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None:
        return context
    body = page.content or ""
    start = body.find('<div class="av-statement"')
    if start < 0:
        return context
    parser = _Clauses()
    parser.feed(body[start:])
    parser.close()
    try:
        from material.plugins.search.plugin import jieba
    except ImportError:
        jieba = None
    segment = index._segment_chinese if jieba else (lambda s: s)
    kept = [e for e in index.entries if e["location"] != page.url and not e["location"].startswith(page.url + "#")]
    first = next((e for e in index.entries if e["location"] == page.url), None)
    title = str(page.meta.get("title", page.title))
    # the front matter's title is already HTML-escaped (generator.site.pages.html_text)
    entries = [{"location": page.url, "title": segment(title), "text": ""}] if first is None else \
        [{**first, "text": ""}]
    for e in parser.entries:
        text = re.sub(r"\s+", " ", "".join(e["text"])).strip()
        if not e["title"] and e["number"]:  # under no heading: the page's title and the number
            e["title"] = f"{html_unescape(title)} · {e['number']}"
        if not text and e["kind"] != "section":
            continue
        # text, as Material's own parser keeps it: escaped (its results print it as HTML)
        heading = escape(e["title"], quote=False) if e["title"] else title
        entries.append({"location": f"{page.url}#{e['id']}", "title": segment(heading),
                        "text": segment(escape(text, quote=False))})
    # keep the index in page order: this page's entries where its first one was
    at = next((i for i, e in enumerate(index.entries) if e["location"].split("#")[0] == page.url), len(kept))
    index.entries[:] = kept[:at] + entries + kept[at:]
    return context
