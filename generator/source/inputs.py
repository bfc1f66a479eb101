"""Reading an input file, within bounds, with every failure as ``path[:line:col]: what is wrong``.

Every file the toolkit reads as input (source YAML, merchant profiles, catalogs) goes
through :func:`read_bytes` and :func:`decode`: an OS error becomes ``path: cannot read:
<strerror>``; anything but a regular file (a folder, a pipe, a device) is refused before it
is opened, so a FIFO never blocks; a file above its limit is refused before it is read; bytes
that are not UTF-8 are reported at the line and column of the first bad one.
"""
from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path
from typing import BinaryIO

from ..errors import SourceError, SourceErrors


def _fail(path: Path | str, message: str, line: int | None = None, column: int | None = None) -> SourceErrors:
    return SourceErrors([SourceError(path, line, column, message)])


def cannot_read(path: Path | str, error: OSError) -> SourceErrors:
    """``path: cannot read: <strerror>`` for an OS error."""
    reason = error.strerror or (os.strerror(error.errno) if error.errno else str(error))
    return _fail(path, f"cannot read: {reason}")


def open_regular(path: Path | str, max_bytes: int | None = None) -> BinaryIO:
    """A regular file opened for reading (of at most ``max_bytes``); SourceErrors otherwise.

    A folder, a pipe or a device is refused before anything is read: the file is opened
    without blocking (a FIFO with no writer would block a plain ``open``) and checked.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise cannot_read(path, e) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(st.st_mode):
            raise _fail(path, "cannot read: not a regular file (a pipe, socket or device)")
        if max_bytes is not None and st.st_size > max_bytes:
            raise _fail(path, f"file is too large ({st.st_size} bytes, at most {max_bytes})")
        return os.fdopen(fd, "rb")
    except BaseException as e:
        os.close(fd)
        if isinstance(e, OSError):
            raise cannot_read(path, e) from None
        raise


def read_bytes(path: Path | str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; SourceErrors otherwise."""
    with open_regular(path, max_bytes) as f:
        try:
            data = f.read(max_bytes + 1)
        except OSError as e:
            raise cannot_read(path, e) from None
    if len(data) > max_bytes:  # it grew since stat
        raise _fail(path, f"file is too large (more than {max_bytes} bytes, at most {max_bytes})")
    return data


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def utf8_error(data: bytes, error: UnicodeDecodeError) -> tuple[int, int, str]:
    """Line, column and message for the first byte of ``data`` that is not UTF-8."""
    head = data[:error.start].decode("utf-8", errors="replace")
    line, column = position(head + "\n", len(head))
    return line, column, f"not UTF-8 text: byte 0x{data[error.start]:02x} ({error.reason})"


def decode(path: Path | str, data: bytes) -> str:
    """UTF-8 text (a leading byte-order mark dropped); SourceErrors at the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, column, message = utf8_error(data, e)
        raise _fail(path, message, line, column) from None
    return text[1:] if text.startswith("\ufeff") else text


def character_name(ch: str) -> str:
    """``the control character U+0000``, ``the character U+FFFE``."""
    kind = "the control character" if unicodedata.category(ch) == "Cc" else "the character"
    return f"{kind} U+{ord(ch):04X}"
