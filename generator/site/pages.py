"""The Rules Center's Markdown pages for one locale, generated from the source.

Per locale (the same tree in each, so the locale switcher maps a page to its
twin by swapping the first path segment)::

    index.md                         the current statement
    versions/<version>/index.md      every published version (old ones bannered)
    history/index.md                 the change history, the list of versions, receipts
    changes/<old>-to-<new>/index.md  redlines: every step, and every version -> current

The statement body is an HTML fragment (``templates/site/statement.html.j2``) in which
every section and clause carries its permanent id, so ``#<clause id>`` is a permalink
target in every version and locale. Links between pages are Markdown links, so mkdocs'
strict mode checks them and their anchors.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..resources import templates_dir
from .l10n import Localizer, localizer

if TYPE_CHECKING:
    from .history import Comparison, History
    from ..model import Version



@lru_cache(maxsize=1)
def _environment():
    import jinja2
    import markupsafe

    from ..rendering.markup import escape_markdown, statement_html

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_null_translations(newstyle=True)
    env.filters["md_escape"] = escape_markdown
    # the same clause text recurs in every version and locale: convert each once
    env.filters["inline_html"] = lru_cache(maxsize=8192)(lambda t: markupsafe.Markup(statement_html(t)))
    return env


def render_template(name: str, gettext, locale: str = "en", **context: Any) -> str:
    """Render one of ``templates/site/`` with ``gettext`` for its interface strings.

    The gettext callables go in the render context (not the environment's globals), so
    one environment, and one compilation of each template, serves every locale.
    """
    template = _environment().get_template(name)
    from ..rendering.statement import gettext_context

    return template.render(locale=locale, **gettext_context(gettext), **context)


@dataclass(frozen=True)
class Page:
    """A generated page: its path under the locale's docs dir, and its Markdown."""

    path: str
    text: str


def version_path(version: "Version") -> str:
    return f"versions/{version.version}/index.md"


def redline_path(cmp: "Comparison") -> str:
    return f"changes/{cmp.slug}/index.md"


def _root(path: str) -> str:
    return "../" * path.count("/")


def statement_body(version: "Version", loc: Localizer) -> str:
    """The statement of ``version`` as an HTML fragment with a permalink on every clause."""
    from ..rendering.layout import layout

    tokens = layout(version, loc.locale, loc.translate, loc.gettext)
    return render_template("site/statement.html.j2", loc.gettext, loc.locale, tokens=tokens, lang=loc.locale)


def statement_page(version: "Version", history: "History", loc: Localizer, path: str,
                   body: str | None = None) -> Page:
    from ..rendering.statement import format_date

    is_current = version.version == history.current.version
    title = loc.translate("title", version.statement.title)[0]
    text = render_template(
        "site/statement.md.j2", loc.gettext, loc.locale,
        title=title, version=version, is_current=is_current, root=_root(path),
        page_kind="statement" if path == "index.md" else "version",
        illustrative=version.illustrative, complete=loc.complete,
        updated_on=format_date(version.updated_on, loc.locale),
        body=body if body is not None else statement_body(version, loc))
    return Page(path, text)


def history_page(history: "History", loc: Localizer) -> Page:
    from ..rendering.statement import format_date

    path = "history/index.md"
    steps = {c.new.version: c for c in history.steps()}
    rows = []
    for v in history.versions:
        step = steps.get(v.version)
        rows.append({
            "version": v, "date": format_date(v.updated_on, loc.locale), "step": step,
            "summary": step.headlines.get(loc.locale, step.summary) if step else "",
            "version_link": "../" + version_path(v),
            "redline_link": "../" + redline_path(step) if step else "",
        })
    return Page(path, render_template("site/history.md.j2", loc.gettext, loc.locale, rows=rows))


def redline_page(cmp: "Comparison", loc: Localizer) -> Page:
    path = redline_path(cmp)
    return Page(path, render_template(
        "site/redline.md.j2", loc.gettext, loc.locale, cmp=cmp, root=_root(path), summary=loc.gettext(cmp.summary),
        findings=[_LocalFinding(f, f.texts.get(loc.locale, f.text)) for f in cmp.popup_findings],
        redline=cmp.redline_html))


@dataclass(frozen=True)
class _LocalFinding:
    finding: Any
    text: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.finding, name)


def interface_strings(loc: Localizer) -> dict[str, str]:
    """The strings of the navigation and the pop-up (``templates/site/strings.json.j2``)."""
    import json

    return json.loads(render_template("site/strings.json.j2", loc.gettext, loc.locale))


def nav(history: "History", strings: dict[str, str]) -> list:
    """The navigation: the statement, the history, and every version (newest first)."""
    versions = [{v.version: version_path(v)} for v in reversed(history.versions)]
    return [{strings["nav.statement"]: "index.md"}, {strings["nav.history"]: "history/index.md"},
            {strings["nav.versions"]: versions}]


def locale_pages(history: "History", locale: str) -> list[Page]:
    """Every page of the site in ``locale``."""
    pages: list[Page] = []
    current_loc = localizer(history.current, locale)
    current_body = statement_body(history.current, current_loc)
    pages.append(statement_page(history.current, history, current_loc, "index.md", current_body))
    for v in history.versions:
        if v is history.current:
            pages.append(statement_page(v, history, current_loc, version_path(v), current_body))
        else:
            pages.append(statement_page(v, history, localizer(v, locale), version_path(v)))
    pages.append(history_page(history, current_loc))
    for cmp in history.redlines():
        pages.append(redline_page(cmp, current_loc))
    return pages
