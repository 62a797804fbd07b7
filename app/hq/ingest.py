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
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.domain.clock import utc_iso
from app.hq import audit_links
from app.hq.facts import project_facts
from app.hq.models import (
    HqAlarm,
    HqAlias,
    HqFact,
    HqGeneration,
    HqQuarantine,
    HqRecord,
    HqReminder,
    HqRevision,
    HqStation,
)
from app.hq.repeats import detect as detect_repeats
from app.hq.sql import dialect_insert
from app.sync import protocol
from app.sync.protocol import ItemResult, PushRequest, PushResponse, RevisionItem

FOREIGN_ID = "revision id held by another station"


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
    push = _Push(session, station, request)
    gen, overtaken = _open_generation(session, station, request)
    if request.rewind is not None:
        _hq_behind_alarm(session, station, request, push.now_text)
    items = _classify(request)
    held = _Held.look_up(session, station.id, request.generation, gen, items)
    for c in items:
        push.answer(c, held)
    stored_rows = push.store_candidates()
    if push.candidates and max(c.seq for c in push.candidates) > gen.high_seq:
        _check_split(session, station, request.generation, push.now_text)
    if stored_rows:
        newest = _project_records(session, station, stored_rows, push.now_text)
        project_facts(session, station.id, newest)
        _rebuild_sheets(session, station, newest)
        replayed = request.rewind.replay_through if request.rewind else 0
        # revisions HQ had processed before it lost them: their sheets went out then
        detect_repeats(session, station, [r for r in newest if r["seq"] > replayed], push.now)
    if stored_rows and request.computer:
        gen.computer = request.computer
    if (request.split or overtaken) and not gen.refused:
        _refuse(session, station, [gen], push.now_text)  # after this push's records are in
    push.write_aside()
    return push.respond(gen)


def _open_generation(
    session: Session, station: HqStation, request: PushRequest
) -> tuple[HqGeneration, bool]:
    """The push's generation, locked; a new one is made, and `overtaken` says whether an
    older generation already went on past its base (the station was restored and numbered
    again)."""
    gen = session.get(HqGeneration, (station.id, request.generation), with_for_update=True)
    overtaken = False
    if gen is None:
        overtaken = _older_went_on(session, station, request.generation, request.generation_base)
        gen = HqGeneration(
            station_id=station.id,
            generation=request.generation,
            base_seq=request.generation_base,
            acknowledged_seq=request.generation_base - 1,
            # a generation row lost while its revisions stayed: what is held still counts
            high_seq=_held_high(session, station.id, request.generation),
        )
        session.add(gen)
        session.flush()
    return gen, overtaken


def _classify(request: PushRequest) -> list[Classified]:
    """Each item checked against the protocol; an unreadable one keeps its reason."""
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
            items.append(
                Classified(envelope.seq, None, envelope.revision, protocol.scrub(str(exc))[:200])
            )
    return items


@dataclass
class _Held:
    """What HQ already holds at the batch's seqs: revisions by seq, seqs held under another
    key, seqs quarantined, and which of those hold another station's revision id."""

    at_key: dict[int, Any] = field(default_factory=dict)
    aliased_at: set[int] = field(default_factory=set)
    quarantined_at: set[int] = field(default_factory=set)
    foreign_at: set[int] = field(default_factory=set)

    @classmethod
    def look_up(
        cls,
        session: Session,
        station_id: int,
        generation: int,
        gen: HqGeneration,
        items: list[Classified],
    ) -> _Held:
        held = cls()
        seqs = {c.seq for c in items}
        lo, hi = (min(seqs), max(seqs)) if seqs else (0, -1)
        if lo > gen.high_seq:  # nothing at or beyond this batch was received before
            return held
        # Ranges, not IN-lists: a batch is a run of seqs, and a range always uses the index.
        held.at_key = {
            row.seq: row
            for row in session.execute(
                select(HqRevision.seq, HqRevision.id, HqRevision.sha256).where(
                    HqRevision.station_id == station_id,
                    HqRevision.generation == generation,
                    HqRevision.seq.between(lo, hi),
                )
            )
            if row.seq in seqs
        }
        for table, found in ((HqAlias, held.aliased_at), (HqQuarantine, held.quarantined_at)):
            found.update(
                seq
                for seq in session.scalars(
                    select(table.seq).where(
                        table.station_id == station_id,
                        table.generation == generation,
                        table.seq.between(lo, hi),
                    )
                )
                if seq in seqs
            )
        if held.quarantined_at:
            held.foreign_at = set(
                session.scalars(
                    select(HqQuarantine.seq).where(
                        HqQuarantine.station_id == station_id,
                        HqQuarantine.generation == generation,
                        HqQuarantine.seq.in_(held.quarantined_at),
                        HqQuarantine.reason == FOREIGN_ID,
                    )
                )
            )
        return held


class _Push:
    """One push being answered: the answer for each seq in the order sent, the revisions to
    store, and what is set aside (quarantine, alarms, aliases) until the records are in."""

    def __init__(self, session: Session, station: HqStation, request: PushRequest) -> None:
        self.session = session
        self.station = station
        self.request = request
        self.now = dt.datetime.now(dt.UTC)
        self.now_text = utc_iso(self.now)
        self.results: dict[int, ItemResult] = {}
        self.order: list[int] = []
        self.candidates: list[RevisionItem] = []
        self.new_quarantine: list[dict[str, Any]] = []
        self.alarms: list[dict[str, Any]] = []
        self.aliases: list[dict[str, Any]] = []

    def quarantine(self, seq: int, raw: str, reason: str) -> None:
        self.new_quarantine.append(
            {
                "station_id": self.station.id,
                "generation": self.request.generation,
                "seq": seq,
                "raw": raw,
                "reason": reason,
                "received_utc": self.now_text,
            }
        )

    def answer(self, c: Classified, held: _Held) -> None:
        """Classify one item against what is held; a new revision becomes a candidate."""
        results = self.results
        if c.seq in results:  # the same seq twice in one batch
            return
        self.order.append(c.seq)
        if c.seq in held.aliased_at:
            results[c.seq] = ItemResult(
                seq=c.seq, status="duplicate", reason="held under another key"
            )
            return
        if c.seq in held.quarantined_at:
            results[c.seq] = (
                ItemResult(seq=c.seq, status="duplicate")  # answered as it was the first time
                if c.seq in held.foreign_at
                else ItemResult(seq=c.seq, status="quarantined", reason="already quarantined")
            )
            return
        at_key = held.at_key.get(c.seq)
        if c.item is None:
            if at_key is not None:
                results[c.seq] = ItemResult(seq=c.seq, status="conflict", reason="seq already used")
                return
            self.quarantine(c.seq, _verbatim(c.raw), c.reason)
            results[c.seq] = ItemResult(seq=c.seq, status="quarantined", reason=c.reason)
            return
        if at_key is not None:
            if at_key.id != c.item.revision_id:
                results[c.seq] = ItemResult(
                    seq=c.seq, status="conflict", reason="another revision holds this seq"
                )
            elif at_key.sha256 == c.item.sha256:
                results[c.seq] = ItemResult(seq=c.seq, status="duplicate")
            else:
                self.alarms.append(_alarm(self.station.id, c.item, at_key.sha256, self.now_text))
                results[c.seq] = ItemResult(
                    seq=c.seq, status="mismatch", reason="content differs from what HQ holds"
                )
            return
        self.candidates.append(c.item)
        results[c.seq] = ItemResult(seq=c.seq, status="stored")

    def store_candidates(self) -> list[dict[str, Any]]:
        """Store the new revisions; returns the rows really stored. A candidate whose revision
        id is held already is answered as a resend under another key."""
        if not self.candidates:
            return []
        stored_rows = _store_new(
            self.session, self.station, self.request.generation, self.candidates, self.now_text
        )
        stored_seqs = {row["seq"] for row in stored_rows}
        clashing = [item for item in self.candidates if item.seq not in stored_seqs]
        if clashing:  # these revision ids are held already: resent under another key
            self._answer_clashing(clashing, {row["id"] for row in stored_rows})
        return stored_rows

    def _answer_clashing(self, clashing: list[RevisionItem], first_in_batch: set[str]) -> None:
        station_id = self.station.id
        held_by_id = {
            row.id: row
            for row in self.session.execute(
                select(HqRevision.id, HqRevision.sha256, HqRevision.station_id).where(
                    HqRevision.id.in_([i.revision_id for i in clashing])
                )
            )
        }
        for item in clashing:
            other = held_by_id[item.revision_id]
            if other.station_id != station_id:
                # Another station's revision id: kept aside with an alarm for HQ, and
                # answered as any new revision is, so no answer tells a station whether
                # an id exists elsewhere.
                self.quarantine(item.seq, _verbatim(item.model_dump()), FOREIGN_ID)
                self.alarms.append(_foreign_id_alarm(station_id, item, self.now_text))
                self.results[item.seq] = ItemResult(seq=item.seq, status="stored")
                continue
            self.aliases.append(
                {
                    "station_id": station_id,
                    "generation": self.request.generation,
                    "seq": item.seq,
                    "revision_id": item.revision_id,
                    "received_utc": self.now_text,
                }
            )
            if other.sha256 == item.sha256 and other.station_id == station_id:
                reason = "sent twice in this batch" if item.revision_id in first_in_batch else ""
                self.results[item.seq] = ItemResult(seq=item.seq, status="duplicate", reason=reason)
            else:
                self.alarms.append(_alarm(station_id, item, other.sha256, self.now_text))
                self.results[item.seq] = ItemResult(
                    seq=item.seq, status="mismatch", reason="content differs from what HQ holds"
                )

    def write_aside(self) -> None:
        """The quarantined items, alarms and aliases, written after the records are in."""
        if self.new_quarantine:
            self.session.execute(insert(HqQuarantine), self.new_quarantine)
        if self.alarms:
            self.session.execute(insert(HqAlarm), self.alarms)
        if self.aliases:
            self.session.execute(insert(HqAlias), self.aliases)

    def respond(self, gen: HqGeneration) -> PushResponse:
        """Move the generation's marks, note the station's contact and clock, follow its audit
        chain, and answer."""
        session, station, request, now = self.session, self.station, self.request, self.now
        held_now = {seq for seq, result in self.results.items() if result.status != "conflict"}
        gen.high_seq = max([gen.high_seq, *held_now])
        gen.acknowledged_seq = _contiguous(session, station.id, gen, held_now)
        station_time = _parse_station_time(request.station_time)
        skew = (station_time - now).total_seconds() if station_time else 0.0
        station.last_contact_utc = self.now_text
        station.clock_skew_seconds = skew
        audit_state = audit_links.follow(
            session, station, request.audit, request.generation, self.now_text
        )
        return PushResponse(
            generation=request.generation,
            acknowledged_seq=gen.acknowledged_seq,
            results=[self.results[seq] for seq in self.order],
            hq_time=now.isoformat(timespec="seconds"),
            clock_skew_seconds=skew,
            audit_seq=station.audit_seq,
            audit_hash=station.audit_hash,
            audit_state=audit_state,
            refused=gen.refused,
        )


def _foreign_id_alarm(station_id: int, item: RevisionItem, now_text: str) -> dict[str, Any]:
    return {
        "station_id": station_id,
        "kind": "foreign_revision_id",
        "detail": json.dumps(
            {
                "what": f"seq {item.seq} reuses revision id {item.revision_id}, held by another "
                f"station; kept aside (hq_quarantine), answered as stored",
                "seq": item.seq,
                "revision_id": item.revision_id,
            },
            ensure_ascii=False,
        ),
        "created_utc": now_text,
    }


def _verbatim(raw: Any) -> str:
    """A quarantined item as HQ can store it: escaped JSON (a NUL or a lone surrogate stays
    readable as \\u0000, never breaks the row), or a note when it cannot even be written."""
    try:
        text = json.dumps(raw, ensure_ascii=True, default=str)
    except (ValueError, RecursionError):
        text = json.dumps({"unwritable": type(raw).__name__})
    return text[: protocol.MAX_PAYLOAD_CHARS * 2]


def _held_high(session: Session, station_id: int, generation: int) -> int:
    high = 0
    for table in (HqRevision, HqQuarantine, HqAlias):
        found = session.scalar(
            select(func.max(table.seq)).where(
                table.station_id == station_id, table.generation == generation
            )
        )
        high = max(high, found or 0)
    return high


def _hq_behind_alarm(
    session: Session, station: HqStation, request: PushRequest, now_text: str
) -> None:
    """Once per rewind (the station repeats its note until a push is answered)."""
    rewind = request.rewind
    assert rewind is not None
    detail = json.dumps(
        {
            "what": f"{station.unit_code}: station was ahead of HQ by {rewind.revisions} "
            "revisions; resent",
            "revisions": rewind.revisions,
            "hq_acknowledged": rewind.hq_acknowledged,
            "station_acknowledged": rewind.station_acknowledged,
            "generation": request.generation,
            "replay_through": rewind.replay_through,
        },
        ensure_ascii=False,
    )
    seen = session.scalar(
        select(func.count()).where(
            HqAlarm.station_id == station.id, HqAlarm.kind == "hq_behind", HqAlarm.detail == detail
        )
    )
    if not seen:
        session.add(
            HqAlarm(station_id=station.id, kind="hq_behind", detail=detail, created_utc=now_text)
        )


def _older_went_on(session: Session, station: HqStation, generation: int, base: int) -> bool:
    """A new generation starts above every seq HQ held when its desk asked. An older one that
    holds its base or beyond went on after that: the computer it belongs to still runs, and
    this new generation is a second computer's (a copy that had only followed until now)."""
    return bool(
        session.scalar(
            select(func.count()).where(
                HqGeneration.station_id == station.id,
                HqGeneration.generation < generation,
                HqGeneration.refused.is_(False),
                HqGeneration.high_seq >= base,
            )
        )
    )


def _check_split(session: Session, station: HqStation, generation: int, now_text: str) -> None:
    """New work under a generation that a newer one of the same station has replaced: a second
    computer runs with this station's identity (the newer one was started by a copy of the
    data folder, or by a backup restored while this computer kept running). The newer
    generations are refused from now on and their records' current state goes back to this
    computer's; every revision either side sent stays held."""
    newer = session.scalars(
        select(HqGeneration).where(
            HqGeneration.station_id == station.id,
            HqGeneration.generation > generation,
            HqGeneration.refused.is_(False),
        )
    ).all()
    if newer:
        _refuse(session, station, list(newer), now_text)


def _refuse(session: Session, station: HqStation, gens: list[HqGeneration], now_text: str) -> None:
    for row in gens:
        row.refused = True
    refused = [row.generation for row in gens]
    generation = (
        session.scalar(
            select(func.max(HqGeneration.generation)).where(
                HqGeneration.station_id == station.id,
                HqGeneration.generation < min(refused),
                HqGeneration.refused.is_(False),
            )
        )
        or 0
    )
    session.add(
        HqAlarm(
            station_id=station.id,
            kind="split",
            detail=json.dumps(
                {
                    "what": f"{station.unit_code}: two computers use this station's identity; "
                    f"generation {generation} kept, generation(s) "
                    f"{', '.join(map(str, refused))} refused",
                    "kept": generation,
                    "refused": refused,
                },
                ensure_ascii=False,
            ),
            created_utc=now_text,
        )
    )
    session.flush()
    _reproject_without(session, station, refused, now_text)


def _reproject_without(
    session: Session, station: HqStation, refused: list[int], now_text: str
) -> None:
    """Records the refused computer changed: the newest revision from the kept side is the
    current state again (records only the refused side has keep their own newest)."""
    touched = set(
        session.scalars(
            select(HqRevision.record_id).where(
                HqRevision.station_id == station.id, HqRevision.generation.in_(refused)
            )
        )
    )
    for record_id in touched:
        revisions = session.execute(
            select(HqRevision).where(
                HqRevision.station_id == station.id, HqRevision.record_id == record_id
            )
        ).scalars()
        kept = [r for r in revisions if r.generation not in refused]
        if not kept:
            continue
        best = max(kept, key=lambda r: (r.revision_no, r.generation, r.seq))
        row = session.get(HqRecord, (station.id, record_id))
        if row is None:
            continue
        row.revision_no = best.revision_no
        row.revision_id = best.id
        row.payload = best.payload
        row.sha256 = best.sha256
        row.updated_utc = now_text
        session.execute(
            delete(HqFact).where(HqFact.station_id == station.id, HqFact.record_id == record_id)
        )
        project_facts(session, station.id, [_row_of(best)])


def _row_of(revision: HqRevision) -> dict[str, Any]:
    return {
        "id": revision.id,
        "seq": revision.seq,
        "record_id": revision.record_id,
        "record_kind": revision.record_kind,
        "revision_no": revision.revision_no,
        "payload": revision.payload,
        "sha256": revision.sha256,
    }


def _rebuild_sheets(session: Session, station: HqStation, newest: list[dict[str, Any]]) -> None:
    """A reminder sheet the command centre issued that HQ lost in a restore comes back from the
    station's own copy of it (the station answers every sheet as a record of its own)."""
    sheets = [r for r in newest if r["record_kind"] == "reminder_sheet"]
    if not sheets:
        return
    held = set(
        session.scalars(
            select(HqReminder.id).where(HqReminder.id.in_([r["record_id"] for r in sheets]))
        )
    )
    for row in sheets:
        if row["record_id"] in held:
            continue
        try:
            sheet = json.loads(row["payload"])
            if sheet.get("origin") != "hq":
                continue
            original = {
                "id": row["record_id"],
                "code": str(sheet["code"]),
                "issuing_unit": sheet.get("issuing_unit", ""),
                "rule_id": sheet.get("rule_id", ""),
                "rule_label": sheet.get("rule_label", ""),
                "key_kind": str(sheet["key_kind"]),
                "key_value": str(sheet["key_value"]),
                "deadline": str(sheet["deadline"]),
                "reports": sheet.get("reports", []),
            }
        except (KeyError, TypeError, ValueError):
            continue
        session.execute(
            dialect_insert(session, HqReminder.__table__).on_conflict_do_nothing(),
            {
                "id": original["id"],
                "code": original["code"],
                "station_id": station.id,
                "key_kind": original["key_kind"],
                "key_value": original["key_value"],
                "deadline": original["deadline"],
                "payload": json.dumps(original, ensure_ascii=False),
                "created_utc": str(sheet.get("created_utc") or row.get("received_utc") or ""),
                "status": "issued",  # the station holds it: it was sent
            },
        )


def _row(station_id: int, generation: int, item: RevisionItem, now_text: str) -> dict[str, Any]:
    return {
        "id": item.revision_id,
        "station_id": station_id,
        "generation": generation,
        "seq": item.seq,
        "record_id": item.record_id,
        "record_kind": item.record_kind,
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


def _store_new(
    session: Session,
    station: HqStation,
    generation: int,
    candidates: list[RevisionItem],
    now_text: str,
) -> list[dict[str, Any]]:
    """Insert revisions whose key is free; a revision id HQ already holds is skipped (ON
    CONFLICT), never an error. Returns the rows really stored: one index range read shows
    which keys got their row, so the usual all-new batch costs a single extra query."""
    rows = [_row(station.id, generation, item, now_text) for item in candidates]
    big = len(rows) >= COPY_FROM_ROWS and session.get_bind().dialect.name == "postgresql"
    if big and _copy_rows(session, rows):
        return rows  # COPY is all or nothing: every row landed
    session.execute(
        dialect_insert(session, HqRevision.__table__).on_conflict_do_nothing(index_elements=["id"]),
        rows,
    )
    seqs = [row["seq"] for row in rows]
    landed = {
        (seq, rev_id)
        for seq, rev_id in session.execute(
            select(HqRevision.seq, HqRevision.id).where(
                HqRevision.station_id == station.id,
                HqRevision.generation == generation,
                HqRevision.seq.between(min(seqs), max(seqs)),
            )
        )
    }
    return [row for row in rows if (row["seq"], row["id"]) in landed]


COPY_FROM_ROWS = 100  # below this a pipelined INSERT is cheaper than COPY and its savepoint
_COLUMNS = (
    "id",
    "station_id",
    "generation",
    "seq",
    "record_id",
    "record_kind",
    "revision_no",
    "parent_id",
    "recorded_at",
    "action",
    "officer_badge",
    "changes",
    "payload",
    "sha256",
    "received_utc",
)


def _copy_rows(session: Session, rows: list[dict[str, Any]]) -> bool:
    """PostgreSQL COPY, the fast path for a batch of new revisions (a catch-up is almost all
    of those). Inside a savepoint: if any id is already held, nothing of it stays and the
    caller takes the row-by-row ON CONFLICT path instead. Returns whether it worked."""
    import psycopg

    connection = session.connection()
    savepoint = connection.begin_nested()
    raw: Any = connection.connection.driver_connection
    statement = f"COPY hq_revision ({', '.join(_COLUMNS)}) FROM STDIN"
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[c] for c in _COLUMNS])
    except psycopg.errors.UniqueViolation:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def _upsert_newer(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert each record, or replace it when this revision number is higher."""
    stmt = dialect_insert(session, HqRecord.__table__)
    fields = ("revision_no", "revision_id", "payload", "sha256", "updated_utc")
    stmt = stmt.on_conflict_do_update(
        index_elements=["station_id", "id"],
        set_={f: getattr(stmt.excluded, f) for f in fields},
        where=HqRecord.revision_no < stmt.excluded.revision_no,
    )
    session.execute(stmt, rows)


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
) -> list[dict[str, Any]]:
    """Keep each record's newest revision as HQ's current state (highest revision number);
    returns those newest rows, which the figures and the repeat detection read."""
    newest: dict[str, dict[str, Any]] = {}
    for row in rows:
        held = newest.get(row["record_id"])
        if held is None or row["revision_no"] > held["revision_no"]:
            newest[row["record_id"]] = row
    _upsert_newer(
        session,
        [
            {
                "station_id": station.id,
                "id": record_id,
                "kind": row["record_kind"],
                "revision_no": row["revision_no"],
                "revision_id": row["id"],
                "payload": row["payload"],
                "sha256": row["sha256"],
                "updated_utc": now_text,
            }
            for record_id, row in newest.items()
        ],
    )
    return list(newest.values())


def _contiguous(session: Session, station_id: int, gen: HqGeneration, held_now: set[int]) -> int:
    """The highest seq up to which HQ holds every key of this generation (stored, quarantined
    or aliased). Usually the batch itself continues the run; the tables are read only when
    something beyond it was received earlier (a resend after a lost answer)."""
    acked = gen.acknowledged_seq
    while acked + 1 in held_now:
        acked += 1
    if acked >= gen.high_seq:
        return acked
    window = 5000
    while True:
        present: set[int] = set()
        for table in (HqRevision, HqQuarantine, HqAlias):
            present.update(
                session.scalars(
                    select(table.seq).where(
                        table.station_id == station_id,
                        table.generation == gen.generation,
                        table.seq > acked,
                        table.seq <= acked + window,
                    )
                )
            )
        start = acked
        while acked + 1 in present:
            acked += 1
        if acked - start < window:
            return acked
