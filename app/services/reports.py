"""Browsing and searching reports, and a report's history.

Pages are fetched by keyset (received time, id) so the thousandth page costs what the first
does; text search goes through the FTS5 index, phone and ID numbers through B-tree prefixes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Select, and_, column, func, literal_column, or_, select, table, text, tuple_
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import (
    IntakeDraft,
    Officer,
    Report,
    Revision,
    Visit,
    WarningLetter,
    has_key,
    key_is,
)
from app.domain import statuses
from app.domain.clock import utc_iso
from app.domain.report_fields import JSON_LIST_FIELDS
from app.domain.search_keys import fts_query
from app.services import case_files, early_warning, visit_queries, warning_letters
from app.services.visit_queries import VisitRow
from app.services.warning_letters import LetterView

if TYPE_CHECKING:
    from app.domain.warning_colours import WarningCriteria

PAGE_SIZE = 100  # about four screens of rows; more are fetched as the officer scrolls
_DIGITS = re.compile(r"^\d{3,17}[\dxX]?$")
_SERIAL = re.compile(r"^[0-9A-Za-z]+-\d{8}-\d+$")


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
    warning_colour: str = ""
    warning_status: str = ""


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
    Report.warning_colour,
    Report.warning_status,
)


def _prefix_range(column: Any, prefix: str) -> Any:
    return and_(has_key(column), column >= prefix, column < prefix + "\uffff")


def _apply_filter(stmt: Any, flt: ReportFilter) -> Any:
    if flt.date_from:
        start = dt.datetime.combine(flt.date_from, dt.time.min).astimezone()
        stmt = stmt.where(Report.received_utc >= utc_iso(start))
    if flt.date_to:
        end = dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time.min).astimezone()
        stmt = stmt.where(Report.received_utc < utc_iso(end))
    if flt.incident_type:
        stmt = stmt.where(key_is(Report.incident_type, flt.incident_type))
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
        elif _SERIAL.match(query):
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


def count_reports(store: Store, flt: ReportFilter, *, cap: int | None = None) -> int:
    """How many reports match; with `cap`, counting stops there (the browser shows "N+")."""
    inner = _apply_filter(select(literal_column("1")).select_from(Report), flt)
    if cap is not None:
        inner = inner.limit(cap + 1)
    stmt = select(func.count()).select_from(inner.subquery())
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
    match = _fts_match(flt.text)
    if match is not None:
        stmt = _text_search(flt, match, after, limit)
    else:
        stmt = _apply_filter(
            select(*_ROW_COLUMNS).join(Officer, Officer.id == Report.officer_id), flt
        )
        if after is not None:
            stmt = stmt.where(tuple_(Report.received_utc, Report.id) < after)
        stmt = stmt.order_by(Report.received_utc.desc(), Report.id.desc()).limit(limit)
    with store.read() as s:
        return [ReportRow(*row) for row in s.execute(stmt).all()]


_FTS = table("report_fts", column("rowid"))
_REPORT_ROWID: Any = literal_column("report.rowid")


def _fts_match(query: str) -> str | None:
    """The FTS5 query for free text, or None when the text is a number or serial."""
    query = query.strip()
    compact = query.replace(" ", "").replace("-", "")
    if not query or _DIGITS.match(compact) or _SERIAL.match(query):
        return None
    return fts_query(query)


def _text_search(
    flt: ReportFilter, match: str, after: tuple[str, str] | None, limit: int
) -> Select[Any]:
    """Driven by the index, newest match first, stopping after one page.

    Ordering by the report's rowid, which grows with every receipt, lets SQLite walk the
    FTS5 matches backwards and stop at the page's end; ordering by the received time would
    first collect every match (tens of thousands for a common surname at a million reports).
    """
    if not match:
        nothing = (
            select(*_ROW_COLUMNS).join(Officer, Officer.id == Report.officer_id).where(text("0"))
        )
        return cast("Select[Any]", nothing)
    stmt: Any = (
        select(*_ROW_COLUMNS)
        .select_from(_FTS)
        .join(Report, _FTS.c.rowid == _REPORT_ROWID)
        .join(Officer, Officer.id == Report.officer_id)
        .where(text("report_fts MATCH :q").bindparams(q=match))
    )
    stmt = _apply_filter(stmt, replace(flt, text=""))
    if after is not None:
        last: Any = select(literal_column("rowid")).select_from(Report).where(Report.id == after[1])
        stmt = stmt.where(_FTS.c.rowid < last.scalar_subquery())
    return cast("Select[Any]", stmt.order_by(_FTS.c.rowid.desc()).limit(limit))


def get_report(store: Store, report_id: str) -> dict[str, Any]:
    with store.read() as s:
        return _report_data(s, report_id)


def _report_data(s: Session, report_id: str) -> dict[str, Any]:
    report = s.get(Report, report_id)
    if report is None:
        raise errors.NotFoundError(report_id)
    officer = s.get(Officer, report.officer_id)
    data = {c.name: getattr(report, c.name) for c in Report.__table__.columns}
    for name in JSON_LIST_FIELDS:
        data[name] = json.loads(getattr(report, name) or "[]")
    data["officer_name"] = officer.name if officer else ""
    data["officer_badge"] = officer.badge if officer else ""
    return data


@dataclass(frozen=True)
class ReportView:
    """Everything the intake form shows of one report, read in one transaction so that the
    parts agree with each other (a visit created by a save is never shown beside the report
    as it was before that save)."""

    report: dict[str, Any]  # as `get_report` gives it
    draft: dict[str, Any] | None  # typed but not yet saved
    visits: list[VisitRow]
    case_file: dict[str, Any] | None  # the newest file it is in, with its code
    warning_applies: bool  # the five-colour warning applies to this type, or a colour is set
    criteria: WarningCriteria  # in force: names and ranks the colour
    letters_apply: bool  # a warning letter can be written for this type
    letter: LetterView | None  # the newest letter, whatever its state


def report_view(store: Store, report_id: str) -> ReportView:
    """One report with its visits, case file, warning colour and letter. A receipt being
    typed has none of these yet: its view reads only the report and the draft, so the form
    shown after the receive button costs one short transaction."""
    criteria = early_warning.criteria_for(store)
    with store.read() as s:
        report = _report_data(s, report_id)
        draft = s.get(IntakeDraft, report_id)
        receiving = report["status"] == statuses.RECEIVING
        visits: list[VisitRow] = []
        case: dict[str, Any] | None = None
        letter: LetterView | None = None
        if not receiving:
            visits = [
                visit_queries._to_row(r)
                for r in s.execute(
                    visit_queries._row_select()
                    .where(Visit.report_id == report_id)
                    .order_by(Visit.sequence_no)
                )
            ]
            case = case_files.newest_file_of_report(s, report_id)
            newest = s.scalars(
                select(WarningLetter)
                .where(WarningLetter.report_id == report_id)
                .order_by(WarningLetter.created_utc.desc())
                .limit(1)
            ).first()
            letter = warning_letters._view(s, newest) if newest else None
        incident_type = report["incident_type"] or ""
        return ReportView(
            report=report,
            draft=json.loads(draft.fields) if draft else None,
            visits=visits,
            case_file=case,
            warning_applies=criteria.applies(incident_type) or bool(report["warning_colour"]),
            criteria=criteria,
            letters_apply=warning_letters.letters_apply(store, incident_type),
            letter=letter,
        )


def history(store: Store, report_id: str) -> list[RevisionView]:
    with store.read() as s:
        rows = s.execute(
            select(
                Revision.revision_no,
                Revision.seq,
                Revision.recorded_at,
                Officer.name,
                Revision.action,
                Revision.changes,
            )
            .join(Officer, Officer.id == Revision.officer_id)
            .where(Revision.record_id == report_id)
            .order_by(Revision.revision_no)
        ).all()
    return [RevisionView(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]
