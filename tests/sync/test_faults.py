"""Fault scenarios with real processes on 127.0.0.1 (HQ on PostgreSQL when its URL is given).

After every scenario: every committed revision is at HQ exactly once, HQ's current state of
each record equals the station's, PRAGMA integrity_check is ok, and the engine reaches "nothing
pending" once the faults stop.
"""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.db import cipher
from app.domain.catalog import load_catalog
from app.domain.clock import parse_utc
from app.services import demo, receiving, sync
from app.services.sync import sync_engine
from app.sync.client import HqClient
from tests.sync.conftest import ROOT, assert_converged, enroll, receive_and_complete, sign_in
from tests.sync.faults import HTML_200, Fault, FaultProxy, canned


def fill(store, n: int, *, edits: int = 0) -> list[str]:
    """n completed walk-ins, the first `edits` moved on to handling, and one bare receipt."""
    ids = receive_and_complete(store, n)
    officer = sign_in(store)
    for rid in ids[:edits]:
        receiving.start_handling(store, officer, rid)
    receiving.receive(store, officer)  # and one receipt still waiting for its intake
    return ids


def short_timeout(url: str, token: str, ca: str, allow_http: bool) -> HqClient:
    return HqClient(url, token=token, ca_bundle=ca, allow_http=allow_http, timeout=2.0)


def until_done(store, *, runs: int = 10) -> None:
    """Faults have stopped: the engine must reach "nothing pending" on its own."""
    for _ in range(runs):
        report = sync_engine(store, client_factory=short_timeout).run_once()
        if report.ok:
            return
        time.sleep(0.2)
    raise AssertionError(f"still not done: {report}")


@pytest.fixture
def proxy(hq):
    p = FaultProxy(hq.port)
    yield p
    p.close()


@pytest.fixture
def linked(desk, hq, proxy):
    """A station enrolled through the misbehaving proxy."""
    code = hq.service().issue_enrolment("140107")
    sync.enroll(desk, proxy.url, code)
    return desk


CRASH_POINTS = [
    "after_status",
    "before_push",
    "after_push_response",
    "after_ack_commit",
    "after_instructions_fetch",
    "after_instructions_commit",
]


@pytest.mark.parametrize("crash_at", CRASH_POINTS)
def test_station_killed_at_each_step_of_a_sync(desk, hq, crash_at: str) -> None:
    enroll(desk, hq)
    fill(desk, 30, edits=10)
    hq.service().add_instruction("140107", "notice", {"text": "通知"})
    child = subprocess.run(
        [sys.executable, "-m", "tests.sync.station_child", str(desk.path.parent), crash_at, "25"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
    until_done(desk)  # the dead run's lease does not block the next one
    assert_converged(desk, hq)
    assert len(sync.notices(desk)) == 1


def test_hq_killed_in_the_middle_of_an_ingest(desk, hq) -> None:
    enroll(desk, hq)
    fill(desk, 400)
    outcome: list[object] = []
    runner = threading.Thread(
        target=lambda: outcome.append(
            sync_engine(desk, batch_size=800, client_factory=short_timeout).run_once()
        )
    )
    runner.start()
    time.sleep(0.4)
    hq.kill()
    runner.join(30)
    hq.start()
    until_done(desk)
    assert_converged(desk, hq)


@pytest.mark.parametrize(
    "fault",
    [
        Fault("drop_answer"),
        Fault("cut_request"),
        Fault("hang"),
        Fault("reset_answer"),
        canned(500, b"Internal Server Error", ("Content-Type", "text/plain")),
        HTML_200,
    ],
    ids=["answer-lost", "cut-mid-body", "hang", "reset-mid-answer", "500", "200-html"],
)
def test_network_and_server_faults_lose_and_double_nothing(linked, hq, proxy, fault) -> None:
    fill(linked, 12, edits=4)
    proxy.faults.extend([None, fault])  # the status call goes through; the push meets the fault
    report = sync_engine(linked, client_factory=short_timeout).run_once()
    # no answer reached the desk: "not reachable"; HQ (or something in its place) answered
    # with an error: said as such, never "not reachable"
    answered = fault.kind == "canned"
    expected = "hq_error" if answered else "sync_failed"
    assert not report.ok and report.error_code == expected, report
    assert proxy.seen and sync.sync_status(linked).next_attempt_utc
    if fault is HTML_200:
        assert "not a StationDesk reply" in report.error
    fill(linked, 3)
    until_done(linked)
    assert_converged(linked, hq)


def test_retry_after_from_503_and_429_is_honoured(linked, hq, proxy) -> None:
    fill(linked, 2)
    for status in (503, 429):
        busy = b'{"protocol":1,"error":"busy","reason":"busy"}'
        proxy.faults.extend([None, canned(status, busy, ("Retry-After", "120"))])
        before = dt.datetime.now(dt.UTC)
        report = sync_engine(linked).run_once()
        assert not report.ok and report.retry_after == 120.0
        status_now = sync.sync_status(linked)
        assert parse_utc(status_now.next_attempt_utc) >= before + dt.timedelta(seconds=119)
        assert not sync.is_due(linked)
        assert status_now.pending == 5  # nothing lost while waiting
    until_done(linked)
    assert_converged(linked, hq)


def test_413_halves_the_batch_until_it_fits(linked, hq, proxy) -> None:
    fill(linked, 20)
    too_large = b'{"protocol":1,"error":"too_large","reason":"big"}'
    proxy.faults.extend([None, canned(413, too_large), canned(413, too_large)])
    report = sync_engine(linked, batch_size=40).run_once()
    assert report.ok and report.stored == 41
    assert proxy.seen == ["413", "413"]
    assert_converged(linked, hq)


def test_401_stops_with_a_clear_message_and_keeps_all_data(linked, hq, proxy) -> None:
    fill(linked, 3)
    refused = b'{"protocol":1,"error":"unauthorised","reason":"token revoked"}'
    proxy.faults.append(canned(401, refused))
    report = sync_engine(linked).run_once()
    assert report.error_code == "sync_refused" and "token revoked" in report.error
    status = sync.sync_status(linked)
    assert status.needs_person and status.pending == 7 and not sync.is_due(linked)
    until_done(linked)  # "Sync now" after HQ fixed it
    assert_converged(linked, hq)


def test_backoff_grows_with_full_jitter_and_a_cap() -> None:
    import random

    from app.sync.engine import BACKOFF_CAP_SECONDS, backoff_delay

    rng = random.Random(1)
    for failures in range(1, 40):
        delays = [backoff_delay(failures, None, rng) for _ in range(200)]
        assert min(delays) >= 0 and max(delays) <= BACKOFF_CAP_SECONDS
    assert max(backoff_delay(1, None, rng) for _ in range(200)) <= 4
    assert backoff_delay(3, 500.0, rng) == 500.0


@pytest.mark.parametrize(
    "shift",
    [dt.timedelta(hours=-1), None, dt.timedelta(days=2)],
    ids=["back-an-hour", "back-to-2001", "forward-two-days"],
)
def test_desk_clock_jumps_change_no_order_and_skew_is_shown(desk, hq, monkeypatch, shift) -> None:
    enroll(desk, hq)
    fill(desk, 2)
    sync_engine(desk).run_once()

    def wrong_now() -> dt.datetime:
        real = dt.datetime.now().astimezone()
        return real.replace(year=2001) if shift is None else real + shift

    for module in ("app.services.receiving", "app.sync.engine"):
        monkeypatch.setattr(f"{module}.now_local", wrong_now)
    fill(desk, 3, edits=1)
    report = sync_engine(desk).run_once()
    assert report.ok
    status = sync.sync_status(desk)
    assert status.skew_warning
    (row,) = hq.service().stations()
    assert abs(row.clock_skew_seconds) > 300
    assert_converged(desk, hq)


def _backup(path: Path, target: Path, key: bytes | None) -> None:
    src = cipher.connect(path, key)
    cipher.copy_database(src, target, key)
    src.close()


@pytest.mark.parametrize("edit_before_sync", [False, True], ids=["clean", "edited-after-restore"])
def test_a_station_restored_from_an_older_backup(
    desk, hq, tmp_path: Path, edit_before_sync
) -> None:
    from app.db.engine import Store

    enroll(desk, hq)
    old_ids = fill(desk, 5)
    _backup(desk.path, tmp_path / "old.sqlite3", desk.key)  # taken before these reached HQ
    sync_engine(desk).run_once()
    fill(desk, 4, edits=4)
    officer = sign_in(desk)
    for rid in old_ids[:2]:  # later changes to reports the backup also holds
        receiving.start_handling(desk, officer, rid)
    sync_engine(desk).run_once()
    path = desk.path
    desk.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _backup(tmp_path / "old.sqlite3", path, desk.key)
    restored = Store(path, desk.key)
    if edit_before_sync:  # the restored desk edits a report before HQ is reached: a fork
        receiving.start_handling(restored, sign_in(restored), old_ids[0])
    report = sync_engine(restored).run_once()
    assert report.ok and report.new_generation == 2
    assert report.recovered == 4 * 2 + 1 + 4 + 2
    assert_converged(restored, hq)
    # the receipts drawn after the backup are back, and their serials are not drawn again
    officer = sign_in(restored)
    new = receiving.receive(restored, officer)
    assert new.serial.endswith("-0012")
    restored.close()


def test_thirty_days_offline_then_one_catch_up(desk, hq) -> None:
    enroll(desk, hq)
    demo.generate(desk, load_catalog(), 3300, seed=7)
    fill(desk, 50, edits=50)
    pending = sync.sync_status(desk).pending
    assert pending >= 10_000
    report = sync_engine(desk).run_once()
    assert report.ok and report.stored == pending
    assert_converged(desk, hq)


def test_visits_and_their_outcomes_come_back_after_a_restore(desk, hq, tmp_path: Path) -> None:
    """A visit recorded after the last backup is at HQ; the restored desk takes it back."""
    from app.db.engine import Store
    from app.services import care_register, visit_queries, visits

    enroll(desk, hq)
    officer = sign_in(desk)
    (kept,) = receive_and_complete(desk, 1)
    receiving.close_report(desk, officer, kept, "已调解")
    _backup(desk.path, tmp_path / "old.sqlite3", desk.key)
    (later,) = receive_and_complete(desk, 1)
    receiving.close_report(desk, officer, later, "已立案")
    first = visit_queries.visits_for_report(desk, kept)[0].code
    visits.record_outcome(
        desk,
        officer,
        first,
        visits.Outcome("done", satisfaction="dissatisfied", problem_solved="no"),
    )
    care_register.register_person(desk, officer, name="张三", category="elderly_alone")
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
    before = {
        v.code: v.status for r in (kept, later) for v in visit_queries.visits_for_report(desk, r)
    }

    path = desk.path
    desk.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _backup(tmp_path / "old.sqlite3", path, desk.key)
    restored = Store(path, desk.key)
    assert sync_engine(restored).run_once().new_generation == 2
    assert_converged(restored, hq)
    after = {
        v.code: v.status
        for r in (kept, later)
        for v in visit_queries.visits_for_report(restored, r)
    }
    assert after == before and after[first] == "done"
    assert visit_queries.lookup(restored, first).outcome["supervision"]
    # numbering goes on after the recovered visits, never reusing a code
    open_code = next(c for c, status in after.items() if status == "due")
    (code,) = visits.record_outcome(
        restored,
        sign_in(restored),
        open_code,
        visits.Outcome("not_reached", not_reached_reason="无人"),
    )
    assert code not in before
    restored.close()
