"""Cross-station repeat detection at HQ: the same phone or ID number reporting at two stations.

Incremental: each ingested batch adds its reports' keys to the window's table (`hq_recent_key`,
pruned a little with every batch) and looks up only those keys there, one index range each
(key, received): the cost of a batch follows the window, not the millions of revisions HQ
holds. When a key was reported at another station inside the rule's window, a reminder sheet
for the station that received the newest report (the one that must act) is prepared once per
key and window and waits in the command centre's review queue: it reaches the station (an
instruction it pulls) only when an operator issues it, carrying the other stations' fields the
operator chose, and each such disclosure is logged (hq_disclosure). The rule file may set
`auto_issue` (off by default). A station whose reports hit other stations' keys unusually often
raises a `cross_station_probe` alarm.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session

from app.domain import repeat_rules
from app.domain.clock import parse_utc, utc_iso
from app.domain.repeat_rules import CrossStationRule
from app.hq.models import (
    HqAlarm,
    HqDisclosure,
    HqInstruction,
    HqRecentKey,
    HqReminder,
    HqStation,
)
from app.hq.sql import dialect_insert
from app.ids import new_id

ISSUING_UNIT = "110指挥中心"
# What a sheet may carry of another station's report; its own reports go whole.
SHAREABLE = ("unit_code", "serial", "received_at", "incident_type")
_FIELDS = {"phone": "reporter_phone", "id_number": "reporter_id_number"}


def cross_station_rule() -> CrossStationRule | None:
    """HQ's rule, from the bundled repeat rules."""
    return repeat_rules.RULES.in_use().cross_station


def _keys(
    station_id: int, rows: list[dict[str, Any]], rule: CrossStationRule
) -> list[dict[str, Any]]:
    keys = []
    for row in rows:
        if row["record_kind"] != "report":
            continue
        payload = json.loads(row["payload"])
        received_at = payload.get("received_at") or ""
        if payload.get("status") == "voided" or not received_at:
            continue
        try:
            received_utc = utc_iso(dt.datetime.fromisoformat(received_at))
        except ValueError:
            continue
        for kind in rule.keys:
            value = str(payload.get(_FIELDS[kind]) or "")
            if value:
                keys.append(
                    {
                        "key_kind": kind,
                        "key_value": value,
                        "station_id": station_id,
                        "record_id": row["record_id"],
                        "serial": str(payload.get("serial") or ""),
                        "incident_type": str(payload.get("incident_type") or ""),
                        "received_at": received_at,
                        "received_utc": received_utc,
                    }
                )
    return keys


def detect(
    session: Session, station: HqStation, newest: list[dict[str, Any]], now: dt.datetime
) -> list[str]:
    """Called in the push transaction with the batch's newest revision of each record; returns
    the codes of the sheets issued."""
    rule = cross_station_rule()
    if rule is None:
        return []
    keys = _keys(station.id, newest, rule)
    if not keys:
        return []
    window = dt.timedelta(days=rule.window_days)
    # a report received longer ago than the window (a station catching up after months
    # offline) is history: counted in the figures, too late for a sheet
    keys = [k for k in keys if parse_utc(k["received_utc"]) >= now - window]
    _prune(session, now - window - dt.timedelta(days=1))
    if not keys:
        return []
    session.execute(
        dialect_insert(session, HqRecentKey.__table__).on_conflict_do_nothing(
            index_elements=["station_id", "record_id", "key_kind", "key_value"]
        ),
        keys,
    )
    pairs = sorted({(k["key_kind"], k["key_value"]) for k in keys})
    held = _keys_with_a_sheet(session, pairs, utc_iso(now - window))
    # a key given its sheet in this window needs no more: only the others' reports are read
    # (a busy phone number seen at many stations would otherwise be read whole every push)
    keys = [k for k in keys if (k["key_kind"], k["key_value"]) not in held]
    if not keys:
        return []
    since = utc_iso(min(parse_utc(k["received_utc"]) for k in keys) - window)
    seen = _reports_by_key(session, sorted({(k["key_kind"], k["key_value"]) for k in keys}), since)
    issued: list[str] = []
    first_number = 1
    sheeted: set[str] = set()  # one sheet per new report, even if phone and ID both match
    for key in keys:
        pair = (key["key_kind"], key["key_value"])
        if key["record_id"] in sheeted:
            continue
        end = parse_utc(key["received_utc"])
        inside = [r for r in seen.get(pair, []) if end - window <= parse_utc(r.received_utc) <= end]
        stations = {r.station_id for r in inside}
        if len(stations) < 2 or station.id not in stations or pair in held:
            continue
        if not issued:  # numbered per station; this station's pushes are serialised by its
            # generation row lock, so the count cannot race
            first_number = _next_sheet_number(session, station, now)
        code = f"HQ{now.year}-{station.unit_code}-{first_number + len(issued):04d}"
        issued.append(_prepare(session, station, rule, pair, inside, now, code))
        held.add(pair)
        sheeted.add(key["record_id"])
    if issued:
        _probe_alarm(session, station, rule, now)
    return issued


def _reports_by_key(
    session: Session, pairs: list[tuple[str, str]], since: str
) -> dict[tuple[str, str], list[Any]]:
    """Every station's reports received since `since` under each (kind, value) key."""
    seen: dict[tuple[str, str], list[Any]] = {}
    for row in session.execute(
        select(
            HqRecentKey.key_kind,
            HqRecentKey.key_value,
            HqRecentKey.station_id,
            HqRecentKey.record_id,
            HqRecentKey.serial,
            HqRecentKey.incident_type,
            HqRecentKey.received_at,
            HqRecentKey.received_utc,
            HqStation.unit_code,
        )
        .join(HqStation, HqStation.id == HqRecentKey.station_id)
        .where(
            tuple_(HqRecentKey.key_kind, HqRecentKey.key_value).in_(pairs),
            HqRecentKey.received_utc >= since,
        )
    ):
        seen.setdefault((row.key_kind, row.key_value), []).append(row)
    return seen


def _keys_with_a_sheet(
    session: Session, pairs: list[tuple[str, str]], since: str
) -> set[tuple[str, str]]:
    """The keys already given a sheet in this window."""
    return {
        (kind, value)
        for kind, value in session.execute(
            select(HqReminder.key_kind, HqReminder.key_value).where(
                tuple_(HqReminder.key_kind, HqReminder.key_value).in_(pairs),
                HqReminder.created_utc >= since,
            )
        )
    }


def _next_sheet_number(session: Session, station: HqStation, now: dt.datetime) -> int:
    """After the highest number given this year, not the count: an HQ restored from a backup
    and given back lost sheets by the stations must not hand a number out twice."""
    prefix = f"HQ{now.year}-{station.unit_code}-"
    given = session.scalars(
        select(HqReminder.code).where(
            HqReminder.station_id == station.id, HqReminder.code.like(f"{prefix}%")
        )
    ).all()
    return 1 + max((int(c[len(prefix) :]) for c in given if c[len(prefix) :].isdigit()), default=0)


def _probe_alarm(
    session: Session, station: HqStation, rule: CrossStationRule, now: dt.datetime
) -> None:
    """Once per probe window: this station's reports matched other stations' keys more often
    than the rule allows (made-up reports asking whether a person was reported elsewhere)."""
    since = utc_iso(now - dt.timedelta(days=rule.probe_days))
    session.flush()
    hits = session.scalar(
        select(func.count())
        .select_from(HqReminder)
        .where(HqReminder.station_id == station.id, HqReminder.created_utc >= since)
    )
    if (hits or 0) < rule.probe_hits:
        return
    raised = session.scalar(
        select(func.count())
        .select_from(HqAlarm)
        .where(
            HqAlarm.station_id == station.id,
            HqAlarm.kind == "cross_station_probe",
            HqAlarm.created_utc >= since,
        )
    )
    if raised:
        return
    session.add(
        HqAlarm(
            station_id=station.id,
            kind="cross_station_probe",
            detail=json.dumps(
                {
                    "what": f"{station.unit_code}: {hits} reports matched other stations' "
                    f"people within {rule.probe_days} days (limit {rule.probe_hits})",
                    "hits": hits,
                },
                ensure_ascii=False,
            ),
            created_utc=utc_iso(now),
        )
    )


def issue(
    session: Session,
    reminder: HqReminder,
    operator: str,
    send: tuple[str, ...] = SHAREABLE,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """Send a prepared sheet to its station with only the chosen fields of the other
    stations' reports, and log the disclosure. Returns what went."""
    station = session.get(HqStation, reminder.station_id)
    assert station is not None
    full: dict[str, Any] = json.loads(reminder.payload)
    fields = tuple(f for f in SHAREABLE if f in send)
    others = sorted(
        {e["unit_code"] for e in full["reports"] if e.get("unit_code") != station.unit_code}
    )
    full["reports"] = [
        e if e.get("unit_code") == station.unit_code else {f: e.get(f, "") for f in fields}
        for e in full["reports"]
    ]
    text = json.dumps(full, ensure_ascii=False)
    stamp = utc_iso(now or dt.datetime.now(dt.UTC))
    session.add(
        HqInstruction(station_id=station.id, kind="reminder_sheet", payload=text, created_utc=stamp)
    )
    session.add(
        HqDisclosure(
            reminder_code=reminder.code,
            to_station_id=station.id,
            about_units=",".join(others),
            fields=",".join(fields),
            operator=operator,
            created_utc=stamp,
        )
    )
    reminder.status, reminder.decided_utc, reminder.decided_by = "issued", stamp, operator
    return full


PRUNE_ROWS = 2000  # per batch: the window's table shrinks steadily, never in one long delete


def _prune(session: Session, cutoff: dt.datetime) -> None:
    old = (
        select(HqRecentKey.id)
        .where(HqRecentKey.received_utc < utc_iso(cutoff))
        .order_by(HqRecentKey.received_utc)
        .limit(PRUNE_ROWS)
        .scalar_subquery()
    )
    session.execute(delete(HqRecentKey).where(HqRecentKey.id.in_(old)))


def _prepare(
    session: Session,
    station: HqStation,
    rule: CrossStationRule,
    pair: tuple[str, str],
    inside: list[Any],
    now: dt.datetime,
    code: str,
) -> str:
    reports = sorted(
        (
            {
                "record_id": r.record_id,
                "serial": r.serial,
                "unit_code": r.unit_code,
                "received_at": r.received_at,
                "incident_type": r.incident_type,
            }
            for r in inside
        ),
        key=lambda e: e["received_at"],
    )
    stations = len({r.station_id for r in inside})
    sheet_id = new_id()
    payload = {
        "id": sheet_id,
        "code": code,
        "issuing_unit": ISSUING_UNIT,
        "rule_id": rule.id,
        "rule_label": rule.label("zh_CN", len(reports), stations),
        "key_kind": pair[0],
        "key_value": pair[1],
        "deadline": (now.date() + dt.timedelta(days=rule.deadline_days)).isoformat(),
        "reports": reports,
    }
    reminder = HqReminder(
        id=sheet_id,
        code=code,
        station_id=station.id,
        key_kind=pair[0],
        key_value=pair[1],
        deadline=payload["deadline"],
        payload=json.dumps(payload, ensure_ascii=False),
        created_utc=utc_iso(now),
        status="review",
    )
    session.add(reminder)
    if rule.auto_issue:  # the rule file asks for it: sent unreviewed, still logged
        issue(session, reminder, "auto", SHAREABLE, now)
    return code
