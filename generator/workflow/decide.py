"""``decide``: record a person's decision on every change the classifier left at ``review``.

The classifier decides what Section VIII lets it decide; a change of wording with no
change of fact is ``review`` until a person records a level and a rationale in the
version's ``decisions`` (GitHub's site-policy process works the same way). Each
decision carries the clause's hash when it was made: if the clause changes again, the
decision is *stale*, no longer applies, and the clause is back at ``review``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..classify import classify, stale_decisions
from ..classify.levels import rank
from ..classify.runner import fact_floor
from ..diff import compare
from ..errors import UsageError
from ..model import Decision
from ..source import choose_versions, load_version
from ..source.select import index_policy
from .yamledit import edited_mapping, write_text

if TYPE_CHECKING:
    from ..classify import Finding, Report
    from ..source.select import DiffInputs

#: the levels a person may decide (``review`` is what asks for a decision)
DECIDABLE = ("none", "editorial", "material", "consent")


@dataclass(frozen=True)
class Pending:
    """What ``diff(previous published, version)`` still needs from a person."""

    inputs: "DiffInputs"
    report: "Report"
    #: findings at ``review``: each needs a decision on its clause
    undecided: "tuple[Finding, ...]"
    #: (index in ``decisions``, decision) made on a clause that has changed since
    stale: tuple[tuple[int, Decision], ...]
    #: findings read from the words (``decidable`` rules) no one has decided: their level
    #: stands (read upwards), and a person may record another
    readings: "tuple[Finding, ...]" = ()

    @property
    def clauses(self) -> list[str]:
        """The clauses that need a decision, in document order, each once."""
        return list(dict.fromkeys(f.clause for f in self.undecided if f.clause))

    @property
    def decidable_clauses(self) -> list[str]:
        """The clauses a decision may be recorded on: those that need one, those read from
        the words, and those whose decision is stale."""
        return list(dict.fromkeys([*self.clauses, *(f.clause for f in self.readings if f.clause),
                                   *(d.clause for _, d in self.stale)]))


@dataclass(frozen=True)
class DecisionInput:
    """A decision as a person gives it (the clause hash is the workflow's to record)."""

    clause: str
    level: str
    rationale: str
    decided_by: str
    decided_on: dt.date


def previous_published(source_dir: str | Path, version: str, policy: str | None = None) -> str:
    """The latest published version before ``version``: what its diff is against."""
    index = index_policy(Path(source_dir), policy)
    entry = index.get(version)
    earlier = [e for e in index.entries if e.status == "published" and e.order < entry.order]
    if not earlier:
        raise UsageError(f"version {version} has no published version before it to compare with")
    return earlier[-1].version


def pending_decisions(source_dir: str | Path, version: str, policy: str | None = None) -> Pending:
    """The ``review`` findings of ``diff(previous published, version)`` and its stale decisions.

    Raises :class:`~generator.classify.DecisionError` when a recorded decision does not
    fit the diff (the CLI locates it in version.yaml).
    """
    inputs = choose_versions(source_dir, previous_published(source_dir, version, policy), version,
                             policy=policy)
    diff = compare(inputs.old, inputs.new, between=inputs.between, old_label=inputs.old_label,
                   new_label=inputs.new_label)
    report = classify(diff)
    undecided = tuple(f for f in report.findings if f.level == "review")
    readings = tuple(f for f in report.findings if f.decidable and f.decision is None and f.level != "review")
    return Pending(inputs, report, undecided, tuple(stale_decisions(diff)), readings)


def record_decisions(source_dir: str | Path, version: str, decisions: list[DecisionInput],
                     policy: str | None = None) -> Pending:
    """Record ``decisions`` in ``version``'s metadata (replacing any earlier one on the same
    clause) and return what is still pending.

    Each must name a clause that needs a decision, at a level a person may decide and not
    below what a fact rule set; nothing is written unless all of them are acceptable.
    """
    pending = pending_decisions(source_dir, version, policy)
    new = pending.inputs.new
    if new.status == "published":
        raise UsageError(f"version {version} is published: its decisions are part of the record "
                         "(make a new version)")
    open_clauses = set(pending.decidable_clauses)
    problems = []
    for d in decisions:
        if d.level not in DECIDABLE:
            problems.append(f"{d.clause}: level {d.level!r} is not a decision (one of {', '.join(DECIDABLE)})")
        elif d.clause not in open_clauses:
            listed = ", ".join(sorted(open_clauses)) or "none"
            problems.append(f"{d.clause}: no change of this clause awaits or allows a decision (open: {listed})")
        elif not d.rationale.strip() or not d.decided_by.strip():
            problems.append(f"{d.clause}: a decision needs a rationale and who decided")
        else:
            floor = fact_floor(list(pending.report.findings), d.clause)
            if floor and rank(d.level) < rank(floor.rule_level):
                problems.append(f"{d.clause}: level {d.level!r} is below {floor.rule_level!r}, "
                                f"which rule {floor.rule} set")
    hashes = new.clause_hashes_now()
    chosen = {}
    for d in decisions if not problems else ():
        try:
            chosen[d.clause] = Decision(clause=d.clause, level=d.level, rationale=d.rationale.strip(),
                                        decided_by=d.decided_by.strip(), decided_on=d.decided_on,
                                        clause_hash=hashes[d.clause])
        except ValidationError as e:  # a bidi control in the rationale, say
            problems += [f"{d.clause}: {err['loc'][0]}: {err['msg'].removeprefix('Value error, ')}"
                         for err in e.errors()]
    if problems:
        raise UsageError("\n".join(problems))
    path = pending.inputs.new_metadata

    def edit(data) -> None:
        kept = [d for d in data.get("decisions") or [] if d.get("clause") not in chosen]
        data["decisions"] = kept + [d.model_dump(mode="python", exclude_none=True) for d in chosen.values()]

    write_text(path, edited_mapping(path, edit))
    load_version(path.parent, new.policy)  # it reads back
    return pending_decisions(source_dir, version, policy)
