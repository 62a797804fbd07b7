"""Return visits and care visits: created by the policy, queued, printed, answered.

Every change to a visit (created, assigned, answered) is a revision in the station's one
revision log, so it reaches HQ like any report change. Visits are created in the same
transaction as the report change that triggers them: a report can never be closed without its
visits, nor get them twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import CarePerson, Officer, Report, Station, Visit
from app.domain import roles, statuses, visits
from app.domain.addresses import address_grid, route_key
from app.domain.catalog import Catalog, load_catalog
from app.domain.validation import FieldError, clean_text
from app.domain.visit_policy import VisitPolicy, load_policy, local_day
from app.ids import new_id
from app.services.clock import now_local, utc_iso
from app.services.revisions import (
    append_record_revision,
    commit_report_change,
    field_changes,
    latest_revision_id,
)
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
PROBLEM_SOLVED = ("yes", "partly", "no")
QUEUE_LIMIT = 200  # rows shown per section; the counts above each section are exact
UPCOMING_DAYS = 7


@lru_cache(maxsize=8)
def _rules(data_dir: Path) -> tuple[VisitPolicy, Catalog]:
    return load_policy(data_dir), load_catalog(data_dir)


def rules_for(store: Store) -> tuple[VisitPolicy, Catalog]:
    """The station's policy and catalog, read once per process (an installed newer version
    takes effect at the next start, as the catalog does)."""
    return _rules(store.path.parent)


def _require(officer: OfficerInfo, action: str) -> None:
    if not roles.may(officer.role, action):
        raise errors.PermissionDeniedError(action, role=officer.role)


def visit_snapshot(visit: Visit) -> dict[str, Any]:
    return {name: getattr(visit, name) for name in VISIT_FIELDS}


def _record(
    s: Session,
    st: Station,
    visit: Visit,
    officer_id: str,
    action: str,
    changes: dict[str, list[Any]],
    moment: dt.datetime,
    *,
    new: bool = False,
) -> None:
    parent = None if new else latest_revision_id(s, visit.id)
    if not new:
        visit.revision_no += 1
    visit.updated_utc = utc_iso(moment)
    s.flush()
    append_record_revision(
        s,
        st,
        kind="visit",
        record_id=visit.id,
        revision_no=visit.revision_no,
        record=visit_snapshot(visit),
        officer_id=officer_id,
        action=action,
        changes=changes,
        recorded_at=moment.isoformat(timespec="seconds"),
        parent_id=parent,
    )


def _next_number(s: Session) -> int:
    return int(s.scalar(select(func.coalesce(func.max(Visit.number), 0))) or 0) + 1


def _new_visit(
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
    _record(s, st, visit, officer_id, "create", {}, moment, new=True)
    return visit


# -- creation by the policy -------------------------------------------------------------------
def is_repeat(s: Session, report: Report, policy: VisitPolicy) -> bool:
    """Earlier reports from the same phone or ID number inside the policy's window."""
    if policy.repeat_window_days <= 0:
        return False
    keys = []
    if report.reporter_phone:
        keys.append(Report.reporter_phone == report.reporter_phone)
    if report.reporter_id_number:
        keys.append(Report.reporter_id_number == report.reporter_id_number)
    if not keys:
        return False
    since = utc_iso(
        dt.datetime.fromisoformat(report.received_at) - dt.timedelta(days=policy.repeat_window_days)
    )
    earlier = s.scalar(
        select(func.count())
        .select_from(Report)
        .where(
            or_(*keys),
            Report.id != report.id,
            Report.status != statuses.VOIDED,
            Report.received_utc >= since,
            Report.received_utc <= report.received_utc,
        )
    )
    return int(earlier or 0) >= policy.repeat_min_earlier


def schedule_for_report(
    s: Session,
    st: Station,
    report: Report,
    officer: OfficerInfo,
    moment: dt.datetime,
    policy: VisitPolicy,
    catalog: Catalog,
) -> list[Visit]:
    """Called in the transaction that moved the report: create its visits if it now qualifies
    and has none yet (closing after a referral does not create a second set)."""
    if report.status not in policy.on_statuses:
        return []
    has_any = s.scalar(select(func.count()).where(Visit.report_id == report.id))
    if has_any:
        return []
    incident = catalog.by_code.get(report.incident_type)
    reason = policy.trigger_reason(incident, is_repeat=is_repeat(s, report, policy))
    if reason is None:
        return []
    safe = report.safe_contact or policy.is_safe_contact_type(incident)
    address = report.reporter_address or report.incident_place
    grid = address_grid(address)
    created = []
    for number, planned in enumerate(
        policy.initial_plan(local_day(moment), safe_contact=safe), start=1
    ):
        created.append(
            _new_visit(
                s,
                st,
                officer.id,
                moment,
                kind=planned.kind,
                due=planned.due,
                reason=reason,
                sequence_no=number,
                report_id=report.id,
                assignee=officer.id,
                address=address,
                grid=grid,
                safe_contact=safe,
            )
        )
    return created


# -- answering --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    status: str  # done, not_reached or refused
    satisfaction: str = ""
    problem_solved: str = ""
    needs: str = ""
    not_reached_reason: str = ""
    notes: str = ""


def _clean(name: str, value: str, limit_name: str = "summary") -> str:
    try:
        return clean_text(limit_name, value, multiline=True)
    except FieldError as exc:
        raise errors.ValidationFailed({name: exc.code}) from None


def validate_outcome(outcome: Outcome) -> dict[str, Any]:
    problems: dict[str, str] = {}
    if outcome.status not in visits.OUTCOMES:
        problems["status"] = "required"
    values: dict[str, Any] = {
        "status": outcome.status,
        "needs": _clean("needs", outcome.needs, "disposal_result"),
        "notes": _clean("notes", outcome.notes, "disposal_result"),
        "satisfaction": "",
        "problem_solved": "",
        "not_reached_reason": "",
    }
    if outcome.status == visits.DONE:
        if outcome.satisfaction not in visits.SATISFACTION:
            problems["satisfaction"] = "required"
        if outcome.problem_solved not in PROBLEM_SOLVED:
            problems["problem_solved"] = "required"
        values["satisfaction"] = outcome.satisfaction
        values["problem_solved"] = outcome.problem_solved
    elif outcome.status == visits.NOT_REACHED:
        reason = _clean("not_reached_reason", outcome.not_reached_reason, "unfinished_reason")
        if not reason:
            problems["not_reached_reason"] = "required"
        values["not_reached_reason"] = reason
    if problems:
        raise errors.ValidationFailed(problems)
    return values


def find_visit_id(s: Session, ref: str) -> str:
    """A visit by the code on its sheet (typed or scanned) or by its id."""
    text = ref.strip()
    number = visits.parse_visit_code(text)
    found = None
    if number is not None:
        found = s.scalar(select(Visit.id).where(Visit.number == number))
    elif len(text) == 36:
        found = s.scalar(select(Visit.id).where(Visit.id == text.lower()))
    if found is None:
        raise errors.VisitNotFoundError(text[:40], typed=text[:40])
    return found


def record_outcome(
    store: Store,
    officer: OfficerInfo,
    ref: str,
    outcome: Outcome,
    *,
    now: dt.datetime | None = None,
) -> list[str]:
    """Record what happened; returns the codes of follow-up visits this created.

    Dissatisfied -> a further visit and a supervision flag with a rectification deadline.
    Not reached -> another attempt while the policy allows, then a supervision flag.
    A care visit done -> the next one on the person's cadence.
    """
    _require(officer, "visit")
    values = validate_outcome(outcome)
    moment = now or now_local()
    policy, _catalog = rules_for(store)
    day = local_day(moment)
    with store.write() as s:
        st = s.get(Station, 1)
        if st is None:
            raise errors.NotSetUpError("station not set up")
        visit = s.get(Visit, find_visit_id(s, ref))
        assert visit is not None
        if visit.status != visits.DUE:
            who = s.scalar(select(Officer.name).where(Officer.id == visit.recorded_by))
            raise errors.VisitAlreadyRecordedError(
                visits.visit_code(visit.number),
                status=visit.status,
                at=visit.outcome_at,
                by=who or "",
            )
        values.update(
            outcome_at=moment.isoformat(timespec="seconds"),
            outcome_day=day.isoformat(),
            recorded_by=officer.id,
        )
        follow: list[Visit] = []
        if values["satisfaction"] == visits.DISSATISFIED:
            planned, rectify = policy.after_dissatisfied(day)
            values["supervision"] = rectify is not None
            values["rectification_due"] = rectify.isoformat() if rectify else ""
            follow.append(
                _follow_up(
                    s,
                    st,
                    officer,
                    moment,
                    visit,
                    planned.kind,
                    planned.due,
                    visits.REASON_DISSATISFIED,
                    attempt=1,
                )
            )
        elif values["status"] == visits.NOT_REACHED:
            retry_on = policy.retry(day, visit.attempt)
            if retry_on is None:
                values["supervision"] = True
            else:
                follow.append(
                    _follow_up(
                        s,
                        st,
                        officer,
                        moment,
                        visit,
                        visit.kind,
                        retry_on,
                        visit.reason,
                        attempt=visit.attempt + 1,
                    )
                )
        if visit.person_id and values["status"] in visits.COMPLETED:
            nxt = _next_care_visit(s, st, officer, moment, visit, policy, day)
            if nxt is not None:
                follow.append(nxt)
        changes = field_changes(visit_snapshot(visit), values)
        for name, (_old, new) in changes.items():
            setattr(visit, name, new)
        _record(s, st, visit, officer.id, "outcome", changes, moment)
        return [visits.visit_code(v.number) for v in follow]


def _follow_up(
    s: Session,
    st: Station,
    officer: OfficerInfo,
    moment: dt.datetime,
    visit: Visit,
    kind: str,
    due: dt.date,
    reason: str,
    *,
    attempt: int,
) -> Visit:
    if visit.safe_contact and kind == visits.PHONE:
        kind = visits.SAFE_MEETING
    sequence = 1 + int(
        s.scalar(
            select(func.max(Visit.sequence_no)).where(
                Visit.report_id == visit.report_id
                if visit.report_id
                else Visit.person_id == visit.person_id
            )
        )
        or 0
    )
    return _new_visit(
        s,
        st,
        officer.id,
        moment,
        kind=kind,
        due=due,
        reason=reason,
        sequence_no=sequence,
        report_id=visit.report_id,
        person_id=visit.person_id,
        assignee=visit.officer_id,
        address=visit.address,
        grid=visit.grid,
        safe_contact=visit.safe_contact,
        attempt=attempt,
    )


def _next_care_visit(
    s: Session,
    st: Station,
    officer: OfficerInfo,
    moment: dt.datetime,
    visit: Visit,
    policy: VisitPolicy,
    day: dt.date,
) -> Visit | None:
    person = s.get(CarePerson, visit.person_id)
    if person is None or not person.active:
        return None
    rule = policy.care_rule(person.category, person.grade)
    if rule is None:
        return None
    return _follow_up(
        s,
        st,
        officer,
        moment,
        visit,
        rule.kind,
        rule.cadence.after(day, policy.calendar),
        visits.REASON_CARE,
        attempt=1,
    )


# -- assignment and safe contact --------------------------------------------------------------
def assign(store: Store, officer: OfficerInfo, visit_ids: list[str], assignee_id: str) -> int:
    """Give open visits to an officer; returns how many changed hands."""
    _require(officer, "assign_visits")
    moment = now_local()
    with store.write() as s:
        st = s.get(Station, 1)
        assert st is not None
        target = s.get(Officer, assignee_id)
        if target is None or not target.active:
            raise errors.NotFoundError(assignee_id)
        moved = 0
        for visit_id in visit_ids:
            visit = s.get(Visit, visit_id)
            if visit is None or visit.status != visits.DUE or visit.officer_id == assignee_id:
                continue
            changes = {"officer_id": [visit.officer_id, assignee_id]}
            visit.officer_id = assignee_id
            _record(s, st, visit, officer.id, "assign", changes, moment)
            moved += 1
        return moved


def mark_safe_contact(store: Store, officer: OfficerInfo, report_id: str) -> None:
    """From now on: no phone visits for this report, and sheets leave out the details."""
    _require(officer, "handle")
    moment = now_local()
    with store.write() as s:
        st = s.get(Station, 1)
        report = s.get(Report, report_id)
        if st is None or report is None:
            raise errors.NotFoundError(report_id)
        if not report.safe_contact:
            report.safe_contact = True
            commit_report_change(
                s, st, report, officer.id, "safe_contact", {"safe_contact": [False, True]}, moment
            )
        for visit in s.scalars(
            select(Visit).where(Visit.report_id == report_id, Visit.status == visits.DUE)
        ):
            updates = {"safe_contact": True}
            if visit.kind == visits.PHONE:
                updates["kind"] = visits.SAFE_MEETING  # type: ignore[assignment]
            changes = field_changes(visit_snapshot(visit), updates)
            if changes:
                for name, (_old, new) in changes.items():
                    setattr(visit, name, new)
                _record(s, st, visit, officer.id, "safe_contact", changes, moment)


# -- reading ----------------------------------------------------------------------------------
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
        stmt = stmt.where(Report.incident_type == flt.incident_type)
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


# -- the special-population register -----------------------------------------------------------
PERSON_FIELDS = (
    "id",
    "name",
    "id_number",
    "phone",
    "address",
    "grid",
    "category",
    "grade",
    "safe_contact",
    "officer_id",
    "active",
    "notes",
)


def person_snapshot(person: CarePerson) -> dict[str, Any]:
    return {name: getattr(person, name) for name in PERSON_FIELDS}


def register_person(
    store: Store,
    officer: OfficerInfo,
    *,
    name: str,
    category: str,
    grade: int | None = None,
    phone: str = "",
    id_number: str = "",
    address: str = "",
    safe_contact: bool = False,
    notes: str = "",
    now: dt.datetime | None = None,
) -> str:
    """Put someone on the care register; the first care visit is due one cadence from now."""
    from app.domain.validation import normalise_phone, validate_id_number, validate_name

    _require(officer, "assign_visits")
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    checks: list[tuple[str, Callable[[Any], Any], Any]] = [
        ("name", validate_name, name),
        ("phone", normalise_phone, phone),
        ("id_number", validate_id_number, id_number),
        ("address", lambda v: clean_text("reporter_address", v), address),
        ("notes", lambda v: clean_text("disposal_result", v, multiline=True), notes),
    ]
    for key, fn, value in checks:
        try:
            clean[key] = fn(value)
        except FieldError as exc:
            problems[key] = exc.code
    if not clean.get("name") and "name" not in problems:
        problems["name"] = "required"
    policy, _ = rules_for(store)
    if category not in visits.CARE_CATEGORIES:
        problems["category"] = "required"
    elif policy.care_rule(category, grade) is None:
        problems["grade"] = "required"
    if problems:
        raise errors.ValidationFailed(problems)
    moment = now or now_local()
    rule = policy.care_rule(category, grade)
    assert rule is not None
    with store.write() as s:
        st = s.get(Station, 1)
        assert st is not None
        person = CarePerson(
            id=new_id(),
            category=category,
            grade=grade,
            grid=address_grid(clean["address"]),
            safe_contact=safe_contact,
            officer_id=officer.id,
            active=True,
            revision_no=1,
            created_utc=utc_iso(moment),
            updated_utc=utc_iso(moment),
            **clean,
        )
        s.add(person)
        s.flush()
        append_record_revision(
            s,
            st,
            kind="care_person",
            record_id=person.id,
            revision_no=1,
            record=person_snapshot(person),
            officer_id=officer.id,
            action="create",
            changes={},
            recorded_at=moment.isoformat(timespec="seconds"),
            parent_id=None,
        )
        _new_visit(
            s,
            st,
            officer.id,
            moment,
            kind=rule.kind,
            due=rule.cadence.after(local_day(moment), policy.calendar),
            reason=visits.REASON_CARE,
            sequence_no=1,
            person_id=person.id,
            assignee=officer.id,
            address=person.address,
            grid=person.grid,
            safe_contact=safe_contact,
        )
        return person.id
