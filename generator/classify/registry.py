"""The rule registry: an ordered table of named rule functions, like markdown-it's Ruler.

Every rule has the same signature, ``(change, diff) -> Iterable[Match]``: it is given
one change (a :class:`~generator.diff.FactChange`, a
:class:`~generator.diff.ClauseChange`, or the whole :class:`~generator.diff.VersionDiff`
for version-level rules, as its ``target`` says) and yields one :class:`Match` per
finding: what it saw, as data. Words come later, in the reader's locale
(:mod:`generator.report.words`). Rules do not know where they are: the runner adds the clause.
For each change the first rule in registry order that matches decides it, so the
order is a literal table with the consent rules first.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .levels import LEVELS

if TYPE_CHECKING:
    from ..diff import FactChange

Target = Literal["fact", "clause", "version"]
#: where a fact rule already judged a clause, whether a clause rule still judges it: never (its
#: wording is the facts' to explain), always (where a node now stands: moves), or only where the
#: facts set no more than ``review`` (words that say what no listed fact records)
OverFacts = Literal["never", "always", "below-listed"]


@dataclass(frozen=True)
class Match:
    """What a rule found, as data: the report layer words it in any locale.

    A fact rule matches a ``fact`` change, qualified as ``sensitive`` (Part 1
    Definition 5) or as a new use of data already ``collected`` (their codes). A clause
    or version rule names the ``event`` it saw (``reworded``, ``moved``...) and the
    ``values`` that event is told with (the clause label, old and new numbers...).
    """

    fact: "FactChange | None" = None
    event: str = "fact"
    values: Mapping[str, Any] = field(default_factory=dict)
    sensitive: bool = False
    collected: tuple[str, ...] = ()
    #: in the user's favour (True), against (False), or neither / cannot tell (None)
    favourable: bool | None = None


RuleFn = Callable[[Any, Any], Iterable[Match]]


@dataclass(frozen=True)
class Rule:
    """A named rule: its id, the level it sets, what it cites and why, and its function."""

    id: str
    level: str
    citation: str
    explanation: str
    target: Target
    fn: RuleFn
    #: a reading of the words, not of the facts: read upwards when in doubt, so a person's
    #: recorded decision may set it lower (a fact rule's level is a floor no decision goes below)
    decidable: bool = False
    #: a clause rule's reach where a fact rule judged the clause (:data:`OverFacts`)
    over_facts: OverFacts = "never"

    @property
    def doc(self) -> str:
        return (self.fn.__doc__ or "").strip()

    def __call__(self, change: Any, diff: Any) -> Iterable[Match]:
        return self.fn(change, diff)


def rule(id: str, level: str, citation: str, explanation: str, target: Target = "fact",
         decidable: bool = False, over_facts: OverFacts = "never") -> Callable[[RuleFn], RuleFn]:
    """Declare a rule function; the registry picks it up by id from the module's table.

    ``decidable`` marks a rule that reads words where the facts are silent: its level is a
    reading a person may overrule with a recorded decision, not a floor. ``over_facts`` says
    whether a clause rule also judges clauses a fact rule judged."""
    if level not in LEVELS:
        raise ValueError(f"rule {id}: unknown level {level!r}")

    def mark(fn: RuleFn) -> RuleFn:
        fn.rule = Rule(id, level, citation, explanation, target, fn, decidable, over_facts)  # type: ignore[attr-defined]
        return fn

    return mark


class RuleRegistry:
    """Rules in decision order; ``get`` and ``disable`` refuse unknown ids."""

    def __init__(self, functions: Iterable[RuleFn]):
        self._rules: list[Rule] = [fn.rule for fn in functions]  # type: ignore[attr-defined]
        self._disabled: set[str] = set()
        ids = [r.id for r in self._rules]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate rule ids in {ids}")

    def __iter__(self) -> Iterator[Rule]:
        return (r for r in self._rules if r.id not in self._disabled)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def get(self, rule_id: str) -> Rule:
        for r in self._rules:
            if r.id == rule_id:
                return r
        raise KeyError(f"unknown rule {rule_id!r} (known: {', '.join(r.id for r in self._rules)})")

    def for_target(self, target: Target) -> list[Rule]:
        return [r for r in self if r.target == target]

    def disable(self, *rule_ids: str) -> None:
        for rule_id in rule_ids:
            self.get(rule_id)
            self._disabled.add(rule_id)

    def enable(self, *rule_ids: str) -> None:
        for rule_id in rule_ids:
            self.get(rule_id)
            self._disabled.discard(rule_id)
