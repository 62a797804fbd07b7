"""Checking that the station file still tells the truth: the audit chain, the revisions it
vouches for, and the current reports against their newest revision.

A million-report station holds some four million entries and revisions, and the check reads
every one of them and hashes most of it twice. It is cut into slices by position (entries,
revisions and report rows, each a range), and the slices are checked in worker processes
(app.workers), one per core, each reading the file on its own connection. What one slice cannot settle alone (a
revision whose entry lies in another slice, the order of revisions across a slice's border)
is settled when the slices' results are put together.

Each worker reads its own snapshot of the file, so a save made while the check runs could make
slices disagree. A failed parallel check is therefore never reported as such: the whole check
runs again in one process on one snapshot, and that run's findings are the ones reported.

This module imports neither Qt nor SQLAlchemy: worker processes start with little more than
SQLCipher.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import workers
from app.db import audit_chain, audit_seal, cipher
from app.domain import hash_chain

if TYPE_CHECKING:
    from app.db.engine import Store

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
# Below this many entries a worker process costs more to start than it saves.
PARALLEL_FROM = 200_000
LOOKAHEAD = 10_000
SEP = hash_chain.SEP.encode()
PAYLOAD_SHA_LEN = 64  # hex
FIRST = -(2**62)  # before any seq or rowid, even one a hand edit made negative
LAST = 2**62  # beyond any seq or rowid


@dataclass(frozen=True)
class Finding:
    """One place where the file disagrees with its own chain. `kind` is one of:
    entry_changed, entries_missing, entries_cut, revision_changed, revision_missing,
    revision_unvouched, revision_out_of_order, revisions_cut, record_changed."""

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
    head_hash: str = hash_chain.GENESIS
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

    def absorb(self, other: VerifyReport) -> None:
        for finding in other.findings:
            self.add(finding)
        self.problems += other.problems - len(other.findings)


@dataclass(frozen=True)
class Slice:
    """Inclusive ranges: audit entries by seq, revisions by seq, reports by rowid."""

    audit: tuple[int, int] = (FIRST, LAST)
    revisions: tuple[int, int] = (FIRST, LAST)
    reports: tuple[int, int] = (FIRST, LAST)


@dataclass
class SliceResult:
    report: VerifyReport
    # Entries vouching for a revision that this slice did not hold: (revision id, entry seq).
    unmatched: list[tuple[str, int]] = field(default_factory=list)
    # Revisions whose entry was found outside the slice's stream (through the index).
    looked_up: set[str] = field(default_factory=set)
    # generation -> (entry seq of the slice's first revision of it, highest entry seq seen)
    generations: dict[int, tuple[int, int]] = field(default_factory=dict)


def verify(store: Store) -> VerifyReport:
    return verify_file(store.path, store.key)


def verify_file(
    path: Path,
    key: bytes | None,
    *,
    slices: int | None = None,
    processes: bool = True,
    confirm: bool = True,
) -> VerifyReport:
    """Check the whole file on connections of its own (the desk goes on meanwhile).

    `slices` None picks by size and cores. With `processes` False the slices are checked one
    after another in this process. With `confirm`, a failed check of several slices is
    repeated as one slice on one snapshot."""
    started = time.perf_counter()
    with closing(cipher.connect(path, key)) as conn:
        cipher.check_readable(conn)
        conn.execute("BEGIN")
        try:
            if slices is None:
                slices = _slices_for(conn)
            plan = _plan(conn, max(1, slices))
        finally:
            conn.execute("ROLLBACK")
    if len(plan) == 1:
        report = _check_slice(path, key, plan[0]).report
    else:
        if processes:
            results = workers.run_all(_check_slice, [(path, key, s) for s in plan])
        else:
            results = [_check_slice(path, key, s) for s in plan]
        report = _combine(path, key, results)
        if not report.ok and confirm:
            report = _check_slice(path, key, Slice()).report
    _check_tail(path, key, report)
    report.seconds = time.perf_counter() - started
    if not report.ok:
        logging.getLogger("stationdesk.audit").error(
            "audit check failed: %d problem(s), first: %s",
            report.problems,
            report.findings[0].kind if report.findings else "-",
        )
    return report


def _check_tail(path: Path, key: bytes | None, report: VerifyReport) -> None:
    """Entries or revisions cut from the end leave a chain that is still whole; the heads
    kept outside the file tell: the one sealed beside it (app.db.audit_seal), the one HQ
    acknowledged, and the station's own count of its seqs."""
    seal = audit_seal.read(path.parent)
    head = report.head_seq
    with closing(cipher.connect(path, key)) as conn:
        station = conn.execute(
            "SELECT audit_acked_seq, last_seq, generation_base FROM station WHERE id = 1"
        ).fetchone()
        sealed_now = (
            conn.execute("SELECT hash FROM audit WHERE seq = ?", (seal.seq,)).fetchone()
            if seal is not None and 0 < seal.seq <= head
            else None
        )
        own = (
            conn.execute(
                "SELECT count(*), coalesce(max(seq), 0) FROM revision WHERE seq >= ?",
                (station[2],),
            ).fetchone()
            if station is not None
            else None
        )
    if seal is not None and seal.seq > head:
        report.add(
            Finding(
                "entries_cut",
                f"the newest {seal.seq - head} audit entries (seq {head + 1} to {seal.seq}) "
                f"are missing: the chain's head was sealed at seq {seal.seq} "
                f"({seal.at_utc}); they were cut from the file's end, or the file was put "
                f"back from a backup by hand",
                seq=head + 1,
            )
        )
    elif sealed_now is not None and seal is not None and sealed_now[0] != seal.hash:
        report.add(
            Finding(
                "entry_changed",
                f"audit entry {seal.seq} is not the one sealed as the head ({seal.at_utc}): "
                f"the chain was written anew from there back",
                seq=seal.seq,
            )
        )
    if station is None or own is None:
        return
    acked, last_seq, base = (int(v) for v in station)
    if acked > head:
        report.add(
            Finding(
                "entries_cut",
                f"HQ acknowledged audit entries up to seq {acked}, but the file's chain ends "
                f"at seq {head}: {acked - head} entries were cut from its end",
                seq=head + 1,
            )
        )
    count, newest = int(own[0]), int(own[1])
    expected = max(0, last_seq - base + 1)
    if newest > last_seq or count != expected or (expected and newest != last_seq):
        report.add(
            Finding(
                "revisions_cut",
                f"the station numbered its revisions up to seq {last_seq} (from {base}), "
                f"but the file holds {count} of them, the newest at seq {newest}",
                seq=newest + 1,
            )
        )


def _slices_for(conn: Any) -> int:
    entries = conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]
    if entries < PARALLEL_FROM:
        return 1
    # Two slices a core: a worker that finishes early takes another, so no core waits idle
    # for the slowest slice.
    return 2 * workers.cores()


def _plan(conn: Any, parts: int) -> list[Slice]:
    """Cut the file into `parts` slices of about equal work, in one snapshot. Revisions are cut
    where the entries are, so that a slice holds the entries of its own revisions; where that
    is not so (restores renumber), the slices' results still fit together, only slower."""
    if parts == 1:
        return [Slice()]
    audit_max = conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]
    revision_max = conn.execute("SELECT coalesce(max(seq), 0) FROM revision").fetchone()[0]
    report_min, report_max = conn.execute(
        "SELECT coalesce(min(rowid), 0), coalesce(max(rowid), 0) FROM report"
    ).fetchone()
    audit_cuts = [1 + audit_max * k // parts for k in range(1, parts)]
    revision_cuts: list[int] = []
    for cut in audit_cuts:
        row = conn.execute(
            "SELECT r.seq FROM audit a JOIN revision r ON r.id = a.revision_id"
            " WHERE a.seq >= ? ORDER BY a.seq LIMIT 1",
            (cut,),
        ).fetchone()
        at = revision_max + 1 if row is None else int(row[0])
        revision_cuts.append(max(at, revision_cuts[-1] if revision_cuts else FIRST))
    span = report_max - report_min + 1
    report_cuts = [report_min + span * k // parts for k in range(1, parts)]

    def ranges(cuts: list[int], top: int) -> list[tuple[int, int]]:
        starts = [FIRST, *cuts]
        ends = [c - 1 for c in cuts] + [top]
        return list(zip(starts, ends, strict=True))

    return [
        Slice(audit=a, revisions=r, reports=p)
        for a, r, p in zip(
            ranges(audit_cuts, audit_max),
            ranges(revision_cuts, revision_max),
            ranges(report_cuts, report_max),
            strict=True,
        )
    ]


def _combine(path: Path, key: bytes | None, results: list[SliceResult]) -> VerifyReport:
    """Put the slices' reports together and settle what lies across their borders."""
    report = VerifyReport()
    for part in results:
        r = part.report
        report.entries += r.entries
        report.revisions += r.revisions
        report.records += r.records
        if r.entries:
            report.head_seq, report.head_hash = r.head_seq, r.head_hash
        report.absorb(r)
    looked_up = set().union(*(part.looked_up for part in results))
    missing = sorted(
        (seq, rev_id)
        for part in results
        for rev_id, seq in part.unmatched
        if rev_id not in looked_up
    )
    if missing:
        with closing(cipher.connect(path, key)) as conn:
            for seq, rev_id in missing:
                report.add(_missing(conn, seq, rev_id))
    highest: dict[int, int] = {}
    for part in results:
        for generation, (first, top) in part.generations.items():
            if first < highest.get(generation, 0):
                report.add(
                    Finding(
                        "revision_out_of_order",
                        f"a revision saved at audit entry {first} stands after one saved at "
                        f"entry {highest[generation]}: the log's order differs from the order "
                        "of saving",
                        seq=first,
                    )
                )
            highest[generation] = max(top, highest.get(generation, 0))
    return report


def _check_slice(path: Path, key: bytes | None, part: Slice) -> SliceResult:
    """The check of one slice, in one snapshot of its own."""
    with closing(cipher.connect(path, key)) as conn:
        conn.execute("BEGIN")
        try:
            result = SliceResult(VerifyReport())
            entries = _chain(conn, part.audit, result.report)
            _revisions(conn, part.revisions, entries, result)
            _reports(conn, part.reports, result.report)
            return result
        finally:
            conn.execute("ROLLBACK")


def _rows(conn: Any, sql: str, args: tuple[Any, ...] = (), size: int = 5000) -> Iterator[Any]:
    cur = conn.execute(sql, args)
    while batch := cur.fetchmany(size):
        yield from batch


def _chain(
    conn: Any, bounds: tuple[int, int], report: VerifyReport
) -> Iterator[tuple[str, int, str]]:
    """Walk the slice's entries: each entry's hash must follow from the entry before it (as
    stored, so one damaged entry is named alone) and from its own fields, and seq must run on
    without a gap. Yields the entries that vouch for a revision, for `_revisions`."""
    lo, hi = bounds
    before = conn.execute(
        "SELECT seq, hash FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT 1", (lo,)
    ).fetchone()
    prev = _hash_bytes(hash_chain.GENESIS if before is None else before[1])
    expected = max(lo, 1)
    body = audit_chain.joined_sql(audit_chain.COLUMNS)
    sha256 = hashlib.sha256
    # The joined fields come as bytes (CAST AS BLOB): no text decoded only to be encoded again.
    # The link is hash_chain.link, inlined: the previous hash is kept as bytes.
    sql = (
        f"SELECT seq, hash, CAST(({body}) AS BLOB), revision_id, revision_digest FROM audit"
        " WHERE seq BETWEEN ? AND ? ORDER BY seq"
    )
    entries, seq = 0, None
    stored: Any = None
    for seq, stored, text, revision_id, vouched in _rows(conn, sql, (lo, hi)):
        entries += 1
        if seq != expected:
            report.add(_gap(expected, seq - 1))
        linked = sha256(prev + sha256(text).digest()).digest()
        if linked.hex() == stored:
            prev = linked
        else:
            report.add(_changed_entry(conn, seq))
            prev = _hash_bytes(stored)  # as stored, so one damaged entry is named alone
        expected = seq + 1
        if revision_id is not None:
            yield revision_id, seq, vouched
    report.entries += entries
    if seq is not None:
        report.head_seq, report.head_hash = seq, stored
    if hi != LAST and expected <= hi:  # the slice's last entries are gone
        report.add(_gap(expected, hi))


def _hash_bytes(stored: Any) -> bytes:
    """A stored hash as bytes; one that is not hex (edited by hand) as nothing, which no link
    follows from."""
    try:
        return bytes.fromhex(stored)
    except (TypeError, ValueError):
        return b""


def _gap(first: int, last: int) -> Finding:
    return Finding("entries_missing", f"audit entries {first}-{last} are missing", seq=first)


def _changed_entry(conn: Any, seq: int) -> Finding:
    action, kind, record_id, revision_id = conn.execute(
        "SELECT action, record_kind, record_id, revision_id FROM audit WHERE seq = ?", (seq,)
    ).fetchone()
    return Finding(
        "entry_changed",
        f"audit entry {seq} ({action}) was changed, or an entry before it was removed, added "
        "or moved",
        seq=seq,
        record_kind=kind,
        record_id=record_id,
        revision_id=revision_id,
    )


def _missing(conn: Any, seq: int, revision_id: str) -> Finding:
    row = conn.execute("SELECT record_kind, record_id FROM audit WHERE seq = ?", (seq,)).fetchone()
    kind, record_id = row if row is not None else (None, None)
    return Finding(
        "revision_missing",
        f"the revision of {kind} {record_id} saved at audit entry {seq} is gone from the file",
        seq=seq,
        record_kind=kind,
        record_id=record_id,
        revision_id=revision_id,
    )


def _revisions(
    conn: Any,
    bounds: tuple[int, int],
    entries: Iterator[tuple[str, int, str]],
    result: SliceResult,
) -> None:
    """Every revision must have its entry, match the digest there, hash to its own payload
    hash, and stand in the chain's order within its generation.

    Revisions (by seq) and their entries (by chain order) come in the same order but for
    restores, so the two are read side by side and matched as they come, sequentially through
    both tables; an entry that is not where expected is looked up by index."""
    report = result.report
    last_entry: dict[int, tuple[int, int]] = {}  # generation -> (entry seq, revision seq)
    digest_text = audit_chain.joined_sql(audit_chain.REVISION_COLUMNS)
    # Only what the hashes need comes to Python: the id and the payload's stored hash are the
    # first and last fields of the joined text (REVISION_COLUMNS), so they are cut from it.
    revisions = _rows(
        conn,
        f"SELECT CAST(payload AS BLOB), CAST(({digest_text}) AS BLOB), generation, seq"
        " FROM revision WHERE seq BETWEEN ? AND ? ORDER BY seq",
        bounds,
    )
    waiting: dict[str, tuple[str, int, str]] = {}  # entries read ahead of their revision
    exhausted = False
    sha256 = hashlib.sha256
    for payload, text, generation, rev_seq in revisions:
        report.revisions += 1
        rev_id = text[: text.find(SEP)].decode()
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
                "SELECT revision_id, seq, revision_digest FROM audit WHERE revision_id = ?",
                (rev_id,),
            ).fetchone()
            if entry is not None:
                result.looked_up.add(rev_id)
        if entry is None:
            report.add(_revision_finding(conn, "revision_unvouched", rev_seq, None))
            continue
        entry_seq, vouched = entry[1], entry[2]
        payload_sha = text[-PAYLOAD_SHA_LEN:]
        if (
            sha256(payload or b"").hexdigest().encode() != payload_sha
            or sha256(text).hexdigest() != vouched
        ):
            report.add(_revision_finding(conn, "revision_changed", rev_seq, entry_seq))
        before = last_entry.get(generation)
        if before is None:
            result.generations[generation] = (entry_seq, entry_seq)
        elif entry_seq < before[0]:
            report.add(
                _revision_finding(conn, "revision_out_of_order", rev_seq, entry_seq, before[1])
            )
        top = max(entry_seq, before[0]) if before else entry_seq
        last_entry[generation] = (top, rev_seq)
        result.generations[generation] = (result.generations[generation][0], top)
    leftovers = [*waiting.values(), *entries]  # drains the chain walk to the slice's end
    result.unmatched = [(rev_id, seq) for rev_id, seq, _digest in leftovers]
    if bounds == (FIRST, LAST):  # a whole-file check settles what is missing itself
        for rev_id, seq in sorted(result.unmatched, key=lambda e: e[1]):
            if rev_id not in result.looked_up:
                report.add(_missing(conn, seq, rev_id))
        result.unmatched = []


def _revision_finding(
    conn: Any, kind: str, rev_seq: int, entry_seq: int | None, after: int | None = None
) -> Finding:
    rev_id, record_kind, record_id = conn.execute(
        "SELECT id, record_kind, record_id FROM revision WHERE seq = ?", (rev_seq,)
    ).fetchone()
    what = f"revision {rev_seq} of {record_kind} {record_id}"
    texts = {
        "revision_unvouched": f"{what} has no audit entry: it was put into the file from "
        "outside StationDesk",
        "revision_changed": f"{what} differs from what was saved (audit entry {entry_seq})",
        "revision_out_of_order": f"{what} was moved before revision {after}: the log's order "
        "differs from the order of saving",
    }
    return Finding(
        kind,
        texts[kind],
        seq=entry_seq,
        record_kind=record_kind,
        record_id=record_id,
        revision_id=rev_id,
    )


def _reports(conn: Any, bounds: tuple[int, int], report: VerifyReport) -> None:
    """A report row must say what its newest revision says: the row is only ever written
    together with a revision, so a difference was made outside StationDesk."""
    differs = " OR ".join(f"json_extract(v.payload, '$.{c}') IS NOT p.{c}" for c in REPORT_CHECKED)
    report.records += conn.execute(
        "SELECT count(*) FROM report WHERE rowid BETWEEN ? AND ?", bounds
    ).fetchone()[0]
    sql = (
        "SELECT p.id, p.serial FROM report p"
        " LEFT JOIN revision v ON v.record_id = p.id AND v.revision_no = p.revision_no"
        f" WHERE p.rowid BETWEEN ? AND ? AND (v.id IS NULL OR {differs})"
    )
    for record_id, serial in _rows(conn, sql, bounds):
        report.add(
            Finding(
                "record_changed",
                f"report {serial} does not say what its last saved revision says",
                record_kind="report",
                record_id=record_id,
            )
        )
