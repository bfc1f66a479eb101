"""Run the rules over a diff, apply recorded decisions, and build the report.

For each change (a version-level fact change, a clause change, the version's
metadata) the first rule in registry order that matches decides its level. A
recorded decision (``decisions`` in the new version's metadata) then replaces the
``review`` (or lower) findings of its clause, and the findings of rules that read words
where the facts are silent (``decidable``); it may not go below a level any other rule set,
and it must name a clause the diff changes. The diff's level is the highest level
of its findings, and the notification follows from it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import NoticesError, SourceError
from .levels import NOTIFICATIONS, highest, rank
from .registry import Match


if TYPE_CHECKING:
    from ..diff import FactChange, VersionDiff
    from ..model import Decision
    from .registry import RuleRegistry

@dataclass(frozen=True)
class Finding:
    """One classified change: where, which rule decided it and why, and what it saw.

    ``match`` is what the rule found, as data (the fact change and its qualifiers, or
    the clause event); :mod:`generator.report.words` puts it into words in any locale.
    ``rule_level`` is the level the rule set; ``level`` differs from it only when a
    recorded ``decision`` settled the change (``decided_in`` names the version that
    recorded it).
    """

    clause: str | None
    change: str
    level: str
    rule: str
    citation: str
    explanation: str
    match: Match
    clauses: tuple[str, ...] = ()
    rule_level: str = ""
    decision: "Decision | None" = None
    decided_in: str | None = None
    #: the rule read the words, not the facts: a recorded decision may set another level
    decidable: bool = False

    @property
    def fact(self) -> "FactChange | None":
        """The fact change this finding is about (None for a clause or version event)."""
        return self.match.fact


class DecisionError(NoticesError):
    """Recorded decisions that do not fit the diff, each a :class:`SourceError` whose
    location is a data path (``("decisions", index, field)``) in the new version's metadata.

    The caller that knows the file (the CLI) turns the data path into ``path:line``.
    """

    def __init__(self, policy: str, version: str, problems: list[SourceError]):
        self.policy, self.version, self.problems = policy, version, problems
        super().__init__("\n".join(f"{policy}/{version}: {p}" for p in problems))


@dataclass(frozen=True)
class Report:
    """The classified diff: findings, the highest level, and the notification it requires.

    ``notification`` is a key (none | changelog | notice | consent);
    ``notification_label`` says it in English (a msgid). The words of the findings
    and the JSON form are the report layer's (:mod:`generator.report`).
    """

    diff: "VersionDiff"
    findings: tuple[Finding, ...]
    level: str
    notification: str
    notification_label: str

    @property
    def needs_review(self) -> bool:
        """A change is still ``review``: a person has to record a decision."""
        return any(f.level == "review" for f in self.findings)

    def clause_level(self, clause_id: str) -> str:
        """The highest level of the findings on a clause (a division: on what it contains)."""
        own = [f.level for f in self.findings if clause_id in (f.clause, *f.clauses)]
        if own or clause_id not in self.diff.fact_subtrees:
            return highest(own)
        nodes = (self.diff.old_nodes, self.diff.new_nodes)
        return highest([f.level for f in self.findings for c in f.clauses
                        if any(c in n and clause_id in n[c].path for n in nodes)])

    def rules(self) -> list[str]:
        """Ids of the rules that decided something, in finding order, each once."""
        return list(dict.fromkeys(f.rule for f in self.findings))


def classify(diff: "VersionDiff", registry: "RuleRegistry | None" = None) -> Report:
    """Classify every change of ``diff`` against Section VIII; raise DecisionError for bad decisions."""
    from .rules import default_registry

    rules = registry if registry is not None else default_registry()
    findings: list[Finding] = []
    # facts decide clause by clause: a fact that survives in another clause is still a
    # change of this one (rules ask the diff when novelty matters: diff.stated_before)
    for change in diff.changes:
        for fc in change.facts:
            findings.extend(_first_match(rules.for_target("fact"), fc, diff, (change.id,), f"{fc.kind} {fc.change}"))
    for r in rules.for_target("version"):
        findings.extend(_matches(r, diff, diff, (), "metadata"))
    diff = replace(diff, decided_by_facts=frozenset(f.clause for f in findings if f.clause))
    for change in diff.changes:
        # where facts decided a clause, its wording is theirs to explain, except for the clause
        # rules that say otherwise (Rule.over_facts: a move; words a listed fact does not record)
        reach = _reach(change.id, findings, diff.decided_by_facts)
        clause_rules = [r for r in rules.for_target("clause") if r.over_facts in reach]
        findings.extend(_first_match(clause_rules, change, diff, (change.id,), change.kind))
    findings = _apply_decisions(findings, diff)
    order = {c.id: i for i, c in enumerate(diff.changes)}
    findings.sort(key=lambda f: order.get(f.clause, -1) if f.clause else -1)
    level = highest([f.level for f in findings])
    key, label = NOTIFICATIONS[level]
    return Report(diff, tuple(findings), level, key, label)


def _reach(clause: str, findings: list[Finding], decided_by_facts: frozenset[str]) -> frozenset[str]:
    """The ``Rule.over_facts`` values of the clause rules that judge ``clause``."""
    if clause not in decided_by_facts:
        return frozenset({"never", "always", "below-listed"})
    facts_said = highest([f.level for f in findings if f.clause == clause])
    return frozenset({"always", "below-listed"} if rank(facts_said) <= rank("review") else {"always"})


def _matches(rule, change, diff, clauses, kind) -> list[Finding]:
    return [Finding(clauses[0] if clauses else None, kind, rule.level, rule.id, rule.citation,
                    rule.explanation, match, tuple(clauses), rule.level, decidable=rule.decidable)
            for match in rule(change, diff)]


def _first_match(rules, change, diff, clauses, kind) -> list[Finding]:
    for r in rules:
        found = _matches(r, change, diff, clauses, kind)
        if found:
            return found
    return []


def _apply_decisions(findings: list[Finding], diff: "VersionDiff") -> list[Finding]:
    changed = {c.id for c in diff.changes}
    problems: list[SourceError] = []

    def problem(index: int, field: str, message: str) -> None:
        problems.append(SourceError(None, None, None, message, ("decisions", index, field)))

    decided: dict[str, tuple["Decision", str]] = {}
    stale = {i for i, _ in stale_decisions(diff)}
    for i, d in enumerate(diff.decisions):
        if i in stale:  # the clause changed again since: a person decides again
            continue
        if d.clause not in changed:
            problem(i, "clause", f"decision names clause {d.clause!r}, which this diff does not change")
            continue
        floor = fact_floor(findings, d.clause)
        if floor and rank(d.level) < rank(floor.level):
            problem(i, "level", f"decision level {d.level!r} is lower than {floor.level!r} "
                                f"set by rule {floor.rule} for clause {d.clause!r}")
            continue
        decided.setdefault(d.clause, (d, diff.new.version))
    if problems:
        raise DecisionError(diff.new.policy, diff.new.version, problems)
    for d, v in diff.inherited_decisions:
        if d.clause in changed and d.clause not in decided and _reads_as_decided(diff, d.clause, v):
            floor = fact_floor(findings, d.clause)
            if not floor or rank(d.level) >= rank(floor.level):
                decided[d.clause] = (d, v.version)
    out: list[Finding] = []
    for f in findings:
        hit = decided.get(f.clause) if f.clause else None
        if hit and (rank(f.level) <= rank("review") or f.decidable):
            out.append(replace(f, level=hit[0].level, decision=hit[0], decided_in=hit[1]))
        else:
            out.append(f)
    for clause, (d, v) in decided.items():
        if not any(f.clause == clause and f.decision is d for f in out) and \
                rank(d.level) > rank(highest([f.level for f in out if f.clause == clause])):
            out.append(Finding(clause, "decision", d.level, "recorded-decision", "recorded decision",
                               "A person's recorded decision raised the level.",
                               Match(event="decision", values={"rationale": d.rationale}),
                               (clause,), "none", d, v))
    return out


def stale_decisions(diff: "VersionDiff") -> list[tuple[int, "Decision"]]:
    """The new version's decisions made on a clause that has changed since (its recorded
    ``clause_hash`` is not the clause's hash now), with their index: they no longer apply."""
    now = diff.new.clause_hashes_now()
    return [(i, d) for i, d in enumerate(diff.decisions)
            if d.clause_hash is not None and now.get(d.clause) != d.clause_hash]


def fact_floor(findings: list[Finding], clause: str) -> Finding | None:
    """The highest finding above ``review`` on a clause that is not a reading of words (a
    ``decidable`` rule's): a decision may not go below it."""
    above = [f for f in findings if clause in f.clauses and rank(f.rule_level) > rank("review")
             and not f.decidable]
    return max(above, key=lambda f: rank(f.rule_level), default=None)


def _reads_as_decided(diff: "VersionDiff", clause: str, version) -> bool:
    node = version.clause_map().get(clause)
    new = diff.new_nodes.get(clause)
    return node is not None and new is not None and node.obj == new.obj
