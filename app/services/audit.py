"""The audit log: recording what people did, and checking that the file still tells the truth.

Revisions are entered in the chain by the code that saves them (app.db.audit_chain); this module
records everything else a person does (sign-in, printing, export, account changes, backups) and
verifies the whole chain together with the revision log and the current records.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import audit_chain, cipher
from app.db.engine import Store
from app.db.models import AuditEntry
from app.services.revisions import session_executor
from app.services.station import OfficerInfo

FINDINGS_KEPT = 200
# Columns of a report whose value must equal its newest revision's payload.
REPORT_CHECKED = (
    "serial",
    "received_at",
    "status",
    "reporter_name",
    "reporter_phone",
    "reporter_id_number",
    "reporter_address",
    "incident_type",
    "incident_place",
    "summary",
    "disposal_result",
    "warning_colour",
)


def record(
    store: Store,
    officer: OfficerInfo | None,
    action: str,
    *,
    record_kind: str | None = None,
    record_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """One entry in its own transaction. `officer` None is the command line, run by whoever
    holds the computer's account: that account's name is kept instead. `detail` never carries
    personal data: ids, codes and counts only."""
    extra = dict(detail or {})
    if officer is None:
        extra["os_user"] = getpass.getuser()
    with store.write() as s:
        audit_chain.append_action(
            session_executor(s),
            officer.id if officer else None,
            action,
            record_kind=record_kind,
            record_id=record_id,
            detail=extra,
        )


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at_utc: str
    officer_id: str | None
    action: str
    record_kind: str | None
    record_id: str | None
    detail: str


def entries_for(store: Store, record_id: str) -> list[AuditLine]:
    with store.read() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.record_id == record_id).order_by(AuditEntry.seq)
        ).all()
        return [
            AuditLine(r.seq, r.at_utc, r.officer_id, r.action, r.record_kind, r.record_id, r.detail)
            for r in rows
        ]


def head(store: Store) -> tuple[int, str]:
    with store.read() as s:
        return audit_chain.head(session_executor(s))


# -- verification --------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One place where the file disagrees with its own chain. `kind` is one of:
    entry_changed, entries_missing, revision_changed, revision_missing, revision_unvouched,
    revision_out_of_order, record_changed."""

    kind: str
    text: str
    seq: int | None = None
    record_kind: str | None = None
    record_id: str | None = None
    revision_id: str | None = None


@dataclass
class VerifyReport:
    entries: int = 0
    revisions: int = 0
    records: int = 0
    head_seq: int = 0
    head_hash: str = audit_chain.GENESIS
    problems: int = 0
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.problems == 0

    def add(self, finding: Finding) -> None:
        self.problems += 1
        if len(self.findings) < FINDINGS_KEPT:
            self.findings.append(finding)


def verify_file(path: Path, key: bytes | None) -> VerifyReport:
    """Check the chain, the revisions it vouches for, and the current reports against their
    newest revision. Reads through its own connection, so the desk can go on meanwhile."""
    started = time.perf_counter()
    report = VerifyReport()
    chain, records = VerifyReport(), VerifyReport()
    # The chain and the records are read on a second connection in a thread while this one
    # reads the revisions: SQLite decrypts and reads pages without holding the interpreter,
    # so the two passes share the machine's cores. Each pass reads one snapshot of its own
    # (what one pass checks does not depend on the other's).
    with closing(cipher.connect(path, key)) as conn:
        cipher.check_readable(conn)
        failed: list[BaseException] = []
        side = threading.Thread(
            target=_in_snapshot, args=(path, key, (chain, records), failed), name="audit-chain"
        )
        side.start()
        conn.execute("BEGIN")
        try:
            _check_revisions(conn, report)
        finally:
            conn.execute("ROLLBACK")
            side.join()
    if failed:  # the other pass could not finish: the check as a whole did not run
        raise failed[0]
    report.entries, report.head_seq, report.head_hash = (
        chain.entries,
        chain.head_seq,
        chain.head_hash,
    )
    report.records = records.records
    for part in (chain, records):
        for finding in part.findings:
            report.add(finding)
        report.problems += part.problems - len(part.findings)
    report.seconds = time.perf_counter() - started
    if not report.ok:
        logging.getLogger("stationdesk.audit").error(
            "audit check failed: %d problem(s), first: %s",
            report.problems,
            report.findings[0].kind if report.findings else "-",
        )
    return report


def _in_snapshot(
    path: Path,
    key: bytes | None,
    into: tuple[VerifyReport, VerifyReport],
    failed: list[BaseException],
) -> None:
    chain, records = into
    try:
        with closing(cipher.connect(path, key)) as conn:
            conn.execute("BEGIN")
            try:
                _check_chain(conn, chain)
                _check_reports(conn, records)
            finally:
                conn.execute("ROLLBACK")
    except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
        failed.append(exc)


def verify(store: Store) -> VerifyReport:
    return verify_file(store.path, store.key)


def _rows(conn: Any, sql: str, size: int = 5000) -> Iterator[tuple[Any, ...]]:
    cur = conn.execute(sql)
    while batch := cur.fetchmany(size):
        yield from batch


def _check_chain(conn: Any, report: VerifyReport) -> None:
    """Each entry's hash must follow from the entry before it (as stored, so one damaged entry
    is named alone) and from its own fields; seq must run on without a gap."""
    prev_hash, expected = audit_chain.GENESIS, 1
    body = audit_chain.joined_sql(audit_chain.COLUMNS)
    sha256, link = hashlib.sha256, audit_chain.link
    # The joined fields come as bytes (CAST AS BLOB): no text decoded only to be encoded again.
    sql = (
        f"SELECT seq, hash, CAST(({body}) AS BLOB), action, record_kind, record_id, revision_id"
        " FROM audit"
    )
    for seq, stored, text, *row in _rows(conn, sql + " ORDER BY seq"):
        report.entries += 1
        if seq != expected:
            report.add(
                Finding(
                    "entries_missing",
                    f"audit entries {expected}-{seq - 1} are missing",
                    seq=expected,
                )
            )
        if link(prev_hash, sha256(text).digest()) != stored:
            report.add(
                Finding(
                    "entry_changed",
                    f"audit entry {seq} ({row[0]}) was changed, or an entry before it was "
                    "removed, added or moved",
                    seq=seq,
                    record_kind=row[1],
                    record_id=row[2],
                    revision_id=row[3],
                )
            )
        prev_hash, expected = stored, seq + 1
        report.head_seq, report.head_hash = seq, stored


LOOKAHEAD = 10_000


def _check_revisions(conn: Any, report: VerifyReport) -> None:
    """Every revision must have its entry, match the digest there, hash to its own payload
    hash, and stand in the chain's order within its generation.

    Revisions (by seq) and their entries (by chain order) come in the same order but for
    restores, so the two are read side by side and matched as they come, sequentially through
    both tables; an entry that is not where expected is looked up by index."""
    last_entry: dict[int, tuple[int, int]] = {}  # generation -> (entry seq, revision seq)
    digest_text = audit_chain.joined_sql(audit_chain.REVISION_COLUMNS)
    revisions = _rows(
        conn,
        "SELECT id, record_kind, record_id, sha256, CAST(payload AS BLOB), generation, seq,"
        f" CAST(({digest_text}) AS BLOB) FROM revision ORDER BY seq",
    )
    entries = _rows(  # a second statement on the same connection: the same snapshot
        conn,
        "SELECT revision_id, seq, revision_digest, record_kind, record_id FROM audit"
        " WHERE revision_id IS NOT NULL ORDER BY seq",
    )
    waiting: dict[str, tuple[Any, ...]] = {}  # entries read ahead of their revision
    seen: set[str] = set()  # revisions matched through the index (out of the stream's order)
    exhausted = False
    sha256 = hashlib.sha256
    for row in revisions:
        report.revisions += 1
        rev_id, kind, record_id = row[0], row[1], row[2]
        entry = waiting.pop(rev_id, None)
        looked = 0
        while entry is None and not exhausted and looked < LOOKAHEAD:
            nxt = next(entries, None)
            if nxt is None:
                exhausted = True
            elif nxt[0] == rev_id:
                entry = nxt
            else:
                waiting[nxt[0]] = nxt
                looked += 1
        if entry is None:
            entry = conn.execute(
                "SELECT revision_id, seq, revision_digest, record_kind, record_id FROM audit"
                " WHERE revision_id = ?",
                (rev_id,),
            ).fetchone()
            if entry is not None:
                seen.add(rev_id)
        where = {"record_kind": kind, "record_id": record_id, "revision_id": rev_id}
        if entry is None:
            report.add(
                Finding(
                    "revision_unvouched",
                    f"revision {row[6]} of {kind} {record_id} has no audit entry: it was "
                    "put into the file from outside StationDesk",
                    **where,
                )
            )
            continue
        entry_seq, vouched = entry[1], entry[2]
        if sha256(row[4] or b"").hexdigest() != row[3] or sha256(row[7]).hexdigest() != vouched:
            report.add(
                Finding(
                    "revision_changed",
                    f"revision {row[6]} of {kind} {record_id} differs from what was saved "
                    f"(audit entry {entry_seq})",
                    seq=entry_seq,
                    **where,
                )
            )
        generation = row[5]
        before = last_entry.get(generation)
        if before is not None and entry_seq < before[0]:
            report.add(
                Finding(
                    "revision_out_of_order",
                    f"revision {row[6]} of {kind} {record_id} was moved before revision "
                    f"{before[1]}: the log's order differs from the order of saving",
                    seq=entry_seq,
                    **where,
                )
            )
        last_entry[generation] = (max(entry_seq, before[0]) if before else entry_seq, row[6])
    leftovers = list(waiting.values()) + list(entries)
    for rev_id, seq, _digest, kind, record_id in sorted(leftovers, key=lambda e: e[1]):
        if rev_id in seen:
            continue
        report.add(
            Finding(
                "revision_missing",
                f"the revision of {kind} {record_id} saved at audit entry {seq} is gone "
                "from the file",
                seq=seq,
                record_kind=kind,
                record_id=record_id,
                revision_id=rev_id,
            )
        )


def _check_reports(conn: Any, report: VerifyReport) -> None:
    """A report row must say what its newest revision says: the row is only ever written
    together with a revision, so a difference was made outside StationDesk."""
    differs = " OR ".join(f"json_extract(v.payload, '$.{c}') IS NOT p.{c}" for c in REPORT_CHECKED)
    report.records = conn.execute("SELECT count(*) FROM report").fetchone()[0]
    sql = (
        "SELECT p.id, p.serial FROM report p"
        " LEFT JOIN revision v ON v.record_id = p.id AND v.revision_no = p.revision_no"
        f" WHERE v.id IS NULL OR {differs}"
    )
    for record_id, serial in _rows(conn, sql):
        report.add(
            Finding(
                "record_changed",
                f"report {serial} does not say what its last saved revision says",
                record_kind="report",
                record_id=record_id,
            )
        )
