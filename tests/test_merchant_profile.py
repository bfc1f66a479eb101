"""Merchant profiles: loading, validation messages with path:line, the published schema."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import SourceErrors
from generator.merchant import json_schema, load_profile, load_profiles
from generator.merchant.samples import generate_data

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "merchants"
GOOD = generate_data(1)[0]


def test_examples_load_and_say_they_are_illustrative():
    one = load_profile(EXAMPLES / "lotus-tea.yaml")
    assert one.illustrative and "ILLUSTRATIVE" in (EXAMPLES / "lotus-tea.yaml").read_text()
    many = load_profiles(EXAMPLES / "merchants.jsonl")
    assert len(many) >= 3 and all(p.illustrative for p in many)


def test_committed_schema_is_generated_from_the_model():
    committed = json.loads((ROOT / "notices" / "schema" / "merchant.schema.json").read_text())
    assert committed == json_schema()


def test_examples_validate_against_the_schema():
    import jsonschema
    from ruamel.yaml import YAML

    schema = json_schema()
    jsonschema.Draft202012Validator(schema).validate(YAML(typ="safe").load((EXAMPLES / "lotus-tea.yaml").read_text()))
    for line in (EXAMPLES / "merchants.jsonl").read_text().splitlines():
        jsonschema.Draft202012Validator(schema).validate(json.loads(line))


def _jsonl(tmp_path: Path, *records) -> Path:
    p = tmp_path / "m.jsonl"
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return p


def _bad(**change):
    d = json.loads(json.dumps(GOOD))
    for k, v in change.items():
        target = d
        *parents, last = k.split("__")
        for p in parents:
            target = target.setdefault(p, {})
        target[last] = v
    return d


@pytest.mark.parametrize("change, message", [
    ({"store_url": "javascript:alert(1)"}, "store_url: must be an http:// or https:// URL (got scheme 'javascript')"),
    ({"store_url": "https://user:pw@evil.example/"}, "store_url: must not contain a user name or password before the host"),
    ({"store_url": "https://x.example/\"onmouseover=\"a"}, "store_url: contains '\"', which a URL may not contain (percent-encode it)"),
    ({"contact_email": "not-an-email"}, "contact_email: is not a valid email address: 'not-an-email'"),
    ({"store_name": "Shop\u202egnp.exe"}, "store_name: contains the bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) at character 5; bidi controls are not allowed"),
    ({"address": "line one\nline two"}, "address: contains the control character U+000A at character 9; control characters and line breaks are not allowed"),
    ({"legal_name": "x" * 201}, "legal_name: is too long (201 characters, at most 200)"),
    ({"processing__payment_providers": ["Pay\u200bPal"]}, "processing.payment_providers.0: contains the invisible or unassigned character U+200B (ZERO WIDTH SPACE) at character 4"),
    ({"dpo__email": "dpo@@x.example"}, "missing field 'name' in dpo"),
    ({"colour": "red"}, "unknown field 'colour'"),
    ({"default_locale": "fr"}, "default_locale: Input should be 'en', 'zh-Hans' or 'zh-Hant'"),
    ({"retention__order_years": 99}, "retention.order_years: Input should be less than or equal to 30"),
])
def test_jsonl_errors_name_the_line_and_the_field(tmp_path, change, message):
    path = _jsonl(tmp_path, GOOD | {"id": "first"}, _bad(**change))
    with pytest.raises(SourceErrors) as e:
        load_profiles(path)
    assert f"{path}:2: {message}" in str(e.value).splitlines()


def test_jsonl_syntax_duplicates_and_size(tmp_path):
    path = _jsonl(tmp_path, GOOD, "{not json", GOOD, '{"id": "a", "id": "b"}', "[1]", "x" * 70000)
    with pytest.raises(SourceErrors) as e:
        load_profiles(path)
    lines = str(e.value).splitlines()
    assert lines == [
        f"{path}:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{path}:3: duplicate merchant id 'm000000' (first used on line 1)",
        f"{path}:4: invalid JSON: duplicate key 'id'",
        f"{path}:5: expected a JSON object (one profile per line)",
        f"{path}:6: record is too long (70000 bytes, at most 65536)",
    ]


def test_yaml_errors_point_at_line_and_column(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text("id: shop\nlegal_name: Shop Ltd.\nstore_name: Shop\nstore_url: ftp://shop.example\n"
                 "address: 1 Road\ncontact_email: a@shop.example\nprocessing:\n  marketing_sms: yes please\n")
    with pytest.raises(SourceErrors) as e:
        load_profile(p)
    assert str(e.value).splitlines() == [
        f"{p}:4:1: store_url: must be an http:// or https:// URL (got scheme 'ftp')",
        f"{p}:8:3: marketing_sms: Input should be a valid boolean",
    ]


def test_cli_reports_bad_profile_exit_2(run, tmp_path):
    path = _jsonl(tmp_path, _bad(store_url="javascript:alert(1)"))
    r = run("merchant", "render", path)
    assert r.code == 2
    assert r.err.strip() == f"{path}:1: store_url: must be an http:// or https:// URL (got scheme 'javascript')"
    assert "Traceback" not in r.err


def test_schema_command_prints_the_merchant_schema(run):
    r = run("schema", "merchant")
    assert r.code == 0 and json.loads(r.out) == json_schema()
