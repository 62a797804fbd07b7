"""The station's side of sync inside its own database: outbox, watermark, generations.

The revision log is the outbox: a revision is pending while its seq is above the watermark HQ
acknowledged. Every function here runs inside a caller's write or read session, so a change to
the watermark and the data it describes always commit together.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from app.db import audit_chain
from app.db.models import (
    CarePerson,
    CaseAction,
    CaseFile,
    CaseReport,
    Handover,
    HqInstruction,
    Officer,
    ReminderSheet,
    Report,
    ReportReview,
    Revision,
    SerialCounter,
    Station,
    SyncRejection,
    SyncState,
    Visit,
    WarningLetter,
)
from app.db.revisions import (
    NewRevision,
    Tracked,
    append_revisions,
    commit_report_change,
    reindex,
    session_executor,
    station_row,
)
from app.domain import hash_chain
from app.domain.addresses import normalise_address
from app.domain.clock import now_local, utc_iso
from app.domain.report_fields import JSON_LIST_FIELDS, RECORD_FIELDS

if TYPE_CHECKING:
    from app.sync import protocol


def state_row(s: Session) -> SyncState:
    state = s.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1)
        s.add(state)
        s.flush()
    return state


def pending_count(st: Station) -> int:
    """Seqs are gap-free, so this is exact and costs nothing even on a million-report desk."""
    return st.last_seq - st.acked_seq


def pending_batch(
    s: Session, st: Station, limit: int, *, after: int | None = None
) -> list[dict[str, Any]]:
    """Pending revisions in seq order, from the watermark or from `after` (a pipelined push
    reads the next batch while the previous one is still on its way)."""
    rows = s.execute(
        select(
            Revision.seq,
            Revision.id,
            Revision.record_id,
            Revision.revision_no,
            Revision.parent_id,
            Revision.recorded_at,
            Revision.action,
            Officer.badge,
            Revision.changes,
            Revision.payload,
            Revision.sha256,
            Revision.record_kind,
        )
        .join(Officer, Officer.id == Revision.officer_id)
        .where(Revision.seq > (st.acked_seq if after is None else after))
        .order_by(Revision.seq)
        .limit(limit)
    ).all()
    # Plain dicts in the wire shape of a RevisionItem: these are our own well-formed rows
    # (HQ validates every item it receives), and building models for a catch-up of 100,000
    # revisions cost more than sending them.
    from app.sync.protocol import RevisionItem

    keys = tuple(RevisionItem.model_fields)  # the columns above are selected in this order
    return [dict(zip(keys, row, strict=True)) for row in rows]


MISSING_HASH = "f" * 64  # the station has no entry where HQ left off: it was removed


def audit_links(s: Session, after: int) -> dict[str, Any]:
    """The audit chain since entry `after` (where HQ left off) in the AuditLinks shape: the
    hash of that entry, the digests of the entries since, and the new head."""
    from app.sync.protocol import MAX_AUDIT_LINKS

    base_hash = (
        hash_chain.GENESIS
        if after == 0
        else s.execute(text("SELECT hash FROM audit WHERE seq = :n"), {"n": after}).scalar()
        or MISSING_HASH
    )
    body = audit_chain.joined_sql(audit_chain.COLUMNS)
    rows = (
        s.execute(
            text(f"SELECT {body}, hash FROM audit WHERE seq > :n ORDER BY seq LIMIT :limit"),
            {"n": after, "limit": MAX_AUDIT_LINKS},
        ).all()
        if base_hash != MISSING_HASH
        else []
    )
    digests = [hashlib.sha256(row[0].encode("utf-8")).hexdigest() for row in rows]
    return {
        "base_seq": after,
        "base_hash": base_hash,
        "digests": digests,
        "head_hash": rows[-1][1] if rows else base_hash,
    }


def record_answer(
    s: Session, st: Station, sent: list[dict[str, Any]], answer: protocol.PushResponse
) -> None:
    """Move the watermarks and mirror what HQ would not take; conflicts are handled apart.
    HQ's audit position is taken as it comes: after a resync the next push starts there, and
    if this station's entry at that place was changed or removed, HQ sees it."""
    top = answer.acknowledged_seq
    taken = [r.seq for r in answer.results if r.status == "conflict"]
    if taken:
        # HQ's watermark counts the revisions it holds at those numbers, which are another
        # computer's (or another life's), never this desk's: they stay unacknowledged, so a
        # run stopped before its new generation sends them again
        top = min(top, min(taken) - 1)
    if answer.generation == st.generation and top > st.acked_seq:
        st.acked_seq = min(top, st.last_seq)
    state = state_row(s)
    if state.hq_behind and st.acked_seq >= json.loads(state.hq_behind)["replay_through"]:
        state.hq_behind = ""  # HQ has taken the resend (and raised its alarm with the first)
    st.audit_acked_seq = answer.audit_seq
    by_seq = {item["seq"]: item for item in sent}
    now = utc_iso(dt.datetime.now(dt.UTC))
    for result in answer.results:
        if result.status in ("quarantined", "mismatch") and result.seq in by_seq:
            known = s.scalar(
                select(func.count()).where(
                    SyncRejection.seq == result.seq, SyncRejection.generation == st.generation
                )
            )
            if not known:
                s.add(
                    SyncRejection(
                        seq=result.seq,
                        generation=st.generation,
                        revision_id=by_seq[result.seq]["revision_id"],
                        status=result.status,
                        reason=result.reason,
                        recorded_utc=now,
                    )
                )


def start_new_generation(
    s: Session, st: Station, hq_high_seq: int, new_generation: int
) -> tuple[int, int]:
    """The station was restored from an older backup: HQ already holds seqs it is reusing.

    Everything not yet acknowledged moves, in order, to a fresh generation numbered above
    anything HQ or this station has used, so no key ever collides. Revision ids and contents
    are untouched; HQ recognises any it already holds by id. Returns (old generation, old
    watermark) for recovering what the station lost.
    """
    old_generation, old_acked = st.generation, st.acked_seq
    base = max(hq_high_seq, st.last_seq) + 1
    moving = s.scalars(
        select(Revision.id).where(Revision.seq > old_acked).order_by(Revision.seq)
    ).all()
    # Two steps so the unique seq never collides half-way: park far above, then place.
    park = base + len(moving) + 1_000_000
    for offset, rev_id in enumerate(moving):
        s.execute(update(Revision).where(Revision.id == rev_id).values(seq=park + offset))
    for offset, rev_id in enumerate(moving):
        s.execute(
            update(Revision)
            .where(Revision.id == rev_id)
            .values(seq=base + offset, generation=new_generation)
        )
    st.generation = new_generation
    st.generation_base = base
    st.acked_seq = base - 1
    st.last_seq = base - 1 + len(moving)
    return old_generation, old_acked


@dataclass
class Restart:
    """A new generation's unfinished business, kept in SyncState.restart (JSON)."""

    generation: int = 0  # the generation left: take back from it on (0: taken back already)
    after: int = 0  # ... above its old watermark
    resume_generation: int = 0  # where the pages done so far reached
    resume_after: int = 0
    renumbered: dict[str, str] = field(default_factory=dict)  # {report id: serial it had}
    # {"case_file/<id>": {"number": 1}}: other records given another number while taken back
    renumbered_records: dict[str, dict[str, Any]] = field(default_factory=dict)
    split: bool = False  # HQ is to be told with the next push: another computer took the seqs


def note_restart(s: Session, old_generation: int, old_acked: int, split: bool) -> None:
    """Written in the transaction that starts the new generation."""
    save_restart(s, Restart(old_generation, old_acked, old_generation, old_acked, split=split))


def pending_restart(s: Session) -> Restart | None:
    raw = state_row(s).restart
    if not raw:
        return None
    try:
        return Restart(**json.loads(raw))
    except (ValueError, TypeError):
        # unreadable: take back from the start (what is held already is skipped by id)
        return Restart(generation=1)


def save_restart(s: Session, restart: Restart) -> None:
    state_row(s).restart = json.dumps(asdict(restart), ensure_ascii=False)


def finish_restart(s: Session, restart: Restart) -> None:
    """Everything is taken back; only the word to HQ about a copy may still be owed."""
    if restart.split:
        save_restart(s, Restart(split=True))
    else:
        state_row(s).restart = ""


def told_hq(s: Session) -> None:
    """A push carrying the word about a copy was answered: nothing more is owed."""
    restart = pending_restart(s)
    if restart is not None and not restart.generation:
        state_row(s).restart = ""


def apply_recovered(
    s: Session,
    items: list[protocol.RevisionItem],
    generation: int,
    renumbered: dict[str, str] | None = None,
    renumbered_records: dict[str, dict[str, Any]] | None = None,
) -> int:
    """Take back revisions HQ holds that this station lost; returns how many were new here.

    A report taken back whose serial this desk has drawn again meanwhile (received after a
    restore, before HQ was reached; or by a second computer with this identity) keeps its
    revisions but gets the next free serial here; `renumbered` collects {report id: serial it
    had}, and the caller records the change as a revision of its own, so HQ follows. Visits,
    case files, letters and sheets carry numbers drawn the same way and are treated alike
    (`renumbered_records`)."""
    have = set(
        s.scalars(select(Revision.id).where(Revision.id.in_([i.revision_id for i in items])))
    )
    added = 0
    for item in items:
        if item.revision_id in have:
            continue
        record = json.loads(item.payload)
        officer_id = _officer_for(s, item.officer_badge, record.get("officer_id"))
        if item.record_kind != "report":
            _recover_other(s, item, record, officer_id, generation, renumbered_records)
            added += 1
            continue
        report = s.get(Report, item.record_id)
        if report is None:
            report = _report_from_payload(record)
            if _serial_holder(s, report.serial) is not None:
                if renumbered is not None:
                    renumbered[report.id] = report.serial
                _next_free_serial(s, report)
            s.add(report)
            s.flush()
            _bump_serial_counter(s, report)
        forked = _make_room(s, item)
        _add_recovered(s, item, officer_id, generation)
        if forked:
            report.revision_no += 1  # the desk's own later word stays the current state
        elif item.revision_no >= report.revision_no:
            _take_serial(s, report, record["serial"], renumbered)
            _apply_payload(report, record)
            report.revision_no = item.revision_no
        s.flush()
        reindex(s, report)
        added += 1
    return added


_MODELS: dict[str, Any] = {
    "visit": Visit,
    "care_person": CarePerson,
    "case_file": CaseFile,
    "warning_letter": WarningLetter,
    "reminder_sheet": ReminderSheet,
    "handover": Handover,
    "report_review": ReportReview,
}


def _highest_plus_one(column: str) -> Callable[[Session, Any, dict[str, Any]], dict[str, Any]]:
    def next_free(s: Session, model: Any, _values: dict[str, Any]) -> dict[str, Any]:
        highest = s.scalar(select(func.max(getattr(model, column))))
        return {column: int(highest or 0) + 1}

    return next_free


def _next_letter_serial(s: Session, _model: Any, values: dict[str, Any]) -> dict[str, Any]:
    year = values["serial_year"]
    highest = s.scalar(
        select(func.max(WarningLetter.serial_no)).where(WarningLetter.serial_year == year)
    )
    number = int(highest or 0) + 1
    head = str(values.get("serial") or "").rsplit("-", 1)[0]
    return {"serial_no": number, "serial": f"{head}-{number:04d}" if head else ""}


def _next_sheet_code(s: Session, _model: Any, values: dict[str, Any]) -> dict[str, Any]:
    code, n = str(values["code"]), 1
    while s.scalar(select(ReminderSheet.id).where(ReminderSheet.code == f"{code}-{n}")):
        n += 1
    return {"code": f"{code}-{n}"}


# Numbers a desk draws itself as the highest one plus one. A record taken back from HQ may
# carry one this desk has drawn again meanwhile for another record (restored to an earlier
# day, or a copy of the station on another computer): {kind: (unique columns, next free)}.
_NUMBERED: dict[
    str, tuple[tuple[str, ...], Callable[[Session, Any, dict[str, Any]], dict[str, Any]]]
] = {
    "visit": (("number",), _highest_plus_one("number")),
    "case_file": (("number",), _highest_plus_one("number")),
    "warning_letter": (("serial_year", "serial_no", "serial"), _next_letter_serial),
    "reminder_sheet": (("code",), _next_sheet_code),
}


def _held_by_another(s: Session, model: Any, numbers: dict[str, Any], record_id: str) -> bool:
    if any(v is None for v in numbers.values()):
        return False  # a draft letter has no serial yet
    clauses = [getattr(model, c) == v for c, v in numbers.items()]
    return s.scalar(select(model.id).where(*clauses, model.id != record_id).limit(1)) is not None


def _free_numbers(
    s: Session,
    kind: str,
    record_id: str,
    values: dict[str, Any],
    renumbered: dict[str, dict[str, Any]] | None,
) -> None:
    """A record taken back keeps HQ's number unless another record here holds it; then it
    keeps the number this desk gave it before, or takes the next free one, and is noted so a
    revision of its own tells HQ."""
    if kind not in _NUMBERED:
        return
    columns, next_free = _NUMBERED[kind]
    model = _MODELS[kind]
    wanted = {c: values.get(c) for c in columns}
    if not _held_by_another(s, model, wanted, record_id):
        return
    row = s.get(model, record_id)
    mine = {c: getattr(row, c) for c in columns} if row is not None else None
    if mine is not None and mine != wanted and not _held_by_another(s, model, mine, record_id):
        values.update(mine)
    else:
        values.update(next_free(s, model, values))
    if renumbered is not None:
        renumbered.setdefault(f"{kind}/{record_id}", wanted)


def _recover_other(
    s: Session,
    item: protocol.RevisionItem,
    record: dict[str, Any],
    officer_id: str,
    generation: int,
    renumbered: dict[str, dict[str, Any]] | None = None,
) -> None:
    """A visit, care person or case file: the row takes the newest payload's columns."""
    model = _MODELS[item.record_kind]
    row = s.get(model, item.record_id)
    columns = {c.name for c in model.__table__.columns}
    values = {k: v for k, v in record.items() if k in columns}
    if values.get("officer_id") and s.get(Officer, values["officer_id"]) is None:
        values["officer_id"] = officer_id  # an account the restored file no longer has
    if row is None:
        _free_numbers(s, item.record_kind, item.record_id, values, renumbered)
        stamp = utc_iso(dt.datetime.now(dt.UTC))
        row = model(revision_no=0, created_utc=stamp, updated_utc=stamp, **values)
        s.add(row)
        s.flush()
    forked = _make_room(s, item)
    _add_recovered(s, item, officer_id, generation)
    if forked:
        row.revision_no += 1
    elif item.revision_no >= row.revision_no:
        _free_numbers(s, item.record_kind, item.record_id, values, renumbered)
        for key, value in values.items():
            setattr(row, key, value)
        row.revision_no = item.revision_no
        if item.record_kind == "case_file":
            _restore_case_links(s, row.id, record, officer_id)
    s.flush()


def _restore_case_links(s: Session, case_id: str, record: dict[str, Any], officer_id: str) -> None:
    """A case file's payload carries its linked reports and action log: rebuild both."""
    stamp = utc_iso(dt.datetime.now(dt.UTC))
    have = set(s.scalars(select(CaseReport.report_id).where(CaseReport.case_id == case_id)))
    for report_id in record.get("report_ids", []):
        if report_id not in have and s.get(Report, report_id) is not None:
            s.add(CaseReport(case_id=case_id, report_id=report_id, linked_utc=stamp))
    logged = s.scalar(select(func.count()).where(CaseAction.case_id == case_id)) or 0
    for entry in record.get("actions", [])[logged:]:
        who = entry.get("officer_id")
        s.add(
            CaseAction(
                case_id=case_id,
                at=entry.get("at", ""),
                officer_id=who if who and s.get(Officer, who) else officer_id,
                text=entry.get("text", ""),
            )
        )


def _add_recovered(
    s: Session, item: protocol.RevisionItem, officer_id: str, generation: int
) -> None:
    """A revision taken back from HQ joins the log, and the audit chain says it was recovered
    (its own entry was lost with the disk).

    Its seq is HQ's, which this desk may have used since: a take-back resumed after HQ took
    more from another computer (a copy) in the generation left brings seqs at or above this
    desk's new generation. Such a revision takes the next seq of this desk instead and is sent
    once more; HQ knows it by id and answers it as a duplicate."""
    seq = item.seq
    st = station_row(s)
    if seq >= st.generation_base or s.scalar(select(func.count()).where(Revision.seq == seq)):
        st.last_seq += 1
        s.flush()
        seq, generation = st.last_seq, st.generation
    append_revisions(
        session_executor(s),
        [
            NewRevision(
                id=item.revision_id,
                kind=item.record_kind,
                record_id=item.record_id,
                revision_no=item.revision_no,
                parent_id=item.parent_id,
                seq=seq,
                generation=generation,
                officer_id=officer_id,
                recorded_at=item.recorded_at,
                action=item.action,
                changes=item.changes,
                payload=item.payload,
                sha256=item.sha256,
                entered_utc=utc_iso(dt.datetime.now(dt.UTC)),
            )
        ],
        audit_action="recover",
    )


def _make_room(s: Session, item: protocol.RevisionItem) -> bool:
    """Revisions made here since the restore fork from the same parent as the recovered one:
    they move one place later (history keeps both). Returns whether there was such a fork."""
    local = s.scalars(
        select(Revision)
        .where(
            Revision.record_id == item.record_id,
            Revision.revision_no >= item.revision_no,
        )
        .order_by(Revision.revision_no)
    ).all()
    if not local:
        return False
    for rev in local:  # park on negative numbers first: (report, revision_no) is unique
        rev.revision_no = -rev.revision_no
    s.flush()
    for rev in local:
        rev.revision_no = -rev.revision_no + 1
    local[0].parent_id = item.revision_id
    s.flush()
    return True


def _officer_for(s: Session, badge: str, officer_id: str | None) -> str:
    """An account created after the backup is gone here; keep its revisions attributable."""
    found = s.scalar(select(Officer.id).where(Officer.badge == badge))
    if found:
        return found
    new_id = officer_id or f"recovered-{badge}"
    s.add(
        Officer(
            id=new_id,
            badge=badge,
            name=f"({badge})",
            password_hash="!",  # cannot sign in until an administrator resets it
            role="officer",
            active=False,
            created_utc=utc_iso(dt.datetime.now(dt.UTC)),
        )
    )
    s.flush()
    return new_id


def _report_from_payload(record: dict[str, Any]) -> Report:
    serial = record["serial"]
    day, number = serial.rsplit("-", 2)[-2:]
    received = dt.datetime.fromisoformat(record["received_at"])
    report = Report(
        id=record["id"],
        serial=serial,
        serial_day=day,
        serial_no=int(number),
        received_at=record["received_at"],
        received_utc=utc_iso(received),
        updated_utc=utc_iso(dt.datetime.now(dt.UTC)),
        revision_no=1,
    )
    _apply_payload(report, record)
    return report


def _apply_payload(report: Report, record: dict[str, Any]) -> None:
    for name in RECORD_FIELDS:
        if name in ("id", "serial", "received_at") or record.get(name) is None:
            continue
        value = record[name]
        setattr(report, name, json.dumps(value) if name in JSON_LIST_FIELDS else value)
    report.address_key = normalise_address(report.reporter_address or "")
    report.place_key = normalise_address(report.incident_place or "")


def record_renumbering(
    s: Session,
    renumbered: dict[str, str],
    renumbered_records: dict[str, dict[str, Any]] | None = None,
    tracked: Mapping[str, Tracked] | None = None,
) -> None:
    """Each report given another serial while taken back gets a revision saying so, made by
    its receiving officer, so HQ's copy and the desk's agree and the history tells why; so does
    each visit, case file, letter or sheet given another number (`tracked` says how each kind
    reads whole)."""
    st = station_row(s)
    moment = now_local()
    for report_id, old_serial in renumbered.items():
        report = s.get(Report, report_id)
        if report is None or report.serial == old_serial:
            continue
        if not _serial_holder(s, old_serial):
            # the serial it had came free again (its holder was renumbered by HQ's later word)
            _set_serial(s, report, old_serial)
            continue
        commit_report_change(
            s,
            st,
            report,
            report.officer_id,
            "renumber",
            {"serial": [old_serial, report.serial]},
            moment,
        )
    for key, old in (renumbered_records or {}).items():
        kind, _, record_id = key.partition("/")
        row = s.get(_MODELS[kind], record_id) if kind in _NUMBERED else None
        if row is None or tracked is None or kind not in tracked:
            continue
        now = {c: getattr(row, c) for c in old}
        if now == old:
            continue
        if not _held_by_another(s, _MODELS[kind], old, record_id):
            for column, value in old.items():  # the number it had came free again
                setattr(row, column, value)
            continue
        who = s.scalar(
            select(Revision.officer_id)
            .where(Revision.record_id == record_id)
            .order_by(Revision.revision_no.desc())
            .limit(1)
        )
        changes = {c: [old[c], now[c]] for c in old}
        tracked[kind].record(s, st, row, who or "", "renumber", changes, moment)


def _take_serial(
    s: Session, report: Report, serial: str, renumbered: dict[str, str] | None
) -> None:
    """A newer revision taken back may carry another serial (HQ holds a renumbering this desk
    lost). The report takes it; a report here holding that serial meanwhile moves to the next
    free one and is noted as renumbered, like a report taken back onto a serial drawn again."""
    if serial == report.serial or (renumbered or {}).get(report.id) == serial:
        return  # unchanged, or the serial it had before this desk gave it another just now
    holder = _serial_holder(s, serial)
    if holder is not None and holder.id != report.id:
        if renumbered is not None:
            renumbered.setdefault(holder.id, holder.serial)
        _next_free_serial(s, holder)
        s.flush()  # the holder moves first: serials are unique at every statement
        _bump_serial_counter(s, holder)
    _set_serial(s, report, serial)
    if renumbered is not None:
        renumbered.pop(report.id, None)  # it now holds what HQ says


def _set_serial(s: Session, report: Report, serial: str) -> None:
    day, number = serial.rsplit("-", 2)[-2:]
    report.serial, report.serial_day, report.serial_no = serial, day, int(number)
    s.flush()
    _bump_serial_counter(s, report)


def _serial_holder(s: Session, serial: str) -> Report | None:
    day, number = serial.rsplit("-", 2)[-2:]
    return s.scalars(
        select(Report).where(
            (Report.serial == serial)
            | ((Report.serial_day == day) & (Report.serial_no == int(number)))
        )
    ).first()


def _next_free_serial(s: Session, report: Report) -> None:
    counter = s.get(SerialCounter, report.serial_day)
    highest = s.scalar(
        select(func.max(Report.serial_no)).where(Report.serial_day == report.serial_day)
    )
    report.serial_no = max(counter.last_no if counter else 0, highest or 0) + 1
    head = report.serial.rsplit("-", 1)[0]
    report.serial = f"{head}-{report.serial_no:04d}"


def _bump_serial_counter(s: Session, report: Report) -> None:
    counter = s.get(SerialCounter, report.serial_day)
    if counter is None:
        s.add(SerialCounter(day=report.serial_day, last_no=report.serial_no))
    elif counter.last_no < report.serial_no:
        counter.last_no = report.serial_no


def store_instructions(s: Session, items: list[protocol.Instruction]) -> list[protocol.Instruction]:
    """Insert what is new, known by HQ's uid (a restored HQ hands its numbers out again);
    returns only those, so each is applied once. Rows kept before uids existed were stored
    under HQ's number: one with the same number and the same content is that instruction."""
    uids = [i.uid for i in items]
    have = set(s.scalars(select(HqInstruction.uid).where(HqInstruction.uid.in_(uids))))
    now = utc_iso(dt.datetime.now(dt.UTC))
    fresh: list[protocol.Instruction] = []
    next_id = (s.scalar(select(func.max(HqInstruction.id))) or 0) + 1
    for item in items:
        if item.uid in have:
            continue
        payload = json.dumps(item.payload, ensure_ascii=False)
        legacy = s.get(HqInstruction, item.id)
        if (
            legacy is not None
            and legacy.uid is None
            and (legacy.kind, legacy.payload, legacy.created_utc)
            == (item.kind, payload, item.created_utc)
        ):
            legacy.uid = item.uid
            continue
        s.add(
            HqInstruction(
                id=next_id,
                uid=item.uid,
                kind=item.kind,
                payload=payload,
                created_utc=item.created_utc,
                received_utc=now,
            )
        )
        next_id += 1
        have.add(item.uid)
        fresh.append(item)
    return fresh


def acknowledged_probes(s: Session, st: Station) -> list[tuple[int, int, str]]:
    """(seq, generation, id) of the revisions this desk believes acknowledged at the newest
    acknowledged seq and at steps doubling downwards from it (top, top-1, top-2, top-4 ... the
    first): newest first, at most `protocol.MAX_HOLDS_IDS`. Which of them HQ holds tells,
    within a factor of two, where HQ really holds this desk's work."""
    from app.sync.protocol import MAX_HOLDS_IDS

    top = st.acked_seq
    seqs: list[int] = []
    step = 1
    while top > 0 and len(seqs) < MAX_HOLDS_IDS - 1:
        seqs.append(top)
        top -= step
        step *= 2
    first = s.scalar(select(func.min(Revision.seq)))
    if first is not None and first <= st.acked_seq:
        seqs.append(first)
    rows = s.execute(
        select(Revision.seq, Revision.generation, Revision.id)
        .where(Revision.seq.in_(seqs))
        .order_by(Revision.seq.desc())
    ).all()
    return [(r.seq, r.generation, r.id) for r in rows]


def note_hq_behind(s: Session, held: int, believed: int, resend: int, base: int) -> dict[str, int]:
    """What HQ is told with each push until it has recorded the alarm and taken the resend:
    the revisions above `held` went out again from `base` on."""
    note = {
        "revisions": resend,
        "hq_acknowledged": held,
        "station_acknowledged": believed,
        "replay_through": base - 1 + resend,
    }
    state_row(s).hq_behind = json.dumps(note)
    return note


def rewind_to_hq(
    s: Session, st: Station, hq_acknowledged: dict[int, int], hq_high: int, hq_newest: int
) -> dict[str, int] | None:
    """HQ's word against what this desk believes HQ acknowledged. HQ can hold less than it once
    acknowledged: restored from an older backup, rebuilt, or another HQ. Then the watermark goes
    back to where HQ really holds every revision of this desk, and everything above is sent
    again (the desk never deletes a revision, so it always can; what HQ still holds comes back
    as a duplicate). A place inside an older generation cannot be pushed to any more: what lies
    above it moves, in order, into a new generation. Returns the note for HQ's alarm, or None
    when HQ holds what it acknowledged.

    The cheap check is the newest revision the desk believes acknowledged: a restored HQ is a
    consistent earlier state, so holding that one means holding all below it."""
    top = s.execute(
        select(Revision.seq, Revision.generation)
        .where(Revision.seq <= st.acked_seq)
        .order_by(Revision.seq.desc())
        .limit(1)
    ).first()
    if top is None or hq_acknowledged.get(top.generation, 0) >= top.seq:
        return None
    believed = st.acked_seq
    held = believed
    spans = s.execute(
        select(Revision.generation, func.min(Revision.seq), func.max(Revision.seq))
        .where(Revision.seq <= believed)
        .group_by(Revision.generation)
        .order_by(func.min(Revision.seq))
    ).all()
    for generation, low, high in spans:
        there = max(hq_acknowledged.get(generation, 0), low - 1)
        if there < high:
            held = there
            break
    resend = (
        s.scalar(select(func.count()).where(Revision.seq > held, Revision.seq <= believed)) or 0
    )
    st.acked_seq = held
    base = held + 1  # resent in place: seqs held+1 .. believed
    if held < st.generation_base - 1:
        start_new_generation(s, st, hq_high, max(st.generation, hq_newest) + 1)
        base = st.generation_base
    return note_hq_behind(s, held, believed, resend, base)
