"""Numbering schemes: numbers are the renderer's job, never part of the text.

One scheme per locale, by nesting depth. English: sections Ⅰ. Ⅱ. …, then 1. /
(1) / ① / a. / i. — the scheme the published English copy uses where its
numbering survived, applied everywhere so the rendering repairs what the copy
lost. Chinese (zh-Hans, zh-Hant): parts 第一部分, sections 一、, then （一） /
1. / （1） / ① / a. — the order of GB/T 9704-2012 §7.3.3 (党政机关公文格式:
"一、" "（一）" "1." "（1）"), which Chinese privacy statements follow.
"""
from __future__ import annotations

from collections.abc import Callable
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


CN_DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 and above in digits."""
    if not 1 <= n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else ""
    return out + (CN_DIGITS[ones] if ones else "")


def alpha(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def small_roman(n: int) -> str:
    return roman(n).lower() if n > 12 else ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"][n - 1]


Style = Callable[[int], str]

EN_LIST: tuple[Style, ...] = (lambda k: f"{k}.", lambda k: f"({k})", circled,
                              lambda k: f"{alpha(k)}.", lambda k: f"{small_roman(k)}.")
ZH_LIST: tuple[Style, ...] = (lambda k: f"（{chinese(k)}）", lambda k: f"{k}.",
                              lambda k: f"（{k}）", circled, lambda k: f"{alpha(k)}.")


@dataclass(frozen=True)
class Numbering:
    """How one locale numbers parts, sections and nested items."""

    part_format: str = "Part {n}"
    section_style: Style = lambda n: f"{roman(n)}."
    list_styles: tuple[Style, ...] = EN_LIST
    part_numeral: Style = str

    def part(self, n: int) -> str:
        return self.part_format.format(n=self.part_numeral(n))

    def section(self, n: int) -> str:
        return self.section_style(n)

    def list_number(self, depth: int, n: int) -> str:
        """Depth 1 is a section's first level (en: 1. / (1) / ① / a. / i.)."""
        styles = self.list_styles
        return styles[min(depth, len(styles)) - 1](n)


_ZH = Numbering(part_format="第{n}部分", section_style=lambda n: f"{chinese(n)}、",
                list_styles=ZH_LIST, part_numeral=chinese)

NUMBERINGS: dict[str, Numbering] = {"en": Numbering(), "zh-Hans": _ZH, "zh-Hant": _ZH}


def numbering_for(locale: str) -> Numbering:
    return NUMBERINGS.get(locale, NUMBERINGS["en"])
