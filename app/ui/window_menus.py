"""The main window's menus: the desk's views, the account's actions by role, help. Off while
the screen is locked, shortcuts and all."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from app import __version__
from app.services.station import OfficerInfo

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class WindowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        desk = bar.addMenu(self.tr("&Desk"))
        for text, slot, key in (
            # F2 is the window's own shortcut (it works on the lock screen too, where the menus
            # are off); the menu shows it after the tab
            (self.tr("Receive walk-in") + "\tF2", window.receive, ""),
            (self.tr("Print receipt slip"), window.print_current_slip, "Ctrl+P"),
            (self.tr("Close tab"), lambda: window.close_tab(window.tabs.currentIndex()), "Ctrl+W"),
            (self.tr("Reports"), lambda: window.views.show("reports"), "Ctrl+F"),
            (self.tr("Return visits"), lambda: window.views.show("visits"), "Ctrl+R"),
            (self.tr("Case files"), lambda: window.views.show("cases"), "Ctrl+K"),
            (self.tr("Reminder sheets"), lambda: window.views.show("sheets"), "Ctrl+T"),
            (self.tr("Care register"), lambda: window.views.show("register"), "Ctrl+G"),
            (self.tr("Supervision"), lambda: window.views.show("supervision"), "Ctrl+J"),
            (self.tr("Shift end"), lambda: window.views.show("shift"), ""),
            (self.tr("Settings..."), window.show_settings, ""),
            (self.tr("Quit"), window.quit_desk, "Ctrl+Q"),
        ):
            self._action(desk, text, slot, key)
        account = bar.addMenu(self.tr("&Account"))
        self.account_actions: dict[str, QAction] = {}
        for name, text, slot, key, needed in (
            (
                "lock",
                self.tr("Lock screen"),
                lambda: window.session_lock.lock("manual"),
                "Ctrl+L",
                "",
            ),
            ("password", self.tr("Change password..."), self.change_password, "", ""),
            ("accounts", self.tr("Accounts..."), self.show_accounts, "", "manage_accounts"),
            (
                "recovery",
                self.tr("Print recovery key..."),
                window.checks.print_recovery_sheet,
                "",
                "approve",
            ),
            ("audit", self.tr("Check audit log"), window.checks.check_audit, "", "audit"),
            ("backups", self.tr("Backups..."), window.show_backups, "", "backup"),
        ):
            action = self._action(account, text, slot, key)
            action.setObjectName(f"{name}Action")
            action.setData(needed)
            self.account_actions[name] = action
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("User guide"), self.show_guide, "F1")
        self._action(help_menu, self.tr("About StationDesk"), self.about, "")

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object], key: str) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def show_for(self, officer: OfficerInfo) -> None:
        """An account action shows only to a role that may use it."""
        for action in self.account_actions.values():
            needed = action.data()
            action.setVisible(not needed or officer.may(needed))

    def set_enabled(self, enabled: bool) -> None:
        bar = self.window.menuBar()
        bar.setEnabled(enabled)
        for menu_action in bar.actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                for action in menu.actions():
                    action.setEnabled(enabled)

    def change_password(self) -> None:
        from app.ui.password_dialog import ChangePasswordDialog

        window = self.window
        dialog = ChangePasswordDialog(window.store, window.officer, window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            window.statusBar().showMessage(self.tr("Password changed."), 8000)

    def show_accounts(self) -> None:
        from app.ui.accounts_dialog import AccountsDialog

        AccountsDialog(self.window.store, self.window.officer, self.window).exec()

    def show_guide(self) -> None:
        from app.ui.user_guide import UserGuideDialog

        UserGuideDialog(self.window.lang, self.window).exec()

    def about(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("About StationDesk"),
            self.tr("StationDesk %1\nIncident catalog %2")
            .replace("%1", __version__)
            .replace("%2", self.window.catalog.version),
        )
