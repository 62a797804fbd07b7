"""Visit rows and their revisions, inside the caller's transaction: a visit created, moved to
another day or cancelled. The visit policy (app.services.visits) and the early warning's cadence
(app.services.early_warning) both make and move visits through here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Report, Station, Visit
from app.db.revisions import Tracked
from app.domain import visits
from app.domain.addresses import address_grid
from app.domain.clock import utc_iso
from app.ids import new_id
from app.services.station import OfficerInfo

VISIT_FIELDS = (
    "id",
    "number",
    "report_id",
    "person_id",
    "kind",
    "sequence_no",
    "reason",
    "due_date",
    "officer_id",
    "grid",
    "address",
    "safe_contact",
    "attempt",
    "status",
    "outcome_at",
    "outcome_day",
    "satisfaction",
    "problem_solved",
    "needs",
    "not_reached_reason",
    "notes",
    "recorded_by",
    "supervision",
    "rectification_due",
)


def visit_snapshot(visit: Visit) -> dict[str, Any]:
    return {name: getattr(visit, name) for name in VISIT_FIELDS}


VISITS = Tracked("visit", lambda _s, visit: visit_snapshot(visit))


def _next_number(s: Session) -> int:
    return int(s.scalar(select(func.coalesce(func.max(Visit.number), 0))) or 0) + 1


def new_visit(
    s: Session,
    st: Station,
    officer_id: str,
    moment: dt.datetime,
    *,
    kind: str,
    due: dt.date,
    reason: str,
    sequence_no: int,
    report_id: str | None = None,
    person_id: str | None = None,
    assignee: str | None,
    address: str,
    grid: str,
    safe_contact: bool,
    attempt: int = 1,
) -> Visit:
    visit = Visit(
        id=new_id(),
        number=_next_number(s),
        report_id=report_id,
        person_id=person_id,
        kind=kind,
        sequence_no=sequence_no,
        reason=reason,
        due_date=due.isoformat(),
        officer_id=assignee,
        grid=grid,
        address=address,
        safe_contact=safe_contact,
        attempt=attempt,
        status=visits.DUE,
        revision_no=1,
        created_utc=utc_iso(moment),
        updated_utc=utc_iso(moment),
    )
    s.add(visit)
    s.flush()
    VISITS.record(s, st, visit, officer_id, "create", {}, moment, new=True)
    return visit


def visit_for_report(
    s: Session,
    st: Station,
    report: Report,
    officer: OfficerInfo,
    moment: dt.datetime,
    *,
    kind: str,
    due: dt.date,
    reason: str,
    sequence_no: int | None = None,
    safe_contact: bool | None = None,
) -> Visit:
    """A visit to a report's reporter, at the address given (or the incident place), given to
    the officer who triggered it; a safe-contact report is never visited by phone."""
    safe = report.safe_contact if safe_contact is None else safe_contact
    if safe and kind == visits.PHONE:
        kind = visits.SAFE_MEETING
    if sequence_no is None:
        last = s.scalar(select(func.max(Visit.sequence_no)).where(Visit.report_id == report.id))
        sequence_no = 1 + int(last or 0)
    address = report.reporter_address or report.incident_place
    return new_visit(
        s,
        st,
        officer.id,
        moment,
        kind=kind,
        due=due,
        reason=reason,
        sequence_no=sequence_no,
        report_id=report.id,
        assignee=officer.id,
        address=address,
        grid=address_grid(address),
        safe_contact=safe,
    )


def cancel_visits(
    s: Session,
    st: Station,
    officer: OfficerInfo,
    moment: dt.datetime,
    pending: list[Visit],
    why: str,
) -> None:
    for visit in pending:
        VISITS.update(
            s, st, visit, officer.id, "cancel", {"status": visits.CANCELLED, "notes": why}, moment
        )


def move_due(
    s: Session, st: Station, officer: OfficerInfo, moment: dt.datetime, visit: Visit, due: dt.date
) -> None:
    VISITS.update(s, st, visit, officer.id, "reschedule", {"due_date": due.isoformat()}, moment)
