"""The change history of a policy: every published version compared with every earlier one.

A reader who last acknowledged version A needs what ``diff(A, current)`` requires,
compared directly, never added up from the steps between (DESIGN.md: a change made
and undone is no change). So the site classifies every pair (A, B) with A older than
B: the steps (consecutive pairs) feed the change history, the pairs ending at each
version feed ``versions.json``, and the steps and the pairs ending at the current
version get a redline page (the pop-up links to the latter).

n versions make n(n-1)/2 comparisons; with ``jobs > 1`` they are shared out among
forked worker processes, which send back only what the site shows (:class:`Comparison`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Policy, Version

#: Levels that make the pop-up appear (the others only reach the change history).
POPUP_LEVELS = ("material", "consent")


@dataclass(frozen=True)
class Finding:
    """A classified change as the site shows it (from :class:`generator.classify.runner.Finding`)."""

    clause: str | None
    level: str
    rule: str
    citation: str
    text: str
    #: the text in every site locale (English where it could not be worded again)
    texts: dict[str, str]


@dataclass(frozen=True)
class Comparison:
    """``diff(old, new)`` classified: what a reader of ``old`` needs to be told about ``new``."""

    old: "Version"
    new: "Version"
    level: str
    notification: str
    summary: str
    #: the material and consent findings, in document order (what the pop-up lists)
    popup_findings: tuple[Finding, ...]
    #: the redline as an HTML fragment ("" when the pair gets no redline page)
    redline_html: str = ""
    #: one line per locale: what decided the level, in the reader's words
    headlines: dict[str, str] = field(default_factory=dict, compare=False)

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


def load_policy(source_dir: str | Path) -> "Policy":
    """The policy under ``source_dir`` with its published versions, read quickly.

    libyaml through :mod:`generator.diffinputs` (which falls back to the precise loader,
    with ``path:line:col`` errors, on any doubt); the content hash of every published
    version is still checked. Drafts are never published, so they are not read.
    """
    import yaml

    from ..source.select import index_policy
    from ..errors import SourceError, SourceErrors
    from ..model import Policy

    index = index_policy(Path(source_dir))
    meta_path = Path(source_dir) / index.policy / "policy.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    if not isinstance(meta, dict) or not isinstance(meta.get("title"), str):
        raise SourceErrors([SourceError(meta_path, 1, 1, "policy.yaml needs an 'id' and a 'title'")])
    versions = tuple(e.load() for e in index.entries if e.status == "published")
    return Policy(id=index.policy, title=meta["title"], versions=versions)


# the versions a forked worker compares (inherited from the parent, never pickled)
_VERSIONS: "tuple[Version, ...]" = ()
_WORDS: dict = {}


def _finding_words(version: "Version") -> dict:
    from ..report.words import FindingWords
    from .l10n import SITE_LOCALES, localizer

    if not _WORDS:
        for loc in SITE_LOCALES:
            _WORDS[loc] = FindingWords(loc, localizer(version, loc).gettext)
    return _WORDS


def _compare_or_none(pair: tuple[int, int, bool]):
    """In a worker: the comparison, or None on any error (the parent then redoes the pair
    itself, so the real exception reaches the user whether or not it can be pickled)."""
    try:
        return _compare(pair)
    except Exception:
        return None


def _compare(pair: tuple[int, int, bool]) -> tuple[int, int, str, str, str, tuple[Finding, ...], str,
                                                   dict[str, str]]:
    from ..classify import classify
    from ..diff import compare
    from ..report import render_redline_fragment

    i, j, with_redline = pair
    versions = _VERSIONS
    report = classify(compare(versions[i], versions[j], between=versions[i + 1:j]))
    from ..report.words import localized_texts

    words = _finding_words(versions[-1])
    findings = tuple(Finding(f.clause, f.level, f.rule, f.citation, f.text,
                             localized_texts(f, report.diff.fact_changes, words))
                     for f in report.findings if f.level in POPUP_LEVELS)
    redline = render_redline_fragment(report) if with_redline else ""
    return i, j, report.level, report.notification, report.summary, findings, redline, _headlines(report, words)


def _headlines(report, words: dict) -> dict[str, str]:
    """``{locale: line}``: the findings that decided the level, the first two in full.

    This is the change history's one-line summary: "recipient added: data brokers"
    says more to a reader than the level and the counts the table already shows.
    """
    from ..report.words import localized_texts

    deciding = [f for f in report.findings if f.level == report.level]
    if report.level == "none" or not deciding:
        return {loc: w.words["unchanged"] for loc, w in words.items()}
    texts = [localized_texts(f, report.diff.fact_changes, words) for f in deciding]
    more = f" (+{len(texts) - 2})" if len(texts) > 2 else ""
    sep = {loc: "；" if loc.startswith("zh") else "; " for loc in words}
    return {loc: sep[loc].join(t[loc] for t in texts[:2]) + more for loc in words}


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def build_history(policy: "Policy", *, jobs: int = 1) -> History:
    """Classify every pair of published versions of ``policy`` (drafts are not published)."""
    global _VERSIONS
    versions = tuple(v for v in policy.versions if v.status == "published")
    last = len(versions) - 1
    todo = [(i, j, j == i + 1 or j == last) for j in range(len(versions)) for i in range(j)]
    _VERSIONS = versions
    _WORDS.clear()  # the catalogs may have changed since the last build in this process
    try:
        if jobs > 1 and len(todo) > 4:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(min(jobs, len(todo))) as pool:
                results = pool.map(_compare_or_none, todo, chunksize=max(1, len(todo) // (4 * jobs)))
            results = [r if r is not None else _compare(p) for p, r in zip(todo, results)]
        else:
            results = [_compare(p) for p in todo]
    finally:
        _VERSIONS = ()
    pairs = {}
    for i, j, level, notification, summary, findings, redline, headlines in results:
        cmp = Comparison(versions[i], versions[j], level, notification, summary, findings, redline, headlines)
        pairs[(versions[i].version, versions[j].version)] = cmp
    return History(policy, versions, pairs)
