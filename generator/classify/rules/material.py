"""Rules for material changes: Section VIII items 1 to 6 of the statement.

"Material changes referred to in this statement include, but not limited to: (1) our
service model has undergone major changes, such as the purpose of processing personal
information, the type of personal information processed, the way of using personal
information; (2) significant changes in control; (3) the main objects of personal
information sharing, transfer or public disclosure have changed; (4) significant changes
in your rights ... and the way they are exercised; (5) the responsible department, contact
information and complaint channel ... have changed; (6) the personal information security
impact assessment report indicates that there is a high risk." For these AllValue gives
"more prominent notices ... or even pop-up prompts".

Each rule judges one clause's fact change. A change that favours the user (a right
added, a category or recipient dropped) is still material where Section VIII lists it,
and says so (``favourable``); only changes against the user ever need consent. A
contact or the controller added to a clause while the statement already gave it
elsewhere is not a new contact or controller: the wording rules judge that clause.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...diff.wording import alternatives_dropped, circumstance_mentions, phone_key
from ...model import vocabulary as vocab
from ...model.facts import DataFact
from ...model.base import N_
from ..registry import Match, rule

#: kinds that name one thing, whatever the clause: stating it in one more place changes nothing
CONTEXT_FREE = frozenset({"contact", "controller"})


def _direction(change) -> bool | None:
    """Whether a change favours the user: less data, fewer uses, fewer recipients (True), more
    of them (False); None where a change is neither (a contact, the controller)."""
    if change.kind in CONTEXT_FREE:
        return None
    if change.change in ("added", "removed"):
        return (change.change == "removed") != _is_prohibition(change)  # a promise not to: the other way
    return None


def _is_prohibition(change) -> bool:
    """A promise not to process ("no sale of personal information"), not a way of using data."""
    codes = set(change.values("new" if change.change == "added" else "old", "code"))
    return change.kind == "processing" and bool(codes) and codes <= vocab.PROHIBITIONS.keys()


@rule("purpose-changed", "material", N_("Section VIII item 1"), N_("A purpose of processing was added or removed."))
def purpose_changed(change, diff) -> Iterator[Match]:
    """A purpose fact added to or removed from the whole version."""
    if change.kind == "purpose":
        yield Match(change, favourable=_direction(change))


@rule("data-category-changed", "material", N_("Section VIII item 1"),
      N_("A personal-data category was added or removed (or marked differently)."))
def data_category_changed(change, diff) -> Iterator[Match]:
    """A data category added (not sensitive: that needs consent), removed or re-marked
    (sensitive, optional); not what the clause explains about it (``unlisted-fact-changed``)."""
    if change.kind == "data" and not explains_data_only(change):
        yield Match(change, favourable=_direction(change))


def explains_data_only(change) -> bool:
    """A data fact whose only change is what the clause explains about it (why it is
    necessary, how it affects you: PIPL Art. 30)."""
    return change.kind == "data" and change.change == "modified" and bool(change.fields) and \
        set(change.fields) <= DataFact.notice_fields


@rule("processing-changed", "material", N_("Section VIII item 1"),
      N_("A way of using data (profiling, automated decisions, model training...) was added or removed."))
def processing_changed(change, diff) -> Iterator[Match]:
    """A processing fact changed: a new or dropped way of using personal data, or a promise
    not to use it dropped. A promise added is no way of using data (``promise-not-to-process-added``)."""
    if change.kind == "processing" and not (change.change == "added" and _is_prohibition(change)):
        yield Match(change, favourable=_direction(change))


@rule("promise-not-to-process-added", "review", N_("Section VIII item 1 (a use ruled out, not a way of using data)"),
      N_("A promise not to use data in some way (no sale, no sharing for cross-context advertising) "
         "was added: in your favour; a person confirms it is kept."))
def promise_not_to_process_added(change, diff) -> Iterator[Match]:
    """A prohibition added: it tells users of no new use, recipient or right, so Section VIII
    does not list it; a person confirms the promise before it is published. Dropping one is
    ``processing-changed`` (a way of using data no longer ruled out)."""
    if change.kind == "processing" and change.change == "added" and _is_prohibition(change):
        yield Match(change, favourable=True)


@rule("controller-changed", "material", N_("Section VIII item 2"),
      N_("The controller (the \"Party\") or its control changed."))
def controller_changed(change, diff) -> Iterator[Match]:
    """The controller fact of Part 1 Definition 1 changed: name, jurisdiction or address."""
    if change.kind == "controller" and not (change.change == "added" and diff.stated_before(change.key)):
        yield Match(change)


@rule("recipients-changed", "material", N_("Section VIII item 3"),
      N_("Who data is shared with, transferred to or publicly disclosed to changed."))
def recipients_changed(change, diff) -> Iterator[Match]:
    """A recipient (keyed by who and how) or a public-disclosure circumstance added or removed;
    not circumstances recorded that the clause already said (``circumstance-recorded``)."""
    if change.kind in ("recipient", "disclosure") and not _circumstances_already_said(change, diff) \
            and not _only_named(change):
        yield Match(change, favourable=_circumstances_direction(change) if change.change == "modified"
                    else _direction(change))


@rule("recipient-named", "review", N_("Section VIII item 3 (the same recipient, now named)"),
      N_("A recipient already listed, unnamed until now, is named: who receives the data did not "
         "change and you are told more; a person confirms the name is that recipient's."))
def recipient_named(change, diff) -> Iterator[Match]:
    """A name given to a recipient fact that had none ("an SDK developed by a third party" →
    "by Shieldpoint Security Co., Ltd."), nothing else of it changed. Another name for a
    recipient already named is ``recipients-changed``: another company receives the data."""
    if _only_named(change):
        yield Match(change, favourable=True)


def _only_named(change) -> bool:
    """A recipient's only change is a name where it had none."""
    return change.kind == "recipient" and change.change == "modified" and set(change.fields) == {"name"} \
        and not any(change.values("old", "name"))


@rule("circumstance-recorded", "review", N_("Section VIII item 3 (circumstances of sharing; already stated)"),
      N_("A recipient's facts now record a circumstance its clause already stated in words: what "
         "you are told did not change; a person confirms."))
def circumstance_recorded(change, diff) -> Iterator[Match]:
    """Circumstances added to a recipient whose clause already said each of them ("as required
    by administrative and judicial authorities" → ``av:AuthorityRequest``): the facts caught
    up with the words. Said nowhere before, a new circumstance is ``recipients-changed``."""
    if change.kind in ("recipient", "disclosure") and _circumstances_already_said(change, diff):
        yield Match(change, favourable=None)


def _circumstances_already_said(change, diff) -> bool:
    """Only circumstances were added to the recipient; its clause's old words said each one,
    and its new words say none of them more often and drop no alternative (else the words
    changed the circumstances too)."""
    if change.change != "modified" or set(change.fields) != {"circumstances"}:
        return False
    added = set(change.values("new", "circumstances")) - set(change.values("old", "circumstances"))
    removed = set(change.values("old", "circumstances")) - set(change.values("new", "circumstances"))
    texts = [(diff.old_nodes[c].text, diff.new_nodes[c].text) for c in change.clauses
             if c in diff.old_nodes and c in diff.new_nodes]
    return bool(added) and not removed and bool(texts) and all(
        0 < circumstance_mentions(code, old) >= circumstance_mentions(code, new) for code in added for old, new in texts) \
        and not any(alternatives_dropped(old, new) for old, new in texts)  # "or based on your active choice" gone


def _circumstances_direction(change) -> bool | None:
    before, after = set(change.values("old", "circumstances")), set(change.values("new", "circumstances"))
    if after - before:
        return False  # shared in a new circumstance
    return True if before - after else None


@rule("sharing-circumstance-changed", "material", N_("Section VIII item 3 (circumstances of sharing)"),
      N_("The legal basis on which a clause shares, transfers or discloses data changed."))
def sharing_circumstance_changed(change, diff) -> Iterator[Match]:
    """A legal basis added to or removed from a clause that states recipients: data reaches
    them in another circumstance (with consent, as the law requires, on request...)."""
    if change.kind != "legal-basis":
        return
    for clause in change.clauses:
        for nodes in (diff.old_nodes, diff.new_nodes):
            node = nodes.get(clause)
            if node is not None and any(f.kind in ("recipient", "disclosure") for f in node.facts):
                yield Match(change, favourable=None)
                return


#: a lead-in that lists the cases in which consent is not asked ("we do not need your ... consent")
CONSENT_NOT_NEEDED = re.compile(r"\b(?:not|no|without)\b[^.:]*\bconsent\b|\bconsent\b[^.:]*\bnot\b", re.I)


@rule("exception-to-consent-changed", "material",
      N_("Section VIII item 4; PIPL Art. 13 (when your consent is not asked)"),
      N_("A case in which data is used without your consent was added to or removed from the list "
         "of exceptions to consent."))
def exception_to_consent_changed(change, diff) -> Iterator[Match]:
    """A legal basis other than consent added to or removed from a clause under a lead-in
    that says consent is not needed ("in the following situations, we do not need your
    authorization and consent"). Whether the user is asked is how the right to decide is
    exercised (item 4): removed, consent is asked again (in the user's favour); added, it is
    not, and Section VIII lists the change either way."""
    if change.kind != "legal-basis" or "dpv:Consent" in change.values("old", "code") + change.values("new", "code"):
        return
    for clause in change.clauses:
        for nodes in (diff.old_nodes, diff.new_nodes):
            node = nodes.get(clause)
            if node is not None and any(a in nodes and CONSENT_NOT_NEEDED.search(nodes[a].text or "")
                                        for a in node.path):
                yield Match(change, favourable=_direction(change))
                return


@rule("transfer-destination-changed", "material", N_("Section VIII item 3"),
      N_("A cross-border destination where data is stored or processed was added or removed."))
def transfer_destination_changed(change, diff) -> Iterator[Match]:
    """A transfer fact (ISO country code) added or removed. A change of its safeguards alone
    (the destination kept) is ``transfer-safeguards-changed``."""
    if change.kind == "transfer" and not _safeguards_only(change):
        yield Match(change, favourable=_direction(change))


def _safeguards_only(change) -> bool:
    return change.change == "modified" and set(change.fields) <= {"safeguards"}


@rule("transfer-safeguards-changed", "review", N_("Section VIII item 3 (the destination is unchanged; a person decides)"),
      N_("The safeguards of a cross-border transfer changed; where the data goes did not."))
def transfer_safeguards_changed(change, diff) -> Iterator[Match]:
    """Safeguards (standard contractual clauses, an adequacy decision...) added to or removed
    from a transfer whose destination stays: not one of Section VIII's objects of transfer, and
    in the user's favour when one was added."""
    if change.kind == "transfer" and _safeguards_only(change):
        old, new = set(change.values("old", "safeguards")), set(change.values("new", "safeguards"))
        yield Match(change, favourable=True if new > old else False if new < old else None)


@rule("rights-changed", "material", N_("Section VIII item 4"),
      N_("A right, or how it is exercised (channels, response time), changed."))
def rights_changed(change, diff) -> Iterator[Match]:
    """A right added or given channels, or a shorter response time (narrowing needs consent)."""
    if change.kind in ("right", "response-time"):
        yield Match(change, favourable=True)  # narrowing is the consent rules' (they come first)


@rule("contacts-changed", "material", N_("Section VIII item 5"),
      N_("The responsible department, contact details or complaint channel changed."))
def contacts_changed(change, diff) -> Iterator[Match]:
    """A contact (channel and value) new to the version, or gone from it. A phone number
    written another way in the same clause ("(888) 9968926" → "+1 (888) 996-8926", the same
    last ten digits) is not a new contact: the clause's wording is a person's to judge."""
    if change.kind == "contact" and not (change.change == "added" and diff.stated_before(change.key)) \
            and not _same_phone_restated(change, diff):
        yield Match(change)


def _same_phone_restated(change, diff) -> bool:
    side, other = ("new", diff.old_nodes) if change.change == "added" else ("old", diff.new_nodes)
    if change.change not in ("added", "removed") or "phone" not in change.values(side, "channel"):
        return False
    digits = {phone_key(v) for v in change.values(side, "value")}
    return any(f.kind == "contact" and f.channel == "phone" and phone_key(f.value) in digits
               for clause in change.clauses if clause in other for f in other[clause].facts)


@rule("children-protection-lowered", "material",
      N_("Section VIII (\"including but not limited to\"); Part 1 Definition 5; PIPL Art. 31"),
      N_("Children are protected less: a lower age threshold, no parental consent, or the promise dropped."))
def children_protection_lowered(change, diff) -> Iterator[Match]:
    """The age under which users count as children went down, parental consent is no longer
    required, or the clause no longer states how children are protected."""
    if change.kind == "legal-basis" and change.change == "removed" and "av:GuardianConsent" in change.key:
        yield Match(change, favourable=False)  # a guardian's consent no longer required
        return
    if change.kind != "children":
        return
    old_age, new_age = change.values("old", "max_age"), change.values("new", "max_age")
    lowered = (change.change == "removed"
               or (old_age and new_age and min(new_age) < min(old_age))
               or (True in change.values("old", "parental_consent")
                   and True not in change.values("new", "parental_consent")))
    if lowered:
        yield Match(change, favourable=False)


@rule("impact-assessment-high", "material", N_("Section VIII item 6"),
      N_("The version records a high-risk personal-information impact assessment."), target="version")
def impact_assessment_high(diff, _diff) -> Iterator[Match]:
    """The new version records a high-risk assessment the old one did not."""
    ia = diff.new.impact_assessment
    if ia is not None and ia.risk == "high" and diff.impact_assessment_changed:
        yield Match(event="impact-assessment", values={"date": ia.date, "summary": ia.summary})
