"""Appending immutable revisions: the only way a report changes.

Each revision gets the next gap-free station sequence number in the same transaction as the
change, a parent link to the previous revision, the whole record as canonical JSON and its
SHA-256. The revision log is the outbox sync pushes from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db import audit_chain
from app.db.models import Report, Revision, Station
from app.domain import statuses
from app.domain.search_keys import name_index_text, split_cjk
from app.ids import new_id
from app.services.clock import utc_iso

RECORD_FIELDS = (
    "id",
    "serial",
    "received_at",
    "unit_code",
    "officer_id",
    "channel",
    "status",
    "clock_warning",
    "reporter_name",
    "reporter_phone",
    "no_phone_reason",
    "reporter_id_number",
    "reporter_address",
    "incident_type",
    "incident_time",
    "incident_place",
    "summary",
    "checklist",
    "disposal_result",
    "referred_department",
    "unfinished_reason",
    "void_reason",
    "safe_contact",
    "repeat_rule",
    "repeat_key",
    "repeat_count",
    "risk_factors",
    "suggested_colour",
    "warning_colour",
    "colour_reason",
    "monitoring_level",
    "warning_status",
)
# Columns holding a JSON list; the revision payload carries the list itself.
JSON_LIST_FIELDS = ("checklist", "risk_factors")


def receipt_record(**values: Any) -> dict[str, Any]:
    """A just-drawn receipt as `snapshot` would show it: every field at its column default."""
    record: dict[str, Any] = {}
    for name in RECORD_FIELDS:
        default = Report.__table__.c[name].default
        record[name] = default.arg if default is not None and not callable(default.arg) else ""
    record.update({name: [] for name in JSON_LIST_FIELDS})
    record.update(id=values.pop("report_id"), status=statuses.RECEIVING, **values)
    return record


def snapshot(report: Report) -> dict[str, Any]:
    data = {name: getattr(report, name) for name in RECORD_FIELDS}
    for name in JSON_LIST_FIELDS:
        data[name] = json.loads(getattr(report, name) or "[]")
    return data


def field_changes(before: Mapping[str, Any], updates: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Only fields whose value really moves go into a revision, so history lists real edits."""
    return {name: [before[name], new] for name, new in updates.items() if before[name] != new}


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def append_record_revision(
    session: Session,
    station: Station,
    *,
    kind: str,
    record_id: str,
    revision_no: int,
    record: dict[str, Any],
    officer_id: str,
    action: str,
    changes: dict[str, list[Any]],
    recorded_at: str,
    parent_id: str | None,
) -> Revision:
    """Any kind of record: the next seq, the whole record as canonical JSON, and its hash."""
    station.last_seq += 1
    payload = canonical_json(record)
    revision = Revision(
        id=new_id(),
        record_kind=kind,
        record_id=record_id,
        revision_no=revision_no,
        parent_id=parent_id,
        seq=station.last_seq,
        generation=station.generation,
        officer_id=officer_id,
        recorded_at=recorded_at,
        action=action,
        changes=canonical_json(changes),
        payload=payload,
        sha256=hashlib.sha256(payload.encode("utf-8")).hexdigest(),
    )
    session.add(revision)
    vouch(session, revision)
    return revision


def vouch(session: Session, revision: Revision, audit_action: str | None = None) -> None:
    """The audit entry for a revision just added, in the same transaction."""
    audit_chain.append(
        session_executor(session),
        [
            audit_chain.revision_entry(
                at_utc=utc_iso(dt.datetime.now(dt.UTC)),
                revision_id=revision.id,
                record_kind=revision.record_kind,
                record_id=revision.record_id,
                revision_no=revision.revision_no,
                parent_id=revision.parent_id,
                officer_id=revision.officer_id,
                recorded_at=revision.recorded_at,
                action=revision.action,
                changes=revision.changes,
                payload_sha256=revision.sha256,
                audit_action=audit_action,
            )
        ],
    )


def session_executor(session: Session) -> audit_chain.Execute:
    """Plain SQL inside the session's own transaction, for the audit chain."""
    return lambda sql, params: session.connection().exec_driver_sql(sql, params)


def record_change(
    session: Session,
    station: Station,
    row: Any,
    *,
    kind: str,
    record: Callable[[], dict[str, Any]],
    officer_id: str,
    action: str,
    changes: dict[str, list[Any]],
    moment: dt.datetime,
    new: bool = False,
) -> Revision:
    """The next revision of any record whose fields were just set: its number, its parent, its
    whole state (`record()`, read after the flush so defaults and links are in place)."""
    parent = None if new else latest_revision_id(session, row.id)
    if not new:
        row.revision_no += 1
    row.updated_utc = utc_iso(moment)
    session.flush()
    return append_record_revision(
        session,
        station,
        kind=kind,
        record_id=row.id,
        revision_no=row.revision_no,
        record=record(),
        officer_id=officer_id,
        action=action,
        changes=changes,
        recorded_at=moment.isoformat(timespec="seconds"),
        parent_id=parent,
    )


@dataclass(frozen=True)
class Tracked:
    """A kind of record kept in the revision log (visit, care person, case file, letter...):
    its name there and how its whole state reads, so a service only says what changes."""

    kind: str
    snapshot: Callable[[Session, Any], dict[str, Any]]

    def record(
        self,
        session: Session,
        station: Station,
        row: Any,
        officer_id: str,
        action: str,
        changes: dict[str, list[Any]],
        moment: dt.datetime,
        *,
        new: bool = False,
    ) -> Revision:
        return record_change(
            session,
            station,
            row,
            kind=self.kind,
            record=lambda: self.snapshot(session, row),
            officer_id=officer_id,
            action=action,
            changes=changes,
            moment=moment,
            new=new,
        )

    def update(
        self,
        session: Session,
        station: Station,
        row: Any,
        officer_id: str,
        action: str,
        updates: Mapping[str, Any],
        moment: dt.datetime,
    ) -> dict[str, list[Any]]:
        """Set the fields that really move and record them as one revision; nothing is
        recorded when nothing moves. Returns the changes."""
        changes = field_changes(self.snapshot(session, row), updates)
        if changes:
            for name, (_old, new) in changes.items():
                setattr(row, name, new)
            self.record(session, station, row, officer_id, action, changes, moment)
        return changes


def commit_report_change(
    session: Session,
    station: Station,
    report: Report,
    officer_id: str,
    action: str,
    changes: dict[str, list[Any]],
    moment: dt.datetime,
) -> None:
    """The report's next revision number and its revision, after its fields were set."""
    record_change(
        session,
        station,
        report,
        kind="report",
        record=lambda: snapshot(report),
        officer_id=officer_id,
        action=action,
        changes=changes,
        moment=moment,
    )


def latest_revision_id(session: Session, record_id: str) -> str | None:
    return session.scalar(
        select(Revision.id)
        .where(Revision.record_id == record_id)
        .order_by(Revision.revision_no.desc())
        .limit(1)
    )


def reindex(session: Session, report: Report) -> None:
    """Replace the report's row in the full-text index (same transaction as the change)."""
    session.flush()
    rowid = session.execute(
        text("SELECT rowid FROM report WHERE id = :id"), {"id": report.id}
    ).scalar_one()
    session.execute(text("DELETE FROM report_fts WHERE rowid = :r"), {"r": rowid})
    session.execute(
        text(
            "INSERT INTO report_fts(rowid, name, phone, id_number, address, summary) "
            "VALUES (:r, :name, :phone, :idn, :addr, :summary)"
        ),
        {
            "r": rowid,
            "name": name_index_text(report.reporter_name),
            "phone": report.reporter_phone,
            "idn": report.reporter_id_number.lower(),
            "addr": split_cjk(report.reporter_address),
            "summary": split_cjk(report.summary),
        },
    )
