"""The change history of a policy: every published version compared with every earlier one.

A reader who last acknowledged version A needs what ``diff(A, current)`` requires,
compared directly, never added up from the steps between (DESIGN.md: a change made
and undone is no change). So the site classifies every pair (A, B) with A older than
B: the steps (consecutive pairs) feed the change history, the pairs ending at each
version feed ``versions.json``, and the pairs ending at the current version get a
redline page too, for the pop-up to link to.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..classify.runner import Finding, Report
    from ..model import Policy, Version

#: Levels that make the pop-up appear (the others only reach the change history).
POPUP_LEVELS = ("material", "consent")


@dataclass(frozen=True)
class Comparison:
    """``diff(old, new)`` classified: what a reader of ``old`` needs to be told about ``new``."""

    old: "Version"
    new: "Version"
    report: "Report"

    @property
    def slug(self) -> str:
        """The redline page's folder name: ``<old>-to-<new>``."""
        return f"{self.old.version}-to-{self.new.version}"

    @property
    def level(self) -> str:
        return self.report.level

    @property
    def notification(self) -> str:
        return self.report.notification

    @property
    def summary(self) -> str:
        return self.report.summary

    @property
    def popup_findings(self) -> "list[Finding]":
        """The findings the pop-up lists: material and consent ones, in document order."""
        return [f for f in self.report.findings if f.level in POPUP_LEVELS]

    @cached_property
    def redline_html(self) -> str:
        from ..diff import render_redline_fragment

        return render_redline_fragment(self.report)


@dataclass(frozen=True)
class History:
    """Published versions, oldest first, and the classified diff of every pair of them."""

    policy: "Policy"
    versions: "tuple[Version, ...]"
    pairs: dict[tuple[str, str], Comparison]

    @property
    def current(self) -> "Version":
        return self.versions[-1]

    def steps(self) -> list[Comparison]:
        """Each version compared with the one before it (the change history), oldest first."""
        return [self.pairs[(a.version, b.version)] for a, b in zip(self.versions, self.versions[1:])]

    def since(self, version: "Version") -> list[Comparison]:
        """``diff(A, version)`` for every earlier published A, oldest A first."""
        return [self.pairs[(a.version, version.version)] for a in self.versions
                if (a.version, version.version) in self.pairs]

    def redlines(self) -> list[Comparison]:
        """Comparisons that get a redline page: every step, and every A against the current."""
        chosen = {c.slug: c for c in self.steps()}
        chosen.update({c.slug: c for c in self.since(self.current)})
        return sorted(chosen.values(), key=lambda c: (c.new.updated_on, c.new.version,
                                                      c.old.updated_on, c.old.version))


def build_history(policy: "Policy") -> History:
    """Classify every pair of published versions of ``policy`` (drafts are not published)."""
    from ..classify import classify
    from ..diff import compare

    versions = tuple(v for v in policy.versions if v.status == "published")
    pairs: dict[tuple[str, str], Comparison] = {}
    for j, new in enumerate(versions):
        for i, old in enumerate(versions[:j]):
            diff = compare(old, new, between=versions[i + 1:j])
            pairs[(old.version, new.version)] = Comparison(old, new, classify(diff))
    return History(policy, versions, pairs)
