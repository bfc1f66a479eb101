"""Escaping for the formats text lands in, and inline Markdown -> HTML.

Used for AllValue's own text and, above all, for anything a merchant or any
outside party supplies: escaped text cannot open a link, an image, a heading,
an HTML block or a template tag.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)
_MD_BLOCK_START = re.compile(r"^(\s*)([-+=>#])", re.MULTILINE)
URL_OR_EMAIL = re.compile(
    r"(?P<url>https?://[^\s<>\"')\]]*[^\s<>\"')\].,;:!?])|(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def escape_markdown(text: str) -> str:
    """Backslash-escape everything Markdown could read as syntax.

    Escaped ``[]`` cannot make a link or image, ``<>&`` no HTML, autolink or
    entity, ``*_`~`` no emphasis or code, ``{}`` no attribute list, ``|`` no
    table; ``# - + = >`` and ``1.`` at a line start no heading, rule, quote or list.
    """
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\2\\\3", text)
    return _MD_BLOCK_START.sub(r"\1\\\2", text)


def _splice(pattern: re.Pattern, text: str, between: Callable[[str], str],
            match: Callable[[re.Match], str]) -> str:
    """``text`` with each match of ``pattern`` rewritten by ``match``, the rest by ``between``."""
    out, pos = [], 0
    for m in pattern.finditer(text):
        out += [between(text[pos:m.start()]), match(m)]
        pos = m.end()
    out.append(between(text[pos:]))
    return "".join(out)


def markdown_with_autolinks(text: str) -> str:
    """Escape text for Markdown, turning bare URLs and emails into autolinks."""
    return _splice(URL_OR_EMAIL, text, escape_markdown, lambda m: f"<{m.group(0)}>")


# ---------------------------------------------------------------- AllValue's own text
#: The one inline markup the statement's source may use: ``**strong**`` (the published
#: page marks terms "in bold/bold underline"). Nothing else is read as markup there, and
#: text from merchants or any outside party never gets even this.
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)


def statement_markdown(text: str) -> str:
    """AllValue's text for Markdown: escaped, URLs and emails linked, ``**strong**`` kept."""
    return _splice(_STRONG, text, markdown_with_autolinks,
                   lambda m: f"**{markdown_with_autolinks(m.group(1))}**")


def statement_html(text: str) -> str:
    """AllValue's text as inline HTML (``<strong>`` for ``**strong**``, links for URLs and emails)."""
    return inline_html(statement_markdown(text))


def statement_plain(text: str) -> str:
    """AllValue's text for plain-text output: the ``**`` markers dropped."""
    return _STRONG.sub(r"\1", text)


@lru_cache(maxsize=1)
def _md():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    # only http(s) and mailto links survive
    md.validateLink = lambda url: bool(re.match(r"^(https?:|mailto:)", url.strip(), re.I))
    return md


def inline_html(markdown: str) -> str:
    """Render one paragraph of Markdown to inline HTML with markdown-it (raw HTML off)."""
    return _md().renderInline(markdown)


def text_to_html(text: str) -> str:
    """Plain text -> safe inline HTML, with URLs and emails linked."""
    return inline_html(markdown_with_autolinks(text))
