"""HQ sees the same phone reporting at two stations, issues a reminder sheet to the station that
received the newest report, and sees the station's feedback come back."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, insert, select

from app.hq.cli import main as hq_main
from app.hq.models import HqInstruction, HqRecentKey, HqRecord, HqReminder
from app.hq.sql import make_server_engine
from app.services import reminder_sheets
from app.services.sync import sync_engine
from tests.sync.conftest import enroll, make_station, receive_and_complete, sign_in


def test_a_repeat_across_two_stations_gets_a_sheet_and_its_feedback_returns(
    tmp_path: Path, hq, catalog, capsys
) -> None:
    one = make_station(tmp_path / "one", "140107")
    two = make_station(tmp_path / "two", "140108")
    enroll(one, hq, "140107")
    enroll(two, hq, "140108")
    (first,) = receive_and_complete(one)  # phone 13900000000 at station one
    assert sync_engine(one).run_once().stored == 2
    (second,) = receive_and_complete(two)  # the same phone at station two
    sync_engine(two).run_once()
    engine = make_server_engine(hq.db_url)
    with engine.connect() as conn:
        sheets = conn.execute(select(HqReminder.code, HqReminder.payload)).all()
    assert len(sheets) == 1
    payload = json.loads(sheets[0].payload)
    assert payload["key_kind"] in ("phone", "id_number")
    assert [e["unit_code"] for e in payload["reports"]] == ["140107", "140108"]
    assert {e["record_id"] for e in payload["reports"]} == {first, second}
    assert "2个派出所" in payload["rule_label"]

    # nothing of station one reaches station two until the command centre decides
    sync_engine(two).run_once()
    assert reminder_sheets.sheets(two) == []
    (waiting,) = hq.service().review_queue()
    assert waiting["code"] == sheets[0].code and waiting["unit_code"] == "140108"
    db = ["--db", hq.db_url]
    assert hq_main(["sheets", "review", *db]) == 0
    assert sheets[0].code in capsys.readouterr().out
    argv = ["sheets", "issue", *db, "--code", sheets[0].code, "--operator", "值班长王"]
    assert hq_main([*argv, "--send", "unit_code,received_at"]) == 0
    assert hq_main(argv) == 2  # decided once only
    assert "issued already" in capsys.readouterr().err
    (disclosed,) = hq.service().disclosures()
    assert disclosed["operator"] == "值班长王" and disclosed["to_unit"] == "140108"
    assert disclosed["about_units"] == ["140107"]
    assert disclosed["fields"] == ["unit_code", "received_at"]

    sync_engine(two).run_once()  # the pull brings the sheet down
    (row,) = reminder_sheets.sheets(two)
    assert row.origin == "hq" and row.reports == 2 and row.code == sheets[0].code
    with two.read() as s:
        from app.db.models import ReminderSheet

        entries = json.loads(s.get(ReminderSheet, row.id).reports)
    theirs = [e for e in entries if e["unit_code"] == "140107"]
    assert theirs == [{"unit_code": "140107", "received_at": theirs[0]["received_at"]}]
    assert reminder_sheets.sheets(one) == []  # station one is not the one that must act
    reminder_sheets.feed_back(two, sign_in(two), row.id, "receipt", "已签收")
    sync_engine(two).run_once()
    with engine.connect() as conn:
        held = conn.execute(select(HqRecord.payload).where(HqRecord.id == row.id)).scalar_one()
    assert json.loads(held)["status"] == "acknowledged"

    # a key older than the window leaves the window's table as batches arrive
    with engine.begin() as conn:
        conn.execute(
            insert(HqRecentKey).values(
                key_kind="phone",
                key_value="13800000000",
                station_id=1,
                record_id="old",
                serial="old",
                incident_type="D02",
                received_at="2020-01-01T08:00:00+08:00",
                received_utc="2020-01-01T00:00:00.000000Z",
            )
        )
    # a third report of the same person inside the window: no second sheet
    receive_and_complete(one)
    sync_engine(one).run_once()
    with engine.connect() as conn:
        assert len(conn.execute(select(HqReminder.id)).all()) == 1
        kinds = conn.execute(select(HqInstruction.kind)).scalars().all()
        old = conn.execute(select(HqRecentKey.id).where(HqRecentKey.record_id == "old")).all()
        window = conn.execute(select(func.count()).select_from(HqRecentKey)).scalar_one()
    assert old == [] and window == 3  # the old key pruned; this window's three reports stay
    assert kinds.count("reminder_sheet") == 1
    engine.dispose()


def test_a_station_fishing_for_other_stations_people_raises_an_alarm(tmp_path: Path, hq) -> None:
    """Its reports hit other stations' keys more often than the rule allows (20 in 7 days)."""
    one = make_station(tmp_path / "one", "140107")
    two = make_station(tmp_path / "two", "140108")
    enroll(one, hq, "140107")
    enroll(two, hq, "140108")
    receive_and_complete(one, 21)
    assert sync_engine(one).run_once().ok
    receive_and_complete(two, 21)  # the same 21 phones, made up at station two
    assert sync_engine(two).run_once().ok
    alarms = [a for a in hq.service().alarms() if a["kind"] == "cross_station_probe"]
    assert [a["unit_code"] for a in alarms] == ["140108"]
    assert reminder_sheets.sheets(two) == []  # and nothing was disclosed to it meanwhile
    assert hq.service().disclosures() == []


def test_a_reused_revision_id_answers_as_a_new_one(tmp_path: Path, hq) -> None:
    """Whether an id exists at another station is no answer's business: kept aside, alarm."""
    import httpx

    from app.sync import outbox, protocol
    from tests.sync.test_sync import _token

    one = make_station(tmp_path / "one", "140107")
    two = make_station(tmp_path / "two", "140108")
    enroll(one, hq, "140107")
    enroll(two, hq, "140108")
    receive_and_complete(one)
    with one.read() as s:
        theirs = outbox.pending_batch(s, outbox.station_row(s), 1)[0]
    assert sync_engine(one).run_once().ok
    receive_and_complete(two)
    with two.read() as s:
        mine = outbox.pending_batch(s, outbox.station_row(s), 2)

    def push(revisions: list[dict]) -> list[str]:
        body = protocol.push_body(
            unit_code="140108",
            generation=1,
            generation_base=1,
            station_time="2026-12-04T10:00:00",
            revisions=revisions,
        )
        answer = httpx.post(
            f"{hq.url}/v1/push",
            content=body,
            headers={"Authorization": f"Bearer {_token(two)}", "content-type": "application/json"},
        )
        assert answer.status_code == 200, answer.text
        return [r["status"] for r in answer.json()["results"]]

    probe = {**mine[0], "revision_id": theirs["revision_id"]}  # station one's id, its seq 1
    assert push([probe, mine[1]]) == ["stored", "stored"]
    assert push([probe, mine[1]]) == ["duplicate", "duplicate"]  # as a real resend answers
    kinds = [a["kind"] for a in hq.service().alarms()]
    assert kinds.count("foreign_revision_id") == 1


def test_auto_issue_in_the_rule_file_sends_at_once_and_still_logs(
    tmp_path: Path, monkeypatch
) -> None:
    """The rule file's option (off by default): the sheet goes out unreviewed, as "auto"."""
    import dataclasses
    import uuid

    from app.hq import repeats, schema
    from app.hq.service import Headquarters
    from app.sync import outbox, protocol

    rule = repeats.cross_station_rule()
    assert rule is not None and not rule.auto_issue
    monkeypatch.setattr(
        repeats, "cross_station_rule", lambda: dataclasses.replace(rule, auto_issue=True)
    )
    engine = make_server_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    schema.upgrade(engine)
    hq = Headquarters(engine)
    for unit in ("140107", "140108"):
        store = make_station(tmp_path / unit, unit)
        token = hq.enroll(
            protocol.EnrollRequest(
                code=hq.issue_enrolment(unit),
                unit_code=unit,
                unit_name=unit,
                station_uuid=str(uuid.uuid4()),
            )
        ).station_token
        receive_and_complete(store)
        with store.read() as s:
            items = outbox.pending_batch(s, outbox.station_row(s), 10)
        request = protocol.PushRequest.model_validate_json(
            protocol.push_body(
                unit_code=unit,
                generation=1,
                generation_base=1,
                station_time="2026-12-04T10:00:00",
                revisions=items,
            )
        )
        hq.push(hq.authenticate(token), request)
        store.close()
    assert hq.review_queue() == []
    (disclosed,) = hq.disclosures()
    assert disclosed["operator"] == "auto" and disclosed["to_unit"] == "140108"
    with engine.connect() as conn:
        assert conn.execute(select(HqInstruction.kind)).scalars().all() == ["reminder_sheet"]
    engine.dispose()
