"""Loading and validation: the real source, and every malformed input with its exact message."""
from __future__ import annotations

import json
import shutil

import pytest
from ruamel.yaml import YAML

from generator.model import json_schemas
from generator.source import IMMUTABLE, load_source

from .conftest import FIXTURES, NOTICES, ROOT

CASES = YAML(typ="safe").load((FIXTURES / "malformed.yaml").read_text(encoding="utf-8"))


def test_validate_real_source_summary(run, source):
    res = run("validate", "--source", NOTICES)
    assert res.code == 0, res.err
    summary = source.summary()
    assert res.out.strip() == "ok: " + ", ".join(f"{v} {k}" for k, v in summary.items())
    assert summary["policies"] == 1 and summary["versions"] == 1 and summary["sections"] == 9
    assert summary["clauses"] > 200 and summary["facts"] > 150


def test_validate_json_summary(run, source):
    res = run("validate", "--source", NOTICES, "--format", "json")
    assert json.loads(res.out) == source.summary()


def test_version_metadata(current):
    assert current.policy == "allvalue-privacy" and current.version == "2023-08-25"
    assert current.status == "published" and str(current.updated_on) == "2023-08-25"
    assert current.controller == "Qima Investment Ltd."
    assert current.source_url == "http://link.allvalue.com/privacyPolicy.html"
    assert current.numbering.normalised is True
    assert current.content_hash == current.compute_hash()


def test_ids_are_unique_slugs_not_numbers(current):
    ids = [n.id for n in current.nodes()]
    assert len(ids) == len(set(ids))
    assert not [i for i in ids if any(part.isdigit() for part in i.split("."))]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_malformed_input_reports_path_line_and_exits_2(case, tmp_path, run_subprocess):
    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "minimal", src)
    target = src / case["file"]
    text = target.read_text(encoding="utf-8")
    assert case["replace"] in text, "fixture drifted from its base"
    target.write_text(text.replace(case["replace"], case["with"], 1), encoding="utf-8")
    res = run_subprocess("validate", "--source", ".", cwd=src)
    assert res.code == 2
    assert case["expect"] in res.err.splitlines()
    assert "Traceback" not in res.err and res.out == ""


def test_all_problems_reported_at_once(tmp_path, run):
    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "minimal", src)
    st = src / "demo-policy/v1/statement.yaml"
    text = st.read_text(encoding="utf-8").replace("text: the first item;", "txt: the first item;")
    st.write_text(text.replace("code: pd:EmailAddress", "code: pd:EmailAdress"), encoding="utf-8")
    res = run("validate", "--source", src)
    assert res.code == 2
    lines = res.err.splitlines()
    assert any("unknown field 'txt'" in ln for ln in lines)
    assert any("did you mean pd:EmailAddress?" in ln for ln in lines)


def test_editing_one_word_of_a_published_version_breaks_immutability(tmp_path, run):
    src = tmp_path / "notices"
    shutil.copytree(NOTICES, src)
    st = src / "allvalue-privacy/2023-08-25/statement.yaml"
    text = st.read_text(encoding="utf-8")
    assert "We will respond within 15 days." in text
    st.write_text(text.replace("We will respond within 15 days.", "We will respond within 16 days."), encoding="utf-8")
    res = run("validate", "--source", src)
    assert res.code == 2
    [line] = res.err.splitlines()
    # named at the clause it changed (the clause hashes recorded at publication say which)
    clause_line = 1 + text[: text.index("id: rights.respond.time")].count("\n")
    assert line.startswith(f"{src}/allvalue-privacy/2023-08-25/statement.yaml:{clause_line}:")
    assert "clause rights.respond.time changed after publication" in line and IMMUTABLE in line


def test_whitespace_only_yaml_reformatting_keeps_the_hash(tmp_path):
    """The hash covers the content, not the file's bytes: comments and quoting are free."""
    src = tmp_path / "notices"
    shutil.copytree(NOTICES, src)
    st = src / "allvalue-privacy/2023-08-25/statement.yaml"
    st.write_text("# a new comment\n" + st.read_text(encoding="utf-8"), encoding="utf-8")
    load_source(src)  # no SourceErrors


def test_missing_source_directory(run, tmp_path):
    res = run("validate", "--source", tmp_path / "nope")
    assert res.code == 2
    assert res.err.strip() == f"{tmp_path / 'nope'}: source directory not found (use --source DIR)"


def test_unknown_version_is_a_clean_error(run):
    res = run("render", "--source", NOTICES, "--version", "1999-01-01")
    assert res.code == 2
    assert "unknown version '1999-01-01'" in res.err and "2023-08-25" in res.err


def test_committed_schemas_match_the_model(run):
    for name, schema in json_schemas().items():
        committed = json.loads((NOTICES / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"regenerate: notices schema {name} > notices/schema/{name}.schema.json"
        res = run("schema", name)
        assert json.loads(res.out) == schema


def test_source_files_name_their_schema():
    for path in NOTICES.glob("*/*/*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../schema/{path.stem}.schema.json", path


def test_real_source_validates_against_committed_json_schema():
    import jsonschema

    yaml = YAML(typ="safe")
    for path in NOTICES.glob("*/*/*.yaml"):
        schema = json.loads((NOTICES / "schema" / f"{path.stem}.schema.json").read_text(encoding="utf-8"))
        data = json.loads(json.dumps(yaml.load(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema)


def test_hash_command_prints_the_recorded_hash(run, current):
    res = run("hash", "--source", NOTICES, "--version", "2023-08-25")
    assert res.out.strip() == current.content_hash


def test_facts_cover_the_section_viii_subjects(current):
    """Every kind of fact the classifier reasons over is stated somewhere in the source."""
    facts = dict(((n, f.kind), f) for n, f in current.all_facts())
    kinds = {k for _, k in facts}
    for kind in ("data", "purpose", "legal-basis", "recipient", "transfer", "right", "response-time",
                 "retention", "controller", "contact", "children", "processing"):
        assert kind in kinds, kind
    assert facts[("transfer.global", "transfer")].destination == "CN"
    assert facts[("rights.respond.time", "response-time")].days == 15
    assert facts[("children.age", "children")].max_age == 14
    ctrl = facts[("def.party", "controller")]
    assert (ctrl.name, ctrl.jurisdiction) == ("Qima Investment Ltd.", "HK")
    contacts = {(f.channel, f.value) for _, f in current.all_facts() if f.kind == "contact"}
    assert ("email", "legal@allvalue.com") in contacts and ("phone", "(888) 9968926") in contacts
    assert any(c == "department" for c, _ in contacts) and any("Hangzhou" in v for _, v in contacts)


def test_sensitive_flags_follow_definition_5(current):
    from generator.model.vocabulary import is_sensitive

    for _, f in current.all_facts():
        if f.kind == "data":
            assert f.sensitive == is_sensitive(f.code), f.code


def test_project_layout():
    for name in ("pyproject.toml", "notices", "templates", "locales", "generator", "site", "tests", "README.md"):
        assert (ROOT / name).exists(), name


def test_bidi_controls_are_refused_in_every_source_string(run, tmp_path):
    """A right-to-left override can make a clause (or a redline) read other than it is."""
    import shutil

    from .conftest import FIXTURES

    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "minimal", src)
    statement = src / "demo-policy" / "v1" / "statement.yaml"
    text = statement.read_text(encoding="utf-8")
    for field, old, new in (("text", "We collect your email address", "We collect \u202eyour email\u202c address"),
                            ("title", "title: Details", "title: De\u2067tails"),
                            ("term", "term: Party", "term: Pa\u200erty")):
        statement.write_text(text.replace(old, new), encoding="utf-8")
        result = run("validate", "--source", src)
        assert result.code == 2 and "Traceback" not in result.err, result.err
        assert "statement.yaml:" in result.err and "bidi control U+" in result.err, (field, result.err)
    statement.write_text(text, encoding="utf-8")
    assert run("validate", "--source", src).code == 0
