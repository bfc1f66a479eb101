"""``notices diff``: compare two versions and classify every change against Section VIII."""
from __future__ import annotations

from pathlib import Path

import click

from .common import source_option

FORMATS = ("text", "markdown", "json", "html")
FAIL_LEVELS = ("editorial", "review", "material", "consent")


@click.command("diff")
@click.argument("old", required=False)
@click.argument("new", required=False)
@source_option
@click.option("--policy", help="Policy id (needed only when the source holds several).")
@click.option("--since", metavar="VERSION",
              help="What a user who last accepted VERSION must be shown now (VERSION → latest published).")
@click.option("--against", metavar="REF",
              help="Take OLD from the source as it is at git revision REF (default: its newest version).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS),
              help="Exit with status 1 when the diff reaches this level.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (atomically).")
@click.option("--color/--no-color", default=None, help="Colour the text redline (default: on a terminal).")
@click.pass_context
def command(ctx, old, new, source_dir, policy, since, against, fmt, fail_on, output, color):
    """Compare OLD with NEW (default: latest published with newest) and classify every change.

    Exit status 0, 1 when --fail-on LEVEL is reached, 2 for bad input.
    """
    import sys

    from ..classify.levels import rank
    from ..report import render_report
    from .common import write_output

    if since and (old or new):
        raise click.UsageError("--since VERSION takes no OLD or NEW argument")
    report = _report(source_dir, policy, since or old, new, against, since=bool(since))
    if color is None:
        color = output is None and sys.stdout.isatty()
    write_output(render_report(report, fmt, color=color), output)
    if fail_on and report.level != "none" and rank(report.level) >= rank(fail_on):
        ctx.exit(1)


def _report(source_dir: Path, policy: str | None, old_id: str | None, new_id: str | None,
            against: str | None, since: bool):
    """Choose both versions, compare, classify; decision errors located in version.yaml."""
    from ..classify import DecisionError, classify
    from ..diff.clauses import compare
    from ..source.select import index_policy
    from ..errors import UsageError

    index = index_policy(source_dir, policy)
    new_entry = index.latest_published() if since else (index.get(new_id) if new_id else index.newest())
    if against is None:
        old_entry = index.get(old_id) if old_id else index.latest_published()
        if since and old_entry.order > new_entry.order:
            raise UsageError(f"--since {old_id}: it is newer than the latest published version {new_entry.version}")
        old_version, old_label = old_entry.load(), old_entry.version
    else:
        old_entry, old_version = _old_from_git(against, source_dir, index.policy, old_id)
        old_label = f"{against}:{old_entry.version}"
    between = [e.load() for e in index.between(old_entry.order, new_entry)]
    diff = compare(old_version, new_entry.load(), between=between, old_label=old_label,
                   new_label=new_entry.version)
    try:
        return classify(diff)
    except DecisionError as e:
        raise _locate_decisions(e, new_entry.dir / "version.yaml") from None


def _old_from_git(ref: str, source_dir: Path, policy: str, old_id: str | None):
    """OLD (default: the newest version) from the source as it is at git revision ``ref``."""
    from ..source.select import index_policy
    from ..errors import SourceErrors
    from ..source.git import source_at, temporary_dir

    with temporary_dir() as tmp:
        root, relative = source_at(ref, source_dir, Path(tmp))
        try:
            old_index = index_policy(root, policy)
            entry = old_index.get(old_id) if old_id else old_index.newest()
            return entry, entry.load()
        except SourceErrors as e:
            for err in e.errors:
                if Path(err.path).is_relative_to(root):  # name the file as git does: REF:path
                    err.path = f"{ref}:{Path(relative, Path(err.path).relative_to(root)).as_posix()}"
            raise SourceErrors(e.errors) from None


def _locate_decisions(error, path: Path):
    """DecisionError → SourceErrors at the line of each decision in version.yaml."""
    from ..errors import SourceError, SourceErrors
    from ..source.loader import locate, read_yaml

    doc = read_yaml(path)
    return SourceErrors([SourceError(path, *locate(doc, ("decisions", i, field)), message)
                         for i, field, message in error.problems])
