"""Word-level comparison of two pieces of clause prose.

Normalisation comes first, so the noise Open Terms Archive's users complain of
never counts as a change: whitespace, no-break spaces, quote styles, Markdown
emphasis and list enumerators (numbering is the renderer's job). What is left is
compared word by word; :func:`is_editorial` then tells a typo or punctuation fix
(a changelog entry) from a substantive rewrite (a person decides).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..model import normalise_text
from .words import PROTECTED, entities, is_typo_fix, is_variant_spelling

SegmentOp = Literal["equal", "insert", "delete"]

_EMPHASIS_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_ENUMERATOR = re.compile(
    r"^(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6}|[IVXLC]{1,6})[.)）]|（(?:\d{1,3}|[a-z]|[IVX]{1,6})）"
    r"|[\u2160-\u217f]+[.、]?|[\u2474-\u2487\u2460-\u2473]|[-*+•])\s+"
)
_TOKEN = re.compile(r"\s+|[\w'-]+|[^\w\s]")
_WORDS = re.compile(r"[\w'-]+|[^\w\s]")


def normalise_prose(text: str | None) -> str:
    """The wording of ``text`` with formatting noise removed (see the module docstring)."""
    if not text:
        return ""
    text = normalise_text(text)
    text = _EMPHASIS_STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _CODE.sub(r"\1", text)
    text = _ENUMERATOR.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Segment:
    """A run of the redline: kept, inserted or deleted text."""

    op: SegmentOp
    text: str


@lru_cache(maxsize=4096)  # pure; a site build meets the same pair of texts in many comparisons
def redline(old: str | None, new: str | None) -> tuple[Segment, ...]:
    """Word-level insertions and deletions turning normalised ``old`` into normalised ``new``."""
    a, b = _TOKEN.findall(normalise_prose(old)), _TOKEN.findall(normalise_prose(new))
    out: list[Segment] = []

    def push(op: SegmentOp, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if out and out[-1].op == op:
            out[-1] = Segment(op, out[-1].text + text)
        else:
            out.append(Segment(op, text))

    for tag, old_tokens, new_tokens in _cleanup(difflib.SequenceMatcher(None, a, b, autojunk=False), a, b):
        if tag == "equal":
            push("equal", old_tokens)
        else:
            push("delete", old_tokens)
            push("insert", new_tokens)
    return tuple(out)


def _cleanup(matcher: difflib.SequenceMatcher, a: list[str], b: list[str]) -> list[tuple[str, list, list]]:
    """Opcodes with tiny kept runs between two changes folded into them (readable redlines).

    ``[-Our-]{+We may revise this+} Privacy`` stays, but ``[-is-]{+from+} [-subject-]{+time+}``
    becomes ``[-is subject-]{+from time+}``: a space or one short word is not worth keeping apart.
    """
    ops = [[tag, a[i1:i2], b[j1:j2]] for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    out: list[list] = []
    for i, op in enumerate(ops):
        tag, old, _ = op
        inner = 0 < i < len(ops) - 1
        words = [t for t in old if not t.isspace()]
        if tag == "equal" and inner and (not words or (len(words) == 1 and len(words[0]) <= 3)):
            op = ["replace", old, list(old)]
        if out and out[-1][0] != "equal" and op[0] != "equal":
            out[-1] = ["replace", out[-1][1] + op[1], out[-1][2] + op[2]]
        else:
            out.append(op)
    return [tuple(op) for op in out]


@lru_cache(maxsize=4096)
def is_editorial(old: str | None, new: str | None) -> bool:
    """Whether only spacing, punctuation, case, a known variant spelling or typos changed.

    A typo is a non-word corrected to a near-spelled word (:func:`.words.is_typo_fix`);
    a real word replaced by another, a word added or removed, and any change to a
    negation, modal, quantifier, number, date, duration, email, URL or phone number
    make the change substantive (see :mod:`.words`). When unsure: substantive.
    """
    old_text, new_text = normalise_prose(old), normalise_prose(new)
    if entities(old_text) != entities(new_text):
        return False
    a, b = _WORDS.findall(old_text), _WORDS.findall(new_text)
    matcher = difflib.SequenceMatcher(None, [w.lower() for w in a], [w.lower() for w in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_words = [w for w in a[i1:i2] if _is_word(w)]
        new_words = [w for w in b[j1:j2] if _is_word(w)]
        if not old_words and not new_words:
            continue  # punctuation only
        if _squashed(old_words) == _squashed(new_words):
            continue  # spacing, hyphenation or case: "e-mail" / "email", "log in" / "login"
        if len(old_words) != len(new_words):
            return False
        for x, y in zip(old_words, new_words):
            if x.lower() == y.lower():
                continue
            if x.lower() not in PROTECTED and is_variant_spelling(x, y):
                continue
            if not is_typo_fix(x, y):
                return False
    return True


def _squashed(words: list[str]) -> str:
    return "".join(w.lower().replace("-", "") for w in words)


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)
