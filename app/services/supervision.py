"""The figures a station chief judges the station by: the daily review and the weekly research
and judgment (周研判) report, over any period with week-on-week and year-on-year comparison.

Definitions (printed in the report so nobody has to guess):
- a report counts in the period it was received (station local time); voided receipts never
  count;
- a dispute is a report of a catalog type in the "dispute" group; it is *investigated* when
  received and *resolved* when closed with a result (a referred or still open one is not);
- a warning letter counts on the day the station chief approved it; its share is letters over
  domestic-violence reports (C09) received in the same period;
- a repeat report is one whose save fired a repeat rule;
- the satisfaction rate is satisfied plus basically satisfied over all visits answered in the
  period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import Store
from app.db.models import CaseFile, ReminderSheet, Report, Visit, WarningLetter, has_key, key_is
from app.domain import statuses, visits
from app.domain.catalog import Catalog
from app.services.clock import now_local, utc_iso
from app.services.station import station_info

# Marriage/relationship, family and neighbourhood disputes: the category the five-colour
# warning watches and the seeds report on separately.
FAMILY_DISPUTES = ("D01", "D02", "D03")
DOMESTIC_VIOLENCE = "C09"
TOP_N = 10


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day
    end: dt.date  # last day, inclusive
    label: str

    def shifted(self, days: int, label: str) -> Period:
        delta = dt.timedelta(days=days)
        return Period(self.start + delta, self.end + delta, label)


def iso_week(year: int, week: int) -> Period:
    start = dt.date.fromisocalendar(year, week, 1)
    return Period(start, start + dt.timedelta(days=6), f"{year}-W{week:02d}")


def parse_week(text: str) -> Period:
    """`2026-W47` (or `2026W47`); ValueError with the reason otherwise."""
    cleaned = text.strip().upper().replace("W", "-W").replace("--", "-")
    try:
        year_text, week_text = cleaned.split("-W")
        return iso_week(int(year_text), int(week_text))
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO week such as 2026-W47") from None


def year_before(period: Period) -> Period:
    """The same ISO week a year earlier (52 weeks back keeps the weekdays aligned)."""
    return period.shifted(-364, f"{period.label} -1y")


def week_before(period: Period) -> Period:
    return period.shifted(-7, f"{period.label} -1w")


def _utc_bounds(period: Period) -> tuple[str, str]:
    tz = now_local().tzinfo
    first = dt.datetime.combine(period.start, dt.time.min, tzinfo=tz)
    after = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return utc_iso(first), utc_iso(after)


def change(now: int, before: int) -> float | None:
    """Per cent change, one decimal; None when there is nothing to compare with."""
    if before == 0:
        return None
    return round((now - before) * 100.0 / before, 1)


def rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(part * 100.0 / whole, 1)


@dataclass(frozen=True)
class TypeRow:
    code: str
    name: str
    group: str
    now: int
    week_before: int
    year_before: int

    @property
    def week_change(self) -> float | None:
        return change(self.now, self.week_before)

    @property
    def year_change(self) -> float | None:
        return change(self.now, self.year_before)


@dataclass(frozen=True)
class RepeatRow:
    key: str
    reports: int
    last_received: str


@dataclass(frozen=True)
class CategoryRow:
    name: str
    now: int
    year_before: int

    @property
    def year_change(self) -> float | None:
        return change(self.now, self.year_before)


@dataclass
class WeeklyFigures:
    unit_name: str
    period: Period
    by_type: list[TypeRow]
    total: int
    total_week_before: int
    total_year_before: int
    top_phones: list[RepeatRow]
    top_addresses: list[RepeatRow]
    disputes: int
    disputes_resolved: int
    family_disputes: int
    dv_reports: int
    letters: int
    letters_year_before: int
    repeats_by_category: list[CategoryRow]
    visits_answered: int
    visits_content: int
    colours: dict[str, int] = field(default_factory=dict)

    @property
    def resolution_rate(self) -> float | None:
        return rate(self.disputes_resolved, self.disputes)

    @property
    def letter_share(self) -> float | None:
        return rate(self.letters, self.dv_reports)

    @property
    def letters_change(self) -> float | None:
        return change(self.letters, self.letters_year_before)

    @property
    def family_share(self) -> float | None:
        return rate(self.family_disputes, self.disputes)

    @property
    def satisfaction_rate(self) -> float | None:
        return rate(self.visits_content, self.visits_answered)


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
            .where(key_is(Report.warning_status, "active"))
            .group_by(Report.warning_colour)
        ).all()
    )


@dataclass
class Counts:
    """What the weekly figures are computed from, however they were counted (a station's own
    tables, or HQ's facts across stations)."""

    by_type: dict[str, int]  # received in the period, voided left out
    by_type_week_before: dict[str, int]
    by_type_year_before: dict[str, int]
    disputes: int
    disputes_resolved: int
    repeats_by_type: dict[str, int]
    repeats_by_type_year_before: dict[str, int]
    letters: int
    letters_year_before: int
    visits_answered: int
    visits_content: int
    colours: dict[str, int]
    top_phones: list[RepeatRow] = field(default_factory=list)
    top_addresses: list[RepeatRow] = field(default_factory=list)


def assemble(
    unit_name: str, catalog: Catalog, period: Period, c: Counts, lang: str = "zh_CN"
) -> WeeklyFigures:
    now, wb, yb = c.by_type, c.by_type_week_before, c.by_type_year_before
    codes = sorted(set(now) | set(wb) | set(yb), key=lambda code: (-now.get(code, 0), code))
    by_type = [
        TypeRow(
            code,
            catalog.get(code).name(lang) if code in catalog.by_code else code,
            catalog.get(code).group if code in catalog.by_code else "",
            now.get(code, 0),
            wb.get(code, 0),
            yb.get(code, 0),
        )
        for code in codes
    ]
    repeats_now, repeats_then = c.repeats_by_type, c.repeats_by_type_year_before
    categories = [
        CategoryRow(
            "婚恋、家庭、邻里纠纷" if lang.startswith("zh") else "Marriage, family, neighbours",
            sum(repeats_now.get(code, 0) for code in FAMILY_DISPUTES),
            sum(repeats_then.get(code, 0) for code in FAMILY_DISPUTES),
        )
    ]
    for group in catalog.groups:
        members = [t.code for t in catalog.types if t.group == group]
        row = CategoryRow(
            catalog.group_name(group, lang),
            sum(repeats_now.get(code, 0) for code in members),
            sum(repeats_then.get(code, 0) for code in members),
        )
        if row.now or row.year_before:
            categories.append(row)
    return WeeklyFigures(
        unit_name=unit_name,
        period=period,
        by_type=by_type,
        total=sum(now.values()),
        total_week_before=sum(wb.values()),
        total_year_before=sum(yb.values()),
        top_phones=c.top_phones,
        top_addresses=c.top_addresses,
        disputes=c.disputes,
        disputes_resolved=c.disputes_resolved,
        family_disputes=sum(now.get(code, 0) for code in FAMILY_DISPUTES),
        dv_reports=now.get(DOMESTIC_VIOLENCE, 0),
        letters=c.letters,
        letters_year_before=c.letters_year_before,
        repeats_by_category=categories,
        visits_answered=c.visits_answered,
        visits_content=c.visits_content,
        colours=c.colours,
    )


def dispute_codes(catalog: Catalog) -> list[str]:
    return [t.code for t in catalog.types if t.group == "dispute"]


def figures(store: Store, catalog: Catalog, period: Period, lang: str = "zh_CN") -> WeeklyFigures:
    last_week, last_year = week_before(period), year_before(period)
    with store.read() as s:
        disputes, resolved = _disputes(s, period, dispute_codes(catalog))
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
        )
    return assemble(station_info(store).unit_name, catalog, period, counts, lang)


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
                        CaseFile.status != "cleared", CaseFile.deadline < today.isoformat()
                    )
                )
                or 0
            ),
            overdue_sheets=int(
                s.scalar(
                    select(func.count()).where(
                        ReminderSheet.status != "cleared",
                        ReminderSheet.deadline < today.isoformat(),
                    )
                )
                or 0
            ),
            new_repeats=sum(_repeats_by_type(s, period).values()),
            letters_awaiting=int(
                s.scalar(select(func.count()).where(WarningLetter.status == "draft")) or 0
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
    )
