"""Classify a diff against Section VIII of the statement.

Public API (stable)::

    from generator.classify import classify
    report = classify(compare(old, new))
    report.level, report.notification, report.findings

    from generator.report import render_report, report_to_json   # words and JSON

The rules live in :mod:`generator.classify.rules` (one registry, in decision order);
``notices rules`` lists them.
"""
from __future__ import annotations

from .levels import LEVELS as LEVELS
from .levels import NOTIFICATIONS as NOTIFICATIONS
from .registry import Match as Match
from .registry import Rule as Rule
from .registry import RuleRegistry as RuleRegistry
from .rules import default_registry as default_registry
from .runner import DecisionError as DecisionError
from .runner import Finding as Finding
from .runner import Report as Report
from .runner import classify as classify
from .runner import stale_decisions as stale_decisions

__all__ = ["LEVELS", "NOTIFICATIONS", "Match", "Rule", "RuleRegistry", "default_registry", "DecisionError", "Finding", "Report", "classify",
           "stale_decisions"]
