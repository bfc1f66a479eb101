"""Rules that require express consent.

Section VIII ¶2 of the statement: "We will not limit your rights under this Privacy
Statement without your express consent." PIPL Art. 14 (consent again when the purpose,
method or categories change), Art. 23 (separate consent before providing data to
another handler), Art. 29 (separate consent for sensitive personal information), Art. 31
(children under 14); the FTC (2024) on retroactive changes: data already collected may
not be put to a new use by a quiet change of the notice.

Facts are compared clause by clause: a right removed from the clause that gives it to
one audience is removed for that audience, even if another clause still gives it to
another; a sensitive category added to a clause is collected for that clause's purpose
(PIPL Art. 29: separate consent for each processing of sensitive information), even if
another clause collects it already; data newly transferred or disclosed in a clause is
newly provided to another handler there (PIPL Art. 23, 25).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...diff.wording import OWN_USE, lists_exceptions
from ...lint.codes import CONSENT_BASES, CONTROLLER_VIA, OTHER_CONTROLLERS, SALE, SHARING
from ...model import vocabulary as vocab
from ...model.base import N_
from ..registry import Match, rule

#: ways of using data in which the recipient uses it for itself (CCPA/CPRA sale, sharing for
#: cross-context behavioural advertising): a recipient added beside them is another handler
CONTROLLER_PROCESSING = (SALE | SHARING) - vocab.PROHIBITIONS.keys()


@rule("right-removed", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("A right is no longer given where the statement gave it (for that clause's users)."))
def right_removed(change, diff) -> Iterator[Match]:
    """A right fact disappears from a clause, even if another clause still states it."""
    if change.kind == "right" and change.change == "removed":
        yield Match(change, favourable=False)


@rule("right-narrowed", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("A right is exercised through fewer channels, or requests are answered more slowly."))
def right_narrowed(change, diff) -> Iterator[Match]:
    """Channels removed from a right in a clause; a longer (or withdrawn) response time."""
    if change.kind == "right" and change.change == "modified":
        if set(change.values("old", "channels")) - set(change.values("new", "channels")):
            yield Match(change, favourable=False)
    elif change.kind == "response-time":
        old_days, new_days = change.values("old", "days"), change.values("new", "days")
        if change.change == "removed" or (old_days and new_days and max(new_days) > max(old_days)):
            yield Match(change, favourable=False)


@rule("right-ground-removed", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("A case in which a right can be exercised was taken out of the list that gives the right."),
      target="clause")
def right_ground_removed(change, diff) -> Iterator[Match]:
    """A clause removed from under a lead-in that states a right (the lead-in itself kept), or
    moved from there to another list: "You may request us to delete personal information in
    the following circumstances:" loses a circumstance, and the right narrows, though no fact
    of the right changed. Moved to another list of cases of the same right, it still is one."""
    lead_in = diff.lead_in(change) if change.kind == "removed" else None
    if lead_in is None:
        lead_in, joined = diff.lead_ins_of_move(change)
        if joined is not None and {f.key for f in joined.facts if f.kind == "right"} & \
                {f.key for f in (lead_in.facts if lead_in is not None else ()) if f.kind == "right"}:
            return
    if lead_in is None or lists_exceptions(lead_in.text):
        return  # a list of the cases a right does *not* cover narrows it by growing: a person decides
    if any(f.kind == "right" for f in lead_in.facts):
        yield Match(event="right-ground-removed", values={"parent": lead_in.id, "label": change.label},
                    favourable=False)


@rule("requests-no-longer-free", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("Requests to exercise a right are no longer said to be free of charge."))
def requests_no_longer_free(change, diff) -> Iterator[Match]:
    """The fee fact ("free of charge in principle") gone from the statement: a fee may now
    stand between the user and a right. Stated in another clause still, a person decides."""
    if change.kind == "fee" and change.change == "removed" and not diff.stated_after(change.key):
        yield Match(change, favourable=False)


@rule("shared-without-a-pipl-basis", "consent", N_("PIPL Art. 13 and 23 (separate consent to provide data to another handler)"),
      N_("Data is now shared on a ground the PIPL does not recognise (legitimate interests) instead of consent."))
def shared_without_a_pipl_basis(change, diff) -> Iterator[Match]:
    """A recipient newly reached in a circumstance, or on a legal basis, that PIPL Art. 13 does
    not list (``vocabulary.NOT_PIPL_BASES``): under the PIPL that sharing still needs consent.
    The basis may be the recipient's circumstance or a legal-basis fact of its clause."""
    if change.kind == "recipient" and change.change in ("added", "modified"):
        new = set(change.values("new", "circumstances")) - set(change.values("old", "circumstances"))
        if new & vocab.NOT_PIPL_BASES:
            yield Match(change, favourable=False)
    elif change.kind == "legal-basis" and change.change == "added" and \
            set(change.values("new", "code")) & vocab.NOT_PIPL_BASES and \
            any(f.kind == "recipient" for clause in change.clauses if clause in diff.new_nodes
                for f in diff.new_nodes[clause].facts):
        yield Match(change, favourable=False)


@rule("sensitive-data-added", "consent", N_("PIPL Art. 29; Part 1 Definition 5"),
      N_("A sensitive personal-information category is newly collected."))
def sensitive_data_added(change, diff) -> Iterator[Match]:
    """A data category, sensitive by Definition 5 (or marked so), added to a clause."""
    if change.kind == "data" and change.change == "added":
        codes = change.values("new", "code")
        if any(vocab.is_sensitive(c) for c in codes) or True in change.values("new", "sensitive"):
            yield Match(change, sensitive=True, favourable=False)


@rule("children-data-collected", "consent", N_("PIPL Art. 31; Part 1 Definition 5 (children's information)"),
      N_("Children's personal information is newly collected: sensitive, and a guardian must agree."))
def children_data_collected(change, diff) -> Iterator[Match]:
    """A children fact now says children's data is collected, where the old statement did not."""
    if change.kind != "children" or True not in change.values("new", "collected"):
        return
    if True not in change.values("old", "collected") and not _collected_children_before(diff):
        yield Match(change, sensitive=True, favourable=False)


def _collected_children_before(diff) -> bool:
    return any(True in value.get("collected", []) for key, value in diff.old_stated.items()
               if key.startswith("children"))


#: a clause's words that speak of the user's data already held: "the records of your
#: conversations", "the personal information we collect" (not what a clause names as a kind
#: of data, "de-identified service logs": a purpose for those is a purpose added, item 1)
_HELD_DATA = re.compile(r"\b(?:records?|personal\s+(?:information|data)|(?:your|the|this|such)\s+(?:data|information)|"
                        r"conversations?)\b", re.I)


@rule("purpose-for-collected-data", "consent", N_("PIPL Art. 14; FTC (2024) on retroactive changes"),
      N_("Data already collected for a stated purpose is to be used for a new one."))
def purpose_for_collected_data(change, diff) -> Iterator[Match]:
    """A new purpose added to a clause that already stated the data it uses; or a purpose new
    to the statement, in a new clause, for data the statement already collected.

    A clause that names no data of its own ("the personal information collected in our
    business", a processor's "your data", a new clause that uses "the records of your
    conversations with customer service": :data:`_HELD_DATA`) uses the data its lead-ins name, else the data
    the statement collects: a purpose added there is a new use of data already collected."""
    if change.kind != "purpose" or change.change != "added":
        return
    for clause in change.clauses:
        old, new = diff.old_nodes.get(clause), diff.new_nodes.get(clause)
        if new is None:
            continue
        new_data = {f.key: f.code for f in new.facts if f.kind == "data"}
        if old is not None and not any(f.kind == "data" for f in old.facts):
            data = _data_in_context(diff, old)
        elif old is not None:
            data = {f.code for f in old.facts if f.kind == "data"} & set(new_data.values())
        elif not diff.stated_before(change.key):
            data = {code for key, code in new_data.items() if diff.stated_before(key)} if new_data \
                else _data_in_context(diff, new) if _HELD_DATA.search(new.text or "") else set()
        else:
            data = set()
        if data:
            yield Match(change, collected=tuple(sorted(data)), favourable=False)
            return


def _data_in_context(diff, node) -> set[str]:
    """The data a clause without data facts is about: its lead-ins' (in the old version),
    else every category the old statement collects."""
    near = {f.code for ancestor in node.path if ancestor in diff.old_nodes
            for f in diff.old_nodes[ancestor].facts if f.kind == "data"}
    if near:
        return near
    return {code for key, value in diff.old_stated.items() if key.startswith("data|")
            for code in value.get("code", [])}


@rule("data-to-new-controller", "consent", N_("PIPL Art. 23 (separate consent to provide data to another handler)"),
      N_("Personal data is newly provided to another controller (transferred, disclosed, or sold)."))
def data_to_new_controller(change, diff) -> Iterator[Match]:
    """A recipient added to a clause that receives data as a handler in its own right (by
    transfer, public disclosure, or a controller's code; beside a sale or sharing for
    cross-context advertising; or where the clause now says recipients use it "for their own
    purposes"), even if another clause already provides other data to it. A recipient added to
    a clause that shares with the user's consent is one too: the consent given covered the
    recipients named then, not this one ("our affiliates" → "our affiliates and the companies
    we invest in")."""
    if change.kind == "recipient" and change.change == "added":
        if set(change.values("new", "via")) & CONTROLLER_VIA or set(change.values("new", "code")) & OTHER_CONTROLLERS \
                or _own_use_newly_said(diff, change.clauses) or _beside(diff, change.clauses, CONTROLLER_PROCESSING) \
                or _shared_on_consent(diff, change.clauses):
            yield Match(change, favourable=False)


def _shared_on_consent(diff, clauses) -> bool:
    """A clause of ``clauses`` shared data on the user's consent already (a consent legal basis
    in the old version)."""
    return any(f.kind == "legal-basis" and f.code in CONSENT_BASES for c in clauses if c in diff.old_nodes
               for f in diff.old_nodes[c].facts)


@rule("data-sold", "consent", N_("PIPL Art. 23; CCPA § 1798.120 (sale), CPRA (sharing)"),
      N_("Personal data may now be sold, or shared for cross-context advertising: it reaches other "
         "handlers, who use it for themselves."))
def data_sold(change, diff) -> Iterator[Match]:
    """A sale of personal data, or sharing for cross-context behavioural advertising, newly
    stated in a clause ("will not sell ... once you have told us to stop" in place of "will not
    sell"): the buyers are handlers in their own right (Art. 23). Dropping a promise not to
    sell, and no more, is ``processing-changed``."""
    if change.kind == "processing" and change.change == "added" and \
            set(change.values("new", "code")) & CONTROLLER_PROCESSING:
        yield Match(change, favourable=False)


def _beside(diff, clauses, codes: frozenset[str]) -> bool:
    """A clause of ``clauses`` states a processing of ``codes`` (in the new version)."""
    return any(f.kind == "processing" and f.code in codes for c in clauses if c in diff.new_nodes
               for f in diff.new_nodes[c].facts)


def _own_use_newly_said(diff, clauses) -> bool:
    """A clause of ``clauses`` says that recipients use the data for their own purposes, and
    did not before."""
    for clause in clauses:
        old, new = diff.old_nodes.get(clause), diff.new_nodes.get(clause)
        if new is not None and OWN_USE.search(new.text or "") and not (old and OWN_USE.search(old.text or "")):
            return True
    return False
