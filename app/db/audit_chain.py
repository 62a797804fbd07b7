"""The tamper-evident audit chain: its entries, and how they are appended (the link rule itself,
shared with the check and HQ, is app.domain.hash_chain).

Every entry carries the hash of the one before it, so an entry edited, deleted, inserted or
moved breaks every hash after it. An entry that stands for a saved revision also carries the
revision's digest, so the revision log is held by the same chain: a revision edited in the file
no longer matches its entry, one deleted leaves its entry pointing at nothing, one slipped in
has no entry at all.

The digest covers what a revision says (through the payload's SHA-256, which the revision row
carries and the check recomputes) and who said it, not its place numbers: the sync layer
renumbers `seq`, `generation` and (after a restore fork) `revision_no` by design, and the
chain's own order stands in for them.

Appending works on any DB-API cursor-like `execute`, so the receive button's bare connection
and the ORM's session write the same entries in the same transaction as the change itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.hash_chain import GENESIS, SEP, body_digest, link

Execute = Callable[[str, tuple[Any, ...]], Any]

COLUMNS = (
    "seq",
    "at_utc",
    "officer_id",
    "action",
    "record_kind",
    "record_id",
    "revision_id",
    "revision_digest",
    "detail",
)


@dataclass(frozen=True)
class Entry:
    at_utc: str
    officer_id: str | None
    action: str
    record_kind: str | None = None
    record_id: str | None = None
    revision_id: str | None = None
    revision_digest: str | None = None
    detail: str = "{}"


def canonical_detail(detail: dict[str, Any] | None) -> str:
    return json.dumps(detail or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def joined_sql(columns: Sequence[str], table: str = "") -> str:
    """The same joined text as body_digest and revision_digest hash, built by SQLite itself:
    the check reads millions of rows and the join in C costs a tenth of the join in Python.
    One `concat_ws` (SQLite 3.44) rather than a chain of `||`, which copies the growing text at
    every step."""
    prefix = f"{table}." if table else ""
    fields = ", ".join(f"ifnull({prefix}{c}, '')" for c in columns)
    return f"concat_ws(char(31), {fields})"


REVISION_COLUMNS = (
    "id",
    "record_kind",
    "record_id",
    "parent_id",
    "officer_id",
    "recorded_at",
    "action",
    "changes",
    "sha256",
)


def revision_digest(
    revision_id: str,
    record_kind: str,
    record_id: str,
    parent_id: str | None,
    officer_id: str,
    recorded_at: str,
    action: str,
    changes: str,
    payload_sha256: str,
) -> str:
    fields = (
        revision_id,
        record_kind,
        record_id,
        parent_id or "",
        officer_id,
        recorded_at,
        action,
        changes,
        payload_sha256,
    )
    return hashlib.sha256(SEP.join(fields).encode("utf-8")).hexdigest()


def revision_action(revision_no: int, action: str) -> str:
    """What the audit calls a saved revision."""
    if revision_no == 1:
        return "create"
    return "void" if action == "void" else "edit"


def revision_entry(
    *,
    at_utc: str,
    revision_id: str,
    record_kind: str,
    record_id: str,
    revision_no: int,
    parent_id: str | None,
    officer_id: str,
    recorded_at: str,
    action: str,
    changes: str,
    payload_sha256: str,
    audit_action: str | None = None,
) -> Entry:
    """The entry that vouches for one saved revision."""
    return Entry(
        at_utc=at_utc,
        officer_id=officer_id,
        action=audit_action or revision_action(revision_no, action),
        record_kind=record_kind,
        record_id=record_id,
        revision_id=revision_id,
        revision_digest=revision_digest(
            revision_id,
            record_kind,
            record_id,
            parent_id,
            officer_id,
            recorded_at,
            action,
            changes,
            payload_sha256,
        ),
    )


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def append_action(
    execute: Execute,
    officer_id: str | None,
    action: str,
    *,
    record_kind: str | None = None,
    record_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> tuple[int, str]:
    """One entry for something a person did that is not itself a saved revision."""
    return append(
        execute,
        [
            Entry(
                at_utc=now_utc(),
                officer_id=officer_id,
                action=action,
                record_kind=record_kind,
                record_id=record_id,
                detail=canonical_detail(detail),
            )
        ],
    )


def head(execute: Execute) -> tuple[int, str]:
    row = execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", ()).fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def append(execute: Execute, entries: Sequence[Entry]) -> tuple[int, str]:
    """Append entries after the current head inside the caller's write transaction; returns
    the new head."""
    seq, prev = head(execute)
    rows = []
    for e in entries:
        seq += 1
        own = (
            seq,
            e.at_utc,
            e.officer_id,
            e.action,
            e.record_kind,
            e.record_id,
            e.revision_id,
            e.revision_digest,
            e.detail,
        )
        prev = link(prev, body_digest(own))
        rows.append((*own, prev))
    if rows:
        insert = (
            f"INSERT INTO audit ({', '.join(COLUMNS)}, hash)"
            f" VALUES ({', '.join('?' * (len(COLUMNS) + 1))})"
        )
        for row in rows:
            execute(insert, row)
    return seq, prev
