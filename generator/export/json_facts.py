"""The facts themselves, clause by clause, for other tools (``notices export --format json``).

The document is the version's metadata and, for every clause that states facts, its
permanent id, kind, ancestors and facts exactly as the model holds them (the same
fields as ``statement.yaml``). Its JSON Schema is generated from the model, so a fact
kind added there is in the schema at once; ``generator/schemas/export.schema.json`` is
that schema, shipped in the package and kept current by a test (``notices schema export``).
"""
from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from ..model import Fact, Strict

if TYPE_CHECKING:
    from ..model import Version

#: Version of the document :func:`facts_document` returns (1.x: fields only added).
SCHEMA_VERSION = "1.0"
#: Every fact kind is exported as it is: none is left out.
UNMAPPED: dict[str, str] = {}


class ExportedClause(Strict):
    """A clause that states facts: where it is, and what it states."""

    id: str = Field(description="The clause's permanent id.")
    kind: str = Field(description="clause, division, definition, section...")
    path: tuple[str, ...] = Field(description="The ids of its ancestors, outermost first.")
    facts: tuple[Fact, ...]


class FactsExport(Strict):
    """``notices export --format json``: one version's facts, clause by clause."""

    schema_version: str = Field(pattern=r"^1\.[0-9]+$")
    format: Literal["allvalue-notices/facts"]
    policy: str
    version: str
    status: Literal["published", "draft"]
    updated_on: dt.date
    content_hash: str | None = Field(description="sha256 of the statement, as recorded (None for a draft).")
    source_url: str | None
    controller: str
    clauses: tuple[ExportedClause, ...]


def facts_document(version: "Version") -> dict[str, Any]:
    """The export as JSON-ready data (validates against :func:`export_schema`)."""
    clauses = [{"id": n.id, "kind": n.kind, "path": list(n.path),
                "facts": [f.data() for f in n.facts]}
               for n in version.nodes() if n.facts]
    return {"schema_version": SCHEMA_VERSION, "format": "allvalue-notices/facts",
            "policy": version.policy, "version": version.version, "status": version.status,
            "updated_on": version.updated_on.isoformat(), "content_hash": version.content_hash,
            "source_url": version.source_url, "controller": version.controller, "clauses": clauses}


def facts_json(version: "Version") -> str:
    """The JSON export as text: deterministic, UTF-8, one trailing newline."""
    return json.dumps(facts_document(version), indent=2, ensure_ascii=False) + "\n"


def export_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`facts_document`, generated from the model."""
    schema = FactsExport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://allvalue.example/notices/schema/export.schema.json"
    return schema


def export_schema_text() -> str:
    """The schema as ``generator/schemas/export.schema.json`` holds it."""
    return json.dumps(export_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
