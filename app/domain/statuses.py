"""Report statuses and which moves between them are allowed."""

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
