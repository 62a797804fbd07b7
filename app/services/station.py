"""Station set-up, officer accounts and sign-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors
from app.db.engine import Store
from app.db.models import Officer, Station
from app.domain import roles
from app.domain.validation import FieldError, clean_text
from app.ids import new_id
from app.services.clock import now_local, utc_iso

_hasher = PasswordHasher()
MIN_PASSWORD = 8


@dataclass(frozen=True)
class StationInfo:
    unit_code: str
    unit_name: str
    parent_bureau: str
    contact_phone: str
    station_uuid: str


@dataclass(frozen=True)
class OfficerInfo:
    id: str
    badge: str
    name: str
    role: str


def _validate_setup(unit_code: str, unit_name: str, badge: str, name: str, password: str) -> None:
    problems: dict[str, str] = {}
    if not unit_code.isascii() or not unit_code.isalnum() or not 2 <= len(unit_code) <= 12:
        problems["unit_code"] = "unit_code_format"
    for key, value in (("unit_name", unit_name), ("officer_name", name)):
        try:
            if not clean_text(key, value):
                problems[key] = "required"
        except FieldError as exc:
            problems[key] = exc.code
    if not badge.isascii() or not badge.isalnum() or not 3 <= len(badge) <= 12:
        problems["officer_badge"] = "badge_format"
    if len(password) < MIN_PASSWORD:
        problems["password"] = "password_short"
    if problems:
        raise errors.ValidationFailed(problems)


def is_set_up(store: Store) -> bool:
    with store.read() as s:
        return s.get(Station, 1) is not None


def set_up_station(
    store: Store,
    *,
    unit_code: str,
    unit_name: str,
    parent_bureau: str = "",
    contact_phone: str = "",
    officer_badge: str,
    officer_name: str,
    password: str,
) -> StationInfo:
    """First run: the station's identity and its first account (a station chief)."""
    unit_code, unit_name, officer_badge, officer_name = (
        unit_code.strip(),
        unit_name.strip(),
        officer_badge.strip(),
        officer_name.strip(),
    )
    _validate_setup(unit_code, unit_name, officer_badge, officer_name, password)
    now = utc_iso(now_local())
    with store.write() as s:
        if s.get(Station, 1) is not None:
            raise errors.AlreadySetUpError("station already set up")
        station = Station(
            id=1,
            station_uuid=new_id(),
            unit_code=unit_code,
            unit_name=unit_name,
            parent_bureau=parent_bureau.strip(),
            contact_phone=contact_phone.strip(),
            generation=1,
            last_seq=0,
            last_received_utc=None,
            created_utc=now,
        )
        s.add(station)
        s.add(
            Officer(
                id=new_id(),
                badge=officer_badge,
                name=officer_name,
                password_hash=_hasher.hash(password),
                role=roles.CHIEF,
                active=True,
                created_utc=now,
            )
        )
        return _station_info(station)


def station_row(s: Session) -> Station:
    """The one station row, inside the caller's transaction."""
    st = s.get(Station, 1)
    if st is None:
        raise errors.NotSetUpError("station not set up")
    return st


def _station_info(st: Station) -> StationInfo:
    return StationInfo(
        st.unit_code, st.unit_name, st.parent_bureau, st.contact_phone, st.station_uuid
    )


def station_info(store: Store) -> StationInfo:
    with store.read() as s:
        st = s.get(Station, 1)
        if st is None:
            raise errors.NotSetUpError("station not set up")
        return _station_info(st)


def add_officer(
    store: Store, *, badge: str, name: str, password: str, role: str = roles.OFFICER
) -> OfficerInfo:
    if role not in roles.ALL:
        raise errors.ValidationFailed({"role": "unknown_role"})
    st = station_info(store)
    _validate_setup(st.unit_code, st.unit_name, badge.strip(), name.strip(), password)
    with store.write() as s:
        if s.scalar(select(Officer).where(Officer.badge == badge.strip())) is not None:
            raise errors.ValidationFailed({"officer_badge": "badge_taken"})
        officer = Officer(
            id=new_id(),
            badge=badge.strip(),
            name=name.strip(),
            password_hash=_hasher.hash(password),
            role=role,
            active=True,
            created_utc=utc_iso(now_local()),
        )
        s.add(officer)
        return OfficerInfo(officer.id, officer.badge, officer.name, officer.role)


def sign_in(store: Store, badge: str, password: str) -> OfficerInfo:
    """Checks the password; the same error for an unknown badge and a wrong password."""
    with store.read() as s:
        officer = s.scalar(select(Officer).where(Officer.badge == badge.strip()))
    if officer is None or not officer.active:
        _hasher.hash(password)  # same cost either way: do not reveal which badges exist
        raise errors.AuthenticationError("wrong badge or password")
    try:
        _hasher.verify(officer.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise errors.AuthenticationError("wrong badge or password") from None
    return OfficerInfo(officer.id, officer.badge, officer.name, officer.role)


def list_officers(store: Store) -> list[OfficerInfo]:
    with store.read() as s:
        rows = s.scalars(select(Officer).order_by(Officer.badge)).all()
        return [OfficerInfo(o.id, o.badge, o.name, o.role) for o in rows]


def require(officer: OfficerInfo, action: str) -> None:
    """Every service checks the signed-in officer's role before it changes anything."""
    if not roles.may(officer.role, action):
        raise errors.PermissionDeniedError(action, role=officer.role)


def officer_by_badge(store: Store, badge: str) -> OfficerInfo | None:
    return next((o for o in list_officers(store) if o.badge == badge.strip()), None)


def today_local() -> dt.date:
    return now_local().date()
