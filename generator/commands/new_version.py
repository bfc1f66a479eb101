"""``notices new-version``: a draft to edit, made from the latest published version."""
from __future__ import annotations

import click

from .common import DATE, policy_option, source_option, today


@click.command("new-version")
@source_option
@policy_option
@click.option("--from", "based_on", metavar="VERSION", help="Start from VERSION (default: the latest published).")
@click.option("--date", "date", type=DATE, help="The new version's date, YYYY-MM-DD (default: today).")
@click.option("--id", "version_id", metavar="ID", help="The new folder's name and version id (default: the date).")
def command(source_dir, policy, based_on, date, version_id):
    """Create a draft version: a copy of the latest published version (or --from), status
    draft, its closing "updated on" note moved to the new date, nothing else changed."""
    from ..workflow import new_version

    made = new_version(source_dir, based_on=based_on, date=date or today(), version_id=version_id,
                       policy=policy)
    click.echo(f"created draft {made.version} from {made.based_on}: {made.path}")
    if not made.note_moved:
        click.echo("note: the closing note names no date of the old version; update it yourself", err=True)
    src = f" --source {source_dir}" if str(source_dir) != "notices" else ""
    click.echo("next:\n"
               f"  1. edit {made.path / 'statement.yaml'} (text and facts)\n"
               f"  2. notices diff{src}                      see what changed and its level\n"
               f"  3. notices decide {made.version}{src}        record a decision on every review finding\n"
               f"  4. notices i18n update{src}, then translate  (notices i18n status --version {made.version})\n"
               f"  5. notices publish {made.version} --effective YYYY-MM-DD{src}")
