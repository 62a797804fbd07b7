"""The weekly research-and-judgment figures across stations, counted from HQ's facts.

The same definitions as the station's own report (app.domain.weekly_figures): the counts come
from `hq_fact` (one row per station record, newest revision) instead of a station's tables, and
are assembled by the same code, so a station's figures at HQ equal its own report's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import dispute_policy, statuses, visits
from app.domain.catalog import Catalog
from app.domain.weekly_figures import (
    TOP_N,
    Counts,
    Period,
    RepeatRow,
    WeeklyFigures,
    assemble,
    dispute_codes,
    week_before,
    year_before,
)
from app.hq.models import HqFact, HqStation


def _where(kind: str, period: Period, station_id: int | None) -> list[Any]:
    clauses = [
        HqFact.kind == kind,
        HqFact.day >= period.start.isoformat(),
        HqFact.day <= period.end.isoformat(),
    ]
    if station_id is not None:
        clauses.append(HqFact.station_id == station_id)
    return clauses


def _reports(
    s: Session, period: Period, station_id: int | None
) -> tuple[dict[str, int], dict[str, int], dict[str, dict[str, int]]]:
    """By type, repeats by type, and statuses by type, voided receipts left out."""
    by_type: dict[str, int] = {}
    repeats: dict[str, int] = {}
    by_status: dict[str, dict[str, int]] = {}
    repeated = (HqFact.repeat_rule != "").label("repeated")
    rows = s.execute(
        select(HqFact.incident_type, HqFact.status, repeated, func.count())
        .where(*_where("report", period, station_id), HqFact.status != statuses.VOIDED)
        .group_by(HqFact.incident_type, HqFact.status, repeated)
    )
    for itype, status, repeat, n in rows:
        if not itype:
            continue
        by_type[itype] = by_type.get(itype, 0) + n
        by_status.setdefault(itype, {})[status] = by_status.get(itype, {}).get(status, 0) + n
        if repeat:
            repeats[itype] = repeats.get(itype, 0) + n
    return by_type, repeats, by_status


def _count(s: Session, kind: str, period: Period, station_id: int | None, *extra: Any) -> int:
    return int(s.scalar(select(func.count()).where(*_where(kind, period, station_id), *extra)) or 0)


def _top_phones(s: Session, period: Period, station_id: int | None) -> list[RepeatRow]:
    stmt = (
        select(HqFact.phone, func.count(), func.max(HqFact.day))
        .where(
            *_where("report", period, station_id),
            HqFact.phone != "",
            HqFact.status != statuses.VOIDED,
        )
        .group_by(HqFact.phone)
        .having(func.count() >= 2)
        .order_by(func.count().desc(), HqFact.phone)
        .limit(TOP_N)
    )
    return [RepeatRow(phone, int(n), last) for phone, n, last in s.execute(stmt)]


def figures(
    s: Session,
    catalog: Catalog,
    period: Period,
    *,
    station: HqStation | None = None,
    unit_name: str = "全市（各派出所合计）",
    lang: str = "zh_CN",
) -> WeeklyFigures:
    station_id = station.id if station else None
    now, repeats_now, statuses_now = _reports(s, period, station_id)
    wb, _r, _s = _reports(s, week_before(period), station_id)
    yb, repeats_then, _s2 = _reports(s, year_before(period), station_id)
    disputes = dispute_policy.DISPUTES.in_use()
    codes = dispute_codes(catalog, disputes)
    answered = _count(s, "visit", period, station_id, HqFact.answer.in_(visits.SATISFACTION))
    content = _count(s, "visit", period, station_id, HqFact.answer.in_(visits.CONTENT))
    colour_stmt = (
        select(HqFact.colour, func.count())
        .where(HqFact.kind == "report", HqFact.colour_status == statuses.WARNING_ACTIVE)
        .group_by(HqFact.colour)
    )
    if station_id is not None:
        colour_stmt = colour_stmt.where(HqFact.station_id == station_id)
    counts = Counts(
        by_type=now,
        by_type_week_before=wb,
        by_type_year_before=yb,
        disputes=sum(now.get(c, 0) for c in codes),
        disputes_resolved=sum(statuses_now.get(c, {}).get(statuses.CLOSED, 0) for c in codes),
        repeats_by_type=repeats_now,
        repeats_by_type_year_before=repeats_then,
        letters=_count(s, "warning_letter", period, station_id, HqFact.answer != ""),
        letters_year_before=_count(
            s, "warning_letter", year_before(period), station_id, HqFact.answer != ""
        ),
        visits_answered=answered,
        visits_content=content,
        colours={colour: int(n) for colour, n in s.execute(colour_stmt)},
        top_phones=_top_phones(s, period, station_id),
    )
    name = station.unit_name or station.unit_code if station else unit_name
    return assemble(name, catalog, disputes, period, counts, lang)


def per_station(s: Session, catalog: Catalog, period: Period) -> list[dict[str, Any]]:
    """One line per station: what the command centre compares."""
    out = []
    for station in s.scalars(select(HqStation).order_by(HqStation.unit_code)):
        f = figures(s, catalog, period, station=station)
        out.append(
            {
                "unit_code": station.unit_code,
                "unit_name": station.unit_name,
                "reports": f.total,
                "disputes": f.disputes,
                "disputes_resolved": f.disputes_resolved,
                "resolution_rate": f.resolution_rate,
                "letters": f.letters,
                "letter_share": f.letter_share,
                "satisfaction_rate": f.satisfaction_rate,
            }
        )
    return out


def as_dict(f: WeeklyFigures) -> dict[str, Any]:
    return {
        "unit_name": f.unit_name,
        "week": f.period.label,
        "start": f.period.start.isoformat(),
        "end": f.period.end.isoformat(),
        "reports": f.total,
        "reports_week_before": f.total_week_before,
        "reports_year_before": f.total_year_before,
        "by_type": [
            {
                "code": r.code,
                "name": r.name,
                "now": r.now,
                "week_before": r.week_before,
                "year_before": r.year_before,
                "week_change": r.week_change,
                "year_change": r.year_change,
            }
            for r in f.by_type
        ],
        "disputes": f.disputes,
        "disputes_resolved": f.disputes_resolved,
        "resolution_rate": f.resolution_rate,
        "family_disputes": f.family_disputes,
        "dv_reports": f.dv_reports,
        "letters": f.letters,
        "letter_share": f.letter_share,
        "letters_change": f.letters_change,
        "repeats_by_category": [
            {"name": r.name, "now": r.now, "year_before": r.year_before, "change": r.year_change}
            for r in f.repeats_by_category
        ],
        "satisfaction_rate": f.satisfaction_rate,
        "colours": f.colours,
        "top_phones": [{"phone": r.key, "reports": r.reports} for r in f.top_phones],
    }
