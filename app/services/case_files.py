"""One case, one file (一案一档): a repeated problem's reports, plan, actions, deadline, result.

A report whose save fires a repeat rule opens a file linking it with the earlier reports that
made it a repeat, unless an open file already has that key, which it then joins; any report
sharing a key with an open file joins it. A station chief may open a file by hand for a major
dispute. A file is cleared only with a stated result and after a return visit was done; one past
its deadline is escalated to the station chief. Every change is a revision of the file, whose
payload carries its linked reports and its action log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import CaseAction, CaseFile, CaseReport, Officer, Report, Station, Visit, key_is
from app.db.revisions import Tracked, station_row
from app.domain import statuses
from app.domain import visits as visit_terms
from app.domain.clock import now_local, utc_iso
from app.domain.validation import FieldError, clean_text
from app.domain.visit_policy import local_day
from app.ids import new_id
from app.services.early_warning import criteria_for
from app.services.repeats import KeyMatch, lookup_keys, rules_for
from app.services.station import OfficerInfo, require

# The statuses (app.domain.statuses) by the names the desk's views read them by.
OPEN, IN_PROGRESS, CLEARED = statuses.CASE_OPEN, statuses.CASE_IN_PROGRESS, statuses.CASE_CLEARED
ACTIVE = statuses.CASE_ACTIVE
FILE_FIELDS = (
    "id",
    "number",
    "key_kind",
    "key_value",
    "title",
    "rule_id",
    "officer_id",
    "plan",
    "deadline",
    "status",
    "result",
    "cleared_utc",
)


class CaseNotClearableError(errors.StationDeskError):
    """`details["missing"]` names what is still needed: "result" and/or "visit"."""

    code = "case_not_clearable"


def case_code(number: int, year: int) -> str:
    return f"AJ{year}-{number:05d}"


def snapshot(s: Session, case: CaseFile) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(case, name) for name in FILE_FIELDS}
    data["report_ids"] = sorted(
        s.scalars(select(CaseReport.report_id).where(CaseReport.case_id == case.id))
    )
    data["actions"] = [
        {"at": a.at, "officer_id": a.officer_id, "text": a.text}
        for a in s.scalars(
            select(CaseAction).where(CaseAction.case_id == case.id).order_by(CaseAction.id)
        )
    ]
    return data


CASES = Tracked("case_file", snapshot)


def _link(s: Session, case: CaseFile, report_ids: list[str], moment: dt.datetime) -> list[str]:
    have = set(s.scalars(select(CaseReport.report_id).where(CaseReport.case_id == case.id)))
    added = [r for r in dict.fromkeys(report_ids) if r not in have]
    for report_id in added:
        s.add(CaseReport(case_id=case.id, report_id=report_id, linked_utc=utc_iso(moment)))
    s.flush()
    return added


def _new_file(
    s: Session,
    st: Station,
    officer_id: str,
    moment: dt.datetime,
    *,
    key_kind: str,
    key_value: str,
    title: str,
    rule_id: str,
    report_ids: list[str],
    deadline_days: int,
) -> CaseFile:
    number = int(s.scalar(select(func.coalesce(func.max(CaseFile.number), 0))) or 0) + 1
    case = CaseFile(
        id=new_id(),
        number=number,
        key_kind=key_kind,
        key_value=key_value,
        title=title[:200],
        rule_id=rule_id,
        officer_id=officer_id,
        deadline=(local_day(moment) + dt.timedelta(days=deadline_days)).isoformat(),
        status=OPEN,
        revision_no=1,
        created_utc=utc_iso(moment),
        updated_utc=utc_iso(moment),
    )
    s.add(case)
    s.flush()
    _link(s, case, report_ids, moment)
    CASES.record(s, st, case, officer_id, "open", {}, moment, new=True)
    return case


def file_on_save(
    s: Session,
    st: Station,
    store: Store,
    report: Report,
    officer: OfficerInfo,
    fired: KeyMatch | None,
    moment: dt.datetime,
) -> CaseFile | None:
    """Called in the transaction that saved an intake: join an open file that shares a key, or
    open one when a repeat rule fired. Returns the file the report is now in, if any."""
    fields = {
        "reporter_phone": report.reporter_phone,
        "reporter_id_number": report.reporter_id_number,
        "reporter_name": report.reporter_name,
        "reporter_address": report.reporter_address,
        "incident_place": report.incident_place,
    }
    keys = lookup_keys(fields, rules_for(store))
    if keys:
        case = s.scalars(
            select(CaseFile)
            .where(
                tuple_(CaseFile.key_kind, CaseFile.key_value).in_(list(keys.items())),
                CaseFile.status.in_(ACTIVE),
            )
            .order_by(CaseFile.number)
            .limit(1)
        ).first()
        if case is not None:
            if _link(s, case, [report.id], moment):
                CASES.record(
                    s, st, case, officer.id, "link", {"report_ids": [None, report.id]}, moment
                )
            return case
    if fired is None:
        return None
    title = f"{report.reporter_name or report.incident_place} · {fired.rule.label('zh_CN', fired.count)}"
    return _new_file(
        s,
        st,
        officer.id,
        moment,
        key_kind=fired.key,
        key_value=fired.value,
        title=title,
        rule_id=fired.rule.id,
        report_ids=[*fired.earlier_ids, report.id],
        deadline_days=rules_for(store).case_deadline_days,
    )


def open_file(store: Store, officer: OfficerInfo, report_ids: list[str], title: str) -> str:
    """A file opened by hand (a major dispute); only a station chief does this."""
    require(officer, "void")
    text = _text("title", title, "unfinished_reason")
    if not text:
        raise errors.ValidationFailed({"title": "required"})
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        found = set(s.scalars(select(Report.id).where(Report.id.in_(report_ids))))
        if not report_ids or found != set(report_ids):
            raise errors.NotFoundError(",".join(sorted(set(report_ids) - found)))
        case = _new_file(
            s,
            st,
            officer.id,
            moment,
            key_kind="manual",
            key_value=new_id(),
            title=text,
            rule_id="",
            report_ids=report_ids,
            deadline_days=rules_for(store).case_deadline_days,
        )
        return case.id


def _text(name: str, value: str, limit_name: str) -> str:
    try:
        return clean_text(limit_name, value, multiline=True)
    except FieldError as exc:
        raise errors.ValidationFailed({name: exc.code}) from None


def _active(s: Session, case_id: str) -> CaseFile:
    case = s.get(CaseFile, case_id)
    if case is None:
        raise errors.NotFoundError(case_id)
    if case.status == CLEARED:
        raise errors.InvalidTransitionError(case.status, target="edit")
    return case


def update(
    store: Store,
    officer: OfficerInfo,
    case_id: str,
    *,
    plan: str | None = None,
    officer_id: str | None = None,
    deadline: dt.date | None = None,
) -> None:
    """The plan, the responsible officer or the deadline; starting on the plan moves an open
    file to "in progress"."""
    require(officer, "handle")
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        case = _active(s, case_id)
        updates: dict[str, Any] = {}
        if plan is not None:
            updates["plan"] = _text("plan", plan, "summary")
            if updates["plan"] and case.status == OPEN:
                updates["status"] = IN_PROGRESS
        if officer_id is not None:
            target = s.get(Officer, officer_id)
            if target is None or not target.active:
                raise errors.NotFoundError(officer_id)
            updates["officer_id"] = officer_id
        if deadline is not None:
            updates["deadline"] = deadline.isoformat()
        CASES.update(s, st, case, officer.id, "update", updates, moment)


def log_action(store: Store, officer: OfficerInfo, case_id: str, text: str) -> None:
    require(officer, "handle")
    entry = _text("action", text, "disposal_result")
    if not entry:
        raise errors.ValidationFailed({"action": "required"})
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        case = _active(s, case_id)
        s.add(
            CaseAction(
                case_id=case.id,
                at=moment.isoformat(timespec="seconds"),
                officer_id=officer.id,
                text=entry,
            )
        )
        if case.status == OPEN:
            case.status = IN_PROGRESS
        CASES.record(s, st, case, officer.id, "action", {"action": [None, entry]}, moment)


def clear(store: Store, officer: OfficerInfo, case_id: str, result: str) -> None:
    """Cleared only with a stated result and a return visit done on one of its reports since the
    file was opened ("dynamic clearing": with evidence, not by ticking a box)."""
    require(officer, "handle")
    text = _text("result", result, "disposal_result")
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        case = _active(s, case_id)
        visited = s.scalar(
            select(func.count())
            .select_from(Visit)
            .join(CaseReport, CaseReport.report_id == Visit.report_id)
            .where(
                CaseReport.case_id == case.id,
                Visit.status == visit_terms.DONE,
                Visit.updated_utc >= case.created_utc,
            )
        )
        missing = [
            name for name, ok in (("result", bool(text)), ("visit", bool(visited))) if not ok
        ]
        if missing:
            raise CaseNotClearableError(
                case_code(case.number, int(case.created_utc[:4])), missing=missing
            )
        updates = {"status": CLEARED, "result": text, "cleared_utc": utc_iso(moment)}
        CASES.update(s, st, case, officer.id, "clear", updates, moment)


@dataclass(frozen=True)
class CaseRow:
    id: str
    code: str
    title: str
    key_kind: str
    rule_id: str
    officer_name: str
    deadline: str
    status: str
    reports: int
    overdue: bool  # past its deadline and not cleared: escalated to the station chief
    colour: str = ""  # the highest active early-warning colour among its reports


def case_files(
    store: Store, *, include_cleared: bool = False, today: dt.date | None = None
) -> list[CaseRow]:
    day = (today or local_day(now_local())).isoformat()
    with store.read() as s:
        counts = (
            select(CaseReport.case_id, func.count().label("n"))
            .group_by(CaseReport.case_id)
            .subquery()
        )
        stmt = (
            select(CaseFile, Officer.name, func.coalesce(counts.c.n, 0).label("n"))
            .outerjoin(Officer, Officer.id == CaseFile.officer_id)
            .outerjoin(counts, counts.c.case_id == CaseFile.id)
            .order_by(CaseFile.deadline, CaseFile.number)
        )
        if not include_cleared:
            stmt = stmt.where(CaseFile.status.in_(ACTIVE))
        rows = s.execute(stmt).all()
        colours = case_colours(store, s, [c.id for c, _n, _c in rows])
    return [
        CaseRow(
            id=c.id,
            code=case_code(c.number, int(c.created_utc[:4])),
            title=c.title,
            key_kind=c.key_kind,
            rule_id=c.rule_id,
            officer_name=name or "",
            deadline=c.deadline,
            status=c.status,
            reports=int(n),
            overdue=c.status != CLEARED and c.deadline < day,
            colour=colours.get(c.id, ""),
        )
        for c, name, n in rows
    ]


def rule_window(store: Store, rule_id: str) -> int:
    """The days a file's repeat rule looks back over (0 for a file opened by hand): what the
    desk says of the rule instead of its code."""
    rules = rules_for(store)
    every = (*rules.general, *(r for rs in rules.by_type.values() for r in rs))
    return next((r.window_days for r in every if r.id == rule_id), 0)


def case_colours(store: Store, s: Session, case_ids: list[str]) -> dict[str, str]:
    """Each file's highest active warning colour: the file is watched as closely as its most
    dangerous report."""
    criteria = criteria_for(store)
    best: dict[str, str] = {}
    for start in range(0, len(case_ids), 500):
        for case_id, colour_id in s.execute(
            select(CaseReport.case_id, Report.warning_colour)
            .join(Report, Report.id == CaseReport.report_id)
            .where(
                CaseReport.case_id.in_(case_ids[start : start + 500]),
                key_is(Report.warning_status, statuses.WARNING_ACTIVE),
            )
        ):
            colour, held = criteria.colour(colour_id), criteria.colour(best.get(case_id, ""))
            if colour is not None and (held is None or colour.rank > held.rank):
                best[case_id] = colour.id
    return best


def file_of_report(store: Store, report_id: str) -> dict[str, Any] | None:
    """The file a report is in (newest if several), with its reports and action log."""
    with store.read() as s:
        return newest_file_of_report(s, report_id)


def newest_file_of_report(s: Session, report_id: str) -> dict[str, Any] | None:
    """`file_of_report` inside a caller's read (a report's whole view is one transaction)."""
    case = s.scalars(
        select(CaseFile)
        .join(CaseReport, CaseReport.case_id == CaseFile.id)
        .where(CaseReport.report_id == report_id)
        .order_by(CaseFile.number.desc())
        .limit(1)
    ).first()
    if case is None:
        return None
    data = snapshot(s, case)
    data["code"] = case_code(case.number, int(case.created_utc[:4]))
    return data


@dataclass(frozen=True)
class CaseDetail:
    id: str
    code: str
    title: str
    key_kind: str
    rule_id: str
    officer_id: str | None
    plan: str
    deadline: str
    status: str
    result: str
    reports: list[tuple[str, str, str, str, str]]  # id, serial, received_at, type, status
    actions: list[tuple[str, str, str]]  # at, officer name, text
    colour: str = ""


def detail(store: Store, case_id: str) -> CaseDetail:
    with store.read() as s:
        case = s.get(CaseFile, case_id)
        if case is None:
            raise errors.NotFoundError(case_id)
        reports = s.execute(
            select(
                Report.id, Report.serial, Report.received_at, Report.incident_type, Report.status
            )
            .join(CaseReport, CaseReport.report_id == Report.id)
            .where(CaseReport.case_id == case_id)
            .order_by(Report.received_utc)
        ).all()
        actions = s.execute(
            select(CaseAction.at, Officer.name, CaseAction.text)
            .join(Officer, Officer.id == CaseAction.officer_id)
            .where(CaseAction.case_id == case_id)
            .order_by(CaseAction.id)
        ).all()
        return CaseDetail(
            id=case.id,
            code=case_code(case.number, int(case.created_utc[:4])),
            title=case.title,
            key_kind=case.key_kind,
            rule_id=case.rule_id,
            officer_id=case.officer_id,
            plan=case.plan,
            deadline=case.deadline,
            status=case.status,
            result=case.result,
            reports=[tuple(r) for r in reports],  # type: ignore[misc]
            actions=[tuple(a) for a in actions],  # type: ignore[misc]
            colour=case_colours(store, s, [case.id]).get(case.id, ""),
        )
