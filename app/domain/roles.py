"""Officer roles and what each may do."""

from __future__ import annotations

OFFICER = "officer"  # front-desk officer
COMMUNITY = "community"  # community police
CHIEF = "chief"  # station chief / supervisor
ADMIN = "admin"

ALL = (OFFICER, COMMUNITY, CHIEF, ADMIN)

# Anyone signed in may press receive: a member of the public is never turned away because of
# who is at the desk. Only a chief voids a receipt or approves (warning letters, reminder
# sheets issued and cleared, lifting an early warning); only an administrator manages accounts,
# and an administrator handles no cases. Backups, the audit check and linking the station to HQ
# are for both.
PERMISSIONS: dict[str, frozenset[str]] = {
    OFFICER: frozenset({"receive", "intake", "handle", "visit"}),
    COMMUNITY: frozenset({"receive", "intake", "handle", "visit", "assign_visits"}),
    CHIEF: frozenset(
        {
            "receive",
            "intake",
            "handle",
            "void",
            "visit",
            "assign_visits",
            "approve",
            "backup",
            "audit",
            "link_hq",
        }
    ),
    ADMIN: frozenset({"receive", "manage_accounts", "backup", "audit", "link_hq"}),
}


def may(role: str, action: str) -> bool:
    return action in PERMISSIONS.get(role, frozenset())
