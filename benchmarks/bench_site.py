"""Benchmark: `notices build` against a bare `mkdocs build` of the same generated pages.

    python benchmarks/bench_site.py                      # examples/, 3 runs each
    python benchmarks/bench_site.py --source notices --runs 5 --jobs 1

Target (issue 5): site build time <= 1.2 x a bare mkdocs build of the same pages.

- *site build*: a fresh ``python -m generator.cli build`` process, end to end (load the
  source, classify every pair of published versions, generate the pages of every locale,
  run mkdocs per locale, write versions.json, swap the result in).
- *bare mkdocs*: the pages and per-locale configs that build generates (written once with
  :func:`generator.site.write_project`), built by ``python -m mkdocs build -f
  mkdocs.<locale>.yml`` -- one process per locale, one after another, as a person would
  build them by hand; also reported with the three processes run at once.

Medians of ``--runs``. Also prints the in-process time of each generation phase. Not a
test: timings depend on the machine (and on what else runs on it); quote the figures.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(cmd: list[str]) -> None:
    subprocess.run(cmd, cwd=ROOT, env=ENV, check=True, capture_output=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default="examples")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="passed to `notices build --jobs`")
    a = ap.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"

    from generator.site import SITE_LOCALES, build_history, write_project
    from generator.source import load_published

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        tmp = Path(tmp)
        # the generation phases, in process
        t0 = time.perf_counter()
        policy = load_published(ROOT / a.source)
        t1 = time.perf_counter()
        history = build_history(policy)
        t2 = time.perf_counter()
        project = write_project(history, tmp / "project")
        t3 = time.perf_counter()
        print(f"source: {a.source}: {len(history.versions)} published versions, "
              f"{len(history.pairs)} comparisons, {len(SITE_LOCALES)} locales")
        print(f"  in process: load {t1 - t0:.2f} s, compare+classify {t2 - t1:.2f} s, "
              f"pages {t3 - t2:.2f} s")

        build = [sys.executable, "-m", "generator.cli", "build", "--source", a.source,
                 "-o", str(tmp / "out" / "site"), "-q"]
        if a.jobs:
            build += ["--jobs", str(a.jobs)]
        site = timed(lambda: run(build), a.runs)

        configs = [str(project.config_file(loc)) for loc in SITE_LOCALES]

        def bare_sequential() -> None:
            for cfg in configs:
                run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", cfg])

        def bare_parallel() -> None:
            procs = [subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", cfg],
                                      cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL) for cfg in configs]
            if any(p.wait() for p in procs):
                raise SystemExit("bare mkdocs build failed")

        bare = timed(bare_sequential, a.runs)
        bare_par = timed(bare_parallel, a.runs)

    jobs = a.jobs or "default"
    print(f"notices build (jobs={jobs}), median of {a.runs}:        {site:6.2f} s")
    print(f"bare mkdocs build, 3 locales one after another: {bare:6.2f} s   ratio {site / bare:.2f}")
    print(f"bare mkdocs build, 3 locales at once:           {bare_par:6.2f} s   ratio {site / bare_par:.2f}")
    print("target: ratio <= 1.2")
    return 0


if __name__ == "__main__":
    sys.exit(main())
