"""Fact-level comparison of two versions, keyed by each fact's identity, not its position.

Facts are compared twice, both with deepdiff over dicts keyed by ``Fact.key``:

* **per clause** — what the clause itself now states differently (shown beside its redline);
* **over the whole version** — what the statement as a whole now says differently. This
  is what the classifier reasons over: the same email appearing in a new clause is not a
  new contact, a recipient moved from one clause to another is not a new recipient.

A version-level change is attributed to the clauses where it happened, so every
finding has a location. Values are merged per key (``{field: sorted distinct values}``,
channels unioned) because a key may occur in several clauses.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal


if TYPE_CHECKING:
    from ..model import Node

FactChangeKind = Literal["added", "removed", "modified"]
Merged = dict[str, list[Any]]


@dataclass(frozen=True)
class FactChange:
    """One fact added, removed or modified, at one scope (a clause, or the whole version).

    ``old``/``new`` are the merged values (``{field: [values]}``), ``fields`` the
    fields that differ when modified, ``clauses`` the clause ids where it happened.
    Data only: :mod:`generator.report.words` says it in any locale.
    """

    change: FactChangeKind
    kind: str
    key: tuple[str, ...]
    old: Merged | None
    new: Merged | None
    fields: tuple[str, ...] = ()
    clauses: tuple[str, ...] = ()
    scope: Literal["clause", "version"] = "version"

    def values(self, side: Literal["old", "new"], name: str) -> list[Any]:
        """The merged values of one field on one side (empty when absent)."""
        data = self.old if side == "old" else self.new
        return list((data or {}).get(name, []))


def key_string(key: tuple) -> str:
    return "|".join(str(k) for k in key)


def merge(facts: Iterable[Any]) -> dict[str, Merged]:
    """Facts grouped by key; each field's distinct values sorted (a list field's items, such
    as channels, circumstances or safeguards, unioned: any tuple field of a fact is one)."""
    out: dict[str, dict[str, set]] = {}
    for fact in facts:
        slot = out.setdefault(key_string(fact.key), {})
        for name, value in fact.data().items():
            if name == "kind":
                continue
            values = slot.setdefault(name, set())
            if isinstance(value, list):
                values.update(value)
            else:
                values.add(value)
    return {k: {n: sorted(v, key=_sort_key) for n, v in sorted(fields.items())}
            for k, fields in sorted(out.items())}


def _sort_key(value: Any) -> tuple:
    return (str(type(value).__name__), value if value is not None else "")


def stated_facts(nodes: dict[str, "Node"]) -> dict[str, Merged]:
    """Every fact a version states, merged by key (see :func:`_states`)."""
    return merge(f for n in nodes.values() for f in n.facts if _states(n, f))


def compare_facts(old_nodes: dict[str, "Node"], new_nodes: dict[str, "Node"], *,
                  old_all: dict[str, Merged] | None = None, new_all: dict[str, Merged] | None = None,
                  ) -> tuple[list[FactChange], dict[str, list[FactChange]]]:
    """Version-level fact changes (attributed to clauses) and per-clause fact changes.

    ``old_all``/``new_all`` are :func:`stated_facts` of each side when the caller has
    them already (a version's are computed once, see :meth:`Version.derived`).
    """
    per_clause: dict[str, list[FactChange]] = {}
    old_by_clause: dict[str, dict[str, Merged]] = {}
    new_by_clause: dict[str, dict[str, Merged]] = {}
    for ident in list(old_nodes) + [i for i in new_nodes if i not in old_nodes]:
        o, n = old_nodes.get(ident), new_nodes.get(ident)
        of, nf = (o.facts if o else ()), (n.facts if n else ())
        if of == nf:
            continue
        of = tuple(f for f in of if _states(o, f))
        nf = tuple(f for f in nf if _states(n, f))
        mo, mn = merge(of), merge(nf)
        if mo != mn:
            old_by_clause[ident], new_by_clause[ident] = mo, mn
    if old_by_clause:
        for ident, changes in _group(_deep_changes(old_by_clause, new_by_clause, depth=1)).items():
            per_clause[ident] = [FactChange(c, _kind(k), _key(k), old_by_clause[ident].get(k),
                                            new_by_clause[ident].get(k), f, (ident,), "clause")
                                 for c, k, f in changes]
    order = list(new_nodes) + [i for i in old_nodes if i not in new_nodes]
    old_all = stated_facts(old_nodes) if old_all is None else old_all
    new_all = stated_facts(new_nodes) if new_all is None else new_all
    version_changes = []
    # deepdiff sees only the keys that differ: equal facts need no deep comparison
    differing = {k for k in old_all.keys() | new_all.keys() if old_all.get(k) != new_all.get(k)}
    if differing:
        old_diff = {k: v for k, v in old_all.items() if k in differing}
        new_diff = {k: v for k, v in new_all.items() if k in differing}
        for change, k, fields in _deep_changes(old_diff, new_diff, depth=0):
            where = tuple(i for i in order if any(key_string(c.key) == k for c in per_clause.get(i, ())))
            version_changes.append(FactChange(change, _kind(k), _key(k), old_all.get(k), new_all.get(k),
                                              fields, where, "version"))
    return version_changes, per_clause


def _states(node: "Node", fact: Any) -> bool:
    """Whether the version *states* this fact, rather than defining a term with it.

    Part 1 Definition 5 lists what counts as sensitive (biometrics, bank accounts...);
    that is not a statement that they are collected, so data facts on definitions do
    not count as collected data (the controller of Definition 1 does count).
    """
    return not (node.kind == "definition" and fact.kind == "data")


def _deep_changes(old: dict, new: dict, depth: int) -> list[tuple]:
    """(change, [clause id,] fact key, fields) from one deepdiff call over nested dicts.

    ``depth`` is how many levels of grouping sit above the fact keys (1 for per clause).
    """
    from deepdiff import DeepDiff  # imported where used: most commands never diff facts

    # threshold_to_diff_deeper=0: always report per key, never "the whole dict changed"
    tree = DeepDiff(old, new, view="tree", ignore_order=False, threshold_to_diff_deeper=0)
    found: dict[tuple, dict[str, Any]] = {}
    for report_type, levels in tree.items():
        for level in levels:
            path = level.path(output_format="list")
            group, rest = tuple(path[:depth]), path[depth:]
            if not rest:  # a whole clause appeared or disappeared
                t1 = level.t1 if isinstance(level.t1, dict) else {}
                t2 = level.t2 if isinstance(level.t2, dict) else {}
                for k in sorted(set(t1) | set(t2)):
                    if t1.get(k) != t2.get(k):
                        change = "added" if k not in t1 else "removed" if k not in t2 else "modified"
                        fields = {n for n in set(t1.get(k) or {}) | set(t2.get(k) or {})
                                  if (t1.get(k) or {}).get(n) != (t2.get(k) or {}).get(n)}
                        found.setdefault(group + (k,), {"change": change, "fields": fields})
                continue
            k = rest[0]
            slot = found.setdefault(group + (k,), {"change": "modified", "fields": set()})
            if len(rest) > 1:
                slot["fields"].add(str(rest[1]))
            elif report_type == "dictionary_item_added":
                slot["change"] = "added"
            elif report_type == "dictionary_item_removed":
                slot["change"] = "removed"
            else:  # the fact's fields replaced wholesale
                a, b = level.t1 if isinstance(level.t1, dict) else {}, level.t2 if isinstance(level.t2, dict) else {}
                slot["fields"].update(n for n in set(a) | set(b) if a.get(n) != b.get(n))
    return [(v["change"],) + k + (tuple(sorted(v["fields"])),) for k, v in sorted(found.items())]


def _group(changes: list[tuple]) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for change, ident, k, fields in changes:
        out.setdefault(ident, []).append((change, k, fields))
    return out


def _key(k: str) -> tuple[str, ...]:
    return tuple(k.split("|"))


def _kind(k: str) -> str:
    return k.split("|", 1)[0]
