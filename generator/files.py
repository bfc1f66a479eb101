"""Writing output so that a failed or killed run leaves the previous output as it was, and
nothing the toolkit did not make is ever replaced.

**One file** (``notices render -o FILE`` and the like): :func:`atomic_write` writes a
temporary file beside it and renames it over the old one. A FIFO or a device (``-o
/dev/null``, ``-o /dev/stdout``) is written to as a stream, never replaced; a directory
is an error; a symlink is written through, to its target.

**A directory** (``notices build -o DIR``, ``notices merchant render-all -o DIR``):
:class:`DirectoryOutput`.

- *What may be replaced.* Only a directory this command made (it holds :data:`MARKER`, a
  short JSON note naming the command), an empty directory, or nothing. A regular file, a
  FIFO, a device, a socket, a symlink to anything else, a directory of something else is
  refused (``PATH: is a FIFO, not a site this command built; ...``); ``force=True`` (the
  ``--force`` option) accepts any directory, never anything else.
- *The swap* (:func:`swap_in`) leaves no moment where the output path is missing. On Linux
  one ``renameat2(RENAME_EXCHANGE)`` (libc, through ctypes) exchanges the new tree and the
  old one; the very first time, ``renameat2(RENAME_NOREPLACE)`` (a plain rename is atomic
  too). Where the call is missing (another OS, a file system without it) the output is a
  symlink ``DIR -> .DIR.v-<random>`` beside it, which one ``os.replace`` flips; turning an
  existing directory into that layout is the one swap with a short gap (two renames), once.
- *A lock.* ``fcntl.flock`` on ``.DIR.lock`` beside the output: a second run into the same
  output stops at once, before any work (``another build is writing DIR (pid N); wait
  for it or choose another -o``); it does not wait. Processes the run starts while it
  holds the lock inherit it, so a run killed while its helpers still write keeps the
  output locked until they end (start no process that might never end while holding it).
  The lock file is removed when the run ends (the next run checks it locked the file
  that is still there).
- *Leftovers.* A run works in ``.DIR.build-<random>`` beside the output (same file system,
  so the swap is a rename). A run killed by SIGKILL leaves it, or an old ``.DIR.v-*``;
  the next run removes every ``.DIR.{build,old,v}-<random>`` directory that holds the
  marker, and such a directory left empty, and ``.DIR.link-*`` symlinks to
  ``.DIR.v-*`` — nothing else. Trees are removed with the marker last, so a removal
  killed half-way is still recognised next time.

Every OS error on output is an :class:`OutputFailure` (an OSError; the layers above make it
:class:`generator.errors.OutputError`, exit status 2): ``path: what went
wrong`` (the system's words, ``strerror``), never a traceback.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import tempfile
from functools import lru_cache
from pathlib import Path
from types import TracebackType

#: the file inside every directory this toolkit replaces (and every work folder)
MARKER = ".notices-build"
RENAME_NOREPLACE, RENAME_EXCHANGE = 1, 2
_AT_FDCWD = -100


class OutputFailure(OSError):
    """Output that cannot be written, or may not be replaced; ``str()`` is ``path: what went
    wrong``. An OSError, so callers that caught OSError still do; the layers above raise it
    again as :class:`generator.errors.OutputError` (exit status 2), which this module,
    the lowest layer, cannot import."""


def in_words(error: OSError, path: str | Path | None = None) -> str:
    """``path: what went wrong`` for any OSError (``strerror``: the system's words)."""
    if isinstance(error, OutputFailure):
        return str(error)
    where = path if path is not None else (error.filename or "<output>")
    return f"{where}: {error.strerror or error}"


# --------------------------------------------------------------------------- one file
def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A crash or an exception leaves either the old file or the complete new one, never a
    half-written file (the rename is atomic on POSIX file systems). A FIFO or a device is
    written to as a stream. Raises :class:`OutputFailure` (an OSError in words).
    """
    path = Path(path)
    if path.is_symlink():  # the file the link names is the output; the link stays
        path = Path(os.path.realpath(path))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:  # e.g. ENOTDIR: a folder on the way is a regular file
        raise OutputFailure(in_words(e, path)) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputFailure(f"{path}: Is a directory (-o names a file)")
    if st is not None and not stat.S_ISREG(st.st_mode):
        # a device or pipe (-o /dev/null, -o /dev/stdout): write to it, never replace it
        try:
            with open(path, "wb") as f:
                f.write(data)
        except OSError as e:
            raise OutputFailure(in_words(e, path)) from None
        return
    make_dirs(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise OutputFailure(in_words(e, path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, _file_mode(path))  # mkstemp makes 0600 files; keep the usual mode
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputFailure(in_words(e, path)) from None
        raise


def write_new(path: str | Path, data: bytes) -> None:
    """Write a file into a folder of our own (a staging folder): no temporary, no rename."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def make_dirs(folder: Path) -> None:
    """``mkdir -p``, with the errors in words (a regular file on the way: Not a directory)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # exists, and is not a directory
        raise OutputFailure(f"{folder}: Not a directory") from None
    except OSError as e:
        raise OutputFailure(in_words(e, e.filename or folder)) from None


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


# --------------------------------------------------------------------------- a directory
_KINDS = ((stat.S_ISREG, "a regular file"), (stat.S_ISFIFO, "a FIFO"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def describe(mode: int) -> str:
    """``a FIFO``, ``a character device``...: what a non-directory is, in words."""
    return next((what for test, what in _KINDS if test(mode)), "not a directory")


def read_marker(folder: str | Path) -> str | None:
    """The command named by ``folder``'s marker, or None when it holds none (or a bad one)."""
    try:
        with open(Path(folder) / MARKER, "rb") as f:
            note = json.loads(f.read(4096))
    except (OSError, ValueError):
        return None
    made_by = note.get("made_by") if isinstance(note, dict) else None
    return made_by if isinstance(made_by, str) and made_by.startswith("notices") else None


def write_marker(folder: Path, made_by: str) -> None:
    note = {"made_by": made_by,
            "note": f"written by `{made_by}`; the next run replaces this whole directory"}
    write_new(folder / MARKER, (json.dumps(note) + "\n").encode("utf-8"))


def remove_tree(folder: str | Path) -> None:
    """Remove a tree of ours, its marker last (a removal killed half-way stays recognisable)."""
    folder = Path(folder)
    for entry in os.scandir(folder):
        if entry.name == MARKER:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
    (folder / MARKER).unlink(missing_ok=True)
    os.rmdir(folder)


class DirectoryOutput:
    """A directory replaced as a whole, safely (see the module's docstring)::

        target = DirectoryOutput(out, "notices build", force=force)
        target.check()                  # optional: refuse before any work
        with target as o:               # checks again, locks, removes leftovers
            build_into(o.work / "site")  # o.work: our folder beside the output
            o.commit(o.work / "site")    # marker, swap; the old tree goes with o.work

    Leaving the ``with`` without :meth:`commit` (an error) leaves the output as it was.
    ``noun`` says what the command makes, for the messages ("a site this command built").
    """

    def __init__(self, output: str | Path, made_by: str, *, force: bool = False,
                 noun: str = "a site this command built", verb: str = "build"):
        self.output = Path(os.path.abspath(output))  # `-o ..` names the folder, not ".."
        self.made_by, self.force, self.noun, self.verb = made_by, force, noun, verb
        self.work: Path | None = None
        self.lock_fd: int | None = None
        self.committed = False
        name = re.escape(self.output.name)
        self._ours = re.compile(rf"\.{name}\.(build|old|v|link)-[A-Za-z0-9_]+")

    # -- what is there
    def check(self, *, probe_lock: bool = True) -> str:
        """``missing``, ``empty``, ``ours``, ``link`` (our symlink layout) or ``forced``;
        raise OutputFailure for anything this command may not replace, and (``probe_lock``)
        when another run holds the lock. Changes nothing."""
        state = self._state()
        if probe_lock:
            self._probe_lock()
        return state

    def _state(self) -> str:
        out = self.output
        if not out.name:
            raise OutputFailure(f"{out}: is the root directory, not {self.noun}")
        try:
            st = os.lstat(out)
        except FileNotFoundError:
            return "missing"
        except OSError as e:  # ENOTDIR: a regular file on the way
            raise OutputFailure(in_words(e, out)) from None
        if stat.S_ISLNK(st.st_mode):
            if self._link_target() is not None:
                return "link"
            raise self._refuse(f"is a symlink to {os.readlink(out)}")
        if not stat.S_ISDIR(st.st_mode):
            extra = " (--force replaces only a directory)" if self.force else ""
            raise self._refuse(f"is {describe(st.st_mode)}", extra)
        made_by = read_marker(out)
        if made_by == self.made_by:
            return "ours"
        try:
            empty = not any(True for _ in os.scandir(out))
        except OSError as e:
            raise OutputFailure(in_words(e, out)) from None
        if empty:
            return "empty"
        if self.force:
            return "forced"
        what = f"written by `{made_by}`" if made_by else f"this command did not {self.verb} (no {MARKER} inside)"
        raise OutputFailure(f"{out}: is a directory {what}; choose another -o, remove it, "
                            f"or pass --force to replace it")

    def _refuse(self, what: str, extra: str = "") -> OutputFailure:
        return OutputFailure(f"{self.output}: {what}, not {self.noun}; choose another -o or remove it{extra}")

    def _link_target(self) -> str | None:
        """The name of our ``.DIR.v-*`` folder the output links to, if it is our layout."""
        try:
            target = os.readlink(self.output)
        except OSError:
            return None
        match = self._ours.fullmatch(target)
        if match is None or match.group(1) != "v":  # a name beside the output, ours
            return None
        folder = self.output.parent / target
        if folder.is_symlink() or not folder.is_dir() or read_marker(folder) != self.made_by:
            return None
        return target

    # -- the run
    def __enter__(self) -> DirectoryOutput:
        self.check(probe_lock=False)
        make_dirs(self.output.parent)
        self._lock()
        try:
            self.check(probe_lock=False)  # again, now that nobody else writes here
            self._remove_leftovers()
            try:
                self.work = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.build-",
                                                  dir=self.output.parent))
                write_marker(self.work, self.made_by)
            except OSError as e:
                raise OutputFailure(in_words(e, self.output)) from None
        except BaseException:
            self._unlock()
            raise
        return self

    def commit(self, staged: Path) -> None:
        """Swap ``staged`` (a folder inside :attr:`work`) in as the output."""
        assert self.work is not None and staged.is_relative_to(self.work)
        try:
            write_marker(staged, self.made_by)
            swap_in(staged, self.output, self.work)
        except OSError as e:
            raise OutputFailure(in_words(e, self.output)) from None
        self.committed = True

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if self.work is not None:
                try:
                    remove_tree(self.work)  # our work, and the old tree after a swap
                except OSError:
                    pass  # the next run removes it
                self.work = None
        finally:
            self._unlock()

    @property
    def _lock_file(self) -> Path:
        return self.output.parent / f".{self.output.name}.lock"

    def _busy(self, fd: int) -> OutputFailure:
        return OutputFailure(f"another build is writing {self.output} ({_holder(fd)}); "
                             f"wait for it or choose another -o")

    def _probe_lock(self) -> None:
        """Refuse now, before any work, if another run holds the lock (holding nothing)."""
        import fcntl

        try:
            fd = os.open(self._lock_file, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return  # no lock file: nobody writes here (or _lock will say what is wrong)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raise self._busy(fd) from None
        except OSError:
            pass
        finally:
            os.close(fd)  # and the probe's lock with it

    def _lock(self) -> None:
        import fcntl
        import time

        path = self._lock_file
        while True:
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError as e:
                raise OutputFailure(in_words(e, path)) from None
            deadline = time.monotonic() + 0.5  # another run's probe holds it for microseconds
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() < deadline:
                        time.sleep(0.02)
                        continue
                    error = self._busy(fd)
                    os.close(fd)
                    raise error from None
                except OSError as e:
                    os.close(fd)
                    raise OutputFailure(in_words(e, path)) from None
            try:  # a run that just ended removed the file we opened: lock the new one
                now = os.stat(path)
                mine = os.fstat(fd)
                if (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino):
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.lock_fd, self._lock_path = fd, path

    def _unlock(self) -> None:
        if self.lock_fd is None:
            return
        try:
            self._lock_path.unlink(missing_ok=True)  # still locked: nobody can take it meanwhile
        except OSError:
            pass
        os.close(self.lock_fd)
        self.lock_fd = None

    def _remove_leftovers(self) -> None:
        """What killed runs left beside the output: ours by name AND by marker, nothing else."""
        keep = self._link_target()
        parent = self.output.parent
        try:
            entries = list(os.scandir(parent))
        except OSError:
            return
        for entry in entries:
            match = self._ours.fullmatch(entry.name)
            if not match or entry.name == keep:
                continue
            try:
                if match.group(1) == "link":
                    if entry.is_symlink() and self._ours.fullmatch(os.readlink(entry.path)):
                        os.unlink(entry.path)
                elif entry.is_dir(follow_symlinks=False):
                    if read_marker(entry.path) is not None:
                        remove_tree(entry.path)
                    else:
                        os.rmdir(entry.path)  # only if empty: killed before its marker
            except OSError:
                pass  # not ours after all (not empty), or not removable: leave it


def _holder(fd: int) -> str:
    """``pid N`` of the run holding the lock, as it wrote it in the lock file."""
    try:
        pid = int(os.pread(fd, 32, 0).split()[0])
    except (OSError, ValueError, IndexError):
        return "pid unknown"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return f"pid {pid}, which has ended; processes it started are still finishing"
    except OSError:
        pass
    return f"pid {pid}"


# --------------------------------------------------------------------------- the swap
@lru_cache(maxsize=1)
def _renameat2():
    """libc's ``renameat2`` (Linux, glibc ≥ 2.28), or None where there is none."""
    import sys

    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


class _Unsupported(Exception):
    """renameat2 or its flag is not available here."""


def _rename(src: Path, dst: Path, flags: int) -> None:
    fn = _renameat2()
    if fn is None:
        raise _Unsupported
    import ctypes

    if fn(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), flags) == 0:
        return
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):  # no such call, or not on this file system
        raise _Unsupported
    raise OSError(err, os.strerror(err), str(src), None, str(dst))


def swap_in(staged: Path, output: Path, trash: Path) -> None:
    """Put the directory ``staged`` at ``output``; at no moment is ``output`` missing.

    ``staged`` and ``output`` are on the same file system and ``staged`` lies inside
    ``trash``, the caller's work folder: whatever was at ``output`` ends up inside it, to
    be removed with it. The caller checked that ``output`` may be replaced.
    """
    try:
        st = os.lstat(output)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISLNK(st.st_mode):
        _flip_link(staged, output, trash)
        return
    try:
        # the first time, nothing to exchange with: a rename (that never replaces) is atomic
        _rename(staged, output, RENAME_EXCHANGE if st is not None else RENAME_NOREPLACE)
        return  # after an exchange the old tree is at ``staged``, inside ``trash``
    except _Unsupported:
        pass
    if st is None:
        _flip_link(staged, output, trash)
        return
    # no exchange here, and the output is a directory: move it into the symlink layout;
    # the one swap with a moment where ``output`` is missing, and only once
    os.rename(output, trash / "old")
    try:
        _flip_link(staged, output, trash)
    except BaseException:
        os.rename(trash / "old", output)
        raise


def _flip_link(staged: Path, output: Path, trash: Path) -> None:
    """The layout without renameat2: ``output`` is a symlink to ``.<name>.v-<random>``
    beside it; one ``os.replace`` of a new symlink over it switches versions."""
    parent, name, token = output.parent, output.name, os.urandom(6).hex()
    old = os.readlink(output) if output.is_symlink() else None
    version = f".{name}.v-{token}"
    os.rename(staged, parent / version)
    link = parent / f".{name}.link-{token}"
    try:
        os.symlink(version, link)
        os.replace(link, output)  # atomic: the old version or the new one, always
    except BaseException:
        link.unlink(missing_ok=True)
        os.rename(parent / version, staged)
        raise
    if old is not None and "/" not in old and old.startswith(f".{name}.v-"):
        try:
            os.rename(parent / old, trash / "old-version")
        except OSError:
            pass  # the next run removes it (it holds the marker)
