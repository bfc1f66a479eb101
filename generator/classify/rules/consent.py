"""Rules that require express consent.

Section VIII ¶2 of the statement: "We will not limit your rights under this Privacy
Statement without your express consent." PIPL Art. 14 (consent again when the purpose,
method or categories change), Art. 23 (separate consent before providing data to
another handler), Art. 29 (separate consent for sensitive personal information); the
FTC (2024) on retroactive changes: data already collected may not be put to a new use
by a quiet change of the notice.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...model import vocabulary as vocab
from ..registry import Match, rule

#: Recipients that are personal-information handlers in their own right (not processors).
OTHER_CONTROLLERS = frozenset({"av:DataBroker", "av:Insurer"})
#: Ways of passing data on that hand it to another handler (PIPL Art. 23, 25).
CONTROLLER_VIA = frozenset({"transfer", "disclose"})


@rule("right-removed", "consent", "Section VIII ¶2 (rights not limited without express consent)",
      "A right the statement gave the user is no longer stated anywhere.")
def right_removed(change, diff) -> Iterator[Match]:
    """A right fact disappears from the whole version (not merely moved to another clause)."""
    if change.kind == "right" and change.change == "removed":
        yield Match(change)


@rule("right-narrowed", "consent", "Section VIII ¶2 (rights not limited without express consent)",
      "A right is exercised through fewer channels, or requests are answered more slowly.")
def right_narrowed(change, diff) -> Iterator[Match]:
    """Channels removed from a right, a longer (or withdrawn) response time: rights limited."""
    if change.kind == "right" and change.change == "modified":
        if set(change.values("old", "channels")) - set(change.values("new", "channels")):
            yield Match(change)
    elif change.kind == "response-time":
        old_days, new_days = change.values("old", "days"), change.values("new", "days")
        if change.change == "removed" or (old_days and new_days and max(new_days) > max(old_days)):
            yield Match(change)


@rule("sensitive-data-added", "consent", "PIPL Art. 29; Part 1 Definition 5",
      "A sensitive personal-information category is newly collected.")
def sensitive_data_added(change, diff) -> Iterator[Match]:
    """A data category added to the version that Definition 5 (or the fact) marks sensitive."""
    if change.kind == "data" and change.change == "added":
        codes = change.values("new", "code")
        if any(vocab.is_sensitive(c) for c in codes) or True in change.values("new", "sensitive"):
            yield Match(change, sensitive=True)


@rule("purpose-for-collected-data", "consent", "PIPL Art. 14; FTC (2024) on retroactive changes",
      "Data already collected for a stated purpose is to be used for a new one.")
def purpose_for_collected_data(change, diff) -> Iterator[Match]:
    """A new purpose added to a clause that already stated the data it uses."""
    if change.kind != "purpose" or change.change != "added":
        return
    for clause in change.clauses:
        old, new = diff.old_nodes.get(clause), diff.new_nodes.get(clause)
        if old is None or new is None:
            continue
        data = {f.code for f in old.facts if f.kind == "data"} & {f.code for f in new.facts if f.kind == "data"}
        if data:
            yield Match(change, collected=tuple(sorted(data)))
            return


@rule("data-to-new-controller", "consent", "PIPL Art. 23 (separate consent to provide data to another handler)",
      "Personal data is newly provided to another controller (transferred, disclosed, or sold).")
def data_to_new_controller(change, diff) -> Iterator[Match]:
    """A recipient added that receives data as a handler in its own right."""
    if change.kind == "recipient" and change.change == "added":
        if set(change.values("new", "via")) & CONTROLLER_VIA or set(change.values("new", "code")) & OTHER_CONTROLLERS:
            yield Match(change)
