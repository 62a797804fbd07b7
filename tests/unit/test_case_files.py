"""One case, one file: opened by a repeat, joined by later reports, cleared only with evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import errors
from app.db.models import Revision
from app.services import (
    case_files,
    early_warning,
    receiving,
    reminder_sheets,
    visit_queries,
    visits,
)
from app.services.case_files import CaseNotClearableError
from tests.conftest import good_intake


def walk_in(store, officer, catalog, days_ago: float, **fields) -> str:
    when = dt.datetime.now().astimezone() - dt.timedelta(days=days_ago)
    rid = receiving.receive(store, officer, now=when).id
    receiving.save_intake(store, officer, rid, good_intake(**fields), catalog)
    return rid


def test_a_reporter_through_four_visits_to_the_desk(store, officer, chief, catalog) -> None:
    first = walk_in(store, officer, catalog, 20, incident_type="D03")
    second = walk_in(store, officer, catalog, 9, incident_type="D03")
    assert case_files.file_of_report(store, second) is None  # two reports: not yet a repeat
    third = walk_in(store, officer, catalog, 1, incident_type="D03")
    opened = case_files.file_of_report(store, third)
    assert opened is not None
    assert set(opened["report_ids"]) == {first, second, third}
    assert opened["key_kind"] == "phone" and opened["rule_id"] == "R30"
    assert opened["status"] == "open" and opened["code"].startswith("AJ")
    fourth = walk_in(store, officer, catalog, 0, incident_type="P04")
    joined = case_files.file_of_report(store, fourth)
    assert joined is not None and joined["id"] == opened["id"]
    assert len(joined["report_ids"]) == 4
    (row,) = case_files.case_files(store)
    assert row.reports == 4 and not row.overdue and row.officer_name == "李建国"
    assert row.colour == ""  # nobody assessed the risk yet
    early_warning.assess(store, officer, third, ["violence", "prior_reports"])  # score 5
    (row,) = case_files.case_files(store)
    assert row.colour == "yellow"  # the file is watched as closely as its worst report
    assert case_files.detail(store, row.id).colour == "yellow"
    # the chief issues the reminder sheet: it names the four reports and the rule that fired
    code = reminder_sheets.issue_for_case(store, chief, row.id)
    sheet = reminder_sheets.sheet_of_case(store, row.id)
    assert sheet["code"] == code and sheet["rule_id"] == "R30"
    assert sheet["rule_label"] == "30天内第4次报警"
    assert [e["record_id"] for e in sheet["reports"]] == [first, second, third, fourth]
    assert sheet["key_kind"] == "phone" and sheet["status"] == "issued"
    with store.read() as s:
        kinds = s.scalars(select(Revision.action).where(Revision.record_kind == "case_file")).all()
    assert kinds == ["open", "link"]


def test_a_file_is_cleared_only_with_a_result_and_a_visit_done(store, officer, catalog):
    for days in (12, 6, 0):
        rid = walk_in(store, officer, catalog, days, incident_type="D03")
    case_id = case_files.file_of_report(store, rid)["id"]
    case_files.update(store, officer, case_id, plan="联系街道、物业共同调解，每周走访一次")
    case_files.log_action(store, officer, case_id, "已约谈双方，达成初步协议")
    data = case_files.file_of_report(store, rid)
    assert data["status"] == "in_progress" and data["actions"][0]["text"].startswith("已约谈")
    with pytest.raises(CaseNotClearableError) as info:
        case_files.clear(store, officer, case_id, "")
    assert info.value.details["missing"] == ["result", "visit"]
    receiving.close_report(store, officer, rid, "调解成功")
    code = visit_queries.visits_for_report(store, rid)[0].code
    visits.record_outcome(
        store, officer, code, visits.Outcome("done", satisfaction="satisfied", problem_solved="yes")
    )
    case_files.clear(store, officer, case_id, "双方签订调解协议，30天内未再报警")
    assert case_files.case_files(store) == []
    assert case_files.case_files(store, include_cleared=True)[0].status == "cleared"
    with pytest.raises(errors.InvalidTransitionError):
        case_files.log_action(store, officer, case_id, "again")
    # a new report from the same phone opens a new file once a rule fires again
    later = walk_in(store, officer, catalog, 0, incident_type="D03")
    again = case_files.file_of_report(store, later)
    assert again is not None and again["id"] != case_id


def test_an_overdue_file_is_escalated(store, officer, catalog) -> None:
    for days in (12, 6, 0):
        rid = walk_in(store, officer, catalog, days)
    case_id = case_files.file_of_report(store, rid)["id"]
    later = dt.date.today() + dt.timedelta(days=15 + 1)  # the bundled rules: 15 days
    (row,) = case_files.case_files(store, today=later)
    assert row.overdue
    case_files.update(store, officer, case_id, deadline=later + dt.timedelta(days=7))
    (row,) = case_files.case_files(store, today=later)
    assert not row.overdue


def test_only_a_chief_opens_a_file_by_hand(store, officer, chief, catalog) -> None:
    rid = walk_in(store, officer, catalog, 0, incident_type="D08")
    with pytest.raises(errors.PermissionDeniedError):
        case_files.open_file(store, officer, [rid], "医患纠纷，人员聚集")
    case_id = case_files.open_file(store, chief, [rid], "医患纠纷，人员聚集")
    assert case_files.file_of_report(store, rid)["id"] == case_id
    with pytest.raises(errors.ValidationFailed):
        case_files.open_file(store, chief, [rid], "  ")
