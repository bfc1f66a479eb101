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

from ..errors import SourceError, SourceErrors, UsageError
from ..model import Policy, Version, VersionMeta
from . import cache
from .loader import (choose_policy, load_version, missing_version_files, policy_dirs, policy_from,
                     read_policy_meta, version_dirs)
from .yaml12 import parse_fast, read_text


@dataclass(frozen=True)
class VersionEntry:
    """What ``version.yaml`` says about a version, enough to choose and order it."""

    dir: Path
    policy: str
    version: str
    status: str
    updated_on: dt.date
    has_decisions: bool
    effective_date: dt.date | None = None

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

    def in_effect(self, on: dt.date | None = None) -> VersionEntry:
        """The published version in effect on ``on`` (default: today)."""
        from ..model import in_effect, today

        on = on or today()
        found = in_effect([e for e in self.entries if e.status == "published"], on)
        if found is None:
            self.latest_published()  # says so when nothing is published
            raise UsageError(f"policy {self.policy}: no published version is in effect on {on}")
        return found

    def between(self, old: VersionEntry | tuple, new: VersionEntry) -> list[VersionEntry]:
        """Versions strictly between two (by order) that recorded decisions."""
        lo = old.order if isinstance(old, VersionEntry) else old
        return [e for e in self.entries if lo < e.order < new.order and e.has_decisions]


def index_policy(root: Path, policy: str | None = None) -> PolicyIndex:
    """Index the versions of ``policy`` (the only one, by default) under ``root``."""
    root = Path(root)
    policy = choose_policy(root, [p.name for p in policy_dirs(root)], policy)
    vdirs = version_dirs(root / policy)
    texts = _version_texts(vdirs)
    key = None
    if texts:
        named = [part for vdir, text in zip(vdirs, texts) for part in (vdir.name, text)]
        key = cache.entry_key("policy-index", policy, *named)
    known = cache.load(key) if key else None
    if isinstance(known, list) and len(known) == len(vdirs):
        entries = [VersionEntry(vdir, policy, vdir.name, *summary) for vdir, summary in zip(vdirs, known)]
    else:
        entries, errors = [], []
        for vdir, text in zip(vdirs, texts or [None] * len(vdirs)):
            try:
                entries.append(_entry(vdir, policy, text))
            except SourceErrors as e:
                errors.extend(e.errors)
        if errors:
            raise SourceErrors(errors)
        if key:
            cache.store(key, [(e.status, e.updated_on, e.has_decisions, e.effective_date) for e in entries])
    if not entries:
        raise SourceErrors([SourceError(root / policy, None, None, "no versions (expected <version>/version.yaml)")])
    entries.sort(key=lambda e: e.order)
    return PolicyIndex(policy, tuple(entries))


def _version_texts(vdirs: list[Path]) -> list[str] | None:
    """Every version's ``version.yaml`` text: the key of the policy's index in the cache (one
    entry for the whole history, however long). None when a folder lacks a file or a file
    cannot be read: :func:`_entry` then says what is wrong, and where."""
    texts = []
    for vdir in vdirs:
        if missing_version_files(vdir):
            return None
        try:
            texts.append(read_text(vdir / "version.yaml"))
        except SourceErrors:
            return None
    return texts


def _entry(vdir: Path, policy: str, text: str | None = None) -> VersionEntry:
    """A version's entry from its ``version.yaml`` alone (``text``, when already read), unless
    that is wrong: then the whole version is loaded, which says what is wrong and where. A
    folder without both files is an error here already, even if the command never reads its
    statement."""
    missing = missing_version_files(vdir)
    if missing:
        raise SourceErrors(missing)
    meta: VersionMeta | Version
    try:
        text = read_text(vdir / "version.yaml") if text is None else text
        meta = VersionMeta.model_validate(parse_fast(text, anchors=False))
    except Exception:  # unreadable, not YAML, not valid: the precise pass says what, and where
        meta = load_version(vdir, policy)  # raises SourceErrors with lines
    return VersionEntry(vdir, policy, vdir.name, meta.status, meta.updated_on, bool(meta.decisions),
                        meta.effective_date)


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
    return policy_from(meta, versions)


@dataclass(frozen=True)
class DiffInputs:
    """The two versions a diff compares, those between them that recorded decisions, their
    labels, and where the new version's metadata is (to locate a bad decision)."""

    old: Version
    new: Version
    between: tuple[Version, ...]
    old_label: str
    new_label: str
    new_metadata: Path


def choose_versions(source_dir: str | Path, old: str | None = None, new: str | None = None, *,
                    since: str | None = None, against: str | None = None,
                    policy: str | None = None, as_of: dt.date | None = None) -> DiffInputs:
    """The versions ``notices diff`` compares.

    By default the version in effect with the newest one (a draft under review, or a
    version published to take effect later); ``since=A``: A with the version in effect on
    ``as_of`` (default today: what a user who accepted A must be shown now);
    ``against=REF``: OLD (default: the newest version) as it is at git revision REF.
    """
    if since and (old or new):
        raise UsageError("--since VERSION takes no OLD or NEW argument")
    index = index_policy(Path(source_dir), policy)
    new_entry = index.in_effect(as_of) if since else (index.get(new) if new else index.newest())
    old = since or old
    if against is None:
        old_entry = index.get(old) if old else index.in_effect(as_of)
        if since and old_entry.order > new_entry.order:
            raise UsageError(f"--since {old}: it is newer than the version in effect, {new_entry.version}")
        old_version, old_label = old_entry.load(), old_entry.version
    else:
        old_entry, old_version = _entry_at_revision(against, Path(source_dir), index.policy, old)
        old_label = f"{against}:{old_entry.version}"
    between = tuple(e.load() for e in index.between(old_entry.order, new_entry))
    # a version compared with itself (the latest published is the newest) is read once
    new_version = old_version if against is None and old_entry is new_entry else new_entry.load()
    return DiffInputs(old_version, new_version, between, old_label, new_entry.version,
                      new_entry.dir / "version.yaml")


def _entry_at_revision(ref: str, source_dir: Path, policy: str, old: str | None) -> tuple[VersionEntry, Version]:
    """A version (default: the newest) from the source as it is at git revision ``ref``;
    errors name their files as git does (``REF:path``)."""
    from .git import source_at, temporary_dir

    with temporary_dir() as tmp:
        root, relative = source_at(ref, source_dir, Path(tmp))
        try:
            old_index = index_policy(root, policy)
            entry = old_index.get(old) if old else old_index.newest()
            return entry, entry.load()
        except SourceErrors as e:
            for err in e.errors:
                if Path(err.path).is_relative_to(root):
                    err.path = f"{ref}:{Path(relative, Path(err.path).relative_to(root)).as_posix()}"
            raise SourceErrors(e.errors) from None
