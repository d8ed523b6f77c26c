"""The Makefile's contract (issue 19, items 10 and 11): ``make extract`` installs only
what extraction needs, ``make test`` the rest, and a machine where Chromium cannot be
installed skips the browser tests instead of failing the run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def _make(*args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    assert MAKE is not None
    env = {**os.environ, "PATH": path} if path is not None else None
    return subprocess.run(
        [MAKE, "-s", "-C", str(ROOT), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def _installs(target: str) -> list[str]:
    """The pip installs ``make TARGET`` would run in a fresh clone (a dry run)."""
    commands = _make("-n", "-B", target).stdout.splitlines()
    return [line for line in commands if "pip install" in line and "--upgrade pip" not in line]


def test_make_extract_installs_the_package_without_dev_or_dask_extras() -> None:
    installs = _installs("extract")
    assert installs == [".venv/bin/python -m pip install --quiet -e ."]


def test_make_test_installs_the_dev_and_dask_extras_too() -> None:
    installs = _installs("unit")
    assert '.venv/bin/python -m pip install --quiet -e ".[dev,dask]"' in installs


@pytest.mark.parametrize(
    ("user_id", "apt_get_exit"),
    [("1000", None), ("0", 100)],
    ids=["not root", "root, apt-get fails"],
)
def test_make_browser_without_chromium_says_so_and_does_not_fail(
    tmp_path: Path, user_id: str, apt_get_exit: int | None
) -> None:
    # A PATH with no chromium: only a fake ``id`` (and a failing ``apt-get``).
    (tmp_path / "id").write_text(f"#!/bin/sh\necho {user_id}\n")
    if apt_get_exit is not None:
        (tmp_path / "apt-get").write_text(f"#!/bin/sh\nexit {apt_get_exit}\n")
    for tool in tmp_path.iterdir():
        tool.chmod(0o755)
    result = _make("browser", path=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "cannot be installed here" in result.stdout
    assert "browser tests of the review page will be skipped" in result.stdout
