"""GDPR Art. 13(1): who the controller is and how data flows (points (a)-(f)).

"Where personal data relating to a data subject are collected from the data subject, the
controller shall, at the time when personal data are obtained, provide the data subject
with all of the following information: (a) the identity and the contact details of the
controller and, where applicable, of the controller's representative; (b) the contact
details of the data protection officer, where applicable; (c) the purposes of the
processing ... as well as the legal basis for the processing; (d) where the processing is
based on point (f) of Article 6(1), the legitimate interests pursued ...; (e) the
recipients or categories of recipients of the personal data, if any; (f) where applicable,
the fact that the controller intends to transfer personal data to a third country ... and
the existence or absence of an adequacy decision ..., or ... reference to the appropriate
or suitable safeguards ..."
"""
from __future__ import annotations

from ...model.base import N_
from ..codes import EEA, REACHABLE, VAGUE_RECIPIENTS
from ..registry import coverage, element, judge, not_applicable, requirement


def _contacts(book, of: str, reachable: bool = True):
    return [s for s in book.of("contact", defining=None)
            if s.fact.of == of and (not reachable or s.fact.channel in REACHABLE)]


@requirement("gdpr-13-1-a-controller", "gdpr", "GDPR Art. 13(1)(a)",
             N_("Identity and contact details of the controller"))
def controller_identity(book):
    """A controller fact (name and address) and a way to write to or call it (email, phone, post)."""
    controllers = book.of("controller", defining=None)
    contacts = _contacts(book, "controller")
    return judge([element(N_("the controller's name and address"), controllers),
                  element(N_("the controller's contact details"), contacts)], controllers + contacts)


@requirement("gdpr-13-1-a-representative", "gdpr", "GDPR Art. 13(1)(a), 27",
             N_("Identity and contact details of the controller's representative in the EU"))
def representative(book):
    """Where the controller is not established in the EU or EEA: its representative's name and
    a way to reach it (an address, or an email, phone or postal contact of the representative)."""
    controllers = book.of("controller", defining=None)
    if controllers and all(s.fact.jurisdiction in EEA for s in controllers):
        return not_applicable(N_("the controller is established in the EU or EEA"), controllers)
    reps = book.of("representative", defining=None)
    reachable = [s for s in reps if s.fact.address] + _contacts(book, "representative")
    return judge([element(N_("the representative's name"), reps),
                  element(N_("the representative's contact details"), reachable)], controllers + reps + reachable)


@requirement("gdpr-13-1-b-dpo", "gdpr", "GDPR Art. 13(1)(b), 37",
             N_("Contact details of the data protection officer"))
def data_protection_officer(book):
    """A contact marked as the data protection officer's, with an email, phone or postal address.
    (Required where Art. 37 makes a DPO mandatory; the facts cannot tell, so it is always asked.)"""
    named = _contacts(book, "dpo", reachable=False)
    reachable = _contacts(book, "dpo")
    return judge([element(N_("a data protection officer"), named),
                  element(N_("the data protection officer's contact details"), reachable)], named)


@requirement("gdpr-13-1-c-purposes", "gdpr", "GDPR Art. 13(1)(c)",
             N_("Purposes of the processing and the legal basis for each"))
def purposes_and_basis(book):
    """Purposes stated, and for each purpose a legal basis in the same passage (its clause,
    its lead-ins or what it introduces)."""
    purposes = book.of("purpose")
    bases: dict[str, list] = {}
    for s in purposes:
        bases.setdefault(s.fact.code, []).extend(book.context(s, "legal-basis"))
    looked = purposes + [b for found in bases.values() for b in found]
    return judge([element(N_("the purposes of the processing"), purposes),
                  coverage(N_("a legal basis for each purpose"), bases)], looked)


@requirement("gdpr-13-1-d-legitimate-interests", "gdpr", "GDPR Art. 13(1)(d)",
             N_("The legitimate interests pursued, where processing relies on them"))
def legitimate_interests(book):
    """Every legitimate-interests basis (dpv:LegitimateInterest) stated with the purpose it serves."""
    relied = [s for s in book.of("legal-basis") if s.fact.code == "dpv:LegitimateInterest"]
    if not relied:
        return not_applicable(N_("no processing relies on legitimate interests"))
    served = {s.clause: book.context(s, "purpose") for s in relied}
    return judge([coverage(N_("the interest pursued, for each reliance on legitimate interests"), served)],
                 relied + [p for found in served.values() for p in found])


@requirement("gdpr-13-1-e-recipients", "gdpr", "GDPR Art. 13(1)(e); WP260 rev.01",
             N_("Recipients or categories of recipients"))
def recipients(book):
    """Every recipient named by a category ("payment providers"), not only as "other third parties"."""
    found = book.of("recipient")
    if not found:
        return not_applicable(N_("no recipient is stated"))
    named: dict[str, list] = {}
    for s in found:
        named.setdefault(s.fact.code, []).extend([] if s.fact.code in VAGUE_RECIPIENTS else [s])
    return judge([coverage(N_("a category for each recipient"), named)], found)


@requirement("gdpr-13-1-f-transfers", "gdpr", "GDPR Art. 13(1)(f), 44-49",
             N_("Transfers to third countries and their safeguards"))
def third_country_transfers(book):
    """Every destination outside the EU and EEA stated with what makes it lawful (an adequacy
    decision, standard contractual clauses, binding corporate rules...)."""
    transfers = [s for s in book.of("transfer") if s.fact.destination not in EEA]
    if not transfers:
        return not_applicable(N_("no transfer outside the EU or EEA is stated"), book.of("transfer"))
    safeguarded: dict[str, list] = {}
    for s in transfers:
        safeguarded.setdefault(s.fact.destination, []).extend([s] if s.fact.safeguards else [])
    return judge([coverage(N_("a safeguard for each destination"), safeguarded)], transfers)

