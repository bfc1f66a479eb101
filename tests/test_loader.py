"""One reading of YAML: the fast pass (libyaml, YAML 1.2 resolvers) reads what ruamel.yaml reads.

The precise pass (ruamel's round-trip loader) only locates problems; these tests hold
the fast pass to ruamel's reading on every version in the repository and on the scalars
where YAML 1.1 and 1.2 differ, and check that every way into the source (validate, diff,
the site) reads the same facts.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.errors import SourceErrors, UsageError
from generator.model import Version
from generator.source import index_policy, load_published, load_source, load_version
from generator.source.loader import _load_version_precisely
from generator.source.yaml12 import Unreadable, parse_fast, plain, read_fast, read_yaml

from .conftest import EXAMPLES, FIXTURES, NOTICES, ROOT

POLICY = "allvalue-privacy"


def version_dirs() -> list[Path]:
    """Every folder holding a version (version.yaml + statement.yaml) in the repository's sources."""
    found = {p.parent for base in (NOTICES, EXAMPLES, FIXTURES) for p in base.rglob("version.yaml")
             if (p.parent / "statement.yaml").is_file()}
    return sorted(found)


def typed(value):
    """Data with every scalar paired with its kind: ``True == 1`` must not hide a difference."""
    if isinstance(value, dict):
        return {typed(k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    for kind in (bool, int, float, dt.datetime, dt.date, str, type(None)):
        if isinstance(value, kind):
            return (kind.__name__, kind(value) if kind in (bool, int, float, str) else value)
    return (type(value).__name__, value)


def precise(text: str):
    return plain(YAML(typ="rt").load(text))


def test_every_version_in_the_repository_is_found():
    dirs = version_dirs()
    assert NOTICES / POLICY / "2023-08-25" in dirs and FIXTURES / "minimal" / "demo-policy" / "v1" in dirs
    assert len([d for d in dirs if d.is_relative_to(EXAMPLES)]) >= 16


@pytest.mark.parametrize("vdir", version_dirs(), ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_and_precise_readings_agree(vdir):
    docs = {}
    for name in ("version", "statement"):
        docs[name] = plain(read_yaml(vdir / f"{name}.yaml"))
        assert typed(read_fast(vdir / f"{name}.yaml")) == typed(docs[name]), name
    fast = load_version(vdir, vdir.parent.name)  # the fast pass alone: the version is valid
    assert fast.model_dump() == Version.model_validate({**docs["version"], "statement": docs["statement"]}).model_dump()


# scalars where YAML 1.1 (PyYAML's own resolvers) and YAML 1.2 (ruamel) differ, and neighbours
SCALARS = [
    # integers: a leading 0 is decimal, 0o is octal
    "015", "-015", "007", "08", "0", "-0", "+12", "0o15", "0o8", "0x1A", "-0x1A", "0x", "0b101", "1_000",
    "-1_2", "!!int 015", "!!int 0o15", '"015"',
    # booleans: only true/false, in the three case forms
    "true", "True", "TRUE", "false", "False", "FALSE", "tRue", "yes", "Yes", "YES", "no", "No", "on", "On",
    "off", "OFF", "y", "n", "'yes'", "!!bool yes",
    # no sexagesimal numbers in YAML 1.2
    "1:20", "1:20:30", "190:20:30", "1:20.5",
    # null
    "~", "null", "Null", "NULL", "", "nUll",
    # dates and times (ruamel reads these as YAML 1.1 did)
    "2023-08-25", "2023-8-5", "2023-08-25 10:20:30", "2023-08-25T10:20:30Z", "2023-08-25t10:20:30+08:00",
    "2023-08-25 10:20:30.5 -05:00", "!!timestamp 2023-08-25",
    # floats
    ".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN", "1e3", "1E3", "1.5e3", "12e03", "1.0e+3",
    ".5", "-.5", "+.5", "1.", "0.", "0.1_5", "1_0.5", "6.8523015e+5", "!!float 1", "1e", ".e3",
    # strings that look like numbers
    "15 days", "0x1g", "0b2",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalar_reads_as_ruamel_reads_it(scalar):
    text = f"k: {scalar}\n"
    ours, theirs = parse_fast(text)["k"], precise(text)["k"]
    if isinstance(theirs, float) and math.isnan(theirs):
        assert isinstance(ours, float) and math.isnan(ours)
    else:
        assert typed(ours) == typed(theirs)


@pytest.mark.parametrize("scalar,value", [
    ("015", 15), ("0o15", 13), ("-0x1A", -26), ("yes", "yes"), ("on", "on"), ("no", "no"), ("1:20", "1:20"),
    ("~", None), ("null", None), ("2023-08-25", dt.date(2023, 8, 25)), (".inf", math.inf), ("TRUE", True),
])
def test_yaml_1_2_values(scalar, value):
    assert typed(parse_fast(f"k: {scalar}\n")["k"]) == typed(value)


def test_the_characters_refused_are_those_ruamel_refuses():
    """The fast reading's check for characters YAML may not hold is ruamel's, code point by code point."""
    from ruamel.yaml.reader import Reader

    from generator.source.yaml12 import _NON_PRINTABLE

    differ = [hex(c) for c in range(0x110000)
              if bool(_NON_PRINTABLE.match(chr(c))) != bool(Reader.NON_PRINTABLE.match(chr(c)))]
    assert not differ, differ[:10]


def test_structures_read_as_ruamel_reads_them():
    text = ("base: &base {days: 015, channel: email}\n"
            "merged: {<<: *base, channel: phone}\n"
            "alias: *base\n"
            "block: |\n  two\n  lines\n"
            "folded: >-\n  one\n  line\n"
            "list: [015, yes, 2023-08-25, ~]\n"
            "015: int key\n")
    ours, theirs = parse_fast(text), precise(text)
    assert typed({str(k): v for k, v in ours.items()}) == typed(theirs)
    assert ours["merged"] == {"days": 15, "channel": "phone"}


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "a: 1\nb: {c: 1, c: 2}\n", "1: x\n0o1: y\n"])
def test_duplicate_keys_are_refused_like_ruamel(text):
    import yaml

    with pytest.raises(yaml.YAMLError):
        parse_fast(text)
    with pytest.raises(Exception, match="duplicate key"):
        YAML(typ="rt").load(text)


def test_unreadable_files_go_to_the_precise_pass(tmp_path):
    bad = tmp_path / "bad.yaml"
    for text in ("a: [unclosed\n", "a: 1\na: 2\n", "d: 2023-13-45\n"):
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(Unreadable):
            read_fast(bad)
        with pytest.raises(SourceErrors):
            read_yaml(bad)


def test_duplicate_key_in_a_version_is_located_by_the_precise_pass(tmp_path, run):
    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "minimal", src)
    meta = src / "demo-policy" / "v1" / "version.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "status: draft\n", encoding="utf-8")
    res = run("validate", "--source", src)
    assert res.code == 2
    [line] = res.err.splitlines()
    assert line.startswith(f"{meta}:") and "duplicate key" in line and "Traceback" not in res.err


# --------------------------------------------------------------------------- one reading everywhere
def _with_version(tmp_path: Path, days: str, status: str) -> tuple[Path, Path]:
    """The real source plus a version 2023-09-01 identical to 2023-08-25 but for ``days: <days>``."""
    src = tmp_path / "notices"
    shutil.copytree(NOTICES, src, ignore=shutil.ignore_patterns("schema"))
    old, new = src / POLICY / "2023-08-25", src / POLICY / "2023-09-01"
    shutil.copytree(old, new)
    statement = new / "statement.yaml"
    text = statement.read_text(encoding="utf-8")
    fact = "- {kind: response-time, days: 15}"
    assert text.count(fact) == 2
    statement.write_text(text.replace(fact, f"- {{kind: response-time, days: {days}}}"), encoding="utf-8")
    meta = new / "version.yaml"
    text = meta.read_text(encoding="utf-8")
    for a, b in (("version: 2023-08-25", "version: 2023-09-01"), ("updated_on: 2023-08-25", "updated_on: 2023-09-01"),
                 ("status: published", f"status: {status}")):
        assert a in text
        text = text.replace(a, b)
    meta.write_text(text, encoding="utf-8")
    return src, new


def _days(version: Version) -> set[int]:
    return {f.days for _, f in version.all_facts() if f.kind == "response-time"}


def test_draft_differing_only_by_a_leading_zero_diffs_as_none(tmp_path, run_subprocess):
    src, _ = _with_version(tmp_path, "015", "draft")
    result = run_subprocess("diff", "--source", src, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["old"]["version"], data["new"]["version"]) == ("2023-08-25", "2023-09-01")
    assert data["level"] == "none", data


def test_every_way_into_the_source_reads_the_same_facts(tmp_path):
    # published, so that the site reads it too (same statement, so the same hash)
    src, new = _with_version(tmp_path, "015", "published")
    via_source = load_source(src).policy().get("2023-09-01")
    via_index = index_policy(src).get("2023-09-01").load()
    via_site = {v.version: v for v in load_published(src).versions}["2023-09-01"]
    assert _days(via_source) == _days(via_index) == _days(via_site) == {15}
    precise = _load_version_precisely(new, POLICY, verify_hash=True)
    assert via_source.model_dump() == via_index.model_dump() == via_site.model_dump() == precise.model_dump()


def test_site_loading_checks_policy_yaml_and_hashes_like_validate(tmp_path, run):
    src, new = _with_version(tmp_path, "16", "published")  # the content no longer matches content_hash
    with pytest.raises(SourceErrors) as site:
        load_published(src)
    res = run("validate", "--source", src)
    assert res.code == 2 and [str(e) for e in site.value.errors] == res.err.splitlines()
    policy_yaml = src / POLICY / "policy.yaml"
    policy_yaml.write_text(policy_yaml.read_text(encoding="utf-8") + "owner: Legal\n", encoding="utf-8")
    with pytest.raises(SourceErrors) as site:
        load_published(src)
    assert any(str(e).startswith(f"{policy_yaml}:4:1: unknown field 'owner'") for e in site.value.errors)


def test_choose_versions_is_the_diff_commands_selection():
    """What `notices diff` compares is reachable from Python: the same defaults and labels."""
    from generator.source import choose_versions

    examples = ROOT / "examples"
    index = index_policy(examples)
    default = choose_versions(examples)
    assert (default.old.version, default.new.version) == (index.latest_published().version, index.newest().version)
    since = choose_versions(examples, since=index.entries[0].version)
    assert (since.old.version, since.new.version) == (index.entries[0].version, index.latest_published().version)
    assert since.new_metadata == index.latest_published().dir / "version.yaml"
    assert all(since.old.updated_on < v.updated_on < since.new.updated_on and v.decisions for v in since.between)
    with pytest.raises(UsageError, match="takes no OLD or NEW"):
        choose_versions(examples, "x", since="y")
