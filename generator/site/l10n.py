"""Text of the site in a locale: the statement's translation and the interface strings.

A thin adapter over :mod:`generator.i18n`: :func:`localizer` returns, for one version
and locale, ``translate(node_id, english) -> (text, lang)`` (``lang`` set when the
English is shown instead, so the page can say so) and ``gettext(msgid)`` for the
site's own strings. Missing translations never fail a build: the English is shown
with a fallback note, which is what the Rules Center promises its readers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..model import Version

#: The locales the Rules Center is built in, in switcher order.
SITE_LOCALES: tuple[str, ...] = ("en", "zh-Hans", "zh-Hant")
#: Names shown in the locale switcher (each in its own language).
LOCALE_NAMES: dict[str, str] = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}


@dataclass(frozen=True)
class Localizer:
    """Everything locale-dependent for one version: clause text and interface strings."""

    locale: str
    translate: Callable[[str, str], tuple[str, str]]
    gettext: Callable[[str], str]
    #: whether any clause of the version fell back to English in this locale
    complete: bool = True


def _english(node_id: str, text: str) -> tuple[str, str]:
    return text, ""


def _fallback(node_id: str, text: str) -> tuple[str, str]:
    return text, "en"


def localizer(version: "Version", locale: str) -> Localizer:
    """The translator of ``version`` into ``locale``, English where a translation is missing."""
    if locale == "en":
        return Localizer("en", _english, lambda s: s)
    try:
        from .. import i18n
    except ImportError:  # the i18n layer is optional for a build: English with a note
        return Localizer(locale, _fallback, lambda s: s, complete=False)
    tr = i18n.translator(version, locale, allow_fallback=True)
    return Localizer(locale, tr.translate, tr.gettext, complete=bool(tr.report.get("complete", True)))
