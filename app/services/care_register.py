"""The special-population care register (elderly living alone, disabled, severely mentally ill,
families in hardship): who is on it, and their first care visit on the policy's cadence.
Later care visits follow each answered one (see visits.record_outcome)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from app import errors
from app.db.engine import Store
from app.db.models import CarePerson, Station
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
from app.domain.visit_policy import local_day
from app.ids import new_id
from app.services.station import OfficerInfo, require
from app.services.visit_records import new_visit
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
)


def person_snapshot(person: CarePerson) -> dict[str, Any]:
    return {name: getattr(person, name) for name in PERSON_FIELDS}


PEOPLE = Tracked("care_person", lambda _s, person: person_snapshot(person))


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
    moment = now or now_local()
    rule = policy.care_rule(category, grade)
    assert rule is not None
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
            assignee=officer.id,
            address=person.address,
            grid=person.grid,
            safe_contact=safe_contact,
        )
        return person.id
