"""Policy as code for AllValue's Privacy Statement.

The public API, importable without loading the heavy libraries until used::

    from generator import load_source, render
    from generator.classify import classify
    from generator.diff import compare
    source = load_source("notices")
    print(render(source.version(), format="md"))
    report = classify(compare(old_version, new_version))   # Section VIII levels
"""
from __future__ import annotations

from typing import Any

__all__ = ["load_source", "render", "NoticesError", "SourceErrors"]

_EXPORTS = {
    "load_source": ("generator.source", "load_source"),
    "render": ("generator.rendering", "render"),
    "NoticesError": ("generator.errors", "NoticesError"),
    "SourceErrors": ("generator.errors", "SourceErrors"),
}


def __getattr__(name: str) -> Any:
    # lazy: `notices --help` must not pay for pydantic, jinja2 and markdown-it
    if name in _EXPORTS:
        import importlib

        module, attr = _EXPORTS[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
