"""Reminder sheets: issued from a case file or received from HQ, three feedbacks, clearing."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from app import errors
from app.services import case_files, documents, receiving, reminder_sheets, visit_queries, visits
from app.services.reminder_sheets import SheetNotClearableError
from tests.unit.test_case_files import walk_in


def repeat_case(store, officer, catalog) -> tuple[str, list[str]]:
    ids = [walk_in(store, officer, catalog, days, incident_type="D03") for days in (12, 6, 0)]
    return case_files.file_of_report(store, ids[-1])["id"], ids


def test_a_sheet_is_issued_answered_three_times_and_cleared_with_evidence(
    store, officer, chief, catalog
) -> None:
    case_id, ids = repeat_case(store, officer, catalog)
    with pytest.raises(errors.PermissionDeniedError):
        reminder_sheets.issue_for_case(store, officer, case_id)
    code = reminder_sheets.issue_for_case(store, chief, case_id)
    assert code.startswith("TS") and code.endswith("-00001")
    with pytest.raises(errors.InvalidTransitionError):
        reminder_sheets.issue_for_case(store, chief, case_id)  # one open sheet per file
    (row,) = reminder_sheets.sheets(store)
    assert row.reports == 3 and row.status == "issued" and not row.overdue
    with pytest.raises(errors.InvalidTransitionError):
        reminder_sheets.feed_back(store, officer, row.id, "result", "调解成功")  # receipt first
    with pytest.raises(errors.ValidationFailed):
        reminder_sheets.feed_back(store, officer, row.id, "receipt", "  ")
    reminder_sheets.feed_back(store, officer, row.id, "receipt", "已签收，责任民警李建国")
    reminder_sheets.feed_back(store, officer, row.id, "progress", "已约谈双方，物业介入")
    with pytest.raises(SheetNotClearableError) as info:
        reminder_sheets.clear(store, chief, row.id)
    assert info.value.details["missing"] == ["result", "visit"]
    reminder_sheets.feed_back(store, officer, row.id, "result", "双方签订调解协议")
    receiving.close_report(store, officer, ids[-1], "调解成功")
    code_v = visit_queries.visits_for_report(store, ids[-1])[0].code
    visits.record_outcome(
        store,
        officer,
        code_v,
        visits.Outcome("done", satisfaction="satisfied", problem_solved="yes"),
    )
    reminder_sheets.clear(store, chief, row.id)
    assert reminder_sheets.sheets(store) == []
    sheet = reminder_sheets.get(store, row.id)
    assert sheet["status"] == "cleared" and sheet["result_text"] == "双方签订调解协议"

    pdf = documents.reminder_sheet_pdf(store, catalog, row.id)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 1
        text = doc.pages[0].extract_text()
    for expected in (
        "重复警情提示单",
        code,
        "签收反馈",
        "过程反馈",
        "结果反馈",
        "已约谈双方",
        "邻里纠纷",
    ):
        assert expected in text
    assert text.count("140107-") >= 3  # the three linked reports
    # from the station's chief to the officer the file names, not from the station to itself
    flat = "".join(text.split())
    assert f"所领导{chief.name}" in flat and "责任民警" in flat
    assert sheet["issuing_unit"] != sheet["receiving_unit"]


def test_a_sheet_from_hq_joins_the_local_case_file(store, officer, catalog) -> None:
    case_id, ids = repeat_case(store, officer, catalog)
    payload = {
        "id": "hq-sheet-1",
        "code": "HQ2026-00007",
        "issuing_unit": "太原市公安局110指挥中心",
        "rule_id": "X30",
        "rule_label": "30天内在2个派出所报警",
        "key_kind": "phone",
        "key_value": "13912345678",
        "deadline": "2026-12-01",
        "reports": [
            {"record_id": ids[-1], "serial": "140107-x", "unit_code": "140107"},
            {"record_id": "elsewhere", "serial": "140109-y", "unit_code": "140109"},
        ],
    }
    assert reminder_sheets.receive_from_hq(store, payload) == "HQ2026-00007"
    assert reminder_sheets.receive_from_hq(store, payload) == "HQ2026-00007"  # once only
    (row,) = reminder_sheets.sheets(store)
    assert row.origin == "hq" and row.reports == 2
    assert reminder_sheets.get(store, row.id)["case_id"] == case_id
    reminder_sheets.feed_back(store, officer, row.id, "receipt", "已签收")
    assert reminder_sheets.get(store, row.id)["status"] == "acknowledged"
    assert reminder_sheets.receive_from_hq(store, {"code": "bad"}) is None


def test_the_deadlines_come_from_the_rules_file_in_force(store, officer, chief, catalog) -> None:
    """A station (or HQ) that installs a newer rules file with other deadlines gets them for
    the files and sheets opened from then on; the bundled file says 15 and 7 days."""
    import datetime as dt
    import json

    from app.domain.repeat_rules import bundled_rules_path, installed_rules_path
    from app.domain.versioned_file import reload_rule_files

    data = json.loads(bundled_rules_path().read_text(encoding="utf-8"))
    assert (data["case_files"], data["reminder_sheets"]) == (
        {"deadline_days": 15},
        {"deadline_days": 7},
    )
    data.update(version="2099.1", case_files={"deadline_days": 10})
    data["reminder_sheets"] = {"deadline_days": 3}
    target = installed_rules_path(store.path.parent)
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    reload_rule_files()  # as after installing the file: the next use reads it
    try:
        case_id, _ids = repeat_case(store, officer, catalog)
        reminder_sheets.issue_for_case(store, chief, case_id)
        today = dt.date.today()
        (case,) = case_files.case_files(store, today=today)
        assert case.deadline == (today + dt.timedelta(days=10)).isoformat()
        (sheet,) = reminder_sheets.sheets(store)
        assert sheet.deadline == (today + dt.timedelta(days=3)).isoformat()
    finally:
        reload_rule_files()


@pytest.mark.parametrize("bad", [0, 91, "7", True, None])
def test_a_deadline_out_of_range_is_refused_by_name(bad) -> None:
    import json

    from app.domain.repeat_rules import RepeatRulesError, bundled_rules_path, check_rules_text

    data = json.loads(bundled_rules_path().read_text(encoding="utf-8"))
    data["reminder_sheets"] = {"deadline_days": bad}
    with pytest.raises(RepeatRulesError) as info:
        check_rules_text(json.dumps(data))
    assert "reminder_sheets: deadline_days" in str(info.value)
