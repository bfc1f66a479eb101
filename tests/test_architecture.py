"""The package's shape: imports point down the layers, no process-global state.

The layers, lowest first (README "Architecture"): a module may import from its own
layer's package or from a lower layer, never from a higher one, and the two top
libraries (merchant notices, the Rules Center) do not import each other.
"""
from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from .conftest import NOTICES, ROOT

PACKAGE = ROOT / "generator"
#: lowest first; a module's layer is its first name under ``generator``
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "files", "resources"),
    ("model",),
    ("source",),
    ("diff",),
    ("lint",),
    ("classify",),
    ("i18n",),
    ("rendering",),
    ("report", "export"),
    ("merchant", "site", "workflow"),
    ("commands", "cli"),
)
LAYER_OF = {name: i for i, names in enumerate(LAYERS) for name in names}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, imported generator module) for every import in the file, function-level and
    TYPE_CHECKING ones included."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("generator")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("generator"):
                continue
            if node.module is None or target == "generator":  # `from .. import x`: x is a module
                found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_module_has_a_layer():
    unplaced = sorted({_layer(m) for m in _modules()} - set(LAYER_OF) - {None})
    assert not unplaced, f"add these to LAYERS and to the README's architecture: {unplaced}"


def test_imports_point_down_the_layers():
    upward = []
    for module, path in sorted(_modules().items()):
        own = _layer(module)
        if own is None:  # generator/__init__.py: the public API, above everything
            continue
        for line, target in _imports(module, path):
            other = _layer(target)
            if other is None or other == own:
                continue
            if LAYER_OF[other] >= LAYER_OF[own]:
                upward.append(f"{path.relative_to(ROOT)}:{line}: {own} imports {target} ({other})")
    assert not upward, "\n".join(upward)


def test_the_layer_check_sees_an_upward_import(tmp_path):
    """The checker itself: a function-level import from model up to site is caught."""
    fake = tmp_path / "generator" / "model" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..site import build_site\n    from generator.report import words\n")
    targets = [t for _line, t in _imports("generator.model.bad", fake)]
    assert targets == ["generator.site", "generator.report"]
    assert all(LAYER_OF[_layer(t)] > LAYER_OF["model"] for t in targets)


def _process_state_writes(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append((node.lineno, "global " + ", ".join(node.names)))
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        for t in targets:
            text = ast.unparse(t)
            if text.startswith(("os.environ[", "sys.modules[")):
                found.append((node.lineno, text + " = ..."))
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name in ("os.putenv", "os.unsetenv") or name.startswith(("os.environ.", "sys.modules.")) \
                    and name.rsplit(".", 1)[1] in ("setdefault", "update", "pop", "clear", "__setitem__"):
                found.append((node.lineno, name + "(...)"))
    return found


def test_no_module_writes_process_global_state():
    """No worker state in module globals, no os.environ or sys.modules edits."""
    found = [f"{path.relative_to(ROOT)}:{line}: {what}" for path in sorted(_modules().values())
             for line, what in _process_state_writes(ast.parse(path.read_text(encoding="utf-8")))]
    assert not found, "\n".join(found)
    planted = ast.parse("import os\nX = 1\ndef f():\n    global X\n    os.environ['A'] = '1'\n"
                        "    os.environ.setdefault('B', '2')\n")
    assert [what for _l, what in _process_state_writes(planted)] == [
        "global X", "os.environ['A'] = ...", "os.environ.setdefault(...)"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_build_leaves_the_environment_as_it_was(tmp_path, jobs):
    from generator.site import build_site

    before = dict(os.environ)
    result = build_site(NOTICES, tmp_path / "site", jobs=jobs, site_url="https://rules.example.com/")
    assert dict(os.environ) == before
    assert (result.output / "en" / "index.html").is_file()
    # the dates mkdocs wrote come from the version, not from the clock
    sitemap = (result.output / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2023-08-25</lastmod>" in sitemap and "SOURCE_DATE_EPOCH" not in os.environ


def test_fork_map_children_do_not_outlive_a_killed_parent(tmp_path):
    """A child whose parent was killed must not block for ever handing back a large result
    (a sibling holding the pipe open kept it alive before)."""
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "fork.py"
    pids = tmp_path / "pids"
    script.write_text(
        "import os, sys, time\n"
        "from generator.site.parallel import fork_map\n"
        f"def work(i):\n    open({str(pids)!r}, 'a').write(f'{{os.getpid()}}\\n'); time.sleep(1); return b'x' * 5_000_000\n"
        "fork_map(work, range(4), 2)\n"
        "time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, str(script)], cwd=ROOT)
    deadline = time.monotonic() + 20
    while (not pids.exists() or len(pids.read_text().split()) < 2) and time.monotonic() < deadline:
        time.sleep(0.05)
    children = [int(p) for p in pids.read_text().split()]
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 15
    alive = children
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in children if _alive(pid)]
    assert not alive, f"children still running after their parent was killed: {alive}"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"  # a zombie has finished
    except FileNotFoundError:
        return False
