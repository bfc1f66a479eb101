"""PIPL (Personal Information Protection Law of the PRC): what a handler tells the person.

- Art. 17: "Before handling personal information, personal information handlers shall ...
  notify individuals of the following items: (1) the name or personal name and contact
  method of the personal information handler; (2) the purpose of personal information
  handling and the handling methods, the categories of handled personal information, and
  the retention period; (3) methods and procedures for individuals to exercise the rights
  provided in this Law ..."
- Art. 30: handling sensitive personal information: notify "the necessity and influence on
  the individual's rights and interests".
- Art. 39: providing personal information outside the PRC: notify "the foreign receiving
  side's name or personal name, contact method, handling purpose, handling methods, and
  personal information categories, as well as ways or procedures for individuals to
  exercise the rights provided in this Law with the foreign receiving side", and obtain
  separate consent.
- Art. 23: providing personal information to another handler: notify "the name or
  personal name of the recipient, their contact method, the handling purpose, handling
  method, and personal information categories", and obtain separate consent. A transfer
  in a merger is Art. 22 and public disclosure Art. 25: neither is checked here.
"""
from __future__ import annotations

from ...model import vocabulary as vocab
from ...model.base import N_
from ..codes import CONSENT_BASES, CONTROLLER_VIA, OTHER_CONTROLLERS, PIPL_HOME, REACHABLE
from ..registry import coverage, element, judge, not_applicable, requirement

#: ways of handling data, as facts: uses (profiling...), and passing it on
METHOD_KINDS = ("processing", "recipient", "disclosure", "transfer")
#: handed on, but under another article: a merger's acquirer (Art. 22), the public (Art. 25)
NOT_ART_23 = frozenset({"av:Acquirer", "av:Public"})


@requirement("pipl-17-notice", "pipl", "PIPL Art. 17",
             N_("The handler, purposes, methods, categories, retention and how to exercise rights"))
def handler_notice(book):
    """The six items of Art. 17(1): the handler's name and contact, purposes, ways of handling,
    categories of data, retention, and how to exercise rights (a right with a channel)."""
    name = book.of("controller", defining=None)
    contact = [s for s in book.of("contact", defining=None) if s.fact.of == "controller" and s.fact.channel in REACHABLE]
    purposes, methods = book.of("purpose"), book.of(*METHOD_KINDS)
    data, retention = book.of("data"), book.of("retention")
    rights = [s for s in book.of("right") if s.fact.channels]
    elements = [element(N_("the handler's name"), name), element(N_("the handler's contact method"), contact),
                element(N_("the purposes of handling"), purposes), element(N_("the ways of handling"), methods),
                element(N_("the categories of personal information"), data),
                element(N_("the retention period"), retention),
                element(N_("how to exercise the person's rights"), rights)]
    return judge(elements, name + contact + retention + rights)


def _sensitive(book):
    return [s for s in book.of("data") if s.fact.sensitive or vocab.is_sensitive(s.fact.code)]


@requirement("pipl-30-sensitive", "pipl", "PIPL Art. 30",
             N_("Sensitive personal information: why it is necessary and how it affects the person"))
def sensitive_information(book):
    """For each sensitive category collected (Part 1 Definition 5, or marked sensitive): a
    clause saying why it is necessary and how handling it affects the person."""
    sensitive = _sensitive(book)
    if not sensitive:
        return not_applicable(N_("no sensitive personal information is collected"))
    necessity: dict[str, list] = {}
    impact: dict[str, list] = {}
    for s in sensitive:
        necessity.setdefault(s.fact.code, []).extend([s] if s.fact.necessity else [])
        impact.setdefault(s.fact.code, []).extend([s] if s.fact.impact else [])
    return judge([coverage(N_("why each sensitive category is necessary"), necessity),
                  coverage(N_("how handling each sensitive category affects the person"), impact)], sensitive)


@requirement("pipl-39-cross-border", "pipl", "PIPL Art. 39",
             N_("Cross-border provision: the overseas recipient and how to exercise rights against it"))
def cross_border(book):
    """Each destination outside mainland China: the overseas recipient's name and contact, the
    purposes and categories in the same passage, and a right with a channel there."""
    transfers = [s for s in book.of("transfer") if s.fact.destination != PIPL_HOME]
    if not transfers:
        return not_applicable(N_("no data leaves mainland China"), book.of("transfer"))
    asked = {N_("the overseas recipient's name"): lambda s: [s] if s.fact.recipient else [],
             N_("the overseas recipient's contact method"): lambda s: [s] if s.fact.contact else [],
             N_("the purposes of handling"): lambda s: book.context(s, "purpose"),
             N_("the categories of personal information"): lambda s: book.context(s, "data"),
             N_("how to exercise the person's rights"): lambda s: book.context(s, "right")}
    return judge([_per(transfers, lambda s: s.fact.destination, what, find) for what, find in asked.items()],
                 transfers)


@requirement("pipl-23-other-handler", "pipl", "PIPL Art. 23",
             N_("Provision to another handler: who receives the data, why, and separate consent"))
def other_handler(book):
    """Each recipient that receives data as a handler of its own (by transfer, or a data broker
    or insurer): its name and contact, the purposes and categories in the same passage, and
    consent (a circumstance of the recipient, or a consent basis in the passage)."""
    handlers = [s for s in book.of("recipient") if s.fact.code not in NOT_ART_23
                and (s.fact.via in CONTROLLER_VIA or s.fact.code in OTHER_CONTROLLERS)]
    if not handlers:
        return not_applicable(N_("no data is provided to another handler"))

    def consent(s):
        bases = [b for b in book.context(s, "legal-basis") if b.fact.code in CONSENT_BASES]
        return bases + ([s] if set(s.fact.circumstances) & CONSENT_BASES else [])

    asked = {N_("the recipient's name"): lambda s: [s] if s.fact.name else [],
             N_("the recipient's contact method"): lambda s: [s] if s.fact.contact else [],
             N_("the purposes of handling"): lambda s: book.context(s, "purpose"),
             N_("the categories of personal information"): lambda s: book.context(s, "data"),
             N_("separate consent"): consent}
    return judge([_per(handlers, lambda s: s.fact.code, what, find) for what, find in asked.items()], handlers)


def _per(stated, key, what, find):
    """An element asked of each item of ``stated`` (grouped by ``key``)."""
    found: dict[str, list] = {}
    for s in stated:
        found.setdefault(key(s), []).extend(find(s))
    return coverage(what, found)
