"""Load and validate a source tree: YAML files -> :class:`~generator.model.Policy`.

Layout::

    notices/<policy>/policy.yaml              id, title
    notices/<policy>/<version>/version.yaml   metadata (status, dates, hash, decisions)
    notices/<policy>/<version>/statement.yaml the text, clause by clause, with facts

Every problem is reported with the file, line and column of the YAML node at
fault (ruamel.yaml keeps them), all problems at once, then one
:class:`~generator.errors.SourceErrors` is raised. Checks beyond the schema:
duplicate ids, references to unknown ids, published-version immutability.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from ..errors import SourceError, SourceErrors, UsageError
from ..model import Policy, Version

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = Path("notices")
IMMUTABLE = "published versions are immutable: make a new version"


@dataclass
class Source:
    """Every policy found under a source directory."""

    root: Path
    policies: dict[str, Policy]

    def policy(self, policy_id: str | None = None) -> Policy:
        return self.policies[choose_policy(self.root, list(self.policies), policy_id)]

    def version(self, version: str | None = None, policy_id: str | None = None) -> Version:
        """A version by id; by default the latest published one."""
        pol = self.policy(policy_id)
        if version is None:
            v = pol.latest_published()
            if v is None:
                raise UsageError(f"{self.root}: policy {pol.id} has no published version")
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


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    return y


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, keeping line numbers; syntax errors become SourceErrors."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise SourceErrors([SourceError(path, None, None, f"cannot read: {e.strerror}")]) from None
    except UnicodeDecodeError as e:
        raise SourceErrors([SourceError(path, None, None, f"not UTF-8 text: {e.reason}")]) from None
    try:
        return _yaml().load(text)
    except MarkedYAMLError as e:
        # an unterminated construct is best shown where it started
        at_end = "end of stream" in (e.problem or "")
        mark = (e.context_mark if at_end else None) or e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = e.problem or e.context
        if at_end and e.context:
            problem = f"{e.context}: {e.problem}"
        msg = f"YAML syntax error: {problem}"
        raise SourceErrors([SourceError(path, line, col, msg)]) from None
    except Exception as e:  # ruamel raises a few unmarked errors (duplicate keys...)
        raise SourceErrors([SourceError(path, None, None, f"YAML error: {e}")]) from None


def locate(data: Any, loc: Iterable[str | int]) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the node a pydantic ``loc`` points at.

    Walks the ruamel tree; the position of a mapping key is used for the value
    under it, the mapping itself when the key is missing. Union tags in the loc
    (pydantic's ``clause``/``division``/fact kind) are skipped.
    """
    line = col = None
    node = data
    if hasattr(node, "lc"):
        line, col = node.lc.line, node.lc.col
    for step in loc:
        if isinstance(node, CommentedMap):
            if step in node:
                kl, kc = node.lc.key(step)
                line, col = kl, kc
                node = node[step]
            # a missing field or a union tag: stay on the mapping
            continue
        if isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, col = node.lc.item(step)
            node = node[step]
            continue
    return (line + 1 if line is not None else None, col + 1 if col is not None else None)


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
    """Read one version directory; raise SourceErrors listing every problem in it."""
    vpath, spath = version_dir / "version.yaml", version_dir / "statement.yaml"
    errors: list[SourceError] = []
    docs: dict[str, Any] = {}
    for name, path in (("version", vpath), ("statement", spath)):
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
    loader turns paths into lines (:func:`locate`); the fast loader only asks whether
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


def _plain(node: Any) -> Any:
    """ruamel's round-trip types -> plain Python (dates stay dates)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def load_policy(policy_dir: Path, verify_hash: bool = True) -> Policy:
    errors: list[SourceError] = []
    meta_path = policy_dir / "policy.yaml"
    meta = read_yaml(meta_path)
    if not isinstance(meta, dict) or not isinstance(meta.get("id"), str) or not isinstance(meta.get("title"), str):
        raise SourceErrors([SourceError(meta_path, 1, 1, "policy.yaml needs an 'id' and a 'title'")])
    extra = set(meta) - {"id", "title"}
    for key in sorted(extra):
        errors.append(SourceError(meta_path, *locate(meta, [key]), f"unknown field {key!r}"))
    if meta["id"] != policy_dir.name:
        errors.append(SourceError(meta_path, *locate(meta, ["id"]),
                                  f"id is {meta['id']!r} but the folder is named {policy_dir.name!r}"))
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
    return Policy(id=meta["id"], title=meta["title"], versions=tuple(versions))


def policy_dirs(root: Path) -> list[Path]:
    """The policy folders of a source tree (those holding a ``policy.yaml``), by name."""
    if not root.is_dir():
        raise SourceErrors([SourceError(root, None, None, "source directory not found (use --source DIR)")])
    dirs = sorted(p for p in root.iterdir() if p.is_dir() and (p / "policy.yaml").is_file())
    if not dirs:
        raise SourceErrors([SourceError(root, None, None, "no policies (expected <policy>/policy.yaml)")])
    return dirs


def version_dirs(policy_dir: Path) -> list[Path]:
    """The version folders of a policy (those holding a ``version.yaml``), by name."""
    return sorted(p for p in policy_dir.iterdir() if p.is_dir() and (p / "version.yaml").is_file())


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
    return src.policy().get(version) if version else src.policy().newest()
