"""``notices render``: one version in one format (and, with translations, locale)."""
from __future__ import annotations

from pathlib import Path

import click

from .common import source_option, write_output


@click.command("render")
@source_option
@click.option("--version", "version_id", help="Version id (default: the latest published).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "text"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (atomically) instead of stdout.")
def command(source_dir, version_id, fmt, output):
    """Render the statement as Markdown, HTML or plain text."""
    from ..rendering import render
    from ..source import load_source

    version = load_source(source_dir).version(version_id)
    write_output(render(version, fmt), output)
