"""``notices hash``: a version's content hash, or whether a rendered copy is that version."""
from __future__ import annotations

from pathlib import Path

import click

from .common import locales_option, source_option


@click.command("hash")
@source_option
@click.option("--version", "version_id", help="Version id (default: the newest version).")
@click.option("--rendered", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Say whether FILE is the version's rendered text (as `notices render --format "
                   "text` writes it, and the Rules Center lists in versions.json).")
@click.option("--locale", default="en", show_default=True, help="The locale of --rendered.")
@locales_option
@click.option("--record", is_flag=True,
              help="For a published version whose facts were corrected (its text unchanged): record "
                   "its facts hash and clause hashes in version.yaml. Refused if the text changed.")
@click.pass_context
def command(ctx, source_dir, version_id, rendered, locale, locales_dir, record):
    """Print a version's content hash (its text and structure, what version.yaml records
    when it is published and what readers' receipts name).

    With --rendered FILE: compare FILE with the version's rendered text in --locale; exit
    0 when it is that text byte for byte, 1 when it is not.
    """
    from ..source.loader import load_version_unchecked

    version = load_version_unchecked(source_dir, version_id)
    if record:
        from ..source.select import index_policy
        from ..workflow.hashes import record_annotations

        index = index_policy(source_dir)
        recorded = record_annotations(index.get(version.version).dir, index.policy)
        click.echo(f"recorded for {version.version}: facts {recorded['facts_hash']}, "
                   f"{len(recorded['clause_hashes'])} clause hashes (text unchanged: {recorded['content_hash']})")
        return
    if rendered is None:
        click.echo(version.compute_hash())
        return
    import hashlib

    from ..errors import UsageError
    from ..rendering import rendered_hash

    try:
        data = rendered.read_bytes()
    except OSError as e:
        raise UsageError(f"{rendered}: {e.strerror or e}") from None
    actual = "sha256:" + hashlib.sha256(data).hexdigest()
    expected = rendered_hash(version, locale, locales_dir=locales_dir)
    if actual == expected:
        click.echo(f"{rendered}: is version {version.version} ({locale}), {expected}")
    else:
        click.echo(f"{rendered}: is NOT version {version.version} ({locale}): it hashes to {actual}, "
                   f"the version's rendered text to {expected}")
        ctx.exit(1)
