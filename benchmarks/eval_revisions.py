"""How far the Section VIII classifier agrees with the evaluation set of revisions.

Runs every case of ``tests/fixtures/revisions/cases/`` (illustrative revisions of the real
statement, each with the level a legal reading gives it) and prints the disagreements and the
agreement figure as Markdown, for the docs. Not a test: ``tests/test_revisions.py`` asserts.

    python benchmarks/eval_revisions.py            # disagreements and the figure
    python benchmarks/eval_revisions.py --all      # every case
    python benchmarks/eval_revisions.py --set holdout-2   # a held-out set (written blind):
                                                          # holdout, holdout-2, ...
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_revisions import CASES, LEVELS, REVISIONS, Row, evaluate, table  # noqa: E402


def main(argv: list[str]) -> int:
    folder = REVISIONS / argv[argv.index("--set") + 1] if "--set" in argv else CASES
    if not folder.is_dir():
        print(f"{folder}: no such set", file=sys.stderr)
        return 2
    start = time.perf_counter()
    agreed, total, rows = evaluate(folder)
    seconds = time.perf_counter() - start
    if "--all" in argv:
        print("| case | expected | got | rules |\n|---|---|---|---|")
        for r in rows:
            mark = "" if r.agreed else " **≠**"
            print(f"| {r.case} | {r.expected} | {r.got}{mark} | {', '.join(r.rules) or '-'} |")
        print()
    print(table(agreed, total, rows))
    by_level: dict[str, list[Row]] = {}
    for r in rows:
        by_level.setdefault(r.expected, []).append(r)
    print("\nBy expected level: " + "; ".join(
        f"{level} {sum(r.agreed for r in by_level[level])}/{len(by_level[level])}"
        for level in LEVELS if level in by_level))
    print(f"({total} cases in {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
