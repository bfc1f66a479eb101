"""The change history of a policy: every published version compared with every earlier one.

A reader who last acknowledged version A needs what ``diff(A, current)`` requires,
compared directly, never added up from the steps between (DESIGN.md: a change made
and undone is no change). So the site classifies every pair (A, B) with A older than
B: the steps (consecutive pairs) feed the change history, the pairs ending at each
version feed ``versions.json``, and the steps and the pairs ending at the current
version get a redline page (the pop-up links to the latter).

n versions make n(n-1)/2 comparisons; with ``jobs > 1`` they are shared out among
forked processes (:func:`.parallel.fork_map`), which send back only what the site shows
(:class:`Comparison`): the findings as data, and the sentences only the whole report
can make (its summary and redline) in every site locale.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .parallel import fork_map

if TYPE_CHECKING:
    from ..classify import Finding
    from ..model import Policy, Version
    from ..report import Words

#: Levels that make the pop-up appear (the others only reach the change history).
POPUP_LEVELS = ("material", "consent")


@dataclass(frozen=True)
class Comparison:
    """``diff(old, new)`` classified: what a reader of ``old`` needs to be told about ``new``."""

    old: "Version"
    new: "Version"
    level: str
    notification: str
    #: the material and consent findings, in document order (what the pop-up lists)
    popup_findings: "tuple[Finding, ...]"
    #: the findings at the diff's own level: what decided it (the history's one line)
    deciding: "tuple[Finding, ...]"
    #: the report's one-line summary, per locale
    summaries: dict[str, str]
    #: the redline as an HTML fragment, per locale (empty when the pair gets no redline page)
    redlines: dict[str, str]

    @property
    def slug(self) -> str:
        """The redline page's folder name: ``<old>-to-<new>``."""
        return f"{self.old.version}-to-{self.new.version}"


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


def build_history(policy: "Policy", *, words: "dict[str, Words] | None" = None, jobs: int = 1) -> History:
    """Classify every pair of published versions of ``policy`` (drafts are not published).

    ``words`` gives the sentences of each locale (default: every site locale,
    :func:`.l10n.site_words` of the newest published version).
    """
    from ..classify import classify
    from ..diff import compare
    from ..report import render_redline_fragment
    from .l10n import SITE_LOCALES, site_words

    versions = tuple(v for v in policy.versions if v.status == "published")
    last = len(versions) - 1
    if words is None:
        words = {loc: site_words(versions[-1], loc) for loc in SITE_LOCALES} if versions else {}
    todo = [(i, j) for j in range(len(versions)) for i in range(j)]

    def compare_pair(pair: tuple[int, int]) -> Comparison:
        i, j = pair
        report = classify(compare(versions[i], versions[j], between=versions[i + 1:j]))
        with_redline = j == i + 1 or j == last
        return Comparison(
            versions[i], versions[j], report.level, report.notification,
            popup_findings=tuple(f for f in report.findings if f.level in POPUP_LEVELS),
            deciding=tuple(f for f in report.findings if f.level == report.level),
            summaries={loc: w.summary(report) for loc, w in words.items()},
            redlines={loc: render_redline_fragment(report, w) if with_redline else ""
                      for loc, w in words.items()})

    pairs = {(c.old.version, c.new.version): c for c in fork_map(compare_pair, todo, jobs)}
    return History(policy, versions, pairs)
