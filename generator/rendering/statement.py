"""Render a version as Markdown, HTML or plain text from the layout tokens.

Templates live in ``templates/`` (Jinja2, ``StrictUndefined``; autoescape for
HTML). Paragraph text reaches HTML through markdown-it (raw HTML off) after
Markdown-escaping, so what AllValue wrote is shown literally. The same input
always gives byte-identical output: no clock, no randomness.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from .environment import environment, gettext_context
from .layout import Translate, layout
from ..model import Version

Format = Literal["md", "html", "text"]
FORMATS: tuple[str, ...] = ("md", "html", "text")
_SUFFIX = {"md": "md", "html": "html", "text": "txt"}


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


def render_localized(version: Version, format: Format = "md", locale: str = "en",
                     allow_fallback: bool = False, *, locales_dir: str | Path | None = None) -> str:
    """Render ``version`` in ``format`` and ``locale`` (any tag; negotiated) with its translations.

    Refuses (:class:`generator.i18n.IncompleteTranslation`) a locale with stale or missing
    clauses unless ``allow_fallback``, which shows them in English, marked.
    """
    from ..i18n import translator

    tr = translator(version, locale, allow_fallback=allow_fallback, locales_dir=locales_dir)
    return render(version, format, locale=tr.locale, translate=tr.translate, gettext=tr.gettext)


#: the format whose bytes ``rendered_hash`` covers: plain text, what a reader copies or prints
HASHED_FORMAT: Format = "text"


def rendered_hash(version: Version, locale: str = "en", *, locales_dir: str | Path | None = None) -> str:
    """``sha256:`` of the statement's plain-text rendering in ``locale`` (English where a
    translation is missing, as the Rules Center shows it): what ``versions.json`` lists
    so that anyone can check a copy they hold."""
    import hashlib

    text = render_localized(version, HASHED_FORMAT, locale, allow_fallback=True, locales_dir=locales_dir)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def rendered_hashes(version: Version, locales: tuple[str, ...],
                    locales_dir: str | Path | None = None) -> dict[str, str]:
    """:func:`rendered_hash` of ``version`` in each of ``locales``."""
    return {loc: rendered_hash(version, loc, locales_dir=locales_dir) for loc in locales}
