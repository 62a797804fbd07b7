"""The command centre's views: operator tokens, the weekly figures across stations, and the
cross-station reminder sheets (the review queue, issuing or dismissing, the disclosures)."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from typing import Any

from sqlalchemy import select

from app.domain.catalog import load_catalog
from app.domain.clock import utc_iso
from app.domain.weekly_figures import Period, WeeklyFigures
from app.hq import figures, repeats
from app.hq.models import HqDisclosure, HqOperator, HqRecord, HqReminder, HqStation
from app.hq.refusals import HqError, NotFound, Unauthorised
from app.hq.sessions import HqSessions, sha256_hex, utc_now


class CommandCentre(HqSessions):
    def issue_operator_token(self, name: str) -> str:
        """An operator's API token for the figures; shown once, only its hash is kept."""
        token = secrets.token_urlsafe(32)
        with self.session() as s:
            s.add(
                HqOperator(
                    name=name.strip()[:100] or "operator",
                    token_sha256=sha256_hex(token),
                    created_utc=utc_iso(utc_now()),
                )
            )
        return token

    def authenticate_operator(self, token: str | None) -> str:
        if not token:
            raise Unauthorised("no operator token")
        with self.session() as s:
            name = s.scalar(
                select(HqOperator.name).where(HqOperator.token_sha256 == sha256_hex(token))
            )
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
