"""``notices lint``: does the statement (or a merchant's notice) state what the law requires at collection?"""
from __future__ import annotations

from pathlib import Path

import click

from .common import source_option, write_output

LAW_CHOICES = ("gdpr", "pipl", "ccpa", "all")


@click.command("lint")
@source_option
@click.option("--law", "laws", type=click.Choice(LAW_CHOICES), multiple=True,
              help="Law to check (repeatable; default: all, or for --merchant the laws its profile "
                   "makes it answer to: the GDPR for an EU representative).")
@click.option("--version", "version_id", help="Version id (default: the latest published).")
@click.option("--merchant", "profiles", type=click.Path(path_type=Path),
              help="Check the customer notice of the merchant in PROFILE (YAML), or of every merchant "
                   "in a JSON Lines file, instead of the statement.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True)
@click.option("--locale", "locale_tag", default="en", show_default=True, help="Language of the report.")
@click.option("--fail-on", type=click.Choice(["missing", "partial"]),
              help="Exit with status 1 when a requirement is missing (or, with partial, partly met or missing).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to FILE (atomically).")
@click.pass_context
def command(ctx, source_dir, laws, version_id, profiles, fmt, locale_tag, fail_on, output):
    """Check the facts of a notice against GDPR Art. 13-14, PIPL Art. 17, 23, 30, 39 and
    CCPA/CPRA 11 CCR § 7012: each requirement met, partly met, missing or not applicable.

    Exit status 0, 1 when --fail-on is reached, 2 for bad input.
    """
    from ..i18n.locales import negotiate
    from ..lint import LAWS, book_of_version, lint
    from ..report.lint import render_documents
    from ..source.loader import load_source

    locale = negotiate(locale_tag)
    chosen = LAWS if "all" in laws else tuple(laws)
    version = load_source(source_dir).version(version_id)
    if profiles is None:
        reports = [lint(book_of_version(version), chosen or LAWS)]
    else:
        reports = _merchant_reports(profiles, version, chosen)
    write_output(render_documents(reports, fmt, _words(version, locale)), output)
    if fail_on and any(r.reaches(fail_on) for r in reports):
        ctx.exit(1)


def _merchant_reports(path: Path, version, chosen: tuple[str, ...]):
    from ..lint import lint
    from ..merchant.lint import merchant_book, merchant_laws
    from ..merchant.reader import load_profile, load_profiles

    merchants = load_profiles(path) if path.suffix == ".jsonl" else [load_profile(path)]
    return [lint(merchant_book(p, version), chosen or merchant_laws(p)) for p in merchants]


def _words(version, locale: str):
    from ..report import ENGLISH, Words

    if locale == "en":
        return ENGLISH
    from ..i18n import translator

    tr = translator(version, locale, allow_fallback=True)  # only the interface and labels are used
    return Words(tr.locale, tr.gettext, tr.label)
