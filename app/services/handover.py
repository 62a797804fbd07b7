"""Shift handover (交接班): the outgoing officer writes what the next shift must know, the desk
lists what is left open (unfinished receipts, visits due by today), and the incoming officer
signs in and acknowledges it. The handover is a record like any other: a revision each time,
synced, printed as a sheet for the duty book."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import Handover, Officer
from app.db.revisions import Tracked, station_row
from app.domain.clock import now_local, utc_iso
from app.domain.validation import FieldError, clean_text
from app.domain.visit_policy import local_day
from app.ids import new_id
from app.services import receiving, visit_queries
from app.services.station import OfficerInfo, require

HANDOVER_FIELDS = (
    "id",
    "from_officer_id",
    "shift_start",
    "written_at",
    "note",
    "receipts",
    "visits",
    "to_officer_id",
    "acknowledged_at",
    "acknowledgement",
)


def _snapshot(handover: Handover) -> dict[str, Any]:
    return {name: getattr(handover, name) for name in HANDOVER_FIELDS}


HANDOVERS = Tracked("handover", lambda _s, handover: _snapshot(handover))


@dataclass(frozen=True)
class OpenWork:
    """What the next shift inherits: receipts not completed and visits due by today."""

    receipts: list[dict[str, str]]
    visits: list[dict[str, str]]


def open_work(store: Store, today: dt.date | None = None) -> OpenWork:
    day = today or local_day(now_local())
    receipts = [
        {"serial": r.serial, "officer": r.officer_name, "reason": r.unfinished_reason}
        for r in receiving.unfinished_receipts(store)
    ]
    queue = visit_queries.queue(store, visit_queries.QueueFilter(), today=day)
    visits = [
        {
            "code": v.code,
            "due": v.due_date,
            "person": v.person_name,
            "officer": v.officer_name,
            "serial": v.serial,
        }
        for v in (*queue.overdue, *queue.due_today)
    ]
    return OpenWork(receipts, visits)


def _note(field: str, text: str, *, required: bool) -> str:
    try:
        cleaned = clean_text("summary", text, multiline=True)
    except FieldError as exc:
        raise errors.ValidationFailed({field: exc.code}) from None
    if required and not cleaned:
        raise errors.ValidationFailed({field: "required"})
    return cleaned


def hand_over(store: Store, officer: OfficerInfo, note: str, shift_start: dt.datetime) -> str:
    """The outgoing officer's handover, with the open work as it stands now; returns its id."""
    require(officer, "receive")
    text = _note("note", note, required=True)
    work = open_work(store)
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        handover = Handover(
            id=new_id(),
            from_officer_id=officer.id,
            shift_start=shift_start.astimezone().isoformat(timespec="minutes"),
            written_at=moment.isoformat(timespec="seconds"),
            note=text,
            receipts=json.dumps(work.receipts, ensure_ascii=False),
            visits=json.dumps(work.visits, ensure_ascii=False),
            to_officer_id=None,
            acknowledged_at="",
            acknowledgement="",
            revision_no=1,
            created_utc=utc_iso(moment),
            updated_utc=utc_iso(moment),
        )
        s.add(handover)
        s.flush()
        HANDOVERS.record(s, st, handover, officer.id, "hand_over", {}, moment, new=True)
        return handover.id


def acknowledge(store: Store, officer: OfficerInfo, handover_id: str, note: str = "") -> None:
    """The incoming officer takes the shift over; never the one who handed it over."""
    require(officer, "receive")
    text = _note("acknowledgement", note, required=False)
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        handover = s.get(Handover, handover_id)
        if handover is None:
            raise errors.NotFoundError(handover_id)
        if handover.acknowledged_at:
            raise errors.InvalidTransitionError("acknowledged", target="acknowledge")
        if handover.from_officer_id == officer.id:
            raise errors.InvalidTransitionError("own_handover", target="acknowledge")
        HANDOVERS.update(
            s,
            st,
            handover,
            officer.id,
            "acknowledge",
            {
                "to_officer_id": officer.id,
                "acknowledged_at": moment.isoformat(timespec="seconds"),
                "acknowledgement": text,
            },
            moment,
        )


@dataclass(frozen=True)
class HandoverView:
    id: str
    from_name: str
    from_officer_id: str
    shift_start: str
    written_at: str
    note: str
    receipts: list[dict[str, str]]
    visits: list[dict[str, str]]
    to_name: str
    acknowledged_at: str
    acknowledgement: str


def _view(s: Session, h: Handover) -> HandoverView:
    names = {i: n for i, n in s.execute(select(Officer.id, Officer.name))}
    return HandoverView(
        id=h.id,
        from_name=names.get(h.from_officer_id, ""),
        from_officer_id=h.from_officer_id,
        shift_start=h.shift_start,
        written_at=h.written_at,
        note=h.note,
        receipts=json.loads(h.receipts or "[]"),
        visits=json.loads(h.visits or "[]"),
        to_name=names.get(h.to_officer_id or "", ""),
        acknowledged_at=h.acknowledged_at,
        acknowledgement=h.acknowledgement,
    )


def waiting_for(store: Store, officer: OfficerInfo) -> HandoverView | None:
    """The newest handover nobody has acknowledged yet, if someone else wrote it: what the
    officer signing in is asked to take over."""
    with store.read() as s:
        handover = s.scalars(
            select(Handover)
            .where(Handover.acknowledged_at == "", Handover.from_officer_id != officer.id)
            .order_by(Handover.written_at.desc())
            .limit(1)
        ).first()
        return _view(s, handover) if handover is not None else None


def get(store: Store, handover_id: str) -> HandoverView:
    with store.read() as s:
        handover = s.get(Handover, handover_id)
        if handover is None:
            raise errors.NotFoundError(handover_id)
        return _view(s, handover)
