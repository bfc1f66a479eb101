"""``notices hash``: the content hash that freezes a published version."""
from __future__ import annotations

import click

from .common import source_option


@click.command("hash")
@source_option
@click.option("--version", "version_id", help="Version id (default: the newest version).")
def command(source_dir, version_id):
    """Print a version's content hash, for its version.yaml when it is published."""
    from ..source.loader import load_version_unchecked

    click.echo(load_version_unchecked(source_dir, version_id).compute_hash())
