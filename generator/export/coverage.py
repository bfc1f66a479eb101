"""Every fact kind is mapped or declared unmapped by every export format.

A fact kind added to :data:`generator.model.facts.FACT_TYPES` later must not vanish
silently from an export: until a format maps it or says why it leaves it out, that
export fails with a message naming the kind (and ``tests/test_export.py`` fails first).
"""
from __future__ import annotations

from collections.abc import Iterable

from ..errors import NoticesError
from ..model import FACT_KINDS


class UnmappedFactKind(NoticesError):
    """A fact kind an export format neither maps nor declares unmapped."""


def missing_kinds(mapped: Iterable[str], unmapped: Iterable[str]) -> list[str]:
    """Fact kinds neither in ``mapped`` nor in ``unmapped``, in FACT_TYPES order."""
    known = set(mapped) | set(unmapped)
    return [kind for kind in FACT_KINDS if kind not in known]


def check_coverage(fmt: str, mapped: Iterable[str], unmapped: Iterable[str]) -> None:
    """Raise :class:`UnmappedFactKind` naming every kind ``fmt`` does not account for."""
    missing = missing_kinds(mapped, unmapped)
    if missing:
        raise UnmappedFactKind(
            f"export --format {fmt}: fact kind(s) {', '.join(missing)} neither mapped nor declared "
            f"unmapped (generator/export/)")
