"""The pre-commit hooks, run by pre-commit itself on a canvas repository.

Slow (pre-commit builds the hook's own environment): marked ``slow``; it runs in CI too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

GOOD = (ROOT / "canvases" / "riverside-health-plan.yaml").read_text(encoding="utf-8")
LOCK = ROOT / "requirements" / "test.txt"


def locked_pins(lock: Path, into: Path) -> Path:
    """The lock's pins without their hashes: pip reads hashes in a constraints file as
    a demand that every requirement carry one, which pre-commit's own install cannot."""
    pins = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.strip().removesuffix("\\").strip()
        if line and not line.startswith(("#", "--hash")):
            pins.append(line)
    into.write_text("\n".join(pins) + "\n", encoding="utf-8")
    return into


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _locked_version(package: str) -> str:
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.lower().startswith(f"{package}=="):
            return line.split("==")[1].split()[0]
    raise AssertionError(f"{package} is not in the lock")


@pytest.mark.slow
def test_modelh_check_hook_passes_good_canvases_skips_other_yaml_and_fails_broken(tmp_path):
    pre_commit = Path(sys.executable).with_name("pre-commit")
    assert pre_commit.exists(), "pre-commit is a test dependency: pip install -e '.[test]'"
    repo = tmp_path / "client-canvases"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        # The hook's own environment (and the build of modelh inside it) gets exactly
        # the locked versions, like the test environment itself.
        "PIP_CONSTRAINT": str(locked_pins(LOCK, tmp_path / "constraints.txt")),
        "PIP_LOG": str(tmp_path / "pip.log"),
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
    # The hook's environment (a temporary one) got the locked versions, as pip's log says.
    installed = (tmp_path / "pip.log").read_text(encoding="utf-8").lower()
    for package in ("typer", "pyyaml", "rich", "hatchling"):
        assert f"{package}-{_locked_version(package)}" in installed, package
    (repo / "broken.yaml").write_text("modelh: 1\ncanvas:\n  title: x\n  status: drafty\n")
    _run(["git", "add", "."], repo, env)
    bad = _run([str(pre_commit), "try-repo", str(ROOT), "modelh-check", "--all-files"], repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "\nbroken.yaml\n" in bad.stdout
    assert "4:11  error   MH008 status 'drafty' is not one of draft, review, final" in bad.stdout
    assert "docker-compose.yaml" not in bad.stdout
