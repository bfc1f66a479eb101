"""What lint reads: every fact a notice states, with the clause that states it and that
clause's place (its ancestors), so a check can ask what a passage says as a whole.

A notice is the platform statement (:func:`book_of_version`) or anything else that states
typed facts: a merchant's customer notice, a fixture of the labelled set. No prose is read.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Version


@dataclass(frozen=True)
class Stated:
    """One fact as a clause states it. ``path`` holds the ids of the clause's ancestors
    (its lead-ins); ``defining`` marks a fact of Part 1 (a definition says what a term
    means, not that the data is collected)."""

    clause: str
    fact: Any
    path: tuple[str, ...] = ()
    defining: bool = False

    @property
    def kind(self) -> str:
        return self.fact.kind


@dataclass(frozen=True)
class FactBook:
    """Every stated fact of one notice, in document order, and where it can be found.

    ``url`` is where the notice is published (None: not said).
    """

    name: str
    stated: tuple[Stated, ...]
    url: str | None = None

    def of(self, *kinds: str, defining: bool | None = False) -> list[Stated]:
        """The facts of these kinds (by default not those of definitions), in document order."""
        return [s for s in self._stated_as(kinds) if defining is None or s.defining == defining]

    def context(self, s: Stated, *kinds: str) -> list[Stated]:
        """The facts of ``kinds`` that the passage of ``s`` states: its own clause, its
        lead-ins (ancestors) and what it introduces (descendants)."""
        return [other for other in self._stated_as(kinds) if not other.defining and (
            other.clause == s.clause or other.clause in s.path or s.clause in other.path)]

    def _stated_as(self, kinds: tuple[str, ...]) -> list[Stated]:
        """The facts of ``kinds`` in document order, from the index by kind (every check asks,
        many times: scanning every fact each time made lint quadratic)."""
        return [s for _, s in heapq.merge(*(self._by_kind.get(k, ()) for k in set(kinds)))]

    @cached_property
    def _by_kind(self) -> dict[str, list[tuple[int, Stated]]]:
        """Each kind's facts with their place in the notice."""
        by_kind: dict[str, list[tuple[int, Stated]]] = {}
        for i, s in enumerate(self.stated):
            by_kind.setdefault(s.kind, []).append((i, s))
        return by_kind


def _walk(version: "Version") -> Iterator[Stated]:
    for node in version.nodes():
        for fact in node.facts:
            yield Stated(node.id, fact, node.path, node.kind == "definition")


def book_of_version(version: "Version") -> FactBook:
    """The facts of a version of the statement (computed once per version)."""
    return version.derived("lint-book", lambda: FactBook(
        f"{version.policy} {version.version}", tuple(_walk(version)), version.source_url))


def book_of(name: str, stated: Iterable[Stated], url: str | None = None) -> FactBook:
    return FactBook(name, tuple(stated), url)
