"""``notices schema``: the JSON Schema the source files name."""
from __future__ import annotations

import json

import click


@click.command("schema")
@click.argument("which", type=click.Choice(["statement", "version"]), default="statement")
def command(which):
    """Print the JSON Schema of statement.yaml or version.yaml, generated from the model."""
    from ..model import json_schemas

    click.echo(json.dumps(json_schemas()[which], indent=2, ensure_ascii=False, sort_keys=True))
