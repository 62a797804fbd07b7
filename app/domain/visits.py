"""The words of a return visit: kinds, states, answers, and the short code printed on a sheet.

The code is what a community officer types back in (or what a scanner types from the sheet's QR
code): a station-wide number with a check digit, so a slip of one key or two swapped keys is
caught as "no such visit" instead of opening somebody else's visit.
"""

from __future__ import annotations

import re

# Kinds of visit
ONSITE_SIGNOFF = "onsite_signoff"  # the reporter signs off on the spot when handling ends
PHONE = "phone"
HOME = "home"
SAFE_MEETING = "safe_meeting"  # in person, at a place the person chose; never by phone
FURTHER = "further"  # after a dissatisfied answer
CARE = "care"  # special-population care visit on a cadence
KINDS = (ONSITE_SIGNOFF, PHONE, HOME, SAFE_MEETING, FURTHER, CARE)
IN_PERSON = (ONSITE_SIGNOFF, HOME, SAFE_MEETING, FURTHER, CARE)

# Why a visit exists
REASON_CATALOG = "catalog"
REASON_DISPUTE = "dispute"
REASON_REPEAT = "repeat"
REASON_DISSATISFIED = "dissatisfied"
REASON_RETRY = "not_reached"
REASON_CARE = "care"
REASON_WARNING = "early_warning"  # on the cadence the dispute's warning colour sets
REASON_LETTER = "warning_letter"  # after a domestic-violence warning letter was served

# States
DUE = "due"
DONE = "done"
NOT_REACHED = "not_reached"
REFUSED = "refused"
CANCELLED = "cancelled"
STATUSES = (DUE, DONE, NOT_REACHED, REFUSED, CANCELLED)
OUTCOMES = (DONE, NOT_REACHED, REFUSED)
# A visit "completed" for the completion rate: the officer got an answer or a clear refusal.
COMPLETED = (DONE, REFUSED)

# Satisfaction, as the published forms ask it
SATISFIED = "satisfied"
BASICALLY_SATISFIED = "basically_satisfied"
DISSATISFIED = "dissatisfied"
SATISFACTION = (SATISFIED, BASICALLY_SATISFIED, DISSATISFIED)
CONTENT = (SATISFIED, BASICALLY_SATISFIED)  # counted as satisfied in the satisfaction rate

# Special-population categories
CARE_CATEGORIES = ("mental_illness", "elderly_alone", "disabled", "hardship")

CODE_PREFIX = "V"
_CODE_INPUT = re.compile(r"^[Vv]?[\s-]*(\d{1,9})[\s-]*(\d)$")


def luhn_digit(number: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def visit_code(number: int) -> str:
    """V0001234-5: seven digits, then the check digit."""
    body = f"{number:07d}"
    return f"{CODE_PREFIX}{body}-{luhn_digit(body)}"


def mistyped_visit_code(text: str) -> bool:
    """A code of the right shape whose check digit does not match: a slip of a key, not a
    visit that does not exist."""
    match = _CODE_INPUT.match(text.strip())
    return match is not None and luhn_digit(match.group(1).zfill(7)) != match.group(2)


def parse_visit_code(text: str) -> int | None:
    """The visit number in what was typed or scanned, or None when it is not a valid code.

    Accepts the printed form, no dashes, spaces, and a lower-case v; refuses a wrong check digit.
    """
    match = _CODE_INPUT.match(text.strip())
    if match is None:
        return None
    body, check = match.groups()
    if luhn_digit(body.zfill(7)) != check or int(body) == 0:
        return None
    return int(body)
