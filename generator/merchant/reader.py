"""Read merchant profiles: one from YAML, many from JSON Lines, with ``path:line`` errors.

YAML errors point at the line and column of the field at fault (ruamel keeps
them); JSON Lines errors at the line of the record, the field named in the
message. A JSON Lines file is read record by record so that a batch can go on
past a bad one (:func:`iter_profiles`); :func:`load_profiles` collects every
problem and raises once, like the source loader.

Limits (README, "Limits"): a YAML profile of more than :data:`MAX_PROFILE_BYTES`, a JSON
Lines record of more than :data:`MAX_RECORD_BYTES` (never read into memory whole) and JSON
nested deeper than :data:`MAX_JSON_DEPTH` are refused before they are parsed; YAML profiles
are bounded like the source (no anchors or aliases, :data:`generator.source.yaml12.MAX_DEPTH`).
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from ..errors import SourceError, SourceErrors
from ..source.inputs import cannot_read, open_regular, utf8_error
from ..source.loader import _message, _plain, locate, read_yaml
from .profile import MerchantProfile

#: A record longer than this is refused before it is parsed.
MAX_RECORD_BYTES = 64 * 1024
#: A YAML profile (one record) larger than this is refused before it is parsed.
MAX_PROFILE_BYTES = MAX_RECORD_BYTES
#: JSON nested deeper than this (objects and arrays) is refused before it is parsed.
MAX_JSON_DEPTH = 64
# a JSON string (skipped whole) or a bracket
_JSON_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


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
    doc = read_yaml(path, max_bytes=MAX_PROFILE_BYTES)
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


def _too_deep(text: str) -> int | None:
    """The index of the first bracket nested deeper than :data:`MAX_JSON_DEPTH`, if any."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:  # the common case, at C speed
        return None
    depth = 0
    for m in _JSON_NESTING.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return m.start()
        elif token in "]}":
            depth -= 1
    return None


def _parse_record(path: Path, number: int, raw: bytes) -> Record:
    def fail(message: str, loc: tuple = (), column: int | None = None) -> Record:
        return Record(number, None, (SourceError(path, number, column, message, loc),))

    if len(raw) > MAX_RECORD_BYTES:
        return fail(f"record is too long ({len(raw)} bytes, at most {MAX_RECORD_BYTES})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        _, column, message = utf8_error(raw, e)
        return fail(message, column=column)
    deep = _too_deep(text)
    if deep is not None:
        return fail(f"nested deeper than {MAX_JSON_DEPTH} levels", column=deep + 1)
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except ValueError as e:  # JSONDecodeError is a ValueError, so is a duplicate key
        if isinstance(e, json.JSONDecodeError):
            detail = f"{e.msg} (column {e.colno})"
        elif "integer string conversion" in str(e):
            detail = f"a number with more than {sys.get_int_max_str_digits()} digits"
        else:
            detail = str(e)
        return fail(f"invalid JSON: {detail}")
    except RecursionError:  # not reached below MAX_JSON_DEPTH; never a traceback
        return fail(f"nested deeper than {MAX_JSON_DEPTH} levels")
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
    handle = open_regular(path)
    seen: dict[str, int] = {}
    with handle:
        for number, raw, size in _lines(path, handle):
            if raw is None:  # too long: skipped, never held in memory
                yield Record(number, None, (SourceError(
                    path, number, None, f"record is too long ({size} bytes, at most {MAX_RECORD_BYTES})"),))
                continue
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


def _lines(path: Path, handle: BinaryIO) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, bytes without the line break, size) of every line; the bytes are None for a
    line longer than :data:`MAX_RECORD_BYTES`, which is read past in chunks, not held."""
    number = 0
    try:
        while True:
            raw = handle.readline(MAX_RECORD_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
                size = len(raw)
                while not raw.endswith(b"\n"):
                    raw = handle.readline(1 << 20)
                    if not raw:
                        break
                    size += len(raw)
                size -= len(raw) - len(raw.rstrip(b"\r\n"))
                yield number, None, size
                continue
            raw = raw.rstrip(b"\r\n")
            yield number, raw, len(raw)
    except OSError as e:
        raise cannot_read(path, e) from None


def load_profiles(path: str | Path) -> list[MerchantProfile]:
    """Every profile of a JSON Lines file; SourceErrors listing every bad line."""
    records = list(iter_profiles(path))
    errors = [e for r in records for e in r.errors]
    if errors:
        raise SourceErrors(errors)
    return [r.profile for r in records if r.profile is not None]
