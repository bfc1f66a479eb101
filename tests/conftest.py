"""Shared fixtures: the real source, a CLI runner, and Debian's Chromium via Playwright."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the validated-source cache (generator/source/cache.py) of this test run, not the user's:
# every command the tests run, in process or not, reads and fills it
os.environ["NOTICES_CACHE_DIR"] = os.environ.get("NOTICES_TEST_CACHE_DIR") or str(
    Path(__import__("tempfile").mkdtemp(prefix="notices-test-cache-")))
NOTICES = ROOT / "notices"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(scope="session")
def source():
    from generator import load_source

    return load_source(NOTICES)


@pytest.fixture(scope="session")
def current(source):
    return source.version()


@pytest.fixture
def run(capsysbinary):
    """Run ``notices ARGS`` in-process; returns exit code, stdout and stderr."""
    from generator.cli import main

    def _run(*args: str) -> Result:
        code = main([str(a) for a in args])
        cap = capsysbinary.readouterr()
        return Result(code, cap.out.decode("utf-8"), cap.err.decode("utf-8"))

    return _run


@pytest.fixture
def run_subprocess():
    """Run the real console entry point in a subprocess (for tracebacks, stdin, timing)."""

    def _run(*args: str, cwd: Path | None = None, input: str | None = None) -> Result:
        p = subprocess.run([sys.executable, "-m", "generator.cli", *map(str, args)],
                           capture_output=True, text=True, cwd=cwd or ROOT, input=input,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
        return Result(p.returncode, p.stdout, p.stderr)

    return _run


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. In CI a missing browser fails, never skips."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: run scripts/install-test-deps.sh")
        pytest.skip("chromium is not installed (scripts/install-test-deps.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
