"""Compliance lint: does a notice state, as typed facts, what the law requires at collection?

Public API::

    from generator.lint import book_of_version, lint
    report = lint(book_of_version(version), laws=("gdpr",))
    for result in report.results:
        result.requirement.id, result.status, result.outcome.clauses, result.outcome.gaps

One check per requirement (GDPR Art. 13-14, PIPL Art. 17, 23, 30, 39, CCPA/CPRA
11 CCR § 7012) in :mod:`.requirements`, registered like the classifier's rules; they read
facts only, never prose. Words are the report layer's (:mod:`generator.report.lint`).
This layer imports only the model, so the classifier can use it (compliance regressions).
"""
from __future__ import annotations

from .book import FactBook as FactBook
from .book import Stated as Stated
from .book import book_of as book_of
from .book import book_of_version as book_of_version
from .registry import LAWS as LAWS
from .registry import STATUSES as STATUSES
from .registry import Element as Element
from .registry import Outcome as Outcome
from .registry import Requirement as Requirement
from .registry import RequirementRegistry as RequirementRegistry
from .requirements import default_registry as default_registry
from .runner import LintReport as LintReport
from .runner import Regression as Regression
from .runner import Result as Result
from .runner import lint as lint
from .runner import regressions as regressions

__all__ = ["FactBook", "Stated", "book_of", "book_of_version", "LAWS", "STATUSES", "Element", "Outcome",
           "Requirement", "RequirementRegistry", "default_registry", "LintReport", "Regression", "Result",
           "lint", "regressions"]
