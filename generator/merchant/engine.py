"""Render a customer notice: the template once per (version, locale, format), merchants filled in.

The templates (``templates/merchant/notice.*.j2``) never see a profile. They
ask for a merchant value with ``v(path, kind)`` and show a block only for some
merchants with ``{% call when(path) %}...{% endcall %}``; nothing else in them
depends on the merchant. That gives two ways to render, byte for byte the same:

* :func:`render_naive` — what a team writes by hand: render the template for
  each merchant, with ``v`` returning the escaped value and ``when`` deciding,
  and markdown-it run on every quoted clause each time. The reference.
* :class:`NoticeRenderer` — render the template *once*, with ``v`` leaving a
  slot marker and ``when`` wrapping its block in condition markers; compile that
  skeleton into a tree of literal text, slots and conditions; then each
  merchant costs one walk of the tree, escaping only its own values.

Markers are built from control characters (U+0001-U+0005) that no profile may
contain (:func:`~.profile.check_text` refuses them), so merchant text can never
forge one. The environment is Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment`
and profile text is only ever data: nothing a merchant writes is compiled.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from ..i18n import translator
from ..rendering.environment import environment, gettext_context
from .escape import escaper
from .notice import Notice, build_notice

if TYPE_CHECKING:
    from ..model import Version
    from .profile import MerchantProfile

FORMATS: tuple[str, ...] = ("md", "html", "text")
SUFFIX = {"md": "md", "html": "html", "text": "txt"}

_IF, _THEN, _END, _SLOT, _SLOT_END = "\x01", "\x02", "\x03", "\x04", "\x05"
_MARKER = re.compile("\x01([^\x02]*)\x02|\x03|\x04([^\x05]*)\x05")


def _template(format: str):
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    # the sandboxed environment: these filters only ever see the platform statement's text
    # (AllValue's own); profile values are escaped by .escape before they reach the skeleton
    return environment(format == "html", sandboxed=True).get_template(f"merchant/notice.{SUFFIX[format]}.j2")


def _getter(path: str) -> Callable[[Any], Any]:
    return attrgetter(path)


def _truthy(path: str, profile: MerchantProfile) -> bool:
    negate = path.startswith("!")
    value = bool(_getter(path.lstrip("!"))(profile))
    return value != negate


def _context(notice: Notice, format: str, gettext, v, when) -> dict:
    from ..i18n.locales import punctuation

    return {"notice": notice, "parts": notice.parts, "locale": notice.locale, "format": format,
            "v": v, "when": when, "punct": punctuation(notice.locale), **gettext_context(gettext)}


def _wrap(format: str, text: str) -> str:
    if format == "html":
        import markupsafe

        return markupsafe.Markup(text)
    return text


def render_naive(profile: MerchantProfile, version: Version, *, locale: str = "en",
                 format: str = "html", allow_fallback: bool = False,
                 notice: Notice | None = None) -> str:
    """The reference rendering: the whole template, and markdown-it, for this one merchant."""
    tr = translator(version, locale, allow_fallback=allow_fallback)
    notice = notice or build_notice(version, locale, tr)

    def v(path: str, kind: str = "text") -> str:
        return _wrap(format, escaper(format, kind, locale)(_getter(path)(profile)))

    def when(path: str | None, caller) -> str:
        return caller() if path is None or _truthy(path, profile) else _wrap(format, "")

    return _template(format).render(_context(notice, format, tr.gettext, v, when))


# --------------------------------------------------------------------------- skeleton
@dataclass(frozen=True)
class Slot:
    path: str
    get: Callable[[Any], Any]
    escape: Callable[[Any], str]


@dataclass(frozen=True)
class Cond:
    path: str
    get: Callable[[Any], Any]
    negate: bool
    body: tuple


def compile_skeleton(text: str, format: str, locale: str) -> tuple:
    """Parse a rendered skeleton into a tree of literal strings, :class:`Slot` and :class:`Cond`."""
    stack: list[tuple[str | None, list]] = [(None, [])]
    pos = 0
    for m in _MARKER.finditer(text):
        if m.start() > pos:
            stack[-1][1].append(text[pos:m.start()])
        pos = m.end()
        if m.group(1) is not None:
            stack.append((m.group(1), []))
        elif m.group(2) is not None:
            path, _sep, kind = m.group(2).partition("|")
            stack[-1][1].append(Slot(path, _getter(path), escaper(format, kind, locale)))
        else:
            if len(stack) == 1:
                raise ValueError("skeleton: a condition closes that was never opened")
            path, body = stack.pop()
            negate = path.startswith("!")
            stack[-1][1].append(Cond(path, _getter(path.lstrip("!")), negate, tuple(body)))
    if len(stack) != 1:
        raise ValueError(f"skeleton: condition {stack[-1][0]!r} is never closed")
    if pos < len(text):
        stack[0][1].append(text[pos:])
    return tuple(stack[0][1])


def _fill(tree: tuple, profile: Any, out: list[str]) -> None:
    for node in tree:
        if node.__class__ is str:
            out.append(node)
        elif node.__class__ is Slot:
            out.append(node.escape(node.get(profile)))
        elif bool(node.get(profile)) != node.negate:
            _fill(node.body, profile, out)


class NoticeRenderer:
    """Customer notices of one version, in one locale and format: the template rendered once."""

    def __init__(self, version: Version, locale: str = "en", format: str = "html", *,
                 allow_fallback: bool = False):
        self.version, self.locale, self.format = version, locale, format
        tr = translator(version, locale, allow_fallback=allow_fallback)
        self.notice = build_notice(version, locale, tr)

        def v(path: str, kind: str = "text") -> str:
            escaper(format, kind, locale)  # an unknown kind fails now, not per merchant
            return _wrap(format, f"{_SLOT}{path}|{kind}{_SLOT_END}")

        def when(path: str | None, caller) -> str:
            if path is None:
                return caller()
            return _wrap(format, f"{_IF}{path}{_THEN}") + caller() + _wrap(format, _END)

        self.skeleton = str(_template(format).render(_context(self.notice, format, tr.gettext, v, when)))
        self.tree = compile_skeleton(self.skeleton, format, locale)

    def render(self, profile: MerchantProfile) -> str:
        out: list[str] = []
        _fill(self.tree, profile, out)
        return "".join(out)

    def shown_parts(self, profile: MerchantProfile) -> tuple[str, ...]:
        """The parts of the notice this merchant's notice shows."""
        return tuple(name for name, p in self.notice.parts.items()
                     if p.when is None or _truthy(p.when, profile))

    def drawn_clauses(self, profile: MerchantProfile) -> tuple[str, ...]:
        """The platform clauses this merchant's notice quotes."""
        return tuple(i for name in self.shown_parts(profile) for i in self.notice.parts[name].clause_ids)


def render_notice(profile: MerchantProfile, version: Version, *, locale: str = "en",
                  format: str = "html", allow_fallback: bool = False) -> str:
    """One merchant's customer notice (for many, keep a :class:`NoticeRenderer`)."""
    return NoticeRenderer(version, locale, format, allow_fallback=allow_fallback).render(profile)
