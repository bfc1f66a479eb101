"""The Rules Center build: pages, versions.json, strictness, determinism, atomicity."""
from __future__ import annotations

from generator.report import finding_text
import json
import re
from pathlib import Path

import pytest

from .site_support import EXAMPLES, LOCALES, NOTICES, shared_build, tree_digest


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    return shared_build(tmp_path_factory, "examples", EXAMPLES)


@pytest.fixture(scope="session")
def examples_policy():
    from generator import load_source

    return load_source(EXAMPLES).policy()


@pytest.fixture(scope="session")
def manifest(example_site) -> dict:
    return json.loads((example_site / "versions.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    from generator.site import build_site

    out = tmp_path_factory.mktemp("real") / "site"
    build_site(NOTICES, out)
    return out


# --------------------------------------------------------------------------- real source
def test_build_real_source(real_site, current):
    for locale in LOCALES:
        html = (real_site / locale / "index.html").read_text(encoding="utf-8")
        version_page = real_site / locale / "versions" / current.version / "index.html"
        assert version_page.is_file()
        # a permalink target and a permalink on every clause, in every locale
        for node in current.nodes():
            assert f'id="{node.id}"' in html, (locale, node.id)
            # a numbered point without a title starts with a clause that has its own ¶
            if node.kind != "division" or node.title:
                assert f'href="#{node.id}"' in html, (locale, node.id)
        assert "Not the current version" not in html
    data = json.loads((real_site / "versions.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in data["versions"]] == [current.version]
    assert data["versions"][0]["content_hash"] == current.content_hash
    assert data["versions"][0]["since"] == {}
    assert (real_site / "assets" / "popup.js").is_file()


def test_build_is_deterministic(real_site, tmp_path, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = tmp_path / "site"
    assert run("build", "--source", NOTICES, "-o", again, "-q", "-j", "1").code == 0
    assert tree_digest(again) == tree_digest(real_site)


def test_build_honours_source_date_epoch(tmp_path, run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    assert run("build", "--source", NOTICES, "-o", tmp_path / "site", "-q").code == 0
    # the only date mkdocs writes without a site_url: the gzip header of the sitemap
    header = (tmp_path / "site" / "en" / "sitemap.xml.gz").read_bytes()[:10]
    assert int.from_bytes(header[4:8], "little") == 1699920000  # 2023-11-14T00:00:00Z


def _snapshot(out: Path) -> dict[str, str]:
    return tree_digest(out)


def test_failed_build_leaves_previous_site(real_site, tmp_path, run, monkeypatch):
    out = tmp_path / "site"
    assert run("build", "--source", NOTICES, "-o", out, "-q").code == 0
    before = _snapshot(out)

    from generator.site import pages

    def boom(*args, **kwargs):
        raise RuntimeError("page generator failed half-way")

    monkeypatch.setattr(pages, "history_page", boom)
    with pytest.raises(RuntimeError, match="half-way"):
        run("build", "--source", NOTICES, "-o", out, "-q", "-j", "1")
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary left behind


def test_strict_build_fails_on_broken_anchor(tmp_path, run, monkeypatch):
    out = tmp_path / "site"
    assert run("build", "--source", NOTICES, "-o", out, "-q").code == 0
    before = _snapshot(out)

    from generator.site import pages

    real = pages.history_page

    def broken_anchor(history, *args):
        page = real(history, *args)
        return pages.Page(page.path, page.text + "\n[broken](../index.md#no-such-clause)\n")

    monkeypatch.setattr(pages, "history_page", broken_anchor)
    result = run("build", "--source", NOTICES, "-o", out, "-q", "-j", "1")
    assert result.code == 2
    assert result.err == (
        "site (en): Doc file 'history/index.md' contains a link '../index.md#no-such-clause', "
        "but the doc 'index.md' does not contain an anchor '#no-such-clause'.\n"
        "site (en): Aborted with 1 warnings in strict mode!\n")
    assert "Traceback" not in result.err
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_build_reports_source_errors(tmp_path, run):
    result = run("build", "--source", tmp_path / "missing", "-o", tmp_path / "site")
    assert result.code == 2
    assert "source directory not found" in result.err
    assert not (tmp_path / "site").exists()


# --------------------------------------------------------------------------- examples
def test_examples_site_has_every_published_version(example_site, examples_policy, manifest):
    published = [v for v in examples_policy.versions if v.status == "published"]
    drafts = [v for v in examples_policy.versions if v.status != "published"]
    current = published[-1]
    assert manifest["current"] == current.version
    assert [v["version"] for v in manifest["versions"]] == [v.version for v in published]
    for locale in LOCALES:
        for v in published:
            html = (example_site / locale / "versions" / v.version / "index.html").read_text(encoding="utf-8")
            if v is current:
                assert "admonition warning" not in html
            else:  # bannered, with a link to the current version
                banner = html.split('class="admonition warning"', 1)[1].split("</div>", 1)[0]
                assert 'href="../../"' in banner
        for v in drafts:  # drafts are not published
            assert not (example_site / locale / "versions" / v.version).exists()
    en_old = (example_site / "en" / "versions" / published[0].version / "index.html").read_text(encoding="utf-8")
    assert "Not the current version" in en_old


def test_change_history_lists_every_revision(example_site, manifest, examples_policy):
    """Each step links its version and redline; its summary says what decided its level."""
    import html as htmllib

    from generator.classify import classify
    from generator.diff import compare
    from generator.site.l10n import site_words

    html = (example_site / "en" / "history" / "index.html").read_text(encoding="utf-8")
    text = htmllib.unescape(html)
    versions = manifest["versions"]
    by_id = {v.version: v for v in examples_policy.versions}
    for prev, v in zip(versions, versions[1:]):
        assert f'href="../versions/{v["version"]}/"' in html
        report = classify(compare(by_id[prev["version"]], by_id[v["version"]]))
        # "Show changes" only where something changed (the redline page exists all the same)
        linked = f'href="../changes/{prev["version"]}-to-{v["version"]}/"' in html
        assert linked == (report.level != "none"), (prev["version"], v["version"], report.level)
        # said as the site says it: a clause by its number and heading, not a cut label
        words = site_words(by_id[manifest["current"]], "en").bound(by_id[prev["version"]], by_id[v["version"]])
        deciding = [words.finding(f) for f in report.findings if f.level == report.level]
        expected = deciding[0] if report.level != "none" else "No change to the wording"
        assert expected in text, (prev["version"], v["version"], expected)
        page = example_site / "en" / "changes" / f'{prev["version"]}-to-{v["version"]}' / "index.html"
        assert 'class="notices-redline"' in page.read_text(encoding="utf-8")


def test_versions_json_matches_classify(manifest, examples_policy, example_site):
    """versions.json: the comparisons the build made (every earlier version for the current
    one, the predecessor for the others), as classify says, without change texts; the
    pop-up's since/<A>.json files: diff(A, current) compared directly, with its texts."""
    from generator.classify import classify
    from generator.diff import compare

    published = [v for v in examples_policy.versions if v.status == "published"]
    by_id = {v["version"]: v for v in manifest["versions"]}
    current = manifest["current"]
    levels = set()
    for j, new in enumerate(published):
        entry = by_id[new.version]
        assert entry["content_hash"] == new.content_hash
        assert entry["date"] == new.updated_on.isoformat()
        earlier = published[:j] if new.version == current else published[max(j - 1, 0):j]
        assert list(entry["since"]) == [v.version for v in earlier]
        for old in earlier:
            i = published.index(old)
            report = classify(compare(old, new, between=published[i + 1:j]))
            got = entry["since"][old.version]
            assert (got["level"], got["notification"]) == (report.level, report.notification), (old.version, new.version)
            assert "changes" not in got
            if new.version == current:
                mine = _since_file(example_site, manifest, old.version)["against"][current]
                assert (mine["level"], mine["notification"]) == (report.level, report.notification)
                material = [finding_text(f) for f in report.findings if f.level in ("material", "consent")]
                assert [c["text"] for c in mine["changes"]["en"]] == material
                assert set(mine["changes"]) == set(LOCALES)
            levels.add(report.level)
    # the illustrative series exercises every branch of the pop-up
    assert {"editorial", "material", "consent"} <= levels


def _popup_file(site: Path, manifest: dict) -> dict:
    return json.loads((site / manifest["popup"]).read_text(encoding="utf-8"))


def _since_file(site: Path, manifest: dict, version: str) -> dict:
    path = site / "notices" / manifest["policy"] / "since" / f"{version}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_versions_json_redlines_exist(example_site, manifest):
    current = next(v for v in manifest["versions"] if v["current"])
    for old in current["since"]:
        entry = _since_file(example_site, manifest, old)["against"][current["version"]]
        assert entry["redline"] == current["since"][old]["redline"]
        for locale, url in entry["redline"].items():
            assert (example_site / url / "index.html").is_file(), url
    strings = _popup_file(example_site, manifest)["strings"]
    assert set(strings) == set(LOCALES)
    assert strings["zh-Hans"]["popup.read"]


def test_popup_changes_are_worded_in_every_locale(example_site, manifest):
    """Fact changes are worded again with the localized vocabulary; the rest stays English."""
    first = manifest["versions"][0]["version"]
    entry = _since_file(example_site, manifest, first)["against"][manifest["current"]]
    for locale in ("zh-Hans", "zh-Hant"):
        texts = [c["text"] for c in entry["changes"][locale]]
        assert len(texts) == len(entry["changes"]["en"])
        localized = [t for t, en in zip(texts, entry["changes"]["en"]) if t != en["text"]]
        assert localized and all(re.search(r"[\u4e00-\u9fff]", t) for t in localized), texts


def test_every_clause_is_a_permalink_in_every_locale(example_site, examples_policy):
    current = [v for v in examples_policy.versions if v.status == "published"][-1]
    ids = [n.id for n in current.nodes()]
    for locale in LOCALES:
        html = (example_site / locale / "index.html").read_text(encoding="utf-8")
        found = set(re.findall(r'\sid="([^"]+)"', html))
        missing = [i for i in ids if i not in found]
        assert not missing, (locale, missing[:5])


def test_locale_pages_mirror_each_other(example_site):
    trees = {loc: sorted(str(p.relative_to(example_site / loc)) for p in (example_site / loc).rglob("*.html"))
             for loc in LOCALES}
    assert trees["en"] == trees["zh-Hans"] == trees["zh-Hant"]


def test_search_finds_the_current_statement_not_every_old_copy(example_site):
    """Old versions and redlines stay out of the index: a term is found once, in the current text."""
    for locale in ("en", "zh-Hans", "zh-Hant"):
        index = json.loads((example_site / locale / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "" in locations, locale  # the current statement
        assert not [loc for loc in locations if loc.startswith(("versions/", "changes/"))], locale
