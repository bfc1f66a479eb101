"""``notices verify``: is this site what the source builds?"""
from __future__ import annotations

from pathlib import Path

import click

from .common import source_option


@click.command("verify")
@click.argument("site_dir", type=click.Path(path_type=Path))
@source_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Processes to use.")
@click.pass_context
def command(ctx, site_dir, source_dir, jobs):
    """Rebuild SITE_DIR from the source (with the date and options its versions.json
    records) and list every file that differs, is missing or is extra: exit 0 when the
    site is exactly what the source builds, 1 when anything differs."""
    from ..site.verify import verify_site

    result = verify_site(source_dir, site_dir, jobs=jobs)
    for kind, paths in (("differs", result.differs), ("missing", result.missing), ("extra", result.extra)):
        for p in paths:
            click.echo(f"{kind}: {p}")
    if result.ok:
        click.echo(f"{site_dir}: verified, {result.checked} files are what the source builds")
    else:
        n = len(result.differs) + len(result.missing) + len(result.extra)
        click.echo(f"{site_dir}: {n} file(s) are not what the source builds", err=True)
        ctx.exit(1)
