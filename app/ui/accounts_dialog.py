"""Accounts, for the administrator: add an officer, reset a forgotten password, change a role,
deactivate an account (never delete: its name stays on what it did), lift a lock-out."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain import roles
from app.services import station
from app.services.station import AccountRow, OfficerInfo
from app.ui.labels import role_text
from app.ui.messages import error_text, field_error_text, show_error
from app.ui.widgets import (
    FieldBox,
    button_row,
    deadline_table,
    fill_deadline_table,
    ok_cancel,
    open_at,
)

# Temporary passwords avoid letters that read two ways when dictated (0/O, 1/l/I).
_TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def temporary_password() -> str:
    return "".join(secrets.choice(_TEMP_ALPHABET) for _ in range(10))


class AccountsDialog(QDialog):
    def __init__(self, store: Store, admin: OfficerInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.admin = admin
        self.rows: list[AccountRow] = []
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self.table = deadline_table(
            "accountsTable",
            [
                self.tr("Badge"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("State"),
            ],
            3,
            lambda _row: self.change_role(),
        )
        buttons = button_row(
            [
                ("addAccountButton", self.tr("Add officer..."), self.add),
                ("resetPasswordButton", self.tr("Reset password..."), self.reset),
                ("changeRoleButton", self.tr("Change role..."), self.change_role),
                ("toggleActiveButton", self.tr("Deactivate / reactivate"), self.toggle_active),
                ("unlockAccountButton", self.tr("Unlock"), self.unlock),
            ]
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        open_at(self, 820, 460)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.rows = station.accounts(self.store)
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        fill_deadline_table(
            self.table,
            [
                (
                    [r.badge, r.name, role_text(r.role), self._state(r)],
                    r.locked_until is not None or not r.active,
                )
                for r in self.rows
            ],
        )

    def _state(self, r: AccountRow) -> str:
        if not r.active:
            return self.tr("Deactivated")
        if r.locked_until is not None:
            return self.tr("Locked until %1 (wrong passwords)").replace(
                "%1", r.locked_until.strftime("%H:%M")
            )
        if r.must_change_password:
            return self.tr("Must choose a new password")
        return self.tr("Active")

    def _selected(self) -> AccountRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]
        QMessageBox.information(self, self.windowTitle(), self.tr("Select an account first."))
        return None

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except errors.ValidationFailed as exc:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                "\n".join(field_error_text(k, v) for k, v in exc.errors.items()),
            )
            return False
        except errors.StationDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
            return False
        self.refresh()
        return True

    def add(self) -> None:
        dialog = AddOfficerDialog(self.store, self.admin, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self._tell_temporary(dialog.badge_text, dialog.temporary)

    def reset(self) -> None:
        row = self._selected()
        if row is None:
            return
        temporary = temporary_password()
        if self._run(lambda: station.reset_password(self.store, self.admin, row.badge, temporary)):
            self._tell_temporary(row.badge, temporary)

    def _tell_temporary(self, badge: str, temporary: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("temporaryPasswordBox")
        box.setWindowTitle(self.windowTitle())
        box.setText(
            self.tr(
                "Temporary password for %1: %2\n\nTell it to the officer in person. They must "
                "choose their own password when they sign in."
            )
            .replace("%1", badge)
            .replace("%2", temporary)
        )
        box.exec()

    def change_role(self) -> None:
        row = self._selected()
        if row is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Role of %1").replace("%1", row.name))
        combo = QComboBox()
        combo.setObjectName("roleCombo")
        for role in roles.ALL:
            combo.addItem(role_text(role), role)
        combo.setCurrentIndex(max(0, combo.findData(row.role)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(combo)
        layout.addWidget(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(
                lambda: station.update_account(
                    self.store, self.admin, row.badge, role=combo.currentData()
                )
            )

    def toggle_active(self) -> None:
        row = self._selected()
        if row is not None:
            self._run(
                lambda: station.update_account(
                    self.store, self.admin, row.badge, active=not row.active
                )
            )

    def unlock(self) -> None:
        row = self._selected()
        if row is not None:
            self._run(
                lambda: station.update_account(self.store, self.admin, row.badge, unlock=True)
            )


class AddOfficerDialog(QDialog):
    """Badge, name and role; the password is a temporary one the officer replaces at once."""

    def __init__(self, store: Store, admin: OfficerInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.admin = admin
        self.temporary = temporary_password()
        self.badge_text = ""
        self.setObjectName("addOfficerDialog")
        self.setWindowTitle(self.tr("Add officer"))
        badge = QLineEdit()
        badge.setMaxLength(12)
        name = QLineEdit()
        name.setMaxLength(50)
        self.badge = FieldBox(badge, "newBadge", self.tr("Badge number"))
        self.name = FieldBox(name, "newName", self.tr("Name"))
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        for role in roles.ALL:
            self.role.addItem(role_text(role), role)
        form = QFormLayout()
        form.addRow(self.tr("Badge number"), self.badge)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("A temporary password is shown when the account is added."))
        )
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.badge.set_error("")
        self.name.set_error("")
        badge = self.badge.editor.text()  # type: ignore[attr-defined]
        name = self.name.editor.text()  # type: ignore[attr-defined]
        try:
            info = station.add_officer(
                self.store,
                badge=badge,
                name=name,
                password=self.temporary,
                role=self.role.currentData(),
                by=self.admin,
                temporary=True,
            )
        except errors.ValidationFailed as exc:
            for key, code in exc.errors.items():
                target = self.name if key == "officer_name" else self.badge
                target.set_error(field_error_text(key, code))
            return
        except errors.StationDeskError as exc:
            self.badge.set_error(error_text(exc))
            return
        self.badge_text = info.badge
        super().accept()
