"""Headquarters use cases: enrolment, tokens, station overview, recovery, instructions.

The HTTP layer (app.hq.api) and the operator's command line (app.hq.cli) both call these; each
function owns its transaction and returns plain data. They live by concern: what stations ask
(app.hq.station_requests), the operator's commands on stations (app.hq.operator_commands) and
the command centre's views (app.hq.command_centre), all on one database (app.hq.sessions); the
refusals they answer with are in app.hq.refusals.
"""

from __future__ import annotations

from app.hq.command_centre import CommandCentre
from app.hq.operator_commands import OperatorCommands, StationOverview
from app.hq.refusals import HqError
from app.hq.station_requests import Caller, StationRequests

__all__ = ["Caller", "Headquarters", "HqError", "StationOverview"]


class Headquarters(OperatorCommands, StationRequests, CommandCentre):
    """One HQ database; sessions are short, one per operation."""
