"""What a customer notice takes from the platform statement: clauses quoted by id, and their facts.

The notice restates nothing by hand. :data:`PARTS` is the one table of which
platform clauses each part of the notice quotes, and under which profile
switch (a dotted path into :class:`~.profile.MerchantProfile`, ``!`` negates)
it appears; everything else the notice says about the platform (the data
involved, the recipients, where data is stored, the rights, the response
time) is derived from those clauses' typed facts. :func:`build_notice` turns a
version into a :class:`Notice` for one locale: it depends on the version and
the locale only, never on a merchant, so it is built once per batch.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import vocabulary as vocab
from ..errors import UsageError
from ..model import Clause, DataFact, RecipientFact, ResponseTimeFact, RightFact, TransferFact

if TYPE_CHECKING:
    from ..model import Version
    from ..i18n import Translator


@dataclass(frozen=True)
class Part:
    """A part of the notice: the platform clauses it quotes and when it is shown.

    ``when`` is a profile path whose truth shows the part (``None``: always);
    a part quotes those of its clauses the version has; a ``required`` one must
    find at least one, an optional one disappears when it finds none.
    """

    name: str
    clauses: tuple[str, ...]
    when: str | None = None
    required: bool = False


#: The notice's parts, in the order the templates show them.
PARTS: tuple[Part, ...] = (
    Part("processor", ("collect.account.processor",), required=True),
    Part("account", ("collect.account.user-registration.data", "collect.account.order.data",
                     "collect.order.data"), required=True),
    Part("special-benefits", ("collect.account.special-benefits.data",), "processing.special_benefits"),
    Part("payment", ("collect.payment.share",), "processing.payment_providers"),
    Part("delivery", ("collect.delivery.share",), "processing.shipping_providers"),
    Part("marketing-sms", ("collect.rules.marketing-sms",), "processing.marketing_sms"),
    Part("third-party-login", ("share.active-choice.third-party-login",), "processing.third_party_login"),
    Part("cookies", ("cookies.use.purpose", "cookies.use.refuse"), "processing.analytics_cookies"),
    Part("storage", ("transfer.global",), required=True),
    Part("retention", ("protect.retention.period", "protect.retention.expiry"), required=True),
    Part("rights", ("rights.access.consumer.store", "rights.delete.intro", "rights.consent.withdraw",
                    "rights.cancel.how", "rights.copy.request"), required=True),
    Part("response", ("rights.respond.verify", "rights.respond.time"), required=True),
    Part("contact", ("contact.department",), required=True),
)


@dataclass(frozen=True)
class Quote:
    """A platform clause as the notice quotes it; ``lang`` is set on an English fallback."""

    id: str
    text: str
    lang: str = ""
    items: tuple[tuple[str, str], ...] = ()  # (text, lang) of a clause's list items


@dataclass(frozen=True)
class Right:
    label: str
    channels: str


@dataclass(frozen=True)
class NoticePart:
    """One part, resolved against a version and a locale: quotes and labels from facts."""

    name: str
    when: str | None
    quotes: tuple[Quote, ...]
    data: str = ""
    recipients: str = ""
    destinations: str = ""
    rights: tuple[Right, ...] = ()
    days: int | None = None

    @property
    def clause_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.quotes)


@dataclass(frozen=True)
class Notice:
    """Everything a customer notice takes from one platform version, in one locale."""

    policy: str
    version: str
    locale: str
    statement_title: str
    source_url: str
    parts: dict[str, NoticePart]

    def clause_ids(self) -> tuple[str, ...]:
        return tuple(i for p in self.parts.values() for i in p.clause_ids)


def format_list(items: list[str], locale: str) -> str:
    """``a, b and c`` in the locale's own way (Babel's CLDR list patterns)."""
    if not items:
        return ""
    from babel.lists import format_list as babel_format_list

    from ..i18n.locales import babel_locale

    return babel_format_list(list(items), locale=babel_locale(locale))


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def labeller(tr: Translator):
    """``code -> label`` in the translator's locale: the vocabulary catalog's label
    (``tr.label``), else the English label through the interface catalog, as before."""
    localized = getattr(tr, "label", None)

    def label(code: str) -> str:
        english = vocab.label(code)
        text = localized(code) if localized is not None else english
        return text if text != english else tr.gettext(english)

    return label


def _resolve(part: Part, version: Version, locale: str, tr: Translator) -> NoticePart | None:
    nodes = version.clause_map()
    found = [nodes[i] for i in part.clauses if i in nodes and nodes[i].text]
    missing = [i for i in part.clauses if i not in nodes or not nodes[i].text]
    if not found:
        if part.required:
            raise UsageError(f"version {version.version} has none of the clauses {', '.join(missing)}, "
                             f"which the customer notice quotes (generator/merchant/notice.py, "
                             f"part {part.name!r})")
        return None
    quotes = []
    for node in found:
        text, lang = tr.translate(node.id, node.text)
        items = tuple(tr.translate(it.id, it.text) for it in getattr(node.obj, "items", ())
                      if isinstance(it, Clause))
        quotes.append(Quote(node.id, text, lang, items))
    facts = [f for n in found for f in n.facts]
    label = labeller(tr)
    data = _unique(label(f.code) for f in facts if isinstance(f, DataFact))
    recipients = _unique(label(f.code) for f in facts if isinstance(f, RecipientFact))
    destinations = _unique(label(f.destination) for f in facts if isinstance(f, TransferFact))
    rights: dict[str, list[str]] = {}
    for f in facts:
        if isinstance(f, RightFact):
            rights.setdefault(f.code, [])
            rights[f.code].extend(c for c in f.channels if c not in rights[f.code])
    days = next((f.days for f in facts if isinstance(f, ResponseTimeFact)), None)
    return NoticePart(
        part.name, part.when, tuple(quotes),
        data=format_list(data, locale), recipients=format_list(recipients, locale),
        destinations=format_list(destinations, locale),
        rights=tuple(Right(label(code), format_list([label(c) for c in chans], locale))
                     for code, chans in rights.items()),
        days=days,
    )


def build_notice(version: Version, locale: str, tr: Translator, parts: tuple[Part, ...] = PARTS) -> Notice:
    """Resolve every part against ``version`` in ``locale``."""
    resolved = {}
    for part in parts:
        np = _resolve(part, version, locale, tr)
        if np is not None:
            resolved[part.name] = np
    title, _lang = tr.translate("title", version.statement.title)
    return Notice(version.policy, version.version, locale, title, version.source_url or "", resolved)
