"""The operator's commands on stations: enrolment codes, revocation, notices, the overview
of every station and the alarms to look at."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select

from app.domain.clock import utc_iso
from app.hq.models import (
    HqAlarm,
    HqEnrolment,
    HqGeneration,
    HqInstruction,
    HqQuarantine,
    HqRecord,
    HqStation,
)
from app.hq.refusals import NotFound
from app.hq.sessions import HqSessions, sha256_hex, utc_now

ENROLMENT_DAYS = 7
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over a phone


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


def _alarm_text(detail: str) -> str:
    try:
        parsed = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(parsed, dict):
        return str(parsed.get("what") or detail)
    return detail


class OperatorCommands(HqSessions):
    def issue_enrolment(self, unit_code: str, unit_name: str = "") -> str:
        """A one-time code for a station to exchange for its token; only its hash is stored."""
        code = "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(4))
        now = utc_now()
        with self.session() as s:
            station = s.scalar(select(HqStation).where(HqStation.unit_code == unit_code))
            if station is None:
                station = HqStation(unit_code=unit_code, unit_name=unit_name)
                s.add(station)
                s.flush()
            s.add(
                HqEnrolment(
                    code_sha256=sha256_hex(code),
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
                created_utc=utc_iso(utc_now()),
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
