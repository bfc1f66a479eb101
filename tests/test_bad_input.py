"""Bad input gets a clear error, and nothing is lost.

A malformed file, an unknown clause id, an unsafe merchant string: the user gets
``path:line[:col]: what is wrong``, exit status 2, no traceback and no half-written output.

- the corpus (``tests/fixtures/bad_input/cases.yaml``): each case one edit of a copy of the
  minimal source, its catalogs or a merchant profile, run through ``notices``;
- what the corpus cannot say as data (an unreadable folder, a batch that goes on);
- a hypothesis fuzz of the three readers (source YAML, merchant profiles, PO catalogs): no
  exception but the project's own.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.errors import NoticesError, SourceErrors

from .conftest import FIXTURES, NOTICES, ROOT

BAD = FIXTURES / "bad_input"
CASES = YAML(typ="safe").load((BAD / "cases.yaml").read_text(encoding="utf-8"))
DEFAULT_RUN = "validate --source src"
TIMEOUT = 60


# -- the corpus -------------------------------------------------------------------------------
def _tree(tmp: Path) -> Path:
    shutil.copytree(FIXTURES / "minimal", tmp / "src")
    shutil.copytree(BAD / "locales", tmp / "locales")
    shutil.copytree(BAD / "profiles", tmp / "profiles")
    return tmp


def _generate(kind: str, n: int | None) -> bytes:
    if kind == "alias-bomb":  # "billion laughs": 10**9 strings if the aliases were expanded
        lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for prev, name in zip("abcdefgh", "bcdefghi"):
            lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
        return ("\n".join(lines) + "\n").encode()
    if kind == "deep-flow":
        return ("x: " + "[" * n + "]" * n + "\n").encode()
    if kind == "deep-json":
        return ('{"id": ' + "[" * n + "]" * n + "}\n").encode()
    if kind == "big":  # exactly n bytes: one comment line (YAML, PO) or one record (JSON Lines)
        return ("#" + "x" * (n - 1)).encode()
    raise ValueError(kind)


def _digits(text: str) -> str:
    """``{digits:N}`` -> N digits."""
    while "{digits:" in text:
        start = text.index("{digits:")
        end = text.index("}", start)
        n = int(text[start + len("{digits:"):end])
        text = text[:start] + ("1234567890" * (n // 10 + 1))[:n] + text[end + 1:]
    return text


def apply(op: dict, root: Path) -> None:
    if "mkdir" in op:
        (root / op["mkdir"]).mkdir()
    elif "remove" in op:
        p = root / op["remove"]
        p.rmdir() if p.is_dir() and not p.is_symlink() else p.unlink()
    elif "fifo" in op:
        (root / op["fifo"]).unlink()
        os.mkfifo(root / op["fifo"])
    elif "symlink" in op:
        (root / op["symlink"]).symlink_to(op["to"])
    elif "directory" in op:
        (root / op["directory"]).unlink()
        (root / op["directory"]).mkdir()
    elif "write" in op:
        (root / op["file"]).write_bytes(op["write"].encode("utf-8"))
    elif "generate" in op:
        (root / op["file"]).write_bytes(_generate(op["generate"], op.get("n")))
    else:
        path = root / op["file"]
        data = path.read_bytes()
        old = op["replace"].encode("utf-8")
        new = _digits(op["with"]).encode("latin-1" if op.get("bytes") else "utf-8")
        assert old in data, f"{op['file']}: the fixture drifted from its base ({op['replace']!r} is gone)"
        path.write_bytes(data.replace(old, new, 1))


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under ``root`` (links not followed, pipes never opened): kind and content."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath, name)
            st = p.lstat()
            rel = p.relative_to(root).as_posix()
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(p))
            elif stat.S_ISREG(st.st_mode):
                out[rel] = ("file", st.st_mode, hashlib.sha256(p.read_bytes()).hexdigest())
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir", st.st_mode)
            else:
                out[rel] = ("other", stat.S_IFMT(st.st_mode))
    return out


def _args(case: dict) -> list[str]:
    run = case.get("run", DEFAULT_RUN)
    return list(run) if isinstance(run, list) else shlex.split(run)


def _run_child(args: list[str], cwd: Path) -> tuple[int, str, str]:
    p = subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True,
                       cwd=cwd, timeout=TIMEOUT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return p.returncode, p.stdout, p.stderr


def test_the_corpus_is_large_and_every_case_is_named_once():
    names = [c["name"] for c in CASES]
    assert len(names) >= 90 and len(set(names)) == len(names)
    for case in CASES:
        assert set(case) <= {"name", "ops", "run", "expect", "subprocess"}, case["name"]


def test_the_untouched_copy_is_good(tmp_path, run, monkeypatch):
    """Every command the corpus runs succeeds on the unedited copy: a case fails for its edit."""
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    for args in (["validate", "--source", "src"],
                 ["i18n", "status", "--source", "src", "--locales", "locales", "--locale", "zh-Hans",
                  "--require-complete"],
                 ["render", "--source", "src", "--version", "v1", "--locale", "zh-Hans", "--locales", "locales"],
                 ["render", "--source", "src", "--version", "v1", "--locales", "locales", "--format", "html"],
                 ["merchant", "render", "profiles/good.yaml", "--source", NOTICES],
                 ["merchant", "render", "profiles/good.jsonl", "--source", NOTICES]):
        res = run(*args)
        assert res.code == 0, (args, res.err)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case, tmp_path, run, monkeypatch):
    root = _tree(tmp_path)
    for op in case.get("ops") or []:
        apply(op, root)
    before = snapshot(root)
    args = _args(case)
    if case.get("subprocess"):
        code, out, err = _run_child(args, root)
    else:
        monkeypatch.chdir(root)
        res = run(*args)
        code, out, err = res.code, res.out, res.err
    assert "Traceback" not in err
    assert code == 2, err
    assert case["expect"] in err.splitlines(), err
    assert out == ""
    assert snapshot(root) == before, "the command changed the input tree"


# -- what the corpus cannot say as data -------------------------------------------------------
def _deny(monkeypatch, denied: Path) -> None:
    """Listing ``denied`` fails as it does for a folder without read permission (we run as root)."""
    real_listdir, real_scandir = os.listdir, os.scandir

    def check(path):
        if path is not None and Path(os.fspath(path)).resolve() == denied.resolve():
            raise PermissionError(13, "Permission denied", os.fspath(path))

    def listdir(path="."):
        check(path)
        return real_listdir(path)

    def scandir(path="."):
        check(path)
        return real_scandir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_policy_directory(tmp_path, run, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    _deny(monkeypatch, tmp_path / "src/demo-policy")
    res = run("validate", "--source", "src")
    assert res.code == 2
    assert res.err.splitlines() == ["src/demo-policy: cannot read: Permission denied"]


def test_unreadable_source_directory(tmp_path, run, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    _deny(monkeypatch, tmp_path / "src")
    res = run("render", "--source", "src", "--version", "v1")
    assert res.code == 2
    assert res.err.splitlines() == ["src: cannot read: Permission denied"]


def test_unreadable_catalog(tmp_path, run, monkeypatch):
    """An OS error on a catalog (here: opening it) is ``path: strerror``, exit 2."""
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    target = (tmp_path / "locales/zh-Hans/LC_MESSAGES/statement.po").resolve()
    real_open, real_os_open = open, os.open

    def check(file):
        if isinstance(file, (str, os.PathLike)) and Path(os.fspath(file)).resolve() == target:
            raise PermissionError(13, "Permission denied", os.fspath(file))

    def deny_open(file, *a, **k):
        check(file)
        return real_open(file, *a, **k)

    def deny_os_open(file, *a, **k):
        check(file)
        return real_os_open(file, *a, **k)

    monkeypatch.setattr("builtins.open", deny_open)
    monkeypatch.setattr(os, "open", deny_os_open)
    res = run("i18n", "status", "--source", "src", "--locales", "locales")
    assert res.code == 2
    assert res.err.splitlines() == ["locales/zh-Hans/LC_MESSAGES/statement.po: cannot read: Permission denied"]


def test_hidden_folders_and_files_beside_versions_are_left_out(tmp_path, run):
    """The rule: every folder of a policy whose name does not start with '.' is a version."""
    _tree(tmp_path)
    (tmp_path / "src/demo-policy/.drafts").mkdir()
    (tmp_path / "src/demo-policy/.drafts/notes.txt").write_text("not a version\n")
    (tmp_path / "src/demo-policy/README.md").write_text("A file beside the versions is not a version.\n")
    res = run("validate", "--source", tmp_path / "src")
    assert res.code == 0, res.err


@pytest.mark.parametrize("command", [["validate"], ["diff"], ["hash"], ["i18n", "status", "--locales", "locales"]])
def test_every_command_refuses_a_version_folder_without_its_files(command, tmp_path, run, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src/demo-policy/v2").mkdir()
    (tmp_path / "src/demo-policy/v2/statement.yaml").write_text("title: x\n")
    res = run(*command, "--source", "src")
    assert res.code == 2, res.err
    assert res.err.splitlines()[0].startswith("src/demo-policy/v2/version.yaml: missing: ")


def test_a_batch_goes_on_past_a_record_nested_30000_deep(tmp_path, run):
    """One deeply nested JSON Lines record is an error at its line; the others render."""
    from generator.merchant.reader import iter_profiles

    good = (BAD / "profiles/good.jsonl").read_text(encoding="utf-8").strip()
    second = json.loads(good) | {"id": "second-shop"}
    path = tmp_path / "m.jsonl"
    path.write_text("\n".join([good, '{"id": ' + "[" * 30000 + "]" * 30000 + "}", json.dumps(second)]) + "\n")
    records = list(iter_profiles(path))
    assert [r.line for r in records] == [1, 2, 3]
    assert [r.profile.id if r.profile else None for r in records] == ["harbour-books", None, "second-shop"]
    assert [str(e) for e in records[1].errors] == [f"{path}:2:71: nested deeper than 64 levels"]
    res = run("merchant", "render-all", path, "-o", tmp_path / "out", "--source", NOTICES, "--no-progress")
    assert res.code != 0 and "Traceback" not in res.err
    assert f"{path}:2:71: nested deeper than 64 levels" in res.err.splitlines()


def test_the_fast_pass_refuses_an_alias_bomb_without_expanding_it(tmp_path):
    from generator.source.yaml12 import Unreadable, read_fast, read_yaml

    path = tmp_path / "bomb.yaml"
    path.write_bytes(_generate("alias-bomb", None))
    start = time.monotonic()
    with pytest.raises(Unreadable):
        read_fast(path)
    with pytest.raises(SourceErrors) as e:
        read_yaml(path)
    assert time.monotonic() - start < 2
    assert str(e.value) == f"{path}:1:4: YAML anchors and aliases are not allowed"


def test_the_site_reads_catalogs_through_the_translator(tmp_path):
    """What `notices build` calls for every locale: a corrupt catalog is SourceErrors, not truncated text."""
    from generator import load_source
    from generator.i18n import translator

    _tree(tmp_path)
    po = tmp_path / "locales/zh-Hans/LC_MESSAGES/statement.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "提示"', 'msgstr "提示'), encoding="utf-8")
    version = load_source(tmp_path / "src").version("v1")
    with pytest.raises(SourceErrors) as e:
        translator(version, "zh-Hans", locales_dir=tmp_path / "locales")
    assert str(e.value) == f"{po}:17:8: unterminated string"


def test_a_catalog_edited_in_place_is_read_again(tmp_path):
    """The catalog cache is keyed by the file's identity, not its (possibly relative) name alone."""
    from generator.i18n.catalogs import read_catalog

    _tree(tmp_path)
    po = tmp_path / "locales/zh-Hans/LC_MESSAGES/messages.po"
    first = read_catalog(po)
    assert first.get("Contents").string == "目录"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "目录"', 'msgstr "目次"'), encoding="utf-8")
    assert read_catalog(po).get("Contents").string == "目次"


# -- fuzz -------------------------------------------------------------------------------------
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 100)), deadline=None,
               derandomize=not os.environ.get("FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
#: characters that mean something to YAML, JSON or PO, and some that must never get through
SYNTAX = list(":-?[]{},&*!|>'\"%@`#\\\n\t \r") + ["\x00", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff",
                                                 "\u202e", "2023-02-30", "&a", "*a", "<<", "---", "...",
                                                 "!!python/object:os.system", "~", "1e999", "0x",
                                                 "msgid", "msgstr", "msgctxt", "#~", "#|", "[0]"]


def _mutations(base: bytes):
    """Bytes of ``base`` with a few splices: deletions, insertions of syntax or random bytes."""
    edit = st.tuples(st.integers(0, len(base)), st.integers(0, 40),
                     st.one_of(st.sampled_from(SYNTAX).map(str.encode), st.binary(max_size=8),
                               st.text(max_size=8).map(str.encode)))

    def splice(edits):
        data = base
        for at, cut, insert in edits:
            at = min(at, len(data))
            data = data[:at] + insert + data[at + cut:]
        return data

    return st.lists(edit, min_size=1, max_size=4).map(splice)


#: problems of a whole file, which have no line
WHOLE_FILE = ("cannot read:", "file is too large", "missing:")


def _only_our_errors(call, located: bool = False):
    """``call()``, or None when it raised one of the project's errors (then, if ``located``,
    each problem has its line, unless it is about the whole file)."""
    try:
        return call()
    except SourceErrors as e:
        if located:
            for err in e.errors:
                assert err.line is not None or err.message.startswith(WHOLE_FILE), str(err)
        return None
    except NoticesError:
        return None


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    return _tree(root)


@FUZZ
@given(which=st.sampled_from(["statement.yaml", "version.yaml"]), data=st.data())
def test_fuzz_source_loader(fuzz_dir, which, data):
    from generator.source import load_version

    vdir = fuzz_dir / "src/demo-policy/v1"
    base = (FIXTURES / "minimal/demo-policy/v1" / which).read_bytes()
    mutated = data.draw(st.one_of(_mutations(base), st.binary(max_size=200),
                                  st.lists(st.sampled_from(SYNTAX + ["a", "b: c", "  ", "- x"]), max_size=30)
                                  .map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))))
    for name in ("statement.yaml", "version.yaml"):
        shutil.copyfile(FIXTURES / "minimal/demo-policy/v1" / name, vdir / name)
    (vdir / which).write_bytes(mutated)
    _only_our_errors(lambda: load_version(vdir, "demo-policy"), located=True)


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                     max_leaves=20)


@FUZZ
@given(data=st.data())
def test_fuzz_profile_reader(fuzz_dir, data):
    from generator.merchant.reader import iter_profiles, load_profile

    good_json = (BAD / "profiles/good.jsonl").read_bytes()
    good_yaml = (BAD / "profiles/good.yaml").read_bytes()
    lines = data.draw(st.lists(st.one_of(
        _mutations(good_json.strip()),
        _JSON.map(lambda v: json.dumps(v).encode()),
        st.fixed_dictionaries({}, optional={k: _JSON for k in json.loads(good_json)})
          .map(lambda d: json.dumps(json.loads(good_json) | d).encode()),
        st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n)), min_size=1, max_size=4))
    jsonl = fuzz_dir / "profiles/fuzz.jsonl"
    jsonl.write_bytes(b"\n".join(lines) + b"\n")
    for record in _only_our_errors(lambda: list(iter_profiles(jsonl))) or []:
        assert (record.profile is None) == bool(record.errors)
    yml = fuzz_dir / "profiles/fuzz.yaml"
    yml.write_bytes(data.draw(_mutations(good_yaml)))
    _only_our_errors(lambda: load_profile(yml), located=True)


@FUZZ
@given(which=st.sampled_from(["statement.po", "messages.po"]), data=st.data())
def test_fuzz_po_reader(fuzz_dir, which, data):
    from generator.i18n.catalogs import read_catalog

    base = (BAD / "locales/zh-Hans/LC_MESSAGES" / which).read_bytes()
    mutated = data.draw(st.one_of(_mutations(base), st.binary(max_size=200)))
    test_fuzz_po_reader.count = getattr(test_fuzz_po_reader, "count", 0) + 1
    path = fuzz_dir / f"locales/fuzz-{test_fuzz_po_reader.count}.po"  # a new file: no cache involved
    path.write_bytes(mutated)
    catalog = _only_our_errors(lambda: read_catalog(path), located=True)
    if catalog is not None:  # what was read is text the renderer can use, and compiles
        from babel.messages.mofile import write_mo

        for message in catalog:
            assert all(isinstance(s, str) for s in ([message.id] if isinstance(message.id, str) else message.id))
        write_mo(io.BytesIO(), catalog)
