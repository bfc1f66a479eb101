"""Structural, word-level and fact-level comparison of two versions, keyed by permanent id.

Public API (stable; the site calls it)::

    from generator.diff import compare
    from generator.classify import classify
    from generator.report import render_report

    diff = compare(old_version, new_version)      # -> VersionDiff
    report = classify(diff)                       # -> Report
    html = render_report(report, "html")          # text | markdown | json | html

Clauses are matched by id, never by number: a clause is *added*, *removed*,
*modified* (wording or facts), *moved* (another parent, or out of order among its
siblings) or *renumbered* (same place, another number because a sibling came or
went). A move or renumbering is never shown as a rewrite. Wording is compared
after normalisation (:mod:`generator.diff.text`), facts by key (:mod:`generator.diff.facts`).
"""
from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from .facts import FactChange, compare_facts, key_string, stated_facts
from .text import Segment, is_editorial, normalise_prose, redline

if TYPE_CHECKING:
    from ..model import Decision, Node, Version

ChangeKind = Literal["added", "removed", "modified", "moved", "renumbered"]
#: The prose fields of a node that are compared, in display order.
PROSE_FIELDS = ("term", "title", "text", "refers_to")


@dataclass(frozen=True)
class FieldChange:
    """One prose field of a clause (title, term or text) whose wording changed."""

    name: str
    old: str
    new: str
    segments: tuple[Segment, ...]
    editorial: bool


@dataclass(frozen=True)
class ClauseChange:
    """Everything that happened to one node (clause, division, section...) between two versions.

    ``kinds`` lists every kind that applies, most telling first (``("moved", "modified")``).
    Locations are data: ``old_path``/``new_path`` are ancestor ids, ``old_number``/``new_number``
    the position among numbered siblings (0 when not numbered).
    """

    id: str
    kinds: tuple[ChangeKind, ...]
    node_kind: str
    old_path: tuple[str, ...] | None
    new_path: tuple[str, ...] | None
    old_number: int = 0
    new_number: int = 0
    fields: tuple[FieldChange, ...] = ()
    facts: tuple[FactChange, ...] = ()
    label: str = ""

    @property
    def kind(self) -> ChangeKind:
        return self.kinds[0]

    @property
    def prose_changed(self) -> bool:
        return bool(self.fields)

    @property
    def prose_editorial(self) -> bool:
        """Only typos, case or punctuation changed in its wording."""
        return all(f.editorial for f in self.fields)

    @property
    def section(self) -> str | None:
        return section_of(self.new_path if self.new_path is not None else self.old_path)


def section_of(path: tuple[str, ...] | None) -> str | None:
    """The section of Part 2 an ancestor path runs through (None outside Part 2)."""
    return path[1] if path and len(path) > 1 and path[0] == "statement" else None


@dataclass(frozen=True)
class VersionDiff:
    """The comparison of two versions: clause changes in document order and fact changes.

    Each clause change carries its own fact changes, compared clause by clause: what the
    classifier judges (a fact that survives in another clause is still a change of this
    one). ``fact_changes`` are the changes of the statement as a whole (the same fact in
    another clause is no change there), for reports and for questions of novelty ("is
    this category collected anywhere yet?": :meth:`stated_before`). ``decisions`` are
    the recorded decisions that may settle this diff (the new version's own first).
    """

    old: "Version"
    new: "Version"
    changes: tuple[ClauseChange, ...]
    fact_changes: tuple[FactChange, ...]
    decisions: tuple["Decision", ...] = ()
    inherited_decisions: tuple[tuple["Decision", "Version"], ...] = ()
    old_nodes: dict[str, "Node"] = field(default_factory=dict, repr=False, compare=False)
    new_nodes: dict[str, "Node"] = field(default_factory=dict, repr=False, compare=False)
    old_label: str = ""
    new_label: str = ""
    old_stated: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)
    new_stated: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)
    #: clauses a fact rule judged (set by the classifier): their wording is the facts' to explain
    decided_by_facts: frozenset[str] = frozenset()

    def stated_before(self, key: tuple) -> bool:
        """Whether the old version states a fact with this key anywhere (definitions aside)."""
        return key_string(key) in self.old_stated

    def stated_after(self, key: tuple) -> bool:
        return key_string(key) in self.new_stated

    def lead_in(self, change: ClauseChange, side: Literal["old", "new"] | None = None) -> "Node | None":
        """The node a clause is listed under ("You may request us to delete personal information
        in the following circumstances:"), as ``side`` reads it (by default the version the
        clause is in: the old one for a clause removed): None when the clause has no parent,
        moved to another one, or its parent is not in both versions."""
        old = change.old_path[-1] if change.old_path else None
        new = change.new_path[-1] if change.new_path else None
        parent = old if change.kind == "removed" else new
        if parent is None or (old is not None and new is not None and old != new):
            return None
        if parent not in self.old_nodes or parent not in self.new_nodes:
            return None
        side = side or ("old" if change.kind == "removed" else "new")
        return (self.old_nodes if side == "old" else self.new_nodes)[parent]

    def lead_ins_of_move(self, change: ClauseChange) -> tuple["Node | None", "Node | None"]:
        """For a clause moved to another parent: the node it left (as the old version reads it)
        and the node it joined (as the new one does), each only where that parent is in both
        versions; (None, None) for any other change."""
        if "moved" not in change.kinds or not change.old_path or not change.new_path:
            return None, None
        old, new = change.old_path[-1], change.new_path[-1]
        if old == new:
            return None, None
        kept = self.old_nodes.keys() & self.new_nodes.keys()
        return (self.old_nodes[old] if old in kept else None), (self.new_nodes[new] if new in kept else None)

    def joined_or_split_with(self, change: ClauseChange) -> str | None:
        """The clause this one was joined with, or split from, word for word: a clause removed
        whose text now ends (or starts) a sibling's, or one added whose text a sibling's
        used to end (or start). Words are compared as :func:`normalise_prose` reads them; None when the
        change is no such join or split."""
        def text(nodes: dict, ident: str) -> str:
            node = nodes.get(ident)
            return normalise_prose(node.text) if node is not None else ""

        def parent(c: ClauseChange) -> str | None:
            path = c.old_path if c.kind == "removed" else c.new_path
            return path[-1] if path else None

        def joined(whole: str, part: str, rest: str) -> bool:
            return bool(part and rest) and whole in (f"{part} {rest}", f"{rest} {part}")

        if change.kind not in ("modified", "added", "removed") or parent(change) is None:
            return None
        for other in self.changes:
            if other.id == change.id or parent(other) != parent(change) or \
                    {change.kind, other.kind} not in ({"modified", "removed"}, {"modified", "added"}):
                continue
            kept, gone = (change, other) if change.kind == "modified" else (other, change)
            if gone.kind == "removed":  # joined: the kept clause's new words are its old ones and the other's
                whole, part, rest = text(self.new_nodes, kept.id), text(self.old_nodes, kept.id), \
                    text(self.old_nodes, gone.id)
            else:  # split: its old words are its new ones and the added clause's
                whole, part, rest = text(self.old_nodes, kept.id), text(self.new_nodes, kept.id), \
                    text(self.new_nodes, gone.id)
            if joined(whole, part, rest):
                return other.id
        return None

    @property
    def identical(self) -> bool:
        return not self.changes and not self.fact_changes and not self.impact_assessment_changed

    @property
    def impact_assessment_changed(self) -> bool:
        return self.old.impact_assessment != self.new.impact_assessment

    @cached_property
    def fact_clauses(self) -> frozenset[str]:
        """Clauses whose own facts changed: there, facts decide."""
        return frozenset(c.id for c in self.changes if c.facts)

    @cached_property
    def fact_subtrees(self) -> frozenset[str]:
        """Clauses facts decided, and their ancestors: a division added or removed with them
        is covered by their findings."""
        out = set(self.decided_by_facts)
        for ident in self.decided_by_facts:
            for nodes in (self.old_nodes, self.new_nodes):
                if ident in nodes:
                    out.update(nodes[ident].path)
        return frozenset(out)

    def change(self, clause_id: str) -> ClauseChange | None:
        return next((c for c in self.changes if c.id == clause_id), None)


def compare(old: "Version", new: "Version", *, between: Sequence["Version"] = (),
            old_label: str = "", new_label: str = "") -> VersionDiff:
    """Compare two versions directly (a change made and undone in between is no change).

    ``between`` are the versions strictly between ``old`` and ``new``, oldest first: their
    recorded decisions settle a clause here too when the clause still reads as they decided.
    """
    old_nodes, new_nodes = old.clause_map(), new.clause_map()
    old_stated = old.derived("stated_facts", lambda: stated_facts(old_nodes))
    new_stated = new.derived("stated_facts", lambda: stated_facts(new_nodes))
    fact_changes, per_clause = compare_facts(old_nodes, new_nodes, old_all=old_stated, new_all=new_stated)
    moved, renumbered = _moves(old, new, old_nodes, new_nodes)
    changes: list[ClauseChange] = []
    for ident in _document_order(old, new, old_nodes, new_nodes):
        o, n = old_nodes.get(ident), new_nodes.get(ident)
        facts = tuple(per_clause.get(ident, ()))
        if o is None or n is None:
            node = n or o
            fields = _field_changes(o, n)
            changes.append(ClauseChange(ident, ("added" if o is None else "removed",), node.kind,
                                        o.path if o else None, n.path if n else None,
                                        o.index if o else 0, n.index if n else 0, fields, facts,
                                        _label(node)))
            continue
        fields = _field_changes(o, n)
        kinds: list[ChangeKind] = []
        if ident in moved:
            kinds.append("moved")
        if fields or facts or o.kind != n.kind:
            kinds.append("modified")
        if ident in renumbered and not kinds:
            kinds.append("renumbered")
        if kinds:
            changes.append(ClauseChange(ident, tuple(kinds), n.kind, o.path, n.path, o.index, n.index,
                                        fields, facts, _label(n)))
    same = old.version == new.version and old.compute_hash() == new.compute_hash()
    inherited = () if same else tuple((d, v) for v in reversed(between) for d in v.decisions)
    return VersionDiff(old, new, tuple(changes), tuple(fact_changes),
                       () if same else new.decisions, inherited, old_nodes, new_nodes,
                       old_label or old.version, new_label or new.version, old_stated, new_stated)


# --------------------------------------------------------------------------- helpers
def _field_changes(o: "Node | None", n: "Node | None") -> tuple[FieldChange, ...]:
    out = []
    for name in PROSE_FIELDS:
        a = o.own(name) if o else None
        b = n.own(name) if n else None
        if a == b:
            continue
        na, nb = normalise_prose(a), normalise_prose(b)
        if na == nb:
            continue
        editorial = a is not None and b is not None and is_editorial(a, b)
        out.append(FieldChange(name, na, nb, redline(a, b), editorial))
    return tuple(out)


def _label(node: "Node") -> str:
    text = node.title or node.text or node.id
    text = normalise_prose(text)
    return text if len(text) <= 60 else text[:57].rstrip() + "..."


def _parent(node: "Node") -> str:
    return node.path[-1] if node.path else ""


def _moves(old: "Version", new: "Version", old_nodes: dict, new_nodes: dict) -> tuple[set[str], set[str]]:
    """Ids moved (another parent, or out of order among kept siblings) and ids only renumbered."""
    moved: set[str] = set()
    renumbered: set[str] = set()
    old_children: dict[str, list[str]] = {}
    new_children: dict[str, list[str]] = {}
    for n in old_nodes.values():
        old_children.setdefault(_parent(n), []).append(n.id)
    for n in new_nodes.values():
        new_children.setdefault(_parent(n), []).append(n.id)
    for ident, n in new_nodes.items():
        o = old_nodes.get(ident)
        if o is not None and _parent(o) != _parent(n):
            moved.add(ident)
    for parent, kids in new_children.items():
        before = [i for i in old_children.get(parent, []) if i in new_nodes and _parent(new_nodes[i]) == parent]
        after = [i for i in kids if i in old_nodes and _parent(old_nodes[i]) == parent]
        if before != after:
            matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
            kept = {x for blk in matcher.get_matching_blocks() for x in before[blk.a:blk.a + blk.size]}
            moved.update(i for i in after if i not in kept)
    for ident, n in new_nodes.items():
        o = old_nodes.get(ident)
        if o is not None and ident not in moved and (o.index, o.depth, o.numbered) != (n.index, n.depth, n.numbered):
            renumbered.add(ident)
    return moved, renumbered


def _document_order(old: "Version", new: "Version", old_nodes: dict, new_nodes: dict) -> list[str]:
    """New document order, each removed node placed after its nearest kept predecessor."""
    order = list(new_nodes)
    position = {ident: i for i, ident in enumerate(order)}
    inserts: dict[int, list[str]] = {}
    anchor = -1
    for ident in old_nodes:
        if ident in position:
            anchor = position[ident]
        else:
            inserts.setdefault(anchor, []).append(ident)
    out = list(inserts.get(-1, []))
    for i, ident in enumerate(order):
        out.append(ident)
        out.extend(inserts.get(i, []))
    return out


def summarise_kinds(changes: Sequence[ClauseChange]) -> dict[str, int]:
    """How many clauses changed in each way (a clause counts once per kind)."""
    counts: dict[str, int] = {}
    for c in changes:
        for k in c.kinds:
            counts[k] = counts.get(k, 0) + 1
    return counts


def as_dict(segments: Sequence[Segment]) -> list[dict[str, Any]]:
    return [{"op": s.op, "text": s.text} for s in segments]
