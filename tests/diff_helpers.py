"""Helpers for the diff and classify tests: the illustrative series and in-memory edits.

Edits work on a plain dump of a version and validate it again, so a test states the one
change it makes ("add this fact to that clause") and nothing else changes.
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMA = ROOT / "generator" / "schemas" / "diff.schema.json"
POLICY = "allvalue-privacy"


@lru_cache(maxsize=None)
def example(version: str):
    """One version of the illustrative series (loaded once per test process)."""
    from generator.source import load_version

    return load_version(EXAMPLES / POLICY / version, POLICY)


def example_ids() -> list[str]:
    return sorted(p.name for p in (EXAMPLES / POLICY).iterdir() if (p / "version.yaml").is_file())


class Tree:
    """A dumped statement, addressable by permanent id."""

    def __init__(self, data: dict):
        self.data = data

    def _walk(self, node: Any, parent: list | None = None):
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                yield node, parent
            for value in node.values():
                yield from self._walk(value, value if isinstance(value, list) else None)
        elif isinstance(node, list):
            for item in node:
                yield from self._walk(item, node)

    def find(self, ident: str) -> dict:
        for node, _ in self._walk(self.data):
            if node["id"] == ident:
                return node
        raise KeyError(ident)

    def remove(self, ident: str) -> dict:
        for node, parent in self._walk(self.data):
            if node["id"] == ident:
                parent.remove(node)
                return node
        raise KeyError(ident)

    def insert_after(self, ident: str, new: dict) -> None:
        for node, parent in self._walk(self.data):
            if node["id"] == ident:
                parent.insert(parent.index(node) + 1, new)
                return
        raise KeyError(ident)

    def add_fact(self, ident: str, **fact: Any) -> None:
        self.find(ident).setdefault("facts", []).append(fact)

    def drop_fact(self, ident: str, **match: Any) -> None:
        node = self.find(ident)
        before = len(node["facts"])
        node["facts"] = [f for f in node["facts"] if any(f.get(k) != v for k, v in match.items())]
        assert len(node["facts"]) == before - 1, f"no single fact {match} in {ident}"


def edited(base, edit: Callable[[Tree], None] | None = None, **meta: Any):
    """A copy of ``base`` with ``edit`` applied to its statement and ``meta`` to its metadata."""
    from generator.model import Version

    data = copy.deepcopy(base.model_dump(mode="json"))
    if edit is not None:
        edit(Tree(data["statement"]))
    data.update({"status": "draft", "content_hash": None, "version": "edited", "decisions": ()})
    data.update(meta)
    return Version.model_validate(data)


def classify_pair(old, new):
    from generator.classify import classify
    from generator.diff import compare

    return classify(compare(old, new))
