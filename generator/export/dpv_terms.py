"""How the vocabulary's codes become W3C DPV 2.3 IRIs: namespaces, spellings, parents.

The vocabulary (:mod:`generator.model.vocabulary`) names DPV terms where one fits and
project ``av:`` codes where none does. In the DPV export:

- a ``dpv:``/``pd:`` code is its DPV IRI, except the few codes the published source
  spells differently from DPV 2.3 (:data:`DPV_SPELLINGS`; they are frozen by the 2023-08-25
  content hash, so the export, not the source, says which DPV term they mean);
- an ``av:`` code is declared in the document, in the project namespace :data:`AV`, as an
  ``rdfs:Class`` under its nearest DPV term (:data:`PARENTS`): DPV has no such term, and
  the export says so rather than passing it off as one.

``tests/fixtures/dpv-2.3/terms.csv`` keeps the DPV 2.3 rows these tables use (with their
origin and licence); ``tests/test_export_dpv.py`` checks every IRI against it.
"""
from __future__ import annotations

from typing import Final

DPV: Final = "https://w3id.org/dpv#"
PD: Final = "https://w3id.org/dpv/pd#"
#: The project's namespace for its own codes: a URN, since the project publishes no
#: vocabulary at a web address; it names, it does not resolve.
AV: Final = "urn:allvalue-notices:vocabulary#"
RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
DCT: Final = "http://purl.org/dc/terms/"
EU_GDPR: Final = "https://w3id.org/dpv/legal/eu/gdpr#"

#: The JSON-LD context: prefixes only, so the document needs nothing from the network.
CONTEXT: Final[dict[str, str]] = {
    "dpv": DPV, "pd": PD, "eu-gdpr": EU_GDPR, "av": AV, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "dct": DCT,
}

#: Vocabulary codes spelled otherwise in DPV 2.3 -> the DPV term(s) they mean.
DPV_SPELLINGS: Final[dict[str, tuple[str, ...]]] = {
    "pd:DateOfBirth": ("pd:BirthDate",),
    "pd:GPSCoordinates": ("pd:GPSCoordinate",),
    "pd:BrowsingBehavior": ("pd:BrowsingBehaviour",),
    "pd:Racial": ("pd:Race", "pd:EthnicOrigin"),  # "racial or ethnic origin"
    "pd:SexualOrientation": ("pd:Sexual",),  # DPV has no orientation term: its broader one
    # transfer safeguards: DPV 2.3 has them in its GDPR extension, not in dpv:
    "dpv:AdequacyDecision": ("eu-gdpr:AdequacyDecision",),
    "dpv:StandardContractualClauses": ("eu-gdpr:StandardContractualClauses",),
    "dpv:BindingCorporateRules": ("eu-gdpr:BindingCorporateRules",),
}

#: Every ``av:`` code the vocabulary has -> the DPV term(s) it is declared a subclass of.
PARENTS: Final[dict[str, tuple[str, ...]]] = {
    # personal-data categories
    "av:StoreName": ("pd:Identifying",),
    "av:StoreDomain": ("pd:Identifying",),
    "av:Industry": ("pd:Professional",),
    "av:BusinessScale": ("pd:Professional",),
    "av:Nickname": ("pd:Username",),
    "av:Avatar": ("pd:Picture",),
    "av:WeChatID": ("pd:SocialMedia",),
    "av:InstalledApplications": ("pd:DeviceApplications",),
    "av:ServiceLog": ("pd:Behavioural",),
    "av:TransactionInformation": ("pd:Transactional",),
    "av:PropertyInformation": ("pd:Ownership",),
    "av:ChildrenData": ("dpv:SensitivePersonalData",),
    "av:Photo": ("pd:Picture",),
    "av:DeviceIdentifier": ("pd:DeviceBased",),
    "av:SystemConfiguration": ("pd:DeviceSoftware",),
    "av:Cookies": ("pd:BrowserFingerprint",),
    "av:HealthData": ("pd:Health",),
    # purposes (av:ModelTraining is also a kind of processing)
    "av:PaymentProcessing": ("dpv:PaymentManagement",),
    "av:InternalReporting": ("dpv:OrganisationGovernance",),
    "av:ModelTraining": ("dpv:ResearchAndDevelopment", "dpv:Use"),
    "av:HealthInsights": ("dpv:Purpose",),
    # legal bases
    "av:GuardianConsent": ("dpv:Consent",),
    "av:NationalSecurity": ("dpv:LegalBasis",),
    "av:CriminalProceedings": ("dpv:LegalBasis",),
    "av:PubliclyDisclosedBySubject": ("dpv:LegalBasis",),
    "av:LawfullyPublicSource": ("dpv:LegalBasis",),
    "av:ServiceOperation": ("dpv:LegalBasis",),
    "av:NewsReporting": ("dpv:LegalBasis",),
    "av:AcademicResearch": ("dpv:PublicInterest",),
    # recipients
    "av:PaymentProvider": ("dpv:Recipient",),
    "av:FinancialInstitution": ("dpv:Recipient",),
    "av:LogisticsProvider": ("dpv:Recipient",),
    "av:SdkProvider": ("dpv:Recipient",),
    "av:SmsProvider": ("dpv:Recipient",),
    "av:Affiliate": ("dpv:Recipient",),
    "av:ServiceProvider": ("dpv:Recipient",),
    "av:BusinessPartner": ("dpv:Recipient",),
    "av:AdvertisingPartner": ("dpv:Recipient",),
    "av:SubProcessor": ("dpv:DataSubProcessor",),
    "av:GoodsProvider": ("dpv:Recipient",),
    "av:ThirdPartyPlatform": ("dpv:ThirdParty",),
    "av:ThirdParty": ("dpv:ThirdParty",),
    "av:PublicAuthority": ("dpv:Authority",),
    "av:Merchant": ("dpv:Recipient",),
    "av:CapitalMarketCounterparty": ("dpv:Recipient",),
    "av:Acquirer": ("dpv:Recipient",),
    "av:Public": ("dpv:Recipient",),
    "av:DataBroker": ("dpv:ThirdParty",),
    "av:Insurer": ("dpv:Recipient",),
    "av:CloudHostingProvider": ("dpv:Recipient",),
    # rights: the statement's own, none of them a GDPR article
    "av:RightToAccess": ("dpv:DataSubjectRight",),
    "av:RightToRectification": ("dpv:DataSubjectRight",),
    "av:RightToErasure": ("dpv:DataSubjectRight",),
    "av:RightToWithdrawConsent": ("dpv:DataSubjectRight",),
    "av:RightToCloseAccount": ("dpv:DataSubjectRight",),
    "av:RightToExplanation": ("dpv:DataSubjectRight",),
    "av:RightToCopy": ("dpv:DataSubjectRight",),
    "av:RightsOfDeceasedUsers": ("dpv:DataSubjectRight",),
    "av:RightToObjectToContact": ("dpv:DataSubjectRight",),
    "av:RightToUnsubscribe": ("dpv:DataSubjectRight",),
    "av:RightToRefuseCookies": ("dpv:DataSubjectRight",),
    "av:RightToRestriction": ("dpv:DataSubjectRight",),
    "av:RightToObject": ("dpv:DataSubjectRight",),
    "av:RightToPortability": ("dpv:DataSubjectRight",),
    "av:RightToComplainToAuthority": ("dpv:DataSubjectRight",),
    # channels: where a right is exercised, how a breach is told
    "av:InProduct": ("dpv:Notice",),
    "av:MobileApp": ("dpv:Notice",),
    "av:CustomerService": ("dpv:Notice",),
    "av:Email": ("dpv:Notice",),
    "av:Phone": ("dpv:Notice",),
    "av:Letter": ("dpv:Notice",),
    "av:PushNotification": ("dpv:Notice",),
    "av:DeviceSettings": ("dpv:Notice",),
    "av:BrowserSettings": ("dpv:Notice",),
    "av:UnsubscribeLink": ("dpv:Notice",),
    # processing, disclosure, roles
    "av:DeIdentifiedCommercialUse": ("dpv:Use",),
    "av:NoSaleOfPersonalData": ("dpv:Prohibition",),
    "av:SaleOfPersonalData": ("dpv:Share",),
    "av:SharingForCrossContextAdvertising": ("dpv:Share",),
    "av:NoSharingForCrossContextAdvertising": ("dpv:Prohibition",),
    "av:PublicProfile": ("dpv:MakeAvailable",),
    "av:MerchantIsController": ("dpv:Context",),
    "av:AllValueIsProcessor": ("dpv:Context",),
    # circumstances of sharing, safeguards, retention, fees
    "av:AuthorityRequest": ("dpv:Context",),
    "av:MergerOrAcquisition": ("dpv:Context",),
    "av:EncryptionInTransit": ("dpv:EncryptionInTransfer",),
    "av:EncryptionAtRest": ("dpv:EncryptionAtRest",),
    "av:NecessaryForPurpose": ("dpv:StorageDuration",),
    "av:EcommerceLawTransactionRecords": ("dpv:StorageDuration",),
    "av:DeleteOrAnonymiseAfterPeriod": ("dpv:StorageDeletion",),
    "av:FixedPeriod": ("dpv:StorageDuration",),
    "av:RetentionCriteria": ("dpv:StorageDuration",),
    "av:FreeInPrinciple": ("dpv:FeeNotRequired",),
    # provision of data, sources, transfer safeguards
    "av:RequiredForService": ("dpv:Required",),
    "av:OptionalForFeature": ("dpv:Optional",),
    "av:StatutoryRequirement": ("dpv:Required",),
    "av:ContractualRequirement": ("dpv:Required",),
    "av:PubliclyAvailableSource": ("dpv:PublicDataSource",),
    "av:PiplStandardContract": ("dpv:LegalMeasure",),
    "av:PiplSecurityAssessment": ("dpv:LegalMeasure",),
    "av:PiplCertification": ("dpv:LegalMeasure",),
}

#: Properties the project declares where DPV has none: name -> (label, super-property).
PROPERTIES: Final[dict[str, tuple[str, str | None]]] = {
    "av:hasSensitivePersonalData": (
        "personal data the statement calls sensitive (Part 1, Definition 5)", "dpv:hasPersonalData"),
    "av:hasOptionalPersonalData": (
        "personal data collected only if the user chooses to provide it", "dpv:hasPersonalData"),
    "av:channel": ("a channel through which a right is exercised or a user is told", None),
    "av:minimumYears": ("the least number of years data is kept", None),
    "av:complaintChannel": ("where a complaint can be made", None),
    "av:childrenUnderAge": ("children are individuals under this age", None),
    "av:parentalConsentRequired": ("whether a parent or guardian must consent", None),
    "av:childrenDataCollected": ("whether the service collects children's personal information", None),
}

#: How data reaches a recipient (``RecipientFact.via``) as DPV processing.
VIA: Final[dict[str, str]] = {"share": "dpv:Share", "transfer": "dpv:Transfer", "disclose": "dpv:Disclose"}

#: DPV terms the export's structure uses (beside the codes of the facts).
STRUCTURE: Final[tuple[str, ...]] = (
    "dpv:PrivacyNotice", "dpv:PersonalDataHandling", "dpv:DataController", "dpv:Location",
    "dpv:Child", "dpv:CrossBorderTransfer", "dpv:RightExerciseNotice", "dpv:RightFulfilmentNotice",
    "dpv:DataBreachNotice", "dpv:TemporalDuration", "dpv:SellDataToThirdParties",
    "dpv:OrganisationalUnit",
    "dpv:hasNotice", "dpv:hasPersonalData", "dpv:hasPurpose", "dpv:hasLegalBasis",
    "dpv:hasRecipient", "dpv:hasProcessing", "dpv:hasPersonalDataHandling", "dpv:hasContext",
    "dpv:hasLocation", "dpv:hasIdentifier", "dpv:hasRight", "dpv:hasDuration",
    "dpv:hasStorageCondition", "dpv:hasDataController", "dpv:hasDataProcessor", "dpv:hasName",
    "dpv:hasAddress", "dpv:hasJurisdiction", "dpv:hasContact", "dpv:hasOrganisationalUnit",
    "dpv:hasDataSubject", "dpv:hasTechnicalMeasure", "dpv:hasOrganisationalMeasure",
    "dpv:hasProhibition", "dpv:hasFee", "dpv:hasRepresentative", "dpv:Representative",
    "dpv:hasDataProtectionOfficer", "dpv:DataProtectionOfficer", "dpv:Recipient",
    "dpv:hasNecessity", "dpv:hasDataSource", "dpv:hasLegalMeasure", "dpv:Prohibition",
)


def dpv_terms(code: str) -> tuple[str, ...]:
    """The DPV term(s) a ``dpv:``/``pd:`` code means (its own name unless respelled)."""
    return DPV_SPELLINGS.get(code, (code,))
