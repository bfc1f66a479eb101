"""Groups of vocabulary codes the requirements reason with, each declared once.

The classifier uses the same notion of "another handler" (``OTHER_CONTROLLERS``,
``CONTROLLER_VIA``) and of consent (``CONSENT_BASES``): data provided to one is PIPL Art. 23
for both.
"""
from __future__ import annotations

from typing import Final

#: The EU and the EEA states (ISO 3166-1 alpha-2; ``EU`` for the Union as a whole): a
#: controller established there needs no representative, a transfer there is no transfer
#: to a third country (GDPR Art. 27, 44).
EEA: Final[frozenset[str]] = frozenset({
    "EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"})
#: Where PIPL's cross-border rules start: data leaving mainland China (PIPL Art. 38-39).
PIPL_HOME: Final[str] = "CN"

#: Legal bases that are consent (GDPR Art. 13(2)(c): consent can be withdrawn).
CONSENT_BASES: Final[frozenset[str]] = frozenset({"dpv:Consent", "dpv:ExplicitlyExpressedConsent",
                                                  "av:GuardianConsent"})
#: Recipients that are personal-information handlers in their own right (not processors); an
#: acquirer too, before a merger as after (PIPL Art. 22 covers only the transfer in the merger).
OTHER_CONTROLLERS: Final[frozenset[str]] = frozenset({"av:DataBroker", "av:Insurer", "av:Acquirer"})
#: Ways of passing data on that hand it to another handler (PIPL Art. 23, 25).
CONTROLLER_VIA: Final[frozenset[str]] = frozenset({"transfer", "disclose"})
#: A recipient named only as "other third parties" names no category (WP260 rev.01 ¶ 37).
VAGUE_RECIPIENTS: Final[frozenset[str]] = frozenset({"av:ThirdParty"})
#: Contact channels a person can write or call to.
REACHABLE: Final[frozenset[str]] = frozenset({"email", "phone", "postal"})
#: Retention codes that say no more than "as long as necessary" (WP260 rev.01 Annex).
VAGUE_RETENTION: Final[frozenset[str]] = frozenset({"av:NecessaryForPurpose", "av:DeleteOrAnonymiseAfterPeriod"})
#: Rights of GDPR Art. 13(2)(b), in the article's order.
GDPR_RIGHTS: Final[tuple[str, ...]] = (
    "av:RightToAccess", "av:RightToRectification", "av:RightToErasure", "av:RightToRestriction",
    "av:RightToObject", "av:RightToPortability")
#: Whether data must be provided: the codes for data the service needs, and for optional data.
REQUIRED_PROVISION: Final[frozenset[str]] = frozenset({"av:RequiredForService", "av:StatutoryRequirement",
                                                       "av:ContractualRequirement"})
OPTIONAL_PROVISION: Final[frozenset[str]] = frozenset({"av:OptionalForFeature"})
#: CCPA "sold" and CPRA "shared" (for cross-context behavioural advertising), either way.
SALE: Final[frozenset[str]] = frozenset({"av:SaleOfPersonalData", "av:NoSaleOfPersonalData"})
SHARING: Final[frozenset[str]] = frozenset({"av:SharingForCrossContextAdvertising",
                                            "av:NoSharingForCrossContextAdvertising"})
