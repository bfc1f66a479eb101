"""The one Jinja environment factory: every template set (statement, report, site,
merchant notices) renders through it, with the same loader, filters and gettext.

Two switches only: ``autoescape`` (True for HTML, False for Markdown and text,
``"by-name"`` to decide by the template's name, as the site's mixed set needs) and
``sandboxed`` (the merchant notices: Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment`;
merchant text is still never compiled, only passed in as escaped data).

Interface strings are not installed on an environment: :func:`gettext_context` puts
``_``/``gettext``/``ngettext`` in each render's context, so one cached environment, and
one compilation of each template, serves every locale without one locale's strings
leaking into another's render.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal

from ..resources import templates_dir
from .markup import escape_markdown, statement_html, statement_markdown, statement_plain

Autoescape = Literal[True, False, "by-name"]


@lru_cache(maxsize=8)
def environment(autoescape: Autoescape = False, sandboxed: bool = False):
    """The environment of our own templates (``templates/``), cached per setting."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    cls = SandboxedEnvironment if sandboxed else jinja2.Environment
    escape = (jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False)
              if autoescape == "by-name" else bool(autoescape))
    env = cls(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=escape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_null_translations(newstyle=True)
    # AllValue's own text: escaped, with its one inline markup (**strong**) kept. The
    # same clause text recurs in every version and locale: convert each once.
    env.filters["md"] = statement_markdown
    env.filters["md_escape"] = escape_markdown
    env.filters["inline_html"] = _inline_html
    env.filters["plain"] = statement_plain
    env.filters["display_width"] = display_width
    return env


@lru_cache(maxsize=8192)
def _inline_html(text: str):
    import markupsafe

    return markupsafe.Markup(statement_html(text))


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters take two
    (Unicode Standard Annex #11), so a text underline matches a Chinese heading."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def gettext_context(gettext: Callable[[str], str]) -> dict[str, Any]:
    """``_``/``gettext``/``ngettext`` for one render, as context variables.

    Jinja's newstyle gettext: translate, then ``%``-format with the keyword
    arguments (under autoescape the message is Markup, so the arguments are
    escaped). They go in the render context rather than on an environment: an
    ``overlay()`` of a cached environment shares its globals dict, so one
    locale's strings would leak into every later render.
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


def render_template(name: str, gettext: Callable[[str], str] = lambda s: s, *,
                    autoescape: Autoescape = "by-name", **context: Any) -> str:
    """Render one of our templates with ``gettext`` for its interface strings."""
    return environment(autoescape).get_template(name).render(**gettext_context(gettext), **context)
