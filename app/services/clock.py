"""Time as the services see it: local wall-clock time with its UTC offset."""

from __future__ import annotations

import datetime as dt


def now_local() -> dt.datetime:
    return dt.datetime.now().astimezone()


def utc_iso(moment: dt.datetime) -> str:
    """Sortable UTC text with microseconds, the form every *_utc column holds."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
