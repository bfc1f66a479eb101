"""Which merchants' customer notices a platform change touches, and how much it matters.

A merchant is impacted exactly when its notice, rendered from the old and from
the new version (in its locale, or the locales asked for), differs. For each
impacted merchant the report names the platform clauses its notice quotes that
changed, and the highest level the classifier gave those clauses, with the rules
that decided it. A notice can change at level ``none`` (a no-break space, a quote
style): its bytes differ, but no re-notification is needed.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..classify import classify
from ..classify.levels import highest
from ..diff import compare
from ..errors import SourceError
from ..i18n.locales import negotiate
from .batch import Renderers, default_locale
from .reader import Record, iter_profiles

if TYPE_CHECKING:
    from ..model import Version


@dataclass(frozen=True)
class MerchantImpact:
    """One merchant whose notice changes: the clauses behind the change and their level."""

    merchant: str
    line: int
    locales: tuple[str, ...]
    clauses: tuple[str, ...]
    level: str = "none"
    rules: tuple[str, ...] = ()


@dataclass
class ImpactReport:
    old: str
    new: str
    merchants: int = 0
    changed: list[MerchantImpact] = field(default_factory=list)
    failures: list[SourceError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old, "new": self.new,
            "merchants": self.merchants, "impacted": len(self.changed),
            "changed": [asdict(m) for m in self.changed],
            "failures": [{"path": str(e.path), "line": e.line, "message": e.message} for e in self.failures],
        }


def classified_findings(old: Version, new: Version) -> list[tuple[str, str, str]]:
    """(clause id, level, rule id) of every finding of the classifier on ``old`` -> ``new``."""
    out = []
    for f in classify(compare(old, new)).findings:
        for clause in dict.fromkeys(c for c in (f.clause, *f.clauses) if c):
            out.append((clause, f.level, f.rule))
    return out


def _clause_key(version: Version, clause_id: str) -> Any:
    node = version.clause_map().get(clause_id)
    if node is None:
        return None
    items = tuple(i.text for i in getattr(node.obj, "items", ()) if getattr(i, "text", None))
    return (node.text or "", items, tuple(sorted(repr(f) for f in node.facts)))


def changed_clauses(old: Version, new: Version, clause_ids: Iterable[str]) -> tuple[str, ...]:
    """Which of ``clause_ids`` differ (text as written, list items or facts) or exist in one version only."""
    return tuple(i for i in dict.fromkeys(clause_ids) if _clause_key(old, i) != _clause_key(new, i))


def impact(old: Version, new: Version, profiles: str | Path | Iterable[Record], *,
           locales: Iterable[str] | None = None, formats: Iterable[str] = ("html",),
           allow_fallback: bool = False) -> ImpactReport:
    """Merchants whose notices differ between ``old`` and ``new``, in file order."""
    records = list(iter_profiles(profiles) if isinstance(profiles, (str, Path)) else profiles)
    wanted = [negotiate(t) for t in locales] if locales else None
    formats = tuple(formats)
    before, after = Renderers(old, allow_fallback), Renderers(new, allow_fallback)
    report = ImpactReport(old.version, new.version, merchants=len(records))
    findings = classified_findings(old, new)
    for record in records:
        if record.profile is None:
            report.failures.extend(record.errors)
            continue
        profile = record.profile
        targets = wanted or [default_locale(profile)[0]]
        differs = [loc for loc in targets
                   if any(before(loc, f).render(profile) != after(loc, f).render(profile) for f in formats)]
        if not differs:
            continue
        loc = differs[0]
        drawn = before(loc, formats[0]).drawn_clauses(profile) + after(loc, formats[0]).drawn_clauses(profile)
        clauses = changed_clauses(old, new, drawn)
        mine = [(c, lv, r) for c, lv, r in findings if c in set(drawn)]
        level = highest([lv for _c, lv, _r in mine])
        rules = tuple(dict.fromkeys(r for _c, _lv, r in mine))
        clauses = tuple(dict.fromkeys(clauses + tuple(c for c, _lv, _r in mine)))
        report.changed.append(MerchantImpact(profile.id, record.line, tuple(differs), clauses, level, rules))
    return report
