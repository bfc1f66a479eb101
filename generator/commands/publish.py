"""``notices publish``: publish a draft with an effective date, once everything holds."""
from __future__ import annotations

import click

from .common import DATE, locales_option, policy_option, source_option, today


@click.command("publish")
@click.argument("version")
@click.option("--effective", type=DATE, required=True, help="When the version takes effect, YYYY-MM-DD.")
@click.option("--on", "published_on", type=DATE, help="Publication date (default: today).")
@source_option
@policy_option
@locales_option
def command(version, effective, published_on, source_dir, policy, locales_dir):
    """Publish VERSION: record the publication and effective dates, the content hash and a
    hash per clause, and set its status to published.

    Refused (exit 2, every reason listed) unless the version validates, every review
    finding is decided, every locale is translated, and a material or consent change takes
    effect at least notice_days (policy.yaml, default 30) after publication.
    """
    from ..workflow import publish

    done = publish(source_dir, version, effective=effective, published_on=published_on or today(),
                   policy=policy, locales_dir=locales_dir)
    click.echo(f"published {done.version} on {done.published_on}, effective {done.effective_on} "
               f"(change: {done.level}); content hash {done.content_hash}")
