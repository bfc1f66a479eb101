"""The compliance lint: the labelled set (precision and recall), the real statement's report
in docs/lint.md, the command, merchants' notices, and compliance regressions in the diff."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, ROOT

LABELLED = FIXTURES / "lint"
HEADER = "# Illustrative: made-up facts to label the compliance lint, not any real notice."
GRADED = ("met", "partial", "missing")


# --------------------------------------------------------------------------- the labelled set
def _book(case: dict):
    """A fact book from a case: clauses with facts, ``within`` naming a clause's lead-in."""
    from pydantic import TypeAdapter

    from generator.lint import Stated, book_of
    from generator.model import Fact

    adapter = TypeAdapter(Fact)
    parents = {c["id"]: c.get("within") for c in case["clauses"]}

    def path(ident):
        out = []
        while parents.get(ident):
            ident = parents[ident]
            out.insert(0, ident)
        return tuple(out)

    return book_of(case["name"], [Stated(c["id"], adapter.validate_python(f), path(c["id"]), c.get("defining", False))
                                  for c in case["clauses"] for f in c["facts"]])


def labelled_cases() -> list[tuple[str, dict]]:
    from generator.source.yaml12 import read_fast

    out = []
    for path in sorted(LABELLED.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(HEADER), f"{path.name}: first line must be {HEADER!r}"
        doc = read_fast(path)
        assert path.stem == doc["requirement"], f"{path.name}: names requirement {doc['requirement']}"
        out += [(doc["requirement"], case) for case in doc["cases"]]
    return out


def evaluate():
    """(requirement, case name, expected, got) for every case of the labelled set."""
    from generator.lint import default_registry

    registry = default_registry()
    return [(rid, case["name"], case["expect"], registry.get(rid)(_book(case)).status)
            for rid, case in labelled_cases()]


def precision_recall(rows) -> dict[str, tuple[float, float]]:
    predicted, actual, correct = Counter(), Counter(), Counter()
    for _rid, _name, expected, got in rows:
        predicted[got] += 1
        actual[expected] += 1
        correct[got] += expected == got
    return {s: (correct[s] / predicted[s] if predicted[s] else 1.0, correct[s] / actual[s] if actual[s] else 1.0)
            for s in sorted(set(actual) | set(predicted))}


def test_every_requirement_is_labelled_met_partial_and_missing():
    from generator.lint import default_registry

    labels: dict[str, set] = {}
    for rid, case in labelled_cases():
        labels.setdefault(rid, set()).add(case["expect"])
    for r in default_registry():
        assert set(GRADED) <= labels.get(r.id, set()), f"{r.id}: labelled {sorted(labels.get(r.id, ()))}"


def test_lint_agrees_with_the_labelled_set():
    rows = evaluate()
    figures = precision_recall(rows)
    report = "\n".join(f"{s:<15} precision {p:.0%}  recall {r:.0%}" for s, (p, r) in figures.items())
    print(f"{len(rows)} labelled cases\n{report}")
    wrong = [f"{rid} / {name}: expected {expected}, got {got}" for rid, name, expected, got in rows if expected != got]
    assert not wrong, "\n".join(wrong) + "\n" + report
    assert all(p == r == 1.0 for p, r in figures.values()), report


# --------------------------------------------------------------------------- the real statement
def test_docs_lint_is_the_real_statements_report(run):
    result = run("lint", "--format", "markdown")
    assert result.code == 0, result.err
    generated, _notes = (ROOT / "docs" / "lint.md").read_text(encoding="utf-8").split("\n<!-- Notes:", 1)
    assert generated == result.out


def test_the_real_statement_meets_and_misses_what_its_text_says(current):
    from generator.lint import book_of_version, lint

    report = lint(book_of_version(current))
    status = {r.requirement.id: r.status for r in report.results}
    assert status["gdpr-13-1-a-controller"] == "met"
    assert report.get("gdpr-13-1-a-controller").outcome.clauses == ("def.party", "contact.department")
    assert status["gdpr-13-2-e-provision"] == "met"      # collect.overview.basic / .additional
    assert status["gdpr-13-2-d-complaint"] == "partial"  # customer service and a court, no authority
    assert status["gdpr-13-1-f-transfers"] == "missing"  # servers in China, no safeguard named
    lacking = report.get("gdpr-13-2-b-rights").outcome.gaps[0].lacking
    assert lacking == ("av:RightToRestriction", "av:RightToObject", "av:RightToPortability")


# --------------------------------------------------------------------------- the command
def test_lint_command_formats_laws_and_exit_status(run):
    data = json.loads(run("lint", "--law", "pipl", "--format", "json").out)
    assert data["laws"] == ["pipl"] and {r["law"] for r in data["results"]} == {"pipl"}
    assert data["counts"]["missing"] == 1 and data["results"][0]["facts"]
    assert run("lint", "--fail-on", "missing").code == 1
    assert run("lint", "--law", "gdpr", "--law", "ccpa", "--fail-on", "partial").code == 1
    text = run("lint", "--law", "ccpa")
    assert text.code == 0 and text.out.startswith("allvalue-privacy 2023-08-25 (CCPA/CPRA): 3 partly met")


@pytest.mark.parametrize("locale, words", [("zh-Hans", "缺少"), ("zh-Hant", "個人資料"), ("zh-CN", "已满足")])
def test_lint_report_in_chinese(run, locale, words):
    result = run("lint", "--locale", locale)
    assert result.code == 0 and words in result.out


def test_bad_input_is_a_located_error(run, tmp_path):
    bad = tmp_path / "m.yaml"
    bad.write_text("id: Not A Slug\n", encoding="utf-8")
    result = run("lint", "--merchant", bad)
    assert result.code == 2 and result.err.startswith(f"{bad}:") and "Traceback" not in result.err
    assert run("lint", "--version", "1999-01-01").code == 2


def test_merchant_with_an_eu_representative_is_checked_against_the_gdpr(run):
    result = run("lint", "--merchant", EXAMPLES / "merchants" / "lotus-tea.yaml", "--format", "json")
    data = json.loads(result.out)
    assert data["laws"] == ["gdpr"]
    status = {r["id"]: r["status"] for r in data["results"]}
    assert status["gdpr-13-1-a-representative"] == "met" and status["gdpr-13-1-b-dpo"] == "met"
    assert status["gdpr-13-1-a-controller"] == "met"  # the merchant, not AllValue


def test_every_merchant_of_a_batch(run):
    data = json.loads(run("lint", "--merchant", EXAMPLES / "merchants" / "merchants.jsonl", "--law", "all",
                          "--format", "json").out)
    assert len(data["reports"]) == 4 and all(r["laws"] == ["gdpr", "pipl", "ccpa"] for r in data["reports"])
    no_law = run("lint", "--merchant", EXAMPLES / "merchants" / "merchants.jsonl")
    # no EU representative: the profile chooses no law, and the report says so in words
    assert no_law.code == 0 and "(): 0" not in no_law.out
    assert no_law.out.count("no law to check (the profile names no EU representative); choose one with --law") == 4


# --------------------------------------------------------------------------- in the diff
def test_a_compliance_regression_is_shown_in_every_diff_format():
    from generator.report import render_report
    from tests.diff_helpers import classify_pair, edited, example

    base = example("2023-08-25")
    report = classify_pair(base, edited(base, lambda t: t.drop_fact("collect.overview.basic", kind="provision")))
    hits = [f for f in report.findings if f.rule == "compliance-regression"]
    assert len(hits) == 1 and hits[0].match.values["requirement"] == "gdpr-13-2-e-provision"
    for fmt in ("text", "markdown", "json", "html"):
        assert "compliance regression" in render_report(report, fmt), fmt
