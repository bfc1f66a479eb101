"""Check a reader's downloaded receipts against the source: is each one a published version?

The pop-up keeps a receipt for each acknowledgment (``site/assets/popup.js``); a reader,
a merchant or an auditor may hold the downloaded file (``<policy>-receipts.json``). Its
shape is ``generator/schemas/receipts.schema.json``; this checks what a schema cannot:
that each receipt names a published version of the policy, with that version's content
hash, and that the version it replaced is an earlier one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError, SourceErrors
from ..resources import schemas_dir

SCHEMA_PATH = schemas_dir() / "receipts.schema.json"


@dataclass(frozen=True)
class ReceiptCheck:
    """Each receipt's verdict: ``problems`` empty means every receipt is a published version."""

    path: Path
    count: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def read_receipts(path: str | Path) -> dict:
    """The receipts file, checked against its JSON Schema (SourceErrors: where and what)."""
    import jsonschema

    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as e:
        raise SourceErrors([SourceError(path, None, None, e.strerror or str(e))]) from None
    except UnicodeDecodeError:
        raise SourceErrors([SourceError(path, None, None, "not UTF-8 text")]) from None
    except json.JSONDecodeError as e:
        raise SourceErrors([SourceError(path, e.lineno, e.colno, f"not JSON: {e.msg}")]) from None
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise SourceErrors([SourceError(path, None, None, f"{_where(e.absolute_path)}: {e.message}")
                            for e in errors])
    return data


def _where(loc) -> str:
    from ..errors import data_path

    return data_path(tuple(loc)) or "(top level)"


def check_receipts(source_dir: str | Path, path: str | Path) -> ReceiptCheck:
    """Check every receipt of the file at ``path`` against the published versions in ``source_dir``."""
    from ..source.select import load_published

    data = read_receipts(path)
    policy = load_published(source_dir, data["policy"])
    published = {v.version: v for v in policy.versions}
    order = {v.version: i for i, v in enumerate(policy.versions)}
    by_hash = {v.content_hash: v.version for v in policy.versions}
    problems = []
    for i, r in enumerate(data["receipts"]):
        where = f"receipts[{i}]"
        if r["policy"] != policy.id:
            problems.append(f"{where}: policy {r['policy']!r} is not the file's policy {policy.id!r}")
            continue
        version = published.get(r["version"])
        if version is None:
            known = f" (the hash is version {by_hash[r['content_hash']]}'s)" if r["content_hash"] in by_hash else ""
            problems.append(f"{where}: version {r['version']} is not a published version of {policy.id}{known}")
        elif version.content_hash != r["content_hash"]:
            other = by_hash.get(r["content_hash"])
            problems.append(f"{where}: content hash {r['content_hash']} is not version {r['version']}'s "
                            f"({version.content_hash})" + (f"; it is version {other}'s" if other else
                                                          "; no published version has it"))
        elif r["previous"] is not None and order.get(r["previous"], len(order)) >= order[r["version"]]:
            problems.append(f"{where}: previous version {r['previous']} is not a published version "
                            f"before {r['version']}")
    return ReceiptCheck(Path(path), len(data["receipts"]), problems)
