"""Station set-up, officer accounts and sign-in."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import errors
from app.db import audit_chain
from app.db.engine import Store
from app.db.models import Officer, Station
from app.db.revisions import session_executor
from app.domain import roles
from app.domain.clock import now_local, parse_utc, utc_iso
from app.domain.validation import FieldError, clean_text, normalise_phone
from app.ids import new_id

_hasher = PasswordHasher()
MIN_PASSWORD = 8
MAX_BADGE = 12
MAX_FAILED_SIGNINS = 5
LOCK_MINUTES = 15


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
    must_change_password: bool = False

    def may(self, action: str) -> bool:
        return roles.may(self.role, action)


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


def _public_phone(value: str) -> str:
    """The number reporters call about their report, printed on every receipt slip: without
    it the slip could only send them to 110, which is for emergencies."""
    try:
        phone = normalise_phone(value)
    except FieldError as exc:
        raise errors.ValidationFailed({"contact_phone": exc.code}) from None
    if not phone:
        raise errors.ValidationFailed({"contact_phone": "required"})
    return phone


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
    admin_badge: str = "",
    admin_name: str = "",
    admin_password: str = "",
) -> StationInfo:
    """First run: the station's identity, its first account (a station chief) and, when given,
    its administrator (who manages accounts); both in one transaction."""
    unit_code, unit_name, officer_badge, officer_name = (
        unit_code.strip(),
        unit_name.strip(),
        officer_badge.strip(),
        officer_name.strip(),
    )
    contact_phone = _public_phone(contact_phone)
    _validate_setup(unit_code, unit_name, officer_badge, officer_name, password)
    with_admin = bool(admin_badge.strip() or admin_name.strip() or admin_password)
    if with_admin:
        admin_badge, admin_name = admin_badge.strip(), admin_name.strip()
        try:
            _validate_setup(unit_code, unit_name, admin_badge, admin_name, admin_password)
        except errors.ValidationFailed as exc:
            raise errors.ValidationFailed(
                {f"admin_{k}": v for k, v in exc.errors.items()}
            ) from None
        if admin_badge == officer_badge:
            raise errors.ValidationFailed({"admin_officer_badge": "badge_taken"})
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
            contact_phone=contact_phone,
            generation=1,
            last_seq=0,
            last_received_utc=None,
            created_utc=now,
        )
        s.add(station)
        s.add(_new_officer(officer_badge, officer_name, password, roles.CHIEF, now))
        if with_admin:
            s.add(_new_officer(admin_badge, admin_name, admin_password, roles.ADMIN, now))
        return _station_info(station)


def _new_officer(
    badge: str, name: str, password: str, role: str, now: str, temporary: bool = False
) -> Officer:
    return Officer(
        id=new_id(),
        badge=badge,
        name=name,
        password_hash=_hasher.hash(password),
        role=role,
        active=True,
        created_utc=now,
        must_change_password=temporary,
    )


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
    store: Store,
    *,
    badge: str,
    name: str,
    password: str,
    role: str = roles.OFFICER,
    by: OfficerInfo | None = None,
    temporary: bool = False,
) -> OfficerInfo:
    """A new account. From the window only an administrator adds one (`by`); the command line
    and set-up pass no one and are recorded as the computer's account. A `temporary` password
    must be replaced at the first sign-in."""
    if by is not None:
        require(by, "manage_accounts")
    if role not in roles.ALL:
        raise errors.ValidationFailed({"role": "unknown_role"})
    st = station_info(store)
    _validate_setup(st.unit_code, st.unit_name, badge.strip(), name.strip(), password)
    with store.write() as s:
        if s.scalar(select(Officer).where(Officer.badge == badge.strip())) is not None:
            raise errors.ValidationFailed({"officer_badge": "badge_taken"})
        officer = _new_officer(
            badge.strip(), name.strip(), password, role, utc_iso(now_local()), temporary
        )
        s.add(officer)
        _audit(s, by, "account_add", officer.id, {"role": role})
        return _info(officer)


def _info(o: Officer) -> OfficerInfo:
    return OfficerInfo(o.id, o.badge, o.name, o.role, bool(o.must_change_password))


def _audit(
    s: Session, by: OfficerInfo | str | None, action: str, target: str, detail: dict[str, Any]
) -> None:
    who = by.id if isinstance(by, OfficerInfo) else by
    if who is None:
        detail = {**detail, "os_user": getpass.getuser()}
    audit_chain.append_action(
        session_executor(s), who, action, record_kind="officer", record_id=target, detail=detail
    )


def _check_password(s: Session, officer: Officer | None, password: str) -> Officer:
    """The password check with lock-out, inside a write transaction that records it.

    An unknown badge costs the same time as a wrong password and gets the same message. Five
    wrong passwords in a row lock the account for LOCK_MINUTES; a locked account is refused
    without looking at the password, so guessing on stops being useful."""
    now = dt.datetime.now(dt.UTC)
    if officer is None or not officer.active:
        _hasher.hash(password)
        raise errors.AuthenticationError("wrong badge or password")
    if officer.locked_until_utc and officer.locked_until_utc > utc_iso(now):
        _audit(s, officer.id, "sign_in_refused", officer.id, {"reason": "locked"})
        raise errors.AccountLockedError(
            "account locked", until=parse_utc(officer.locked_until_utc).astimezone()
        )
    try:
        _hasher.verify(officer.password_hash, password)
    except (VerificationError, InvalidHashError):
        officer.failed_signins += 1
        detail: dict[str, Any] = {"attempt": officer.failed_signins}
        if officer.failed_signins >= MAX_FAILED_SIGNINS:
            officer.locked_until_utc = utc_iso(now + dt.timedelta(minutes=LOCK_MINUTES))
            officer.failed_signins = 0
            detail["locked_minutes"] = LOCK_MINUTES
        _audit(s, officer.id, "sign_in_failed", officer.id, detail)
        raise errors.AuthenticationError("wrong badge or password") from None
    officer.failed_signins = 0
    officer.locked_until_utc = None
    return officer


def _checked(s: Session, officer: Officer | None, password: str) -> Officer:
    """_check_password, with a failure's count and audit entry committed before the error
    goes on (the caller's transaction would otherwise roll them back)."""
    try:
        return _check_password(s, officer, password)
    except errors.AuthenticationError:
        s.commit()
        raise


def sign_in(store: Store, badge: str, password: str, *, action: str = "sign_in") -> OfficerInfo:
    """Checks the password (with lock-out) and records the sign-in. `action` says whether it
    opened a shift ("sign_in") or unlocked a locked screen ("unlock")."""
    badge = badge.strip()[:MAX_BADGE]
    with store.write() as s:
        officer = _checked(s, s.scalar(select(Officer).where(Officer.badge == badge)), password)
        _audit(s, officer.id, action, officer.id, {})
        return _info(officer)


def sign_out(store: Store, officer: OfficerInfo, *, reason: str = "") -> None:
    with store.write() as s:
        _audit(s, officer, "sign_out", officer.id, {"reason": reason} if reason else {})


def change_password(store: Store, officer: OfficerInfo, old: str, new: str) -> OfficerInfo:
    """The officer's own change: the old password first, then a new one of at least
    MIN_PASSWORD characters that differs from it."""
    problems: dict[str, str] = {}
    if len(new) < MIN_PASSWORD:
        problems["new_password"] = "password_short"
    elif new == old:
        problems["new_password"] = "password_same"
    if problems:
        raise errors.ValidationFailed(problems)
    with store.write() as s:
        row = _checked(s, s.get(Officer, officer.id), old)
        row.password_hash = _hasher.hash(new)
        row.must_change_password = False
        row.password_changed_utc = utc_iso(now_local())
        _audit(s, officer, "password_change", officer.id, {})
        return _info(row)


def reset_password(store: Store, admin: OfficerInfo | None, badge: str, temporary: str) -> None:
    """An administrator (or the command line: None) sets a temporary password; the officer
    must choose a new one at the next sign-in. A reset also lifts a lock-out."""
    if admin is not None:
        require(admin, "manage_accounts")
    if len(temporary) < MIN_PASSWORD:
        raise errors.ValidationFailed({"password": "password_short"})
    with store.write() as s:
        row = _officer_row(s, badge)
        row.password_hash = _hasher.hash(temporary)
        row.must_change_password = True
        row.failed_signins = 0
        row.locked_until_utc = None
        _audit(s, admin, "password_reset", row.id, {})


def update_account(
    store: Store,
    admin: OfficerInfo | None,
    badge: str,
    *,
    role: str | None = None,
    active: bool | None = None,
    unlock: bool = False,
) -> None:
    """Role, deactivation (an account is never deleted: its name stays on what it did) and
    lifting a lock-out. An administrator cannot take away the last administrator."""
    if admin is not None:
        require(admin, "manage_accounts")
    if role is not None and role not in roles.ALL:
        raise errors.ValidationFailed({"role": "unknown_role"})
    with store.write() as s:
        row = _officer_row(s, badge)
        losing_admin = row.role == roles.ADMIN and (
            (role is not None and role != roles.ADMIN) or active is False
        )
        if losing_admin:
            admins = s.scalars(
                select(Officer).where(Officer.role == roles.ADMIN, Officer.active.is_(True))
            ).all()
            if len(admins) <= 1:
                raise errors.ValidationFailed({"role": "last_admin"})
        detail: dict[str, Any] = {}
        if role is not None and role != row.role:
            detail["role"] = [row.role, role]
            row.role = role
        if active is not None and active != row.active:
            detail["active"] = active
            row.active = active
        if unlock and row.locked_until_utc:
            detail["unlocked"] = True
            row.locked_until_utc = None
            row.failed_signins = 0
        if detail:
            _audit(s, admin, "account_change", row.id, detail)


def _officer_row(s: Session, badge: str) -> Officer:
    row = s.scalar(select(Officer).where(Officer.badge == badge.strip()))
    if row is None:
        raise errors.NotFoundError(badge)
    return row


@dataclass(frozen=True)
class AccountRow:
    badge: str
    name: str
    role: str
    active: bool
    locked_until: dt.datetime | None
    must_change_password: bool


def accounts(store: Store) -> list[AccountRow]:
    now = utc_iso(dt.datetime.now(dt.UTC))
    with store.read() as s:
        rows = s.scalars(select(Officer).order_by(Officer.badge)).all()
        return [
            AccountRow(
                o.badge,
                o.name,
                o.role,
                o.active,
                parse_utc(o.locked_until_utc).astimezone()
                if o.locked_until_utc and o.locked_until_utc > now
                else None,
                o.must_change_password,
            )
            for o in rows
        ]


def list_officers(store: Store) -> list[OfficerInfo]:
    with store.read() as s:
        rows = s.scalars(select(Officer).order_by(Officer.badge)).all()
        return [_info(o) for o in rows]


def required_reason(field: str, reason: str) -> str:
    """A reason kept with an act that needs one (a chief's approval of their own draft, a
    refusal, a person taken off a register): cleaned like a void reason, never empty."""
    try:
        text = clean_text("void_reason", reason)
    except FieldError as exc:
        raise errors.ValidationFailed({field: exc.code}) from None
    if not text:
        raise errors.ValidationFailed({field: "required"})
    return text


def require(officer: OfficerInfo, action: str) -> None:
    """Every service checks the signed-in officer's role before it changes anything."""
    if not roles.may(officer.role, action):
        raise errors.PermissionDeniedError(action, role=officer.role)


def officer_by_badge(store: Store, badge: str) -> OfficerInfo | None:
    return next((o for o in list_officers(store) if o.badge == badge.strip()), None)


def today_local() -> dt.date:
    return now_local().date()
