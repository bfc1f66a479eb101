"""impact names exactly the merchants whose notices differ between two platform versions."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import load_source
from generator.merchant import MerchantProfile, impact, render_naive
from generator.merchant.samples import generate_data

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def changed_source(tmp_path_factory):
    """The real source plus a draft that rewords the cookie and marketing-SMS clauses only."""
    root = tmp_path_factory.mktemp("src")
    shutil.copytree(ROOT / "notices", root, dirs_exist_ok=True)
    pol = root / "allvalue-privacy"
    new = pol / "2099-01-01"
    shutil.copytree(pol / "2023-08-25", new)
    st = (new / "statement.yaml").read_text()
    for old in ("we may store name cookies", "we will send you a marketing SMS"):
        assert old in st
        st = st.replace(old, old.upper(), 1)
    (new / "statement.yaml").write_text(st)
    meta = (new / "version.yaml").read_text()
    meta = meta.replace("version: 2023-08-25", "version: 2099-01-01").replace(
        "updated_on: 2023-08-25", "updated_on: 2099-01-01").replace("status: published", "status: draft")
    meta = "\n".join(line for line in meta.splitlines() if not line.startswith("content_hash"))
    (new / "version.yaml").write_text(meta + "\nillustrative: Made up for a test.\n")
    return root


@pytest.fixture(scope="module")
def profiles_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("p") / "profiles.jsonl"
    p.write_text("\n".join(json.dumps(d) for d in generate_data(40, seed=3)) + "\n")
    return p


def test_impact_names_exactly_the_merchants_whose_notices_differ(changed_source, profiles_file):
    src = load_source(changed_source)
    old, new = src.version("2023-08-25"), src.version("2099-01-01")
    report = impact(old, new, profiles_file, locales=["en"])
    profiles = [MerchantProfile.model_validate(d) for d in generate_data(40, seed=3)]
    differ = {p.id for p in profiles
              if render_naive(p, old, format="html") != render_naive(p, new, format="html")}
    expected = {p.id for p in profiles if p.processing.analytics_cookies or p.processing.marketing_sms}
    assert {m.merchant for m in report.changed} == differ == expected
    assert 0 < len(differ) < 40
    for m in report.changed:
        assert set(m.clauses) <= {"cookies.use.purpose", "collect.rules.marketing-sms"} and m.clauses


def test_impact_cli_json(run, changed_source, profiles_file):
    r = run("merchant", "impact", "2023-08-25", "2099-01-01", profiles_file, "--source", changed_source,
            "--locale", "en", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["merchants"] == 40 and data["impacted"] == len(data["changed"]) > 0


def test_impact_with_the_classifier_on_illustrative_versions(run):
    versions = load_source(ROOT / "examples").policy().versions
    old, new = versions[0], versions[-1]
    r = run("merchant", "impact", old.version, new.version, ROOT / "examples/merchants/merchants.jsonl",
            "--source", ROOT / "examples", "--locale", "en", "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    profiles = [MerchantProfile.model_validate(json.loads(line))
                for line in (ROOT / "examples/merchants/merchants.jsonl").read_text().splitlines()]
    differ = {p.id for p in profiles
              if render_naive(p, old, format="html") != render_naive(p, new, format="html")}
    assert {m["merchant"] for m in data["changed"]} == differ
    assert all(m["level"] in ("none", "editorial", "review", "material", "consent") for m in data["changed"])
