"""Levels of change and the notification each requires (DESIGN "Material-change rules")."""
from __future__ import annotations

from typing import Final, Literal

Level = Literal["none", "editorial", "review", "material", "consent"]

#: Lowest first; a diff's level is the highest of its findings.
LEVELS: Final[tuple[Level, ...]] = ("none", "editorial", "review", "material", "consent")

#: level -> (notification key, what the key means for the people affected).
#: An undecided ``review`` is treated as a prominent notice until a person decides.
NOTIFICATIONS: Final[dict[str, tuple[str, str]]] = {
    "none": ("none", "No notification"),
    "editorial": ("changelog", "Changelog entry on the Rules Center"),
    "review": ("notice", "Needs review: treat as a prominent notice until a person decides"),
    "material": ("notice", "Prominent notice with pop-up before it takes effect"),
    "consent": ("consent", "Express consent required before it takes effect"),
}


def rank(level: str) -> int:
    """Position of ``level`` in :data:`LEVELS` (ValueError for an unknown level)."""
    return LEVELS.index(level)  # type: ignore[arg-type]


def highest(levels: "list[str] | tuple[str, ...]") -> Level:
    """The highest of ``levels``; ``none`` when empty."""
    return max(levels, key=rank, default="none")  # type: ignore[return-value]
