"""The GitHub Action's work (action.yml): diff a pull request's notices, comment, decide.

Runs ``notices diff --against BASE`` (JSON and Markdown) in the checkout, posts the
Markdown as one pull-request comment (updated in place on the next push: it carries a
hidden marker), adds it to the job summary, and exits

- 1 while a finding is at ``review`` (a person must record a decision: ``notices decide``),
  or when the diff reaches ``NOTICES_FAIL_ON``;
- 2 when the source is invalid (the command's own message is printed);
- 0 otherwise.

Environment: ``NOTICES_SOURCE`` (default ``notices``), ``NOTICES_BASE`` (default
``origin/$GITHUB_BASE_REF``), ``NOTICES_FAIL_ON``, ``NOTICES_COMMENT`` (``true``), and
GitHub's own ``GITHUB_TOKEN``, ``GITHUB_REPOSITORY``, ``GITHUB_EVENT_PATH``,
``GITHUB_API_URL``, ``GITHUB_STEP_SUMMARY``. Standard library only.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request

MARKER = "<!-- notices-diff -->"
LEVELS = ("none", "editorial", "review", "material", "consent")
#: GitHub refuses a comment over 65,536 characters
LIMIT = 60000


def notices(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True)


def api(method: str, path: str, body: dict | None = None):
    url = os.environ.get("GITHUB_API_URL", "https://api.github.com").rstrip("/") + path
    request = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": f"Bearer {os.environ['GITHUB_TOKEN']}",
                                              "Accept": "application/vnd.github+json",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def pull_request_number() -> int | None:
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path:
        return None
    with open(path, encoding="utf-8") as f:
        event = json.load(f)
    return (event.get("pull_request") or {}).get("number")


def comment(body: str) -> str:
    """Post the comment, or update the one an earlier run posted; say which."""
    repo, number = os.environ.get("GITHUB_REPOSITORY"), pull_request_number()
    if not (repo and number and os.environ.get("GITHUB_TOKEN")):
        return "no pull request or token: comment skipped"
    page = 1
    while True:
        existing = api("GET", f"/repos/{repo}/issues/{number}/comments?per_page=100&page={page}") or []
        for c in existing:
            if MARKER in (c.get("body") or ""):
                api("PATCH", f"/repos/{repo}/issues/comments/{c['id']}", {"body": body})
                return f"updated comment {c['id']}"
        if len(existing) < 100:
            break
        page += 1
    created = api("POST", f"/repos/{repo}/issues/{number}/comments", {"body": body})
    return f"posted comment {created.get('id')}"


def main() -> int:
    source = os.environ.get("NOTICES_SOURCE") or "notices"
    base = os.environ.get("NOTICES_BASE") or f"origin/{os.environ.get('GITHUB_BASE_REF') or 'main'}"
    fail_on = os.environ.get("NOTICES_FAIL_ON") or ""
    if fail_on and fail_on not in LEVELS[1:]:
        print(f"NOTICES_FAIL_ON: {fail_on!r} is not one of {', '.join(LEVELS[1:])}", file=sys.stderr)
        return 2
    as_json = notices("diff", "--source", source, "--against", base, "--format", "json")
    if as_json.returncode != 0:
        sys.stderr.write(as_json.stderr)
        return 2
    report = json.loads(as_json.stdout)
    markdown = notices("diff", "--source", source, "--against", base, "--format", "markdown").stdout
    undecided = [f for f in report["findings"] if f["level"] == "review"]
    level = report["level"]
    if undecided:
        verdict = (f"**{len(undecided)} change(s) await a decision** (level `review`): run "
                   f"`notices decide {report['new']['version']}` and commit the decision.")
    else:
        verdict = f"Every change is classified: level `{level}`."
    if len(markdown) > LIMIT:
        markdown = markdown[:LIMIT] + "\n\n… (cut: run `notices diff` for the whole report)\n"
    body = f"{MARKER}\n{verdict}\n\n{markdown}"
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as f:
            f.write(body + "\n")
    if (os.environ.get("NOTICES_COMMENT") or "true").lower() == "true":
        print(comment(body))
    print(verdict)
    if undecided:
        return 1
    if fail_on and level != "none" and LEVELS.index(level) >= LEVELS.index(fail_on):
        print(f"the diff reaches {fail_on}: failing as asked (NOTICES_FAIL_ON)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
