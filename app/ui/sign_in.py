"""Shift-start sign-in: badge number and password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app import errors
from app.db.engine import Store
from app.services import station
from app.services.station import OfficerInfo
from app.ui.messages import error_text


class SignInDialog(QDialog):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.officer: OfficerInfo | None = None
        self.setObjectName("signInDialog")
        info = station.station_info(store)
        self.setWindowTitle(self.tr("StationDesk - sign in"))
        title = QLabel(f"<h2>{info.unit_name}</h2>")
        self.badge = QLineEdit()
        self.badge.setObjectName("signInBadge")
        self.badge.setMaxLength(12)
        self.badge.setAccessibleName(self.tr("Badge number"))
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setStyleSheet("color: #c0392b;")
        form = QFormLayout()
        form.addRow(self.tr("Badge number"), self.badge)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        try:
            officer = station.sign_in(self.store, self.badge.text(), self.password.text())
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        if officer.must_change_password:
            from app.ui.password_dialog import ChangePasswordDialog

            dialog = ChangePasswordDialog(self.store, officer, self, forced=True)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_officer is None:
                station.sign_out(self.store, officer, reason="password_not_changed")
                self.message.setText(self.tr("Choose a new password to go on."))
                return
            officer = dialog.result_officer
        self.officer = officer
        super().accept()
