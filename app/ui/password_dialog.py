"""An officer changes their own password (and must, after an administrator's reset)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.services import station
from app.services.station import OfficerInfo
from app.ui.messages import error_text, field_error_text
from app.ui.widgets import FieldBox, ok_cancel


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    return edit


class ChangePasswordDialog(QDialog):
    def __init__(
        self,
        store: Store,
        officer: OfficerInfo,
        parent: QWidget | None = None,
        *,
        forced: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.officer = officer
        self.result_officer: OfficerInfo | None = None
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        self.old = FieldBox(_secret(), "oldPassword", self.tr("Current password"))
        self.new = FieldBox(_secret(), "newPassword", self.tr("New password"))
        self.repeat = FieldBox(_secret(), "newPasswordRepeat", self.tr("Repeat new password"))
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat new password"), self.repeat)
        intro = QLabel(
            self.tr(
                "An administrator reset your password. Choose your own before you go on "
                "(at least 8 characters)."
            )
            if forced
            else self.tr("At least 8 characters, different from the current one.")
        )
        intro.setWordWrap(True)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _text(self, box: FieldBox) -> str:
        editor = box.editor
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def accept(self) -> None:
        for box in (self.old, self.new, self.repeat):
            box.set_error("")
        if self._text(self.new) != self._text(self.repeat):
            self.repeat.set_error(field_error_text("password", "password_mismatch"))
            return
        try:
            self.result_officer = station.change_password(
                self.store, self.officer, self._text(self.old), self._text(self.new)
            )
        except errors.ValidationFailed as exc:
            for code in exc.errors.values():
                self.new.set_error(field_error_text("password", code))
            return
        except errors.StationDeskError as exc:
            self.old.set_error(error_text(exc))
            return
        super().accept()
