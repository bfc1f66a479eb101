"""Load one version quickly with libyaml, falling back to the precise loader on any doubt.

ruamel.yaml's round-trip parser keeps the line numbers that error messages need but
takes ~0.25 s for the statement; libyaml (PyYAML's C parser) takes ~0.02 s. A diff
needs two versions and no line numbers unless something is wrong, so this module parses
with libyaml, validates with the same model and applies the same checks
(:func:`generator.source.version_problems`: ids, references, the content hash), plus
duplicate keys. If anything fails — including a value YAML 1.1
reads differently from YAML 1.2 — it loads again with :func:`generator.source.load_version`,
which reports every problem at ``path:line:col``.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Version


class _Doubt(Exception):
    """The fast path is not sure: use the precise loader."""


def load_version_fast(version_dir: Path, policy_id: str) -> Version:
    """The version in ``version_dir``; SourceErrors (with lines) when it is invalid."""
    try:
        return _fast(version_dir, policy_id)
    except Exception:  # any doubt at all: the precise loader decides and explains
        from .loader import load_version

        return load_version(version_dir, policy_id)


def _loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):  # type: ignore[misc,valid-type]
        def construct_mapping(self, node, deep=False):
            keys = [getattr(k, "value", id(k)) for k, _ in node.value]
            if len(keys) != len(set(keys)):
                raise _Doubt("duplicate key")
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def _fast(version_dir: Path, policy_id: str) -> Version:
    import yaml

    loader = _loader()
    meta = yaml.load((version_dir / "version.yaml").read_text(encoding="utf-8"), Loader=loader)
    statement = yaml.load((version_dir / "statement.yaml").read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(meta, dict) or not isinstance(statement, dict):
        raise _Doubt("not a mapping")
    version = Version.model_validate({**meta, "statement": statement})
    _check(version, statement, policy_id, version_dir.name)
    return version


def _check(version: Version, statement: dict, policy_id: str, dirname: str) -> None:
    from .loader import version_problems

    if version_problems(version, statement, policy_id, dirname):
        raise _Doubt("the precise loader will say where")
