"""Taking in a station's push: exactly once, never overwritten, committed before answering.

One transaction per push, serialised per station by a row lock on the station (on SQLite the
single writer does the same). Each item is classified against the two permanent keys:

- not seen before                      -> stored
- same key, same revision, same hash   -> duplicate (a resend: fine, also months later)
- same revision id, different content  -> mismatch (alarm; what HQ holds is kept)
- same key, a different revision       -> conflict (the station was restored from an older
                                          backup and numbered again; it must start a new
                                          generation; nothing is stored)
- unreadable or inconsistent           -> quarantined (kept verbatim, acknowledged)
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.hq.models import (
    HqAlarm,
    HqGeneration,
    HqQuarantine,
    HqRecord,
    HqRevision,
    HqStation,
)
from app.services.clock import utc_iso
from app.sync import protocol
from app.sync.protocol import ItemResult, PushRequest, PushResponse, RevisionItem


@dataclass
class Classified:
    seq: int
    item: RevisionItem | None
    raw: Any
    reason: str = ""


def _parse_station_time(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def ingest_push(session: Session, station: HqStation, request: PushRequest) -> PushResponse:
    now = dt.datetime.now(dt.UTC)
    now_text = utc_iso(now)
    gen = session.get(HqGeneration, (station.id, request.generation), with_for_update=True)
    if gen is None:
        gen = HqGeneration(
            station_id=station.id,
            generation=request.generation,
            base_seq=request.generation_base,
            acknowledged_seq=request.generation_base - 1,
            high_seq=0,
        )
        session.add(gen)
        session.flush()

    items: list[Classified] = []
    for envelope in request.items:
        try:
            items.append(
                Classified(
                    envelope.seq,
                    protocol.check_revision(envelope.revision, envelope.seq),
                    envelope.revision,
                )
            )
        except ValueError as exc:
            items.append(Classified(envelope.seq, None, envelope.revision, str(exc)[:200]))

    seqs = [c.seq for c in items]
    at_key = {
        row.seq: row
        for row in session.execute(
            select(HqRevision.seq, HqRevision.id, HqRevision.sha256).where(
                HqRevision.station_id == station.id,
                HqRevision.generation == request.generation,
                HqRevision.seq.in_(seqs),
            )
        )
    }
    quarantined_at = set(
        session.scalars(
            select(HqQuarantine.seq).where(
                HqQuarantine.station_id == station.id,
                HqQuarantine.generation == request.generation,
                HqQuarantine.seq.in_(seqs),
            )
        )
    )
    ids = [c.item.revision_id for c in items if c.item is not None]
    by_id: dict[str, _Held] = {
        row.id: _Held(row.sha256, row.station_id)
        for row in session.execute(
            select(HqRevision.id, HqRevision.sha256, HqRevision.station_id).where(
                HqRevision.id.in_(ids)
            )
        )
    }

    results: list[ItemResult] = []
    new_rows: list[dict[str, Any]] = []
    new_quarantine: list[dict[str, Any]] = []
    alarms: list[dict[str, Any]] = []
    seen_in_batch: set[int] = set()
    for c in items:
        if c.seq in seen_in_batch:
            results.append(ItemResult(seq=c.seq, status="duplicate", reason="repeated in batch"))
            continue
        seen_in_batch.add(c.seq)
        if c.seq in quarantined_at:
            results.append(
                ItemResult(seq=c.seq, status="quarantined", reason="already quarantined")
            )
            continue
        held = at_key.get(c.seq)
        if c.item is None:
            if held is not None:
                results.append(ItemResult(seq=c.seq, status="conflict", reason="seq already used"))
                continue
            new_quarantine.append(
                {
                    "station_id": station.id,
                    "generation": request.generation,
                    "seq": c.seq,
                    "raw": json.dumps(c.raw, ensure_ascii=False, default=str)[
                        : protocol.MAX_PAYLOAD_CHARS * 2
                    ],
                    "reason": c.reason,
                    "received_utc": now_text,
                }
            )
            results.append(ItemResult(seq=c.seq, status="quarantined", reason=c.reason))
            continue
        item = c.item
        same_id = by_id.get(item.revision_id)
        if same_id is not None:
            if same_id.sha256 == item.sha256 and same_id.station_id == station.id:
                results.append(ItemResult(seq=c.seq, status="duplicate"))
            else:
                alarms.append(_alarm(station.id, item, same_id.sha256, now_text))
                results.append(
                    ItemResult(
                        seq=c.seq, status="mismatch", reason="content differs from what HQ holds"
                    )
                )
            continue
        if held is not None:
            results.append(
                ItemResult(seq=c.seq, status="conflict", reason="another revision holds this seq")
            )
            continue
        new_rows.append(
            {
                "id": item.revision_id,
                "station_id": station.id,
                "generation": request.generation,
                "seq": item.seq,
                "record_id": item.record_id,
                "revision_no": item.revision_no,
                "parent_id": item.parent_id,
                "recorded_at": item.recorded_at,
                "action": item.action,
                "officer_badge": item.officer_badge,
                "changes": item.changes,
                "payload": item.payload,
                "sha256": item.sha256,
                "received_utc": now_text,
            }
        )
        by_id[item.revision_id] = _Held(item.sha256, station.id)
        results.append(ItemResult(seq=c.seq, status="stored"))

    if new_rows:
        session.execute(insert(HqRevision), new_rows)
        _project_records(session, station, new_rows, now_text)
    if new_quarantine:
        session.execute(insert(HqQuarantine), new_quarantine)
    if alarms:
        session.execute(insert(HqAlarm), alarms)

    gen.high_seq = max(
        [gen.high_seq, *(r["seq"] for r in new_rows), *(q["seq"] for q in new_quarantine)]
    )
    gen.acknowledged_seq = _contiguous(session, station.id, gen)
    station_time = _parse_station_time(request.station_time)
    skew = (station_time - now).total_seconds() if station_time else 0.0
    station.last_contact_utc = now_text
    station.clock_skew_seconds = skew
    return PushResponse(
        generation=request.generation,
        acknowledged_seq=gen.acknowledged_seq,
        results=results,
        hq_time=now.isoformat(timespec="seconds"),
        clock_skew_seconds=skew,
    )


@dataclass
class _Held:
    sha256: str
    station_id: int


def _alarm(station_id: int, item: RevisionItem, held_sha: str, now_text: str) -> dict[str, Any]:
    return {
        "station_id": station_id,
        "kind": "mismatch",
        "detail": json.dumps(
            {
                "revision_id": item.revision_id,
                "seq": item.seq,
                "held": held_sha,
                "sent": item.sha256,
            }
        ),
        "created_utc": now_text,
    }


def _project_records(
    session: Session, station: HqStation, rows: list[dict[str, Any]], now_text: str
) -> None:
    """Keep each record's newest revision as HQ's current state (highest revision number)."""
    newest: dict[str, dict[str, Any]] = {}
    for row in rows:
        held = newest.get(row["record_id"])
        if held is None or row["revision_no"] > held["revision_no"]:
            newest[row["record_id"]] = row
    existing = {
        r.id: r.revision_no
        for r in session.execute(
            select(HqRecord.id, HqRecord.revision_no).where(
                HqRecord.station_id == station.id, HqRecord.id.in_(list(newest))
            )
        )
    }
    inserts = []
    for record_id, row in newest.items():
        values = {
            "revision_no": row["revision_no"],
            "revision_id": row["id"],
            "payload": row["payload"],
            "sha256": row["sha256"],
            "updated_utc": now_text,
        }
        if record_id not in existing:
            inserts.append({"id": record_id, "station_id": station.id, **values})
        elif row["revision_no"] > existing[record_id]:
            session.execute(
                update(HqRecord)
                .where(HqRecord.station_id == station.id, HqRecord.id == record_id)
                .values(**values)
            )
    if inserts:
        session.execute(insert(HqRecord), inserts)
        station.record_count += len(inserts)


def _contiguous(session: Session, station_id: int, gen: HqGeneration) -> int:
    """The highest seq below which HQ holds every item of this generation (stored or quarantined)."""
    acked = gen.acknowledged_seq
    while True:
        window = 5000
        present = set(
            session.scalars(
                select(HqRevision.seq).where(
                    HqRevision.station_id == station_id,
                    HqRevision.generation == gen.generation,
                    HqRevision.seq > acked,
                    HqRevision.seq <= acked + window,
                )
            )
        )
        present |= set(
            session.scalars(
                select(HqQuarantine.seq).where(
                    HqQuarantine.station_id == station_id,
                    HqQuarantine.generation == gen.generation,
                    HqQuarantine.seq > acked,
                    HqQuarantine.seq <= acked + window,
                )
            )
        )
        start = acked
        while acked + 1 in present:
            acked += 1
        if acked - start < window:
            return acked
