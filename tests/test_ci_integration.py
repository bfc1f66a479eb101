"""CI integration, run as a user's CI runs it: the pre-commit hooks through `pre-commit
try-repo`, and the GitHub Action's script against a fake GitHub API on loopback.

Each test works in its own git repository holding a copy of the real source; the draft
and its one made-up edit exist only there (test_workflow.py's edit).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.i18n import LOCALES_DIR

from .conftest import NOTICES, ROOT
from .test_workflow import NEW, edit_draft

SCRIPT = ROOT / "scripts" / "ci" / "pr_diff.py"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})
    return done.stdout


def notices(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=repo, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture
def repo(tmp_path):
    """A user's repository: the source and catalogs, committed."""
    repo = tmp_path / "policies"
    repo.mkdir()
    shutil.copytree(NOTICES, repo / "notices")
    shutil.copytree(LOCALES_DIR, repo / "locales")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "the published statement")
    return repo


# ------------------------------------------------------------------ the GitHub Action
class FakeGitHub(BaseHTTPRequestHandler):
    """The three calls the script makes: list, create and update issue comments."""

    comments: list[dict]
    calls: list[tuple[str, str, dict | None]]

    def log_message(self, *args):
        pass

    def _reply(self, data, status=200):
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length)) if length else None

    def do_GET(self):
        self.calls.append(("GET", self.path, None))
        assert self.headers["Authorization"] == "Bearer test-token"
        self._reply(self.comments)

    def do_POST(self):
        body = self._body()
        self.calls.append(("POST", self.path, body))
        self.comments.append({"id": 100 + len(self.comments), "body": body["body"]})
        self._reply(self.comments[-1], 201)

    def do_PATCH(self):
        body = self._body()
        self.calls.append(("PATCH", self.path, body))
        comment_id = int(self.path.rsplit("/", 1)[1])
        for c in self.comments:
            if c["id"] == comment_id:
                c["body"] = body["body"]
        self._reply({"id": comment_id})


@pytest.fixture
def github(tmp_path):
    handler = type("Handler", (FakeGitHub,), {"comments": [{"id": 7, "body": "an unrelated comment"}],
                                              "calls": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 42}}), encoding="utf-8")
    yield handler, {"GITHUB_API_URL": f"http://127.0.0.1:{server.server_address[1]}",
                    "GITHUB_REPOSITORY": "allvalue/policies", "GITHUB_EVENT_PATH": str(event),
                    "GITHUB_TOKEN": "test-token", "GITHUB_BASE_REF": "main"}
    server.shutdown()
    server.server_close()


def run_action(repo: Path, env: dict, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT)], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env, **extra})


def test_action_comments_the_diff_and_fails_until_the_review_is_decided(repo, github, tmp_path):
    handler, env = github
    summary = tmp_path / "summary.md"
    git(repo, "checkout", "-q", "-b", "revise")
    assert notices(repo, "new-version", "--date", NEW).returncode == 0
    edit_draft(repo / "notices")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "a draft")

    first = run_action(repo, env, NOTICES_BASE="main", GITHUB_STEP_SUMMARY=str(summary))
    assert first.returncode == 1, first.stdout + first.stderr
    [(method, path, body)] = [c for c in handler.calls if c[0] != "GET"]
    assert (method, path) == ("POST", "/repos/allvalue/policies/issues/42/comments")
    assert body["body"].startswith("<!-- notices-diff -->")
    assert f"1 change(s) await a decision** (level `review`): run `notices decide {NEW}`" in body["body"]
    assert "contact.complaint" in body["body"] and "| material |" in body["body"].lower() or \
        "material" in body["body"]
    assert summary.read_text(encoding="utf-8").startswith("<!-- notices-diff -->")

    assert notices(repo, "decide", NEW, "--clause", "contact.complaint", "--level", "editorial",
                   "--rationale", "Same meaning.", "--by", "Legal").returncode == 0
    git(repo, "commit", "-q", "-am", "decided")
    second = run_action(repo, env, NOTICES_BASE="main")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "updated comment 108" in second.stdout or "updated comment" in second.stdout
    patched = [c for c in handler.calls if c[0] == "PATCH"]
    assert len(patched) == 1 and "Every change is classified: level `material`." in patched[0][2]["body"]
    assert len([c for c in handler.comments if "notices-diff" in c["body"]]) == 1  # one comment, updated

    strict = run_action(repo, env, NOTICES_BASE="main", NOTICES_FAIL_ON="material", NOTICES_COMMENT="false")
    assert strict.returncode == 1 and "reaches material" in strict.stdout


def test_action_reports_an_invalid_source_with_its_line(repo, github):
    _, env = github
    st = repo / "notices" / "allvalue-privacy" / "2023-08-25" / "statement.yaml"
    st.write_text(st.read_text(encoding="utf-8").replace("within 15 days.", "within 16 days.", 1), encoding="utf-8")
    res = run_action(repo, env, NOTICES_BASE="main")
    assert res.returncode == 2
    assert "statement.yaml:" in res.stderr and "changed after publication" in res.stderr


# ------------------------------------------------------------------ pre-commit hooks
def test_pre_commit_hooks_through_try_repo(repo, tmp_path):
    """`pre-commit try-repo` installs this repository's hooks as a user's pre-commit would
    (a virtual env with the package) and runs them on the user's repository."""
    if shutil.which("pre-commit") is None and not (Path(sys.executable).parent / "pre-commit").exists():
        pytest.fail("pre-commit is not installed (the test extra installs it)")
    exe = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)

    def try_repo(*hooks: str) -> subprocess.CompletedProcess:
        return subprocess.run([exe, "try-repo", str(ROOT), *hooks, "--all-files", "--color", "never"],
                              cwd=repo, capture_output=True, text=True, env=env, timeout=900)

    clean = try_repo()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    for name in ("notices validate", "notices i18n status", "notices diff against the last commit"):
        assert any(line.startswith(name) and line.rstrip().endswith("Passed")
                   for line in clean.stdout.splitlines()), (name, clean.stdout)

    st = repo / "notices" / "allvalue-privacy" / "2023-08-25" / "statement.yaml"
    st.write_text(st.read_text(encoding="utf-8").replace("within 15 days.", "within 16 days.", 1), encoding="utf-8")
    broken = try_repo("notices-validate")
    assert broken.returncode == 1
    assert "clause rights.respond.time changed after publication" in broken.stdout
