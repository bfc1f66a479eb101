"""The changes the pop-up lists, in the reader's locale.

The classifier words each fact change in English (``recipient added: data brokers``,
from :class:`generator.factdiff.FactChange`). For the pop-up the same change is
worded again from its data: the kind and the verb from the site's interface catalog
(``templates/site/finding-labels.json.j2``), the codes from the vocabulary's
localized labels (:func:`generator.i18n.vocabulary_labels`). Anything this cannot
word (a finding that is not a fact change, an unusual fact) keeps the English text.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

#: fact kinds whose values are vocabulary codes, and the field that holds them
_CODE_FIELDS = {"data": "code", "purpose": "code", "legal-basis": "code", "recipient": "code",
                "transfer": "destination", "right": "code", "retention": "code",
                "processing": "code", "disclosure": "code", "safeguard": "code", "fee": "code"}

Merged = dict[str, list[Any]]


class FindingWords:
    """Words one locale uses for changes: built once per locale."""

    def __init__(self, locale: str, gettext: Callable[[str], str]):
        from ..site.pages import render_template

        self.locale = locale
        self.words = json.loads(render_template("site/finding-labels.json.j2", gettext, locale))
        try:
            from ..i18n import vocabulary_labels

            self.labels = vocabulary_labels(locale)
        except ImportError:  # pragma: no cover - i18n is part of the package
            self.labels = {}

    def label(self, code: str) -> str:
        from ..model.vocabulary import label

        return self.labels.get(code) or label(code)

    def describe(self, kind: str, value: Merged) -> str | None:
        sep = "、" if self.locale.startswith("zh") else ", "
        if kind == "right" and value.get("channels"):
            rights = sep.join(self.label(str(c)) for c in value.get("code", []))
            return f"{rights} ({sep.join(self.label(str(c)) for c in value['channels'])})"
        if kind in _CODE_FIELDS and (kind != "recipient" or value.get("via", ["share"]) == ["share"]):
            return sep.join(self.label(str(c)) for c in value.get(_CODE_FIELDS[kind], [])) or None
        if kind == "response-time":
            return sep.join(self.words["days"].format(days=d) for d in value.get("days", [])) or None
        if kind == "controller":
            names = sep.join(str(n) for n in value.get("name", []))
            places = sep.join(self.label(str(j)) for j in value.get("jurisdiction", []))
            return f"{names} ({places})" if places else names or None
        if kind == "contact":
            channels = sep.join(self.label(str(c)) for c in value.get("channel", []))
            values = sep.join(str(v) for v in value.get("value", []))
            return f"{channels} {values}".strip() or None
        return None

    def text(self, change: Any) -> str | None:
        """``change`` (a FactChange) in this locale, or None when it cannot be worded."""
        what = self.words.get(f"kind.{change.kind}")
        if what is None:
            return None
        if change.change in ("added", "removed"):
            value = self.describe(change.kind, (change.new if change.change == "added" else change.old) or {})
            return None if value is None else self.words[change.change].format(what=what, value=value)
        old, new = self.describe(change.kind, change.old or {}), self.describe(change.kind, change.new or {})
        if old is None or new is None:
            return None
        return self.words["changed"].format(what=what, old=old, new=new)


#: what a rule may add after the fact change's own text (consent rules flag sensitive data)
_SUFFIXES = {"": "", " (sensitive)": "sensitive"}


def localized_texts(finding: Any, fact_changes: Any, words: dict[str, FindingWords]) -> dict[str, str]:
    """``{locale: text}`` for one finding: worded again from its fact change where possible."""
    match = next(((fc, _SUFFIXES[finding.text[len(fc.text):]]) for fc in fact_changes
                  if finding.text.startswith(fc.text) and finding.text[len(fc.text):] in _SUFFIXES),
                 None)
    out = {}
    for locale, w in words.items():
        text = None
        if locale != "en" and match is not None:
            text = w.text(match[0])
            if text is not None and match[1]:
                text += w.words[match[1]]
        out[locale] = text or finding.text
    return out
