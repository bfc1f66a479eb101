"""Helpers the export tests share: a version with some fact kinds taken out."""
from __future__ import annotations

from typing import Any


def without_facts(version: Any, *kinds: str) -> Any:
    """A copy of ``version`` whose clauses state no fact of ``kinds`` (the rest unchanged)."""
    from generator.model import Version

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: ([f for f in v if f.get("kind") not in kinds] if k == "facts" else strip(v))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return Version.model_validate(strip(version.model_dump(mode="json")))
