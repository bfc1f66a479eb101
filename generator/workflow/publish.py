"""``publish``: make a draft the published version, once everything a publication needs holds.

It refuses, naming every reason at once, unless the version validates, every ``review``
finding of ``diff(previous published, version)`` is decided (and no decision is stale),
every translated locale is complete, and the notice window holds: a version whose change
is material or needs consent takes effect at least the policy's ``notice_days`` (default
30) after it is published, which is what Section VIII's "prominent notice" is for.

Publishing records the publication and effective dates, the content hash and a hash per
clause (so a later edit is reported at the clause it changed), and the status.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..classify import DecisionError
from ..errors import NoticesError, SourceError, SourceErrors, UsageError
from ..i18n import TRANSLATED_LOCALES, status
from ..report.words import finding_text
from ..source import load_version
from ..source.select import index_policy
from ..source.yaml12 import locate, read_yaml
from .decide import pending_decisions
from .hashes import write_hashes

#: levels that need the notice window (Section VIII: a prominent notice before they apply)
NOTICE_LEVELS = ("material", "consent")


class PublishRefused(NoticesError):
    """Every reason a version may not be published yet, one per line (exit status 2)."""

    def __init__(self, version: str, reasons: list[str]):
        self.version, self.reasons = version, reasons
        super().__init__("\n".join([f"cannot publish {version}:"] + [f"  {r}" for r in reasons]))


@dataclass(frozen=True)
class Published:
    version: str
    path: Path
    published_on: dt.date
    effective_on: dt.date
    content_hash: str
    level: str


def publish_problems(source_dir: str | Path, version: str, *, effective: dt.date, published_on: dt.date,
                     policy: str | None = None, locales_dir: str | Path | None = None) -> tuple[list[str], str]:
    """Why ``version`` may not be published with these dates (empty: it may), and the level
    of its change from the previous published version."""
    index = index_policy(Path(source_dir), policy)
    entry = index.get(version)
    try:
        loaded = load_version(entry.dir, index.policy)
    except SourceErrors as e:
        return [str(err) for err in e.errors], "none"
    reasons: list[str] = []
    if loaded.status == "published":
        reasons.append(f"{version} is already published (on {loaded.published_date})")
    if published_on < loaded.updated_on:
        reasons.append(f"publication date {published_on} is before the version's date {loaded.updated_on}")
    if effective < published_on:
        reasons.append(f"effective date {effective} is before the publication date {published_on}")
    newer = [e.version for e in index.entries if e.status == "published" and e.order > entry.order]
    if newer:
        reasons.append(f"a later version is already published ({', '.join(newer)})")
    level = "none"
    if any(e.status == "published" and e.order < entry.order for e in index.entries):
        try:
            pending = pending_decisions(source_dir, version, index.policy)
        except DecisionError as e:
            doc = read_yaml(entry.dir / "version.yaml")
            reasons += [str(SourceError(entry.dir / "version.yaml", *locate(doc, p.loc), p.message))
                        for p in e.problems]
        else:
            level = pending.report.level
            for f in pending.undecided:
                reasons.append(f"clause {f.clause} is at review, undecided: {finding_text(f)} "
                               f"(record a decision: notices decide {version})")
            for i, d in pending.stale:
                reasons.append(f"decisions[{i}] on clause {d.clause} is stale: the clause changed after "
                               f"{d.decided_on} (decide again: notices decide {version})")
    for locale in TRANSLATED_LOCALES:
        st = status(loaded, locale, locales_dir=locales_dir)
        if not st.complete:
            reasons.append(f"{locale} translation incomplete: {st.missing} clause(s) missing, {st.stale} "
                           f"out of date (notices i18n status --version {version})")
    days = _notice_days(source_dir, index.policy)
    if level in NOTICE_LEVELS and (effective - published_on).days < days:
        reasons.append(f"the change is {level}: it may take effect no sooner than {days} days after "
                       f"publication ({published_on + dt.timedelta(days=days)}), not {effective} "
                       f"(notice_days in policy.yaml)")
    return reasons, level


def _notice_days(source_dir: str | Path, policy: str) -> int:
    from ..model import DEFAULT_NOTICE_DAYS
    from ..source.loader import read_policy_meta

    meta, _ = read_policy_meta(Path(source_dir) / policy)
    return meta.get("notice_days", DEFAULT_NOTICE_DAYS)


def publish(source_dir: str | Path, version: str, *, effective: dt.date, published_on: dt.date | None = None,
            policy: str | None = None, locales_dir: str | Path | None = None) -> Published:
    """Publish ``version`` (a draft), effective on ``effective``; raise :class:`PublishRefused`
    with every reason it may not be published yet."""
    published_on = published_on or dt.date.today()
    reasons, level = publish_problems(source_dir, version, effective=effective, published_on=published_on,
                                      policy=policy, locales_dir=locales_dir)
    if reasons:
        raise PublishRefused(version, reasons)
    index = index_policy(Path(source_dir), policy)
    entry = index.get(version)
    draft = load_version(entry.dir, index.policy)
    path = entry.dir / "version.yaml"
    write_hashes(entry.dir, draft, {"status": "published", "published_on": published_on,
                                    "effective_on": effective})
    done = load_version(entry.dir, index.policy)  # reads back, hash checked
    if done.status != "published":
        raise UsageError(f"{path}: publishing did not take (status is {done.status})")
    return Published(version, entry.dir, published_on, effective, done.content_hash or "", level)
