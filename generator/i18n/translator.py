"""Per-clause completeness and staleness, and the translator renderers call.

A clause of a version is, in a locale:

- **translated** when the catalog has a translation of *this version's*
  English: the entry's ``msgid`` equals it and is not fuzzy, or the entry is
  fuzzy and its previous msgid (``#| msgid``, the English the translation was
  made from) equals it — so an older version keeps its translation while a
  newer English waits for review;
- **stale** when the catalog has a translation of some other English;
- **missing** when the catalog has no translation for the id.

Publishing never degrades silently: :func:`translator` refuses a locale with
stale or missing clauses (naming them) unless ``allow_fallback``, which shows
those clauses in English, marked ``lang="en"``.

Fact labels (``vocabulary.po``, one entry per code) follow the same rule per
code, but never block publishing: :meth:`Translator.label` and
:func:`localized_label` give the English of :func:`generator.vocabulary.label`
for a code whose translation is missing or was made from another English, and
:func:`status` counts them under ``vocabulary``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import vocabulary as vocab
from ..errors import UsageError
from .locales import SOURCE_LOCALE, negotiate
from .catalogs import (
    CONTENT_DOMAIN,
    INTERFACE_DOMAIN,
    VOCABULARY_DOMAIN,
    by_context,
    check_locales_dir,
    content_entries,
    po_path,
    read_catalog,
    read_catalog_if_present,
)

if TYPE_CHECKING:
    from babel.messages.catalog import Message
    from babel.support import Translations

    from ..model import Version


def _state(message: Message | None, english: str) -> str:
    if message is None or not message.string:
        return "missing"
    if message.id == english and "fuzzy" not in message.flags:
        return "translated"
    if "fuzzy" in message.flags and list(message.previous_id) == [english]:
        return "translated"
    return "stale"


@dataclass(frozen=True)
class CatalogStatus:
    """How much of one catalog of strings (interface, vocabulary) a locale translates.

    ``fuzzy``: the English changed and the translation awaits review; ``stale``: the
    catalog's English is not the current one (``notices i18n update`` not run);
    ``missing``: no entry or no translation. Lists of msgids or codes.
    """

    total: int = 0
    translated: int = 0
    fuzzy: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TranslationStatus:
    """Translated / stale / missing clauses of one version in one locale.

    ``interface`` and ``vocabulary`` (the interface strings and the fact labels) never
    affect ``complete``: only the statement's own clauses do.
    """

    locale: str
    policy: str
    version: str
    total: int
    stale_ids: list[str]
    missing_ids: list[str]
    interface: CatalogStatus = field(default_factory=CatalogStatus)
    vocabulary: CatalogStatus = field(default_factory=CatalogStatus)

    @property
    def stale(self) -> int:
        return len(self.stale_ids)

    @property
    def missing(self) -> int:
        return len(self.missing_ids)

    @property
    def translated(self) -> int:
        return self.total - self.stale - self.missing

    @property
    def complete(self) -> bool:
        return not self.stale_ids and not self.missing_ids

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: every field and the counts (``notices i18n status --format json``)."""
        from dataclasses import asdict

        return {"locale": self.locale, "policy": self.policy, "version": self.version,
                "total": self.total, "translated": self.translated, "stale": self.stale,
                "missing": self.missing, "stale_ids": self.stale_ids, "missing_ids": self.missing_ids,
                "complete": self.complete, "interface": asdict(self.interface),
                "vocabulary": asdict(self.vocabulary)}


def _interface_status(locale: str, locales_dir) -> CatalogStatus:
    catalog = read_catalog_if_present(po_path(locales_dir, locale, INTERFACE_DOMAIN))
    if catalog is None:
        return CatalogStatus()
    messages = [m for m in catalog if m.id]
    return CatalogStatus(
        total=len(messages),
        translated=sum(1 for m in messages if m.string and "fuzzy" not in m.flags),
        fuzzy=[m.id for m in messages if m.string and "fuzzy" in m.flags],
        missing=[m.id for m in messages if not m.string],
    )


def _vocabulary_status(locale: str, locales_dir) -> CatalogStatus:
    """Counts over every code of :mod:`generator.model.vocabulary`; lists of codes."""
    codes = [(code, english) for code, english, _kinds in vocab.entries()]
    found = read_catalog_if_present(po_path(locales_dir, locale, VOCABULARY_DOMAIN))
    catalog = by_context(found) if found is not None else {}
    states = {code: _state(catalog.get(code), english) for code, english in codes}
    fuzzy = [c for c, s in states.items() if s == "stale" and "fuzzy" in catalog[c].flags]
    return CatalogStatus(
        total=len(codes),
        translated=sum(1 for s in states.values() if s == "translated"),
        fuzzy=fuzzy,
        stale=[c for c, s in states.items() if s == "stale" and c not in fuzzy],
        missing=[c for c, s in states.items() if s == "missing"],
    )


@lru_cache(maxsize=16)
def _labels(path: str, absolute: str, identity: tuple) -> dict[str, str]:
    catalog = by_context(read_catalog(Path(path)))
    english = {code: en for code, en, _kinds in vocab.entries()}
    return {code: m.string for code, m in catalog.items()
            if code in english and _state(m, english[code]) == "translated"}


def vocabulary_labels(locale: str, locales_dir: str | Path | None = None) -> dict[str, str]:
    """``{code: localized label}`` for every code translated in ``locale``'s ``vocabulary.po``
    (translated from the code's current English, not fuzzy); empty for English."""
    locale = negotiate(locale)
    if locale == SOURCE_LOCALE:
        return {}
    path = po_path(locales_dir, locale, VOCABULARY_DOMAIN)
    try:
        st = os.stat(path)
    except OSError:
        read_catalog_if_present(path)  # raises what is wrong, unless nothing is there
        return {}
    return dict(_labels(str(path), os.path.abspath(path),
                        (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size)))


def localized_label(code: str, locale: str, locales_dir: str | Path | None = None) -> str:
    """The label of a vocabulary code in ``locale`` (any tag; negotiated), falling back to
    the English of :func:`generator.vocabulary.label` when it has no current translation."""
    return vocabulary_labels(locale, locales_dir).get(code) or vocab.label(code)


def status(version: Version, locale: str, *, locales_dir: str | Path | None = None) -> TranslationStatus:
    """Translated / stale / missing clauses of ``version`` in ``locale`` (any tag; negotiated)."""
    locale = negotiate(locale)
    check_locales_dir(locales_dir)
    entries = content_entries(version)
    if locale == SOURCE_LOCALE:
        return TranslationStatus(locale, version.policy, version.version, len(entries), [], [])
    found = read_catalog_if_present(po_path(locales_dir, locale, CONTENT_DOMAIN))
    catalog = by_context(found) if found is not None else {}
    states = {node_id: _state(catalog.get(node_id), english) for node_id, english in entries}
    return TranslationStatus(
        locale, version.policy, version.version, len(states),
        stale_ids=[i for i, s in states.items() if s == "stale"],
        missing_ids=[i for i, s in states.items() if s == "missing"],
        interface=_interface_status(locale, locales_dir),
        vocabulary=_vocabulary_status(locale, locales_dir))


@dataclass
class Translator:
    """Translations of one version into one locale, for :func:`generator.rendering.render`.

    ``translate(node_id, english) -> (text, lang)``: the translation and ``""``,
    or the English and ``"en"`` when the clause is stale or missing (only
    reachable with ``allow_fallback``, or for ids outside the version).
    ``gettext(message)``: an interface string (English when untranslated).
    ``label(code)``: a vocabulary code's label (English when untranslated).
    """

    version: Version
    locale: str
    allow_fallback: bool = False
    report: TranslationStatus | None = None
    _content: dict[str, Message] = field(default_factory=dict, repr=False)
    _interface: dict[str, str] = field(default_factory=dict, repr=False)
    _interface_path: Path | None = field(default=None, repr=False)
    _vocabulary: dict[str, str] = field(default_factory=dict, repr=False)

    def translate(self, node_id: str, english: str) -> tuple[str, str]:
        if self.locale == SOURCE_LOCALE:
            return english, ""
        message = self._content.get(node_id)
        if _state(message, english) == "translated":
            return message.string, ""
        return english, SOURCE_LOCALE

    def gettext(self, message: str) -> str:
        return self._interface.get(message) or message

    def label(self, code: str) -> str:
        """The localized label of a vocabulary code, else its English (:func:`generator.vocabulary.label`)."""
        return self._vocabulary.get(code) or vocab.label(code)

    @property
    def complete(self) -> bool:
        """Every clause of the version is translated (nothing falls back to English)."""
        return self.report is None or self.report.complete

    @property
    def fallback_ids(self) -> list[str]:
        return [] if self.report is None else self.report.stale_ids + self.report.missing_ids

    @property
    def translations(self) -> Translations:
        """The interface catalog compiled in memory, for Jinja's ``install_gettext_translations``."""
        import io

        from babel.messages.mofile import write_mo
        from babel.support import NullTranslations, Translations

        if self._interface_path is None:
            return NullTranslations()
        buf = io.BytesIO()
        write_mo(buf, read_catalog(self._interface_path))
        buf.seek(0)
        return Translations(buf, domain=INTERFACE_DOMAIN)


def translator(version: Version, locale: str, *, allow_fallback: bool = False,
               locales_dir: str | Path | None = None) -> Translator:
    """A :class:`Translator` for ``version`` in ``locale`` (any tag; negotiated).

    Raises :class:`UsageError` naming every stale and missing clause when the
    translation is incomplete and ``allow_fallback`` is false.
    """
    locale = negotiate(locale)
    report = status(version, locale, locales_dir=locales_dir)
    if not report.complete and not allow_fallback:
        raise IncompleteTranslation(report, po_path(locales_dir, locale, CONTENT_DOMAIN))
    tr = Translator(version, locale, allow_fallback, report)
    if locale != SOURCE_LOCALE:
        content = read_catalog_if_present(po_path(locales_dir, locale, CONTENT_DOMAIN))
        tr._content = by_context(content) if content is not None else {}
        ipath = po_path(locales_dir, locale, INTERFACE_DOMAIN)
        interface = read_catalog_if_present(ipath)
        if interface is not None:
            tr._interface_path = ipath
            tr._interface = {m.id: m.string for m in interface
                             if m.id and m.string and "fuzzy" not in m.flags and isinstance(m.id, str)}
        tr._vocabulary = vocabulary_labels(locale, locales_dir)
    return tr


class IncompleteTranslation(UsageError):
    """A locale cannot be published: some clauses are stale or missing."""

    def __init__(self, report: TranslationStatus, path: Path):
        self.report, self.path = report, path
        lines = [f"{path}: the {report.locale} translation of {report.policy} {report.version} "
                 f"is incomplete ({report.stale} stale, {report.missing} missing); "
                 "update the catalog or render with --allow-fallback"]
        lines += [f"  stale: {i}" for i in report.stale_ids]
        lines += [f"  missing: {i}" for i in report.missing_ids]
        super().__init__("\n".join(lines))
