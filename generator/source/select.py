"""Find the versions a command works on, reading only what it needs.

A source tree may hold many versions; a diff needs two (and those in between that
recorded decisions), the site the published ones. The index reads every
``version.yaml`` (small) to order the versions as :func:`generator.source.load_policy`
does; statements are loaded only for the versions used, with the same loader
(:func:`generator.source.load_version`), so every command reads the same facts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import SourceError, SourceErrors, UsageError
from ..model import Policy, Version, VersionMeta
from .loader import choose_policy, load_version, policy_dirs, read_policy_meta, version_dirs
from .yaml12 import Unreadable, read_fast


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
        return load_version(self.dir, self.policy)


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
    root = Path(root)
    policy = choose_policy(root, [p.name for p in policy_dirs(root)], policy)
    entries = [_entry(vdir, policy) for vdir in version_dirs(root / policy)]
    if not entries:
        raise SourceErrors([SourceError(root / policy, None, None, "no versions (expected <version>/version.yaml)")])
    entries.sort(key=lambda e: e.order)
    return PolicyIndex(policy, tuple(entries))


def _entry(vdir: Path, policy: str) -> VersionEntry:
    """A version's entry from its ``version.yaml`` alone, unless that is wrong: then the
    whole version is loaded, which says what is wrong and where."""
    try:
        data = read_fast(vdir / "version.yaml")
        meta: VersionMeta | Version = VersionMeta.model_validate(data)
    except (Unreadable, ValidationError):
        meta = load_version(vdir, policy)  # raises SourceErrors with lines
    return VersionEntry(vdir, policy, vdir.name, meta.status, meta.updated_on, bool(meta.decisions))


def load_published(source_dir: str | Path, policy: str | None = None) -> Policy:
    """The policy under ``source_dir`` with its published versions only (what the site shows).

    Drafts are never published, so they are not read; published versions are read and
    checked as :func:`generator.source.load_source` does, content hash included.
    """
    index = index_policy(Path(source_dir), policy)
    meta, errors = read_policy_meta(Path(source_dir) / index.policy)
    versions: list[Version] = []
    for entry in index.entries:
        if entry.status == "published":
            try:
                versions.append(entry.load())
            except SourceErrors as e:
                errors.extend(e.errors)
    if errors:
        raise SourceErrors(errors)
    return Policy(id=meta["id"], title=meta["title"], versions=tuple(versions))
