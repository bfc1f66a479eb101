"""Benchmark: `notices build` against a bare `mkdocs build` of the same generated pages,
and the build at 25, 50 and 100 versions of a generated (illustrative) history.

    python benchmarks/bench_site.py                      # examples/, 3 runs each, then growth
    python benchmarks/bench_site.py --source notices --runs 5 --jobs 1 --growth ""
    python benchmarks/bench_site.py --compare no --growth 25,50,100

Targets: site build time <= 1.2 x a bare mkdocs build of the same pages (issue 5); build
time linear from 25 to 100 versions, the pop-up's file under 60 KB at 100 (issue 12).

*Growth*: a history of N versions, ILLUSTRATIVE and made up, generated at run time in a
temporary folder (never under notices/) by ``tests.site_support.illustrative_history``:
the real 2023-08-25 statement, then one made-up sentence appended to one clause per
version. Each N is built by a fresh ``notices build`` process, end to end; the script
prints the time, the time per version, the comparisons made and the sizes of
``notices/<policy>/current.json`` (what the pop-up fetches on every page), of the
largest ``since/<version>.json`` (what a reader far behind fetches as well) and of
``versions.json`` (tools only).

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


def growth(sizes: list[int], runs: int, jobs: int | None) -> None:
    """Build generated histories of each size; print time, per version, comparisons, sizes."""
    from generator.site.history import planned_pairs
    from tests.site_support import illustrative_history

    print("growth: generated ILLUSTRATIVE histories (made-up edits of the real statement)")
    print(f"{'versions':>8} {'comparisons':>11} {'build s':>8} {'s/version':>9} {'marginal':>9} "
          f"{'current.json':>12} {'largest since':>13} {'versions.json':>13}")
    previous = None
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-growth-{count}-") as tmp:
            tmp = Path(tmp)
            source = illustrative_history(tmp / "source", count)
            out = tmp / "out" / "site"
            build = [sys.executable, "-m", "generator.cli", "build", "--source", str(source),
                     "-o", str(out), "-q", "--force"]
            if jobs:
                build += ["--jobs", str(jobs)]
            seconds = timed(lambda: run(build), runs)
            folder = out / "notices" / "allvalue-privacy"
            current = (folder / "current.json").stat().st_size
            since = max(p.stat().st_size for p in (folder / "since").glob("*.json"))
            manifest = (out / "versions.json").stat().st_size
            pairs = len(planned_pairs(count, count - 1))
            # the cost of one more version (the fixed cost of starting mkdocs per locale aside)
            marginal = f"{(seconds - previous[1]) / (count - previous[0]):>9.3f}" if previous else f"{'':>9}"
            previous = (count, seconds)
            print(f"{count:>8} {pairs:>11} {seconds:>8.1f} {seconds / count:>9.3f} {marginal} "
                  f"{current / 1024:>9.1f} KB {since / 1024:>10.1f} KB {manifest / 1024:>10.1f} KB")
    print("targets: linear (the marginal s/version roughly constant); current.json < 60 KB at 100 versions")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default="examples")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="passed to `notices build --jobs`")
    ap.add_argument("--compare", choices=("yes", "no"), default="yes",
                    help="compare notices build with a bare mkdocs build of --source")
    ap.add_argument("--growth", default="25,50,100",
                    help="sizes of the generated histories, comma-separated ('' for none)")
    ap.add_argument("--growth-runs", type=int, default=1)
    a = ap.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if a.compare == "yes":
        compare(a)
    sizes = [int(n) for n in a.growth.split(",") if n.strip()]
    if sizes:
        growth(sizes, a.growth_runs, a.jobs)
    return 0


def compare(a: argparse.Namespace) -> None:
    """notices build of --source against a bare mkdocs build of the same pages."""
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


if __name__ == "__main__":
    sys.exit(main())
