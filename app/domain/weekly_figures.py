"""The weekly research and judgment (周研判) figures as numbers: periods, comparisons and how
the counts become the report, however they were counted (a station's own tables in
app.services.supervision, or HQ's facts across stations in app.hq.figures), so a station's
figures at HQ equal its own report's.

Definitions (printed in the report so nobody has to guess):
- a report counts in the period it was received (station local time); voided receipts never
  count;
- a dispute is a report of a type in the catalog group the dispute definitions name
  (`resources/policy/disputes.json`); it is *investigated* when received and *resolved* when
  closed with a result (a referred or still open one is not);
- a warning letter counts on the day the station chief approved it; its share is letters over
  domestic-violence reports received in the same period;
- a repeat report is one whose save fired a repeat rule;
- the satisfaction rate is satisfied plus basically satisfied over all visits answered in the
  period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.catalog import Catalog
from app.domain.dispute_policy import DisputePolicy

TOP_N = 10  # phones and addresses listed as reporting most often


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day
    end: dt.date  # last day, inclusive
    label: str
    kind: str = "week"  # week, month, quarter, year or range: what "before" means

    def shifted(self, days: int, label: str) -> Period:
        delta = dt.timedelta(days=days)
        return Period(self.start + delta, self.end + delta, label, self.kind)


def iso_week(year: int, week: int) -> Period:
    start = dt.date.fromisocalendar(year, week, 1)
    return Period(start, start + dt.timedelta(days=6), f"{year}-W{week:02d}")


def month(year: int, number: int) -> Period:
    start = dt.date(year, number, 1)
    following = dt.date(year + number // 12, number % 12 + 1, 1)
    return Period(start, following - dt.timedelta(days=1), f"{year}-{number:02d}", "month")


def quarter(year: int, number: int) -> Period:
    first = month(year, 3 * number - 2)
    return Period(first.start, month(year, 3 * number).end, f"{year}-Q{number}", "quarter")


def whole_year(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), "year")


def date_range(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise ValueError(f"{end} is before {start}")
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}", "range")


def parse_week(text: str) -> Period:
    """`2026-W47` (or `2026W47`); ValueError with the reason otherwise."""
    cleaned = text.strip().upper().replace("W", "-W").replace("--", "-")
    try:
        year_text, week_text = cleaned.split("-W")
        return iso_week(int(year_text), int(week_text))
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO week such as 2026-W47") from None


def parse_period(text: str) -> Period:
    """A week `2026-W47`, a month `2026-11`, a quarter `2026-Q4`, a year `2026` or a range of
    days `2026-01-01..2026-03-31`; ValueError with the forms otherwise."""
    try:
        period = _read_period(text.strip().upper())
    except ValueError:
        period = None  # a number out of range: said below like any other form
    if period is None:
        raise ValueError(
            f"{text!r} is not a period: a week 2026-W47, a month 2026-11, a quarter 2026-Q4, "
            "a year 2026 or days 2026-01-01..2026-03-31"
        )
    return period


def _read_period(cleaned: str) -> Period | None:
    if "W" in cleaned:
        return parse_week(cleaned)
    if ".." in cleaned:
        first, last = cleaned.split("..")
        return date_range(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    if "-Q" in cleaned:
        year_text, number = cleaned.split("-Q")
        return quarter(int(year_text), int(number)) if 1 <= int(number) <= 4 else None
    if "-" in cleaned:
        year_text, number = cleaned.split("-")
        return month(int(year_text), int(number))
    return whole_year(int(cleaned)) if len(cleaned) == 4 else None


def _a_year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def year_before(period: Period) -> Period:
    """The same period a year earlier: for a week the same ISO week (52 weeks back keeps the
    weekdays aligned), otherwise the same dates."""
    if period.kind == "week":
        return period.shifted(-364, f"{period.label} -1y")
    return Period(
        _a_year_earlier(period.start),
        _a_year_earlier(period.end),
        f"{period.label} -1y",
        period.kind,
    )


def period_before(period: Period) -> Period:
    """The period just before: the week, month, quarter or year before, or as many days."""
    if period.kind == "week":
        return period.shifted(-7, f"{period.label} -1w")
    if period.kind == "month":
        prior = month(
            period.start.year - (period.start.month == 1), (period.start.month - 2) % 12 + 1
        )
        return Period(prior.start, prior.end, f"{period.label} -1", "month")
    if period.kind == "quarter":
        number = (period.start.month - 1) // 3 + 1
        prior = quarter(period.start.year - (number == 1), (number - 2) % 4 + 1)
        return Period(prior.start, prior.end, f"{period.label} -1", "quarter")
    if period.kind == "year":
        return Period(
            dt.date(period.start.year - 1, 1, 1),
            dt.date(period.start.year - 1, 12, 31),
            f"{period.label} -1",
            "year",
        )
    days = (period.end - period.start).days + 1
    return period.shifted(-days, f"{period.label} -1")


week_before = period_before  # the weekly report's word for it


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
    reviewed: int = 0
    review_comments: int = 0

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
    # the chief's daily review of the period's reports (a station's own; HQ does not count it)
    reviewed: int = 0
    review_comments: int = 0


def dispute_codes(catalog: Catalog, disputes: DisputePolicy) -> list[str]:
    return [t.code for t in catalog.types if t.group == disputes.dispute_group]


def assemble(
    unit_name: str,
    catalog: Catalog,
    disputes: DisputePolicy,
    period: Period,
    c: Counts,
    lang: str = "zh_CN",
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
    family = disputes.family_types
    categories = [
        CategoryRow(
            disputes.family_label(lang),
            sum(repeats_now.get(code, 0) for code in family),
            sum(repeats_then.get(code, 0) for code in family),
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
        family_disputes=sum(now.get(code, 0) for code in family),
        dv_reports=now.get(disputes.domestic_violence, 0),
        letters=c.letters,
        letters_year_before=c.letters_year_before,
        repeats_by_category=categories,
        visits_answered=c.visits_answered,
        visits_content=c.visits_content,
        colours=c.colours,
        reviewed=c.reviewed,
        review_comments=c.review_comments,
    )
