"""A station folder whose database is gone, emptied to zero bytes or left as an empty SQLite
file is a loss to recover from a backup, never a new station: from the app, from every
command, and `init` refuses it. A folder that never held a station still sets up."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app import errors
from app.db.station_file import open_station
from app.paths import database_file
from app.services import backups, receiving, reports, station
from tests.conftest import good_intake
from tests.test_cli import cli


def _delete(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _zero_bytes(path: Path) -> None:
    _delete(path)
    path.write_bytes(b"")


def _empty_sqlite(path: Path) -> None:
    _delete(path)
    sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    sqlite3.connect(path).execute("VACUUM").connection.close()  # a header and no table


LOSSES: dict[str, Callable[[Path], None]] = {
    "deleted": _delete,
    "zero-bytes": _zero_bytes,
    "empty-sqlite": _empty_sqlite,
}


@pytest.fixture
def lost(store, chief, catalog, data_dir) -> tuple[Path, list[str]]:
    """A station with saved reports and a backup; the database is then lost."""
    ids = []
    for _ in range(3):
        r = receiving.receive(store, chief)
        receiving.save_intake(store, chief, r.id, good_intake(), catalog)
        ids.append(r.id)
    info = backups.run_backup(store, data_dir, reason="manual", by=chief)
    store.close()
    return backups.backup_folder(data_dir) / info.file, ids


@pytest.mark.parametrize("loss", sorted(LOSSES))
def test_a_lost_database_is_never_a_new_station(lost, data_dir, loss: str) -> None:
    backup, ids = lost
    path = database_file(data_dir)
    LOSSES[loss](path)
    before = path.read_bytes() if path.exists() else None
    for create in (False, True):
        with pytest.raises(errors.DatabaseMissingError):
            open_station(data_dir, create=create)
    assert (path.read_bytes() if path.exists() else None) == before  # nothing set up there

    # every command says so in one line; init refuses the folder
    for args in (
        ["export", "--data-dir", str(data_dir), "--out", str(data_dir / "out.jsonl")],
        ["audit", "verify", "--data-dir", str(data_dir)],
        ["sync", "--data-dir", str(data_dir)],
        [
            "init",
            "--data-dir",
            str(data_dir),
            "--unit-code",
            "140107",
            "--unit-name",
            "x",
            "--contact-phone",
            "0351-3041234",
        ]
        + ["--parent-bureau", "y", "--officer-badge", "000001", "--officer-name", "赵毅君"]
        + ["--admin-badge", "000009", "--admin-name", "孙立新"],
    ):
        done = cli(*args, stdin="demo1234\ndemo1234\n")
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "missing or empty" in lines[0], (args, done.stderr)
        assert "backup restore" in lines[0]
    assert (path.read_bytes() if path.exists() else None) == before
    assert not (data_dir / "out.jsonl").exists()

    # the way out it names works
    done = cli("backup", "restore", "--data-dir", str(data_dir), "--file", str(backup))
    assert done.returncode == 0, done.stderr
    restored = open_station(data_dir)
    assert station.is_set_up(restored)
    assert all(reports.get_report(restored, i) is not None for i in ids)
    restored.close()


@pytest.mark.parametrize("loss", ["zero-bytes", "empty-sqlite"])
def test_a_folder_that_never_held_a_station_still_sets_up(tmp_path: Path, loss: str) -> None:
    data_dir = tmp_path / "new"
    data_dir.mkdir()
    LOSSES[loss](database_file(data_dir))
    with pytest.raises(errors.NotSetUpError):
        open_station(data_dir)
    store = open_station(data_dir, create=True)
    assert not station.is_set_up(store)
    store.close()
