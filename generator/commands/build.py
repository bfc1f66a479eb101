"""``notices build``: the Rules Center, every locale, into build/site/ (atomically)."""
from __future__ import annotations

import time
from pathlib import Path

import click

from .common import DATE, source_option, today


@click.command("build")
@source_option
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("build/site"),
              show_default=True,
              help="Where the site goes: replaced only if the build succeeds, and only if a previous "
                   "build made it (or it is empty or missing).")
@click.option("--force", is_flag=True,
              help="Replace the -o directory even if no build made it (a directory only: never a "
                   "file, FIFO or device).")
@click.option("--site-url", envvar="NOTICES_SITE_URL", metavar="URL",
              help="Where the site is published (canonical URLs, sitemaps, the 404 page).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to use (default: the CPU count, at most 4).")
@click.option("--as-of", "as_of", type=DATE, metavar="DATE",
              help="Build the site as it is on DATE: the version in effect then is current, later "
                   "ones are announced (default: SOURCE_DATE_EPOCH's date, else today).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def command(source_dir: Path, output: Path, force: bool, site_url: str | None, jobs: int | None,
            as_of, quiet: bool) -> None:
    """Build the Rules Center with mkdocs: every version, the change history, redlines,
    versions.json and the pop-up, in every locale. Strict: a broken link or anchor fails
    the build, and a failed build leaves the previous site as it was. A second build into
    the same -o stops at once (exit 2)."""
    from ..site import build_site

    start = time.monotonic()
    say = (lambda msg: None) if quiet else (lambda msg: click.echo(msg, err=True))
    result = build_site(source_dir, output, jobs=jobs, site_url=site_url, force=force, as_of=as_of or today(),
                        progress=say)
    if not quiet:
        click.echo(f"built {result.pages} pages for {result.versions} version(s) in "
                   f"{len(result.locales)} locales into {output} "
                   f"({time.monotonic() - start:.1f} s)", err=True)
