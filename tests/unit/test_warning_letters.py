"""Domestic-violence warning letters: draft, chief's approval with a serial, print, serve, visits."""

from __future__ import annotations

import datetime as dt
import io
import json

import pdfplumber
import pytest

from app import errors
from app.services import documents, receiving, reports, visit_queries, warning_letters
from app.services.warning_letters import LetterDraft
from tests.conftest import good_intake
from tests.unit.test_early_warning import dispute

DRAFT = LetterDraft(
    abuser_name="王大力",
    victim_name="李小梅",
    facts="王大力因家庭琐事多次殴打其妻李小梅，致其面部软组织挫伤。",
    relation="夫妻",
    abuser_id_number="11010519491231002X",
    abuser_address="迎泽区桥东街12号3单元502室",
)


def test_a_letter_is_approved_printed_served_and_followed_by_visits(
    store, officer, chief, catalog
) -> None:
    rid = dispute(store, officer, catalog)
    letter_id = warning_letters.draft(store, officer, rid, DRAFT)
    assert reports.get_report(store, rid)["safe_contact"]  # the victim is safe-contact at once
    with pytest.raises(errors.PermissionDeniedError):
        warning_letters.approve(store, officer, letter_id)
    with pytest.raises(errors.InvalidTransitionError):
        documents.warning_letter_pdf(store, letter_id)  # a draft does not print
    serial = warning_letters.approve(store, chief, letter_id)
    year = serial.split("-GJ")[1][:4]
    assert serial == f"140107-GJ{year}-0001"
    second = warning_letters.draft(store, officer, dispute(store, officer, catalog), DRAFT)
    assert warning_letters.approve(store, chief, second).endswith("-0002")
    pdf = documents.warning_letter_pdf(store, letter_id)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = [page.extract_text() for page in doc.pages]
    # article 17: one for the abuser, one for the victim, one for the file, a page each
    assert ["".join(t.splitlines()[0].split()) for t in pages] == [
        "第一联交加害人",
        "第二联交受害人",
        "第三联附卷",
    ]
    for text in pages:
        for expected in ("家庭暴力告诫书", serial, "王大力", "李小梅", "反家庭暴力法", "签收"):
            assert expected in text
        flat = "".join(text.split())
        # article 16: the prohibition of further violence; the committee told (article 17);
        # never a protection order's wording, which only a court gives (article 29)
        assert "禁止你对李小梅及其他家庭成员再实施家庭暴力" in flat
        assert "通知居民委员会、村民委员会" in flat
        assert not [ln for ln in text.splitlines() if ln[:1] in "。，、；：？！）"], text
        assert "骚扰" not in flat and "跟踪" not in flat and "接触受害人" not in flat
        assert good_intake()["reporter_phone"] not in text  # the abuser keeps this paper
    codes = warning_letters.mark_served(store, officer, letter_id)
    rows = {v.code: v for v in visit_queries.visits_for_report(store, rid)}
    assert len(codes) == 2
    assert all(rows[c].kind == "safe_meeting" and rows[c].safe_contact for c in codes)
    today = dt.date.today()  # the bundled visit policy: a week on, then a month on
    assert [rows[c].due_date for c in codes] == [
        (today + dt.timedelta(days=d)).isoformat() for d in (7, 30)
    ]
    assert warning_letters.get(store, letter_id).status == "served"


def test_a_refused_draft_keeps_its_text_and_can_be_redrafted(
    store, officer, chief, catalog
) -> None:
    rid = dispute(store, officer, catalog)
    letter_id = warning_letters.draft(store, officer, rid, DRAFT)
    with pytest.raises(errors.ValidationFailed):
        warning_letters.refuse(store, chief, letter_id, "")
    warning_letters.refuse(store, chief, letter_id, "事实部分缺少伤情鉴定")
    refused = warning_letters.letter_of_report(store, rid)
    assert refused.status == "refused" and refused.facts == DRAFT.facts
    again = warning_letters.draft(
        store,
        officer,
        rid,
        LetterDraft(**{**DRAFT.__dict__, "facts": DRAFT.facts + "经鉴定为轻微伤。"}),
    )
    assert again == letter_id and warning_letters.get(store, again).status == "draft"


def test_bad_drafts_name_each_field(store, officer, catalog) -> None:
    rid = dispute(store, officer, catalog)
    with pytest.raises(errors.ValidationFailed) as info:
        warning_letters.draft(
            store,
            officer,
            rid,
            LetterDraft(abuser_name="", victim_name="李4", facts="", abuser_id_number="1101"),
        )
    assert info.value.errors == {
        "abuser_name": "required",
        "victim_name": "name_chars",
        "facts": "required",
        "abuser_id_number": "id_length",
    }


def test_the_follow_up_visits_come_from_the_visit_policy_in_force(
    store, officer, chief, catalog
) -> None:
    from app.domain.versioned_file import reload_rule_files
    from app.domain.visit_policy import (
        PolicyError,
        bundled_policy_path,
        installed_policy_path,
        parse_policy,
    )

    data = json.loads(bundled_policy_path().read_text(encoding="utf-8"))
    for bad in ([], [{"weeks": 1}], [{"days": 400}]):
        broken = dict(data, warning_letter={"follow_ups": bad})
        with pytest.raises(PolicyError) as info:
            parse_policy(broken, "visit_policy.json")
        assert "warning_letter.follow_ups" in str(info.value)
    older = {k: v for k, v in data.items() if k != "warning_letter"}  # a file from before
    assert [f.days for f in parse_policy(older, "old").letter_follow_ups] == [7, 30]

    data.update(version="2099.1", warning_letter={"follow_ups": [{"days": 3}]})
    target = installed_policy_path(store.path.parent)
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    reload_rule_files()  # as after installing the file: the next use reads it
    try:
        rid = dispute(store, officer, catalog)
        letter_id = warning_letters.draft(store, officer, rid, DRAFT)
        warning_letters.approve(store, chief, letter_id)
        (code,) = warning_letters.mark_served(store, officer, letter_id)
        rows = {v.code: v for v in visit_queries.visits_for_report(store, rid)}
        assert rows[code].due_date == (dt.date.today() + dt.timedelta(days=3)).isoformat()
    finally:
        reload_rule_files()


def test_the_letter_types_come_from_the_dispute_definitions_in_force(
    store, officer, catalog
) -> None:
    """Which reports a warning letter can be drafted for is data: the bundled definitions list
    domestic violence and the relationship and family disputes; a station that installs a newer
    file listing neighbourhood disputes (D03) too can draft for those from then on."""
    from app.domain.dispute_policy import DISPUTES, DisputePolicyError
    from app.domain.versioned_file import reload_rule_files

    neighbours = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, neighbours, good_intake(incident_type="D03"), catalog)
    with pytest.raises(errors.ValidationFailed) as refused:
        warning_letters.draft(store, officer, neighbours, DRAFT)
    assert refused.value.errors == {"incident_type": "no_warning_letter"}
    assert not reports.report_view(store, neighbours).letters_apply

    text = DISPUTES.bundled_path().read_text(encoding="utf-8")
    with pytest.raises(DisputePolicyError) as info:
        DISPUTES.check_text(text.replace('"C09", "D01", "D02"]', '"C09", 3]'))
    assert "line 12" in str(info.value) and "warning_letter_types" in str(info.value)

    data = json.loads(text)
    data.update(version="2099.1", warning_letter_types=["C09", "D01", "D02", "D03"])
    target = DISPUTES.installed_path(store.path.parent)
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    reload_rule_files()  # as after installing the file: the next use reads it
    try:
        assert reports.report_view(store, neighbours).letters_apply
        assert warning_letters.draft(store, officer, neighbours, DRAFT)
    finally:
        reload_rule_files()


def test_four_eyes_a_chief_does_not_approve_the_letter_that_chief_drafted(
    store, chief, catalog
) -> None:
    """The drafter approves only where the station has no other active chief, and then with a
    reason that stays with the letter; a second chief makes the drafter's approval refused."""
    from app.services import station
    from tests.conftest import PASSWORD

    letter_id = warning_letters.draft(store, chief, dispute(store, chief, catalog), DRAFT)
    with pytest.raises(errors.ValidationFailed) as no_reason:
        warning_letters.approve(store, chief, letter_id)
    assert no_reason.value.errors == {"approval_note": "required"}
    with pytest.raises(errors.ValidationFailed):
        warning_letters.approve(store, chief, letter_id, "\x00")
    assert warning_letters.get(store, letter_id).status == "draft"
    warning_letters.approve(store, chief, letter_id, "所内仅一名所领导，教导员休假")
    letter = warning_letters.get(store, letter_id)
    assert letter.status == "approved"
    assert letter.approval_note == "所内仅一名所领导，教导员休假"

    station.add_officer(store, badge="100300", name="周正", password=PASSWORD, role="chief")
    second_chief = station.sign_in(store, "100300", PASSWORD)
    mine = warning_letters.draft(store, chief, dispute(store, chief, catalog), DRAFT)
    with pytest.raises(errors.OwnDraftError):
        warning_letters.approve(store, chief, mine, "想自己批")
    assert warning_letters.get(store, mine).status == "draft"
    warning_letters.approve(store, second_chief, mine)
    approved = warning_letters.get(store, mine)
    assert (approved.status, approved.approval_note) == ("approved", "")


def test_the_committee_is_told_and_checked_with_and_both_travel_as_revisions(
    store, officer, chief, catalog
) -> None:
    """Article 17: the residents' or villagers' committee is told of the letter (which one,
    whom, how, when) and the station checks with it later; a draft cannot be told yet, the
    day cannot be tomorrow, and each step is a revision of the letter, so HQ has it."""
    import datetime as dt

    from sqlalchemy import select

    from app.db.models import Revision

    rid = dispute(store, officer, catalog)
    letter_id = warning_letters.draft(store, officer, rid, DRAFT)
    with pytest.raises(errors.InvalidTransitionError):
        warning_letters.notify_committee(
            store, officer, letter_id, committee="富力城社区居委会", contact="王主任", how="phone"
        )
    warning_letters.approve(store, chief, letter_id)
    with pytest.raises(errors.ValidationFailed) as bad:
        warning_letters.notify_committee(
            store,
            officer,
            letter_id,
            committee="",
            contact="王主任",
            how="fax",
            day=dt.date.today() + dt.timedelta(days=1),
        )
    assert bad.value.errors == {
        "committee_name": "required",
        "committee_how": "required",
        "committee_notified_on": "day_future",
    }
    with pytest.raises(errors.InvalidTransitionError):  # nobody told yet: nothing to check
        warning_letters.record_committee_check(store, officer, letter_id, "未再发生")
    day = dt.date.today() - dt.timedelta(days=2)
    due = warning_letters.notify_committee(
        store,
        officer,
        letter_id,
        committee="富力城社区居委会",
        contact="王主任",
        how="phone",
        day=day,
    )
    assert due == (day + dt.timedelta(days=30)).isoformat()  # the bundled visit policy
    warning_letters.record_committee_check(store, officer, letter_id, "居委会走访，未再发生家暴")
    letter = warning_letters.get(store, letter_id)
    assert letter.committee_notified_on == day.isoformat() and letter.committee_how == "phone"
    assert letter.committee_check_note == "居委会走访，未再发生家暴"
    with store.read() as s:
        newest = s.scalars(
            select(Revision)
            .where(Revision.record_id == letter_id)
            .order_by(Revision.revision_no.desc())
        ).first()
    assert newest is not None and newest.action == "committee_check"
    assert '"committee_name":"富力城社区居委会"' in newest.payload.replace(" ", "")
