"""``notices decide``: record a person's decision on each change left at ``review``."""
from __future__ import annotations

import os
import sys

import click

from .common import DATE, policy_option, source_option, today

LEVEL_CHOICE = click.Choice(["none", "editorial", "material", "consent"])


@click.command("decide")
@click.argument("version")
@source_option
@policy_option
@click.option("--clause", "clauses", multiple=True, metavar="ID",
              help="Decide this clause (repeat for several; all get the same decision).")
@click.option("--level", type=LEVEL_CHOICE, help="The decided level.")
@click.option("--rationale", help="Why (kept with the version).")
@click.option("--by", "decided_by", help="Who decides (default: git's user.name, else $USER).")
@click.option("--on", "decided_on", type=DATE, help="Date of the decision (default: today).")
@click.option("--ask/--no-ask", default=None,
              help="Ask finding by finding (default: when standard input is a terminal).")
@click.pass_context
def command(ctx, version, source_dir, policy, clauses, level, rationale, decided_by, decided_on, ask):
    """List the findings of diff(previous published, VERSION) that await a decision, and
    record decisions in VERSION's version.yaml.

    On a terminal without --clause it asks, finding by finding. With --clause, --level
    and --rationale it records without asking (for scripts). Without either it lists what
    is pending and exits with status 1 if anything is (0 when all is decided).
    """
    from ..workflow import DecisionInput, pending_decisions, record_decisions
    from .diff import located_decision_errors

    with located_decision_errors(source_dir, version, policy):
        pending = pending_decisions(source_dir, version, policy)
        _show(pending)
        who = decided_by or _user()
        when = decided_on or today()
        if clauses:
            if not level or not rationale:
                raise click.UsageError("--clause needs --level and --rationale")
            todo = [DecisionInput(c, level, rationale, who, when) for c in clauses]
        elif (sys.stdin.isatty() if ask is None else ask) and (pending.clauses or pending.stale):
            todo = _ask(pending, who, when)
        else:
            ctx.exit(1 if pending.clauses or pending.stale else 0)
        if not todo:
            ctx.exit(1)
        after = record_decisions(source_dir, version, todo, policy)
    for d in todo:
        click.echo(f"recorded: {d.clause} → {d.level} ({d.decided_by}, {d.decided_on})")
    left = len(after.clauses) + len(after.stale)
    click.echo("every review finding is decided" if not left else f"{left} still await a decision")


def _show(pending) -> None:
    from ..report.words import finding_text

    if not pending.clauses and not pending.stale:
        click.echo(f"{pending.inputs.old_label} → {pending.inputs.new_label}: nothing awaits a decision "
                   f"(level {pending.report.level})")
    else:
        click.echo(f"{pending.inputs.old_label} → {pending.inputs.new_label}: awaiting a decision")
        for f in pending.undecided:
            click.echo(f"  {f.clause}: {finding_text(f)}  [{f.rule}; {f.citation}]")
        for i, d in pending.stale:
            click.echo(f"  {d.clause}: decisions[{i}] is stale (the clause changed after {d.decided_on}; "
                       f"it was {d.level}: {d.rationale})")
    if pending.readings:
        click.echo("read from the words, where the facts are silent (the level stands; a decision may set another):")
        for f in pending.readings:
            click.echo(f"  {f.clause}: {f.level}: {finding_text(f)}  [{f.rule}; {f.citation}]")


def _ask(pending, who: str, when) -> list:
    from ..workflow import DecisionInput

    todo = []
    for clause in pending.decidable_clauses:
        click.echo(f"\n{clause}")
        chosen = click.prompt("  level (none, editorial, material, consent; empty: skip)",
                              type=click.Choice(["", *LEVEL_CHOICE.choices]), default="",
                              show_choices=False, show_default=False)
        if not chosen:
            continue
        why = click.prompt("  rationale")
        todo.append(DecisionInput(clause, chosen, why, click.prompt("  decided by", default=who), when))
    return todo


def _user() -> str:
    import subprocess

    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                              timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    return name or os.environ.get("USER", "") or "unknown"
