"""``notices i18n``: extract the templates, update the catalogs, report their status."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .common import format_json_option, locales_option, source_option


@click.group("i18n")
def command() -> None:
    """Extract, update and check translation catalogs (gettext PO)."""


@command.command("extract")
@source_option
@locales_option
def extract_cmd(source_dir, locales_dir):
    """Write statement.pot (the newest English, msgctxt = id), messages.pot and vocabulary.pot (msgctxt = code)."""
    from ..i18n import extract
    from ..i18n.catalogs import locales_path
    from ..source.loader import load_source

    counts = extract(load_source(source_dir), locales_dir)
    for domain, n in counts.items():
        click.echo(f"{locales_path(locales_dir) / (domain + '.pot')}: {n} messages")


@command.command("update")
@source_option
@locales_option
@click.option("--locale", "locale_tags", multiple=True, help="Only this locale (repeatable).")
def update_cmd(source_dir, locales_dir, locale_tags):
    """Extract, then merge into every locale: changed English becomes fuzzy, with #| msgid."""
    from ..i18n import TRANSLATED_LOCALES, update
    from ..i18n.catalogs import check_locales_dir, po_path
    from ..i18n.locales import negotiate
    from ..source.loader import load_source

    check_locales_dir(locales_dir)  # the catalogs to merge into must be there
    locales = tuple(dict.fromkeys(negotiate(t) for t in locale_tags)) or TRANSLATED_LOCALES
    locales = tuple(l for l in locales if l in TRANSLATED_LOCALES)
    for r in update(load_source(source_dir), locales_dir, locales):
        click.echo(f"{po_path(locales_dir, r.locale, r.domain)}: {r.unchanged} unchanged, "
                   f"{len(r.changed)} changed (fuzzy), {len(r.new)} new, {len(r.obsolete)} obsolete")
        for what, ids in (("changed", r.changed), ("obsolete", r.obsolete)):
            for i in ids:
                click.echo(f"  {what}: {i}")


@command.command("status")
@source_option
@locales_option
@format_json_option
@click.option("--locale", "locale_tags", multiple=True, help="Only this locale (repeatable).")
@click.option("--version", "version_ids", multiple=True, help="Only this version (repeatable).")
@click.option("--require-complete", is_flag=True, help="Exit 1 when anything is stale or missing.")
def status_cmd(source_dir, locales_dir, fmt, locale_tags, version_ids, require_complete):
    """Per locale and version: translated / stale / missing clauses and their ids."""
    from ..i18n import TRANSLATED_LOCALES, status
    from ..i18n.catalogs import check_locales_dir
    from ..i18n.locales import negotiate
    from ..source.loader import load_source

    check_locales_dir(locales_dir)
    source = load_source(source_dir)
    locales = tuple(dict.fromkeys(negotiate(t) for t in locale_tags)) or TRANSLATED_LOCALES
    versions = [v for p in source.policies.values() for v in p.versions]
    if version_ids:
        versions = [source.version(v) for v in version_ids]
    reports = [status(v, loc, locales_dir=locales_dir) for loc in locales for v in versions]
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in reports], indent=2, ensure_ascii=False))
    else:
        for r in reports:
            click.echo(f"{r.locale} {r.policy} {r.version}: {r.translated}/{r.total} "
                       f"translated, {r.stale} stale, {r.missing} missing")
            for i in r.stale_ids:
                click.echo(f"  stale: {i}")
            for i in r.missing_ids:
                click.echo(f"  missing: {i}")
            ui = r.interface
            if ui.fuzzy or ui.missing:
                click.echo(f"  interface: {ui.translated}/{ui.total} translated")
            vo = r.vocabulary
            if vo.fuzzy or vo.stale or vo.missing:
                click.echo(f"  vocabulary: {vo.translated}/{vo.total} translated, "
                           f"{len(vo.fuzzy)} fuzzy, {len(vo.stale)} stale, {len(vo.missing)} missing")
    if require_complete and not all(r.complete for r in reports):
        raise click.exceptions.Exit(1)
