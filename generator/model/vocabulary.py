"""Codes the facts may use, with the English label each one is reported by.

Codes come from the W3C Data Privacy Vocabulary where one fits (``dpv:`` core,
``pd:`` personal-data extension) and from this project (``av:``) where none
does. A fact whose code is not listed here is a validation error, so the
classifier never meets a term it cannot explain.
"""
from __future__ import annotations

from typing import Final

#: Personal-data categories. ``True`` marks what Part 1 Definition 5 of the
#: 2023-08-25 statement calls Sensitive Personal Information.
DATA_CATEGORIES: Final[dict[str, tuple[str, bool]]] = {
    "pd:EmailAddress": ("email address", False),
    "pd:Password": ("password", False),
    "pd:Name": ("name", False),
    "pd:TelephoneNumber": ("phone number", True),
    "pd:Country": ("country", False),
    "pd:PhysicalAddress": ("postal or delivery address", False),
    "pd:Gender": ("gender", False),
    "pd:DateOfBirth": ("date of birth", False),
    "pd:OfficialID": ("ID number", True),
    "pd:MACAddress": ("MAC address", False),
    "pd:DeviceBased": ("device information", False),
    "pd:GPSCoordinates": ("GPS location", True),
    "pd:Location": ("location information", True),
    "pd:BrowsingBehavior": ("browsing and usage behaviour", False),
    "pd:IPAddress": ("IP address", False),
    "pd:Language": ("language", False),
    "pd:PaymentCardNumber": ("bank card number", True),
    "pd:PaymentCardExpiry": ("bank card expiration date", True),
    "pd:BankAccount": ("bank account number", True),
    "pd:Biometric": ("biometric information", True),
    "pd:MedicalHealth": ("medical or health condition", True),
    "pd:Racial": ("racial or ethnic origin", True),
    "pd:PoliticalOpinion": ("political opinions", True),
    "pd:Religion": ("religious beliefs", True),
    "pd:PhilosophicalBelief": ("philosophical beliefs", True),
    "pd:TradeUnionMembership": ("trade union membership", True),
    "pd:SexualOrientation": ("sexual orientation", True),
    "av:StoreName": ("store name", False),
    "av:StoreDomain": ("store domain name", False),
    "av:Industry": ("industry and business", False),
    "av:BusinessScale": ("business scale", False),
    "av:Nickname": ("nickname", False),
    "av:Avatar": ("avatar", False),
    "av:WeChatID": ("WeChat ID", False),
    "av:InstalledApplications": ("installed application list", False),
    "av:ServiceLog": ("service log", False),
    "av:TransactionInformation": ("transaction information", True),
    "av:PropertyInformation": ("property information", True),
    "av:ChildrenData": ("personal information of children under 14", True),
    "av:Photo": ("photos and videos", False),
    "av:DeviceIdentifier": ("machine identification code", False),
    "av:SystemConfiguration": ("system configuration", False),
    "av:Cookies": ("cookies and similar identifiers", False),
    "av:HealthData": ("health data", True),
}
#: the data categories that are children's information (Part 1 Definition 5)
CHILDREN_DATA: Final[frozenset[str]] = frozenset({"av:ChildrenData"})

PURPOSES: Final[dict[str, str]] = {
    "dpv:ServiceProvision": "providing the service",
    "dpv:AccountManagement": "account management",
    "dpv:DeliveryOfGoods": "delivery of goods",
    "dpv:DirectMarketing": "direct marketing",
    "dpv:Marketing": "marketing contact",
    "dpv:ServicePersonalisation": "personalised service",
    "dpv:PersonalisedAdvertising": "personalised advertising",
    "dpv:FraudPreventionAndDetection": "fraud prevention and detection",
    "dpv:IdentityVerification": "identity verification",
    "dpv:EnforceSecurity": "security",
    "dpv:ServiceOptimisation": "service optimisation",
    "dpv:CustomerCare": "customer care",
    "dpv:LegalCompliance": "legal compliance",
    "av:PaymentProcessing": "payment processing",
    "av:InternalReporting": "internal policies and reports",
    "av:ModelTraining": "training machine-learning models",
    "av:HealthInsights": "health insights",
    "dpv:ResearchAndDevelopment": "research and development",
}
#: the purposes that are reaching a person to sell to them
MARKETING: Final[frozenset[str]] = frozenset({"dpv:Marketing", "dpv:DirectMarketing"})

LEGAL_BASES: Final[dict[str, str]] = {
    "dpv:Consent": "consent",
    "dpv:ExplicitlyExpressedConsent": "express consent",
    "dpv:Contract": "necessary for a contract",
    "dpv:LegalObligation": "legal obligation",
    "dpv:VitalInterest": "protection of life and property",
    "dpv:PublicInterest": "public safety, health and interest",
    "av:GuardianConsent": "consent of a parent or guardian",
    "av:NationalSecurity": "national security",
    "av:CriminalProceedings": "criminal proceedings",
    "av:PubliclyDisclosedBySubject": "disclosed by the subject",
    "av:LawfullyPublicSource": "lawfully public source",
    "av:ServiceOperation": "safe and stable operation",
    "av:NewsReporting": "legitimate news reporting",
    "av:AcademicResearch": "academic research in the public interest",
    "dpv:LegitimateInterest": "legitimate interests",
}

#: legal bases PIPL Art. 13 does not list: under the PIPL, processing (and providing data to
#: another handler, Art. 23) on one of them still needs the person's consent
NOT_PIPL_BASES: Final[frozenset[str]] = frozenset({"dpv:LegitimateInterest"})

RECIPIENTS: Final[dict[str, str]] = {
    "av:PaymentProvider": "payment providers",
    "av:FinancialInstitution": "financial institutions",
    "av:LogisticsProvider": "logistics providers",
    "av:SdkProvider": "third-party SDK providers",
    "av:SmsProvider": "SMS service providers",
    "av:Affiliate": "affiliates",
    "av:ServiceProvider": "service providers",
    "av:BusinessPartner": "business partners",
    "av:AdvertisingPartner": "advertising and marketing partners",
    "av:SubProcessor": "sub-processors",
    "av:GoodsProvider": "providers of the goods and services you buy",
    "av:ThirdPartyPlatform": "third-party login platforms",
    "av:ThirdParty": "other third parties",
    "av:PublicAuthority": "administrative and judicial authorities",
    "av:Merchant": "merchants",
    "av:CapitalMarketCounterparty": "capital-market counterparties",
    "av:Acquirer": "acquirers in a merger or acquisition",
    "av:Public": "the public",
    "av:DataBroker": "data brokers",
    "av:Insurer": "insurers",
    "av:CloudHostingProvider": "cloud hosting providers",
}

RIGHTS: Final[dict[str, str]] = {
    "av:RightToAccess": "right to inquire about your information",
    "av:RightToRectification": "right to correct or supplement your information",
    "av:RightToErasure": "right to deletion",
    "av:RightToWithdrawConsent": "right to withdraw consent",
    "av:RightToCloseAccount": "right to cancel your account",
    "av:RightToExplanation": "right to an explanation of automated decisions",
    "av:RightToCopy": "right to a copy of your information",
    "av:RightsOfDeceasedUsers": "rights over a deceased user's information",
    "av:RightToObjectToContact": "right to refuse contact by staff",
    "av:RightToUnsubscribe": "right to unsubscribe from marketing SMS",
    "av:RightToRefuseCookies": "right to refuse cookies",
    "av:RightToRestriction": "right to restrict processing",
    "av:RightToObject": "right to object to processing",
    "av:RightToPortability": "right to data portability",
    "av:RightToComplainToAuthority": "right to lodge a complaint with a supervisory authority",
}

CHANNELS: Final[dict[str, str]] = {
    "av:InProduct": "in the product",
    "av:MobileApp": "in the AllValue app",
    "av:CustomerService": "through customer service",
    "av:Email": "by email",
    "av:Phone": "by telephone",
    "av:Letter": "by letter",
    "av:PushNotification": "by push notification",
    "av:DeviceSettings": "in the device settings",
    "av:BrowserSettings": "in the browser settings",
    "av:UnsubscribeLink": "with the unsubscribe method in the message",
}

PROCESSING: Final[dict[str, str]] = {
    "dpv:Profiling": "profiling (preference features and crowd portraits)",
    "dpv:AutomatedDecisionMaking": "automated decision-making",
    "av:DeIdentifiedCommercialUse": "commercial use of de-identified data",
    "av:NoSaleOfPersonalData": "no sale of personal information (CCPA)",
    "av:ModelTraining": "training machine-learning models",
    "av:SaleOfPersonalData": "sale of personal information (CCPA)",
    "av:SharingForCrossContextAdvertising": "sharing for cross-context behavioural advertising (CPRA)",
    "av:NoSharingForCrossContextAdvertising": "no sharing for cross-context behavioural advertising (CPRA)",
}

#: processing codes that are promises *not* to process: each with the DPV purpose it rules
#: out. Adding one is in the user's favour; removing one is a way of using data no longer
#: excluded (Section VIII item 1)
PROHIBITIONS: Final[dict[str, str]] = {
    "av:NoSaleOfPersonalData": "dpv:SellDataToThirdParties",
    "av:NoSharingForCrossContextAdvertising": "dpv:PersonalisedAdvertising",
}

ROLES: Final[dict[str, str]] = {
    "av:MerchantIsController": "the merchant is the data controller of its customers' information",
    "av:AllValueIsProcessor": "AllValue processes end users' data as the merchant's processor",
}

DISCLOSURES: Final[dict[str, str]] = {"av:PublicProfile": "nickname and avatar shown publicly"}

#: Circumstances in which data reaches a recipient (Section VIII item 3) that no legal
#: basis names; a recipient's ``circumstances`` take these or :data:`LEGAL_BASES` codes.
CIRCUMSTANCES: Final[dict[str, str]] = {
    "av:AuthorityRequest": "at the request of a competent authority",
    "av:MergerOrAcquisition": "in a merger, acquisition or bankruptcy",
}

SAFEGUARDS: Final[dict[str, str]] = {
    "av:EncryptionInTransit": "encryption in transit (SSL/HTTPS)",
    "av:EncryptionAtRest": "encrypted storage",
}

RETENTION: Final[dict[str, str]] = {
    "av:NecessaryForPurpose": "only as long as necessary for the purpose",
    "av:EcommerceLawTransactionRecords": "transaction records kept as the E-Commerce Law requires",
    "av:DeleteOrAnonymiseAfterPeriod": "deleted or anonymised after the retention period",
    "av:FixedPeriod": "kept for a fixed number of years",
    "av:RetentionCriteria": "the criteria that set the retention period",
}

#: Whether providing data is required and what follows if the person does not (GDPR Art. 13(2)(e)).
PROVISION: Final[dict[str, str]] = {
    "av:RequiredForService": "required for the service: without it the service cannot be used",
    "av:OptionalForFeature": "optional: without it only the feature it serves is unavailable",
    "av:StatutoryRequirement": "required by law",
    "av:ContractualRequirement": "required by contract",
}

#: Where data comes from when the person does not provide it (GDPR Art. 14(2)(f)).
SOURCES: Final[dict[str, str]] = {
    "av:PaymentProvider": "payment providers",
    "av:FinancialInstitution": "financial institutions",
    "av:LogisticsProvider": "logistics providers",
    "av:Affiliate": "affiliates",
    "av:BusinessPartner": "business partners",
    "av:Merchant": "merchants",
    "av:PubliclyAvailableSource": "publicly accessible sources",
}

#: What makes a cross-border transfer lawful (GDPR Art. 13(1)(f), 45-47; PIPL Art. 38).
TRANSFER_SAFEGUARDS: Final[dict[str, str]] = {
    "dpv:AdequacyDecision": "adequacy decision",
    "dpv:StandardContractualClauses": "standard contractual clauses",
    "dpv:BindingCorporateRules": "binding corporate rules",
    "av:PiplStandardContract": "PIPL standard contract",
    "av:PiplSecurityAssessment": "security assessment by the Cyberspace Administration",
    "av:PiplCertification": "personal-information protection certification",
}

FEES: Final[dict[str, str]] = {"av:FreeInPrinciple": "requests are free of charge in principle"}

#: ISO 3166-1 alpha-2 codes a transfer may name (extend as destinations appear).
COUNTRIES: Final[dict[str, str]] = {
    "CN": "China",
    "HK": "Hong Kong, China",
    "US": "the United States",
    "SG": "Singapore",
    "EU": "the European Union",
    "JP": "Japan",
}

CONTACT_CHANNELS: Final[dict[str, str]] = {
    "email": "email address",
    "phone": "telephone number",
    "postal": "mailing address",
    "department": "responsible department",
    "complaint": "complaint channel",
}


#: Every table but :data:`DATA_CATEGORIES`, in the order :func:`label` searches them,
#: with what its codes name (the translators' comment in ``locales/vocabulary.pot``).
TABLES: Final[tuple[tuple[str, dict[str, str]], ...]] = (
    ("purpose", PURPOSES), ("legal basis", LEGAL_BASES), ("recipient", RECIPIENTS),
    ("right", RIGHTS), ("channel for exercising a right", CHANNELS),
    ("processing", PROCESSING), ("role", ROLES), ("public disclosure", DISCLOSURES),
    ("circumstance of sharing", CIRCUMSTANCES),
    ("safeguard", SAFEGUARDS), ("retention", RETENTION), ("fee", FEES),
    ("provision of data", PROVISION), ("source of data", SOURCES),
    ("transfer safeguard", TRANSFER_SAFEGUARDS),
    ("country or region (ISO 3166-1)", COUNTRIES), ("contact channel", CONTACT_CHANNELS),
)


def label(code: str) -> str:
    """The English label of any code, or the code itself when it has none.

    Localized labels: :func:`generator.i18n.localized_label` (or ``Translator.label``).
    """
    if code in DATA_CATEGORIES:
        return DATA_CATEGORIES[code][0]
    for _kind, table in TABLES:
        if code in table:
            return table[code]
    return code


def entries() -> list[tuple[str, str, tuple[str, ...]]]:
    """``(code, English label, kinds)`` for every code, once, in table order.

    A code listed in two tables (``av:ModelTraining`` is a purpose and a kind of
    processing) appears once, with the label :func:`label` gives and both kinds.
    """
    out: dict[str, tuple[str, list[str]]] = {}
    for code, (english, sensitive) in DATA_CATEGORIES.items():
        out[code] = (english, ["personal-data category" + (" (sensitive: Part 1, Definition 5)"
                                                           if sensitive else "")])
    for kind, table in TABLES:
        for code, english in table.items():
            out.setdefault(code, (english, []))[1].append(kind)
    return [(code, english, tuple(kinds)) for code, (english, kinds) in out.items()]


def is_sensitive(code: str) -> bool:
    """Whether Part 1 Definition 5 makes this data category sensitive."""
    return DATA_CATEGORIES.get(code, ("", False))[1]
