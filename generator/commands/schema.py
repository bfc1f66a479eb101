"""``notices schema``: the JSON Schema the source files name."""
from __future__ import annotations

import json

import click


@click.command("schema")
@click.argument("which", type=click.Choice(["statement", "version", "merchant"]), default="statement")
def command(which):
    """Print the JSON Schema of statement.yaml, version.yaml or a merchant profile, from the model."""
    if which == "merchant":
        from ..merchant.profile import json_schema

        schema = json_schema()
    else:
        from ..model import json_schemas

        schema = json_schemas()[which]
    click.echo(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True))
