"""The editor's workflow: draft a new version, decide what the classifier could not,
publish with an effective date.

Public API::

    from generator.workflow import new_version, pending_decisions, record_decisions, publish
    draft = new_version("notices", date=dt.date(2026, 12, 1))      # a draft folder
    pending = pending_decisions("notices", draft.version)           # review findings, stale decisions
    record_decisions("notices", draft.version, [...])               # into version.yaml
    publish("notices", draft.version, effective=dt.date(2027, 1, 1))  # or PublishRefused

Each step writes the source files (atomically, keeping the editor's layout) and reads
them back with the project's loader, so nothing it writes fails ``notices validate``.
"""
from __future__ import annotations

from .decide import DecisionInput, Pending, pending_decisions, record_decisions
from .new_version import NewVersion, new_version
from .publish import PublishRefused, Published, publish, publish_problems

__all__ = ["DecisionInput", "Pending", "pending_decisions", "record_decisions", "NewVersion", "new_version",
           "PublishRefused", "Published", "publish", "publish_problems"]
