"""The return-visit policy: which reports are visited, how, and by when. Data, not code.

The policy is a versioned JSON file (resources/policy/visit_policy.json); a station can install a
newer version in its data folder, as with the incident catalog. A file with errors is refused
with the place and the reason, and the bundled policy stays in force.

Due dates are calendar dates in the station's own time zone: a report closed at 23:30 local
time on the 31st has its "within one day" call due on the 1st, whatever the UTC date was.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.domain import statuses, visits
from app.domain.catalog import IncidentType
from app.domain.versioned_file import RuleFile
from app.errors import StationDeskError

POLICY_FILENAME = "visit_policy.json"


class PolicyError(StationDeskError):
    code = "policy"


@dataclass(frozen=True)
class WorkingCalendar:
    weekend: frozenset[int]  # ISO weekdays, 6 = Saturday, 7 = Sunday
    holidays: frozenset[dt.date]
    working_weekends: frozenset[dt.date]

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.holidays:
            return False
        if day in self.working_weekends:
            return True
        return day.isoweekday() not in self.weekend

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The count-th working day after start (start itself never counts)."""
        day = start
        left = count
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day


@dataclass(frozen=True)
class Interval:
    days: int = 0
    working_days: int = 0
    months: int = 0

    def after(self, start: dt.date, cal: WorkingCalendar) -> dt.date:
        day = add_months(start, self.months) if self.months else start
        day += dt.timedelta(days=self.days)
        return cal.add_working_days(day, self.working_days) if self.working_days else day


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day of the month, or the month's last day when it has fewer (31 Jan -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


# A week on, then a month on: where a policy file does not say.
LETTER_FOLLOW_UPS: tuple[Interval, ...] = (Interval(days=7), Interval(days=30))
# After the residents' or villagers' committee was told of a letter, the station checks with it
# (and visits) that the abuser has not offended again (Anti-Domestic Violence Law art. 17).
COMMITTEE_CHECK = Interval(days=30)


@dataclass(frozen=True)
class PlannedVisit:
    kind: str
    due: dt.date


@dataclass(frozen=True)
class CareRule:
    category: str
    grades: frozenset[int] | None
    kind: str
    cadence: Interval


@dataclass(frozen=True)
class VisitPolicy:
    version: str
    source: str
    on_statuses: frozenset[str]
    catalog_flag: bool
    dispute_types: bool
    repeat_reports: bool
    schedule: tuple[tuple[str, Interval], ...]
    safe_contact_from_catalog: bool
    safe_replace: dict[str, str]
    dissatisfied_kind: str
    dissatisfied_due: Interval
    supervision_on_dissatisfied: bool
    rectification_due: Interval
    retry_due: Interval
    max_attempts: int
    care_rules: tuple[CareRule, ...]
    calendar: WorkingCalendar
    # The victim's meetings at a safe place after a warning letter was served.
    letter_follow_ups: tuple[Interval, ...] = LETTER_FOLLOW_UPS
    committee_check: Interval = COMMITTEE_CHECK

    def trigger_reason(self, incident: IncidentType | None, *, is_repeat: bool) -> str | None:
        """Why a report that reached a triggering state gets return visits, or None."""
        if incident is not None and self.dispute_types and incident.dispute:
            return visits.REASON_DISPUTE
        if is_repeat and self.repeat_reports:
            return visits.REASON_REPEAT
        if incident is not None and self.catalog_flag and incident.return_visit:
            return visits.REASON_CATALOG
        return None

    def is_safe_contact_type(self, incident: IncidentType | None) -> bool:
        return bool(
            incident is not None and self.safe_contact_from_catalog and incident.safe_contact
        )

    def initial_plan(self, closed_on: dt.date, *, safe_contact: bool) -> list[PlannedVisit]:
        plan = []
        for kind, due in self.schedule:
            if safe_contact:
                kind = self.safe_replace.get(kind, kind)
            plan.append(PlannedVisit(kind, due.after(closed_on, self.calendar)))
        return plan

    def after_dissatisfied(self, answered_on: dt.date) -> tuple[PlannedVisit, dt.date | None]:
        visit = PlannedVisit(
            self.dissatisfied_kind, self.dissatisfied_due.after(answered_on, self.calendar)
        )
        rectify = (
            self.rectification_due.after(answered_on, self.calendar)
            if self.supervision_on_dissatisfied
            else None
        )
        return visit, rectify

    def retry(self, tried_on: dt.date, attempt: int) -> dt.date | None:
        """When to try again after "not reached", or None once the attempts are used up."""
        if attempt >= self.max_attempts:
            return None
        return self.retry_due.after(tried_on, self.calendar)

    def care_rule(self, category: str, grade: int | None) -> CareRule | None:
        for rule in self.care_rules:
            if rule.category != category:
                continue
            if rule.grades is None or (grade is not None and grade in rule.grades):
                return rule
        return None


def local_day(moment: dt.datetime) -> dt.date:
    """The calendar date at the station for an aware moment (naive is taken as local)."""
    return moment.astimezone().date() if moment.tzinfo is None else moment.date()


# -- reading the file -------------------------------------------------------------------------
class _Reader:
    """Walks the decoded document; every problem names the place, e.g. schedule[1].due.days."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, reason: str) -> PolicyError:
        return PolicyError(f"{self.source}: {where}: {reason}", where=where, reason=reason)

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be an object")
        return value

    def lst(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "must be a list")
        return value

    def boolean(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, "must be true or false")
        return value

    def integer(self, value: Any, where: str, lo: int, hi: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise self.fail(where, f"must be a whole number from {lo} to {hi}")
        return value

    def kind(self, value: Any, where: str) -> str:
        if value not in visits.KINDS:
            raise self.fail(where, f"unknown visit kind {value!r}")
        return str(value)

    def interval(self, value: Any, where: str) -> Interval:
        data = self.obj(value, where)
        unknown = set(data) - {"days", "working_days", "months"}
        if unknown:
            raise self.fail(where, f"unknown key {sorted(unknown)[0]!r}")
        if not data:
            raise self.fail(where, "needs days, working_days or months")
        return Interval(
            days=self.integer(data.get("days", 0), f"{where}.days", 0, 366),
            working_days=self.integer(data.get("working_days", 0), f"{where}.working_days", 0, 60),
            months=self.integer(data.get("months", 0), f"{where}.months", 0, 24),
        )

    def dates(self, value: Any, where: str) -> frozenset[dt.date]:
        out = set()
        for i, item in enumerate(self.lst(value, where)):
            try:
                out.add(dt.date.fromisoformat(item))
            except (TypeError, ValueError):
                raise self.fail(f"{where}[{i}]", "must be a date YYYY-MM-DD") from None
        return frozenset(out)


def parse_policy(data: object, source: str) -> VisitPolicy:
    r = _Reader(source)
    doc = r.obj(data, "top level")
    if doc.get("format") != 1:
        raise r.fail("format", f"unsupported format {doc.get('format')!r}")
    version = doc.get("version")
    if not isinstance(version, str) or not all(p.isdigit() for p in version.split(".")):
        raise r.fail("version", "must be dotted numbers, e.g. 2026.1")

    trig = r.obj(doc.get("triggers"), "triggers")
    on_statuses = frozenset(r.lst(trig.get("on_statuses"), "triggers.on_statuses"))
    bad = on_statuses - set(statuses.COMPLETED)
    if bad or not on_statuses:
        raise r.fail("triggers.on_statuses", f"must name completed statuses, not {sorted(bad)}")
    schedule = _read_schedule(r, doc)
    safe = r.obj(doc.get("safe_contact"), "safe_contact")
    safe_replace = _read_safe_replace(r, safe)
    unhappy = r.obj(doc.get("dissatisfied"), "dissatisfied")
    unhappy_visit = r.obj(unhappy.get("visit"), "dissatisfied.visit")
    retry = r.obj(doc.get("not_reached"), "not_reached")
    care_rules = _read_care_rules(r, doc)
    follow_ups = _read_letter_follow_ups(r, doc)
    letter_doc = r.obj(doc.get("warning_letter", {}), "warning_letter")
    committee_check = (
        r.interval(letter_doc["committee_check"], "warning_letter.committee_check")
        if "committee_check" in letter_doc
        else COMMITTEE_CHECK
    )
    cal = r.obj(doc.get("calendar", {}), "calendar")
    weekend = _read_weekend(r, cal)

    return VisitPolicy(
        version=version,
        source=source,
        on_statuses=on_statuses,
        catalog_flag=r.boolean(trig.get("catalog_flag", True), "triggers.catalog_flag"),
        dispute_types=r.boolean(trig.get("dispute_types", True), "triggers.dispute_types"),
        repeat_reports=r.boolean(trig.get("repeat_reports", True), "triggers.repeat_reports"),
        schedule=schedule,
        safe_contact_from_catalog=safe.get("types_always") == "catalog",
        safe_replace=safe_replace,
        dissatisfied_kind=r.kind(unhappy_visit.get("kind"), "dissatisfied.visit.kind"),
        dissatisfied_due=r.interval(unhappy_visit.get("due"), "dissatisfied.visit.due"),
        supervision_on_dissatisfied=r.boolean(
            unhappy.get("supervision", True), "dissatisfied.supervision"
        ),
        rectification_due=r.interval(
            unhappy.get("rectification_due"), "dissatisfied.rectification_due"
        ),
        retry_due=r.interval(retry.get("retry_due"), "not_reached.retry_due"),
        max_attempts=r.integer(retry.get("max_attempts", 3), "not_reached.max_attempts", 1, 10),
        care_rules=care_rules,
        calendar=WorkingCalendar(
            weekend=weekend,
            holidays=r.dates(cal.get("holidays", []), "calendar.holidays"),
            working_weekends=r.dates(cal.get("working_weekends", []), "calendar.working_weekends"),
        ),
        letter_follow_ups=follow_ups,
        committee_check=committee_check,
    )


def _read_schedule(r: _Reader, doc: dict[str, Any]) -> tuple[tuple[str, Interval], ...]:
    schedule = []
    for i, item in enumerate(r.lst(doc.get("schedule"), "schedule")):
        entry = r.obj(item, f"schedule[{i}]")
        schedule.append(
            (
                r.kind(entry.get("kind"), f"schedule[{i}].kind"),
                r.interval(entry.get("due"), f"schedule[{i}].due"),
            )
        )
    if not schedule:
        raise r.fail("schedule", "needs at least one visit")
    return tuple(schedule)


def _read_safe_replace(r: _Reader, safe: dict[str, Any]) -> dict[str, str]:
    """Which visit kinds a safe-contact report gets instead; never a phone call."""
    replace = r.obj(safe.get("replace_kinds", {}), "safe_contact.replace_kinds")
    safe_replace = {
        r.kind(k, "safe_contact.replace_kinds"): r.kind(v, f"safe_contact.replace_kinds.{k}")
        for k, v in replace.items()
    }
    if visits.PHONE in safe_replace.values():
        raise r.fail("safe_contact.replace_kinds", "a safe-contact visit cannot be a phone call")
    return safe_replace


def _read_care_rules(r: _Reader, doc: dict[str, Any]) -> tuple[CareRule, ...]:
    care_rules = []
    for i, item in enumerate(r.lst(doc.get("special_populations", []), "special_populations")):
        entry = r.obj(item, f"special_populations[{i}]")
        category = entry.get("category")
        if category not in visits.CARE_CATEGORIES:
            raise r.fail(f"special_populations[{i}].category", f"unknown category {category!r}")
        grades = entry.get("grades")
        care_rules.append(
            CareRule(
                category=category,
                grades=None
                if grades is None
                else frozenset(
                    r.integer(g, f"special_populations[{i}].grades", 0, 5)
                    for g in r.lst(grades, f"special_populations[{i}].grades")
                ),
                kind=r.kind(entry.get("kind", visits.CARE), f"special_populations[{i}].kind"),
                cadence=r.interval(entry.get("cadence"), f"special_populations[{i}].cadence"),
            )
        )
    return tuple(care_rules)


def _read_letter_follow_ups(r: _Reader, doc: dict[str, Any]) -> tuple[Interval, ...]:
    letter = r.obj(doc.get("warning_letter", {}), "warning_letter")
    follow_ups = LETTER_FOLLOW_UPS  # a file from before letters had their entry
    if "follow_ups" in letter:
        follow_ups = tuple(
            r.interval(item, f"warning_letter.follow_ups[{i}]")
            for i, item in enumerate(r.lst(letter["follow_ups"], "warning_letter.follow_ups"))
        )
        if not follow_ups:
            raise r.fail("warning_letter.follow_ups", "needs at least one visit")
    return follow_ups


def _read_weekend(r: _Reader, cal: dict[str, Any]) -> frozenset[int]:
    weekend = frozenset(
        r.integer(d, "calendar.weekend", 1, 7)
        for d in r.lst(cal.get("weekend", [6, 7]), "calendar.weekend")
    )
    if len(weekend) >= 7:
        raise r.fail("calendar.weekend", "leaves no working day")
    return weekend


# The one loader for visit policies (app.domain.versioned_file): the services read the
# station's through `POLICY.in_use(data_dir)`.
POLICY = RuleFile(
    "policy", POLICY_FILENAME, lambda data, source, _text: parse_policy(data, source), PolicyError
)
bundled_policy_path = POLICY.bundled_path
installed_policy_path = POLICY.installed_path
# The bundled policy, or a newer valid one installed in the station's data folder.
load_policy = POLICY.load
