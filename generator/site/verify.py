"""``verify_site``: rebuild a Rules Center from the source and list every file that differs.

Builds are deterministic (the same source, date and options give the same bytes), so a
published site can be checked by anyone holding the source: ``versions.json`` records
the build's own parameters (``as_of``, ``site_url``, ``locales``), the site is built
again with them into a scratch folder, and every file is compared byte for byte.
"""
from __future__ import annotations

import datetime as dt
import filecmp
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError


@dataclass(frozen=True)
class Verification:
    """What differs between a site and its rebuild: paths relative to the site."""

    site: Path
    checked: int
    differs: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.differs or self.missing or self.extra)


def build_parameters(site_dir: Path) -> dict:
    """The build's parameters, as its ``versions.json`` records them."""
    path = site_dir / "versions.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        as_of = dt.date.fromisoformat(manifest["as_of"])
        locales = tuple(manifest["locales"])
        site_url = manifest.get("site_url")
    except FileNotFoundError:
        raise UsageError(f"{path}: not found: {site_dir} is not a site `notices build` made") from None
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise UsageError(f"{path}: cannot read the build's parameters ({e})") from None
    return {"as_of": as_of, "locales": locales, "site_url": site_url}


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def verify_site(source_dir: str | Path, site_dir: str | Path, *, jobs: int | None = None) -> Verification:
    """Rebuild ``site_dir`` from ``source_dir`` with its recorded parameters and compare."""
    from .build import build_site

    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise UsageError(f"{site_dir}: not a directory")
    params = build_parameters(site_dir)
    with tempfile.TemporaryDirectory(prefix="notices-verify-") as scratch:
        rebuilt = Path(scratch) / "site"
        build_site(source_dir, rebuilt, jobs=jobs, **params)
        ours, theirs = _files(rebuilt), _files(site_dir)
        both = sorted(ours & theirs)
        differs = [p for p in both if not filecmp.cmp(rebuilt / p, site_dir / p, shallow=False)]
        return Verification(site_dir, len(both), differs, sorted(ours - theirs), sorted(theirs - ours))
