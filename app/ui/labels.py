"""How stored names and values read on screen: field names, statuses, times, catalog codes.

Officers never see internal keys such as ``reporter_phone`` or ``C11``: every view that shows
stored data goes through these helpers so the words are the same everywhere.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from app.domain import statuses
from app.domain.catalog import Catalog
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
    }
    return names.get(name, name)


def status_text(status: str) -> str:
    names = {
        statuses.RECEIVING: QCoreApplication.translate("Status", "unfinished intake"),
        statuses.RECEIVED: QCoreApplication.translate("Status", "received"),
        statuses.IN_HANDLING: QCoreApplication.translate("Status", "in handling"),
        statuses.CLOSED: QCoreApplication.translate("Status", "closed"),
        statuses.REFERRED: QCoreApplication.translate("Status", "referred"),
        statuses.VOIDED: QCoreApplication.translate("Status", "voided"),
    }
    return names.get(status, status)


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
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Labels", "yes")
            if value
            else QCoreApplication.translate("Labels", "no")
        )
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
