"""Reminder sheets for repeated police treatment: the open ones (overdue in red), and one sheet
with its three feedbacks, clearing and printing."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.services import reminder_sheets
from app.services.station import OfficerInfo
from app.ui.messages import error_text
from app.ui.widgets import deadline_table, fill_deadline_table, open_at


def sheet_status_text(status: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        reminder_sheets.ISSUED: QCoreApplication.translate("ReminderSheets", "Issued"),
        reminder_sheets.ACKNOWLEDGED: QCoreApplication.translate("ReminderSheets", "Acknowledged"),
        reminder_sheets.IN_PROGRESS: QCoreApplication.translate("ReminderSheets", "In progress"),
        reminder_sheets.FED_BACK: QCoreApplication.translate("ReminderSheets", "Result fed back"),
        reminder_sheets.CLEARED: QCoreApplication.translate("ReminderSheets", "Cleared"),
    }
    return names.get(status, status)


class ReminderSheetsView(QWidget):
    def __init__(self, store: Store, catalog: Catalog, officer: OfficerInfo, lang: str) -> None:
        super().__init__()
        self.store, self.catalog, self.officer, self.lang = store, catalog, officer, lang
        self.setObjectName("reminderSheets")
        self.summary = QLabel()
        self.summary.setObjectName("sheetSummary")
        self.show_cleared = QCheckBox(self.tr("Show cleared sheets"))
        self.show_cleared.toggled.connect(self.refresh)
        self.table = deadline_table(
            "sheetTable",
            [
                self.tr("Sheet"),
                self.tr("Issued by"),
                self.tr("Rule"),
                self.tr("Reports"),
                self.tr("Deadline"),
                self.tr("Status"),
                self.tr("From"),
            ],
            2,
            self.open_sheet,
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_cleared)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.rows: list[reminder_sheets.SheetRow] = []

    def refresh(self) -> None:
        try:
            self.rows = reminder_sheets.sheets(
                self.store, include_cleared=self.show_cleared.isChecked()
            )
        except errors.StationDeskError as exc:
            self.summary.setText(error_text(exc))
            return
        fill_deadline_table(
            self.table,
            [
                (
                    (
                        r.code,
                        r.issuing_unit,
                        r.rule_label,
                        str(r.reports),
                        r.deadline,
                        sheet_status_text(r.status),
                        self.tr("HQ")
                        if r.origin == reminder_sheets.FROM_HQ
                        else self.tr("station"),
                    ),
                    r.overdue,
                )
                for r in self.rows
            ],
        )
        self.summary.setText(
            self.tr("%1 open reminder sheets, %2 past their deadline (escalated).")
            .replace("%1", str(sum(r.status != reminder_sheets.CLEARED for r in self.rows)))
            .replace("%2", str(sum(r.overdue for r in self.rows)))
        )

    def open_sheet(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            ReminderSheetDialog(
                self.store, self.catalog, self.officer, self.rows[row].id, self
            ).exec()
            self.refresh()


class ReminderSheetDialog(QDialog):
    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        officer: OfficerInfo,
        sheet_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.catalog, self.officer, self.sheet_id = store, catalog, officer, sheet_id
        self.setObjectName("reminderSheetDialog")
        open_at(self, 680, 480)
        self.header = QLabel()
        self.header.setObjectName("sheetHeader")
        self.header.setWordWrap(True)
        self.reports = QLabel()
        self.reports.setWordWrap(True)
        grid = QGridLayout()
        self.texts: dict[str, QPlainTextEdit] = {}
        self.sends: dict[str, QPushButton] = {}
        labels = {
            "receipt": (self.tr("Receipt"), self.tr("Send receipt")),
            "progress": (self.tr("Progress"), self.tr("Send progress")),
            "result": (self.tr("Result"), self.tr("Send result")),
        }
        for i, stage in enumerate(reminder_sheets.STAGES):
            text = QPlainTextEdit()
            text.setObjectName(f"sheet_{stage}")
            text.setMaximumHeight(70)
            send = QPushButton(labels[stage][1])
            send.setObjectName(f"sheetSend_{stage}")
            send.clicked.connect(lambda _c=False, st=stage: self.send(st))
            grid.addWidget(QLabel(labels[stage][0]), i, 0)
            grid.addWidget(text, i, 1)
            grid.addWidget(send, i, 2)
            self.texts[stage], self.sends[stage] = text, send
        self.clear_button = QPushButton(self.tr("Clear the sheet"))
        self.clear_button.setObjectName("clearSheetButton")
        self.clear_button.clicked.connect(self.clear)
        self.print_button = QPushButton(self.tr("Print..."))
        self.print_button.setObjectName("printSheetButton")
        self.print_button.clicked.connect(self.print_sheet)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.message = QLabel()
        self.message.setObjectName("sheetMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.reports)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        try:
            sheet = reminder_sheets.get(self.store, self.sheet_id)
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.setWindowTitle(self.tr("Reminder sheet %1").replace("%1", sheet["code"]))
        self.header.setText(
            f"<b>{sheet['code']}</b> · {sheet['rule_label']}<br>"
            + self.tr("Issued by %1, deadline %2, status: %3")
            .replace("%1", sheet["issuing_unit"])
            .replace("%2", sheet["deadline"])
            .replace("%3", sheet_status_text(sheet["status"]))
        )
        self.reports.setText(
            self.tr("Reports: %1").replace(
                "%1", "; ".join(f"{e.get('serial', '')}" for e in sheet["reports"])
            )
        )
        active = sheet["status"] != reminder_sheets.CLEARED
        for stage in reminder_sheets.STAGES:
            self.texts[stage].setPlainText(sheet[f"{stage}_text"])
            self.texts[stage].setReadOnly(not active)
            self.sends[stage].setEnabled(
                active and (stage == "receipt" or bool(sheet["receipt_at"]))
            )
        self.clear_button.setEnabled(active and self.officer.may("approve"))

    def _run(self, action: Any) -> None:
        self.message.clear()
        try:
            action()
        except reminder_sheets.SheetNotClearableError as exc:
            missing = cast("list[str]", exc.details.get("missing", []))
            needs = []
            if "result" in missing:
                needs.append(self.tr("the result must be fed back"))
            if "visit" in missing:
                needs.append(self.tr("a return visit must be done on one of its reports"))
            self.message.setText(
                self.tr("The sheet cannot be cleared yet: %1.").replace("%1", "; ".join(needs))
            )
            return
        except errors.ValidationFailed:
            self.message.setText(self.tr("Write the feedback first (at most 2000 characters)."))
            return
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.reload()

    def send(self, stage: str) -> None:
        text = self.texts[stage].toPlainText()
        self._run(
            lambda: reminder_sheets.feed_back(self.store, self.officer, self.sheet_id, stage, text)
        )

    def clear(self) -> None:
        self._run(lambda: reminder_sheets.clear(self.store, self.officer, self.sheet_id))

    def print_sheet(self) -> None:
        from app.services import documents
        from app.ui.pdf_print import preview_pdf

        try:
            pdf = documents.reminder_sheet_pdf(
                self.store, self.catalog, self.sheet_id, by=self.officer
            )
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        preview_pdf(self, pdf, self.windowTitle()).exec()
