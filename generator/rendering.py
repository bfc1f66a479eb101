"""Render a version as Markdown, HTML or plain text from the layout tokens.

Templates live in ``templates/`` (Jinja2, ``StrictUndefined``; autoescape for
HTML). Paragraph text reaches HTML through markdown-it (raw HTML off) after
Markdown-escaping, so what AllValue wrote is shown literally. The same input
always gives byte-identical output: no clock, no randomness.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from .layout import Token, Translate, layout
from .model import Version

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
Format = Literal["md", "html", "text"]
FORMATS: tuple[str, ...] = ("md", "html", "text")
_SUFFIX = {"md": "md", "html": "html", "text": "txt"}


@lru_cache(maxsize=4)
def environment(autoescape: bool):
    """The Jinja environment for our own templates (merchant text never compiles here)."""
    import jinja2

    from .markup import escape_markdown, statement_html, statement_markdown, statement_plain

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_null_translations(newstyle=True)
    # AllValue's own text: escaped, with its one inline markup (**strong**) kept
    env.filters["md"] = statement_markdown
    env.filters["md_escape"] = escape_markdown
    env.filters["inline_html"] = lambda t: __import__("markupsafe").Markup(statement_html(t))
    env.filters["plain"] = statement_plain
    env.filters["display_width"] = display_width
    return env


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two
    (Unicode Standard Annex #11), so a text underline matches a Chinese heading."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_date(date, locale: str = "en") -> str:
    from babel.dates import format_date as babel_format_date

    from .locales import babel_locale

    return babel_format_date(date, format="long", locale=babel_locale(locale))


def render(version: Version, format: Format = "md", *, locale: str = "en",
           translate: Translate | None = None, gettext=None) -> str:
    """The statement of ``version`` in ``format`` (md, html or text) and ``locale``.

    ``translate(node_id, english) -> (text, lang)`` supplies translated clause
    text (``lang`` non-empty marks an English fallback); ``gettext`` the
    interface strings. Both default to English.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    _ = gettext or (lambda s: s)
    tokens = layout(version, locale, translate or (lambda i, t: (t, "")), _)
    env = environment(format == "html")
    template = env.get_template(f"statement/statement.{_SUFFIX[format]}.j2")
    return template.render(
        version=version,
        tokens=tokens,
        locale=locale,
        updated_on=format_date(version.updated_on, locale),
        lang=locale,
        **_gettext_context(gettext),
    )


def _gettext_context(gettext) -> dict:
    """``_``/``gettext``/``ngettext`` for one render, as context variables.

    Installing them on an ``overlay()`` of the cached environment would write
    into the globals dict the overlay shares with it, so one locale's strings
    would leak into every later render.
    """
    if gettext is None:
        return {}
    from jinja2.ext import _make_new_gettext, _make_new_ngettext

    g = _make_new_gettext(gettext)
    return {"_": g, "gettext": g,
            "ngettext": _make_new_ngettext(lambda s, p, n: gettext(s if n == 1 else p))}
