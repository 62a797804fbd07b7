"""The backup folder's label is honest: backups on the data folder's disk are said to die with
it (the default, inside the data folder, always is); elsewhere nothing is said."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.services import backups


def test_the_default_backup_folder_is_on_the_data_disk(data_dir: Path) -> None:
    assert backups.on_the_data_disk(data_dir, backups.backup_folder(data_dir))
    assert backups.on_the_data_disk(data_dir, data_dir / "not" / "made" / "yet")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/shm and /proc")
def test_a_folder_on_another_device_is_not(data_dir: Path) -> None:
    other = Path("/dev/shm")  # tmpfs: another device than the test's data folder
    if not other.is_dir() or other.stat().st_dev == data_dir.stat().st_dev:
        other = Path("/proc")
    assert not backups.on_the_data_disk(data_dir, other)
