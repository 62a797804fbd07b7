"""Appending immutable revisions: the only way a record changes.

Each revision gets the next gap-free station sequence number in the same transaction as the
change, a parent link to the previous revision, the whole record as canonical JSON and its
SHA-256, and an audit entry that vouches for it. The revision log is the outbox sync pushes
from.

`append_revisions` is the one place a revision row and its audit entry are written: the receive
button's bare cursor, an ORM session's connection, sync taking back what HQ holds and the demo
generator all go through it, so the shapes the audit check and HQ read cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import errors
from app.db import audit_chain
from app.db.models import Report, Revision, Station
from app.domain import statuses
from app.domain.clock import utc_iso
from app.domain.report_fields import JSON_LIST_FIELDS, RECORD_FIELDS
from app.domain.search_keys import name_index_text, split_cjk
from app.ids import new_id

INSERT_REVISION = (
    "INSERT INTO revision (id, record_kind, record_id, revision_no, parent_id, seq, generation,"
    " officer_id, recorded_at, action, changes, payload, sha256)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class NewRevision:
    """A revision as it is written: the row, and when its audit entry says it was entered."""

    id: str
    kind: str
    record_id: str
    revision_no: int
    parent_id: str | None
    seq: int
    generation: int
    officer_id: str
    recorded_at: str
    action: str
    changes: str  # canonical JSON {field: [old, new]}
    payload: str  # the whole record, canonical JSON
    sha256: str
    entered_utc: str


def append_revisions(
    execute: audit_chain.Execute,
    revisions: Sequence[NewRevision],
    *,
    audit_action: str | None = None,
) -> None:
    """Write the revisions and the audit entries that vouch for them (in seq order) inside the
    caller's write transaction. `audit_action` names the entries otherwise than by the
    revision's number (a revision taken back from HQ is "recover")."""
    for r in revisions:
        execute(
            INSERT_REVISION,
            (
                r.id,
                r.kind,
                r.record_id,
                r.revision_no,
                r.parent_id,
                r.seq,
                r.generation,
                r.officer_id,
                r.recorded_at,
                r.action,
                r.changes,
                r.payload,
                r.sha256,
            ),
        )
    audit_chain.append(
        execute,
        [
            audit_chain.revision_entry(
                at_utc=r.entered_utc,
                revision_id=r.id,
                record_kind=r.kind,
                record_id=r.record_id,
                revision_no=r.revision_no,
                parent_id=r.parent_id,
                officer_id=r.officer_id,
                recorded_at=r.recorded_at,
                action=r.action,
                changes=r.changes,
                payload_sha256=r.sha256,
                audit_action=audit_action,
            )
            for r in sorted(revisions, key=lambda r: r.seq)
        ],
    )


def payload_sha256(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def station_row(s: Session) -> Station:
    """The one station row (it numbers the revision log), inside the caller's transaction."""
    st = s.get(Station, 1)
    if st is None:
        raise errors.NotSetUpError("station not set up")
    return st


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
) -> None:
    """Any kind of record: the next seq, the whole record as canonical JSON, and its hash."""
    station.last_seq += 1
    payload = canonical_json(record)
    append_revisions(
        session_executor(session),
        [
            NewRevision(
                id=new_id(),
                kind=kind,
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
                sha256=payload_sha256(payload),
                entered_utc=utc_iso(dt.datetime.now(dt.UTC)),
            )
        ],
    )


def session_executor(session: Session) -> audit_chain.Execute:
    """Plain SQL inside the session's own transaction."""
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
) -> None:
    """The next revision of any record whose fields were just set: its number, its parent, its
    whole state (`record()`, read after the flush so defaults and links are in place)."""
    parent = None if new else latest_revision_id(session, row.id)
    if not new:
        row.revision_no += 1
    row.updated_utc = utc_iso(moment)
    session.flush()
    append_record_revision(
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
    ) -> None:
        record_change(
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
