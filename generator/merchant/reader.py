"""Read merchant profiles: one from YAML, many from JSON Lines, with ``path:line`` errors.

YAML errors point at the line and column of the field at fault (ruamel keeps
them); JSON Lines errors at the line of the record, the field named in the
message. A JSON Lines file is read record by record so that a batch can go on
past a bad one (:func:`iter_profiles`); :func:`load_profiles` collects every
problem and raises once, like the source loader.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..errors import SourceError, SourceErrors
from ..source.loader import _message, _plain, locate, read_yaml
from .profile import MerchantProfile

#: A record longer than this is refused before it is parsed.
MAX_RECORD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Record:
    """One line of a JSON Lines file: its profile, or the errors that stopped it."""

    line: int
    profile: MerchantProfile | None
    errors: tuple[SourceError, ...] = ()


def _dotted(loc: tuple) -> str:
    return ".".join(str(x) for x in loc)


def _jsonl_message(err: dict) -> str:
    """The message with the field's whole path: on a JSON line, the line alone does not say which."""
    msg, loc = _message(err), err["loc"]
    if err["type"] in ("extra_forbidden", "missing"):
        return msg + (f" in {_dotted(loc[:-1])}" if len(loc) > 1 else "")
    field = next((str(x) for x in reversed(loc) if isinstance(x, str)), "")
    if field and msg.startswith(f"{field}: "):
        msg = msg[len(field) + 2:]
    return f"{_dotted(loc)}: {msg}" if loc else msg


def load_profile(path: str | Path) -> MerchantProfile:
    """One profile from a YAML file; SourceErrors (file:line:col) for every problem."""
    path = Path(path)
    if path.suffix == ".jsonl":
        profiles = load_profiles(path)
        if len(profiles) != 1:
            raise SourceErrors([SourceError(path, None, None,
                                            f"expected one profile, found {len(profiles)}")])
        return profiles[0]
    doc = read_yaml(path)
    if not isinstance(doc, dict):
        raise SourceErrors([SourceError(path, 1, 1, "expected a mapping at the top level")])
    try:
        return MerchantProfile.model_validate(_plain(doc))
    except ValidationError as e:
        errors = [SourceError(path, *locate(doc, err["loc"]), _message_yaml(err), tuple(err["loc"]))
                  for err in e.errors()]
        raise SourceErrors(errors) from None


def _message_yaml(err: dict) -> str:
    msg = _message(err)
    field = next((str(x) for x in reversed(err["loc"]) if isinstance(x, str)), "")
    if field and not msg.startswith(f"{field}") and err["type"] not in ("extra_forbidden", "missing"):
        return f"{field}: {msg}"
    return msg


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def _parse_record(path: Path, number: int, raw: bytes) -> Record:
    def fail(message: str, loc: tuple = ()) -> Record:
        return Record(number, None, (SourceError(path, number, None, message, loc),))

    if len(raw) > MAX_RECORD_BYTES:
        return fail(f"record is too long ({len(raw)} bytes, at most {MAX_RECORD_BYTES})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return fail(f"not UTF-8 text: {e.reason}")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except ValueError as e:  # JSONDecodeError is a ValueError, so is a duplicate key
        detail = f"{e.msg} (column {e.colno})" if isinstance(e, json.JSONDecodeError) else str(e)
        return fail(f"invalid JSON: {detail}")
    if not isinstance(data, dict):
        return fail("expected a JSON object (one profile per line)")
    try:
        return Record(number, MerchantProfile.model_validate(data))
    except ValidationError as e:
        errors = tuple(SourceError(path, number, None, _jsonl_message(err), tuple(err["loc"]))
                       for err in e.errors())
        return Record(number, None, errors)


def iter_profiles(path: str | Path) -> Iterator[Record]:
    """Every non-blank line of a JSON Lines file as a :class:`Record`, in file order.

    A second profile with an id already seen is an error at its own line (its
    output would overwrite the first one's).
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as e:
        raise SourceErrors([SourceError(path, None, None, f"cannot read: {e.strerror}")]) from None
    seen: dict[str, int] = {}
    with handle:
        for number, raw in enumerate(handle, 1):
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            record = _parse_record(path, number, raw)
            if record.profile is not None:
                first = seen.setdefault(record.profile.id, number)
                if first != number:
                    record = Record(number, None, (SourceError(
                        path, number, None,
                        f"duplicate merchant id {record.profile.id!r} (first used on line {first})",
                        ("id",)),))
            yield record


def load_profiles(path: str | Path) -> list[MerchantProfile]:
    """Every profile of a JSON Lines file; SourceErrors listing every bad line."""
    records = list(iter_profiles(path))
    errors = [e for r in records for e in r.errors]
    if errors:
        raise SourceErrors(errors)
    return [r.profile for r in records if r.profile is not None]
