"""Reminder sheets for repeated police treatment (重复警情提示单).

A sheet names a repeat (the rule that fired, the reports, the key they share), the unit that
must act and a deadline. The station chief issues one from a case file, or HQ's command centre
sends one down through the sync pull (a repeat seen at two stations). The receiving unit answers
with the three feedbacks (三反馈): receipt, progress, result; the chief clears it only with the
result given and a return visit done on one of its reports since the sheet arrived ("dynamic
clearing" 动态清零). Past its deadline it is escalated. Every change is a revision of the sheet,
so HQ sees each feedback as it is given.
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
from app.db.models import CaseFile, CaseReport, Officer, ReminderSheet, Report, Visit
from app.db.revisions import Tracked, station_row
from app.domain import statuses
from app.domain import visits as visit_terms
from app.domain.clock import now_local, utc_iso
from app.domain.validation import FieldError, clean_text
from app.domain.visit_policy import local_day
from app.ids import new_id
from app.services.repeats import rules_for
from app.services.station import OfficerInfo, require

# The statuses (app.domain.statuses) by the names the desk's views read them by.
ISSUED, ACKNOWLEDGED = statuses.SHEET_ISSUED, statuses.SHEET_ACKNOWLEDGED
IN_PROGRESS, FED_BACK = statuses.SHEET_IN_PROGRESS, statuses.SHEET_FED_BACK
CLEARED = statuses.SHEET_CLEARED
STAGES = ("receipt", "progress", "result")
FROM_STATION = "station"
FROM_HQ = "hq"
SHEET_FIELDS = (
    "id",
    "code",
    "origin",
    "issuing_unit",
    "receiving_unit",
    "rule_id",
    "rule_label",
    "key_kind",
    "key_value",
    "reports",
    "case_id",
    "officer_id",
    "deadline",
    "status",
    "receipt_text",
    "receipt_at",
    "progress_text",
    "progress_at",
    "result_text",
    "result_at",
    "cleared_at",
)


class SheetNotClearableError(errors.StationDeskError):
    """`details["missing"]` names what is still needed: "result" and/or "visit"."""

    code = "sheet_not_clearable"


def _snapshot(sheet: ReminderSheet) -> dict[str, Any]:
    data = {name: getattr(sheet, name) for name in SHEET_FIELDS}
    data["reports"] = json.loads(sheet.reports)
    return data


SHEETS = Tracked("reminder_sheet", lambda _s, sheet: _snapshot(sheet))


def _report_entries(s: Session, report_ids: list[str], unit_code: str) -> list[dict[str, str]]:
    rows = s.execute(
        select(Report.id, Report.serial, Report.received_at, Report.incident_type)
        .where(Report.id.in_(report_ids))
        .order_by(Report.received_utc)
    ).all()
    return [
        {
            "record_id": rid,
            "serial": serial,
            "unit_code": unit_code,
            "received_at": received,
            "incident_type": itype,
        }
        for rid, serial, received, itype in rows
    ]


def issue_for_case(store: Store, chief: OfficerInfo, case_id: str) -> str:
    """The station chief's own sheet for a case file's repeat; returns its code."""
    require(chief, "approve")
    moment = now_local()
    rules = rules_for(store)
    with store.write() as s:
        st = station_row(s)
        case = s.get(CaseFile, case_id)
        if case is None:
            raise errors.NotFoundError(case_id)
        open_sheet = s.scalar(
            select(ReminderSheet.code).where(
                ReminderSheet.case_id == case_id, ReminderSheet.status != CLEARED
            )
        )
        if open_sheet:
            raise errors.InvalidTransitionError("open_sheet", target=open_sheet)
        report_ids = list(
            s.scalars(select(CaseReport.report_id).where(CaseReport.case_id == case_id))
        )
        rule = next(
            (
                r
                for r in (*rules.general, *(x for v in rules.by_type.values() for x in v))
                if r.id == case.rule_id
            ),
            None,
        )
        year = local_day(moment).year
        count = s.scalar(
            select(func.count()).where(
                ReminderSheet.origin == FROM_STATION, ReminderSheet.code.like(f"TS{year}-%")
            )
        )
        sheet = ReminderSheet(
            id=new_id(),
            code=f"TS{year}-{int(count or 0) + 1:05d}",
            origin=FROM_STATION,
            # the station's own sheet goes from its chief to the officer the file names
            issuing_unit=f"{st.unit_name}（所领导 {chief.name}）",
            receiving_unit=_responsible(s, case, st.unit_name),
            rule_id=case.rule_id,
            rule_label=rule.label("zh_CN", len(report_ids)) if rule else case.title,
            key_kind=case.key_kind,
            key_value=case.key_value,
            reports=json.dumps(_report_entries(s, report_ids, st.unit_code), ensure_ascii=False),
            case_id=case.id,
            officer_id=case.officer_id,
            deadline=(local_day(moment) + dt.timedelta(days=rules.sheet_deadline_days)).isoformat(),
            status=ISSUED,
            revision_no=1,
            created_utc=utc_iso(moment),
            updated_utc=utc_iso(moment),
        )
        s.add(sheet)
        s.flush()
        SHEETS.record(s, st, sheet, chief.id, "issue", {}, moment, new=True)
        return sheet.code


def _responsible(s: Session, case: CaseFile, unit_name: str) -> str:
    officer = s.get(Officer, case.officer_id) if case.officer_id else None
    if officer is None:
        return unit_name
    return f"{unit_name} 责任民警 {officer.name}（{officer.badge}）"


def receive_from_hq(store: Store, payload: dict[str, Any]) -> str | None:
    """A sheet HQ's command centre sent down (applied once per instruction). It joins the case
    file of one of its local reports, if there is one. Returns the code, or None when the
    payload is unusable (kept as the instruction row, shown as a notice)."""
    try:
        code = str(payload["code"])[:40]
        entries = [dict(e) for e in payload["reports"]][:50]
        deadline = dt.date.fromisoformat(str(payload["deadline"])).isoformat()
    except (KeyError, TypeError, ValueError):
        return None
    now = utc_iso(now_local())
    sheet_id = str(payload.get("id") or new_id())[:40]
    with store.write() as s:
        st = station_row(s)
        if s.get(ReminderSheet, sheet_id) is not None:
            return code
        if s.scalar(select(ReminderSheet.id).where(ReminderSheet.code == code)):
            # another sheet under a number this station already holds: an HQ restored from a
            # backup numbered again. The sheet is kept, its number made distinct.
            code = f"{code}-{sheet_id[-4:]}"
            if s.scalar(select(ReminderSheet.id).where(ReminderSheet.code == code)):
                return code
        local = [
            str(e.get("record_id"))
            for e in entries
            if e.get("unit_code") == st.unit_code and e.get("record_id")
        ]
        case_id = s.scalar(
            select(CaseReport.case_id)
            .join(CaseFile, CaseFile.id == CaseReport.case_id)
            .where(CaseReport.report_id.in_(local), CaseFile.status != statuses.CASE_CLEARED)
            .limit(1)
        )
        s.add(
            ReminderSheet(
                id=sheet_id,
                code=code,
                origin=FROM_HQ,
                issuing_unit=str(payload.get("issuing_unit", ""))[:100],
                receiving_unit=st.unit_name,
                rule_id=str(payload.get("rule_id", ""))[:20],
                rule_label=str(payload.get("rule_label", ""))[:200],
                key_kind=str(payload.get("key_kind", ""))[:20],
                key_value=str(payload.get("key_value", ""))[:100],
                reports=json.dumps(entries, ensure_ascii=False),
                case_id=case_id,
                deadline=deadline,
                status=ISSUED,
                revision_no=0,  # HQ wrote it; the station's first revision is its receipt
                created_utc=now,
                updated_utc=now,
            )
        )
    return code


def _text(stage: str, value: str) -> str:
    try:
        text = clean_text("disposal_result", value, multiline=True)
    except FieldError as exc:
        raise errors.ValidationFailed({stage: exc.code}) from None
    if not text:
        raise errors.ValidationFailed({stage: "required"})
    return text


def feed_back(store: Store, officer: OfficerInfo, sheet_id: str, stage: str, text: str) -> None:
    """One of the three feedbacks; receipt first, then progress (may be updated) and result."""
    require(officer, "handle")
    if stage not in STAGES:
        raise errors.ValidationFailed({"stage": "unknown"})
    value = _text(stage, text)
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        sheet = s.get(ReminderSheet, sheet_id)
        if sheet is None:
            raise errors.NotFoundError(sheet_id)
        if sheet.status == CLEARED or (stage != "receipt" and not sheet.receipt_at):
            raise errors.InvalidTransitionError(sheet.status, target=stage)
        status = {"receipt": ACKNOWLEDGED, "progress": IN_PROGRESS, "result": FED_BACK}[stage]
        if stage == "receipt" and sheet.status != ISSUED:
            status = sheet.status  # the receipt corrected: the sheet stays where it is
        updates = {
            f"{stage}_text": value,
            f"{stage}_at": moment.isoformat(timespec="seconds"),
            "status": status,
            "officer_id": sheet.officer_id or officer.id,
        }
        SHEETS.update(s, st, sheet, officer.id, f"feedback_{stage}", updates, moment)


def clear(store: Store, chief: OfficerInfo, sheet_id: str) -> None:
    require(chief, "approve")
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        sheet = s.get(ReminderSheet, sheet_id)
        if sheet is None:
            raise errors.NotFoundError(sheet_id)
        if sheet.status == CLEARED:
            raise errors.InvalidTransitionError(sheet.status, target="clear")
        local = [e["record_id"] for e in json.loads(sheet.reports) if e.get("record_id")]
        if sheet.case_id:
            local += list(
                s.scalars(select(CaseReport.report_id).where(CaseReport.case_id == sheet.case_id))
            )
        visited = s.scalar(
            select(func.count()).where(
                Visit.report_id.in_(local),
                Visit.status == visit_terms.DONE,
                Visit.updated_utc >= sheet.created_utc,
            )
        )
        missing = [
            name
            for name, ok in (("result", bool(sheet.result_text)), ("visit", bool(visited)))
            if not ok
        ]
        if missing:
            raise SheetNotClearableError(sheet.code, missing=missing)
        updates = {"status": CLEARED, "cleared_at": moment.isoformat(timespec="seconds")}
        SHEETS.update(s, st, sheet, chief.id, "clear", updates, moment)


@dataclass(frozen=True)
class SheetRow:
    id: str
    code: str
    origin: str
    issuing_unit: str
    rule_label: str
    key_kind: str
    reports: int
    deadline: str
    status: str
    overdue: bool  # past the deadline and not cleared: escalated to the station chief


def sheets(
    store: Store, *, include_cleared: bool = False, today: dt.date | None = None
) -> list[SheetRow]:
    day = (today or local_day(now_local())).isoformat()
    with store.read() as s:
        stmt = select(ReminderSheet).order_by(ReminderSheet.deadline, ReminderSheet.code)
        if not include_cleared:
            stmt = stmt.where(ReminderSheet.status != CLEARED)
        return [
            SheetRow(
                id=r.id,
                code=r.code,
                origin=r.origin,
                issuing_unit=r.issuing_unit,
                rule_label=r.rule_label,
                key_kind=r.key_kind,
                reports=len(json.loads(r.reports)),
                deadline=r.deadline,
                status=r.status,
                overdue=r.status != CLEARED and r.deadline < day,
            )
            for r in s.scalars(stmt)
        ]


def get(store: Store, sheet_id: str) -> dict[str, Any]:
    with store.read() as s:
        sheet = s.get(ReminderSheet, sheet_id)
        if sheet is None:
            raise errors.NotFoundError(sheet_id)
        return _snapshot(sheet)


def sheet_of_case(store: Store, case_id: str) -> dict[str, Any] | None:
    with store.read() as s:
        sheet = s.scalars(
            select(ReminderSheet)
            .where(ReminderSheet.case_id == case_id)
            .order_by(ReminderSheet.created_utc.desc())
            .limit(1)
        ).first()
        return _snapshot(sheet) if sheet else None
