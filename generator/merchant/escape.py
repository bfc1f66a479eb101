"""Merchant values, escaped for the format they land in: one function per (format, kind).

A template asks for a merchant value with ``v(path, kind)``; the kind says what
the value is (``text``, ``url``, ``email``, ``list``, ``paragraphs``,
``years``) and this table how each format shows it safely. HTML text is
HTML-escaped; Markdown text is backslash-escaped so it cannot open a link,
image, heading, list or HTML block (:func:`~generator.markup.escape_markdown`);
a paragraph's bare URLs and emails become links through markdown-it, which only
lets ``http(s):`` and ``mailto:`` through. URLs and emails were validated by
the profile; they are checked again here, so a value built without the model
cannot smuggle a ``javascript:`` link in.
"""
from __future__ import annotations

from collections.abc import Callable
import re
from functools import lru_cache, partial
from typing import Any

from markupsafe import escape

from ..rendering.markup import escape_markdown, markdown_with_autolinks, text_to_html
from .notice import format_list
from .profile import _EMAIL, _URL_CHARS

_URL_START = re.compile(r"^https?://[^/@]", re.IGNORECASE)

KINDS = ("text", "url", "email", "list", "paragraphs", "years")


@lru_cache(maxsize=256)
def _years(n: int, locale: str) -> str:
    from babel.units import format_unit

    from ..i18n.locales import babel_locale

    return format_unit(int(n), "duration-year", length="long", locale=babel_locale(locale))


def _safe_url(value: str) -> str:
    # the profile validated it fully; this cheap re-check keeps a model-less value out
    if not _URL_START.match(value) or not _URL_CHARS.match(value):
        raise ValueError(f"not an http(s) URL: {value!r}")
    return value


def _safe_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"not an email address: {value!r}")
    return value


@lru_cache(maxsize=4096)
def _list(items: tuple[str, ...], locale: str) -> str:
    return format_list(list(items), locale)


def _plain(kind: str, value: Any, locale: str) -> str:
    """The value as text, before any escaping."""
    if kind == "text":
        return str(value)
    if kind == "url":
        return _safe_url(value)
    if kind == "email":
        return _safe_email(value)
    if kind == "list":
        return _list(tuple(str(x) for x in value), locale)
    if kind == "years":
        return _years(value, locale)
    raise ValueError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")


def _html(kind: str, locale: str, value: Any) -> str:
    if kind == "paragraphs":
        return "</p>\n<p>".join(text_to_html(p) for p in value)
    if kind == "text":
        return str(escape(value))
    return str(escape(_plain(kind, value, locale)))


def _markdown(kind: str, locale: str, value: Any) -> str:
    if kind == "paragraphs":
        return "\n\n".join(markdown_with_autolinks(p) for p in value)
    if kind in ("url", "email"):
        # validated: no spaces, quotes or angle brackets, so safe inside <...> autolinks
        return _plain(kind, value, locale)
    return escape_markdown(_plain(kind, value, locale))


def _text(kind: str, locale: str, value: Any) -> str:
    if kind == "paragraphs":
        return "\n\n".join(value)
    return _plain(kind, value, locale)


_FORMATS = {"html": _html, "md": _markdown, "text": _text}


def escaper(format: str, kind: str, locale: str) -> Callable[[Any], str]:
    """The function that turns a raw profile value of ``kind`` into safe ``format`` text."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    return partial(_FORMATS[format], kind, locale)
