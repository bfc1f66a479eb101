"""Edit a version's YAML files in place, keeping their comments, order and layout.

Reading for meaning is :mod:`generator.source.yaml12`'s job (one reading, YAML 1.2);
this module only *writes* an editor's file: ruamel's round-trip mode changes the
keys asked for and leaves every other line as the editor wrote it. Every edit is
written atomically and read back by the project's loader before it is kept.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..files import atomic_write, in_words


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the editor kept on one
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def edited_mapping(path: Path, edit: Callable[[Any], None]) -> str:
    """The text of the YAML mapping at ``path`` after ``edit(data)`` changed it in place."""
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    edit(data)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write_text(path: Path, text: str) -> None:
    """Write an edited source file atomically (OutputError in words on failure)."""
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as e:
        raise OutputError(in_words(e, path)) from None


def set_keys(data: Any, values: dict[str, Any], *, after: str | None = None) -> None:
    """Set ``values`` in a round-trip mapping: existing keys keep their place, new ones go
    after ``after`` (or at the end), in the order given."""
    position = list(data).index(after) + 1 if after in data else len(data)
    for key, value in values.items():
        if key in data:
            data[key] = value
        else:
            data.insert(position, key, value)
            position += 1


def remove_keys(data: Any, *keys: str) -> None:
    for key in keys:
        if key in data:
            del data[key]
