"""HQ sees the same phone reporting at two stations, issues a reminder sheet to the station that
received the newest report, and sees the station's feedback come back."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, insert, select

from app.db.engine import make_server_engine
from app.hq.models import HqInstruction, HqRecentKey, HqRecord, HqReminder
from app.services import reminder_sheets
from app.sync.engine import SyncEngine
from tests.sync.conftest import enroll, make_station, receive_and_complete, sign_in


def test_a_repeat_across_two_stations_gets_a_sheet_and_its_feedback_returns(
    tmp_path: Path, hq, catalog
) -> None:
    one = make_station(tmp_path / "one", "140107")
    two = make_station(tmp_path / "two", "140108")
    enroll(one, hq, "140107")
    enroll(two, hq, "140108")
    (first,) = receive_and_complete(one)  # phone 13900000000 at station one
    assert SyncEngine(one).run_once().stored == 2
    (second,) = receive_and_complete(two)  # the same phone at station two
    SyncEngine(two).run_once()
    engine = make_server_engine(hq.db_url)
    with engine.connect() as conn:
        sheets = conn.execute(select(HqReminder.code, HqReminder.payload)).all()
    assert len(sheets) == 1
    payload = json.loads(sheets[0].payload)
    assert payload["key_kind"] in ("phone", "id_number")
    assert [e["unit_code"] for e in payload["reports"]] == ["140107", "140108"]
    assert {e["record_id"] for e in payload["reports"]} == {first, second}
    assert "2个派出所" in payload["rule_label"]

    SyncEngine(two).run_once()  # the pull brings the sheet down
    (row,) = reminder_sheets.sheets(two)
    assert row.origin == "hq" and row.reports == 2 and row.code == sheets[0].code
    assert reminder_sheets.sheets(one) == []  # station one is not the one that must act
    reminder_sheets.feed_back(two, sign_in(two), row.id, "receipt", "已签收")
    SyncEngine(two).run_once()
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
    SyncEngine(one).run_once()
    with engine.connect() as conn:
        assert len(conn.execute(select(HqReminder.id)).all()) == 1
        kinds = conn.execute(select(HqInstruction.kind)).scalars().all()
        old = conn.execute(select(HqRecentKey.id).where(HqRecentKey.record_id == "old")).all()
        window = conn.execute(select(func.count()).select_from(HqRecentKey)).scalar_one()
    assert old == [] and window == 3  # the old key pruned; this window's three reports stay
    assert kinds.count("reminder_sheet") == 1
    engine.dispose()
