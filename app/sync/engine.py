"""One sync run: `SyncEngine(...).run_once()` -> a SyncReport of what happened (the desk builds
its engine with `app.services.sync.sync_engine`, which says what HQ's instructions mean here).

Qt-free; the GUI runs it on a worker thread, `stationdesk sync` from a scheduled task. The run:

1. takes the lease (a second run at the same time does nothing; a dead run's lease runs out),
2. asks HQ for its view of this station: adopts a watermark whose answer was lost, and notices
   a restore from an older backup (HQ holds seqs this station has not written),
3. pushes pending revisions in seq order, in batches (413 halves the batch),
4. on a restore: starts a new generation and takes back what HQ holds that the station lost,
5. pulls HQ's instructions from its cursor and applies each once.

The database write lock is never held while waiting on the network: every HTTP call happens
between short transactions. A failure is recorded with the next attempt time (capped
exponential back-off with full jitter, or HQ's Retry-After if longer); nothing is ever deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import random
import socket
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import credentials, errors
from app.db.engine import Store
from app.db.models import SyncState
from app.db.revisions import Tracked, station_row
from app.domain.catalog import CATALOG_FILENAME, parse_catalog
from app.domain.clock import now_local, parse_utc, utc_iso
from app.sync import outbox, protocol
from app.sync.client import BatchTooLarge, HqClient
from app.sync.reconcile import SPLIT_MESSAGE, Reconciler
from app.sync.report import SyncReport

LEASE_SECONDS = 120
BACKOFF_BASE_SECONDS = 2.0
BACKOFF_CAP_SECONDS = 300.0


log = logging.getLogger("stationdesk.sync")


def backoff_delay(failures: int, retry_after: float | None, rng: random.Random) -> float:
    """Full jitter: uniform in [0, min(cap, base * 2^n)], never shorter than HQ asked."""
    ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * (2 ** min(failures, 30)))
    return max(retry_after or 0.0, rng.uniform(0, ceiling))


def _owner_alive(owner: str) -> bool:
    """A lease held by a process on this PC that no longer exists is free at once."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return True  # another PC sharing the folder: wait for the lease to run out
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class _Flight:
    items: list[dict[str, Any]]
    answer: Future[protocol.PushResponse]


ClientFactory = Callable[[str, str, str, bool], HqClient]
# What the desk makes of an instruction of one kind, given its payload (a reminder sheet becomes
# the station's own sheet to answer). Sync stores every instruction and applies each once; what
# one means at the desk is the services' business, so they hand these in (app.services.sync).
InstructionHandlers = Mapping[str, Callable[[dict[str, Any]], object]]


def default_client(url: str, token: str, ca_bundle: str, allow_http: bool) -> HqClient:
    return HqClient(url, token=token, ca_bundle=ca_bundle, allow_http=allow_http)


class SyncEngine:
    def __init__(
        self,
        store: Store,
        *,
        instructions: InstructionHandlers,
        batch_size: int = 500,
        client_factory: ClientFactory = default_client,
        step: Callable[[str], None] = lambda _name: None,
        rng: random.Random | None = None,
        computer: str | None = None,
        tracked: Mapping[str, Tracked] | None = None,
    ) -> None:
        self.store = store
        self.instructions = instructions
        self.batch_size = batch_size
        self.client_factory = client_factory
        self.step = step  # named points in a run; crash tests stop the process there
        self.rng = rng or random.Random()
        self._owner = ""
        self.tracked = tracked or {}  # the kinds of record besides reports, by name
        self.reconciler = Reconciler(store, computer, step, self.tracked)
        self.computer = computer  # None: this computer's own id, from its keyring

    # -- the run ----------------------------------------------------------------------------
    def run_once(self) -> SyncReport:
        report = SyncReport()
        owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._owner = owner
        if not self._take_lease(owner):
            report.skipped = True
            return report
        try:
            with self._client() as client:
                self.reconciler = Reconciler(self.store, self.computer, self.step, self.tracked)
                self.reconciler.reconcile(client, report)
                self._push_all(client, report)
                self._pull(client, report)
            self._finish(owner, report, None)
        except (
            errors.SyncFailedError,
            errors.SyncRefusedError,
            errors.KeyringUnavailableError,
            errors.NotEnrolledError,
            errors.InsecureTransportError,
            errors.DatabaseError,  # this PC's file refused a change: said, retried, never raised
        ) as exc:
            self._finish(owner, report, exc)
        return report

    def _client(self) -> HqClient:
        with self.store.read() as s:
            st = station_row(s)
            state = s.get(SyncState, 1)
            if state is None or not state.hq_url:
                raise errors.NotEnrolledError("this station is not enrolled with HQ")
            url, ca, allow_http, station_uuid = (
                state.hq_url,
                state.ca_bundle,
                state.allow_http,
                st.station_uuid,
            )
        token = credentials.load_token(station_uuid)
        if not token:
            raise errors.NotEnrolledError("no station token in the keyring; enrol again")
        if self.computer is None:
            self.computer = credentials.computer_id()
        return self.client_factory(url, token, ca, allow_http)

    def _push_all(self, client: HqClient, report: SyncReport) -> None:
        batch = self.batch_size
        sender = ThreadPoolExecutor(1, thread_name_prefix="sync-send")
        try:
            while True:
                outcome = self._push_pipelined(client, report, sender, batch)
                if outcome == "done":
                    return
                if outcome == "smaller":
                    if batch == 1:
                        raise errors.SyncFailedError(
                            "HQ refuses even a single revision as too large"
                        )
                    batch = max(1, batch // 2)
        finally:
            sender.shutdown(wait=True, cancel_futures=True)

    def _push_pipelined(
        self, client: HqClient, report: SyncReport, sender: ThreadPoolExecutor, batch: int
    ) -> str:
        """Push in seq order with one batch in flight while the next is read and the last
        answer is recorded, so the desk's work and HQ's overlap. HQ still sees one request at
        a time from this station, in order."""
        cursor: int | None = None
        self._audit_cursor: int | None = None
        in_flight: _Flight | None = None
        first = True
        while True:
            with self.store.read() as s:
                st = station_row(s)
                after = st.acked_seq if cursor is None else cursor
                items = outbox.pending_batch(s, st, batch, after=after)
                header = (st.unit_code, st.generation, st.generation_base)
                audit_after = (
                    st.audit_acked_seq if self._audit_cursor is None else self._audit_cursor
                )
                links = outbox.audit_links(s, audit_after)
                behind = outbox.state_row(s).hq_behind
            upcoming: _Flight | None = None
            # Every push carries the audit chain's head; with no revision pending, one push
            # still goes when the chain grew (sign-ins, prints), so HQ's copy keeps up, and
            # when HQ is to hear that another computer uses this identity.
            if items or (
                first
                and (
                    self.reconciler.split
                    or links["digests"]
                    or links["base_hash"] == outbox.MISSING_HASH
                )
            ):
                self.step("before_push")
                body = protocol.push_body(
                    unit_code=header[0],
                    generation=header[1],
                    generation_base=header[2],
                    station_time=now_local().isoformat(timespec="seconds"),
                    revisions=items,
                    audit=links,
                    rewind=json.loads(behind) if behind else None,
                    split=self.reconciler.split,
                    computer=self.computer or "",
                )
                upcoming = _Flight(items, sender.submit(client.push_raw, body))
                if items:
                    cursor = items[-1]["seq"]
                self._audit_cursor = links["base_seq"] + len(links["digests"])
            first = False
            if in_flight is None:
                if upcoming is None:
                    return "done"
                in_flight = upcoming
                continue
            outcome = self._settle(in_flight, report)
            if outcome != "next":
                if upcoming is not None:  # sent on an assumption that no longer holds
                    with contextlib.suppress(Exception):
                        upcoming.answer.result()
                if outcome == "conflict":
                    self.reconciler.after_conflict(client, report)
                return outcome
            in_flight = upcoming
            if in_flight is None:
                return "done"

    def _settle(self, flight: _Flight, report: SyncReport) -> str:
        try:
            answer = flight.answer.result()
        except BatchTooLarge:
            return "smaller"
        items = flight.items
        self.step("after_push_response")
        if answer.audit_state == "resync":
            self._audit_cursor = None  # start again from where HQ says it is
        report.pushed += len(items)
        report.clock_skew_seconds = answer.clock_skew_seconds
        counts = {s: 0 for s in ("stored", "duplicate", "quarantined", "mismatch", "conflict")}
        for result in answer.results:
            counts[result.status] += 1
        report.stored += counts["stored"]
        report.duplicates += counts["duplicate"]
        report.quarantined += counts["quarantined"]
        report.mismatches += counts["mismatch"]
        with self.store.write() as s:
            st = station_row(s)
            outbox.record_answer(s, st, items, answer)
            outbox.told_hq(s)
            state = outbox.state_row(s)
            state.clock_skew_seconds = answer.clock_skew_seconds
            if state.lease_owner == self._owner:  # a long catch-up keeps its lease
                state.lease_until_utc = utc_iso(
                    dt.datetime.now(dt.UTC) + dt.timedelta(seconds=LEASE_SECONDS)
                )
        self.step("after_ack_commit")
        if answer.refused:  # HQ has what this copy brought, and refuses it from now on
            raise errors.StationSplitError(SPLIT_MESSAGE)
        if counts["conflict"]:
            return "conflict"
        if items and answer.acknowledged_seq < items[0]["seq"]:
            # Nothing of this batch counted: HQ lacks something below it (HQ was restored
            # from a backup while this run went on). The next run's check finds where HQ
            # really is and sends again from there.
            raise errors.HqIncompleteError(
                f"HQ answered but holds less than it acknowledged (only up to "
                f"{answer.acknowledged_seq}); sending again from there"
            )
        return "next"

    def _pull(self, client: HqClient, report: SyncReport) -> None:
        while True:
            with self.store.read() as s:
                state = s.get(SyncState, 1)
                cursor = state.instruction_cursor if state else 0
                cursor_uid = state.instruction_cursor_uid if state else ""
            page = client.instructions(cursor, cursor_uid)
            self.step("after_instructions_fetch")
            if not page.items and not page.restarted:
                return
            if page.restarted:
                log.warning("HQ no longer holds instruction %d as seen: reading all again", cursor)
            with self.store.write() as s:
                fresh = outbox.store_instructions(s, page.items)
                state = outbox.state_row(s)
                state.instruction_cursor = page.cursor
                if page.items:
                    state.instruction_cursor_uid = page.items[-1].uid
                elif page.restarted:
                    state.instruction_cursor_uid = ""
            for item in fresh:
                self._apply_instruction(item)
            report.instructions += len(fresh)
            self.step("after_instructions_commit")
            if not page.items:
                return

    def _apply_instruction(self, item: protocol.Instruction) -> None:
        """Catalog versions are installed as files (validated, only if newer); other kinds go to
        the handler the desk gave for them (reminder sheets become the station's own sheet to
        answer); notices are shown from the stored rows."""
        handler = self.instructions.get(item.kind)
        if handler is not None:
            handler(item.payload)
            return
        if item.kind != "catalog":
            return
        try:
            parse_catalog(item.payload.get("catalog"), f"HQ instruction {item.id}")
        except errors.CatalogError:
            return  # kept as a row; the desk shows it was not installed
        folder = Path(self.store.path).parent / "catalog"
        folder.mkdir(exist_ok=True)
        target = folder / CATALOG_FILENAME
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(item.payload["catalog"], ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)

    # -- lease and bookkeeping -------------------------------------------------------------
    def _take_lease(self, owner: str) -> bool:
        now = dt.datetime.now(dt.UTC)
        with self.store.write() as s:
            state = outbox.state_row(s)
            if (
                state.lease_owner
                and state.lease_until_utc
                and parse_utc(state.lease_until_utc) > now
                and _owner_alive(state.lease_owner)
            ):
                return False
            state.lease_owner = owner
            state.lease_until_utc = utc_iso(now + dt.timedelta(seconds=LEASE_SECONDS))
            state.last_attempt_utc = utc_iso(now)
        return True

    def _finish(self, owner: str, report: SyncReport, exc: Exception | None) -> None:
        now = dt.datetime.now(dt.UTC)
        with self.store.write() as s:
            st = station_row(s)
            state = outbox.state_row(s)
            report.pending = outbox.pending_count(st)
            if state.lease_owner == owner:
                state.lease_owner = ""
                state.lease_until_utc = None
            if exc is None:
                # every watermark move in this run came from HQ's own answers: confirmed
                state.confirmed_seq = st.acked_seq
                state.restored = False
                state.last_success_utc = utc_iso(now)
                state.last_error = ""
                state.last_error_code = ""
                state.failures = 0
                state.next_attempt_utc = None
                report.ok = report.pending == 0
                log.info(
                    "sync: pushed %d, stored %d, recovered %d, pending %d",
                    report.pushed,
                    report.stored,
                    report.recovered,
                    report.pending,
                )
                return
            retry_after = (
                exc.details.get("retry_after") if isinstance(exc, errors.StationDeskError) else None
            )
            report.error = str(exc)
            report.error_code = getattr(exc, "code", "error")
            log.warning("sync failed (%s): %s", report.error_code, report.error)
            report.retry_after = retry_after if isinstance(retry_after, float) else None
            state.failures += 1
            state.last_error = report.error[:500]
            state.last_error_code = report.error_code
            if isinstance(exc, errors.SyncFailedError | errors.DatabaseError):
                delay = backoff_delay(state.failures, report.retry_after, self.rng)
                state.next_attempt_utc = utc_iso(now + dt.timedelta(seconds=delay))
            else:
                state.next_attempt_utc = None  # a person must act first (enrol, keyring, HQ)
