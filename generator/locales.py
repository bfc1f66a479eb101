"""Supported locales and negotiation of a user's language tag to one of them."""
from __future__ import annotations

SUPPORTED: tuple[str, ...] = ("en",)
#: Babel's locale identifiers for our tags
BABEL_IDS: dict[str, str] = {"en": "en", "zh-Hans": "zh_Hans_CN", "zh-Hant": "zh_Hant_HK"}


def babel_locale(tag: str):
    from babel import Locale

    return Locale.parse(BABEL_IDS.get(tag, tag), sep="_")
