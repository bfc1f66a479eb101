"""Render a version as Markdown, HTML or plain text from the layout tokens.

Templates live in ``templates/`` (Jinja2, ``StrictUndefined``; autoescape for
HTML). Paragraph text reaches HTML through markdown-it (raw HTML off) after
Markdown-escaping, so what AllValue wrote is shown literally. The same input
always gives byte-identical output: no clock, no randomness.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ..resources import templates_dir
from .layout import Translate, layout
from ..model import Version

Format = Literal["md", "html", "text"]
FORMATS: tuple[str, ...] = ("md", "html", "text")
_SUFFIX = {"md": "md", "html": "html", "text": "txt"}


@lru_cache(maxsize=4)
def environment(autoescape: bool):
    """The Jinja environment for our own templates (merchant text never compiles here)."""
    import jinja2

    from .markup import escape_markdown, statement_html, statement_markdown, statement_plain

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
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

    from ..i18n.locales import babel_locale

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
        **(gettext_context(gettext) if gettext is not None else {}),
    )


def gettext_context(gettext: Callable[[str], str]) -> dict[str, Any]:
    """``_``/``gettext``/``ngettext`` for one render, as context variables.

    Jinja's newstyle gettext: translate, then ``%``-format with the keyword
    arguments (under autoescape the message is Markup, so the arguments are
    escaped). They go in the render context rather than on an environment: an
    ``overlay()`` of a cached environment shares its globals dict, so one
    locale's strings would leak into every later render. Every template set
    (statement, site, merchant) renders with these.
    """
    import jinja2
    import markupsafe

    def _format(context: Any, text: str, variables: dict[str, Any]) -> str:
        if context.eval_ctx.autoescape:
            text = markupsafe.Markup(text)
        return text % variables if variables else text

    @jinja2.pass_context
    def _gettext(context: Any, message: str, **variables: Any) -> str:
        return _format(context, gettext(message), variables)

    @jinja2.pass_context
    def _ngettext(context: Any, singular: str, plural: str, n: int, **variables: Any) -> str:
        variables.setdefault("num", n)
        return _format(context, gettext(singular if n == 1 else plural), variables)

    return {"_": _gettext, "gettext": _gettext, "ngettext": _ngettext}
