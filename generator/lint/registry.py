"""The requirement registry: one named check per requirement of a law, like the classifier's rules.

Every check has the same signature, ``(book) -> Outcome``: it reads the facts of one
notice (:class:`~.book.FactBook`) and says whether the notice states what the law
requires at collection. Checks know no words: an :class:`Outcome` names the
:class:`Element` s of the requirement (English msgids, said in the reader's locale by
:mod:`generator.report.lint`), which were found, in which clauses, and what is missing.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .book import FactBook, Stated

Status = Literal["met", "partial", "missing", "not-applicable"]
#: worst last; ``not-applicable`` is never a gap
STATUSES: tuple[Status, ...] = ("not-applicable", "met", "partial", "missing")
LAWS: tuple[str, ...] = ("gdpr", "pipl", "ccpa")


@dataclass(frozen=True)
class Element:
    """One thing the requirement asks for: found (``met``), found for some items only, or not.

    ``what`` is an English msgid; ``lacking`` the codes it is missing for (a purpose
    without a legal basis...), labelled by the vocabulary; ``clauses`` where it was found.
    """

    what: str
    met: bool
    clauses: tuple[str, ...] = ()
    lacking: tuple[str, ...] = ()

    @property
    def partly(self) -> bool:
        return not self.met and bool(self.clauses)


@dataclass(frozen=True)
class Outcome:
    """What a check found: its status, its elements, the clauses that meet it, the facts it read."""

    status: Status
    elements: tuple[Element, ...] = ()
    looked_at: tuple["Stated", ...] = ()
    #: why the requirement does not apply (an English msgid), for ``not-applicable``
    reason: str = ""

    @property
    def clauses(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for e in self.elements for c in e.clauses))

    @property
    def gaps(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if not e.met)


def judge(elements: Iterable[Element], looked_at: Iterable["Stated"] = ()) -> Outcome:
    """``met`` when every element is, ``missing`` when none is even in part, else ``partial``."""
    elements = tuple(elements)
    if all(e.met for e in elements):
        status: Status = "met"
    elif not any(e.met or e.partly for e in elements):
        status = "missing"
    else:
        status = "partial"
    return Outcome(status, elements, tuple(dict.fromkeys(looked_at)))


def not_applicable(reason: str, looked_at: Iterable["Stated"] = ()) -> Outcome:
    return Outcome("not-applicable", (), tuple(looked_at), reason)


def clauses_of(stated: Iterable["Stated"]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.clause for s in stated))


def element(what: str, found: Iterable["Stated"]) -> Element:
    """An element met by any of ``found``."""
    clauses = clauses_of(found)
    return Element(what, bool(clauses), clauses)


def coverage(what: str, items: dict[str, list["Stated"]]) -> Element:
    """An element asked of every item (code -> the facts that cover it): met when all are
    covered, found in part when some are."""
    lacking = tuple(code for code, found in items.items() if not found)
    clauses = clauses_of(s for found in items.values() for s in found)
    return Element(what, bool(items) and not lacking, clauses, lacking)


CheckFn = Callable[["FactBook"], Outcome]


@dataclass(frozen=True)
class Requirement:
    """A named requirement: its id, law, citation, title (an English msgid) and check."""

    id: str
    law: str
    citation: str
    title: str
    fn: CheckFn = field(repr=False)

    @property
    def doc(self) -> str:
        return (self.fn.__doc__ or "").strip()

    def __call__(self, book: "FactBook") -> Outcome:
        return self.fn(book)


def requirement(id: str, law: str, citation: str, title: str) -> Callable[[CheckFn], CheckFn]:
    """Declare a check; the registry picks it up from the default table."""
    if law not in LAWS:
        raise ValueError(f"requirement {id}: unknown law {law!r}")

    def mark(fn: CheckFn) -> CheckFn:
        fn.requirement = Requirement(id, law, citation, title, fn)  # type: ignore[attr-defined]
        return fn

    return mark


class RequirementRegistry:
    """Requirements in report order; ``get`` refuses unknown ids."""

    def __init__(self, functions: Iterable[CheckFn]):
        self._requirements = [fn.requirement for fn in functions]  # type: ignore[attr-defined]
        ids = [r.id for r in self._requirements]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate requirement ids in {ids}")

    def __iter__(self) -> Iterator[Requirement]:
        return iter(self._requirements)

    def __len__(self) -> int:
        return len(self._requirements)

    def get(self, requirement_id: str) -> Requirement:
        for r in self._requirements:
            if r.id == requirement_id:
                return r
        raise KeyError(f"unknown requirement {requirement_id!r} "
                       f"(known: {', '.join(r.id for r in self._requirements)})")

    def for_laws(self, laws: Iterable[str]) -> list[Requirement]:
        laws = set(laws)
        return [r for r in self._requirements if r.law in laws]
