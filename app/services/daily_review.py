"""The chief's daily review (每日研判, the Shexian article's "daily review"): yesterday's reports
one by one with what looks wrong in each, signed off one at a time or all at once, and a
comment that goes back to the officer who took the report, on their desk until read.

Quality flags, each a question for the chief rather than a verdict:
- "unfinished": the intake was never completed;
- "missing": completed, yet something the type requires is empty (a rule file changed since,
  or a record from before the rule);
- "late": the intake was completed more than LATE_HOURS after the receipt;
- "repeat_no_file": a repeat rule fired but the report is in no case file;
- "requested": the officer asked for the chief's look (any day's report, until signed off).
Every request, sign-off and reading is a revision of the report's review record, synced like
every record.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import CaseReport, Officer, Report, ReportReview, Revision
from app.db.revisions import Tracked, snapshot, station_row
from app.domain import statuses
from app.domain.catalog import Catalog
from app.domain.clock import now_local, utc_iso
from app.domain.validation import FieldError, clean_text
from app.ids import new_id
from app.services.receiving import missing_fields
from app.services.station import OfficerInfo, require

LATE_HOURS = 2
FLAGS = ("requested", "unfinished", "missing", "late", "repeat_no_file")
REVIEW_FIELDS = (
    "id",
    "report_id",
    "day",
    "officer_id",
    "requested_by",
    "requested_at",
    "request_note",
    "reviewed_by",
    "reviewed_at",
    "flags",
    "comment",
    "read_at",
)


def _snapshot(review: ReportReview) -> dict[str, Any]:
    return {name: getattr(review, name) for name in REVIEW_FIELDS}


REVIEWS = Tracked("report_review", lambda _s, review: _snapshot(review))


@dataclass(frozen=True)
class ReviewItem:
    report_id: str
    serial: str
    received_at: str
    officer_name: str
    incident_type: str
    status: str
    reporter_name: str
    flags: tuple[str, ...]
    reviewed: bool
    comment: str
    request_note: str = ""


def _day_bounds(day: dt.date) -> tuple[str, str]:
    tz = now_local().tzinfo
    first = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    return utc_iso(first), utc_iso(first + dt.timedelta(days=1))


def _flags(report: Report, intake_at: str | None, filed: bool, catalog: Catalog) -> list[str]:
    found = []
    if report.status == statuses.RECEIVING:
        found.append("unfinished")
    elif missing_fields(snapshot(report), catalog):
        found.append("missing")
    if intake_at:
        taken = dt.datetime.fromisoformat(intake_at) - dt.datetime.fromisoformat(report.received_at)
        if taken > dt.timedelta(hours=LATE_HOURS):
            found.append("late")
    if report.repeat_rule and not filed:
        found.append("repeat_no_file")
    return found


def review_list(store: Store, catalog: Catalog, day: dt.date) -> list[ReviewItem]:
    """The day's reports in serial order (voided receipts left out: the chief voided them),
    then those of other days an officer asked the chief to look at."""
    start, end = _day_bounds(day)
    with store.read() as s:
        asked = list(
            s.scalars(
                select(ReportReview.report_id).where(
                    ReportReview.reviewed_at == "", ReportReview.requested_at != ""
                )
            )
        )
        reports = list(
            s.scalars(
                select(Report)
                .where(
                    Report.received_utc >= start,
                    Report.received_utc < end,
                    Report.status != statuses.VOIDED,
                )
                .order_by(Report.serial_day, Report.serial_no)
            )
        )
        seen = {r.id for r in reports}
        reports += [
            r
            for r in s.scalars(
                select(Report).where(Report.id.in_(asked)).order_by(Report.received_utc)
            )
            if r.id not in seen
        ]
        ids = [r.id for r in reports]
        intakes = dict(
            s.execute(
                select(Revision.record_id, func.min(Revision.recorded_at))
                .where(Revision.record_id.in_(ids), Revision.action == "intake")
                .group_by(Revision.record_id)
            ).all()
        )
        filed = set(s.scalars(select(CaseReport.report_id).where(CaseReport.report_id.in_(ids))))
        reviews: dict[str, ReportReview] = {}
        for rv in s.scalars(select(ReportReview).where(ReportReview.report_id.in_(ids))):
            if rv.reviewed_at or rv.report_id not in reviews:  # a signed one counts first
                reviews[rv.report_id] = rv
        names = {i: n for i, n in s.execute(select(Officer.id, Officer.name))}
        items = []
        for r in reports:
            review = reviews.get(r.id)
            signed = review is not None and bool(review.reviewed_at)
            asked_now = review is not None and not signed and bool(review.requested_at)
            flags = _flags(r, intakes.get(r.id), r.id in filed, catalog)
            items.append(
                ReviewItem(
                    report_id=r.id,
                    serial=r.serial,
                    received_at=r.received_at,
                    officer_name=names.get(r.officer_id, ""),
                    incident_type=r.incident_type,
                    status=r.status,
                    reporter_name=r.reporter_name,
                    flags=tuple(["requested", *flags] if asked_now else flags),
                    reviewed=signed,
                    comment=review.comment if signed and review is not None else "",
                    request_note=review.request_note if review is not None else "",
                )
            )
        return items


def request_review(store: Store, officer: OfficerInfo, report_id: str, note: str = "") -> None:
    """An officer asks the chief to look at a report (a doubt about the handling, a reporter's
    complaint): it joins the daily review until signed off."""
    require(officer, "receive")
    text = _comment(note)
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        report = s.get(Report, report_id)
        if report is None:
            raise errors.NotFoundError(report_id)
        rows = list(s.scalars(select(ReportReview).where(ReportReview.report_id == report_id)))
        if any(r.reviewed_at for r in rows):
            raise errors.InvalidTransitionError("reviewed", target="request")
        review = rows[0] if rows else None
        asked = {
            "requested_by": officer.id,
            "requested_at": moment.isoformat(timespec="seconds"),
            "request_note": text,
        }
        _save(s, st, review, report, officer.id, "request", asked, moment)


def _save(
    s: Session,
    st: Any,
    review: ReportReview | None,
    report: Report,
    actor_id: str,
    action: str,
    values: dict[str, Any],
    moment: dt.datetime,
) -> None:
    """The report's review record, new or as it was, with `values`: a revision either way."""
    if review is not None:
        REVIEWS.update(s, st, review, actor_id, action, values, moment)
        return
    review = _new_review(report, moment)
    for key, value in values.items():
        setattr(review, key, value)
    s.add(review)
    s.flush()
    REVIEWS.record(s, st, review, actor_id, action, {}, moment, new=True)


def _new_review(report: Report, moment: dt.datetime) -> ReportReview:
    return ReportReview(
        id=new_id(),
        report_id=report.id,
        day=dt.datetime.fromisoformat(report.received_at).date().isoformat(),
        officer_id=report.officer_id,
        requested_by=None,
        requested_at="",
        request_note="",
        reviewed_by=None,
        reviewed_at="",
        flags="[]",
        comment="",
        read_at="",
        revision_no=1,
        created_utc=utc_iso(moment),
        updated_utc=utc_iso(moment),
    )


def _comment(text: str) -> str:
    try:
        return clean_text("summary", text, multiline=True)
    except FieldError as exc:
        raise errors.ValidationFailed({"comment": exc.code}) from None


def sign_off(
    store: Store,
    chief: OfficerInfo,
    catalog: Catalog,
    report_ids: list[str],
    comment: str = "",
) -> int:
    """Sign the reports off (those already signed are left as they are); a comment goes with
    each to its officer. Returns how many were signed now."""
    require(chief, "approve")
    text = _comment(comment)
    moment = now_local()
    signed_now = 0
    with store.write() as s:
        st = station_row(s)
        existing: dict[str, ReportReview] = {}
        for rv in s.scalars(select(ReportReview).where(ReportReview.report_id.in_(report_ids))):
            if rv.reviewed_at or rv.report_id not in existing:  # a signed one counts first
                existing[rv.report_id] = rv
        for report_id in report_ids:
            report = s.get(Report, report_id)
            if report is None:
                raise errors.NotFoundError(report_id)
            review = existing.get(report_id)
            if review is not None and review.reviewed_at:
                continue  # signed off already
            intake_at = s.scalar(
                select(func.min(Revision.recorded_at)).where(
                    Revision.record_id == report_id, Revision.action == "intake"
                )
            )
            filed = s.scalar(select(CaseReport.report_id).where(CaseReport.report_id == report_id))
            signed = {
                "reviewed_by": chief.id,
                "reviewed_at": moment.isoformat(timespec="seconds"),
                "flags": json.dumps(_flags(report, intake_at, filed is not None, catalog)),
                "comment": text,
            }
            _save(s, st, review, report, chief.id, "review", signed, moment)
            signed_now += 1
    return signed_now


@dataclass(frozen=True)
class Comment:
    review_id: str
    serial: str
    reviewed_by: str
    reviewed_at: str
    comment: str


def comments_for(store: Store, officer: OfficerInfo) -> list[Comment]:
    """The chief's comments on this officer's reports not yet read, newest first."""
    with store.read() as s:
        return _comments(s, officer)


def _comments(s: Session, officer: OfficerInfo) -> list[Comment]:
    names = {i: n for i, n in s.execute(select(Officer.id, Officer.name))}
    rows = s.execute(
        select(ReportReview, Report.serial)
        .join(Report, Report.id == ReportReview.report_id)
        .where(
            ReportReview.officer_id == officer.id,
            ReportReview.reviewed_at != "",
            ReportReview.read_at == "",
            ReportReview.comment != "",
        )
        .order_by(ReportReview.reviewed_at.desc())
    ).all()
    return [
        Comment(r.id, serial, names.get(r.reviewed_by or "", ""), r.reviewed_at, r.comment)
        for r, serial in rows
    ]


def mark_read(store: Store, officer: OfficerInfo, review_ids: list[str]) -> None:
    """The officer has read the comments: each a revision, so HQ knows they reached them."""
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        for review_id in review_ids:
            review = s.get(ReportReview, review_id)
            if review is None or review.officer_id != officer.id or review.read_at:
                continue
            REVIEWS.update(
                s,
                st,
                review,
                officer.id,
                "read",
                {"read_at": moment.isoformat(timespec="seconds")},
                moment,
            )


def reviewed_count(store: Store, start: dt.date, end: dt.date) -> tuple[int, int]:
    """How many reports of the days were signed off, and how many got a comment."""
    with store.read() as s:
        rows = s.execute(
            select(func.count(), func.sum(ReportReview.comment != ""))
            .select_from(ReportReview)
            .where(
                ReportReview.day >= start.isoformat(),
                ReportReview.day <= end.isoformat(),
                ReportReview.reviewed_at != "",
            )
        ).one()
    return int(rows[0] or 0), int(rows[1] or 0)
