"""The Rules Center at any history length: comparisons linear in the number of versions,
and a pop-up file whose size does not grow with the history (not timed: see
benchmarks/bench_site.py for the figures).

The histories here are generated at run time from the real statement with made-up edits
(:func:`.site_support.illustrative_history`), never written under ``notices/``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from .site_support import ROOT, illustrative_history

TODAY = dt.date.today()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Histories of 3 and 9 versions, and one of 6 whose last two are upcoming."""
    from generator.source import load_published

    def make(count: int, upcoming: int = 0):
        root = illustrative_history(tmp_path_factory.mktemp(f"history-{count}-{upcoming}"), count,
                                    upcoming=upcoming)
        return load_published(root)

    return {"3": make(3), "9": make(9), "6+2": make(6, upcoming=2)}


# --------------------------------------------------------------------------- comparisons
@pytest.mark.parametrize("count", [4, 10, 100, 1000])
@pytest.mark.parametrize("upcoming", [0, 1, 3])
def test_planned_comparisons_are_linear(count, upcoming):
    from generator.site.history import planned_pairs

    current = count - 1 - upcoming
    pairs = planned_pairs(count, current)
    assert len(pairs) == len(set(pairs))
    assert len(pairs) <= (count - 1) + count * (1 + upcoming)
    steps = {(i, i + 1) for i in range(count - 1)}
    assert steps <= set(pairs)  # the change history
    for target in range(current, count):  # every reader against each version that may be in effect
        assert {(i, target) for i in range(target)} <= set(pairs)
    assert all(i < j for i, j in pairs)


def test_the_build_classifies_only_the_planned_pairs(generated, monkeypatch):
    """Counted where the work is done: one classify call per planned comparison."""
    import generator.classify as classify_module
    from generator.site import build_history
    from generator.site.history import planned_pairs

    real = classify_module.classify
    counts = {}
    for name, policy in generated.items():
        calls = []
        monkeypatch.setattr(classify_module, "classify", lambda diff, *a, **k: calls.append(1) or real(diff, *a, **k))
        history = build_history(policy, as_of=TODAY, jobs=1)
        n = len(history.versions)
        now = [v.version for v in history.versions].index(history.current.version)
        assert len(calls) == len(history.pairs) == len(planned_pairs(n, now)), name
        counts[name] = len(calls)
    assert counts["3"] == 2 * 3 - 3 and counts["9"] == 2 * 9 - 3  # steps + since current, one shared
    # two upcoming: the steps, and every version against the current and each upcoming one
    assert counts["6+2"] == 5 + 3 + 4 + 5 - 3  # (steps to 3, 4 and 5 counted once)


def test_a_reader_far_behind_gets_the_direct_diff(generated):
    """diff(A, current) classified directly, never summed from the steps (DESIGN.md)."""
    from generator.classify import classify
    from generator.diff import compare
    from generator.site import build_history

    history = build_history(generated["9"], as_of=TODAY, jobs=1)
    first, current = history.versions[0], history.current
    cmp = history.pairs[(first.version, current.version)]
    direct = classify(compare(first, current, between=history.versions[1:-1]))
    assert (cmp.level, len(cmp.deciding)) == (direct.level, len([f for f in direct.findings
                                                                   if f.level == direct.level]))


# --------------------------------------------------------------------------- the pop-up's file
def _files(policy) -> dict[str, str]:
    from generator.site import build_history
    from generator.site.manifest import site_files

    return {f.path: f.text for f in site_files(build_history(policy, as_of=TODAY, jobs=1))}


def test_the_popup_file_does_not_grow_with_the_history(generated):
    small, large = _files(generated["3"]), _files(generated["9"])
    path = "notices/allvalue-privacy/current.json"
    assert len(small[path].encode()) == len(large[path].encode())  # same size at 3 and 9 versions
    assert len(large[path].encode()) < 60 * 1024
    data = json.loads(large[path])
    assert data["manifest_version"] == 2 and [v["version"] for v in data["versions"]] == [data["current"]]
    # one since/<A>.json per version a reader may be behind at; versions.json has no change texts
    assert sorted(p for p in large if "/since/" in p) == [
        f"notices/allvalue-privacy/since/{v.version}.json" for v in generated["9"].versions[:-1]]
    assert '"changes"' not in large["versions.json"]
    assert json.loads(large["versions.json"])["popup"] == path


def test_the_popup_file_lists_the_upcoming_versions_with_their_fallback(generated):
    files = _files(generated["6+2"])
    data = json.loads(files["notices/allvalue-privacy/current.json"])
    assert [(v["current"], v["upcoming"]) for v in data["versions"]] == [(True, False), (False, True), (False, True)]
    versions = [v.version for v in generated["6+2"].versions]
    first = json.loads(files[f"notices/allvalue-privacy/since/{versions[0]}.json"])
    assert list(first["against"]) == versions[3:]  # the current one and both upcoming ones
    assert all(v["fallback"] in versions for v in data["versions"])
    assert data["site"] == "../../" and data["since"] == "since/{version}.json"


# --------------------------------------------------------------------------- the note's strings
def test_the_note_on_failure_uses_the_catalogs_strings(source):
    """popup.js carries the note it shows when its files cannot be loaded (it has no other
    strings then): the same texts as the catalogs give templates/site/strings.json.j2's."""
    from generator.site.l10n import SITE_LOCALES, site_translator
    from generator.site.pages import interface_strings

    script = (ROOT / "site" / "assets" / "popup.js").read_text(encoding="utf-8")
    table = re.search(r"var UNAVAILABLE = (\{.*?\n  \});", script, re.S).group(1)
    shipped = json.loads(re.sub(r"\s+", " ", table))
    for locale in SITE_LOCALES:
        strings = interface_strings(site_translator(source.version(), locale))
        assert shipped[locale] == {k: strings[k] for k in ("popup.unavailable", "popup.dismiss")}, locale


def test_popup_js_checks_the_manifest_version():
    from generator.site.manifest import MANIFEST_VERSION

    script = (ROOT / "site" / "assets" / "popup.js").read_text(encoding="utf-8")
    assert f"var MANIFEST_VERSION = {MANIFEST_VERSION};" in script
    assert "data.manifest_version !== MANIFEST_VERSION" in script
    assert "innerHTML" not in script and "eval(" not in script
