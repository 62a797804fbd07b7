"""Officer roles and what each may do."""

from __future__ import annotations

OFFICER = "officer"  # front-desk officer
COMMUNITY = "community"  # community police
CHIEF = "chief"  # station chief / supervisor
ADMIN = "admin"

ALL = (OFFICER, COMMUNITY, CHIEF, ADMIN)

PERMISSIONS: dict[str, frozenset[str]] = {
    OFFICER: frozenset({"receive", "intake", "handle", "visit"}),
    COMMUNITY: frozenset({"receive", "intake", "handle", "visit", "assign_visits"}),
    # "approve": warning letters, reminder sheets issued and cleared, lifting an early warning
    CHIEF: frozenset({"receive", "intake", "handle", "void", "visit", "assign_visits", "approve"}),
    ADMIN: frozenset(
        {"receive", "intake", "handle", "void", "visit", "assign_visits", "manage_accounts"}
    ),
}


def may(role: str, action: str) -> bool:
    return action in PERMISSIONS.get(role, frozenset())
