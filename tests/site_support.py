"""Shared by the site tests: one build of the examples per test session, shared by workers.

Site builds are slow, so the illustrative history (``examples/``) is built once: the
first xdist worker to get the lock builds it into the session's shared temporary
directory; the others wait for it and reuse it.
"""
from __future__ import annotations

import fcntl
import hashlib
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
