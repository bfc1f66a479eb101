"""render-all: one bad profile reported with its line, exit 1, one atomic unit, deterministic files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import files
from generator.merchant import batch
from generator.merchant.samples import generate_data


def _write(tmp_path: Path, n: int = 5, bad_line: int | None = 3) -> Path:
    lines = [json.dumps(d) for d in generate_data(n)]
    if bad_line:
        d = json.loads(lines[bad_line - 1])
        d["store_url"] = "javascript:alert(1)"
        lines[bad_line - 1] = json.dumps(d)
    p = tmp_path / "profiles.jsonl"
    p.write_text("\n".join(lines) + "\n")
    return p


def _files(d: Path) -> dict[str, bytes]:
    """The notices in ``d`` (not the marker that says render-all wrote the folder)."""
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.name != files.MARKER}


def test_bad_profile_is_reported_and_the_rest_rendered(run, tmp_path):
    p = _write(tmp_path)
    out = tmp_path / "out"
    r = run("merchant", "render-all", p, "-o", out, "--locale", "en", "--format", "html", "--format", "md",
            "--keep-going")  # without it a failure writes nothing (tests/test_output_safety.py)
    assert r.code == 1
    assert f"{p}:3: store_url: must be an http:// or https:// URL (got scheme 'javascript')" in r.err
    assert "1 profile(s) failed:" in r.err
    names = sorted(_files(out))
    assert names == sorted(f"m{i:06d}.en.{ext}" for i in (0, 1, 3, 4) for ext in ("html", "md"))


def test_every_locale_and_deterministic(run, tmp_path):
    p = _write(tmp_path, bad_line=None)
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        r = run("merchant", "render-all", p, "-o", out, "--locale", "en", "--locale", "zh-CN",
                "--locale", "zh-Hant", "--format", "text")
        assert r.code == 0, r.err
    assert _files(a) == _files(b) and len(_files(a)) == 15
    assert {n.split(".")[1] for n in _files(a)} == {"en", "zh-Hans", "zh-Hant"}


def test_default_locale_is_each_merchants_own(tmp_path, current):
    p = _write(tmp_path, n=8, bad_line=None)
    result = batch.render_all(p, tmp_path / "o", current)
    wanted = {f"{d['id']}.{d['default_locale']}.html" for d in generate_data(8)}
    assert {w.name for w in result.written} == wanted and result.exit_code == 0


def test_a_crash_leaves_no_half_written_file(tmp_path, current, monkeypatch):
    p = _write(tmp_path, bad_line=None)
    out = tmp_path / "out"
    batch.render_all(p, out, current, locales=["en"])
    before = _files(out)
    calls = {"n": 0}
    real_write = batch.write_new

    def dies_mid_batch(path, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the process dies mid-batch, after writing two notices
        return real_write(path, data)

    monkeypatch.setattr(batch, "write_new", dies_mid_batch)
    other = current.model_copy()  # same content: files are rewritten identically or not at all
    with pytest.raises(KeyboardInterrupt):
        batch.render_all(p, out, other, locales=["en"], formats=["html"])
    assert _files(out) == before  # the previous batch, whole
    assert [q.name for q in out.iterdir() if q.name.startswith(".")] == [files.MARKER]
    assert sorted(q.name for q in tmp_path.iterdir()) == ["out", "profiles.jsonl"]  # no staging left


def test_a_failed_write_stops_the_batch_and_keeps_the_previous_one(tmp_path, current, monkeypatch):
    """A full disk is an output error (exit 2), not a bad profile: before the batch was one
    unit, it was reported as profile line 3 and the other notices were written."""
    from generator.errors import OutputError

    p = _write(tmp_path, bad_line=None)
    out = tmp_path / "o"
    batch.render_all(p, out, current, locales=["en"], formats=["md"])
    before = _files(out)
    real_write = batch.write_new

    def failing(path, data):
        if "m000002" in str(path):
            raise OSError(28, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(batch, "write_new", failing)
    with pytest.raises(OutputError, match=r"/o/m000002\.en\.html: No space left on device$"):
        batch.render_all(p, out, current, locales=["en"])
    assert _files(out) == before
    assert sorted(q.name for q in tmp_path.iterdir()) == ["o", "profiles.jsonl"]


def test_a_duplicate_merchant_id_is_refused_not_overwritten(run, tmp_path):
    """Two profiles with one id: the second is a failure on its line; the first's notice stays."""
    rows = generate_data(3)
    rows[2] = {**rows[2], "id": rows[0]["id"], "store_name": "Another store"}
    p = tmp_path / "profiles.jsonl"
    p.write_text("\n".join(json.dumps(d) for d in rows) + "\n")
    out = tmp_path / "out"
    r = run("merchant", "render-all", p, "-o", out, "--locale", "en", "--format", "md", "--keep-going")
    assert r.code == 1
    assert f"{p}:3: duplicate merchant id '{rows[0]['id']}' (first used on line 1)" in r.err
    notice = _files(out)[f"{rows[0]['id']}.en.md"].decode("utf-8")
    assert rows[0]["store_name"] in notice and "Another store" not in notice
