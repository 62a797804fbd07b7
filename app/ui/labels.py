"""How stored names and values read on screen: field names, statuses, times, catalog codes.

Officers never see internal keys such as ``reporter_phone`` or ``C11``: every view that shows
stored data goes through these helpers so the words are the same everywhere.
"""

from __future__ import annotations

import json
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from app.domain import statuses, visits
from app.domain.catalog import Catalog
from app.domain.warning_colours import WarningCriteria, load_criteria
from app.errors import CatalogError


def field_label(name: str) -> str:
    names = {
        "serial": QCoreApplication.translate("Labels", "Serial"),
        "received_at": QCoreApplication.translate("Labels", "Received"),
        "unit_code": QCoreApplication.translate("Labels", "Unit"),
        "officer_id": QCoreApplication.translate("Labels", "Officer"),
        "channel": QCoreApplication.translate("Labels", "Channel"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "clock_warning": QCoreApplication.translate("Labels", "Clock warning"),
        "reporter_name": QCoreApplication.translate("Labels", "Reporter name"),
        "reporter_phone": QCoreApplication.translate("Labels", "Phone"),
        "no_phone_reason": QCoreApplication.translate("Labels", "No phone because"),
        "reporter_id_number": QCoreApplication.translate("Labels", "ID number"),
        "reporter_address": QCoreApplication.translate("Labels", "Address"),
        "incident_type": QCoreApplication.translate("Labels", "Incident type"),
        "incident_time": QCoreApplication.translate("Labels", "Incident time"),
        "incident_place": QCoreApplication.translate("Labels", "Incident place"),
        "summary": QCoreApplication.translate("Labels", "Summary"),
        "checklist": QCoreApplication.translate("Labels", "Handling steps done"),
        "disposal_result": QCoreApplication.translate("Labels", "Disposal result"),
        "referred_department": QCoreApplication.translate("Labels", "Referred to"),
        "unfinished_reason": QCoreApplication.translate("Labels", "Reason left unfinished"),
        "void_reason": QCoreApplication.translate("Labels", "Reason for voiding"),
        "safe_contact": QCoreApplication.translate("Labels", "Safe contact"),
        "risk_factors": QCoreApplication.translate("Labels", "Risk factors"),
        "suggested_colour": QCoreApplication.translate("Labels", "Suggested colour"),
        "warning_colour": QCoreApplication.translate("Labels", "Warning colour"),
        "colour_reason": QCoreApplication.translate("Labels", "Reason for the colour"),
        "monitoring_level": QCoreApplication.translate("Labels", "Monitored by"),
        "warning_status": QCoreApplication.translate("Labels", "Warning"),
        "repeat_rule": QCoreApplication.translate("Labels", "Repeat rule"),
        "repeat_key": QCoreApplication.translate("Labels", "Repeated by"),
        "repeat_count": QCoreApplication.translate("Labels", "Reports in the rule's window"),
    }
    return names.get(name, name)


def repeat_key_text(key: str) -> str:
    """What an earlier report shares with this one, in words."""
    names = {
        "phone": QCoreApplication.translate("Labels", "same phone number"),
        "id_number": QCoreApplication.translate("Labels", "same ID number"),
        "name_address": QCoreApplication.translate("Labels", "same person at the same address"),
        "incident_place": QCoreApplication.translate("Labels", "same incident place"),
    }
    return names.get(key, key)


@lru_cache(maxsize=1)
def _criteria() -> WarningCriteria:
    return load_criteria()


def _warning_value(field: str, value: object, lang: str) -> str | None:
    """Colour, monitoring level and risk factor ids in words (None: not such a field)."""
    criteria = _criteria()
    if field in ("suggested_colour", "warning_colour") and isinstance(value, str):
        colour = criteria.colour(value)
        return colour.label(lang) if colour else value
    if field == "monitoring_level" and isinstance(value, str):
        level = criteria.monitoring_level(value)
        return level.label(lang) if level else value
    if field == "risk_factors" and isinstance(value, list):
        names = {f.id: f.label(lang) for f in criteria.factors}
        return ", ".join(names.get(str(v), str(v)) for v in value)
    if field == "warning_status" and isinstance(value, str):
        return {
            "active": QCoreApplication.translate("Labels", "Active"),
            "lifted": QCoreApplication.translate("Labels", "Lifted"),
        }.get(value, value)
    return None


def status_text(status: str) -> str:
    names = {
        statuses.RECEIVING: QCoreApplication.translate("Status", "Unfinished intake"),
        statuses.RECEIVED: QCoreApplication.translate("Status", "Received"),
        statuses.IN_HANDLING: QCoreApplication.translate("Status", "In handling"),
        statuses.CLOSED: QCoreApplication.translate("Status", "Closed"),
        statuses.REFERRED: QCoreApplication.translate("Status", "Referred"),
        statuses.VOIDED: QCoreApplication.translate("Status", "Voided"),
    }
    return names.get(status, status)


def visit_kind_text(kind: str) -> str:
    names = {
        visits.ONSITE_SIGNOFF: QCoreApplication.translate("Visits", "on-site sign-off"),
        visits.PHONE: QCoreApplication.translate("Visits", "phone call"),
        visits.HOME: QCoreApplication.translate("Visits", "home visit"),
        visits.SAFE_MEETING: QCoreApplication.translate("Visits", "meeting at a safe place"),
        visits.FURTHER: QCoreApplication.translate("Visits", "further visit"),
        visits.CARE: QCoreApplication.translate("Visits", "care visit"),
    }
    return names.get(kind, kind)


def visit_status_text(status: str) -> str:
    names = {
        visits.DUE: QCoreApplication.translate("Visits", "Due"),
        visits.DONE: QCoreApplication.translate("Visits", "Done"),
        visits.NOT_REACHED: QCoreApplication.translate("Visits", "Not reached"),
        visits.REFUSED: QCoreApplication.translate("Visits", "Refused"),
        visits.CANCELLED: QCoreApplication.translate("Visits", "Cancelled"),
    }
    return names.get(status, status)


def satisfaction_text(value: str) -> str:
    names = {
        visits.SATISFIED: QCoreApplication.translate("Visits", "satisfied"),
        visits.BASICALLY_SATISFIED: QCoreApplication.translate("Visits", "basically satisfied"),
        visits.DISSATISFIED: QCoreApplication.translate("Visits", "dissatisfied"),
    }
    return names.get(value, value)


def care_category_text(category: str) -> str:
    names = {
        "mental_illness": QCoreApplication.translate("Visits", "Severe mental illness"),
        "elderly_alone": QCoreApplication.translate("Visits", "Elderly living alone"),
        "disabled": QCoreApplication.translate("Visits", "Disabled"),
        "hardship": QCoreApplication.translate("Visits", "Family in hardship"),
    }
    return names.get(category, category)


def wall_time(iso: str, *, seconds: bool = False) -> str:
    """Stored times are the station's local time with offset; show them as the desk saw them."""
    text = iso.replace("T", " ")
    return text[:19] if seconds else text[:16]


def display_value(field: str, value: object, catalog: Catalog, lang: str) -> str:
    if value in ("", None, []):
        return "-"
    if field == "status" and isinstance(value, str):
        return status_text(value)
    if field == "incident_type" and isinstance(value, str):
        try:
            return catalog.get(value).name(lang)
        except CatalogError:
            return value
    if field == "checklist" and isinstance(value, list):
        return ", ".join(str(int(step) + 1) for step in value)
    if field in ("received_at", "incident_time") and isinstance(value, str):
        return wall_time(value)
    if field == "repeat_key" and isinstance(value, str):
        return repeat_key_text(value)
    warning = _warning_value(field, value, lang)
    if warning is not None:
        return warning
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Labels", "yes")
            if value
            else QCoreApplication.translate("Labels", "no")
        )
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def role_text(role: str) -> str:
    names = {
        "officer": QCoreApplication.translate("Labels", "Front-desk officer"),
        "community": QCoreApplication.translate("Labels", "Community police"),
        "chief": QCoreApplication.translate("Labels", "Station chief"),
        "admin": QCoreApplication.translate("Labels", "Administrator"),
    }
    return names.get(role, role)
