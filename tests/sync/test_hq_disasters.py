"""What happens at HQ's end: HQ restored from an older backup, the station moved to another HQ,
and one station identity running on two computers. Each ends with HQ holding every record of
the station exactly once and the station settled, or, for the second computer, refused with a
message that says what to do and nothing lost."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import cipher
from app.db.engine import Store
from app.db.models import Report
from app.hq.cli import main as hq_main
from app.hq.models import HqRevision
from app.services import receiving, reminder_sheets, sync
from app.services.sync import sync_engine
from app.sync import outbox
from tests.sync.conftest import (
    ROOT,
    HqProcess,
    assert_converged,
    drop_hq_database,
    enroll,
    free_port,
    new_hq_database,
    receive_and_complete,
    sign_in,
)
from tests.test_cli import cli


def _alarms(hq: HqProcess, kind: str) -> list[dict]:
    return [a for a in hq.service().alarms() if a["kind"] == kind]


def test_hq_restored_from_an_older_backup_gets_back_what_it_lost(
    desk, hq, tmp_path, capsys
) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 6)
    assert sync_engine(desk).run_once().ok
    backup = hq.backup(tmp_path / "hq-1.dump")
    later = receive_and_complete(desk, 5)
    receiving.start_handling(desk, sign_in(desk), later[0])
    lost = sync.sync_status(desk).pending
    assert sync_engine(desk).run_once().ok
    hq.restore(backup)  # HQ's disk replaced by last night's backup

    report = sync_engine(desk).run_once()
    assert report.ok and report.hq_behind == lost, report
    assert report.duplicates == 0 and report.mismatches == 0
    assert_converged(desk, hq)
    (alarm,) = _alarms(hq, "hq_behind")
    assert alarm["unit_code"] == "140107"
    assert alarm["detail"]["what"] == f"140107: station was ahead of HQ by {lost} revisions; resent"
    assert hq_main(["stations", "--db", hq.db_url, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["alarms"] == 1 and f"ahead of HQ by {lost} " in row["newest_alarm"]
    assert hq_main(["alarms", "--db", hq.db_url]) == 0
    assert f"station was ahead of HQ by {lost} revisions; resent" in capsys.readouterr().out

    receive_and_complete(desk, 1)  # and the desk goes on as before
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
    assert len(_alarms(hq, "hq_behind")) == 1


def test_a_restore_that_lost_a_whole_generation_moves_the_rest_to_a_new_one(
    desk, hq, tmp_path
) -> None:
    """The desk itself was restored once (generation 2); HQ then goes back to a backup from
    before that: HQ lacks generation 2 and the tail of generation 1."""
    enroll(desk, hq)
    receive_and_complete(desk, 3)
    assert sync_engine(desk).run_once().ok
    hq_backup = hq.backup(tmp_path / "hq-1.dump")
    desk_backup = tmp_path / "desk.sqlite3"
    _copy(desk.path, desk_backup, desk.key)
    receive_and_complete(desk, 2)
    assert sync_engine(desk).run_once().ok
    restored = _replace_file(desk, desk_backup)  # the desk's disk dies: generation 2
    assert sync_engine(restored).run_once().new_generation == 2
    receive_and_complete(restored, 2)
    assert sync_engine(restored).run_once().ok
    assert_converged(restored, hq)

    hq.restore(hq_backup)
    report = sync_engine(restored).run_once()
    assert report.ok and report.hq_behind > 0 and report.new_generation == 3, report
    assert_converged(restored, hq)
    restored.close()


def test_the_station_moved_to_a_second_empty_hq(desk, hq, hq_db, tmp_path, pg_template) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 4)
    assert sync_engine(desk).run_once().ok
    assert sync.sync_status(desk).confirmed

    second = _second_hq(tmp_path, pg_template)
    try:
        enroll(desk, second)
        status = sync.sync_status(desk)
        assert status.pending == 0 and not status.confirmed  # the new HQ has said nothing yet
        held = sync.sync_status(desk)
        report = sync_engine(desk).run_once()
        assert report.ok and report.hq_behind == report.stored > 0, report
        assert held.pending == 0
        assert sync.sync_status(desk).confirmed
        assert_converged(desk, second)
        assert _alarms(second, "hq_behind")
        receive_and_complete(desk, 1)
        assert sync_engine(desk).run_once().ok
        assert_converged(desk, second)
    finally:
        second.stop()
        drop_hq_database(second.db_url)


def test_instructions_issued_after_hq_backup_are_neither_lost_nor_applied_twice(
    desk, hq, tmp_path
) -> None:
    enroll(desk, hq)
    service = hq.service()
    service.add_instruction("140107", "notice", {"text": "一"})
    assert sync_engine(desk).run_once().ok
    backup = hq.backup(tmp_path / "hq-1.dump")
    service.add_instruction("140107", "notice", {"text": "二"})
    service.add_instruction(None, "notice", {"text": "三"})
    assert sync_engine(desk).run_once().ok
    hq.restore(backup)
    # the restored HQ hands out the numbers of 二 and 三 again, to new notices
    hq.service().add_instruction("140107", "notice", {"text": "四"})
    assert sync_engine(desk).run_once().ok
    hq.service().add_instruction("140107", "notice", {"text": "五"})
    assert sync_engine(desk).run_once().ok
    texts = sorted(n.text for n in sync.notices(desk))
    assert texts == sorted(["一", "二", "三", "四", "五"])


def test_a_reminder_sheet_hq_lost_comes_back_from_the_station(hq, tmp_path) -> None:
    from tests.sync.conftest import make_station

    near = make_station(tmp_path / "a", "140107")
    far = make_station(tmp_path / "b", "140108")
    enroll(near, hq, "140107")
    enroll(far, hq, "140108")
    receive_and_complete(far, 1, same_reporter=True)
    assert sync_engine(far).run_once().ok
    backup = hq.backup(tmp_path / "hq-1.dump")
    receive_and_complete(near, 1, same_reporter=True)  # the same phone: a cross-station repeat
    assert sync_engine(near).run_once().ok
    (waiting,) = hq.service().review_queue()
    hq.service().decide_sheet(waiting["code"], "值班长", send=None)  # the command centre issues
    assert sync_engine(near).run_once().ok  # pulls the sheet
    (sheet,) = reminder_sheets.sheets(near)
    reminder_sheets.feed_back(near, sign_in(near), sheet.id, "receipt", "已签收")
    assert sync_engine(near).run_once().ok
    before = {s["code"]: s for s in hq.service().reminder_sheets()}

    hq.restore(backup)
    assert hq.service().reminder_sheets() == []
    for store in (near, far):
        assert sync_engine(store).run_once().ok
        assert sync_engine(store).run_once().ok
    after = {s["code"]: s for s in hq.service().reminder_sheets()}
    assert after.keys() == before.keys()  # the sheet is back, and no second one was issued
    assert after[sheet.code]["receipt"] == "已签收"
    assert len(reminder_sheets.sheets(near)) == 1
    assert_converged(near, hq)
    assert_converged(far, hq)
    near.close()
    far.close()


def _second_computer(desk: Store, tmp_path: Path) -> Store:
    """The data folder copied to a second PC (whose keyring holds its own computer id)."""
    copy_dir = tmp_path / "copied"
    shutil.copytree(desk.path.parent, copy_dir, ignore=shutil.ignore_patterns("station.sqlite3*"))
    _copy(desk.path, copy_dir / desk.path.name, desk.key)
    return Store(copy_dir / desk.path.name, desk.key)


SECOND_PC = uuid.uuid4().hex


def test_one_station_identity_on_two_computers(desk, hq, tmp_path) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 2)
    assert sync_engine(desk).run_once().ok
    other = _second_computer(desk, tmp_path)

    mine = receive_and_complete(desk, 2)
    assert sync_engine(desk).run_once().ok
    theirs = receive_and_complete(other, 2)
    # the copy finds its numbers taken at HQ by another computer: HQ keeps what it brings,
    # raises the alarm and refuses it from then on
    report = sync_engine(other, computer=SECOND_PC).run_once()
    assert report.error_code == "station_split" and "another computer" in report.error

    (alarm,) = _alarms(hq, "split")
    assert alarm["detail"]["kept"] == 1 and alarm["detail"]["refused"] == [2]
    receive_and_complete(other, 1)
    report = sync_engine(other, computer=SECOND_PC).run_once()
    assert report.error_code == "station_split" and "another computer" in report.error
    status = sync.sync_status(other)
    assert status.needs_person and not sync.is_due(other)
    failed = cli("sync", "--data-dir", str(other.path.parent))
    assert failed.returncode == 2 and "another computer" in failed.stderr

    assert_converged(desk, hq)  # the original goes on, and HQ's current state is its own
    more = receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
    # nothing lost: what the copy received is at HQ or still on the copy
    with hq.service().session() as s:
        at_hq = set(s.scalars(select(HqRevision.record_id)))
    with other.read() as s:
        on_copy = set(s.scalars(select(Report.id)))
    assert set(theirs) <= at_hq and set(theirs) <= on_copy
    assert set(mine + more) <= at_hq
    other.close()


def test_a_copy_killed_as_it_starts_its_generation_is_still_refused(desk, hq, tmp_path) -> None:
    """What the copy found (numbers taken by another computer) is kept with the new generation:
    the run after a kill tells HQ just as the killed one would have."""
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    other = _second_computer(desk, tmp_path)
    mine = receive_and_complete(desk, 2)
    assert sync_engine(desk).run_once().ok
    theirs = receive_and_complete(other, 1)
    other.close()
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.sync.station_child",
            str(other.path.parent),
            "after_new_generation",
            "500",
            SECOND_PC,
        ],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    other = Store(other.path, desk.key)
    report = sync_engine(other, computer=SECOND_PC).run_once()
    assert report.error_code == "station_split" and "another computer" in report.error
    assert len(_alarms(hq, "split")) == 1
    with other.read() as s:  # the copy took the original's records back and kept its own
        assert set(mine + theirs) <= set(s.scalars(select(Report.id)))
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
    other.close()


def test_a_follower_moved_to_a_fresh_hq_is_refused_once_both_went_on(
    desk, hq, tmp_path, pg_template
) -> None:
    """A copy took the original's records back, then brought work of its own in a generation
    of its own. Both are moved to a fresh HQ; the original brings its later work first. The
    copy finds the fresh HQ lacking what the old one had acknowledged and starts again above
    everything HQ holds, so no seq overlaps: yet it lacks the original's later work and has
    its own. It is refused, with the split alarm, and keeps every record (found in a soak of
    the fault explorer)."""
    enroll(desk, hq)
    other = _second_computer(desk, tmp_path)  # a copy of a desk with nothing yet
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    follows = sync_engine(other, computer=SECOND_PC).run_once()
    assert follows.ok and follows.recovered == 2  # it follows: nothing of its own yet
    early = receive_and_complete(other, 1)
    assert sync_engine(other, computer=SECOND_PC).run_once().ok  # the old HQ took it
    fresh = _second_hq(tmp_path, pg_template)
    try:
        for store in (desk, other):
            enroll(store, fresh)
        receive_and_complete(desk, 1)  # the original goes on, at the fresh HQ first
        assert sync_engine(desk).run_once().ok
        report = sync_engine(other, computer=SECOND_PC).run_once()
        assert report.error_code == "station_split", report
        assert len(_alarms(fresh, "split")) == 1
        with other.read() as s:  # it kept every record of its own
            assert set(early) <= set(s.scalars(select(Report.id)))
        assert sync_engine(desk).run_once().ok
        assert_converged(desk, fresh)
    finally:
        fresh.stop()
        drop_hq_database(fresh.db_url)
    other.close()


def test_a_copy_whose_acknowledged_seqs_a_fresh_hq_holds_from_the_original_is_refused(
    desk, hq, tmp_path, pg_template
) -> None:
    """Each copy had its own revisions acknowledged at seqs 1-2 (by different HQs); both are
    moved to a fresh HQ and the original brings its seqs 1-2 first. HQ's acknowledgement
    count matches the copy's own watermark, but the revision HQ holds there is not the
    copy's: its numbers are taken, and it is refused rather than continuing the original's
    generation with its own seq 3 (found by the fault explorer)."""
    other = _second_computer(desk, tmp_path)  # copied before anything was received
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    elsewhere = _second_hq(tmp_path, pg_template, "hq-old")
    fresh = _second_hq(tmp_path, pg_template, "hq-new")
    try:
        enroll(other, elsewhere)
        early = receive_and_complete(other, 1)
        assert sync_engine(other, computer=SECOND_PC).run_once().ok
        for store in (desk, other):
            enroll(store, fresh)
        assert sync_engine(desk).run_once().ok  # the original's seqs 1-2 at the fresh HQ
        later = receive_and_complete(other, 1)
        report = sync_engine(other, computer=SECOND_PC).run_once()
        assert report.error_code == "station_split", report
        assert len(_alarms(fresh, "split")) == 1
        with other.read() as s:  # it kept every record of its own
            assert set(early + later) <= set(s.scalars(select(Report.id)))
        assert sync_engine(desk).run_once().ok
        assert_converged(desk, fresh)
    finally:
        for process in (elsewhere, fresh):
            process.stop()
            drop_hq_database(process.db_url)
    other.close()


def test_a_copy_with_less_new_work_than_the_original_is_refused_too(desk, hq, tmp_path) -> None:
    """HQ holds more seqs than the copy wrote: not a desk merely behind, another computer's."""
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    other = _second_computer(desk, tmp_path)
    receive_and_complete(desk, 3)
    assert sync_engine(desk).run_once().ok
    receive_and_complete(other, 1)
    report = sync_engine(other, computer=SECOND_PC).run_once()
    assert report.error_code == "station_split", report
    assert len(_alarms(hq, "split")) == 1
    assert_converged(desk, hq)  # HQ's serials and current state are the original's
    other.close()


def test_a_copy_that_only_follows_is_refused_once_both_bring_work(desk, hq, tmp_path) -> None:
    """A copy with nothing of its own takes the original's records back; when both then
    bring new work, HQ keeps the computer that was first and refuses the other."""
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    other = _second_computer(desk, tmp_path)
    receive_and_complete(desk, 2)
    assert sync_engine(desk).run_once().ok
    assert sync_engine(other, computer=SECOND_PC).run_once().ok  # behind: catches up
    receive_and_complete(other, 1)
    assert sync_engine(other, computer=SECOND_PC).run_once().ok
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok  # new work under the older generation: the split
    assert len(_alarms(hq, "split")) == 1
    report = sync_engine(other, computer=SECOND_PC).run_once()
    assert report.error_code == "station_split"
    assert_converged(desk, hq)
    other.close()


def test_a_file_put_back_by_hand_with_new_work_is_not_taken_for_a_copy(desk, hq, tmp_path) -> None:
    """Restored by copying last week's file back (not `backup restore`), then more reports
    received than the backup lacked: the numbers HQ holds came from this same computer."""
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    backup = tmp_path / "desk.sqlite3"
    _copy(desk.path, backup, desk.key)
    lost = receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    restored = _replace_file(desk, backup)
    receive_and_complete(restored, 3)
    report = sync_engine(restored).run_once()
    assert report.ok and report.new_generation == 2 and report.error_code == "", report
    assert not _alarms(hq, "split")
    with restored.read() as s:
        assert set(lost) <= set(s.scalars(select(Report.id)))  # taken back from HQ
    assert_converged(restored, hq)
    restored.close()


def test_both_ends_restored_to_lives_numbered_alike_lose_nothing(desk, hq, tmp_path) -> None:
    """HQ and the desk each went back to a backup of another day: HQ holds one life of the
    station and the desk another, numbered alike (same generation, same seqs, every count
    agreeing). The desk tells them apart by id: its own work goes out again, HQ's other life
    comes back, and HQ raises the alarm. Found by the fault explorer (seed 772870757)."""
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    desk_backup, hq_early = tmp_path / "desk.sqlite3", hq.backup(tmp_path / "hq-0.dump")
    _copy(desk.path, desk_backup, desk.key)
    first_life = receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    hq_first_life = hq.backup(tmp_path / "hq-1.dump")

    hq.restore(hq_early)  # both ends back to the day before
    restored = _replace_file(desk, desk_backup)
    second_life = receive_and_complete(restored, 1)  # the same seqs, other revisions
    assert sync_engine(restored).run_once().ok
    assert_converged(restored, hq)

    hq.restore(hq_first_life)  # HQ's disk replaced by the other day's backup
    report = sync_engine(restored).run_once()
    assert report.ok and report.hq_behind > 0 and report.mismatches == 0, report
    assert_converged(restored, hq)  # every revision of the desk at HQ, the same content
    with restored.read() as s:
        held = set(s.scalars(select(Report.id)))
    assert set(first_life) | set(second_life) <= held  # HQ's other life taken back
    assert _alarms(hq, "hq_behind")
    assert not _alarms(hq, "split")
    restored.close()


# -- helpers -----------------------------------------------------------------------------------
def _copy(source: Path, target: Path, key: bytes | None) -> None:
    src = cipher.connect(source, key)
    cipher.copy_database(src, target, key)
    src.close()


def _replace_file(store: Store, backup: Path) -> Store:
    path, key = store.path, store.key
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _copy(backup, path, key)
    return Store(path, key)


def _second_hq(tmp_path: Path, pg_template: str | None, name: str = "hq2") -> HqProcess:
    url = new_hq_database(pg_template, tmp_path, name)
    process = HqProcess(url, free_port(), tmp_path / f"{name}.log", ["--rate", "1000"])
    process.start()
    return process


class _Killed(Exception):
    pass


def _kill_at(point: str):
    def step(name: str) -> None:
        if name == point:
            raise _Killed(name)

    return step


def test_a_copy_stopped_before_taking_back_then_finding_more_is_refused_not_stuck(
    desk, hq, tmp_path
) -> None:
    """A copy found its numbers taken and started a generation of its own, but stopped
    before taking back the original's work. Meanwhile the original brought more, at seqs the
    copy's new generation now uses. The next run takes all of it back without a clash of
    seqs, tells HQ, and is refused, keeping every record (found by the fault explorer: the
    copy failed on a unique seq at every run, for ever, and was never refused)."""
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    other = _second_computer(desk, tmp_path)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    own = receive_and_complete(other, 1)
    stopped = sync_engine(other, computer=SECOND_PC, step=_kill_at("after_new_generation"))
    with pytest.raises(_Killed):
        stopped.run_once()
    with other.write() as s:  # the process died: its lease goes with it
        outbox.state_row(s).lease_owner = ""
    receive_and_complete(desk, 3)  # the original goes on, past the copy's new base
    assert sync_engine(desk).run_once().ok
    report = sync_engine(other, computer=SECOND_PC).run_once()
    assert report.error_code == "station_split", report
    assert len(_alarms(hq, "split")) == 1
    with other.read() as s:
        assert set(own) <= set(s.scalars(select(Report.id)))
    receive_and_complete(other, 1)  # the refused copy still works at its desk
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
    other.close()


def test_the_original_follows_a_copy_that_went_on_alone_in_a_generation_of_its_own(
    desk, hq, tmp_path
) -> None:
    """A copy of the data folder moved to a generation of its own (as it does when it finds
    HQ behind what it acknowledged) and brought work; the original brought nothing since the
    copy was made. The original takes the copy's work back, so HQ and both desks show the
    same records, and nobody is refused until both have work of their own (found by the
    fault explorer: the original showed a report as in handling that HQ had as referred)."""
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    other = _second_computer(desk, tmp_path)
    with other.write() as s:  # the copy's own generation, above everything HQ holds
        st = outbox.station_row(s)
        outbox.start_new_generation(s, st, st.last_seq, st.generation + 1)
    theirs = receive_and_complete(other, 2)
    assert sync_engine(other, computer=SECOND_PC).run_once().ok
    report = sync_engine(desk).run_once()
    assert report.ok and report.recovered == 4, report
    with desk.read() as s:
        assert set(theirs) <= set(s.scalars(select(Report.id)))
    assert_converged(desk, hq)
    assert_converged(other, hq)
    assert _alarms(hq, "split") == []
    other.close()


def test_numbers_hq_answered_as_taken_are_never_counted_acknowledged(desk, hq, tmp_path) -> None:
    """A copy checks HQ, finds its numbers free, and pushes; the original got there first, so
    HQ answers "conflict". The run is stopped right after the answer is recorded, before it
    can start the new generation (HQ killed as the copy asks for its status, or the copy
    killed). The copy must not count those numbers as acknowledged: its next run sends its
    work again and HQ keeps it (found by the fault explorer, seed 2941989431)."""
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    assert sync_engine(desk).run_once().ok
    other = _second_computer(desk, tmp_path)
    mine = receive_and_complete(desk, 2)
    theirs = receive_and_complete(other, 2)  # the same numbers, other revisions

    def original_first_then_stop(name: str) -> None:
        if name == "before_push":
            assert sync_engine(desk).run_once().ok  # the original's push lands first
        if name == "after_ack_commit":
            raise _Killed(name)

    with pytest.raises(_Killed):
        sync_engine(other, computer=SECOND_PC, step=original_first_then_stop).run_once()
    with other.write() as s:  # the process died: its lease goes with it
        outbox.state_row(s).lease_owner = ""
    report = sync_engine(other, computer=SECOND_PC).run_once()
    assert report.error_code == "station_split", report
    with hq.service().session() as s:
        at_hq = set(s.scalars(select(HqRevision.record_id)))
    assert set(theirs) <= at_hq  # the copy's work reached HQ, none counted by mistake
    assert set(mine) <= at_hq
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
    other.close()


def test_revisions_hq_lost_brought_back_by_a_copy_that_had_them_pending(desk, hq, tmp_path) -> None:
    """HQ restored behind what one desk saw acknowledged, while a copy of that desk's folder,
    taken before those revisions went out, still holds them pending: the copy's ordinary push
    gives HQ back every one, and the original then finds HQ holding all it acknowledged (no
    desk is ahead of HQ, so there is nothing to resend and no alarm to raise). Found by the
    fault explorer (seed 783379720), whose check now expects the alarm only while HQ still
    lacks the revisions when a desk that saw them acknowledged comes."""
    enroll(desk, hq)
    receive_and_complete(desk, 2)
    assert sync_engine(desk).run_once().ok
    early = hq.backup(tmp_path / "hq-0.dump")
    lost = receive_and_complete(desk, 2)
    other = _second_computer(desk, tmp_path)  # copied before these went out
    assert sync_engine(desk).run_once().ok
    hq.restore(early)

    brought = sync_engine(other, computer=SECOND_PC).run_once()
    assert brought.ok and brought.stored > 0 and brought.hq_behind == 0, brought
    report = sync_engine(desk).run_once()
    assert report.ok and report.hq_behind == 0 and report.pushed == 0, report
    with hq.service().session() as s:
        assert set(lost) <= set(s.scalars(select(HqRevision.record_id)))
    assert_converged(desk, hq)
    assert_converged(other, hq)
    assert not _alarms(hq, "hq_behind") and not _alarms(hq, "split")
    other.close()
