"""Dates and times on printed pages as people write them on a form: 2026年12月4日 01:07.

Records keep ISO 8601 with the zone offset (exact, sortable, synced); a reporter reading a slip
needs neither the seconds nor "+08:00". The time is the station's own wall time, which the
stored text already is."""

from __future__ import annotations

import datetime as dt


def written_time(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso  # never lose what was stored because it reads oddly
    return f"{written_date(moment.date().isoformat())} {moment:%H:%M}"


def written_date(iso: str) -> str:
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日"
