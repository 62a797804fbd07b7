"""Headquarters use cases: enrolment, tokens, station overview, recovery, instructions.

The HTTP layer (app.hq.api) and the operator's command line (app.hq.cli) both call these; each
function owns its transaction and returns plain data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.catalog import load_catalog
from app.domain.clock import utc_iso
from app.domain.weekly_figures import Period, WeeklyFigures
from app.hq import figures, repeats
from app.hq.ingest import ingest_push
from app.hq.models import (
    HqAlarm,
    HqAlias,
    HqDisclosure,
    HqEnrolment,
    HqGeneration,
    HqInstruction,
    HqOperator,
    HqQuarantine,
    HqRateBucket,
    HqRecord,
    HqReminder,
    HqRevision,
    HqStation,
)
from app.hq.sql import dialect_insert
from app.sync import protocol

ENROLMENT_DAYS = 7
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over a phone


class HqError(Exception):
    """An expected refusal, with the HTTP status it maps to."""

    status = 400
    code = "bad_request"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unauthorised(HqError):
    status = 401
    code = "unauthorised"


class Forbidden(HqError):
    status = 403
    code = "forbidden"


class NotFound(HqError):
    status = 404
    code = "not_found"


class StationSplit(HqError):
    """This computer's generation was refused: another computer uses the same identity."""

    status = 409
    code = "station_split"


SPLIT_REASON = (
    "HQ refuses records from this computer: another computer is using this station's identity "
    "(a copied data folder, or a backup restored while the old PC still runs). Every record "
    "stays on this computer. Keep receiving on the other computer and ask HQ (alarm 'split') "
    "which computer is the station's."
)


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


def _alarm_text(detail: str) -> str:
    try:
        parsed = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(parsed, dict):
        return str(parsed.get("what") or detail)
    return detail


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Headquarters:
    """One HQ database; sessions are short, one per operation."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._tokens: dict[str, int] = {}

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s, s.begin():
            yield s

    # -- operator commands -----------------------------------------------------------------
    def issue_enrolment(self, unit_code: str, unit_name: str = "") -> str:
        """A one-time code for a station to exchange for its token; only its hash is stored."""
        code = "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(4))
        now = _now()
        with self.session() as s:
            station = s.scalar(select(HqStation).where(HqStation.unit_code == unit_code))
            if station is None:
                station = HqStation(unit_code=unit_code, unit_name=unit_name)
                s.add(station)
                s.flush()
            s.add(
                HqEnrolment(
                    code_sha256=_sha(code),
                    station_id=station.id,
                    created_utc=utc_iso(now),
                    expires_utc=utc_iso(now + dt.timedelta(days=ENROLMENT_DAYS)),
                )
            )
        return code

    def revoke(self, unit_code: str) -> None:
        with self.session() as s:
            station = s.scalar(select(HqStation).where(HqStation.unit_code == unit_code))
            if station is None:
                raise NotFound(f"no station {unit_code}")
            station.revoked = True
            station.token_sha256 = None

    def add_instruction(self, unit_code: str | None, kind: str, payload: dict[str, Any]) -> int:
        with self.session() as s:
            station_id = None
            if unit_code is not None:
                station_id = s.scalar(select(HqStation.id).where(HqStation.unit_code == unit_code))
                if station_id is None:
                    raise NotFound(f"no station {unit_code}")
            row = HqInstruction(
                station_id=station_id,
                kind=kind,
                payload=json.dumps(payload, ensure_ascii=False),
                created_utc=utc_iso(_now()),
            )
            s.add(row)
            s.flush()
            return row.id

    def stations(self) -> list[StationOverview]:
        with self.session() as s:
            rows = s.scalars(select(HqStation).order_by(HqStation.unit_code)).all()
            gens = s.execute(select(HqGeneration)).scalars().all()
            records = dict(
                s.execute(
                    select(HqRecord.station_id, func.count()).group_by(HqRecord.station_id)
                ).all()
            )
            quarantine = dict(
                s.execute(
                    select(HqQuarantine.station_id, func.count()).group_by(HqQuarantine.station_id)
                ).all()
            )
            alarm_counts = dict(
                s.execute(
                    select(HqAlarm.station_id, func.count()).group_by(HqAlarm.station_id)
                ).all()
            )
            newest_alarm: dict[int, str] = {}
            for station_id, kind, detail in s.execute(
                select(HqAlarm.station_id, HqAlarm.kind, HqAlarm.detail).where(
                    HqAlarm.id.in_(select(func.max(HqAlarm.id)).group_by(HqAlarm.station_id))
                )
            ):
                newest_alarm[station_id] = f"{kind}: {_alarm_text(detail)}"
        out = []
        for st in rows:
            mine = sorted((g for g in gens if g.station_id == st.id), key=lambda g: g.generation)
            kept = [g for g in mine if not g.refused]
            current = kept[-1] if kept else None
            out.append(
                StationOverview(
                    unit_code=st.unit_code,
                    unit_name=st.unit_name,
                    enrolled=st.token_sha256 is not None,
                    revoked=st.revoked,
                    generation=current.generation if current else None,
                    acknowledged_seq=current.acknowledged_seq if current else 0,
                    record_count=int(records.get(st.id, 0)),
                    last_contact_utc=st.last_contact_utc,
                    clock_skew_seconds=st.clock_skew_seconds,
                    quarantined=int(quarantine.get(st.id, 0)),
                    audit_seq=st.audit_seq,
                    audit_state=st.audit_state,
                    alarms=int(alarm_counts.get(st.id, 0)),
                    newest_alarm=newest_alarm.get(st.id, ""),
                    refused_generations=[g.generation for g in mine if g.refused],
                )
            )
        return out

    def alarms(self, unit_code: str | None = None) -> list[dict[str, Any]]:
        """What an operator must look at, newest first: rewritten audit chains, restarts
        after a restore, resends whose content differs."""
        with self.session() as s:
            query = select(HqAlarm, HqStation.unit_code).join(
                HqStation, HqStation.id == HqAlarm.station_id
            )
            if unit_code:
                query = query.where(HqStation.unit_code == unit_code)
            rows = s.execute(query.order_by(HqAlarm.id.desc())).all()
            return [
                {
                    "unit_code": code,
                    "kind": alarm.kind,
                    "detail": json.loads(alarm.detail)
                    if alarm.detail.startswith("{")
                    else alarm.detail,
                    "created_utc": alarm.created_utc,
                }
                for alarm, code in rows
            ]

    def record(self, record_id: str) -> dict[str, Any] | None:
        with self.session() as s:
            row = s.scalars(select(HqRecord).where(HqRecord.id == record_id)).first()
            return json.loads(row.payload) if row else None

    # -- station requests ---------------------------------------------------------------------
    def enroll(self, request: protocol.EnrollRequest) -> protocol.EnrollResponse:
        now = _now()
        token = secrets.token_urlsafe(32)
        with self.session() as s:
            enrolment = s.get(HqEnrolment, _sha(request.code.strip().upper()), with_for_update=True)
            if enrolment is None or enrolment.used_utc is not None:
                raise Unauthorised("enrolment code unknown or already used")
            if enrolment.expires_utc < utc_iso(now):
                raise Unauthorised("enrolment code expired; ask HQ for a new one")
            station = s.get(HqStation, enrolment.station_id, with_for_update=True)
            assert station is not None
            if station.unit_code != request.unit_code:
                raise Forbidden(f"this code is for unit {station.unit_code}")
            enrolment.used_utc = utc_iso(now)
            station.token_sha256 = _sha(token)
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
        digest = _sha(token)
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
                hq_time=_now().isoformat(),
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

    # -- the command centre's views ---------------------------------------------------------
    def issue_operator_token(self, name: str) -> str:
        """An operator's API token for the figures; shown once, only its hash is kept."""
        token = secrets.token_urlsafe(32)
        with self.session() as s:
            s.add(
                HqOperator(
                    name=name.strip()[:100] or "operator",
                    token_sha256=_sha(token),
                    created_utc=utc_iso(_now()),
                )
            )
        return token

    def authenticate_operator(self, token: str | None) -> str:
        if not token:
            raise Unauthorised("no operator token")
        with self.session() as s:
            name = s.scalar(select(HqOperator.name).where(HqOperator.token_sha256 == _sha(token)))
        if name is None:
            raise Unauthorised("unknown operator token")
        return name

    def weekly(
        self, period: Period, unit_code: str | None = None
    ) -> tuple[WeeklyFigures, list[dict[str, Any]]]:
        """The week across all stations (or one), and one line per station."""
        catalog = load_catalog()
        with self.session() as s:
            station = None
            if unit_code is not None:
                station = s.scalar(select(HqStation).where(HqStation.unit_code == unit_code))
                if station is None:
                    raise NotFound(f"no station {unit_code}")
            total = figures.figures(s, catalog, period, station=station)
            lines = [] if station else figures.per_station(s, catalog, period)
        return total, lines

    def reminder_sheets(self) -> list[dict[str, Any]]:
        """Every sheet found, issued or waiting for review, with the station's latest answer."""
        with self.session() as s:
            rows = s.execute(
                select(HqReminder, HqStation.unit_code, HqRecord.payload)
                .join(HqStation, HqStation.id == HqReminder.station_id)
                .outerjoin(
                    HqRecord,
                    (HqRecord.id == HqReminder.id) & (HqRecord.station_id == HqReminder.station_id),
                )
                .order_by(HqReminder.created_utc)
            ).all()
        out = []
        for sheet, unit_code, answer in rows:
            state = json.loads(answer) if answer else {}
            out.append(
                {
                    "code": sheet.code,
                    "unit_code": unit_code,
                    "key_kind": sheet.key_kind,
                    "key_value": sheet.key_value,
                    "deadline": sheet.deadline,
                    "created_utc": sheet.created_utc,
                    "review": sheet.status,
                    "status": state.get("status", "sent" if sheet.status == "issued" else ""),
                    "receipt": state.get("receipt_text", ""),
                    "progress": state.get("progress_text", ""),
                    "result": state.get("result_text", ""),
                }
            )
        return out

    def review_queue(self) -> list[dict[str, Any]]:
        """The cross-station matches waiting for an operator, with everything found (only the
        command centre sees this; the station gets what is issued)."""
        with self.session() as s:
            rows = s.execute(
                select(HqReminder, HqStation.unit_code)
                .join(HqStation, HqStation.id == HqReminder.station_id)
                .where(HqReminder.status == "review")
                .order_by(HqReminder.created_utc)
            ).all()
        return [
            {
                "code": sheet.code,
                "unit_code": unit_code,
                "key_kind": sheet.key_kind,
                "key_value": sheet.key_value,
                "created_utc": sheet.created_utc,
                "reports": json.loads(sheet.payload)["reports"],
            }
            for sheet, unit_code in rows
        ]

    def decide_sheet(
        self, code: str, operator: str, *, send: tuple[str, ...] | None, dismiss: bool = False
    ) -> dict[str, Any]:
        """An operator issues a waiting sheet with the chosen fields of the other stations'
        reports (logged as a disclosure), or sets it aside."""
        if not operator.strip():
            raise HqError("an operator name is required")
        with self.session() as s:
            sheet = s.scalar(select(HqReminder).where(HqReminder.code == code).with_for_update())
            if sheet is None:
                raise NotFound(f"no sheet {code}")
            if sheet.status != "review":
                raise HqError(f"sheet {code} was {sheet.status} already")
            if dismiss:
                sheet.status, sheet.decided_by = "dismissed", operator
                sheet.decided_utc = utc_iso(dt.datetime.now(dt.UTC))
                return {"code": code, "status": "dismissed"}
            sent = repeats.issue(s, sheet, operator, send or repeats.SHAREABLE)
        return {"code": code, "status": "issued", "sent": sent}

    def disclosures(self) -> list[dict[str, Any]]:
        """Every disclosure of one station's data to another: who, when, to whom, what."""
        with self.session() as s:
            rows = s.execute(
                select(HqDisclosure, HqStation.unit_code)
                .join(HqStation, HqStation.id == HqDisclosure.to_station_id)
                .order_by(HqDisclosure.id)
            ).all()
        return [
            {
                "created_utc": d.created_utc,
                "operator": d.operator,
                "to_unit": unit_code,
                "about_units": [u for u in d.about_units.split(",") if u],
                "fields": [f for f in d.fields.split(",") if f],
                "sheet": d.reminder_code,
            }
            for d, unit_code in rows
        ]

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


@dataclass(frozen=True)
class Caller:
    station_id: int
    token_sha256: str


@dataclass(frozen=True)
class StationOverview:
    unit_code: str
    unit_name: str
    enrolled: bool
    revoked: bool
    generation: int | None
    acknowledged_seq: int
    record_count: int
    last_contact_utc: str | None
    clock_skew_seconds: float | None
    quarantined: int
    audit_seq: int = 0
    audit_state: str = "ok"
    alarms: int = 0
    newest_alarm: str = ""
    # generations pushed by a second computer with this station's identity, now refused
    refused_generations: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
