"""The locked screen: nothing of the records shows, but the receive button still works.

A member of the public who walks up to a locked desk is still received: the press stamps the
receipt (time, unit, the desk's signed-in officer) at once, and the form opens for whoever signs
in next. Any officer may sign in here; a different officer takes the desk over.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.station import OfficerInfo


class LockScreen(QWidget):
    receive_requested = Signal()
    unlock_requested = Signal(str, str)  # badge, password

    def __init__(self, unit_name: str) -> None:
        super().__init__()
        self.setObjectName("lockScreen")
        title = QLabel(f"<h1>{unit_name}</h1>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = QLabel()
        self.state.setObjectName("lockState")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setStyleSheet("font-size: 16px; color: #555;")
        self.receive_button = QPushButton()
        self.receive_button.setObjectName("lockReceiveButton")
        self.receive_button.setMinimumSize(340, 130)
        self.receive_button.setStyleSheet(
            "QPushButton { background: #c62828; color: white; font-size: 26px;"
            " font-weight: bold; border-radius: 16px; padding: 16px; }"
            "QPushButton:pressed { background: #8e0000; }"
        )
        self.receive_button.clicked.connect(self.receive_requested)
        self.pending = QLabel()
        self.pending.setObjectName("lockPending")
        self.pending.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet("font-size: 15px; color: #1565c0; font-weight: bold;")
        self.badge = QLineEdit()
        self.badge.setObjectName("lockBadge")
        self.badge.setMaxLength(12)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.password.returnPressed.connect(self._unlock)
        self.badge.returnPressed.connect(self.password.setFocus)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self._unlock)
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        form = QFormLayout()
        self.badge_label = QLabel()
        self.password_label = QLabel()
        form.addRow(self.badge_label, self.badge)
        form.addRow(self.password_label, self.password)
        box = QWidget()
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.unlock_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.receive_button)
        button_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(self.state)
        layout.addSpacing(16)
        layout.addLayout(button_row)
        layout.addWidget(self.pending)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(2)
        self.receive_button.setText(self.tr("Receive walk-in (F2)"))
        self.unlock_button.setText(self.tr("Sign in"))
        self.badge_label.setText(self.tr("Badge number"))
        self.password_label.setText(self.tr("Password"))
        self.badge.setAccessibleName(self.tr("Badge number"))
        self.password.setAccessibleName(self.tr("Password"))

    def show_locked(self, officer: OfficerInfo) -> None:
        self.state.setText(
            self.tr("Screen locked. %1 (%2) was signed in; any officer may sign in.")
            .replace("%1", officer.name)
            .replace("%2", officer.badge)
        )
        self.pending.clear()
        self.message.clear()
        self.password.clear()
        self.badge.setText(officer.badge)
        self.password.setFocus()

    def show_pending(self, serials: list[str]) -> None:
        self.pending.setText(
            self.tr("Receipt %1 is stamped and saved. Sign in to take down the details.").replace(
                "%1", ", ".join(serials)
            )
            if serials
            else ""
        )
        self.password.setFocus()

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.password.selectAll()
        self.password.setFocus()

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.badge.text(), self.password.text())
