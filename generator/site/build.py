"""Build the Rules Center: generate the pages, run mkdocs once per locale, swap in the result.

The build is

- **strict**: ``site/mkdocs.base.yml`` sets ``strict: true`` and ``validation: anchors:
  warn``, so a broken link or anchor fails it; every warning mkdocs logged is reported;
- **deterministic**: ``SOURCE_DATE_EPOCH`` (default: the current version's date) fixes
  every date mkdocs writes (sitemaps and their gzip headers); nothing else varies. mkdocs
  runs in a child process with that environment (:mod:`.mkdocs_runner`): this process's
  ``os.environ`` is never written;
- **atomic and safe** (:class:`generator.files.DirectoryOutput`): everything is built in
  a work folder beside the output (``.<name>.build-*``), swapped in only when every
  locale built, by one ``renameat2(RENAME_EXCHANGE)``: at no moment is the output
  missing, and a failure (or a SIGKILL) leaves the previous site. The output may be
  replaced only if a previous build made it (it holds ``.notices-build``), is empty, or
  does not exist; anything else is refused (exit 2) unless ``force`` (a directory only).
  A lock beside it (``.<name>.lock``) stops a second build into the same output; the
  next build removes what a killed one left beside it.

Output::

    <output>/index.html       picks the reader's locale
    <output>/versions.json    every version, for tools and `notices verify`
    <output>/notices/<policy>/current.json, since/<version>.json
                              the pop-up's files (see :mod:`generator.site.manifest`)
    <output>/assets/popup.js  the pop-up, for storefronts that embed it
    <output>/<locale>/...     one mkdocs site per locale
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import NoticesError, OutputError
from ..files import DirectoryOutput, in_words
from ..resources import site_project_dir
from ..source.select import load_published
from .history import History, build_history
from .l10n import LOCALE_NAMES, SITE_LOCALES, site_translator
from .manifest import site_files
from .parallel import default_jobs, fork_map
from .pages import interface_strings, locale_pages, nav, render_template

#: The mkdocs project: configuration, theme overrides, assets (never generated pages).
SITE_PROJECT = site_project_dir()
DEFAULT_OUTPUT = Path("build/site")


class SiteBuildError(NoticesError):
    """mkdocs refused the site (strict mode): every warning it logged, one per line."""

    def __init__(self, locale: str, messages: list[str], cause: str = ""):
        self.locale, self.messages = locale, messages
        lines = [f"site ({locale}): {m}" for m in messages] or [f"site ({locale}): {cause}"]
        if messages and cause:
            lines.append(f"site ({locale}): {cause}")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Project:
    """A generated mkdocs project: the pages and one config file per locale."""

    root: Path
    locales: tuple[str, ...]
    #: where the site is published (its root, above the locales); None: unknown
    site_url: str | None = None

    def config_file(self, locale: str) -> Path:
        return self.root / f"mkdocs.{locale}.yml"

    def site_dir(self, locale: str) -> Path:
        return self.root / "site" / locale

    @property
    def site(self) -> Path:
        return self.root / "site"


def source_date_epoch(history: History) -> str:
    """``SOURCE_DATE_EPOCH`` if set, else midnight UTC of the current version's date."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    day = history.current.updated_on
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))


def write_project(history: History, root: Path, locales: tuple[str, ...] = SITE_LOCALES,
                  site_project: Path = SITE_PROJECT, site_url: str | None = None) -> Project:
    """Generate every page and a config per locale under ``root`` (a plain mkdocs project).

    ``mkdocs build -f <root>/mkdocs.<locale>.yml`` builds it without this package (the
    benchmark does exactly that).
    """
    project = write_common(history, root, locales, site_project, site_url)
    for locale in locales:
        write_locale(history, project, locale, site_project)
    return project


def write_common(history: History, root: Path, locales: tuple[str, ...] = SITE_LOCALES,
                 site_project: Path = SITE_PROJECT, site_url: str | None = None) -> Project:
    """The files at the top of the site: versions.json and the pop-up's files, the locale
    chooser, the pop-up."""
    project = Project(root, locales, site_url)
    for file in site_files(history, locales, site_url):
        _write(project.site / file.path, file.text)
    _write(project.site / "index.html", render_template(
        "site/root.html.j2", lambda s: s, locales=[(loc, LOCALE_NAMES[loc]) for loc in locales]))
    (project.site / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copy2(site_project / "assets" / "popup.js", project.site / "assets" / "popup.js")
    return project


def write_locale(history: History, project: Project, locale: str,
                 site_project: Path = SITE_PROJECT) -> None:
    """The pages of one locale and its mkdocs config (INHERITing site/mkdocs.<locale>.yml)."""
    docs = project.root / "pages" / locale
    shutil.rmtree(docs, ignore_errors=True)  # our own work folder: a retry starts afresh
    for page in locale_pages(history, locale):
        _write(docs / page.path, page.text)
    shutil.copytree(site_project / "assets", docs / "assets")
    strings = interface_strings(site_translator(history.current, locale))
    config = {
        "INHERIT": str(site_project / f"mkdocs.{locale}.yml"),
        "docs_dir": str(docs),
        "site_dir": str(project.site_dir(locale)),
        "theme": {"custom_dir": str(site_project / "overrides")},
        "hooks": [str(site_project / "hooks" / "rules_center.py")],  # search by clause, zh-Hant words
        "nav": nav(history, strings),
        # the pop-up's storage key and the folder of its files (notices/<policy>/): this policy
        "extra": {"policy": history.policy.id},
    }
    if project.site_url:  # canonical links, sitemaps, and a 404 page that works at any depth
        config["site_url"] = project.site_url.rstrip("/") + f"/{locale}/"
    # JSON is YAML: no YAML writer needed, and the file is byte-stable
    _write(project.config_file(locale), json.dumps(config, ensure_ascii=False, indent=2) + "\n")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run_mkdocs(project: Project, locale: str, source_date_epoch: str, pass_fds: Sequence[int] = ()) -> None:
    """``mkdocs build`` of one locale, strict, in a child process with its own environment;
    raise SiteBuildError with every warning mkdocs logged. ``pass_fds``: the output's lock,
    held by the child too, so that a build killed while mkdocs still writes keeps its
    output locked until mkdocs ends."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-P", "-m", "generator.site.mkdocs_runner",
                           str(project.config_file(locale))], env=env, capture_output=True, text=True,
                          pass_fds=tuple(pass_fds))
    try:
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        last = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise SiteBuildError(locale, [], f"mkdocs failed: {last[0]}") from None
    if result["messages"] or result["cause"]:  # strict is on in the base config; keep it so
        raise SiteBuildError(locale, result["messages"], result["cause"])


def build_locales(history: History, project: Project, source_date_epoch: str, jobs: int = 1,
                  pass_fds: Sequence[int] = ()) -> None:
    """Generate and build every locale of ``project``, ``jobs`` at a time."""
    def build_one(locale: str) -> None:
        write_locale(history, project, locale)
        run_mkdocs(project, locale, source_date_epoch, pass_fds)

    # in parallel, longest first (Chinese search segmentation is the slow part) keeps
    # every core busy; one at a time, in the project's order (errors come in that order)
    order = project.locales if jobs <= 1 else sorted(project.locales, key=lambda loc: loc == "en")
    fork_map(build_one, order, jobs)


@dataclass(frozen=True)
class BuildResult:
    output: Path
    locales: tuple[str, ...]
    pages: int
    versions: int


def build_site(source_dir: str | Path, output: str | Path = DEFAULT_OUTPUT, *,
               locales: tuple[str, ...] = SITE_LOCALES, jobs: int | None = None,
               site_url: str | None = None, force: bool = False, as_of: dt.date | None = None,
               progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build the Rules Center from the source tree at ``source_dir`` into ``output``.

    ``jobs`` processes share the comparisons and the locales (default: the CPU count,
    at most 4); the output is the same whatever the number. ``site_url`` is where the
    site is published (e.g. ``https://rules.example.com/``): without it mkdocs writes no
    canonical URLs nor sitemap entries, and its 404 page works only at the server's root.
    ``output`` is replaced only if a previous build made it, it is empty or missing, or
    ``force`` (a directory, never anything else); else :class:`~generator.errors.OutputError`,
    as for every OS error writing it. ``as_of`` is the date the site is built for (default:
    :func:`generator.model.today`): the version in effect then is current, versions
    published but not yet in effect are announced as upcoming.
    """
    from ..model import today

    as_of = as_of or today()
    say = progress or (lambda msg: None)
    jobs = default_jobs() if jobs is None else jobs
    target = DirectoryOutput(output, "notices build", force=force)
    try:
        target.check()  # refuse before any work: what is there, or another build writing it
    except OSError as e:
        raise OutputError(in_words(e)) from None
    policy = load_published(source_dir)
    say(f"comparing {len(policy.versions)} published version(s)")
    # before taking the lock: forked workers inherit it, and a comparison worker whose
    # parent was killed blocks for ever handing back its (large) result
    history = build_history(policy, as_of=as_of, jobs=jobs)
    if not history.versions:
        raise NoticesError(f"{source_dir}: policy {policy.id} has no published version to publish")
    try:
        with target as out:  # the lock; the locale workers return nothing and end with mkdocs
            say(f"generating and building {len(locales)} locale(s): {', '.join(locales)}")
            project = write_common(history, out.work / "project", locales, site_url=site_url)
            build_locales(history, project, source_date_epoch(history), jobs, pass_fds=(out.lock_fd,))
            pages = sum(1 for _ in project.site.rglob("index.html"))
            out.commit(project.site)
    except OSError as e:  # refused, or writing the pages failed (a full disk...): in words
        raise OutputError(in_words(e, e.filename or target.output)) from None
    return BuildResult(target.output, locales, pages, len(history.versions))
