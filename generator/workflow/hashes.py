"""Record a version's hashes in its ``version.yaml``: at publication, and when a published
version's annotations (its facts, never its text) are corrected."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..source import load_version
from .yamledit import edited_mapping, set_keys, write_text


def hash_fields(version) -> dict[str, Any]:
    """The hashes publication records: text (content), facts, and one per clause."""
    return {"content_hash": version.compute_hash(), "facts_hash": version.compute_facts_hash(),
            "clause_hashes": version.clause_hashes_now()}


def write_hashes(version_dir: Path, version, extra: dict[str, Any] | None = None) -> None:
    """Write :func:`hash_fields` (and ``extra`` fields, placed after ``updated_on``) into
    ``version_dir/version.yaml``, keeping the rest of the file as it is."""
    path = version_dir / "version.yaml"
    fields = hash_fields(version)

    def edit(data) -> None:
        if extra:
            set_keys(data, extra, after="updated_on")
        set_keys(data, {"content_hash": fields["content_hash"]}, after="controller")
        set_keys(data, {"facts_hash": fields["facts_hash"]}, after="content_hash")
        set_keys(data, {"clause_hashes": fields["clause_hashes"]})

    write_text(path, edited_mapping(path, edit))


def record_annotations(version_dir: Path, policy: str) -> dict[str, Any]:
    """Re-record the facts and clause hashes of a *published* version whose text is unchanged
    (a corrected annotation); refuse when its text changed (that is a new version)."""
    version = load_version(version_dir, policy, verify_hash=False)
    if version.status != "published":
        raise UsageError(f"{version_dir}: {version.version} is a draft: `notices publish` records its hashes")
    if version.content_hash != version.compute_hash():
        raise UsageError(f"{version_dir / 'statement.yaml'}: the text of published version {version.version} "
                         "changed; published versions are immutable: make a new version "
                         "(notices new-version), never re-record the text")
    write_hashes(version_dir, version)
    load_version(version_dir, policy)  # reads back, every hash checked
    return hash_fields(version)
