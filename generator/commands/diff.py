"""``notices diff``: compare two versions and classify every change against Section VIII."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import click

from .common import DATE, source_option

FORMATS = ("text", "markdown", "json", "html")
FAIL_LEVELS = ("editorial", "review", "material", "consent")


@click.command("diff")
@click.argument("old", required=False)
@click.argument("new", required=False)
@source_option
@click.option("--policy", help="Policy id (needed only when the source holds several).")
@click.option("--since", metavar="VERSION",
              help="What a user who last accepted VERSION must be shown now (VERSION → the version in effect).")
@click.option("--as-of", "as_of", type=DATE, metavar="DATE",
              help="The date that decides which version is in effect (default: today).")
@click.option("--against", metavar="REF",
              help="Take OLD from the source as it is at git revision REF (default: its newest version).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS),
              help="Exit with status 1 when the diff reaches this level.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (atomically).")
@click.option("--color/--no-color", default=None, help="Colour the text redline (default: on a terminal).")
@click.pass_context
def command(ctx, old, new, source_dir, policy, since, as_of, against, fmt, fail_on, output, color):
    """Compare OLD with NEW (default: the version in effect with the newest) and classify every change.

    Exit status 0, 1 when --fail-on LEVEL is reached, 2 for bad input.
    """
    import sys

    from ..classify.levels import rank
    from ..report import render_report
    from .common import write_output

    report = _report(source_dir, policy, old, new, since, against, as_of)
    if color is None:
        color = output is None and sys.stdout.isatty()
    write_output(render_report(report, fmt, color=color), output)
    if fail_on and report.level != "none" and rank(report.level) >= rank(fail_on):
        ctx.exit(1)


def _report(source_dir: Path, policy: str | None, old: str | None, new: str | None,
            since: str | None, against: str | None, as_of=None):
    """Choose both versions, compare, classify; decision errors located in version.yaml."""
    from ..classify import DecisionError, classify
    from ..diff import compare
    from ..source import choose_versions

    chosen = choose_versions(source_dir, old, new, since=since, against=against, policy=policy, as_of=as_of)
    diff = compare(chosen.old, chosen.new, between=chosen.between, old_label=chosen.old_label,
                   new_label=chosen.new_label)
    try:
        return classify(diff)
    except DecisionError as e:
        raise _locate_decisions(e, chosen.new_metadata) from None


@contextmanager
def located_decision_errors(source_dir: Path, version: str, policy: str | None):
    """DecisionError from work on ``version`` → SourceErrors at each decision's line."""
    from ..classify import DecisionError
    from ..source.select import index_policy

    try:
        yield
    except DecisionError as e:
        path = index_policy(source_dir, policy).get(version).dir / "version.yaml"
        raise _locate_decisions(e, path) from None


def _locate_decisions(error, path: Path):
    """DecisionError → SourceErrors at the line of each decision in version.yaml."""
    from ..errors import SourceError, SourceErrors
    from ..source.yaml12 import locate, read_yaml

    doc = read_yaml(path)
    return SourceErrors([SourceError(path, *locate(doc, p.loc), p.message, p.loc) for p in error.problems])
