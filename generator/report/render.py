"""A classified diff for people: terminal text, a pull-request comment, a redline page.

* ``text``: findings, then each changed clause with an inline redline, ``[-old-]{+new+}``
  (coloured when ``color`` is true, as on a terminal);
* ``markdown``: short enough for a PR comment — a table of levels first, the findings,
  then the redlines folded in ``<details>``;
* ``json``: :meth:`Report.to_json` (schema ``generator/schemas/diff.schema.json``);
* ``html``: a standalone redline page with ``<ins>``/``<del>``;
  :func:`render_redline_fragment` is its body alone, for the Rules Center to embed.

All prose is escaped for the format it lands in.
"""
from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..classify.levels import LEVELS
from ..errors import UsageError

if TYPE_CHECKING:
    from ..classify import Finding, Report
    from ..diff.clauses import ClauseChange, FieldChange
    from ..diff.text import Segment

FORMATS = ("text", "markdown", "json", "html")
#: Markdown output stays under GitHub's comment limit (65,536 characters).
MARKDOWN_MAX_REDLINES = 40
_RED, _GREEN, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"


def render_report(report: "Report", format: str = "text", color: bool = False) -> str:
    """``report`` in one of :data:`FORMATS`; UsageError for another."""
    if format == "text":
        return render_text(report, color)
    if format == "markdown":
        return render_markdown(report)
    if format == "json":
        return json.dumps(report.to_json(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if format == "html":
        return render_html(report)
    raise UsageError(f"unknown format {format!r} (known: {', '.join(FORMATS)})")


def _visible(report: "Report") -> list["ClauseChange"]:
    """Changes worth a redline: everything but pure renumbering."""
    return [c for c in report.diff.changes if c.kinds != ("renumbered",)]


# --------------------------------------------------------------------------- text
def render_text(report: "Report", color: bool = False) -> str:
    diff = report.diff
    bold = (lambda s: f"{_BOLD}{s}{_RESET}") if color else (lambda s: s)
    lines = [bold(f"{diff.new.policy}: {diff.old_label} → {diff.new_label}"),
             f"level: {report.level} — {report.notification_label}", report.summary]
    findings = [f for f in report.findings if f.level != "none"]
    if findings:
        lines += ["", bold("Findings")]
        for f in findings:
            lines.append(f"  {f.level:<9} {f.clause or '(version)'}  [{f.rule}; {f.citation}]")
            lines.append(f"            {f.text}")
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
                lines.append(f"    fact: {fc.text}")
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


def render_markdown(report: "Report") -> str:
    diff = report.diff
    out = [f"### `notices diff` {diff.new.policy}: {diff.old_label} → {diff.new_label}", "",
           f"**{report.level}** — {_md(report.notification_label)}", "",
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
            out.append(f"| {f.level} | `{f.clause or '-'}` | {_md(f.text)}{decided} | `{f.rule}` | {_md(f.citation)} |")
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


def _finding_html(f: "Finding") -> str:
    e = html.escape
    decided = ""
    if f.decision is not None:
        d = f.decision
        decided = (f'<div class="decision">Decided <strong>{e(d.level)}</strong> by {e(d.decided_by)} on '
                   f'{d.decided_on.isoformat()} (rule said {e(f.rule_level)}): {e(d.rationale)}</div>')
    return (f'<tr class="level-{f.level}"><td>{f.level}</td><td><code>{e(f.clause or "-")}</code></td>'
            f'<td>{e(f.text)}{decided}</td><td><code>{e(f.rule)}</code></td><td>{e(f.citation)}</td></tr>')


def _field_html(fld: "FieldChange") -> str:
    return f'<p class="redline"><span class="field">{html.escape(fld.name)}</span> {_html_redline(fld.segments)}</p>'


def render_redline_fragment(report: "Report") -> str:
    """The redline as an HTML fragment (a ``<section>``), safe to embed in another page."""
    diff, e = report.diff, html.escape
    out = [f'<section class="notices-redline" data-level="{report.level}" '
           f'data-old="{e(diff.old_label)}" data-new="{e(diff.new_label)}">',
           f'<p class="summary"><strong class="level level-{report.level}">{report.level}</strong> '
           f'{e(report.summary)}</p>']
    findings = [f for f in report.findings if f.level != "none"]
    if findings:
        out.append('<table class="findings"><thead><tr><th>level</th><th>clause</th><th>change</th>'
                   '<th>rule</th><th>citation</th></tr></thead><tbody>')
        out += [_finding_html(f) for f in findings]
        out.append("</tbody></table>")
    for c in _visible(report):
        out.append(f'<article class="change level-{report.clause_level(c.id)}" id="change-{e(c.id)}">')
        out.append(f'<h3><code>{e(c.id)}</code> <small>{e("/".join(c.kinds))}</small> {e(c.label)}</h3>')
        out += [_field_html(fld) for fld in c.fields]
        if c.facts:
            out.append("<ul class=\"facts\">" + "".join(f"<li>{e(fc.text)}</li>" for fc in c.facts) + "</ul>")
        out.append("</article>")
    out.append("</section>")
    return "\n".join(out) + "\n"


_STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
ins{background:#d4f7d4;text-decoration:none}del{background:#fbd3d3}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
.level-consent{color:#8b0000}.level-material{color:#a04000}.level-review{color:#6a4c00}
.field{font-weight:bold;margin-right:.5rem}.decision{font-size:.9em;color:#333}"""


def render_html(report: "Report") -> str:
    """A standalone HTML page around :func:`render_redline_fragment`."""
    diff, e = report.diff, html.escape
    title = f"{diff.new.policy}: {diff.old_label} → {diff.new_label}"
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{e(title)}</h1>\n{render_redline_fragment(report)}</body>\n</html>\n")
