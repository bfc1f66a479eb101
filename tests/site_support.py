"""Shared by the site tests: one build of the examples per test session, shared by workers.

Site builds are slow, so the illustrative history (``examples/``) is built once: the
first xdist worker to get the lock builds it into the session's shared temporary
directory; the others wait for it and reuse it.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTICES = ROOT / "notices"
LOCALES = ("en", "zh-Hans", "zh-Hant")


#: any host will do for the tests: the 404 page needs only the path of the site's root
SITE_URL = "http://127.0.0.1/"


def shared_build(tmp_path_factory, name: str, source: Path, site_url: str | None = SITE_URL) -> Path:
    """Build ``source`` once per test session (all workers) and return the site directory."""
    from generator.site import build_site

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out = shared / f"site-{name}"
    with open(shared / f"site-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (out / "versions.json").exists():
                build_site(source, out, site_url=site_url)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return out


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under ``root``, by relative path."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def popup_view(site: Path, manifest: dict) -> dict:
    """The current version as the pop-up's files describe it (``current.json``), with under
    ``since`` what a reader of each older version is told about it (``since/<A>.json``)."""
    folder = site / "notices" / manifest["policy"]
    current = json.loads((folder / "current.json").read_text(encoding="utf-8"))
    target = next(v for v in current["versions"] if v["current"])
    since = {}
    for v in manifest["versions"]:
        if v["version"] == target["version"]:
            break
        data = json.loads((folder / "since" / f"{v['version']}.json").read_text(encoding="utf-8"))
        since[v["version"]] = data["against"][target["version"]]
    return {**target, "since": since}


def pair_changes(source: Path, old: str, new: str, locale: str, current: str | None = None) -> tuple[str, list[dict]]:
    """The level of ``diff(old, new)`` (compared directly) and its material and consent
    changes worded as the site's pages word them (a redline page, the history): each clause
    by its number and heading in the version it is in."""
    from generator.classify import classify
    from generator.diff import compare
    from generator.site.history import POPUP_LEVELS
    from generator.site.l10n import site_words
    from generator.source import load_published

    published = [v for v in load_published(source).versions if v.status == "published"]
    ids = [v.version for v in published]
    i, j = ids.index(old), ids.index(new)
    report = classify(compare(published[i], published[j], between=published[i + 1:j]))
    words = site_words(published[ids.index(current)] if current else published[-1], locale)
    words = words.bound(published[i], published[j])
    return report.level, [{"level": f.level, "text": words.finding(f)}
                          for f in report.findings if f.level in POPUP_LEVELS]


def illustrative_history(root: Path, count: int, *, upcoming: int = 0, days: int = 7) -> Path:
    """A MADE-UP history of ``count`` published versions under ``root`` (a source folder):
    the real 2023-08-25 statement, then one small made-up edit per version (a sentence
    appended to one clause, a different clause each time), ``days`` apart. The last
    ``upcoming`` versions take effect after today's date. For the growth test and
    ``benchmarks/bench_site.py``: generated at run time, never under ``notices/``.
    Returns ``root``."""
    import datetime as dt

    import yaml

    from generator.source import load_source

    real = NOTICES / "allvalue-privacy"
    folder = root / "allvalue-privacy"
    folder.mkdir(parents=True)
    (folder / "policy.yaml").write_text("# ILLUSTRATIVE: a generated history (tests/site_support.py)\n"
                                        + (real / "policy.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    statement = yaml.safe_load((real / "2023-08-25" / "statement.yaml").read_text(encoding="utf-8"))
    meta = yaml.safe_load((real / "2023-08-25" / "version.yaml").read_text(encoding="utf-8"))
    texts = [node for node in _walk(statement) if isinstance(node.get("text"), str) and "id" in node]
    first = dt.date(2023, 8, 25)
    late = dt.date.today() + dt.timedelta(days=400)
    for k in range(count):
        day = first + dt.timedelta(days=days * k)
        vid = day.isoformat()
        if k:
            node = texts[(k * 7) % len(texts)]
            node["text"] += f" Illustrative edit {k}: this sentence was never published."
        data = {key: value for key, value in meta.items() if not key.endswith("hash") and key != "clause_hashes"}
        data.update(version=vid, updated_on=vid, status="published", content_hash="sha256:" + "0" * 64)
        if k:
            data["illustrative"] = f"Made-up revision {k} of the 2023-08-25 statement (a generated history)."
        if k >= count - upcoming:
            data.update(published_on=vid, effective_on=(late + dt.timedelta(days=k)).isoformat())
        vdir = folder / vid
        vdir.mkdir()
        # JSON is YAML: no YAML writer needed, and every string round-trips exactly
        (vdir / "statement.yaml").write_text(json.dumps(statement, ensure_ascii=False, indent=1), encoding="utf-8")
        (vdir / "version.yaml").write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str),
                                           encoding="utf-8")
    for v in load_source(root, verify_hash=False).policy().versions:  # the hashes publish records
        path = folder / v.version / "version.yaml"
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(content_hash=v.compute_hash(), facts_hash=v.compute_facts_hash(),
                    clause_hashes=v.clause_hashes_now())
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return root


def _walk(node):
    """Every mapping of a parsed statement.yaml, in document order."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)
