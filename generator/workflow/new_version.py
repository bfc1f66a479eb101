"""``new_version``: a draft made from a published version, ready to edit.

The new folder is the old one with the metadata of a draft (status ``draft``, the new
date as its id and ``updated_on``, no hashes, decisions, dates of publication or
impact assessment, which belong to the old version) and the closing "updated on"
note moved to the new date. Nothing else changes, so ``notices diff`` of the two shows
exactly one editorial change until the editor edits.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError, UsageError
from ..files import in_words
from ..model.statement import note_date_forms
from ..source import load_version
from ..source.select import index_policy
from .yamledit import edited_mapping, remove_keys, set_keys

#: what a draft does not inherit from the version it starts from
NOT_INHERITED = ("content_hash", "facts_hash", "clause_hashes", "decisions", "published_on", "effective_on",
                 "impact_assessment", "source_url")


@dataclass(frozen=True)
class NewVersion:
    """The draft made: its folder and id, the version it started from, and whether the
    closing note's date was moved (False: the note names no date of the old version)."""

    path: Path
    version: str
    based_on: str
    note_moved: bool


def new_version(source_dir: str | Path, *, based_on: str | None = None, date: dt.date | None = None,
                version_id: str | None = None, policy: str | None = None) -> NewVersion:
    """Make a draft from ``based_on`` (default: the latest published version) dated ``date``
    (default: today), in a new folder named ``version_id`` (default: the date)."""
    index = index_policy(Path(source_dir), policy)
    base = index.get(based_on) if based_on else index.latest_published()
    date = date or dt.date.today()
    version_id = version_id or date.isoformat()
    if date <= base.updated_on:
        raise UsageError(f"--date {date}: a new version must be dated after {base.version} "
                         f"(updated on {base.updated_on})")
    target = base.dir.parent / version_id
    if os.path.lexists(target):
        raise UsageError(f"{target}: already exists; choose another --date or --id")
    newest = index.newest()
    if (date, version_id) <= newest.order:
        raise UsageError(f"--date {date}: version {newest.version} is dated {newest.updated_on}; "
                         "a new version comes after every existing one")
    source = load_version(base.dir, index.policy)  # the base must be sound to start from

    def draft_meta(data) -> None:
        set_keys(data, {"version": version_id, "updated_on": date, "status": "draft"})
        remove_keys(data, *NOT_INHERITED)

    meta_text = edited_mapping(base.dir / "version.yaml", draft_meta)
    statement_text, note = _move_note_date((base.dir / "statement.yaml").read_text(encoding="utf-8"),
                                           source.statement.closing.text, base.updated_on, date)
    # a hidden folder beside the versions (the loader skips it), holding one named as the
    # version is (the loader checks the name)
    try:
        scratch = Path(tempfile.mkdtemp(prefix=f".{version_id}.new-", dir=target.parent))
    except OSError as e:  # a read-only source folder: say so, in words
        raise OutputError(in_words(e, target.parent)) from None
    work = scratch / version_id
    try:
        work.mkdir()
        for name in os.listdir(base.dir):  # anything else the editor keeps beside the two files
            if name not in ("version.yaml", "statement.yaml") and not name.startswith("."):
                src = base.dir / name
                (shutil.copytree if src.is_dir() else shutil.copy2)(src, work / name)
        (work / "version.yaml").write_text(meta_text, encoding="utf-8")
        (work / "statement.yaml").write_text(statement_text, encoding="utf-8")
        draft = load_version(work, index.policy)  # what it wrote reads back as a valid draft
        if note is not None and draft.statement.closing.text != note:  # the date was elsewhere
            (work / "statement.yaml").write_bytes((base.dir / "statement.yaml").read_bytes())
            note = None
        os.rename(work, target)  # a folder appears whole, or not at all
    except OSError as e:
        raise OutputError(in_words(e, e.filename or target)) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return NewVersion(target, version_id, base.version, note is not None)


def _move_note_date(text: str, note: str, old: dt.date, new: dt.date) -> tuple[str, str | None]:
    """``statement.yaml``'s text with the closing note's date moved from ``old`` to ``new``,
    in the form the note writes it, and the note as it should now read (None: the note
    names no date of ``old``; the text is unchanged)."""
    for before, after in zip(note_date_forms(old), note_date_forms(new)):
        at = text.rfind(before)  # the closing note is the file's last node
        if before in note and at >= 0:
            return text[:at] + after + text[at + len(before):], note.replace(before, after)
    return text, None
