"""`make run` serves this machine only unless asked (`HOST=0.0.0.0`)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT


def _run_command(*overrides: str) -> str:
    printed = subprocess.run(
        ["make", "-n", "run", *overrides], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout  # -n: the commands are printed, none is run
    (line,) = [line for line in printed.splitlines() if "streamlit run app.py" in line]
    return line


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_listens_on_loopback_unless_another_host_is_asked():
    assert "--server.address 127.0.0.1 " in _run_command()
    assert "--server.address 0.0.0.0 " in _run_command("HOST=0.0.0.0")
