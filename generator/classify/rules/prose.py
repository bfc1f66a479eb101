"""Rules for facts Section VIII does not name, and for wording and structure.

Facts decide where a clause's facts changed (the runner gives these wording rules only
the clauses no fact rule judged; moves are judged everywhere). A substantive rewrite
cannot be classified by a machine: it is ``review`` and a person records a decision (as
github/site-policy does). Wording, typos and order within a list are editorial: Section
VIII ¶2, "We will post any changes to the Privacy Statement on a dedicated page in the
AllValue Rules Center" (a changelog entry). A clause moved under another parent reads
differently (its lead-in changed): at least ``review``, ``material`` when it carries
facts and the facts of its new surroundings differ from the old ones.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import FACT_TYPES
from ...model.statement import note_date_forms
from ...diff.clauses import section_of
from ...diff.wording import CONSENT_DENIED, CONSENT_WORDS, lists_exceptions, more_often, words_added
from ...diff.words import organisation_key, organisations
from ...lint.codes import CONTROLLER_VIA
from ...model.base import N_
from ..registry import Match, rule
from .material import explains_data_only

#: fact kinds that no item of Section VIII names
UNLISTED_KINDS = frozenset(cls.tag() for cls in FACT_TYPES if cls.section_viii is None)
#: what the surroundings of a moved clause say about it (its lead-in's facts)
CONTEXT_KINDS = frozenset({"legal-basis", "recipient", "disclosure", "purpose", "data", "processing",
                           "transfer"})


@rule("children-protection-raised", "review", N_("Part 1 Definition 5; PIPL Art. 31 (in the user's favour)"),
      N_("Children are protected more (a higher age threshold, parental consent added): a person confirms."))
def children_protection_raised(change, diff) -> Iterator[Match]:
    """Any other change of the children fact (or a guardian's consent newly required): never
    consent, and said to be in the user's favour when the threshold rose or consent was added."""
    if change.kind == "legal-basis" and change.change == "added" and "av:GuardianConsent" in change.key:
        yield Match(change, favourable=True)
        return
    if change.kind == "children":
        old_age, new_age = change.values("old", "max_age"), change.values("new", "max_age")
        raised = (old_age and new_age and min(new_age) > min(old_age)) or \
            (True in change.values("new", "parental_consent") and True not in change.values("old", "parental_consent"))
        yield Match(change, favourable=True if raised else None)


@rule("unlisted-fact-changed", "review", N_("Section VIII (not listed in items 1-6)"),
      N_("A fact the Section VIII list does not name changed: a person decides."))
def unlisted_fact_changed(change, diff) -> Iterator[Match]:
    """Legal basis, retention, role, safeguard, breach notification or fee changed; or only
    what a clause explains about its data (PIPL Art. 30), in the user's favour when added."""
    if change.kind in UNLISTED_KINDS:
        yield Match(change)
    elif explains_data_only(change):
        added = any(True in change.values("new", f) and True not in change.values("old", f) for f in change.fields)
        yield Match(change, favourable=True if added else False)



@rule("updated-on-note", "editorial", N_("Section VIII ¶2 (changes posted on the Rules Center)"),
      N_("Only the date of the closing 'updated on' note changed, to the new version's own date."),
      target="clause")
def updated_on_note(change, diff) -> Iterator[Match]:
    """The closing note's date moved from the old version's date to the new one's, nothing else."""
    if change.id != diff.new.statement.closing.id or change.kinds != ("modified",):
        return
    if [f.name for f in change.fields] != ["text"] or change.facts:
        return
    old, new = change.fields[0].old, change.fields[0].new
    for before, after in zip(note_date_forms(diff.old.updated_on), note_date_forms(diff.new.updated_on)):
        if before in old and re.sub(r"\s+", " ", old.replace(before, after)) == re.sub(r"\s+", " ", new):
            yield Match(event="updated-on-note", values={"old": diff.old.updated_on, "new": diff.new.updated_on})
            return


@rule("company-named-with-controller", "material",
      N_("Section VIII item 2 (changes in control, such as by mergers and acquisitions)"),
      N_("A clause that names the controller now names another company beside it or in its "
         "place, or no longer does: control may have changed."), target="clause", decidable=True)
def company_named_with_controller(change, diff) -> Iterator[Match]:
    """A clause naming the controller (the version's ``controller``) before and after gains or
    loses another company's name beside it ("a wholly owned subsidiary of Harbourview Commerce
    Ltd."). No fact says so, and a machine cannot tell a merger from a credit line: it reads it
    as item 2 rather than guess lower, and the finding names the companies for the person who
    decides. Where the controller's name itself is replaced by another company's ("In view of
    this, AllValue Global Pte. Ltd. and its affiliates"), the words name another Party, though
    its fact does not (``controller-changed``, where it does). In a definition of another term
    ("AllValue ... developed by Qima Investment Ltd.") the company named says what the term is,
    not who controls the data: a person decides."""
    controller = diff.new.controller
    node = diff.new_nodes.get(change.id)
    defines_another_term = node is not None and node.kind == "definition"  # the Party's: controller-details-reworded
    for f in change.fields:
        if not controller or controller not in f.old:
            continue
        old, new = organisations(f.old), organisations(f.new)
        if {organisation_key(o) for o in old} == {organisation_key(n) for n in new}:
            continue  # the same companies, a legal form written out ("Ltd." → "Limited")
        if controller in f.new and old != new or controller not in f.new and new - old and not defines_another_term:
            yield Match(event="company-named", values={
                "label": change.label, "companies": ", ".join(sorted((old ^ new)))}, favourable=None)
            return


@rule("children-clause-reworded", "material",
      N_("Part 1 Definition 5; PIPL Art. 31 (children's information is sensitive)"),
      N_("A clause of the section on children's information changed in substance, though no fact "
         "records how: their protection may be lower."), target="clause", decidable=True)
def children_clause_reworded(change, diff) -> Iterator[Match]:
    """Reworded (not a typo), added or removed in the section that states the children fact.
    Children's data is sensitive (Part 1 Definition 5) and their protection is material when
    it is lowered; from words alone a machine cannot tell which way a sentence there goes
    ("keep the data until then"), so it reads it as material rather than guess lower, and
    the person who decides can record a lower level with a reason."""
    section = change.section
    if section is not None and _states_children(diff, section):
        yield from _substantive(change, diff)


def _states_children(diff, section: str) -> bool:
    return any(f.kind == "children" for nodes in (diff.old_nodes, diff.new_nodes) for n in nodes.values()
               if section_of(n.path) == section for f in n.facts)


@rule("right-ground-added", "material", N_("Section VIII item 4 (your rights and how you exercise them)"),
      N_("A case in which a right can be exercised was added to the list that gives the right: in "
         "your favour."), target="clause")
def right_ground_added(change, diff) -> Iterator[Match]:
    """A clause added under a lead-in that states a right (the lead-in kept): "You may request
    us to delete personal information in the following circumstances:" gains a circumstance
    and the right widens (``right-ground-removed`` is the other way). Under a list of the cases
    a right does *not* cover, a case added narrows it: a person decides."""
    lead_in = diff.lead_in(change) if change.kind == "added" else None
    if lead_in is None or lists_exceptions(lead_in.text):
        return
    if any(f.kind == "right" for f in lead_in.facts):
        yield Match(event="right-ground-added", values={"parent": lead_in.id, "label": change.label},
                    favourable=True)


@rule("clauses-joined-or-split", "editorial", N_("Section VIII ¶2 (changes posted on the Rules Center)"),
      N_("Two clauses joined into one, or one split in two, word for word: the same words, in other "
         "paragraphs."), target="clause")
def clauses_joined_or_split(change, diff) -> Iterator[Match]:
    """A clause whose words now end a sibling's, or whose end became a sibling of its own
    (:meth:`~generator.diff.VersionDiff.joined_or_split_with`), no fact of either changed: the
    reader is told the same in other paragraphs. The limits or rights the moved words carry
    were there before, so the word rules do not read them as new."""
    if change.facts:
        return
    partner = diff.joined_or_split_with(change)
    if partner is not None and not any(c.facts for c in diff.changes if c.id == partner):
        yield Match(event="joined-or-split", values={"other": partner, "label": change.label})


@rule("prose-substantive", "review", N_("Section VIII (no fact changed; a person decides)"),
      N_("The wording changed in substance but no fact did: needs a recorded decision."), target="clause")
def prose_substantive(change, diff) -> Iterator[Match]:
    """Words added, removed or replaced (not typos) in a clause no fact rule judged."""
    yield from _substantive(change, diff)


def _substantive(change, diff) -> Iterator[Match]:
    """A clause added or removed with its words (outside a subtree a fact rule judged), or
    reworded beyond typos: what ``prose-substantive`` reports, and the rules that read the
    same change at a higher level in some places (``children-clause-reworded``)."""
    if change.kind in ("added", "removed"):
        if change.fields and change.id not in diff.fact_subtrees:
            yield Match(event=f"clause-{change.kind}", values={"label": change.label})
    elif change.fields and not change.prose_editorial:
        yield Match(event="reworded", values={"fields": tuple(f.name for f in change.fields),
                                              "label": change.label})


@rule("wording-editorial", "editorial", N_("Section VIII ¶2 (changes posted on the Rules Center)"),
      N_("Only typos, case or punctuation changed, or facts were regrouped without changing."),
      target="clause")
def wording_editorial(change, diff) -> Iterator[Match]:
    """Typo, case and punctuation fixes; facts restated that no fact rule judged (a contact
    given in one more place)."""
    if change.kind in ("added", "removed"):
        return
    if change.fields and change.prose_editorial:
        yield Match(event="typo", values={"label": change.label})
    elif change.facts and not change.fields:
        yield Match(event="facts-regrouped", values={"label": change.label})


def _parent(path: tuple[str, ...] | None) -> str | None:
    return path[-1] if path else None


def _context(nodes: dict, path: tuple[str, ...] | None) -> frozenset:
    """The keys of the facts a clause's ancestors state: what its lead-ins say about it."""
    return frozenset(f.key for ancestor in (path or ()) if ancestor in nodes
                     for f in nodes[ancestor].facts if f.kind in CONTEXT_KINDS)


def _carries_facts(diff, change) -> bool:
    node = diff.new_nodes.get(change.id)
    if node is None:
        return False
    return bool(node.facts) or any(change.id in n.path and n.facts for n in diff.new_nodes.values())


def _listed_under_a_lead_in(nodes: dict, path: tuple[str, ...] | None) -> bool:
    """The parent is a clause whose text leads a list ("... except in the following cases:"),
    not a division: what the lead-in says governs each item listed under it."""
    parent = nodes.get(_parent(path)) if path else None
    return parent is not None and parent.kind == "clause" and bool(parent.text)


@rule("moved-into-transfers", "consent", N_("PIPL Art. 23 (separate consent to provide data to another handler)"),
      N_("A clause that shares data with recipients moved into a list of the cases data is "
         "transferred or disclosed: read there, its recipients receive the data as handlers in "
         "their own right."), target="clause", over_facts="always")
def moved_into_transfers(change, diff) -> Iterator[Match]:
    """Moved under a lead-in whose other items give data away (every recipient fact there is
    reached by transfer or disclosure, ``lint.codes.CONTROLLER_VIA``: "We will not transfer
    your personal information ... except in the following cases:"), carrying recipients it
    only shared with: "Suppliers, service providers and other partners" among the transfers
    now hold the data for themselves (Art. 23)."""
    _left, joined = diff.lead_ins_of_move(change)
    node = diff.new_nodes.get(change.id)
    if joined is None or node is None:
        return
    own = [f for f in node.facts if f.kind == "recipient"]
    listed = [f for n in diff.new_nodes.values() if n.path and n.path[-1] == joined.id and n.id != change.id
              for f in n.facts if f.kind == "recipient"]
    if own and listed and all(f.via in CONTROLLER_VIA for f in listed) and any(f.via not in CONTROLLER_VIA for f in own):
        yield Match(event="moved-into-transfers", values={"parent": joined.id, "label": change.label},
                    favourable=False)


@rule("moved-under-no-consent", "material",
      N_("Section VIII item 3 (a new circumstance of sharing: without your consent)"),
      N_("A clause that shares data moved under a lead-in that says your consent is not required, or "
         "out of one that asks it into one that does not: read there, data reaches its recipients "
         "without your consent."), target="clause", over_facts="always")
def moved_under_no_consent(change, diff) -> Iterator[Match]:
    """Moved, carrying a recipient, under a lead-in that says consent is not asked ("In the
    following cases, sharing ... does not require your prior authorization and consent:") from
    one that did not say so, or out of a lead-in that asks consent ("Before entrusting, we will
    seek your consent") into one that does not ("Sharing under the condition of your active
    choice:"): the recipient now receives the data in a circumstance without consent (item 3,
    as ``consent-no-longer-said`` reads the same words written in). Sharing
    that never rested on consent (with the authorities, as the law requires) is not new there:
    a person decides (``moved-to-another-parent``)."""
    left, joined = diff.lead_ins_of_move(change)
    node = diff.new_nodes.get(change.id)
    recipients = [f for f in node.facts if f.kind == "recipient"] if node is not None else []
    if joined is None or not recipients or all(_required_by_law(f) for f in recipients):
        return
    before, after = (left.text if left is not None else "") or "", joined.text or ""
    if more_often(CONSENT_DENIED, before, after) or words_added(after, before, CONSENT_WORDS):
        yield Match(event="moved-under-no-consent", values={"parent": joined.id, "label": change.label},
                    favourable=False)


#: recipients that receive data because the law requires it, not because the reader agreed
_BY_LAW = frozenset({"av:PublicAuthority", "av:AuthorityRequest", "dpv:LegalObligation"})


def _required_by_law(fact) -> bool:
    """A recipient fact for the authorities, or for a request of theirs (PIPL Art. 13(3))."""
    return fact.code in _BY_LAW or bool(_BY_LAW & set(getattr(fact, "circumstances", None) or ()))


#: the sections of Part 2 whose clauses give data to others: read there, a clause shares
SHARING_SECTIONS = frozenset({"share", "transfer"})


@rule("moved-into-new-context", "material", N_("Section VIII items 1 and 3 (read under another lead-in)"),
      N_("A clause with facts moved into the sections on sharing and transfers, or under a lead-in "
      "whose facts differ: its facts now say something else."), target="clause", over_facts="always")
def moved_into_new_context(change, diff) -> Iterator[Match]:
    """Moved into or out of a list a lead-in governs ("Sharing, transferring and publicly
    disclosing personal information does not require your consent in the following cases:"),
    carrying facts (a purpose, a recipient, a legal basis...), into the sections that give data
    to others (:data:`SHARING_SECTIONS`: collection → sharing) or surroundings whose facts
    differ. Out of them, within a section, under lead-ins that carry no facts, or a paragraph or
    division moved among others with no lead-in over it (its own facts still say the same
    there: SDK sharing moved beside the data the SDKs collect), a person decides
    (``moved-to-another-parent``)."""
    if "moved" not in change.kinds or _parent(change.old_path) == _parent(change.new_path):
        return
    if not (_listed_under_a_lead_in(diff.old_nodes, change.old_path)
            or _listed_under_a_lead_in(diff.new_nodes, change.new_path)):
        return  # a paragraph of its own, moved among paragraphs: a person decides
    into_sharing = section_of(change.new_path) in SHARING_SECTIONS and \
        section_of(change.old_path) not in SHARING_SECTIONS
    if _carries_facts(diff, change) and (
            into_sharing
            or _context(diff.old_nodes, change.old_path) != _context(diff.new_nodes, change.new_path)):
        yield Match(event="moved-context", values={"old": _parent(change.old_path), "parent": _parent(change.new_path),
                                                   "label": change.label}, favourable=None)


@rule("moved-to-another-parent", "review", N_("Section VIII (read under another lead-in; a person decides)"),
      N_("A clause moved under another parent: its lead-in, and so its meaning, may differ."), target="clause",
      over_facts="always")
def moved_to_another_parent(change, diff) -> Iterator[Match]:
    """Moved to another parent (a list whose lead-in may give it another meaning)."""
    if "moved" in change.kinds and _parent(change.old_path) != _parent(change.new_path):
        yield Match(event="moved", values={"old": _parent(change.old_path), "parent": _parent(change.new_path),
                                           "label": change.label})


#: "items 1 to 4", "item 3", "items 5-7": the statement citing a list's items by number
ITEM_NUMBERS = re.compile(r"\bitems?\s+(\d+)(?:\s*(?:-|\u2013|to|through|and)\s*(\d+))?", re.I)


def _cited_items(text: str) -> list[range]:
    """The numbers each citation of ``text`` covers ("items 5-7" is 5, 6 and 7)."""
    return [range(int(a), int(b or a) + 1) for a, b in ITEM_NUMBERS.findall(text or "")]


@rule("numbered-list-reordered", "review", N_("Section VIII (the statement cites these items by number; a person decides)"),
      N_("A numbered item moved within a list the statement refers to by number: a reference may "
         "now point at another item."), target="clause")
def numbered_list_reordered(change, diff) -> Iterator[Match]:
    """Moved within its list and numbered differently, where a clause of the same part (the
    division holding the list's lead-in) says "items 1 to 4", and the items whose numbers
    changed are partly in what it cites: which items that sentence governs changed. An item
    moved from 5 to 7 under "items 5-7" leaves that sentence citing the same three."""
    if "moved" not in change.kinds or _parent(change.old_path) != _parent(change.new_path):
        return
    if change.old_number == change.new_number or not change.new_number or len(change.new_path or ()) < 2:
        return  # (sections are cited by their own numerals, never as "items")
    scope = change.new_path[-2]
    if scope in ("statement", change.section):
        return  # a list directly in a section: "items N" elsewhere in it cite other lists
    # the items that changed place: a citation covering all of them, or none, cites the same items
    shifted = set(range(min(change.old_number, change.new_number), max(change.old_number, change.new_number) + 1))
    citing = [n.id for n in diff.new_nodes.values() if (scope in n.path or n.id == scope)
              and any(not (shifted <= set(cited) or shifted.isdisjoint(cited)) for cited in _cited_items(n.text))]
    if citing:
        yield Match(event="reordered-cited", values={"parent": _parent(change.new_path), "label": change.label,
                                                     "citing": ", ".join(citing)})


@rule("clause-reordered", "editorial", N_("Section VIII ¶2 (changes posted on the Rules Center)"),
      N_("A clause moved within its own list; its parent and wording are unchanged."), target="clause",
      over_facts="always")
def clause_reordered(change, diff) -> Iterator[Match]:
    """Out of its old order among its siblings, under the same parent."""
    if "moved" in change.kinds:
        yield Match(event="reordered", values={"parent": _parent(change.new_path), "label": change.label})


@rule("renumbered-only", "none", N_("Numbering is generated by the renderer (not a change)"),
      N_("Only the number shown changed, because a sibling came or went."), target="clause")
def renumbered_only(change, diff) -> Iterator[Match]:
    """Same place, same words, another number."""
    if change.kinds == ("renumbered",):
        yield Match(event="renumbered", values={"old": change.old_number, "new": change.new_number,
                                                "label": change.label})

