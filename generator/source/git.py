"""A source tree as it is at a git revision, read with git itself.

``git archive REF -- <source dir>`` is extracted into a temporary directory: the
working tree, the index and HEAD are never touched (no checkout, no stash).
"""
from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..errors import UsageError


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (needed for --against)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return done.stdout


def source_at(ref: str, source_dir: Path, into: Path) -> tuple[Path, str]:
    """Extract ``source_dir`` as it is at ``ref`` under ``into``; return it and its repo-relative path."""
    source_dir = Path(source_dir).resolve()
    if not source_dir.is_dir():
        raise UsageError(f"{source_dir}: source directory not found (use --source DIR)")
    top = Path(_git(source_dir, "rev-parse", "--show-toplevel").decode().strip())
    try:
        commit = _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except UsageError:
        raise UsageError(f"unknown git revision {ref!r} (in {top})") from None
    relative = source_dir.relative_to(top.resolve()).as_posix()
    tree = _git(top, "ls-tree", "-d", "--name-only", commit, "--", relative or ".").decode().strip()
    if relative and not tree:
        raise UsageError(f"{ref}: no {relative}/ at that revision")
    data = _git(top, "archive", "--format=tar", commit, "--", relative or ".")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return (into / relative if relative else into), relative


def temporary_dir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="notices-diff-")
