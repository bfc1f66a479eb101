"""Find the two versions a diff compares, reading only what it needs.

A source tree may hold many versions; a diff needs two (and those in between that
recorded decisions). The index reads every ``version.yaml`` (small) to order the
versions as :func:`generator.source.load_policy` does; statements are loaded only for
the versions used, through :mod:`generator.fastload`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError, SourceErrors, UsageError
from .fastload import load_version_fast
from ..model import Version


@dataclass(frozen=True)
class VersionEntry:
    """What ``version.yaml`` says about a version, enough to choose and order it."""

    dir: Path
    policy: str
    version: str
    status: str
    updated_on: dt.date
    has_decisions: bool

    @property
    def order(self) -> tuple:
        return (self.updated_on, self.version)

    def load(self) -> Version:
        return load_version_fast(self.dir, self.policy)


@dataclass(frozen=True)
class PolicyIndex:
    """The versions of one policy, oldest first."""

    policy: str
    entries: tuple[VersionEntry, ...]

    def get(self, version: str) -> VersionEntry:
        for e in self.entries:
            if e.version == version:
                return e
        known = ", ".join(e.version for e in self.entries)
        raise UsageError(f"unknown version {version!r} of {self.policy} (known: {known})")

    def latest_published(self) -> VersionEntry:
        published = [e for e in self.entries if e.status == "published"]
        if not published:
            raise UsageError(f"policy {self.policy} has no published version")
        return published[-1]

    def newest(self) -> VersionEntry:
        return self.entries[-1]

    def between(self, old: VersionEntry | tuple, new: VersionEntry) -> list[VersionEntry]:
        """Versions strictly between two (by order) that recorded decisions."""
        lo = old.order if isinstance(old, VersionEntry) else old
        return [e for e in self.entries if lo < e.order < new.order and e.has_decisions]


def index_policy(root: Path, policy: str | None = None) -> PolicyIndex:
    """Index the versions of ``policy`` (the only one, by default) under ``root``."""
    import yaml

    from .loader import choose_policy, policy_dirs, version_dirs

    root = Path(root)
    policy = choose_policy(root, [p.name for p in policy_dirs(root)], policy)
    entries = []
    for vdir in version_dirs(root / policy):
        try:
            meta = yaml.load((vdir / "version.yaml").read_text(encoding="utf-8"),
                             Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            updated = meta["updated_on"]
            if not isinstance(updated, dt.date):
                updated = dt.date.fromisoformat(str(updated))
            entries.append(VersionEntry(vdir, policy, vdir.name, str(meta.get("status", "draft")), updated,
                                        bool(meta.get("decisions"))))
        except Exception:
            vdir_version = load_version_fast(vdir, policy)  # raises SourceErrors with lines
            entries.append(VersionEntry(vdir, policy, vdir.name, vdir_version.status, vdir_version.updated_on,
                                        bool(vdir_version.decisions)))
    if not entries:
        raise SourceErrors([SourceError(root / policy, None, None, "no versions (expected <version>/version.yaml)")])
    entries.sort(key=lambda e: e.order)
    return PolicyIndex(policy, tuple(entries))
