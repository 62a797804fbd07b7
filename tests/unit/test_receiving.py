import datetime as dt
import json

import pytest
from sqlalchemy import select

from app import errors
from app.db.models import Report, Revision
from app.services import export, receiving, reports
from tests.conftest import good_intake


def test_press_commits_receipt_with_serial_time_unit_and_officer(store, officer) -> None:
    receipt = receiving.receive(store, officer)
    record = reports.get_report(store, receipt.id)
    today = dt.datetime.now().astimezone().strftime("%Y%m%d")
    assert record["serial"] == f"140107-{today}-0001"
    assert record["unit_code"] == "140107"
    assert record["officer_id"] == officer.id
    assert record["channel"] == "walk_in"
    assert record["status"] == "receiving"
    assert dt.datetime.fromisoformat(record["received_at"]).utcoffset() is not None
    assert [u.serial for u in receiving.unfinished_receipts(store)] == [record["serial"]]


def test_serials_are_gap_free_and_revision_sequence_is_gap_free(store, officer, catalog) -> None:
    ids = [receiving.receive(store, officer).id for _ in range(5)]
    receiving.save_intake(store, officer, ids[1], good_intake(), catalog)
    receiving.leave_unfinished(store, officer, ids[2], "报警人离开")
    serials = [reports.get_report(store, i)["serial"] for i in ids]
    assert [int(s[-4:]) for s in serials] == [1, 2, 3, 4, 5]
    with store.read() as s:
        seqs = s.scalars(select(Revision.seq).order_by(Revision.seq)).all()
    assert seqs == list(range(1, len(seqs) + 1))
    assert len(seqs) == 7


def test_serial_restarts_each_day_and_never_repeats(store, officer) -> None:
    day1 = dt.datetime(2024, 1, 2, 23, 59).astimezone()
    r1 = receiving.receive(store, officer, now=day1)
    r2 = receiving.receive(store, officer, now=day1 + dt.timedelta(minutes=2))
    assert r1.serial.endswith("20240102-0001")
    assert r2.serial.endswith("20240103-0001")


def test_clock_going_backwards_is_recorded(store, officer) -> None:
    now = dt.datetime.now().astimezone()
    receiving.receive(store, officer, now=now)
    back = receiving.receive(store, officer, now=now - dt.timedelta(hours=1))
    assert back.clock_went_back
    assert reports.get_report(store, back.id)["clock_warning"] is True
    forward = receiving.receive(store, officer, now=now + dt.timedelta(minutes=1))
    assert not forward.clock_went_back


def test_intake_validation_names_every_bad_field(store, officer, catalog) -> None:
    rid = receiving.receive(store, officer).id
    with pytest.raises(errors.ValidationFailed) as err:
        receiving.save_intake(
            store,
            officer,
            rid,
            good_intake(
                reporter_phone="", reporter_id_number="110105194912310021", incident_place=""
            ),
            catalog,
        )
    assert err.value.errors == {
        "reporter_id_number": "id_check_digit",
        "incident_place": "required",
        "reporter_phone": "phone_or_reason",
    }
    assert reports.get_report(store, rid)["status"] == "receiving"


def test_intake_saves_revision_with_changed_fields_and_history(store, officer, catalog) -> None:
    rid = receiving.receive(store, officer).id
    receiving.save_draft(store, rid, {"reporter_name": "王"})
    receiving.save_intake(store, officer, rid, good_intake(), catalog, checklist=[0, 2])
    assert receiving.load_draft(store, rid) is None
    receiving.save_intake(
        store, officer, rid, good_intake(summary="更正：电动车为红色。"), catalog, checklist=[0, 2]
    )
    hist = reports.history(store, rid)
    assert [h.action for h in hist] == ["receive", "intake", "edit"]
    assert hist[1].changes["reporter_phone"] == ["", "13912345678"]
    assert hist[1].changes["status"] == ["receiving", "received"]
    assert hist[1].changes["checklist"] == [[], [0, 2]]
    assert hist[2].changes == {
        "summary": ["报警人称其停放在楼下的电动车被盗。", "更正：电动车为红色。"]
    }
    with store.read() as s:
        revs = s.scalars(
            select(Revision).where(Revision.record_id == rid).order_by(Revision.revision_no)
        ).all()
        assert revs[1].parent_id == revs[0].id and revs[2].parent_id == revs[1].id
        assert json.loads(revs[2].payload)["summary"] == "更正：电动车为红色。"


def test_sql_looking_text_and_emoji_are_stored_verbatim(store, officer, catalog) -> None:
    rid = receiving.receive(store, officer).id
    summary = "Robert'); DROP TABLE report;-- 电动车 🚲"
    receiving.save_intake(store, officer, rid, good_intake(summary=summary), catalog)
    assert reports.get_report(store, rid)["summary"] == summary
    with store.read() as s:
        assert s.scalar(select(Report.id).where(Report.id == rid)) == rid


def test_void_needs_a_chief_and_a_reason(store, officer, chief) -> None:
    rid = receiving.receive(store, officer).id
    with pytest.raises(errors.PermissionDeniedError):
        receiving.void_receipt(store, officer, rid, "误按")
    with pytest.raises(errors.ValidationFailed):
        receiving.void_receipt(store, chief, rid, "  ")
    receiving.void_receipt(store, chief, rid, "误按接警按钮")
    record = reports.get_report(store, rid)
    assert record["status"] == "voided" and record["void_reason"] == "误按接警按钮"
    assert receiving.unfinished_receipts(store) == []
    assert [
        r.status
        for r in receiving.shift_receipts(
            store, dt.datetime.now().astimezone() - dt.timedelta(hours=1)
        )
    ] == ["voided"]


def test_status_flow_close_and_refer(store, officer, catalog) -> None:
    a = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, a, good_intake(), catalog)
    receiving.start_handling(store, officer, a)
    receiving.close_report(store, officer, a, "已受案调查")
    assert reports.get_report(store, a)["status"] == "closed"
    with pytest.raises(errors.InvalidTransitionError):
        receiving.start_handling(store, officer, a)
    with pytest.raises(errors.InvalidTransitionError):
        receiving.save_intake(store, officer, a, good_intake(summary="改"), catalog)
    b = receiving.receive(store, officer).id
    receiving.save_intake(
        store, officer, b, good_intake(incident_type="D04", summary="欠薪三年"), catalog
    )
    receiving.refer_report(store, officer, b, "人力资源和社会保障局")
    assert reports.get_report(store, b)["referred_department"] == "人力资源和社会保障局"


def test_desk_counters_and_shift_end(store, officer, catalog) -> None:
    ids = [receiving.receive(store, officer).id for _ in range(3)]
    receiving.save_intake(store, officer, ids[0], good_intake(), catalog)
    receiving.leave_unfinished(store, officer, ids[1], "报警人去医院，稍后补录")
    c = receiving.desk_counters(store)
    assert (c.received, c.completed, c.unfinished) == (3, 1, 2)
    assert {u.unfinished_reason for u in c.unfinished_list} == {"报警人去医院，稍后补录", ""}
    shift = receiving.shift_receipts(store, dt.datetime.now().astimezone() - dt.timedelta(hours=8))
    assert [s.serial[-4:] for s in shift] == ["0001", "0002", "0003"]


@pytest.mark.parametrize(
    "query",
    [
        "王芳",
        "芳",
        "wangfang",
        "wangf",
        "wf",
        "13912345678",
        "1391234",
        "新建路",
        "电动车",
        "11010519491231002x",
    ],
)
def test_search_finds_by_name_pinyin_phone_id_address_summary(
    store, officer, catalog, query
) -> None:
    target = receiving.receive(store, officer).id
    receiving.save_intake(
        store, officer, target, good_intake(reporter_id_number="11010519491231002X"), catalog
    )
    other = receiving.receive(store, officer).id
    receiving.save_intake(
        store,
        officer,
        other,
        good_intake(
            reporter_name="李强",
            reporter_phone="13600000000",
            reporter_address="迎泽区柳巷8号",
            incident_type="H04",
            summary="求助开锁",
            incident_place="柳巷",
        ),
        catalog,
    )
    found = [r.id for r in reports.list_reports(store, reports.ReportFilter(text=query))]
    assert found == [target]


def test_search_text_is_never_fts_syntax(store, officer) -> None:
    receiving.receive(store, officer)
    for query in ['"', "NEAR(", "a OR", "*", "王 AND", "'; --", "🚲"]:
        reports.list_reports(store, reports.ReportFilter(text=query))


def test_filters_and_keyset_paging(store, officer, chief, catalog) -> None:
    ids = [receiving.receive(store, officer).id for _ in range(5)]
    receiving.void_receipt(store, chief, ids[0], "误按")
    assert reports.count_reports(store, reports.ReportFilter(status="voided")) == 1
    assert reports.count_reports(store, reports.ReportFilter(officer_id=officer.id)) == 5
    page1 = reports.list_reports(store, reports.ReportFilter(), limit=2)
    page2 = reports.list_reports(
        store, reports.ReportFilter(), after=(page1[-1].received_utc, page1[-1].id), limit=10
    )
    assert [r.id for r in page1 + page2] == list(reversed(ids))


def test_export_writes_every_report_with_revisions(store, officer, catalog, tmp_path) -> None:
    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(), catalog)
    receiving.receive(store, officer)
    out = tmp_path / "export.jsonl"
    assert export.export_jsonl(store, out) == 2
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    first = next(r for r in lines if r["id"] == rid)
    assert first["reporter_name"] == "王芳"
    assert [r["action"] for r in first["revisions"]] == ["receive", "intake"]
    assert all(len(r["sha256"]) == 64 for r in first["revisions"])
