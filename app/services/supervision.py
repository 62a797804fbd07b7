"""The figures a station chief judges the station by, counted from the station's own tables:
the daily review, the dashboard and the weekly research and judgment (周研判) report over any
period with week-on-week and year-on-year comparison (definitions and arithmetic in
app.domain.weekly_figures, shared with HQ).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import Store
from app.db.models import CaseFile, ReminderSheet, Report, Visit, WarningLetter, has_key, key_is
from app.domain import dispute_policy, statuses, visits
from app.domain.catalog import Catalog
from app.domain.clock import now_local, utc_iso
from app.domain.weekly_figures import (
    TOP_N,
    Counts,
    Period,
    RepeatRow,
    WeeklyFigures,
    assemble,
    dispute_codes,
    iso_week,
    week_before,
    year_before,
)
from app.domain.weekly_figures import parse_period as parse_period  # the view reads a typed one
from app.domain.weekly_figures import parse_week as parse_week
from app.services.daily_review import reviewed_count
from app.services.receiving import desk_counters
from app.services.station import station_info


def _utc_bounds(period: Period) -> tuple[str, str]:
    tz = now_local().tzinfo
    first = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    after = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return utc_iso(first), utc_iso(after)


def _counts_by_type(s: Session, period: Period) -> dict[str, int]:
    """Per type, from the (type, received) index alone: 46 short range scans."""
    first, after = _utc_bounds(period)
    rows = s.execute(
        select(Report.incident_type, func.count())
        .where(
            Report.received_utc >= first,
            Report.received_utc < after,
            has_key(Report.incident_type),
        )
        .group_by(Report.incident_type)
    ).all()
    voided = dict(
        s.execute(
            select(Report.incident_type, func.count())
            .where(
                Report.status == statuses.VOIDED,
                Report.received_utc >= first,
                Report.received_utc < after,
            )
            .group_by(Report.incident_type)
        ).all()
    )
    return {code: n - voided.get(code, 0) for code, n in rows if n - voided.get(code, 0)}


def _top_keys(s: Session, column: object, period: Period) -> list[RepeatRow]:
    first, after = _utc_bounds(period)
    col = column  # Report.reporter_phone or Report.address_key
    rows = s.execute(
        select(col, func.count(), func.max(Report.received_at))  # type: ignore[call-overload]
        .where(
            Report.received_utc >= first,
            Report.received_utc < after,
            has_key(col),
            Report.status != statuses.VOIDED,
        )
        .group_by(col)
        .having(func.count() >= 2)
        .order_by(func.count().desc(), col)
        .limit(TOP_N)
    ).all()
    return [RepeatRow(key, int(n), last) for key, n, last in rows]


def _disputes(s: Session, period: Period, codes: list[str]) -> tuple[int, int]:
    first, after = _utc_bounds(period)
    rows = dict(
        s.execute(
            select(Report.status, func.count())
            .where(
                has_key(Report.incident_type),
                Report.incident_type.in_(codes),
                Report.received_utc >= first,
                Report.received_utc < after,
                Report.status != statuses.VOIDED,
            )
            .group_by(Report.status)
        ).all()
    )
    return sum(rows.values()), rows.get(statuses.CLOSED, 0)


def _letters(s: Session, period: Period) -> int:
    return int(
        s.scalar(
            select(func.count()).where(
                WarningLetter.approved_day >= period.start.isoformat(),
                WarningLetter.approved_day <= period.end.isoformat(),
                WarningLetter.serial != "",
            )
        )
        or 0
    )


def _repeats_by_type(s: Session, period: Period) -> dict[str, int]:
    first, after = _utc_bounds(period)
    return dict(
        s.execute(
            select(Report.incident_type, func.count())
            .where(
                Report.received_utc >= first,
                Report.received_utc < after,
                Report.repeat_rule != "",
                Report.status != statuses.VOIDED,
            )
            .group_by(Report.incident_type)
        ).all()
    )


def _satisfaction(s: Session, period: Period) -> tuple[int, int]:
    rows = dict(
        s.execute(
            select(Visit.satisfaction, func.count())
            .where(
                Visit.outcome_day >= period.start.isoformat(),
                Visit.outcome_day <= period.end.isoformat(),
                Visit.satisfaction != "",
            )
            .group_by(Visit.satisfaction)
        ).all()
    )
    return sum(rows.values()), sum(rows.get(k, 0) for k in visits.CONTENT)


def _active_colours(s: Session) -> dict[str, int]:
    return dict(
        s.execute(
            select(Report.warning_colour, func.count())
            .where(key_is(Report.warning_status, statuses.WARNING_ACTIVE))
            .group_by(Report.warning_colour)
        ).all()
    )


def figures(store: Store, catalog: Catalog, period: Period, lang: str = "zh_CN") -> WeeklyFigures:
    last_week, last_year = week_before(period), year_before(period)
    definitions = dispute_policy.DISPUTES.in_use(store.path.parent)
    reviewed, commented = reviewed_count(store, period.start, period.end)
    with store.read() as s:
        disputes, resolved = _disputes(s, period, dispute_codes(catalog, definitions))
        answered, content = _satisfaction(s, period)
        counts = Counts(
            by_type=_counts_by_type(s, period),
            by_type_week_before=_counts_by_type(s, last_week),
            by_type_year_before=_counts_by_type(s, last_year),
            disputes=disputes,
            disputes_resolved=resolved,
            repeats_by_type=_repeats_by_type(s, period),
            repeats_by_type_year_before=_repeats_by_type(s, last_year),
            letters=_letters(s, period),
            letters_year_before=_letters(s, last_year),
            visits_answered=answered,
            visits_content=content,
            colours=_active_colours(s),
            top_phones=_top_keys(s, Report.reporter_phone, period),
            top_addresses=_top_keys(s, Report.address_key, period),
            reviewed=reviewed,
            review_comments=commented,
        )
    return assemble(station_info(store).unit_name, catalog, definitions, period, counts, lang)


@dataclass(frozen=True)
class DailyReview:
    day: dt.date
    reports: int
    by_type: list[tuple[str, int]]
    unfinished: int
    overdue_visits: int
    supervision_visits: int
    overdue_cases: int
    overdue_sheets: int
    new_repeats: int
    letters_awaiting: int
    colours: dict[str, int]


def daily_review(store: Store, catalog: Catalog, day: dt.date, lang: str = "zh_CN") -> DailyReview:
    """Yesterday (or `day`) at a glance, and what is open now."""
    period = Period(day, day, day.isoformat())
    today = day + dt.timedelta(days=1)
    with store.read() as s:
        counts = _counts_by_type(s, period)
        return DailyReview(
            day=day,
            reports=sum(counts.values()),
            by_type=_named(counts, catalog, lang),
            unfinished=int(
                s.scalar(select(func.count()).where(Report.status == statuses.RECEIVING)) or 0
            ),
            overdue_visits=int(
                s.scalar(
                    select(func.count()).where(
                        Visit.status == visits.DUE, Visit.due_date < today.isoformat()
                    )
                )
                or 0
            ),
            supervision_visits=int(
                s.scalar(
                    select(func.count()).where(
                        Visit.supervision.is_(True), Visit.rectification_due >= day.isoformat()
                    )
                )
                or 0
            ),
            overdue_cases=int(
                s.scalar(
                    select(func.count()).where(
                        CaseFile.status != statuses.CASE_CLEARED,
                        CaseFile.deadline < today.isoformat(),
                    )
                )
                or 0
            ),
            overdue_sheets=int(
                s.scalar(
                    select(func.count()).where(
                        ReminderSheet.status != statuses.SHEET_CLEARED,
                        ReminderSheet.deadline < today.isoformat(),
                    )
                )
                or 0
            ),
            new_repeats=sum(_repeats_by_type(s, period).values()),
            letters_awaiting=int(
                s.scalar(select(func.count()).where(WarningLetter.status == statuses.LETTER_DRAFT))
                or 0
            ),
            colours=_active_colours(s),
        )


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    today_by_type: list[tuple[str, int]]
    week_by_type: list[tuple[str, int]]
    week_by_status: dict[str, int]
    review: DailyReview  # what is open now, and yesterday's figures
    new_repeats_today: int
    # Every press of the receive button, as the desk counts them (unfinished and voided
    # receipts too); the charts by type hold the typed reports, voided ones left out.
    received_today: int = 0


def _named(counts: dict[str, int], catalog: Catalog, lang: str) -> list[tuple[str, int]]:
    return sorted(
        ((catalog.get(c).name(lang) if c in catalog.by_code else c, n) for c, n in counts.items()),
        key=lambda x: (-x[1], x[0]),
    )


def dashboard(store: Store, catalog: Catalog, today: dt.date, lang: str = "zh_CN") -> Dashboard:
    day = Period(today, today, today.isoformat())
    year, week, _ = today.isocalendar()
    this_week = iso_week(year, week)
    first, after = _utc_bounds(this_week)
    with store.read() as s:
        today_counts = _counts_by_type(s, day)
        week_counts = _counts_by_type(s, this_week)
        by_status = dict(
            s.execute(
                select(Report.status, func.count())
                .where(Report.received_utc >= first, Report.received_utc < after)
                .group_by(Report.status)
            ).all()
        )
        repeats_today = sum(_repeats_by_type(s, day).values())
    return Dashboard(
        today=today,
        today_by_type=_named(today_counts, catalog, lang),
        week_by_type=_named(week_counts, catalog, lang),
        week_by_status=by_status,
        review=daily_review(store, catalog, today - dt.timedelta(days=1), lang),
        new_repeats_today=repeats_today,
        received_today=desk_counters(store, today).received,
    )
