"""``notices render``: one version in one format and locale."""
from __future__ import annotations

from pathlib import Path

import click

from .common import source_option, write_output


@click.command("render")
@source_option
@click.option("--version", "version_id", help="Version id (default: the latest published).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "text"]), default="md", show_default=True)
@click.option("--locale", "locale_tag", default="en", show_default=True,
              help="Language tag, negotiated (zh-CN → zh-Hans, zh-TW → zh-Hant, en-GB → en).")
@click.option("--allow-fallback", is_flag=True,
              help="Show stale or missing clauses in English, marked, instead of failing.")
@click.option("--locales", "locales_dir", type=click.Path(path_type=Path), default=None,
              help="The catalogs directory (default: the project's locales/).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (atomically) instead of stdout.")
def command(source_dir, version_id, fmt, locale_tag, allow_fallback, locales_dir, output):
    """Render the statement as Markdown, HTML or plain text, in a locale."""
    from ..rendering import render_localized
    from ..i18n.catalogs import check_locales_dir
    from ..i18n.locales import negotiate
    from ..source.loader import load_source

    locale = negotiate(locale_tag)  # a bad tag fails before the source is read
    check_locales_dir(locales_dir)  # so does a --locales folder that is not there, even for en
    version = load_source(source_dir).version(version_id)
    write_output(render_localized(version, fmt, locale, allow_fallback, locales_dir=locales_dir), output)
