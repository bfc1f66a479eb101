"""A clause as a reader names it: its number and the heading it stands under, in a locale.

A finding is about a clause id (``rights.respond.time``), which is for machines; a reader
knows the clause as "Ⅴ. How you exercise your rights · (3)" or "第五部分 您如何行使个人信息权利
·（三）". :func:`clause_names` walks the locale's layout of a version once (the one numbered
walk: numbers written in the locale's scheme, headings translated) and names every node
with an id: the nearest heading above it (its number and text, never cut) and the numbers
of the items between that heading and the node.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Translator
    from ..model import Version

class ClauseName(str):
    """A clause's name; ``lang`` is "en" where its heading is the English original (a
    translation is missing), so that an output can mark it."""

    lang = ""


def _english(name: str) -> "ClauseName":
    named = ClauseName(name)
    named.lang = "en"
    return named


#: Between a heading and the numbers of the items below it.
SEPARATOR = " · "


def _plain(text: str) -> str:
    """Heading text without the one markup the source may carry (``**strong**``)."""
    return " ".join(text.replace("**", "").split())


def clause_names(version: "Version", tr: "Translator") -> dict[str, "ClauseName"]:
    """Every node id of ``version`` → its name in ``tr``'s locale."""
    from ..rendering.layout import layout

    names: dict[str, str] = {}
    # open containers: (id, kind, heading name, item numbers since that heading)
    stack: list[tuple[str | None, str, str, tuple[str, ...]]] = [(None, "root", ClauseName(""), ())]
    for t in layout(version, tr.locale, tr.translate, tr.gettext)[1:]:
        _, _, heading, numbers = stack[-1]
        if t.type == "section_open":  # a top-level section starts afresh; a nested one inherits
            top = all(kind != "section" for _, kind, _, _ in stack)
            stack.append((t.id, "section", ClauseName("") if top else heading, () if top else numbers))
        elif t.type == "item_open":
            stack.append((t.id, "item", heading, numbers + ((t.number.strip(),) if t.number else ())))
        elif t.type in ("section_close", "item_close", "list_close"):
            if t.type != "list_close" and len(stack) > 1:
                stack.pop()
        elif t.type == "heading" and t.level >= 2:
            name = _plain(_numbered(t.number, t.text))
            name = _english(name) if t.lang else ClauseName(name)
            node_id, kind, _, _ = stack[-1]
            stack[-1] = (node_id, kind, name, ())
            if t.id:
                names[t.id] = name
        elif t.type == "paragraph" and t.id and t.id not in names:
            names[t.id] = _join(heading, (t.number.strip(),) if t.number else ())
        if t.type in ("section_open", "item_open") and t.id:
            _, _, heading, numbers = stack[-1]
            names.setdefault(t.id, _join(heading, numbers))
    # an item's name is final once its own heading (if any) is known
    return names


def _numbered(number: str, text: str) -> str:
    """``Ⅰ. How we…``, ``一、我们…`` (no space after a full-width mark)."""
    number = number.strip()
    if not number:
        return text
    return number + text if ord(number[-1]) > 0x2E7F else f"{number} {text}"


def _join(heading: str, numbers: tuple[str, ...]) -> str:
    number = "".join(numbers)
    joined = heading + SEPARATOR + number if heading and number else heading or number
    return _english(joined) if getattr(heading, "lang", "") else ClauseName(joined)
