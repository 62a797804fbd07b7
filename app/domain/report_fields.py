"""A report as its revisions carry it: every revision's payload is the whole record in these
fields, so the history, the export, sync and HQ all read one shape."""

from __future__ import annotations

RECORD_FIELDS = (
    "id",
    "serial",
    "received_at",
    "unit_code",
    "officer_id",
    "channel",
    "status",
    "clock_warning",
    "reporter_name",
    "reporter_phone",
    "no_phone_reason",
    "reporter_id_number",
    "reporter_address",
    "incident_type",
    "incident_time",
    "incident_place",
    "summary",
    "checklist",
    "disposal_result",
    "referred_department",
    "unfinished_reason",
    "void_reason",
    "safe_contact",
    "repeat_rule",
    "repeat_key",
    "repeat_count",
    "risk_factors",
    "suggested_colour",
    "warning_colour",
    "colour_reason",
    "monitoring_level",
    "warning_status",
)
# Columns holding a JSON list; the revision payload carries the list itself.
JSON_LIST_FIELDS = ("checklist", "risk_factors")
