"""Options and helpers every command shares."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import OutputError
from ..files import atomic_write, in_words

source_option = click.option(
    "--source", "source_dir", type=click.Path(path_type=Path), default=Path("notices"),
    show_default=True, help="The source tree of policies and versions.")

locales_option = click.option(
    "--locales", "locales_dir", type=click.Path(path_type=Path), default=None,
    help="The catalogs directory (default: the project's locales/).")

policy_option = click.option("--policy", help="Policy id (needed only when the source holds several).")

format_json_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Output for people or for machines.")


class DateParam(click.ParamType):
    """A calendar date, ``YYYY-MM-DD`` (a ``datetime.date``)."""

    name = "date"

    def convert(self, value, param, ctx):
        import datetime as dt

        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)


DATE = DateParam()


def today():
    """:func:`generator.model.today` (imported when used: options load before any model)."""
    from ..model import today as model_today

    return model_today()


def write_output(text: str | bytes, output: Path | None) -> None:
    """Write to a file atomically (a failed run leaves the old file), or to stdout.

    Every OS error is an OutputError, ``path: what went wrong`` (exit status 2): a full
    disk or device, ``-o`` naming a directory, a regular file on the way.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None or str(output) == "-":
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as e:  # `> /dev/full`: say so; what is left unwritten is dropped
            _drop_stdout()
            raise OutputError(in_words(e, "<stdout>")) from None
        return
    try:
        atomic_write(Path(output), data)
    except OSError as e:
        raise OutputError(in_words(e, output)) from None


def _drop_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so that the interpreter's
    final flush does not fail again ("Exception ignored ...")."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (a test's capture): nothing to flush later
