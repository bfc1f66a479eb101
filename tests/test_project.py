"""The README's two commands, and CI running exactly the second one."""
from __future__ import annotations

import re

from .conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return [c.strip() for c in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_readme_has_two_commands():
    cmds = readme_commands()
    assert len(cmds) == 2
    assert cmds[0].startswith("python3 -m pip install -e .")
    assert "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    body = [ln for ln in ci.splitlines() if ln.strip() and not ln.startswith("#")
            and not ln.startswith(("set ", "cd "))]
    assert body == [readme_commands()[1]]


def test_generated_output_is_not_tracked():
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [p for p in tracked if p.startswith(("build/", "site/generated/")) or p.endswith((".mo", ".pyc"))]
