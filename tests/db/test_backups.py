"""Backups: written with the online backup API while the desk works, encrypted, checked, kept in
generations; damaged, truncated, foreign and missing backups and full disks each get a clear
error and cost nothing already saved."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import errors
from app.db.engine import Store
from app.db.station_file import open_station
from app.domain.validation import id_check_char
from app.services import audit, audit_verify, backups, receiving, reports
from app.settings import load_settings, save_settings
from tests.conftest import good_intake

ID_NUMBER = "14010719820315002" + id_check_char("14010719820315002")
NAME, PHONE = "欧阳慧敏", "13987654321"


def _split_digest(data: bytes) -> str:
    """A manifest's digest as its format 2 defines it: the SHA-256 of page 1's SHA-256 and the
    SHA-256 of the rest."""
    head = hashlib.sha256(data[:4096]).digest()
    return hashlib.sha256(head + hashlib.sha256(data[4096:]).digest()).hexdigest()


def _fill(store: Store, chief, catalog, n: int = 5) -> list[str]:
    ids = []
    for _ in range(n):
        r = receiving.receive(store, chief)
        receiving.save_intake(
            store,
            chief,
            r.id,
            good_intake(reporter_name=NAME, reporter_phone=PHONE, reporter_id_number=ID_NUMBER),
            catalog,
        )
        ids.append(r.id)
    return ids


def test_a_backup_is_encrypted_checked_and_kept_in_generations(
    store, chief, catalog, data_dir
) -> None:
    _fill(store, chief, catalog)
    settings = load_settings(data_dir)
    settings.backup_generations = 2
    save_settings(data_dir, settings)
    made = [backups.run_backup(store, data_dir, reason="manual", by=chief) for _ in range(3)]
    folder = backups.backup_folder(data_dir)
    listed = backups.list_backups(folder)
    assert len(listed) == 2 and {e.path.name for e in listed} <= {m.file for m in made}
    newest = listed[0].info
    assert newest is not None and newest.reports == 5 and newest.last_seq > 0
    assert backups.check_backup(listed[0].path, store.key) == newest
    for path in folder.iterdir():  # the backup and its manifest show no one's details
        data = path.read_bytes()
        assert NAME.encode() not in data and PHONE.encode() not in data
    assert [e.action for e in audit.entries_for(store, chief.id)].count("sign_in") == 1
    with store.read() as s:
        from sqlalchemy import text

        actions = s.execute(text("SELECT action FROM audit WHERE action = 'backup'")).all()
    assert len(actions) == 3


def test_the_desk_goes_on_receiving_while_a_backup_runs(store, chief, catalog, data_dir):
    from app.services import demo

    demo.generate(store, catalog, 3000, seed=3)
    done = threading.Event()
    result: list[object] = []

    def run() -> None:
        try:
            result.append(backups.run_backup(store, data_dir, reason="schedule"))
        finally:
            done.set()

    thread = threading.Thread(target=run)
    thread.start()
    received = 0
    while not done.is_set():
        receiving.receive(store, chief)  # never blocked by the backup's long read
        received += 1
    thread.join()
    (info,) = result
    assert isinstance(info, backups.BackupInfo) and received > 0
    assert 3000 <= info.reports <= 3000 + received  # one consistent moment in between


def test_truncated_changed_and_foreign_backups_are_told_apart(
    store, chief, catalog, data_dir, tmp_path
) -> None:
    _fill(store, chief, catalog, 2)
    info = backups.run_backup(store, data_dir, reason="manual")
    path = backups.backup_folder(data_dir) / info.file
    original = path.read_bytes()

    path.write_bytes(original[: len(original) // 2])
    with pytest.raises(errors.BackupDamagedError) as cut:
        backups.check_backup(path, store.key)
    assert cut.value.details["reason"] == "truncated"
    assert backups.list_backups(path.parent)[0].problem == "size"

    changed = bytearray(original)
    changed[len(changed) // 2] ^= 0xFF
    path.write_bytes(bytes(changed))
    with pytest.raises(errors.BackupDamagedError) as edited:
        backups.check_backup(path, store.key)
    assert edited.value.details["reason"] == "changed"

    manifest = path.with_name(path.name + ".json")  # a forger who also fixes the manifest
    described = json.loads(manifest.read_text("utf-8"))
    original_manifest = manifest.read_text("utf-8")
    described["sha256"] = _split_digest(bytes(changed))
    manifest.write_text(json.dumps(described), "utf-8")
    with pytest.raises(errors.BackupDamagedError) as forged:
        backups.check_backup(path, store.key)  # the page no longer authenticates
    assert forged.value.details["reason"] in ("check", "unreadable")
    manifest.write_text(original_manifest, "utf-8")

    path.write_bytes(original)
    with pytest.raises(errors.DatabaseKeyWrongError):
        backups.check_backup(path, bytes(32))  # another station's key
    assert backups.check_backup(path, store.key).file == info.file


def test_the_manifest_names_the_files_digest_and_older_manifests_still_check(
    store, chief, catalog, data_dir
) -> None:
    _fill(store, chief, catalog, 2)
    info = backups.run_backup(store, data_dir, reason="manual")
    path = backups.backup_folder(data_dir) / info.file
    data = path.read_bytes()
    assert info.format == 2 and info.sha256 == _split_digest(data)

    manifest = path.with_name(path.name + ".json")  # as StationDesk wrote it before format 2
    older = json.loads(manifest.read_text("utf-8"))
    older.update(format=1, sha256=hashlib.sha256(data).hexdigest())
    manifest.write_text(json.dumps(older), "utf-8")
    assert backups.check_backup(path, store.key).format == 1
    older["sha256"] = _split_digest(data)  # a format-1 manifest names the plain SHA-256
    manifest.write_text(json.dumps(older), "utf-8")
    with pytest.raises(errors.BackupDamagedError) as wrong:
        backups.check_backup(path, store.key)
    assert wrong.value.details["reason"] == "changed"
    older.update(format=3)
    manifest.write_text(json.dumps(older), "utf-8")
    assert backups.list_backups(path.parent)[0].problem == "no_manifest"


def test_a_backup_folder_that_vanished_is_said_and_nothing_is_lost(
    store, chief, catalog, data_dir, tmp_path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = load_settings(data_dir)
    settings.backup_folder = str(usb)
    save_settings(data_dir, settings)
    backups.run_backup(store, data_dir, reason="manual")
    shutil.rmtree(usb)  # the drive was pulled out
    ids = _fill(store, chief, catalog, 1)
    with pytest.raises(errors.BackupFolderError) as exc:
        backups.run_backup(store, data_dir, reason="schedule")
    assert exc.value.details["reason"] == "missing"
    assert not usb.exists()  # not silently re-created on the desk's own disk
    assert reports.get_report(store, ids[0])["reporter_name"] == NAME


@contextlib.contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` (needs root, as CI has; skipped elsewhere)."""
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_full_backup_disk_leaves_no_partial_backup(store, chief, catalog, data_dir, tmp_path):
    from app.services import demo

    demo.generate(store, catalog, 1500, seed=5)
    with small_disk(tmp_path / "tiny", "256k") as tiny:
        with pytest.raises(errors.BackupFailedError) as exc:
            backups.run_backup(store, data_dir, reason="manual", folder=tiny)
        assert exc.value.details["reason"] == "full"
        assert list(tiny.iterdir()) == []
    receiving.receive(store, chief)  # the desk is unaffected


def test_disk_full_during_a_save_keeps_everything_confirmed(tmp_path, catalog) -> None:
    from app.services import station

    with small_disk(tmp_path / "disk", "2m") as disk:
        data_dir = disk / "station"
        store = open_station(data_dir, create=True)
        station.set_up_station(
            store,
            unit_code="140107",
            unit_name="三桥派出所",
            contact_phone="0351-3041234",
            officer_badge="000001",
            officer_name="赵毅君",
            password="correct-horse",
        )
        chief = station.sign_in(store, "000001", "correct-horse")
        filler = disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as f:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
                os.fsync(f.fileno())
        confirmed: list[str] = []
        with pytest.raises(errors.DatabaseFullError):
            for _ in range(2000):
                confirmed.append(receiving.receive(store, chief).id)
        filler.unlink()  # space is freed; what was confirmed is all there
        kept = {u.id for u in receiving.unfinished_receipts(store, limit=5000)}
        assert set(confirmed) <= kept
        assert audit_verify.verify(store).ok
        receiving.receive(store, chief)
        store.close()


def test_nothing_personal_is_readable_in_any_file_the_station_writes(
    store, chief, catalog, data_dir
) -> None:
    """The database, its WAL, backups, manifests, settings, the key record, logs and crash
    reports: none shows a name, phone number or ID number."""
    from app.common.logs import write_crash_report

    _fill(store, chief, catalog, 3)
    backups.run_backup(store, data_dir, reason="manual")
    try:
        raise ValueError(f"could not save {NAME} {PHONE} {ID_NUMBER}")
    except ValueError as exc:
        write_crash_report(data_dir, exc)
    assert Path(f"{store.path}-wal").stat().st_size > 0  # the WAL is there to be read
    needles = [
        v.encode(enc)
        for v in (NAME, PHONE, ID_NUMBER, "王芳")
        for enc in ("utf-8", "utf-16-le", "gb18030")
    ]
    seen = 0
    for path in data_dir.rglob("*"):
        if path.is_file():
            seen += 1
            data = path.read_bytes()
            found = [n for n in needles if n in data]
            assert not found, f"{path.name} shows {found}"
    assert seen >= 6
    report = next((data_dir / "logs").glob("crash-*.txt")).read_text("utf-8")
    assert "ValueError" in report and "test_backups.py" in report
    json.loads((data_dir / "station.key.json").read_text("utf-8"))


def test_a_backup_that_does_not_read_back_as_written_is_not_kept(
    store, chief, catalog, data_dir, monkeypatch
) -> None:
    """A page changed between writing and reading back (a failing drive) fails the backup
    with its own message; no file is left that a restore could pick."""
    from app.db import cipher

    _fill(store, chief, catalog, 2)
    real_fsync = cipher.fsync_file

    def fsync_then_decay(path: Path) -> None:
        real_fsync(path)
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x40
        path.write_bytes(bytes(data))

    monkeypatch.setattr(cipher, "fsync_file", fsync_then_decay)
    with pytest.raises(errors.BackupDamagedError) as failed:
        backups.run_backup(store, data_dir, reason="manual", by=chief)
    assert failed.value.details["reason"] == "check"
    assert "fail their authentication" in failed.value.details["detail"]
    folder = backups.backup_folder(data_dir)
    assert list(folder.iterdir()) == []
    assert reports.count_reports(store, reports.ReportFilter()) == 2
