"""Benchmark: merchant notices the naive way vs the skeleton way, and the batch written to disk.

    python benchmarks/bench_merchant.py [--n 10000] [--locale en] [--format html] [--runs 3] [--dir DIR]

Naive: for each merchant, render the Jinja2 template (markdown-it on every quoted
clause). Batch: the template rendered once per (version, locale, format) into a
skeleton, then only the merchant's escaped values filled in. Both produce every
notice in memory and the bytes are asserted equal.

Then the batch on disk, medians of ``--runs`` rounds (round-robin, so that the machine's
load drifts for every variant alike), each rendering and writing every notice:

- *plain write*, the baselines: the same renderers and ``Path.write_bytes`` per notice,
  into a new folder, and over the files of a previous batch (in place: no staging, no
  marker, no swap, no lock, nothing removed);
- *atomic write per file*: a temporary file and a rename per notice, over a previous
  batch (``files.atomic_write``: what render-all did before it wrote a batch as one unit);
- ``render_all`` (the library call) into a new folder, and over its previous batch (the
  swap, then the removal of the previous 10,000 files): the staging folder beside the
  output, the lock, the marker, one renameat2 exchange;
- ``notices merchant render-all`` end to end in a fresh process into a new folder: the
  interpreter, loading the source, reading and validating the JSON Lines profiles,
  rendering, writing.

Target: ``render_all`` ≤ 1.5 × the plain write of the same case, and the command under
3 s for 10,000 merchants. The profiles are generated and illustrative
(generator.merchant.samples).
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
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from generator import load_source
    from generator.files import atomic_write
    from generator.merchant import NoticeRenderer, render_naive
    from generator.merchant.batch import output_path, render_all
    from generator.i18n import translator
    from generator.merchant.notice import build_notice
    from generator.merchant.reader import Record
    from generator.merchant.samples import generate, generate_data

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--locale", default="en")
    ap.add_argument("--format", default="html")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", default=None,
                    help="where to write (default: the system's temporary folder; /dev/shm is memory: "
                         "the code's own cost, without the file system's)")
    args = ap.parse_args()
    version = load_source(ROOT / "notices").version()
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
    opts = dict(locales=[args.locale], formats=[args.format])
    with tempfile.TemporaryDirectory(prefix="bench-merchant-", dir=args.dir) as tmp:
        tmp = Path(tmp)
        jsonl = tmp / "profiles.jsonl"
        jsonl.write_text("".join(json.dumps(d) + "\n" for d in generate_data(args.n)))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}

        def writing(write, out: Path) -> None:
            out.mkdir(exist_ok=True)
            renderer = NoticeRenderer(version, args.locale, args.format)
            for p in profiles:
                write(output_path(out, p.id, args.locale, args.format), renderer.render(p).encode("utf-8"))

        def library(out: Path) -> None:
            result = render_all(records, out, version, **opts)
            assert not result.failures and len(result.written) == args.n

        def command(out: Path) -> None:
            subprocess.run([sys.executable, "-m", "generator.cli", "merchant", "render-all", str(jsonl),
                            "-o", str(out), "--source", str(ROOT / "notices"),
                            "--locale", args.locale, "--format", args.format, "--no-progress"],
                           env=env, check=True, capture_output=True)

        def plain(path: Path, data: bytes) -> None:
            path.write_bytes(data)

        # (label, what to time, whether it writes over the previous run's files)
        variants = [
            ("plain write, new folder (baseline)", lambda out: writing(plain, out), False),
            ("plain write over the previous files", lambda out: writing(plain, out), True),
            ("atomic write per file, over previous", lambda out: writing(atomic_write, out), True),
            ("render_all, new folder", library, False),
            ("render_all, over its previous batch", library, True),
            ("notices merchant render-all, new folder", command, False),
        ]
        times: dict[str, list[float]] = {label: [] for label, _fn, _over in variants}
        for label, fn, over in variants:  # the previous batch of the "over" variants
            if over:
                fn(tmp / label)
        for _round in range(args.runs):  # round-robin: the machine's load drifts for all alike
            for label, fn, over in variants:
                out = tmp / (label if over else f"{label}-new")
                t = time.perf_counter()
                fn(out)
                times[label].append(time.perf_counter() - t)
                if not over:
                    shutil.rmtree(out)
        med = {label: statistics.median(ts) for label, ts in times.items()}
        base_new, base_over = med[variants[0][0]], med[variants[1][0]]
        print(f"  in {tmp.parent}, render + write of {args.n} notices, medians of {args.runs} rounds:")
        for label, _fn, over in variants:
            ratio = med[label] / (base_over if over else base_new)
            spread = f"{min(times[label]):.2f}-{max(times[label]):.2f}"
            print(f"    {label:42} {med[label]:6.2f} s  ({spread} s; {ratio:.2f}x the plain write"
                  f"{' over the previous files' if over else ''})")

        tracemalloc.start()  # again, traced (tracemalloc slows it down)
        render_all(records, tmp / "traced", version, **opts)
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"  render_all traced peak (Python allocations): {peak / 2**20:.1f} MiB")
    print(f"  process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
