"""Build the one-folder PyInstaller bundle and run its --self-test, as a packager would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_frozen_bundle_self_test(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    build = subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    exe = tmp_path / "dist" / "stationdesk" / "stationdesk"
    assert exe.exists()
    bundle = exe.parent / "_internal"
    assert (bundle / "resources" / "fonts" / "wqy-microhei.ttc").exists()
    assert (bundle / "migrations" / "versions").is_dir()
    # the file and plaintext keyrings (a development dependency) are not shipped
    packed = " ".join(p.read_text(errors="replace") for p in (tmp_path / "build").rglob("*.toc"))
    assert "keyring.backends" in packed and "keyrings.alt" not in packed
    run = subprocess.run(
        [str(exe), "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert "self-test OK" in run.stdout
