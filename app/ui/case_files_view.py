"""Case files (一案一档): the open files with their deadlines, and one file's page."""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.services import case_files, reminder_sheets
from app.services.early_warning import criteria_for
from app.services.station import OfficerInfo, list_officers
from app.ui.early_warning_dialog import colour_icon, warning_chip
from app.ui.labels import display_value, status_text
from app.ui.messages import confirm, error_text
from app.ui.reminder_sheets_view import sheet_status_text
from app.ui.widgets import deadline_table, fill_deadline_table, open_at


def case_status_text(status: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        case_files.OPEN: QCoreApplication.translate("CaseFiles", "Open"),
        case_files.IN_PROGRESS: QCoreApplication.translate("CaseFiles", "In progress"),
        case_files.CLEARED: QCoreApplication.translate("CaseFiles", "Cleared"),
    }
    return names.get(status, status)


def rule_text(store: Store, rule_id: str) -> str:
    """A repeat rule in words (the code stays in the rule file and the history)."""
    days = case_files.rule_window(store, rule_id)
    if not days:
        return rule_id
    return QCoreApplication.translate("CaseFiles", "repeat within %1 days").replace("%1", str(days))


class CaseFilesView(QWidget):
    open_report = Signal(str)
    changed = Signal()

    def __init__(self, store: Store, catalog: Catalog, officer: OfficerInfo, lang: str) -> None:
        super().__init__()
        self.store, self.catalog, self.officer, self.lang = store, catalog, officer, lang
        self.setObjectName("caseFiles")
        self.summary = QLabel()
        self.summary.setObjectName("caseSummary")
        self.show_cleared = QCheckBox(self.tr("Show cleared files"))
        self.show_cleared.setObjectName("showClearedCases")
        self.show_cleared.toggled.connect(self.refresh)
        self.criteria = criteria_for(store)
        self.table = deadline_table(
            "caseTable",
            [
                self.tr("File"),
                self.tr("Title"),
                self.tr("Reports"),
                self.tr("Responsible"),
                self.tr("Deadline"),
                self.tr("Status"),
                self.tr("Rule"),
                self.tr("Warning"),
            ],
            1,
            self.open_file,
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_cleared)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.rows: list[case_files.CaseRow] = []

    def refresh(self) -> None:
        try:
            self.rows = case_files.case_files(
                self.store, include_cleared=self.show_cleared.isChecked()
            )
        except errors.StationDeskError as exc:
            self.summary.setText(error_text(exc))
            return
        colours = [self.criteria.colour(r.colour) for r in self.rows]
        fill_deadline_table(
            self.table,
            [
                (
                    (
                        r.code,
                        r.title,
                        str(r.reports),
                        r.officer_name,
                        r.deadline,
                        case_status_text(r.status),
                        rule_text(self.store, r.rule_id),
                        colour.label(self.lang) if colour else "",
                    ),
                    r.overdue,
                )
                for r, colour in zip(self.rows, colours, strict=True)
            ],
        )
        for i, colour in enumerate(colours):
            if colour is not None:
                item = self.table.item(i, 7)
                if item is not None:
                    item.setIcon(colour_icon(colour.rgb))
        overdue = sum(r.overdue for r in self.rows)
        self.summary.setText(
            self.tr("%1 open files, %2 past their deadline (escalated to the station chief).")
            .replace("%1", str(sum(r.status != case_files.CLEARED for r in self.rows)))
            .replace("%2", str(overdue))
        )

    def open_file(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        dialog = CaseFileDialog(
            self.store, self.catalog, self.officer, self.lang, self.rows[row].id, self
        )
        dialog.open_report.connect(self.open_report)
        dialog.changed.connect(self.changed)
        self.case_dialog = dialog
        dialog.exec()
        self.refresh()


class CaseFileDialog(QDialog):
    open_report = Signal(str)
    changed = Signal()

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        officer: OfficerInfo,
        lang: str,
        case_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.catalog, self.officer, self.lang = store, catalog, officer, lang
        self.case_id = case_id
        self.setObjectName("caseFileDialog")
        open_at(self, 760, 680)
        self.header = QLabel()
        self.header.setObjectName("caseHeader")
        self.header.setWordWrap(True)
        self.reports = QListWidget()
        self.reports.setObjectName("caseReports")
        self.reports.itemActivated.connect(
            lambda item: self.open_report.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.plan = QPlainTextEdit()
        self.plan.setObjectName("casePlan")
        self.plan.setMaximumHeight(80)
        self.responsible = QComboBox()
        self.responsible.setObjectName("caseOfficer")
        for o in list_officers(store):
            self.responsible.addItem(f"{o.name} ({o.badge})", o.id)
        self.deadline = QDateEdit()
        self.deadline.setObjectName("caseDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")  # as every date of the desk reads
        self.save_button = QPushButton(self.tr("Save plan"))
        self.save_button.setObjectName("saveCaseButton")
        self.save_button.clicked.connect(self.save)
        self.action_log = QListWidget()
        self.action_log.setObjectName("caseActions")
        self.action_text = QLineEdit()
        self.action_text.setObjectName("caseActionText")
        self.action_text.setPlaceholderText(self.tr("What was done, e.g. visited both parties"))
        self.action_button = QPushButton(self.tr("Add to the log"))
        self.action_button.setObjectName("addCaseActionButton")
        self.action_button.clicked.connect(self.add_action)
        self.action_text.returnPressed.connect(self.add_action)
        self.result_text = QPlainTextEdit()
        self.result_text.setObjectName("caseResult")
        self.result_text.setMaximumHeight(60)
        self.clear_button = QPushButton(self.tr("Clear the file"))
        self.clear_button.setObjectName("clearCaseButton")
        self.clear_button.clicked.connect(self.clear)
        self.sheet_button = QPushButton(self.tr("Issue reminder sheet"))
        self.sheet_button.setObjectName("issueSheetButton")
        self.sheet_button.setToolTip(self.tr("Only the station chief issues reminder sheets."))
        self.sheet_button.clicked.connect(self.issue_sheet)
        self.sheet_label = QLabel()
        self.sheet_label.setObjectName("caseSheet")
        self.message = QLabel()
        self.message.setObjectName("caseMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self._arrange()
        self.reload()

    def _arrange(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Plan"), self.plan)
        row = QHBoxLayout()
        row.addWidget(self.responsible, 1)
        row.addWidget(QLabel(self.tr("Deadline")))
        row.addWidget(self.deadline)
        row.addWidget(self.save_button)
        form.addRow(self.tr("Responsible"), row)
        log_row = QHBoxLayout()
        log_row.addWidget(self.action_text, 1)
        log_row.addWidget(self.action_button)
        clear_row = QHBoxLayout()
        clear_row.addWidget(self.result_text, 1)
        clear_row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(QLabel(self.tr("Reports in this file")))
        layout.addWidget(self.reports, 1)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Action log")))
        layout.addWidget(self.action_log, 1)
        layout.addLayout(log_row)
        layout.addWidget(QLabel(self.tr("Result (needed to clear; a return visit must be done)")))
        layout.addLayout(clear_row)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label, 1)
        sheet_row.addWidget(self.sheet_button)
        layout.addLayout(sheet_row)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def reload(self) -> None:
        try:
            d = case_files.detail(self.store, self.case_id)
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.setWindowTitle(self.tr("Case file %1").replace("%1", d.code))
        self.header.setText(
            f"<b>{d.code}</b> {d.title}<br>"
            + self.tr("Status: %1").replace("%1", case_status_text(d.status))
            + (" · " + rule_text(self.store, d.rule_id) if d.rule_id else "")
            + (
                " · " + warning_chip(criteria_for(self.store), d.colour, "active", self.lang)
                if d.colour
                else ""
            )
        )
        self.reports.clear()
        for rid, serial, received, itype, status in d.reports:
            text = (
                f"{serial}  {received[:16].replace('T', ' ')}  "
                f"{display_value('incident_type', itype, self.catalog, self.lang)}  "
                f"({status_text(status)})"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, rid)
            self.reports.addItem(item)
        self.plan.setPlainText(d.plan)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(d.officer_id)))
        self.deadline.setDate(QDate.fromString(d.deadline, "yyyy-MM-dd"))
        self.action_log.clear()
        for at, name, text in d.actions:
            self.action_log.addItem(f"{at[:16].replace('T', ' ')}  {name}: {text}")
        self.result_text.setPlainText(d.result)
        active = d.status != case_files.CLEARED
        sheet = reminder_sheets.sheet_of_case(self.store, self.case_id)
        self.sheet_label.setText(
            self.tr("Reminder sheet %1, deadline %2: %3")
            .replace("%1", sheet["code"])
            .replace("%2", sheet["deadline"])
            .replace("%3", sheet_status_text(sheet["status"]))
            if sheet
            else ""
        )
        self.sheet_button.setEnabled(
            active
            and self.officer.may("approve")
            and (sheet is None or sheet["status"] == reminder_sheets.CLEARED)
        )
        for widget in (
            self.plan,
            self.responsible,
            self.deadline,
            self.save_button,
            self.action_text,
            self.action_button,
            self.result_text,
            self.clear_button,
        ):
            widget.setEnabled(active)

    def _run(self, action: object) -> None:
        self.message.setText("")
        try:
            action()  # type: ignore[operator]
        except case_files.CaseNotClearableError as exc:
            missing = cast("list[str]", exc.details.get("missing", []))
            needs = []
            if "result" in missing:
                needs.append(self.tr("state the result"))
            if "visit" in missing:
                needs.append(self.tr("do a return visit on one of its reports"))
            self.message.setText(
                self.tr("The file cannot be cleared yet: %1.").replace("%1", "; ".join(needs))
            )
            return
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.reload()
        self.changed.emit()

    def save(self) -> None:
        day = self.deadline.date().toPython()
        assert isinstance(day, dt.date)
        self._run(
            lambda: case_files.update(
                self.store,
                self.officer,
                self.case_id,
                plan=self.plan.toPlainText(),
                officer_id=self.responsible.currentData(),
                deadline=day,
            )
        )

    def add_action(self) -> None:
        text = self.action_text.text()
        if not text.strip():
            return
        self._run(lambda: case_files.log_action(self.store, self.officer, self.case_id, text))
        if not self.message.text():
            self.action_text.clear()

    def issue_sheet(self) -> None:
        """An official act: said and asked first."""
        if confirm(
            self,
            self.tr("Issue reminder sheet"),
            self.tr(
                "Issue a repeat-report reminder sheet for this case file? It takes the next "
                "sheet number and starts its deadlines; an issued sheet stays on record."
            ),
        ):
            self._run(
                lambda: reminder_sheets.issue_for_case(self.store, self.officer, self.case_id)
            )

    def clear(self) -> None:
        self._run(
            lambda: case_files.clear(
                self.store, self.officer, self.case_id, self.result_text.toPlainText()
            )
        )
