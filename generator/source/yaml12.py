"""The one reading of YAML: the YAML 1.2 core schema, as ruamel.yaml reads it, in two passes.

- The **fast pass** (:func:`read_fast`) parses with libyaml (PyYAML's C parser) and
  resolves plain scalars with the YAML 1.2 rules ruamel.yaml applies, not PyYAML's
  YAML 1.1 ones: ``015`` is 15 (not octal 13), ``0o15`` is 13, ``yes``/``on``/``no`` and
  ``1:20`` are strings, ``2023-08-25`` is a date. Duplicate mapping keys are refused.
  It keeps no line numbers and takes ~0.02 s for the statement.
- The **precise pass** (:func:`read_yaml`) parses with ruamel.yaml's round-trip loader,
  which keeps the line and column of every node (~0.25 s for the statement). It is used
  only to *locate* a problem: when the fast pass cannot read a file, or the data it read
  does not validate, the loader reads the file again this way and reports every problem
  at ``path:line:col`` (:func:`locate`).

Nothing else in the package imports ``yaml`` or ``ruamel``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import SourceError, SourceErrors

# ruamel.yaml's YAML 1.2 implicit resolvers (ruamel/yaml/resolver.py), in its order: the
# first that matches a plain scalar decides its type. ruamel also accepts ``_`` in
# numbers and ``0b`` binary integers; so do we.
_MERGE = "tag:yaml.org,2002:merge"
_RESOLVERS_1_2 = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:float", r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("tag:yaml.org,2002:int", r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    (_MERGE, r"^(?:<<)$", "<"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ("~", "n", "N", "")),
    ("tag:yaml.org,2002:timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[\ \t]+)[0-9][0-9]?
        :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
)
_INT_BASES = {"0b": 2, "0o": 8, "0x": 16}


class Unreadable(Exception):
    """The fast pass could not read a file; the precise pass says why, and where."""


@cache
def _fast_loader() -> type:
    """libyaml's parser with the YAML 1.2 core schema (as ruamel reads it), duplicate keys refused."""
    from yaml.constructor import ConstructorError

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same semantics, libyaml is faster

    class Yaml12Loader(base):  # type: ignore[misc,valid-type]
        yaml_implicit_resolvers: dict = {}

        def construct_yaml_int(self, node: Any) -> int:
            # YAML 1.2: a leading 0 is a decimal digit; only 0o means octal
            text = self.construct_scalar(node).replace("_", "")
            sign = -1 if text[:1] == "-" else 1
            text = text[1:] if text[:1] in ("-", "+") else text
            base = _INT_BASES.get(text[:2])
            try:
                return sign * (int(text[2:], base) if base else int(text, 10))
            except ValueError:
                raise ConstructorError(None, None, f"cannot read {node.value!r} as an integer",
                                       node.start_mark) from None

        def construct_mapping(self, node: Any, deep: bool = False) -> dict:
            seen: set = set()
            for key_node, _ in node.value:
                if key_node.tag == _MERGE:
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                    seen.add(key)
                except TypeError:
                    raise ConstructorError("while constructing a mapping", node.start_mark,
                                           "found unhashable key", key_node.start_mark) from None
                if duplicate:
                    raise ConstructorError("while constructing a mapping", node.start_mark,
                                           f"found duplicate key {key!r}", key_node.start_mark)
            return super().construct_mapping(node, deep=deep)

    for tag, pattern, first in _RESOLVERS_1_2:
        Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))
    Yaml12Loader.add_constructor("tag:yaml.org,2002:int", Yaml12Loader.construct_yaml_int)
    return Yaml12Loader


def parse_fast(text: str) -> Any:
    """YAML text -> plain Python (dicts, lists, str, int, float, bool, None, dates).

    Raises ``yaml.YAMLError`` or ``ValueError`` (an impossible date) on bad input.
    """
    return yaml.load(text, Loader=_fast_loader())


def read_fast(path: Path) -> Any:
    """The fast pass over one file; :class:`Unreadable` when it cannot read it."""
    try:
        return parse_fast(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError) as e:  # ValueError: not UTF-8, an impossible date
        raise Unreadable(str(path)) from e


def read_yaml(path: Path) -> Any:
    """The precise pass: parse one file keeping line numbers; bad YAML becomes SourceErrors."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise SourceErrors([SourceError(path, None, None, f"cannot read: {e.strerror}")]) from None
    except UnicodeDecodeError as e:
        raise SourceErrors([SourceError(path, None, None, f"not UTF-8 text: {e.reason}")]) from None
    reader = YAML(typ="rt")
    reader.allow_duplicate_keys = False
    try:
        return reader.load(text)
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
    except Exception as e:  # ruamel raises a few unmarked errors (impossible dates...)
        raise SourceErrors([SourceError(path, None, None, f"YAML error: {e}")]) from None


def locate(data: Any, loc: Iterable[str | int]) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the node a pydantic ``loc`` points at, in precise-pass data.

    Walks the ruamel tree; the position of a mapping key is used for the value
    under it, the mapping itself when the key is missing. Union tags in the loc
    (pydantic's ``clause``/``division``/fact kind) are skipped.
    """
    line = col = None
    node = data
    if hasattr(node, "lc"):
        line, col = node.lc.line, node.lc.col
    for step in loc:
        if isinstance(node, dict) and hasattr(node, "lc"):
            if step in node:
                kl, kc = node.lc.key(step)
                line, col = kl, kc
                node = node[step]
            # a missing field or a union tag: stay on the mapping
            continue
        if isinstance(node, list) and hasattr(node, "lc") and isinstance(step, int) and 0 <= step < len(node):
            line, col = node.lc.item(step)
            node = node[step]
            continue
    return (line + 1 if line is not None else None, col + 1 if col is not None else None)


def plain(node: Any) -> Any:
    """Precise-pass (ruamel round-trip) types -> plain Python (dates stay dates)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node
