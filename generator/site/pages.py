"""The Rules Center's Markdown pages for one locale, generated from the source.

Per locale (the same tree in each, so the locale switcher maps a page to its
twin by swapping the first path segment)::

    index.md                         the current statement
    versions/<version>/index.md      every published version (old ones bannered)
    history/index.md                 the change history, the list of versions, receipts
    changes/<old>-to-<new>/index.md  redlines: every step, and every version -> current

The statement body is an HTML fragment (``templates/site/statement.html.j2``) in which
every section and clause carries its permanent id, so ``#<clause id>`` is a permalink
target in every version and locale. Links between pages are Markdown links, so mkdocs'
strict mode checks them and their anchors.

Source text is text everywhere (stored XSS): Material prints a page's ``title`` (front
matter), navigation titles and search titles as HTML, so those get the text
HTML-escaped (:func:`html_text`); text in the Markdown itself goes through
:func:`md_text`, an escape for Python-Markdown (what mkdocs runs), which neither
reads ``\\<`` nor ``\\&`` as escapes; the statement body is an autoescaped HTML
fragment.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..rendering import environment as rendering
from .l10n import site_translator, site_words

if TYPE_CHECKING:
    from ..i18n import Translator
    from ..model import Version
    from ..report import Words
    from .history import Comparison, History



#: Python-Markdown's backslash escapes (``Markdown.ESCAPED_CHARS``, with the tables
#: extension's ``|``); ``<``, ``>`` and ``&`` become entities instead.
_PYMD_ESCAPABLE = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
#: Anything that could end a line of Markdown (Python-Markdown reads ``\r`` as one).
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def html_text(text: str) -> str:
    """Source text for a place Material prints as HTML (page, navigation and search titles)."""
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Source text as literal text on one line of the site's Markdown (a heading, a table
    cell, an admonition's body): no markup, link, HTML, entity, attribute list or line
    break survives, and the reader sees exactly ``text`` (line breaks as spaces).

    ``markup.escape_markdown`` is CommonMark's escape (the merchant notices, read by
    markdown-it); Python-Markdown keeps the backslash of ``\\<``, ``\\&`` or ``\\~``.
    """
    one_line = _LINE_BREAKS.sub(" ", text).strip()
    return _PYMD_ESCAPABLE.sub(r"\\\1", html.escape(one_line, quote=False))


def render_template(name: str, gettext, locale: str = "en", **context: Any) -> str:
    """Render one of ``templates/site/`` with ``gettext`` for its interface strings
    (and :func:`md_text` and :func:`html_text` for the source text they show)."""
    return rendering.render_template(name, gettext, locale=locale, md_text=md_text, html_text=html_text,
                                     **context)


@dataclass(frozen=True)
class Page:
    """A generated page: its path under the locale's docs dir, and its Markdown."""

    path: str
    text: str


def version_path(version: "Version") -> str:
    return f"versions/{version.version}/index.md"


def redline_path(cmp: "Comparison") -> str:
    return f"changes/{cmp.slug}/index.md"


def _root(path: str) -> str:
    return "../" * path.count("/")


def statement_body(version: "Version", tr: "Translator") -> str:
    """The statement of ``version`` as an HTML fragment with a permalink on every clause."""
    from ..rendering.layout import layout

    tokens = layout(version, tr.locale, tr.translate, tr.gettext)
    return render_template("site/statement.html.j2", tr.gettext, tr.locale, tokens=tokens, lang=tr.locale)


def statement_page(version: "Version", history: "History", tr: "Translator", path: str,
                   body: str | None = None) -> Page:
    from ..rendering.statement import format_date

    is_current = version.version == history.current.version
    title = tr.translate("title", version.statement.title)[0]
    since = history.pairs.get((version.version, history.current.version))
    announce = history.announcing(version) if version in history.upcoming else None
    announced = [{"version": v.version, "effective_on": format_date(v.effective_date, tr.locale),
                  "redline": redline_path(history.announcing(v)), "page": version_path(v)}
                 for v in history.upcoming if history.announcing(v)]
    text = render_template(
        "site/statement.md.j2", tr.gettext, tr.locale,
        title=title, version=version, is_current=is_current, root=_root(path),
        page_kind="statement" if path == "index.md" else "version",
        illustrative=version.illustrative, complete=tr.complete,
        updated_on=format_date(version.updated_on, tr.locale),
        effective_on=format_date(version.effective_date, tr.locale),
        upcoming=version in history.upcoming, current_version=history.current.version,
        announce_link=redline_path(announce) if announce else "",
        since_link=redline_path(since) if since and not is_current else "",
        announced=announced,
        body=body if body is not None else statement_body(version, tr))
    return Page(path, text)


def history_page(history: "History", tr: "Translator", words: "Words") -> Page:
    """Every version as an item of one list, newest first: its status, the level of its
    change from the one before and what decided it, and a link to that change (only where
    something changed)."""
    from ..rendering.statement import format_date

    from markupsafe import Markup, escape

    path = "history/index.md"
    steps = {c.new.version: c for c in history.steps()}

    def source(text: str) -> str:
        return escape(text) if tr.locale == "en" else Markup('<span lang="en">{}</span>').format(text)

    rows = []
    for v in history.versions:
        step = steps.get(v.version)
        rows.append({
            "version": v, "step": step,
            # a version id is usually its date: the date is said again only where it is not
            "date": format_date(v.updated_on, tr.locale) if v.version != v.updated_on.isoformat() else "",
            # HTML: the source text it quotes (English) marked as such in another locale
            "summary": str(words.bound(step.old, step.new).headline(step.deciding, step.level, source))
            if step else "",
            "version_link": "../" + version_path(v),
            "redline_link": "../" + redline_path(step) if step and step.level != "none" else "",
            "status": "current" if v is history.current else "upcoming" if v in history.upcoming else "",
            "effective": format_date(v.effective_date, tr.locale),
            "effective_differs": v.effective_date != v.updated_on,
        })
    return Page(path, render_template("site/history.md.j2", tr.gettext, tr.locale, rows=rows,
                                      current=history.current,
                                      current_effective=format_date(history.current.effective_date, tr.locale)))


def redline_page(cmp: "Comparison", tr: "Translator") -> Page:
    """The redline of ``cmp`` (its summary, findings and wording: :func:`generator.report.render_redline_fragment`)."""
    from ..rendering.statement import format_date

    path = redline_path(cmp)
    return Page(path, render_template(
        "site/redline.md.j2", tr.gettext, tr.locale, cmp=cmp, root=_root(path), redline=cmp.redlines[tr.locale],
        new_effective=format_date(cmp.new.effective_date, tr.locale)))


def interface_strings(tr: "Translator") -> dict[str, str]:
    """The strings of the navigation and the pop-up (``templates/site/strings.json.j2``)."""
    import json

    return json.loads(render_template("site/strings.json.j2", tr.gettext, tr.locale))


def nav(history: "History", strings: dict[str, str]) -> list:
    """The navigation: the statement, the history, and every version (newest first).

    Material prints navigation titles as HTML: each is escaped (a version id cannot hold
    markup, its pattern forbids it; it is escaped all the same)."""
    versions = [{html_text(v.version): version_path(v)} for v in reversed(history.versions)]
    return [{html_text(strings["nav.statement"]): "index.md"},
            {html_text(strings["nav.history"]): "history/index.md"},
            {html_text(strings["nav.versions"]): versions}]


def locale_pages(history: "History", locale: str) -> list[Page]:
    """Every page of the site in ``locale``."""
    pages: list[Page] = []
    current_tr = site_translator(history.current, locale)
    words = site_words(history.current, locale)
    current_body = statement_body(history.current, current_tr)
    pages.append(statement_page(history.current, history, current_tr, "index.md", current_body))
    for v in history.versions:
        if v is history.current:
            pages.append(statement_page(v, history, current_tr, version_path(v), current_body))
        else:
            pages.append(statement_page(v, history, site_translator(v, locale), version_path(v)))
    pages.append(history_page(history, current_tr, words))
    for cmp in history.redlines():
        pages.append(redline_page(cmp, current_tr))
    return pages
