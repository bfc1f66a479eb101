"""The statement as a flat stream of layout tokens, numbered: what every renderer reads.

Like markdown-it's token stream, this keeps data apart from the code that
renders it: :func:`layout` turns the model into tokens, and the Markdown, HTML and
text templates only loop over them. *Which* number a node gets (its depth and its
position among numbered siblings) is decided once, by the model's walk
(:func:`generator.model.iter_nodes`, which the diff reads too); this module only
writes that number in the locale's scheme (:mod:`.numbering`), so a rendered
number and a diffed number can never disagree.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..model import Clause, Division, Node, Statement, Version
from .numbering import Numbering, numbering_for

#: ``translate(node_id, english) -> (text, lang)``; the default keeps the English.
Translate = Callable[[str, str], tuple[str, str]]


def _identity(node_id: str, text: str) -> tuple[str, str]:
    return text, ""


@dataclass(frozen=True)
class Token:
    """One layout event.

    type: heading | paragraph | definition | list_open | list_close | item_open |
    item_close | section_open | section_close.
    ``level`` is the heading level (1-6; deeper headings get 7+ and renderers
    show them as emphasised paragraphs). ``lang`` is set when a text is shown
    in another language than the document's (a translation fallback).
    """

    type: str
    id: str | None = None
    number: str = ""
    text: str = ""
    level: int = 0
    depth: int = 0
    term: str = ""
    lang: str = ""
    href: str = ""
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def prefix(self) -> str:
        """The number as written before the text: circled digits and full-width
        punctuation (一、 （一）) need no space."""
        if not self.number:
            return ""
        last = self.number[-1]
        return self.number if "\u2460" <= last <= "\u24ff" or last in "、）" else self.number + " "


def layout(version: Version, locale: str = "en", translate: Translate = _identity,
           labels: Callable[[str], str] = lambda s: s) -> list[Token]:
    """Number and flatten a version into tokens, in document order."""
    return list(_Layout(version.statement, version.clause_map(), numbering_for(locale), translate,
                        labels).tokens())


class _Layout:
    def __init__(self, st: Statement, nodes: dict[str, Node], num: Numbering, tr: Translate,
                 labels: Callable[[str], str]):
        self.st, self.nodes, self.num, self.tr, self._ = st, nodes, num, tr, labels

    def number(self, node_id: str) -> str:
        """The number the model's walk gives a node, written in this locale's scheme."""
        node = self.nodes[node_id]
        return self.num.list_number(node.depth, node.index) if node.numbered else ""

    def depth(self, node_id: str) -> int:
        return self.nodes[node_id].depth

    def text(self, node_id: str, english: str) -> tuple[str, str]:
        return self.tr(node_id, english)

    def tokens(self) -> Iterator[Token]:
        st, _ = self.st, self._
        yield Token("heading", None, "", self.text("title", st.title)[0], level=1)
        # Important reminder
        r = st.reminder
        yield Token("section_open", r.id)
        t, lang = self.text(r.id, r.title)
        yield Token("heading", r.id, "", t, level=2, lang=lang)
        for c in r.content:
            yield self.paragraph(c)
        yield Token("section_close", r.id)
        # Contents
        c = st.contents
        yield Token("section_open", c.id)
        t, lang = self.text(c.id, c.text)
        yield Token("paragraph", None, "", t, lang=lang)
        yield from self.simple_list(c.items, lambda e, number: Token(
            "paragraph", None, number, **self.text_fields(e.id, e.text), href="#" + e.refers_to))
        yield Token("section_close", c.id)
        # Part 1
        d = st.definitions
        yield Token("section_open", d.id)
        t, lang = self.text(d.id, d.title)
        yield Token("heading", d.id, self.num.part(self.nodes[d.id].index), t, level=2, lang=lang)
        yield from self.simple_list(d.definitions, lambda df, number: Token(
            "definition", None, number, **self.text_fields(df.id, df.text),
            term=self.text(df.id + ".term", df.term)[0]))
        yield Token("section_close", d.id)
        # Part 2
        p = st.statement
        yield Token("section_open", p.id)
        t, lang = self.text(p.id, p.title)
        yield Token("heading", p.id, self.num.part(self.nodes[p.id].index), t, level=2, lang=lang)
        for s in p.sections:
            yield Token("section_open", s.id)
            t, lang = self.text(s.id, s.title)
            yield Token("heading", s.id, self.num.section(self.nodes[s.id].index), t, level=3, lang=lang)
            yield from self.blocks(s.content)
            yield Token("section_close", s.id)
        yield Token("section_close", p.id)
        yield self.paragraph(st.closing)

    def text_fields(self, node_id: str, english: str) -> dict[str, str]:
        text, lang = self.text(node_id, english)
        return {"text": text, "lang": lang}

    def simple_list(self, entries, make: Callable[[object, str], Token]) -> Iterator[Token]:
        """A one-level numbered list (the table of contents, the definitions)."""
        depth = self.depth(entries[0].id) if entries else 1
        yield Token("list_open", None, depth=depth)
        for e in entries:
            number = self.number(e.id)
            yield Token("item_open", e.id, number, depth=depth)
            yield make(e, number)
            yield Token("item_close", e.id, depth=depth)
        yield Token("list_close", None, depth=depth)

    def paragraph(self, c: Clause, number: str = "", with_id: bool = True) -> Token:
        t, lang = self.text(c.id, c.text)
        return Token("paragraph", c.id if with_id else None, number, t, lang=lang)

    def blocks(self, blocks) -> Iterator[Token]:
        """Content of a section or division: paragraphs unnumbered, divisions numbered."""
        for b in blocks:
            if isinstance(b, Division):
                yield from self.division(b)
            else:
                yield self.paragraph(b)
                yield from self.items(b.items)

    def division(self, d: Division) -> Iterator[Token]:
        number = self.number(d.id)
        yield Token("section_open", d.id)
        if d.title is not None:
            t, lang = self.text(d.id, d.title)
            yield Token("heading", d.id, number, t, level=3 + self.depth(d.id), lang=lang)
            yield from self.blocks(d.content)
        else:
            # a numbered point: the number goes on its first paragraph
            first, rest = d.content[0], d.content[1:]
            yield self.paragraph(first, number)
            yield from self.items(first.items)
            yield from self.blocks(rest)
        yield from self.items(d.items)
        yield Token("section_close", d.id)

    def items(self, items) -> Iterator[Token]:
        if not items:
            return
        depth = self.depth(items[0].id)
        yield Token("list_open", None, depth=depth)
        for it in items:
            number = self.number(it.id)
            yield Token("item_open", it.id, number, depth=depth)
            if isinstance(it, Division) and it.title is not None:
                t, lang = self.text(it.id, it.title)
                yield Token("heading", None, number, t, level=3 + depth, lang=lang)
                yield from self.blocks(it.content)
                yield from self.items(it.items)
            elif isinstance(it, Division):
                first, rest = it.content[0], it.content[1:]
                yield self.paragraph(first, number)
                yield from self.items(first.items)
                yield from self.blocks(rest)
                yield from self.items(it.items)
            else:
                yield self.paragraph(it, number, with_id=False)
                yield from self.items(it.items)
            yield Token("item_close", it.id, depth=depth)
        yield Token("list_close", None, depth=depth)
