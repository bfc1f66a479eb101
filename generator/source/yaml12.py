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

Both passes are bounded (README, "Limits"): a file above :data:`MAX_SOURCE_BYTES` is refused
before it is parsed; so are bytes that are not UTF-8 and characters YAML text may not hold
(NUL, other control characters), at their line and column. Anchors and aliases are refused
as the parser produces them, before anything is expanded (a "billion laughs" file costs
nothing), and so is nesting deeper than :data:`MAX_DEPTH` (libyaml's composer is recursive
C: a file of 30,000 ``[`` would crash the interpreter). A value YAML reads but Python cannot
hold (``2023-02-30``, an integer of 5,000 digits) is reported where it is.

Nothing else in the package imports ``yaml`` or ``ruamel``.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..errors import SourceError, SourceErrors
from .inputs import character_name, decode, position, read_bytes

#: A source file larger than this is refused before it is parsed (the statement is ~80 KB).
MAX_SOURCE_BYTES = 5 * 1024 * 1024
#: Collections nested deeper than this are refused (the statement nests 18 deep).
MAX_DEPTH = 64
ANCHORS_REFUSED = "YAML anchors and aliases are not allowed"
DEPTH_REFUSED = f"nested deeper than {MAX_DEPTH} levels"
# what YAML 1.2 calls printable (ruamel's Reader.NON_PRINTABLE: tab, newlines, 20-7E, 85,
# A0-D7FF, E000-FFFD, 10000-10FFFF) may appear; the rest may not. Written as the characters
# it refuses, the same set (a test compares every code point with ruamel's), compiled in 1 ms,
# not 9 ms: every command reads a file through it.
_NON_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")

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
def _fast_loader(anchors: bool = True) -> type:
    """libyaml's parser with the YAML 1.2 core schema (as ruamel reads it), duplicate keys refused.

    Nodes are composed in Python from libyaml's events (PyYAML's composer, flattened), not
    by libyaml's recursive C composer, so that nesting deeper than :data:`MAX_DEPTH` and,
    unless ``anchors``, an anchor or an alias are refused at the event, before any node is
    built. It costs ~5 ms on the statement.
    """
    import yaml
    from yaml.composer import Composer, ComposerError
    from yaml.constructor import ConstructorError
    from yaml.events import AliasEvent, MappingEndEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same semantics, libyaml is faster

    class Yaml12Loader(base):  # type: ignore[misc,valid-type]
        yaml_implicit_resolvers: dict = {}
        # the Python composer, over whichever parser the base class has; compose_node below
        check_node = Composer.check_node
        get_node = Composer.get_node
        get_single_node = Composer.get_single_node
        compose_document = Composer.compose_document

        def __init__(self, stream: Any) -> None:
            super().__init__(stream)
            self.anchors: dict = {}
            self.depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            # PyYAML's Composer.compose_node, flattened (it is the hot loop of the fast pass)
            event = self.get_event()
            cls, anchor = event.__class__, event.anchor
            if anchor is not None:
                if not anchors:
                    raise ComposerError(None, None, ANCHORS_REFUSED, event.start_mark)
                if cls is AliasEvent:
                    if anchor not in self.anchors:
                        raise ComposerError(None, None, f"found undefined alias {anchor!r}", event.start_mark)
                    return self.anchors[anchor]
                if anchor in self.anchors:
                    raise ComposerError(f"found duplicate anchor {anchor!r}; first occurrence",
                                        self.anchors[anchor].start_mark, "second occurrence", event.start_mark)
            tag = event.tag
            if cls is ScalarEvent:
                if tag is None or tag == "!":
                    tag = self.resolve(ScalarNode, event.value, event.implicit)
                node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
                if anchor is not None:
                    self.anchors[anchor] = node
                return node
            if self.depth >= MAX_DEPTH:
                raise ComposerError(None, None, DEPTH_REFUSED, event.start_mark)
            self.depth += 1
            sequence = cls is SequenceStartEvent
            kind = SequenceNode if sequence else MappingNode
            if tag is None or tag == "!":
                tag = self.resolve(kind, None, event.implicit)
            node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if anchor is not None:
                self.anchors[anchor] = node
            append = node.value.append
            if sequence:
                while self.peek_event().__class__ is not SequenceEndEvent:
                    append(self.compose_node(node, None))
            else:
                while self.peek_event().__class__ is not MappingEndEvent:
                    key = self.compose_node(node, None)
                    append((key, self.compose_node(node, key)))
            node.end_mark = self.get_event().end_mark
            self.depth -= 1
            return node

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


def parse_fast(text: str, *, anchors: bool = True) -> Any:
    """YAML text -> plain Python (dicts, lists, str, int, float, bool, None, dates).

    Raises ``yaml.YAMLError`` or ``ValueError`` (an impossible date) on bad input,
    nesting deeper than :data:`MAX_DEPTH` included, and anchors and aliases unless
    ``anchors`` (files are read with ``anchors=False``: :func:`read_fast`).
    """
    import yaml  # PyYAML's libyaml parser; imported here, as a command may need no YAML at all

    return yaml.load(text, Loader=_fast_loader(anchors))


def read_text(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> str:
    """The text of a YAML file; SourceErrors for an OS error, a file above ``max_bytes``,
    bytes that are not UTF-8 and characters YAML text may not hold (at their line and column)."""
    text = decode(path, read_bytes(path, max_bytes))
    bad = _NON_PRINTABLE.search(text)
    if bad:
        line, column = position(text, bad.start())
        raise SourceErrors([SourceError(path, line, column,
                                        f"{character_name(bad.group())} is not allowed in YAML text")])
    return text


def read_fast(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> Any:
    """The fast pass over one file; :class:`Unreadable` when it cannot read it, for any reason
    (the precise pass says what, and where)."""
    try:
        return parse_fast(read_text(path, max_bytes), anchors=False)
    except Exception as e:
        raise Unreadable(str(path)) from e


@cache
def _precise() -> SimpleNamespace:
    """ruamel's round-trip loader, bounded like the fast pass, locating bad values."""
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.events import AliasEvent, ScalarEvent

    class Refused(MarkedYAMLError):
        """A problem this module finds (not ruamel's syntax errors): its message is shown as is."""

    class BoundedComposer(Composer):
        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.parser.peek_event()
            if isinstance(event, AliasEvent) or event.anchor is not None:
                raise Refused(None, None, ANCHORS_REFUSED, event.start_mark)
            nesting = getattr(self, "nesting", 0)  # the collections around this node
            if nesting >= MAX_DEPTH and not isinstance(event, ScalarEvent):
                raise Refused(None, None, DEPTH_REFUSED, event.start_mark)
            self.nesting = nesting + 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.nesting = nesting

    class LocatingConstructor(RoundTripConstructor):
        def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
            try:
                return super().construct_non_recursive_object(node, tag)
            except MarkedYAMLError:
                raise
            except Exception as e:  # an impossible date, a number Python will not convert...
                raise Refused(None, None, _value_problem(node, e), node.start_mark) from None

    return SimpleNamespace(Composer=BoundedComposer, Constructor=LocatingConstructor, Refused=Refused)


def _value_problem(node: Any, error: Exception) -> str:
    value = str(getattr(node, "value", ""))
    tag = str(getattr(node.tag, "value", node.tag) or "")
    if tag.endswith(":timestamp"):
        return f"invalid date {value!r}: {error}"
    shown = value if len(value) <= 20 else value[:20] + "..."
    what = {"int": "an integer", "float": "a number", "bool": "a boolean", "binary": "binary data"}.get(
        tag.rsplit(":", 1)[-1], f"a {tag.rsplit(':', 1)[-1]}" if tag else "a value")
    reason = str(error)
    if "integer string conversion" in reason:
        reason = f"it has more than {sys.get_int_max_str_digits()} digits"
    return f"cannot read {shown!r} as {what}: {reason}"


def read_yaml(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> Any:
    """The precise pass: parse one file keeping line numbers; bad YAML becomes SourceErrors."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    text = read_text(path, max_bytes)
    precise = _precise()
    reader = YAML(typ="rt")
    reader.allow_duplicate_keys = False
    reader.Composer = precise.Composer
    reader.Constructor = precise.Constructor
    try:
        return reader.load(text)
    except precise.Refused as e:
        mark = e.problem_mark
        raise SourceErrors([SourceError(path, mark.line + 1, mark.column + 1, e.problem)]) from None
    except MarkedYAMLError as e:
        # an unterminated construct is best shown where it started
        at_end = "end of stream" in (e.problem or "")
        mark = (e.context_mark if at_end else None) or e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = e.problem or e.context
        if e.context and (at_end or (e.problem or "").startswith("but ")):
            problem = f"{e.context}: {e.problem}"
        msg = f"YAML syntax error: {problem}"
        raise SourceErrors([SourceError(path, line, col, msg)]) from None
    except Exception as e:  # a few unmarked errors (bad values are located above)
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
