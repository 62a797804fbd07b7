"""Reading visits: the queue, a route, what a sheet or the outcome dialog shows, the figures.

Reads only. The queue is served by the (officer, status, due) and (status, due) indexes, and
the monthly figures by covering indexes, so a station with hundreds of thousands of answered
visits reads only what it shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, select

from app.db.engine import Store
from app.db.models import CarePerson, Officer, Report, Visit, key_is
from app.domain import statuses, visits
from app.domain.addresses import route_key
from app.domain.clock import now_local
from app.domain.visit_policy import local_day
from app.services.visits import find_visit_id

QUEUE_LIMIT = 200  # rows shown per section; the counts above each section are exact
UPCOMING_DAYS = 7


@dataclass(frozen=True)
class VisitRow:
    id: str
    code: str
    kind: str
    sequence_no: int
    attempt: int
    reason: str
    due_date: str
    status: str
    grid: str
    address: str
    safe_contact: bool
    supervision: bool
    officer_id: str | None
    officer_name: str
    serial: str
    incident_type: str
    person_name: str
    phone: str  # empty when safe contact: never shown for a phone call


@dataclass(frozen=True)
class QueueFilter:
    officer_id: str | None = None
    grid: str = ""
    kind: str = ""
    incident_type: str = ""


@dataclass
class VisitQueue:
    today: dt.date
    overdue: list[VisitRow] = field(default_factory=list)
    due_today: list[VisitRow] = field(default_factory=list)
    upcoming: list[VisitRow] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    supervision: int = 0


def _row_select() -> Any:
    return (
        select(
            Visit.id,
            Visit.number,
            Visit.kind,
            Visit.sequence_no,
            Visit.attempt,
            Visit.reason,
            Visit.due_date,
            Visit.status,
            Visit.grid,
            Visit.address,
            Visit.safe_contact,
            Visit.supervision,
            Visit.officer_id,
            Officer.name,
            Report.serial,
            Report.incident_type,
            func.coalesce(Report.reporter_name, CarePerson.name),
            func.coalesce(Report.reporter_phone, CarePerson.phone),
        )
        .outerjoin(Officer, Officer.id == Visit.officer_id)
        .outerjoin(Report, Report.id == Visit.report_id)
        .outerjoin(CarePerson, CarePerson.id == Visit.person_id)
    )


def _to_row(r: Any) -> VisitRow:
    return VisitRow(
        id=r[0],
        code=visits.visit_code(r[1]),
        kind=r[2],
        sequence_no=r[3],
        attempt=r[4],
        reason=r[5],
        due_date=r[6],
        status=r[7],
        grid=r[8],
        address=r[9],
        safe_contact=bool(r[10]),
        supervision=bool(r[11]),
        officer_id=r[12],
        officer_name=r[13] or "",
        serial=r[14] or "",
        incident_type=r[15] or "",
        person_name=r[16] or "",
        phone="" if r[10] else (r[17] or ""),
    )


def _filtered(stmt: Any, flt: QueueFilter, *, joined: bool = True) -> Any:
    if flt.officer_id:
        stmt = stmt.where(Visit.officer_id == flt.officer_id)
    if flt.grid:
        stmt = stmt.where(Visit.grid == flt.grid)
    if flt.kind:
        stmt = stmt.where(Visit.kind == flt.kind)
    if flt.incident_type:
        if not joined:  # counts touch the report table only when its type is asked for
            stmt = stmt.join(Report, Report.id == Visit.report_id)
        stmt = stmt.where(key_is(Report.incident_type, flt.incident_type))
    return stmt


def queue(store: Store, flt: QueueFilter, *, today: dt.date | None = None) -> VisitQueue:
    """Open visits in three sections. Served by the (officer, status, due) index: a station
    with hundreds of thousands of answered visits reads only the open ones."""
    day = today or local_day(now_local())
    horizon = (day + dt.timedelta(days=UPCOMING_DAYS)).isoformat()
    result = VisitQueue(today=day)
    sections = (
        ("overdue", Visit.due_date < day.isoformat(), result.overdue),
        ("today", Visit.due_date == day.isoformat(), result.due_today),
        (
            "upcoming",
            and_(Visit.due_date > day.isoformat(), Visit.due_date <= horizon),
            result.upcoming,
        ),
    )
    with store.read() as s:
        open_ = _filtered(_row_select().where(Visit.status == visits.DUE), flt)
        for name, cond, into in sections:
            rows = s.execute(
                open_.where(cond).order_by(Visit.due_date, Visit.number).limit(QUEUE_LIMIT)
            ).all()
            into.extend(_to_row(r) for r in rows)
            count_stmt = _filtered(
                select(func.count()).select_from(Visit).where(Visit.status == visits.DUE, cond),
                flt,
                joined=False,
            )
            result.counts[name] = int(s.scalar(count_stmt) or 0)
        result.supervision = int(
            s.scalar(
                _filtered(
                    select(func.count())
                    .select_from(Visit)
                    .where(Visit.supervision.is_(True), Visit.rectification_due >= day.isoformat()),
                    flt,
                    joined=False,
                )
            )
            or 0
        )
    return result


def grids(store: Store) -> list[str]:
    with store.read() as s:
        return [
            g
            for g in s.scalars(
                select(Visit.grid).where(Visit.status == visits.DUE).distinct().order_by(Visit.grid)
            )
            if g
        ]


def visits_for_report(store: Store, report_id: str) -> list[VisitRow]:
    with store.read() as s:
        rows = s.execute(
            _row_select().where(Visit.report_id == report_id).order_by(Visit.sequence_no)
        ).all()
    return [_to_row(r) for r in rows]


def route(store: Store, day: dt.date, officer_id: str | None) -> list[str]:
    """The day's route: every open visit due that day or earlier (overdue ones go along),
    optionally one officer's, in walking order (grid, then address numbers as numbers)."""
    with store.read() as s:
        stmt = select(Visit.id, Visit.grid, Visit.address).where(
            Visit.status == visits.DUE, Visit.due_date <= day.isoformat()
        )
        if officer_id:
            stmt = stmt.where(Visit.officer_id == officer_id)
        rows = s.execute(stmt).all()
    return [r[0] for r in sorted(rows, key=lambda r: route_key(r[1], r[2]))]


@dataclass(frozen=True)
class VisitDetail:
    """Everything a visit sheet or the outcome dialog shows."""

    id: str
    code: str
    kind: str
    sequence_no: int
    attempt: int
    reason: str
    due_date: str
    status: str
    safe_contact: bool
    grid: str
    address: str
    officer_name: str
    officer_badge: str
    serial: str
    report_status: str
    incident_type: str
    received_at: str
    person_name: str
    phone: str
    summary: str
    disposal_result: str
    care_category: str
    outcome: dict[str, Any]
    warning_colour: str = ""  # the report's early-warning colour while the warning is active


def details(store: Store, ids: list[str], *, chunk: int = 500) -> list[VisitDetail]:
    """In the order given (the route order); unknown ids are skipped."""
    found: dict[str, VisitDetail] = {}
    with store.read() as s:
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            rows = s.execute(
                select(Visit, Officer.name, Officer.badge, Report, CarePerson)
                .outerjoin(Officer, Officer.id == Visit.officer_id)
                .outerjoin(Report, Report.id == Visit.report_id)
                .outerjoin(CarePerson, CarePerson.id == Visit.person_id)
                .where(Visit.id.in_(part))
            ).all()
            for visit, officer_name, badge, report, person in rows:
                found[visit.id] = _detail(visit, officer_name, badge, report, person)
    return [found[i] for i in ids if i in found]


def _detail(
    visit: Visit,
    officer_name: str | None,
    badge: str | None,
    report: Report | None,
    person: CarePerson | None,
) -> VisitDetail:
    return VisitDetail(
        id=visit.id,
        code=visits.visit_code(visit.number),
        kind=visit.kind,
        sequence_no=visit.sequence_no,
        attempt=visit.attempt,
        reason=visit.reason,
        due_date=visit.due_date,
        status=visit.status,
        safe_contact=visit.safe_contact,
        grid=visit.grid,
        address=visit.address,
        officer_name=officer_name or "",
        officer_badge=badge or "",
        serial=report.serial if report else "",
        report_status=report.status if report else "",
        incident_type=report.incident_type if report else "",
        received_at=report.received_at if report else "",
        person_name=(report.reporter_name if report else person.name if person else ""),
        phone=(report.reporter_phone if report else person.phone if person else ""),
        summary=report.summary if report else (person.notes if person else ""),
        disposal_result=report.disposal_result if report else "",
        care_category=person.category if person else "",
        warning_colour=(
            report.warning_colour
            if report and report.warning_status == statuses.WARNING_ACTIVE
            else ""
        ),
        outcome={
            name: getattr(visit, name)
            for name in (
                "outcome_at",
                "satisfaction",
                "problem_solved",
                "needs",
                "not_reached_reason",
                "notes",
                "supervision",
                "rectification_due",
            )
        },
    )


def lookup(store: Store, ref: str) -> VisitDetail:
    """The visit behind a typed or scanned code; VisitNotFoundError names what was typed."""
    with store.read() as s:
        visit_id = find_visit_id(s, ref)
    return details(store, [visit_id])[0]


# -- figures ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RateRow:
    officer_name: str
    month: str
    due: int
    completed: int
    answered: int
    content: int
    is_total: bool = False

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.due if self.due else None

    @property
    def satisfaction_rate(self) -> float | None:
        """Satisfied plus basically satisfied, over every visit that gave an answer."""
        return self.content / self.answered if self.answered else None


def rates(store: Store, month: str, *, officer_id: str | None = None) -> list[RateRow]:
    """Per officer for one month (YYYY-MM): completion over visits due in the month (cancelled
    ones left out), satisfaction over answers recorded in the month. A last row totals."""
    first = dt.date.fromisoformat(f"{month}-01")
    nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    lo, hi = first.isoformat(), nxt.isoformat()
    with store.read() as s:
        due_rows = s.execute(
            select(
                Visit.officer_id,
                func.count(),
                func.sum(case((Visit.status.in_(visits.COMPLETED), 1), else_=0)),
            )
            .where(Visit.due_date >= lo, Visit.due_date < hi, Visit.status != visits.CANCELLED)
            .group_by(Visit.officer_id)
        ).all()
        answer_rows = s.execute(
            select(
                Visit.officer_id,
                func.count(),
                func.sum(case((Visit.satisfaction.in_(visits.CONTENT), 1), else_=0)),
            )
            .where(Visit.outcome_day >= lo, Visit.outcome_day < hi, Visit.satisfaction != "")
            .group_by(Visit.officer_id)
        ).all()
        names = {r[0]: r[1] for r in s.execute(select(Officer.id, Officer.name))}
    table: dict[str | None, list[int]] = {}
    for oid, n, done in due_rows:
        table.setdefault(oid, [0, 0, 0, 0])[0:2] = [int(n), int(done or 0)]
    for oid, n, content in answer_rows:
        table.setdefault(oid, [0, 0, 0, 0])[2:4] = [int(n), int(content or 0)]
    out = [
        RateRow(names.get(oid, "") if oid else "", month, due, done, answered, content)
        for oid, (due, done, answered, content) in sorted(
            table.items(), key=lambda kv: names.get(kv[0] or "", "")
        )
        if officer_id is None or oid == officer_id
    ]
    if len(out) > 1:
        out.append(
            RateRow(
                "",
                month,
                due=sum(r.due for r in out),
                completed=sum(r.completed for r in out),
                answered=sum(r.answered for r in out),
                content=sum(r.content for r in out),
                is_total=True,
            )
        )
    return out
