"""Output that never destroys: what ``-o`` may replace, the swap, the lock, leftovers, OS errors.

- ``notices build -o PATH`` replaces only a directory a previous build made (it holds the
  ``.notices-build`` marker) or an empty directory; anything else is refused with exit 2
  and left exactly as it was, unless ``--force`` names the intent for a directory;
- the swap leaves no moment where PATH is missing: a build killed (SIGKILL) at any point
  leaves the previous complete site or the new complete one, and the next build removes
  what the killed one left beside it (only what carries our naming pattern and marker);
- a second build into the same PATH stops at once with a clear message;
- every OS error on output is ``path: what went wrong``, exit 2, never a traceback;
- ``merchant render-all`` writes its batch as one unit, by the same rules.

Devices and FIFOs are made in ``tmp_path`` (never the system's), except ``/dev/full``,
which is only written to, as a stream.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import NOTICES, ROOT
from .site_support import tree_digest

MARKER = ".notices-build"
BUILD_MARK = json.dumps({"made_by": "notices build"})
KILL_URL = "https://kill.example/"  # builds with it differ from builds without it


def _identity(path: Path) -> tuple:
    """What must not change about a thing we refuse to touch: inode, type, mode, content."""
    st = os.lstat(path)
    content = path.read_bytes() if stat.S_ISREG(st.st_mode) else None
    return st.st_ino, st.st_mode, st.st_rdev, content


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _complete(out: Path, locales=("en", "zh-Hans", "zh-Hant")) -> bool:
    return (out / "versions.json").is_file() and (out / MARKER).is_file() and \
        all((out / loc / "index.html").is_file() for loc in locales)


def fake_mkdocs(project, locale, source_date_epoch, pass_fds=()):
    """Stands in for mkdocs where a test is about the output, not the pages (a real build
    takes seconds): the generated pages copied, and an index.html naming the locale and
    the site's URL (so that a build with another --site-url gives another site)."""
    site = project.site_dir(locale)
    shutil.copytree(project.root / "pages" / locale, site)
    config = json.loads(project.config_file(locale).read_text())
    (site / "index.html").write_text(f"{locale} {config.get('site_url')}\n")


@pytest.fixture
def quick_mkdocs(monkeypatch):
    from generator.site import build

    monkeypatch.setattr(build, "run_mkdocs", fake_mkdocs)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _regular(path: Path) -> None:
    path.write_text("precious\n")
    os.chmod(path, 0o640)


def _char_device(path: Path) -> None:
    try:  # a null-like device of our own, never the system's /dev/null
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")


# --------------------------------------------------------------------------- build -o
@pytest.mark.parametrize("make, what", [(_fifo, "a FIFO"), (_regular, "a regular file"),
                                        (_char_device, "a character device")])
def test_build_refuses_what_it_did_not_make(tmp_path, run, make, what):
    out = tmp_path / "site"
    make(out)
    before = _identity(out)
    r = run("build", "--source", NOTICES, "-o", out, "-q")
    assert r.code == 2, r.err
    assert f"{out}: is {what}, not a site this command built; choose another -o or remove it" in r.err
    assert "Traceback" not in r.err
    assert _identity(out) == before
    assert _leftovers(out) == []


def test_build_refuses_a_directory_without_the_marker(tmp_path, run):
    out = tmp_path / "site"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "keep.txt").write_text("mine\n")
    before = tree_digest(out), _identity(out)
    r = run("build", "--source", NOTICES, "-o", out, "-q")
    assert r.code == 2
    assert f"{out}: is a directory this command did not build" in r.err and "--force" in r.err
    assert (tree_digest(out), _identity(out)) == before
    assert _leftovers(out) == []


def test_build_refuses_a_symlink_to_something_else(tmp_path, run):
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("mine\n")
    out = tmp_path / "site"
    out.symlink_to(target)
    for force in ((), ("--force",)):
        r = run("build", "--source", NOTICES, "-o", out, "-q", *force)
        assert r.code == 2
        assert f"{out}: is a symlink to {target}, not a site this command built" in r.err
    assert out.is_symlink() and os.readlink(out) == str(target)
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]


def test_force_replaces_a_directory_and_only_a_directory(tmp_path, run, quick_mkdocs):
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.txt").write_text("mine\n")
    r = run("build", "--source", NOTICES, "-o", out, "-q", "--force")
    assert r.code == 0, r.err
    assert _complete(out) and not (out / "keep.txt").exists()
    assert _leftovers(out) == []

    file = tmp_path / "file"
    _regular(file)
    before = _identity(file)
    r = run("build", "--source", NOTICES, "-o", file, "-q", "--force")
    assert r.code == 2 and f"{file}: is a regular file" in r.err and "Traceback" not in r.err
    assert _identity(file) == before


def test_build_under_a_regular_file_is_a_clear_error(tmp_path, run):
    file = tmp_path / "file"
    _regular(file)
    r = run("build", "--source", NOTICES, "-o", file / "site", "-q")
    assert r.code == 2 and "Traceback" not in r.err
    assert f"{file / 'site'}: Not a directory" in r.err or f"{file}: Not a directory" in r.err
    assert file.read_text() == "precious\n"


SLOW_BUILD = r"""
import sys, time
from generator import cli
from generator.site import build
from tests.test_output_safety import fake_mkdocs

def slow_mkdocs(*args):
    time.sleep(1)
    fake_mkdocs(*args)

build.run_mkdocs = slow_mkdocs
sys.exit(cli.main(sys.argv[1:]))
"""


def test_a_second_build_into_the_same_output_stops(tmp_path, run, quick_mkdocs):
    out = tmp_path / "site"
    first = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, "build", "--source", str(NOTICES),
                              "-o", str(out), "-q", "-j", "1"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob(".site.build-*")):  # the first build is under way
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        r = run("build", "--source", NOTICES, "-o", out, "-q", "-j", "1")
        assert r.code == 2, r.err
        assert f"another build is writing {out} (pid {first.pid}); wait for it or choose another -o" in r.err
        assert "Traceback" not in r.err
    finally:
        stdout, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert _complete(out) and _leftovers(out) == []


def test_the_next_build_removes_what_a_killed_one_left(tmp_path, run, quick_mkdocs):
    out = tmp_path / "site"
    work = tmp_path / ".site.build-k1ll3d"          # a killed build's work folder
    (work / "project" / "site" / "en").mkdir(parents=True)
    (work / MARKER).write_text(BUILD_MARK)
    (work / "project" / "site" / "en" / "index.html").write_text("half")
    old = tmp_path / ".site.old-k1ll3d"              # an old tree not yet removed
    (old / "site").mkdir(parents=True)
    (old / MARKER).write_text(BUILD_MARK)
    empty = tmp_path / ".site.build-empty"            # killed before it wrote its marker
    empty.mkdir()
    (tmp_path / ".site.lock").write_text("999999\n")  # a stale lock file
    foreign = tmp_path / ".site.build-not-ours"       # our pattern, not our marker: kept
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine\n")
    r = run("build", "--source", NOTICES, "-o", out, "-q")
    assert r.code == 0, r.err
    assert _complete(out)
    assert _leftovers(out) == [".site.build-not-ours"]
    assert (foreign / "keep.txt").read_text() == "mine\n"


# --------------------------------------------------------------------------- killed builds
KILLER = r"""
import os, signal, sys
from pathlib import Path
from generator import files
from generator.site import build

from tests.test_output_safety import fake_mkdocs

point, out = sys.argv[1], Path(sys.argv[2])
die = lambda: os.kill(os.getpid(), signal.SIGKILL)
build.run_mkdocs = fake_mkdocs

def before(obj, name):
    setattr(obj, name, lambda *a, **k: die())

def after(obj, name):
    real = getattr(obj, name)
    def wrapped(*a, **k):
        real(*a, **k)
        die()
    setattr(obj, name, wrapped)

if point == "mkdocs":            # in the middle of building the locales
    before(build, "run_mkdocs")
elif point == "before-swap":     # the new site is complete, not yet swapped in
    before(files, "swap_in")
elif point == "after-swap":      # swapped in, the old tree not yet removed
    after(files, "swap_in")
elif point == "removing":        # half-way through removing the old tree
    real_swap, real_unlink, count = files.swap_in, os.unlink, [0]
    def unlink(*a, **k):
        real_unlink(*a, **k)
        count[0] += 1
        if count[0] == 20:
            die()
    def swap_in(*a, **k):
        real_swap(*a, **k)
        os.unlink = unlink
    files.swap_in = swap_in
build.build_site(sys.argv[3], out, locales=("en",), jobs=1, site_url=sys.argv[4])
"""


def test_a_killed_build_leaves_a_complete_site_and_no_leftovers_after_the_next(tmp_path, quick_mkdocs):
    """SIGKILL at chosen points: the output is always the old or the new complete site.
    (benchmarks/bench_build_kill.py kills real builds at random moments.)"""
    from generator.site import build_site

    out = tmp_path / "site"
    build_site(NOTICES, out, locales=("en",), jobs=1)
    old = tree_digest(out)
    new = None
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    for point, expect in [("mkdocs", "old"), ("before-swap", "old"), ("after-swap", "new"),
                          ("removing", "new")]:
        p = subprocess.run([sys.executable, "-c", KILLER, point, str(out), str(NOTICES), KILL_URL],
                           cwd=ROOT, env=env, capture_output=True, text=True)
        assert p.returncode == -signal.SIGKILL, (point, p.stderr)
        assert _complete(out, ("en",)), point
        got = tree_digest(out)
        if expect == "new":
            new = new or got
            assert got == new and got != old, point
        else:
            assert got == (new or old), point
    build_site(NOTICES, out, locales=("en",), jobs=1, site_url=KILL_URL)
    assert tree_digest(out) == new
    assert _leftovers(out) == []


# --------------------------------------------------------------------------- render, diff -o
FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", [("render",), ("diff",)])
def test_a_full_device_is_a_clear_error(run, command):
    r = run(*command, "--source", NOTICES, "-o", FULL)
    assert r.code == 2
    assert r.err == f"{FULL}: No space left on device\n"
    assert stat.S_ISCHR(os.lstat(FULL).st_mode)
    assert not list(Path("/dev").glob(".full.*"))


@pytest.mark.parametrize("command", [("render",), ("diff",), ("merchant", "render",
                                                             ROOT / "examples/merchants/lotus-tea.yaml")])
def test_output_naming_a_directory_is_a_clear_error(tmp_path, run, command):
    r = run(*command, "--source", NOTICES, "-o", tmp_path)
    assert r.code == 2 and "Traceback" not in r.err
    assert f"{tmp_path}: Is a directory" in r.err
    assert list(tmp_path.iterdir()) == []


def test_output_under_a_regular_file_is_a_clear_error(tmp_path, run):
    file = tmp_path / "file"
    _regular(file)
    r = run("render", "--source", NOTICES, "-o", file / "statement.md")
    assert r.code == 2 and "Traceback" not in r.err
    assert "Not a directory" in r.err and str(file) in r.err
    assert file.read_text() == "precious\n"


def test_render_writes_through_a_fifo_as_a_stream(tmp_path, run):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = run("render", "--source", NOTICES, "-o", fifo, "--format", "text")
    reader.join(timeout=30)
    assert r.code == 0, r.err
    assert got and len(got[0]) > 1000
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


# --------------------------------------------------------------------------- merchant render-all
def _profiles(tmp_path: Path, n: int = 4, bad_line: int | None = None) -> Path:
    from .test_merchant_batch import _write

    return _write(tmp_path, n, bad_line)


def test_render_all_refuses_a_file(tmp_path, run):
    p = _profiles(tmp_path)
    file = tmp_path / "out"
    _regular(file)
    before = _identity(file)
    r = run("merchant", "render-all", p, "-o", file, "--locale", "en")
    assert r.code == 2 and "Traceback" not in r.err
    assert f"{file}: is a regular file" in r.err
    assert _identity(file) == before


def test_render_all_refuses_a_folder_it_did_not_write(tmp_path, run):
    p = _profiles(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine\n")
    r = run("merchant", "render-all", p, "-o", out, "--locale", "en")
    assert r.code == 2 and f"{out}: is a directory this command did not" in r.err
    assert sorted(q.name for q in out.iterdir()) == ["keep.txt"]
    r = run("merchant", "render-all", p, "-o", out, "--locale", "en", "--force")
    assert r.code == 0, r.err
    assert sorted(q.name for q in out.iterdir() if q.name != MARKER) == \
        [f"m{i:06d}.en.html" for i in range(4)]
    assert _leftovers(out) == []


def test_render_all_is_one_unit(tmp_path, run):
    """A failed profile: nothing is written (the previous batch stays) unless --keep-going."""
    out = tmp_path / "out"
    good = _profiles(tmp_path)
    assert run("merchant", "render-all", good, "-o", out, "--locale", "en").code == 0
    before = tree_digest(out)
    bad = _profiles(tmp_path, n=5, bad_line=2)
    r = run("merchant", "render-all", bad, "-o", out, "--locale", "en", "--format", "md")
    assert r.code == 1 and f"{bad}:2: store_url" in r.err and "nothing written" in r.err
    assert tree_digest(out) == before and _leftovers(out) == []
    r = run("merchant", "render-all", bad, "-o", out, "--locale", "en", "--format", "md", "--keep-going")
    assert r.code == 1 and f"{bad}:2: store_url" in r.err
    assert sorted(q.name for q in out.iterdir() if q.name != MARKER) == \
        [f"m{i:06d}.en.md" for i in (0, 2, 3, 4)]  # the batch replaced the folder: no stale html
    assert _leftovers(out) == []


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
def test_render_all_under_a_device_is_a_clear_error(tmp_path, run):
    p = _profiles(tmp_path)
    r = run("merchant", "render-all", p, "-o", FULL / "notices", "--locale", "en")
    assert r.code == 2 and "Traceback" not in r.err and "Not a directory" in r.err


# --------------------------------------------------------------------------- the swap itself
def _fake_site(root: Path, text: str) -> Path:
    (root / "en").mkdir(parents=True)
    (root / "en" / "index.html").write_text(text)
    (root / "versions.json").write_text("{}")
    return root


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "symlink"])
def test_replacing_a_directory_without_the_exchange_syscall(tmp_path, monkeypatch, exchange):
    """Where renameat2(RENAME_EXCHANGE) is missing, the output becomes a symlink flipped by
    one rename; a later build with the syscall keeps working on that layout."""
    from generator import files

    if not exchange:
        monkeypatch.setattr(files, "_renameat2", lambda: None)
    out = tmp_path / "site"
    for n in range(3):
        with files.DirectoryOutput(out, "notices build") as o:
            o.commit(_fake_site(o.work / "site", f"v{n}"))
        assert (out / "en" / "index.html").read_text() == f"v{n}"
        assert (out / MARKER).is_file()
        assert out.is_symlink() == (not exchange)
        assert _leftovers(out) == ([os.readlink(out)] if out.is_symlink() else [])
    monkeypatch.undo()  # the syscall is back: the link layout is still recognised as ours
    with files.DirectoryOutput(out, "notices build") as o:
        o.commit(_fake_site(o.work / "site", "v3"))
    assert (out / "en" / "index.html").read_text() == "v3"


def test_a_catalog_that_cannot_be_written_is_a_clear_error(run, tmp_path):
    """`notices i18n update` into a catalog folder it cannot write: path: what went wrong, exit 2."""
    import shutil

    from .conftest import NOTICES, ROOT

    locales = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", locales)
    target = locales / "statement.pot"
    target.unlink()
    target.mkdir()  # a directory where the template goes: replacing it fails
    (target / "keep").write_text("x")
    result = run("i18n", "update", "--source", NOTICES, "--locales", locales)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err and "statement.pot: " in result.err, result.err
    assert (target / "keep").read_text() == "x"
