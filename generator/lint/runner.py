"""Run the requirements over a notice's facts, and compare two runs (compliance regressions)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .registry import LAWS, STATUSES, Outcome, Requirement, RequirementRegistry

if TYPE_CHECKING:
    from .book import FactBook


@dataclass(frozen=True)
class Result:
    """One requirement checked on one notice."""

    requirement: Requirement
    outcome: Outcome

    @property
    def status(self) -> str:
        return self.outcome.status


@dataclass(frozen=True)
class LintReport:
    """Every requirement of the chosen laws, checked on one notice, in registry order."""

    name: str
    laws: tuple[str, ...]
    results: tuple[Result, ...]

    def counts(self) -> dict[str, int]:
        return {status: sum(1 for r in self.results if r.status == status) for status in STATUSES}

    def reaches(self, fail_on: str) -> bool:
        """Whether a result is as bad as ``fail_on`` (``missing``, or ``partial`` and worse)."""
        floor = STATUSES.index(fail_on)
        return any(STATUSES.index(r.status) >= floor for r in self.results)

    def get(self, requirement_id: str) -> Result:
        return next(r for r in self.results if r.requirement.id == requirement_id)


def lint(book: "FactBook", laws: Iterable[str] = LAWS, registry: RequirementRegistry | None = None) -> LintReport:
    """Check ``book`` against every requirement of ``laws`` (default: all)."""
    from .requirements import default_registry

    laws = tuple(law for law in LAWS if law in set(laws))
    requirements = (registry if registry is not None else default_registry()).for_laws(laws)
    return LintReport(book.name, laws, tuple(Result(r, r(book)) for r in requirements))


@dataclass(frozen=True)
class Regression:
    """A requirement the old notice met and the new one meets only in part, or not at all."""

    requirement: Requirement
    old: Outcome
    new: Outcome


def regressions(old: LintReport, new: LintReport) -> list[Regression]:
    """Requirements ``met`` in ``old`` and ``partial`` or ``missing`` in ``new``."""
    before = {r.requirement.id: r for r in old.results}
    return [Regression(r.requirement, before[r.requirement.id].outcome, r.outcome) for r in new.results
            if r.requirement.id in before and before[r.requirement.id].status == "met"
            and r.status in ("partial", "missing")]
