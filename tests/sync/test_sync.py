"""Station <-> HQ over real HTTP: reports arrive exactly once, refusals are clear, nothing lost."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import json
from contextlib import closing
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import func, select, text

from app import errors
from app.db.models import Revision
from app.hq.models import HqAlarm, HqQuarantine, HqRevision
from app.hq.sql import make_server_engine
from app.services import receiving, sync
from app.services.sync import sync_engine
from app.sync import outbox, protocol
from app.sync.client import check_transport
from tests.conftest import plain_sqlcipher
from tests.sync.conftest import (
    HqProcess,
    assert_converged,
    enroll,
    free_port,
    make_station,
    receive_and_complete,
    sign_in,
)


def _token(store) -> str:
    with store.read() as s:
        return keyring.get_password(
            "StationDesk", f"station-token:{outbox.station_row(s).station_uuid}"
        )


def _push_request(store) -> protocol.PushRequest:
    with store.read() as s:
        st = outbox.station_row(s)
        items = outbox.pending_batch(s, st, 1000)
        return protocol.PushRequest(
            unit_code=st.unit_code,
            generation=st.generation,
            generation_base=st.generation_base,
            station_time=dt.datetime.now().astimezone().isoformat(),
            items=[protocol.PushItem(seq=i["seq"], revision=i) for i in items],
        )


def _post_push(hq, body: str, token: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    return httpx.post(f"{hq.url}/v1/push", content=body, headers=headers, timeout=30)


def test_a_report_arrives_and_each_later_change_follows(desk, hq, catalog) -> None:
    (rid,) = receive_and_complete(desk)
    enroll(desk, hq)
    assert sync.sync_status(desk).pending == 2
    assert sync.reports_at_hq(desk, [rid]) == set()

    report = sync_engine(desk).run_once()
    assert report.ok and report.stored == 2 and report.pending == 0
    assert sync.reports_at_hq(desk, [rid]) == {rid}
    assert hq.service().record(rid)["reporter_name"] == "王芳"
    status = sync.sync_status(desk)
    assert status.last_success_utc and not status.last_error

    receiving.start_handling(desk, sign_in(desk), rid)
    assert sync.reports_at_hq(desk, [rid]) == set()
    assert sync_engine(desk).run_once().stored == 1
    assert hq.service().record(rid)["status"] == "in_handling"
    assert_converged(desk, hq)

    overview = hq.service().stations()[0]
    assert overview.record_count == 1 and overview.acknowledged_seq == 3


def test_resending_everything_months_later_changes_nothing(desk, hq, catalog) -> None:
    receive_and_complete(desk, 3)
    enroll(desk, hq)
    assert sync_engine(desk).run_once().stored == 6
    with desk.write() as s:  # as if every acknowledgement had been lost
        outbox.station_row(s).acked_seq = 0
    answer = _post_push(hq, _push_request(desk).model_dump_json(), _token(desk))
    assert answer.status_code == 200
    assert {r["status"] for r in answer.json()["results"]} == {"duplicate"}
    report = sync_engine(desk).run_once()
    assert report.ok
    assert_converged(desk, hq)


def test_the_same_batch_ten_times_at_once_is_stored_once(desk, hq, catalog) -> None:
    receive_and_complete(desk, 20)
    enroll(desk, hq)
    body = _push_request(desk).model_dump_json()
    token = _token(desk)

    def send(_i: int) -> dict:
        response = _post_push(hq, body, token)
        assert response.status_code == 200, response.text
        return response.json()

    with concurrent.futures.ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(send, range(10)))
    stored = sum(1 for a in answers for r in a["results"] if r["status"] == "stored")
    assert stored == 40
    assert all(a["acknowledged_seq"] == 40 for a in answers)
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)


def test_a_poison_item_is_quarantined_and_never_blocks_the_queue(desk, hq, catalog) -> None:
    receive_and_complete(desk, 3)
    enroll(desk, hq)
    with closing(plain_sqlcipher(desk.path, desk.key)) as conn:  # a revision damaged on disk
        conn.execute("UPDATE revision SET payload = payload || ' ' WHERE seq = 3")
    report = sync_engine(desk).run_once()
    assert report.ok and report.quarantined == 1 and report.stored == 5
    status = sync.sync_status(desk)
    assert status.pending == 0 and status.rejected == 1  # the desk shows it too
    overview = hq.service().stations()[0]
    assert overview.quarantined == 1 and overview.acknowledged_seq == 6
    engine = make_server_engine(hq.db_url)
    with engine.connect() as conn:
        reason = conn.scalar(select(HqQuarantine.reason))
    engine.dispose()
    assert "sha256" in reason


def test_a_resend_with_different_content_raises_an_alarm_and_keeps_hqs_copy(
    desk, hq, catalog
) -> None:
    (rid,) = receive_and_complete(desk)
    enroll(desk, hq)
    assert sync_engine(desk).run_once().ok
    original = hq.service().record(rid)
    with desk.write() as s:
        rev = s.scalar(select(Revision).where(Revision.seq == 2))
        payload = json.loads(rev.payload)
        payload["reporter_name"] = "李四"
        rev.payload = json.dumps(payload, ensure_ascii=False)
        rev.sha256 = protocol.payload_hash(rev.payload)
        outbox.station_row(s).acked_seq = 0
    answer = _post_push(hq, _push_request(desk).model_dump_json(), _token(desk))
    statuses = [r["status"] for r in answer.json()["results"]]
    assert statuses == ["duplicate", "mismatch"]
    assert hq.service().record(rid) == original
    engine = make_server_engine(hq.db_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(HqAlarm)) == 1
        assert conn.scalar(select(func.count()).select_from(HqRevision)) == 2
    engine.dispose()


def test_a_token_pushes_only_its_own_station(tmp_path: Path, hq, catalog) -> None:
    one = make_station(tmp_path / "one", "140107")
    two = make_station(tmp_path / "two", "140108")
    receive_and_complete(one)
    enroll(one, hq, "140107")
    enroll(two, hq, "140108")
    body = _push_request(one).model_dump_json()
    answer = _post_push(hq, body, _token(two))
    assert answer.status_code == 403
    assert "own" in answer.json()["reason"]
    one.close()
    two.close()


def test_a_record_id_used_by_another_station_never_touches_its_record(
    tmp_path: Path, hq, catalog
) -> None:
    one = make_station(tmp_path / "one", "140107")
    two = make_station(tmp_path / "two", "140108")
    (rid,) = receive_and_complete(one)
    enroll(one, hq, "140107")
    enroll(two, hq, "140108")
    # station two sends station one's revisions as if they were its own
    request = _push_request(one).model_copy(update={"unit_code": "140108"})
    sync_engine(one).run_once()
    before = hq.service().record(rid)
    answer = _post_push(hq, request.model_dump_json(), _token(two))
    assert answer.status_code == 200
    # answered as new revisions are: no answer tells a station whether an id exists elsewhere
    assert {r["status"] for r in answer.json()["results"]} == {"stored"}
    assert hq.service().record(rid) == before  # station one's record untouched
    kinds = [a["kind"] for a in hq.service().alarms("140108")]
    assert kinds and set(kinds) == {"foreign_revision_id"}  # HQ's operators see it
    one.close()
    two.close()


def test_a_revoked_station_stops_with_a_clear_message_and_keeps_everything(
    desk, hq, catalog
) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 2)
    hq.service().revoke("140107")
    report = sync_engine(desk).run_once()
    assert not report.ok and report.error_code == "sync_refused"
    status = sync.sync_status(desk)
    assert status.needs_person and "refused" in status.last_error
    assert status.pending == 4
    assert not sync.is_due(desk)  # no hammering HQ with a revoked token


def test_enrolment_codes_are_single_use(desk, hq) -> None:
    code = hq.service().issue_enrolment("140107")
    sync.enroll(desk, hq.url, code)
    with pytest.raises(errors.SyncRefusedError):
        sync.enroll(desk, hq.url, code)
    with pytest.raises(errors.SyncRefusedError):
        sync.enroll(desk, hq.url, "WRONG-CODE-0000")


def test_without_a_usable_keyring_enrolment_stops_before_spending_the_code(
    desk, hq, test_keyring: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    code = hq.service().issue_enrolment("140107")
    with pytest.raises(errors.KeyringUnavailableError):
        sync.enroll(desk, hq.url, code)
    assert not sync.sync_status(desk).enrolled
    keyring.set_keyring(PlaintextKeyring())
    sync.enroll(desk, hq.url, code)  # the code was not spent
    token = _token(desk)
    assert token
    for path in desk.path.parent.rglob("*"):  # the token is in the keyring, nowhere else
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path


def test_plain_http_only_to_loopback_unless_allowed() -> None:
    assert check_transport("http://127.0.0.1:8740/", False) == "http://127.0.0.1:8740"
    check_transport("https://hq.police.example", False)
    with pytest.raises(errors.InsecureTransportError):
        check_transport("http://10.20.30.40:8740", False)
    assert check_transport("http://10.20.30.40:8740", True)


def test_hq_instructions_arrive_once_and_a_newer_catalog_is_installed(
    desk, hq, catalog, tmp_path: Path
) -> None:
    enroll(desk, hq)
    service = hq.service()
    service.add_instruction("140107", "notice", {"text": "本周开展矛盾纠纷排查"})
    service.add_instruction(None, "notice", {"text": "全局通知"})
    data = json.loads(
        (Path(__file__).resolve().parents[2] / "resources/catalog/incident_types.json").read_text(
            encoding="utf-8"
        )
    )
    data["version"] = "2099.1"
    service.add_instruction(None, "catalog", {"catalog": data})
    assert sync_engine(desk).run_once().instructions == 3
    assert sync_engine(desk).run_once().instructions == 0
    texts = [n.text for n in sync.notices(desk)]
    assert "本周开展矛盾纠纷排查" in texts and "全局通知" in texts and len(texts) == 3
    from app.domain.catalog import load_catalog

    assert load_catalog(desk.path.parent).version == "2099.1"


def test_bad_requests_get_a_4xx_with_a_reason_never_a_500(desk, hq) -> None:
    enroll(desk, hq)
    auth = {"Authorization": f"Bearer {_token(desk)}"}
    cases = [
        ("POST", "/v1/push", b"{not json", auth, 422),
        ("POST", "/v1/push", b'{"protocol": 1, "items": "x"}', auth, 422),
        ("POST", "/v1/push", b"{}", {}, 422),
        ("GET", "/v1/status", None, {}, 401),
        ("GET", "/v1/status", None, {"Authorization": "Bearer nonsense"}, 401),
        ("POST", "/v1/push", b"x" * (protocol.MAX_BODY_BYTES + 10), auth, 413),
        ("GET", "/v1/recover?generation=0", None, auth, 422),
    ]
    for method, path, body, headers, expected in cases:
        answer = httpx.request(
            method,
            f"{hq.url}{path}",
            content=body,
            headers={**headers, "content-type": "application/json"},
        )
        assert answer.status_code == expected, (path, answer.status_code, answer.text)
        assert answer.json()["reason"]


def test_a_busy_station_is_slowed_with_429_and_retry_after(desk, hq_db, tmp_path: Path) -> None:
    slow = HqProcess(hq_db, free_port(), tmp_path / "slow.log", ["--rate", "1", "--burst", "2"])
    slow.start()
    try:
        enroll(desk, slow)
        auth = {"Authorization": f"Bearer {_token(desk)}"}
        codes = [httpx.get(f"{slow.url}/v1/status", headers=auth).status_code for _ in range(5)]
        assert 429 in codes
        limited = httpx.get(f"{slow.url}/v1/status", headers=auth)
        assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    finally:
        slow.stop()


def test_hq_serves_its_openapi_document(hq) -> None:
    document = httpx.get(f"{hq.url}/openapi.json").json()
    assert {"/v1/push", "/v1/enroll", "/v1/status", "/v1/recover", "/v1/instructions"} <= set(
        document["paths"]
    )


def test_stations_command_lists_watermark_count_contact_and_skew(desk, hq, catalog) -> None:
    import subprocess
    import sys

    enroll(desk, hq)
    receive_and_complete(desk, 2)
    sync_engine(desk).run_once()
    out = subprocess.run(
        [sys.executable, "-m", "app.hq", "stations", "--db", hq.db_url, "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (row,) = json.loads(out)
    assert row["unit_code"] == "140107" and row["record_count"] == 2
    assert row["acknowledged_seq"] == 4 and row["last_contact_utc"]
    assert abs(row["clock_skew_seconds"]) < 60


def test_station_file_stays_sound_after_sync(desk, hq, catalog) -> None:
    receive_and_complete(desk, 2)
    enroll(desk, hq)
    sync_engine(desk).run_once()
    with desk.read() as s:
        assert s.scalar(text("PRAGMA integrity_check")) == "ok"
    assert_converged(desk, hq)


def test_enroll_and_sync_commands_for_scheduled_tasks(desk, hq, catalog) -> None:
    """`stationdesk sync` exits 0 only when everything pending reached HQ."""
    import subprocess
    import sys

    from tests.sync.conftest import ROOT

    data_dir = str(desk.path.parent)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )

    not_yet = run("sync", "--data-dir", data_dir)
    assert not_yet.returncode == 2 and "not enrolled" in not_yet.stderr
    assert "Traceback" not in not_yet.stderr
    code = hq.service().issue_enrolment("140107")
    enrolled = run("enroll", "--data-dir", data_dir, "--hq", hq.url, "--code", code)
    assert enrolled.returncode == 0, enrolled.stderr
    receive_and_complete(desk, 2)
    done = run("sync", "--data-dir", data_dir)
    assert done.returncode == 0, done.stderr
    assert "pending 0" in done.stdout
    hq.stop()
    receive_and_complete(desk, 1)
    offline = run("sync", "--data-dir", data_dir)
    assert offline.returncode == 1 and "pending" in offline.stderr
    assert "Traceback" not in offline.stderr
    insecure = run("enroll", "--data-dir", data_dir, "--hq", "http://10.1.2.3:8740", "--code", code)
    assert insecure.returncode == 2 and "unencrypted" in insecure.stderr


def test_a_case_file_and_its_links_reach_hq(desk, hq, catalog) -> None:
    from app.services import case_files

    enroll(desk, hq)
    ids = receive_and_complete(desk, 3, same_reporter=True)  # the third opens a file
    case = case_files.file_of_report(desk, ids[-1])
    assert case is not None and set(case["report_ids"]) == set(ids)
    case_files.log_action(desk, sign_in(desk), case["id"], "已上门走访")
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
    held = hq.service().record(case["id"])
    assert held is not None and set(held["report_ids"]) == set(ids)
    assert held["actions"][0]["text"] == "已上门走访"


def test_a_shift_handover_and_its_acknowledgement_reach_hq(desk, hq) -> None:
    """A record kind of its own: HQ takes both revisions and holds what the desk holds."""
    import datetime as dt

    from app.services import handover
    from app.services.station import add_officer
    from app.services.station import sign_in as sign_in_officer

    enroll(desk, hq)
    outgoing = sign_in(desk)
    add_officer(desk, badge="100777", name="周敏", password="a-good-password", role="officer")
    incoming = sign_in_officer(desk, "100777", "a-good-password")
    hid = handover.hand_over(desk, outgoing, "夜班无遗留", dt.datetime.now().astimezone())
    assert sync_engine(desk).run_once().ok
    handover.acknowledge(desk, incoming, hid)
    assert sync_engine(desk).run_once().ok
    assert_converged(desk, hq)
