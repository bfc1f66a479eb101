"""The merchant notice's window on localization (issue 4), and English until it lands.

Issue 4 promises ``generator.locales.negotiate(tag)``, ``generator.locales.SUPPORTED``
and ``generator.i18n.translator(version, locale, *, allow_fallback)`` returning an
object with ``.translate(node_id, english) -> (text, lang)`` and
``.gettext(message)``; its ``.label(code)`` (the vocabulary domain) gives a
fact code's label in the locale, falling back to English. This module is the only place that knows whether they
exist yet: with them, notices are translated; without them, English is the only
locale and every other tag is refused with the list of what is supported.
"""
from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Protocol

from ..errors import UsageError

if TYPE_CHECKING:
    from ..model import Version

SOURCE_LOCALE = "en"


class Translator(Protocol):
    def translate(self, node_id: str, english: str) -> tuple[str, str]: ...
    def gettext(self, message: str) -> str: ...
    def label(self, code: str) -> str: ...


class English:
    """The source language: clause text as written, interface strings as marked."""

    def translate(self, node_id: str, english: str) -> tuple[str, str]:
        return english, ""

    def gettext(self, message: str) -> str:
        return message

    def label(self, code: str) -> str:
        from ..model import vocabulary

        return vocabulary.label(code)


def has_i18n() -> bool:
    """Whether issue 4's ``generator.i18n`` is present."""
    return importlib.util.find_spec("generator.i18n") is not None


def supported() -> tuple[str, ...]:
    from ..i18n import locales

    return tuple(locales.SUPPORTED) if has_i18n() else (SOURCE_LOCALE,)


def negotiate(tag: str) -> str:
    """A user's language tag -> a supported locale; UsageError naming the supported ones."""
    from ..i18n import locales

    known = supported()
    if has_i18n() and hasattr(locales, "negotiate"):
        locale = locales.negotiate(tag)
    else:
        locale = tag if tag in known else next((k for k in known if tag.split("-")[0] == k), None)
    if locale not in known:
        raise UsageError(f"unsupported locale {tag!r} (supported: {', '.join(known)})")
    return locale


def translator(version: Version, locale: str, *, allow_fallback: bool = False) -> Translator:
    """Clause and interface translations for ``locale`` (English needs none)."""
    if locale == SOURCE_LOCALE:
        return English()
    if not has_i18n():
        raise UsageError(f"unsupported locale {locale!r} (supported: {', '.join(supported())})")
    from .. import i18n

    return i18n.translator(version, locale, allow_fallback=allow_fallback)
