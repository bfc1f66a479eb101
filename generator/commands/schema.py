"""``notices schema``: the JSON Schema the source files name."""
from __future__ import annotations

import json

import click


@click.command("schema")
@click.argument("which", type=click.Choice(["statement", "version", "merchant", "export"]), default="statement")
def command(which):
    """Print the JSON Schema of statement.yaml, version.yaml, a merchant profile or
    `notices export --format json`, from the model."""
    if which == "export":
        from ..export.json_facts import export_schema

        schema = export_schema()
    elif which == "merchant":
        from ..merchant.profile import json_schema

        schema = json_schema()
    else:
        from ..model import json_schemas

        schema = json_schemas()[which]
    click.echo(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True))
