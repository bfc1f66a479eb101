"""``notices rules``: the Section VIII classification rules, generated from the registry."""
from __future__ import annotations

import click


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="markdown is the table in docs/rules.md.")
def command(fmt):
    """List the classification rules in decision order: id, level, citation, explanation."""
    from ..classify import default_registry
    from ..classify.table import rules_json, rules_markdown, rules_text

    render = {"text": rules_text, "markdown": rules_markdown, "json": rules_json}[fmt]
    click.echo(render(default_registry()), nl=False)
