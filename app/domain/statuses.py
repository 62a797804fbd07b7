"""The statuses records move through: a report's (and which moves between them are allowed), its
five-colour warning's, a warning letter's, a case file's and a reminder sheet's. A visit's are
with the other visit terms in app.domain.visits."""

from __future__ import annotations

RECEIVING = "receiving"  # button pressed, intake not completed: an unfinished receipt
RECEIVED = "received"  # intake completed
IN_HANDLING = "in_handling"
CLOSED = "closed"
REFERRED = "referred"  # non-police matter handed to another department
VOIDED = "voided"  # by a supervisor, with a reason; the receipt stays visible

ALL = (RECEIVING, RECEIVED, IN_HANDLING, CLOSED, REFERRED, VOIDED)
UNFINISHED = (RECEIVING,)
COMPLETED = (RECEIVED, IN_HANDLING, CLOSED, REFERRED)

TRANSITIONS: dict[str, tuple[str, ...]] = {
    RECEIVING: (RECEIVED, VOIDED),
    RECEIVED: (IN_HANDLING, CLOSED, REFERRED),
    IN_HANDLING: (CLOSED, REFERRED),
    CLOSED: (),
    REFERRED: (IN_HANDLING, CLOSED),
    VOIDED: (),
}

EDITABLE = (RECEIVING, RECEIVED, IN_HANDLING)


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, ())


# A report's five-colour early warning (its warning_status; "" while none was set).
WARNING_ACTIVE = "active"
WARNING_LIFTED = "lifted"  # by a station chief, with a reason

# A domestic-violence warning letter: drafted, approved by the station chief (or refused and
# drafted again), served.
LETTER_DRAFT = "draft"
LETTER_APPROVED = "approved"
LETTER_SERVED = "served"
LETTER_REFUSED = "refused"

# A case file, opened when a save fires a repeat rule.
CASE_OPEN = "open"
CASE_IN_PROGRESS = "in_progress"  # a plan or an action was recorded
CASE_CLEARED = "cleared"
CASE_ACTIVE = (CASE_OPEN, CASE_IN_PROGRESS)

# A reminder sheet (督办单), the station's or HQ's: each stage answered moves it on.
SHEET_ISSUED = "issued"
SHEET_ACKNOWLEDGED = "acknowledged"
SHEET_IN_PROGRESS = "in_progress"
SHEET_FED_BACK = "fed_back"
SHEET_CLEARED = "cleared"
