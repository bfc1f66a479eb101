"""The JSON form of a classified diff (schema: ``generator/schemas/diff.schema.json``).

Versioned by ``schema_version``: a field is only ever added within a major version.
Everything here is data (ids, paths as lists, levels, rule ids); no prose is parsed back.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..diff.clauses import summarise_kinds
from ..resources import schemas_dir
from ..classify.levels import LEVELS

if TYPE_CHECKING:
    from ..classify import Report
    from ..diff.clauses import ClauseChange
    from ..model import Version

#: The JSON Schema every :func:`report_to_json` result validates against.
SCHEMA_PATH = schemas_dir() / "diff.schema.json"


def report_to_json(report: "Report") -> dict[str, Any]:
    from ..classify.runner import SCHEMA_VERSION

    diff = report.diff
    return {
        "schema_version": SCHEMA_VERSION,
        "policy": diff.new.policy,
        "old": _version(diff.old, diff.old_label),
        "new": _version(diff.new, diff.new_label),
        "level": report.level,
        "notification": {"key": report.notification, "label": report.notification_label},
        "needs_review": report.needs_review,
        "summary": report.summary,
        "counts": {
            "changes": summarise_kinds(diff.changes),
            "levels": {lv: sum(1 for f in report.findings if f.level == lv) for lv in LEVELS},
        },
        "findings": [f.to_json() for f in report.findings],
        "changes": [_change(c, report) for c in diff.changes],
        "fact_changes": [fc.to_json() for fc in diff.fact_changes],
    }


def _version(v: "Version", label: str) -> dict[str, Any]:
    return {"version": v.version, "label": label, "status": v.status, "updated_on": v.updated_on.isoformat(),
            "content_hash": v.content_hash, "illustrative": v.illustrative}


def _change(c: "ClauseChange", report: "Report") -> dict[str, Any]:
    return {
        "id": c.id, "kinds": list(c.kinds), "node_kind": c.node_kind, "label": c.label,
        "level": report.clause_level(c.id), "section": c.section,
        "old_path": None if c.old_path is None else list(c.old_path),
        "new_path": None if c.new_path is None else list(c.new_path),
        "old_number": c.old_number, "new_number": c.new_number,
        "fields": [{"name": f.name, "old": f.old, "new": f.new, "editorial": f.editorial,
                    "segments": [{"op": s.op, "text": s.text} for s in f.segments]} for f in c.fields],
        "facts": [fc.to_json() for fc in c.facts],
    }
