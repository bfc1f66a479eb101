"""A compliance regression: the new version no longer states what the law requires.

Not a Section VIII item: Section VIII says which changes users must be told of; this rule
says which changes take away a disclosure the notice owes them at collection (GDPR Art.
13-14, PIPL Art. 17, 23, 30, 39, 11 CCR § 7012). A requirement the old version met and the
new one meets only in part, or not at all, is a finding of its own: a person decides, and
fixes the text. The checks are the lint's (:mod:`generator.lint`), run on both versions.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...lint import book_of_version, lint, regressions
from ...model.base import N_
from ..registry import Match, rule


@rule("compliance-regression", "review", N_("GDPR Art. 13-14; PIPL Art. 17, 23, 30, 39; 11 CCR § 7012 (notices lint)"),
      N_("A requirement the old version met is now only partly met, or missing: a person decides."),
      target="version")
def compliance_regression(diff, _diff) -> Iterator[Match]:
    """Lint both versions; one match per requirement that went from met to partial or missing,
    naming it, its citation, what is now lacking and the clauses that met it before."""
    for r in regressions(lint(book_of_version(diff.old)), lint(book_of_version(diff.new))):
        yield Match(event="compliance-regression", favourable=False, values={
            "requirement": r.requirement.id, "title": r.requirement.title, "citation": r.requirement.citation,
            "status": r.new.status, "lacking": tuple(e for e in r.new.gaps), "clauses": r.old.clauses})
