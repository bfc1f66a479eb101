"""``notices validate``: load everything, print a one-line summary."""
from __future__ import annotations

import json

import click

from .common import format_json_option, source_option


@click.command("validate")
@source_option
@format_json_option
def command(source_dir, fmt):
    """Load and check every policy and version (exit 2 listing every problem)."""
    from ..source.loader import load_source

    summary = load_source(source_dir).summary()
    if fmt == "json":
        click.echo(json.dumps(summary, sort_keys=True))
    else:
        click.echo("ok: " + ", ".join(f"{v} {k}" for k, v in summary.items()))
