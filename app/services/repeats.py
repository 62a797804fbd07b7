"""Repeat detection: has this phone, ID number, person at this address, or place reported before?

Runs live while the intake is typed (one indexed look-up per key inside the longest rule window)
and again when the intake is saved, where the rule that fired is recorded on the report. Only a
complete, valid phone or ID number is ever looked up, so a half-typed number matches nothing;
an address or place must name a house number to be matched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.db.engine import Store
from app.db.models import Report, key_is
from app.domain import repeat_rules, statuses
from app.domain.addresses import normalise_address
from app.domain.clock import now_local, utc_iso
from app.domain.repeat_rules import RepeatRule, RepeatRules
from app.domain.validation import FieldError, normalise_phone, validate_id_number

SHOWN = 10  # earlier reports listed per key; the counts cover all of them
LIVE_SHOWN = 5  # what the intake form lists per key while it is typed
PAGE = 500  # earlier reports linked to a case file when the save fires a rule
_HOUSE_NUMBER = re.compile(r"\d")
_COMPLETE_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")


def rules_for(store: Store) -> RepeatRules:
    """The station's repeat rules, read once (see app.domain.versioned_file)."""
    return repeat_rules.RULES.in_use(store.path.parent)


@dataclass(frozen=True)
class EarlierReport:
    id: str
    serial: str
    received_at: str
    incident_type: str
    status: str
    reporter_name: str


@dataclass(frozen=True)
class KeyMatch:
    key: str  # phone, id_number, name_address, incident_place
    value: str  # what was matched, as normalised
    rule: RepeatRule
    count: int  # reports inside the rule's window, this one included
    earlier: list[EarlierReport] = field(default_factory=list)  # newest first, a few shown
    earlier_ids: tuple[str, ...] = ()  # every earlier report read inside the rule's window


@dataclass(frozen=True)
class RepeatFinding:
    matches: list[KeyMatch]

    @property
    def fired(self) -> KeyMatch | None:
        """The most pressing match: the narrowest window, then the most reports."""
        if not self.matches:
            return None
        return min(self.matches, key=lambda m: (m.rule.window_days, -m.count))


def lookup_keys(fields: Mapping[str, Any], rules: RepeatRules) -> dict[str, str]:
    """The keys worth looking up in what has been typed so far."""
    keys: dict[str, str] = {}
    if "phone" in rules.keys:
        try:
            phone = normalise_phone(str(fields.get("reporter_phone") or ""))
        except FieldError:
            phone = ""
        if phone and _COMPLETE_PHONE.match(phone):
            keys["phone"] = phone
    if "id_number" in rules.keys:
        try:
            id_number = validate_id_number(str(fields.get("reporter_id_number") or ""))
        except FieldError:
            id_number = ""
        if id_number:
            keys["id_number"] = id_number
    name = str(fields.get("reporter_name") or "").strip()
    address = normalise_address(str(fields.get("reporter_address") or ""))
    if "name_address" in rules.keys and name and _HOUSE_NUMBER.search(address):
        keys["name_address"] = f"{name}|{address}"
    place = normalise_address(str(fields.get("incident_place") or ""))
    if "incident_place" in rules.keys and _HOUSE_NUMBER.search(place):
        keys["incident_place"] = place
    return keys


def _condition(key: str, value: str) -> Any:
    if key == "phone":
        return key_is(Report.reporter_phone, value)
    if key == "id_number":
        return key_is(Report.reporter_id_number, value)
    if key == "name_address":
        name, _, address = value.partition("|")
        return key_is(Report.address_key, address) & (Report.reporter_name == name)
    return key_is(Report.place_key, value)


def _windows(
    rules: RepeatRules, incident_type: str, moment: dt.datetime
) -> list[tuple[RepeatRule, str]]:
    return [
        (r, utc_iso(moment - dt.timedelta(days=r.window_days)))
        for r in rules.for_type(incident_type)
    ]


def _match_key(
    s: Session,
    key: str,
    value: str,
    windows: list[tuple[RepeatRule, str]],
    moment: dt.datetime,
    exclude_id: str | None,
    *,
    rows_wanted: int = PAGE,
) -> KeyMatch | None:
    """One key: how many reports inside each rule window (counted from the key's index, which
    holds the status too), and the newest `rows_wanted` of them read from the table. The save
    reads up to a page, to link every earlier report to the case file; the live check only
    what the form shows."""
    since = min(start for _, start in windows)
    base = [
        _condition(key, value),
        Report.received_utc >= since,
        Report.received_utc <= utc_iso(moment),
        Report.status != statuses.VOIDED,
    ]
    if exclude_id:
        base.append(Report.id != exclude_id)
    counts = [
        int(n or 0)
        for n in s.execute(
            select(
                *(
                    func.sum(case((Report.received_utc >= start, 1), else_=0))
                    for _, start in windows
                )
            ).where(*base)
        ).one()
    ]
    fired = next(
        ((rule, n) for (rule, _), n in zip(windows, counts, strict=True) if n >= rule.min_earlier),
        None,
    )
    if fired is None:
        return None
    rule, earlier_count = fired
    start = dict((r.id, st) for r, st in windows)[rule.id]
    rows = s.execute(
        select(
            Report.id,
            Report.serial,
            Report.received_at,
            Report.incident_type,
            Report.status,
            Report.reporter_name,
            Report.received_utc,
        )
        .where(*base, Report.received_utc >= start)
        .order_by(Report.received_utc.desc())
        .limit(rows_wanted)
    ).all()
    return KeyMatch(
        key,
        value,
        rule,
        earlier_count + 1,
        [EarlierReport(*r[:6]) for r in rows[:SHOWN]],
        tuple(r.id for r in rows),
    )


def find(
    s: Session,
    rules: RepeatRules,
    fields: Mapping[str, Any],
    *,
    incident_type: str = "",
    exclude_id: str | None = None,
    now: dt.datetime | None = None,
) -> RepeatFinding:
    """Earlier reports matching each key, and which rule each key fires (if any)."""
    moment = now or now_local()
    windows = _windows(rules, incident_type, moment)
    matches = [
        match
        for key, value in lookup_keys(fields, rules).items()
        if (match := _match_key(s, key, value, windows, moment, exclude_id)) is not None
    ]
    return RepeatFinding(matches)


class LiveCheck:
    """The check one intake form runs while it is typed: each key is looked up once, then
    remembered for a short while, so a keystroke in the address does not look up the phone
    again (the save runs the full check regardless)."""

    def __init__(self, store: Store, *, ttl_seconds: float = 30.0) -> None:
        self.store = store
        self.ttl = dt.timedelta(seconds=ttl_seconds)
        self._seen: dict[tuple[str, str, str, str], tuple[dt.datetime, KeyMatch | None]] = {}

    def __call__(
        self,
        fields: Mapping[str, Any],
        *,
        incident_type: str = "",
        exclude_id: str | None = None,
        now: dt.datetime | None = None,
    ) -> RepeatFinding:
        rules = rules_for(self.store)
        moment = now or now_local()
        windows = _windows(rules, incident_type, moment)
        matches = []
        keys = lookup_keys(fields, rules)
        with self.store.read() as s:
            for key, value in keys.items():
                slot = (key, value, incident_type, exclude_id or "")
                held = self._seen.get(slot)
                if held is None or moment - held[0] > self.ttl:
                    match = _match_key(
                        s, key, value, windows, moment, exclude_id, rows_wanted=LIVE_SHOWN
                    )
                    held = (moment, match)
                    self._seen[slot] = held
                if held[1] is not None:
                    matches.append(held[1])
        return RepeatFinding(matches)


def check(
    store: Store,
    fields: Mapping[str, Any],
    *,
    incident_type: str = "",
    exclude_id: str | None = None,
    now: dt.datetime | None = None,
) -> RepeatFinding:
    """The live check the intake form runs as the phone, ID or address is typed."""
    rules = rules_for(store)
    with store.read() as s:
        return find(s, rules, fields, incident_type=incident_type, exclude_id=exclude_id, now=now)
