"""Numbering schemes: numbers are the renderer's job, never part of the text.

One scheme per locale, by nesting depth: sections Ⅰ. Ⅱ. …, then 1. / (1) / ① /
a. / i. — the scheme the published English copy uses where its numbering
survived, applied everywhere so the rendering repairs what the copy lost.
"""
from __future__ import annotations

from dataclasses import dataclass

ROMAN = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "Ⅺ", "Ⅻ"]


def roman(n: int) -> str:
    if 1 <= n <= len(ROMAN):
        return ROMAN[n - 1]
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def circled(n: int) -> str:
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"


def alpha(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def small_roman(n: int) -> str:
    return roman(n).lower() if n > 12 else ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"][n - 1]


@dataclass(frozen=True)
class Numbering:
    """How one locale numbers parts, sections and nested items."""

    part_format: str = "Part {n}"

    def part(self, n: int) -> str:
        return self.part_format.format(n=n)

    def section(self, n: int) -> str:
        return f"{roman(n)}."

    def list_number(self, depth: int, n: int) -> str:
        """Depth 1 is a section's first level: 1. / (1) / ① / a. / i."""
        styles = [lambda k: f"{k}.", lambda k: f"({k})", circled, lambda k: f"{alpha(k)}.",
                  lambda k: f"{small_roman(k)}."]
        return styles[min(depth, len(styles)) - 1](n)


NUMBERINGS: dict[str, Numbering] = {"en": Numbering()}


def numbering_for(locale: str) -> Numbering:
    return NUMBERINGS.get(locale, NUMBERINGS["en"])
