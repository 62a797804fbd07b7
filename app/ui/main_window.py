"""The main window: receive desk, intake tabs, reports, shift end. F2 receives from anywhere."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__, credentials, errors
from app.db import station_key
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.services import audit, audit_verify, health, receiving, reports, station
from app.services.station import OfficerInfo, station_info
from app.settings import IDLE_LOCK_MINUTES, LANGUAGES, load_settings, save_settings
from app.sync.report import SyncReport
from app.ui.enroll_dialog import EnrollDialog
from app.ui.history_dialog import HistoryDialog
from app.ui.intake_form import IntakeForm
from app.ui.lock_screen import LockScreen
from app.ui.messages import error_text, show_error
from app.ui.receive_desk import ReceiveDesk
from app.ui.reports_browser import ReportsBrowser
from app.ui.shift_end import ShiftEndView
from app.ui.sync_panel import NoticesDialog, SyncPanel, SyncWorker

if TYPE_CHECKING:
    from app.ui.case_files_view import CaseFilesView
    from app.ui.reminder_sheets_view import ReminderSheetsView
    from app.ui.supervision_view import SupervisionView
    from app.ui.visit_queue import VisitQueueView


INPUT_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
)


RESTART = 75  # the event loop's exit code that asks for the start-up flow again (a restore)


class AuditCheck(QObject):
    """The start-up checks, on their own connections in a thread: SQLite's quick_check of the
    pages, then the audit chain. A million-report station takes seconds, and the desk must be
    receivable meanwhile."""

    finished = Signal(object)
    damaged = Signal(str)

    def start(self, store: Store, *, pages: bool = True) -> None:
        def run() -> None:
            if pages:
                verdict = health.quick_check(store)
                if verdict != "ok":
                    self.damaged.emit(verdict)
                    return
            try:
                result: object = audit_verify.verify_file(store.path, store.key)
            except errors.StationDeskError as exc:
                result = exc
            except Exception as exc:  # noqa: BLE001 - shown as a failed check, never a crash
                result = errors.DatabaseError(str(exc))
            self.finished.emit(result)

        threading.Thread(target=run, name="audit-check", daemon=True).start()


class MainWindow(QMainWindow):
    # The restored file needs the start-up flow again; whoever runs the event loop restarts it.
    restart = Signal()

    def __init__(
        self, store: Store, catalog: Catalog, officer: OfficerInfo, data_dir: Path
    ) -> None:
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.officer = officer
        self.data_dir = data_dir
        from PySide6.QtCore import QLocale

        self.lang = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        self.station = station_info(store)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("StationDesk - %1").replace("%1", self.station.unit_name))
        self.resize(1280, 800)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.desk = ReceiveDesk()
        self.desk.receive_requested.connect(self.receive)
        self.desk.open_requested.connect(self.open_report)
        self.desk.reports_requested.connect(self.show_reports)
        self.desk.shift_end_requested.connect(self.show_shift_end)
        self.desk.visits_requested.connect(self.show_visits)
        self.desk.cases_requested.connect(self.show_cases)
        self.browser: ReportsBrowser | None = None
        self.visits: VisitQueueView | None = None
        self.cases: CaseFilesView | None = None
        self.supervision: SupervisionView | None = None
        self.sheets: ReminderSheetsView | None = None
        self.shift: ShiftEndView | None = None
        self.tabs.addTab(self.desk, self.tr("Receive desk"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.audit_banner = self._banner("auditBanner", "#c62828")
        self.recovery_banner = self._banner("recoveryBanner", "#f9a825")
        self.recovery_button = QPushButton(self.tr("Print recovery key..."))
        self.recovery_button.setObjectName("printRecoveryButton")
        self.recovery_button.clicked.connect(self.print_recovery_sheet)
        self.recovery_banner.layout().addWidget(self.recovery_button)
        self.damage_button = QPushButton(self.tr("Start recovery..."))
        self.damage_button.setObjectName("startRecoveryButton")
        self.damage_button.clicked.connect(self.guided_recovery)
        self.damage_button.hide()
        self.audit_banner.layout().addWidget(self.damage_button)
        self.lock_screen = LockScreen(self.station.unit_name)
        self.lock_screen.receive_requested.connect(self.receive)
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_screen)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.audit_banner)
        column.addWidget(self.recovery_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.locked_receipts: list[tuple[str, str]] = []  # (report id, serial) while locked
        self.restart_requested = False
        self.intakes: dict[str, IntakeForm] = {}
        self._spare: IntakeForm | None = None
        QTimer.singleShot(300, self._prepare_spare)  # once the window is up

        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.receive_shortcut = shortcut
        shortcut.activated.connect(self.receive)

        menu = self.menuBar().addMenu(self.tr("&Desk"))
        for text, slot, key in (
            (self.tr("Receive walk-in"), self.receive, "F2"),
            (self.tr("Reports"), self.show_reports, "Ctrl+F"),
            (self.tr("Return visits"), self.show_visits, "Ctrl+R"),
            (self.tr("Case files"), self.show_cases, "Ctrl+K"),
            (self.tr("Reminder sheets"), self.show_sheets, "Ctrl+T"),
            (self.tr("Supervision"), self.show_supervision, "Ctrl+J"),
            (self.tr("Shift end"), self.show_shift_end, ""),
            (self.tr("Settings..."), self.show_settings, ""),
            (self.tr("Quit"), self.close, "Ctrl+Q"),
        ):
            action = QAction(text, self)
            if key and key != "F2":
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)
        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        self.account_actions: dict[str, QAction] = {}
        for name, text, slot, key, action_needed in (
            ("lock", self.tr("Lock screen"), lambda: self.lock("manual"), "Ctrl+L", ""),
            ("password", self.tr("Change password..."), self.change_password, "", ""),
            ("accounts", self.tr("Accounts..."), self.show_accounts, "", "manage_accounts"),
            (
                "recovery",
                self.tr("Print recovery key..."),
                self.print_recovery_sheet,
                "",
                "approve",
            ),
            ("audit", self.tr("Check audit log"), self.check_audit, "", "audit"),
            ("backups", self.tr("Backups..."), self.show_backups, "", "backup"),
        ):
            action = QAction(text, self)
            action.setObjectName(f"{name}Action")
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            account_menu.addAction(action)
            self.account_actions[name] = action
            action.setData(action_needed)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About StationDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

        self.sync_worker = SyncWorker(store)
        self.sync_worker.finished.connect(self._synced)
        self.sync_panel = SyncPanel(store, self.sync_worker)
        self.sync_panel.notices_requested.connect(self.show_notices)
        self.sync_panel.enroll_requested.connect(self.link_to_hq)
        self.statusBar().addWidget(self.sync_panel, 1)

        if credentials.keeps_secrets_in_file():  # allowed by name: a demo or test station
            note = QLabel(self.tr("Keys kept in a file (demo or test station)"))
            note.setObjectName("fileKeyringNote")
            note.setToolTip(
                self.tr(
                    "This PC's keyring keeps the database key and the HQ token in a plain file "
                    "(STATIONDESK_ALLOW_FILE_KEYRING=1). A real station keeps them in the "
                    "system keyring."
                )
            )
            note.setStyleSheet("color: #e65100; font-weight: bold;")
            self.statusBar().addPermanentWidget(note)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.statusBar().addPermanentWidget(self.status_label)
        self._show_officer()
        self.refresh_desk()

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(lambda: self.lock("idle"))
        self.idle_minutes = load_settings(data_dir).idle_lock_minutes
        self.idle_timer.start(self.idle_minutes * 60_000)
        QApplication.instance().installEventFilter(self)
        self.audit_check = AuditCheck(self)
        self.audit_check.finished.connect(self._audit_checked)
        self.audit_check.damaged.connect(self._damaged)

        from app.ui.backups_dialog import BackupWorker

        self.backup_worker = BackupWorker(store, data_dir)
        self.backup_worker.finished.connect(self._backed_up)
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(lambda: self.backup_worker.start_if_due(None))
        self.backup_timer.start(10 * 60_000)

    # -- who is at the desk ------------------------------------------------------------------
    @staticmethod
    def _banner(name: str, colour: str) -> QWidget:
        banner = QWidget()
        banner.setObjectName(name)
        banner.setStyleSheet(
            f"QWidget#{name} {{ background: {colour}; }} QLabel {{ color: white;"
            " font-weight: bold; font-size: 14px; }"
        )
        row = QHBoxLayout(banner)
        label = QLabel()
        label.setObjectName(f"{name}Text")
        label.setWordWrap(True)
        row.addWidget(label, 1)
        banner.hide()
        return banner

    def _show_officer(self) -> None:
        officer = self.officer
        self.status_label.setText(
            self.tr("%1 (%2) on duty - %3 %4")
            .replace("%1", officer.name)
            .replace("%2", officer.badge)
            .replace("%3", self.station.unit_code)
            .replace("%4", self.station.unit_name)
        )
        for action in self.account_actions.values():
            needed = action.data()
            action.setVisible(not needed or officer.may(needed))
        self._show_recovery_banner()

    def _show_recovery_banner(self) -> None:
        """Until the recovery key is on paper, a lost keyring would lose the station: the
        chief is asked to print it."""
        missing = self.store.key is not None and not station_key.recovery_printed(self.data_dir)
        self.recovery_banner.setVisible(missing and self.officer.may("approve"))
        self.recovery_banner.findChild(QLabel, "recoveryBannerText").setText(
            self.tr(
                "The recovery key of this station's encrypted database has not been printed. "
                "Print it and keep it in the station safe: without it a new computer cannot "
                "open the records."
            )
        )

    def start_audit_check(self) -> None:
        self.audit_check.start(self.store)

    def _audit_checked(self, result: object) -> None:
        label = self.audit_banner.findChild(QLabel, "auditBannerText")
        if isinstance(result, audit_verify.VerifyReport) and result.ok:
            self.audit_banner.hide()
            return
        if isinstance(result, audit_verify.VerifyReport):
            first = result.findings[0].text if result.findings else ""
            label.setText(
                self.tr(
                    "AUDIT CHECK FAILED: the database file was changed outside StationDesk "
                    "(%1 problem(s); first: %2). Tell the station chief; do not delete anything."
                )
                .replace("%1", str(result.problems))
                .replace("%2", first)
            )
        else:
            label.setText(
                self.tr("The audit check could not run: %1").replace(
                    "%1",
                    error_text(result) if isinstance(result, errors.StationDeskError) else "",
                )
            )
        self.audit_banner.show()

    def check_audit(self) -> None:
        self.statusBar().showMessage(self.tr("Checking the audit log..."), 5000)
        self.audit_check.start(self.store, pages=False)

    def _damaged(self, verdict: str) -> None:
        """The file failed SQLite's own check: say so at the top, keep the desk receiving for
        as long as it can, and offer the guided recovery."""
        self.audit_banner.findChild(QLabel, "auditBannerText").setText(
            self.tr(
                "THE STATION DATABASE IS DAMAGED (%1). Records may be missing or unreadable. "
                "Restore the newest good backup; HQ then gives back what it lacks."
            ).replace("%1", verdict[:120])
        )
        self.damage_button.show()
        self.audit_banner.show()

    def guided_recovery(self) -> None:
        from app.services import backups

        folder = backups.backup_folder(self.data_dir)
        try:
            found = backups.newest_good(folder, self.store.key)
        except errors.StationDeskError as exc:
            from app.ui.backups_dialog import backup_problem_text

            QMessageBox.warning(self, self.tr("Recovery"), backup_problem_text(exc))
            return
        if found is None:
            QMessageBox.warning(
                self,
                self.tr("Recovery"),
                self.tr(
                    "No good backup was found in %1. Plug in the backup drive, or choose the "
                    "folder under Account > Backups, then try again."
                ).replace("%1", str(folder)),
            )
            return
        entry, info = found
        answer = QMessageBox.question(
            self,
            self.tr("Recovery"),
            self.tr(
                "The newest good backup was written %1 and holds %2 reports. Restore it? The "
                "damaged file is kept aside; the next sync takes back from HQ what the backup "
                "lacks."
            )
            .replace("%1", info.created_utc.replace("T", " ").rstrip("Z") + " UTC")
            .replace("%2", f"{info.reports:,}"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(entry.path)

    def show_backups(self) -> None:
        from app.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.store, self.data_dir, self.officer, self.backup_worker, self)
        dialog.restore_requested.connect(self.restore_from)
        dialog.exec()

    def back_up(self, reason: str) -> None:
        if self.backup_worker.start(reason, self.officer):
            self.statusBar().showMessage(
                self.tr("Backing up; the desk can be used meanwhile..."), 10000
            )

    def _backed_up(self, result: object) -> None:
        from app.ui.backups_dialog import backup_problem_text

        if isinstance(result, errors.StationDeskError):
            self.statusBar().showMessage(
                self.tr("Backup failed: %1").replace("%1", backup_problem_text(result)), 60000
            )
        else:
            self.statusBar().showMessage(self.tr("Backup written and checked."), 10000)

    def restore_from(self, backup: Path) -> None:
        """Close everything that uses the file, put the backup in place, start again."""
        from app.services import backups

        key = self.store.key
        if key is None:
            return
        self.sync_worker.stop()
        while self.tabs.count() > 1:
            self._close_tab(self.tabs.count() - 1)
        self._spare = None
        self.store.close()
        try:
            backups.restore(self.data_dir, backup, key)
        except errors.StationDeskError as exc:
            from app.ui.backups_dialog import backup_problem_text

            QMessageBox.critical(self, self.tr("Restore"), backup_problem_text(exc))
            self.sync_worker.start_schedule()
            return
        QMessageBox.information(
            self,
            self.tr("Restore"),
            self.tr(
                "The backup is in place. StationDesk starts again; sign in, and the next sync "
                "takes back from HQ the records the backup lacked."
            ),
        )
        self.restart_requested = True
        self.close()
        self.restart.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and not self.is_locked():
            self.idle_timer.start(self.idle_minutes * 60_000)
        return False

    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    def lock(self, reason: str = "idle") -> None:
        """Hide every record; the receive button stays. Open forms keep their drafts."""
        if self.is_locked():
            return
        try:
            audit.record(
                self.store,
                self.officer,
                "lock",
                record_kind="officer",
                record_id=self.officer.id,
                detail={"reason": reason},
            )
        except errors.StationDeskError as exc:
            self.statusBar().showMessage(error_text(exc))
        self.locked_receipts = []
        self.recovery_banner.hide()  # its button must not work for someone not signed in
        self.damage_button.setEnabled(False)
        self.stack.setCurrentWidget(self.lock_screen)
        self._set_menus_enabled(False)
        self.lock_screen.show_locked(self.officer)

    def _set_menus_enabled(self, enabled: bool) -> None:
        """Menus and their shortcuts (Ctrl+F would open the reports) are off while locked."""
        self.menuBar().setEnabled(enabled)
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if menu is not None:
                for action in menu.actions():
                    action.setEnabled(enabled)

    def unlock(self, badge: str, password: str) -> None:
        same = badge.strip() == self.officer.badge
        try:
            officer = station.sign_in(
                self.store, badge, password, action="unlock" if same else "sign_in"
            )
        except errors.StationDeskError as exc:
            self.lock_screen.show_error(error_text(exc))
            return
        if officer.must_change_password:
            from app.ui.password_dialog import ChangePasswordDialog

            dialog = ChangePasswordDialog(self.store, officer, self, forced=True)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_officer is None:
                self.lock_screen.show_error(self.tr("Choose a new password to go on."))
                return
            officer = dialog.result_officer
        if officer.id != self.officer.id:
            self._hand_over(officer)
        self._show_recovery_banner()
        self.damage_button.setEnabled(True)
        self.stack.setCurrentWidget(self.tabs)
        self._set_menus_enabled(True)
        self.idle_timer.start(self.idle_minutes * 60_000)
        pending, self.locked_receipts = self.locked_receipts, []
        for report_id, _serial in pending:
            self.open_report(report_id)
        self.refresh_desk()
        self.take_focus()

    def _hand_over(self, officer: OfficerInfo) -> None:
        """Another officer takes the desk: the one before is signed out, and the views made
        for them close (their typed text is in the drafts and comes back when reopened)."""
        try:
            station.sign_out(self.store, self.officer, reason="handed_over")
        except errors.StationDeskError as exc:
            self.statusBar().showMessage(error_text(exc))
        open_reports = list(self.intakes)
        while self.tabs.count() > 1:
            self._close_tab(self.tabs.count() - 1)
        self._spare = None
        self.officer = officer
        self._show_officer()
        for report_id in open_reports:
            self.open_report(report_id)

    def change_password(self) -> None:
        from app.ui.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.store, self.officer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Password changed."), 8000)

    def show_accounts(self) -> None:
        from app.ui.accounts_dialog import AccountsDialog

        AccountsDialog(self.store, self.officer, self).exec()

    def print_recovery_sheet(self) -> None:
        from app.services import documents
        from app.ui.pdf_print import preview_pdf

        reprint = station_key.recovery_printed(self.data_dir)
        if reprint:
            answer = QMessageBox.question(
                self,
                self.tr("Print recovery key"),
                self.tr(
                    "The recovery key was printed before. Print it again only if that sheet "
                    "is lost; the reprint is recorded in the audit log."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            pdf = documents.recovery_sheet_pdf(self.store, self.data_dir, self.officer)
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        preview_pdf(self, pdf, self.tr("Recovery key")).exec()
        self._show_recovery_banner()

    # -- receiving -----------------------------------------------------------------------
    def receive(self) -> None:
        """The button: commit the receipt first, then open the form (on a locked screen, once
        someone has signed in)."""
        try:
            receipt = receiving.receive(self.store, self.officer)
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        if self.is_locked():
            self.locked_receipts.append((receipt.id, receipt.serial))
            self.lock_screen.show_pending([serial for _rid, serial in self.locked_receipts])
            self.sync_worker.after_save()
            return
        self.open_report(receipt.id)
        self.sync_worker.after_save()
        if receipt.clock_went_back:
            self.statusBar().showMessage(
                self.tr(
                    "Warning: the PC clock went backwards since the last receipt. Check the clock."
                ),
                15000,
            )
        # The desk tab is hidden behind the form now: it refreshes when shown again. Only the
        # status line moves, once the officer is already typing.
        QTimer.singleShot(300, self.sync_panel.refresh)

    def open_report(self, report_id: str) -> None:
        form = self.intakes.get(report_id)
        if form is None:
            try:
                form = self._spare or IntakeForm(
                    self.store, self.catalog, self.officer, None, self.lang
                )
                self._spare = None
                form.bind(report_id)
            except errors.StationDeskError as exc:
                show_error(self, exc)
                return
            QTimer.singleShot(200, self._prepare_spare)  # after the form is on screen
            form.saved.connect(lambda _rid: self._after_save())
            form.changed_status.connect(lambda _rid: self._after_save())
            form.print_requested.connect(self.print_slip)
            form.history_requested.connect(self.show_history)
            form.open_requested.connect(self.open_report)
            self.intakes[report_id] = form
            self.tabs.addTab(form, form.record["serial"][-13:])
        self.tabs.setCurrentWidget(form)
        form.boxes["reporter_name"].editor.setFocus()

    def _prepare_spare(self) -> None:
        """Build the next intake form while the officer types into this one."""
        if self._spare is None:
            self._spare = IntakeForm(self.store, self.catalog, self.officer, None, self.lang)

    def current_intake_report_id(self) -> str | None:
        widget = self.tabs.currentWidget()
        return widget.report_id if isinstance(widget, IntakeForm) else None

    def reopen_interrupted_intakes(self) -> None:
        """After a crash: receipts with typed-but-unsaved text come back as open forms."""
        try:
            pending = [
                r
                for r in receiving.unfinished_receipts(self.store)
                if receiving.load_draft(self.store, r.id)
            ]
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        for item in pending[:10]:
            self.open_report(item.id)
        if pending:
            self.statusBar().showMessage(
                self.tr(
                    "%1 intake(s) interrupted earlier were reopened with what had been typed."
                ).replace("%1", str(len(pending))),
                20000,
            )

    def refresh_desk(self) -> None:
        self.sync_panel.refresh()
        try:
            self.desk.show_counters(receiving.desk_counters(self.store))
        except errors.StationDeskError as exc:
            self.statusBar().showMessage(error_text(exc))

    def _after_save(self) -> None:
        self.refresh_desk()
        self.sync_worker.after_save()

    def _synced(self, report: SyncReport) -> None:
        if self.browser is not None:
            self.browser.model.refresh_hq()
        if report.recovered:  # receipts taken back from HQ belong on the desk's lists
            self.refresh_desk()
        # A refused copy also started a generation and took records back; the status line says
        # what matters then (another computer uses this identity), so nothing covers it.
        if report.error_code == "station_split":
            self.statusBar().clearMessage()
        elif report.hq_behind:
            self.statusBar().showMessage(
                self.tr("HQ had lost %1 records this PC had sent: they were sent again.").replace(
                    "%1", str(report.hq_behind)
                ),
                30000,
            )
        elif report.new_generation:
            self.statusBar().showMessage(
                self.tr(
                    "This PC was restored from an older backup: %1 records were taken back from HQ."
                ).replace("%1", str(report.recovered)),
                30000,
            )

    def link_to_hq(self) -> None:
        if not self.officer.may("link_hq"):
            QMessageBox.information(
                self,
                self.tr("Link to HQ"),
                self.tr("Only the station chief or the administrator links the station to HQ."),
            )
            return
        if EnrollDialog(self.store, self).exec():
            audit.record(self.store, self.officer, "link_hq")
            self.sync_panel.refresh()
            self.sync_worker.request()  # take back at once what a restored backup lacked

    def show_notices(self) -> None:
        NoticesDialog(self.store, self).exec()
        self.sync_panel.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self.take_focus)

    def take_focus(self) -> None:
        """The keyboard comes to this window after sign-in and unlock. A desk PC may run with
        no window manager (a kiosk session) where nothing else hands it over, and F2 must work
        without a click first."""
        if not self.isVisible():
            return
        self.raise_()
        self.activateWindow()
        focused = self.focusWidget()
        if focused is None or not focused.isVisible():
            current = self.stack.currentWidget()
            if current is self.tabs and self.tabs.currentWidget() is self.desk:
                self.desk.receive_button.setFocus()
            elif current is self.tabs:
                self.tabs.currentWidget().setFocus()
            else:
                current.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.sync_worker.stop()
        QApplication.instance().removeEventFilter(self)
        # closing must not be blocked by a busy or broken file
        with contextlib.suppress(errors.StationDeskError):
            station.sign_out(self.store, self.officer, reason="closed")
        super().closeEvent(event)

    # -- other views -----------------------------------------------------------------------
    def show_reports(self) -> None:
        if self.browser is None:
            self.browser = ReportsBrowser(self.store, self.catalog, self.lang)
            self.browser.open_requested.connect(self.open_report)
            self.tabs.insertTab(1, self.browser, self.tr("Reports"))
            self.browser.refresh()
        self.tabs.setCurrentWidget(self.browser)
        self.browser.search.setFocus()

    def show_visits(self) -> None:
        if self.visits is None:
            from app.ui.visit_queue import VisitQueueView

            self.visits = VisitQueueView(self.store, self.catalog, self.officer, self.lang)
            self.visits.changed.connect(self.sync_worker.after_save)
            self.tabs.insertTab(1, self.visits, self.tr("Return visits"))
        self.visits.refresh()
        self.tabs.setCurrentWidget(self.visits)
        self.visits.code_edit.setFocus()

    def show_cases(self) -> None:
        if self.cases is None:
            from app.ui.case_files_view import CaseFilesView

            self.cases = CaseFilesView(self.store, self.catalog, self.officer, self.lang)
            self.cases.open_report.connect(self.open_report)
            self.cases.changed.connect(self.sync_worker.after_save)
            self.tabs.insertTab(1, self.cases, self.tr("Case files"))
        self.cases.refresh()
        self.tabs.setCurrentWidget(self.cases)

    def show_sheets(self) -> None:
        if self.sheets is None:
            from app.ui.reminder_sheets_view import ReminderSheetsView

            self.sheets = ReminderSheetsView(self.store, self.catalog, self.officer, self.lang)
            self.tabs.insertTab(1, self.sheets, self.tr("Reminder sheets"))
        self.sheets.refresh()
        self.tabs.setCurrentWidget(self.sheets)

    def show_supervision(self) -> None:
        if self.supervision is None:
            from app.ui.supervision_view import SupervisionView

            self.supervision = SupervisionView(self.store, self.catalog, self.officer, self.lang)
            self.tabs.insertTab(1, self.supervision, self.tr("Supervision"))
        self.supervision.refresh()
        self.tabs.setCurrentWidget(self.supervision)

    def show_shift_end(self) -> None:
        if self.shift is None:
            self.shift = ShiftEndView(self.store, self.catalog, self.lang)
            self.shift.open_requested.connect(self.open_report)
            self.shift.backup_requested.connect(lambda: self.back_up("shift_end"))
            self.tabs.addTab(self.shift, self.tr("Shift end"))
        self.shift.refresh()
        self.tabs.setCurrentWidget(self.shift)

    def show_history(self, report_id: str) -> None:
        try:
            record = reports.get_report(self.store, report_id)
            dialog = HistoryDialog(
                record["serial"],
                reports.history(self.store, report_id),
                self.catalog,
                self.lang,
                self,
            )
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        dialog.exec()

    def print_slip(self, report_id: str) -> None:
        from app.services import documents  # ReportLab loads on the first print, not at start

        try:
            pdf = documents.receipt_slip_pdf(
                self.store, self.catalog, report_id, self.lang, by=self.officer
            )
            serial = reports.get_report(self.store, report_id)["serial"]
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Receipt slip %1").replace("%1", serial))
        box.setText(self.tr("Print the receipt slip for the reporter, or save it as PDF."))
        preview = box.addButton(self.tr("Print preview..."), QMessageBox.ButtonRole.AcceptRole)
        save = box.addButton(self.tr("Save PDF..."), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is preview:
            from app.ui.pdf_print import preview_pdf

            preview_pdf(self, pdf, serial).exec()
        elif box.clickedButton() is save:
            from app.ui.pdf_print import save_pdf_as

            save_pdf_as(self, pdf, self.tr("Save receipt slip"), f"{serial}.pdf")

    def show_settings(self) -> None:
        settings = load_settings(self.data_dir)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Settings"))
        combo = QComboBox()
        combo.setObjectName("languageCombo")
        combo.addItem(self.tr("Follow the system"), "")
        names = {"zh_CN": "简体中文", "en": "English"}
        for lang in LANGUAGES:
            combo.addItem(names[lang], lang)
        combo.setCurrentIndex(max(0, combo.findData(settings.language)))
        idle = QSpinBox()
        idle.setObjectName("idleLockMinutes")
        idle.setRange(*IDLE_LOCK_MINUTES)
        idle.setSuffix(self.tr(" min"))
        idle.setValue(settings.idle_lock_minutes)
        form = QFormLayout()
        form.addRow(self.tr("Language"), combo)
        form.addRow(self.tr("Lock the screen after idle"), idle)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("A new language applies from the next start.")))
        layout.addWidget(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            settings.language = combo.currentData()
            settings.idle_lock_minutes = idle.value()
            self.idle_minutes = idle.value()
            self.idle_timer.start(self.idle_minutes * 60_000)
            try:
                save_settings(self.data_dir, settings)
            except OSError as exc:
                QMessageBox.warning(
                    self,
                    self.tr("StationDesk"),
                    self.tr("Could not save: %1").replace("%1", exc.strerror or str(exc)),
                )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About StationDesk"),
            self.tr("StationDesk %1\nIncident catalog %2")
            .replace("%1", __version__)
            .replace("%2", self.catalog.version),
        )

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.desk:
            self.refresh_desk()

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.desk:
            return
        if isinstance(widget, IntakeForm):
            self.intakes.pop(widget.report_id, None)
        elif widget is self.browser:
            self.browser = None
        elif widget is self.shift:
            self.shift = None
        elif widget is self.visits:
            self.visits = None
        elif widget is self.cases:
            self.cases = None
        elif widget is self.supervision:
            self.supervision = None
        elif widget is self.sheets:
            self.sheets = None
        self.tabs.removeTab(index)
        widget.deleteLater()
        self.refresh_desk()
