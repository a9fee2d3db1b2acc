"""The pre-commit hooks, run by pre-commit itself on a canvas repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

GOOD = (ROOT / "canvases" / "riverside-health-plan.yaml").read_text(encoding="utf-8")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_modelh_check_hook_passes_good_canvases_skips_other_yaml_and_fails_broken(tmp_path):
    pre_commit = Path(sys.executable).with_name("pre-commit")
    assert pre_commit.exists(), "pre-commit is a test dependency: pip install -e '.[test]'"
    repo = tmp_path / "client-canvases"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    _run(["git", "init", "-q"], repo, env)
    (repo / "riverside.yaml").write_text(GOOD, encoding="utf-8")
    shutil.copytree(ROOT / "canvases" / "assets", repo / "assets")
    (repo / "docker-compose.yaml").write_text("services:\n  web: {image: nginx}\n")
    _run(["git", "add", "."], repo, env)
    ok = _run([str(pre_commit), "try-repo", str(ROOT), "modelh-check", "--all-files"], repo, env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "modelh check" in ok.stdout and "Passed" in ok.stdout
    (repo / "broken.yaml").write_text("modelh: 1\ncanvas:\n  title: x\n  status: drafty\n")
    _run(["git", "add", "."], repo, env)
    bad = _run([str(pre_commit), "try-repo", str(ROOT), "modelh-check", "--all-files"], repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "broken.yaml:4:11: error MH008" in bad.stdout or "broken.yaml" in bad.stdout
    assert "docker-compose.yaml" not in bad.stdout
