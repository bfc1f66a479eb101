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
    # both use the project's virtual environment: Debian's Python refuses a system-wide install
    assert cmds[0].startswith("bash scripts/install.sh") and ".venv/bin/notices build" in cmds[0]
    assert "scripts/install-test-deps.sh" in cmds[1] and ".venv/bin/python -m pytest" in cmds[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    body = [ln for ln in ci.splitlines() if ln.strip() and not ln.startswith("#")
            and not ln.startswith(("set ", "cd "))]
    assert body == [readme_commands()[1]]


def test_generated_output_is_not_tracked():
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [p for p in tracked if p.startswith(("build/", "site/generated/")) or p.endswith((".mo", ".pyc"))]


def test_apt_waits_for_the_dpkg_lock(tmp_path):
    """The install scripts' apt-get calls wait for a lock held by another apt, not fail at once."""
    import os
    import subprocess

    log = tmp_path / "calls"
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    (fake / "sudo").write_text('#!/bin/sh\nexec "$@"\n')
    for tool in ("apt-get", "sudo"):
        (fake / tool).chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", "source scripts/apt.sh && apt_install gettext chromium"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    calls = log.read_text().splitlines()
    assert len(calls) == 2 and all("DPkg::Lock::Timeout=" in c for c in calls), calls
    assert calls[1].endswith("install -y -qq --no-install-recommends gettext chromium")
