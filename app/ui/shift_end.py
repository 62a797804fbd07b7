"""Shift-end reconciliation: every receipt drawn in the shift, which are not completed, and
the handover to the next shift."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Store
from app.domain import statuses
from app.domain.catalog import Catalog
from app.services import receiving
from app.services.station import OfficerInfo
from app.ui.handover_ui import HandoverBox
from app.ui.labels import status_text, wall_time


class ShiftEndView(QWidget):
    open_requested = Signal(str)
    backup_requested = Signal()

    def __init__(
        self, store: Store, catalog: Catalog, lang: str, officer: OfficerInfo | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.lang = lang
        self.setObjectName("shiftEndView")
        self.since = QDateTimeEdit(QDateTime.currentDateTime().addSecs(-12 * 3600))
        self.since.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.since.setCalendarPopup(True)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.backup_button = QPushButton(self.tr("End of shift: back up now"))
        self.backup_button.setObjectName("shiftBackupButton")
        self.backup_button.clicked.connect(self.backup_requested)
        self.summary = QLabel()
        self.summary.setObjectName("shiftSummary")
        self.summary.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("shiftTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Serial"),
                self.tr("Received"),
                self.tr("Officer"),
                self.tr("Status"),
                self.tr("Reporter"),
                self.tr("Note"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Shift started at")))
        top.addWidget(self.since)
        top.addWidget(refresh)
        top.addStretch(1)
        top.addWidget(self.backup_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        if officer is not None:
            layout.addWidget(HandoverBox(store, officer, self._shift_start))

    def _shift_start(self) -> dt.datetime:
        since = self.since.dateTime().toPython()
        assert isinstance(since, dt.datetime)
        return since.astimezone()

    def refresh(self) -> None:
        since = self.since.dateTime().toPython()
        assert isinstance(since, dt.datetime)
        rows = receiving.shift_receipts(self.store, since.astimezone())
        open_count = sum(1 for r in rows if r.status in statuses.UNFINISHED)
        self.summary.setText(
            self.tr("%1 receipts drawn in this shift; %2 not completed.")
            .replace("%1", str(len(rows)))
            .replace("%2", str(open_count))
        )
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            note = r.unfinished_reason if r.status in statuses.UNFINISHED else ""
            if r.status in statuses.UNFINISHED and not note:
                note = self.tr("NOT COMPLETED - no reason given")
            values = (
                r.serial,
                wall_time(r.received_at),
                r.officer_name,
                status_text(r.status),
                r.reporter_name,
                note,
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                if r.status in statuses.UNFINISHED:
                    item.setForeground(QColor("#c62828"))
                self.table.setItem(i, col, item)

    def _open(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
