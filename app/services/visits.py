"""Return visits and care visits: created by the policy, queued, printed, answered.

Every change to a visit (created, assigned, answered) is a revision in the station's one
revision log, so it reaches HQ like any report change. Visits are created in the same
transaction as the report change that triggers them: a report can never be closed without its
visits, nor get them twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import CarePerson, Officer, Report, Station, Visit
from app.db.revisions import commit_report_change
from app.domain import catalog as catalogs
from app.domain import visit_policy, visits
from app.domain.catalog import Catalog
from app.domain.clock import now_local
from app.domain.validation import FieldError, clean_text
from app.domain.visit_policy import VisitPolicy, local_day
from app.services.early_warning import criteria_for, next_warning_visit
from app.services.station import OfficerInfo, require
from app.services.visit_records import VISITS, new_visit, visit_for_report

PROBLEM_SOLVED = ("yes", "partly", "no")


def rules_for(store: Store) -> tuple[VisitPolicy, Catalog]:
    """The station's policy and catalog, read once (an installed newer version takes effect at
    the next start, or at once after a reload: app.domain.versioned_file)."""
    folder = store.path.parent
    return visit_policy.POLICY.in_use(folder), catalogs.CATALOG.in_use(folder)


# -- creation by the policy -------------------------------------------------------------------
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
    has_any = s.scalar(
        select(func.count()).where(
            Visit.report_id == report.id,
            Visit.reason.not_in((visits.REASON_WARNING, visits.REASON_LETTER)),
        )
    )
    if has_any:
        return []
    incident = catalog.by_code.get(report.incident_type)
    reason = policy.trigger_reason(incident, is_repeat=bool(report.repeat_rule))
    if reason is None:
        return []
    safe = report.safe_contact or policy.is_safe_contact_type(incident)
    plan = policy.initial_plan(local_day(moment), safe_contact=safe)
    return [
        visit_for_report(
            s,
            st,
            report,
            officer,
            moment,
            kind=visits.HOME
            if planned.kind == visits.PHONE and not report.reporter_phone
            else planned.kind,  # no number given: the call becomes a visit
            due=planned.due,
            reason=reason,
            sequence_no=number,
            safe_contact=safe,
        )
        for number, planned in enumerate(plan, start=1)
    ]


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
    if found is None and visits.mistyped_visit_code(text):
        raise errors.VisitCodeMistypedError(text[:40], typed=text[:40])
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
    require(officer, "visit")
    values = validate_outcome(outcome)
    moment = now or now_local()
    policy, _catalog = rules_for(store)
    day = local_day(moment)
    with store.write() as s:
        st = s.get(Station, 1)
        if st is None:
            raise errors.NotSetUpError("station not set up")
        visit = _visit_still_due(s, ref)
        values.update(
            outcome_at=moment.isoformat(timespec="seconds"),
            outcome_day=day.isoformat(),
            recorded_by=officer.id,
        )
        follow = _answer_follow_ups(s, st, officer, moment, visit, values, policy)
        if visit.reason == visits.REASON_WARNING and values["status"] in visits.COMPLETED:
            nxt = next_warning_visit(criteria_for(store), s, st, officer, moment, visit)
            if nxt is not None:
                follow.append(nxt)
        if visit.person_id and values["status"] in visits.COMPLETED:
            nxt = _next_care_visit(s, st, officer, moment, visit, policy, day)
            if nxt is not None:
                follow.append(nxt)
        VISITS.update(s, st, visit, officer.id, "outcome", values, moment)
        return [visits.visit_code(v.number) for v in follow]


def _visit_still_due(s: Session, ref: str) -> Visit:
    """The visit `ref` names; one already answered is refused, saying when and by whom."""
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
    return visit


def _answer_follow_ups(
    s: Session,
    st: Station,
    officer: OfficerInfo,
    moment: dt.datetime,
    visit: Visit,
    values: dict[str, Any],
    policy: VisitPolicy,
) -> list[Visit]:
    """What the answer itself calls for: a further visit after dissatisfaction, another
    attempt after not reaching the person; each may set the supervision flag in `values`."""
    day = local_day(moment)
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
    return follow


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
    return new_visit(
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
    require(officer, "assign_visits")
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
            VISITS.update(s, st, visit, officer.id, "assign", {"officer_id": assignee_id}, moment)
            moved += 1
        return moved


def mark_safe_contact(store: Store, officer: OfficerInfo, report_id: str) -> None:
    """From now on: no phone visits for this report, and sheets leave out the details."""
    require(officer, "handle")
    moment = now_local()
    with store.write() as s:
        st = s.get(Station, 1)
        report = s.get(Report, report_id)
        if st is None or report is None:
            raise errors.NotFoundError(report_id)
        make_safe_contact(s, st, officer, report, moment)


def make_safe_contact(
    s: Session, st: Station, officer: OfficerInfo, report: Report, moment: dt.datetime
) -> None:
    """In the caller's transaction: the report and its open visits become safe-contact."""
    if not report.safe_contact:
        report.safe_contact = True
        commit_report_change(
            s, st, report, officer.id, "safe_contact", {"safe_contact": [False, True]}, moment
        )
    for visit in s.scalars(
        select(Visit).where(Visit.report_id == report.id, Visit.status == visits.DUE)
    ):
        updates = {"safe_contact": True}
        if visit.kind == visits.PHONE:
            updates["kind"] = visits.SAFE_MEETING  # type: ignore[assignment]
        VISITS.update(s, st, visit, officer.id, "safe_contact", updates, moment)
