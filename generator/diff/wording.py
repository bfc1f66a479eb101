"""What the prose says where the facts are silent: the vocabularies the word rules read.

An editor often changes a clause's words and not its facts. The rules of
:mod:`generator.classify.rules.wording` read those words, and this module holds what they
read with: small, documented vocabularies (words that limit a right, name children, a use,
a circumstance, a right, a country, a contact) and the counts that compare an old wording
with a new one. Every count reads only what a sentence affirms (:func:`affirmed`: "we do not
collect biometric data" names none), and asks whether the new wording says a thing *more
often* than the old, so that a rewording around the same words is not new.

Which changed words are typos or variants, not changes of meaning, is
:mod:`generator.diff.words`.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from .words import entities


#: words that put a condition or a limit on what a clause grants ("only if", "We do not provide")
LIMITING_WORDS = frozenset({"only", "solely", "exclusively", "not", "no", "never", "cannot", "unless",
                            "except", "refuse", "reject", "until"})
#: a delay put before something happens: "after a cooling-off period", "only after 30 days"
_DELAY = re.compile(
    r"\b(?:after|following|at\s+the\s+end\s+of)\s+(?:(?:a|an|the|that|this|such)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:period|\d+\s*(?:(?:working|business|calendar)\s+)?(?:days?|weeks?|months?|years?)|"
    r"(?:one|two|three|four|five|six|seven|ten|twelve|fifteen|thirty|sixty|ninety)\s+(?:days?|weeks?|months?|years?))\b",
    re.I)
#: a consent no longer needed: "you do not need to obtain the consent of the ... guardians"
CONSENT_LIFTED = re.compile(r"\b(?:do|does|will|shall|would)\s+not\s+need\b[^.;:]{0,60}?\bconsent\b|"
                            r"\bno\s+longer\s+need\w*\b[^.;:]{0,60}?\bconsent\b|"
                            r"\bconsent\s+is\s+(?:not|no\s+longer)\s+(?:needed|required)\b", re.I)
#: how :func:`consent_lifted` is named in a finding
CONSENT_NO_LONGER_NEEDED = "consent no longer needed"


def consent_lifted(old: str, new: str) -> bool:
    """``new`` says more often than ``old`` that a consent is not needed, or asks a guardian's
    consent less often (the sentence that asked it dropped)."""
    old, new = _uncontracted(old), _uncontracted(new)
    return more_often(CONSENT_LIFTED, old, new) or more_often(_GUARDIAN_CONSENT, affirmed(new), affirmed(old))


#: a guardian's consent asked: "the consent of the corresponding children's guardians", "with
#: a parent's express consent", "parental consent", "where parents or guardians expressly consent"
_GUARDIAN_CONSENT = re.compile(r"\bconsent\s+of\s+(?:[\w'\u2019-]+\s+){0,3}?(?:guardians?|parents?)\b|"
                               r"\b(?:guardians?|parents?|parental)['\u2019]?s?\s+(?:(?:express|prior|written|explicit)\s+)?"
                               r"consent\b|\b(?:guardians?|parents?)\s+(?:or\s+(?:guardians?|parents?)\s+)?(?:have\s+|has\s+)?"
                               r"(?:expressly\s+|explicitly\s+)?(?:consent|agree)(?:s|ed)?\b", re.I)


#: a duty or a right made to depend on what is practicable: "where it is practicable to do so",
#: "as far as possible", "where appropriate"
_QUALIFIED = re.compile(r"\bwhere\s+(?:it\s+is\s+)?(?:reasonably\s+)?(?:practicable|possible|feasible|appropriate)\b|"
                        r"\bas\s+far\s+as\s+(?:is\s+)?(?:reasonably\s+)?(?:practicable|possible)\b|"
                        r"\bif\s+(?:it\s+is\s+)?(?:practicable|feasible)\b", re.I)
#: how :func:`limiting_words_added` names a qualification it counts
QUALIFIED = "where practicable"
#: how :func:`limiting_words_added` names a delay it counts
DELAY = "after a period"
#: a price put on something: "a handling fee of USD 15", "we will charge"
_FEE = re.compile(r"\b(?:fees?|charg(?:e|es|ed|ing)|costs?|usd|rmb|cny|eur|gbp)\b|[$¥€£]\s*\d", re.I)
#: how :func:`limiting_words_added` names a fee it counts
FEE = "a fee"
#: how often something may be had: "once every twelve months", "twice a year", "3 times per month",
#: "two requests in any 12 months"
_FREQUENCY = re.compile(r"\b(?:once|twice|one\s+time|(?:\d+|two|three|four|five)\s+(?:times|requests?|applications?))\s+"
                        r"(?:a|an|per|every|each|in\s+(?:any|a|each|every|one|the\s+same))\s+"
                        r"(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?|period)\b", re.I)
#: how :func:`limiting_words_added` names a frequency it counts
FREQUENCY = "at most so often"
#: a step left to the reader that the clause took on itself: "you will need to contact them
#: yourself", "you must ask each of them", "it is your responsibility to" (not a feeling: "if
#: you feel you need to withdraw")
_STEP_LEFT = re.compile(r"(?<!feel\s)(?<!think\s)(?<!believe\s)\byou\s+(?:(?:will|would|shall)\s+)?(?:need|have)\s+to\b|\byou\s+must\b|\byou\s+are\s+required\s+to\b|"
                        r"\byour\s+(?:own\s+)?responsibility\s+to\b|\byourself\b", re.I)
#: how :func:`limiting_words_added` names a step it counts
STEP_LEFT = "a step left to you"
#: what lasts only so long: "such a request stops contact for 90 days, after which our staff
#: may contact you again"
_LAPSES = re.compile(r"\bfor\s+(?:only\s+)?(?:\d+|one|two|three|six|twelve|thirty|sixty|ninety)\s+"
                     r"(?:days?|weeks?|months?|years?)\s*,?\s+after\s+which\b", re.I)
#: how :func:`limiting_words_added` names a time after which a choice lapses
LAPSES = "for a limited time"
#: "within 15 days", "30 working days": a time limit in days
_DAYS = re.compile(r"\b(\d+)\s*(?:(working|business|calendar)\s+)?days?\b", re.I)
#: how :func:`limiting_words_added` names a longer time limit
LONGER = "a longer time limit"
#: a promise, and a mere possibility or an effort: "we will provide" → "we may provide",
#: "we will respond" → "we aim to respond"
STRONG_MODALS = frozenset({"will", "shall", "must"})
WEAK_MODALS = frozenset({"may", "might", "could", "aim", "aims", "try", "tries", "endeavour", "endeavours",
                         "endeavor", "endeavors", "strive", "strives", "hope", "hopes"})
#: a promise not to do something is no promise to the reader ("we will not be able to respond")
_NEGATED_PROMISE = re.compile(r"\b(?:will|shall|must)\s+not\b", re.I)
#: how :func:`limiting_words_added` names a promise weakened
WEAKENED = "a promise weakened (will → may)"
#: what :func:`limiting_words_added` names that weakens a duty whoever it protects; not its
#: limiting words, which a protective sentence uses too ("we do not collect children's data")
WEAKENING = frozenset({WEAKENED, QUALIFIED, DELAY, LONGER, FREQUENCY, FEE})


def longest_days(text: str) -> int | None:
    """The longest time limit in calendar days that ``text`` states (None when it states
    none); working or business days count seven for every five ("15 working days" is 21)."""
    days = [-(-int(n) * 7 // 5) if kind.lower() in ("working", "business") else int(n)
            for n, kind in _DAYS.findall(text or "")]
    return max(days) if days else None


#: a word, hyphenated words and contractions read whole ("machine-learning", "children's")
_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
#: words that name children (Part 1 Definition 5: their information is sensitive)
CHILD_WORDS = frozenset({"child", "children", "child's", "children's", "minor", "minors", "minor's", "kid",
                         "kids", "juvenile", "juveniles", "teenager", "teenagers", "infant", "infants"})
#: an age limit said in words: "a child under 10", "below the age of 13", "aged 12 or younger"
_AGE_LIMIT = re.compile(r"\b(?:under|below|younger\s+than|less\s+than)\s+(?:the\s+age\s+of\s+)?(\d{1,2})\b|"
                        r"\baged?\s+(\d{1,2})\s+(?:or|and)\s+(?:under|below|younger)\b", re.I)


#: an age from which something is allowed: "you may register from the age of 13", "users aged 13
#: and over", "at least 13 years old"
_AGE_FLOOR = re.compile(r"\bfrom\s+(?:the\s+)?age\s+(?:of\s+)?(\d{1,2})\b|\baged?\s+(\d{1,2})\s+(?:or|and)\s+"
                        r"(?:over|above|older)\b|\bat\s+least\s+(\d{1,2})\s+years?\b|"
                        r"\b(\d{1,2})\s+years?\s+(?:old\s+)?(?:or|and)\s+(?:over|above|older)\b", re.I)


def ages_added(old: str, new: str) -> tuple[int, ...]:
    """The age limits ``new`` states more often than ``old`` ("a child under 10"), sorted."""
    return _more_ages(_AGE_LIMIT, old, new)


def age_floors_added(old: str, new: str) -> tuple[int, ...]:
    """The ages from which something is allowed that ``new`` states more often than ``old``
    ("you may register from the age of 13"), sorted."""
    return _more_ages(_AGE_FLOOR, old, new)


def _more_ages(pattern: re.Pattern, old: str, new: str) -> tuple[int, ...]:
    def ages(text: str) -> Counter[int]:
        return Counter(int(next(g for g in m if g)) for m in pattern.findall(affirmed(text)))
    return tuple(sorted(ages(new) - ages(old)))


#: words that name a way of using data Section VIII item 1 singles out (model training,
#: profiling, advertising, sale): new in a clause that states purposes, a new use
USE_WORDS = frozenset({"train", "training", "trained", "machine-learning", "ai", "artificial", "models",
                       "profiling", "advertising", "advertisements", "ads", "advertisers", "sell", "sale",
                       "resell", "monetise", "monetize", "biometric", "tracking", "marketing", "promotional",
                       "promotions", "newsletter", "newsletters", "loyalty", "targeted", "targeting",
                       "offers"})
#: a recipient named by what it does: "our advertising and marketing service providers",
#: "analytics partners" (a recipient, not a use of the data: see ``recipient-named-in-words``)
_RECIPIENT_BY_TRADE = re.compile(r"\b[\w-]+(?:\s*(?:,|\band\b|\bor\b|&)\s*[\w-]+){0,3}\s+(?:service\s+)?"
                                 r"(?:partners?|providers?|agenc(?:y|ies)|compan(?:y|ies)|networks?|platforms?|"
                                 r"vendors?|brokers?)\b", re.I)


def uses_named(old: str, new: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """:func:`words_new` of ``vocabulary``, outside the names of recipients ("our advertising
    partners" is no use of the data for advertising)."""
    return words_new(_RECIPIENT_BY_TRADE.sub(" ", old or ""), _RECIPIENT_BY_TRADE.sub(" ", new or ""), vocabulary)


#: ways to reach a person: new where marketing is stated, the phone number or another contact
#: detail put to that use ("contact you by e-mail" → "by e-mail, telephone or SMS")
CHANNEL_WORDS = frozenset({"telephone", "phone", "sms", "text", "texts", "call", "calls", "whatsapp", "wechat",
                           "push", "notifications", "mail", "post"})
#: a purpose left open: "and for our other business needs", "for any other purpose", "related
#: purposes"; new where purposes are stated, a use no one can foresee (Art. 14)
OPEN_ENDED_USE = re.compile(r"\b(?:other|any|further|additional|related|similar|internal)\s+(?:business\s+)?"
                            r"(?:purposes?|needs|uses)\b|\bbusiness\s+(?:purposes|needs)\b", re.I)
#: other names of a data category than its vocabulary label, as a statement writes them; a
#: longer name wins where two overlap ("device fingerprint" is device data, not biometric)
DATA_SYNONYMS: dict[str, tuple[str, ...]] = {
    "pd:DateOfBirth": ("birthday", "birth date", "birthdays"), "pd:TelephoneNumber": ("mobile number", "telephone number"),
    "pd:PhysicalAddress": ("delivery address", "postal address", "home address"),
    "pd:OfficialID": ("ID card", "passport", "birth certificate", "household register"),
    "pd:Location": ("location", "precise location"), "pd:Biometric": ("face", "fingerprint", "facial"),
    "pd:MedicalHealth": ("medical records", "health condition"), "pd:BankAccount": ("bank account",),
    "av:PropertyInformation": ("credit limit", "repayment record", "credit history", "credit score", "income"),
    "av:Photo": ("photo", "photograph", "video"),
    "pd:DeviceBased": ("device fingerprint", "device fingerprints", "browser fingerprint", "browser fingerprints",
                       "device model", "screen resolution", "installed fonts"),
}


@cache
def _data_names() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every data category's label and synonyms, longest first, and the code
    of each name (lowercased, single-spaced)."""
    from ..model.vocabulary import DATA_CATEGORIES

    codes: dict[str, str] = {}
    for code, (label, _sensitive) in DATA_CATEGORIES.items():
        for name in (label, *DATA_SYNONYMS.get(code, ())):
            codes.setdefault(name.lower(), code)
    return _name_pattern(tuple(sorted(codes, key=len, reverse=True))), codes


@lru_cache(maxsize=256)
def data_named_more_often(old: str, new: str) -> tuple[str, ...]:
    """The data categories (vocabulary codes) whose label or a synonym ``new`` affirms more
    often than ``old`` ("date of birth", "birthday"; not "we do not collect your birthday"),
    sorted; where names overlap, the longest is read ("device fingerprint", not "fingerprint")."""
    pattern, codes = _data_names()

    def named(text: str) -> Counter[str]:
        return Counter(codes[" ".join(m.group(1).lower().split())] for m in pattern.finditer(affirmed(text)))
    return tuple(sorted(named(new) - named(old)))


#: a lead-in that lists exceptions to a right, not the cases it covers
EXCEPTIONS = re.compile(r"\b(?:not|except|unless|cannot|no longer|refuse|reject)\b", re.I)
#: a fallback, not an exception: "we will delete it; if we do not, you may ask us to"
_FALLBACK = re.compile(r"\bif\s+(?:we|they|it)\s+(?:do|does|did)\s+not\b", re.I)


#: a list that says it is not all there is: "including in the following cases", "such as"
_OPEN_LIST = re.compile(r"\bincluding\b|\bsuch\s+as\b|\bfor\s+example\b|\bamong\s+others\b|\bnot\s+limited\s+to\b", re.I)


def list_opened(old: str | None, new: str | None) -> bool:
    """A lead-in that closed its list (the only cases, "only in the following cases", or the
    exceptions to a refusal, "We will not transfer ... except in the following cases") now
    says the list is open ("We may transfer ..., including in the following cases"); one that
    only stops closing it is :func:`list_unclosed`."""
    return _closed(old) and bool(_OPEN_LIST.search(new or ""))


def list_unclosed(old: str | None, new: str | None) -> bool:
    """A lead-in that closed its list no longer does, without saying it is open: "We will only
    publicly disclose ... in the following circumstances" → "We will publicly disclose ..."."""
    return _closed(old) and not _closed(new) and not _OPEN_LIST.search(new or "")


def _closed(text: str | None) -> bool:
    """A lead-in that gives the only cases ("only in the following cases"), or the exceptions to
    a refusal ("We will not transfer ... except in the following cases")."""
    return not _OPEN_LIST.search(text or "") and (
        lists_exceptions(text) or bool(re.search(r"\b(?:only|solely|exclusively)\b", text or "", re.I)))


def lists_exceptions(lead_in: str | None) -> bool:
    """A lead-in that lists the cases a right does *not* cover ("we will not be able to
    respond in the following cases:"), not the cases it does."""
    return bool(EXCEPTIONS.search(_FALLBACK.sub(" ", lead_in or "")))
#: an alternative: "if you no longer use our products or services, or you cancel your account"
_ALTERNATIVE = re.compile(r"\bor\b", re.I)


def alternatives_dropped(old: str, new: str) -> bool:
    """``new`` affirms fewer alternatives ("or") than ``old``: a case that covered two
    situations now covers one ("... or you cancel your account" → "you close your account")."""
    return more_often(_ALTERNATIVE, new, old)  # read whole: "no longer use A or B" is a case, not a denial


#: words that let a definition take in more: "and any company in which ... holds 20%",
#: "affiliates or their shareholders", "including joint ventures"
_WIDER = re.compile(r"\b(?:any|or|including|as\s+well\s+as|together\s+with)\b", re.I)


def definition_widened(old: str, new: str) -> bool:
    """``new`` affirms more of the words that let a definition take in more (:data:`_WIDER`)
    than ``old``: "affiliates of Qima" → "affiliates of Qima and any company in which ...".
    The inverse of :func:`alternatives_dropped`, for what a term lets through."""
    return more_often(_WIDER, affirmed(old), affirmed(new))


#: words that name a right itself, not a thing done in passing ("we delete your data" is
#: not a right to deletion; "export your data as a machine-readable file" is portability)
RIGHT_NAMES: dict[str, tuple[str, ...]] = {
    "av:RightToPortability": ("portability", "export", "exports", "machine-readable", "another platform",
                              "another provider", "another service provider", "another controller",
                              "another personal information handler", "another handler"),
    "av:RightToRestriction": ("restrict the processing", "restrict our processing", "restriction of processing"),
    "av:RightToObject": ("object to", "objection to", "right to refuse"),
    "av:RightToRectification": ("rectify", "rectification"),
    "av:RightToErasure": ("erasure", "right to be forgotten"),
    "av:RightToWithdrawConsent": ("withdraw your consent", "withdraw consent"),
}


#: how a statement names, in words, a channel through which a right is exercised
CHANNEL_NAMES: dict[str, tuple[str, ...]] = {
    "av:Email": ("email", "e-mail", "emails", "e-mails"),
    "av:Phone": ("phone", "telephone", "call us", "hotline"),
    "av:Letter": ("letter", "by post", "postal mail", "in writing", "written request", "in written form",
                  "mail your", "mail it", "mail us", "mail them"),
    "av:CustomerService": ("customer service", "customer support", "support team"),
    "av:MobileApp": ("the app", "our app", "mobile app"),
    "av:UnsubscribeLink": ("unsubscribe link", "unsubscribe button"),
    "av:DeviceSettings": ("device settings", "system settings"),
    "av:BrowserSettings": ("browser settings",),
}


def channels_named_more_often(old: str, new: str) -> tuple[str, ...]:
    """The channels (vocabulary codes) whose names (:data:`CHANNEL_NAMES`) ``new`` affirms more
    often than ``old`` ("You can also send your request by email" names ``av:Email``)."""
    old, new = affirmed(old), affirmed(new)
    return tuple(code for code, names in CHANNEL_NAMES.items() if more_often(_name_pattern(names), old, new))


def rights_named_more_often(old: str, new: str) -> tuple[str, ...]:
    """The rights (vocabulary codes) whose names (:data:`RIGHT_NAMES`) ``new`` affirms more
    often than ``old``."""
    old, new = affirmed(old), affirmed(new)
    return tuple(code for code, names in RIGHT_NAMES.items() if more_often(_name_pattern(names), old, new))


#: how a statement says in words the circumstance a recipient fact records (else its label)
CIRCUMSTANCE_NAMES: dict[str, tuple[str, ...]] = {
    "dpv:Consent": ("consent", "consented", "consents", "agree", "agreed", "authorization", "authorisation"),
    "dpv:ExplicitlyExpressedConsent": ("express consent", "explicit consent", "separate consent", "expressly agree"),
    "dpv:Contract": ("contract", "agreement with you"),
    "dpv:LegalObligation": ("law", "laws", "regulations", "legal obligation", "legally required"),
    "dpv:VitalInterest": ("life", "property", "safety"),
    "dpv:PublicInterest": ("public safety", "public health", "public interest"),
    "av:NationalSecurity": ("national security", "national defense", "national defence"),
    "av:CriminalProceedings": ("criminal", "prosecution", "trial"),
    "av:AuthorityRequest": ("authority", "authorities", "regulator", "regulators", "police", "court", "courts",
                            "request", "requests", "requested", "asks", "ask us", "demand", "demands"),
    "av:MergerOrAcquisition": ("merger", "acquisition", "bankruptcy", "reorganisation", "reorganization"),
    "dpv:LegitimateInterest": ("legitimate interest", "legitimate interests", "legitimate business interests"),
}


def circumstance_mentions(code: str, text: str | None) -> int:
    """How often ``text`` affirms the circumstance ``code`` in words ("at the request of a
    competent authority" says ``av:AuthorityRequest``)."""
    from ..model import vocabulary as vocab

    names = CIRCUMSTANCE_NAMES.get(code) or (vocab.label(code),)
    return len(_name_pattern(tuple(names)).findall(affirmed(text)))


@cache
def _name_pattern(names: tuple[str, ...]) -> re.Pattern:
    """One pattern for ``names``, each also in the plural ("ID numbers" names "ID number"); its
    one group is the name as written without the plural ending."""
    return re.compile(r"\b(" + "|".join(re.escape(n).replace("\\ ", r"\s+") for n in names) + r")(?:e?s)?\b", re.I)


#: words that name when data reaches a recipient (Section VIII item 3's circumstances)
CIRCUMSTANCE_WORDS = frozenset({"sale", "sold", "sell", "merger", "mergers", "acquisition", "acquisitions",
                                "bankruptcy", "liquidation", "insolvency", "reorganisation", "reorganization",
                                "restructuring", "divestiture", "assets", "subpoena", "court", "courts",
                                "investigation", "investigations", "audit", "audits", "diligence",
                                "litigation", "lawsuit", "authority", "authorities", "regulator", "regulators",
                                "police", "emergency", "emergencies", "request", "requests", "requested",
                                "demand", "demands"})
#: how a statement names a recipient in words, besides its vocabulary label: for the recipients
#: that are handlers in their own right (``lint.codes.OTHER_CONTROLLERS``), the ones whose name
#: alone says data reaches another handler
RECIPIENT_NAMES: dict[str, tuple[str, ...]] = {
    "av:DataBroker": ("data broker", "data brokers", "data reseller", "data resellers", "list brokers"),
    "av:Insurer": ("insurer", "insurers", "insurance company", "insurance companies"),
    "av:Acquirer": ("acquirer", "acquirers", "prospective buyers", "prospective purchasers"),
}


def recipients_named_more_often(old: str, new: str, codes: frozenset[str]) -> tuple[str, ...]:
    """The recipients among ``codes`` whose label or a name of :data:`RECIPIENT_NAMES` ``new``
    affirms more often than ``old`` ("suppliers, service providers, data brokers and other
    partners" names ``av:DataBroker``), sorted."""
    from ..model import vocabulary as vocab

    old, new = affirmed(old), affirmed(new)
    return tuple(sorted(code for code in codes
                        if more_often(_name_pattern((vocab.label(code), *RECIPIENT_NAMES.get(code, ()))), old, new)))


#: a recipient said to be a handler in its own right ("to assess fraud risk on
#: their own services", "for its own purposes", "offers of their own", "so that they can offer
#: them to you")
OWN_USE = re.compile(r"\b(?:their|its)\s+own\s+(?:[\w-]+\s+){0,4}?(?:purposes?|services?|business(?:es)?|"
                     r"products?|use|uses|marketing|customers|offers?|promotions?|advertising|ads|"
                     r"analytics|records?|accounts?|polic(?:y|ies)|terms|clients)\b|"
                     r"\b(?:purposes?|offers?|products?|services?|marketing|advertising|promotions?|business)\s+"
                     r"of\s+(?:their|its)\s+own\b|"
                     r"\bso\s+that\s+they\s+(?:can|may|could|will)\s+(?:offer|market|advertise|promote|sell)\w*\b", re.I)
#: AllValue said to decide for itself: "as an independent controller", "for our own purposes",
#: "it is up to us to decide how to use your data"
CONTROLLER_SAID = re.compile(r"\b(?:independent|joint|separate)\s+(?:data\s+|personal\s+information\s+)?(?:controllers?|handlers?)\b|"
                             r"\bas\s+(?:a|the)\s+(?:data\s+)?controller\b|\b(?:our|its)\s+own\s+(?:[\w-]+\s+){0,2}?purposes?\b|"
                             r"\bup\s+to\s+us\s+to\s+decide\b|\bwe\s+(?:alone\s+)?(?:decide|determine)\s+(?:how|why|what|the\s+purposes)\b",
                             re.I)
#: consent said not to be asked: "for which we do not ask for your consent", "does not require
#: your consent", "no longer need your authorization" (not "we will not share it without your
#: consent", which asks it)
CONSENT_DENIED = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:ask|seek|obtain|request|need|require|get)\w*\s+"
                            r"(?:[\w-]+\s+){0,3}?(?:consent|authori[sz]ation|permission)\b", re.I)
#: words that make the user's agreement a condition ("with your consent")
CONSENT_WORDS = frozenset({"consent", "consents", "consented", "authorization", "authorisation", "authorize",
                           "authorise", "authorized", "authorised", "permission", "opt-in"})
#: data said to go to someone: "we share these records with our advertising service providers",
#: or someone said to act for us ("our staff, or marketing agencies acting on our behalf, may
#: contact you")
RECIPIENT_NAMED = re.compile(
    r"\b(?:share|shares|shared|sharing|disclose|discloses|disclosed|provide|provides|provided|transfer|transfers|"
    r"transferred|sell|sells|sold|send|sends|sent)\b[^.;:]{0,80}?\b(?:with|to)\b[^.;:]{0,60}?\b(?:partners?|providers?|"
    r"vendors?|advertisers?|third[- ]parties|third[- ]party|compan(?:y|ies)|affiliates?|brands?|processors?|"
    r"suppliers?|contractors?|consortium|networks?|platforms?|brokers?|insurers?|merchants?|buyers?|purchasers?|"
    r"acquirers?|successors?)\b|"
    r"\b(?:agenc(?:y|ies)|partners?|providers?|vendors?|contractors?|compan(?:y|ies)|third[- ]parties)\s+"
    r"(?:acting\s+|working\s+)?(?:on\s+our\s+behalf|for\s+us)\b", re.I)
#: someone else said to use the data, or reach the user, itself: "we and our partners may
#: contact you", "our advertising partners use it to"; not a processor's work for us
#: ("providers", "suppliers"), nor merchants, who control their customers' data already; but
#: data used for, or given to, *other* merchants than the reader's ("and for other AllValue
#: merchants selling similar goods")
OTHERS_ACT = re.compile(
    r"\b(?:our|their|these|such|other)\s+(?:[\w-]+\s+){0,2}?(?:partners?|third[- ]parties|advertisers?|brands?|"
    r"affiliates?|affiliated\s+companies|other\s+companies|data\s+brokers?)\s+(?:may|will|can|could|might|also|"
    r"then|would|each\s+)?\s*(?:contact|e-?mail|call|message|text|send|use|uses|analy[sz]e|combine|process|share|"
    r"sell|target|track|profile)\w*\b|"
    r"\b(?:for|to|with)\s+(?:the\s+)?other\s+(?:AllValue\s+)?merchants\b", re.I)
#: where data is kept: "our servers in", "stored in", "hosted in", "data centres"
HOSTING = re.compile(r"\b(?:servers?|stored|storage|hosted|hosting|data\s+cent(?:er|re)s?|processed\s+in)\b", re.I)
#: what a statement shows of a user besides its data categories: "the reviews you post and the
#: products you bought will be displayed publicly"
SHOWN_WORDS = frozenset({"reviews", "review", "comments", "ratings", "purchases", "products", "orders", "city",
                         "photos", "videos", "location", "history", "age", "birthday", "followers", "likes",
                         "wishlist", "residence", "name", "names", "email", "phone", "address", "gender", "order",
                         "purchase", "customers", "buyers"})
#: data made visible to anyone: "displayed publicly", "where any visitor can see them",
#: "anyone can view your reviews" (but not "a child is anyone under 13": a person named
#: without seeing is no one shown anything)
PUBLICLY = re.compile(r"\bpublicly\b|\bmade\s+public\b|\b(?:any|every)\s+(?:visitor|member\s+of\s+the\s+public)\b|"
                      r"\b(?:anyone|everyone|any\s*one|any\s+person|every\s+person)\b(?=[^.;:!?]{0,40}?\b(?:see|seen|view|"
                      r"read|find|found|access|look|visible|shown|displayed))|\bvisible\s+to\s+(?:all|everyone|anyone)\b|"
                      r"\bsearch\s+engines?\b", re.I)
#: the statement saying something holds no personal information ("does not involve your
#: personal information", "no personal data")
NO_PERSONAL_DATA = re.compile(
    r"\b(?:not|never|nor)\s+(?:\w+\s+)?(?:involve|contain|include|hold|carry|record|identify)s?\b[^.;:]{0,30}?"
    r"\bpersonal\s+(?:information|data)\b|\b(?:no|without\s+(?:any\s+)?)\s*personal\s+(?:information|data)\b", re.I)
#: personal information said to be possibly there, nothing named: "may involve your personal
#: information"
MAYBE_PERSONAL_DATA = re.compile(r"\b(?:may|might|could|can)\s+(?:\w+\s+)?(?:involve|contain|include|hold|carry|record|"
                                 r"identify)\b[^.;:]{0,30}?\bpersonal\s+(?:information|data)\b", re.I)


#: a negation and the rest of its sentence: what it says is *not* done
_NEGATED = re.compile(r"\b(?:not|never|no|nor|neither|without|cannot)\b[^.;:!?]*", re.I)
#: a negation inside a relative clause ends with the clause ("information that you cannot
#: view, please contact customer service" still tells you whom to contact)
_NEGATED_RELATIVE = re.compile(r"\b(?:that|which|who|whom)\s+(?:\w+\s+){0,3}?(?:not|never|cannot)\b[^.;:!?,]*,",
                               re.I)


@lru_cache(maxsize=512)
def affirmed(text: str | None) -> str:
    """``text`` without what it denies: each negation to the end of its sentence is dropped
    ("We do not use the camera to collect biometric information." names no data collected);
    a negation in a relative clause only to the clause's comma ("that you cannot view, contact
    us" still names a contact)."""
    return _NEGATED.sub(" ", _NEGATED_RELATIVE.sub(" ", _uncontracted(text)))


def shown_publicly_more(old: str, new: str) -> bool:
    """``new`` affirms that something is shown publicly more often than ``old``, or its
    sentences that say so name more of what is shown (:data:`SHOWN_WORDS`)."""
    old, new = affirmed(old), affirmed(new)
    if more_often(PUBLICLY, old, new):
        return True

    def shown(text: str) -> int:
        return sum(_counts(sentence, SHOWN_WORDS).total() for sentence in re.split(r"(?<=[.;!?])\s+", text)
                   if PUBLICLY.search(sentence))
    return shown(new) > shown(old)


def phrases_added(pattern: re.Pattern, old: str, new: str) -> tuple[str, ...]:
    """The phrases ``pattern`` finds that ``new`` affirms more often than ``old``, lowercased."""
    def found(text: str) -> Counter[str]:
        return Counter(m.group(0).lower() for m in pattern.finditer(affirmed(text)))
    return tuple(sorted(found(new) - found(old)))


#: the other audience of the statement, merchants' customers, named as people whose data a
#: clause handles: "your customers" (to a merchant), "a merchant's customers", "the customers
#: of merchants", "shoppers", "a customer of a merchant" (not "customer service": a channel,
#: not people; not "the customer" alone, whom a clause addressed to merchants already means)
OTHER_AUDIENCE = re.compile(r"\b(?:customers|shoppers|buyers|consumers|customer\s+of\s+(?:a|the|their|your)\s+"
                            r"(?:merchant|store|shop))\b(?!['\u2019]?\s+(?:service|support|care|success|experience|"
                            r"team|hotline)\b)", re.I)


def audience_named_more_often(old: str | None, new: str | None) -> bool:
    """``new`` affirms more often than ``old`` that it concerns merchants' customers
    (:data:`OTHER_AUDIENCE`): "email we send you" → "email we send you, or that a merchant
    sends its customers through AllValue"."""
    return more_often(OTHER_AUDIENCE, affirmed(old), affirmed(new))


def more_often(pattern: re.Pattern, old: str, new: str) -> bool:
    """``pattern`` matches ``new`` more often than ``old``."""
    return len(pattern.findall(new or "")) > len(pattern.findall(old or ""))


#: the title of a law ("the United States Children's Online Privacy Protection Act"): its words
#: are a name, not the statement saying anything of children, data or uses
_LAW_TITLE = re.compile(r"\b(?:[A-Z][\w'\u2019-]*\s+(?:(?:of|on|for|and|the)\s+)*){1,10}(?:Act|Law|Regulation|Directive|Code)s?\b")


def _counts(text: str, vocabulary: frozenset[str]) -> Counter[str]:
    """How often each word of ``vocabulary`` occurs in ``text`` (already :func:`_uncontracted`),
    outside the titles of laws."""
    return Counter(w for w in _WORD.findall(_LAW_TITLE.sub(" ", text).lower()) if w in vocabulary)


def words_added(old: str, new: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """The words of ``vocabulary`` that ``new`` affirms more often than ``old``, sorted (what a
    sentence denies is not counted: see :func:`affirmed`; hyphenated words are read whole)."""
    return tuple(sorted(_counts(affirmed(new), vocabulary) - _counts(affirmed(old), vocabulary)))


def affirms_any(text: str | None, vocabulary: frozenset[str]) -> bool:
    """``text`` affirms a word of ``vocabulary`` ("a child under 10" names children)."""
    return bool(_counts(affirmed(text), vocabulary))


def words_new(old: str, new: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """The words of ``vocabulary`` that ``new`` affirms and ``old`` did not affirm at all, sorted
    (a use named again, "obtain their consent to marketing separately", is no new use)."""
    return tuple(sorted(set(_counts(affirmed(new), vocabulary)) - set(_counts(affirmed(old), vocabulary))))


def words_added_in_all(old: str, new: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """As :func:`words_added`, for a vocabulary of synonyms: only when ``new`` affirms more of
    them in all ("children's information" rewritten as "a child's details" names no one new)."""
    return _more_in_all(_counts(affirmed(old), vocabulary), _counts(affirmed(new), vocabulary))


def _more_in_all(before: Counter[str], after: Counter[str]) -> tuple[str, ...]:
    """The words counted more often in ``after``, when ``after`` counts more words in all."""
    return tuple(sorted(after - before)) if after.total() > before.total() else ()


#: a negated limit is no limit: "will not affect your access", "without affecting", "we will not
#: charge", "free of charge"; nor is a cap on what we do ("expire no later than 13 months"), nor
#: your consent made a condition of it ("placed only after you have accepted them"), nor a
#: fallback ("we will delete it; if we do not, you may ask us to"), nor a right to say no ("the
#: right to refuse decisions made solely by automated means", "an option not targeting your
#: personal characteristics": PIPL Art. 24's words), nor a step the reader is spared ("you do not
#: need to make a separate request")
_LIMIT_NEGATED = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+)?(?:affect|prejudice|limit|restrict|reduce|impair|"
                            r"charge|hinder)\w*|\bwithout\s+(?:affecting|prejudice|limiting|charge)\w*|"
                            r"\bfree\s+of\s+(?:charge|cost)|\b(?:no|without)\s+(?:charges?|costs?|fees?)\b|\bat\s+no\s+cost\b|"
                            r"\bno\s+(?:later|longer|more)\s+than\b|" + _FALLBACK.pattern + "|"
                            r"\bonly\s+(?:after|once|if|when|with)\s+(?:you\s+(?:have\s+)?|your\s+)(?:accept|agree|consent|opt|give|"
                            r"gave|allow|choose|chose|express|approve)\w*|"
                            r"\b(?:right|option|way|choice)\s+to\s+(?:[\w-]+\s+){0,2}?(?:refuse|reject|object|opt\s+out)\b"
                            r"(?:\s+(?:to\s+)?(?:[\w-]+\s+){0,3}?(?:made|based|taken)\s+(?:solely|exclusively|only)\s+"
                            r"(?:by|on|through)\s+automat\w+)?|"
                            r"\bnot\s+target(?:ing|ed\s+at)\s+(?:your\s+)?personal\s+characteristics\b|"
                            r"\b(?:do|does|will)\s+not\s+(?:need|have)\s+to\b|\bno\s+need\s+to\b", re.I)


#: a proviso that says what "without" says: "provided this does not infringe" is "without
#: infringing", no further limit
_PROVISO = re.compile(r"\bprovided\s+(?:that\s+)?(?:this|it|doing\s+so|that|such\s+\w+)\s+(?:does|will)\s+not\s+", re.I)


def _uncontracted(text: str | None) -> str:
    """"can't" as "cannot", "won't" as "will not", "don't" as "do not"."""
    text = (text or "").replace("\u2019", "'")
    text = re.sub(r"\bcan't\b", "cannot", text, flags=re.I)
    text = re.sub(r"\bwon't\b", "will not", text, flags=re.I)
    return re.sub(r"n't\b", " not", text, flags=re.I)


def limiting_words_added(old: str, new: str) -> tuple[str, ...]:
    """The :data:`LIMITING_WORDS` that ``new`` uses more often than ``old``, when it uses
    more of them in all (a "cannot" rewritten as "may not" is no new limit, nor is a negated
    limit, "will not affect"); :data:`DELAY` when it puts a delay more often ("after a
    cooling-off period"), :data:`FEE` a price ("USD 15"), :data:`QUALIFIED` a duty made to
    depend on what is practicable ("where it is practicable to do so"), :data:`STEP_LEFT` a step
    the reader must now take ("you will need to contact them yourself"), :data:`LAPSES` a time
    after which it no longer holds ("for 90 days, after which")."""
    old_plain, new_plain = (_LIMIT_NEGATED.sub(" ", _PROVISO.sub("without ", _uncontracted(t))) for t in (old, new))
    old_promises, new_promises = (_NEGATED_PROMISE.sub(" ", t) for t in (old_plain, new_plain))
    weak = _counts(old_plain, WEAK_MODALS).total(), _counts(new_plain, WEAK_MODALS).total()
    strong = _counts(old_promises, STRONG_MODALS).total(), _counts(new_promises, STRONG_MODALS).total()
    before, after = _counts(old_plain, LIMITING_WORDS), _counts(new_plain, LIMITING_WORDS)
    # a promise made firmer ("we will try our best to notify" → "we will notify ... unless it is
    # impossible") and a limit added together go both ways: no limiting word is counted then
    strengthened = weak[1] < weak[0] and strong[1] >= strong[0]
    added = () if strengthened else _more_in_all(before, after)
    for pattern, name in ((_DELAY, DELAY), (_FEE, FEE), (_FREQUENCY, FREQUENCY), (_QUALIFIED, QUALIFIED),
                          (_STEP_LEFT, STEP_LEFT), (_LAPSES, LAPSES)):
        if more_often(pattern, old_plain, new_plain):
            added += (name,)
    before_days, after_days = longest_days(old), longest_days(new)
    if before_days is not None and after_days is not None and after_days > before_days:
        added += (LONGER,)
    if weak[1] > weak[0] and strong[1] < strong[0]:
        added += (WEAKENED,)
    return tuple(sorted(added))


#: "contact that merchant", "ask online customer service", "write to our Data Protection Officer",
#: "file a lawsuit in the court":
#: the verb, then (looked ahead at, so that "... or ask ..." is read too) the words up to a
#: punctuation mark, cut at a preposition in :func:`contacted`
_CONTACTED = re.compile(
    r"\b(?:contact|ask|call|email|e-mail|tell|write\s+to|get\s+in\s+touch\s+with|reach\s+out\s+to|"
    r"(?:fil(?:e|ing)|bring(?:ing)?|institut(?:e|ing)|tak(?:e|ing))\s+(?:a\s+)?(?:lawsuit|legal\s+action|proceedings)\s+"
    r"(?:in|before|at|with)|"
    r"complain\s+(?:to|through|via|with)|(?:lodge|file|make|submit)\s+(?:a|an|their|your|the|any)\s+complaints?\s+"
    r"(?:with|to|through|via)|"
    r"send\s+(?:it|them|(?:your|a|the)\s+\w+)\s+to|apply\s+to|"
    r"submit\s+(?:it|them|(?:your|a|the)\s+\w+)\s+to)(?=\s+([\w'-]+(?:\s+[\w'-]+){0,7}))", re.I)
#: "let AllValue customer service know": whom, between "let" and "know"
_LET_KNOW = re.compile(r"\blet\s+([\w'-]+(?:\s+[\w'-]+){0,5}?)\s+know\b", re.I)
#: words that end the name of whom to contact ("customer service *by* phone")
_CONTACT_END = frozenset({"by", "for", "to", "at", "via", "through", "using", "in", "on", "and", "or", "if", "who",
                          "which", "with", "when", "where", "so", "about", "within", "as"})
#: words that name no one ("the", "our", "please")
_CONTACT_NOISE = frozenset({"the", "our", "us", "your", "please", "a", "an", "directly", "also"})
#: first words that show "contact" is not a route for the reader: AllValue contacting you
#: ("our staff may contact you"), or the noun ("your contact information")
_NOT_A_ROUTE = frozenset({"you", "information", "details", "number", "numbers", "channel", "channels",
                          "method", "methods", "form", "person", "persons"})


@cache
def _countries() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every territory's English name, longest first (so "Hong Kong SAR
    China" is one name, not also China), and the ISO 3166 alpha-2 code of each name; from
    CLDR (Babel) and the vocabulary's own labels, matched with their capitals."""
    from ..model.vocabulary import COUNTRIES

    codes = dict(_territory_names())
    codes.update({label.removeprefix("the "): code for code, label in COUNTRIES.items()})
    names = sorted(codes, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), codes


def _territory_names() -> dict[str, str]:
    """CLDR's English territory names (name → ISO code), kept in the validated-source cache
    by Babel's English data file: loading Babel's locale data is ~70 ms of a ``notices diff``,
    reading the cache back well under 1 ms."""
    import importlib.util
    import os

    from ..source import cache as source_cache

    spec = importlib.util.find_spec("babel")
    path = os.path.join(os.path.dirname(spec.origin), "locale-data", "en.dat") if spec and spec.origin else ""
    st = os.stat(path) if path and os.path.exists(path) else None

    def load() -> dict[str, str]:
        from babel import Locale

        return {name: code for code, name in Locale("en").territories.items() if len(code) == 2 and code.isalpha()}

    if st is None:
        return load()
    key = source_cache.entry_key("territories", path, str(st.st_size), str(st.st_mtime_ns))
    return source_cache.remember(key, dict, load)


def countries_named_more_often(old: str, new: str) -> tuple[str, ...]:
    """The territories (ISO codes) whose English name ``new`` affirms more often than ``old``
    ("our servers in China and Singapore" → ``SG``)."""
    pattern, codes = _countries()
    before, after = (Counter(codes[name] for name in pattern.findall(affirmed(t))) for t in (old, new))
    return tuple(sorted(after - before))


#: Section VIII ¶2's promise: "We will not limit your rights under this Privacy Statement
#: without your express consent" (also "never reduce your rights ... without ... consent", and
#: "Without your express consent, we will not limit your rights")
_LIMIT_RIGHTS = (r"\b(?:not|never)\s+(?:\w+\s+)?(?:limit|reduce|restrict|diminish|narrow|curtail)\w*\s+"
                 r"(?:any\s+of\s+)?your\s+rights\b")
_RIGHTS_PROMISE = re.compile(_LIMIT_RIGHTS + r"[^.;]*?\bwithout\s+your\s+(?:[\w-]+\s+)?consent\b|"
                             r"\bwithout\s+your\s+(?:[\w-]+\s+)?consent\b[^.;]*?" + _LIMIT_RIGHTS, re.I)


def rights_promised(text: str | None) -> int:
    """How often ``text`` makes Section VIII ¶2's promise not to limit your rights without
    your (express) consent."""
    return len(_RIGHTS_PROMISE.findall(_uncontracted(text)))


def said(text: str | None) -> str:
    """``text`` as compared for whether it says a value: lowercased, single-spaced."""
    return " ".join((text or "").lower().split())


#: words a value may lose when reworded ("the court with jurisdiction" is "the court that has
#: jurisdiction")
_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "with", "that", "which", "has", "have", "having", "is", "are",
                             "in", "at", "for", "to", "by", "and"})


def says_value(value: str, text: str | None) -> bool:
    """``text`` says ``value``: word for word, or its other words in order with at most two
    words between each ("court with jurisdiction where the defendant is located" is said by
    "the court that has jurisdiction where the defendant is located")."""
    value, text = said(value), said(text)
    if value in text:
        return True
    words = [w for w in re.findall(r"[\w'-]+", value) if w not in _FUNCTION_WORDS]
    if not words:
        return False
    gap = r"\W+(?:[\w'-]+\W+){0,2}?"
    return re.search(r"\b" + gap.join(map(re.escape, words)) + r"\b", text) is not None


#: a choice the reader is given to stop something: "you can unsubscribe", "turn off the
#: personalized recommendation switch", "opt out", "withdraw", "turned on or off by yourself",
#: "turn these permissions on or off", "close any permission"
_STOP = (r"(?:unsubscribe|opt(?:\s+|-)out|turn(?:ed|ing)?\s+(?:[\w-]+\s+){0,2}?(?:on\s+or\s+)?off|"
         r"switch(?:ed|ing)?\s+(?:[\w-]+\s+){0,2}?(?:on\s+or\s+)?off|disable|"
         r"clos(?:e|ed|ing)\s+(?:(?:the|any|a|this|that|these|those|your)\s+)?(?:\w+\s+)?(?:permissions?|switch(?:es)?)|"
         r"deactivate|withdraw|object\s+to|stop\s+receiving)")
_OPT_OUT = re.compile(r"\b" + _STOP + r"\b", re.I)
#: the same, denied: "you cannot opt out", "will not be able to turn it off"
_OPT_OUT_DENIED = re.compile(r"\b(?:not|cannot|never|no\s+longer)\s+(?:[\w-]+\s+){0,3}?" + _STOP + r"\b", re.I)
#: something said to go on whatever the reader chose: "will continue to be based on your
#: preference features", "will still receive", "regardless of your settings"
_CONTINUES = re.compile(r"\b(?:will|would|may|shall|can)\s+(?:still|continue\s+to|remain)\b|\bcontinues?\s+to\s+be\b|"
                        r"\bregardless\s+of\b|\beven\s+(?:if|after|when|though)\s+you\b", re.I)


def opt_outs(text: str | None) -> int:
    """How many choices to stop something ``text`` gives the reader (not those it denies)."""
    text = _uncontracted(text)
    return len(_OPT_OUT.findall(text)) - len(_OPT_OUT_DENIED.findall(text))


def opt_outs_taken(old: str | None, new: str | None) -> bool:
    """``new`` denies a way to stop something that ``old`` gave ("these permissions can be turned
    on or off" → "cannot be turned off"; a way never given, now denied, is no way taken), or no
    longer names a kind of way ``old`` named (to turn off, to
    unsubscribe, to withdraw...), however often each is said ("you can unsubscribe according
    to the unsubscribe method" → "you can use the unsubscribe method" takes none away)."""
    old, new = _uncontracted(old), _uncontracted(new)

    def verbs(text: str, pattern: re.Pattern = _OPT_OUT) -> set[str]:
        """The first letters of each way's verb ("turn", "unsu"); a denial by the way it denies."""
        return {_OPT_OUT.search(m.group(0)).group(0)[:4].lower() for m in pattern.finditer(text)}
    denied = verbs(new, _OPT_OUT_DENIED) - verbs(old, _OPT_OUT_DENIED)
    if denied & verbs(affirmed(old)):  # a way the old wording gave, now denied
        return True
    kinds = ({_STOP_KINDS.get(v, "out") for v in verbs(affirmed(text))} for text in (old, new))
    return bool(next(kinds) - next(kinds))


#: the kinds of ways to stop something, by the first letters of their verb: to switch a thing
#: off (turn off, disable, close a permission), to withdraw consent, to object; the rest (opt
#: out, unsubscribe, stop receiving) are one kind
_STOP_KINDS = {"turn": "off", "swit": "off", "disa": "off", "clos": "off", "deac": "off",
               "with": "withdraw", "obje": "object"}


#: a promise to follow what the reader chose: "We will respect the choice you make", "we honour
#: your settings", "we will not disregard the choice you make"
_CHOICE_HONOURED = re.compile(r"\b(?:respect|honou?r|follow|abide\s+by|not\s+(?:disregard|ignore|override))\w*\s+"
                              r"(?:the\s+|your\s+|any\s+|all\s+)?"
                              r"(?:choices?|settings?|preferences?|decisions?)\b", re.I)
#: the reader's choice said not to count: "the choices you make ... do not apply to it",
#: "regardless of your settings"
_CHOICE_OVERRIDDEN = re.compile(r"\b(?:choices?|settings?|preferences?)\b[^.;]{0,80}?\b(?:do|does|will|shall)\s+not\s+"
                                r"(?:apply|count|affect)\b|\b(?:regardless|irrespective)\s+of\s+(?:the\s+|your\s+|any\s+)?"
                                r"(?:choices?|settings?|preferences?)\b", re.I)


def choice_overridden(old: str | None, new: str | None) -> bool:
    """``new`` promises less often than ``old`` to follow the reader's choice, or says more
    often that it does not count ("We will respect the choice you make" → "the choices you
    make ... do not apply to it")."""
    old, new = _uncontracted(old), _uncontracted(new)
    return more_often(_CHOICE_HONOURED, new, old) or more_often(_CHOICE_OVERRIDDEN, old, new)


#: a step the reader is spared: "you do not need to make a separate request", "no need to
#: apply", "we will delete it automatically", "without a further request"
_SPARED = re.compile(r"\b(?:do|does|will)\s+not\s+(?:need|have)\s+to\b|\bno\s+need\s+to\b|\bautomatically\b|"
                     r"\bwithout\s+(?:your\s+|a\s+|any\s+)?(?:separate\s+|further\s+)?(?:request|application)\b", re.I)


def steps_spared(old: str | None, new: str | None) -> bool:
    """``new`` says more often than ``old`` that the reader need not do something to have what
    the clause gives ("you do not need to make a separate request for this")."""
    return more_often(_SPARED, _uncontracted(old), _uncontracted(new))


#: a choice given to say no: an opt-out (:data:`_STOP`), or "the right to refuse", "an option
#: not to", "a convenient way to refuse it"
_CHOICE = re.compile(r"\b(?:right|option|way|choice)\s+(?:not\s+)?to\s+(?:[\w-]+\s+){0,2}?(?:refuse|reject|object|opt\s+out)\b|"
                     r"\boption\s+not\s+(?:to\s+\w+|target\w*)\b|\b" + _STOP + r"\b", re.I)


def choices_added(old: str | None, new: str | None) -> bool:
    """``new`` gives the reader more choices to say no than ``old`` ("you also have the right
    to refuse decisions made solely by automated means")."""
    return more_often(_CHOICE, affirmed(old), affirmed(new))


def continues_regardless(old: str | None, new: str | None) -> bool:
    """``new`` says more often than ``old`` that something goes on whatever the reader chose."""
    return more_often(_CONTINUES, affirmed(old), affirmed(new))


#: a promise not to use or pass on data ("Partners will not use the information for any other
#: purpose") with an exception that is not the reader's to give: "without our approval",
#: "unless we agree", "except with our permission"
_PROMISE_WAIVED_BY_US = re.compile(
    r"\b(?:not|never|cannot)\s+(?:[\w-]+\s+){0,2}?(?:use|share|disclose|transfer|sell|process|provide|retain|keep)\w*\b[^.;:]*?"
    r"\b(?:without\s+(?:our|its|their|the\s+company's)\s+(?:prior\s+|express\s+|written\s+)?(?:approval|permission|"
    r"authori[sz]ation|consent|agreement)|unless\s+(?:we|it|they)\s+(?:agree|approve|allow|permit|decide)\w*|"
    r"except\s+(?:with|where)\s+(?:our|we)\b)", re.I)


def promise_waived_by_us(old: str | None, new: str | None) -> bool:
    """``new`` says more often than ``old`` that a promise not to use or pass on data gives way
    when AllValue (or the recipient) agrees, not the reader."""
    return more_often(_PROMISE_WAIVED_BY_US, _uncontracted(old), _uncontracted(new))


#: a promise that data kept will not be used: "store it securely and isolate it from any further
#: processing", "no further processing", "will not be used for any other purpose"
_NO_FURTHER_USE = re.compile(r"\b(?:isolat|restrict|block|exclud)\w*\s+(?:[\w-]+\s+){0,3}?from\s+(?:any\s+|all\s+)?"
                             r"(?:further|other)\s+(?:processing|use)\b|\bno\s+(?:further|other)\s+(?:processing|use)\b|"
                             r"\bnot\s+(?:be\s+)?(?:further\s+)?(?:processed|used)\s+for\s+any\s+other\b", re.I)
#: data put to a use: "we may use it to test our systems", "used for improving our services"
_PUT_TO_USE = re.compile(r"\b(?:use|uses|used|using|process|processed|analy[sz]e)\b[^.;]{0,60}?\b(?:to|for)\s+\w+", re.I)


def further_use_allowed(old: str | None, new: str | None) -> bool:
    """``new`` promises less often than ``old`` that data kept will not be used further, and
    says more often that it is put to a use ("isolate it from any further processing" → "may
    use it to test our disaster-recovery systems")."""
    old, new = _uncontracted(old), _uncontracted(new)
    return more_often(_NO_FURTHER_USE, new, old) and more_often(_PUT_TO_USE, old, new)


def phone_key(number: str) -> str:
    """A phone number by its last ten digits: "+1 (888) 996-8926" is "(888) 9968926"."""
    return re.sub(r"\D", "", number)[-10:]


#: a postal address the text gives: "Our mailing address is: 1st Floor, Building 6, No. 698,
#: Xixi Road, Xihu District, Hangzhou." (to the end of its sentence: a full stop before a
#: capitalised word, case-sensitive, so "No. 698" and "1. ordered" are no end)
_ADDRESS = re.compile(r"\b(?i:address)(?:\s+(?i:is))?\s*:\s*(.+?)\s*(?:\.\s*$|\.\s+(?=[A-Z][a-z]+\s)|$)", re.S)


def contact_details(text: str) -> frozenset[str]:
    """The emails, URLs, phone numbers (:func:`phone_key`) and postal addresses ``text``
    gives, normalised."""
    emails, urls, phones, _dates, _numbers = entities(text or "")
    addresses = (" ".join(m.group(1).lower().split()) for m in _ADDRESS.finditer(text or ""))
    return frozenset([*emails, *urls, *(phone_key(p) for p in phones), *addresses])


def contacted(text: str) -> frozenset[str]:
    """Whom ``text`` tells the reader to contact, ask or write to, lowercased, articles dropped
    ("contact Allvalue customer service by phone" → ``allvalue customer service``)."""
    out = set()
    for m in (*_CONTACTED.finditer(text or ""), *_LET_KNOW.finditer(text or "")):
        if m.group(1).split()[0].lower() in _NOT_A_ROUTE:
            continue
        words = []
        for w in m.group(1).lower().split():
            if w in _CONTACT_END or (w == "that" and words):  # "the court that has ...", not "that merchant"
                break
            if w not in _CONTACT_NOISE:
                words.append(w)
        if words:
            out.add(" ".join(words))
    return frozenset(out)
