"""Render every merchant of a JSON Lines file: one file per merchant, locale and format.

Each (locale, format) gets one :class:`~.engine.NoticeRenderer`, so the template
and markdown-it run once per batch, not once per merchant. A bad profile does not
stop the batch; it is reported with its line number. Output is deterministic: the
same profiles and version give byte-identical files.

The batch is written **as one unit**: every notice goes, with a plain write, into a
staging folder beside the output (``.<DIR>.build-*``), which replaces the whole output
folder in one swap (:class:`generator.files.DirectoryOutput`: renameat2 exchange, a
marker ``.notices-build``, a lock, leftovers of a killed run removed by the next). So
the output folder holds exactly one batch: notices of merchants no longer in the file
are gone, and a crash leaves the previous batch. A profile that fails leaves the output
as it was, unless ``keep_going``: then the rest is swapped in and the failures
reported. A folder this command did not write (no marker) is refused unless ``force``.
An OS error writing the batch (a full disk) stops it with an OutputError.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import OutputError, SourceError, UsageError
from ..files import DirectoryOutput, in_words, write_new
from .engine import SUFFIX, NoticeRenderer
from ..i18n.locales import SUPPORTED, negotiate
from .reader import Record, iter_profiles

if TYPE_CHECKING:
    from ..model import Version
    from .profile import MerchantProfile


@dataclass
class BatchResult:
    """What a batch did: files written, profiles that failed (with their lines), notes."""

    profiles: int = 0
    #: the notices now in the output folder (none when a failure kept the previous batch)
    written: list[Path] = field(default_factory=list)
    failures: list[SourceError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: whether this batch replaced the output folder
    replaced: bool = False

    @property
    def failed_lines(self) -> list[int]:
        return sorted({e.line for e in self.failures if e.line is not None})

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def output_path(out_dir: Path, merchant_id: str, locale: str, format: str) -> Path:
    """``DIR/<merchant id>.<locale>.<suffix>``: the id is a slug, so the name is safe."""
    return out_dir / f"{merchant_id}.{locale}.{SUFFIX[format]}"


class Renderers:
    """One renderer per (locale, format), made when first needed."""

    def __init__(self, version: Version, allow_fallback: bool = False):
        self.version, self.allow_fallback = version, allow_fallback
        self._cache: dict[tuple[str, str], NoticeRenderer] = {}

    def __call__(self, locale: str, format: str) -> NoticeRenderer:
        key = (locale, format)
        if key not in self._cache:
            self._cache[key] = NoticeRenderer(self.version, locale, format,
                                              allow_fallback=self.allow_fallback)
        return self._cache[key]


def default_locale(profile: MerchantProfile) -> tuple[str, bool]:
    """The merchant's own locale if supported, else English; and whether it fell back."""
    if profile.default_locale in SUPPORTED:
        return profile.default_locale, False
    return "en", True


def render_all(profiles: str | Path | Iterable[Record], out_dir: str | Path, version: Version, *,
               locales: Iterable[str] | None = None, formats: Iterable[str] = ("html",),
               allow_fallback: bool = False, progress: bool | None = False,
               keep_going: bool = False, force: bool = False) -> BatchResult:
    """Render every profile's notice and replace ``out_dir`` with them, as one unit.

    ``locales`` (negotiated) renders each merchant in each of them; ``None`` in
    each merchant's default locale. ``progress`` shows a tqdm bar on stderr
    (``None``: only on a terminal). When a profile fails, the output is left as it
    was (every failure is still reported) unless ``keep_going``. ``out_dir`` is
    replaced only if this function wrote it, it is empty or missing, or ``force``
    (a directory, never anything else); else :class:`~generator.errors.OutputError`,
    as for every OS error on the output.
    """
    from tqdm import tqdm

    out_dir = Path(out_dir)
    target = DirectoryOutput(out_dir, "notices merchant render-all", force=force,
                             noun="a folder of notices this command wrote", verb="write")
    try:
        target.check()  # refuse before any work
    except OSError as e:
        raise OutputError(in_words(e)) from None
    name = str(profiles) if isinstance(profiles, (str, Path)) else "<profiles>"
    records = list(iter_profiles(profiles) if isinstance(profiles, (str, Path)) else profiles)
    wanted = [negotiate(t) for t in locales] if locales else None
    formats = tuple(formats)
    renderers = Renderers(version, allow_fallback)
    for locale in wanted or ():
        for fmt in formats:  # a locale that cannot render fails the whole batch, up front
            renderers(locale, fmt)
    result = BatchResult(profiles=len(records))
    fallbacks = 0
    bar = tqdm(records, desc="notices", unit="merchant", leave=False, dynamic_ncols=True,
               disable=(not progress) if progress is not None else None)
    try:
        with target as out:
            stage = out.work / "notices"
            stage.mkdir()
            for record in bar:
                if record.profile is None:
                    result.failures.extend(record.errors)
                    continue
                profile = record.profile
                if wanted is None:
                    locale, fell_back = default_locale(profile)
                    fallbacks += fell_back
                    targets = [locale]
                else:
                    targets = wanted
                try:  # every notice of the merchant, or none
                    notices = [(output_path(out_dir, profile.id, locale, fmt),
                                renderers(locale, fmt).render(profile).encode("utf-8"))
                               for locale in targets for fmt in formats]
                except (UsageError, ValueError) as e:
                    result.failures.append(SourceError(name, record.line, None, f"{profile.id}: cannot render: {e}"))
                    continue
                if result.failures and not keep_going:
                    continue  # nothing will be written: go on only to report every failure
                for path, data in notices:
                    _write(stage / path.name, data, path)
                    result.written.append(path)
            if result.failures and not keep_going:
                result.written = []  # the output stays as it was
            else:
                out.commit(stage)
                result.replaced = True
    except OSError as e:  # the lock, the staging folder, the swap: in words
        raise OutputError(in_words(e, out_dir)) from None
    finally:
        bar.close()
    if fallbacks:
        result.notes.append(f"{fallbacks} merchant(s) default to a locale not supported yet "
                            f"(supported: {', '.join(SUPPORTED)}); rendered in en")
    return result


def _write(staged: Path, data: bytes, shown: Path) -> None:
    """One notice into the staging folder; an error names the file the user asked for."""
    try:
        write_new(staged, data)
    except OSError as e:
        raise OutputError(in_words(e, shown)) from None
