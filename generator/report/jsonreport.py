"""The JSON form of a classified diff (schema: ``generator/schemas/diff.schema.json``).

Versioned by ``schema_version``: a field is only ever added within a major version.
Everything here is data (ids, paths as lists, levels, rule ids); the ``text`` fields are
the findings in words (English unless told otherwise), made by :mod:`.words`, never
parsed back.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..classify.levels import LEVELS
from ..diff.clauses import summarise_kinds
from ..resources import schemas_dir
from .words import ENGLISH, Words

if TYPE_CHECKING:
    from ..classify import Finding, Report
    from ..diff import ClauseChange, FactChange
    from ..model import Version

#: Version of the JSON document :func:`report_to_json` returns.
SCHEMA_VERSION = "1.2"
#: The JSON Schema every :func:`report_to_json` result validates against.
SCHEMA_PATH = schemas_dir() / "diff.schema.json"


def report_to_json(report: "Report", words: Words = ENGLISH) -> dict[str, Any]:
    """The report as JSON-ready data; validates against ``diff.schema.json``."""
    diff = report.diff
    return {
        "schema_version": SCHEMA_VERSION,
        "policy": diff.new.policy,
        "old": _version(diff.old, diff.old_label),
        "new": _version(diff.new, diff.new_label),
        "level": report.level,
        "notification": {"key": report.notification, "label": words.gettext(report.notification_label)},
        "needs_review": report.needs_review,
        "summary": words.summary(report),
        "counts": {
            "changes": summarise_kinds(diff.changes),
            "levels": {lv: sum(1 for f in report.findings if f.level == lv) for lv in LEVELS},
        },
        "findings": [finding_to_json(f, words) for f in report.findings],
        "changes": [_change(c, report, words) for c in diff.changes],
        "fact_changes": [fact_change_to_json(fc, words) for fc in diff.fact_changes],
    }


def finding_to_json(f: "Finding", words: Words = ENGLISH) -> dict[str, Any]:
    d = f.decision
    return {
        "clause": f.clause, "clauses": list(f.clauses), "change": f.change,
        "level": f.level, "rule": f.rule, "rule_level": f.rule_level,
        "citation": f.citation, "explanation": f.explanation, "text": words.finding(f),
        "favourable": f.match.favourable,
        "read_from_words": f.decidable,
        "decision": None if d is None else {
            "level": d.level, "rationale": d.rationale, "decided_by": d.decided_by,
            "decided_on": d.decided_on.isoformat(), "recorded_in": f.decided_in},
    }


def fact_change_to_json(fc: "FactChange", words: Words = ENGLISH) -> dict[str, Any]:
    return {"change": fc.change, "kind": fc.kind, "key": list(fc.key), "old": fc.old,
            "new": fc.new, "fields": list(fc.fields), "clauses": list(fc.clauses),
            "text": words.fact_change(fc)}


def _version(v: "Version", label: str) -> dict[str, Any]:
    return {"version": v.version, "label": label, "status": v.status, "updated_on": v.updated_on.isoformat(),
            "content_hash": v.content_hash, "illustrative": v.illustrative}


def _change(c: "ClauseChange", report: "Report", words: Words) -> dict[str, Any]:
    return {
        "id": c.id, "kinds": list(c.kinds), "node_kind": c.node_kind, "label": c.label,
        "level": report.clause_level(c.id), "section": c.section,
        "old_path": None if c.old_path is None else list(c.old_path),
        "new_path": None if c.new_path is None else list(c.new_path),
        "old_number": c.old_number, "new_number": c.new_number,
        "fields": [{"name": f.name, "old": f.old, "new": f.new, "editorial": f.editorial,
                    "segments": [{"op": s.op, "text": s.text} for s in f.segments]} for f in c.fields],
        "facts": [fact_change_to_json(fc, words) for fc in c.facts],
    }
