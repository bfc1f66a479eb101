"""`notices diff` and generator.diff: normalisation, structure, facts, formats, exit codes, git."""
from __future__ import annotations

from generator.report import fact_change_text, report_to_json
import json
import shutil
import subprocess

import pytest

from tests.diff_helpers import EXAMPLES, POLICY, ROOT, SCHEMA, classify_pair, edited, example, example_ids


def test_schema_path_is_the_committed_schema():
    from generator.report.jsonreport import SCHEMA_PATH

    assert SCHEMA_PATH == SCHEMA and SCHEMA.is_file()


def test_removed_division_takes_the_level_of_what_it_contained():
    report = classify_pair(example("2024-08-19"), example("2024-09-30"))
    assert report.clause_level("rights.copy") == "consent"
    assert report.clause_level("rights.others") == "none"

BASE = "2023-08-25"


# --------------------------------------------------------------------------- normalisation
@pytest.mark.parametrize("old,new", [
    ("We will respond within 15 days.", "We will respond within\u00a015\u00a0days."),
    ("referred as \"AllValue\" or \"we\"", "referred as \u201cAllValue\u201d or \u201cwe\u201d"),
    ("Queen's Road", "Queen\u2019s Road"),
    ("You should read it carefully.", "**You should read it carefully.**"),
    ("terms marked in bold", "terms marked in _bold_"),
    ("In order to provide you", "(1) In order to provide you"),
    ("In order to provide you", "\u2474 In order to provide you"),
    ("In order to provide you", "a. In order to provide you"),
    ("two  spaces\nand a newline", "two spaces and a newline"),
])
def test_formatting_noise_is_never_a_change(old, new):
    from generator.diff.text import normalise_prose, redline

    assert normalise_prose(old) == normalise_prose(new)
    assert all(s.op == "equal" for s in redline(old, new))


@pytest.mark.parametrize("old,new,editorial", [
    ("How we process childrens personal information", "How we process children's personal information", True),
    ("public Disclosure, use", "public disclosure, use", True),
    ("information. . However", "information. However", True),
    ("Our Privacy Statment is subject", "Our Privacy Statement is subject", True),
    ("We will respond within 15 days.", "We will respond within 30 days.", False),
    ("We may share your data.", "We will share your data.", False),
    ("We may share your data.", "We may share your data with partners.", False),
    ("We share your data.", "We do not share your data.", False),
    ("You can refuse.", "You can't refuse.", False),
    ("If handling is lawful", "If handling is unlawful", False),
    ("your right to deletion", "your rights to deletion", False),
    ("within 15 days", "within 16 days", False),
    ("Allvalue customer service", "AllValue customer service", True),
])
def test_typos_are_editorial_and_meaning_is_not(old, new, editorial):
    from generator.diff.text import is_editorial

    assert is_editorial(old, new) is editorial


def test_word_redline_marks_insertions_and_deletions():
    from generator.diff.text import redline

    segments = redline("We will respond within 15 days.", "We will respond within 30 days.")
    assert [(s.op, s.text) for s in segments] == [
        ("equal", "We will respond within "), ("delete", "15"), ("insert", "30"), ("equal", " days.")]


# --------------------------------------------------------------------------- structure
def test_same_version_is_identical():
    from generator.diff import compare

    v = example(BASE)
    diff = compare(v, v)
    assert diff.identical and not diff.changes and not diff.fact_changes


def test_moved_clause_is_moved_not_rewritten_and_siblings_only_renumbered():
    report = classify_pair(example("2023-10-02"), example("2023-11-06"))
    kinds = {c.id: c.kinds for c in report.diff.changes}
    assert kinds == {"collect.rules.desensitise": ("moved",), "collect.rules.new-purpose": ("renumbered",),
                     "collect.rules.third-parties": ("renumbered",)}
    moved = report.diff.change("collect.rules.desensitise")
    assert moved.old_path[-1] == "collect.rules" and moved.new_path[-1] == "protect.measures"
    assert not moved.fields and not moved.facts


def test_reorder_among_siblings_is_a_move():
    def swap(t):
        t.insert_after("update.posting", t.remove("update.may-change"))

    diff = classify_pair(example(BASE), edited(example(BASE), swap)).diff
    # two siblings swapped: one of them moved, the others kept their order and number
    assert [c.kinds for c in diff.changes] == [("moved",)]
    assert diff.changes[0].id in ("update.may-change", "update.posting")


def test_added_and_removed_clauses_in_document_order():
    report = classify_pair(example("2024-08-19"), example("2024-09-30"))
    ids = [c.id for c in report.diff.changes]
    assert ids.index("rights.copy") < ids.index("rights.copy.request") < ids.index("rights.others")
    assert report.diff.change("rights.copy.request").kinds == ("removed",)


def test_fact_changes_are_keyed_not_positional():
    """Reordering a clause's facts is no change; a value change is one modification."""
    def reorder(t):
        node = t.find("collect.account.merchant-registration.data")
        node["facts"] = list(reversed(node["facts"]))

    assert classify_pair(example(BASE), edited(example(BASE), reorder)).diff.identical
    diff = classify_pair(example("2024-06-03"), example("2024-07-15")).diff
    [fc] = diff.fact_changes
    assert (fc.change, fc.kind, fc.fields, fc.old, fc.new) == (
        "modified", "response-time", ("days",), {"days": [15]}, {"days": [30]})
    assert fc.clauses == ("rights.respond.time", "contact.department")
    assert fact_change_text(fc) == "response time changed: 15 days → 30 days"


def test_recipient_added_in_the_users_words():
    [fc] = classify_pair(example("2024-11-11"), example("2024-12-16")).diff.fact_changes
    assert fact_change_text(fc) == "recipient added: data brokers"


# --------------------------------------------------------------------------- CLI
@pytest.mark.parametrize("version", example_ids())
def test_version_against_itself_is_none_even_with_fail_on_editorial(run, version):
    result = run("diff", "--source", EXAMPLES, version, version, "--fail-on", "editorial")
    assert result.code == 0, result.err
    assert "level: none" in result.out


def test_real_source_against_itself(run):
    result = run("diff", "--source", ROOT / "notices", "--fail-on", "editorial", "--format", "json")
    assert result.code == 0 and json.loads(result.out)["level"] == "none"


def test_default_is_latest_published_against_newest(run):
    result = run("diff", "--source", EXAMPLES, "--format", "json")
    data = json.loads(result.out)
    assert (data["old"]["version"], data["new"]["version"]) == ("2025-01-20", "2025-03-03")
    assert data["new"]["status"] == "draft" and data["level"] == "review" and data["needs_review"]


@pytest.mark.parametrize("fail_on,code", [("editorial", 1), ("material", 1), ("consent", 1)])
def test_fail_on_reached_exits_1(run, fail_on, code):
    result = run("diff", "--source", EXAMPLES, "2024-06-03", "2024-07-15", "--fail-on", fail_on)
    assert result.code == code
    assert "right-narrowed" in result.out  # the report is written before exiting


def test_fail_on_not_reached_exits_0(run):
    assert run("diff", "--source", EXAMPLES, "2023-08-25", "2023-09-15", "--fail-on", "review").code == 0


def test_since_compares_directly_with_latest_published(run):
    since = json.loads(run("diff", "--source", EXAMPLES, "--since", "2024-11-11", "--format", "json").out)
    assert (since["old"]["version"], since["new"]["version"]) == ("2024-11-11", "2025-01-20")
    assert since["level"] == "none"  # the data-broker change was made and undone
    assert run("diff", "--source", EXAMPLES, "--since", "2024-11-11", "2025-01-20").code == 2
    draft = run("diff", "--source", EXAMPLES, "--since", "2025-03-03")
    assert draft.code == 2 and "newer than the version in effect, 2025-01-20" in draft.err


def test_unknown_version_exits_2_without_traceback(run_subprocess):
    result = run_subprocess("diff", "--source", EXAMPLES, "2023-08-25", "1999-01-01")
    assert result.code == 2
    assert "unknown version '1999-01-01' of allvalue-privacy" in result.err and "Traceback" not in result.err


def test_unreadable_source_exits_2_with_path_and_line(run_subprocess, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(EXAMPLES, src)
    statement = src / POLICY / "2025-03-03" / "statement.yaml"
    lines = statement.read_text(encoding="utf-8").splitlines()
    lines[40] = lines[40].replace("text:", "text: [unclosed")  # a flow sequence never closed
    statement.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_subprocess("diff", "--source", src)
    assert result.code == 2 and "Traceback" not in result.err
    assert f"{statement}:42:16: YAML syntax error: expected ',' or ']'" in result.err


def test_missing_source_exits_2(run, tmp_path):
    result = run("diff", "--source", tmp_path / "nowhere")
    assert result.code == 2 and "source directory not found" in result.err


def test_decision_on_unchanged_clause_exits_2_at_its_line(run, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(EXAMPLES, src)
    meta = src / POLICY / "2024-11-11" / "version.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace("- clause: update.may-change", "- clause: update.posting"), encoding="utf-8")
    line = next(i for i, l in enumerate(meta.read_text().splitlines(), 1) if "clause: update.posting" in l)
    result = run("diff", "--source", src, "2024-09-30", "2024-11-11")
    assert result.code == 2
    assert f"{meta}:{line}:" in result.err
    assert "decision names clause 'update.posting', which this diff does not change" in result.err


def test_text_format_plain_and_coloured(run):
    args = ("diff", "--source", EXAMPLES, "2024-06-03", "2024-07-15")
    plain = run(*args).out
    assert "[-15-]{+30+}" in plain and "\x1b[" not in plain
    coloured = run(*args, "--color").out
    assert "\x1b[31m[-15-]\x1b[0m" in coloured and "\x1b[32m{+30+}\x1b[0m" in coloured


def test_markdown_format_is_a_short_pr_comment(run):
    out = run("diff", "--source", EXAMPLES, "2023-08-25", "2025-03-03", "--format", "markdown").out
    assert out.index("| level | findings |") < out.index("| level | clause | change |") < out.index("<details>")
    # consent: health data, a right removed, and the response time in both clauses that state it
    assert "| consent | 4 |" in out and "</details>" in out
    assert "<del>15</del><ins>30</ins>" in out
    assert len(out) < 65536


def test_html_format_is_a_standalone_redline(run, tmp_path):
    target = tmp_path / "out" / "redline.html"
    result = run("diff", "--source", EXAMPLES, "2024-06-03", "2024-07-15", "--format", "html", "-o", target)
    assert result.code == 0 and result.out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<del>15</del><ins>30</ins>" in page


def test_redline_fragment_for_the_site():
    from generator.report import render_redline_fragment, render_report

    report = classify_pair(example("2024-06-03"), example("2024-07-15"))
    fragment = render_redline_fragment(report)
    assert fragment.startswith('<section class="notices-redline" data-level="consent"')
    assert "<html" not in fragment and "<body" not in fragment
    assert fragment in render_report(report, "html")


def test_prose_is_escaped_in_html_and_markdown():
    from generator.report import render_report

    evil = "Click <script>alert(1)</script> | **now** [here](javascript:alert(1))"
    report = classify_pair(example(BASE), edited(example(BASE), lambda t: t.find("update.may-change").update(text=evil)))
    html = render_report(report, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    markdown = render_report(report, "markdown")
    assert "<script>" not in markdown and "\\[here\\]" in markdown


def test_output_is_deterministic(run):
    args = ("diff", "--source", EXAMPLES, "2023-08-25", "2025-03-03", "--format")
    for fmt in ("json", "html", "markdown", "text"):
        assert run(*args, fmt).out == run(*args, fmt).out


# --------------------------------------------------------------------------- JSON schema
@pytest.fixture(scope="module")
def validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _pairs():
    ids = example_ids()
    return list(zip(ids, ids[1:])) + [(ids[0], ids[-1]), (ids[0], ids[0])]


@pytest.mark.parametrize("old,new", _pairs(), ids=[f"{o}..{n}" for o, n in _pairs()])
def test_json_validates_against_its_schema(run, validator, old, new):
    data = json.loads(run("diff", "--source", EXAMPLES, old, new, "--format", "json").out)
    validator.validate(data)
    assert data["schema_version"] == "1.2"


def test_report_to_json_api(validator):
    report = classify_pair(example("2024-03-18"), example("2024-04-22"))
    data = report_to_json(report)
    validator.validate(data)
    assert data["notification"] == {"key": "notice", "label": report.notification_label}
    finding = next(f for f in data["findings"] if f["rule"] == "impact-assessment-high")
    assert finding["clause"] is None and finding["citation"] == "Section VIII item 6"


# --------------------------------------------------------------------------- git
def _git(cwd, *args):
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True).stdout


def test_against_head_reads_git_and_leaves_the_working_tree_alone(run, tmp_path):
    repo = tmp_path / "repo"
    (repo / "src" / POLICY).mkdir(parents=True)
    shutil.copy(EXAMPLES / POLICY / "policy.yaml", repo / "src" / POLICY)
    shutil.copytree(EXAMPLES / POLICY / "2024-06-03", repo / "src" / POLICY / "2024-06-03")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base")
    # the pull request: a new version in the working tree, and an unrelated edit
    shutil.copytree(EXAMPLES / POLICY / "2024-07-15", repo / "src" / POLICY / "2024-07-15")
    (repo / "notes.txt").write_text("work in progress\n")
    before = _git(repo, "status", "--porcelain")
    head = _git(repo, "rev-parse", "HEAD")

    result = run("diff", "--source", repo / "src", "--against", "HEAD", "--format", "json", "--fail-on", "material")
    assert result.code == 1, result.err
    data = json.loads(result.out)
    assert data["old"]["label"] == "HEAD:2024-06-03" and data["new"]["version"] == "2024-07-15"
    # the response time is stated in two clauses; each is a narrowing (facts compared clause by clause)
    assert data["level"] == "consent" and [f["rule"] for f in data["findings"]] == ["right-narrowed"] * 2
    assert _git(repo, "status", "--porcelain") == before
    assert _git(repo, "rev-parse", "HEAD") == head

    same = run("diff", "--source", repo / "src", "--against", "HEAD", "2024-06-03", "2024-06-03")
    assert same.code == 0 and "level: none" in same.out
    bad = run("diff", "--source", repo / "src", "--against", "no-such-ref")
    assert bad.code == 2 and "unknown git revision 'no-such-ref'" in bad.err

    # a broken file at the revision is named as git names it, REF:path
    broken = repo / "src" / POLICY / "2024-06-03" / "version.yaml"
    good = broken.read_text()
    broken.write_text(good.replace("status: published", "status: [published"))
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "broken")
    broken.write_text(good)  # the working tree is fine; only the revision is broken
    result = run("diff", "--source", repo / "src", "--against", "HEAD", "2024-06-03", "2024-07-15")
    assert result.code == 2 and f"HEAD:src/{POLICY}/2024-06-03/version.yaml:" in result.err


def test_against_outside_a_git_repository_exits_2(run, tmp_path):
    shutil.copytree(EXAMPLES, tmp_path / "src")
    result = run("diff", "--source", tmp_path / "src", "--against", "HEAD")
    assert result.code == 2 and "git" in result.err
