"""What stations ask of HQ: enrolment, who a token names and its rate, push, status,
recovery of lost revisions, and instructions."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.clock import utc_iso
from app.hq.ingest import ingest_push
from app.hq.models import (
    HqAlias,
    HqEnrolment,
    HqGeneration,
    HqInstruction,
    HqQuarantine,
    HqRateBucket,
    HqRevision,
    HqStation,
)
from app.hq.refusals import SPLIT_REASON, Forbidden, StationSplit, Unauthorised
from app.hq.sessions import HqSessions, sha256_hex, utc_now
from app.hq.sql import dialect_insert
from app.sync import protocol


@dataclass(frozen=True)
class Caller:
    station_id: int
    token_sha256: str


def _revision_at(s: Session, station_id: int, generation: int, seq: int) -> str:
    for column, table in ((HqRevision.id, HqRevision), (HqAlias.revision_id, HqAlias)):
        found = s.scalar(
            select(column).where(
                table.station_id == station_id, table.generation == generation, table.seq == seq
            )
        )
        if found:
            return str(found)
    return ""


class StationRequests(HqSessions):
    """The station side of the protocol; each request is checked against its token inside
    its own transaction."""

    def enroll(self, request: protocol.EnrollRequest) -> protocol.EnrollResponse:
        now = utc_now()
        token = secrets.token_urlsafe(32)
        with self.session() as s:
            enrolment = s.get(
                HqEnrolment, sha256_hex(request.code.strip().upper()), with_for_update=True
            )
            if enrolment is None or enrolment.used_utc is not None:
                raise Unauthorised("enrolment code unknown or already used")
            if enrolment.expires_utc < utc_iso(now):
                raise Unauthorised("enrolment code expired; ask HQ for a new one")
            station = s.get(HqStation, enrolment.station_id, with_for_update=True)
            assert station is not None
            if station.unit_code != request.unit_code:
                raise Forbidden(f"this code is for unit {station.unit_code}")
            enrolment.used_utc = utc_iso(now)
            station.token_sha256 = sha256_hex(token)
            station.revoked = False
            station.station_uuid = request.station_uuid
            station.unit_name = request.unit_name or station.unit_name
            station.enrolled_utc = utc_iso(now)
        return protocol.EnrollResponse(
            station_token=token, unit_code=request.unit_code, hq_time=now.isoformat()
        )

    def authenticate(self, token: str | None) -> Caller:
        """Which station a token names. The answer is cached; every call still checks, inside
        its own transaction, that the token is current (`_verified`), so a revocation bites
        on the very next request."""
        if not token:
            raise Unauthorised("no station token")
        digest = sha256_hex(token)
        station_id = self._tokens.get(digest)
        if station_id is None:
            with self.session() as s:
                station_id = s.scalar(
                    select(HqStation.id).where(
                        HqStation.token_sha256 == digest, HqStation.revoked.is_(False)
                    )
                )
            if station_id is None:
                raise Unauthorised("station token unknown or revoked")
            self._tokens[digest] = station_id
        return Caller(station_id, digest)

    def rate_wait(self, key: str, rate: float, burst: int) -> float:
        """Take one token from the caller's bucket in the shared database; the seconds to
        wait when there is none. Every worker and host sees the same bucket, so a station
        spreading its requests over them is held to the same rate."""
        now = time.time()
        with self.session() as s:
            s.execute(
                dialect_insert(s, HqRateBucket)
                .values(key=key, tokens=float(burst), stamp=now)
                .on_conflict_do_nothing(index_elements=["key"])
            )
            bucket = s.get(HqRateBucket, key, with_for_update=True)
            assert bucket is not None
            tokens = min(float(burst), bucket.tokens + max(0.0, now - bucket.stamp) * rate)
            bucket.stamp = now
            if tokens >= 1:
                bucket.tokens = tokens - 1
                return 0.0
            bucket.tokens = tokens
            return (1 - tokens) / rate

    def _verified(self, s: Session, caller: Caller, *, lock: bool = False) -> HqStation:
        station = s.get(HqStation, caller.station_id, with_for_update=lock)
        if station is None or station.revoked or station.token_sha256 != caller.token_sha256:
            self._tokens.pop(caller.token_sha256, None)
            raise Unauthorised("station token unknown or revoked")
        return station

    def push(self, caller: Caller, request: protocol.PushRequest) -> protocol.PushResponse:
        with self.session() as s:
            station = self._verified(s, caller, lock=True)
            if station.unit_code != request.unit_code:
                raise Forbidden("a station pushes only its own records")
            gen = s.get(HqGeneration, (station.id, request.generation))
            if gen is not None and gen.refused:
                raise StationSplit(SPLIT_REASON)
            return ingest_push(s, station, request)

    def status(self, caller: Caller) -> protocol.StatusResponse:
        station_id = caller.station_id
        with self.session() as s:
            station = self._verified(s, caller)
            gens = s.scalars(
                select(HqGeneration)
                .where(HqGeneration.station_id == station_id)
                .order_by(HqGeneration.generation)
            ).all()
            quarantined = s.scalar(
                select(func.count()).where(HqQuarantine.station_id == station_id)
            )
            return protocol.StatusResponse(
                unit_code=station.unit_code,
                hq_time=utc_now().isoformat(),
                generations=[
                    protocol.GenerationState(
                        generation=g.generation,
                        base_seq=g.base_seq,
                        acknowledged_seq=g.acknowledged_seq,
                        high_seq=g.high_seq,
                        refused=g.refused,
                        computer=g.computer,
                        acknowledged_id=_revision_at(
                            s, station_id, g.generation, g.acknowledged_seq
                        ),
                    )
                    for g in gens
                ],
                quarantined=quarantined or 0,
            )

    def holds(self, caller: Caller, ids: list[str]) -> protocol.HoldsResponse:
        with self.session() as s:
            self._verified(s, caller)
            held = s.scalars(
                select(HqRevision.id).where(
                    HqRevision.station_id == caller.station_id, HqRevision.id.in_(ids)
                )
            ).all()
            return protocol.HoldsResponse(held=sorted(held))

    def recover(
        self, caller: Caller, generation: int, after_seq: int, limit: int
    ) -> protocol.RecoverResponse:
        """Hand back revisions a station lost (restored from an older backup), in seq order."""
        station_id = caller.station_id
        with self.session() as s:
            self._verified(s, caller)
            rows = s.scalars(
                select(HqRevision)
                .where(
                    HqRevision.station_id == station_id,
                    HqRevision.generation == generation,
                    HqRevision.seq > after_seq,
                )
                .order_by(HqRevision.seq)
                .limit(limit)
            ).all()
            return protocol.RecoverResponse(
                items=[
                    protocol.RevisionItem(
                        seq=r.seq,
                        revision_id=r.id,
                        record_id=r.record_id,
                        record_kind=r.record_kind,  # type: ignore[arg-type]
                        revision_no=r.revision_no,
                        parent_id=r.parent_id,
                        recorded_at=r.recorded_at,
                        action=r.action,
                        officer_badge=r.officer_badge,
                        changes=r.changes,
                        payload=r.payload,
                        sha256=r.sha256,
                    )
                    for r in rows
                ]
            )

    def instructions(
        self, caller: Caller, after: int, limit: int, after_uid: str = ""
    ) -> protocol.InstructionsResponse:
        """Instructions for this station after its cursor. The station names the instruction it
        saw at its cursor; when HQ holds another one there or none (HQ restored from a backup
        numbers its instructions again; another HQ never had them), the answer starts again
        from the first, and the station skips what it has by uid: none is lost, none applied
        twice."""
        station_id = caller.station_id
        mine = (HqInstruction.station_id == station_id) | HqInstruction.station_id.is_(None)
        restarted = False
        with self.session() as s:
            self._verified(s, caller)
            if after and after_uid:
                held = s.scalar(select(HqInstruction.uid).where(HqInstruction.id == after, mine))
                if held != after_uid:
                    after, restarted = 0, True
            rows = s.scalars(
                select(HqInstruction)
                .where(HqInstruction.id > after, mine)
                .order_by(HqInstruction.id)
                .limit(limit)
            ).all()
        items = [
            protocol.Instruction(
                id=r.id,
                uid=r.uid,
                kind=r.kind,
                payload=json.loads(r.payload),
                created_utc=r.created_utc,
            )
            for r in rows
        ]
        return protocol.InstructionsResponse(
            items=items, cursor=items[-1].id if items else after, restarted=restarted
        )
