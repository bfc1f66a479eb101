"""The change history of a policy: the comparisons its readers need, and no others.

A reader who last acknowledged version A needs what ``diff(A, current)`` requires,
compared directly, never added up from the steps between (DESIGN.md: a change made
and undone is no change). Readers only ever need two kinds of comparison:

- the **steps** (each version against the one before it): the change history;
- each version against a **target**, a version that is in effect or will be while the
  site is served: the current one and every upcoming one (the pop-up decides by the
  reader's clock, so a reader of any A needs ``diff(A, U)`` on U's effective date).

So n versions with u upcoming make at most (n - 1) + n(1 + u) comparisons, linear in
the history (:func:`planned_pairs`), where comparing every pair made n(n-1)/2. Each
chosen comparison gets a redline page. With ``jobs > 1`` they are shared out among
forked processes (:func:`.parallel.fork_map`), which send back only what the site shows
(:class:`Comparison`): the findings as data, and the sentences only the whole report
can make (its summary and redline) in every site locale.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import NoticesError
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
    #: the redline as an HTML fragment, per locale
    redlines: dict[str, str]

    @property
    def slug(self) -> str:
        """The redline page's folder name: ``<old>-to-<new>``."""
        return f"{self.old.version}-to-{self.new.version}"


@dataclass(frozen=True)
class History:
    """Published versions, oldest first, the one in effect, and the classified comparisons
    readers need (:func:`planned_pairs`): ``pairs`` holds those, keyed by version ids.

    ``current`` is the version in effect on the build's date (``as_of``); ``upcoming``
    the published versions that take effect later (announced in advance: their banner,
    redline and pop-up say when).
    """

    policy: "Policy"
    versions: "tuple[Version, ...]"
    pairs: dict[tuple[str, str], Comparison]
    current: "Version"
    upcoming: "tuple[Version, ...]" = ()
    as_of: "dt.date | None" = None

    def steps(self) -> list[Comparison]:
        """Each version compared with the one before it (the change history), oldest first."""
        return [self.pairs[(a.version, b.version)] for a, b in zip(self.versions, self.versions[1:])]

    def targets(self) -> "tuple[Version, ...]":
        """The versions a reader may be asked about: the current one, then each upcoming."""
        return (self.current, *self.upcoming) if self.current else ()

    def since(self, version: "Version") -> list[Comparison]:
        """``diff(A, version)`` for every earlier A that was compared with it, oldest A first:
        every earlier version for a target, the predecessor only for any other version."""
        return [self.pairs[(a.version, version.version)] for a in self.versions
                if (a.version, version.version) in self.pairs]

    def announcing(self, version: "Version") -> "Comparison | None":
        """For an upcoming version: ``diff(current, version)``, what its advance notice shows."""
        return self.pairs.get((self.current.version, version.version))

    def redlines(self) -> list[Comparison]:
        """Comparisons that get a redline page: every one the build made (every step, and
        every version against each target)."""
        return sorted(self.pairs.values(), key=lambda c: (c.new.updated_on, c.new.version,
                                                      c.old.updated_on, c.old.version))


class NothingInEffect(NoticesError):
    """No published version has taken effect on the date the site is built for."""


def shown_versions(policy: "Policy", as_of: "dt.date | None") -> "tuple[tuple[Version, ...], Version, tuple[Version, ...]]":
    """The published versions a site built ``as_of`` shows (those published by then), the
    one in effect, and those still to take effect; ``as_of`` None: the latest is in effect."""
    from ..model import in_effect

    published = [v for v in policy.versions if v.status == "published"]
    versions = tuple(v for v in published if as_of is None or v.published_date <= as_of)
    if not published:
        return (), None, ()
    if not versions:
        raise NothingInEffect(f"no published version of {policy.id} is in effect on {as_of} "
                              f"(the first was published on {published[0].published_date}; use --as-of)")
    current = versions[-1] if as_of is None else in_effect(list(versions), as_of)
    if current is None:
        raise NothingInEffect(f"no published version of {policy.id} is in effect on {as_of} "
                              f"(the first takes effect on {versions[0].effective_date}; use --as-of)")
    at = versions.index(current)
    return versions, current, versions[at + 1:]


def planned_pairs(count: int, current: int) -> list[tuple[int, int]]:
    """The comparisons a history of ``count`` versions needs (indexes, oldest first), with
    the version at index ``current`` in effect and every later one upcoming: each step
    ``(i, i + 1)`` and every ``(i, t)`` with ``t`` a target (``current`` or later).

    Linear in ``count`` for a given number of upcoming versions: at most
    ``(count - 1) + count * (count - current)`` pairs."""
    chosen = {(i, i + 1) for i in range(count - 1)}
    chosen.update((i, t) for t in range(current, count) for i in range(t))
    return sorted(chosen, key=lambda p: (p[1], p[0]))


def build_history(policy: "Policy", *, as_of: "dt.date | None" = None, words: "dict[str, Words] | None" = None,
                  jobs: int = 1) -> History:
    """Classify the comparisons readers need (:func:`planned_pairs`) among the published
    versions of ``policy`` shown on ``as_of`` (drafts are not published).

    ``words`` gives the sentences of each locale (default: every site locale,
    :func:`.l10n.site_words` of the newest published version).
    """
    from ..classify import classify
    from ..diff import compare
    from ..report import render_redline_fragment
    from .l10n import SITE_LOCALES, site_words

    versions, current, upcoming = shown_versions(policy, as_of)
    if not versions:
        return History(policy, (), {}, None, (), as_of)  # type: ignore[arg-type]
    now = versions.index(current)
    if words is None:
        words = {loc: site_words(versions[-1], loc) for loc in SITE_LOCALES}
    todo = planned_pairs(len(versions), now)

    def compare_pair(pair: tuple[int, int]) -> Comparison:
        i, j = pair
        report = classify(compare(versions[i], versions[j], between=versions[i + 1:j]))
        return Comparison(
            versions[i], versions[j], report.level, report.notification,
            popup_findings=tuple(f for f in report.findings if f.level in POPUP_LEVELS),
            deciding=tuple(f for f in report.findings if f.level == report.level),
            summaries={loc: w.summary(report) for loc, w in words.items()},
            redlines={loc: render_redline_fragment(report, w) for loc, w in words.items()})

    pairs = {(c.old.version, c.new.version): c for c in fork_map(compare_pair, todo, jobs)}
    return History(policy, versions, pairs, current, upcoming, as_of)
