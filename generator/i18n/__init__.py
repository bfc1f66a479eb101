"""Localized notices: gettext catalogs, per-clause staleness, the translator.

::

    from generator.i18n import status, translator
    from generator.rendering import render_localized          # the statement, translated
    html = render_localized(version, "html", "zh-TW")        # negotiated to zh-Hant
    status(version, "zh-Hans")["stale_ids"]
    localized_label("av:PaymentProvider", "zh-Hans")           # 支付服务提供商
    translator(version, "zh-TW").label("pd:EmailAddress")      # 電郵地址
"""
from __future__ import annotations

from .catalogs import CONTENT_DOMAIN as CONTENT_DOMAIN
from .catalogs import INTERFACE_DOMAIN as INTERFACE_DOMAIN
from .catalogs import LOCALES_DIR as LOCALES_DIR
from .catalogs import TRANSLATED_LOCALES as TRANSLATED_LOCALES
from .catalogs import VOCABULARY_DOMAIN as VOCABULARY_DOMAIN
from .catalogs import content_entries as content_entries
from .catalogs import extract as extract
from .catalogs import update as update
from .translator import IncompleteTranslation as IncompleteTranslation
from .translator import Translator as Translator
from .translator import localized_label as localized_label
from .translator import status as status
from .translator import translator as translator
from .translator import vocabulary_labels as vocabulary_labels
