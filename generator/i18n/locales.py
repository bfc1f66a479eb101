"""Supported locales and negotiation of a user's language tag to one of them.

Our locales are BCP 47 tags: ``en`` (the source), ``zh-Hans`` and ``zh-Hant``.
Babel's own negotiation matches tags as strings and does not cross scripts
(``zh-TW`` never matches ``zh-Hant``), so the Chinese mapping is written out
here deliberately: the script subtag wins when present, otherwise the region
decides (CN, SG, MY → Simplified; TW, HK, MO → Traditional), and a bare ``zh``
means Simplified, the script most Chinese readers use.
"""
from __future__ import annotations

from dataclasses import dataclass

import re

from ..errors import UsageError

SUPPORTED: tuple[str, ...] = ("en", "zh-Hans", "zh-Hant")
#: The locale every text is written in first; it needs no catalog.
SOURCE_LOCALE = "en"
#: Babel's locale identifiers for our tags (dates, numbers)
BABEL_IDS: dict[str, str] = {"en": "en", "zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_HK"}
#: Chinese regions by the script their official written language uses
ZH_REGIONS: dict[str, str] = {
    "CN": "zh-Hans", "SG": "zh-Hans", "MY": "zh-Hans",
    "TW": "zh-Hant", "HK": "zh-Hant", "MO": "zh-Hant",
}
_SCRIPTS = {"hans": "zh-Hans", "hant": "zh-Hant"}
_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")


def negotiate(tag: str) -> str:
    """The supported locale for a language tag (``zh-TW`` → ``zh-Hant``).

    Accepts ``-`` or ``_`` separators in any case; an unsupported tag raises
    :class:`UsageError` listing the supported locales.
    """
    raw = (tag or "").strip()
    if _TAG.match(raw):
        lang, *subtags = [p.lower() for p in re.split(r"[-_]", raw)]
        if lang == "en":
            return "en"
        if lang == "zh":
            for sub in subtags:
                if sub in _SCRIPTS:
                    return _SCRIPTS[sub]
            for sub in subtags:
                if len(sub) == 2 and sub.isalpha():
                    region = ZH_REGIONS.get(sub.upper())
                    if region:
                        return region
                    break
            else:
                return "zh-Hans"
    raise UsageError(f"unsupported locale {tag!r}: supported locales are {', '.join(SUPPORTED)}"
                     " (zh-CN, zh-SG → zh-Hans; zh-TW, zh-HK, zh-MO → zh-Hant; en-* → en)")


def babel_locale(tag: str):
    from babel import Locale

    return Locale.parse(BABEL_IDS.get(tag, tag), sep="_")


@dataclass(frozen=True)
class Punctuation:
    """The punctuation a locale writes around labels and quotations."""

    colon: str
    open_quote: str
    close_quote: str
    #: between the items of an inline list ("email, phone" / "电子邮件、电话")
    list_separator: str = ", "


PUNCTUATION: dict[str, Punctuation] = {
    "en": Punctuation(": ", '"', '"'),
    "zh-Hans": Punctuation("：", "“", "”", "、"),
    "zh-Hant": Punctuation("：", "「", "」", "、"),
}


def punctuation(locale: str) -> Punctuation:
    """Full-width colon and the locale's quotation marks in Chinese; ASCII in English."""
    return PUNCTUATION.get(locale, PUNCTUATION["en"])
