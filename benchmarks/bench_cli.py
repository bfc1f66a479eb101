"""Benchmark: `notices --help` start-up and rendering the whole statement.

    python benchmarks/bench_cli.py [--runs 15]

Reports medians. Targets (issue 2): `notices --help` <= 0.15 s. Not a test:
timings depend on the machine; run it by hand and quote the figures.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    # the script installed beside this interpreter (a PATH lookup may find a shim of another one)
    beside = Path(sys.executable).with_name("notices")
    exe = str(beside) if beside.is_file() else shutil.which("notices")
    cli = [exe] if exe else [sys.executable, "-m", "generator.cli"]
    print(f"notices --help (subprocess, median of {a.runs}): {wall(cli + ['--help'], a.runs) * 1000:.0f} ms")
    print(f"python -c pass (interpreter floor):            "
          f"{wall([sys.executable, '-c', 'pass'], a.runs) * 1000:.0f} ms")
    for fmt in ("md", "html", "text"):
        t = wall(cli + ["render", "--format", fmt], max(3, a.runs // 3))
        print(f"notices render --format {fmt:<4} (subprocess):     {t * 1000:.0f} ms")

    sys.path.insert(0, str(ROOT))
    from generator import load_source, render

    t0 = time.perf_counter()
    version = load_source(ROOT / "notices").version()
    print(f"load + validate the source (in process):      {(time.perf_counter() - t0) * 1000:.0f} ms")
    for fmt in ("md", "html", "text"):
        render(version, fmt)  # warm the template cache
        times = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            render(version, fmt)
            times.append(time.perf_counter() - t0)
        print(f"render {fmt:<4} whole statement (warm, in process): {statistics.median(times) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
