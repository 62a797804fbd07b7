"""The fields of station records HQ's figures count, projected at ingest (see HqFact).

A record's fact follows its newest revision only, like `hq_record`: a resent older revision
never overwrites a newer one.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from app.hq.models import HqFact
from app.hq.sql import dialect_insert

_COUNTED = ("report", "warning_letter", "visit")


def _fact(station_id: int, row: dict[str, Any]) -> dict[str, Any] | None:
    kind = row["record_kind"]
    if kind not in _COUNTED:
        return None
    p = json.loads(row["payload"])
    fact = {
        "station_id": station_id,
        "record_id": row["record_id"],
        "kind": kind,
        "revision_no": row["revision_no"],
        "day": "",
        "incident_type": "",
        "status": str(p.get("status") or ""),
        "repeat_rule": "",
        "colour": "",
        "colour_status": "",
        "answer": "",
        "phone": "",
    }
    if kind == "report":
        fact.update(
            day=str(p.get("received_at") or "")[:10],  # the station's own calendar day
            incident_type=str(p.get("incident_type") or ""),
            repeat_rule=str(p.get("repeat_rule") or ""),
            colour=str(p.get("warning_colour") or ""),
            colour_status=str(p.get("warning_status") or ""),
            phone=str(p.get("reporter_phone") or ""),
        )
    elif kind == "warning_letter":
        fact.update(day=str(p.get("approved_day") or ""), answer=str(p.get("serial") or ""))
    else:
        fact.update(day=str(p.get("outcome_day") or ""), answer=str(p.get("satisfaction") or ""))
    return fact


def project_facts(session: Session, station_id: int, newest: list[dict[str, Any]]) -> None:
    facts = [f for f in (_fact(station_id, row) for row in newest) if f is not None]
    if not facts:
        return
    stmt = dialect_insert(session, HqFact.__table__)
    fields = [k for k in facts[0] if k not in ("station_id", "record_id")]
    stmt = stmt.on_conflict_do_update(
        index_elements=["station_id", "record_id"],
        set_={f: getattr(stmt.excluded, f) for f in fields},
        where=HqFact.revision_no < stmt.excluded.revision_no,
    )
    session.execute(stmt, facts)
