"""Versions and policies: metadata, the immutability hash, derived views, JSON Schemas."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from .base import Strict, not_blank
from .statement import Node, Statement, iter_nodes

class Numbering(Strict):
    normalised: bool = Field(description="The renderer's numbering replaces the published one.")
    note: str


class ImpactAssessment(Strict):
    """A personal-information security impact assessment recorded with the version."""

    risk: Literal["low", "medium", "high"]
    date: dt.date
    summary: str


class Decision(Strict):
    """A person's decision on a clause the classifier could not decide (GitHub site-policy style)."""

    clause: str
    level: Literal["none", "editorial", "review", "material", "consent"]
    rationale: str
    decided_by: str
    decided_on: dt.date

    _rationale = field_validator("rationale")(not_blank)


class VersionMeta(Strict):
    """A version's metadata (``version.yaml``)."""

    policy: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z.-]*$")
    updated_on: dt.date
    status: Literal["published", "draft"]
    source_url: str | None = None
    controller: str
    content_hash: str | None = Field(None, pattern=r"^sha256:[0-9a-f]{64}$")
    illustrative: str | None = Field(
        None, description="Set on made-up versions: says on their face that they are illustrative.")
    numbering: Numbering
    impact_assessment: ImpactAssessment | None = None
    decisions: tuple[Decision, ...] = ()

    @field_validator("version", mode="before")
    @classmethod
    def _version_from_date(cls, value: Any) -> Any:
        # YAML reads an unquoted 2023-08-25 as a date; a version id is its text
        return value.isoformat() if isinstance(value, dt.date) else value

    @model_validator(mode="after")
    def _published_has_hash(self) -> "VersionMeta":
        if self.status == "published" and not self.content_hash:
            raise ValueError("a published version needs a content_hash (run `notices hash`)")
        return self


class Version(VersionMeta):
    """One version of a policy: its metadata and its statement (``statement.yaml``)."""

    statement: Statement
    # derived views are computed once: the model is frozen, so they cannot go stale
    _cache: dict = PrivateAttr(default_factory=dict)

    # -- derived views (pure functions of the data) ------------------------------------
    def compute_hash(self) -> str:
        """sha256 of the canonical JSON of the statement: what 'immutable' protects."""
        def digest() -> str:
            payload = json.dumps(self.statement.model_dump(mode="json"), sort_keys=True,
                                 ensure_ascii=False, separators=(",", ":"))
            return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()

        return self.derived("hash", digest)

    def derived(self, name: str, compute: Any) -> Any:
        """A view of the statement, computed once per statement object.

        For pure functions of the statement that other layers need often (the diff's
        merged facts, the clause map). Keyed by the statement object itself, so a
        ``model_copy`` with another statement (which shares this dict) never sees a
        stale value.
        """
        hit = self._cache.get(name)
        if hit is None or hit[0] is not self.statement:
            hit = self._cache[name] = (self.statement, compute())
        return hit[1]

    def nodes(self) -> Iterator["Node"]:
        """Every addressable node in document order, with its parent chain."""
        return iter_nodes(self.statement)

    def clause_map(self) -> dict[str, "Node"]:
        """Every node by id (computed once; do not mutate the returned dict)."""
        return self.derived("clause_map", lambda: {n.id: n for n in self.nodes()})

    def all_facts(self) -> list[tuple[str, Any]]:
        """(node id, fact) pairs in document order."""
        return [(n.id, f) for n in self.nodes() for f in n.facts]


def json_schemas() -> dict[str, dict]:
    """JSON Schemas for the two source files, generated from the model."""
    out = {}
    for name, model in (("version", VersionMeta), ("statement", Statement)):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        out[name] = schema
    return out


class Policy(Strict):
    """A policy and all its versions, oldest first."""

    id: str
    title: str
    versions: tuple[Version, ...]

    def get(self, version: str) -> Version:
        for v in self.versions:
            if v.version == version:
                return v
        known = ", ".join(v.version for v in self.versions)
        raise KeyError(f"unknown version {version!r} of {self.id} (known: {known})")

    def latest_published(self) -> Version | None:
        pub = [v for v in self.versions if v.status == "published"]
        return pub[-1] if pub else None

    def newest(self) -> Version:
        return self.versions[-1]
