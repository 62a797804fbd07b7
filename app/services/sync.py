"""Sync use cases the UI and CLI call: enrol with HQ, run a sync, status at a glance, what HQ
holds."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from app.db.engine import Store
from app.db.models import HqInstruction, Revision, SyncRejection, SyncState
from app.db.revisions import station_row
from app.domain.clock import parse_utc, utc_iso
from app.services import reminder_sheets
from app.sync import outbox
from app.sync.report import SKEW_WARNING_SECONDS

if TYPE_CHECKING:
    from app.sync.engine import SyncEngine


def sync_engine(store: Store, **options: Any) -> SyncEngine:
    """The sync engine as the desk runs it: HQ's reminder sheets become the station's own sheets
    to answer. `options` are the engine's own (batch size, client, named steps...)."""
    # The engine brings the HTTP client and the keyring: loaded when a sync runs, not at start.
    from app.services import care_register, case_files, visit_records, warning_letters
    from app.sync.engine import SyncEngine

    tracked = (
        visit_records.VISITS,
        care_register.PEOPLE,
        case_files.CASES,
        warning_letters.LETTERS,
        reminder_sheets.SHEETS,
    )
    return SyncEngine(
        store,
        instructions={"reminder_sheet": partial(reminder_sheets.receive_from_hq, store)},
        tracked={t.kind: t for t in tracked},
        **options,
    )


def enroll(
    store: Store,
    hq_url: str,
    code: str,
    *,
    ca_bundle: str = "",
    allow_http: bool = False,
    client_factory: Callable[..., Any] | None = None,
) -> None:
    """Exchange a one-time code for the station token; the token goes to the keyring only."""
    from app import credentials
    from app.sync import protocol
    from app.sync.client import HqClient, check_transport

    url = check_transport(hq_url, allow_http)
    credentials.ensure_available()
    with store.read() as s:
        st = station_row(s)
        request = protocol.EnrollRequest(
            code=code.strip().upper(),
            unit_code=st.unit_code,
            unit_name=st.unit_name,
            station_uuid=st.station_uuid,
        )
        station_uuid = st.station_uuid
    with (client_factory or HqClient)(url, ca_bundle=ca_bundle, allow_http=allow_http) as client:
        answer = client.enroll(request)
    credentials.store_token(station_uuid, answer.station_token)
    with store.write() as s:
        state = outbox.state_row(s)
        state.hq_url = url
        state.ca_bundle = ca_bundle
        state.allow_http = allow_http
        state.enrolled_utc = utc_iso(dt.datetime.now(dt.UTC))
        state.confirmed_seq = 0  # this HQ has confirmed nothing yet, whatever the last one held
        state.last_error = ""
        state.last_error_code = ""
        state.failures = 0
        state.next_attempt_utc = None


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    hq_url: str
    pending: int
    oldest_pending_at: str | None
    last_success_utc: str | None
    last_attempt_utc: str | None
    last_error: str
    last_error_code: str
    next_attempt_utc: str | None
    clock_skew_seconds: float | None
    rejected: int
    unread_notices: int
    # HQ itself said, in the last successful run, that it holds every record up to the newest
    confirmed: bool = False

    @property
    def skew_warning(self) -> bool:
        return (
            self.clock_skew_seconds is not None
            and abs(self.clock_skew_seconds) > SKEW_WARNING_SECONDS
        )

    @property
    def needs_person(self) -> bool:
        """Refused or unconfigured: retrying alone will not help."""
        return self.last_error_code in (
            "sync_refused",
            "station_split",
            "keyring_unavailable",
            "keyring_in_file",
            "not_enrolled",
        )


def sync_status(store: Store) -> SyncStatus:
    with store.read() as s:
        st = station_row(s)
        state = s.get(SyncState, 1)
        pending = outbox.pending_count(st)
        oldest = s.scalar(select(Revision.recorded_at).where(Revision.seq == st.acked_seq + 1))
        rejected = s.scalar(select(func.count()).select_from(SyncRejection)) or 0
        unread = s.scalar(select(func.count()).where(HqInstruction.read.is_(False))) or 0
    return SyncStatus(
        enrolled=bool(state and state.hq_url),
        hq_url=state.hq_url if state else "",
        pending=pending,
        oldest_pending_at=oldest,
        last_success_utc=state.last_success_utc if state else None,
        last_attempt_utc=state.last_attempt_utc if state else None,
        last_error=state.last_error if state else "",
        last_error_code=state.last_error_code if state else "",
        next_attempt_utc=state.next_attempt_utc if state else None,
        clock_skew_seconds=state.clock_skew_seconds if state else None,
        rejected=rejected,
        unread_notices=unread,
        confirmed=state is not None and pending == 0 and state.confirmed_seq >= st.last_seq,
    )


def is_due(store: Store, now: dt.datetime | None = None) -> bool:
    """Whether the back-off allows another automatic attempt now."""
    status = sync_status(store)
    if not status.enrolled or status.needs_person:
        return False
    if status.next_attempt_utc is None:
        return True
    return parse_utc(status.next_attempt_utc) <= (now or dt.datetime.now(dt.UTC))


def reports_at_hq(store: Store, report_ids: list[str]) -> set[str]:
    """Which of these reports HQ holds completely (no revision of theirs is pending)."""
    if not report_ids:
        return set()
    with store.read() as s:
        st = station_row(s)
        waiting = set(
            s.scalars(
                select(Revision.record_id)
                .where(Revision.record_id.in_(report_ids), Revision.seq > st.acked_seq)
                .distinct()
            )
        )
    return set(report_ids) - waiting


@dataclass(frozen=True)
class Notice:
    id: int
    kind: str
    text: str
    created_utc: str
    read: bool


def notices(store: Store, limit: int = 50) -> list[Notice]:
    with store.read() as s:
        rows = s.scalars(select(HqInstruction).order_by(HqInstruction.id.desc()).limit(limit)).all()
    out = []
    for r in rows:
        payload = json.loads(r.payload)
        text = payload.get("text") or payload.get("title") or r.kind
        out.append(Notice(r.id, r.kind, str(text), r.created_utc, r.read))
    return out


def mark_notices_read(store: Store) -> None:
    with store.write() as s:
        for row in s.scalars(select(HqInstruction).where(HqInstruction.read.is_(False))):
            row.read = True
