"""Load and validate a source tree: YAML files -> :class:`~generator.model.Policy`.

Layout::

    notices/<policy>/policy.yaml              id, title
    notices/<policy>/<version>/version.yaml   metadata (status, dates, hash, decisions)
    notices/<policy>/<version>/statement.yaml the text, clause by clause, with facts

Every folder of a policy whose name does not start with ``.`` is a version and must hold
both files (a folder is never skipped silently); files beside the versions (``policy.yaml``,
a README) are not read. At the top of the source tree, a folder is a policy when it holds a
``policy.yaml`` (``schema/`` holds none). A folder that cannot be listed and a file that
cannot be read are errors naming them.

Files are read once, quickly, with YAML 1.2 semantics (:mod:`.yaml12`); only when
something is wrong are they read again, precisely, to report every problem with the
file, line and column of the YAML node at fault, all problems at once, in one
:class:`~generator.errors.SourceErrors`. Checks beyond the schema: duplicate ids,
references to unknown ids, published-version immutability.
"""
from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import SourceError, SourceErrors, UsageError
from ..model import Policy, Version
from .inputs import cannot_read
from . import cache
from .yaml12 import locate, parse_fast, read_text, read_yaml
from .yaml12 import plain as _plain

DEFAULT_SOURCE = Path("notices")
#: what policy.yaml may say
POLICY_FIELDS = ("id", "title", "notice_days")
IMMUTABLE = "published versions are immutable: make a new version"
#: the files every version folder holds
VERSION_FILES = ("version.yaml", "statement.yaml")
MISSING_VERSION_FILE = ("missing: every folder of a policy is a version, with version.yaml and "
                        "statement.yaml (a folder whose name starts with '.' is left out)")


@dataclass
class Source:
    """Every policy found under a source directory."""

    root: Path
    policies: dict[str, Policy]

    def policy(self, policy_id: str | None = None) -> Policy:
        return self.policies[choose_policy(self.root, list(self.policies), policy_id)]

    def version(self, version: str | None = None, policy_id: str | None = None, *,
                as_of: "dt.date | None" = None) -> Version:
        """A version by id; by default the one in effect on ``as_of`` (default: today)."""
        from ..model import today

        pol = self.policy(policy_id)
        if version is None:
            if pol.latest_published() is None:
                raise UsageError(f"{self.root}: policy {pol.id} has no published version")
            v = pol.in_effect(as_of or today())
            if v is None:
                raise UsageError(f"{self.root}: no published version of {pol.id} is in effect on "
                                 f"{as_of or today()} (name one with --version)")
            return v
        try:
            return pol.get(version)
        except KeyError as e:
            raise UsageError(e.args[0]) from None

    def summary(self) -> dict[str, int]:
        versions = [v for p in self.policies.values() for v in p.versions]
        nodes = [n for v in versions for n in v.nodes()]
        return {
            "policies": len(self.policies),
            "versions": len(versions),
            "sections": sum(1 for n in nodes if n.kind == "section"),
            "clauses": sum(1 for n in nodes if n.kind not in ("section", "part")),
            "facts": sum(len(n.facts) for n in nodes),
        }


def _message(err: dict) -> str:
    kind, loc, msg = err["type"], err["loc"], err["msg"]
    field = next((str(x) for x in reversed(loc) if isinstance(x, str)), "")
    if kind == "extra_forbidden":
        return f"unknown field {field!r}"
    if kind == "missing":
        return f"missing field {field!r}"
    if kind == "union_tag_invalid":
        ctx = err.get("ctx", {})
        expected = str(ctx.get("expected_tags", "")).replace("'", "")
        return f"unknown kind {ctx.get('tag')!r}; expected one of: {expected}"
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if kind in ("string_type", "int_type", "int_parsing", "bool_type", "bool_parsing", "date_type",
                "date_from_datetime_parsing", "tuple_type", "list_type", "model_type", "dict_type",
                "literal_error", "string_pattern_mismatch", "date_parsing"):
        return f"{field}: {msg}" if field else msg
    return msg


def _split_loc(loc: tuple) -> tuple[str, tuple]:
    """Which file a model location lives in: the statement, or the version metadata."""
    if loc and loc[0] == "statement":
        return "statement", loc[1:]
    return "version", loc


def load_version(version_dir: Path, policy_id: str, verify_hash: bool = True) -> Version:
    """Read one version directory; raise SourceErrors listing every problem in it.

    The fast pass reads, validates and checks; only if anything is wrong does
    :func:`_load_version_precisely` read the files again to say where.
    A version that validated before, from the same bytes with the same code, comes from
    the :mod:`.cache` instead.
    """
    try:
        texts = (read_text(version_dir / "version.yaml"), read_text(version_dir / "statement.yaml"))
    except SourceErrors:
        return _load_version_precisely(version_dir, policy_id, verify_hash)
    key = cache.entry_key("version", policy_id, version_dir.name, str(verify_hash), *texts)
    cached = cache.load(key)
    if isinstance(cached, Version):
        return cached
    try:
        meta, statement = [parse_fast(text, anchors=False) for text in texts]
    except Exception:  # the precise pass says what, and where
        return _load_version_precisely(version_dir, policy_id, verify_hash)
    if isinstance(meta, dict) and isinstance(statement, dict):
        try:
            version = Version.model_validate({**meta, "statement": statement})
        except ValidationError:
            pass
        else:
            if not version_problems(version, statement, policy_id, version_dir.name, verify_hash):
                cache.store(key, with_views(version))
                return version
    return _load_version_precisely(version_dir, policy_id, verify_hash)


def with_views(version: Version) -> Version:
    """``version``, its hashes computed: every command asks for one of them (a diff for
    the clause hashes its decisions name, the site for the content hash), and computed
    before the version is cached, they are read back with it."""
    version.compute_hash()
    version.compute_facts_hash()
    version.clause_hashes_now()
    return version


def _load_version_precisely(version_dir: Path, policy_id: str, verify_hash: bool) -> Version:
    """The precise pass: every problem in a version at its ``path:line:col``."""
    vpath, spath = version_dir / "version.yaml", version_dir / "statement.yaml"
    errors: list[SourceError] = missing_version_files(version_dir)
    docs: dict[str, Any] = {}
    for name, path in (("version", vpath), ("statement", spath)):
        if any(e.path == path for e in errors):
            continue
        try:
            docs[name] = read_yaml(path)
        except SourceErrors as e:
            errors.extend(e.errors)
    if errors:
        raise SourceErrors(errors)
    for name, path in (("version", vpath), ("statement", spath)):
        if not isinstance(docs[name], dict):
            errors.append(SourceError(path, 1, 1, "expected a mapping at the top level"))
    if errors:
        raise SourceErrors(errors)
    paths = {"version": vpath, "statement": spath}
    merged = dict(docs["version"])
    merged["statement"] = docs["statement"]
    try:
        version = Version.model_validate(_plain(merged))
    except ValidationError as e:
        for err in e.errors():
            where, loc = _split_loc(err["loc"])
            line, col = locate(docs[where], loc)
            errors.append(SourceError(paths[where], line, col, _message(err), tuple(err["loc"])))
        raise SourceErrors(errors) from None
    errors.extend(check_version(version, docs, paths, policy_id, version_dir.name, verify_hash))
    if errors:
        raise SourceErrors(errors)
    return version


@dataclass(frozen=True)
class Problem:
    """What is wrong with a loaded version, and where in its data (a path, not a line).

    ``file`` is "version" or "statement"; ``loc`` a path of keys and indexes into that
    file's data; ``first`` the path of the first use, for a duplicate. The precise
    pass turns paths into lines (:func:`locate`); the fast pass only asks whether
    there is any problem, so both apply the same checks.
    """

    file: str
    loc: tuple[str | int, ...]
    message: str
    first: tuple[str | int, ...] | None = None


def version_problems(version: Version, statement_data: Any, policy_id: str, dirname: str,
                     verify_hash: bool = True) -> list[Problem]:
    """Checks a schema cannot express: ids, references, immutability."""
    problems: list[Problem] = []
    if version.policy != policy_id:
        problems.append(Problem("version", ("policy",),
                                f"policy is {version.policy!r} but the folder belongs to {policy_id!r}"))
    if version.version != dirname:
        problems.append(Problem("version", ("version",),
                                f"version is {version.version!r} but the folder is named {dirname!r}"))
    first_use: dict[str, tuple] = {}
    for ident, path in id_paths(statement_data):
        if ident in first_use:
            problems.append(Problem("statement", path, f"duplicate id {ident!r}", first_use[ident]))
        else:
            first_use[ident] = path
    sections = {s.id for s in version.statement.statement.sections}
    for i, entry in enumerate(version.statement.contents.items):
        if entry.refers_to not in sections:
            problems.append(Problem("statement", ("contents", "items", i, "refers_to"),
                                    f"refers_to names unknown section {entry.refers_to!r}"))
    for i, d in enumerate(version.decisions):
        if d.clause not in first_use:
            problems.append(Problem("version", ("decisions", i, "clause"),
                                    f"decision names unknown clause id {d.clause!r}"))
    if verify_hash and version.status == "published" and version.content_hash:
        actual = version.compute_hash()
        if actual != version.content_hash:
            problems.extend(tamper_problems(version, first_use, actual))
        elif version.facts_hash and version.compute_facts_hash() != version.facts_hash:
            problems.extend(annotation_problems(version, first_use))
    return problems


def annotation_problems(version: Version, id_locations: dict[str, tuple]) -> list[Problem]:
    """A published version whose text is intact but whose facts changed since they were
    recorded: each changed clause at its line, with what to do if the change is a correction."""
    recorded = version.clause_hashes or {}
    how = (f"the text is unchanged; if this corrects the annotation, record it: "
           f"notices hash --version {version.version} --record")
    changed = [i for i, h in version.clause_hashes_now().items() if recorded.get(i) != h]
    if not recorded or not changed:
        return [Problem("version", ("facts_hash",), f"facts changed after publication ({how})")]
    return [Problem("statement", id_locations.get(i, ()), f"facts of clause {i} changed after publication ({how})")
            for i in changed]


def tamper_problems(version: Version, id_locations: dict[str, tuple], actual: str) -> list[Problem]:
    """Where a published version's statement no longer matches its content hash: each
    changed or added clause at its line (from the clause hashes recorded at publication),
    a removed one at the hash; the content hash's line when no clause hashes were recorded."""
    recorded = version.clause_hashes or {}
    now = version.clause_hashes_now()
    problems = []
    for ident, digest in now.items():
        if ident not in recorded and recorded:
            problems.append(Problem("statement", id_locations.get(ident, ()),
                                    f"clause {ident} added after publication ({IMMUTABLE})"))
        elif recorded and recorded[ident] != digest:
            problems.append(Problem("statement", id_locations.get(ident, ()),
                                    f"clause {ident} changed after publication ({IMMUTABLE})"))
    for ident in recorded:
        if ident not in now:
            problems.append(Problem("version", ("content_hash",),
                                    f"clause {ident} removed after publication ({IMMUTABLE})"))
    if not problems:  # no clause hashes, or the clauses match and something else changed
        problems.append(Problem("version", ("content_hash",),
                                f"content does not match content_hash ({IMMUTABLE}; "
                                f"the content now hashes to {actual})"))
    return problems


def check_version(version: Version, docs: dict, paths: dict, policy_id: str, dirname: str,
                  verify_hash: bool = True) -> list[SourceError]:
    """:func:`version_problems`, each at its file, line and column."""
    errors = []
    for p in version_problems(version, docs["statement"], policy_id, dirname, verify_hash):
        line, col = locate(docs[p.file], p.loc)
        message = p.message
        if p.first is not None:
            message += f" (first used on line {locate(docs[p.file], p.first)[0]})"
        errors.append(SourceError(paths[p.file], line, col, message, p.loc))
    return errors


def id_paths(data: Any, path: tuple = ()) -> Iterator[tuple[str, tuple]]:
    """Every ``id`` in a statement's data, in document order, with the path to it."""
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            yield data["id"], path + ("id",)
        for key, value in data.items():
            yield from id_paths(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from id_paths(value, path + (i,))


def read_policy_meta(policy_dir: Path) -> tuple[dict, list[SourceError]]:
    """``policy.yaml``: its data and the problems in it (SourceErrors when it is unusable)."""
    meta_path = policy_dir / "policy.yaml"
    try:
        text = read_text(meta_path)
    except SourceErrors:
        meta, key = None, ""
    else:
        key = cache.entry_key("policy", policy_dir.name, text)
        cached = cache.load(key)
        if isinstance(cached, dict):
            return cached, []
        try:
            meta = parse_fast(text, anchors=False)
        except Exception:  # the precise pass says what, and where
            meta = None
    if isinstance(meta, dict) and not _policy_meta_problems(meta, policy_dir.name):
        cache.store(key, meta)
        return meta, []
    meta = read_yaml(meta_path)  # the precise pass, to say where
    if not isinstance(meta, dict) or not isinstance(meta.get("id"), str) or not isinstance(meta.get("title"), str):
        raise SourceErrors([SourceError(meta_path, 1, 1, "policy.yaml needs an 'id' and a 'title'")])
    errors = [SourceError(meta_path, *locate(meta, [key]), message)
              for key, message in _policy_meta_problems(meta, policy_dir.name)]
    return _plain(meta), errors


def _policy_meta_problems(meta: dict, dirname: str) -> list[tuple[str, str]]:
    if not isinstance(meta.get("id"), str) or not isinstance(meta.get("title"), str):
        return [("id", "policy.yaml needs an 'id' and a 'title'")]
    problems = [(key, f"unknown field {key!r}") for key in sorted(set(meta) - set(POLICY_FIELDS), key=str)]
    days = meta.get("notice_days", 0)
    if not isinstance(days, int) or isinstance(days, bool) or days < 0:
        problems.append(("notice_days", f"notice_days: expected a whole number of days, 0 or more, not {days!r}"))
    if meta["id"] != dirname:
        problems.append(("id", f"id is {meta['id']!r} but the folder is named {dirname!r}"))
    return problems


def load_policy(policy_dir: Path, verify_hash: bool = True) -> Policy:
    """One policy folder, every version in it, oldest first."""
    meta, errors = read_policy_meta(policy_dir)
    versions: list[Version] = []
    for vdir in version_dirs(policy_dir):
        try:
            versions.append(load_version(vdir, meta["id"], verify_hash))
        except SourceErrors as e:
            errors.extend(e.errors)
    if errors:
        raise SourceErrors(errors)
    if not versions:
        raise SourceErrors([SourceError(policy_dir, None, None, "no versions (expected <version>/version.yaml)")])
    versions.sort(key=lambda v: (v.updated_on, v.version))
    return policy_from(meta, versions)


def policy_from(meta: dict, versions: list[Version]) -> Policy:
    """A :class:`Policy` from its checked ``policy.yaml`` data and its versions.

    Both are checked already (:func:`read_policy_meta`, :func:`load_version`), so the policy
    is put together without validating it again: that would build the whole model's
    validator, which a command reading its versions from the cache does not need.
    """
    if any(not isinstance(v, Version) for v in versions):
        raise TypeError("policy_from takes loaded versions")
    fields = {k: meta[k] for k in POLICY_FIELDS if k in meta}
    return Policy.model_construct(versions=tuple(versions), **fields)


def _entries(folder: Path) -> list[Path]:
    """What a folder holds, by name, hidden entries (``.name``) left out; SourceErrors when it
    cannot be listed."""
    try:
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as e:
        raise cannot_read(folder, e) from None


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:  # a broken link is not a folder
        return False


def _exists(path: Path) -> bool:
    """Whether there is an entry at ``path`` (a broken link counts: reading it says what is wrong)."""
    try:
        os.lstat(path)
        return True
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as e:  # the folder cannot be searched
        raise cannot_read(path.parent, e) from None


def policy_dirs(root: Path) -> list[Path]:
    """The policy folders of a source tree (those holding a ``policy.yaml``), by name."""
    try:
        is_dir = stat.S_ISDIR(os.stat(root).st_mode)
    except FileNotFoundError:
        raise SourceErrors([SourceError(root, None, None, "source directory not found (use --source DIR)")]) from None
    except OSError as e:
        raise cannot_read(root, e) from None
    if not is_dir:
        raise SourceErrors([SourceError(root, None, None, "not a directory (use --source DIR)")])
    dirs = [p for p in _entries(root) if _is_dir(p) and _exists(p / "policy.yaml")]
    if not dirs:
        raise SourceErrors([SourceError(root, None, None, "no policies (expected <policy>/policy.yaml)")])
    return dirs


def version_dirs(policy_dir: Path) -> list[Path]:
    """The version folders of a policy, by name: every folder in it not named ``.*``."""
    return [p for p in _entries(policy_dir) if _is_dir(p)]


def missing_version_files(version_dir: Path) -> list[SourceError]:
    """An error for each of :data:`VERSION_FILES` that is not in the folder."""
    return [SourceError(version_dir / name, None, None, MISSING_VERSION_FILE)
            for name in VERSION_FILES if not _exists(version_dir / name)]


def choose_policy(root: Path, known: list[str], wanted: str | None) -> str:
    """The policy a command works on: the one named, or the only one there is."""
    if wanted is None:
        if len(known) != 1:
            raise UsageError(f"{root}: several policies, name one with --policy: {', '.join(known)}")
        return known[0]
    if wanted not in known:
        raise UsageError(f"unknown policy {wanted!r} (known: {', '.join(known)})")
    return wanted


def load_source(root: str | Path = DEFAULT_SOURCE, *, verify_hash: bool = True) -> Source:
    """Load every policy under ``root``; raise SourceErrors with every problem found."""
    root = Path(root)
    errors: list[SourceError] = []
    policies: dict[str, Policy] = {}
    for pdir in policy_dirs(root):
        try:
            pol = load_policy(pdir, verify_hash)
            policies[pol.id] = pol
        except SourceErrors as e:
            errors.extend(e.errors)
    if errors:
        raise SourceErrors(errors)
    return Source(root=root, policies=policies)


def load_version_unchecked(root: str | Path, version: str | None = None) -> Version:
    """A version loaded without the immutability check: for computing its new hash."""
    src = load_source(root, verify_hash=False)
    if not version:
        return src.policy().newest()
    try:
        return src.policy().get(version)
    except KeyError as e:  # an unknown --version is a usage error, never a traceback
        raise UsageError(e.args[0]) from None
