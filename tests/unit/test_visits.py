"""Return visits through the services: created by the policy, answered once, counted."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app import errors
from app.db.models import Revision
from app.domain import visits as terms
from app.services import care_register, receiving, visit_queries, visits
from app.services.visit_queries import QueueFilter
from app.services.visits import Outcome
from tests.conftest import good_intake


def closed_report(store, officer, catalog, **fields) -> str:
    receipt = receiving.receive(store, officer)
    receiving.save_intake(store, officer, receipt.id, good_intake(**fields), catalog)
    receiving.close_report(store, officer, receipt.id, "已调解，双方达成协议")
    return receipt.id


def test_closing_a_theft_creates_three_visits_on_the_policy_dates(store, officer, catalog) -> None:
    today = dt.date.today()
    rid = closed_report(store, officer, catalog)
    rows = visit_queries.visits_for_report(store, rid)
    assert [(r.kind, r.due_date, r.sequence_no) for r in rows] == [
        ("onsite_signoff", today.isoformat(), 1),
        ("phone", (today + dt.timedelta(days=1)).isoformat(), 2),
        ("home", (today + dt.timedelta(days=7)).isoformat(), 3),
    ]
    assert all(r.officer_id == officer.id and r.reason == "catalog" for r in rows)
    assert rows[0].phone == "13912345678" and rows[0].grid == "新建路"


def test_no_visits_for_types_the_policy_leaves_out_and_none_twice(store, officer, catalog) -> None:
    assert (
        visit_queries.visits_for_report(
            store, closed_report(store, officer, catalog, incident_type="P01")
        )
        == []
    )
    receipt = receiving.receive(store, officer)
    receiving.save_intake(store, officer, receipt.id, good_intake(incident_type="D04"), catalog)
    receiving.refer_report(store, officer, receipt.id, "人社局")
    assert len(visit_queries.visits_for_report(store, receipt.id)) == 3
    receiving.start_handling(store, officer, receipt.id)
    receiving.close_report(store, officer, receipt.id, "欠薪已追回")
    assert len(visit_queries.visits_for_report(store, receipt.id)) == 3


def test_a_repeat_reporter_gets_visits_even_for_an_unflagged_type(store, officer, catalog) -> None:
    # the third noise complaint from one number in 30 days fires the default repeat rule
    for _ in range(2):
        first = closed_report(store, officer, catalog, incident_type="P04")
        assert visit_queries.visits_for_report(store, first) == []
    third = closed_report(store, officer, catalog, incident_type="P04")
    rows = visit_queries.visits_for_report(store, third)
    assert rows and {r.reason for r in rows} == {"repeat"}


def test_a_reporter_without_a_phone_gets_a_visit_instead_of_a_call(store, officer, catalog):
    rid = closed_report(store, officer, catalog, reporter_phone="", no_phone_reason="无手机")
    kinds = [r.kind for r in visit_queries.visits_for_report(store, rid)]
    assert kinds == ["onsite_signoff", "home", "home"]


def test_domestic_violence_is_safe_contact_without_phone_visits(store, officer, catalog) -> None:
    rid = closed_report(store, officer, catalog, incident_type="C09")
    rows = visit_queries.visits_for_report(store, rid)
    assert [r.kind for r in rows] == ["onsite_signoff", "safe_meeting", "home"]
    assert all(r.safe_contact and r.phone == "" for r in rows)


def test_marking_safe_contact_later_turns_phone_visits_into_meetings(
    store, officer, catalog
) -> None:
    rid = closed_report(store, officer, catalog)
    visits.mark_safe_contact(store, officer, rid)
    rows = visit_queries.visits_for_report(store, rid)
    assert [r.kind for r in rows] == ["onsite_signoff", "safe_meeting", "home"]


def test_outcome_by_typed_code_is_recorded_once(store, officer, catalog) -> None:
    rid = closed_report(store, officer, catalog)
    code = visit_queries.visits_for_report(store, rid)[0].code
    typed = code.replace("-", " ").lower()
    follow = visits.record_outcome(
        store, officer, typed, Outcome("done", satisfaction="satisfied", problem_solved="yes")
    )
    assert follow == []
    detail = visit_queries.lookup(store, code)
    assert detail.status == "done" and detail.outcome["satisfaction"] == "satisfied"
    with pytest.raises(errors.VisitAlreadyRecordedError) as info:
        visits.record_outcome(store, officer, code, Outcome("refused"))
    assert info.value.details["by"] == "李建国"
    assert visit_queries.lookup(store, code).status == "done"


def test_a_mistyped_code_is_no_visit_and_records_nothing(store, officer, catalog) -> None:
    rid = closed_report(store, officer, catalog)
    code = visit_queries.visits_for_report(store, rid)[0].code
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    for typed in (wrong, "V9999999-9", "hello", ""):
        with pytest.raises(errors.VisitNotFoundError):
            visits.record_outcome(store, officer, typed, Outcome("refused"))
    assert visit_queries.lookup(store, code).status == "due"


def test_an_incomplete_answer_names_the_missing_fields(store, officer, catalog) -> None:
    rid = closed_report(store, officer, catalog)
    code = visit_queries.visits_for_report(store, rid)[0].code
    with pytest.raises(errors.ValidationFailed) as info:
        visits.record_outcome(store, officer, code, Outcome("done"))
    assert set(info.value.errors) == {"satisfaction", "problem_solved"}
    with pytest.raises(errors.ValidationFailed) as info:
        visits.record_outcome(store, officer, code, Outcome("not_reached"))
    assert set(info.value.errors) == {"not_reached_reason"}
    assert visit_queries.lookup(store, code).status == "due"


def test_dissatisfied_brings_a_further_visit_and_supervision(store, officer, catalog) -> None:
    rid = closed_report(store, officer, catalog)
    code = visit_queries.visits_for_report(store, rid)[1].code
    friday = dt.datetime(2026, 11, 27, 10, 0).astimezone()
    follow = visits.record_outcome(
        store,
        officer,
        code,
        Outcome("done", satisfaction="dissatisfied", problem_solved="no", needs="追回损失"),
        now=friday,
    )
    assert len(follow) == 1
    further = visit_queries.lookup(store, follow[0])
    assert further.kind == "further" and further.due_date == "2026-12-04"
    answered = visit_queries.lookup(store, code)
    assert answered.outcome["supervision"] and answered.outcome["rectification_due"] == "2026-12-04"


def test_not_reached_is_tried_again_then_flagged(store, officer, catalog) -> None:
    rid = closed_report(store, officer, catalog)
    code = visit_queries.visits_for_report(store, rid)[1].code
    for _ in range(2):
        (code,) = visits.record_outcome(
            store, officer, code, Outcome("not_reached", not_reached_reason="电话无人接听")
        )
    assert visit_queries.lookup(store, code).attempt == 3
    assert (
        visits.record_outcome(
            store, officer, code, Outcome("not_reached", not_reached_reason="关机")
        )
        == []
    )
    assert visit_queries.lookup(store, code).outcome["supervision"]


def test_every_visit_change_is_a_revision_in_the_one_log(store, officer, catalog) -> None:
    rid = closed_report(store, officer, catalog)
    code = visit_queries.visits_for_report(store, rid)[0].code
    visits.record_outcome(
        store, officer, code, Outcome("done", satisfaction="satisfied", problem_solved="yes")
    )
    with store.read() as s:
        revs = s.execute(
            select(Revision.seq, Revision.record_kind, Revision.action).order_by(Revision.seq)
        ).all()
    assert [r.seq for r in revs] == list(range(1, len(revs) + 1))
    assert [(r.record_kind, r.action) for r in revs if r.record_kind == "visit"] == [
        ("visit", "create")
    ] * 3 + [("visit", "outcome")]


def test_queue_sections_filters_and_reassignment(store, officer, chief, catalog) -> None:
    closed_report(store, officer, catalog)
    closed_report(
        store,
        officer,
        catalog,
        incident_type="D03",
        reporter_address="杏花岭区三桥街8号枫林苑2栋",
        reporter_phone="13800000001",
    )
    today = dt.date.today()
    q = visit_queries.queue(store, QueueFilter(), today=today)
    assert q.counts == {"overdue": 0, "today": 2, "upcoming": 4}  # the calls and home visits
    later = visit_queries.queue(store, QueueFilter(), today=today + dt.timedelta(days=3))
    assert later.counts["overdue"] == 4
    only = visit_queries.queue(store, QueueFilter(grid="枫林苑"), today=today)
    assert {r.grid for r in only.due_today + only.upcoming} == {"枫林苑"}
    ids = [r.id for r in q.due_today]
    assert visits.assign(store, chief, ids, chief.id) == 2
    mine = visit_queries.queue(store, QueueFilter(officer_id=chief.id), today=today)
    assert mine.counts["today"] == 2 and mine.counts["upcoming"] == 0
    with pytest.raises(errors.PermissionDeniedError):
        visits.assign(store, officer, ids, officer.id)


def test_route_is_in_walking_order(store, officer, catalog) -> None:
    for addr, phone in (
        ("新建路12号", "13800000011"),
        ("新建路3号", "13800000012"),
        ("枫林苑2栋", "13800000013"),
    ):
        closed_report(store, officer, catalog, reporter_address=addr, reporter_phone=phone)
    ids = visit_queries.route(store, dt.date.today(), officer.id)
    addrs = [d.address for d in visit_queries.details(store, ids)]
    assert addrs == ["新建路3号", "新建路12号", "枫林苑2栋"]


def test_rates_per_officer_per_month(store, officer, chief, catalog) -> None:
    rid = closed_report(store, officer, catalog)
    rows = visit_queries.visits_for_report(store, rid)
    visits.record_outcome(
        store,
        officer,
        rows[0].code,
        Outcome("done", satisfaction="satisfied", problem_solved="yes"),
    )
    visits.record_outcome(
        store,
        officer,
        rows[1].code,
        Outcome("done", satisfaction="dissatisfied", problem_solved="no"),
    )
    month = dt.date.today().strftime("%Y-%m")
    (row,) = [r for r in visit_queries.rates(store, month) if r.officer_name == "李建国"]
    assert (row.answered, row.content) == (2, 1)
    assert row.satisfaction_rate == 0.5


def test_care_register_schedules_on_the_grade_cadence(store, chief) -> None:
    monday = dt.datetime(2026, 11, 23, 9, 0).astimezone()
    pid = care_register.register_person(
        store,
        chief,
        name="张三",
        category="mental_illness",
        grade=4,
        address="杏花岭区三桥社区5号",
        now=monday,
    )
    assert pid
    q = visit_queries.queue(store, QueueFilter(kind=terms.CARE), today=dt.date(2026, 11, 30))
    (row,) = q.due_today
    assert row.person_name == "张三" and row.grid == "三桥社区"
    (nxt,) = visits.record_outcome(
        store, chief, row.code, Outcome("refused"), now=dt.datetime(2026, 11, 30, 9, 0).astimezone()
    )
    assert visit_queries.lookup(store, nxt).due_date == "2026-12-07"
    with pytest.raises(errors.ValidationFailed) as info:
        care_register.register_person(store, chief, name="李四", category="mental_illness")
    assert "grade" in info.value.errors


@given(number=st.integers(1, 9_999_999), wrong=st.integers(1, 9))
def test_a_wrong_check_digit_is_a_typing_error_not_a_missing_visit(number, wrong) -> None:
    code = terms.visit_code(number)
    right = int(code[-1])
    typo = f"{code[:-1]}{(right + wrong) % 10}"
    assert terms.parse_visit_code(code) == number and not terms.mistyped_visit_code(code)
    assert terms.parse_visit_code(typo) is None and terms.mistyped_visit_code(typo)


def test_the_desk_says_a_mistyped_code_is_mistyped(store, officer) -> None:
    with store.read() as s:
        with pytest.raises(errors.VisitCodeMistypedError):
            visits.find_visit_id(s, "V0000001-0")  # its check digit is 8
        with pytest.raises(errors.VisitNotFoundError) as missing:
            visits.find_visit_id(s, terms.visit_code(1))  # well typed, no such visit yet
    assert not isinstance(missing.value, errors.VisitCodeMistypedError)
