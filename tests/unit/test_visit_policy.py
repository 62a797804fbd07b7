"""The visit policy's due dates, across month ends, weekends and time zones."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import visits
from app.domain.catalog import load_catalog
from app.domain.visit_policy import (
    PolicyError,
    add_months,
    bundled_policy_path,
    load_policy,
    local_day,
    parse_policy,
)

POLICY = load_policy()
CATALOG = load_catalog()
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m))
)


def _is_working(day: dt.date) -> bool:
    return day.isoweekday() < 6  # the bundled calendar: Saturday and Sunday off


@given(days)
def test_default_schedule_is_signoff_same_day_call_next_day_home_in_a_week(day) -> None:
    plan = POLICY.initial_plan(day, safe_contact=False)
    assert [(p.kind, p.due) for p in plan] == [
        (visits.ONSITE_SIGNOFF, day),
        (visits.PHONE, day + dt.timedelta(days=1)),
        (visits.HOME, day + dt.timedelta(days=7)),
    ]


@given(days)
def test_safe_contact_never_plans_a_phone_call(day) -> None:
    kinds = [p.kind for p in POLICY.initial_plan(day, safe_contact=True)]
    assert visits.PHONE not in kinds
    assert visits.SAFE_MEETING in kinds


@given(days)
def test_rectification_is_five_working_days_later_and_never_on_a_weekend(day) -> None:
    visit, rectify = POLICY.after_dissatisfied(day)
    assert rectify is not None and _is_working(rectify) and _is_working(visit.due)
    between = [day + dt.timedelta(days=i) for i in range(1, (rectify - day).days + 1)]
    assert sum(_is_working(d) for d in between) == 5
    assert (rectify - day).days <= 9  # five working days never span more than a week and two


def test_rectification_over_a_month_end_weekend() -> None:
    # Friday 27 Feb 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6 March
    _visit, rectify = POLICY.after_dissatisfied(dt.date(2026, 2, 27))
    assert rectify == dt.date(2026, 3, 6)
    # Saturday 31 Oct 2026 counts from the Monday
    _visit, rectify = POLICY.after_dissatisfied(dt.date(2026, 10, 31))
    assert rectify == dt.date(2026, 11, 6)


def test_holidays_and_make_up_working_days_from_the_policy_file() -> None:
    data = json.loads(bundled_policy_path().read_text(encoding="utf-8"))
    data["calendar"]["holidays"] = ["2026-10-01", "2026-10-02", "2026-10-05"]
    data["calendar"]["working_weekends"] = ["2026-10-10"]
    policy = parse_policy(data, "test")
    # Wed 30 Sep: Thu 1 and Fri 2 off, Mon 5 off, then Tue 6, Wed 7, Thu 8, Fri 9, Sat 10
    _visit, rectify = policy.after_dissatisfied(dt.date(2026, 9, 30))
    assert rectify == dt.date(2026, 10, 10)


@given(days, st.integers(min_value=0, max_value=24))
def test_months_clamp_to_the_last_day_and_keep_the_day_otherwise(day, months) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + dt.timedelta(1)).day == 1)


def test_monthly_care_visit_from_the_31st() -> None:
    rule = POLICY.care_rule("mental_illness", 1)
    assert rule is not None
    assert rule.cadence.after(dt.date(2027, 1, 31), POLICY.calendar) == dt.date(2027, 2, 28)
    assert rule.cadence.after(dt.date(2028, 1, 31), POLICY.calendar) == dt.date(2028, 2, 29)
    weekly = POLICY.care_rule("mental_illness", 4)
    assert weekly is not None
    assert weekly.cadence.after(dt.date(2026, 12, 28), POLICY.calendar) == dt.date(2027, 1, 4)


@given(st.datetimes(min_value=dt.datetime(2001, 1, 1), max_value=dt.datetime(2098, 1, 1)), offsets)
def test_due_dates_count_from_the_station_local_date_not_utc(naive, zone) -> None:
    moment = naive.replace(tzinfo=zone)
    closed_on = local_day(moment)
    assert closed_on == naive.date()  # the wall-clock date where the desk is
    call = POLICY.initial_plan(closed_on, safe_contact=False)[1]
    assert call.due == naive.date() + dt.timedelta(days=1)


def test_late_evening_close_in_beijing_gives_next_local_day_across_a_month_end() -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    moment = dt.datetime(2026, 1, 31, 23, 30, tzinfo=beijing)  # 15:30 UTC the same day
    assert POLICY.initial_plan(local_day(moment), safe_contact=False)[1].due == dt.date(2026, 2, 1)
    early = dt.datetime(2026, 3, 1, 0, 30, tzinfo=beijing)  # still 28 Feb in UTC
    assert local_day(early) == dt.date(2026, 3, 1)


def test_retry_until_the_attempts_are_used_up() -> None:
    day = dt.date(2026, 5, 29)
    assert POLICY.retry(day, 1) == dt.date(2026, 5, 30)
    assert POLICY.retry(day, 2) == dt.date(2026, 5, 30)
    assert POLICY.retry(day, POLICY.max_attempts) is None


def test_which_reports_are_visited() -> None:
    dispute = CATALOG.get("D03")
    theft = CATALOG.get("C01")
    gambling = CATALOG.get("P01")
    assert POLICY.trigger_reason(dispute, is_repeat=False) == visits.REASON_DISPUTE
    assert POLICY.trigger_reason(theft, is_repeat=False) == visits.REASON_CATALOG
    assert POLICY.trigger_reason(gambling, is_repeat=False) is None
    assert POLICY.trigger_reason(gambling, is_repeat=True) == visits.REASON_REPEAT
    assert POLICY.is_safe_contact_type(CATALOG.get("C09"))
    assert POLICY.is_safe_contact_type(CATALOG.get("C10"))


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (lambda d: d["schedule"][1]["due"].update(days=-1), "schedule[1].due.days"),
        (lambda d: d["schedule"][0].update(kind="fax"), "schedule[0].kind"),
        (lambda d: d["safe_contact"]["replace_kinds"].update(home="phone"), "replace_kinds"),
        (lambda d: d["calendar"].update(holidays=["2026-13-01"]), "calendar.holidays[0]"),
        (lambda d: d["triggers"].update(on_statuses=["receiving"]), "triggers.on_statuses"),
        (lambda d: d.update(version="new"), "version"),
    ],
)
def test_a_policy_with_errors_is_refused_with_the_place_and_reason(edit, where) -> None:
    data = json.loads(bundled_policy_path().read_text(encoding="utf-8"))
    edit(data)
    with pytest.raises(PolicyError) as info:
        parse_policy(data, "visit_policy.json")
    assert where in str(info.value)


def test_a_broken_installed_policy_leaves_the_bundled_one_in_force(tmp_path) -> None:
    target = tmp_path / "policy" / "visit_policy.json"
    target.parent.mkdir()
    target.write_text('{"format": 1, "version": "2099.1", "schedule": [', encoding="utf-8")
    assert load_policy(tmp_path).version == POLICY.version
    data = json.loads(bundled_policy_path().read_text(encoding="utf-8"))
    data["version"] = "2099.1"
    data["schedule"] = data["schedule"][:2]
    target.write_text(json.dumps(data), encoding="utf-8")
    assert len(load_policy(tmp_path).schedule) == 2


@given(st.integers(min_value=1, max_value=9_999_999))
def test_visit_codes_round_trip_and_catch_one_wrong_digit(number) -> None:
    code = visits.visit_code(number)
    assert visits.parse_visit_code(code) == number
    assert visits.parse_visit_code(code.replace("-", "").lower()) == number
    body = code[1:8]
    for i in range(7):
        wrong = body[:i] + str((int(body[i]) + 1) % 10) + body[i + 1 :]
        assert visits.parse_visit_code(f"V{wrong}-{code[-1]}") != number
