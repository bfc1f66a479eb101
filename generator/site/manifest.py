"""The site's JSON files: ``versions.json`` for tools, small files for the pop-up.

The pop-up runs on every page (and on storefronts that embed it), so what it fetches on
every page load must not grow with the history. The build writes::

    versions.json                            every version, for tools and `notices verify`
    notices/<policy>/current.json            what the pop-up fetches on every page
    notices/<policy>/since/<version>.json    what a reader of <version> is to be told

- ``versions.json``: per published version its dates (updated, published, effective),
  content hash, the sha256 of its rendered text in every locale (``rendered_hashes``:
  anyone holding a copy can check it, ``notices hash --rendered FILE``), whether it is
  current or upcoming, its URLs, and under ``since`` the level, notification, English
  summary and redline of each comparison the build made that ends at it (every earlier
  version for the current and upcoming ones, the predecessor for the others); no change
  texts. ``as_of``, ``site_url`` and ``locales`` are the build's own parameters, so
  ``notices verify`` can rebuild it; ``popup`` names the pop-up's file.
- ``current.json`` (the pop-up's file): the current version and each upcoming one (their
  dates, content hashes and URLs, and ``fallback``, the earlier version whose diff
  against it is the highest, for a reader whose stored version is unknown) and the
  pop-up's interface strings in every locale. Nothing in it depends on the number of
  versions: its size stays the same as the history grows.
- ``since/<A>.json``: for a reader who last acknowledged A, under ``against``, for each
  current or upcoming version T later than A, the level and notification of
  ``diff(A, T)`` (compared directly), its redline page and the texts of its material and
  consent changes in every locale. The pop-up fetches it only when the reader's version
  is not the one in effect, or a version is to be announced.

URLs in ``versions.json`` are relative to it (the site's root); in the pop-up's files
they are relative to the site's root too, which ``current.json`` gives as ``site``
(relative to itself). ``manifest_version`` is bumped when a field changes meaning; the
pop-up refuses any version it does not know.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .l10n import SITE_LOCALES, site_translator, site_words
from .pages import interface_strings, redline_path, version_path

if TYPE_CHECKING:
    from ..model import Version
    from ..report import Words
    from .history import Comparison, History

#: Bumped when a field changes meaning; popup.js checks it. 2: the pop-up's data moved to
#: notices/<policy>/current.json and since/<version>.json; versions.json keeps no change texts.
MANIFEST_VERSION = 2

LEVELS = ("none", "editorial", "review", "material", "consent")


def popup_dir(policy_id: str) -> str:
    """Where the pop-up's files are, relative to the site's root."""
    return f"notices/{policy_id}"


def current_path(policy_id: str) -> str:
    """The pop-up's file, relative to the site's root (storefronts embed it by this URL)."""
    return f"{popup_dir(policy_id)}/current.json"


def since_path(policy_id: str, version: str) -> str:
    """The file for a reader who last acknowledged ``version``, relative to the site's root."""
    return f"{popup_dir(policy_id)}/since/{version}.json"


def _url(locale: str, md_path: str) -> str:
    """The URL (relative to the site root) of a generated page, with directory URLs."""
    path = md_path[: -len("index.md")] if md_path.endswith("index.md") else md_path[:-3] + "/"
    return f"{locale}/{path}"


def _version_url(history: "History", version: "Version", locales: tuple[str, ...]) -> dict[str, str]:
    page = "index.md" if version.version == history.current.version else version_path(version)
    return {loc: _url(loc, page) for loc in locales}


def _redline(cmp: "Comparison", locales: tuple[str, ...]) -> dict[str, str]:
    return {loc: _url(loc, redline_path(cmp)) for loc in locales}


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- versions.json
def manifest(history: "History", locales: tuple[str, ...] = SITE_LOCALES,
             site_url: str | None = None) -> dict[str, Any]:
    """The content of ``versions.json`` as JSON-ready data."""
    from ..rendering import rendered_hashes

    versions = []
    for v in history.versions:
        since = {cmp.old.version: {"level": cmp.level, "notification": cmp.notification,
                                   "summary": cmp.summaries["en"], "redline": _redline(cmp, locales)}
                 for cmp in history.since(v)}
        versions.append({
            "version": v.version,
            "date": v.updated_on.isoformat(),
            "published": v.published_date.isoformat(),
            "effective": v.effective_date.isoformat(),
            "content_hash": v.content_hash or v.compute_hash(),
            "rendered_hashes": rendered_hashes(v, locales),
            "current": v.version == history.current.version,
            "upcoming": v.version in {u.version for u in history.upcoming},
            "illustrative": bool(v.illustrative),
            "url": _version_url(history, v, locales),
            "since": since,
        })
    return {
        "manifest_version": MANIFEST_VERSION,
        "policy": history.policy.id,
        "title": history.policy.title,
        "current": history.current.version,
        "as_of": history.as_of.isoformat() if history.as_of else None,
        "site_url": site_url,
        "locales": list(locales),
        "popup": current_path(history.policy.id),
        "versions": versions,
    }


def manifest_json(history: "History", locales: tuple[str, ...] = SITE_LOCALES,
                  site_url: str | None = None) -> str:
    return _dump(manifest(history, locales, site_url))


# --------------------------------------------------------------------------- the pop-up's files
def _fallback(history: "History", target: "Version") -> str | None:
    """The earlier version whose diff against ``target`` is the highest (the oldest of
    equals): what a reader whose stored version the site does not know is told."""
    since = history.since(target)
    if not since:
        return None
    order = {v.version: i for i, v in enumerate(history.versions)}
    return max(since, key=lambda c: (LEVELS.index(c.level), -order[c.old.version])).old.version


def current_file(history: "History", locales: tuple[str, ...] = SITE_LOCALES) -> dict[str, Any]:
    """The content of ``notices/<policy>/current.json``: its size does not depend on the
    number of versions (only on the current and upcoming ones)."""
    policy = history.policy.id
    targets = [{
        "version": v.version,
        "date": v.updated_on.isoformat(),
        "effective": v.effective_date.isoformat(),
        "content_hash": v.content_hash or v.compute_hash(),
        "current": v.version == history.current.version,
        "upcoming": v.version in {u.version for u in history.upcoming},
        "url": _version_url(history, v, locales),
        "fallback": _fallback(history, v),
    } for v in history.targets()]
    return {
        "manifest_version": MANIFEST_VERSION,
        "policy": policy,
        "title": history.policy.title,
        "current": history.current.version,
        "as_of": history.as_of.isoformat() if history.as_of else None,
        "locales": list(locales),
        "site": "../" * current_path(policy).count("/"),
        "since": "since/{version}.json",
        "versions": targets,
        "strings": {loc: {k: s for k, s in interface_strings(site_translator(history.current, loc)).items()
                          if k.startswith(("popup.", "receipts."))} for loc in locales},
    }


def _against(cmp: "Comparison", words: "dict[str, Words]", locales: tuple[str, ...]) -> dict[str, Any]:
    """What a reader of ``cmp.old`` is told about ``cmp.new``."""
    return {
        "level": cmp.level, "notification": cmp.notification, "redline": _redline(cmp, locales),
        "changes": {loc: [{"clause": f.clause, "level": f.level, "rule": f.rule,
                           "citation": f.citation, "text": words[loc].finding(f)}
                          for f in cmp.popup_findings]
                    for loc in locales},
    }


def since_files(history: "History", locales: tuple[str, ...] = SITE_LOCALES) -> dict[str, dict[str, Any]]:
    """The content of ``notices/<policy>/since/<A>.json`` for every version A older than
    some target, keyed by A."""
    words = {loc: site_words(history.current, loc) for loc in locales}
    files: dict[str, dict[str, Any]] = {}
    for target in history.targets():
        for cmp in history.since(target):
            entry = files.setdefault(cmp.old.version, {
                "manifest_version": MANIFEST_VERSION, "policy": history.policy.id,
                "version": cmp.old.version, "current": history.current.version, "against": {}})
            entry["against"][target.version] = _against(cmp, words, locales)
    return files


@dataclass(frozen=True)
class SiteFile:
    """A JSON file of the site: its path under the site's root and its text."""

    path: str
    text: str


def site_files(history: "History", locales: tuple[str, ...] = SITE_LOCALES,
               site_url: str | None = None) -> list[SiteFile]:
    """Every JSON file the build writes at the site's root (see the module's docstring)."""
    policy = history.policy.id
    files = [SiteFile("versions.json", manifest_json(history, locales, site_url)),
             SiteFile(current_path(policy), _dump(current_file(history, locales)))]
    files += [SiteFile(since_path(policy, version), _dump(data))
              for version, data in since_files(history, locales).items()]
    return files
