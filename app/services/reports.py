"""Browsing and searching reports, and a report's history.

Pages are fetched by keyset (received time, id) so the thousandth page costs what the first
does; text search goes through the FTS5 index, phone and ID numbers through B-tree prefixes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, text, tuple_

from app import errors
from app.db.engine import Store
from app.db.models import Officer, Report, ReportRevision
from app.domain.search_keys import fts_query
from app.services.clock import utc_iso

PAGE_SIZE = 200
_DIGITS = re.compile(r"^\d{3,17}[\dxX]?$")


@dataclass(frozen=True)
class ReportFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    incident_type: str | None = None
    status: str | None = None
    officer_id: str | None = None
    text: str = ""


@dataclass(frozen=True)
class ReportRow:
    id: str
    serial: str
    received_at: str
    received_utc: str
    status: str
    incident_type: str
    reporter_name: str
    reporter_phone: str
    reporter_address: str
    officer_name: str


@dataclass(frozen=True)
class RevisionView:
    revision_no: int
    seq: int
    recorded_at: str
    officer_name: str
    action: str
    changes: dict[str, list[Any]]


_ROW_COLUMNS = (
    Report.id,
    Report.serial,
    Report.received_at,
    Report.received_utc,
    Report.status,
    Report.incident_type,
    Report.reporter_name,
    Report.reporter_phone,
    Report.reporter_address,
    Officer.name,
)


def _prefix_range(column: Any, prefix: str) -> Any:
    return and_(column >= prefix, column < prefix + "\uffff")


def _apply_filter(stmt: Any, flt: ReportFilter) -> Any:
    if flt.date_from:
        start = dt.datetime.combine(flt.date_from, dt.time.min).astimezone()
        stmt = stmt.where(Report.received_utc >= utc_iso(start))
    if flt.date_to:
        end = dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time.min).astimezone()
        stmt = stmt.where(Report.received_utc < utc_iso(end))
    if flt.incident_type:
        stmt = stmt.where(Report.incident_type == flt.incident_type)
    if flt.status:
        stmt = stmt.where(Report.status == flt.status)
    if flt.officer_id:
        stmt = stmt.where(Report.officer_id == flt.officer_id)
    query = flt.text.strip()
    if query:
        compact = query.replace(" ", "").replace("-", "")
        if _DIGITS.match(compact):
            upper = compact.upper()
            stmt = stmt.where(
                or_(
                    _prefix_range(Report.reporter_phone, compact),
                    _prefix_range(Report.reporter_id_number, upper),
                    Report.serial == query,
                )
            )
        elif re.match(r"^[0-9A-Za-z]+-\d{8}-\d+$", query):
            stmt = stmt.where(Report.serial == query)
        else:
            match = fts_query(query)
            if not match:
                return stmt.where(text("0"))
            stmt = stmt.where(
                text(
                    "report.rowid IN (SELECT rowid FROM report_fts WHERE report_fts MATCH :q)"
                ).bindparams(q=match)
            )
    return stmt


def count_reports(store: Store, flt: ReportFilter) -> int:
    stmt = _apply_filter(select(func.count()).select_from(Report), flt)
    with store.read() as s:
        return int(s.scalar(stmt) or 0)


def list_reports(
    store: Store,
    flt: ReportFilter,
    *,
    after: tuple[str, str] | None = None,
    limit: int = PAGE_SIZE,
) -> list[ReportRow]:
    """Newest first; pass the last row's (received_utc, id) as `after` for the next page."""
    stmt: Select[Any] = _apply_filter(
        select(*_ROW_COLUMNS).join(Officer, Officer.id == Report.officer_id), flt
    )
    if after is not None:
        stmt = stmt.where(tuple_(Report.received_utc, Report.id) < after)
    stmt = stmt.order_by(Report.received_utc.desc(), Report.id.desc()).limit(limit)
    with store.read() as s:
        return [ReportRow(*row) for row in s.execute(stmt).all()]


def get_report(store: Store, report_id: str) -> dict[str, Any]:
    with store.read() as s:
        report = s.get(Report, report_id)
        if report is None:
            raise errors.NotFoundError(report_id)
        officer = s.get(Officer, report.officer_id)
        data = {c.name: getattr(report, c.name) for c in Report.__table__.columns}
        data["checklist"] = json.loads(report.checklist or "[]")
        data["officer_name"] = officer.name if officer else ""
        data["officer_badge"] = officer.badge if officer else ""
        return data


def history(store: Store, report_id: str) -> list[RevisionView]:
    with store.read() as s:
        rows = s.execute(
            select(
                ReportRevision.revision_no,
                ReportRevision.seq,
                ReportRevision.recorded_at,
                Officer.name,
                ReportRevision.action,
                ReportRevision.changes,
            )
            .join(Officer, Officer.id == ReportRevision.officer_id)
            .where(ReportRevision.report_id == report_id)
            .order_by(ReportRevision.revision_no)
        ).all()
    return [RevisionView(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]
