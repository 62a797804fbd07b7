"""Typing the recovery key from the sheet in the safe, when this computer's keyring lacks the
database key (a new PC, a reinstalled system, a cleared keyring)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app import errors
from app.db import station_key
from app.ui.messages import error_text
from app.ui.widgets import FieldBox, ok_cancel


class RecoveryKeyDialog(QDialog):
    def __init__(self, data_dir: Path, *, keyring_missing: bool = False) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.key: bytes | None = None
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("StationDesk - recovery key"))
        intro = QLabel(
            self.tr(
                "This station's database is encrypted, and this computer does not hold its "
                "key. Type the recovery key from the sheet in the station safe (56 letters and "
                "digits; dashes, spaces and case do not matter)."
            )
        )
        intro.setWordWrap(True)
        edit = QLineEdit()
        edit.setMaxLength(120)
        edit.setPlaceholderText("XXXX-XXXX-XXXX-...")
        edit.setStyleSheet("font-family: monospace; font-size: 15px;")
        self.field = FieldBox(edit, "recoveryKeyEdit", self.tr("Recovery key"))
        self.session_only = QCheckBox(
            self.tr("The system keyring is not available: open for this session only")
        )
        self.session_only.setObjectName("sessionOnlyCheck")
        self.session_only.setVisible(keyring_missing)
        self.session_only.setChecked(keyring_missing)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.session_only)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def accept(self) -> None:
        self.field.set_error("")
        typed = self.field.editor.text()  # type: ignore[attr-defined]
        try:
            self.key = station_key.adopt_recovery_key(
                self.data_dir, typed, remember=not self.session_only.isChecked()
            )
        except errors.KeyringUnavailableError as exc:
            self.session_only.setVisible(True)
            self.field.set_error(error_text(exc))
            return
        except errors.StationDeskError as exc:
            self.field.set_error(error_text(exc))
            return
        super().accept()
