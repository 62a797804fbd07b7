"""Five-colour early warning on a dispute report: assessed, overridden with a reason, lifted.

The officer ticks risk factors; the criteria file suggests a colour; the officer may set another
one, but then must say why. Every assessment is a revision of the report (action "colour"), so
the history shows who set which colour, when and why. An active warning keeps one visit
pending on the cadence its colour sets: a raised colour brings the pending visit forward, an
answered warning visit schedules the next one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import Report, Station, Visit
from app.db.revisions import commit_report_change, field_changes, snapshot
from app.domain import statuses, visits, warning_colours
from app.domain.clock import now_local
from app.domain.validation import FieldError, clean_text
from app.domain.visit_policy import local_day
from app.domain.warning_colours import Colour, Suggestion, WarningCriteria
from app.services.station import OfficerInfo, require
from app.services.visit_records import cancel_visits, move_due, visit_for_report

# The statuses (app.domain.statuses) by the names the desk's views read them by.
ACTIVE, LIFTED = statuses.WARNING_ACTIVE, statuses.WARNING_LIFTED


def criteria_for(store: Store) -> WarningCriteria:
    """The station's criteria, read once (a newer installed file takes effect at the next
    start, as the catalog and the visit policy do, or at once after a reload)."""
    return warning_colours.CRITERIA.in_use(store.path.parent)


def suggest(store: Store, factors: list[str]) -> Suggestion:
    return criteria_for(store).suggest(factors)


@dataclass(frozen=True)
class WarningState:
    applies: bool
    factors: list[str]
    suggested: str
    colour: str
    reason: str
    monitoring: str
    status: str


def state(store: Store, report_id: str) -> WarningState:
    criteria = criteria_for(store)
    with store.read() as s:
        report = s.get(Report, report_id)
        if report is None:
            raise errors.NotFoundError(report_id)
        return WarningState(
            applies=criteria.applies(report.incident_type) or bool(report.warning_colour),
            factors=json.loads(report.risk_factors or "[]"),
            suggested=report.suggested_colour,
            colour=report.warning_colour,
            reason=report.colour_reason,
            monitoring=report.monitoring_level,
            status=report.warning_status,
        )


def _reason(value: str) -> str:
    try:
        return clean_text("void_reason", value)
    except FieldError as exc:
        raise errors.ValidationFailed({"colour_reason": exc.code}) from None


def _open_report(s: Session, report_id: str) -> tuple[Station, Report]:
    st = s.get(Station, 1)
    report = s.get(Report, report_id)
    if st is None or report is None:
        raise errors.NotFoundError(report_id)
    if report.status == statuses.VOIDED:
        raise errors.InvalidTransitionError(report.status, target="colour")
    return st, report


def assess(
    store: Store,
    officer: OfficerInfo,
    report_id: str,
    factors: list[str],
    colour: str = "",
    reason: str = "",
) -> str:
    """Set the report's colour from the ticked factors; returns the colour set.

    `colour` empty takes the suggestion. A colour other than the suggestion, or a change of an
    earlier colour, needs a reason."""
    require(officer, "handle")
    criteria = criteria_for(store)
    unknown = criteria.unknown_factors(factors)
    if unknown:
        raise errors.ValidationFailed({"risk_factors": "unknown"})
    suggestion = criteria.suggest(factors)
    chosen = criteria.colour(colour) if colour else suggestion.colour
    if chosen is None:
        raise errors.ValidationFailed({"warning_colour": "unknown"})
    text = _reason(reason)
    moment = now_local()
    with store.write() as s:
        st, report = _open_report(s, report_id)
        if not criteria.applies(report.incident_type) and not report.warning_colour:
            raise errors.ValidationFailed({"incident_type": "no_early_warning"})
        changed = bool(report.warning_colour) and report.warning_colour != chosen.id
        if (chosen.id != suggestion.colour.id or changed) and not text:
            raise errors.ValidationFailed({"colour_reason": "required"})
        updates = {
            "risk_factors": sorted(set(factors)),
            "suggested_colour": suggestion.colour.id,
            "warning_colour": chosen.id,
            "colour_reason": text,
            "monitoring_level": chosen.monitoring,
            "warning_status": ACTIVE,
        }
        changes = field_changes(snapshot(report), updates)
        if not changes:
            return chosen.id
        for name, (_old, new) in changes.items():
            setattr(report, name, json.dumps(new) if name == "risk_factors" else new)
        commit_report_change(s, st, report, officer.id, "colour", changes, moment)
        _keep_cadence(s, st, report, officer, chosen, moment)
        return chosen.id


def lift(store: Store, officer: OfficerInfo, report_id: str, reason: str) -> None:
    """The risk is gone (mediated, parties separated, moved away): only a station chief lifts a
    warning, with a reason; pending warning visits are cancelled."""
    require(officer, "approve")
    text = _reason(reason)
    if not text:
        raise errors.ValidationFailed({"colour_reason": "required"})
    moment = now_local()
    with store.write() as s:
        st, report = _open_report(s, report_id)
        if report.warning_status != ACTIVE:
            raise errors.InvalidTransitionError(report.warning_status or "none", target="lift")
        changes = field_changes(snapshot(report), {"warning_status": LIFTED, "colour_reason": text})
        report.warning_status, report.colour_reason = LIFTED, text
        commit_report_change(s, st, report, officer.id, "colour_lift", changes, moment)
        cancel_visits(s, st, officer, moment, _pending(s, report.id), "warning lifted")


def _pending(s: Session, report_id: str) -> list[Visit]:
    return list(
        s.scalars(
            select(Visit).where(
                Visit.report_id == report_id,
                Visit.reason == visits.REASON_WARNING,
                Visit.status == visits.DUE,
            )
        )
    )


def _keep_cadence(
    s: Session,
    st: Station,
    report: Report,
    officer: OfficerInfo,
    colour: Colour,
    moment: dt.datetime,
) -> None:
    due = local_day(moment) + dt.timedelta(days=colour.visit_every_days)
    pending = _pending(s, report.id)
    if not pending:
        visit_for_report(
            s, st, report, officer, moment, kind=visits.HOME, due=due, reason=visits.REASON_WARNING
        )
        return
    for visit in pending:
        if visit.due_date > due.isoformat():
            move_due(s, st, officer, moment, visit, due)


def next_warning_visit(
    criteria: WarningCriteria,
    s: Session,
    st: Station,
    officer: OfficerInfo,
    moment: dt.datetime,
    visit: Visit,
) -> Visit | None:
    """After a warning visit was answered: the next one, while the warning is active."""
    report = s.get(Report, visit.report_id) if visit.report_id else None
    if report is None or report.warning_status != ACTIVE:
        return None
    if any(v.id != visit.id for v in _pending(s, report.id)):
        return None
    colour = criteria.colour(report.warning_colour)
    if colour is None:
        return None
    due = local_day(moment) + dt.timedelta(days=colour.visit_every_days)
    return visit_for_report(
        s, st, report, officer, moment, kind=visit.kind, due=due, reason=visits.REASON_WARNING
    )
