"""``versions.json``: what a client needs to decide on the pop-up, without any diff logic.

For every published version: its dates (updated, published, effective), content hash,
the sha256 of its rendered text in every locale (``rendered_hashes``: anyone holding a
copy can check it, ``notices hash --rendered FILE``), whether it is current or upcoming,
and its URLs; under ``since``,
for every earlier version A, the level and notification of ``diff(A, this)`` (a
direct comparison), the redline page when there is one, and the texts of the
changes the pop-up lists (material and consent findings) in every locale. The
pop-up's interface strings travel with it (``strings``), so a storefront that
embeds ``popup.js`` needs nothing else. URLs are relative to ``versions.json``. ``as_of``
and ``site_url`` are the build's own parameters, so ``notices verify`` can rebuild it.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .l10n import SITE_LOCALES, site_translator, site_words
from .pages import interface_strings, redline_path, version_path

if TYPE_CHECKING:
    from .history import History

#: Bumped when a field changes meaning; popup.js checks it.
MANIFEST_VERSION = 1


def _url(locale: str, md_path: str) -> str:
    """The URL (relative to the site root) of a generated page, with directory URLs."""
    path = md_path[: -len("index.md")] if md_path.endswith("index.md") else md_path[:-3] + "/"
    return f"{locale}/{path}"


def manifest(history: "History", locales: tuple[str, ...] = SITE_LOCALES,
             site_url: str | None = None) -> dict[str, Any]:
    """The content of ``versions.json`` as JSON-ready data."""
    from ..rendering import rendered_hashes

    redlines = {c.slug for c in history.redlines()}
    rendered = {v.version: rendered_hashes(v, locales) for v in history.versions}
    words = {loc: site_words(history.current, loc) for loc in locales}
    versions = []
    for v in history.versions:
        since: dict[str, Any] = {}
        for cmp in history.since(v):
            entry: dict[str, Any] = {"level": cmp.level, "notification": cmp.notification,
                                     "summary": cmp.summaries["en"]}
            if cmp.slug in redlines:
                entry["redline"] = {loc: _url(loc, redline_path(cmp)) for loc in locales}
            entry["changes"] = {
                loc: [{"clause": f.clause, "level": f.level, "rule": f.rule,
                       "citation": f.citation, "text": words[loc].finding(f)}
                      for f in cmp.popup_findings]
                for loc in locales}
            since[cmp.old.version] = entry
        is_current = v.version == history.current.version
        versions.append({
            "version": v.version,
            "date": v.updated_on.isoformat(),
            "published": v.published_date.isoformat(),
            "effective": v.effective_date.isoformat(),
            "content_hash": v.content_hash or v.compute_hash(),
            "rendered_hashes": rendered[v.version],
            "current": is_current,
            "upcoming": v in history.upcoming,
            "illustrative": bool(v.illustrative),
            "url": {loc: _url(loc, "index.md" if is_current else version_path(v)) for loc in locales},
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
        "versions": versions,
        "strings": {loc: {k: s for k, s in interface_strings(site_translator(history.current, loc)).items()
                          if k.startswith(("popup.", "receipts."))} for loc in locales},
    }


def manifest_json(history: "History", locales: tuple[str, ...] = SITE_LOCALES,
                  site_url: str | None = None) -> str:
    return json.dumps(manifest(history, locales, site_url), ensure_ascii=False, indent=2) + "\n"
