"""The session lock: an idle desk locks itself, Ctrl+L locks it at once, and whoever signs in
on the locked screen takes the desk (a different officer takes it over).

While locked no record shows and the menus do not work, but the receive button does: the
receipts taken then open as forms once someone has signed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app import errors
from app.services import audit, station
from app.services.receiving import Receipt
from app.settings import load_settings
from app.ui.lock_screen import LockScreen
from app.ui.messages import error_text

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

INPUT_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
)


class SessionLock(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.screen = LockScreen(window.station.unit_name)
        self.screen.receive_requested.connect(window.receive)
        self.screen.unlock_requested.connect(self.unlock)
        self.held: list[Receipt] = []  # received while locked, opened after sign-in
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(lambda: self.lock("idle"))
        self.idle_minutes = load_settings(window.data_dir).idle_lock_minutes
        self.idle_timer.start(self.idle_minutes * 60_000)
        app = QApplication.instance()
        assert app is not None
        self.app: QCoreApplication = app
        self.app.installEventFilter(self)  # any key or mouse anywhere keeps the desk awake

    def stop(self) -> None:
        self.app.removeEventFilter(self)

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_minutes = minutes
        self.idle_timer.start(minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS and not self.is_locked():
            self.idle_timer.start(self.idle_minutes * 60_000)
        return False

    def is_locked(self) -> bool:
        return self.window.stack.currentWidget() is self.screen

    def lock(self, reason: str = "idle") -> None:
        """Hide every record; the receive button stays. Open forms keep their drafts."""
        if self.is_locked():
            return
        officer = self.window.officer
        try:
            audit.record(
                self.window.store,
                officer,
                "lock",
                record_kind="officer",
                record_id=officer.id,
                detail={"reason": reason},
            )
        except errors.StationDeskError as exc:
            self.window.statusBar().showMessage(error_text(exc))
        self.held = []
        self.window.show_records(False)
        self.screen.show_locked(officer)

    def hold(self, receipt: Receipt) -> None:
        """A receipt taken on the locked screen: its form waits for whoever signs in."""
        self.held.append(receipt)
        self.screen.show_pending([r.serial for r in self.held])

    def unlock(self, badge: str, password: str) -> None:
        window = self.window
        same = badge.strip() == window.officer.badge
        try:
            officer = station.sign_in(
                window.store, badge, password, action="unlock" if same else "sign_in"
            )
        except errors.StationDeskError as exc:
            self.screen.show_error(error_text(exc))
            return
        if officer.must_change_password:
            from app.ui.password_dialog import ChangePasswordDialog

            dialog = ChangePasswordDialog(window.store, officer, window, forced=True)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_officer is None:
                self.screen.show_error(self.tr("Choose a new password to go on."))
                return
            officer = dialog.result_officer
        if officer.id != window.officer.id:
            window.hand_over(officer)
        window.show_records(True)
        self.idle_timer.start(self.idle_minutes * 60_000)
        held, self.held = self.held, []
        for receipt in held:
            window.open_report(receipt.id)
        window.refresh_desk()
        window.take_focus()
