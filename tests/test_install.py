"""An installed wheel works from any directory: the wheel carries the templates, the
catalogs and the site project, and its `notices` renders and builds outside the repository.

One wheel per module (per xdist worker), built from a clean copy of the repository: an
in-tree build would write ``build/`` into the working tree, and setuptools would ship stale
files left in ``build/lib`` by an earlier build. The wheel goes into a fresh virtual
environment (no system site-packages, so not the editable install); its dependencies come
from the package index. 40-60 s on a 2-core machine, most of it ``pip install``.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import NOTICES, ROOT

TIMEOUT = 900  # seconds per subprocess: pip may download every dependency

#: repository folder -> the package it becomes in the wheel (pyproject.toml's package-dir)
DATA = {"templates": "generator/_templates", "locales": "generator/_locales", "site": "generator/_site"}


def _skip(path: Path) -> bool:
    """What a clean checkout would not have (.gitignore), and the repository's history."""
    if path == ROOT / "site" / "generated":
        return True
    return (path.name in {".git", "__pycache__", "build", "dist", ".pytest_cache", ".venv", ".cache"}
            or path.name.endswith((".egg-info", ".mo", ".pyc")))


def _ignored(directory: str, names: list[str]) -> set[str]:
    return {n for n in names if _skip(Path(directory) / n)}


def _data_files() -> list[str]:
    """Every file of the data folders, as the wheel must name it."""
    out = []
    for folder, package in DATA.items():
        base = ROOT / folder
        for path in sorted(base.rglob("*")):
            inside = [p for p in (path, *path.parents) if p.is_relative_to(base)]
            if path.is_file() and not any(_skip(p) for p in inside):
                out.append(f"{package}/{path.relative_to(base).as_posix()}")
    return out


def _clean_env() -> dict[str, str]:
    """The environment minus anything that would point Python back at the repository."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "PYTHONUSERBASE"}}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def _run(cmd: list, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=_clean_env(), capture_output=True,
                          text=True, timeout=TIMEOUT)


def _check(p: subprocess.CompletedProcess, what: str) -> subprocess.CompletedProcess:
    assert p.returncode == 0, f"{what} failed ({p.returncode}):\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}"
    return p


@dataclass(frozen=True)
class Venv:
    root: Path
    python: Path
    notices: Path
    elsewhere: Path  # a working directory outside the repository


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    checkout = tmp / "checkout"
    shutil.copytree(ROOT, checkout, ignore=_ignored)
    dist = tmp / "dist"
    _check(_run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                 "--disable-pip-version-check", "-q", "-w", dist, checkout], cwd=tmp), "pip wheel")
    (built,) = dist.glob("allvalue_notices-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Venv:
    tmp = tmp_path_factory.mktemp("venv")
    root = tmp / "venv"
    # no pip inside (ensurepip costs ~8 s): this interpreter's pip installs into it (--python)
    _check(_run([sys.executable, "-m", "venv", "--without-pip", root], cwd=tmp), "python -m venv")
    python = root / "bin" / "python"
    # --no-compile: byte-compiling every dependency (babel, mkdocs-material...) is a third of the time
    _check(_run([sys.executable, "-m", "pip", "--python", python, "install", "--disable-pip-version-check",
                 "--no-compile", "-q", wheel], cwd=tmp),
           "pip install (the wheel and its dependencies, from the package index)")
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return Venv(root, python, root / "bin" / "notices", elsewhere)


def test_wheel_ships_templates_catalogs_site_and_every_module(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = _data_files()
    assert any(n.endswith(".j2") for n in expected)
    assert any(n.endswith("/LC_MESSAGES/statement.po") for n in expected)
    assert any(n.startswith("generator/_site/mkdocs.") for n in expected)
    missing = [n for n in expected if n not in names]
    assert not missing, f"the wheel lacks data files (add a package-data glob to pyproject.toml): {missing}"
    assert "generator/_locales/zh-Hant/LC_MESSAGES/statement.po" in names
    assert "generator/_site/mkdocs.base.yml" in names
    assert "generator/_templates/statement/statement.html.j2" in names
    # the package list in pyproject.toml is explicit: every module and schema must be in it
    code = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "generator").rglob("*"))
            if p.suffix in {".py", ".json"} and "__pycache__" not in p.parts]
    assert "generator/schemas/diff.schema.json" in code
    missing = [n for n in code if n not in names]
    assert not missing, f"the wheel lacks modules (list the package in pyproject.toml): {missing}"
    # nothing generated or compiled rides along
    assert not [n for n in names if n.endswith((".mo", ".pyc")) or "/_site/generated/" in n]


def test_installed_notices_renders_and_builds_outside_the_repository(venv):
    where = _check(_run([venv.python, "-c", "import json, generator, generator.resources as r; "
                         "print(json.dumps([generator.__file__, str(r.templates_dir()), "
                         "str(r.locales_dir()), str(r.site_project_dir()), str(r.schemas_dir())]))"],
                        cwd=venv.elsewhere), "import generator")
    paths = [Path(p).resolve() for p in json.loads(where.stdout)]
    venv_root = venv.root.resolve()
    for p in paths:
        assert p.is_relative_to(venv_root), f"{p} is not the installed package (venv {venv_root})"
    package, data = paths[0].parent, paths[1:]
    assert [d.name for d in data] == ["_templates", "_locales", "_site", "schemas"]
    assert all(d.parent == package and d.is_dir() for d in data)

    render = _check(_run([venv.notices, "render", "--source", NOTICES, "--locale", "zh-Hant",
                          "--format", "html"], cwd=venv.elsewhere), "notices render")
    html = render.stdout
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert 'lang="zh-Hant"' in html
    assert "隱私聲明" in html and "個人資料" in html       # Traditional, from statement.po
    assert "隐私声明" not in html                          # not the Simplified catalog

    site = venv.elsewhere / "SITE"
    _check(_run([venv.notices, "build", "--source", NOTICES, "-o", site], cwd=venv.elsewhere),
           "notices build")
    for page in ("en/index.html", "zh-Hant/index.html", "versions.json", "zh-Hant/assets/rules-center.css"):
        assert (site / page).is_file(), f"{page} missing from the built site"
    assert "隱私聲明" in (site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    json.loads((site / "versions.json").read_text(encoding="utf-8"))
    # the build generated its pages elsewhere, never inside the installed package
    assert not (package / "_site" / "generated").exists()
    assert not (venv.elsewhere / "build").exists()


def test_installed_notices_help(venv):
    help = _run([venv.notices, "--help"], cwd=venv.elsewhere)
    assert help.returncode == 0, help.stderr[-2000:]
    for name in ("render", "build", "validate", "diff", "i18n", "merchant"):
        assert name in help.stdout
