"""The site's locales, and the one translator and words it uses in each.

Missing translations never fail a build: :func:`site_translator` shows the English
of a stale or missing clause with a fallback note (``lang="en"``), which is what the
Rules Center promises its readers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Translator
    from ..model import Version
    from ..report import Words

#: The locales the Rules Center is built in, in switcher order.
SITE_LOCALES: tuple[str, ...] = ("en", "zh-Hans", "zh-Hant")
#: Names shown in the locale switcher (each in its own language).
LOCALE_NAMES: dict[str, str] = {"en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文"}


def site_translator(version: "Version", locale: str) -> "Translator":
    """The translator of ``version`` into ``locale``, English where a translation is missing."""
    from ..i18n import translator

    return translator(version, locale, allow_fallback=True)


def site_words(version: "Version", locale: str) -> "Words":
    """Findings in words in ``locale``: the interface catalog and the vocabulary's labels;
    clauses named by their number and heading in the version they are in, linked to their
    permalink from a redline page (``changes/<old>-to-<new>/``)."""
    from ..report import Words
    from ..report.clauses import clause_names

    tr = site_translator(version, locale)
    cache: dict[str, dict[str, str]] = {}

    def names(v: "Version") -> dict[str, str]:
        if v.version not in cache:
            cache[v.version] = clause_names(v, site_translator(v, locale))
        return cache[v.version]

    return Words(tr.locale, tr.gettext, tr.label, clause_names=names, clause_href=redline_clause_href)


def redline_clause_href(version: "Version", clause: str) -> str:
    """A clause's permalink from a redline page: ``../../versions/<version>/#<clause>``."""
    return f"../../versions/{version.version}/#{clause}"
