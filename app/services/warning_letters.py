"""Domestic-violence warning letters (家庭暴力告诫书), Anti-Domestic Violence Law art. 16-17.

Drafted by the officer from a report, approved by the station chief (approval draws the serial,
gap-free per year, so the register has no holes), printed and served on the abuser; serving
schedules visits to the victim, in person at a safe place, and the report becomes safe-contact
the moment a letter is drafted. A refused draft keeps its text and the chief's reason. Every
change is a revision of the letter, synced like every record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import Officer, Report, WarningLetter
from app.db.revisions import Tracked, station_row
from app.domain import dispute_policy, roles, statuses, visits
from app.domain.clock import now_local, utc_iso
from app.domain.validation import (
    FieldError,
    clean_text,
    validate_id_number,
    validate_name,
)
from app.domain.visit_policy import local_day
from app.ids import new_id
from app.services.station import OfficerInfo, require, required_reason
from app.services.visit_records import visit_for_report
from app.services.visits import make_safe_contact, rules_for

# The statuses (app.domain.statuses) by the names the desk's views read them by.
DRAFT, APPROVED = statuses.LETTER_DRAFT, statuses.LETTER_APPROVED
SERVED, REFUSED = statuses.LETTER_SERVED, statuses.LETTER_REFUSED
LETTER_FIELDS = (
    "id",
    "report_id",
    "status",
    "serial",
    "serial_year",
    "serial_no",
    "abuser_name",
    "abuser_id_number",
    "abuser_address",
    "victim_name",
    "relation",
    "facts",
    "drafted_by",
    "approved_by",
    "approved_day",
    "approval_note",
    "refusal_reason",
    "served_at",
    "committee_name",
    "committee_contact",
    "committee_how",
    "committee_notified_on",
    "committee_check_due",
    "committee_checked_on",
    "committee_check_note",
)
# How the committee was told (article 17): the words the desk and the register show.
COMMITTEE_HOW = ("phone", "in_person", "written")


@dataclass(frozen=True)
class LetterDraft:
    abuser_name: str
    victim_name: str
    facts: str
    abuser_id_number: str = ""
    abuser_address: str = ""
    relation: str = ""


def letter_serial(unit_code: str, year: int, number: int) -> str:
    return f"{unit_code}-GJ{year}-{number:04d}"


def _validate(draft: LetterDraft) -> dict[str, str]:
    problems: dict[str, str] = {}
    values: dict[str, str] = {}
    checks: tuple[tuple[str, Any], ...] = (
        ("abuser_name", lambda: validate_name(draft.abuser_name)),
        ("victim_name", lambda: validate_name(draft.victim_name)),
        ("abuser_id_number", lambda: validate_id_number(draft.abuser_id_number)),
        ("abuser_address", lambda: clean_text("reporter_address", draft.abuser_address)),
        ("relation", lambda: clean_text("referred_department", draft.relation)),
        ("facts", lambda: clean_text("summary", draft.facts, multiline=True)),
    )
    for name, check in checks:
        try:
            values[name] = check()
        except FieldError as exc:
            problems[name] = exc.code
    for name in ("abuser_name", "victim_name", "facts"):
        if name not in problems and not values.get(name):
            problems[name] = "required"
    if problems:
        raise errors.ValidationFailed(problems)
    return values


def _snapshot(letter: WarningLetter) -> dict[str, Any]:
    return {name: getattr(letter, name) for name in LETTER_FIELDS}


LETTERS = Tracked("warning_letter", lambda _s, letter: _snapshot(letter))


def _letter(s: Session, letter_id: str, *expected: str) -> WarningLetter:
    letter = s.get(WarningLetter, letter_id)
    if letter is None:
        raise errors.NotFoundError(letter_id)
    if letter.status not in expected:
        raise errors.InvalidTransitionError(letter.status, target=",".join(expected))
    return letter


def letters_apply(store: Store, incident_type: str) -> bool:
    """Whether a warning letter can be drafted for a report of this type: domestic violence and
    the disputes it hides in, as the station's dispute definitions list them."""
    return dispute_policy.DISPUTES.in_use(store.path.parent).letters_apply(incident_type)


def draft(store: Store, officer: OfficerInfo, report_id: str, text: LetterDraft) -> str:
    """A new draft for the report, or the report's refused or unapproved draft rewritten."""
    require(officer, "handle")
    values = _validate(text)
    moment = now_local()
    definitions = dispute_policy.DISPUTES.in_use(store.path.parent)
    with store.write() as s:
        st = station_row(s)
        report = s.get(Report, report_id)
        if report is None:
            raise errors.NotFoundError(report_id)
        if not definitions.letters_apply(report.incident_type) or report.status in (
            statuses.RECEIVING,
            statuses.VOIDED,
        ):
            raise errors.ValidationFailed({"incident_type": "no_warning_letter"})
        letter = s.scalars(
            select(WarningLetter).where(
                WarningLetter.report_id == report_id,
                WarningLetter.status.in_((DRAFT, REFUSED)),
            )
        ).first()
        make_safe_contact(s, st, officer, report, moment)
        if letter is not None:
            LETTERS.update(
                s, st, letter, officer.id, "redraft", {**values, "status": DRAFT}, moment
            )
            return letter.id
        letter = WarningLetter(
            id=new_id(),
            report_id=report_id,
            status=DRAFT,
            drafted_by=officer.id,
            revision_no=1,
            created_utc=utc_iso(moment),
            updated_utc=utc_iso(moment),
            **values,
        )
        s.add(letter)
        s.flush()
        LETTERS.record(s, st, letter, officer.id, "draft", {}, moment, new=True)
        return letter.id


def approve(store: Store, chief: OfficerInfo, letter_id: str, own_draft_reason: str = "") -> str:
    """The chief's approval draws the serial; returns it.

    Four eyes: a letter is approved by a chief other than the one who drafted it. A station
    with a single chief lets that chief approve their own draft with a reason, kept with it."""
    require(chief, "approve")
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        letter = _letter(s, letter_id, DRAFT)
        note = _own_draft_note(s, chief, letter, own_draft_reason)
        year = local_day(moment).year
        last = s.scalar(
            select(func.max(WarningLetter.serial_no)).where(WarningLetter.serial_year == year)
        )
        number = int(last or 0) + 1
        serial = letter_serial(st.unit_code, year, number)
        updates = {
            "status": APPROVED,
            "serial": serial,
            "serial_year": year,
            "serial_no": number,
            "approved_by": chief.id,
            "approved_day": local_day(moment).isoformat(),
            "approval_note": note,
            "refusal_reason": "",
        }
        LETTERS.update(s, st, letter, chief.id, "approve", updates, moment)
        return serial


def other_chiefs(store: Store, chief: OfficerInfo) -> int:
    """Active chiefs of the station besides this one: none means a chief approves alone."""
    with store.read() as s:
        return _other_chiefs(s, chief)


def _other_chiefs(s: Session, chief: OfficerInfo) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(Officer)
            .where(Officer.role == roles.CHIEF, Officer.active, Officer.id != chief.id)
        )
        or 0
    )


def _own_draft_note(s: Session, chief: OfficerInfo, letter: WarningLetter, reason: str) -> str:
    if letter.drafted_by != chief.id:
        return ""
    if _other_chiefs(s, chief):
        raise errors.OwnDraftError()
    return required_reason("approval_note", reason)


def refuse(store: Store, chief: OfficerInfo, letter_id: str, reason: str) -> None:
    require(chief, "approve")
    text = required_reason("refusal_reason", reason)
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        letter = _letter(s, letter_id, DRAFT)
        LETTERS.update(
            s, st, letter, chief.id, "refuse", {"status": REFUSED, "refusal_reason": text}, moment
        )


def mark_served(store: Store, officer: OfficerInfo, letter_id: str) -> list[str]:
    """Served on the abuser; returns the codes of the victim's follow-up visits."""
    require(officer, "handle")
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        letter = _letter(s, letter_id, APPROVED)
        LETTERS.update(
            s,
            st,
            letter,
            officer.id,
            "serve",
            {"status": SERVED, "served_at": moment.isoformat(timespec="seconds")},
            moment,
        )
        report = s.get(Report, letter.report_id)
        assert report is not None
        day = local_day(moment)
        policy, _catalog = rules_for(store)
        return [
            visits.visit_code(
                visit_for_report(
                    s,
                    st,
                    report,
                    officer,
                    moment,
                    kind=visits.SAFE_MEETING,
                    due=after.after(day, policy.calendar),
                    reason=visits.REASON_LETTER,
                    safe_contact=True,
                ).number
            )
            for after in policy.letter_follow_ups
        ]


def notify_committee(
    store: Store,
    officer: OfficerInfo,
    letter_id: str,
    *,
    committee: str,
    contact: str,
    how: str,
    day: dt.date | None = None,
) -> str:
    """The residents' or villagers' committee told of an approved or served letter (article 17:
    the police deliver the letter and notify the committee, which visits with them). Returns
    the day the station's check with the committee falls due, on the visit policy."""
    require(officer, "handle")
    moment = now_local()
    told = day or local_day(moment)
    problems: dict[str, str] = {}
    values: dict[str, str] = {}
    for field, value, limit in (
        ("committee_name", committee, "incident_place"),
        ("committee_contact", contact, "reporter_name"),
    ):
        try:
            values[field] = clean_text(limit, value)
        except FieldError as exc:
            problems[field] = exc.code
            continue
        if not values[field]:
            problems[field] = "required"
    if how not in COMMITTEE_HOW:
        problems["committee_how"] = "required"
    if told > local_day(moment):
        problems["committee_notified_on"] = "day_future"
    if problems:
        raise errors.ValidationFailed(problems)
    policy, _catalog = rules_for(store)
    due = policy.committee_check.after(told, policy.calendar).isoformat()
    with store.write() as s:
        st = station_row(s)
        letter = _letter(s, letter_id, APPROVED, SERVED)
        LETTERS.update(
            s,
            st,
            letter,
            officer.id,
            "committee_notice",
            {
                **values,
                "committee_how": how,
                "committee_notified_on": told.isoformat(),
                "committee_check_due": due,
            },
            moment,
        )
    return due


def record_committee_check(store: Store, officer: OfficerInfo, letter_id: str, note: str) -> None:
    """The station checked with the committee whether the abuser has offended again."""
    require(officer, "handle")
    text = required_reason("committee_check_note", note)
    moment = now_local()
    with store.write() as s:
        st = station_row(s)
        letter = _letter(s, letter_id, APPROVED, SERVED)
        if not letter.committee_notified_on:
            raise errors.InvalidTransitionError("committee_not_told", target="committee_check")
        LETTERS.update(
            s,
            st,
            letter,
            officer.id,
            "committee_check",
            {"committee_checked_on": local_day(moment).isoformat(), "committee_check_note": text},
            moment,
        )


@dataclass(frozen=True)
class LetterView:
    id: str
    report_id: str
    report_serial: str
    status: str
    serial: str
    abuser_name: str
    abuser_id_number: str
    abuser_address: str
    victim_name: str
    relation: str
    facts: str
    drafted_by: str
    approved_by: str
    approved_day: str
    refusal_reason: str
    served_at: str
    incident_time: str
    incident_place: str
    drafted_by_id: str = ""
    approval_note: str = ""
    committee_name: str = ""
    committee_contact: str = ""
    committee_how: str = ""
    committee_notified_on: str = ""
    committee_check_due: str = ""
    committee_checked_on: str = ""
    committee_check_note: str = ""


def _view(s: Session, letter: WarningLetter) -> LetterView:
    report = s.get(Report, letter.report_id)
    names: dict[str, str] = {i: n for i, n in s.execute(select(Officer.id, Officer.name))}
    return LetterView(
        id=letter.id,
        report_id=letter.report_id,
        report_serial=report.serial if report else "",
        status=letter.status,
        serial=letter.serial,
        abuser_name=letter.abuser_name,
        abuser_id_number=letter.abuser_id_number,
        abuser_address=letter.abuser_address,
        victim_name=letter.victim_name,
        relation=letter.relation,
        facts=letter.facts,
        drafted_by=names.get(letter.drafted_by, ""),
        approved_by=names.get(letter.approved_by or "", ""),
        approved_day=letter.approved_day,
        refusal_reason=letter.refusal_reason,
        served_at=letter.served_at,
        incident_time=report.incident_time if report else "",
        incident_place=report.incident_place if report else "",
        drafted_by_id=letter.drafted_by,
        approval_note=letter.approval_note,
        committee_name=letter.committee_name,
        committee_contact=letter.committee_contact,
        committee_how=letter.committee_how,
        committee_notified_on=letter.committee_notified_on,
        committee_check_due=letter.committee_check_due,
        committee_checked_on=letter.committee_checked_on,
        committee_check_note=letter.committee_check_note,
    )


def letter_of_report(store: Store, report_id: str) -> LetterView | None:
    """The report's newest letter, whatever its state."""
    with store.read() as s:
        letter = s.scalars(
            select(WarningLetter)
            .where(WarningLetter.report_id == report_id)
            .order_by(WarningLetter.created_utc.desc())
            .limit(1)
        ).first()
        return _view(s, letter) if letter else None


def get(store: Store, letter_id: str) -> LetterView:
    with store.read() as s:
        letter = s.get(WarningLetter, letter_id)
        if letter is None:
            raise errors.NotFoundError(letter_id)
        return _view(s, letter)


def awaiting_approval(store: Store) -> list[LetterView]:
    with store.read() as s:
        return [
            _view(s, letter)
            for letter in s.scalars(
                select(WarningLetter)
                .where(WarningLetter.status == DRAFT)
                .order_by(WarningLetter.created_utc)
            )
        ]
