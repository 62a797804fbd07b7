"""A dead disk costs nothing that reached a backup or HQ: restore the newest good backup,
then the next sync takes back from HQ everything the backup lacked."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys

import pytest
from sqlalchemy import select

from app.db import station_key
from app.db.models import Report
from app.db.station_file import open_station
from app.domain import recovery_key
from app.paths import database_file
from app.services import audit_verify, backups, receiving
from app.services.sync import sync_engine
from app.settings import load_settings, save_settings
from tests.sync.conftest import ROOT, assert_converged, enroll, receive_and_complete, sign_in
from tests.test_cli import cli


def test_restore_the_newest_backup_then_hq_gives_back_the_rest(desk, hq, tmp_path) -> None:
    data_dir = desk.path.parent
    usb = tmp_path / "usb"
    usb.mkdir()
    settings = load_settings(data_dir)
    settings.backup_folder = str(usb)
    save_settings(data_dir, settings)
    enroll(desk, hq)
    kept = receive_and_complete(desk, 3)
    backups.run_backup(desk, data_dir, reason="shift_end")
    assert sync_engine(desk).run_once().ok
    later = receive_and_complete(desk, 4)  # after the backup: only HQ has these
    receiving.close_report(desk, sign_in(desk), kept[0], "已调解")
    assert sync_engine(desk).run_once().ok
    key = desk.key
    desk.close()
    for path in data_dir.glob("station.sqlite3*"):  # the disk died
        path.unlink()

    found = backups.newest_good(usb, key)
    assert found is not None
    entry, info = found
    backups.restore(data_dir, entry.path, key)
    restored = open_station(data_dir)
    assert receiving.unfinished_receipts(restored) == []
    report = sync_engine(restored).run_once()
    assert report.ok and report.new_generation == 2 and report.recovered > 0
    assert_converged(restored, hq)
    with restored.read() as s:
        from app.db.models import Report

        have = {r.id for r in s.query(Report)}
    assert set(kept) | set(later) <= have
    assert audit_verify.verify(restored).ok
    restored.close()


def test_restore_on_a_new_computer_with_the_recovery_key(desk, tmp_path, test_keyring) -> None:
    """The command line, as an administrator would on a replacement PC: the keyring is empty,
    the backup comes from the USB drive, the recovery key from the safe."""
    data_dir = desk.path.parent
    receive_and_complete(desk, 2)
    info = backups.run_backup(desk, data_dir, reason="manual", folder=tmp_path)
    typed = recovery_key.encode(desk.key)
    desk.close()
    shutil.rmtree(test_keyring)
    test_keyring.mkdir()
    new_pc = tmp_path / "new-pc"
    backup = tmp_path / info.file
    wrong = cli("backup", "restore", "--data-dir", str(new_pc), "--file", str(backup),
                stdin=recovery_key.encode(bytes(32)))  # fmt: skip
    assert wrong.returncode == 2 and "does not open" in wrong.stderr
    assert not database_file(new_pc).exists()
    ok = cli("backup", "restore", "--data-dir", str(new_pc), "--file", str(backup), stdin=typed)
    assert ok.returncode == 0, ok.stderr
    assert station_key.load_key(new_pc) == recovery_key.decode(typed)  # no paper next time
    verify = cli("audit", "verify", "--data-dir", str(new_pc))
    assert verify.returncode == 0, verify.stdout + verify.stderr


@pytest.mark.parametrize("crash_at", ["after_new_generation", "after_recover_commit"])
def test_a_restored_desk_killed_while_taking_back_its_records_still_gets_them_all(
    desk, hq, tmp_path, crash_at: str
) -> None:
    """The new generation is committed before HQ's copies come back: a run killed between
    the two must not leave the desk without them once the next run has settled."""
    data_dir = desk.path.parent
    enroll(desk, hq)
    kept = receive_and_complete(desk, 2)
    info = backups.run_backup(desk, data_dir, reason="shift_end", folder=tmp_path)
    assert sync_engine(desk).run_once().ok
    later = receive_and_complete(desk, 5)  # after the backup: only HQ has these
    assert sync_engine(desk).run_once().ok
    key = desk.key
    desk.close()
    backups.restore(data_dir, tmp_path / info.file, key)
    child = subprocess.run(
        [sys.executable, "-m", "tests.sync.station_child", str(data_dir), crash_at, "1"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    restored = open_station(data_dir)
    for _ in range(3):
        assert sync_engine(restored).run_once().ok
    assert_converged(restored, hq)
    with restored.read() as s:
        have = set(s.scalars(select(Report.id)))
    assert set(kept) | set(later) <= have
    restored.close()


def _restore(desk, backup_file):
    """The disk died: the file comes back from the backup through the app's restore."""
    data_dir, key = desk.path.parent, desk.key
    desk.close()
    backups.restore(data_dir, backup_file, key)
    return open_station(data_dir)


def _serials(store) -> dict[str, str]:
    with store.read() as s:
        return {r.id: r.serial for r in s.scalars(select(Report))}


def test_a_renumbering_the_desk_lost_comes_back_with_the_serial_hq_holds(
    desk, hq, tmp_path
) -> None:
    """Report X took serial 1 and reached HQ; the desk was restored to before X, drew serial 1
    again for Y, and took X back renumbered to 2 (HQ heard). Restored once more, to when X
    still had 1: taking back Y (serial 1) and X's renumbering must end where HQ is, X 2 and
    Y 1, not with the desk keeping X at 1 (found by the fault explorer)."""
    data_dir = desk.path.parent
    for name in ("b0", "b1"):
        (tmp_path / name).mkdir()
    enroll(desk, hq)
    empty = backups.run_backup(desk, data_dir, reason="manual", folder=tmp_path / "b0")
    (x,) = receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    with_x = backups.run_backup(desk, data_dir, reason="manual", folder=tmp_path / "b1")
    desk = _restore(desk, tmp_path / "b0" / empty.file)
    (y,) = receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    first = _serials(desk)
    assert first[y].endswith("-0001") and first[x].endswith("-0002")  # X renumbered
    assert_converged(desk, hq)

    desk = _restore(desk, tmp_path / "b1" / with_x.file)
    report = sync_engine(desk).run_once()
    assert report.ok and report.recovered > 0
    assert _serials(desk) == first
    assert_converged(desk, hq)
    assert audit_verify.verify(desk).ok
    desk.close()


def _numbers(store) -> dict[str, tuple[str, int]]:
    from app.db.models import CaseFile, Visit

    with store.read() as s:
        found = {c.id: ("case_file", c.number) for c in s.scalars(select(CaseFile))}
        found.update({v.id: ("visit", v.number) for v in s.scalars(select(Visit))})
    return found


def test_case_files_and_visits_numbered_again_after_a_restore_keep_both(desk, hq, tmp_path) -> None:
    """Case file X and X's return visits took numbers 1... and reached HQ; the desk was
    restored to before them and drew the same numbers again for case file Y and Y's visits.
    Taking X back must keep both sides: X's move to the next free numbers and say so in a
    revision HQ receives (found by the fault explorer: the take-back failed on a unique number
    at every sync, for ever)."""
    from app.services import case_files

    data_dir = desk.path.parent
    (tmp_path / "b0").mkdir()
    enroll(desk, hq)
    empty = backups.run_backup(desk, data_dir, reason="manual", folder=tmp_path / "b0")

    def file_and_visit(store) -> None:
        (rid,) = receive_and_complete(store, 1)
        officer = sign_in(store)
        case_files.open_file(store, officer, [rid], "重大纠纷")
        receiving.close_report(store, officer, rid, "已调解")  # its return visit is drawn

    file_and_visit(desk)
    assert sync_engine(desk).run_once().ok
    before = _numbers(desk)
    visits = sum(k == "visit" for k, _n in before.values())
    assert ("case_file", 1) in before.values() and visits >= 1

    desk = _restore(desk, tmp_path / "b0" / empty.file)
    file_and_visit(desk)
    report = sync_engine(desk).run_once()
    assert report.ok and report.recovered > 0, report.error
    after = _numbers(desk)
    assert set(before) < set(after)  # X's file and visit are back beside Y's
    for kind, count in (("case_file", 2), ("visit", 2 * visits)):
        assert sorted(n for k, n in after.values() if k == kind) == list(range(1, count + 1))
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
    assert audit_verify.verify(desk).ok
    desk.close()
