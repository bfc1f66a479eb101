"""The export formats by name: what ``notices export --format`` offers."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .dpv import dpv_jsonld
from .json_facts import facts_json
from .play import play_csv

if TYPE_CHECKING:
    from ..model import Version

#: format name -> the function giving the export's text.
FORMATS: dict[str, Callable[["Version"], str]] = {
    "dpv": dpv_jsonld,
    "play-data-safety": play_csv,
    "json": facts_json,
}


def export(version: "Version", fmt: str) -> str:
    """The version in an export format (KeyError naming the formats for an unknown one)."""
    try:
        return FORMATS[fmt](version)
    except KeyError:
        if fmt in FORMATS:
            raise
        raise KeyError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})") from None
