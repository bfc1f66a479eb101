"""Kill test: `notices build` killed with SIGKILL at random moments never loses the site.

    python benchmarks/bench_build_kill.py [--kills 24] [--seed 1] [--jobs N]

Not a timed test: a script that checks what the output path holds after each kill.

1. Builds ``examples/`` and ``notices/`` once each into reference folders (their digests,
   and how long a build takes).
2. Builds ``examples/`` into one output path, then ``--kills`` times starts ``notices
   build`` into that same path, alternating the two sources (so that the old site and the
   new one differ), and sends SIGKILL to the ``notices`` process after a random delay
   drawn across the build's duration (5 %-120 % of the time a build replacing the other
   site took: the load of the machine varies, and some kills land after the end).
   Only that process is killed, as the OOM killer or ``kill -9 PID`` would: the processes
   it started (forked workers, mkdocs) live on and hold the output's lock until they end.
   Then ``--at-swap`` more kills, each as soon as the output path changes inode (the
   exchange happened; the old tree is being removed), a window random kills rarely hit.
3. After each kill the output path must be the previous complete site or the new one,
   byte for byte (``versions.json``, every locale's ``index.html``, the marker, and the
   same digest as a reference build). A watcher thread also checks, every millisecond
   during the run, that ``<output>/versions.json`` never disappears.
4. Waits until the lock is free, then runs one build to completion and checks that it is
   complete and that nothing ``.<name>.*`` is left beside the output.

Every build runs from a snapshot of the checkout taken at the start (others may be
editing it meanwhile: a template changed mid-run would change the site).

Exit status 0 when every check held.
"""
from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
LOCALES = ("en", "zh-Hans", "zh-Hant")
MARKER = ".notices-build"


class Checkout:
    """A snapshot of the checkout (code, templates, catalogs, sources) every build runs
    from, so that edits made meanwhile by others change no build."""

    def __init__(self, into: Path):
        shutil.copytree(CHECKOUT, into, ignore=shutil.ignore_patterns(
            ".git", "build", "__pycache__", ".pytest_cache", "*.egg-info", ".venv*"))
        self.root = into
        self.env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(into)}
        self.env.pop("SOURCE_DATE_EPOCH", None)  # dates come from the versions: builds compare

    def build_cmd(self, source: str, out: Path, jobs: int | None) -> list[str]:
        cmd = [sys.executable, "-m", "generator.cli", "build", "--source", str(self.root / source),
               "-o", str(out), "-q"]
        return cmd + (["-j", str(jobs)] if jobs else [])

    def run(self, source: str, out: Path, jobs: int | None, **kw) -> subprocess.CompletedProcess:
        return subprocess.run(self.build_cmd(source, out, jobs), env=self.env, cwd=self.root, **kw)


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def complete(out: Path) -> list[str]:
    """What is missing from a complete site (nothing: [])."""
    want = [out / "versions.json", out / MARKER] + [out / loc / "index.html" for loc in LOCALES]
    return [str(p.relative_to(out)) for p in want if not p.is_file()] if out.is_dir() else ["<the output>"]


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def wait_unlocked(out: Path, timeout: float = 600) -> float:
    """Wait until no process holds the output's lock (the killed build's helpers); seconds waited."""
    lock = out.parent / f".{out.name}.lock"
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            fd = os.open(lock, os.O_RDONLY)
        except FileNotFoundError:
            return time.monotonic() - start
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return time.monotonic() - start
        except BlockingIOError:
            time.sleep(0.05)
        finally:
            os.close(fd)
    raise SystemExit(f"the lock of {out} is still held after {timeout:.0f} s")


class Watcher(threading.Thread):
    """Counts the moments (1 ms apart) where ``out/versions.json`` is missing."""

    def __init__(self, out: Path):
        super().__init__(daemon=True)
        self.path, self.misses, self.looks, self.stop = out / "versions.json", 0, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.looks += 1
            if not os.path.exists(self.path):
                self.misses += 1
            time.sleep(0.001)


def kill_after(proc: subprocess.Popen, delay: float) -> bool:
    """SIGKILL ``proc`` after ``delay`` seconds; False if it ended by itself before."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def kill_at_swap(proc: subprocess.Popen, out: Path) -> bool:
    """SIGKILL ``proc`` as soon as the output path is another directory (the exchange
    happened: the old tree is being removed); False if it ended first."""
    before = os.stat(out).st_ino
    while proc.poll() is None:
        try:
            if os.stat(out).st_ino != before:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return True
        except FileNotFoundError:
            pass  # the watcher counts it
        time.sleep(0.0005)
    return False


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=24, help="kills at random moments")
    ap.add_argument("--at-swap", type=int, default=4,
                    help="kills right after the swap, while the old tree is removed (random kills "
                         "rarely land in that short window)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None, help="-j of each build (default: the build's own)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="bench-kill-"))
    failures = []
    try:
        co = Checkout(tmp / "checkout")
        refs, durations = {}, {}
        for name in ("examples", "notices"):
            co.run(name, tmp / f"ref-{name}", args.jobs, check=True)
            refs[name] = digest(tmp / f"ref-{name}")
        by_digest = {d: n for n, d in refs.items()}
        out = tmp / "site"
        co.run("examples", out, args.jobs, check=True)
        for name in ("notices", "examples"):  # how long a build takes that replaces the other site
            t = time.perf_counter()
            co.run(name, out, args.jobs, check=True)
            durations[name] = time.perf_counter() - t
            print(f"{name}/: a build replacing the other site takes {durations[name]:.1f} s; "
                  f"digest {refs[name]}")
        current = "examples"
        tally = {"old": 0, "new": 0}
        print(f"{'#':>3} {'source':9} {'kill at':>8} {'of':>6}  output after the kill   "
              f"left beside  helpers held the lock")
        for i in range(args.kills + args.at_swap):
            new = "notices" if current == "examples" else "examples"
            delay = rng.uniform(0.05, 1.2) * durations[new]
            watcher = Watcher(out)
            watcher.start()
            log = tmp / f"stderr-{i}"
            with open(log, "wb") as err:  # a file: helpers that outlive the kill never block on it
                proc = subprocess.Popen(co.build_cmd(new, out, args.jobs), env=co.env, cwd=co.root,
                                        stdout=subprocess.DEVNULL, stderr=err)
            t0 = time.perf_counter()
            killed = kill_after(proc, delay) if i < args.kills else kill_at_swap(proc, out)
            at = time.perf_counter() - t0
            missing = complete(out)
            got = by_digest.get(digest(out)) if not missing else None
            left = leftovers(out)
            held = wait_unlocked(out)
            watcher.stop.set()
            watcher.join()
            if not killed and proc.returncode != 0:
                failures.append(f"kill {i}: the build ended by itself with {proc.returncode}: "
                                f"{log.read_text()[-500:]}")
            if missing:
                failures.append(f"kill {i}: the output is incomplete: missing {missing}")
            elif got not in (current, new):
                failures.append(f"kill {i}: the output is neither the old site nor the new one")
            if watcher.misses:
                failures.append(f"kill {i}: versions.json was missing {watcher.misses} time(s) "
                                f"of {watcher.looks} looks")
            state = "old" if got == current else "new" if got == new else "BROKEN"
            if state in tally:
                tally[state] += 1
            when = f"{at:.2f} s" if killed else "(ended)"
            how = "" if i < args.kills else "  at the swap"
            print(f"{i:>3} {new:9} {when:>8} {durations[new]:5.1f}s  {state:3} ({got or missing})"
                  f"{'':<8} {len(left):>3}        {held:5.1f} s{how}", flush=True)
            current = got or current
        final = "notices" if current == "examples" else "examples"
        done = co.run(final, out, args.jobs, capture_output=True, text=True)
        if done.returncode != 0:
            failures.append(f"the final build failed: {done.stderr[-500:]}")
        if complete(out) or digest(out) != refs[final]:
            failures.append("the final build's site is not the reference site")
        if leftovers(out):
            failures.append(f"left beside the output after a complete build: {leftovers(out)}")
        print(f"{args.kills + args.at_swap} kills: the old site {tally['old']} times, the new one "
              f"{tally['new']} times; final build {'complete' if not complete(out) else 'INCOMPLETE'}, "
              f"left beside the output: {leftovers(out) or 'nothing'}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    print("OK: never missing, never partial" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
