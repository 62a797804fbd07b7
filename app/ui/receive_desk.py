"""The receive desk: the big button, today's counters, the unfinished receipts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import now_local, parse_utc
from app.services.receiving import DeskCounters
from app.ui.labels import wall_time


def elapsed_text(since_utc: str, now: dt.datetime) -> str:
    minutes = max(0, int((now - parse_utc(since_utc)).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {rest:02d} min"
    return f"{hours // 24} d {hours % 24} h"


class ReceiveDesk(QWidget):
    receive_requested = Signal()
    open_requested = Signal(str)
    reports_requested = Signal()
    shift_end_requested = Signal()
    visits_requested = Signal()
    cases_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("receiveDesk")
        self.receive_button = QPushButton()
        self.receive_button.setObjectName("receiveButton")
        self.receive_button.setMinimumSize(340, 150)
        self.receive_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.receive_button.setStyleSheet(
            "QPushButton#receiveButton { background: #c62828; color: white; font-size: 30px;"
            " font-weight: bold; border-radius: 16px; padding: 18px; }"
            "QPushButton#receiveButton:hover { background: #b71c1c; }"
            "QPushButton#receiveButton:pressed { background: #8e0000; }"
            "QPushButton#receiveButton:disabled { background: #9e9e9e; }"
        )
        self.receive_button.clicked.connect(self.receive_requested)
        counter_box = self._counter_box()
        self._unfinished_list()
        self._view_buttons()
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.receive_button)
        top.addSpacing(24)
        top.addWidget(counter_box, 2)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.saved_note)
        layout.addWidget(self.unfinished_title)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.reports_button)
        bottom.addWidget(self.visits_button)
        bottom.addWidget(self.cases_button)
        bottom.addWidget(self.shift_button)
        layout.addLayout(bottom)
        self._counters: DeskCounters | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._refresh_elapsed)
        self.timer.start(30_000)
        self.retranslate()

    def _counter_box(self) -> QWidget:
        """Today's receipts, completed and unfinished, in big figures."""
        self.received = QLabel("0")
        self.completed = QLabel("0")
        self.unfinished = QLabel("0")
        self.received.setObjectName("receivedCount")
        self.completed.setObjectName("completedCount")
        self.unfinished.setObjectName("unfinishedCount")
        counters = QGridLayout()
        self._counter_titles = []
        for col, (label, color) in enumerate(
            ((self.received, "#1565c0"), (self.completed, "#2e7d32"), (self.unfinished, "#c62828"))
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet(f"font-size: 34px; font-weight: bold; color: {color};")
            title = QLabel()
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            title.setStyleSheet("color: #555; font-size: 14px;")
            self._counter_titles.append(title)
            counters.addWidget(label, 0, col)
            counters.addWidget(title, 1, col)
        counter_box = QWidget()
        counter_box.setLayout(counters)
        counter_box.setStyleSheet("background: #f5f7fa; border-radius: 10px;")
        return counter_box

    def _unfinished_list(self) -> None:
        self.unfinished_title = QLabel()
        self.unfinished_title.setStyleSheet("font-size: 15px; font-weight: bold; margin-top: 8px;")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("unfinishedList")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # Sized once per rebuild, not per cell: per-cell sizing made a refresh quadratic.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_row)
        self.table.activated.connect(self._open_row)  # Enter on a row, as a double-click
        self._shown: list[tuple[str, str]] = []
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #777;")
        # The intake just saved (its form has closed): where it went and how to print its slip.
        self.saved_note = QLabel()
        self.saved_note.setObjectName("lastSavedNote")
        self.saved_note.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.saved_note.hide()

    def _view_buttons(self) -> None:
        self.reports_button = QPushButton()
        self.reports_button.setObjectName("openReportsButton")
        self.reports_button.clicked.connect(self.reports_requested)
        self.visits_button = QPushButton()
        self.visits_button.setObjectName("openVisitsButton")
        self.visits_button.clicked.connect(self.visits_requested)
        self.cases_button = QPushButton()
        self.cases_button.setObjectName("openCasesButton")
        self.cases_button.clicked.connect(self.cases_requested)
        self.shift_button = QPushButton()
        self.shift_button.setObjectName("shiftEndButton")
        self.shift_button.clicked.connect(self.shift_end_requested)

    def retranslate(self) -> None:
        self.receive_button.setText(self.tr("Receive walk-in\n(F2)"))
        self.receive_button.setAccessibleName(self.tr("Receive a walk-in report"))
        self.table.setAccessibleName(self.tr("Unfinished receipts"))
        for title, text in zip(
            self._counter_titles,
            (self.tr("Received today"), self.tr("Completed"), self.tr("Unfinished")),
            strict=True,
        ):
            title.setText(text)
        self.unfinished_title.setText(
            self.tr("Unfinished receipts - every one must be completed or accounted for")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Serial"),
                self.tr("Received"),
                self.tr("Waiting"),
                self.tr("Officer"),
                self.tr("Reason left unfinished"),
            ]
        )
        self.hint.setText(self.tr("Double-click a receipt, or Enter, to continue its intake."))
        self.reports_button.setText(self.tr("Reports and search (Ctrl+F)"))
        self.visits_button.setText(self.tr("Return visits (Ctrl+R)"))
        self.cases_button.setText(self.tr("Case files (Ctrl+K)"))
        self.shift_button.setText(self.tr("Shift-end check"))

    def show_saved(self, serial: str) -> None:
        self.saved_note.setText(
            self.tr("Saved %1. Ctrl+P prints its receipt slip; Ctrl+F finds it again.").replace(
                "%1", serial
            )
        )
        self.saved_note.show()

    def show_counters(self, counters: DeskCounters) -> None:
        self._counters = counters
        self.received.setText(str(counters.received))
        self.completed.setText(str(counters.completed))
        self.unfinished.setText(str(counters.unfinished))
        now = now_local()
        wanted = [(item.id, item.unfinished_reason) for item in counters.unfinished_list]
        if wanted == self._shown:  # same receipts: only the waiting times move
            for row, item in enumerate(counters.unfinished_list):
                cell = self.table.item(row, 2)
                if cell is not None:
                    cell.setText(elapsed_text(item.received_utc, now))
            return
        self.table.setUpdatesEnabled(False)
        try:
            self.table.setRowCount(len(counters.unfinished_list))
            for row, item in enumerate(counters.unfinished_list):
                values = (
                    item.serial,
                    wall_time(item.received_at),
                    elapsed_text(item.received_utc, now),
                    item.officer_name,
                    item.unfinished_reason,
                )
                for col, value in enumerate(values):
                    cell = QTableWidgetItem(value)
                    cell.setData(Qt.ItemDataRole.UserRole, item.id)
                    self.table.setItem(row, col, cell)
            for col in range(self.table.columnCount() - 1):  # the last one stretches
                self.table.resizeColumnToContents(col)
        finally:
            self.table.setUpdatesEnabled(True)
        self._shown = wanted

    def _refresh_elapsed(self) -> None:
        if self._counters is not None:
            self.show_counters(self._counters)

    def _open_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            item = self.table.item(row, 0)
            if item is not None:
                self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))
