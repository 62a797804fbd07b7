"""The refusals HQ answers with: each an expected error with the HTTP status it maps to."""

from __future__ import annotations


class HqError(Exception):
    """An expected refusal, with the HTTP status it maps to."""

    status = 400
    code = "bad_request"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unauthorised(HqError):
    status = 401
    code = "unauthorised"


class Forbidden(HqError):
    status = 403
    code = "forbidden"


class NotFound(HqError):
    status = 404
    code = "not_found"


class StationSplit(HqError):
    """This computer's generation was refused: another computer uses the same identity."""

    status = 409
    code = "station_split"


SPLIT_REASON = (
    "HQ refuses records from this computer: another computer is using this station's identity "
    "(a copied data folder, or a backup restored while the old PC still runs). Every record "
    "stays on this computer. Keep receiving on the other computer and ask HQ (alarm 'split') "
    "which computer is the station's."
)
