"""Shift handover in the window: the outgoing officer's box on the shift-end view, and for the
officer who signs in next a banner across the top until the handover is acknowledged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.services import documents, handover
from app.services.station import OfficerInfo
from app.ui.labels import wall_time
from app.ui.messages import error_text
from app.ui.pdf_print import offer_pdf
from app.ui.startup_checks import banner, banner_button, banner_text
from app.ui.widgets import open_at


def _offer_print(parent: QWidget, store: Store, officer: OfficerInfo, handover_id: str) -> None:
    pdf = documents.handover_pdf(store, handover_id, by=officer)
    offer_pdf(
        parent,
        pdf,
        QCoreApplication.translate("Handover", "handover"),
        QCoreApplication.translate("Handover", "Handover sheet"),
        QCoreApplication.translate("Handover", "The handover sheet for the duty book is ready."),
        QCoreApplication.translate("Handover", "Save the handover sheet as PDF"),
    )


class HandoverBox(QGroupBox):
    """On the shift-end view: what the next shift must know, then the handover."""

    def __init__(
        self, store: Store, officer: OfficerInfo, shift_start: Callable[[], dt.datetime]
    ) -> None:
        super().__init__()
        self.store, self.officer, self.shift_start = store, officer, shift_start
        self.setObjectName("handoverBox")
        self.setTitle(self.tr("Hand over the shift"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("handoverNote")
        self.note.setPlaceholderText(
            self.tr("What the next shift must know: matters in hand, people to call back, ...")
        )
        self.note.setMaximumHeight(70)
        self.note.setTabChangesFocus(True)
        self.button = QPushButton(self.tr("Hand over..."))
        self.button.setObjectName("handOverButton")
        self.button.clicked.connect(self.hand_over)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout(self)
        row.addWidget(self.note, 1)
        column = QVBoxLayout()
        column.addWidget(self.button)
        column.addWidget(self.message)
        column.addStretch(1)
        row.addLayout(column)

    def hand_over(self) -> None:
        try:
            handover_id = handover.hand_over(
                self.store, self.officer, self.note.toPlainText(), self.shift_start()
            )
        except errors.ValidationFailed:
            self.message.setText(self.tr("Write the handover note first."))
            self.message.setStyleSheet("color: #c62828;")
            return
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            self.message.setStyleSheet("color: #c62828;")
            return
        self.note.clear()
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Handed over: the next officer to sign in is asked to acknowledge it.")
        )
        _offer_print(self, self.store, self.officer, handover_id)


class HandoverBanner(QObject):
    """Across the top of the window while a handover by someone else waits for this officer."""

    def __init__(self, store: Store, parent: QObject) -> None:
        super().__init__(parent)
        self.store = store
        self.officer: OfficerInfo | None = None
        self.widget, row = banner("handoverBanner", "#1565c0")
        banner_button(row, self.tr("Take over the shift..."), "takeOverButton", self.open)
        self.waiting: handover.HandoverView | None = None

    def refresh(self, officer: OfficerInfo) -> None:
        self.officer = officer
        try:
            self.waiting = handover.waiting_for(self.store, officer)
        except errors.StationDeskError:
            self.waiting = None
        self.widget.setVisible(self.waiting is not None)
        if self.waiting is not None:
            banner_text(self.widget).setText(
                self.tr("%1 handed over the shift at %2, with %3 open receipts and %4 visits due.")
                .replace("%1", self.waiting.from_name)
                .replace("%2", wall_time(self.waiting.written_at))
                .replace("%3", str(len(self.waiting.receipts)))
                .replace("%4", str(len(self.waiting.visits)))
            )

    def open(self) -> None:
        if self.waiting is None or self.officer is None:
            return
        parent = self.widget.window()
        HandoverDialog(self.store, self.officer, self.waiting, parent).exec()
        self.refresh(self.officer)


class HandoverDialog(QDialog):
    def __init__(
        self,
        store: Store,
        officer: OfficerInfo,
        view: handover.HandoverView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.officer, self.view = store, officer, view
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Shift handover"))
        open_at(self, 640, 520)
        text = QPlainTextEdit()
        text.setObjectName("handoverText")
        text.setReadOnly(True)
        lines = [
            self.tr("From %1, shift from %2 to %3")
            .replace("%1", view.from_name)
            .replace("%2", wall_time(view.shift_start))
            .replace("%3", wall_time(view.written_at)),
            "",
            view.note,
            "",
            self.tr("Receipts not completed: %1").replace("%1", str(len(view.receipts))),
            *(
                f"  {r['serial']}  {r.get('officer', '')}  {r.get('reason', '')}"
                for r in view.receipts
            ),
            self.tr("Visits due: %1").replace("%1", str(len(view.visits))),
            *(f"  {v['code']}  {v.get('due', '')}  {v.get('person', '')}" for v in view.visits),
        ]
        text.setPlainText("\n".join(lines))
        self.reply = QLineEdit()
        self.reply.setObjectName("handoverReply")
        self.reply.setPlaceholderText(self.tr("Remarks on taking over (optional)"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox()
        acknowledge = buttons.addButton(
            self.tr("Acknowledge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        acknowledge.setObjectName("acknowledgeHandover")
        buttons.addButton(QDialogButtonBox.StandardButton.Close)  # later: the banner stays
        buttons.accepted.connect(self.acknowledge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(self.reply)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def acknowledge(self) -> None:
        try:
            handover.acknowledge(self.store, self.officer, self.view.id, self.reply.text())
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.accept()
        _offer_print(self.parentWidget() or self, self.store, self.officer, self.view.id)
