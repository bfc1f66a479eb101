"""GDPR Art. 13(2) (points (a)-(f)) and Art. 14: what the person can do, and data from elsewhere.

Art. 13(2): "... the controller shall ... provide the data subject with the following further
information ...: (a) the period for which the personal data will be stored, or if that is
not possible, the criteria used to determine that period; (b) the existence of the right to
request ... access to and rectification or erasure of personal data or restriction of
processing ... or to object to processing as well as the right to data portability; (c)
where the processing is based on [consent], the existence of the right to withdraw consent
at any time ...; (d) the right to lodge a complaint with a supervisory authority; (e)
whether the provision of personal data is a statutory or contractual requirement, or a
requirement necessary to enter into a contract, as well as whether the data subject is
obliged to provide the personal data and of the possible consequences of failure to
provide such data; (f) the existence of automated decision-making, including profiling ...
and ... meaningful information about the logic involved, as well as the significance and
the envisaged consequences of such processing for the data subject."

Art. 14 adds, where data is not obtained from the person, (1)(d) "the categories of
personal data concerned" and (2)(f) "from which source the personal data originate".
"""
from __future__ import annotations

from ...model.base import N_
from ..codes import CONSENT_BASES, GDPR_RIGHTS, OPTIONAL_PROVISION, REQUIRED_PROVISION, VAGUE_RETENTION
from ..registry import Element, clauses_of, coverage, element, judge, not_applicable, requirement


@requirement("gdpr-13-2-a-retention", "gdpr", "GDPR Art. 13(2)(a)",
             N_("How long data is kept, or the criteria that decide it"))
def retention_period(book):
    """A retention period (a number of years, a fixed period) or the criteria that set it;
    "as long as necessary" alone is only part of it (WP260 rev.01, Annex)."""
    kept = book.of("retention")
    definite = [s for s in kept if s.fact.min_years or s.fact.code not in VAGUE_RETENTION]
    what = N_("a retention period or the criteria that set it")
    if definite:
        return judge([element(what, definite)], kept)
    return judge([Element(what, False, clauses_of(kept))], kept)


@requirement("gdpr-13-2-b-rights", "gdpr", "GDPR Art. 13(2)(b), 15-18, 20-21",
             N_("The rights of access, rectification, erasure, restriction, objection and portability"))
def data_subject_rights(book):
    """Each of the six rights stated (channels are asked by PIPL Art. 17; here the right itself)."""
    rights = book.of("right")
    found = {code: [s for s in rights if s.fact.code == code] for code in GDPR_RIGHTS}
    return judge([coverage(N_("each right"), found)], [s for f in found.values() for s in f])


@requirement("gdpr-13-2-c-withdraw-consent", "gdpr", "GDPR Art. 13(2)(c), 7(3)",
             N_("The right to withdraw consent at any time"))
def withdraw_consent(book):
    """Where any processing relies on consent (a legal basis, or the circumstance of a
    recipient): the right to withdraw it, and how."""
    consent = [s for s in book.of("legal-basis") if s.fact.code in CONSENT_BASES]
    consent += [s for s in book.of("recipient") if set(s.fact.circumstances) & CONSENT_BASES]
    if not consent:
        return not_applicable(N_("no processing relies on consent"))
    withdraw = [s for s in book.of("right") if s.fact.code == "av:RightToWithdrawConsent"]
    how = [s for s in withdraw if s.fact.channels]
    return judge([element(N_("the right to withdraw consent"), withdraw),
                  element(N_("how to withdraw it"), how)], withdraw)


@requirement("gdpr-13-2-d-complaint", "gdpr", "GDPR Art. 13(2)(d), 77",
             N_("The right to lodge a complaint with a supervisory authority"))
def complaint_to_authority(book):
    """The right to complain to a supervisory authority; a complaint channel that leads
    elsewhere (customer service, a court) is only part of it."""
    authority = [s for s in book.of("right") if s.fact.code == "av:RightToComplainToAuthority"]
    channels = [s for s in book.of("contact", defining=None) if s.fact.channel == "complaint"]
    return judge([element(N_("a way to complain"), authority + channels),
                  element(N_("a supervisory authority to complain to"), authority)], authority + channels)


@requirement("gdpr-13-2-e-provision", "gdpr", "GDPR Art. 13(2)(e)",
             N_("Whether data must be provided, and what follows if it is not"))
def provision_of_data(book):
    """Which data is required (by the service, a contract or the law) and what follows without
    it; where some data is optional, what follows without that."""
    provision = book.of("provision")
    required = [s for s in provision if s.fact.code in REQUIRED_PROVISION]
    optional = [s for s in provision if s.fact.code in OPTIONAL_PROVISION]
    elements = [element(N_("whether data is required, and what follows without it"), required)]
    if optional or any(s.fact.optional for s in book.of("data")):
        elements.append(element(N_("what follows if optional data is not provided"), optional))
    return judge(elements, provision)


@requirement("gdpr-13-2-f-automated-decisions", "gdpr", "GDPR Art. 13(2)(f), 22",
             N_("Automated decision-making: the logic involved and its consequences"))
def automated_decisions(book):
    """Where automated decision-making is stated: the logic involved, and its significance and
    envisaged consequences for the person."""
    decisions = [s for s in book.of("processing") if s.fact.code == "dpv:AutomatedDecisionMaking"]
    if not decisions:
        return not_applicable(N_("no automated decision-making is stated"))
    return judge([element(N_("the logic involved"), [s for s in decisions if s.fact.logic]),
                  element(N_("its significance and envisaged consequences"),
                          [s for s in decisions if s.fact.consequences])], decisions)


@requirement("gdpr-14-sources", "gdpr", "GDPR Art. 14(1)(d), 14(2)(f)",
             N_("Data not obtained from the person: its sources and categories"))
def other_sources(book):
    """Where data comes from someone else (a source fact): the categories of data obtained
    from each source, stated in the same passage."""
    sources = book.of("source")
    if not sources:
        return not_applicable(N_("no data is obtained from another source"))
    categories: dict[str, list] = {}
    for s in sources:
        categories.setdefault(s.fact.code, []).extend(book.context(s, "data"))
    return judge([coverage(N_("the categories of data obtained from each source"), categories)],
                 sources + [d for found in categories.values() for d in found])
