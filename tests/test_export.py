"""notices export: the command, every fact kind accounted for, and the JSON export's schema."""
from __future__ import annotations

import json

import jsonschema
import pytest

from generator.export import coverage, dpv, json_facts, play
from generator.model import FACT_KINDS, FACT_TYPES

from .conftest import NOTICES, ROOT

FORMATS = ("dpv", "play-data-safety", "json")
SCHEMA_FILE = ROOT / "generator" / "schemas" / "export.schema.json"


@pytest.mark.parametrize("fmt, mapped, unmapped", [
    ("dpv", dpv.MAPPERS, dpv.UNMAPPED),
    ("play-data-safety", play.MAPPED, play.UNMAPPED),
    ("json", FACT_KINDS, json_facts.UNMAPPED),
])
def test_every_fact_kind_is_mapped_or_declared_unmapped(fmt, mapped, unmapped):
    assert coverage.missing_kinds(mapped, unmapped) == [], (
        f"{fmt}: map these fact kinds or declare them unmapped with a reason")
    assert not set(mapped) & set(unmapped), f"{fmt}: a kind is both mapped and unmapped"
    assert all(reason.strip() for reason in unmapped.values())


def test_a_new_fact_kind_makes_every_export_fail_loudly(monkeypatch, current):
    monkeypatch.setattr(coverage, "FACT_KINDS", (*FACT_KINDS, "brand-new"))
    for export in (dpv.dpv_jsonld, play.play_csv):
        with pytest.raises(coverage.UnmappedFactKind, match="brand-new"):
            export(current)


def test_the_json_export_schema_knows_every_fact_kind():
    defs = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    assert {cls.__name__ for cls in FACT_TYPES} <= set(defs)


@pytest.mark.parametrize("fmt", FORMATS)
def test_stdout_and_file_hold_the_same_bytes(run, tmp_path, fmt):
    out = run("export", "--source", NOTICES, "--format", fmt)
    assert out.code == 0, out.err
    target = tmp_path / "sub" / f"export.{fmt}"
    written = run("export", "--source", NOTICES, "--format", fmt, "-o", target)
    assert (written.code, written.out, written.err) == (0, "", "")
    assert target.read_bytes() == out.out.encode("utf-8")
    assert run("export", "--source", NOTICES, "--format", fmt).out == out.out  # deterministic


def test_json_export_holds_every_fact_of_every_clause_and_validates(run, current):
    out = run("export", "--source", NOTICES, "--format", "json", "--version", "2023-08-25")
    doc = json.loads(out.out)
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))).validate(doc)
    assert (doc["policy"], doc["version"], doc["status"]) == ("allvalue-privacy", "2023-08-25", "published")
    assert doc["content_hash"] == current.content_hash == current.compute_hash()
    expected = {n.id: [f.model_dump(mode="json") for f in n.facts] for n in current.nodes() if n.facts}
    assert {c["id"]: c["facts"] for c in doc["clauses"]} == expected
    clause = next(c for c in doc["clauses"] if c["id"] == "collect.payment.share")
    assert clause["path"] == list(current.clause_map()["collect.payment.share"].path)


def test_the_shipped_schema_is_the_models(run):
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_facts.export_schema_text(), (
        "regenerate: notices schema export > generator/schemas/export.schema.json")
    printed = run("schema", "export")
    assert json.loads(printed.out) == json_facts.export_schema()


def test_the_schema_refuses_an_unknown_fact_kind(current):
    doc = json_facts.facts_document(current)
    doc["clauses"][0]["facts"].append({"kind": "brand-new", "code": "x"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_an_unknown_version_is_exit_2_and_leaves_the_output_alone(run, tmp_path):
    target = tmp_path / "export.json"
    target.write_text("before", encoding="utf-8")
    out = run("export", "--source", NOTICES, "--format", "json", "--version", "1999-01-01", "-o", target)
    assert out.code == 2
    assert "unknown version '1999-01-01' of allvalue-privacy (known: 2023-08-25)" in out.err
    assert "Traceback" not in out.err and out.out == ""
    assert target.read_text(encoding="utf-8") == "before"


def test_an_unknown_format_is_exit_2(run):
    out = run("export", "--source", NOTICES, "--format", "xml")
    assert out.code == 2
    assert "Invalid value for '--format': 'xml' is not one of 'dpv', 'play-data-safety', 'json'" in out.err


def test_a_format_is_required(run):
    out = run("export", "--source", NOTICES)
    assert out.code == 2 and "Missing option '--format'" in out.err


def test_an_unwritable_output_is_exit_2_and_nothing_is_written(run, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    out = run("export", "--source", NOTICES, "--format", "dpv", "-o", blocker / "export.jsonld")
    assert out.code == 2
    assert out.err.strip() == f"{blocker / 'export.jsonld'}: Not a directory"
    directory = run("export", "--source", NOTICES, "--format", "dpv", "-o", tmp_path)
    assert directory.code == 2 and "Is a directory" in directory.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_export_api_names_the_formats(current):
    from generator.export import FORMATS, export

    assert tuple(FORMATS) == FORMATS_ORDER
    with pytest.raises(KeyError, match="unknown export format 'xml'"):
        export(current, "xml")


FORMATS_ORDER = FORMATS
