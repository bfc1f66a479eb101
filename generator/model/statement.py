"""The prose of one version: parts, sections, divisions, clauses, and walking them in order."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Union

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from .base import ClauseId, Strict, Text, not_blank
from .facts import Fact

class Clause(Strict):
    """A paragraph of the statement, with the facts it states and an optional numbered list."""

    id: ClauseId
    text: Text
    facts: tuple[Fact, ...] = ()
    items: tuple["Block", ...] = Field((), description="A numbered list under this paragraph.")

    _text = field_validator("text")(not_blank)


class Division(Strict):
    """A numbered heading (or, without a title, a numbered point) and what it contains."""

    id: ClauseId
    title: str | None = None
    facts: tuple[Fact, ...] = ()
    content: tuple["Block", ...] = Field((), description="Paragraphs and numbered sub-divisions.")
    items: tuple["Block", ...] = Field((), description="A numbered list after the content.")

    _title = field_validator("title")(lambda v: v if v is None else not_blank(v))

    @model_validator(mode="after")
    def _has_body(self) -> "Division":
        if not self.content and not self.items:
            raise ValueError("a division needs content or items")
        if self.title is None and (not self.content or not isinstance(self.content[0], Clause)):
            raise ValueError("a division without a title must start with a paragraph")
        return self


def _block_tag(value: Any) -> str:
    if isinstance(value, dict):
        return "division" if ("content" in value or "title" in value) else "clause"
    return "division" if isinstance(value, Division) else "clause"


Block = Annotated[
    Union[Annotated[Clause, Tag("clause")], Annotated[Division, Tag("division")]],
    Discriminator(_block_tag),
]


class Definition(Strict):
    """A defined term of Part 1."""

    id: ClauseId
    term: str
    text: Text
    facts: tuple[Fact, ...] = ()

    _text = field_validator("text")(not_blank)


class Section(Strict):
    """A top-level section of Part 2 (numbered I, II, ... by the renderer)."""

    id: ClauseId
    title: str
    content: tuple[Block, ...]
    facts: tuple[Fact, ...] = ()

    _title = field_validator("title")(not_blank)


class ContentsEntry(Strict):
    """A line of the published table of contents, pointing at the section it announces."""

    id: ClauseId
    text: Text
    refers_to: str = Field(description="Id of the section this entry announces.")

    _text = field_validator("text")(not_blank)


class Contents(Strict):
    id: ClauseId
    text: Text
    items: tuple[ContentsEntry, ...]


class Reminder(Strict):
    id: ClauseId
    title: str
    content: tuple[Clause, ...]


class DefinitionsPart(Strict):
    id: ClauseId
    title: str
    definitions: tuple[Definition, ...]


class StatementPart(Strict):
    id: ClauseId
    title: str
    sections: tuple[Section, ...]


class Statement(Strict):
    """The whole text of one version, in published order."""

    title: str
    reminder: Reminder
    contents: Contents
    definitions: DefinitionsPart
    statement: StatementPart
    closing: Clause


@dataclass(frozen=True)
class Node:
    """A node of the statement in document order.

    ``kind`` is one of reminder, clause, division, definition, section, part,
    contents, contents-entry; ``numbered`` tells whether the renderer numbers it,
    ``depth`` is its numbering depth (sections 0), ``path`` the ids of its ancestors.
    """

    id: str
    kind: str
    obj: Any
    path: tuple[str, ...]
    depth: int
    numbered: bool
    index: int  # 1-based position among numbered siblings (0 when unnumbered)

    def own(self, name: str) -> str | None:
        """A prose field of the node itself (title, text, term, refers_to), or None."""
        value = self.obj.__dict__.get(name)  # pydantic's __getattr__ fallback is slow
        return value if isinstance(value, str) else None

    @property
    def text(self) -> str | None:
        return getattr(self.obj, "text", None)

    @property
    def title(self) -> str | None:
        return getattr(self.obj, "title", None) or getattr(self.obj, "term", None)

    @property
    def facts(self) -> tuple:
        return getattr(self.obj, "facts", ())

    @property
    def section(self) -> str | None:
        return self.path[2] if len(self.path) > 2 and self.path[0] == "statement" else None


def iter_nodes(st: Statement) -> Iterator[Node]:
    yield Node(st.reminder.id, "reminder", st.reminder, (), 0, False, 0)
    for c in st.reminder.content:
        yield Node(c.id, "clause", c, (st.reminder.id,), 0, False, 0)
    yield Node(st.contents.id, "contents", st.contents, (), 0, False, 0)
    for i, e in enumerate(st.contents.items, 1):
        yield Node(e.id, "contents-entry", e, (st.contents.id,), 1, True, i)
    yield Node(st.definitions.id, "part", st.definitions, (), 0, True, 1)
    for i, d in enumerate(st.definitions.definitions, 1):
        yield Node(d.id, "definition", d, (st.definitions.id,), 1, True, i)
    yield Node(st.statement.id, "part", st.statement, (), 0, True, 2)
    for i, s in enumerate(st.statement.sections, 1):
        path = (st.statement.id,)
        yield Node(s.id, "section", s, path, 0, True, i)
        yield from _iter_blocks(s.content, path + (s.id,), 0, numbered_items=False)
    yield Node(st.closing.id, "clause", st.closing, (), 0, False, 0)


def _iter_blocks(blocks, path, depth, numbered_items):
    """Divisions are always numbered; paragraphs only inside a numbered list."""
    n = 0
    for b in blocks:
        numbered = numbered_items or isinstance(b, Division)
        if numbered:
            n += 1
        yield from _iter_block(b, path, depth + 1 if numbered else depth, numbered, n if numbered else 0)


def _iter_block(b, path, depth, numbered, index):
    kind = "division" if isinstance(b, Division) else "clause"
    yield Node(b.id, kind, b, path, depth, numbered, index)
    sub = path + (b.id,)
    if isinstance(b, Division):
        yield from _iter_blocks(b.content, sub, depth, numbered_items=False)
        # items continue the numbering of the sub-divisions in content
        offset = sum(1 for c in b.content if isinstance(c, Division))
        for i, item in enumerate(b.items, offset + 1):
            yield from _iter_block(item, sub, depth + 1, True, i)
    else:
        for i, item in enumerate(b.items, 1):
            yield from _iter_block(item, sub, depth + 1, True, i)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def note_date_forms(day: "dt.date") -> list[str]:
    """How the closing "updated on" note writes a date: "August 25,2023" (as published),
    "August 25, 2023", "2023-08-25". The same index in two lists is the same form."""
    month = _MONTHS[day.month - 1]
    return [f"{month} {day.day},{day.year}", f"{month} {day.day}, {day.year}", day.isoformat()]


def normalise_text(text: str) -> str:
    """Whitespace, no-break spaces and quote styles never count as wording."""
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()
