"""The audit log: recording what people did.

Revisions are entered in the chain by the code that saves them (app.db.audit_chain); this module
records everything else a person does (sign-in, printing, export, account changes, backups).
Checking the chain with the revision log and the current records is app.services.audit_verify.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.db import audit_chain
from app.db.engine import Store
from app.db.models import AuditEntry
from app.db.revisions import session_executor
from app.services.station import OfficerInfo


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
