"""Rules that read the words where the facts are silent.

The classifier reasons over facts, but an editor often changes the prose and not the facts
beside it, and some of what Section VIII lists has no fact at all (whom to contact, a delay
before deletion, a fee). In the blind sets of revisions (docs/rules.md), every change of
meaning missed below ``material`` was of this kind. These rules read it in words: each names a
small, documented vocabulary (:mod:`generator.diff.wording`), looks only where the statement says
the thing in question (a clause that gives a right, collects data, states a purpose, names a
recipient) and counts whether the new wording *affirms* it more often than the old (a negation
and the rest of its sentence are not read), so that a sentence reworded around the same words
is not read as new. Each finding names the words it saw, for the person who decides; a reading
that could go either way is read upwards (Section VIII ¶2), never guessed lower, and a recorded
decision may set another level (``decidable``).

They judge the clauses no fact rule judged, except where ``over_facts`` says otherwise:
``right-limited-in-words`` and ``controller-role-in-words`` also run where only facts Section
VIII does not list changed (a retention period beside the words that delay deletion; the
processor's role), ``another-handler-in-words`` wherever facts changed (a recipient added whom
the words say uses the data for itself is another handler, which no recipient fact records).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ...diff.clauses import section_of
from ...diff.wording import (CHANNEL_WORDS, CHILD_WORDS, CIRCUMSTANCE_WORDS, CONSENT_DENIED,
                             CONSENT_NO_LONGER_NEEDED, CONSENT_WORDS, CONTROLLER_SAID, HOSTING, MAYBE_PERSONAL_DATA,
                             NO_PERSONAL_DATA, OPEN_ENDED_USE, OTHERS_ACT, OWN_USE, RECIPIENT_NAMED, USE_WORDS,
                             WEAKENING, affirmed, affirms_any, age_floors_added, ages_added, alternatives_dropped,
                             channels_named_more_often, choice_overridden, choices_added, consent_lifted,
                             contact_details, contacted, continues_regardless, countries_named_more_often,
                             data_named_more_often, definition_widened, further_use_allowed, limiting_words_added,
                             list_opened, list_unclosed, lists_exceptions, longest_days, more_often, opt_outs, opt_outs_taken,
                             phrases_added,
                             promise_waived_by_us as promise_waived, recipients_named_more_often,
                             rights_named_more_often, rights_promised, said, says_value, shown_publicly_more,
                             steps_spared, audience_named_more_often,
                             uses_named, words_added, words_added_in_all)
from ...lint.codes import OTHER_CONTROLLERS
from ...model import vocabulary as vocab
from ...model.base import N_
from ..registry import Match, rule

if TYPE_CHECKING:
    from ...model import Node

#: how ``definition-narrowed-in-words`` names a definition that lists fewer alternatives
FEWER_ALTERNATIVES = "fewer alternatives ('or')"


@rule("right-limited-in-words", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("Where a right is given, words now put a condition or a limit on it ('only if', 'not', "
         "'unless'), though no fact records it."), target="clause", decidable=True,
      over_facts="below-listed")
def right_limited_in_words(change, diff) -> Iterator[Match]:
    """Reworded, or added, where a right is given (:func:`_gives_a_right`), using a
    limiting word more often than before: "Only if these decisions ... do you have the right",
    "We do not provide a method of appeal", "will delete it only after that period". The
    facts may still read the same (the right, its channels), or record only a side of it (a
    retention period): this rule runs even where a fact rule judged the clause. A limit may
    be in the user's favour ("we will not charge"); a machine cannot tell, and Section VIII
    ¶2 asks consent for a limit, so it reads it as one and names the words for the person
    who decides. Limiting words in a sentence that sends the reader to someone new ("If you
    are a customer of a merchant, please contact that merchant; Allvalue customer service only
    assists merchants") are the terms of that route, which ``contact-route-changed`` reads
    (item 4): the right is exercised another way, not limited. Where that rule does not read
    the clause (it states no right or contact itself), they are counted: "you will need to
    contact the companies ... yourself" leaves to you what we did."""
    if not _worded(change) or not _gives_a_right(diff, change):
        return
    routes_read = _states(diff, change, "right") or _states(diff, change, "contact")
    if added := _added(change, _limits_outside_new_routes if routes_read else limiting_words_added):
        yield Match(event="right-limited-words", values={"words": added, "label": change.label},
                    favourable=False)


#: a sentence: up to a full stop followed by a space or the end
_SENTENCE_END = re.compile(r"(?<=\.)\s+")


def _limits_outside_new_routes(old: str, new: str) -> tuple[str, ...]:
    """:func:`limiting_words_added`, leaving out the sentences of ``new`` that name someone to
    contact whom ``old`` did not name (:func:`contacted`)."""
    routes = contacted(new) - contacted(old)
    if routes:
        new = " ".join(s for s in _SENTENCE_END.split(new) if not contacted(s) & routes)
    return limiting_words_added(old, new)


@rule("right-exception-added", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("A case in which a right is refused was added to the list of such cases."), target="clause")
def right_exception_added(change, diff) -> Iterator[Match]:
    """A clause added, or moved, under a lead-in that lists the cases a right does *not* cover
    ("In the following cases, we will not be able to respond to your request:"), where a right is
    given (see ``right-limited-in-words``), or in a division about a right (the lead-in's
    siblings give it): one more case of refusal narrows the right, though
    no fact of it changed (``right-ground-added`` is the other list)."""
    lead_in = diff.lead_in(change) if change.kind == "added" else diff.lead_ins_of_move(change)[1]
    if lead_in is None or not lists_exceptions(lead_in.text):
        return
    division = lead_in.path[-1] if lead_in.path else None
    if _gives_a_right(diff, change) or (division is not None and _about_a_right(
            [n for n in diff.new_nodes.values() if division in n.path and n.facts])):
        yield Match(event="right-exception-added", values={"parent": lead_in.id, "label": change.label},
                    favourable=False)


@rule("sharing-list-opened", "consent", N_("PIPL Art. 23; Section VIII ¶2 (data provided to others only in the cases listed)"),
      N_("A list of the only cases in which data is shared, transferred or disclosed is now an open "
         "list: data may reach others in cases it does not name."), target="clause", decidable=True)
def sharing_list_opened(change, diff) -> Iterator[Match]:
    """Reworded lead-in of a list of recipients' cases (its clauses state recipients) that
    closed the list and now says it is open (:func:`~generator.diff.wording.list_opened`):
    "We will not transfer your personal information ... except in the following cases:" →
    "We may transfer your personal information ..., including in the following cases:".
    Each handler data may now reach in an unnamed case needs the user's consent (Art. 23). A
    list of the cases of public disclosure only (every recipient disclosed to, the public, no
    handler) opened is new circumstances of it: ``sharing-list-unclosed`` (item 3)."""
    if not _reworded(change):
        return
    old, new = diff.old_nodes.get(change.id), diff.new_nodes.get(change.id)
    if old is None or new is None or not list_opened(old.text, new.text):
        return
    if _opened_to_handlers(diff, change):
        yield Match(event="sharing-list-opened", values={"label": change.label}, favourable=False)


def _opened_to_handlers(diff, change) -> bool:
    """The lead-in, or a clause it leads, states a recipient data is shared with or transferred
    to (not only disclosed to the public)."""
    return any(f.kind == "recipient" and f.via != "disclose" for f in _facts_led(diff, change))


@rule("promise-waived-by-us", "consent", N_("PIPL Art. 14 and 23 (a new purpose; separate consent)"),
      N_("A promise that data is not used or passed on for other purposes now gives way when AllValue "
         "or a recipient agrees ('without our approval'), not when you do."), target="clause", decidable=True)
def promise_waived_by_us(change, diff) -> Iterator[Match]:
    """Reworded where data is used or recipients are spoken of, so that a promise not to use
    or pass on data gains an exception someone other than the reader grants
    (:func:`~generator.diff.wording.promise_waived_by_us`): "[partners] will not use the
    information for any other purpose" → "... for any other purpose without our approval".
    Data may then be used for purposes the reader never agreed to (Art. 14), by others (Art. 23)."""
    if not _reworded(change) or not (_uses_data(diff, change) or _about_recipients(diff, change)):
        return
    if any(promise_waived(f.old, f.new) for f in change.fields):
        yield Match(event="promise-waived-by-us", values={"label": change.label}, favourable=False)


@rule("sharing-list-unclosed", "material", N_("Section VIII item 3 (circumstances of sharing)"),
      N_("A list of the only cases in which data is shared, transferred or disclosed no longer says "
         "they are the only ones: data may reach others in cases it does not name."), target="clause",
      decidable=True)
def sharing_list_unclosed(change, diff) -> Iterator[Match]:
    """Reworded lead-in of a list of recipients' cases that closed the list and no longer does,
    without saying it is open (:func:`~generator.diff.wording.list_unclosed`): "We will only
    publicly disclose your personal information in the following circumstances" → "We will
    publicly disclose ...". The listed circumstances no longer bound the sharing: new ones,
    unnamed (item 3). Said open in words, it is ``sharing-list-opened``, unless the list (a
    lead-in with clauses under it) is only of public disclosures (no handler): then it is read
    here too."""
    if not _reworded(change):
        return
    old, new = diff.old_nodes.get(change.id), diff.new_nodes.get(change.id)
    if old is None or new is None or not _leads_recipients(diff, change):
        return
    if list_unclosed(old.text, new.text) or (list_opened(old.text, new.text) and _leads_a_list(diff, change)
                                             and not _opened_to_handlers(diff, change)):
        yield Match(event="sharing-list-unclosed", values={"label": change.label}, favourable=False)


@rule("right-ground-narrowed", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("A case in which a right can be exercised now covers fewer situations, though no fact records it."),
      target="clause", decidable=True)
def right_ground_narrowed(change, diff) -> Iterator[Match]:
    """Reworded in the list a right's lead-in gives ("You may request us to delete personal
    information in the following circumstances:"), naming fewer alternatives: "If you no
    longer use our products or services, or you voluntarily cancel your account" → "you close
    your account". Like a case removed (``right-ground-removed``), the right narrows."""
    lead_in = diff.lead_in(change, "old") if _reworded(change) else None  # kept under the same one
    if lead_in is None or lists_exceptions(lead_in.text) or not any(f.kind == "right" for f in lead_in.facts):
        return  # a list of the cases a right does *not* cover narrows it by growing
    if any(alternatives_dropped(f.old, f.new) for f in change.fields):
        yield Match(event="right-ground-narrowed", values={"parent": lead_in.id, "label": change.label},
                    favourable=False)


@rule("children-named-in-collection", "consent", N_("PIPL Art. 31; Part 1 Definition 5 (children's information)"),
      N_("A clause that collects data now speaks of children, though no fact records it: their data "
         "may be newly collected, and a guardian must agree."), target="clause", decidable=True)
def children_named_in_collection(change, diff) -> Iterator[Match]:
    """Reworded or added where data is collected (the clause or a lead-in above it states a
    data category), naming children more often than before ("the names and birthdays of
    your children"), or admitting people from an age below the statement's age for children
    ("you may register from the age of 13"). Children's information is sensitive (Definition 5) and needs a
    guardian's consent (Art. 31); from words alone a machine cannot tell collection from a
    promise not to collect, so it reads it as collection and names the words."""
    if not _worded(change) or not (_collects_data(diff, change) or _states(diff, change, "recipient")) \
            or _records_children(diff, change):
        return
    threshold = _children_age(diff)
    if added := _added(change, lambda old, new: words_added_in_all(old, new, CHILD_WORDS) + tuple(
            f"from the age of {age}" for age in age_floors_added(old, new) if age < threshold)):
        yield Match(event="children-named", values={"words": added, "label": change.label},
                    sensitive=True, favourable=False)


#: the PIPL's age for children (Art. 31, "minors under the age of fourteen"), where the statement
#: states none
PIPL_CHILD_AGE = 14


def _children_age(diff) -> int:
    """The age below which the new version's children fact protects children (the PIPL's
    where it states none)."""
    return min((f.max_age for n in diff.new_nodes.values() for f in n.facts
                if f.kind == "children" and f.max_age), default=PIPL_CHILD_AGE)


def _records_children(diff, change) -> bool:
    """The clause's old facts already record children's data or the children fact: naming
    children more often there is no new collection ("for example when you send a gift to a
    child", where guardian consent is already stated)."""
    old = diff.old_nodes.get(change.id)
    return old is not None and any(f.kind == "children" or (f.kind == "data" and f.code in vocab.CHILDREN_DATA)
                                   for f in old.facts)


@rule("children-age-lowered-in-words", "material",
      N_("Part 1 Definition 5; PIPL Art. 31 (children's protection lowered)"),
      N_("Where children are spoken of, the words now name an age below the statement's age for "
         "children, though no fact records it: their protection may be lower."), target="clause", decidable=True)
def children_age_lowered_in_words(change, diff) -> Iterator[Match]:
    """Reworded or added where children are named, stating an age limit below the one the
    children fact gives (14 in the statement, the PIPL's where none is stated): "If it
    involves the personal information of a child under 10, you need to obtain the consent of
    that child's guardian" leaves children aged 10 to 13 without that protection."""
    if not _worded(change):
        return
    threshold = _children_age(diff)
    for f in change.fields:
        lower = [age for age in ages_added(f.old, f.new) if age < threshold]
        if lower and affirms_any(f.new, CHILD_WORDS):
            yield Match(event="children-age-named", values={"ages": ", ".join(map(str, lower)), "age": threshold,
                                                             "label": change.label}, favourable=False)
            return


@rule("children-protection-weakened-in-words", "material",
      N_("Part 1 Definition 5; PIPL Art. 31 (children's protection lowered)"),
      N_("Where children are spoken of, a duty that protects them is now weakened in words (a "
         "promise made a possibility, 'where practicable', a delay), though no fact records it."),
      target="clause", decidable=True)
def children_protection_weakened_in_words(change, diff) -> Iterator[Match]:
    """Reworded where children are named (in both versions), weakening what is said: "you
    need to obtain the consent of the corresponding children's guardians before publishing"
    → "you should obtain ... where it is practicable to do so", or "you do not need to obtain
    the consent of the corresponding children's guardians", or the sentence that asked a
    guardian's consent dropped (children need not be named after it). Only the weakening signals of
    :func:`limiting_words_added` count (not its limiting words: "we do not collect children's
    data" protects them)."""
    if not _reworded(change):
        return
    for f in change.fields:
        if not affirms_any(f.old, CHILD_WORDS):
            continue
        weakened = sorted(set(limiting_words_added(f.old, f.new)) & WEAKENING) if affirms_any(f.new, CHILD_WORDS) else []
        if consent_lifted(f.old, f.new):
            weakened.append(CONSENT_NO_LONGER_NEEDED)
        if weakened:
            yield Match(event="children-protection-weakened", values={"words": ", ".join(weakened),
                                                                       "label": change.label}, favourable=False)
            return


@rule("further-use-allowed-in-words", "consent", N_("PIPL Art. 14 (collected data used for a new purpose)"),
      N_("Words that kept data from any further use are gone, and the data is now said to be put "
         "to a use: collected data used for a new purpose."), target="clause", decidable=True)
def further_use_allowed_in_words(change, diff) -> Iterator[Match]:
    """Reworded anywhere (a backup kept after deletion, data kept after an account closes),
    no longer promising as often that the data kept is isolated from further processing and
    saying more often that it is used ("we will store it securely and isolate it from any
    further processing" → "we may use it to test our disaster-recovery systems and to improve
    our services"): data kept for one reason put to another needs consent again (Art. 14)."""
    if _reworded(change) and any(further_use_allowed(f.old, f.new) for f in change.fields):
        yield Match(event="further-use-allowed", values={"label": change.label}, favourable=False)


@rule("new-use-named", "consent", N_("PIPL Art. 14; FTC (2024) on retroactive changes"),
      N_("A clause that states what data is used for now names a new way of using it (model "
         "training, profiling, advertising, sale), though no fact records it."), target="clause", decidable=True)
def new_use_named(change, diff) -> Iterator[Match]:
    """Reworded where purposes are stated (the clause states a purpose, in either version),
    naming a way of using data Section VIII item 1 singles out more often than before
    ("training the machine-learning models that power our AI assistant"), or leaving a
    purpose open ("for our other business needs"), or, where marketing is stated, reaching you
    another way ("by e-mail" → "by e-mail, telephone or SMS": the phone number put to it). Data already
    collected put to a new use needs consent again (Art. 14); the words are named for the
    person who decides. Where a right is given and the words give a new choice to say no ("the
    right to refuse ... where we push commercial marketing through automated decision-making"),
    the use is named as what the reader may refuse: the rules for rights read it."""
    if not _reworded(change) or not _uses_data(diff, change):
        return
    if _gives_a_right(diff, change) and any(choices_added(f.old, f.new) for f in change.fields):
        return
    channels = CHANNEL_WORDS if _states_code(diff, change, vocab.MARKETING) else frozenset()
    if added := _added(change, lambda old, new: uses_named(old, new, USE_WORDS | channels)
                       + phrases_added(OPEN_ENDED_USE, old, new)):
        yield Match(event="use-named", values={"words": added, "label": change.label},
                    favourable=False)


@rule("use-no-longer-named", "material", N_("Section VIII item 1 (purposes of processing)"),
      N_("A clause that states what data is used for no longer names a way of using it (advertising, "
         "profiling, model training...), or now denies it, though its purpose facts are unchanged."),
      target="clause", decidable=True)
def use_no_longer_named(change, diff) -> Iterator[Match]:
    """Reworded where purposes are stated, so that a way of using data the old wording affirmed
    is no longer affirmed at all, and none is newly named: "For display, push information and
    possible commercial advertisements" → "display and push information only; we do not use
    them for commercial advertisements". A purpose dropped (item 1), in the user's favour;
    the editor left the purpose fact (``new-use-named`` is the other way)."""
    if not _reworded(change) or not _states(diff, change, "purpose"):
        return
    dropped = _added(change, lambda old, new: uses_named(new, old, USE_WORDS))
    if dropped and not _added(change, lambda old, new: uses_named(old, new, USE_WORDS)):
        yield Match(event="use-no-longer-named", values={"words": dropped, "label": change.label},
                    favourable=True)


@rule("rights-promise-withdrawn", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("The promise not to limit your rights without your express consent is said less often: "
         "rights may now be limited another way (by notice alone)."), target="clause", decidable=True)
def rights_promise_withdrawn(change, diff) -> Iterator[Match]:
    """Reworded so that Section VIII ¶2's own promise, "We will not limit your rights under
    this Privacy Statement without your express consent", is made fewer times
    (:func:`~generator.diff.wording.rights_promised`): "We may limit your rights ... where we
    notify you in advance". Every later narrowing would then need no consent: the promise that
    protects all the rights is itself a right narrowed."""
    if _reworded(change) and any(rights_promised(f.new) < rights_promised(f.old) for f in change.fields):
        yield Match(event="rights-promise-withdrawn", values={"label": change.label}, favourable=False)


@rule("opt-out-narrowed-in-words", "consent", N_("Section VIII ¶2 (rights not limited without express consent)"),
      N_("Where you are told how to stop something (turn off, unsubscribe, opt out), the words now "
         "say that it goes on anyway, in part, or your choice is no longer said to be followed, or the "
         "way to stop it is gone or denied, though no fact records it."), target="clause", decidable=True)
def opt_out_narrowed_in_words(change, diff) -> Iterator[Match]:
    """Reworded where the old wording gives the reader a way to stop something
    (:func:`~generator.diff.wording.opt_outs`: "You can turn off the personalized recommendation
    switch, after which we will no longer provide you with the aforementioned personalized
    services"), saying more often that something goes on whatever was chosen ("push information
    and commercial advertisements will continue to be based on your preference features"):
    the choice now stops less, a right narrowed (¶2). So does a promise to follow the reader's
    choice taken back ("We will respect the choice you make" → "the choices you make ... do not
    apply to it": :func:`~generator.diff.wording.choice_overridden`), and so do fewer ways to
    stop it, or one now denied ("You can determine whether these permissions are turned on or
    off by yourself" → "Once granted, these permissions cannot be turned off")."""
    if not _reworded(change):
        return
    if any(opt_outs(f.old) > 0 and continues_regardless(f.old, f.new) for f in change.fields):
        yield Match(event="opt-out-narrowed", values={"label": change.label}, favourable=False)
    elif any(choice_overridden(f.old, f.new) for f in change.fields):
        yield Match(event="choice-overridden", values={"label": change.label}, favourable=False)
    elif any(_opt_outs_taken(diff, change.id, f.old, f.new) for f in change.fields):
        yield Match(event="opt-out-denied", values={"label": change.label}, favourable=False)


def _opt_outs_taken(diff, clause: str, old: str | None, new: str | None) -> bool:
    """``new`` takes away or denies a way to stop something (:func:`~generator.diff.wording.opt_outs_taken`),
    and the sentences of ``old`` that gave it are not said word for word by another clause of
    the new version (a sentence split off into a paragraph of its own still gives the choice)."""
    if not opt_outs_taken(old, new):
        return False
    gone = [said(s) for s in _SENTENCE_END.split(old or "") if opt_outs(s) > 0 and said(s) not in said(new)]
    elsewhere = [said(node.text) for ident, node in diff.new_nodes.items() if ident != clause and node.text]
    return not gone or not all(any(s in text for text in elsewhere) for s in gone)


@rule("opt-out-added-in-words", "material", N_("Section VIII item 4 (your rights and how you exercise them)"),
      N_("A clause that uses data, or gives a right, now gives you more ways to stop something "
         "(unsubscribe, turn off, opt out), though no fact records them: in your favour."),
      target="clause", decidable=True)
def opt_out_added_in_words(change, diff) -> Iterator[Match]:
    """Reworded or added where data is used or a right is given, giving the reader more ways to
    stop something than before, not counting those it denies ("you can unsubscribe from our
    mailing list at any time with the unsubscribe link at the bottom of every email, or turn off
    email tracking in Settings"): how a right is exercised changed, in the user's favour."""
    if not _worded(change) or not (_uses_data(diff, change) or _gives_a_right(diff, change)):
        return
    if any(opt_outs(f.new) > opt_outs(f.old) for f in change.fields):
        yield Match(event="opt-out-added", values={"label": change.label}, favourable=True)


def _worded(change) -> bool:
    """The clause was kept or added, and its wording changed beyond typos."""
    return change.kind != "removed" and bool(change.fields) and not change.prose_editorial


def _reworded(change) -> bool:
    """The clause was kept and its wording changed beyond typos."""
    return change.kind == "modified" and _worded(change)


def _added(change, added_in: Callable[[str, str], tuple[str, ...]]) -> str:
    """What ``added_in(old, new)`` finds in any prose field of the change, joined for a finding."""
    return ", ".join(sorted({w for f in change.fields for w in added_in(f.old, f.new)}))


def _reworded_definition(change, diff) -> "Node | None":
    """The definition of Part 1 this change rewords (None for any other change)."""
    node = diff.new_nodes.get(change.id)
    return node if _reworded(change) and node is not None and node.kind == "definition" else None


def _states(diff, change, kind: str) -> bool:
    """The clause states a fact of ``kind`` in either version."""
    return any(n is not None and any(f.kind == kind for f in n.facts)
               for n in (diff.old_nodes.get(change.id), diff.new_nodes.get(change.id)))


def _states_code(diff, change, codes: frozenset[str]) -> bool:
    """The clause states a fact with one of ``codes``, in either version."""
    return any(n is not None and any(getattr(f, "code", None) in codes for f in n.facts)
               for n in (diff.old_nodes.get(change.id), diff.new_nodes.get(change.id)))


def _uses_data(diff, change) -> bool:
    """The clause states data, a purpose or a processing (in either version), or data is
    collected where it stands (:func:`_collects_data`)."""
    return any(_states(diff, change, k) for k in ("data", "purpose", "processing")) or _collects_data(diff, change)


def _discloses(diff, change) -> bool:
    """The clause states a public disclosure, or a recipient it reaches by disclosing (either version)."""
    return any(n is not None and any(f.kind == "disclosure" or (f.kind == "recipient" and f.via == "disclose")
                                     for f in n.facts)
               for n in (diff.old_nodes.get(change.id), diff.new_nodes.get(change.id)))


def _collects_data(diff, change) -> bool:
    """The clause, or an ancestor of it, states a data category (in the new version), or the
    clause is in the section on collection and states why or from whom it collects (a purpose,
    a source). A definition's data facts say what a term covers, not what is collected (Part 1)."""
    nodes = diff.new_nodes
    node = nodes.get(change.id)
    if node is None or node.kind == "definition":
        return False
    return any(f.kind == "data" for n in (node, *(nodes[a] for a in node.path if a in nodes)) for f in n.facts) or (
        section_of(node.path) == "collect" and any(f.kind in ("purpose", "source") for f in node.facts))


@rule("sensitive-data-named", "consent", N_("PIPL Art. 29; Part 1 Definition 5"),
      N_("A clause that collects data now names a sensitive category its facts do not state."),
      target="clause", decidable=True)
def sensitive_data_named(change, diff) -> Iterator[Match]:
    """Reworded or added where data is collected, naming a sensitive category (Definition 5)
    more often than before, a category the clause's facts do not state: it may be newly
    collected, and sensitive information needs separate consent (Art. 29)."""
    if named := _data_named(change, diff, sensitive=True):
        yield Match(event="data-named", values={"data": named, "label": change.label}, sensitive=True,
                    favourable=False)


@rule("data-named-in-words", "material", N_("Section VIII item 1 (the types of personal information processed)"),
      N_("A clause that collects data now names a category its facts do not state."),
      target="clause", decidable=True)
def data_named_in_words(change, diff) -> Iterator[Match]:
    """Reworded or added where data is collected (the clause or a lead-in states data),
    naming a data category of the vocabulary more often than before ("date of birth"), one
    the clause's facts do not state: the editor changed the prose, not the facts, and a
    type of personal information processed changed (item 1)."""
    if named := _data_named(change, diff, sensitive=False):
        yield Match(event="data-named", values={"data": named, "label": change.label}, favourable=False)


@rule("audience-named-in-words", "material", N_("Section VIII item 1 (whose personal information is processed, and how)"),
      N_("A clause that collects or uses data now says it also concerns merchants' customers: the "
         "same use reaches another group of people, though no fact records it."),
      target="clause", decidable=True)
def audience_named_in_words(change, diff) -> Iterator[Match]:
    """Reworded where data is collected or used (:func:`_uses_data`), naming merchants'
    customers more often than before (:func:`~generator.diff.wording.audience_named_more_often`:
    "the email we send you" → "..., or that a merchant sends its customers through AllValue";
    "our staff may contact you" → "you and, if you are a merchant, your customers"). The
    statement speaks to two audiences; a way of using data extended from one to the other is
    a new way of using personal information (item 1)."""
    if _worded(change) and _uses_data(diff, change) and \
            any(audience_named_more_often(f.old, f.new) for f in change.fields):
        yield Match(event="audience-named", values={"label": change.label}, favourable=False)


def _data_named(change, diff, sensitive: bool) -> str:
    """The labels of the categories (sensitive or not) the change names more often, that the
    clause's facts do not state, joined for a finding."""
    if not _worded(change) or not _collects_data(diff, change):
        return ""
    node = diff.new_nodes.get(change.id)
    stated = {f.code for f in node.facts if f.kind == "data"} if node is not None else set()
    codes = {c for f in change.fields for c in data_named_more_often(f.old, f.new)} - stated
    return ", ".join(sorted(vocab.label(c) for c in codes if vocab.is_sensitive(c) == sensitive))


@rule("right-made-easier-in-words", "material", N_("Section VIII item 4 (how you exercise your rights)"),
      N_("Where a right is given, the words now spare you a step (no separate request, done "
         "automatically), though no fact records it: in your favour."), target="clause", decidable=True)
def right_made_easier_in_words(change, diff) -> Iterator[Match]:
    """Reworded where a right is given (see ``right-limited-in-words``), saying more often that
    the reader need not act to have it ("deletion after cancellation no longer needs a
    request: you do not need to make a separate request for this"): how the right is
    exercised changed, in the user's favour (:func:`~generator.diff.wording.steps_spared`)."""
    if _reworded(change) and _gives_a_right(diff, change) and \
            any(steps_spared(f.old, f.new) for f in change.fields):
        yield Match(event="right-made-easier", values={"label": change.label}, favourable=True)


@rule("right-deadline-shortened", "material", N_("Section VIII item 4 (how you exercise your rights)"),
      N_("Where a right is given, a time limit in days is now shorter, though no fact records it."),
      target="clause", decidable=True)
def right_deadline_shortened(change, diff) -> Iterator[Match]:
    """Reworded where a right is given (see ``right-limited-in-words``) so that its longest
    time limit in days is shorter ("within 15 days" → "within 10 days"): how the right is
    exercised changed, in the user's favour (a longer one is a limit, consent)."""
    if not _reworded(change) or not _gives_a_right(diff, change):
        return
    for f in change.fields:
        before, after = longest_days(f.old), longest_days(f.new)
        if before is not None and after is not None and after < before:
            yield Match(event="deadline-shortened", values={"old": before, "new": after, "label": change.label},
                        favourable=True)
            return


@rule("right-named-in-words", "material", N_("Section VIII item 4 (your rights and how you exercise them)"),
      N_("Where a right is given, the words now name another right (portability, restriction, "
         "objection...), though no fact records it."), target="clause", decidable=True)
def right_named_in_words(change, diff) -> Iterator[Match]:
    """Reworded or added where a right is given (see ``right-limited-in-words``), naming a right
    more often than before that no right fact of the clause or its lead-ins states ("export
    your data as a machine-readable file and have it sent to another platform"): a right
    added, in the user's favour."""
    if not _worded(change) or not _gives_a_right(diff, change):
        return
    stated = {f.code for nodes, path in ((diff.old_nodes, change.old_path), (diff.new_nodes, change.new_path))
              if path is not None for ident in (change.id, *path) if ident in nodes
              for f in nodes[ident].facts if f.kind == "right"}
    named = {code for f in change.fields for code in rights_named_more_often(f.old, f.new)} - stated
    if named:
        yield Match(event="right-named", values={"rights": ", ".join(sorted(vocab.label(c) for c in named)),
                                                 "label": change.label}, favourable=True)


@rule("channel-named-in-words", "material", N_("Section VIII item 4 (your rights and how you exercise them)"),
      N_("Where a right is given, the words now name another way to exercise it (email, phone, the "
         "app...), though no fact records it: in your favour."), target="clause", decidable=True)
def channel_named_in_words(change, diff) -> Iterator[Match]:
    """Reworded or added where a right is given, naming a channel more often than before
    (:func:`~generator.diff.wording.channels_named_more_often`) that no right fact of the
    clause or its lead-ins lists: "You can also send your request by email to
    legal@allvalue.com". How the right is exercised changed, in the user's favour."""
    if not _worded(change) or not _gives_a_right(diff, change):
        return
    listed = {c for nodes, path in ((diff.old_nodes, change.old_path), (diff.new_nodes, change.new_path))
              if path is not None for ident in (change.id, *path) if ident in nodes
              for f in nodes[ident].facts if f.kind == "right" for c in f.channels}
    named = {code for f in change.fields for code in channels_named_more_often(f.old, f.new)} - listed
    if named:
        yield Match(event="channel-named", values={"channels": ", ".join(sorted(vocab.label(c) for c in named)),
                                                   "label": change.label}, favourable=True)


@rule("public-disclosure-named", "consent", N_("PIPL Art. 25 (separate consent to disclose data publicly)"),
      N_("A clause that collects or uses data now says it is shown publicly, to anyone, though no "
         "fact records a public disclosure."), target="clause", decidable=True)
def public_disclosure_named(change, diff) -> Iterator[Match]:
    """Reworded where data is collected or used (the clause states data or a purpose, or a
    lead-in above it states data), saying more often that it is visible to anyone
    ("displayed publicly on the marketplace, where any visitor can see them"), or naming more
    of what is shown ("your nickname, avatar and city of residence will be displayed publicly,
    together with the reviews you post"). Publishing personal information needs the user's
    separate consent (Art. 25). A clause that already discloses data publicly (a disclosure,
    or a recipient reached by disclosing) is read too: more of what it shows is new data
    disclosed ("together with the names and order details of the customers who bought")."""
    if not _reworded(change) or not (_states(diff, change, "purpose") or _states(diff, change, "data")
                                     or _collects_data(diff, change) or _discloses(diff, change)):
        return
    if any(shown_publicly_more(f.old, f.new) for f in change.fields):
        yield Match(event="public-named", values={"label": change.label}, favourable=False)


@rule("personal-data-no-longer-denied", "material", N_("Section VIII item 1 (the types of personal information processed)"),
      N_("A clause no longer says that something holds no personal information: personal "
         "information may now be processed there."), target="clause", decidable=True)
def personal_data_no_longer_denied(change, diff) -> Iterator[Match]:
    """Reworded so that "does not involve your personal information" (or "no personal data")
    is said less often: logs, statistics or reports once said to be free of personal data now
    hold it ("may include your device model ... and machine identification code"), a type of
    personal information processed that no fact records. Where the words say only that they
    *may* involve personal information and name nothing, no type can be read off: a person
    decides."""
    if not _reworded(change):
        return
    if any(more_often(NO_PERSONAL_DATA, f.new, f.old) and not (
            more_often(MAYBE_PERSONAL_DATA, f.old, f.new) and not data_named_more_often(f.old, f.new))
           for f in change.fields):
        yield Match(event="personal-data-no-longer-denied", values={"label": change.label}, favourable=False)


@rule("circumstance-named", "material", N_("Section VIII item 3 (circumstances of sharing)"),
      N_("A clause that names a recipient now names another circumstance in which data reaches it "
         "(a sale of the business, a court order...), though no fact records it."), target="clause", decidable=True)
def circumstance_named(change, diff) -> Iterator[Match]:
    """Reworded where a recipient or a public disclosure is stated, naming a circumstance of
    sharing (a sale, merger, court, authority, audit...) more often than before: "a sale of
    all or part of the AllValue business or its assets". The recipient's facts stay the same,
    but when it receives the data has changed (item 3)."""
    if not _reworded(change) or not (_states(diff, change, "recipient") or _states(diff, change, "disclosure")):
        return
    if added := _added(change, lambda old, new: words_added(old, new, CIRCUMSTANCE_WORDS)):
        yield Match(event="circumstance-named", values={"words": added, "label": change.label},
                    favourable=False)


@rule("another-handler-in-words", "consent", N_("PIPL Art. 23 (separate consent to provide data to another handler)"),
      N_("A clause that collects or uses data now says partners or other third parties use it, or "
         "contact you, themselves, though no fact records another handler."), target="clause", decidable=True,
      over_facts="always")
def another_handler_in_words(change, diff) -> Iterator[Match]:
    """Reworded or added where data is collected or used, saying more often that someone else
    acts on it ("we and our partners may contact you by email", "our advertising partners use
    it to build audiences"): those others hold the data as handlers in their own right, which
    needs separate consent (Art. 23). Processors' work ("our providers store it") is not read.
    Where recipients are spoken of, a use of their own ("apart from improving their own
    products", "so that they can send you offers of their own") says the same. It reads a
    clause whose recipient facts changed too: a recipient added (item 3) that the words say
    uses the data for itself is another handler (Art. 23), which the fact does not record."""
    if not _worded(change):
        return
    signals = ((OTHERS_ACT, _uses_data(diff, change) or _about_recipients(diff, change)),
               (OWN_USE, _about_recipients(diff, change)))
    if any(where and more_often(pattern, affirmed(f.old), affirmed(f.new))
           for pattern, where in signals for f in change.fields):
        yield Match(event="another-handler", values={"label": change.label}, favourable=False)


@rule("another-handler-named", "consent", N_("PIPL Art. 23 (separate consent to provide data to another handler)"),
      N_("A clause that shares or uses data now names, among those who receive it, a handler in its "
         "own right (data brokers, insurers, acquirers), though no fact of the clause records it."),
      target="clause", decidable=True)
def another_handler_named(change, diff) -> Iterator[Match]:
    """Reworded or added where recipients are spoken of or data is used, naming a recipient that
    is a handler in its own right (``lint.codes.OTHER_CONTROLLERS``) more often than before, one
    the clause's facts do not state: "Suppliers, service providers, data brokers and other
    partners". A data broker uses what it receives for itself: separate consent (Art. 23)."""
    if not _worded(change) or not (_about_recipients(diff, change) or _uses_data(diff, change)):
        return
    stated = {f.code for n in (diff.old_nodes.get(change.id), diff.new_nodes.get(change.id)) if n is not None
              for f in n.facts if f.kind == "recipient"}
    named = {c for f in change.fields for c in recipients_named_more_often(f.old, f.new, OTHER_CONTROLLERS)} - stated
    if named:
        yield Match(event="another-handler-named", values={
            "recipients": ", ".join(sorted(vocab.label(c) for c in named)), "label": change.label}, favourable=False)


def _leads_recipients(diff, change) -> bool:
    """The clause, or a clause listed under it, states a recipient or a disclosure (in the new
    version)."""
    return any(f.kind in ("recipient", "disclosure") for f in _facts_led(diff, change))


def _facts_led(diff, change) -> Iterator:
    """The facts of the clause and of the clauses listed under it (in the new version)."""
    return (f for n in diff.new_nodes.values() if n.id == change.id or change.id in n.path for f in n.facts)


def _leads_a_list(diff, change) -> bool:
    """Clauses are listed under the clause (in the new version): it is a lead-in."""
    return any(change.id in n.path for n in diff.new_nodes.values())


def _about_recipients(diff, change) -> bool:
    """The clause, or a clause beside or below it in its division, states a recipient (in the
    new version): "Sharing with authorized partners: ..." leads the list of partners."""
    node = diff.new_nodes.get(change.id)
    if node is None:
        return False
    parent = node.path[-1] if node.path else None
    return any(f.kind in ("recipient", "disclosure") for n in diff.new_nodes.values()
               if n.id == change.id or (parent is not None and parent in n.path) for f in n.facts)


@rule("consent-no-longer-said", "material",
      N_("Section VIII item 3 (a new circumstance of sharing: without your consent)"),
      N_("A clause that names a recipient, or leads a list of them, no longer says as often that your "
         "consent is asked, or now says it is not: data may now reach them without your consent."),
      target="clause", decidable=True)
def consent_no_longer_said(change, diff) -> Iterator[Match]:
    """Reworded where a recipient is stated, affirming consent less often than before ("with
    your consent" dropped), or where a recipient is stated or listed below, saying more often
    that consent is not asked ("Other forms of sharing, for which we do not ask for your
    consent:"): data now reaches the recipient in a new circumstance, without consent (item 3;
    the product brief's "a new circumstance in which data is shared ... without consent").
    Where the recipient is another handler, its fact says so and Art. 23 asks consent
    (``data-to-new-controller``)."""
    if not _reworded(change):
        return
    dropped = _states(diff, change, "recipient") and any(words_added(f.new, f.old, CONSENT_WORDS) for f in change.fields)
    denied = _leads_recipients(diff, change) and any(more_often(CONSENT_DENIED, f.old, f.new) for f in change.fields)
    if dropped or denied:
        yield Match(event="consent-no-longer-said", values={"label": change.label}, favourable=False)


@rule("recipient-named-in-words", "material", N_("Section VIII item 3 (recipients)"),
      N_("A clause that collects or uses data now says it is shared with someone (partners, "
         "providers, third parties...), though no fact records a recipient."), target="clause", decidable=True)
def recipient_named_in_words(change, diff) -> Iterator[Match]:
    """Reworded or added where data is collected or used (the clause states data, a purpose or
    a processing, or a lead-in states data), affirming more often that data goes to someone
    ("We share these click and open records with our advertising and marketing service
    providers"): a recipient no fact records (item 3)."""
    if not _worded(change) or not _uses_data(diff, change):
        return
    if any(more_often(RECIPIENT_NAMED, affirmed(f.old), affirmed(f.new)) for f in change.fields):
        yield Match(event="recipient-named", values={"label": change.label}, favourable=False)


@rule("destination-named-in-words", "material", N_("Section VIII item 3 (cross-border destinations)"),
      N_("A clause about where data is stored or sent now names a country its transfer facts do "
         "not state."), target="clause", decidable=True)
def destination_named_in_words(change, diff) -> Iterator[Match]:
    """Reworded where a transfer is stated (or servers, storage or hosting are spoken of),
    naming a territory more often than before that the clause's transfer facts do not state
    ("our servers in China and Singapore"): a cross-border destination (item 3). Names are
    CLDR's English territory names (Babel)."""
    if not _reworded(change):
        return
    node = diff.new_nodes.get(change.id)
    stated = {f.destination for f in node.facts if f.kind == "transfer"} if node is not None else set()
    if not (stated or _states(diff, change, "transfer") or any(HOSTING.search(f.new) for f in change.fields)):
        return
    named = {c for f in change.fields for c in countries_named_more_often(f.old, f.new)} - stated
    if named:
        yield Match(event="destination-named", values={"countries": ", ".join(sorted(named)), "label": change.label},
                    favourable=False)


@rule("controller-role-in-words", "consent", N_("PIPL Art. 23 and 14 (another handler; a new purpose)"),
      N_("A clause that says AllValue only processes data for the merchant now says it also "
         "decides for itself (an independent controller, its own purposes)."), target="clause", decidable=True,
      over_facts="below-listed")
def controller_role_in_words(change, diff) -> Iterator[Match]:
    """Reworded where a role is stated (AllValue the merchant's processor), affirming more
    often that it acts as a controller or for its own purposes: the customers' data reaches a
    handler that is not their merchant (Art. 23), for purposes the merchant did not set (Art. 14)."""
    if _reworded(change) and _states(diff, change, "role") and \
            any(more_often(CONTROLLER_SAID, affirmed(f.old), affirmed(f.new)) for f in change.fields):
        yield Match(event="controller-role", values={"label": change.label}, favourable=False)


@rule("definition-narrowed-in-words", "consent", N_("Section VIII ¶2; Part 1 (what a defined term covers)"),
      N_("A definition now uses limiting words ('only', 'not') or lists fewer alternatives: the term, "
         "and every right that rests on it, may cover less."), target="clause", decidable=True)
def definition_narrowed_in_words(change, diff) -> Iterator[Match]:
    """A definition of Part 1 reworded with more limiting words than before ("Information that
    identifies a person only in combination ... is not personal information"): what the
    statement's promises and the user's rights apply to may be less (¶2). Limiting words are
    :func:`~generator.diff.wording.limiting_words_added`'s; a definition that affirms fewer
    alternatives ("identify a person or reflect their activities, independently or in
    combination" → "identify a person on its own") covers fewer cases as well."""
    if _reworded_definition(change, diff) is None:
        return
    added = _added(change, limiting_words_added) or \
        (FEWER_ALTERNATIVES if any(alternatives_dropped(f.old, f.new) for f in change.fields) else "")
    if added:
        yield Match(event="definition-narrowed", values={"words": added, "label": change.label}, favourable=False)


@rule("recipient-definition-widened", "material", N_("Section VIII item 3 (the recipients of personal information)"),
      N_("The definition of a kind of recipient now takes in more (\"and any company in which ...\"): "
         "data shared with them reaches more companies."), target="clause", decidable=True)
def recipient_definition_widened(change, diff) -> Iterator[Match]:
    """A definition in Part 1 whose term names a kind of recipient of the vocabulary (Definition
    2, Affiliates) reworded with more words that widen it (:func:`definition_widened`): every
    clause that shares data with them now shares it with more companies, though no recipient
    fact changed (item 3). A new link to the list, or another wording of the same group, is
    left to the person who decides."""
    node = _reworded_definition(change, diff)
    if node is None:
        return
    if not any(said(node.own("term")) == said(label) for label in vocab.RECIPIENTS.values()):
        return
    if any(definition_widened(f.old, f.new) for f in change.fields):
        yield Match(event="recipient-definition-widened", values={"label": change.label}, favourable=False)


@rule("sensitive-definition-narrowed", "consent", N_("Section VIII ¶2; PIPL Art. 29; Part 1 Definition 5"),
      N_("The definition of sensitive personal information no longer lists a category: data of that "
         "kind loses the separate consent and care the statement promises for sensitive data."),
      target="clause", decidable=True)
def sensitive_definition_narrowed(change, diff) -> Iterator[Match]:
    """A definition whose data facts say which categories are sensitive (Part 1 Definition 5)
    lists fewer of them, in its facts or its words ("mobile phone number" dropped): what the
    statement promises for sensitive data no longer covers them (¶2, Art. 29)."""
    dropped = _sensitive_definition_change(change, diff, "old", "new")
    if dropped:
        yield Match(event="sensitive-definition-narrowed", values={"data": dropped, "label": change.label},
                    sensitive=True, favourable=False)


@rule("sensitive-definition-widened", "review", N_("Part 1 Definition 5 (in the user's favour)"),
      N_("The definition of sensitive personal information lists another category: more data is "
         "protected as sensitive, nothing is newly collected; a person confirms."),
      target="clause", decidable=True)
def sensitive_definition_widened(change, diff) -> Iterator[Match]:
    """The same definition lists more categories: in the user's favour, and not a category
    collected (the definition's data facts collect nothing). Readers differ on whether Section
    VIII names it (item 1 is the types *processed*), so a person decides."""
    added = _sensitive_definition_change(change, diff, "new", "old")
    if added:
        yield Match(event="sensitive-definition-widened", values={"data": added, "label": change.label},
                    favourable=True)


def _sensitive_definition_change(change, diff, more: str, fewer: str) -> str:
    """The labels of the sensitive categories a definition of them lists on side ``more`` and
    not on side ``fewer`` (by its data facts, or by name in its words), joined for a finding."""
    nodes = {"old": diff.old_nodes.get(change.id), "new": diff.new_nodes.get(change.id)}
    if change.kind != "modified" or any(n is None or n.kind != "definition" for n in nodes.values()):
        return ""
    listed = {side: {f.code for f in n.facts if f.kind == "data" and f.sensitive} for side, n in nodes.items()}
    if not (listed["old"] or listed["new"]):
        return ""  # not the definition of sensitive data
    named = {c for f in change.fields for c in data_named_more_often(getattr(f, fewer), getattr(f, more))}
    if more == "new":
        named -= listed["old"]  # "locating information" → "location information": listed already
    codes = listed[more] - listed[fewer] | named
    return ", ".join(sorted(vocab.label(c) for c in codes))


@rule("contact-details-reworded", "material", N_("Section VIII item 5 (contact details)"),
      N_("A clause that gives a contact now shows another email, web address or phone number, "
         "though its contact fact is unchanged."), target="clause", decidable=True)
def contact_details_reworded(change, diff) -> Iterator[Match]:
    """Reworded where a contact is stated, and the emails, URLs or phone numbers of its text
    differ (a phone number compared by its last ten digits, so "+1 (888) 996-8926" is
    "888-996-8926"), or a contact its facts record (a department's name, an address) is no
    longer said: "We have set up a personal information protection department" → "We have
    appointed a Data Protection Officer". The contact details changed (item 5)."""
    if not _reworded(change) or not _states(diff, change, "contact"):
        return
    for f in change.fields:
        old, new = contact_details(f.old), contact_details(f.new)
        if old != new:
            yield Match(event="contact-details", values={"before": "; ".join(sorted(old - new)) or "-",
                                                         "after": "; ".join(sorted(new - old)) or "-",
                                                         "label": change.label})
            return
    if unsaid := _values_unsaid(change, diff, "contact", ("value",), lambda fact: fact.channel not in COMPARED):
        yield Match(event="contact-details", values={"before": "; ".join(unsaid), "after": "-", "label": change.label})


@rule("contact-route-changed", "material",
      N_("Section VIII items 4 and 5 (how you exercise your rights; contacts and complaint channels)"),
      N_("A clause that gives a right or a contact now tells you to contact someone else (the "
         "merchant instead of AllValue, an authority to complain to): how you exercise a right or "
         "reach us changed."), target="clause", decidable=True)
def contact_route_changed(change, diff) -> Iterator[Match]:
    """Reworded in a clause that states a right or a contact, and the parties it tells the
    reader to contact, ask, write or complain to differ ("contact that merchant" beside
    "contact AllValue customer service"; "lodge a complaint with the cyberspace
    administration"). A channel fact records the kind of channel, not whom it reaches, so
    the same ``av:CustomerService`` may now be another company's."""
    if not _reworded(change) or not (_states(diff, change, "right") or _states(diff, change, "contact")):
        return
    for f in change.fields:
        old, new = contacted(f.old), contacted(f.new)
        if old != new:
            yield Match(event="contact-route-changed", values={
                "before": "; ".join(sorted(old - new)) or "-", "after": "; ".join(sorted(new - old)) or "-",
                "label": change.label})
            return





@rule("controller-details-reworded", "material",
      N_("Section VIII item 2 (the controller; Part 1 Definition 1, the Party)"),
      N_("A clause that states the controller no longer gives the name or address its controller "
         "fact records, or names another country: the Party may have changed."), target="clause",
      decidable=True)
def controller_details_reworded(change, diff) -> Iterator[Match]:
    """Reworded where a controller fact is stated, the fact unchanged, and the words no longer
    say its name or address (:func:`_values_unsaid`), or name other countries ("established
    under the laws of Hong Kong, China" → "of Singapore"): the words, which users read, now
    describe another Party, or the same one elsewhere (item 2)."""
    if not _reworded(change):
        return
    unsaid = _values_unsaid(change, diff, "controller", ("name", "address"))
    for f in change.fields:
        moved = set(countries_named_more_often(f.old, f.new)) | set(countries_named_more_often(f.new, f.old))
        if (moved or unsaid) and _states(diff, change, "controller"):
            yield Match(event="controller-details", values={
                "details": "; ".join([*unsaid, *sorted(moved)]), "label": change.label})
            return


#: the contact channels :func:`~generator.diff.wording.contact_details` reads in the text (the
#: same number may be written another way there)
COMPARED = frozenset({"email", "phone"})


def _values_unsaid(change, diff, kind: str, fields: tuple[str, ...],
                   where: Callable[[object], bool] = lambda fact: True) -> list[str]:
    """The values of the clause's (unchanged) facts of ``kind`` (those ``where`` accepts) that
    its old wording says and its new wording no longer does, case and spacing aside: "personal
    information protection department" gone from a clause whose contact fact still names it."""
    old = diff.old_nodes.get(change.id)
    if old is None:
        return []
    values = [v for fact in old.facts if fact.kind == kind and where(fact) for name in fields
              if isinstance(v := getattr(fact, name, None), str) and v.strip()]
    return [v for v in dict.fromkeys(values)
            if any(says_value(v, f.old) and not says_value(v, f.new) for f in change.fields)]


#: the facts of how a right is given and exercised: the right, its response time, its fee
RIGHT_KINDS = frozenset({"right", "response-time", "fee"})


def _gives_a_right(diff, change) -> bool:
    """The clause, or an ancestor below its section, states a right, its response time or its
    fee, in either version; or the clause is in a division (not a section) about a right."""
    def of_a_right(node) -> bool:
        return any(f.kind in RIGHT_KINDS for f in node.facts)

    for nodes, path in ((diff.old_nodes, change.old_path), (diff.new_nodes, change.new_path)):
        if path is None:
            continue
        own = nodes.get(change.id)
        if own is not None and of_a_right(own):
            return True
        if any(a in nodes and of_a_right(nodes[a]) for a in path[2:]):
            return True
        if len(path) > 2 and _about_a_right([n for n in nodes.values() if path[-1] in n.path and n.facts]):
            return True
    return False


def _about_a_right(clauses: list) -> bool:
    """A division about a right: at least half of its clauses that carry facts carry a right's
    ("You can cancel your account in ..." beside "After you cancel ..."), not a division of
    rules for use where one clause of several mentions unsubscribing."""
    return bool(clauses) and 2 * sum(1 for n in clauses if any(f.kind in RIGHT_KINDS for f in n.facts)) >= len(clauses)
