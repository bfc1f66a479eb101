"""``notices receipts``: check the receipts a reader downloaded from the Rules Center."""
from __future__ import annotations

from pathlib import Path

import click

from .common import source_option


@click.group("receipts")
def command() -> None:
    """Receipts of the Rules Center's pop-up (schema: notices receipts schema)."""


@command.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@source_option
@click.pass_context
def check_cmd(ctx, file, source_dir):
    """Check FILE (a downloaded <policy>-receipts.json): valid against the schema (exit 2 if
    not), and every receipt a published version with its content hash (exit 1 if not)."""
    from ..site.receipts import check_receipts

    result = check_receipts(source_dir, file)
    for problem in result.problems:
        click.echo(f"{file}: {problem}")
    if result.ok:
        click.echo(f"{file}: {result.count} receipt(s), each a published version with its content hash")
    else:
        ctx.exit(1)


@command.command("schema")
def schema_cmd():
    """Print the JSON Schema of a receipts file."""
    from ..site.receipts import SCHEMA_PATH

    click.echo(SCHEMA_PATH.read_text(encoding="utf-8"), nl=False)
