"""The ``notices`` command: a thin shell over the package's functions.

Each subcommand lives in ``generator/commands/<name>.py`` as a Click command
called ``command`` (or a group) and is imported only when it runs, so
``notices --help`` stays fast. To add a command, add a module there and one line
to :data:`COMMANDS`.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys

import click

#: name -> (module, one-line help shown by ``notices --help``)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("generator.commands.validate", "Load and check every policy and version."),
    "render": ("generator.commands.render", "Render a version as Markdown, HTML or text."),
    "schema": ("generator.commands.schema", "Print the JSON Schema of the source files."),
    "hash": ("generator.commands.hash", "Print the content hash of a version (to freeze it)."),
    "diff": ("generator.commands.diff", "Compare two versions and classify every change."),
    "rules": ("generator.commands.rules", "List the Section VIII classification rules."),
    "lint": ("generator.commands.lint", "Check a notice against GDPR, PIPL and CCPA notice requirements."),
    "i18n": ("generator.commands.i18n", "Extract, update and check translation catalogs."),
    "merchant": ("generator.commands.merchant", "Render merchants' customer notices."),
    "build": ("generator.commands.build", "Build the Rules Center site with mkdocs."),
    "export": ("generator.commands.export", "Export a version's facts: DPV JSON-LD, Play Data safety CSV, JSON."),
    "new-version": ("generator.commands.new_version", "Create a draft from the latest published version."),
    "decide": ("generator.commands.decide", "Record decisions on the changes awaiting review."),
    "publish": ("generator.commands.publish", "Publish a draft with an effective date."),
    "verify": ("generator.commands.verify", "Check that a built site is what the source builds."),
    "receipts": ("generator.commands.receipts", "Check receipts downloaded from the Rules Center."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (like Flask's lazy loading)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(n for n, (mod, _) in COMMANDS.items() if importlib.util.find_spec(mod))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[name][0])
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(n, COMMANDS[n][1]) for n in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="allvalue-notices")
def cli() -> None:
    """Policy as code for AllValue's Privacy Statement.

    Every command reads the structured source (--source, default notices/).
    Bad input is reported as path:line:col: message with exit status 2.
    """


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; NoticesError becomes a clean message and exit status 2."""
    from .errors import NoticesError

    try:
        code = cli.main(args=argv, prog_name="notices", standalone_mode=False)
        # with standalone_mode=False, Click returns ctx.exit(n)'s status instead of raising
        if isinstance(code, int) and not isinstance(code, bool):
            return code
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.ClickException as e:
        e.show()
        return 2 if e.exit_code == 2 else e.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        return 1
    except NoticesError as e:
        for line in str(e).splitlines():
            click.echo(line, err=True)
        return 2
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
