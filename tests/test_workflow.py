"""The editor's workflow, end to end as a new user runs it, and each refusal on its own.

new-version → edit one clause → diff → decide → i18n update → translate → publish
--effective → build --as-of before and after the effective date → verify. Every step is
the CLI, on a copy of the real source and catalogs; the one made-up edit (a shorter
response time and a reworded complaint clause) exists only in the test's copy.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from generator.i18n import LOCALES_DIR

from .conftest import NOTICES, ROOT, Result

POLICY = "allvalue-privacy"
REAL = "2023-08-25"
NEW = "2026-12-01"
#: the edit: the response time (a fact: material, in the user's favour) and a rewording
#: of the complaint clause (no fact: review, a person decides)
RESPONSE_OLD, RESPONSE_NEW = "we will respond to your request within 15 days", "we will respond to your request within 10 days"
COMPLAINT_OLD, COMPLAINT_NEW = "If you are not satisfied with our response", "If you are unhappy with our response"


def run_cli(*args) -> Result:
    """``notices ARGS`` in a child process (for the module's one end-to-end run)."""
    import os
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True,
                       text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return Result(p.returncode, p.stdout, p.stderr)


def copy_source(tmp_path: Path) -> tuple[Path, Path]:
    src, loc = tmp_path / "notices", tmp_path / "locales"
    shutil.copytree(NOTICES, src)
    shutil.copytree(LOCALES_DIR, loc)
    return src, loc


def edit_draft(src: Path, version: str = NEW) -> Path:
    """The one edit an editor makes in the draft's statement.yaml."""
    st = src / POLICY / version / "statement.yaml"
    text = st.read_text(encoding="utf-8")
    assert text.count(RESPONSE_OLD) == 1 and text.count(COMPLAINT_OLD) == 1
    text = text.replace(RESPONSE_OLD, RESPONSE_NEW).replace(COMPLAINT_OLD, COMPLAINT_NEW)
    text = text.replace("- {kind: response-time, days: 15}", "- {kind: response-time, days: 10}")
    st.write_text(text, encoding="utf-8")
    return st


def translate_fuzzy(loc: Path) -> int:
    """What a translator does after `i18n update`: review each fuzzy entry (here: mark it
    reviewed with a note), as Poedit or Weblate would."""
    from babel.messages.pofile import read_po, write_po

    done = 0
    for locale in ("zh-Hans", "zh-Hant"):
        path = loc / locale / "LC_MESSAGES" / "statement.po"
        with path.open("rb") as f:
            catalog = read_po(f)
        for m in catalog:
            if m.id and "fuzzy" in m.flags:
                m.flags.discard("fuzzy")
                m.previous_id = []
                m.string = f"{m.string}（已审校）"
                done += 1
        with path.open("wb") as f:
            write_po(f, catalog, width=76)
    return done


def draft_ready_to_publish(tmp_path: Path, run) -> tuple[Path, Path]:
    """A copy of the source with a draft that every check lets through (the long way)."""
    src, loc = copy_source(tmp_path)
    assert run("new-version", "--source", src, "--date", NEW).code == 0
    edit_draft(src)
    assert run("decide", NEW, "--source", src, "--clause", "contact.complaint", "--level", "editorial",
               "--rationale", "Plainer word, same meaning.", "--by", "Legal").code == 0
    assert run("i18n", "update", "--source", src, "--locales", loc).code == 0
    translate_fuzzy(loc)
    return src, loc


# ------------------------------------------------------------------------- end to end
@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The whole workflow once; each test below checks one stage of it."""
    tmp = tmp_path_factory.mktemp("workflow")
    src, loc = copy_source(tmp)
    steps = {}
    steps["new"] = run_cli("new-version", "--source", src, "--date", NEW)
    steps["diff-untouched"] = run_cli("diff", "--source", src, "--format", "json")
    edit_draft(src)
    steps["diff"] = run_cli("diff", "--source", src, "--format", "json")
    steps["decide-list"] = run_cli("decide", NEW, "--source", src)
    steps["decide"] = run_cli("decide", NEW, "--source", src, "--clause", "contact.complaint",
                              "--level", "editorial", "--rationale", "Plainer word, same meaning.",
                              "--by", "AllValue Legal", "--on", "2026-12-01")
    steps["publish-early"] = run_cli("publish", NEW, "--source", src, "--locales", loc,
                                     "--effective", "2026-12-02", "--on", "2026-12-01")
    steps["i18n"] = run_cli("i18n", "update", "--source", src, "--locales", loc)
    steps["translated"] = translate_fuzzy(loc)
    steps["publish-too-soon"] = run_cli("publish", NEW, "--source", src, "--locales", loc,
                                        "--effective", "2026-12-30", "--on", "2026-12-01")
    steps["publish"] = run_cli("publish", NEW, "--source", src, "--locales", loc,
                               "--effective", "2026-12-31", "--on", "2026-12-01")
    steps["validate"] = run_cli("validate", "--source", src)
    before, after = tmp / "site-before", tmp / "site-after"
    steps["build-before"] = run_cli("build", "--source", src, "-o", before, "--as-of", "2026-12-10", "-q")
    steps["build-after"] = run_cli("build", "--source", src, "-o", after, "--as-of", "2026-12-31", "-q")
    return {"src": src, "loc": loc, "steps": steps, "before": before, "after": after}


def test_new_version_makes_a_draft_differing_only_by_its_date(published):
    new = published["steps"]["new"]
    assert new.code == 0, new.err
    assert f"created draft {NEW} from {REAL}" in new.out and f"notices decide {NEW}" in new.out
    report = json.loads(published["steps"]["diff-untouched"].out)
    assert report["level"] == "editorial"
    assert [(f["clause"], f["rule"]) for f in report["findings"]] == [("closing", "updated-on-note")]


def test_diff_then_decide_records_a_decision_with_the_clause_hash(published):
    report = json.loads(published["steps"]["diff"].out)
    assert report["level"] == "material"
    assert {f["clause"]: f["level"] for f in report["findings"]}["contact.complaint"] == "review"
    listing = published["steps"]["decide-list"]
    assert listing.code == 1 and "contact.complaint: text reworded" in listing.out
    decided = published["steps"]["decide"]
    assert decided.code == 0, decided.err
    assert "every review finding is decided" in decided.out

    from generator.source import load_source

    version = load_source(published["src"]).policy().get(NEW)
    [d] = version.decisions
    assert (d.clause, d.level, d.decided_by) == ("contact.complaint", "editorial", "AllValue Legal")
    assert d.clause_hash == version.clause_hashes_now()["contact.complaint"]


def test_publish_waits_for_translations_and_the_notice_window(published):
    early = published["steps"]["publish-early"]
    assert early.code == 2
    assert "zh-Hans translation incomplete" in early.err and "zh-Hant translation incomplete" in early.err
    assert "no sooner than 30 days after publication (2026-12-31), not 2026-12-02" in early.err
    assert published["steps"]["translated"] == 2 * 3  # two clauses and the closing note, per locale
    too_soon = published["steps"]["publish-too-soon"]
    assert too_soon.code == 2
    assert too_soon.err.count("\n  ") == 1 and "not 2026-12-30" in too_soon.err  # the one reason left


def test_publish_records_dates_and_hashes(published):
    done = published["steps"]["publish"]
    assert done.code == 0, done.err
    assert "effective 2026-12-31 (change: material)" in done.out
    assert published["steps"]["validate"].code == 0

    from generator.source import load_source

    version = load_source(published["src"]).policy().get(NEW)
    assert version.status == "published"
    assert (version.published_on, version.effective_on) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert version.content_hash == version.compute_hash()
    assert version.facts_hash == version.compute_facts_hash()
    assert version.clause_hashes == version.clause_hashes_now()


def _manifest(site: Path) -> dict:
    return json.loads((site / "versions.json").read_text(encoding="utf-8"))


def test_build_before_the_effective_date_announces_the_upcoming_version(published):
    assert published["steps"]["build-before"].code == 0, published["steps"]["build-before"].err
    site = published["before"]
    manifest = _manifest(site)
    assert manifest["current"] == REAL and manifest["as_of"] == "2026-12-10"
    upcoming = {v["version"]: v for v in manifest["versions"]}[NEW]
    assert upcoming["upcoming"] and not upcoming["current"] and upcoming["effective"] == "2026-12-31"
    current_page = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "A new version takes effect on December 31, 2026" in current_page
    assert f"changes/{REAL}-to-{NEW}/" in current_page
    new_page = (site / "en" / "versions" / NEW / "index.html").read_text(encoding="utf-8")
    assert "Takes effect on December 31, 2026" in new_page and "Upcoming version" in new_page
    assert (site / "en" / "changes" / f"{REAL}-to-{NEW}" / "index.html").is_file()
    zh = (site / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    assert "A new version takes effect" not in zh  # the banner is translated


def test_build_on_the_effective_date_makes_it_current(published):
    assert published["steps"]["build-after"].code == 0, published["steps"]["build-after"].err
    site = published["after"]
    manifest = _manifest(site)
    assert manifest["current"] == NEW
    assert not any(v["upcoming"] for v in manifest["versions"])
    page = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "within 10 days" in page and "takes effect on" not in page
    assert "Effective <time datetime=\"2026-12-31\">" in page


def test_every_page_shows_version_effective_date_and_hash(published):
    import re

    for site in (published["before"], published["after"]):
        hashes = {v["content_hash"] for v in _manifest(site)["versions"]}
        pages = [p for p in site.glob("*/**/index.html")]
        assert len(pages) >= 3 * 5
        for page in pages:
            html = page.read_text(encoding="utf-8")
            stamp = re.search(r'<p class="av-hash">(.*?)</p>', html, re.S)
            assert stamp, page
            assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', stamp.group(1)), page
            assert any(h in stamp.group(1) for h in hashes), page
    history = (published["before"] / "en" / "history" / "index.html").read_text(encoding="utf-8")
    assert (f'Version {NEW}</a> <strong class="av-badge av-badge-upcoming">'
            "Takes effect on December 31, 2026</strong>") in history
    assert f'Version {REAL}</a> <strong class="av-badge av-badge-current">Current version</strong>' in history


def test_verify_accepts_the_build_and_names_every_changed_file(published, run):
    site = published["after"]
    ok = run("verify", site, "--source", published["src"], "-j", "2")
    assert ok.code == 0, ok.out + ok.err
    files = sorted(p for p in site.rglob("*") if p.is_file())
    assert len(files) > 100
    for p in files:  # one byte changed in every built file
        data = bytearray(p.read_bytes())
        # versions.json holds the build's parameters: change a hash in it, keeping it readable
        at = data.index(b'"content_hash": "sha256:') + 24 if p.name == "versions.json" else len(data) // 2
        data[at] = ord("0") if data[at] != ord("0") else ord("1")
        p.write_bytes(bytes(data))
    (site / "en" / "injected.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    bad = run("verify", site, "--source", published["src"], "-j", "2")
    assert bad.code == 1
    differs = {line.split(": ", 1)[1] for line in bad.out.splitlines() if line.startswith("differs: ")}
    assert differs == {p.relative_to(site).as_posix() for p in files}
    assert "extra: en/injected.html" in bad.out


# --------------------------------------------------------------------- publish refuses
def test_publish_refuses_an_undecided_review_and_a_stale_decision(tmp_path, run):
    src, loc = copy_source(tmp_path)
    run("new-version", "--source", src, "--date", NEW)
    st = edit_draft(src)
    undecided = run("publish", NEW, "--source", src, "--locales", loc, "--effective", "2027-01-31", "--on", "2026-12-01")
    assert undecided.code == 2
    assert "clause contact.complaint is at review, undecided" in undecided.err
    run("decide", NEW, "--source", src, "--clause", "contact.complaint", "--level", "editorial",
        "--rationale", "Same meaning.", "--by", "Legal")
    st.write_text(st.read_text(encoding="utf-8").replace(COMPLAINT_NEW, "If you are displeased with our response"),
                  encoding="utf-8")  # the text changes again after the decision
    stale = run("publish", NEW, "--source", src, "--locales", loc, "--effective", "2027-01-31", "--on", "2026-12-01")
    assert stale.code == 2
    assert "decisions[0] on clause contact.complaint is stale" in stale.err
    assert "clause contact.complaint is at review, undecided" in stale.err
    listing = run("decide", NEW, "--source", src)
    assert listing.code == 1 and "decisions[0] is stale" in listing.out


def test_decide_asks_finding_by_finding(tmp_path, run_subprocess):
    """What an editor answers at the prompts (here on standard input, with --ask)."""
    src, _ = copy_source(tmp_path)
    assert run_subprocess("new-version", "--source", src, "--date", NEW).code == 0
    edit_draft(src)
    asked = run_subprocess("decide", NEW, "--source", src, "--ask", "--on", "2026-12-02",
                           input="sideways\neditorial\nThe same meaning in plainer words.\nA. Editor\n")
    assert asked.code == 0, asked.err
    assert "recorded: contact.complaint → editorial (A. Editor, 2026-12-02)" in asked.out
    assert "Error: 'sideways' is not one of" in asked.out + asked.err  # asked again
    from generator.source import load_source

    [d] = load_source(src).policy().get(NEW).decisions
    assert (d.level, d.rationale, d.decided_by) == ("editorial", "The same meaning in plainer words.", "A. Editor")
    skipped = run_subprocess("decide", NEW, "--source", src, "--ask", input="\n")
    assert skipped.code == 0 and "nothing awaits a decision" in skipped.out


def test_decide_lists_a_reading_of_the_words_and_a_person_may_set_it(tmp_path, run):
    """A limit put on a right in words only: consent (read upwards), listed as a reading that
    needs no decision, and a person may record another level on it."""
    from generator.workflow import pending_decisions

    src, _ = copy_source(tmp_path)
    run("new-version", "--source", src, "--date", NEW)
    st = src / POLICY / NEW / "statement.yaml"
    old = "we will delete your personal information."
    text = st.read_text(encoding="utf-8")
    assert text.count(old) == 1
    st.write_text(text.replace(old, "we will delete your personal information only after 3 years."), encoding="utf-8")
    listing = run("decide", NEW, "--source", src)
    assert listing.code == 0, listing.out + listing.err  # nothing *awaits* a decision
    assert "read from the words" in listing.out
    assert "rights.cancel.effect: consent: words that limit a right added (after a period, only)" in listing.out
    res = run("decide", NEW, "--source", src, "--clause", "rights.cancel.effect", "--level", "material",
              "--rationale", "A delay, not a limit: deletion still follows.", "--by", "Legal")
    assert res.code == 0, res.err
    report = pending_decisions(src, NEW).report
    assert report.level == "material" and report.findings[0].decision.decided_by == "Legal"
    other = run("decide", NEW, "--source", src, "--clause", "rights.cancel.how", "--level", "none",
                "--rationale", "x", "--by", "Legal")
    assert other.code == 2 and "no change of this clause awaits or allows a decision" in other.err


def test_decide_refuses_a_bidi_control_and_writes_nothing(tmp_path, run):
    src, _ = copy_source(tmp_path)
    run("new-version", "--source", src, "--date", NEW)
    edit_draft(src)
    meta = src / POLICY / NEW / "version.yaml"
    before = meta.read_bytes()
    res = run("decide", NEW, "--source", src, "--clause", "contact.complaint", "--level", "editorial",
              "--rationale", "fine \u202e enif", "--by", "Legal")
    assert res.code == 2 and "Traceback" not in res.err
    assert "contact.complaint: rationale: contains the bidi control U+202E" in res.err
    assert meta.read_bytes() == before


def test_publish_refuses_an_invalid_version_with_its_line(tmp_path, run):
    src, loc = copy_source(tmp_path)
    run("new-version", "--source", src, "--date", NEW)
    st = src / POLICY / NEW / "statement.yaml"
    st.write_text(st.read_text(encoding="utf-8").replace("- {kind: response-time, days: 15}",
                                                         "- {kind: response-time, days: -3}"), encoding="utf-8")
    res = run("publish", NEW, "--source", src, "--locales", loc, "--effective", "2027-01-31", "--on", "2026-12-01")
    assert res.code == 2
    assert f"{st}:" in res.err and "greater than 0" in res.err


def test_publish_refuses_dates_out_of_order_and_a_second_publication(tmp_path, run):
    src, loc = draft_ready_to_publish(tmp_path, run)
    res = run("publish", NEW, "--source", src, "--locales", loc, "--effective", "2026-11-01", "--on", "2026-11-15")
    assert res.code == 2
    assert "publication date 2026-11-15 is before the version's date 2026-12-01" in res.err
    assert "effective date 2026-11-01 is before the publication date 2026-11-15" in res.err
    assert run("publish", NEW, "--source", src, "--locales", loc, "--effective", "2027-01-01",
               "--on", "2026-12-01").code == 0
    again = run("publish", NEW, "--source", src, "--locales", loc, "--effective", "2027-01-01", "--on", "2026-12-01")
    assert again.code == 2 and f"{NEW} is already published" in again.err


def test_notice_days_come_from_policy_yaml(tmp_path, run):
    src, loc = draft_ready_to_publish(tmp_path, run)
    policy = src / POLICY / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8") + "notice_days: 45\n", encoding="utf-8")
    res = run("publish", NEW, "--source", src, "--locales", loc, "--effective", "2026-12-31", "--on", "2026-12-01")
    assert res.code == 2 and "no sooner than 45 days after publication (2027-01-15)" in res.err
    policy.write_text(policy.read_text(encoding="utf-8").replace("notice_days: 45", "notice_days: soon"),
                      encoding="utf-8")
    bad = run("validate", "--source", src)
    assert bad.code == 2 and f"{policy}:" in bad.err and "notice_days" in bad.err


# ----------------------------------------------------------------------- new-version
def test_new_version_refuses_without_writing_anything(tmp_path, run):
    src, _ = copy_source(tmp_path)
    before = sorted(p.name for p in (src / POLICY).iterdir())
    early = run("new-version", "--source", src, "--date", "2023-08-01")
    assert early.code == 2 and "must be dated after 2023-08-25" in early.err
    assert run("new-version", "--source", src, "--date", NEW).code == 0
    twice = run("new-version", "--source", src, "--date", NEW)
    assert twice.code == 2 and "already exists" in twice.err
    unknown = run("new-version", "--source", src, "--from", "1999-01-01", "--date", "2027-01-01")
    assert unknown.code == 2 and "unknown version '1999-01-01'" in unknown.err
    assert sorted(p.name for p in (src / POLICY).iterdir()) == sorted(before + [NEW])  # no leftovers


# ---------------------------------------------------------------- tampering, named
def test_a_facts_only_change_is_named_and_can_be_recorded_as_a_correction(tmp_path, run):
    src, _ = copy_source(tmp_path)
    st = src / POLICY / REAL / "statement.yaml"
    text = st.read_text(encoding="utf-8")
    st.write_text(text.replace("- {kind: response-time, days: 15}", "- {kind: response-time, days: 16}", 1),
                  encoding="utf-8")
    res = run("validate", "--source", src)
    assert res.code == 2
    assert "facts of clause" in res.err and f"notices hash --version {REAL} --record" in res.err
    assert f"{st}:" in res.err
    recorded = run("hash", "--source", src, "--version", REAL, "--record")
    assert recorded.code == 0, recorded.err
    assert run("validate", "--source", src).code == 0
    from generator.source import load_source

    assert load_source(src).policy().get(REAL).content_hash == \
        load_source(NOTICES).policy().get(REAL).content_hash  # what readers hold is unchanged


def test_record_refuses_a_changed_text(tmp_path, run):
    src, _ = copy_source(tmp_path)
    st = src / POLICY / REAL / "statement.yaml"
    st.write_text(st.read_text(encoding="utf-8").replace("We will respond within 15 days.",
                                                         "We will respond within 16 days."), encoding="utf-8")
    res = run("hash", "--source", src, "--version", REAL, "--record")
    assert res.code == 2 and "published versions are immutable: make a new version" in res.err
    assert run("validate", "--source", src).code == 2  # still refused


def test_added_and_removed_clauses_are_named(tmp_path, run):
    src, _ = copy_source(tmp_path)
    st = src / POLICY / REAL / "statement.yaml"
    text = st.read_text(encoding="utf-8")
    marker = "        - id: contact.complaint\n"
    assert marker in text
    st.write_text(text.replace(marker, "        - id: contact.extra\n          text: A clause nobody published.\n" + marker),
                  encoding="utf-8")
    res = run("validate", "--source", src)
    assert res.code == 2 and "clause contact.extra added after publication" in res.err
    assert "clause contact changed after publication" in res.err  # its list of children changed


# ------------------------------------------------------------ verifiable copies
def test_hash_rendered_says_whether_a_copy_is_that_version(tmp_path, run):
    out = tmp_path / "copy.txt"
    assert run("render", "--version", REAL, "--format", "text", "--locale", "zh-Hant", "-o", out).code == 0
    same = run("hash", "--version", REAL, "--locale", "zh-Hant", "--rendered", out)
    assert same.code == 0 and f"is version {REAL} (zh-Hant)" in same.out
    from generator.rendering import rendered_hash
    from generator.source import load_source

    assert rendered_hash(load_source(NOTICES).policy().get(REAL), "zh-Hant") in same.out
    out.write_text(out.read_text(encoding="utf-8").replace("15", "16", 1), encoding="utf-8")
    other = run("hash", "--version", REAL, "--locale", "zh-Hant", "--rendered", out)
    assert other.code == 1 and "is NOT version" in other.out
    english = run("hash", "--version", REAL, "--locale", "en", "--rendered", out)
    assert english.code == 1


def _receipt(version: str, content_hash: str, action: str = "read", previous: str | None = None) -> dict:
    return {"policy": POLICY, "version": version, "content_hash": content_hash, "action": action,
            "time": "2026-12-01T09:30:00.000Z", "locale": "zh-Hans", "previous": previous}


def test_receipts_check_accepts_published_hashes_and_refuses_others(tmp_path, run):
    from generator.source import load_source

    real = load_source(NOTICES).policy().get(REAL)
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"policy": POLICY, "receipts": [_receipt(REAL, real.content_hash, "first-visit")]}),
                    encoding="utf-8")
    ok = run("receipts", "check", good)
    assert ok.code == 0, ok.out + ok.err
    forged = "sha256:" + "0" * 64
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"policy": POLICY, "receipts": [
        _receipt(REAL, real.content_hash, "first-visit"), _receipt(REAL, forged),
        _receipt("2030-01-01", real.content_hash)]}), encoding="utf-8")
    res = run("receipts", "check", bad)
    assert res.code == 1
    assert f"receipts[1]: content hash {forged} is not version {REAL}'s" in res.out
    assert "no published version has it" in res.out
    assert "receipts[2]: version 2030-01-01 is not a published version" in res.out
    assert "receipts[0]" not in res.out


def test_receipts_check_refuses_a_malformed_file(tmp_path, run):
    broken = tmp_path / "broken.json"
    broken.write_text('{"policy": "allvalue-privacy",\n "receipts": [}', encoding="utf-8")
    res = run("receipts", "check", broken)
    assert res.code == 2 and f"{broken}:2:" in res.err and "Traceback" not in res.err
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"policy": POLICY, "receipts": [{"policy": POLICY, "version": REAL}]}),
                     encoding="utf-8")
    res = run("receipts", "check", wrong)
    assert res.code == 2 and "receipts[0]: 'content_hash' is a required property" in res.err


def test_receipts_written_by_the_popup_match_the_shipped_schema():
    """The receipt popup.js builds has exactly the fields the schema names."""
    import re

    from generator.resources import schemas_dir

    schema = json.loads((schemas_dir() / "receipts.schema.json").read_text(encoding="utf-8"))
    popup = (Path(__file__).resolve().parent.parent / "site" / "assets" / "popup.js").read_text(encoding="utf-8")
    block = re.search(r"var receipt = \{(.*?)\};", popup, re.S).group(1)
    fields = set(re.findall(r"(\w+):", block))
    assert fields == set(schema["$defs"]["receipt"]["required"])
    actions = set(re.findall(r'record\([^)]*?"([a-z-]+)"', popup)) | {"read", "agreed"}
    assert actions <= set(schema["$defs"]["receipt"]["properties"]["action"]["enum"])


def test_nothing_in_effect_is_a_clear_error(tmp_path, run):
    res = run("build", "--source", NOTICES, "-o", tmp_path / "site", "--as-of", "2020-01-01")
    assert res.code == 2
    assert "no published version of allvalue-privacy is in effect on 2020-01-01" in res.err
    assert not (tmp_path / "site").exists()
