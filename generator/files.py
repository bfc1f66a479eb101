"""Writing files so that a failed run leaves the previous output as it was."""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A crash or an exception leaves either the old file or the complete new one,
    never a half-written file (the rename is atomic on POSIX file systems).
    """
    path = Path(path)
    if path.exists() and not path.is_file():
        # a device or pipe (``-o /dev/null``, ``-o /dev/stdout``): write to it, never replace it
        with open(path, "wb") as f:
            f.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, _file_mode(path))  # mkstemp makes 0600 files; keep the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    """The existing file's mode, or what a plain ``open(path, "w")`` would give."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


@lru_cache(maxsize=1)
def _umask() -> int:
    # reading the umask means setting it: do it once, not in every (possibly threaded) write
    umask = os.umask(0o022)
    os.umask(umask)
    return umask
