"""Benchmark: merchant notices the naive way vs the skeleton way, same bytes for every merchant.

    python benchmarks/bench_merchant.py [--n 10000] [--locale en] [--format html]

Naive: for each merchant, render the Jinja2 template (markdown-it on every quoted
clause). Batch: the template rendered once per (version, locale, format) into a
skeleton, then only the merchant's escaped values filled in. Both produce every
notice in memory and the bytes are asserted equal; then the batch is run end to
end (render-all with an atomic write per file) into a temporary folder. The
profiles are generated and illustrative (generator.merchant.samples).
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    from generator import load_source
    from generator.merchant import NoticeRenderer, render_naive
    from generator.merchant.batch import render_all
    from generator.merchant.localize import translator
    from generator.merchant.notice import build_notice
    from generator.merchant.reader import Record
    from generator.merchant.samples import generate

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--locale", default="en")
    ap.add_argument("--format", default="html")
    args = ap.parse_args()
    version = load_source(Path(__file__).resolve().parent.parent / "notices").version()
    profiles = list(generate(args.n))

    def fast(ps):
        renderer = NoticeRenderer(version, args.locale, args.format)
        return [renderer.render(p) for p in ps]

    def naive(ps):
        notice = build_notice(version, args.locale, translator(version, args.locale))
        return [render_naive(p, version, locale=args.locale, format=args.format, notice=notice) for p in ps]

    print(f"{args.n} illustrative profiles, {args.locale}, {args.format}")
    for n in sorted({1000, args.n} if args.n >= 1000 else {args.n}):
        t = time.perf_counter(); f = fast(profiles[:n]); tf = time.perf_counter() - t
        print(f"  batch (skeleton) {n:>6}: {tf:7.2f} s  ({tf / n * 1e6:6.0f} µs/merchant)")
    t = time.perf_counter(); nv = naive(profiles); tn = time.perf_counter() - t
    print(f"  naive            {args.n:>6}: {tn:7.2f} s  ({tn / args.n * 1e6:6.0f} µs/merchant)")
    assert f == nv, "batch and naive differ"
    print(f"  same bytes for all {args.n} merchants; ratio naive/batch: {tn / tf:.1f}x")
    del f, nv

    records = [Record(i + 1, p) for i, p in enumerate(profiles)]
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        result = render_all(records, Path(tmp), version, locales=[args.locale], formats=[args.format])
        te = time.perf_counter() - t
        assert not result.failures and len(result.written) == args.n
    print(f"  render-all end to end (atomic write per file): {te:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:  # again, traced (tracemalloc slows it down)
        tracemalloc.start()
        render_all(records, Path(tmp), version, locales=[args.locale], formats=[args.format])
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"  render-all traced peak (Python allocations): {peak / 2**20:.1f} MiB")
    print(f"  process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
