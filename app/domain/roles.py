"""Officer roles and what each may do."""

from __future__ import annotations

OFFICER = "officer"  # front-desk officer
COMMUNITY = "community"  # community police
CHIEF = "chief"  # station chief / supervisor
ADMIN = "admin"

ALL = (OFFICER, COMMUNITY, CHIEF, ADMIN)

PERMISSIONS: dict[str, frozenset[str]] = {
    OFFICER: frozenset({"receive", "intake", "handle"}),
    COMMUNITY: frozenset({"receive", "intake", "handle"}),
    CHIEF: frozenset({"receive", "intake", "handle", "void"}),
    ADMIN: frozenset({"receive", "intake", "handle", "void", "manage_accounts"}),
}


def may(role: str, action: str) -> bool:
    return action in PERMISSIONS.get(role, frozenset())
