"""Benchmark: rendering the statement in every locale and format, and the catalogs' status.

    python benchmarks/bench_i18n.py [--runs 5] [--source notices] [--version ID]

Reports, per locale, translated / stale / missing clauses, then the time to render
all three locales in all three formats (9 outputs): once cold (a fresh process,
catalogs read and templates compiled) and the median of warm runs in-process
(catalogs cached until their files change). Not a test: quote the figures.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD = """
import time; t0 = time.perf_counter()
from generator import load_source
from generator.rendering import render_localized
from generator.i18n.locales import SUPPORTED
v = load_source({source!r}).version({version!r})
t1 = time.perf_counter()
for loc in SUPPORTED:
    for fmt in ("md", "html", "text"):
        render_localized(v, fmt, loc)
print(time.perf_counter() - t1, t1 - t0)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--source", default=str(ROOT / "notices"))
    ap.add_argument("--version", default=None)
    args = ap.parse_args()

    from generator import load_source
    from generator.i18n import status
    from generator.rendering import render_localized
    from generator.i18n.locales import SUPPORTED

    version = load_source(args.source).version(args.version)
    print(f"{version.policy} {version.version}")
    for loc in SUPPORTED:
        s = status(version, loc)
        print(f"  {loc:8} translated {s.translated:4}  stale {s.stale:3}  missing {s.missing:3}"
              f"  (of {s.total}; interface {s.interface.translated}/{s.interface.total})")

    p = subprocess.run([sys.executable, "-c", COLD.format(source=args.source, version=args.version)],
                       cwd=ROOT, capture_output=True, text=True, check=True)
    cold, load = map(float, p.stdout.split())
    warm = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        sizes = [len(render_localized(version, fmt, loc, allow_fallback=True))
                 for loc in SUPPORTED for fmt in ("md", "html", "text")]
        warm.append(time.perf_counter() - t0)
    print(f"render 3 locales x 3 formats ({len(sizes)} outputs, {sum(sizes) // 1024} KiB):")
    print(f"  cold, fresh process: {cold:.3f} s (plus {load:.3f} s to import and load the source)")
    print(f"  warm, median of {args.runs}: {statistics.median(warm):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
