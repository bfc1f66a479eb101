"""A cache of validated source files, so that a command does not pay for validation twice.

Why: reading a version means parsing YAML and validating it against the model, and the
model's validators are built (by pydantic) the first time they are used; on the project
machine that is about 0.2 s of every command, most of ``notices lint`` and ``notices diff``.
A version whose files have not changed validates to the same :class:`~generator.model.Version`
every time, so the first command stores it and the next ones read it back.

What keeps it correct:

- an entry's key is a SHA-256 of everything its value depends on: for a version, the exact
  text of ``version.yaml`` and ``statement.yaml``, the version's folder name, its policy and
  whether the published hash was checked (for ``policy.yaml``: its text and folder); and a
  stamp of the code that validated it (every file of the ``generator`` package, by size and
  modification time, and the Python and pydantic versions): change any of them and the entry
  is not found, the version is validated again;
- only versions that validated are stored: an error is always found and reported by the
  loader, at its ``path:line:col``;
- an entry holds its own key and is written to a temporary file then renamed: a torn or
  foreign file is ignored (and replaced), never trusted;
- entries are Python pickles, so the cache is only used in a folder owned by the user and
  writable by nobody else; anything else (or any error at all) and the loader simply
  validates, as it would without a cache.

Where: ``$NOTICES_CACHE_DIR``, else ``$XDG_CACHE_HOME/allvalue-notices``, else
``~/.cache/allvalue-notices``. ``NOTICES_CACHE_DIR=`` (empty) turns it off. The newest
:data:`MAX_ENTRIES` entries are kept; the cache removes only its own entries (files named
``<sha256>.pickle``), never anything else a folder it is pointed at holds.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

#: entries kept; older ones are removed when a new one is written
MAX_ENTRIES = 256
SUFFIX = ".pickle"
#: the name of an entry: a key (sha256, hex) and the suffix
ENTRY_NAME = re.compile(r"[0-9a-f]{64}" + re.escape(SUFFIX))


def cache_dir() -> Path | None:
    """The cache folder the environment names, or ``None`` when caching is off."""
    configured = os.environ.get("NOTICES_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG spec: a relative value is ignored
        return Path(xdg) / "allvalue-notices"
    home = os.path.expanduser("~")
    if not os.path.isabs(home):  # no home: no cache, never a folder named "~" where we stand
        return None
    return Path(home) / ".cache" / "allvalue-notices"


@cache
def code_stamp() -> str:
    """What identifies the code that validates: the package's files, Python, pydantic."""
    import pydantic

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}|{package}".encode())
    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            st = os.stat(os.path.join(dirpath, name))
            digest.update(f"{dirpath}/{name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def entry_key(*parts: str) -> str:
    """The key of an entry: the code stamp and every part its value depends on."""
    digest = hashlib.sha256(code_stamp().encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _usable(folder: Path, create: bool) -> bool:
    """Whether ``folder`` may hold entries: ours, and writable by nobody else."""
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.stat(folder, follow_symlinks=False)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        return False
    return True


def load(key: str) -> Any | None:
    """The value stored under ``key``, or ``None`` (no entry, no cache, or anything wrong)."""
    folder = cache_dir()
    if folder is None or not _usable(folder, create=False):
        return None
    path = folder / (key + SUFFIX)
    try:
        if not _ours(path):
            return None
        with open(path, "rb") as f:
            stored_key, value = pickle.load(f)
    except Exception:  # a missing, torn or foreign entry is a miss, never an error
        return None
    return value if stored_key == key else None


def store(key: str, value: Any) -> None:
    """Keep ``value`` under ``key`` if the cache is usable; never raises."""
    folder = cache_dir()
    if folder is None or not _usable(folder, create=True):
        return
    path = folder / (key + SUFFIX)
    if os.path.lexists(path) and not _ours(path):
        return  # something else has the entry's name: never replaced
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=SUFFIX)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(folder)
    except Exception:
        return


def remember(key: str, kind: type, compute: Callable[[], Any]) -> Any:
    """The value stored under ``key`` if it is a ``kind``; else ``compute()``, stored. An
    exception of ``compute`` (bad input) goes to the caller, and nothing is stored."""
    value = load(key)
    if not isinstance(value, kind):
        value = compute()
        store(key, value)
    return value


def _ours(path: Path) -> bool:
    """A regular file of this user (an entry this cache may read, replace or remove)."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and (not hasattr(os, "getuid") or st.st_uid == os.getuid())


def _prune(folder: Path) -> None:
    """Remove the oldest entries beyond :data:`MAX_ENTRIES`: only files named as this module
    names them (``<sha256>.pickle``) and this user's, never anything else the folder holds."""
    entries = []
    for entry in os.scandir(folder):
        if ENTRY_NAME.fullmatch(entry.name) and _ours(Path(entry.path)):
            try:
                entries.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
            except OSError:
                continue
    if len(entries) <= MAX_ENTRIES:
        return
    for _, path in sorted(entries)[: len(entries) - MAX_ENTRIES]:
        try:
            os.unlink(path)
        except OSError:
            pass
