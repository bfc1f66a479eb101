"""The Google Play Data safety CSV for the app the statement covers (``--format play-data-safety``).

Answers follow from the facts and nothing else; a question the statement does not
answer is left blank (``Response value`` empty), never guessed:

- *collects or shares user data*: yes when any clause outside the Part 1 definitions
  states a personal-data category (definitions say what a term means, not what is collected);
- *data types*: each category's Play type(s) (:data:`DATA_TYPES`); a category Play has no
  type for is listed in :data:`NO_PLAY_TYPE`, with why;
- *collected / shared*: every type is collected; it is also shared when a clause states it
  together with a recipient Play counts as sharing (:data:`NOT_SHARING` lists those it does
  not: service providers acting for AllValue, authorities under a legal obligation);
- *purposes*: the purposes stated in the same clauses (:data:`PURPOSES`);
- *required or optional*: optional only when every clause stating the type marks it optional;
- *encrypted in transit*: yes when the statement promises encryption in transit;
- *deletion*: yes when it gives a right to deletion or to close the account.

Never answered (the statement does not say): whether data is processed ephemerally, the
deletion web links, the account-creation methods.
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import play_questions as q

if TYPE_CHECKING:
    from ..model import Version

#: data category -> its Play data types as (question id, response id).
DATA_TYPES: dict[str, tuple[tuple[str, str], ...]] = {
    code: tuple((question, response) for question, response in pairs) for code, pairs in {
        "pd:EmailAddress": [("PSL_DATA_TYPES_PERSONAL", "PSL_EMAIL")],
        "pd:Name": [("PSL_DATA_TYPES_PERSONAL", "PSL_NAME")],
        "av:Nickname": [("PSL_DATA_TYPES_PERSONAL", "PSL_NAME")],
        "pd:TelephoneNumber": [("PSL_DATA_TYPES_PERSONAL", "PSL_PHONE")],
        "pd:PhysicalAddress": [("PSL_DATA_TYPES_PERSONAL", "PSL_ADDRESS")],
        "av:WeChatID": [("PSL_DATA_TYPES_PERSONAL", "PSL_USER_ACCOUNT")],
        "pd:Racial": [("PSL_DATA_TYPES_PERSONAL", "PSL_RACE_ETHNICITY")],
        "pd:PoliticalOpinion": [("PSL_DATA_TYPES_PERSONAL", "PSL_POLITICAL_RELIGIOUS")],
        "pd:Religion": [("PSL_DATA_TYPES_PERSONAL", "PSL_POLITICAL_RELIGIOUS")],
        "pd:PhilosophicalBelief": [("PSL_DATA_TYPES_PERSONAL", "PSL_POLITICAL_RELIGIOUS")],
        "pd:SexualOrientation": [("PSL_DATA_TYPES_PERSONAL", "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY")],
        # Play's "Other info": "any other personal information such as date of birth, gender identity..."
        **{code: [("PSL_DATA_TYPES_PERSONAL", "PSL_OTHER_PERSONAL")] for code in (
            "pd:Country", "pd:Gender", "pd:DateOfBirth", "pd:OfficialID", "pd:Biometric",
            "pd:TradeUnionMembership", "av:StoreName", "av:StoreDomain", "av:Industry", "av:BusinessScale")},
        **{code: [("PSL_DATA_TYPES_FINANCIAL", "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER")] for code in (
            "pd:PaymentCardNumber", "pd:PaymentCardExpiry", "pd:BankAccount")},
        "av:TransactionInformation": [("PSL_DATA_TYPES_FINANCIAL", "PSL_PURCHASE_HISTORY")],
        "av:PropertyInformation": [("PSL_DATA_TYPES_FINANCIAL", "PSL_OTHER")],
        "pd:MedicalHealth": [("PSL_DATA_TYPES_HEALTH_AND_FITNESS", "PSL_HEALTH")],
        "av:HealthData": [("PSL_DATA_TYPES_HEALTH_AND_FITNESS", "PSL_HEALTH")],
        "pd:GPSCoordinates": [("PSL_DATA_TYPES_LOCATION", "PSL_PRECISE_LOCATION")],
        "av:Photo": [("PSL_DATA_TYPES_PHOTOS_AND_VIDEOS", "PSL_PHOTOS"),
                     ("PSL_DATA_TYPES_PHOTOS_AND_VIDEOS", "PSL_VIDEOS")],
        "av:Avatar": [("PSL_DATA_TYPES_PHOTOS_AND_VIDEOS", "PSL_PHOTOS")],
        "pd:BrowsingBehavior": [("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_USER_INTERACTION")],
        # the statement's service log: "browsing, clicking to view, search ..."
        "av:ServiceLog": [("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_USER_INTERACTION"),
                          ("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_IN_APP_SEARCH_HISTORY")],
        "av:InstalledApplications": [("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_APPS_ON_DEVICE")],
        **{code: [("PSL_DATA_TYPES_IDENTIFIERS", "PSL_DEVICE_ID")] for code in (
            "pd:MACAddress", "av:DeviceIdentifier", "av:Cookies")},
    }.items()
}

#: data categories with no Play data type, and why they are left out.
NO_PLAY_TYPE: dict[str, str] = {
    "pd:Password": "Play has no data type for credentials",
    "pd:Location": "the statement does not say how precise ('location information'); Play asks",
    "pd:IPAddress": "not a Play data type by itself",
    "pd:Language": "not a Play data type",
    "pd:DeviceBased": "device model and settings: not a Play data type (identifiers are, and are mapped)",
    "av:SystemConfiguration": "not a Play data type",
    "av:ChildrenData": "says whose data (children's), not which type",
}

#: purpose code -> Play purpose; None: no Play purpose fits (left out).
PURPOSES: dict[str, str | None] = {
    "dpv:ServiceProvision": "PSL_APP_FUNCTIONALITY", "dpv:DeliveryOfGoods": "PSL_APP_FUNCTIONALITY",
    "dpv:CustomerCare": "PSL_APP_FUNCTIONALITY", "av:PaymentProcessing": "PSL_APP_FUNCTIONALITY",
    "dpv:AccountManagement": "PSL_ACCOUNT_MANAGEMENT",
    "dpv:DirectMarketing": "PSL_ADVERTISING", "dpv:Marketing": "PSL_ADVERTISING",
    "dpv:PersonalisedAdvertising": "PSL_ADVERTISING",
    "dpv:ServicePersonalisation": "PSL_PERSONALIZATION",
    "dpv:FraudPreventionAndDetection": "PSL_FRAUD_PREVENTION_SECURITY",
    "dpv:IdentityVerification": "PSL_FRAUD_PREVENTION_SECURITY",
    "dpv:EnforceSecurity": "PSL_FRAUD_PREVENTION_SECURITY",
    "dpv:LegalCompliance": "PSL_FRAUD_PREVENTION_SECURITY",
    "dpv:ServiceOptimisation": "PSL_ANALYTICS",
    "av:InternalReporting": None, "av:ModelTraining": None, "av:HealthInsights": None,
    "dpv:ResearchAndDevelopment": None,
}

#: recipients Play does not count as sharing (its "Data sharing" exceptions), and why.
NOT_SHARING: dict[str, str] = {
    "av:ServiceProvider": "a service provider processing data for AllValue",
    "av:SubProcessor": "a processor acting for AllValue",
    "av:CloudHostingProvider": "a service provider processing data for AllValue",
    "av:SmsProvider": "a service provider processing data for AllValue",
    "av:PublicAuthority": "a transfer under a legal obligation or a lawful request",
}

#: fact kind -> what it answers; :data:`UNMAPPED` says why the others are left out.
MAPPED: dict[str, str] = {
    "data": "collects data; data types; required or optional",
    "purpose": "why each data type is collected or shared",
    "recipient": "whether each data type is shared",
    "safeguard": "encrypted in transit",
    "right": "a way to request deletion",
}
UNMAPPED: dict[str, str] = {
    "legal-basis": "Play does not ask for legal bases",
    "transfer": "Play does not ask where data goes",
    "response-time": "Play does not ask how long a request takes",
    "retention": "Play does not ask how long data is kept",
    "controller": "the developer is Play's own account data, not part of the form",
    "contact": "the developer's contact is Play's own account data, not part of the form",
    "children": "Play asks about children in its target-audience form, not in Data safety",
    "processing": "Play does not ask how data is used beyond purposes",
    "role": "Play does not ask who is controller or processor",
    "disclosure": "public display is not sharing with a third party in Play's terms",
    "breach-notification": "Play does not ask about breach notification",
    "fee": "Play does not ask about fees",
    "representative": "Play does not ask about representatives",
    "provision": "the data facts' own 'optional' answers Play's required-or-optional question",
    "source": "Play asks about data the app collects, not data received from others",
}
DELETION_RIGHTS = ("av:RightToErasure", "av:RightToCloseAccount")


@dataclass
class _Type:
    """What the statement says about one Play data type."""

    shared: bool = False
    required: bool = False
    collection_purposes: set[str] = field(default_factory=set)
    sharing_purposes: set[str] = field(default_factory=set)


def _types(version: "Version") -> dict[str, _Type]:
    found: dict[str, _Type] = defaultdict(_Type)
    for node in version.nodes():
        if node.kind == "definition" or not node.facts:
            continue
        purposes = {PURPOSES[f.code] for f in node.facts if f.kind == "purpose"} - {None}
        shared = any(f.kind == "recipient" and f.via != "disclose" and f.code not in NOT_SHARING
                     for f in node.facts)
        for fact in node.facts:
            if fact.kind != "data":
                continue
            for _question, response in DATA_TYPES.get(fact.code, ()):
                answer = found[response]
                answer.required |= not fact.optional
                answer.collection_purposes |= purposes
                if shared:
                    answer.shared = True
                    answer.sharing_purposes |= purposes
    return found


def play_rows(version: "Version") -> Iterator[tuple[str, str, str, str, str]]:
    """The CSV's rows after its header: question, response, value, requirement, label."""
    from .coverage import check_coverage

    check_coverage("play-data-safety", MAPPED, UNMAPPED)
    facts = [f for n in version.nodes() if n.kind != "definition" for f in n.facts]
    types = _types(version)
    yes = "true"

    collects = yes if any(f.kind == "data" for f in facts) else ""
    encrypted = yes if any(f.kind == "safeguard" and f.code == "av:EncryptionInTransit" for f in facts) else ""
    deletion = any(f.kind == "right" and f.code in DELETION_RIGHTS for f in facts)
    answers = {(q.COLLECTS, ""): collects, (q.ENCRYPTED, ""): encrypted,
               (q.DELETION, "DATA_DELETION_YES"): yes if deletion else ""}
    for question, (responses, requirement, label) in q.GENERAL.items():
        for response in responses:
            suffix = {"DATA_DELETION_YES": "/Yes", "DATA_DELETION_NO": "/No"}.get(response, "")
            yield question, response, answers.get((question, response), ""), requirement, label + suffix
    for question, (category, responses) in q.DATA_TYPES.items():
        for response, label in responses.items():
            yield question, response, yes if response in types else "", "MULTIPLE_CHOICE", f"{category}/{label}"
    for _category, responses in q.DATA_TYPES.values():  # the template's order
        for response in responses:
            if response in types:
                yield from _usage_rows(response, types[response])


def _usage_rows(data_type: str, answer: _Type) -> Iterator[tuple[str, str, str, str, str]]:
    chosen = {
        q.COLLECTION_AND_SHARING: {"PSL_DATA_USAGE_ONLY_COLLECTED"} | (
            {"PSL_DATA_USAGE_ONLY_SHARED"} if answer.shared else set()),
        q.EPHEMERAL: set(),  # the statement does not say
        q.USER_CONTROL: {"PSL_DATA_USAGE_USER_CONTROL_REQUIRED" if answer.required
                         else "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL"},
        q.COLLECTION_PURPOSE: answer.collection_purposes,
        q.SHARING_PURPOSE: answer.sharing_purposes,
    }
    heading = f"Data usage and handling ({q.data_type_label(data_type)})"
    for sub, (responses, requirement, label) in q.USAGE.items():
        if sub == q.SHARING_PURPOSE and not answer.shared:
            continue
        for response, response_label in responses.items():
            text = f"{heading}/{label}" + (f"/{response_label}" if response_label else "")
            yield (f"{q.USAGE_PREFIX}:{data_type}:{sub}", response,
                   "true" if response in chosen[sub] else "", requirement, text)


def play_csv(version: "Version") -> str:
    """The Data safety CSV (Play's header, CRLF line ends as Play exports it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(q.HEADER)
    writer.writerows(play_rows(version))
    return out.getvalue()
