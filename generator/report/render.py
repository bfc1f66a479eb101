"""A classified diff for people: terminal text, a pull-request comment, a redline page.

* ``text``: findings, then each changed clause with an inline redline, ``[-old-]{+new+}``
  (coloured when ``color`` is true, as on a terminal);
* ``markdown``: short enough for a PR comment — a table of levels first, the findings,
  then the redlines folded in ``<details>``;
* ``json``: :func:`generator.report.report_to_json` (schema ``generator/schemas/diff.schema.json``);
* ``html``: a standalone redline page with ``<ins>``/``<del>`` (``templates/report/``);
  :func:`render_redline_fragment` is its body alone, for the Rules Center to embed.

Findings are put into words by :class:`~.words.Words` (English unless told otherwise).
All prose is escaped for the format it lands in.
"""
from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..classify.levels import LEVELS
from ..errors import UsageError
from .words import ENGLISH, Words

if TYPE_CHECKING:
    from ..classify import Report
    from ..diff.clauses import ClauseChange
    from ..diff.text import Segment

FORMATS = ("text", "markdown", "json", "html")
#: Markdown output stays under GitHub's comment limit (65,536 characters).
MARKDOWN_MAX_REDLINES = 40
_RED, _GREEN, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


def render_report(report: "Report", format: str = "text", color: bool = False,
                  words: Words = ENGLISH) -> str:
    """``report`` in one of :data:`FORMATS`; UsageError for another."""
    if format == "text":
        return render_text(report, color, words)
    if format == "markdown":
        return render_markdown(report, words)
    if format == "json":
        from .jsonreport import report_to_json

        return json.dumps(report_to_json(report, words), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if format == "html":
        return render_html(report, words)
    raise UsageError(f"unknown format {format!r} (known: {', '.join(FORMATS)})")


def _visible(report: "Report") -> list["ClauseChange"]:
    """Changes worth a redline: everything but pure renumbering."""
    return [c for c in report.diff.changes if c.kinds != ("renumbered",)]


# --------------------------------------------------------------------------- text
def render_text(report: "Report", color: bool = False, words: Words = ENGLISH) -> str:
    diff = report.diff
    bold = (lambda s: f"{_BOLD}{s}{_RESET}") if color else (lambda s: s)
    lines = [bold(f"{diff.new.policy}: {diff.old_label} → {diff.new_label}"),
             f"level: {report.level} — {words.gettext(report.notification_label)}", words.summary(report)]
    findings = [f for f in report.findings if f.level != "none"]
    if findings:
        lines += ["", bold("Findings")]
        for f in findings:
            lines.append(f"  {f.level:<9} {f.clause or '(version)'}  [{f.rule}; {f.citation}]")
            lines.append(f"            {words.finding(f)}")
            if f.decision is not None:
                d = f.decision
                lines.append(f"            decided {d.level} by {d.decided_by} on {d.decided_on.isoformat()}"
                             f" (was {f.rule_level}): {d.rationale}")
    renumbered = len(report.diff.changes) - len(_visible(report))
    if renumbered:
        lines.append(f"  ({renumbered} clause(s) only renumbered)")
    changes = _visible(report)
    if changes:
        lines += ["", bold("Changes")]
        for c in changes:
            lines.append(f"  {'/'.join(c.kinds)} {c.id} ({c.label})")
            for fld in c.fields:
                lines.append(f"    {fld.name}: {_text_redline(fld.segments, color)}")
            for fc in c.facts:
                lines.append(f"    fact: {words.fact_change(fc)}")
    return "\n".join(lines) + "\n"


def _elide(text: str, keep: int = 40) -> str:
    """Long unchanged runs shortened to their ends: the redline shows what changed."""
    return text if len(text) <= 2 * keep + 5 else f"{text[:keep]} … {text[-keep:]}"


def _text_redline(segments: Sequence["Segment"], color: bool) -> str:
    out = []
    for s in segments:
        if s.op == "equal":
            out.append(_elide(s.text))
        elif s.op == "delete":
            out.append(f"{_RED}[-{s.text}-]{_RESET}" if color else f"[-{s.text}-]")
        else:
            out.append(f"{_GREEN}{{+{s.text}+}}{_RESET}" if color else f"{{+{s.text}+}}")
    return "".join(out)


# --------------------------------------------------------------------------- markdown
def _md(text: str) -> str:
    """Escape prose for a Markdown table cell or paragraph (HTML too: GitHub renders it)."""
    text = html.escape(text, quote=False)
    for ch in "\\`*_[]|":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")


def render_markdown(report: "Report", words: Words = ENGLISH) -> str:
    diff = report.diff
    out = [f"### `notices diff` {diff.new.policy}: {diff.old_label} → {diff.new_label}", "",
           f"**{report.level}** — {_md(words.gettext(report.notification_label))}", "",
           "| level | findings |", "|---|---|"]
    for lv in reversed(LEVELS):
        n = sum(1 for f in report.findings if f.level == lv)
        if n:
            out.append(f"| {lv} | {n} |")
    if not report.findings:
        out.append("| none | 0 |")
    findings = [f for f in report.findings if f.level != "none"]
    if findings:
        out += ["", "| level | clause | change | rule | citation |", "|---|---|---|---|---|"]
        for f in findings:
            decided = f" (decided by {_md(f.decision.decided_by)}: {_md(f.decision.rationale)})" if f.decision else ""
            out.append(f"| {f.level} | `{f.clause or '-'}` | {_md(words.finding(f))}{decided} | `{f.rule}` | {_md(f.citation)} |")
    renumbered = len(diff.changes) - len(_visible(report))
    if renumbered:
        out += ["", f"{renumbered} clause(s) only renumbered."]
    changes = [c for c in _visible(report) if c.fields]
    if changes:
        out += ["", "<details><summary>Redlines</summary>", ""]
        for c in changes[:MARKDOWN_MAX_REDLINES]:
            out.append(f"**`{c.id}`** ({'/'.join(c.kinds)}, {report.clause_level(c.id)})")
            out.append("")
            for fld in c.fields:
                out.append(f"> {fld.name}: {_html_redline(fld.segments, _md, elide=True)}")
                out.append("")
        if len(changes) > MARKDOWN_MAX_REDLINES:
            out += [f"… and {len(changes) - MARKDOWN_MAX_REDLINES} more (see `notices diff --format html`).", ""]
        out.append("</details>")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- html
def _html_redline(segments: Sequence["Segment"], escape=lambda t: html.escape(t, quote=False),
                  elide: bool = False) -> str:
    tags = {"equal": "{}", "insert": "<ins>{}</ins>", "delete": "<del>{}</del>"}
    return "".join(tags[s.op].format(escape(_elide(s.text) if elide and s.op == "equal" else s.text))
                   for s in segments)


def render_redline_fragment(report: "Report", words: Words = ENGLISH) -> str:
    """The redline as an HTML fragment (a ``<section>``), safe to embed in another page.

    A reader's redline: the level and notification in words, the count of the rows shown,
    then one row per finding (the clause by its number and heading, linked to its
    permalink where ``words.clause_href`` says where it is; the change, before → after;
    why, with the rule's citation as a footnote), then each changed clause's wording.
    No rule code nor clause id is shown: they are in ``data-`` attributes for tools."""
    from ..rendering.environment import render_template

    diff = report.diff
    if words.clause_names is None:  # (the command line's words) name clauses in their locale all the same
        words = Words(words.locale, words.gettext, words._label, clause_names=_clause_names(words.locale),
                      clause_href=words.clause_href)
    words = words.bound(diff.old, diff.new)
    findings = [f for f in report.findings if f.level != "none"]
    changes = _visible(report)
    citations = list(dict.fromkeys(words.citation(f) for f in findings))

    def href(clause: str | None) -> str:
        if not clause or words.clause_href is None:
            return ""
        in_new = clause in diff.new.clause_map()
        return words.clause_href(diff.new if in_new else diff.old, clause)

    def source(text: str):
        """English source text quoted in another locale's sentence, marked as English."""
        from markupsafe import Markup

        return Markup('<span lang="en">{}</span>').format(text)

    return render_template("report/redline.html.j2", words.gettext, autoescape=True, report=report,
                           diff=diff, words=words, findings=findings, changes=changes,
                           with_redline={c.id for c in changes}, citations=citations, href=href,
                           source=source if words.locale != "en" else None)


def _clause_names(locale: str):
    """A version's clauses named in ``locale`` (:func:`.clauses.clause_names`)."""
    from ..i18n import translator
    from .clauses import clause_names

    return lambda version: clause_names(version, translator(version, locale, allow_fallback=True))


def render_html(report: "Report", words: Words = ENGLISH) -> str:
    """A standalone HTML page around :func:`render_redline_fragment`."""
    from markupsafe import Markup

    from ..rendering.environment import render_template

    diff = report.diff
    return render_template("report/page.html.j2", words.gettext, autoescape=True, lang=words.locale,
                           title=f"{diff.new.policy}: {diff.old_label} → {diff.new_label}",
                           fragment=Markup(render_redline_fragment(report, words)))
