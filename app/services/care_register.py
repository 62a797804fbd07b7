"""The special-population care register (elderly living alone, disabled, severely mentally ill,
families in hardship): who is on it, and their first care visit on the policy's cadence.
Later care visits follow each answered one (see visits.record_outcome)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import CarePerson, Officer, Station, Visit
from app.db.revisions import Tracked
from app.domain import visits as terms
from app.domain.addresses import address_grid
from app.domain.clock import now_local, utc_iso
from app.domain.validation import (
    FieldError,
    clean_text,
    normalise_phone,
    validate_id_number,
    validate_name,
)
from app.domain.visit_policy import VisitPolicy, local_day
from app.ids import new_id
from app.services.station import OfficerInfo, require, required_reason
from app.services.visit_records import cancel_visits, new_visit
from app.services.visits import rules_for

PERSON_FIELDS = (
    "id",
    "name",
    "id_number",
    "phone",
    "address",
    "grid",
    "category",
    "grade",
    "safe_contact",
    "officer_id",
    "active",
    "notes",
    "grade_reason",
    "removed_reason",
)


def person_snapshot(person: CarePerson) -> dict[str, Any]:
    return {name: getattr(person, name) for name in PERSON_FIELDS}


PEOPLE = Tracked("care_person", lambda _s, person: person_snapshot(person))


def _validated(
    store: Store,
    *,
    name: str,
    category: str,
    grade: int | None,
    phone: str,
    id_number: str,
    address: str,
    notes: str,
) -> dict[str, Any]:
    """The person's fields cleaned, or every problem at once; the category and grade must be
    ones the visit policy has a cadence for."""
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    checks: list[tuple[str, Callable[[Any], Any], Any]] = [
        ("name", validate_name, name),
        ("phone", normalise_phone, phone),
        ("id_number", validate_id_number, id_number),
        ("address", lambda v: clean_text("reporter_address", v), address),
        ("notes", lambda v: clean_text("disposal_result", v, multiline=True), notes),
    ]
    for key, fn, value in checks:
        try:
            clean[key] = fn(value)
        except FieldError as exc:
            problems[key] = exc.code
    if not clean.get("name") and "name" not in problems:
        problems["name"] = "required"
    policy, _ = rules_for(store)
    if category not in terms.CARE_CATEGORIES:
        problems["category"] = "required"
    elif policy.care_rule(category, grade) is None:
        problems["grade"] = "required"
    if problems:
        raise errors.ValidationFailed(problems)
    return clean


def register_person(
    store: Store,
    officer: OfficerInfo,
    *,
    name: str,
    category: str,
    grade: int | None = None,
    phone: str = "",
    id_number: str = "",
    address: str = "",
    safe_contact: bool = False,
    notes: str = "",
    now: dt.datetime | None = None,
) -> str:
    """Put someone on the care register; the first care visit is due one cadence from now."""
    require(officer, "assign_visits")
    clean = _validated(
        store,
        name=name,
        category=category,
        grade=grade,
        phone=phone,
        id_number=id_number,
        address=address,
        notes=notes,
    )
    policy, _ = rules_for(store)
    moment = now or now_local()
    with store.write() as s:
        st = s.get(Station, 1)
        assert st is not None
        person = CarePerson(
            id=new_id(),
            category=category,
            grade=grade,
            grid=address_grid(clean["address"]),
            safe_contact=safe_contact,
            officer_id=officer.id,
            active=True,
            revision_no=1,
            created_utc=utc_iso(moment),
            updated_utc=utc_iso(moment),
            **clean,
        )
        s.add(person)
        PEOPLE.record(s, st, person, officer.id, "create", {}, moment, new=True)
        _first_care_visit(s, st, officer, person, policy, moment)
        return person.id


def _first_care_visit(
    s: Session,
    st: Station,
    officer: OfficerInfo,
    person: CarePerson,
    policy: VisitPolicy,
    moment: dt.datetime,
) -> None:
    rule = policy.care_rule(person.category, person.grade)
    assert rule is not None
    new_visit(
        s,
        st,
        officer.id,
        moment,
        kind=rule.kind,
        due=rule.cadence.after(local_day(moment), policy.calendar),
        reason=terms.REASON_CARE,
        sequence_no=1,
        person_id=person.id,
        assignee=person.officer_id or officer.id,
        address=person.address,
        grid=person.grid,
        safe_contact=person.safe_contact,
    )


def _pending_care(s: Session, person_id: str) -> list[Visit]:
    return list(
        s.scalars(
            select(Visit).where(
                Visit.person_id == person_id,
                Visit.reason == terms.REASON_CARE,
                Visit.status == terms.DUE,
            )
        )
    )


def _person(s: Session, person_id: str) -> CarePerson:
    person = s.get(CarePerson, person_id)
    if person is None or not person.active:
        raise errors.NotFoundError(person_id)
    return person


def update_person(
    store: Store,
    officer: OfficerInfo,
    person_id: str,
    *,
    name: str,
    grade: int | None,
    phone: str = "",
    id_number: str = "",
    address: str = "",
    safe_contact: bool = False,
    notes: str = "",
    grade_reason: str = "",
) -> None:
    """Corrected details, or a new risk grade: a grade changes only with a reason (a doctor's
    review, a change at home), and the next care visit follows the new grade's cadence."""
    require(officer, "assign_visits")
    moment = now_local()
    with store.read() as s:
        category = _person(s, person_id).category
    clean = _validated(
        store,
        name=name,
        category=category,
        grade=grade,
        phone=phone,
        id_number=id_number,
        address=address,
        notes=notes,
    )
    policy, _ = rules_for(store)
    with store.write() as s:
        st = s.get(Station, 1)
        assert st is not None
        person = _person(s, person_id)
        updates: dict[str, Any] = {
            **clean,
            "grid": address_grid(clean["address"]),
            "safe_contact": safe_contact,
        }
        regraded = grade != person.grade
        if regraded:
            updates["grade"] = grade
            updates["grade_reason"] = required_reason("grade_reason", grade_reason)
        PEOPLE.update(s, st, person, officer.id, "regrade" if regraded else "edit", updates, moment)
        if regraded:
            cancel_visits(s, st, officer, moment, _pending_care(s, person.id), "risk grade changed")
            _first_care_visit(s, st, officer, person, policy, moment)


def remove_person(store: Store, officer: OfficerInfo, person_id: str, reason: str) -> None:
    """Off the register (moved away, recovered, died) with a reason; never deleted, and the
    pending care visit is cancelled."""
    require(officer, "assign_visits")
    text = required_reason("removed_reason", reason)
    moment = now_local()
    with store.write() as s:
        st = s.get(Station, 1)
        assert st is not None
        person = _person(s, person_id)
        PEOPLE.update(
            s, st, person, officer.id, "remove", {"active": False, "removed_reason": text}, moment
        )
        cancel_visits(s, st, officer, moment, _pending_care(s, person.id), "removed from register")


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    category: str
    grade: int | None
    phone: str  # empty for a safe-contact person
    id_number: str
    address: str
    grid: str
    officer_name: str
    safe_contact: bool
    active: bool
    next_visit: str  # the due day of the pending care visit
    notes: str
    removed_reason: str


def people(store: Store, *, category: str = "", include_removed: bool = False) -> list[PersonRow]:
    """The register, by category then name: what the list shows and the register prints."""
    with store.read() as s:
        query = select(CarePerson)
        if category:
            query = query.where(CarePerson.category == category)
        if not include_removed:
            query = query.where(CarePerson.active)
        rows = list(s.scalars(query.order_by(CarePerson.category, CarePerson.name)))
        names: dict[str, str] = {i: n for i, n in s.execute(select(Officer.id, Officer.name))}
        due: dict[str | None, str] = {
            person: day
            for person, day in s.execute(
                select(Visit.person_id, func.min(Visit.due_date))
                .where(Visit.reason == terms.REASON_CARE, Visit.status == terms.DUE)
                .group_by(Visit.person_id)
            )
        }
        return [
            PersonRow(
                id=p.id,
                name=p.name,
                category=p.category,
                grade=p.grade,
                phone="" if p.safe_contact else p.phone,
                id_number=p.id_number,
                address=p.address,
                grid=p.grid,
                officer_name=names.get(p.officer_id or "", ""),
                safe_contact=p.safe_contact,
                active=p.active,
                next_visit=str(due.get(p.id, "") or ""),
                notes=p.notes,
                removed_reason=p.removed_reason,
            )
            for p in rows
        ]


def get_person(store: Store, person_id: str) -> dict[str, Any]:
    with store.read() as s:
        person = s.get(CarePerson, person_id)
        if person is None:
            raise errors.NotFoundError(person_id)
        return person_snapshot(person)
