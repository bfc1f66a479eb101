"""Options and helpers every command shares."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

source_option = click.option(
    "--source", "source_dir", type=click.Path(path_type=Path), default=Path("notices"),
    show_default=True, help="The source tree of policies and versions.")

format_json_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Output for people or for machines.")


def write_output(text: str | bytes, output: Path | None) -> None:
    """Write to a file atomically (a failed run leaves the old file), or to stdout."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    atomic_write(Path(output), data)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
