"""The validated-source cache (generator/source/cache.py): a command reads back what an
earlier one validated, and never anything else: not a changed file, not a tampered
published version, not a torn, foreign or planted entry."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLES, FIXTURES, NOTICES
from generator import load_source
from generator.errors import SourceErrors
from generator.model import Version
from generator.source import cache, load_version_unchecked

POLICY = "allvalue-privacy"
VERSION = "2023-08-25"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NOTICES_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def src(tmp_path) -> Path:
    shutil.copytree(NOTICES, tmp_path / "notices")
    return tmp_path / "notices"


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*" + cache.SUFFIX) if cache.ENTRY_NAME.fullmatch(p.name)) \
        if folder.is_dir() else []


def validation_forbidden(monkeypatch) -> None:
    """From here on, validating a version fails the test: what loads came from the cache."""
    def refuse(*args, **kwargs):
        raise AssertionError("validated again: the cache was not used")

    from generator.model import VersionMeta

    monkeypatch.setattr(Version, "model_validate", refuse)
    monkeypatch.setattr(VersionMeta, "model_validate", refuse)


def test_a_second_load_reads_the_validated_version_back(cache_dir, src, monkeypatch):
    first = load_source(src).version(VERSION)
    assert len(entries(cache_dir)) == 2  # the version, and policy.yaml
    assert oct(cache_dir.stat().st_mode & 0o777) == oct(0o700)
    validation_forbidden(monkeypatch)
    again = load_source(src).version(VERSION)
    assert again is not first
    assert again.statement == first.statement and again.compute_hash() == first.content_hash
    assert [n.id for n in again.nodes()] == [n.id for n in first.nodes()]


def test_a_changed_file_is_validated_again_and_its_errors_reported(cache_dir, src, monkeypatch):
    load_source(src)
    st = src / POLICY / VERSION / "statement.yaml"
    text = st.read_text(encoding="utf-8")
    st.write_text(text.replace("We will respond within 15 days.", "We will respond within 16 days."),
                  encoding="utf-8")
    with pytest.raises(SourceErrors) as e:
        load_source(src)
    assert "clause rights.respond.time changed after publication" in str(e.value)
    st.write_text(text.replace("- id: rights.respond.time", "- txt: x\n              id: rights.respond.time", 1),
                  encoding="utf-8")
    with pytest.raises(SourceErrors) as e:
        load_source(src)
    assert "unknown field 'txt'" in str(e.value)


def test_a_tampered_version_cached_without_the_hash_check_is_still_refused(cache_dir, src):
    """``notices hash`` reads a version without checking its published hash; what it
    cached must never stand in for a checked read."""
    st = src / POLICY / VERSION / "statement.yaml"
    st.write_text(st.read_text(encoding="utf-8").replace("15 days", "16 days"), encoding="utf-8")
    unchecked = load_version_unchecked(src, VERSION)
    assert "16 days" in str(unchecked.statement.model_dump())
    with pytest.raises(SourceErrors) as e:
        load_source(src)
    assert "changed after publication" in str(e.value)


def test_torn_and_foreign_entries_are_ignored_and_replaced(cache_dir, src, monkeypatch):
    load_source(src)
    version_entry = max(entries(cache_dir), key=lambda p: p.stat().st_size)
    version_entry.write_bytes(version_entry.read_bytes()[:100])  # torn
    assert load_source(src).version(VERSION).content_hash.startswith("sha256:")
    assert version_entry.stat().st_size > 1000  # written again, whole
    # an entry under another entry's name (its stored key differs) is not trusted
    small, big = sorted(entries(cache_dir), key=lambda p: p.stat().st_size)
    shutil.copyfile(small, big)
    version = load_source(src).version(VERSION)
    assert isinstance(version, Version) and version.version == VERSION


def test_a_folder_others_can_write_in_is_not_used(cache_dir, src, monkeypatch):
    load_source(src)
    os.chmod(cache_dir, 0o777)
    validation_forbidden(monkeypatch)
    with pytest.raises(AssertionError, match="validated again"):
        load_source(src)  # the entries were there, but a planted pickle would run code


@pytest.mark.parametrize("setting", ["", "file"])
def test_no_cache_or_an_unusable_one_changes_nothing(tmp_path, src, monkeypatch, setting):
    where = tmp_path / "not-a-folder"
    where.write_text("a file where the cache would be")
    monkeypatch.setenv("NOTICES_CACHE_DIR", "" if setting == "" else str(where))
    assert load_source(src).version(VERSION).compute_hash() == load_source(src).version(VERSION).content_hash
    assert where.read_text() == "a file where the cache would be"


def test_where_the_cache_is(tmp_path, monkeypatch):
    monkeypatch.delenv("NOTICES_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "allvalue-notices"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "allvalue-notices"
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr(os.path, "expanduser", lambda p: p)  # no home at all
    assert cache.cache_dir() is None


def test_the_newest_entries_are_kept(cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    cache_dir.mkdir(mode=0o700)
    (cache_dir / "notes.pickle").write_text("a file of the user's: never pruned")
    os.utime(cache_dir / "notes.pickle", ns=(0, 0))
    for i in range(5):
        cache.store(cache.entry_key("test", str(i)), {"n": i})
        os.utime(cache_dir / (cache.entry_key("test", str(i)) + cache.SUFFIX), ns=(i * 10**9, i * 10**9))
    assert len(entries(cache_dir)) == 3
    assert (cache_dir / "notes.pickle").read_text() == "a file of the user's: never pruned"
    assert cache.load(cache.entry_key("test", "0")) is None
    assert cache.load(cache.entry_key("test", "4")) == {"n": 4}


def test_a_translated_report_is_the_same_from_the_cache(cache_dir, run_subprocess):
    first = run_subprocess("lint", "--locale", "zh-Hant")
    catalogs = len(entries(cache_dir))
    again = run_subprocess("lint", "--locale", "zh-Hant")
    assert first.code == again.code == 0 and first.out == again.out and "已滿足" in again.out
    assert catalogs >= 4 and len(entries(cache_dir)) == catalogs


def every_fact():
    for root in (NOTICES, EXAMPLES, FIXTURES / "minimal"):
        for policy in load_source(root).policies.values():
            for version in policy.versions:
                for node in version.nodes():
                    yield from node.facts


def test_a_facts_data_is_its_json_dump():
    """``fact.data()`` (no pydantic serializer needed) is exactly ``model_dump(mode="json")``,
    defaults left out where a field was added after publication included."""
    facts = list(every_fact())
    kinds = {f.kind for f in facts}
    assert len(facts) > 100 and len(kinds) >= 15
    for fact in facts:
        assert fact.data() == fact.model_dump(mode="json")
        assert list(fact.data()) == list(fact.model_dump(mode="json"))


def test_the_index_of_a_history_is_one_entry_and_follows_every_version_yaml(cache_dir, tmp_path, monkeypatch):
    from generator.source import index_policy

    src = tmp_path / "examples"
    shutil.copytree(EXAMPLES, src)
    first = index_policy(src)
    assert len(first.entries) > 10
    validation_forbidden(monkeypatch)
    again = index_policy(src)  # every version.yaml unchanged: read back, nothing validated
    assert again.entries == first.entries
    monkeypatch.undo()
    monkeypatch.setenv("NOTICES_CACHE_DIR", str(cache_dir))
    newest = first.entries[-1]
    meta = newest.dir / "version.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(f"updated_on: {newest.updated_on}",
                                                             "updated_on: 2099-01-01"), encoding="utf-8")
    changed = index_policy(src)
    assert changed.get(newest.version).updated_on.isoformat() == "2099-01-01"
    (newest.dir / "statement.yaml").unlink()
    with pytest.raises(SourceErrors) as e:
        index_policy(src)
    assert "statement.yaml" in str(e.value)


def test_a_path_the_cache_did_not_write_is_never_read_nor_replaced(cache_dir):
    """A FIFO (or a folder) with an entry's name: reading it does not block, storing leaves it."""
    key = cache.entry_key("test", "fifo")
    cache.store(cache.entry_key("test", "first"), 1)  # makes the folder, as the cache makes it
    fifo = cache_dir / (key + cache.SUFFIX)
    os.mkfifo(fifo)
    assert cache.load(key) is None
    cache.store(key, {"planted": False})
    assert fifo.is_fifo()
    assert cache.remember(key, dict, lambda: {"computed": True}) == {"computed": True}
    assert fifo.is_fifo()
