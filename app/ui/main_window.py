"""The main window: receive desk, intake tabs, the other views, the status line. F2 receives
from anywhere.

A shell: the session lock (`session_lock`), the checks after sign-in (`startup_checks`), the
settings (`settings_dialog`), the menus (`window_menus`), backups (`backups_dialog`), the views
beside the desk (`desk_views`), a report's slip and history (`report_documents`) and sync
(`sync_panel`) are modules of their own; this window puts them together and owns the receive
path and the intake tabs.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import credentials, errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.services import audit, receiving, station
from app.services.station import OfficerInfo, station_info
from app.sync.report import SyncReport
from app.ui.backups_dialog import BackupRunner, backup_problem_text
from app.ui.desk_views import DeskViews
from app.ui.handover_ui import HandoverBanner
from app.ui.intake_form import IntakeForm
from app.ui.intake_tabs import IntakeTabs
from app.ui.messages import confirm, error_text, show_error
from app.ui.receive_desk import ReceiveDesk
from app.ui.report_documents import print_receipt_slip
from app.ui.review_ui import CommentsBanner
from app.ui.session_lock import SessionLock
from app.ui.startup_checks import StartupChecks
from app.ui.sync_panel import NoticesDialog, SyncPanel, SyncWorker
from app.ui.widgets import open_at
from app.ui.window_menus import WindowMenus

RESTART = 75  # the event loop's exit code that asks for the start-up flow again (a restore)


class MainWindow(QMainWindow):
    # The restored file needs the start-up flow again; whoever runs the event loop restarts it.
    restart = Signal()

    def __init__(
        self, store: Store, catalog: Catalog, officer: OfficerInfo, data_dir: Path
    ) -> None:
        super().__init__()
        self.store, self.catalog, self.officer, self.data_dir = store, catalog, officer, data_dir
        self.lang = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        self.station = station_info(store)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("StationDesk - %1").replace("%1", self.station.unit_name))
        self._fit_screen()
        self.restart_requested = False
        self.sync_worker = SyncWorker(store)
        self.sync_worker.finished.connect(self._synced)
        self.backups = BackupRunner(store, data_dir, self)
        self.backups.finished.connect(self._backed_up)
        self._build_tabs()
        self.intake_tabs = IntakeTabs(self)
        self.views = DeskViews(self)
        self.checks = StartupChecks(self)
        self.session_lock = SessionLock(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.session_lock.screen)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.checks.audit_banner)
        column.addWidget(self.checks.recovery_banner)
        self.handover = HandoverBanner(store, self)
        column.addWidget(self.handover.widget)
        self.comments = CommentsBanner(store, self)
        column.addWidget(self.comments.widget)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        QTimer.singleShot(300, self.intake_tabs.prepare_spare)  # once the window is up
        self.receive_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        self.receive_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.receive_shortcut.activated.connect(self.receive)
        self.menus = WindowMenus(self)
        self._build_status_bar()
        self.show_officer()
        self.refresh_desk()
        self.handover.refresh(officer)
        self.comments.refresh(officer)

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.desk = ReceiveDesk()
        self.desk.receive_requested.connect(self.receive)
        self.desk.open_requested.connect(self.open_report)
        self.desk.reports_requested.connect(lambda: self.views.show("reports"))
        self.desk.shift_end_requested.connect(lambda: self.views.show("shift"))
        self.desk.visits_requested.connect(lambda: self.views.show("visits"))
        self.desk.cases_requested.connect(lambda: self.views.show("cases"))
        self.tabs.addTab(self.desk, self.tr("Receive desk"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.currentChanged.connect(self._tab_changed)

    def _build_status_bar(self) -> None:
        self.sync_panel = SyncPanel(self.store, self.sync_worker)
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

    # -- who is at the desk ------------------------------------------------------------------
    def show_officer(self) -> None:
        officer = self.officer
        self.status_label.setText(
            self.tr("%1 (%2) on duty - %3 %4")
            .replace("%1", officer.name)
            .replace("%2", officer.badge)
            .replace("%3", self.station.unit_code)
            .replace("%4", self.station.unit_name)
        )
        self.menus.show_for(officer)
        self.checks.show_recovery_banner()

    def start_audit_check(self) -> None:
        self.checks.start()

    def is_locked(self) -> bool:
        return self.session_lock.is_locked()

    def show_records(self, shown: bool) -> None:
        """Locked (not shown): the lock screen instead of the tabs, and the menus and their
        shortcuts (Ctrl+F would open the reports) off."""
        self.checks.set_locked(not shown)
        self.handover.widget.setVisible(shown and self.handover.waiting is not None)
        self.comments.widget.setVisible(shown and bool(self.comments.waiting))
        self.stack.setCurrentWidget(self.tabs if shown else self.session_lock.screen)
        self.menus.set_enabled(shown)

    def _fit_screen(self) -> None:
        """1,280 x 800 where the screen has room; on a smaller screen (a desk PC of 1,024 x 768,
        a laptop at 125%) it opens maximised, so the window manager fits it exactly, and with
        no window manager at all it is still no larger than the screen's free area."""
        if open_at(self, 1280, 800):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def hand_over(self, officer: OfficerInfo) -> None:
        """Another officer takes the desk: the one before is signed out and nothing of theirs
        stays on screen - their open intakes close (the typed text is in the drafts and comes
        back when they next sign in); the new officer's own interrupted intakes open."""
        try:
            station.sign_out(self.store, self.officer, reason="handed_over")
        except errors.StationDeskError as exc:
            self.statusBar().showMessage(error_text(exc))
        self.close_all_tabs()
        self.officer = officer
        self.show_officer()
        self.intake_tabs.reopen_drafts(officer.id)
        self.handover.refresh(officer)
        self.comments.refresh(officer)

    def show_settings(self) -> None:
        from app.ui.settings_dialog import change_settings

        settings = change_settings(self, self.data_dir)
        if settings is not None:
            self.session_lock.set_idle_minutes(settings.idle_lock_minutes)

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
            self.session_lock.hold(receipt)
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

    @property
    def intakes(self) -> dict[str, IntakeForm]:
        return self.intake_tabs.forms

    def open_report(self, report_id: str) -> None:
        self.intake_tabs.open(report_id)

    def current_intake_report_id(self) -> str | None:
        return self.intake_tabs.current_report_id()

    def reopen_interrupted_intakes(self) -> None:
        """After a crash: this officer's receipts with typed-but-unsaved text come back as
        open forms."""
        count = self.intake_tabs.reopen_drafts(self.officer.id)
        if count:
            self.statusBar().showMessage(
                self.tr(
                    "%1 intake(s) interrupted earlier were reopened with what had been typed."
                ).replace("%1", str(count)),
                20000,
            )

    def refresh_desk(self) -> None:
        self.sync_panel.refresh()
        try:
            self.desk.show_counters(receiving.desk_counters(self.store))
        except errors.StationDeskError as exc:
            self.statusBar().showMessage(error_text(exc))

    def after_save(self) -> None:
        self.refresh_desk()
        self.sync_worker.after_save()

    def print_slip(self, report_id: str) -> None:
        print_receipt_slip(self, self.store, self.catalog, report_id, self.lang, self.officer)

    def print_current_slip(self) -> None:
        """Ctrl+P: the slip of the intake on screen, or of the one just saved and closed."""
        report_id = self.current_intake_report_id() or self.intake_tabs.last_saved
        if report_id:
            self.print_slip(report_id)

    # -- sync ----------------------------------------------------------------------------
    def _synced(self, report: SyncReport) -> None:
        if self.views.browser is not None:
            self.views.browser.model.refresh_hq()
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
        from app.ui.enroll_dialog import EnrollDialog

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

    # -- backups -------------------------------------------------------------------------
    def show_backups(self) -> None:
        from app.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.store, self.data_dir, self.officer, self.backups, self)
        dialog.restore_requested.connect(self.restore_from)
        dialog.exec()

    def back_up(self, reason: str) -> None:
        if self.backups.start(reason, self.officer):
            self.statusBar().showMessage(
                self.tr("Backing up; the desk can be used meanwhile..."), 10000
            )

    def _backed_up(self, result: object) -> None:
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
        self.close_all_tabs()
        self.store.close()
        try:
            backups.restore(self.data_dir, backup, key)
        except errors.StationDeskError as exc:
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

    # -- the window ----------------------------------------------------------------------
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
            elif (
                shown := self.tabs.currentWidget() if current is self.tabs else current
            ) is not None:
                shown.setFocus()

    def quit_desk(self) -> None:
        """Ctrl+Q: with intakes not yet saved the officer is asked first."""
        if self.confirm_quit():
            self.close()

    def confirm_quit(self) -> bool:
        unsaved = self.intake_tabs.unsaved()
        if not unsaved:
            return True
        return confirm(
            self,
            self.tr("Quit StationDesk"),
            self.tr(
                "%1 intake(s) are open and not yet saved. What was typed is kept and comes back "
                "when you next sign in. Quit anyway?"
            ).replace("%1", str(len(unsaved))),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # The window's own close button asks as Ctrl+Q does (a restore or a test closes quietly)
        if event.spontaneous() and not self.restart_requested and not self.confirm_quit():
            event.ignore()
            return
        self.sync_worker.stop()
        self.session_lock.stop()
        # closing must not be blocked by a busy or broken file
        with contextlib.suppress(errors.StationDeskError):
            station.sign_out(self.store, self.officer, reason="closed")
        super().closeEvent(event)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.desk:
            self.refresh_desk()

    def close_tab(self, index: int) -> None:
        self.intake_tabs.close(index)

    def close_all_tabs(self) -> None:
        self.intake_tabs.close_all()
