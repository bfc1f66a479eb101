"""``notices export``: a version's facts in a format other tools read."""
from __future__ import annotations

from pathlib import Path

import click

from .common import source_option, write_output

EXPORT_FORMATS = ("dpv", "play-data-safety", "json")


@click.command("export")
@source_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="dpv: W3C DPV JSON-LD; play-data-safety: Google Play Data safety CSV; "
                   "json: the facts, clause by clause.")
@click.option("--version", "version_id", help="Version id (default: the latest published).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (atomically) instead of stdout.")
def command(source_dir, fmt, version_id, output):
    """Export a version's facts as DPV JSON-LD, a Play Data safety CSV or JSON."""
    from ..export import export
    from ..source.loader import load_source

    version = load_source(source_dir).version(version_id)
    write_output(export(version, fmt), output)
