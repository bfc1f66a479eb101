"""Options and helpers every command shares."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..files import atomic_write

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
