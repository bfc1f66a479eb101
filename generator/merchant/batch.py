"""Render every merchant of a JSON Lines file: one file per merchant, locale and format.

Each (locale, format) gets one :class:`~.engine.NoticeRenderer`, so the template
and markdown-it run once per batch, not once per merchant. Files are written
atomically (a temporary file in the same folder, then a rename): a crash leaves
each notice either as it was or complete, never half-written. A bad profile
does not stop the batch; it is reported with its line number. Output is
deterministic: the same profiles and version give byte-identical files.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SourceError, UsageError
from ..files import atomic_write
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
    written: list[Path] = field(default_factory=list)
    failures: list[SourceError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

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
               allow_fallback: bool = False, progress: bool | None = False) -> BatchResult:
    """Render every profile's notice into ``out_dir``.

    ``locales`` (negotiated) renders each merchant in each of them; ``None`` in
    each merchant's default locale. ``progress`` shows a tqdm bar on stderr
    (``None``: only on a terminal).
    """
    from tqdm import tqdm

    out_dir = Path(out_dir)
    name = str(profiles) if isinstance(profiles, (str, Path)) else "<profiles>"
    records = list(iter_profiles(profiles) if isinstance(profiles, (str, Path)) else profiles)
    wanted = [negotiate(t) for t in locales] if locales else None
    formats = tuple(formats)
    renderers = Renderers(version, allow_fallback)
    for locale in wanted or ():
        for fmt in formats:  # a locale that cannot render fails the whole batch, up front
            renderers(locale, fmt)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult(profiles=len(records))
    fallbacks = 0
    bar = tqdm(records, desc="notices", unit="merchant", disable=(not progress) if progress is not None else None,
               leave=False, dynamic_ncols=True)
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
        try:
            for locale in targets:
                for fmt in formats:
                    path = output_path(out_dir, profile.id, locale, fmt)
                    atomic_write(path, renderers(locale, fmt).render(profile).encode("utf-8"))
                    result.written.append(path)
        except (UsageError, ValueError, OSError) as e:
            result.failures.append(SourceError(name, record.line, None, f"{profile.id}: cannot render: {e}"))
    bar.close()
    if fallbacks:
        result.notes.append(f"{fallbacks} merchant(s) default to a locale not supported yet "
                            f"(supported: {', '.join(SUPPORTED)}); rendered in en")
    return result
