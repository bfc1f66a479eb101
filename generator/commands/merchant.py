"""``notices merchant``: customer notices of merchants (render one, render all, impact)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .common import source_option, write_output

FORMATS = ("md", "html", "text")

version_option = click.option("--version", "version_id", help="Platform version (default: the latest published).")
fallback_option = click.option("--allow-fallback", is_flag=True,
                               help="Show clauses not yet translated in English, marked as such.")


@click.group("merchant")
def command() -> None:
    """Merchants' customer notices, drawn from the platform statement."""


@command.command("render")
@click.argument("profile", type=click.Path(path_type=Path))
@source_option
@version_option
@click.option("--locale", help="Locale tag (default: the profile's default_locale).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True)
@fallback_option
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (atomically) instead of stdout.")
def render_command(profile, source_dir, version_id, locale, fmt, allow_fallback, output):
    """Render the customer notice of the merchant in PROFILE (YAML, or a one-line JSON Lines file)."""
    from ..merchant.batch import default_locale
    from ..merchant.engine import render_notice
    from ..i18n.locales import negotiate
    from ..merchant.reader import load_profile
    from ..source.loader import load_source

    prof = load_profile(profile)
    version = load_source(source_dir).version(version_id)
    if locale:
        loc = negotiate(locale)
    else:
        loc, fell_back = default_locale(prof)
        if fell_back:
            click.echo(f"note: locale {prof.default_locale} is not supported yet; rendering in {loc}", err=True)
    write_output(render_notice(prof, version, locale=loc, format=fmt, allow_fallback=allow_fallback), output)


@command.command("render-all")
@click.argument("profiles", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Folder for the notices (DIR/<merchant>.<locale>.<ext>), replaced as a whole: "
                   "only a folder this command wrote (or an empty or missing one).")
@source_option
@version_option
@click.option("--locale", "locales", multiple=True, help="Locale (repeatable; default: each merchant's own).")
@click.option("--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help="Format (repeatable; default: html).")
@fallback_option
@click.option("--keep-going", is_flag=True,
              help="When a profile fails, write the others anyway (default: write nothing).")
@click.option("--force", is_flag=True,
              help="Replace the -o folder even if this command did not write it (a folder only).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
def render_all_command(profiles, out_dir, source_dir, version_id, locales, formats, allow_fallback,
                       keep_going, force, progress):
    """Render the notice of every merchant in PROFILES (JSON Lines) into a folder, as one
    unit: the folder is replaced only when every notice is written. Exit 1 if any profile
    failed (then nothing is written, unless --keep-going)."""
    from ..merchant.batch import render_all
    from ..source.loader import load_source

    version = load_source(source_dir).version(version_id)
    result = render_all(profiles, out_dir, version, locales=locales or None, formats=formats or ("html",),
                        allow_fallback=allow_fallback, progress=progress, keep_going=keep_going, force=force)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    ok = result.profiles - len(result.failed_lines)
    if result.replaced:
        click.echo(f"rendered {len(result.written)} notice(s) for {ok} of {result.profiles} merchant(s) "
                   f"into {out_dir}", err=True)
    if result.failures:
        click.echo(f"{len(result.failed_lines)} profile(s) failed:", err=True)
        for e in result.failures:
            click.echo(str(e), err=True)
        if not result.replaced:
            click.echo(f"nothing written to {out_dir} (it is as it was): fix the profiles, "
                       f"or pass --keep-going to write the others", err=True)
    raise click.exceptions.Exit(result.exit_code)


@command.command("impact")
@click.argument("old")
@click.argument("new")
@click.argument("profiles", type=click.Path(path_type=Path))
@source_option
@click.option("--locale", "locales", multiple=True, help="Locale (repeatable; default: each merchant's own).")
@fallback_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def impact_command(old, new, profiles, source_dir, locales, allow_fallback, fmt):
    """List the merchants whose customer notice changes from platform version OLD to NEW."""
    from ..merchant.impact import impact
    from ..source.loader import load_source

    src = load_source(source_dir)
    report = impact(src.version(old), src.version(new), profiles, locales=locales or None,
                    allow_fallback=allow_fallback)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for m in report.changed:
            click.echo(f"{m.merchant}\t{m.level}\t{','.join(m.clauses)}")
        click.echo(f"{len(report.changed)} of {report.merchants} merchant notice(s) change from {old} to {new}",
                   err=True)
    for e in report.failures:
        click.echo(str(e), err=True)
    raise click.exceptions.Exit(report.exit_code)
