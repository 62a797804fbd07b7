"""Repeat detection: address keys, rules as data, and what the desk is told while typing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.addresses import normalise_address
from app.domain.repeat_rules import (
    RepeatRulesError,
    bundled_rules_path,
    check_rules_text,
    installed_rules_path,
    load_rules,
)
from app.domain.validation import id_check_char
from app.services import receiving, repeats, reports
from tests.conftest import good_intake

FULL_WIDTH = {ord(c): ord(c) + 0xFEE0 for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ#"}
roads = st.sampled_from(["新建路", "三桥街", "府东街", "胜利大街", "南京东路100弄"])
numbers = st.integers(min_value=1, max_value=99)
units = st.sampled_from([("栋", "号楼"), ("栋", "幢"), ("栋", "#"), ("单元", "门")])


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


@given(roads, numbers, numbers, units, numbers)
def test_the_same_door_written_differently_has_one_key(road, house, building, unit, room):
    canonical, variant = unit
    plain = f"太原市杏花岭区{road}{house}号{building}{canonical}{room}01室"
    spaced = f"山西省 太原市 {road} {house}号 {building}{variant} {room}01".translate(FULL_WIDTH)
    spoken = f"{road}{_cn(house)}号{_cn(building)}{canonical}{room}01"
    keys = {normalise_address(a) for a in (plain, spaced, spoken)}
    assert len(keys) == 1, keys


@given(st.text(max_size=60))
def test_the_key_of_a_key_is_itself(text):
    key = normalise_address(text)
    assert normalise_address(key) == key


@given(roads, numbers, numbers)
def test_different_doors_keep_different_keys(road, house, other):
    if house != other:
        assert normalise_address(f"{road}{house}号") != normalise_address(f"{road}{other}号")


RULES = load_rules()


@given(st.integers(min_value=13_000_000_000, max_value=19_999_999_999), st.integers(1, 10))
def test_a_half_typed_phone_is_never_looked_up(phone, cut):
    typed = str(phone)[:-cut]
    assert "phone" not in repeats.lookup_keys({"reporter_phone": typed}, RULES)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_an_id_number_with_a_wrong_check_digit_is_never_looked_up(body):
    wrong = body + next(c for c in "0123456789X" if c != id_check_char(body))
    assert "id_number" not in repeats.lookup_keys({"reporter_id_number": wrong}, RULES)
    for cut in (1, 5, 10):  # and a half-typed one
        assert "id_number" not in repeats.lookup_keys({"reporter_id_number": body[:-cut]}, RULES)


def test_an_address_without_a_house_number_matches_nothing() -> None:
    keys = repeats.lookup_keys(
        {"reporter_name": "王芳", "reporter_address": "杏花岭区新建路", "incident_place": "楼下"},
        RULES,
    )
    assert keys == {}


def walk_in(store, officer, catalog, when: dt.datetime, **fields) -> str:
    rid = receiving.receive(store, officer, now=when).id
    receiving.save_intake(store, officer, rid, good_intake(**fields), catalog)
    return rid


def test_a_reporter_coming_back_four_times(store, officer, catalog) -> None:
    """The desk is told "third report in 30 days" before the third intake is saved."""
    now = dt.datetime.now().astimezone()
    times = [now - dt.timedelta(days=d) for d in (20, 9)]
    first, second = (walk_in(store, officer, catalog, t, incident_type="P04") for t in times)
    assert reports.get_report(store, first)["repeat_rule"] == ""
    assert reports.get_report(store, second)["repeat_rule"] == ""

    typing = {"reporter_phone": "139-1234-5678"}  # only the phone typed so far
    finding = repeats.check(store, typing, incident_type="P04")
    match = finding.fired
    assert match is not None and match.key == "phone" and match.count == 3
    assert match.rule.id == "R30" and match.rule.label("en", match.count) == (
        "report no. 3 in 30 days"
    )
    assert match.rule.label("zh_CN", match.count) == "30天内第3次报警"
    assert [e.id for e in match.earlier] == [second, first]

    third = walk_in(store, officer, catalog, now, incident_type="P04")
    saved = reports.get_report(store, third)
    assert (saved["repeat_rule"], saved["repeat_key"], saved["repeat_count"]) == ("R30", "phone", 3)
    fourth = walk_in(store, officer, catalog, now + dt.timedelta(minutes=5), incident_type="P04")
    assert reports.get_report(store, fourth)["repeat_count"] == 4


def test_voided_and_old_reports_do_not_count(store, officer, chief, catalog) -> None:
    now = dt.datetime.now().astimezone()
    walk_in(store, officer, catalog, now - dt.timedelta(days=200))
    voided = receiving.receive(store, officer, now=now - dt.timedelta(days=2)).id
    receiving.save_draft(store, voided, good_intake())
    receiving.void_receipt(store, chief, voided, "误按")
    walk_in(store, officer, catalog, now - dt.timedelta(days=1))
    assert repeats.check(store, {"reporter_phone": "13912345678"}).fired is None


def test_the_same_person_at_the_same_door_is_found_without_a_phone(store, officer, catalog):
    now = dt.datetime.now().astimezone()
    for days in (10, 5):
        walk_in(
            store,
            officer,
            catalog,
            now - dt.timedelta(days=days),
            reporter_phone="",
            no_phone_reason="不愿提供",
            reporter_address="太原市杏花岭区新建路12号3号楼2门501",
        )
    typed = {"reporter_name": "王芳", "reporter_address": "新建路十二号三栋二单元501室"}
    match = repeats.check(store, typed).fired
    assert match is not None and match.key == "name_address" and match.count == 3
    assert repeats.check(store, {**typed, "reporter_name": "李四"}).fired is None


def test_a_type_rule_fires_earlier_than_the_general_ones(store, officer, catalog) -> None:
    now = dt.datetime.now().astimezone()
    walk_in(store, officer, catalog, now - dt.timedelta(days=40), incident_type="D02")
    match = repeats.check(store, {"reporter_phone": "13912345678"}, incident_type="D02").fired
    assert match is not None and match.rule.id == "D02-60" and match.count == 2
    assert (
        repeats.check(store, {"reporter_phone": "13912345678"}, incident_type="P04").fired is None
    )


def test_a_rule_file_with_errors_is_refused_with_its_line(tmp_path) -> None:
    text = bundled_rules_path().read_text(encoding="utf-8")
    data = json.loads(text)
    broken = text.replace('"window_days": 183', '"window_days": 0')
    with pytest.raises(RepeatRulesError) as info:
        check_rules_text(broken)
    line = broken.splitlines().index(next(x for x in broken.splitlines() if '"R183"' in x)) + 1
    assert f"line {line}" in str(info.value) and "window_days" in str(info.value)
    with pytest.raises(RepeatRulesError) as info:
        check_rules_text(text.replace('"rules": [', '"rules": [,'))
    rules_line = next(i for i, x in enumerate(text.splitlines(), 1) if '"rules": [' in x)
    assert f"line {rules_line}" in str(info.value)
    # a broken newer file in the data folder leaves the bundled rules in force
    target = installed_rules_path(tmp_path)
    target.parent.mkdir()
    target.write_text(broken.replace('"version": "2026.1"', '"version": "2099.1"'), "utf-8")
    assert load_rules(tmp_path).version == data["version"]


def test_the_live_check_looks_each_key_up_once_for_a_while(store, officer, catalog) -> None:
    now = dt.datetime.now().astimezone()
    for days in (20, 9):
        walk_in(store, officer, catalog, now - dt.timedelta(days=days), incident_type="P04")
    live = repeats.LiveCheck(store, ttl_seconds=30)
    typing = {"reporter_phone": "13912345678"}
    assert live(typing, incident_type="P04", now=now).fired.count == 3
    walk_in(store, officer, catalog, now - dt.timedelta(hours=1), incident_type="P04")
    # the same phone a moment later: remembered, not looked up again
    assert live(typing, incident_type="P04", now=now + dt.timedelta(seconds=5)).fired.count == 3
    # after the time it is remembered for, the report saved meanwhile counts
    later = now + dt.timedelta(seconds=31)
    assert live(typing, incident_type="P04", now=later).fired.count == 4
    assert repeats.check(store, typing, incident_type="P04").fired.count == 4  # the save's check
