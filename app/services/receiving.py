"""The self-receive workflow: press, intake, autosave, unfinished, void, status moves.

`receive()` is the button. It commits the receipt (id, serial, time, unit, officer) in one
short write transaction before any form exists, so a receipt can never be lost by whatever
happens to the form afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select, text

from app import errors
from app.db.engine import Store
from app.db.models import IntakeDraft, Officer, Report
from app.db.revisions import (
    NewRevision,
    append_revisions,
    canonical_json,
    commit_report_change,
    field_changes,
    payload_sha256,
    receipt_record,
    reindex,
    snapshot,
    station_row,
)
from app.domain import statuses
from app.domain.addresses import normalise_address
from app.domain.catalog import Catalog
from app.domain.clock import now_local, parse_utc, utc_iso
from app.domain.report_fields import JSON_LIST_FIELDS
from app.domain.validation import (
    FieldError,
    clean_text,
    normalise_phone,
    parse_incident_time,
    validate_id_number,
    validate_name,
)
from app.ids import new_id
from app.services import case_files, repeats, visits
from app.services.station import OfficerInfo, require

INTAKE_TEXT_FIELDS = (
    "reporter_name",
    "reporter_phone",
    "no_phone_reason",
    "reporter_id_number",
    "reporter_address",
    "incident_type",
    "incident_time",
    "incident_place",
    "summary",
)


@dataclass(frozen=True)
class Receipt:
    id: str
    serial: str
    received_at: str
    unit_code: str
    officer_id: str
    officer_name: str
    clock_went_back: bool


@dataclass(frozen=True)
class UnfinishedReceipt:
    id: str
    serial: str
    received_at: str
    received_utc: str
    officer_name: str
    reporter_name: str
    unfinished_reason: str
    officer_id: str


@dataclass(frozen=True)
class DeskCounters:
    received: int
    completed: int
    unfinished: int
    unfinished_list: list[UnfinishedReceipt] = field(default_factory=list)


def receive(
    store: Store, officer: OfficerInfo, *, channel: str = "walk_in", now: dt.datetime | None = None
) -> Receipt:
    require(officer, "receive")
    moment = (now or now_local()).astimezone()
    stamp_utc = utc_iso(moment)
    day = moment.strftime("%Y%m%d")
    report_id = new_id()
    revision_id = new_id()
    received_at = moment.isoformat(timespec="seconds")
    # Plain SQL on the bare connection: this is the press an officer waits for, and the ORM
    # tripled its cost. The revision payload is the same snapshot the ORM path writes, and the
    # revision and its audit entry are written by the same append as every other save.
    with store.raw_write() as cur:
        row = cur.execute(
            "SELECT unit_code, last_received_utc, last_seq, generation FROM station WHERE id = 1"
        ).fetchone()
        if row is None:
            raise errors.NotSetUpError("station not set up")
        unit_code, last_received, last_seq, generation = row
        went_back = last_received is not None and stamp_utc < last_received
        serial_no = cur.execute(
            "INSERT INTO serial_counter(day, last_no) VALUES (?, 1) "
            "ON CONFLICT(day) DO UPDATE SET last_no = last_no + 1 RETURNING last_no",
            (day,),
        ).fetchone()[0]
        serial = f"{unit_code}-{day}-{serial_no:04d}"
        record = receipt_record(
            report_id=report_id,
            serial=serial,
            received_at=received_at,
            unit_code=unit_code,
            officer_id=officer.id,
            channel=channel,
            clock_warning=went_back,
        )
        columns = {
            **record,
            **{name: "[]" for name in JSON_LIST_FIELDS},
            "serial_day": day,
            "serial_no": serial_no,
            "received_utc": stamp_utc,
            "revision_no": 1,
            "updated_utc": stamp_utc,
        }
        cur.execute(
            f"INSERT INTO report ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(columns.values()),
        )
        payload = canonical_json(record)
        seq = last_seq + 1
        append_revisions(
            cur.execute,
            [
                NewRevision(
                    id=revision_id,
                    kind="report",
                    record_id=report_id,
                    revision_no=1,
                    parent_id=None,
                    seq=seq,
                    generation=generation,
                    officer_id=officer.id,
                    recorded_at=received_at,
                    action="receive",
                    changes="{}",
                    payload=payload,
                    sha256=payload_sha256(payload),
                    entered_utc=stamp_utc,
                )
            ],
        )
        cur.execute(
            "UPDATE station SET last_seq = ?, last_received_utc = ? WHERE id = 1",
            (seq, last_received if went_back else stamp_utc),
        )
    return Receipt(report_id, serial, received_at, unit_code, officer.id, officer.name, went_back)


def save_draft(store: Store, report_id: str, fields: dict[str, Any]) -> None:
    """Autosave: keeps whatever was typed, valid or not, until the intake is saved."""
    body = json.dumps(fields, ensure_ascii=False)
    with store.write() as s:
        s.execute(
            text(
                "INSERT INTO intake_draft(report_id, fields, saved_utc) VALUES (:r, :f, :t) "
                "ON CONFLICT(report_id) DO UPDATE SET fields = excluded.fields, saved_utc = excluded.saved_utc"
            ),
            {"r": report_id, "f": body, "t": utc_iso(now_local())},
        )


def load_draft(store: Store, report_id: str) -> dict[str, Any] | None:
    with store.read() as s:
        draft = s.get(IntakeDraft, report_id)
        return json.loads(draft.fields) if draft else None


BASIC_REQUIRED = ("reporter_name", "summary")  # every intake, whatever its type


def required_fields(code: str, catalog: Catalog) -> tuple[str, ...]:
    """What the incident type asks for (before a type is chosen: what every intake needs)."""
    return catalog.get(code).required_fields if code in catalog.by_code else BASIC_REQUIRED


def missing_fields(fields: dict[str, Any], catalog: Catalog) -> list[str]:
    """What is still to be filled before the intake can be saved, known up front: the type,
    the type's required fields, and a phone or the reason there is none. Only emptiness is
    judged here; a badly typed value is the save's to say."""
    code = str(fields.get("incident_type") or "").strip()
    missing = [] if code in catalog.by_code else ["incident_type"]
    missing += [n for n in required_fields(code, catalog) if not str(fields.get(n) or "").strip()]
    if not any(str(fields.get(n) or "").strip() for n in ("reporter_phone", "no_phone_reason")):
        missing.append("reporter_phone")
    return missing


def validate_intake(fields: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """Check every field; returns cleaned values or raises ValidationFailed naming each field."""
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}

    def run(name: str, fn: Any) -> None:
        try:
            clean[name] = fn(fields.get(name))
        except FieldError as exc:
            problems[name] = exc.code

    run("reporter_name", validate_name)
    run("reporter_phone", normalise_phone)
    run("no_phone_reason", lambda v: clean_text("no_phone_reason", v))
    run("reporter_id_number", validate_id_number)
    run("reporter_address", lambda v: clean_text("reporter_address", v))
    run("incident_time", parse_incident_time)
    run("incident_place", lambda v: clean_text("incident_place", v))
    run("summary", lambda v: clean_text("summary", v, multiline=True))
    code = str(fields.get("incident_type") or "").strip()
    clean["incident_type"] = code
    if not code:
        problems["incident_type"] = "required"
    elif code not in catalog.by_code:
        problems["incident_type"] = "unknown_type"
    for name in required_fields(code, catalog):
        if name not in problems and not clean.get(name):
            problems[name] = "required"
    has_contact = clean.get("reporter_phone") or clean.get("no_phone_reason")
    if not has_contact and not {"reporter_phone", "no_phone_reason"} & problems.keys():
        problems["reporter_phone"] = "phone_or_reason"
    if problems:
        raise errors.ValidationFailed(problems)
    return clean


def save_intake(
    store: Store,
    officer: OfficerInfo,
    report_id: str,
    fields: dict[str, Any],
    catalog: Catalog,
    *,
    checklist: list[int] | None = None,
) -> None:
    """Complete (or correct) the intake: one revision listing every changed field."""
    require(officer, "intake")
    clean: dict[str, Any] = {**validate_intake(fields, catalog)}
    clean["checklist"] = sorted(set(checklist or []))
    # Safe contact is switched on, never quietly off: always for the types the catalog marks.
    incident = catalog.by_code.get(clean["incident_type"])
    wants_safe = bool(fields.get("safe_contact")) or bool(incident and incident.safe_contact)
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        report = s.get(Report, report_id)
        if report is None:
            raise errors.NotFoundError(report_id)
        if report.status not in statuses.EDITABLE:
            raise errors.InvalidTransitionError(report.status, target="edit")
        clean["safe_contact"] = report.safe_contact or wants_safe
        repeat, fired = _repeat_fields(s, store, report, clean)
        clean.update(repeat)
        changes = field_changes(snapshot(report), clean)
        for name, (_old, new) in changes.items():
            setattr(report, name, json.dumps(new) if name == "checklist" else new)
        report.address_key = normalise_address(report.reporter_address)
        report.place_key = normalise_address(report.incident_place)
        first_completion = report.status == statuses.RECEIVING
        if first_completion:
            changes["status"] = [report.status, statuses.RECEIVED]
            report.status = statuses.RECEIVED
            if report.unfinished_reason:
                changes["unfinished_reason"] = [report.unfinished_reason, ""]
                report.unfinished_reason = ""
        s.execute(delete(IntakeDraft).where(IntakeDraft.report_id == report_id))
        if not changes:
            return
        commit_report_change(
            s, st, report, officer.id, "intake" if first_completion else "edit", changes, moment
        )
        reindex(s, report)
        case_files.file_on_save(s, st, store, report, officer, fired, moment)


def _repeat_fields(
    s: Any, store: Store, report: Report, clean: dict[str, Any]
) -> tuple[dict[str, Any], Any]:
    """The repeat rule this intake fires, counted from when the report was received."""
    finding = repeats.find(
        s,
        repeats.rules_for(store),
        clean,
        incident_type=clean.get("incident_type", ""),
        exclude_id=report.id,
        now=parse_utc(report.received_utc),  # to the microsecond: same-second receipts count
    )
    fired = finding.fired
    if fired is None:
        return {"repeat_rule": "", "repeat_key": "", "repeat_count": 0}, None
    fields = {"repeat_rule": fired.rule.id, "repeat_key": fired.key, "repeat_count": fired.count}
    return fields, fired


def _simple_change(
    store: Store,
    officer: OfficerInfo,
    report_id: str,
    action: str,
    updates: dict[str, Any],
    allowed_from: tuple[str, ...] | None = None,
) -> None:
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        report = s.get(Report, report_id)
        if report is None:
            raise errors.NotFoundError(report_id)
        target = updates.get("status")
        if target is not None and not statuses.can_move(report.status, target):
            raise errors.InvalidTransitionError(report.status, target=target)
        if allowed_from is not None and report.status not in allowed_from:
            raise errors.InvalidTransitionError(report.status, target=action)
        changes = field_changes(snapshot(report), updates)
        for name, (_old, new) in changes.items():
            setattr(report, name, new)
        if not changes:
            return
        commit_report_change(s, st, report, officer.id, action, changes, moment)
        if "status" in changes:
            policy, catalog = visits.rules_for(store)
            visits.schedule_for_report(s, st, report, officer, moment, policy, catalog)


def _reason(field_name: str, reason: str) -> str:
    try:
        text_ = clean_text(field_name, reason, multiline=True)
    except FieldError as exc:
        raise errors.ValidationFailed({field_name: exc.code}) from None
    if not text_:
        raise errors.ValidationFailed({field_name: "required"})
    return text_


def leave_unfinished(store: Store, officer: OfficerInfo, report_id: str, reason: str) -> None:
    """The reporter left, or intake must wait: the receipt stays on the unfinished list."""
    require(officer, "intake")
    text_ = _reason("unfinished_reason", reason)
    _simple_change(
        store,
        officer,
        report_id,
        "unfinished",
        {"unfinished_reason": text_},
        allowed_from=statuses.UNFINISHED,
    )


def void_receipt(store: Store, officer: OfficerInfo, report_id: str, reason: str) -> None:
    require(officer, "void")
    text_ = _reason("void_reason", reason)
    _simple_change(
        store, officer, report_id, "void", {"status": statuses.VOIDED, "void_reason": text_}
    )


def start_handling(store: Store, officer: OfficerInfo, report_id: str) -> None:
    require(officer, "handle")
    _simple_change(store, officer, report_id, "status", {"status": statuses.IN_HANDLING})


def close_report(store: Store, officer: OfficerInfo, report_id: str, disposal_result: str) -> None:
    require(officer, "handle")
    result = _reason("disposal_result", disposal_result)
    _simple_change(
        store, officer, report_id, "status", {"status": statuses.CLOSED, "disposal_result": result}
    )


def refer_report(store: Store, officer: OfficerInfo, report_id: str, department: str) -> None:
    require(officer, "handle")
    dept = _reason("referred_department", department)
    _simple_change(
        store,
        officer,
        report_id,
        "status",
        {"status": statuses.REFERRED, "referred_department": dept},
    )


def _local_day_bounds(day: dt.date) -> tuple[str, str]:
    start = dt.datetime.combine(day, dt.time.min).astimezone()
    end = start + dt.timedelta(days=1)
    return utc_iso(start), utc_iso(end)


def unfinished_receipts(store: Store, limit: int = 500) -> list[UnfinishedReceipt]:
    """Every receipt not completed, whatever day it was drawn: oldest first."""
    with store.read() as s:
        rows = s.execute(
            select(
                Report.id,
                Report.serial,
                Report.received_at,
                Report.received_utc,
                Officer.name,
                Report.reporter_name,
                Report.unfinished_reason,
                Report.officer_id,
            )
            .join(Officer, Officer.id == Report.officer_id)
            .where(Report.status.in_(statuses.UNFINISHED))
            .order_by(Report.received_utc)
            .limit(limit)
        ).all()
    return [UnfinishedReceipt(*row) for row in rows]


def desk_counters(store: Store, day: dt.date | None = None) -> DeskCounters:
    start, end = _local_day_bounds(day or now_local().date())
    with store.read() as s:
        by_status = dict(
            s.execute(
                select(Report.status, func.count())
                .where(Report.received_utc >= start, Report.received_utc < end)
                .group_by(Report.status)
            ).all()
        )
    received = sum(by_status.values())
    completed = sum(by_status.get(k, 0) for k in statuses.COMPLETED)
    unfinished = unfinished_receipts(store)
    return DeskCounters(received, completed, len(unfinished), unfinished)


@dataclass(frozen=True)
class ShiftReceipt:
    id: str
    serial: str
    received_at: str
    officer_name: str
    status: str
    reporter_name: str
    incident_type: str
    unfinished_reason: str


def shift_receipts(
    store: Store, since: dt.datetime, until: dt.datetime | None = None
) -> list[ShiftReceipt]:
    """Every receipt drawn in the shift, in serial order, so each number is accounted for."""
    end = utc_iso(until or now_local())
    with store.read() as s:
        rows = s.execute(
            select(
                Report.id,
                Report.serial,
                Report.received_at,
                Officer.name,
                Report.status,
                Report.reporter_name,
                Report.incident_type,
                Report.unfinished_reason,
            )
            .join(Officer, Officer.id == Report.officer_id)
            .where(Report.received_utc >= utc_iso(since), Report.received_utc < end)
            .order_by(Report.serial_day, Report.serial_no)
        ).all()
    return [ShiftReceipt(*row) for row in rows]
