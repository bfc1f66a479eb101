"""Benchmark: `notices lint` on the real statement, end to end, and what it is made of.

Target (issue 14): under 0.5 s end to end on the project machine (a shared 2-core VM:
expect +-20 % between runs). Not a test: run it by hand::

    python benchmarks/bench_lint.py            # 11 runs of each command, medians
    python benchmarks/bench_lint.py --runs 21

End to end means a fresh ``python -m generator.cli lint ...`` process (interpreter start,
imports, loading the source, the checks, the report). A command reads the source through
the validated-source cache (``generator/source/cache.py``), as a user's second run does; the
benchmark gives it a cache of its own, filled by one run first. The line marked
"no cache" is every run's cost without it (``NOTICES_CACHE_DIR=``): a first run, or a
changed file. Beside them: the interpreter floor (``python -c pass``), the import cost of
the modules the command needs (a fresh process importing them), and the checks alone, in
process.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    ("notices lint (text, all laws)", ["-m", "generator.cli", "lint"]),
    ("notices lint, no cache", ["-m", "generator.cli", "lint"]),
    ("notices lint --format json", ["-m", "generator.cli", "lint", "--format", "json"]),
    ("notices lint --locale zh-Hans", ["-m", "generator.cli", "lint", "--locale", "zh-Hans"]),
    ("interpreter floor (python -c pass)", ["-c", "pass"]),
    ("imports of the command", ["-c", "import generator.cli, generator.commands.lint, generator.lint, "
                                      "generator.lint.requirements, generator.report.lint, generator.source.loader"]),
]


def wall(argv: list[str], runs: int, cache_dir: str) -> list[float]:
    env = {**os.environ, "NOTICES_CACHE_DIR": cache_dir}
    subprocess.run([sys.executable, *argv], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *argv], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return times


def in_process(runs: int) -> tuple[float, float]:
    """Median seconds of loading the source, and of the checks alone."""
    sys.path.insert(0, str(ROOT))
    from generator.lint import book_of, lint
    from generator.source.loader import load_source

    loads, checks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        version = load_source(ROOT / "notices").version()
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        lint(book_of(version.version, [s for s in _stated(version)]))
        checks.append(time.perf_counter() - start)
    return statistics.median(loads), statistics.median(checks)


def _stated(version):
    from generator.lint import Stated

    for node in version.nodes():
        for fact in node.facts:
            yield Stated(node.id, fact, node.path, node.kind == "definition")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    print(f"{args.runs} runs each, medians (min-max)")
    cache_dir = tempfile.mkdtemp(prefix="bench-lint-cache-")
    for name, argv in COMMANDS:
        t = wall(argv, args.runs, "" if "no cache" in name else cache_dir)
        print(f"  {name:<38} {statistics.median(t):.3f} s  ({min(t):.3f}-{max(t):.3f})")
    shutil.rmtree(cache_dir, ignore_errors=True)
    os.environ["NOTICES_CACHE_DIR"] = ""  # in process, the source is validated every time
    load, check = in_process(args.runs)
    print(f"  {'in process: load and validate the source':<38} {load:.3f} s")
    print(f"  {'in process: the 21 checks':<38} {check * 1000:.1f} ms")


if __name__ == "__main__":
    main()
