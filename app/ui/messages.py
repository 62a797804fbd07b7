"""Translated text for error codes raised by the core and for field validation codes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app import errors
from app.domain.validation import MAX_LENGTHS
from app.ui.labels import visit_status_text


def _time_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%H:%M")
    return str(value or "")


def error_text(exc: errors.StationDeskError) -> str:
    text = _station_file_texts(exc).get(exc.code) or _work_texts(exc).get(exc.code)
    if text is None:
        return QCoreApplication.translate("Messages", "Unexpected error: %1").replace(
            "%1", str(exc)
        )
    return text


def _station_file_texts(exc: errors.StationDeskError) -> dict[str, str]:
    """The station database, its key and the keyring that holds it."""
    return {
        "database_locked": QCoreApplication.translate(
            "Messages",
            "The station database is busy or locked by another program. Your input is kept; try again in a moment.",
        ),
        "database_read_only": QCoreApplication.translate(
            "Messages",
            "The station database cannot be written: the file or its folder is read-only. Nothing was saved; ask the administrator to check the disk.",
        ),
        "database_full": QCoreApplication.translate(
            "Messages",
            "The disk is full. Nothing was lost, but new input cannot be saved until space is freed.",
        ),
        "database_corrupt": QCoreApplication.translate(
            "Messages",
            "The station database file is damaged or is not a StationDesk database. Do not continue; call the administrator to restore the latest backup.",
        ),
        "database_missing": QCoreApplication.translate(
            "Messages",
            "The station database is missing or empty, but this folder belongs to a station "
            "(its key record or backups are here). Nothing was set up anew: restore the newest "
            "backup.",
        ),
        "database_too_new": QCoreApplication.translate(
            "Messages",
            "This station database was written by a newer version of StationDesk. Install that version; this one will not touch the file.",
        ),
        "database": QCoreApplication.translate(
            "Messages", "The station database reported an error. Your input is kept."
        ),
        "database_key_missing": QCoreApplication.translate(
            "Messages",
            "The station database is encrypted and this computer's keyring does not hold its key. Type the recovery key from the sheet in the station safe.",
        ),
        "database_key_wrong": QCoreApplication.translate(
            "Messages",
            "This recovery key does not open this station's database: it belongs to another station. Check the unit name on the sheet.",
        ),
        "recovery_key_typo": QCoreApplication.translate(
            "Messages",
            "That is not a recovery key: check the 56 letters and digits on the sheet and type them again. Dashes and spaces do not matter.",
        ),
        "keyring_unavailable": QCoreApplication.translate(
            "Messages",
            "The system keyring is not available, so the station's keys cannot be kept safely. Start or unlock the keyring service and try again.",
        ),
        "keyring_in_file": QCoreApplication.translate(
            "Messages",
            "The keyring on this PC keeps secrets in a plain file, not in the system's protected "
            "store, so the station's keys are not put there. Use the system keyring (Windows "
            "Credential Manager); only a demo or test station may set "
            "STATIONDESK_ALLOW_FILE_KEYRING=1.",
        ),
    }


def _work_texts(exc: errors.StationDeskError) -> dict[str, str]:
    """Signing in, permissions and the records themselves."""
    return {
        "authentication": QCoreApplication.translate("Messages", "Wrong badge number or password."),
        "account_locked": QCoreApplication.translate(
            "Messages",
            "Too many wrong passwords: this account is locked until %1. An administrator can unlock it sooner.",
        ).replace("%1", _time_text(exc.details.get("until"))),
        "permission_denied": QCoreApplication.translate(
            "Messages", "Your role is not allowed to do this. A station chief must do it."
        ),
        "own_draft": QCoreApplication.translate(
            "Messages",
            "You drafted this letter: another chief of the station approves it (four eyes).",
        ),
        "not_found": QCoreApplication.translate(
            "Messages", "That report no longer exists in this station's database."
        ),
        "invalid_transition": QCoreApplication.translate(
            "Messages", "The report's status does not allow this change."
        ),
        "catalog": QCoreApplication.translate(
            "Messages", "The incident catalog could not be loaded."
        ),
        "validation": QCoreApplication.translate(
            "Messages", "Some fields need attention; see the messages beside them."
        ),
        "already_set_up": QCoreApplication.translate("Messages", "This station is already set up."),
        "visit_not_found": QCoreApplication.translate(
            "Messages",
            "No visit of this station has the code %1. Check the code on the sheet (V, seven digits, dash, check digit) and type it again.",
        ).replace("%1", str(exc.details.get("typed", ""))),
        "visit_code_mistyped": QCoreApplication.translate(
            "Messages",
            "The code %1 has a typing error: its last digit does not match the digits before it. "
            "Check the code on the sheet and type it again.",
        ).replace("%1", str(exc.details.get("typed", ""))),
        "visit_already_recorded": QCoreApplication.translate(
            "Messages",
            "The outcome of visit %1 was already recorded (%2, %3 by %4). Nothing was changed.",
        )
        .replace("%1", str(exc))
        .replace("%2", visit_status_text(str(exc.details.get("status", ""))))
        .replace("%3", str(exc.details.get("at", "")).replace("T", " ")[:16])
        .replace("%4", str(exc.details.get("by", ""))),
        "report_voided": QCoreApplication.translate(
            "Messages", "Report %1 was voided: it is not visited and no sheet is printed for it."
        ).replace("%1", str(exc)),
        "print_failed": QCoreApplication.translate("Messages", "Printing failed: %1").replace(
            "%1", str(exc)
        ),
        "policy": QCoreApplication.translate(
            "Messages", "The return-visit policy file could not be loaded: %1"
        ).replace("%1", str(exc)),
        "not_set_up": QCoreApplication.translate(
            "Messages", "This station has not been set up yet."
        ),
    }


def field_error_text(field: str, code: str) -> str:
    limit = MAX_LENGTHS.get(field, 0)
    table = {
        "required": QCoreApplication.translate("Messages", "Required for this incident type."),
        "phone_or_reason": QCoreApplication.translate(
            "Messages", "Enter a phone number, or the reason none was given."
        ),
        "too_long": QCoreApplication.translate(
            "Messages", "Too long: at most %1 characters."
        ).replace("%1", str(limit)),
        "control_chars": QCoreApplication.translate(
            "Messages", "Contains invisible control characters; retype the text."
        ),
        "id_length": QCoreApplication.translate("Messages", "An ID number has 18 characters."),
        "id_chars": QCoreApplication.translate(
            "Messages", "An ID number is 17 digits followed by a digit or X."
        ),
        "id_birth_date": QCoreApplication.translate(
            "Messages", "The birth date inside this ID number is not a real date."
        ),
        "id_region": QCoreApplication.translate(
            "Messages", "The first two digits are not a province code: check the number."
        ),
        "id_birth_year": QCoreApplication.translate(
            "Messages",
            "The birth year inside this ID number is before 1900, which is not plausible: "
            "check the number.",
        ),
        "id_birth_future": QCoreApplication.translate(
            "Messages", "The birth date inside this ID number is after today: check the number."
        ),
        "id_check_digit": QCoreApplication.translate(
            "Messages", "The check digit does not match: this ID number has a typing error."
        ),
        "phone_chars": QCoreApplication.translate(
            "Messages", "A phone number contains only digits, spaces and dashes."
        ),
        "phone_format": QCoreApplication.translate(
            "Messages", "Not a valid phone number: 11-digit mobile, or area code and number."
        ),
        "phone_service": QCoreApplication.translate(
            "Messages",
            "This is a service number (such as 110 or 12345), not the reporter's own phone: "
            "enter a mobile, or a landline with its area code.",
        ),
        "name_chars": QCoreApplication.translate(
            "Messages", "A name contains letters only (no digits or symbols)."
        ),
        "time_format": QCoreApplication.translate("Messages", "Use the form YYYY-MM-DD HH:MM."),
        "time_future": QCoreApplication.translate(
            "Messages", "The incident time is in the future."
        ),
        "day_future": QCoreApplication.translate("Messages", "That day is in the future."),
        "unknown_type": QCoreApplication.translate(
            "Messages", "Choose an incident type from the list."
        ),
        "unit_code_format": QCoreApplication.translate("Messages", "2 to 12 letters or digits."),
        "badge_format": QCoreApplication.translate("Messages", "3 to 12 letters or digits."),
        "badge_taken": QCoreApplication.translate(
            "Messages", "This badge number already has an account."
        ),
        "password_short": QCoreApplication.translate("Messages", "At least 8 characters."),
        "password_mismatch": QCoreApplication.translate("Messages", "The two passwords differ."),
        "password_same": QCoreApplication.translate(
            "Messages", "The new password must differ from the old one."
        ),
        "last_admin": QCoreApplication.translate(
            "Messages", "This is the last administrator account: add another administrator first."
        ),
        "unknown_role": QCoreApplication.translate("Messages", "Choose a role from the list."),
        "required_here": QCoreApplication.translate("Messages", "Required."),
    }
    if field == "incident_type" and code == "required":
        code = "unknown_type"  # no type yet: "choose one", not "required for this type"
    return table.get(code, code)


def show_error(parent: QWidget | None, exc: errors.StationDeskError) -> None:
    QMessageBox.critical(
        parent, QCoreApplication.translate("Messages", "StationDesk"), error_text(exc)
    )


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """An act that counts asks first and says what it does; No is the default, so an Enter
    pressed by habit does nothing."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
