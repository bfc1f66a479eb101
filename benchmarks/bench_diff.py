"""Benchmark: end-to-end `notices diff` of two full versions, and the share spent in deepdiff.

Target (issue 3): <= 0.5 s end to end on the project machine. Not a test: run it by hand::

    python benchmarks/bench_diff.py            # 15 runs of each case, prints a table
    python benchmarks/bench_diff.py --runs 30 --json

End to end means a fresh ``python -m generator.cli diff ...`` process, as CI runs it
(interpreter start, imports, loading both versions, comparing, classifying, rendering
JSON). The versions are read through the validated-source cache
(``generator/source/cache.py``), as a user's second run reads them: the benchmark gives it
a cache of its own, filled by one run first; ``--no-cache`` measures every run without it
(a first run, or a changed file). The deepdiff share comes from cProfile in a fresh
process: every function defined in the deepdiff package, including its import, against
the whole command.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    # (name, argv after `notices`)
    ("first→last of the illustrative series", ["diff", "--source", "examples", "2023-08-25", "2025-03-03"]),
    ("one consent step", ["diff", "--source", "examples", "2024-06-03", "2024-07-15"]),
    ("real source, version against itself", ["diff", "--source", "notices"]),
]

PROFILE = r"""
import cProfile, pstats, sys, time
argv = sys.argv[1:]
profiler = cProfile.Profile()
start = time.perf_counter()
profiler.enable()
from generator.cli import main
code = main(argv)
profiler.disable()
total = time.perf_counter() - start
stats = pstats.Stats(profiler).stats
def cumulative(path_end, name):
    return sum(ct for (path, _, fn), (_, _, _, ct, _) in stats.items() if path.endswith(path_end) and fn == name)
imported = cumulative("deepdiff/__init__.py", "<module>")  # its import, numpy included if present
calls = cumulative("deepdiff/diff.py", "__init__")
print(total, imported, calls, code)
"""


def end_to_end(argv: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user+sys) seconds of each fresh process; CPU shrugs off a busy machine."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "generator.cli", *argv, "--format", "json", "-o", os.devnull]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)  # fills the cache
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def deepdiff_share(argv: list[str], runs: int) -> dict[str, float]:
    """Median share of a profiled run spent importing deepdiff and in DeepDiff(...) calls."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROFILE, *argv, "--format", "json", "-o", os.devnull],
                             cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout.split()
        rows.append([float(x) for x in out[:3]])
    total, imported, calls = (statistics.median(col) for col in zip(*rows))
    return {"profiled_total_s": total, "deepdiff_import_s": imported, "deepdiff_calls_s": calls,
            "deepdiff_share": (imported + calls) / total if total else 0.0,
            "deepdiff_calls_share": calls / total if total else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--no-cache", action="store_true", help="validate the versions on every run")
    args = parser.parse_args()
    cache_dir = tempfile.mkdtemp(prefix="bench-diff-cache-")
    os.environ["NOTICES_CACHE_DIR"] = "" if args.no_cache else cache_dir
    try:
        return report(args)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)


def report(args: argparse.Namespace) -> int:
    results = []
    for name, argv in CASES:
        wall, cpu = end_to_end(argv, args.runs)
        share = deepdiff_share(argv, max(3, args.runs // 3))
        results.append({"case": name, "argv": ["notices", *argv], "runs": args.runs,
                        "min_s": min(wall), "median_s": statistics.median(wall), "max_s": max(wall),
                        "cpu_median_s": statistics.median(cpu), **share})
    load = os.getloadavg()[0]
    if args.json:
        print(json.dumps({"load_average_1min": load, "cpus": os.cpu_count(), "cache": not args.no_cache,
                          "results": results}, indent=2))
        return 0
    print(f"{'case':<40} {'min':>6} {'median':>6} {'max':>6} {'cpu':>6}   deepdiff: import+calls (calls)")
    for r in results:
        print(f"{r['case']:<40} {r['min_s']:6.3f} {r['median_s']:6.3f} {r['max_s']:6.3f} {r['cpu_median_s']:6.3f}   "
              f"{r['deepdiff_share']:5.1%} ({r['deepdiff_calls_share']:.1%}) of a profiled run: "
              f"import {r['deepdiff_import_s']:.3f} s, calls {r['deepdiff_calls_s']:.3f} s")
    worst = max(r["median_s"] for r in results)
    print(f"\nload average {load:.2f} on {os.cpu_count()} CPUs (times are wall-clock seconds of a fresh process, "
          f"{'no cache' if args.no_cache else 'versions read from the cache'})")
    print(f"target <= 0.5 s end to end: {'met' if worst <= 0.5 else 'NOT met'} (worst median {worst:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
