"""Every window and dialog of the desk, each built on a station that has something to show.

One list for two users: the fit test (nothing larger than the smallest screen an officer has)
and `scripts/screenshots.py --every-window` (the pictures a person looks at). A window added to
the desk and not here is a window nobody checked, so a new dialog goes here too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.db.engine import Store
from app.domain.catalog import Catalog
from app.domain.clock import now_local
from app.services.station import OfficerInfo

GOOD_INTAKE = {
    "reporter_name": "王芳",
    "reporter_phone": "13812345678",
    "reporter_id_number": "140107198801011234",
    "reporter_address": "太原市杏花岭区敦化坊街道富力城5栋2单元1101室",
    "incident_time": "2026-12-01 21:40",
    "incident_place": "富力城小区北门",
    "summary": "报警人称其丈夫酒后殴打她，邻居劝阻后离开。",
}


@dataclass
class Station:
    store: Store
    catalog: Catalog
    officer: OfficerInfo
    chief: OfficerInfo
    admin: OfficerInfo
    data_dir: Path
    lang: str
    report_id: str = ""
    case_id: str = ""
    sheet_id: str = ""
    visit_id: str = ""


def prepare(station: Station) -> None:
    """A dispute filed three times (a case file, a sheet), a domestic-violence report with an
    approved letter and a warning, and a closed report with its visits."""
    from app.services import (
        case_files,
        early_warning,
        handover,
        receiving,
        reminder_sheets,
        visit_queries,
        warning_letters,
    )

    store, officer, catalog = station.store, station.officer, station.catalog
    for _ in range(3):
        rid = receiving.receive(store, officer).id
        receiving.save_intake(store, officer, rid, {**GOOD_INTAKE, "incident_type": "D03"}, catalog)
    station.case_id = case_files.file_of_report(store, rid)["id"]
    reminder_sheets.issue_for_case(store, station.chief, station.case_id)
    sheet = reminder_sheets.sheet_of_case(store, station.case_id)
    station.sheet_id = sheet["id"] if sheet else ""
    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, {**GOOD_INTAKE, "incident_type": "C09"}, catalog)
    early_warning.assess(store, officer, rid, ["violence", "injury"])
    letter_id = warning_letters.draft(
        store,
        officer,
        rid,
        warning_letters.LetterDraft(abuser_name="李强", victim_name="王芳", facts="酒后殴打"),
    )
    warning_letters.approve(store, station.chief, letter_id)  # the committee box shows too
    station.report_id = rid
    handover.hand_over(store, officer, "王芳的接报待补录", now_local() - dt.timedelta(hours=8))
    queue = visit_queries.queue(store, visit_queries.QueueFilter())
    rows = queue.due_today or queue.upcoming or queue.overdue
    station.visit_id = rows[0].id if rows else ""


Builder = Callable[[Station, QWidget], QWidget]


def _main(view: str | None) -> Builder:
    def build(st: Station, _parent: QWidget) -> QWidget:
        from app.ui.main_window import MainWindow

        window = MainWindow(st.store, st.catalog, st.chief, st.data_dir)
        if view == "intake":
            window.receive()
        elif view is not None:
            window.views.show(view)
        return window

    return build


def _history(st: Station, parent: QWidget) -> QWidget:
    from app.services import reports
    from app.ui.history_dialog import HistoryDialog

    serial = reports.get_report(st.store, st.report_id)["serial"]
    revisions = reports.history(st.store, st.report_id)
    return HistoryDialog(serial, revisions, st.catalog, st.lang, parent)


def _settings(st: Station, parent: QWidget) -> QWidget:
    from app.settings import load_settings
    from app.ui.settings_dialog import SettingsDialog

    return SettingsDialog(load_settings(st.data_dir), parent)


def _outcome(st: Station, parent: QWidget) -> QWidget:
    from app.services import visit_queries
    from app.ui.visit_outcome import VisitOutcomeDialog

    (detail,) = visit_queries.details(st.store, [st.visit_id])
    return VisitOutcomeDialog(st.store, st.catalog, st.officer, detail, st.lang, parent)


def _rates(st: Station, parent: QWidget) -> QWidget:
    from app.ui.visit_queue import RatesDialog

    return RatesDialog(st.store, parent)


def _enroll(st: Station, parent: QWidget) -> QWidget:
    from app.ui.enroll_dialog import EnrollDialog

    return EnrollDialog(st.store, parent)


def _accounts(st: Station, parent: QWidget) -> QWidget:
    from app.ui.accounts_dialog import AccountsDialog

    return AccountsDialog(st.store, st.admin, parent)


def _add_officer(st: Station, parent: QWidget) -> QWidget:
    from app.ui.accounts_dialog import AddOfficerDialog

    return AddOfficerDialog(st.store, st.admin, parent)


def _backups(st: Station, parent: QWidget) -> QWidget:
    from app.ui.backups_dialog import BackupRunner, BackupsDialog

    runner = BackupRunner(st.store, st.data_dir, parent)
    return BackupsDialog(st.store, st.data_dir, st.chief, runner, parent)


def _care_person(st: Station, parent: QWidget) -> QWidget:
    from app.ui.care_person_dialog import CarePersonDialog

    return CarePersonDialog(st.store, st.officer, parent)


def _case_file(st: Station, parent: QWidget) -> QWidget:
    from app.ui.case_files_view import CaseFileDialog

    return CaseFileDialog(st.store, st.catalog, st.chief, st.lang, st.case_id, parent)


def _early_warning(st: Station, parent: QWidget) -> QWidget:
    from app.ui.early_warning_dialog import EarlyWarningDialog

    return EarlyWarningDialog(st.store, st.chief, st.report_id, st.lang, parent)


def _letter(st: Station, parent: QWidget) -> QWidget:
    from app.ui.warning_letter_dialog import WarningLetterDialog

    return WarningLetterDialog(st.store, st.chief, st.report_id, parent)


def _password(st: Station, parent: QWidget) -> QWidget:
    from app.ui.password_dialog import ChangePasswordDialog

    return ChangePasswordDialog(st.store, st.officer, parent)


def _recovery(st: Station, _parent: QWidget) -> QWidget:
    from app.ui.recovery_dialog import RecoveryKeyDialog

    return RecoveryKeyDialog(st.data_dir)


def _sheet(st: Station, parent: QWidget) -> QWidget:
    from app.ui.reminder_sheets_view import ReminderSheetDialog

    return ReminderSheetDialog(st.store, st.catalog, st.officer, st.sheet_id, parent)


def _restore(st: Station, parent: QWidget) -> QWidget:
    from app.ui.restore_wizard import RestoreWizard

    return RestoreWizard(st.data_dir, parent)


def _guide(st: Station, parent: QWidget) -> QWidget:
    from app.ui.user_guide import UserGuideDialog

    return UserGuideDialog(st.lang, parent)


def _notices(st: Station, parent: QWidget) -> QWidget:
    from app.ui.sync_panel import NoticesDialog

    return NoticesDialog(st.store, parent)


def _sign_in(st: Station, _parent: QWidget) -> QWidget:
    from app.ui.sign_in import SignInDialog

    return SignInDialog(st.store)


def _handover(st: Station, parent: QWidget) -> QWidget:
    from app.services import handover
    from app.ui.handover_ui import HandoverDialog

    waiting = handover.waiting_for(st.store, st.chief)
    assert waiting is not None
    return HandoverDialog(st.store, st.chief, waiting, parent)


def _daily_review(st: Station, parent: QWidget) -> QWidget:
    from app.ui.review_ui import DailyReviewDialog

    return DailyReviewDialog(st.store, st.catalog, st.chief, st.lang, parent)


def _locked(st: Station, parent: QWidget) -> QWidget:
    window = _main(None)(st, parent)
    window.session_lock.lock()  # type: ignore[attr-defined]
    return window


WINDOWS: dict[str, Builder] = {
    "desk": _main(None),
    "intake": _main("intake"),
    "reports": _main("reports"),
    "visits": _main("visits"),
    "cases": _main("cases"),
    "sheets": _main("sheets"),
    "register": _main("register"),
    "supervision": _main("supervision"),
    "shift": _main("shift"),
    "locked": _locked,
    "sign-in": _sign_in,
    "history": _history,
    "settings": _settings,
    "visit-outcome": _outcome,
    "visit-rates": _rates,
    "link-to-hq": _enroll,
    "accounts": _accounts,
    "add-officer": _add_officer,
    "backups": _backups,
    "care-person": _care_person,
    "case-file": _case_file,
    "early-warning": _early_warning,
    "warning-letter": _letter,
    "change-password": _password,
    "recovery-key": _recovery,
    "reminder-sheet": _sheet,
    "restore": _restore,
    "user-guide": _guide,
    "hq-notices": _notices,
    "handover": _handover,
    "daily-review": _daily_review,
}


def every_window(station: Station, parent: QWidget) -> Iterator[tuple[str, QWidget]]:
    for name, build in WINDOWS.items():
        yield name, build(station, parent)
