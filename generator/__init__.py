"""Policy as code for AllValue's Privacy Statement.

The public API, importable without loading the heavy libraries until used::

    from generator import load_source, render, compare, classify_diff, render_report
    source = load_source("notices")
    print(render(source.version(), format="md"))           # or render_localized(..., locale)
    report = classify_diff(compare(old_version, new_version))  # Section VIII levels
    print(render_report(report, "markdown"))               # text | markdown | json | html

The layers, lowest first (each imports only from those below it): ``model`` ←
``source`` ← ``diff`` ← ``classify`` ← ``i18n`` ← ``rendering`` ← ``report`` ←
``merchant``/``site`` ← ``commands``. ``classify_diff`` is
:func:`generator.classify.classify` (the name ``classify`` is its subpackage's).
"""
from __future__ import annotations

from typing import Any

__all__ = ["load_source", "render", "render_localized", "compare", "classify_diff", "render_report",
           "report_to_json", "NoticesError", "SourceErrors", "UsageError"]

_EXPORTS = {
    "load_source": ("generator.source", "load_source"),
    "render": ("generator.rendering", "render"),
    "render_localized": ("generator.rendering", "render_localized"),
    "compare": ("generator.diff", "compare"),
    "classify_diff": ("generator.classify", "classify"),
    "render_report": ("generator.report", "render_report"),
    "report_to_json": ("generator.report", "report_to_json"),
    "NoticesError": ("generator.errors", "NoticesError"),
    "SourceErrors": ("generator.errors", "SourceErrors"),
    "UsageError": ("generator.errors", "UsageError"),
}


def __getattr__(name: str) -> Any:
    # lazy: `notices --help` must not pay for pydantic, jinja2 and markdown-it
    if name in _EXPORTS:
        import importlib

        module, attr = _EXPORTS[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
