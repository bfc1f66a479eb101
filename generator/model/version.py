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
    """A person's decision on a clause the classifier could not decide (GitHub site-policy style).

    ``clause_hash`` is the clause's :func:`clause_hashes` entry when the decision was made
    (``notices decide`` records it): if the clause changes again, the decision is stale and
    no longer applies; a person decides again.
    """

    clause: str
    level: Literal["none", "editorial", "review", "material", "consent"]
    rationale: str
    decided_by: str
    decided_on: dt.date
    clause_hash: str | None = Field(None, pattern=r"^[0-9a-f]{16}$")

    _rationale = field_validator("rationale")(not_blank)


class VersionMeta(Strict):
    """A version's metadata (``version.yaml``)."""

    policy: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z.-]*$")
    updated_on: dt.date
    status: Literal["published", "draft"]
    published_on: dt.date | None = Field(
        None, description="When the version was published on the Rules Center (default: updated_on).")
    effective_on: dt.date | None = Field(
        None, description="When it takes effect (default: its publication date). `notices publish` "
                          "sets it at least the policy's notice_days after publication for a material change.")
    source_url: str | None = None
    controller: str
    content_hash: str | None = Field(None, pattern=r"^sha256:[0-9a-f]{64}$", description=(
        "sha256 of the statement's text and structure (facts left out), recorded at publication."))
    facts_hash: str | None = Field(None, pattern=r"^sha256:[0-9a-f]{64}$", description=(
        "sha256 of the statement's facts, recorded at publication (and by `notices hash --record` "
        "when an annotation of a published version is corrected)."))
    illustrative: str | None = Field(
        None, description="Set on made-up versions: says on their face that they are illustrative.")
    numbering: Numbering
    impact_assessment: ImpactAssessment | None = None
    decisions: tuple[Decision, ...] = ()
    clause_hashes: dict[str, str] | None = Field(
        None, description="A hash per clause, recorded at publication: a later edit is reported "
                          "at the clause it changed.")

    @property
    def published_date(self) -> dt.date:
        """When the version was published (``published_on``, else ``updated_on``)."""
        return self.published_on or self.updated_on

    @property
    def effective_date(self) -> dt.date:
        """When the version takes effect (``effective_on``, else its publication date)."""
        return self.effective_on or self.published_date

    @field_validator("version", mode="before")
    @classmethod
    def _version_from_date(cls, value: Any) -> Any:
        # YAML reads an unquoted 2023-08-25 as a date; a version id is its text
        return value.isoformat() if isinstance(value, dt.date) else value

    @model_validator(mode="after")
    def _published_has_hash(self) -> "VersionMeta":
        if self.status == "published" and not self.content_hash:
            raise ValueError("a published version needs a content_hash (run `notices hash`)")
        if self.effective_on and self.effective_on < self.published_date:
            raise ValueError(f"effective_on {self.effective_on} is before the publication date "
                             f"{self.published_date}")
        return self


class Version(VersionMeta):
    """One version of a policy: its metadata and its statement (``statement.yaml``)."""

    statement: Statement
    # derived views are computed once: the model is frozen, so they cannot go stale
    _cache: dict = PrivateAttr(default_factory=dict)

    # -- derived views (pure functions of the data) ------------------------------------
    def compute_hash(self) -> str:
        """sha256 of the canonical JSON of the statement's text and structure, facts left
        out: what readers saw and acknowledged, what 'immutable' protects (receipts and
        versions.json name a version by it)."""
        return self.derived("hash", lambda: _sha256(_without_facts(self.statement_data())))

    def statement_data(self) -> dict[str, Any]:
        """The statement as JSON data, computed once (do not mutate it). Dumped through the
        version's own serializer, which validating built: the statement's and each node's
        would each be built again from scratch (models build when first used)."""
        return self.derived("statement_data",
                            lambda: self.model_dump(mode="json", include={"statement"})["statement"])

    def compute_facts_hash(self) -> str:
        """sha256 of every node's facts, by node id: the project's reading of the text, which
        the classifier reasons over. Kept apart from :meth:`compute_hash` so that correcting
        an annotation of a published version (``notices hash --record``) never changes the
        hash readers hold; the loader still reports any change that was not recorded."""
        return self.derived("facts_hash", lambda: _sha256(
            [[n.id, [f.data() for f in n.facts]] for n in self.nodes() if n.facts]))

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

    def clause_hashes_now(self) -> dict[str, str]:
        """The current :func:`clause_hashes` of the statement (computed once)."""
        return self.derived("clause_hashes", lambda: clause_hashes(self.statement, self.statement_data()))

    def all_facts(self) -> list[tuple[str, Any]]:
        """(node id, fact) pairs in document order."""
        return [(n.id, f) for n in self.nodes() for f in n.facts]


def _sha256(data: Any) -> str:
    payload = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _without_facts(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_facts(v) for k, v in data.items() if k != "facts"}
    if isinstance(data, list):
        return [_without_facts(v) for v in data]
    return data


#: the fields of a node that hold other nodes: a clause's hash covers their ids (their
#: order), not their content, so an edit is reported at the node it touched
_CHILD_FIELDS = ("items", "content", "definitions", "sections")


def clause_hashes(statement: Statement, data: dict[str, Any] | None = None) -> dict[str, str]:
    """A hash of every node's own content (its text, title, facts, and the ids of its
    children, in order), 16 hex digits of sha256 each, by node id.

    The content hash protects the whole statement; these say *which* node changed:
    the loader compares them with those recorded at publication. ``data`` is the
    statement's JSON data when the caller has it (:meth:`Version.statement_data`).
    """
    dumped = _nodes_by_id(statement.model_dump(mode="json") if data is None else data)
    out = {}
    for node in iter_nodes(statement):
        data = dict(dumped[node.id])
        for name in _CHILD_FIELDS:
            if isinstance(data.get(name), list):
                data[name] = [c.get("id") for c in data[name]]
        payload = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        out[node.id] = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
    return out


def _nodes_by_id(data: Any, found: dict | None = None) -> dict[str, dict]:
    """Every mapping with an ``id`` in a statement's JSON data, by id: each node's data."""
    found = {} if found is None else found
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            found.setdefault(data["id"], data)
        for value in data.values():
            _nodes_by_id(value, found)
    elif isinstance(data, list):
        for value in data:
            _nodes_by_id(value, found)
    return found


def json_schemas() -> dict[str, dict]:
    """JSON Schemas for the two source files, generated from the model."""
    out = {}
    for name, model in (("version", VersionMeta), ("statement", Statement)):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        out[name] = schema
    return out


#: days between publishing a material change and its taking effect, unless policy.yaml says
DEFAULT_NOTICE_DAYS = 30


class Policy(Strict):
    """A policy and all its versions, oldest first."""

    id: str
    title: str
    notice_days: int = Field(DEFAULT_NOTICE_DAYS, ge=0, description=(
        "The least number of days between publishing a version whose change is material or "
        "needs consent and its effective date (`notices publish` checks it)."))
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

    def in_effect(self, on: dt.date) -> Version | None:
        """The published version in effect on ``on``: the newest whose effective date has come."""
        return in_effect([v for v in self.versions if v.status == "published"], on)

    def newest(self) -> Version:
        return self.versions[-1]


def in_effect(published: "list", on: dt.date):
    """Of published versions (or index entries) oldest first, the one in effect on ``on``:
    the last, in publication order, whose effective date is not after ``on`` (None: none yet)."""
    started = [v for v in published if v.effective_date <= on]
    return started[-1] if started else None


def today() -> dt.date:
    """The date the toolkit takes as today: ``SOURCE_DATE_EPOCH``'s when set (reproducible
    builds, tests), else the system's."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()
