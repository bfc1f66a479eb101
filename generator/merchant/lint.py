"""The facts a merchant's customer notice states, for the compliance lint.

A customer notice quotes platform clauses (:data:`.notice.PARTS`, as the profile switches
them on) and adds the merchant's own details. Its facts are those of the quoted clauses,
except AllValue's own controller and contacts (the merchant is its customers' controller),
and the profile's: the merchant as controller, its contact email, its data protection
officer, its representative and its retention periods. A merchant with a representative
in the EU is checked against the GDPR (Art. 3(2), 27).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lint import FactBook, Stated, book_of
from ..model import ContactFact, ControllerFact, RetentionFact
from ..model.facts import RepresentativeFact
from .notice import PARTS

if TYPE_CHECKING:
    from ..model import Version
    from .profile import MerchantProfile

#: How a profile names the EU in ``representative.region`` (case-insensitive).
EU_REGIONS = frozenset({"eu", "european union", "eea", "european economic area", "europe"})
#: the platform's facts a customer notice does not take over: AllValue's identity and contacts
PLATFORM_ONLY = frozenset({"controller", "contact"})


def has_eu_representative(profile: "MerchantProfile") -> bool:
    rep = profile.representative
    return rep is not None and rep.region.strip().lower() in EU_REGIONS


def merchant_laws(profile: "MerchantProfile") -> tuple[str, ...]:
    """The laws the profile makes a notice answer to: the GDPR for an EU representative."""
    return ("gdpr",) if has_eu_representative(profile) else ()


def merchant_book(profile: "MerchantProfile", version: "Version") -> FactBook:
    """The facts of the merchant's customer notice drawn from ``version``."""
    from .engine import _truthy

    nodes = version.clause_map()
    quoted = [i for part in PARTS if part.when is None or _truthy(part.when, profile)
              for i in part.clauses if i in nodes]
    stated = [Stated(i, f, nodes[i].path) for i in quoted for f in nodes[i].facts if f.kind not in PLATFORM_ONLY]
    stated += list(_profile_facts(profile))
    return book_of(f"{profile.id} ({version.policy} {version.version})", stated, profile.store_url)


def _profile_facts(profile: "MerchantProfile"):
    yield Stated("profile.legal_name", ControllerFact(kind="controller", name=profile.legal_name,
                                                      jurisdiction="", address=profile.address))
    yield Stated("profile.contact_email", ContactFact(kind="contact", channel="email", value=profile.contact_email))
    if profile.dpo is not None:
        dpo = profile.dpo
        yield Stated("profile.dpo", ContactFact(kind="contact", channel="department", value=dpo.name, of="dpo"))
        for channel, value in (("email", dpo.email), ("phone", dpo.phone)):
            if value:
                yield Stated("profile.dpo", ContactFact(kind="contact", channel=channel, value=value, of="dpo"))
    if has_eu_representative(profile):
        rep = profile.representative
        yield Stated("profile.representative", RepresentativeFact(kind="representative", name=rep.name,
                                                                  region="EU", address=rep.address))
        if rep.email:
            yield Stated("profile.representative", ContactFact(kind="contact", channel="email", value=rep.email,
                                                               of="representative"))
    for years in (profile.retention.account_years, profile.retention.order_years):
        if years:
            yield Stated("profile.retention", RetentionFact(kind="retention", code="av:FixedPeriod", min_years=years))
