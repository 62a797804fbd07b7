"""Is the station file sound? SQLite's own page-level check, run after start-up."""

from __future__ import annotations

from contextlib import closing

from app.db import cipher
from app.db.cipher import DRIVER_ERRORS
from app.db.engine import Store


def quick_check(store: Store) -> str:
    """ "ok", or the first problem SQLite names. Its own connection: the desk goes on."""
    try:
        with closing(cipher.connect(store.path, store.key)) as conn:
            rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except DRIVER_ERRORS as exc:
        return str(exc)[:300]
    problems = [str(r[0]) for r in rows if r[0] != "ok"]
    return "ok" if not problems else "; ".join(problems)[:300]
