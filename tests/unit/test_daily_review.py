"""The chief's daily review: a day's reports with their quality flags, signed off with a comment
that reaches the officer, every step a revision; counted in the weekly report."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from app import errors
from app.db.models import Report, Revision
from app.domain.weekly_figures import iso_week
from app.services import daily_review, receiving, supervision
from tests.conftest import good_intake


def test_the_days_reports_are_flagged_signed_off_and_the_comment_reaches_the_officer(
    store, officer, chief, catalog
) -> None:
    yesterday = dt.datetime.now().astimezone() - dt.timedelta(days=1)
    fine = receiving.receive(store, officer, now=yesterday).id
    receiving.save_intake(store, officer, fine, good_intake(), catalog)
    left = receiving.receive(store, officer, now=yesterday).id  # never completed
    late = receiving.receive(store, officer, now=yesterday - dt.timedelta(hours=5)).id
    receiving.save_intake(store, officer, late, good_intake(), catalog)  # done hours later
    with store.write() as s:  # a repeat the rules flagged, yet filed nowhere
        s.execute(update(Report).where(Report.id == fine).values(repeat_rule="R30"))
    voided = receiving.receive(store, officer, now=yesterday).id
    receiving.void_receipt(store, chief, voided, "误按")

    items = {i.report_id: i for i in daily_review.review_list(store, catalog, yesterday.date())}
    assert voided not in items
    assert items[left].flags == ("unfinished",)
    assert "late" in items[late].flags
    # received yesterday, completed today: late too
    assert items[fine].flags == ("late", "repeat_no_file")
    with pytest.raises(errors.PermissionDeniedError):
        daily_review.sign_off(store, officer, catalog, [left])
    assert daily_review.sign_off(store, chief, catalog, [left], "请尽快补录或说明原因") == 1
    assert daily_review.sign_off(store, chief, catalog, list(items)) == 2  # the rest, once
    assert all(i.reviewed for i in daily_review.review_list(store, catalog, yesterday.date()))
    (comment,) = daily_review.comments_for(store, officer)
    assert comment.comment == "请尽快补录或说明原因" and comment.reviewed_by == chief.name
    assert daily_review.comments_for(store, chief) == []
    daily_review.mark_read(store, officer, [comment.review_id])
    assert daily_review.comments_for(store, officer) == []
    with store.read() as s:
        actions = sorted(
            s.scalars(select(Revision.action).where(Revision.record_id == comment.review_id))
        )
    assert actions == ["read", "review"]

    week = iso_week(*yesterday.isocalendar()[:2])
    figures = supervision.figures(store, catalog, week)
    assert (figures.reviewed, figures.review_comments) == (3, 1)


def test_an_officer_asks_the_chief_to_look_at_a_report_of_any_day(
    store, officer, chief, catalog
) -> None:
    old = dt.datetime.now().astimezone() - dt.timedelta(days=9)
    rid = receiving.receive(store, officer, now=old).id
    receiving.save_intake(store, officer, rid, good_intake(), catalog)
    daily_review.request_review(store, officer, rid, "报警人对处置不满意，请所领导把关")
    today = dt.date.today() - dt.timedelta(days=1)
    (item,) = [i for i in daily_review.review_list(store, catalog, today) if i.report_id == rid]
    assert item.flags[0] == "requested" and "不满意" in item.request_note
    assert not item.reviewed
    assert daily_review.sign_off(store, chief, catalog, [rid], "已电话回访报警人") == 1
    assert rid not in {i.report_id for i in daily_review.review_list(store, catalog, today)}
    with pytest.raises(errors.InvalidTransitionError):  # signed off: nothing left to ask
        daily_review.request_review(store, officer, rid, "再看看")
    (comment,) = daily_review.comments_for(store, officer)
    assert comment.comment == "已电话回访报警人"
